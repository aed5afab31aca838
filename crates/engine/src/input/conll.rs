//! CoNLL files: one `token TAG` pair per line (extra columns ignored), a blank line between
//! sentences, BIO tags with the types PER (or ANERcorp's PERS), LOC, ORG and MISC.
//!
//! [`parse_conll`] reads sentences (tags normalised, `PERS` → `PER`); [`parse_lines`] keeps every
//! line, blank ones included, so a tagger can write one output line per input line; [`chunks`]
//! and [`phrases`] read entity spans out of BIO tags the way `conlleval` does (an `I-X` after `O`
//! or after another type opens a new entity).

use crate::model::EntityType;

/// A malformed line of CoNLL input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ConllError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConllError {}

/// One token with its gold tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedToken {
    pub token: String,
    pub tag: String,
}

/// One line of a CoNLL file, as [`parse_lines`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConllLine {
    /// An empty (or white-space only) line: a sentence boundary.
    Blank,
    /// A token; `raw_tag` is the second column exactly as written (`B-PERS`), `tok.tag` its
    /// normalised form (`B-PER`).
    Token { tok: TaggedToken, raw_tag: String },
}

/// Every line of a CoNLL file, in order. Fails on the first malformed line (1-based number).
pub fn parse_lines(text: &str) -> Result<Vec<ConllLine>, ConllError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            out.push(ConllLine::Blank);
            continue;
        }
        let mut cols = line.split_whitespace();
        let token = cols.next().unwrap_or_default();
        let Some(tag) = cols.next() else {
            return Err(ConllError { line: i + 1, message: format!("expected `token TAG`, found `{line}`") });
        };
        let norm = normalize_tag(tag).ok_or_else(|| ConllError {
            line: i + 1,
            message: format!("unknown tag `{tag}` (expected O or B-/I- with PER, PERS, LOC, ORG, MISC)"),
        })?;
        out.push(ConllLine::Token { tok: TaggedToken { token: token.to_string(), tag: norm }, raw_tag: tag.to_string() });
    }
    Ok(out)
}

/// Group lines into sentences: for each sentence, its tokens and the index of each token's line
/// in `lines`.
pub fn sentences_of(lines: &[ConllLine]) -> Vec<(Vec<TaggedToken>, Vec<usize>)> {
    let mut out = Vec::new();
    let mut cur: (Vec<TaggedToken>, Vec<usize>) = (Vec::new(), Vec::new());
    for (i, l) in lines.iter().enumerate() {
        match l {
            ConllLine::Blank => {
                if !cur.0.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            ConllLine::Token { tok, .. } => {
                cur.0.push(tok.clone());
                cur.1.push(i);
            }
        }
    }
    if !cur.0.is_empty() {
        out.push(cur);
    }
    out
}

/// Sentences of a CoNLL file. Tags are normalised (`PERS` → `PER`); extra columns are ignored.
pub fn parse_conll(text: &str) -> Result<Vec<Vec<TaggedToken>>, ConllError> {
    Ok(sentences_of(&parse_lines(text)?).into_iter().map(|(s, _)| s).collect())
}

/// `O`, or `B-`/`I-` with a known type, written with the engine's type codes (`PER`, not `PERS`).
pub fn normalize_tag(tag: &str) -> Option<String> {
    if tag == "O" {
        return Some("O".into());
    }
    let (bio, ty) = tag.split_once('-')?;
    if bio != "B" && bio != "I" {
        return None;
    }
    let ty = EntityType::from_code(ty)?;
    Some(format!("{bio}-{}", ty.code()))
}

/// An entity span over token indices: `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
}

/// Entity spans of a sequence of (normalised or raw) BIO tags, `conlleval` style: `B-X` opens an
/// entity, `I-X` continues an open `X` entity and otherwise opens one, `O` (or anything
/// unreadable) closes.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut open = false;
    for (i, t) in tags.iter().enumerate() {
        let parsed = t.as_ref().split_once('-').and_then(|(bio, ty)| Some((bio, EntityType::from_code(ty)?)));
        match parsed {
            Some((bio, ty)) if bio == "B" || bio == "I" => {
                let continues = bio == "I" && open && out.last().is_some_and(|c| c.kind == ty && c.end == i);
                if continues {
                    out.last_mut().expect("open chunk").end = i + 1;
                } else {
                    out.push(Chunk { start: i, end: i + 1, kind: ty });
                }
                open = true;
            }
            _ => open = false,
        }
    }
    out
}

/// Entity phrases of a tagged sentence: (type, tokens).
pub fn phrases(sentence: &[TaggedToken]) -> Vec<(EntityType, Vec<&str>)> {
    let tags: Vec<&str> = sentence.iter().map(|t| t.tag.as_str()).collect();
    chunks(&tags)
        .into_iter()
        .map(|c| (c.kind, sentence[c.start..c.end].iter().map(|t| t.token.as_str()).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_blanks_and_raw_tags() {
        let l = parse_lines("a B-PERS x\n\n\nb O\n").unwrap();
        assert_eq!(l.len(), 4);
        assert!(matches!(&l[0], ConllLine::Token { tok, raw_tag } if tok.tag == "B-PER" && raw_tag == "B-PERS"));
        assert_eq!(l[1], ConllLine::Blank);
        let s = sentences_of(&l);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].1, vec![3]);
    }

    #[test]
    fn chunks_follow_conlleval() {
        let c = chunks(&["B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG", "I-ORG"]);
        assert_eq!(
            c,
            vec![
                Chunk { start: 0, end: 2, kind: EntityType::Per },
                Chunk { start: 2, end: 3, kind: EntityType::Loc },
                Chunk { start: 4, end: 5, kind: EntityType::Org },
                Chunk { start: 5, end: 7, kind: EntityType::Org },
            ]
        );
    }
}
