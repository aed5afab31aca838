//! Longest-match lookup of known names, over the words of a document: the lexicon's names
//! (countries, names tagged in ANERcorp, platforms) and names found elsewhere in the corpus.
//! Of GeoNames' places, names of two words or more are matched here, trusted least. One-word
//! places are left to the tagger, which reads them as a feature (measured: matched here they cut
//! people named after a city, such as `نور سلطان نزارباييف`, and spelt ordinary words), except
//! the cities of 100,000 people or more of Arab countries, which the tagger trained on ANERcorp
//! often misses (`حلب وإدلب واللاذقية`; see [`arab_city`] for what keeps ordinary words out).
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
/// The last word of `phrase` (words in matching form) written word after word right after the
/// word at `i`, in its sentence; `None` if it is not (an empty phrase ends at `i`).
pub fn phrase_after(words: &[Token], i: usize, phrase: &[String]) -> Option<usize> {
    let mut last = i;
    for n in phrase {
        last = next_word(words, last).filter(|&j| words[j].sentence == words[i].sentence && words[j].norm() == n)?;
    }
    Some(last)
}

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
pub fn match_at(words: &[Token], i: usize, ask: &Ask, corpus: &CorpusNames, cities: bool) -> Option<Candidate> {
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
                // The hand lists' exact names win over a rule's reading of their words (`قناة
                // السويس` is no television channel).
                Some((e.kind, Origin::Gazetteer, if e.source.hand_listed() { 6 } else { 4 }))
            } else if let Some(k) = corpus.get(&key) {
                Some((*k, Origin::Corpus, 3))
            } else {
                // A place of GeoNames whose name has two words or more, of a town of 10,000
                // people or more (`شرم الشيخ`). Trusted least (it yields to any other finder:
                // `نور سلطان` the city is in `نور سلطان نزارباييف` the person).
                (n > 1)
                    .then(|| ask.lex.place(&key))
                    .flatten()
                    .filter(|p| p.population >= 10_000)
                    .map(|_| (EntityType::Loc, Origin::Place, 2))
                    .or_else(|| (n == 1 && cities).then(|| arab_city(ask, first, split, &key)).flatten().map(|_| (EntityType::Loc, Origin::Place, 1)))
            };
            let Some((kind, origin, priority)) = found else { continue };
            if n == 1 && (ask.lex.common.contains(&key) || ask.lex.function.contains(&key)) {
                continue;
            }
            // `لصالح` "in favour of" is no ل + صالح: a person's one-word name behind a preposition
            // is not one when the word as written is frequent (Zipf 4.5 or more).
            if n == 1 && kind == EntityType::Per && matches!(split.clitics, "ل" | "ب" | "ك") && ask.lex.zipf(first.norm()) >= 45 {
                continue;
            }
            // `كبرى` is not ك + بري: a one-word name behind a preposition needs four letters; a
            // country's needs three if the word as written is rarer than the name (`بقطر`, `لمصر`).
            let country = matches!(ask.lex.names.get(&key).map(|e| &e.source), Some(crate::lexicon::Source::Country { .. })) && ask.lex.zipf(first.norm()) < ask.lex.zipf(&key);
            if n == 1 && split.stripped > 0 && !matches!(split.clitics, "و" | "ف") && key.chars().count() < if country { 3 } else { 4 } {
                continue;
            }
            // `مسقط رأسه`, "his birthplace", names no Muscat.
            if key == "مسقط" && next_word(words, last).is_some_and(|j| words[j].norm().starts_with("راس")) {
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
pub fn candidates(words: &[Token], ask: &Ask, corpus: &CorpusNames, cities: bool) -> Vec<Candidate> {
    (0..words.len()).filter_map(|i| match_at(words, i, ask, corpus, cities)).collect()
}

/// Countries of the Arab League: there a city's Arabic name in GeoNames is its own name. Elsewhere
/// it is a transliteration, which often spells an ordinary Arabic word (Heze `هزة` "tremor",
/// Uşak `عشاق` "lovers"), so one-word names of cities abroad are left to the tagger.
pub(crate) const ARAB_LEAGUE: [&str; 22] = ["AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE"];

/// A one-word city of an Arab country of 100,000 people or more (`حلب`, `إدلب`, `الحسيمة`),
/// trusted least (every other finder wins over it). Not when the word is ordinary: a common,
/// function or given-name word, with or without its article (`المدينة`, `حماد`), a frequent noun
/// once the article is off (`الزاوية`), or so frequent that the ordinary sense may be meant (Zipf ≥
/// 5.2: `صور` "pictures"); and after a proclitic only if the word as written is rarer than the
/// name (`بحلب`, but `بايدن` is not ب + ايدن).
fn arab_city<'l>(ask: &'l Ask, w: &Token, split: &crate::model::Split, key: &str) -> Option<&'l crate::lexicon::Place> {
    let place = ask.lex.place(key).filter(|p| p.population >= 100_000 && ARAB_LEAGUE.contains(&p.country.as_str()))?;
    let bare = key.strip_prefix("ال").unwrap_or(key);
    let ordinary = |k: &str| ask.lex.common.contains(k) || ask.lex.function.contains(k) || ask.lex.first_names.contains(k);
    // With the article, the bare word must not be a frequent noun itself (`الزاوية` "the corner").
    let frequent_noun = bare.len() < key.len() && ask.lex.zipf(bare) >= 42;
    if key.chars().count() < 3 || ordinary(key) || ordinary(bare) || frequent_noun || ask.lex.zipf(key) >= 52 {
        return None;
    }
    if split.stripped > 0 && ask.lex.zipf(w.norm()) >= ask.lex.zipf(key) {
        return None;
    }
    Some(place)
}
