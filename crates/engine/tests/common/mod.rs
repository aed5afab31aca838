//! What the tests of names on written sentences share: one article analysed, its mentions as
//! (text, type) pairs, and a look-up among them.
#![allow(dead_code)]

use qarin_engine::{analyze, Analysis, Document, EntityType};

/// The analysis of one article of `text`.
pub fn analysis_of(text: &str) -> Analysis {
    analyze(&[Document { id: "t".into(), file: "t.txt".into(), title: "t".into(), text: text.into(), ..Default::default() }])
}

/// The mentions of one article of `text`: their text as written and their type.
pub fn mentions_of(text: &str) -> Vec<(String, EntityType)> {
    analysis_of(text).documents[0].mentions.iter().map(|m| (m.text.clone(), m.kind)).collect()
}

/// Whether `text` is among `f` with type `kind`.
pub fn has(f: &[(String, EntityType)], text: &str, kind: EntityType) -> bool {
    f.contains(&(text.to_string(), kind))
}

/// The entity of the first mention written `text` in the first article of `a`.
pub fn entity_of<'a>(a: &'a Analysis, text: &str) -> &'a qarin_engine::Entity {
    let id = a.documents[0].mentions.iter().find(|m| m.text == text).map(|m| m.entity.as_str()).unwrap_or_else(|| panic!("no mention {text}"));
    a.entities.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no entity {id}"))
}

/// The analysis of one story, an article per text.
pub fn story_of(texts: &[&str]) -> Analysis {
    let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document { id: format!("d{i}"), file: format!("d{i}.txt"), title: "t".into(), text: t.to_string(), ..Default::default() }).collect();
    analyze(&docs)
}
