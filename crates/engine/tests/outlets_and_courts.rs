//! Names of the fifth session's stories' kinds, on sentences written for these tests: the news
//! outlets that articles cite as their sources, and the royal courts, palaces and councils of
//! the region's monarchies.

use qarin_engine::{analyze, Analysis, Document, EntityType};

fn analysis_of(text: &str) -> Analysis {
    analyze(&[Document { id: "t".into(), file: "t.txt".into(), title: "t".into(), text: text.into(), ..Default::default() }])
}

fn mentions_of(text: &str) -> Vec<(String, EntityType)> {
    analysis_of(text).documents[0].mentions.iter().map(|m| (m.text.clone(), m.kind)).collect()
}

fn has(f: &[(String, EntityType)], text: &str, kind: EntityType) -> bool {
    f.contains(&(text.to_string(), kind))
}

#[test]
fn an_outlet_cited_by_its_name_alone_is_an_organisation() {
    let f = mentions_of("وقال مصدر مطلع لـ “سبوتنيك”، إن المفاوضات متعثرة.\nونقلت رويترز عن مسؤول قوله إن الاتفاق قريب، بحسب سكاي نيوز عربية.");
    assert!(has(&f, "سبوتنيك", EntityType::Org), "{f:?}");
    assert!(has(&f, "رويترز", EntityType::Org), "{f:?}");
    assert!(has(&f, "سكاي نيوز عربية", EntityType::Org), "{f:?}");
    assert!(!f.iter().any(|(t, k)| t.contains("سبوتنيك") && *k != EntityType::Org), "{f:?}");
}

#[test]
fn a_country_adjective_after_an_outlet_describes_it() {
    let f = mentions_of("وذكرت هآرتس الإسرائيلية أن الحكومة ستجتمع غدا.");
    assert!(has(&f, "هآرتس", EntityType::Org), "{f:?}");
    assert!(!f.iter().any(|(t, _)| t == "هآرتس الإسرائيلية"), "{f:?}");
}
