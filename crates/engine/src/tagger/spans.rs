//! From tags to [`Candidate`]s: entity spans over the document's words, with the highlight
//! starting after any proclitic, as the gazetteer does.
//!
//! ANERcorp tags whole tokens, clitics included (`وألمانيا B-LOC`), so the model says *that* a
//! word starts a name, not *where* in the word the name starts. The proclitic is read off by
//! [`name_start`]: a word that is itself a known name keeps its first letters (`واشنطن`,
//! `فرنسا`); otherwise a stem that is a known name (`بالعراق`), the article after ل with its alef
//! elided (`للاتحاد`; but not `كالينكوف` or `بالتيمور`, which only look like ك/ب + article), a
//! stem found as a word of its own elsewhere in the document
//! (`وكالينكوف` beside `كالينكوف`), or, for the conjunction و, a stem of four letters or more
//! that does not itself start with ا, و or ي (foreign names such as `واتسون`, `ويلز`, `ووهان`).

use super::lists::Lists;
use super::tags::{is_inside, kind, Tag};
use crate::model::Token;
use crate::model::{Candidate, Origin};
use crate::model::Split;
use crate::model::TokenKind;
use std::collections::HashSet;

/// Which proclitic analysis of `w` the name starts after, if any. Not `ف` before a known name:
/// `فريد` (Farid) is no `ف` + `ريد`; a name's first word is seldom written after "so".
pub fn name_start<'w>(w: &'w Token, lists: &Lists, doc_forms: &HashSet<&str>) -> Option<&'w Split> {
    if w.splits.len() <= 1 {
        return None;
    }
    let known = |s: &str| lists.name(s).is_some() || lists.first_name(s) || lists.last_name(s);
    if known(w.norm()) {
        return None;
    }
    let letters = |s: &Split| s.stem.chars().count();
    let rest = || w.splits.iter().skip(1);
    let n = w.norm();
    // `للاتحاد`: ل before the article, whose alef is not written (the stem restores it).
    let lil = n.starts_with("لل") || n.starts_with("ولل") || n.starts_with("فلل");
    rest()
        .find(|s| letters(s) >= 3 && known(&s.stem) && (s.clitics == "و" || letters(s) >= 4 && s.clitics != "ف"))
        .or_else(|| rest().find(|s| lil && s.stem.starts_with("ال") && !n.ends_with(&s.stem[..]) && letters(s) >= 4))
        .or_else(|| rest().find(|s| letters(s) >= 3 && doc_forms.contains(s.stem.as_str()) && !lists.common(&s.stem)))
        .or_else(|| {
            rest().find(|s| {
                s.clitics == "و" && letters(s) >= 4 && !s.stem.starts_with(['ا', 'و', 'ي']) && !lists.common(&s.stem)
            })
        })
}

/// `و` before the first word of a name of two words or more (`وعبد الله العليمي`, `وفرج
/// البحسني`): a conjunction, unless the whole word is a known name (`وليد`, `وائل`).
/// ANERcorp's lists hold such words with their `و` (`وعبد`, `وفرج`): only the given names of the
/// name gazetteer keep it.
fn and_before_a_name<'w>(w: &'w Token, several_words: bool, lists: &Lists) -> Option<&'w Split> {
    if !several_words || lists.lex.gazetteer_first_names.contains(w.norm()) || lists.lex.names.get(w.norm()).is_some_and(|e| e.source != crate::lexicon::Source::Anercorp) {
        return None;
    }
    w.splits.iter().skip(1).find(|s| s.clitics == "و" && s.stem.chars().count() >= 3 && !lists.common(&s.stem))
}

/// Candidates for the entities tagged over `words[offset..offset + tags.len()]`.
pub fn candidates(words: &[Token], offset: usize, tags: &[Tag], lists: &Lists, doc_forms: &HashSet<&str>, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < tags.len() {
        let Some(ty) = kind(tags[i]).filter(|_| !is_inside(tags[i])) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && is_inside(tags[j]) && kind(tags[j]) == Some(ty) {
            j += 1;
        }
        // words[offset + a ..= offset + b], trimmed of punctuation at both ends.
        let (mut a, mut b) = (offset + i, offset + j - 1);
        i = j;
        while a <= b && words[a].kind == TokenKind::Punct {
            a += 1;
        }
        while b > a && words[b].kind == TokenKind::Punct {
            b -= 1;
        }
        if a > b || !(a..=b).any(|k| words[k].is_body_word()) {
            continue;
        }
        let first = &words[a];
        let split = if first.kind == TokenKind::Arabic { name_start(first, lists, doc_forms).or_else(|| and_before_a_name(first, a < b, lists)) } else { None };
        let (mut key, byte_start) = match split {
            Some(s) => (s.stem.clone(), first.stem_start(s)),
            None => (first.norm().to_string(), first.start),
        };
        for w in &words[a + 1..=b] {
            if w.kind != TokenKind::Punct {
                key.push(' ');
                key.push_str(w.norm());
            }
        }
        out.push(Candidate {
            first: a,
            last: b + 1,
            byte_start,
            byte_end: words[b].end,
            kind: ty,
            key,
            origin: Origin::Tagger,
            priority: 3,
            alias_of: None,
        });
    }
}
