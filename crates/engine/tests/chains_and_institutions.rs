//! Names written the way the region writes them, on sentences written for these tests (invented
//! people and places where a list could know the real ones): Mauritanian `ولد` chains, Gulf chains
//! of fathers' names with the article, institutions named with a status adjective, buildings by
//! their head word, and the units of amounts, which are no names.

mod common;

use common::{analysis_of, has, mentions_of};
use qarin_engine::{analyze, Document, EntityType};

#[test]
fn a_mauritanian_chain_with_ould_is_one_name() {
    let f = mentions_of("وشارك الرئيس محمد ولد عبد الودود في الاجتماع، وانتقد الرئيس الأسبق سالم ولد الحاكي القرار.");
    assert!(has(&f, "محمد ولد عبد الودود", EntityType::Per), "{f:?}");
    assert!(has(&f, "سالم ولد الحاكي", EntityType::Per), "{f:?}");
}

#[test]
fn the_chain_with_its_connector_names_the_man() {
    let a = analysis_of("وفاز المرشح مختار ولد الحاكي بالانتخابات.\nوقال ولد الحاكي إن النتائج نهائية.");
    let m = &a.documents[0].mentions;
    let id = |t: &str| m.iter().find(|x| x.text == t).map(|x| x.entity.clone());
    assert!(id("ولد الحاكي").is_some(), "{m:?}");
    assert_eq!(id("ولد الحاكي"), id("مختار ولد الحاكي"), "{m:?}");
    let e = a.entities.iter().find(|e| Some(&e.id) == id("مختار ولد الحاكي").as_ref()).expect("the entity");
    assert!(e.latin.contains("Ould"), "{}", e.latin);
}

#[test]
fn a_gulf_chain_of_fathers_names_is_one_name() {
    let f = mentions_of("واستقبل رئيس مجلس الوزراء الشيخ صباح الخالد الحمد الصباح الوفود.");
    assert!(has(&f, "صباح الخالد الحمد الصباح", EntityType::Per), "{f:?}");
    // A family name with the article still ends a name that no father's name continues.
    let f = mentions_of("وقال الشيخ حسين الفردان الجديد في المجلس إن القرار صائب.");
    assert!(!f.iter().any(|(t, _)| t.contains("الجديد")), "{f:?}");
}

#[test]
fn a_given_name_and_a_fathers_name_open_the_chain() {
    // Two outlets: one writes the whole chain and then its first two names, the other the chain
    // without the grandfather.
    let doc = |id: &str, text: &str| Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), text: text.into(), ..Default::default() };
    let a = analyze(&[doc("a", "وأدى الشيخ ناصر الخالد الحمد الصباح اليمين أمام المجلس. ناصر الخالد يؤدي اليمين."), doc("b", "وأدى الشيخ ناصر الخالد الصباح اليمين.")]);
    let m: Vec<_> = a.documents.iter().flat_map(|d| d.mentions.iter()).collect();
    let id = |t: &str| m.iter().find(|x| x.text == t).map(|x| x.entity.clone());
    assert!(id("ناصر الخالد").is_some(), "{m:?}");
    assert_eq!(id("ناصر الخالد"), id("ناصر الخالد الحمد الصباح"), "{m:?}");
}

#[test]
fn a_status_adjective_is_no_part_of_the_name() {
    let f = mentions_of("وذكرت وكالة الأنباء الزالمورية الرسمية أن الوزير وصل، وأفاد التلفزيون الجزائري الرسمي بأن الحصيلة ارتفعت. وقالت شركة غاز الشمال الحكومية إن الإنتاج توقف.");
    assert!(has(&f, "وكالة الأنباء الزالمورية", EntityType::Org), "{f:?}");
    assert!(has(&f, "التلفزيون الجزائري", EntityType::Org), "{f:?}");
    assert!(has(&f, "شركة غاز الشمال", EntityType::Org), "{f:?}");
    // Alone with its head, it names no outlet.
    let f = mentions_of("وبحسب التلفزيون الرسمي فإن 12 عسكريا في حالة حرجة، ونقلت وكالة الأنباء الرسمية الخبر.");
    assert!(!f.iter().any(|(t, _)| t.contains("التلفزيون") || t.contains("وكالة")), "{f:?}");
    // Right after the head, it is the name's own: an intergovernmental body.
    let f = mentions_of("وقال رئيس الهيئة الحكومية الدولية المعنية بالمناخ إن التقرير جاهز.");
    assert!(f.iter().any(|(t, k)| t.starts_with("الهيئة الحكومية الدولية") && *k == EntityType::Org), "{f:?}");
    // The agency's short name in quotation marks after the status adjective is its alias.
    let a = analysis_of("ونقلت وكالة الأنباء الزالمورية الرسمية “زام” رسالة الرئيس.");
    let m = &a.documents[0].mentions;
    let id = |t: &str| m.iter().find(|x| x.text == t).map(|x| x.entity.clone());
    assert!(id("زام").is_some(), "{m:?}");
    assert_eq!(id("زام"), id("وكالة الأنباء الزالمورية"), "{m:?}");
}

