//! Stage 4: recognising names.
//!
//! Candidates come from two sources, each in its own file:
//! - [`gazetteer`]: longest matches of known names (bundled gazetteers, lists derived from
//!   ANERcorp, and names already found elsewhere in the corpus);
//! - [`rules`]: contextual rules (titles before people, heads of organisation names, place
//!   triggers, attribution of sources, surname endings, acronyms in brackets).
//!
//! [`resolve`] keeps the best non-overlapping candidates: longer first, then by priority.
//! Every candidate's offsets are in the source text, after any proclitic, so the highlight covers
//! the name and not `و`/`ب`/`ل`.

pub mod gazetteer;
pub mod rules;
pub mod ask;

use crate::model::{Candidate, Origin, RuleId};

/// How much a candidate is trusted when candidates overlap: strong contextual rules (titles,
/// organisation heads, quoted sources, aliases, surname endings), multi-word gazetteer names and names a rule
/// found elsewhere in the corpus first, then the trained tagger ([`crate::tagger`]), then
/// everything else (one-word list matches, first names).
pub fn tier(c: &Candidate) -> u8 {
    match c.origin {
        Origin::Tagger => 1,
        Origin::Alias | Origin::Corpus => 2,
        Origin::Rule(_) if c.priority >= 5 => 2,
        Origin::Rule(RuleId::Surname) => 2,
        Origin::Gazetteer if c.words() > 1 => 2,
        _ => 0,
    }
}

/// Keep the best non-overlapping candidates: higher [`tier`] first, then more words, then higher
/// priority, then earlier. Returns them in text order.
pub fn resolve(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        tier(b)
            .cmp(&tier(a))
            .then(b.words().cmp(&a.words()))
            .then(b.priority.cmp(&a.priority))
            .then(a.first.cmp(&b.first))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for c in cands {
        if !kept.iter().any(|k| k.overlaps(&c)) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.first);
    kept
}
