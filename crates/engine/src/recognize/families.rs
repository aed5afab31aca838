//! Family names with `آل` ("the house of"): `آل` and the word after it close a person's name
//! (`محمد بن زايد آل نهيان`, `تركي آل الشيخ`). A person's name that ends right before `آل` takes
//! them in; a given name right before `آل` starts one, even where no other finder saw a person
//! (`تركي` is also "Turkish"); and `آل` + a family name alone is that person where the article
//! names them in full (`وكتب آل الشيخ`, after `تركي آل الشيخ`). Only `آل` written with its madda:
//! `ال` alone is a stray article (`ال ـ 25`).

use super::ask::Ask;
use super::gazetteer::next_word;
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// Extend or add the persons' names that `آل` + a family name close.
pub fn close_names(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    let mut alone = Vec::new();
    for k in 1..words.len() {
        let (al, p) = (&words[k], &words[k - 1]);
        if al.text != "آل" || !al.is_body_arabic() || !p.is_body_word() || p.sentence != al.sentence {
            continue;
        }
        let Some(m) = next_word(words, k).filter(|&m| words[m].sentence == al.sentence && words[m].is_body_arabic() && !ask.function(&words[m])) else { continue };
        // What stands on `آل` and the family name may only be a person's name: the family name
        // alone (`الزيدان`, which gives way), or `آل` and it (found elsewhere in the corpus).
        let family_only = |c: &Candidate| c.kind == EntityType::Per && c.last == m + 1 && (c.first == m || c.first == k);
        if cands.iter().any(|c| c.first <= m && c.last > k && !family_only(c)) {
            continue;
        }
        let ends_here = |c: &Candidate| c.last == k && c.kind == EntityType::Per;
        if cands.iter().any(ends_here) {
            cands.retain(|c| !family_only(c));
            let Some(c) = cands.iter_mut().find(|c| ends_here(c)) else { continue };
            super::adjust::take_in(c, words, k);
            super::adjust::take_in(c, words, m);
        } else if ask.first_name(p) && !cands.iter().any(|c| c.first < k && c.last > k - 1) {
            cands.retain(|c| !family_only(c));
            cands.push(make(words, k - 1, None, m, EntityType::Per, Origin::Rule(RuleId::Family), 5));
        } else {
            alone.push((k, m));
        }
    }
    // The family name alone, where one full name in the article ends with it (two would be two
    // relatives: left to the linker, which keeps relatives apart).
    let full: Vec<String> = cands.iter().filter(|c| c.kind == EntityType::Per && c.key.contains(" ال ")).map(|c| c.key.clone()).collect();
    for (k, m) in alone {
        let family = format!(" ال {}", words[m].norm());
        // One name written several times is one name.
        let mut of = full.iter().filter(|f| f.ends_with(&family));
        let Some(f) = of.next() else { continue };
        if of.any(|g| g != f) {
            continue;
        }
        cands.retain(|c| !(c.first == m && c.last == m + 1));
        match cands.iter_mut().find(|c| c.first == k) {
            Some(c) => c.alias_of = Some(f.clone()),
            None => {
                let mut c = make(words, k, None, m, EntityType::Per, Origin::Rule(RuleId::Family), 5);
                c.alias_of = Some(f.clone());
                cands.push(c);
            }
        }
    }
    crate::sort::by_key(cands, |c| c.first);
}