#[test]
fn a_mosque_a_hospital_and_a_cemetery_are_places() {
    let f = mentions_of("ونقل الجثمان إلى مسجد عمار بن ياسر ثم إلى مقبرة الزيتونات، بعد وفاته في مستشفى ابن رشد.");
    assert!(has(&f, "مسجد عمار بن ياسر", EntityType::Loc), "{f:?}");
    assert!(has(&f, "مقبرة الزيتونات", EntityType::Loc), "{f:?}");
    assert!(has(&f, "مستشفى ابن رشد", EntityType::Loc), "{f:?}");
    // Ports and airports are named sites too: the port of a city is not the city.
    let f = mentions_of("وهبطت الطائرة في مطار زالمورا الدولي، ووقع الانفجار في مرفأ بيروت.");
    assert!(has(&f, "مطار زالمورا الدولي", EntityType::Loc), "{f:?}");
    assert!(has(&f, "مرفأ بيروت", EntityType::Loc), "{f:?}");
    // A common word after the head names no building.
    let f = mentions_of("وصلى المشيعون في مسجد الحي، ونقل المصابون إلى مستشفى الحي.");
    assert!(!f.iter().any(|(t, _)| t.contains("مسجد") || t.contains("مستشفى")), "{f:?}");
}

#[test]
fn a_currency_is_no_name() {
    let f = mentions_of("وحصلت البلاد على قرض بقيمة 3 مليارات دولار، وتراجع الجنيه إلى 22 جنيها للدولار، وارتفع الدولار الأمريكي.");
    assert!(!f.iter().any(|(t, _)| t.contains("دولار") || t.contains("جنيه")), "{f:?}");
}

#[test]
fn a_currency_after_an_amount_is_no_club() {
    // `ريال` is a club's first word in the training text (`ريال مدريد`); after an amount it is
    // the amount's unit.
    let f = mentions_of("وارتفع تقييم الشركة من 6.4 تريليون ريال إلى 7.04 تريليون ريال، بعد جمع 446 مليار ريال.");
    assert!(!f.iter().any(|(t, _)| t.contains("ريال")), "{f:?}");
}

#[test]
fn an_invocation_is_no_name() {
    let f = mentions_of("وقال الملك: \"الله يمسيكم بالخير\"، وإن شاء الله بيوتنا عامرة. وحضر عبد الله الثاني الحفل.");
    assert!(!f.iter().any(|(t, _)| t == "الله"), "{f:?}");
    assert!(f.iter().any(|(t, _)| t.contains("عبد الله")), "{f:?}");
}

#[test]
fn state_institutions_with_ordinary_head_words_are_organisations() {
    let f = mentions_of("وأعلن الديوان الأميري الوفاة، وأعلنت رئاسة الجمهورية الحداد، وتواصل فرق الحماية المدنية العمل.");
    assert!(has(&f, "الديوان الأميري", EntityType::Org), "{f:?}");
    assert!(has(&f, "رئاسة الجمهورية", EntityType::Org), "{f:?}");
    assert!(has(&f, "الحماية المدنية", EntityType::Org), "{f:?}");
    let f = mentions_of("وهرعت سيارات الإسعاف وفرق الإطفاء والدفاع المدني إلى موقع الانفجار.");
    assert!(has(&f, "الدفاع المدني", EntityType::Org), "{f:?}");
}

#[test]
fn a_word_ending_in_hamza_is_no_relative_adjective() {
    // `التعبئة` is matched as `التعبيه`, which looks like a feminine `-ية`: it is no part of the name.
    let f = mentions_of("وأعلنت حركة الجهاد الإسلامي التعبئة العامة في صفوفها.");
    assert!(has(&f, "حركة الجهاد الإسلامي", EntityType::Org), "{f:?}");
}

#[test]
fn armed_groups_without_a_head_word_are_organisations() {
    let f = mentions_of("وتبنى تنظيم داعش الهجوم، فيما قالت جماعة الحوثي إن طائراتها قصفت الموقع. وأدانت هيئة تحرير الشام القصف.");
    assert!(has(&f, "داعش", EntityType::Org), "{f:?}");
    // (`جماعة`, "group", describes it: see the test below.)
    assert!(has(&f, "الحوثي", EntityType::Org), "{f:?}");
    // Not an editor's line naming the outlet `الشام القصف`.
    assert!(has(&f, "هيئة تحرير الشام", EntityType::Org), "{f:?}");
}

