//! JSON Lines: one mention per line, in article order then text order.
//!
//! Each line is an object with `document` (the article's id), `start` and `end` (code point
//! offsets into its text), `text` (the name as written), `type` (`PER`, `LOC`, `ORG`, `MISC`),
//! `entity` (its id), `label` and `latin` (the entity's Arabic and Latin names) and `boilerplate`
//! (true when the mention is inside site furniture and not counted), `by` (`"engine"`, or
//! `"user"` for a name the reader marked: [`crate::decisions::Decision::Name`]).

use crate::model::Analysis;

/// A JSON string (written by hand with `serde_json`'s escaping: a derived serializer for the line
/// cost the web page more code).
fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The mentions as JSON Lines (see the module's fields).
pub fn to_jsonl(a: &Analysis) -> String {
    let entities: std::collections::HashMap<&str, &crate::model::Entity> = a.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut out = String::new();
    for d in &a.documents {
        for m in &d.mentions {
            let e = entities.get(m.entity.as_str());
            out.push_str(&format!(
                "{{\"document\":{},\"start\":{},\"end\":{},\"text\":{},\"type\":\"{}\",\"entity\":{},\"label\":{},\"latin\":{},\"boilerplate\":{},\"by\":\"{}\"}}\n",
                js(&d.id),
                m.start,
                m.end,
                js(&m.text),
                m.kind.code(),
                js(&m.entity),
                js(e.map_or("", |e| e.label.as_str())),
                js(e.map_or("", |e| e.latin.as_str())),
                d.boilerplate.iter().any(|b| b.start <= m.start && m.end <= b.end),
                if m.by_user { "user" } else { "engine" }
            ));
        }
    }
    out
}
