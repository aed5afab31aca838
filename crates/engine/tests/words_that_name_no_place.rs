//! Ordinary words that a place's name could be read in: an idiom, a clitic and a common noun,
//! an accusative noun after `العاصمة`, a village named like a common word.

mod common;

use common::mentions_of;
use qarin_engine::EntityType;

fn places(text: &str) -> Vec<String> {
    mentions_of(text).into_iter().filter(|(_, k)| *k != EntityType::Per && *k != EntityType::Org).map(|(t, _)| t).collect()
}

#[test]
fn a_birthplace_is_no_muscat() {
    let p = places("وعمت الاحتفالات بلدة العيشية، مسقط رأسه في جنوب لبنان.");
    assert!(!p.iter().any(|t| t == "مسقط"), "{p:?}");
    let p = places("وأجلت الرحلات الجوية من وإلى العاصمة العمانية مسقط بسبب الإعصار.");
    assert!(p.iter().any(|t| t == "مسقط"), "{p:?}");
}

#[test]
fn a_common_word_after_and_is_no_city_behind_and() {
    // `ورقة بيضاء`, "a blank ballot", is no و + الرقة.
    let p = places("وتوزعت بقية الأصوات بين 37 ورقة بيضاء و14 ورقة كتب عليها شعار.");
    assert!(!p.iter().any(|t| t == "رقة"), "{p:?}");
}

#[test]
fn an_accusative_noun_or_a_verb_after_the_capital_names_nothing() {
    let p = places("وتجمع المئات في الساحة وسط العاصمة احتفالا بسقوط النظام، وانسحبت القوات من العاصمة وانهار النظام.");
    assert!(p.is_empty(), "{p:?}");
    // A city's name after it still is one.
    let p = places("ووصل الوفد إلى العاصمة نواكشوط مساء الاثنين.");
    assert!(p.iter().any(|t| t == "نواكشوط"), "{p:?}");
}

#[test]
fn a_declaration_is_named_by_a_city_not_by_a_common_word() {
    let f = mentions_of("وذلك عقب إعلان الفصائل أن الرئيس غادر البلاد.");
    assert!(!f.iter().any(|(t, _)| t.contains("الفصائل")), "{f:?}");
    let f = mentions_of("ووقع القادة إعلان جدة في ختام القمة.");
    assert!(f.contains(&("إعلان جدة".to_string(), EntityType::Misc)), "{f:?}");
}

#[test]
fn an_adjective_of_a_noun_after_a_place_word_names_no_place() {
    // `استثمارية` of استثمار, `جبلية` of جبل: "an investment zone", "a mountainous area".
    let p = places("وستضم مرافق سياحية ومنطقة حرة ومنطقة استثمارية، وسقط الطفل في بئر بمنطقة جبلية وعرة.");
    assert!(!p.iter().any(|t| t.contains("استثمارية") || t.contains("جبلية")), "{p:?}");
}

#[test]
fn outgoing_is_no_part_of_a_parliament_s_name() {
    let f = mentions_of("وحصل الحزب على 70 مقعدا في البرلمان المنتهية ولايته.");
    assert!(!f.iter().any(|(t, _)| t.contains("المنتهية")), "{f:?}");
}

#[test]
fn a_well_or_a_cape_alone_is_no_place() {
    let p = places("وتوفي الطفل بعد خمسة أيام من سقوطه في بئر على عمق 32 مترا، وأعلن الديوان الملكي وفاته.");
    assert!(!p.iter().any(|t| t.contains("بئر")), "{p:?}");
}
