//! Longest-match lookup of known names, over the words of a document: the lexicon's names
//! (countries, names tagged in ANERcorp, platforms) and names found elsewhere in the corpus.
//! Of GeoNames' places, only names of two words or more are matched here, trusted least; one-word
//! places are left to the tagger, which reads them as a feature (measured: matched here they cut
//! people named after a city, such as `نور سلطان نزارباييف`, and added little).
//!
//! A name may start with proclitics on its first word (`وبيلاروس`, `للاتحاد الأوروبي`); the other
//! words must match as written (matching form). A hyphen written between two words without spaces
//! (`ألما-آتا`) counts as a space. A one-word name that is also a common word is not matched.

use super::ask::Ask;
use crate::model::Token;
use crate::model::{Candidate, Origin};
use crate::model::EntityType;

/// Names found in the corpus by rules, matched everywhere else in the corpus.
pub type CorpusNames = rustc_hash::FxHashMap<String, EntityType>;

/// Most words in a name looked up.
pub const MAX_WORDS: usize = 6;

/// Index of the next word after `i` that continues a name: the next token, or the one after a
/// hyphen written without spaces. `None` at punctuation, boilerplate or the end.
pub fn next_word(words: &[Token], i: usize) -> Option<usize> {
    let j = i + 1;
    let w = words.get(j)?;
    if w.is_body_word() {
        return Some(j);
    }
    if w.is_punct("-") && w.start == words[i].end {
        let k = words.get(j + 1)?;
        if k.is_body_word() && k.start == w.end {
            return Some(j + 1);
        }
    }
    None
}

/// The longest known name starting at word `i`, if any.
pub fn match_at(words: &[Token], i: usize, ask: &Ask, corpus: &CorpusNames) -> Option<Candidate> {
    let first = &words[i];
    if !first.is_body_word() {
        return None;
    }
    let mut best: Option<Candidate> = None;
    for split in first.analyses().iter() {
        if split.stripped > 0 && split.stem.chars().count() < 3 {
            continue;
        }
        let mut key = split.stem.clone();
        let mut last = i;
        for n in 1..=MAX_WORDS {
            if n > 1 {
                match next_word(words, last) {
                    Some(j) => {
                        last = j;
                        key.push(' ');
                        key.push_str(words[j].norm());
                    }
                    None => break,
                }
            }
            let found = if let Some(e) = ask.lex.names.get(&key) {
                Some((e.kind, Origin::Gazetteer, 4))
            } else if let Some(k) = corpus.get(&key) {
                Some((*k, Origin::Corpus, 3))
            } else {
                // A place of GeoNames whose name has two words or more, of a town of 10,000
                // people or more (`شرم الشيخ`). Trusted least (it yields to any other finder:
                // `نور سلطان` the city is in `نور سلطان نزارباييف` the person).
                (n > 1).then(|| ask.lex.place(&key)).flatten().filter(|p| p.population >= 10_000).map(|_| (EntityType::Loc, Origin::Place, 2))
            };
            let Some((kind, origin, priority)) = found else { continue };
            if n == 1 && (ask.lex.common.contains(&key) || ask.lex.function.contains(&key)) {
                continue;
            }
            // `كبرى` is not ك + بري: a one-word name behind a preposition needs four letters.
            if n == 1 && split.stripped > 0 && !matches!(split.clitics, "و" | "ف") && key.chars().count() < 4 {
                continue;
            }
            let better = best.as_ref().is_none_or(|b| b.key.split(' ').count() < n);
            if better {
                best = Some(Candidate {
                    first: i,
                    last: last + 1,
                    byte_start: first.stem_start(split),
                    byte_end: words[last].end,
                    kind,
                    key: key.clone(),
                    origin,
                    priority,
                    alias_of: None,
                });
            }
        }
    }
    best
}

/// All gazetteer and corpus-name candidates of a document (possibly overlapping).
pub fn candidates(words: &[Token], ask: &Ask, corpus: &CorpusNames) -> Vec<Candidate> {
    (0..words.len()).filter_map(|i| match_at(words, i, ask, corpus)).collect()
}
