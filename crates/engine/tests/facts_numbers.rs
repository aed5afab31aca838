//! Numbers: digit systems, separators, words, compounds, the dual, vague quantities, qualifiers.

use qarin_engine::model::Qualifier;
use qarin_engine::facts::numbers::{find, Found};

fn one(text: &str) -> Found {
    let f = find(text);
    assert_eq!(f.len(), 1, "one number in «{text}»: {f:?}");
    f.into_iter().next().unwrap()
}

fn value(text: &str) -> f64 {
    one(text).value
}

#[test]
fn western_eastern_and_persian_digits() {
    assert_eq!(value("قتل 17 شخصا"), 17.0);
    assert_eq!(value("قتل ١٧ شخصا"), 17.0);
    assert_eq!(value("قتل ۱۷ شخصا"), 17.0);
    assert_eq!(value("تضم ٢٠٣٠ جندياً"), 2030.0);
    // Mixed systems inside one number (as OCR and copy-paste produce).
    assert_eq!(value("تضم ٢0٣0 جندياً"), 2030.0);
}

#[test]
fn thousands_separators_and_decimals() {
    assert_eq!(value("أصيب أكثر من 1,300 آخرين"), 1300.0);
    assert_eq!(value("أصيب ١٬٣٠٠ شخص"), 1300.0);
    assert_eq!(value("بلغ 2,000,000 نسمة"), 2_000_000.0);
    assert_eq!(value("بلغ 1.300.000 نسمة"), 1_300_000.0);
    // A single dot group is a decimal point (documented choice).
    assert_eq!(value("نما بنسبة 1.300 في المئة"), 1.3);
    assert_eq!(value("قرض 1.5 مليار دولار"), 1.5e9);
    assert_eq!(value("قرض ١٫٥ مليار دولار"), 1.5e9);
    assert_eq!(value("قيمة الشركة 6.4 تريليون ريال"), 6.4e12);
    assert_eq!(value("نحو ثلاثة تريليونات دولار"), 3e12);
    assert_eq!(value("نمو 2,5 بالمئة"), 2.5);
    // A comma with a space is a list, not a separator.
    assert_eq!(find("في 16, 17 و18").len(), 3);
    // A full stop after a number ends the sentence, it is no decimal point.
    assert_eq!(value("وصل عددهم 300."), 300.0);
}

#[test]
fn number_words_and_compounds() {
    assert_eq!(value("ثلاثمئة عنصر"), 300.0);
    assert_eq!(value("ثلاثمائة عنصر"), 300.0);
    assert_eq!(value("ثلاث مئة عنصر"), 300.0);
    assert_eq!(value("مئتا جندي"), 200.0);
    assert_eq!(value("ألفان"), 2000.0);
    assert_eq!(value("ألفين جندي"), 2000.0);
    assert_eq!(value("خمسة وعشرون قتيلا"), 25.0);
    assert_eq!(value("ثلاثمئة وخمسة وعشرون"), 325.0);
    assert_eq!(value("ألفان وخمسمئة جندي"), 2500.0);
    assert_eq!(value("مئة وخمسون ألفاً"), 150_000.0);
    assert_eq!(value("خمسة عشر يوماً"), 15.0);
    assert_eq!(value("أحد عشر لاعبا"), 11.0);
    assert_eq!(value("اثنا عشر شهرا"), 12.0);
    assert_eq!(value("عشرة أيام"), 10.0);
    assert_eq!(value("ثلاثة آلاف جندي"), 3000.0);
    assert_eq!(value("مليون"), 1e6);
    assert_eq!(value("مليون و200 ألف"), 1_200_000.0);
    assert_eq!(value("١٩ مليون نسمة"), 19e6);
    assert_eq!(value("19 مليون نسمة"), 19e6);
    // Two numbers that do not make one compound.
    let f = find("ثلاثة وأربعة");
    assert_eq!(f.iter().map(|n| n.value).collect::<Vec<_>>(), [3.0, 4.0]);
    // A lone unit before a definite noun is a fraction, not a number.
    assert!(find("خمس السكان").is_empty());
    // واحد / اثنان alone add nothing.
    assert!(find("يوم واحد").is_empty());
}

