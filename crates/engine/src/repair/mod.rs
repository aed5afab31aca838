//! Stage 4½: token repairs that need the word lists. News text glues words together when a space
//! is lost (`جنوبأوكرانيا`, `إقليمالحوز`, `الأممالمتحدة`, `الرياضوطهران`): the name is then hidden
//! inside a word no reader would write. [`unglue`] splits such a token in two where the split is
//! clear, so that every later stage (the tagger, the finders, linking, facts) sees the two words.
//! Offsets still point into the source: the two tokens are the two parts of the written word, the
//! second marked `glued`.
//!
//! A token is split only when all of these hold:
//! - it is an Arabic word of six letters or more, outside boilerplate, that the word-frequency
//!   list does not know and that is no known name or place (as written or after a proclitic);
//! - at some point it falls into a left part of three letters or more that is a frequent word
//!   (Zipf ≥ 3.5, possibly after a proclitic: `بإقليم`) or a known name or place, and a right part
//!   of three letters or more that starts with the article `ال`, or with `و` before a known name or
//!   place, and that (without `و`) is a known name or place or a frequent word (Zipf ≥ 3.5), or,
//!   after a very frequent left part (Zipf ≥ 4.5), any word of five letters or more with the
//!   article (`إقليمالحوز`: the province no list knows);
//! - of several such points, the one whose weaker part is the more frequent wins.

use crate::lexicon::Lexicon;
use crate::model::{Token, TokenKind, Tokenized};
use crate::normalize::normalize;
use crate::tokenize::clitics::splits_of;

/// Zipf × 10 a part must reach to count as a word.
const FREQUENT: u32 = 35;

/// Zipf × 10 of a left part so common that any word with the article may follow it.
const SURE_LEFT: u32 = 45;

/// How strongly `part` (matching form) reads as a word of its own: Zipf × 10, or 60 for a known
/// name (countries, names tagged in ANERcorp) or a place of 100,000 people or more.
fn strength(part: &str, lex: &Lexicon) -> u32 {
    if lex.names.contains_key(part) || lex.place(part).is_some_and(|p| p.population >= 100_000) {
        return 60;
    }
    lex.zipf(part)
}

fn known_whole(t: &Token, lex: &Lexicon) -> bool {
    t.splits.iter().any(|s| lex.zipf(&s.stem) > 0 || lex.names.contains_key(&s.stem) || lex.place(&s.stem).is_some())
}

/// Where to split a glued token (a byte offset into its text), if it is one.
pub fn split_point(t: &Token, lex: &Lexicon) -> Option<usize> {
    if t.kind != TokenKind::Arabic || t.boiler || t.norm.chars().count() < 6 || known_whole(t, lex) {
        return None;
    }
    let chars: Vec<(usize, char)> = t.text.char_indices().collect();
    let mut best: Option<(u32, usize)> = None;
    for &(at, _) in chars.iter().take(chars.len().saturating_sub(2)).skip(3) {
        let (left, right) = (normalize(&t.text[..at]), normalize(&t.text[at..]));
        if left.chars().count() < 3 || right.trim_start_matches('و').chars().count() < 4 {
            continue;
        }
        // The left part may carry a proclitic (`بإقليم` + `الحوز`).
        let l = crate::tokenize::clitics::splits_of(&left, &left).iter().map(|s| strength(&s.stem, lex)).max().unwrap_or(0).max(strength(&left, lex));
        let r = if right.starts_with("ال") {
            // After a very frequent word, any word with the article: the name no list knows
            // (`إقليمالحوز`).
            let unknown_name = if l >= SURE_LEFT && right.chars().count() >= 5 { FREQUENT } else { 0 };
            strength(&right, lex).max(unknown_name)
        } else if strength(&right, lex) == 60 {
            60
        } else if let Some(rest) = right.strip_prefix('و') {
            let s = strength(rest, lex);
            if s == 60 { s } else { 0 }
        } else {
            0
        };
        let score = l.min(r);
        if score >= FREQUENT && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, at));
        }
    }
    best.map(|(_, at)| at)
}

/// One part of a split token `of`.
fn piece<'a>(text: &'a str, start: usize, cstart: usize, cend: usize, glued: bool, of: &Token) -> Token<'a> {
    let norm = normalize(text);
    Token { text, splits: splits_of(text, &norm), norm, kind: TokenKind::Arabic, start, end: start + text.len(), cstart, cend, glued, line_start: of.line_start && !glued, sentence: of.sentence, boiler: of.boiler, mention: None }
}

/// Split the glued tokens of a document's stream (see the module documentation).
pub fn unglue(tz: &mut Tokenized, lex: &Lexicon) {
    let mut out: Vec<Token> = Vec::with_capacity(tz.tokens.len());
    let mut changed = false;
    for t in std::mem::take(&mut tz.tokens) {
        match split_point(&t, lex) {
            Some(at) => {
                changed = true;
                let (a, b) = (&t.text[..at], &t.text[at..]);
                let cut = t.cstart + a.chars().count();
                out.push(piece(a, t.start, t.cstart, cut, t.glued, &t));
                out.push(piece(b, t.start + at, cut, t.cend, true, &t));
            }
            None => out.push(t),
        }
    }
    tz.tokens = out;
    if changed {
        // Token indices moved: the sentences are recounted (a split never crosses one).
        tz.sentences = crate::tokenize::sentences::assign(&mut tz.tokens);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;

    fn split(text: &str) -> Vec<String> {
        let mut tz = crate::tokenize::tokenize(text);
        unglue(&mut tz, lexicon());
        for t in &tz.tokens {
            assert_eq!(&text[t.start..t.end], t.text);
            assert_eq!(text.chars().skip(t.cstart).take(t.cend - t.cstart).collect::<String>(), t.text);
        }
        tz.tokens.iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn glued_names_come_apart() {
        assert_eq!(split("في جنوبأوكرانيا"), ["في", "جنوب", "أوكرانيا"]);
        assert_eq!(split("أعلنت الأممالمتحدة"), ["أعلنت", "الأمم", "المتحدة"]);
        assert_eq!(split("بين الرياضوطهران"), ["بين", "الرياض", "وطهران"]);
        assert_eq!(split("مقياس ريشتر بإقليمالحوز"), ["مقياس", "ريشتر", "بإقليم", "الحوز"]);
    }

    #[test]
    fn ordinary_words_stay_whole() {
        for w in ["والاستقلال", "البرتغالية", "بالاتفاق", "فالحكومة", "المستشفيات", "الإسرائيلية", "كالينكوف"] {
            assert_eq!(split(w), [w], "{w}");
        }
    }
}

#[cfg(test)]
mod probe {
    #[test]
    #[ignore]
    fn list_splits() {
        let dir = std::env::var("PROBE_DIR").unwrap();
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().ends_with(".gold.txt") {
                let text = std::fs::read_to_string(&p).unwrap();
                let tz = crate::tokenize::tokenize(&text);
                for t in &tz.tokens {
                    if let Some(at) = super::split_point(t, crate::lexicon::lexicon()) {
                        println!("{}: {} | {}", p.display(), &t.text[..at], &t.text[at..]);
                    }
                }
            }
        }
    }
}
