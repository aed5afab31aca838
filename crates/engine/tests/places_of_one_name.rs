//! Two places of one name: a city and the division named after it, a country and its capital.

mod common;

use common::story_of;
use qarin_engine::{Analysis, EntityType};

/// The entity id of every mention written `text`, in order, across the articles.
fn entities_of(a: &Analysis, text: &str) -> Vec<String> {
    a.documents.iter().flat_map(|d| d.mentions.iter().filter(|m| m.text == text && m.kind == EntityType::Loc).map(|m| m.entity.clone())).collect()
}

fn label_of(a: &Analysis, id: &str) -> String {
    a.entities.iter().find(|e| e.id == id).map(|e| e.label.clone()).unwrap_or_default()
}

#[test]
fn a_division_is_not_the_city_of_its_name_when_the_story_names_both() {
    let a = story_of(&[
        "وقع الانفجار مساء الاثنين، ونقل المصابون إلى مستشفيات مدينة العقبة، وعادت الحياة في العقبة إلى طبيعتها.",
        "وقال المحافظ إن الحياة عادت إلى طبيعتها في محافظة العقبة، وإن غرفة العمليات بمحافظة العقبة تتابع الحادث.",
    ]);
    let ids = entities_of(&a, "العقبة");
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert_eq!(ids[0], ids[1], "the city, with and without its word: {ids:?}");
    assert_eq!(ids[2], ids[3], "the governorate twice: {ids:?}");
    assert_ne!(ids[0], ids[2], "{ids:?}");
    // Shown with its word, so that the list of names tells the two apart.
    assert_eq!(label_of(&a, &ids[2]), "محافظة العقبة");
    assert_eq!(label_of(&a, &ids[0]), "العقبة");
}

#[test]
fn a_division_named_like_a_city_is_one_place_when_the_story_names_no_city() {
    // No «مدينة X» anywhere: the story does not tell the two apart, nor does Qarin.
    let a = story_of(&["وقال الوالي إن الحرائق اندلعت في ولاية وهران مساء الاثنين.", "وقالت السلطات إن الحرائق امتدت في وهران إلى الغابات."]);
    let ids = entities_of(&a, "وهران");
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert_eq!(ids[0], ids[1], "{ids:?}");
}

#[test]
fn the_capital_of_a_country_s_name_is_another_place_than_the_country() {
    let a = story_of(&["وتظاهر المئات أمام البرلمان في العاصمة تونس، بينما دعا الرئيس التونسي إلى الهدوء في تونس.", "وأعلنت تونس حظر التجول."]);
    let ids = entities_of(&a, "تونس");
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_ne!(ids[0], ids[1], "the capital is not the country: {ids:?}");
    assert_eq!(ids[1], ids[2], "{ids:?}");
    let city = a.entities.iter().find(|e| e.id == ids[0]).expect("the capital");
    assert_eq!(city.label, "العاصمة تونس");
    assert_eq!(city.latin, "Tunis");
    let country = a.entities.iter().find(|e| e.id == ids[1]).expect("the country");
    assert_eq!(country.latin, "Tunisia");
}

#[test]
fn a_zone_by_its_colour_is_a_place_when_the_story_keeps_naming_it() {
    let a = story_of(&["واقتحم المتظاهرون المنطقة الخضراء في وسط بغداد.", "ودخل المحتجون إلى المنطقة الخضراء حيث البعثات الدبلوماسية."]);
    let zones: Vec<_> = a.documents.iter().flat_map(|d| d.mentions.iter().filter(|m| m.text == "المنطقة الخضراء" && m.kind == EntityType::Loc)).collect();
    assert_eq!(zones.len(), 2, "{:?}", a.documents.iter().map(|d| &d.mentions).collect::<Vec<_>>());
    // Once, in one article, it may be any zone of that colour.
    let a = story_of(&["وأعلنت السلطات المنطقة الحمراء حول المصنع.", "وقال الوزير إن الوضع تحت السيطرة."]);
    assert!(!a.documents[0].mentions.iter().any(|m| m.text.contains("الحمراء")), "{:?}", a.documents[0].mentions);
}
