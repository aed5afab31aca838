//! Linking and Arabic name structure, on short texts written for these tests (none from the
//! bundled corpus): what must stay apart, what must join, and what is only suggested.

use qarin_engine::{analyze, Analysis, Document, LinkRule};

fn docs(texts: &[&str]) -> Analysis {
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document { id: format!("d{i}"), file: format!("d{i}.txt"), title: format!("d{i}"), text: t.to_string(), ..Default::default() })
        .collect();
    analyze(&documents)
}

/// The entity of the first mention written exactly `text`.
fn entity(a: &Analysis, text: &str) -> String {
    a.documents
        .iter()
        .flat_map(|d| &d.mentions)
        .find(|m| m.text == text)
        .unwrap_or_else(|| panic!("no mention «{text}»: {:?}", a.documents.iter().flat_map(|d| d.mentions.iter().map(|m| &m.text)).collect::<Vec<_>>()))
        .entity
        .clone()
}

#[test]
fn a_father_and_his_son_named_after_him_stay_apart() {
    // `محمد بن سلمان` is Mohammed son of Salman: `سلمان` is his father's name, not his family's.
    let a = docs(&["استقبل الملك سلمان بن عبد العزيز في الرياض ولي العهد الأمير محمد بن سلمان، وقال الملك سلمان إن المملكة ماضية في الإصلاح."]);
    let (king, son) = (entity(&a, "سلمان بن عبد العزيز"), entity(&a, "محمد بن سلمان"));
    assert_ne!(king, son);
    assert_ne!(entity(&a, "سلمان"), son, "the king's given name alone is not his son");
}

#[test]
fn relatives_who_share_a_family_name_stay_apart() {
    let a = docs(&[
        "قال الرئيس السوري بشار الأسد في دمشق إن الحكومة ستعيد الإعمار.",
        "وقال العميد ماهر الأسد قائد الفرقة الرابعة في الجيش السوري إن المعارك انتهت.",
    ]);
    assert_ne!(entity(&a, "بشار الأسد"), entity(&a, "ماهر الأسد"));
    // At most a suggestion, never a merge.
    assert!(a.suggestions.iter().all(|s| matches!(s.rule, LinkRule::GivenNameDiffers)));
}

#[test]
fn different_given_names_in_different_articles_are_a_suggestion() {
    let a = docs(&[
        "وقاد القوات الجنرال أناتولي سيرديوكوف الذي قال إن المهمة انتهت.",
        "وقال الجنرال الروسي أندري سيرديوكوف إن المهمة انتهت.",
    ]);
    let (x, y) = (entity(&a, "أناتولي سيرديوكوف"), entity(&a, "أندري سيرديوكوف"));
    assert_ne!(x, y);
    assert!(a.suggestions.iter().any(|s| (s.a == x && s.b == y) || (s.a == y && s.b == x)), "{:?}", a.suggestions);
}

#[test]
fn an_alias_in_brackets_links_to_the_name_before_it() {
    let a = docs(&[
        "قررت منظمة الدول المصدرة للنفط (أوبك) خفض الإنتاج.",
        "وقالت أوبك في بيان إن القرار يهدف إلى استقرار السوق.",
    ]);
    let opec = entity(&a, "منظمة الدول المصدرة للنفط");
    assert_eq!(entity(&a, "أوبك"), opec);
    let reasons = &a.entities.iter().find(|e| e.id == opec).unwrap().reasons;
    assert!(reasons.iter().any(|r| r.rule == LinkRule::Alias), "{reasons:?}");
}

