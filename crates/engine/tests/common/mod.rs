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