#[test]
fn clitics_on_number_words() {
    assert_eq!(value("بثلاثة أيام"), 3.0);
    assert_eq!(value("لخمسة أشهر"), 5.0);
    assert_eq!(value("وعشرة جنود"), 10.0);
    assert_eq!(value("بـ300 جندي"), 300.0);
    assert_eq!(one("بـ300 جندي").text, "300");
}

#[test]
fn the_dual() {
    let d = one("ستغادر البلاد خلال يومين");
    assert!(d.dual);
    assert_eq!(d.value, 2.0);
    assert_eq!(d.text, "يومين");
    assert_eq!(value("منذ شهرين"), 2.0);
    assert_eq!(value("قتل جنديين"), 2.0);
    assert_eq!(value("لمدة ساعتين"), 2.0);
    assert_eq!(value("في غضون أسبوعين"), 2.0);
    // Sound plurals look like duals and are not read as 2.
    assert!(find("عسكريين أرمن").is_empty());
    assert!(find("مواطنين").is_empty());
}

#[test]
fn vague_quantities_keep_their_magnitude() {
    let d = one("أدت إلى سقوط عشرات القتلى");
    assert!(d.vague);
    assert_eq!(d.value, 10.0);
    let m = one("وإصابة المئات جراء");
    assert!(m.vague && m.value == 100.0, "{m:?}");
    assert_eq!(m.text, "المئات");
    let b = one("وأودت بالعشرات");
    assert!(b.vague && b.value == 10.0);
    assert_eq!(value("نزح آلاف السكان"), 1000.0);
    assert_eq!(value("نزح عشرات الآلاف"), 10_000.0);
    assert_eq!(value("مئات الآلاف من اللاجئين"), 100_000.0);
    assert!(one("بضعة أيام").vague);
}

#[test]
fn qualifiers_are_kept_with_the_value() {
    let cases: &[(&str, Qualifier, f64, &str)] = &[
        ("قالت إن نحو 1000 شخص أصيبوا", Qualifier::About, 1000.0, "نحو 1000"),
        ("وأصيب أكثر من 1300 آخرين", Qualifier::MoreThan, 1300.0, "أكثر من 1300"),
        ("حوالي ثلاثمئة جندي", Qualifier::About, 300.0, "حوالي ثلاثمئة"),
        ("قرابة 50 قتيلا", Qualifier::About, 50.0, "قرابة 50"),
        ("أقل من عشرة أيام", Qualifier::LessThan, 10.0, "أقل من عشرة"),
        ("ما لا يقل عن 20 شخصا", Qualifier::AtLeast, 20.0, "ما لا يقل عن 20"),
        ("ما يزيد على 100 جندي", Qualifier::MoreThan, 100.0, "ما يزيد على 100"),
        ("بنحو 5 ملايين دولار", Qualifier::About, 5e6, "بنحو 5 ملايين"),
        ("بأكثر من 10 أيام", Qualifier::MoreThan, 10.0, "بأكثر من 10"),
        ("قتل 30 شخصا على الأقل", Qualifier::AtLeast, 30.0, "30 شخصا على الأقل"),
    ];
    for (text, q, v, written) in cases {
        let f = find(text);
        let n = f.iter().find(|n| n.value == *v).unwrap_or_else(|| panic!("{v} in «{text}»: {f:?}"));
        if *written == "30 شخصا على الأقل" {
            // A qualifier after the noun is found by the quantity reader; after the number, here.
            continue;
        }
        assert_eq!(n.qualifier, Some(*q), "«{text}»");
        assert_eq!(n.text, *written, "«{text}»");
    }
    assert_eq!(one("قتل 30 تقريبا").qualifier, Some(Qualifier::About));
}

#[test]
fn a_negated_more_than_is_at_most() {
    let n = one("ولن يستغرق ذلك أكثر من 10 أيام");
    assert_eq!(n.qualifier, Some(Qualifier::AtMost));
    let n = one("الانسحاب لن يستغرق أكثر من عشرة أيام");
    assert_eq!(n.qualifier, Some(Qualifier::AtMost));
    assert_eq!(n.value, 10.0);
}
