//! Stage 4: recognising names.
//!
//! Candidates come from two sources, each in its own file:
//! - [`gazetteer`]: longest matches of known names (bundled gazetteers, lists derived from
//!   ANERcorp, and names already found elsewhere in the corpus);
//! - [`rules`]: contextual rules (titles and bylines before people, heads of organisation names
//!   in [`organisations`], place triggers), with [`aliases`] (acronyms in brackets, names after `المعروف باسم`) and
//!   [`constructs`] (events, buildings, teams built on a head noun), [`landmarks`] (sites and craft
//!   named by an ordinary word the story keeps using: `سد النهضة`), [`eponyms`] (institutions named
//!   after a person: `جامعة الملك سعود`), [`honorifics`] (`مولاي`,
//!   `سيدي` open a name), [`families`] (`آل` closes one) and [`persons`] (a verb in the future
//!   does not: `أبو عاقلة سيضاف`); [`no_names`] drops what any finder read in a basmala.
//!
//! [`resolve`] keeps the best non-overlapping candidates: longer first, then by priority.
//! Every candidate's offsets are in the source text, after any proclitic, so the highlight covers
//! the name and not `و`/`ب`/`ل`.

pub mod adjust;
pub mod aliases;
pub mod constructs;
pub mod teams;
pub mod coordination;
pub mod divisions;
pub mod eponyms;
pub mod families;
pub mod gazetteer;
pub mod honorifics;
pub mod landmarks;
pub mod no_names;
pub mod organisations;
pub mod persons;
pub mod rules;
pub mod ask;

use crate::model::{Candidate, EntityType, Origin, RuleId, Split, Token, TokenKind};

/// Which finders run. Every finder is on by default; turning one off (`qarin eval --without`)
/// measures what it brings, which is how each is justified (see the README's figures).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Codes of the finders turned off: a rule's code (`title`, `organisation` …, see
    /// [`RuleId::code`]), `alias`, `gazetteer`, `corpus` (names found elsewhere in the corpus)
    /// or `tagger`.
    pub off: Vec<String>,
}

impl Options {
    /// Whether the finder with this code runs.
    pub fn on(&self, code: &str) -> bool {
        !self.off.iter().any(|o| o == code)
    }
    pub fn rule(&self, r: RuleId) -> bool {
        self.on(r.code())
    }
}

/// How much a candidate is trusted when candidates overlap: strong contextual rules (titles,
/// organisation heads, quoted sources, aliases, surname endings), multi-word gazetteer names, the
/// hand lists' names (priority 6: `رويترز`, `داعش`) and names a rule found elsewhere in the corpus first, then the trained tagger ([`crate::tagger`]), then
/// everything else (one-word list matches, first names).
pub fn tier(c: &Candidate) -> u8 {
    match c.origin {
        Origin::Tagger => 1,
        Origin::Alias | Origin::Corpus => 2,
        Origin::Rule(_) if c.priority >= 5 => 2,
        Origin::Gazetteer if c.words() > 1 || c.priority >= 6 => 2,
        _ => 0,
    }
}

/// Keep the best non-overlapping candidates: higher [`tier`] first, then more words, then higher
/// priority, then earlier. Returns them in text order.
pub fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    crate::sort::by(&mut cands, |a, b| {
        tier(b)
            .cmp(&tier(a))
            .then(b.words().cmp(&a.words()))
            .then(b.priority.cmp(&a.priority))
            .then(a.first.cmp(&b.first))
    });
    // Words already in a kept candidate: the overlap test is a look at its own words, not at
    // every kept candidate (a long text has tens of thousands).
    let mut taken = vec![false; cands.iter().map(|c| c.last).max().unwrap_or(0)];
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        if c.first >= c.last || !taken[c.first..c.last].iter().any(|&t| t) {
            taken[c.first.min(c.last)..c.last].iter_mut().for_each(|t| *t = true);
            kept.push(c);
        }
    }
    crate::sort::by_key(&mut kept, |c| c.first);
    kept
}

/// A span given in code points (`start..end` of `text`) as a candidate of its words, when it
/// starts and ends on word boundaries; `None` otherwise.
pub fn named_span(words: &[Token], text: &str, start: usize, end: usize, kind: EntityType, rule: RuleId) -> Option<Candidate> {
    let mut at = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
    let byte_start = at.nth(start)?;
    let byte_end = if end > start { at.nth(end - start - 1)? } else { return None };
    let first = words.iter().position(|w| w.start == byte_start)?;
    let last = words.iter().position(|w| w.end == byte_end)?;
    (last >= first).then(|| make(words, first, None, last, kind, Origin::Rule(rule), 6))
}

/// Build a candidate from word `i` (read with `split`) through word `last`; its key is the
/// matching form of its words and numbers, one space between.
pub(crate) fn make(words: &[Token], i: usize, split: Option<&Split>, last: usize, kind: EntityType, origin: Origin, priority: u8) -> Candidate {
    let first = &words[i];
    let (stem, start) = match split {
        Some(s) => (s.stem.clone(), first.stem_start(s)),
        None => (first.norm().to_string(), first.start),
    };
    // Every word and number of the span, in matching form: `كوب 26` and `كوب 27` are two keys.
    let mut key = stem;
    for w in words.get(i + 1..=last).unwrap_or_default() {
        if w.is_body_word() || w.kind == TokenKind::Number {
            key.push(' ');
            key.push_str(w.norm());
        }
    }
    Candidate { first: i, last: last + 1, byte_start: start, byte_end: words[last].end, kind, key, origin, priority, alias_of: None }
}


/// Whether each word is under a candidate (one more slot than words, for the end): marked once per
/// candidate, linear where asking every candidate for every word is not (a long text has tens of
/// thousands of both).
pub(crate) fn covered(n_words: usize, cands: &[Candidate]) -> Vec<bool> {
    let mut covered = vec![false; n_words + 1];
    for c in cands {
        covered[c.first.min(n_words)..c.last.min(n_words)].fill(true);
    }
    covered
}

/// A one-word name right after `مقياس` (scale) is the name of a unit, not of a person or a place
/// the story is about (`7 درجات على مقياس ريختر`, `مقياس "ريختر"`), as a currency is not.
pub fn unit_name(words: &[Token], c: &Candidate) -> bool {
    let scale = crate::normalize::normalize("مقياس");
    let Some(first) = (c.first..c.last).find(|&i| words[i].is_body_word()) else { return false };
    let one = (c.first..c.last).filter(|&i| words[i].is_body_word()).count() == 1;
    // Over the quotation marks, if any (the tagger's span may start on one).
    let before = (0..first).rev().find(|&b| !rules::is_quote(&words[b], &rules::OPEN_QUOTES)).map(|b| &words[b]);
    one && before.is_some_and(|b| b.sentence == words[first].sentence && b.splits.iter().any(|s| s.stem == scale))
}
