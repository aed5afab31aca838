//! brat standoff (<https://brat.nlplab.org/standoff.html>).
//!
//! Rules of [`to_brat`]:
//! - per article, `ID.txt` holds its text unchanged and `ID.ann` its names;
//! - a name is a text-bound line `Tn TAB TYPE START END TAB text`, offsets in code points (brat
//!   counts characters so); a name that runs over a line break is written as fragments
//!   `START END;START END`, cut at each break, their texts joined by a space;
//! - the entity id follows as `#n TAB AnnotatorNotes Tn TAB entity=ID`;
//! - `annotation.conf` declares the four types, so the folder opens in brat as it is.
//!
//! [`import`] reads an `.ann` back against its article's text: `T` lines with a known type
//! (`PER`/`PERS`/`PERSON`, `LOC`/`LOCATION`/`GPE`/`FAC`, `ORG`/`ORGANIZATION`, `MISC`) give names
//! spanning their first to last fragment; their text must be the article's at those offsets;
//! `entity=` notes give entity ids; relations, events, attributes and other types are skipped.

use super::{kind_of, ImportError, Imported, Span};
use crate::model::Analysis;

/// The brat types, for `annotation.conf`.
pub const ANNOTATION_CONF: &str = "[entities]\nPER\nLOC\nORG\nMISC\n[relations]\n[events]\n[attributes]\n";

/// A file name for an article id: the id, with `/`, `\` and `:` replaced.
pub fn file_stem(id: &str) -> String {
    id.replace(['/', '\\', ':'], "_")
}

/// The `.ann` text of one article.
pub fn ann(text: &str, mentions: &[crate::model::Mention]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, m) in mentions.iter().enumerate() {
        let n = i + 1;
        // Fragments cut at line breaks.
        let mut frags: Vec<(usize, usize)> = Vec::new();
        let mut s = m.start;
        for c in m.start..m.end.min(chars.len()) {
            if chars[c] == '\n' {
                if c > s {
                    frags.push((s, c));
                }
                s = c + 1;
            }
        }
        if m.end > s {
            frags.push((s, m.end));
        }
        let offsets: Vec<String> = frags.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let texts: Vec<String> = frags.iter().map(|&(s, e)| chars[s..e.min(chars.len())].iter().collect()).collect();
        out.push_str(&format!("T{n}\t{} {}\t{}\n", m.kind.code(), offsets.join(";"), texts.join(" ")));
        out.push_str(&format!("#{n}\tAnnotatorNotes T{n}\tentity={}\n", m.entity));
    }
    out
}

/// The brat collection: `annotation.conf`, then `ID.txt` and `ID.ann` per article, as
/// `(file name, contents)`.
pub fn to_brat(a: &Analysis) -> Vec<(String, String)> {
    let mut files = vec![("annotation.conf".to_string(), ANNOTATION_CONF.to_string())];
    for d in &a.documents {
        let stem = file_stem(&d.id);
        files.push((format!("{stem}.txt"), d.text.clone()));
        files.push((format!("{stem}.ann"), ann(&d.text, &d.mentions)));
    }
    files
}

/// Reads one `.ann` file against its article (`id`, `text`).
pub fn import(ann: &str, id: &str, text: &str) -> Result<Imported, ImportError> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(String, Span)> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (key, body, rest) = (cols.next().unwrap_or_default(), cols.next(), cols.next());
        let body = body.ok_or(ImportError::BadLine { line: line_no })?;
        if key.starts_with('T') {
            let (ty, offsets) = body.split_once(' ').ok_or(ImportError::BadLine { line: line_no })?;
            let Some(kind) = kind_of(ty) else { continue };
            let mut frags: Vec<(usize, usize)> = Vec::new();
            for f in offsets.split(';') {
                let (s, e) = f.trim().split_once(' ').ok_or(ImportError::BadLine { line: line_no })?;
                let (s, e): (usize, usize) = (s.parse().map_err(|_| ImportError::BadLine { line: line_no })?, e.parse().map_err(|_| ImportError::BadLine { line: line_no })?);
                if s >= e || e > chars.len() {
                    return Err(ImportError::SpanMismatch { line: line_no, start: s, end: e });
                }
                frags.push((s, e));
            }
            let (start, end) = (frags.iter().map(|f| f.0).min().unwrap_or(0), frags.iter().map(|f| f.1).max().unwrap_or(0));
            let written: Vec<String> = frags.iter().map(|&(s, e)| chars[s..e].iter().collect()).collect();
            if rest.is_some_and(|r| r != written.join(" ")) {
                return Err(ImportError::SpanMismatch { line: line_no, start, end });
            }
            spans.push((key.to_string(), Span { start, end, kind, entity: None }));
        } else if key.starts_with('#') {
            if let (Some(target), Some(note)) = (body.strip_prefix("AnnotatorNotes "), rest) {
                if let Some(e) = note.trim().strip_prefix("entity=") {
                    notes.push((target.trim().to_string(), e.trim().to_string()));
                }
            }
        }
    }
    for (target, entity) in notes {
        if let Some((_, s)) = spans.iter_mut().find(|(k, _)| *k == target) {
            s.entity = Some(entity);
        }
    }
    let mut spans: Vec<Span> = spans.into_iter().map(|(_, s)| s).collect();
    crate::sort::by_key(&mut spans, |s| (s.start, s.end));
    Ok(Imported { document: id.to_string(), spans })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Mention};

    #[test]
    fn a_name_over_a_line_break_is_written_as_fragments_and_read_back() {
        let text = "وزارة\nالخارجية قالت";
        let m = Mention { start: 0, end: 14, kind: EntityType::Org, entity: "E7".into(), text: "وزارة\nالخارجية".into(), byte_start: 0, byte_end: 0, by_user: false };
        let a = ann(text, std::slice::from_ref(&m));
        assert_eq!(a, "T1\tORG 0 5;6 14\tوزارة الخارجية\n#1\tAnnotatorNotes T1\tentity=E7\n");
        let back = import(&a, "x", text).unwrap();
        assert_eq!(back.spans, vec![Span { start: 0, end: 14, kind: EntityType::Org, entity: Some("E7".into()) }]);
    }

    #[test]
    fn other_types_and_relations_are_skipped_and_bad_spans_refused() {
        let text = "زار ماكرون باريس";
        let ann = "T1\tPerson 4 10\tماكرون\nT2\tDate 0 3\tزار\nR1\tVisit Arg1:T1 Arg2:T3\nT3\tGPE 11 16\tباريس\n";
        let back = import(ann, "x", text).unwrap();
        assert_eq!(back.spans.iter().map(|s| (s.start, s.kind)).collect::<Vec<_>>(), vec![(4, EntityType::Per), (11, EntityType::Loc)]);
        assert_eq!(import("T1\tPER 4 10\tبوتين\n", "x", text), Err(ImportError::SpanMismatch { line: 1, start: 4, end: 10 }));
        assert_eq!(import("T1\tPER 4 99\tx\n", "x", text), Err(ImportError::SpanMismatch { line: 1, start: 4, end: 99 }));
        assert_eq!(import("T1 PER 4 10\n", "x", text), Err(ImportError::BadLine { line: 1 }));
    }
}
