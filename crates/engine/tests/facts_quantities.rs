//! Quantities: the noun after a number, classified.

use qarin_engine::model::Qualifier;
use qarin_engine::facts::quantities::{find, FoundQuantity, QClass};

fn one(text: &str) -> FoundQuantity {
    let f = find(text);
    assert_eq!(f.len(), 1, "one quantity in «{text}»: {f:?}");
    f.into_iter().next().unwrap()
}

#[test]
fn personnel_in_digits_and_words_is_one_class() {
    for text in ["تضمّ 2030 جندياً من روسيا", "وقوامها 2000 عنصر إلى كازاخستان", "٣٠٠ جندي", "ثلاثمئة عنصر", "نحو 500 عسكري", "جنديين"] {
        let q = one(text);
        assert_eq!(q.class, QClass::Personnel, "«{text}»");
    }
    assert_eq!(one("تضمّ 2030 جندياً من روسيا").value, 2030.0);
    assert_eq!(one("تضمّ 2030 جندياً من روسيا").text, "2030 جندياً");
    // A nationality adjective narrows the subject.
    assert_eq!(one("أرسلت 300 جندي روسي").subject.as_deref(), Some("nat:روس"));
    assert_eq!(one("أرسلت 300 جندي إلى").subject, None);
}

#[test]
fn time_spans_and_the_dual() {
    let q = one("ستغادر البلاد خلال يومين");
    assert_eq!((q.class, q.value, q.unit), (QClass::Duration, 2.0, Some("day")));
    let q = one("لن يستغرق ذلك أكثر من 10 أيام");
    assert_eq!((q.class, q.value, q.unit, q.qualifier), (QClass::Duration, 10.0, Some("day"), Some(Qualifier::AtMost)));
    assert_eq!(q.text, "أكثر من 10 أيام");
    assert_eq!(one("خلال مدة عشرة أيام").value, 10.0);
    assert_eq!(one("منذ شهرين").unit, Some("month"));
    assert_eq!(one("لمدة ثلاث ساعات").unit, Some("hour"));
    assert_eq!(one("منذ 30 عاماً").class, QClass::Duration);
    assert_eq!(one("بعد أسبوعين").unit, Some("week"));
}

#[test]
fn killed_injured_arrested() {
    let q = one("قُتل 17 من رجال الأمن، ثم");
    assert_eq!((q.class, q.value), (QClass::Killed, 17.0));
    assert_eq!(q.subject.as_deref(), Some("security"));
    assert_eq!(q.text, "17 من رجال الأمن");
    let q = one("أدت إلى سقوط عشرات القتلى");
    assert_eq!((q.class, q.vague, q.subject.as_deref()), (QClass::Killed, true, None));
    let q = one("وأودت بالعشرات، وفق");
    assert_eq!((q.class, q.value, q.vague), (QClass::Killed, 10.0, true));
    let q = one("إن نحو 1000 شخص أصيبوا خلال الاحتجاجات");
    assert_eq!((q.class, q.value, q.qualifier), (QClass::Injured, 1000.0, Some(Qualifier::About)));
    let q = one("وأصيب أكثر من 1300 آخرين");
    assert_eq!((q.class, q.value, q.qualifier), (QClass::Injured, 1300.0, Some(Qualifier::MoreThan)));
    let q = one("مقتل عناصر من قوات الأمن وإصابة المئات جراء");
    assert_eq!((q.class, q.value, q.vague), (QClass::Injured, 100.0, true));
    assert_eq!(one("سقط 5 جرحى").class, QClass::Injured);
    assert_eq!(one("اعتقال 200 متظاهر").class, QClass::Arrested);
    assert_eq!(one("اعتقال 200 متظاهر").subject.as_deref(), Some("protesters"));
    let q = one("مقتل 12 جنديا");
    assert_eq!((q.class, q.subject.as_deref()), (QClass::Killed, Some("military")));
    assert_eq!(one("قتل جنديين").class, QClass::Killed);
    assert_eq!(one("قتل 30 شخصا على الأقل").qualifier, Some(Qualifier::AtLeast));
}

#[test]
fn money_percent_population() {
    let q = one("قرض بقيمة 1.5 مليار دولار");
    assert_eq!((q.class, q.value, q.unit), (QClass::Money, 1.5e9, Some("dollar")));
    assert_eq!(one("غرامة 500 ألف روبل").unit, Some("ruble"));
    assert_eq!(one("راتب 100 ألف تنغي").unit, Some("tenge"));
    assert_eq!(one("خسائر 3 ملايين يورو").unit, Some("euro"));
    assert_eq!(one("بلغت $200 فقط").unit, Some("dollar"));
    for text in ["ارتفع بنسبة 50%", "ارتفع بنسبة ٥٠٪", "ارتفع 50 بالمئة", "ارتفع 50 في المئة", "ارتفع 50 في المائة"] {
        let q = one(text);
        assert_eq!((q.class, q.value), (QClass::Percent, 50.0), "«{text}»");
    }
    let q = one("البالغ عدد سكانها 19 مليون نسمة");
    assert_eq!((q.class, q.value), (QClass::Population, 19e6));
    assert_eq!(one("يبلغ عدد سكانها ٣ ملايين مواطن").class, QClass::Population);
}

#[test]
fn ages() {
    let q = one("الرجل البالغ 81 عاماً الذي حكم");
    assert_eq!((q.class, q.value, q.unit), (QClass::Age, 81.0, Some("year")));
    assert_eq!(one("وشغل إسماعيلوف، 49 عاماً، منصب").class, QClass::Age);
    assert_eq!(one("توفي (75 عاما) في").class, QClass::Age);
    assert_eq!(one("يبلغ من العمر 60 عاما").class, QClass::Age);
    assert_eq!(one("وهو في الخمسين... كان 40 عاما من العمر").class, QClass::Age);
    // Not an age.
    assert_eq!(one("حكم البلاد 30 عاماً").class, QClass::Duration);
}

#[test]
fn generic_counts_keep_their_noun() {
    let q = one("أقلعت أربع طائرات نقل عسكرية");
    assert_eq!((q.class, q.value), (QClass::Count, 4.0));
    assert_eq!(q.text, "أربع طائرات");
    // Singular and plural of one noun are one noun.
    assert_eq!(one("خمس طائرات").noun, one("أسقطت 15 طائرة").noun);
    assert_ne!(one("خمس طائرات").noun, one("خمس دبابات").noun);
    // A bare number counts nothing.
    assert!(find("قال إن العدد 17").is_empty());
    // Years and dates are not quantities.
    assert!(find("في 21 أبريل 2006").is_empty());
    assert!(find("منذ استقلالها العام 1991").is_empty());
}