#[test]
fn a_city_and_a_district_named_after_it_stay_apart() {
    let a = docs(&["انتقلت الوزارات من القاهرة إلى العاصمة الإدارية، وافتتح مقر جديد في مدينة القاهرة الجديدة، شرقي القاهرة."]);
    let names: Vec<&str> = a.documents[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(names.contains(&"القاهرة الجديدة"), "{names:?}");
    assert_ne!(entity(&a, "القاهرة"), entity(&a, "القاهرة الجديدة"));
}

#[test]
fn a_country_long_and_short_form_are_one_entity() {
    let a = docs(&["أعلنت المملكة العربية السعودية استضافة القمة.", "وقالت السعودية إن القمة ستعقد في الرياض."]);
    let saudi = entity(&a, "السعودية");
    assert_eq!(entity(&a, "المملكة العربية السعودية"), saudi);
    let e = a.entities.iter().find(|e| e.id == saudi).unwrap();
    assert_eq!(e.label, "السعودية", "a country goes by its usual name");
    assert_eq!(e.latin, "Saudi Arabia");
    assert!(e.reasons.iter().any(|r| matches!(&r.rule, LinkRule::SameCountry { iso } if iso == "SA")), "{:?}", e.reasons);
}

#[test]
fn transliteration_variants_of_one_name_link() {
    let a = docs(&["وقال الرئيس قاسم جومارت توكاييف إن الوضع مستقر.", "وأكد الرئيس قاسم جومرت توكاييف أن القوات ستغادر."]);
    assert_eq!(entity(&a, "قاسم جومارت توكاييف"), entity(&a, "قاسم جومرت توكاييف"));
}

#[test]
fn a_name_without_its_middle_name_links_across_articles() {
    let a = docs(&[
        "وضم المجلس في عضويته العميد طارق صالح قائد قوات المقاومة الوطنية.",
        "وأدى العميد طارق محمد صالح اليمين الدستورية أمام المجلس.",
    ]);
    let full = entity(&a, "طارق محمد صالح");
    assert_eq!(entity(&a, "طارق صالح"), full);
    let e = a.entities.iter().find(|e| e.id == full).unwrap();
    assert!(e.reasons.iter().any(|r| r.rule == LinkRule::MiddleName), "{:?}", e.reasons);
}

#[test]
fn a_given_name_alone_links_to_the_one_full_name_that_starts_with_it_across_articles() {
    let a = docs(&[
        "وأعلن الرئيس التونسي قيس سعيد فوز الدستور الجديد في الاستفتاء.",
        "ورد قيس على منتقديه في خطاب مساء الاثنين.",
        "وقال المحلل زياد الهاشمي إن النتيجة متوقعة.",
    ]);
    let full = entity(&a, "قيس سعيد");
    assert_eq!(entity(&a, "قيس"), full);
    let e = a.entities.iter().find(|e| e.id == full).unwrap();
    assert!(e.reasons.iter().any(|r| r.rule == LinkRule::GivenNameAlone), "{:?}", e.reasons);
    // Two full names start with it: nobody's.
    let a = docs(&[
        "وقال الرئيس قيس سعيد إن الدستور يحمي الحريات.",
        "ورد المعارض قيس الهاشمي على الرئيس في بيان.",
        "ورد قيس على منتقديه في خطاب مساء الاثنين.",
    ]);
    assert_ne!(entity(&a, "قيس"), entity(&a, "قيس سعيد"));
    assert_ne!(entity(&a, "قيس"), entity(&a, "قيس الهاشمي"));
    // Nor when it is also a full name's family name (`حسين` of `صدام حسين`).
    let a = docs(&[
        "وقال القائد حسين سلامي إن الرد سيكون قاسيا.",
        "وكان الرئيس صدام حسين قد حكم العراق طويلا، وكذلك ذكر الكاتب طه حسين.",
        "ورد حسين على منتقديه في خطاب مساء الاثنين.",
    ]);
    assert_ne!(entity(&a, "حسين"), entity(&a, "حسين سلامي"));
}

#[test]
fn an_organisation_and_the_same_as_a_construct_link_but_not_two_national_bodies() {
    let a = docs(&[
        "وأعلن رئيس الهيئة العليا المستقلة للانتخابات النتائج الأولية للاستفتاء.",
        "وقالت هيئة الانتخابات إن نسبة المشاركة بلغت 30 في المئة.",
        "وأكد المركز المغربي للبحث العلمي أن الهزة قوية، فيما قال المركز الفرنسي للبحث العلمي إنها متوسطة.",
    ]);
    let long = entity(&a, "الهيئة العليا المستقلة للانتخابات");
    assert_eq!(entity(&a, "هيئة الانتخابات"), long);
    let e = a.entities.iter().find(|e| e.id == long).unwrap();
    assert!(e.reasons.iter().any(|r| r.rule == LinkRule::Construct), "{:?}", e.reasons);
    assert_ne!(entity(&a, "المركز المغربي للبحث العلمي"), entity(&a, "المركز الفرنسي للبحث العلمي"));
}

#[test]
fn family_names_of_two_words_link_to_the_full_name() {
    // `أبو` + a word is one family name (glued or not), and so is a Turkish name + `أوغلو`, however
    // each outlet transliterates it.
    let a = docs(&[
        "قتلت الصحفية سلمى أبو راشد أثناء تغطيتها، وقال زملاء أبو راشد إنها كانت ترتدي سترة الصحافة.",
        "ونعت النقابة الصحفية سلمى أبوراشد. وقال المرشح كمال قليجدار أوغلو إن المعركة مستمرة.",
        "وهنأ المرشح كمال كليجدار أوغلو منافسه، وقال كليجدار أوغلو إن المعارضة باقية.",
        "وألقى كمال كليتشدار أوغلو كلمة في أنقرة.",
    ]);
    let salma = entity(&a, "سلمى أبو راشد");
    assert_eq!(entity(&a, "أبو راشد"), salma);
    assert_eq!(entity(&a, "سلمى أبوراشد"), salma);
    let kemal = entity(&a, "كمال قليجدار أوغلو");
    assert_eq!(entity(&a, "كمال كليتشدار أوغلو"), kemal);
    assert_eq!(entity(&a, "كمال كليجدار أوغلو"), kemal);
    assert_eq!(entity(&a, "كليجدار أوغلو"), kemal);
}

#[test]
fn a_family_name_with_and_without_the_article_is_one_name() {
    let a = docs(&["وأصيب الصحفي علي سمودي برصاصة في الظهر.", "وقال الصحفي علي السمودي إنه أصيب في الظهر."]);
    assert_eq!(entity(&a, "علي سمودي"), entity(&a, "علي السمودي"));
}

#[test]
fn a_given_name_and_the_fathers_link_to_the_one_longer_name_they_start() {
    let a = docs(&[
        "وتولى الوزير سامر عبد الكريم حقيبة النفط في الحكومة الجديدة.",
        "واختار رئيس الوزراء سامر عبدالكريم الحسيني وزيرا للنفط.",
    ]);
    assert_eq!(entity(&a, "سامر عبد الكريم"), entity(&a, "سامر عبدالكريم الحسيني"));
    // Two longer names start the same way: two people, and the short name joins neither.
    let a = docs(&[
        "وتولى الوزير سامر عبد الكريم حقيبة النفط في الحكومة الجديدة.",
        "واختار رئيس الوزراء سامر عبدالكريم الحسيني وزيرا للنفط، وعين سامر عبدالكريم النجفي محافظا.",
    ]);
    let (x, y) = (entity(&a, "سامر عبدالكريم الحسيني"), entity(&a, "سامر عبدالكريم النجفي"));
    assert_ne!(x, y);
    let short = entity(&a, "سامر عبد الكريم");
    assert!(short != x && short != y);
}

#[test]
fn a_club_with_and_without_the_word_club_is_one_club() {
    let a = docs(&[
        "وقال مدرب النادي الأهلي إن الفريق استحق الفوز في النهائي.",
        "وهنأ الاتحاد نادي الأهلي بعد التتويج، وأشاد لاعبو الأهلي بالجمهور.",
    ]);
    let ahly = entity(&a, "نادي الأهلي");
    for other in ["النادي الأهلي", "الأهلي"] {
        assert_eq!(entity(&a, other), ahly, "{other}");
    }
}

#[test]
fn a_nickname_in_brackets_or_quotes_after_a_full_name_is_that_person() {
    let a = docs(&[
        "وبعد 11 دقيقة أضاف محمد مجدي (قفشة) الهدف الثاني للفريق.",
        "وسجل محمد مجدي \"أفشة\" هدفا رائعا في الشوط الثاني.",
    ]);
    let afsha = entity(&a, "محمد مجدي");
    assert_eq!(entity(&a, "قفشة"), afsha);
    assert_eq!(entity(&a, "أفشة"), afsha);
    // An ordinary word in brackets after a name is none: `(أرشيف)`, "archive".
    let b = docs(&["وظهر الرئيس عبد المجيد تبون (أرشيف) في الاجتماع."]);
    assert!(!b.documents.iter().flat_map(|d| &d.mentions).any(|m| m.text == "أرشيف"));
}

#[test]
fn two_names_the_lists_give_one_latin_name_are_one_organisation() {
    let a = docs(&[
        "ودعت الجامعة العربية إلى التهدئة، بحسب وكالة الأنباء السعودية.",
        "وقال الأمين العام لجامعة الدول العربية إن الاجتماع مهم، وفق ما نقلت واس.",
    ]);
    let league = entity(&a, "الجامعة العربية");
    assert_eq!(entity(&a, "جامعة الدول العربية"), league);
    assert_eq!(entity(&a, "واس"), entity(&a, "وكالة الأنباء السعودية"));
    assert_ne!(entity(&a, "واس"), league);
    let e = a.entities.iter().find(|e| e.id == league).expect("the league");
    assert!(e.reasons.iter().any(|r| matches!(&r.rule, LinkRule::SameListedName { latin } if latin == "Arab League")), "{:?}", e.reasons);
}

#[test]
fn the_short_official_forms_of_a_country_name_it() {
    let a = docs(&["ميناء العقبة هو الميناء البحري الوحيد في المملكة الأردنية، وقال مسؤول في الأردن إن الحركة عادت.", "وأرسلت مصر مستشفى ميدانيا إلى جمهورية لبنان، وشكر لبنان الجيش المصري."]);
    assert_eq!(entity(&a, "المملكة الأردنية"), entity(&a, "الأردن"));
    assert_eq!(entity(&a, "جمهورية لبنان"), entity(&a, "لبنان"));
}
