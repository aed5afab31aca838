//! Names whose parts a word of another kind could split: a compound given name with a title's
//! word in it, and a province named by a place and a compass adjective.

mod common;

use common::{analysis_of, mentions_of};
use qarin_engine::EntityType;

#[test]
fn a_title_word_between_two_parts_of_a_name_is_the_name_s() {
    let f = mentions_of("وقال وزير الخارجية حسين أمير عبد اللهيان إن الوفد وصل.");
    assert!(f.contains(&("حسين أمير عبد اللهيان".to_string(), EntityType::Per)), "{f:?}");
    // A ruler's title followed by his place is no part of a name.
    let f = mentions_of("واستقبل محمد بن زايد أمير قطر تميم بن حمد.");
    assert!(f.contains(&("محمد بن زايد".to_string(), EntityType::Per)), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("أمير")), "{f:?}");
}

#[test]
fn a_province_named_by_a_place_and_a_compass_adjective_is_another_place() {
    let a = analysis_of("وصل الوفد إلى محافظة أذربيجان الشرقية قادما من أذربيجان، والتقى محافظ أذربيجان الشرقية.");
    let m: Vec<(&str, EntityType, &str)> = a.documents[0].mentions.iter().map(|m| (m.text.as_str(), m.kind, m.entity.as_str())).collect();
    let province: Vec<_> = m.iter().filter(|x| x.0 == "أذربيجان الشرقية").collect();
    let country = m.iter().find(|x| x.0 == "أذربيجان").unwrap_or_else(|| panic!("{m:?}"));
    assert_eq!(province.len(), 2, "{m:?}");
    assert!(province.iter().all(|p| p.1 == EntityType::Loc && p.2 == province[0].2 && p.2 != country.2), "{m:?}");
    // Without a place word before it, the adjective describes: `سوريا الجنوبية` stays Syria.
    let f = mentions_of("وتقدمت القوات في سوريا الجنوبية أمس.");
    assert!(!f.iter().any(|(t, _)| t.contains("الجنوبية")), "{f:?}");
}

#[test]
fn a_compass_noun_after_a_province_word_is_the_province_s_name() {
    let f = mentions_of("وشهد الساحل لمحافظتي جنوب وشمال الباطنة أمطارا، وتأثرت ولايات شمال الباطنة بالإعصار.");
    let provinces: Vec<_> = f.iter().filter(|(t, _)| t == "شمال الباطنة").collect();
    assert_eq!(provinces.len(), 2, "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.starts_with("جنوب")), "{f:?}");
    // After cities, the direction is a direction: `مدن شرق ليبيا`.
    let f = mentions_of("وتأثرت مدن شرق ليبيا بالعاصفة.");
    assert!(f.contains(&("ليبيا".to_string(), EntityType::Loc)), "{f:?}");
    // Two wilayats: both places.
    let f = mentions_of("ودخل الإعصار اليابسة بين ولايتي المصنعة والسويق.");
    assert!(f.contains(&("السويق".to_string(), EntityType::Loc)), "{f:?}");
}

#[test]
fn the_traffic_of_vehicles_is_no_movement() {
    let f = mentions_of("وتم منع الحركة المرورية وحركة المركبات بين المدينتين، وقالت حركة حماس إنها ترحب.");
    assert!(!f.iter().any(|(t, _)| t.contains("المرورية") || t.contains("المركبات")), "{f:?}");
    assert!(f.iter().any(|(t, k)| t.contains("حماس") && *k == EntityType::Org), "{f:?}");
}

#[test]
fn x_is_a_platform_and_an_invocation_names_nobody() {
    let f = mentions_of("وقال الوزير عبر حسابه على منصة إكس: «إِنَّا لِلَّهِ وَإِنَّا إِلَيْهِ رَاجِعُونَ»، والحمد لله.");
    assert_eq!(f, [("إكس".to_string(), EntityType::Org)], "{f:?}");
}

#[test]
fn a_given_name_starting_with_fa_keeps_its_first_letter() {
    // `فريد` is no `ف` + `ريد` (a name of the lists): a name's first word does not open with `ف`.
    let f = mentions_of("وفي المركز الثالث فريد زهران رئيس الحزب.");
    assert!(f.contains(&("فريد زهران".to_string(), EntityType::Per)), "{f:?}");
}

#[test]
fn bism_after_a_spokesman_or_known_is_in_the_name_of() {
    let f = mentions_of("وقال المتحدث باسم الجيش إن البلدة تعرف كذلك باسم الحمدانية.");
    assert!(!f.iter().any(|(t, k)| t.starts_with("باسم") && *k == EntityType::Per), "{f:?}");
    // Basim the person, after a title.
    let f = mentions_of("والتقى الوزير باسم عوض الله بالسفير أمس.");
    assert!(f.iter().any(|(t, k)| t.starts_with("باسم") && *k == EntityType::Per), "{f:?}");
}

#[test]
fn a_place_a_list_knows_with_its_place_word_is_named_without_it() {
    // GeoNames knows `قضاء الحمدانية`; the district is `الحمدانية`, as `محافظة نينوى` is `نينوى`.
    let f = mentions_of("اندلع حريق في قاعة أعراس بقضاء الحمدانية في محافظة نينوى.");
    assert!(f.contains(&("الحمدانية".to_string(), EntityType::Loc)), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t.contains("قضاء")), "{f:?}");
}

#[test]
fn a_place_opened_by_a_noun_such_as_cape_takes_in_the_word_after_it() {
    let f = mentions_of("وقعت مصر عقد تطوير مدينة رأس الحكمة على الساحل الشمالي.");
    assert!(f.contains(&("رأس الحكمة".to_string(), EntityType::Loc)), "{f:?}");
    assert!(!f.contains(&("رأس".to_string(), EntityType::Loc)), "{f:?}");
    // Any other place's name ends where its words end: `مدينة جنين` is not `جنين الشمالية`.
    let f = mentions_of("واقتحمت القوات مدينة جنين الشمالية فجر الاثنين.");
    assert!(f.contains(&("جنين".to_string(), EntityType::Loc)), "{f:?}");
}
