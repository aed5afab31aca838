//! JSON Lines: one mention per line, in article order then text order.
//!
//! Each line is an object with `document` (the article's id), `start` and `end` (code point
//! offsets into its text), `text` (the name as written), `type` (`PER`, `LOC`, `ORG`, `MISC`),
//! `entity` (its id), `label` and `latin` (the entity's Arabic and Latin names) and `boilerplate`
//! (true when the mention is inside site furniture and not counted).

use crate::model::Analysis;
use serde::Serialize;

#[derive(Serialize)]
struct Line<'a> {
    document: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: &'a str,
    label: &'a str,
    latin: &'a str,
    boilerplate: bool,
}

/// The mentions as JSON Lines (see the module's fields).
pub fn to_jsonl(a: &Analysis) -> String {
    let entities: std::collections::HashMap<&str, &crate::model::Entity> = a.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut out = String::new();
    for d in &a.documents {
        for m in &d.mentions {
            let e = entities.get(m.entity.as_str());
            let line = Line {
                document: &d.id,
                start: m.start,
                end: m.end,
                text: &m.text,
                kind: m.kind.code(),
                entity: &m.entity,
                label: e.map_or("", |e| e.label.as_str()),
                latin: e.map_or("", |e| e.latin.as_str()),
                boilerplate: d.boilerplate.iter().any(|b| b.start <= m.start && m.end <= b.end),
            };
            if let Ok(s) = serde_json::to_string(&line) {
                out.push_str(&s);
                out.push('\n');
            }
        }
    }
    out
}
