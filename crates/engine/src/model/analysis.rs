//! The whole analysis: what the app shows and the CLI exports.

use super::document::DocumentAnalysis;
use super::entity::{Entity, Suggestion};
use super::facts::{Fact, Quote, WirePair};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema name written into every exported analysis.
pub const SCHEMA: &str = "qarin.analysis/1";

/// The whole analysis: what the app shows, what the CLI exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub documents: Vec<DocumentAnalysis>,
    pub entities: Vec<Entity>,
    /// Where the articles agree and disagree (`crate::facts`).
    pub facts: Vec<Fact>,
    /// Who said what.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Passages two articles share nearly word for word.
    #[serde(default)]
    pub wire: Vec<WirePair>,
    /// Per document id: the share of its words inside shared passages.
    #[serde(default)]
    pub reuse: BTreeMap<String, f64>,
    /// Links the engine suggests but did not make (see [`Suggestion`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
}

impl Analysis {
    /// Sets every UTF-8 byte offset that JSON does not carry (`#[serde(skip)]`) from the code
    /// point offsets beside it: the documents' ([`DocumentAnalysis::restore_byte_offsets`]), then
    /// the fact values', the quotes' and the shared passages' (each document's offsets mapped in
    /// one pass over its text). For an analysis read back from JSON; the documents' sentence
    /// spans are not restored.
    pub fn restore_byte_offsets(&mut self) {
        for d in &mut self.documents {
            d.restore_byte_offsets();
        }
        self.restore_corpus_byte_offsets();
    }

    /// The corpus-wide part of [`Analysis::restore_byte_offsets`] (the documents' own offsets are
    /// left as they are).
    pub fn restore_corpus_byte_offsets(&mut self) {
        let Analysis { documents, facts, quotes, wire, .. } = self;
        let by_id: std::collections::HashMap<&str, usize> = documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        // (document, code point start, end, where the byte offsets go)
        type Todo<'a> = (usize, usize, usize, &'a mut usize, &'a mut usize);
        let mut todo: Vec<Todo> = Vec::new();
        for f in facts.iter_mut() {
            for v in &mut f.values {
                if let Some(&i) = by_id.get(v.document.as_str()) {
                    todo.push((i, v.start, v.end, &mut v.byte_start, &mut v.byte_end));
                }
            }
        }
        for q in quotes.iter_mut() {
            if let Some(&i) = by_id.get(q.document.as_str()) {
                todo.push((i, q.start, q.end, &mut q.byte_start, &mut q.byte_end));
            }
        }
        for w in wire.iter_mut() {
            let WirePair { a, b, a_start, a_end, b_start, b_end, a_bytes, b_bytes, .. } = w;
            if let Some(&i) = by_id.get(a.as_str()) {
                todo.push((i, *a_start, *a_end, &mut a_bytes.0, &mut a_bytes.1));
            }
            if let Some(&i) = by_id.get(b.as_str()) {
                todo.push((i, *b_start, *b_end, &mut b_bytes.0, &mut b_bytes.1));
            }
        }
        crate::sort::by_key(&mut todo, |t| t.0);
        let mut rest = todo.as_mut_slice();
        while let Some(first) = rest.first() {
            let doc = first.0;
            let n = rest.iter().take_while(|t| t.0 == doc).count();
            let (group, tail) = rest.split_at_mut(n);
            let bytes = super::BytesAt::new(&documents[doc].text, group.iter().flat_map(|t| [t.1, t.2]).collect());
            for (_, start, end, bs, be) in group.iter_mut() {
                **bs = bytes.at(*start);
                **be = bytes.at(*end);
            }
            rest = tail;
        }
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
    pub fn document(&self, id: &str) -> Option<&DocumentAnalysis> {
        self.documents.iter().find(|d| d.id == id)
    }
}

