//! The first view of a return visit: the opening of the article the app shows first, with its
//! names, kept in localStorage ([`KEY`]) so that the page's prerender gate (`xtask/src/site/
//! prerender.rs`, `PRERENDER_GATE`) paints the user's own article before the wasm has loaded,
//! instead of the bundled one the page was built with. The live reader replaces it as it
//! replaces the prerendered article.
//!
//! What is kept is text and types only, never HTML: `runs` are `[text, kind]` pairs (kind 0 for
//! plain text, 1–4 for PER, LOC, ORG, MISC), which the gate writes as text nodes, the names in
//! `<mark data-type=…>`. At most [`LIMIT`] bytes of the article, cut at the last line end within
//! them (at a character boundary if there is none): the first screen, not the article. It is
//! rewritten at every analysis and removed when there is no article.

use qarin_engine::{DocumentAnalysis, EntityType};
use serde::Serialize;

/// The localStorage key the gate reads (the same string is in `PRERENDER_GATE`).
pub const KEY: &str = "qarin-first-view";

/// Bytes of the article kept, at most.
pub const LIMIT: usize = 4096;

/// What the gate paints.
#[derive(Debug, Serialize, PartialEq)]
pub struct Snapshot<'a> {
    /// Format version (the gate paints only the one it knows).
    pub v: u8,
    pub doc: &'a str,
    pub file: &'a str,
    /// "12 names", as the reader's line of facts says it in the page's first language.
    pub names: String,
    pub runs: Vec<(&'a str, u8)>,
}

fn kind_code(k: EntityType) -> u8 {
    match k {
        EntityType::Per => 1,
        EntityType::Loc => 2,
        EntityType::Org => 3,
        EntityType::Misc => 4,
    }
}

/// The end of the kept opening of `text`: the last line end within [`LIMIT`] bytes, else the last
/// character boundary within it; the whole text if it is shorter.
fn cut(text: &str) -> usize {
    if text.len() <= LIMIT {
        return text.len();
    }
    let mut end = LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].rfind('\n').map_or(end, |i| i + 1)
}

/// The snapshot of `doc` (its mentions by code point offsets, as the engine gives them); a name of
/// a type the reader hides (`shown`, PER LOC ORG MISC) is kept as plain text, as the reader shows it.
pub fn build<'a>(doc: &'a DocumentAnalysis, names: String, shown: [bool; 4]) -> Snapshot<'a> {
    let text = doc.text.as_str();
    let end = cut(text);
    // Code point offsets to bytes, over the kept opening only.
    let bytes: Vec<usize> = text[..end].char_indices().map(|(b, _)| b).chain(std::iter::once(end)).collect();
    let mut spans: Vec<(usize, usize, u8)> = doc
        .mentions
        .iter()
        .filter(|m| m.start < m.end && m.end < bytes.len() && shown[kind_code(m.kind) as usize - 1])
        .map(|m| (bytes[m.start], bytes[m.end], kind_code(m.kind)))
        .collect();
    spans.sort_unstable();
    let mut runs = Vec::new();
    let mut at = 0;
    for (s, e, k) in spans {
        if s < at {
            continue; // overlapping: the first one kept
        }
        if s > at {
            runs.push((&text[at..s], 0));
        }
        runs.push((&text[s..e], k));
        at = e;
    }
    if at < end {
        runs.push((&text[at..end], 0));
    }
    Snapshot { v: 1, doc: &doc.id, file: &doc.file, names, runs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarin_engine::Mention;

    fn doc(id: &str, text: &str, mentions: Vec<Mention>) -> DocumentAnalysis {
        DocumentAnalysis { id: id.into(), file: format!("{id}.txt"), title: String::new(), outlet: String::new(), date: String::new(), text: text.into(), mentions, boilerplate: Vec::new(), outlet_guess: None, sentences: Vec::new() }
    }

    fn mention(start: usize, end: usize, kind: EntityType, text: &str) -> Mention {
        Mention { start, end, kind, entity: "e".into(), text: text.into(), byte_start: 0, byte_end: 0, by_user: false }
    }

    #[test]
    fn names_and_text_in_order_by_code_points() {
        let text = "قال بوتين في موسكو.";
        let doc = doc("d1", text, vec![mention(13, 18, EntityType::Loc, "موسكو"), mention(4, 9, EntityType::Per, "بوتين")]);
        let s = build(&doc, "2 names".into(), [true; 4]);
        assert_eq!(s.runs, vec![("قال ", 0), ("بوتين", 1), (" في ", 0), ("موسكو", 2), (".", 0)]);
        assert_eq!(s.runs.iter().map(|r| r.0).collect::<String>(), text);
    }

    #[test]
    fn a_long_article_is_kept_to_its_first_lines_and_names_past_the_cut_are_left_out() {
        let line = "سطر من النص العربي الطويل\n";
        let text = line.repeat(400);
        let far = text.chars().count() - 5;
        let doc = doc("d", &text, vec![mention(0, 3, EntityType::Org, "سطر"), mention(far, far + 3, EntityType::Per, "xxx")]);
        let s = build(&doc, String::new(), [true; 4]);
        let kept: String = s.runs.iter().map(|r| r.0).collect();
        assert!(kept.len() <= LIMIT && kept.ends_with('\n') && text.starts_with(&kept), "{}", kept.len());
        assert_eq!(s.runs.iter().filter(|r| r.1 != 0).count(), 1);
    }

    #[test]
    fn a_hidden_type_is_plain_text() {
        let text = "قال بوتين في موسكو.";
        let doc = doc("d1", text, vec![mention(4, 9, EntityType::Per, "بوتين"), mention(13, 18, EntityType::Loc, "موسكو")]);
        let s = build(&doc, String::new(), [false, true, true, true]);
        assert_eq!(s.runs, vec![("قال بوتين في ", 0), ("موسكو", 2), (".", 0)]);
    }
}
