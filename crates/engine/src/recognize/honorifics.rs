//! Names that begin with a Maghrebi honorific: `مولاي إبراهيم` (a village, and the saint it is
//! named after), `سيدي بنور` (a town), `الأمير مولاي رشيد`, `لالة مريم`. The honorific is the
//! first word of the name, not a word before it: a finder that found the name without it
//! (`إبراهيم`, which is also a given name of its own) gets it back, so that the village and a
//! person called `إبراهيم` stay apart. Not before a word with the article (`سيدي الرئيس`, "sir").
//! After a place word, the honorific and the name after it are the place (`بلدة مولاي يعقوب`,
//! in [`super::rules`]).

use super::ask::Ask;
use crate::model::{Candidate, EntityType, Token};

fn honorifics() -> &'static [String] {
    crate::lexicon::lexicon().heads("name_honorifics")
}

/// The word is an honorific as written (no proclitic): `مولاي`, `سيدي` …
pub fn is_honorific(w: &Token) -> bool {
    w.is_body_arabic() && honorifics().iter().any(|h| h == w.norm())
}

/// Extend people's and places' names over the honorific right before them.
pub fn take_in(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    let honorifics = honorifics();
    let ends: Vec<usize> = cands.iter().map(|c| c.last).collect();
    for c in cands.iter_mut().filter(|c| matches!(c.kind, EntityType::Per | EntityType::Loc) && c.first > 0) {
        let (b, first) = (&words[c.first - 1], &words[c.first]);
        if !b.is_body_arabic() || b.sentence != first.sentence || ask.has_article(first) {
            continue;
        }
        let Some(split) = b.splits.iter().find(|s| matches!(s.clitics, "" | "و" | "ب" | "ل" | "و+ب" | "و+ل") && honorifics.contains(&s.stem)) else { continue };
        if ends.contains(&c.first) {
            continue;
        }
        c.first -= 1;
        c.byte_start = b.stem_start(split);
        c.key = format!("{} {}", split.stem, c.key);
    }
}
