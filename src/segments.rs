//! Cutting an analysed article into the pieces the reader renders: plain text, highlighted names
//! and site boilerplate. Pure Rust (no Leptos) so it is tested natively.
//!
//! The pieces cover the text exactly, in order: concatenated they give the source text back byte
//! for byte, so the reader shows the article verbatim.

use qarin_engine::{BoilerplateKind, DocumentAnalysis};

/// One run of the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Ordinary text.
    Text(String),
    /// A name: `mention` indexes `DocumentAnalysis::mentions`.
    Mark { mention: usize, text: String },
    /// Site boilerplate, shown greyed.
    Boilerplate { kind: BoilerplateKind, text: String },
}

impl Piece {
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn text(&self) -> &str {
        match self {
            Piece::Text(t) | Piece::Mark { text: t, .. } | Piece::Boilerplate { text: t, .. } => t,
        }
    }
}


#[derive(Clone, Copy)]
enum Span {
    Mention(usize),
    Boiler(usize),
}

/// Cut `doc.text` into pieces. Spans that are out of range, not on character boundaries or that
/// overlap an earlier span are ignored (their text stays as plain text), so the result always
/// covers the text exactly.
pub fn segments(doc: &DocumentAnalysis) -> Vec<Piece> {
    let text = doc.text.as_str();
    let mut spans: Vec<(usize, usize, Span)> = doc
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.byte_start, m.byte_end, Span::Mention(i)))
        .chain(
            doc.boilerplate
                .iter()
                .enumerate()
                .map(|(i, b)| (b.byte_start, b.byte_end, Span::Boiler(i))),
        )
        .collect();
    // Stable: at equal starts, longer spans first.
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));

    let mut pieces = Vec::with_capacity(spans.len() * 2 + 1);
    let mut cursor = 0;
    for (start, end, span) in spans {
        if start < cursor
            || start >= end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        if start > cursor {
            pieces.push(Piece::Text(text[cursor..start].to_string()));
        }
        let t = text[start..end].to_string();
        pieces.push(match span {
            Span::Mention(i) => Piece::Mark {
                mention: i,
                text: t,
            },
            Span::Boiler(i) => Piece::Boilerplate {
                kind: doc.boilerplate[i].kind,
                text: t,
            },
        });
        cursor = end;
    }
    if cursor < text.len() {
        pieces.push(Piece::Text(text[cursor..].to_string()));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use qarin_engine::{Boilerplate, EntityType, Mention};

    fn mention(text: &str, needle: &str, entity: &str) -> Mention {
        let byte_start = text.find(needle).unwrap();
        let byte_end = byte_start + needle.len();
        Mention {
            start: text[..byte_start].chars().count(),
            end: text[..byte_end].chars().count(),
            kind: EntityType::Per,
            entity: entity.into(),
            text: needle.into(),
            byte_start,
            byte_end,
        }
    }

    fn doc(text: &str, mentions: Vec<Mention>, boilerplate: Vec<Boilerplate>) -> DocumentAnalysis {
        DocumentAnalysis {
            id: "d".into(),
            file: "d.txt".into(),
            title: String::new(),
            outlet: String::new(),
            date: String::new(),
            text: text.into(),
            mentions,
            boilerplate,
            sentences: vec![],
        }
    }

    fn joined(p: &[Piece]) -> String {
        p.iter().map(Piece::text).collect()
    }

    #[test]
    fn covers_the_text_exactly() {
        let text = "قال بوتين في موسكو\nاقرأ أيضا: خبر";
        let m1 = mention(text, "بوتين", "putin");
        let m2 = mention(text, "موسكو", "moscow");
        let bs = text.find("اقرأ").unwrap();
        let b = Boilerplate {
            start: text[..bs].chars().count(),
            end: text.chars().count(),
            kind: BoilerplateKind::RelatedLink,
            byte_start: bs,
            byte_end: text.len(),
        };
        let d = doc(text, vec![m1, m2], vec![b]);
        let p = segments(&d);
        assert_eq!(joined(&p), text);
        assert_eq!(p.len(), 6);
        assert_eq!(p[4], Piece::Text("\n".into()));
        assert_eq!(
            p[1],
            Piece::Mark {
                mention: 0,
                text: "بوتين".into()
            }
        );
        assert_eq!(
            p[3],
            Piece::Mark {
                mention: 1,
                text: "موسكو".into()
            }
        );
        assert!(
            matches!(&p[5], Piece::Boilerplate { kind: BoilerplateKind::RelatedLink, text } if text == "اقرأ أيضا: خبر")
        );
    }

    #[test]
    fn bad_spans_are_ignored() {
        let text = "أ ب ج";
        let mut bad = mention(text, "ب", "x");
        bad.byte_start += 1; // inside a character
        let over = Mention {
            byte_start: 0,
            byte_end: 999,
            ..mention(text, "أ", "y")
        };
        let ok = mention(text, "ج", "z");
        let overlap = Mention {
            byte_start: ok.byte_start,
            byte_end: ok.byte_end,
            ..ok.clone()
        };
        let d = doc(text, vec![bad, over, ok, overlap], vec![]);
        let p = segments(&d);
        assert_eq!(joined(&p), text);
        assert_eq!(
            p.iter().filter(|p| matches!(p, Piece::Mark { .. })).count(),
            1
        );
    }

    #[test]
    fn empty_and_plain() {
        assert!(segments(&doc("", vec![], vec![])).is_empty());
        assert_eq!(
            segments(&doc("نص", vec![], vec![])),
            vec![Piece::Text("نص".into())]
        );
    }
}