#[test]
fn an_indefinite_council_or_company_described_is_no_name() {
    // `مجلس شورى منتخب` "an elected consultative council", `أول برلمان قطري` "the first Qatari
    // parliament", `أكبر شركة مدرجة` "the largest listed company": descriptions.
    let f = mentions_of("وصوت الناخبون لاختيار مجلس شورى منتخب، في أول برلمان قطري، وأصبحت الشركة أكبر شركة مدرجة في العالم.");
    assert!(!f.iter().any(|(t, _)| t.contains("شورى") || t.contains("برلمان") || t.contains("مدرجة")), "{f:?}");
    // A name after the head is still one: `حركة حماس`, `مجلس الشورى`.
    let f = mentions_of("وقالت حركة حماس إن مجلس الشورى سينعقد.");
    assert!(f.iter().any(|(t, _)| t.contains("حماس")) && f.iter().any(|(t, _)| t == "مجلس الشورى"), "{f:?}");
}

#[test]
fn group_and_militia_describe_the_group_named_after_them() {
    let f = mentions_of("وقالت جماعة الحوثي اليمنية إنها استولت على سفينة، وأدانت الحكومة اختطاف ميليشيا الحوثي للسفينة، فيما أقرت الميليشيات بمقتل قائد.");
    assert!(f.contains(&("الحوثي".to_string(), EntityType::Org)), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("جماعة") || t.contains("ميليشيا") || t.contains("الميليشيات") || t.contains("اليمنية")), "{f:?}");
}

#[test]
fn a_militia_the_lists_know_as_a_group_is_that_group() {
    // `ميليشيا الحوثي` is `جماعة الحوثي`, however `ميليشيا` is spelled; and `استهداف`,
    // "targeting", after a title is no given name.
    let f = mentions_of("وأدان الوزير استهداف ميليشيا الحوثي للمطار. وقال إن الهجوم الذي دبرته ميلشيا الحوثي مرفوض.");
    assert_eq!(f.iter().filter(|(t, k)| t == "الحوثي" && *k == EntityType::Org).count(), 2, "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("استهداف")), "{f:?}");
}

#[test]
fn a_platform_however_its_name_is_spelled() {
    let a = analysis_of("وفي بيان نشر عبر تطبيق تليغرام قال القائد إن المؤسسات ستبقى، وكتب الدبلوماسي عبر تليجرام أن الرئيس غادر، ونشرت القناة على تلغرام.");
    let ids: Vec<&str> = a.documents[0].mentions.iter().filter(|m| m.kind == EntityType::Org).map(|m| m.entity.as_str()).collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.iter().all(|i| *i == ids[0]), "one platform: {ids:?}");
}

#[test]
fn a_holding_company_is_named_by_the_place_before_holding() {
    let f = mentions_of("ووقعت شركة دبي القابضة اتفاقا مع شركة أبو ظبي التنموية القابضة، فيما ستستثمر الشركة القابضة مليار دولار.");
    // With its head `شركة` or without it, the company is one name.
    assert!(f.iter().any(|(t, k)| t.ends_with("دبي القابضة") && *k == EntityType::Org), "{f:?}");
    assert!(has(&f, "أبو ظبي التنموية القابضة", EntityType::Org), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t == "الشركة القابضة" || t == "دبي" || t == "أبو ظبي"), "{f:?}");
}

#[test]
fn a_countrys_vision_is_named_by_its_year() {
    let f = mentions_of("ويأتي المشروع في إطار رؤية قطر 2030 ورؤية المملكة 2035، وبفضل رؤية الملك للمستقبل.");
    assert!(has(&f, "رؤية قطر 2030", EntityType::Misc), "{f:?}");
    assert!(has(&f, "رؤية المملكة 2035", EntityType::Misc), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.starts_with("رؤية الملك")), "{f:?}");
}

#[test]
fn a_park_is_named_by_its_head_word() {
    let f = mentions_of("وتقام الاحتفالات في حديقة الربوة بحي النخيل، وفي حديقة غازي القصيبي.");
    assert!(has(&f, "حديقة الربوة", EntityType::Loc), "{f:?}");
    assert!(has(&f, "حديقة غازي القصيبي", EntityType::Loc), "{f:?}");
}

#[test]
fn a_countrys_armed_services_are_an_organisation_its_forces_alone_no_name() {
    let f = mentions_of("وأعلنت القوات البحرية المصرية انتهاء المناورات، فيما انسحبت القوات الروسية من المنطقة.");
    assert!(has(&f, "القوات البحرية المصرية", EntityType::Org), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("القوات الروسية")), "{f:?}");
}
