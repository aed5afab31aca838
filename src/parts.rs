//! A result of the engine in parts: how the worker cuts an [`Analysis`] into the `part`
//! messages it posts ([`result_parts`]) and how the page puts them together again
//! ([`Assembly`], also for the parts kept for the next visit). Plain Rust, no browser: tested
//! natively.
//!
//! - every document is one part, without its text (the page sent it, and has it);
//! - then the document's mentions, in parts of their own (an 8 MB article has 80,000);
//! - each list (mentions, entities, facts, quotes, wire pairs, suggestions) in parts of about
//!   [`PART_BYTES`] of packed items, each read by the page in a task of its own;
//! - the rest (schema, reuse shares) last, in `done`.

use qarin_engine::pack::{self, Pack};
use qarin_engine::{Analysis, Document, DocumentAnalysis, Entity, Fact, Mention, Quote, Suggestion, WirePair};
use std::collections::BTreeMap;

/// Packed bytes a message, at most (about): the page reads one such piece in a few milliseconds.
pub const PART_BYTES: usize = 128 * 1024;
/// What of an [`Analysis`] is not a list, sent last: its schema and its reuse shares.
type Rest = (String, BTreeMap<String, f64>);


/// A result as the worker sends it: its `part` messages (field, packed items) in order, then the
/// bytes of `done`; [`Assembly`] puts it together again.
pub fn result_parts(mut a: Analysis) -> (Vec<(&'static str, Vec<u8>)>, Vec<u8>) {
    let mut parts = Vec::new();
    // The documents one a message, without their texts (the page has them: it sent them), each
    // followed by its mentions in parts of their own: an 8 MB article has 80,000 of them, which
    // the page would read in one long task (~50 ms) if they came with the document.
    for d in &mut a.documents {
        d.text = String::new();
        let mentions = std::mem::take(&mut d.mentions);
        parts.push(("documents", pack::join_list(&[pack::to_bytes(d)])));
        push_list(&mut parts, "mentions", &mentions);
    }
    push_list(&mut parts, "entities", &a.entities);
    push_list(&mut parts, "facts", &a.facts);
    push_list(&mut parts, "quotes", &a.quotes);
    push_list(&mut parts, "wire", &a.wire);
    push_list(&mut parts, "suggestions", &a.suggestions);
    let rest: Rest = (a.schema, a.reuse);
    (parts, pack::to_bytes(&rest))
}

/// `items` packed as lists of about [`PART_BYTES`] each (an item larger than that goes alone),
/// each item packed once.
fn push_list<T: Pack>(out: &mut Vec<(&'static str, Vec<u8>)>, field: &'static str, items: &[T]) {
    let mut parts = Vec::new();
    let mut size = 0;
    for item in items {
        let bytes = pack::to_bytes(item);
        size += bytes.len();
        parts.push(bytes);
        if size >= PART_BYTES {
            out.push((field, pack::join_list(&parts)));
            parts.clear();
            size = 0;
        }
    }
    if !parts.is_empty() {
        out.push((field, pack::join_list(&parts)));
    }
}

/// A result put together from its packed parts, as the worker sends them or as they were kept.
pub struct Assembly<'a> {
    sent: &'a [Document],
    a: Analysis,
}

impl<'a> Assembly<'a> {
    /// For the documents `sent` (their texts are not in the parts).
    pub fn new(sent: &'a [Document]) -> Self {
        let a = Analysis {
            schema: String::new(),
            documents: Vec::with_capacity(sent.len()),
            entities: Vec::new(),
            facts: Vec::new(),
            quotes: Vec::new(),
            wire: Vec::new(),
            reuse: BTreeMap::new(),
            suggestions: Vec::new(),
        };
        Assembly { sent, a }
    }

    /// A `part`: `field` is the list its packed items belong to.
    pub fn add(&mut self, field: &str, bytes: &[u8]) -> Result<(), String> {
        let a = &mut self.a;
        match field {
            "documents" => read_documents(bytes, self.sent, &mut a.documents),
            // The mentions of the document read last (see `post_result`).
            "mentions" => match a.documents.last_mut() {
                Some(d) => extend::<Mention>(bytes, &mut d.mentions),
                None => Err("mentions before their document".to_string()),
            },
            "entities" => extend::<Entity>(bytes, &mut a.entities),
            "facts" => extend::<Fact>(bytes, &mut a.facts),
            "quotes" => extend::<Quote>(bytes, &mut a.quotes),
            "wire" => extend::<WirePair>(bytes, &mut a.wire),
            "suggestions" => extend::<Suggestion>(bytes, &mut a.suggestions),
            other => Err(format!("unknown part {other}")),
        }
    }

    /// The result, with `done`'s bytes (the rest); an error if a document is missing.
    pub fn finish(mut self, rest: &[u8]) -> Result<Analysis, String> {
        if self.a.documents.len() != self.sent.len() {
            return Err(format!("{} of {} documents", self.a.documents.len(), self.sent.len()));
        }
        let (schema, reuse) = pack::from_bytes::<Rest>(rest).map_err(|e| e.to_string())?;
        self.a.schema = schema;
        self.a.reuse = reuse;
        Ok(self.a)
    }
}

/// A document of the result, with its text (from `sent`, in the same order).
fn read_documents(bytes: &[u8], sent: &[Document], into: &mut Vec<DocumentAnalysis>) -> Result<(), String> {
    let docs: Vec<DocumentAnalysis> = pack::from_bytes(bytes).map_err(|e| e.to_string())?;
    for mut d in docs {
        let source = sent.get(into.len()).filter(|s| s.id == d.id).ok_or_else(|| format!("{}: not the document sent in that place", d.id))?;
        d.text = source.text.clone();
        into.push(d);
    }
    Ok(())
}

fn extend<T: Pack>(bytes: &[u8], into: &mut Vec<T>) -> Result<(), String> {
    let items: Vec<T> = pack::from_bytes(bytes).map_err(|e| e.to_string())?;
    into.extend(items);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), text: text.into(), ..Default::default() }
    }

    #[test]
    fn a_result_sent_in_parts_is_put_together_whole() {
        // One article long enough for its mentions to need several parts, and a short one.
        let line = "قال الرئيس عبد المجيد تبون في الجزائر إن وزارة الخارجية الجزائرية ستستقبل وفد الأمم المتحدة.\n";
        let docs = vec![doc("long", &line.repeat(3000)), doc("short", line)];
        let mut whole = qarin_engine::analyze(&docs);
        // (Natively the app's engine has no word lists installed: the mentions are made here, one
        // per name of each line, as the engine would give them.)
        let (name, at) = ("عبد المجيد تبون", line.find("عبد").unwrap());
        let cp = |b: usize| line[..b].chars().count();
        for d in &mut whole.documents {
            let lines = d.text.len() / line.len();
            d.mentions = (0..lines)
                .map(|i| {
                    let (start, end) = (i * line.chars().count() + cp(at), i * line.chars().count() + cp(at + name.len()));
                    let byte_start = i * line.len() + at;
                    Mention { start, end, kind: qarin_engine::EntityType::Per, entity: "per-tebboune".into(), text: name.into(), byte_start, byte_end: byte_start + name.len(), by_user: i % 7 == 0 }
                })
                .collect();
        }
        assert_eq!(whole.documents[0].mentions.len(), 3000);
        let (parts, rest) = result_parts(whole.clone());
        let mention_parts = parts.iter().filter(|(f, _)| *f == "mentions").count();
        assert!(mention_parts >= 3, "{mention_parts} parts of mentions");
        // No part much over the size the page reads in one go (an item larger goes alone).
        assert!(parts.iter().all(|(f, b)| *f == "documents" || b.len() < 2 * PART_BYTES));
        let mut a = Assembly::new(&docs);
        for (field, bytes) in &parts {
            a.add(field, bytes).unwrap();
        }
        let back = a.finish(&rest).unwrap();
        assert!(back == whole, "the result put together differs from the one sent");
        // Mentions with no document before them are refused, not put anywhere.
        let mut b = Assembly::new(&docs);
        assert!(b.add("mentions", &parts.iter().find(|(f, _)| *f == "mentions").unwrap().1).is_err());
    }
}
