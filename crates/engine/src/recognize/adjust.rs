//! Small corrections to the names found, each about how news text is written, never about one
//! story:
//!
//! - **`+`**: a `+` written right after a name and not before another word belongs to it
//!   (`أوبك+`, `Canal+`);
//! - **dotted abbreviations**: single letters joined by dots (`أ.ف.ب`, `و.م.ع`, `د.ب.أ`) are the
//!   way news agencies sign and are credited: an organisation.
//!
//! Measured and left out: dropping one-word names that are currencies or relative adjectives of
//! places (it cost more than it brought on the dev stories and on ANERcorp: `السعودية` is a
//! country and looks like an adjective).

use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token, TokenKind};

/// Extend names over a glued `+` (see the module documentation).
pub fn plus(words: &[Token], cands: &mut [Candidate]) {
    for c in cands {
        let (Some(p), next) = (words.get(c.last), words.get(c.last + 1)) else { continue };
        let free = next.is_none_or(|n| !(n.glued && n.is_word()));
        if p.is_punct("+") && p.glued && free {
            c.last += 1;
            c.byte_end = p.end;
            c.key.push('+');
        }
    }
}

/// A place's name right before a person's name is the person's given names (`نور سلطان`
/// `نزارباييف` → `نور سلطان نزارباييف`): the two become one person.
pub fn person_after_place(words: &[Token], cands: &mut Vec<Candidate>) {
    cands.sort_by_key(|c| (c.first, c.last));
    let mut i = 0;
    while i + 1 < cands.len() {
        let (a, b) = (&cands[i], &cands[i + 1]);
        if a.origin == Origin::Place && b.kind == EntityType::Per && b.first == a.last && words[a.first].sentence == words[b.first].sentence {
            let mut merged = b.clone();
            merged.first = a.first;
            merged.byte_start = a.byte_start;
            merged.key = format!("{} {}", a.key, b.key);
            cands[i] = merged;
            cands.remove(i + 1);
        }
        i += 1;
    }
}

/// Dotted abbreviations of two letters or more (see the module documentation).
pub fn abbreviations(words: &[Token]) -> Vec<Candidate> {
    let letter = |w: &Token| w.kind == TokenKind::Arabic && !w.boiler && w.text.chars().count() == 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while letter(&words[j]) && words.get(j + 1).is_some_and(|d| d.is_punct(".") && d.glued) && words.get(j + 2).is_some_and(|w| w.glued && letter(w)) {
            j += 2;
        }
        if j > i {
            let mut c = make(words, i, None, j, EntityType::Org, Origin::Rule(RuleId::Abbreviation), 5);
            c.key = (i..=j).step_by(2).map(|k| words[k].norm.as_str()).collect::<Vec<_>>().join(".");
            out.push(c);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_and_abbreviations() {
        let text = "اتفق أعضاء «أوبك+» ونقلت أ.ف.ب عن و.م.ع الخبر";
        let tz = crate::pipeline::read(text);
        let w = &tz.tokens;
        let i = w.iter().position(|t| t.text == "أوبك").unwrap();
        let mut c = vec![make(w, i, None, i, EntityType::Org, Origin::Tagger, 3)];
        plus(w, &mut c);
        assert_eq!(&text[c[0].byte_start..c[0].byte_end], "أوبك+");
        let a: Vec<&str> = abbreviations(w).iter().map(|c| &text[c.byte_start..c.byte_end]).collect();
        assert_eq!(a, ["أ.ف.ب", "و.م.ع"]);
    }
}
