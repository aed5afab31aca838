//! CoNLL: one token per line, `token TAB tag TAB entity`, a blank line after each sentence.
//!
//! Rules of [`to_conll`]:
//! - the tokens are the engine's ([`crate::tokenize::token_indices`]), and its sentences (a text
//!   read back from JSON, which does not carry them, is cut at line breaks); a token is cut where a
//!   name starts or ends inside it, so a proclitic stays outside the name (`وبغداد` → `و` `O`,
//!   `بغداد` `B-LOC`), as in ANERcorp;
//! - tags are BIO2: `B-TYPE` on a name's first token, `I-TYPE` on the others, `O` elsewhere;
//!   types `PER`, `LOC`, `ORG`, `MISC`;
//! - the third column is the entity id of the name (`_` outside names);
//! - each article starts with `# document = ID` and a blank line follows it.
//!
//! [`import`] reads the same layout back against the articles' texts: each token must be the
//! next word of the text (white space between is skipped); the third column is optional; a
//! file with no `# document =` line is read as the only article loaded; `I-` after `O` or after
//! another type starts a name (IOB1 files read too).

use super::{kind_of, ImportError, Imported, Span};
use crate::model::{Analysis, EntityType};
use crate::tokenize::{char_to_byte, token_indices};

/// The analysis as CoNLL (see the module's rules).
pub fn to_conll(a: &Analysis) -> String {
    let mut out = String::new();
    for d in &a.documents {
        out.push_str("# document = ");
        out.push_str(&d.id);
        out.push('\n');
        let bytes = char_to_byte(&d.text);
        let at = |c: usize| bytes.get(c).copied().unwrap_or(d.text.len());
        let spans: Vec<(usize, usize, &crate::model::Mention)> = d.mentions.iter().map(|m| (at(m.start), at(m.end), m)).collect();
        // Sentence ends (bytes): the analysis' sentences, else the line breaks.
        let ends: Vec<usize> = if d.sentences.is_empty() { d.text.match_indices('\n').map(|(i, _)| i).collect() } else { d.sentences.iter().map(|s| s.1).collect() };
        let mut next = 0; // first span that may still cover a token
        let mut end_i = 0; // first sentence end not yet passed
        let mut first = true;
        for (t_start, t_text, _) in token_indices(&d.text) {
            let t_end = t_start + t_text.len();
            let mut new_sentence = false;
            while end_i < ends.len() && ends[end_i] <= t_start {
                end_i += 1;
                new_sentence = true;
            }
            if new_sentence && !first {
                out.push('\n');
            }
            first = false;
            // Cut the token where a name starts or ends inside it.
            let mut cuts = vec![t_start];
            for &(s, e, _) in spans.iter().skip(next).take_while(|(s, _, _)| *s < t_end) {
                for c in [s, e] {
                    if c > t_start && c < t_end {
                        cuts.push(c);
                    }
                }
            }
            cuts.push(t_end);
            crate::sort::natural(&mut cuts);
            cuts.dedup();
            for w in cuts.windows(2) {
                let (s, e) = (w[0], w[1]);
                while next < spans.len() && spans[next].1 <= s {
                    next += 1;
                }
                let tag = match spans.get(next) {
                    Some(&(ms, me, m)) if ms <= s && e <= me => (if ms == s { "B-" } else { "I-" }, m.kind.code(), m.entity.as_str()),
                    _ => ("", "O", "_"),
                };
                out.push_str(&d.text[s..e]);
                out.push('\t');
                out.push_str(tag.0);
                out.push_str(tag.1);
                out.push('\t');
                out.push_str(tag.2);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}

/// A name being read: its start (code points), end, type and entity.
struct Open {
    start: usize,
    end: usize,
    kind: EntityType,
    entity: Option<String>,
}

/// Reads a CoNLL file against the loaded articles (`(id, text)`), in the file's order.
pub fn import(conll: &str, documents: &[(&str, &str)]) -> Result<Vec<Imported>, ImportError> {
    let mut out: Vec<Imported> = Vec::new();
    // The article being read: its index, byte position in its text, code point position.
    let mut current: Option<(usize, usize, usize)> = None;
    let mut open: Option<Open> = None;
    let close = |open: &mut Option<Open>, out: &mut Vec<Imported>| {
        if let (Some(o), Some(last)) = (open.take(), out.last_mut()) {
            last.spans.push(Span { start: o.start, end: o.end, kind: o.kind, entity: o.entity });
        }
    };
    for (n, line) in conll.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim_end_matches('\r');
        if let Some(id) = line.strip_prefix("# document =").or_else(|| line.strip_prefix("#document=")) {
            close(&mut open, &mut out);
            let id = id.trim();
            let i = documents.iter().position(|(d, _)| *d == id).ok_or_else(|| ImportError::UnknownDocument { line: line_no, document: id.to_string() })?;
            out.push(Imported { document: id.to_string(), spans: Vec::new() });
            current = Some((i, 0, 0));
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("-DOCSTART-") {
            continue;
        }
        let (doc, pos, cpos) = match current {
            Some(c) => c,
            None if documents.len() == 1 => {
                out.push(Imported { document: documents[0].0.to_string(), spans: Vec::new() });
                (0, 0, 0)
            }
            None => return Err(ImportError::NoDocument { line: line_no }),
        };
        let mut cols = line.split(['\t', ' ']).filter(|c| !c.is_empty());
        let token = cols.next().unwrap_or_default();
        let tag = cols.next().unwrap_or("O");
        let entity = cols.next().filter(|e| *e != "_").map(str::to_string);
        let text = documents[doc].1;
        // The token must follow white space (or nothing) from the current position.
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')).len();
        if !rest[skipped..].starts_with(token) {
            return Err(ImportError::TokenNotInText { line: line_no, token: token.to_string(), offset: cpos });
        }
        let start = cpos + rest[..skipped].chars().count();
        let end = start + token.chars().count();
        current = Some((doc, pos + skipped + token.len(), end));
        let (prefix, kind) = match tag {
            "O" => (None, None),
            _ => {
                let (p, k) = tag.split_once('-').ok_or_else(|| ImportError::BadTag { line: line_no, tag: tag.to_string() })?;
                let k = kind_of(k).filter(|_| matches!(p, "B" | "I")).ok_or_else(|| ImportError::BadTag { line: line_no, tag: tag.to_string() })?;
                (Some(p), Some(k))
            }
        };
        match (prefix, kind) {
            (Some("I"), Some(k)) if open.as_ref().is_some_and(|o| o.kind == k && (entity.is_none() || o.entity == entity)) => {
                if let Some(o) = open.as_mut() {
                    o.end = end;
                }
            }
            (Some(_), Some(k)) => {
                close(&mut open, &mut out);
                open = Some(Open { start, end, kind: k, entity });
            }
            _ => close(&mut open, &mut out),
        }
    }
    close(&mut open, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocumentAnalysis, Mention};

    fn mention(text: &str, name: &str, kind: EntityType, entity: &str) -> Mention {
        let b = text.find(name).unwrap();
        let start = text[..b].chars().count();
        Mention { start, end: start + name.chars().count(), kind, entity: entity.into(), text: name.into(), byte_start: b, byte_end: b + name.len(), by_user: false }
    }

    fn analysis(text: &str, mentions: Vec<Mention>) -> Analysis {
        let d = DocumentAnalysis { id: "a".into(), file: "a.txt".into(), title: String::new(), outlet: String::new(), date: String::new(), text: text.into(), mentions, boilerplate: vec![], outlet_guess: None, sentences: crate::tokenize::tokenize(text).sentence_bytes() };
        Analysis { schema: String::new(), documents: vec![d], entities: vec![], facts: vec![], quotes: vec![], wire: vec![], reuse: Default::default(), suggestions: vec![] }
    }

    #[test]
    fn a_proclitic_stays_outside_the_name() {
        let text = "وصل محمد بن سلمان وبغداد. ثم عاد";
        let a = analysis(text, vec![mention(text, "محمد بن سلمان", EntityType::Per, "E1"), mention(text, "بغداد", EntityType::Loc, "E2")]);
        let c = to_conll(&a);
        assert_eq!(c, "# document = a\nوصل\tO\t_\nمحمد\tB-PER\tE1\nبن\tI-PER\tE1\nسلمان\tI-PER\tE1\nو\tO\t_\nبغداد\tB-LOC\tE2\n.\tO\t_\n\nثم\tO\t_\nعاد\tO\t_\n\n");
    }

    #[test]
    fn without_sentences_lines_end_them() {
        let text = "زار ماكرون باريس. ثم عاد\nإلى فرنسا";
        let mut a = analysis(text, vec![]);
        a.documents[0].sentences.clear();
        assert_eq!(to_conll(&a), "# document = a\nزار\tO\t_\nماكرون\tO\t_\nباريس\tO\t_\n.\tO\t_\nثم\tO\t_\nعاد\tO\t_\n\nإلى\tO\t_\nفرنسا\tO\t_\n\n");
    }

    #[test]
    fn import_reads_back_what_export_wrote() {
        let text = "قال الرئيس عبد الفتاح السيسي في القاهرة\nإن مصر";
        let a = analysis(text, vec![mention(text, "عبد الفتاح السيسي", EntityType::Per, "E1"), mention(text, "القاهرة", EntityType::Loc, "E2"), mention(text, "مصر", EntityType::Loc, "E3")]);
        let back = import(&to_conll(&a), &[("a", text)]).unwrap();
        let spans: Vec<(usize, usize, EntityType, Option<String>)> = back[0].spans.iter().map(|s| (s.start, s.end, s.kind, s.entity.clone())).collect();
        let want: Vec<(usize, usize, EntityType, Option<String>)> = a.documents[0].mentions.iter().map(|m| (m.start, m.end, m.kind, Some(m.entity.clone()))).collect();
        assert_eq!(spans, want);
    }

    #[test]
    fn two_columns_and_iob1_are_read() {
        let text = "زار ماكرون باريس";
        let back = import("زار O\nماكرون I-PERS\nباريس B-LOC\n", &[("a", text)]).unwrap();
        assert_eq!(back[0].spans, vec![Span { start: 4, end: 10, kind: EntityType::Per, entity: None }, Span { start: 11, end: 16, kind: EntityType::Loc, entity: None }]);
    }

    #[test]
    fn a_token_not_in_the_text_names_its_line() {
        let err = import("# document = a\nزار\tO\nبوتين\tB-PER\n", &[("a", "زار ماكرون باريس")]).unwrap_err();
        assert_eq!(err, ImportError::TokenNotInText { line: 3, token: "بوتين".into(), offset: 3 });
        assert!(matches!(import("# document = b\n", &[("a", "x")]), Err(ImportError::UnknownDocument { line: 1, .. })));
        assert!(matches!(import("زار\tB-XYZ\n", &[("a", "زار")]), Err(ImportError::BadTag { line: 1, .. })));
        assert!(matches!(import("زار\tO\n", &[("a", "زار"), ("b", "زار")]), Err(ImportError::NoDocument { line: 1 })));
    }
}
