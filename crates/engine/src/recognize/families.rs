//! Family names with `آل` ("the house of"): `آل` and the word after it close a person's name
//! (`محمد بن زايد آل نهيان`, `تركي آل الشيخ`). A person's name that ends right before `آل` takes
//! them in; a given name right before `آل` starts one, even where no other finder saw a person
//! (`تركي` is also "Turkish"); and `آل` + a family name alone is that person where the article
//! names them in full (`وكتب آل الشيخ`, after `تركي آل الشيخ`). Only `آل` written with its madda:
//! `ال` alone is a stray article (`ال ـ 25`).
//!
//! A family name of the same word: a person's name followed by that word with the article takes
//! it in (`عبدالله العبدالله`), and a word followed by itself with the article is a person's name
//! even where no finder saw one (`نمر النمر`: `نمر` is "tiger").

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

/// A person's name followed by the same word with the article is the family name of that root
/// (`نمر النمر`, `عبدالله العبدالله`, `فيصل الفيصل`): the name takes it in.
pub fn family_of_the_same_word(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    let starts: Vec<usize> = cands.iter().map(|c| c.first).collect();
    let same = |k: usize, j: usize| words[j].text.starts_with("ال") && words[j].sentence == words[k].sentence && words[j].norm().strip_prefix("ال") == Some(words[k].norm());
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per && c.last > c.first) {
        let Some(j) = super::gazetteer::next_word(words, c.last - 1) else { continue };
        if same(c.last - 1, j) && !starts.contains(&j) {
            super::adjust::take_in(c, words, j);
        }
    }
    // … and the two words alone are a name no finder saw (`نمر النمر`, "tiger"): no other word
    // is followed by itself with the article.
    let covered = super::covered(words.len(), cands);
    for k in 0..words.len() {
        let w = &words[k];
        let Some(j) = super::gazetteer::next_word(words, k) else { continue };
        if w.is_body_arabic() && w.splits.len() == 1 && w.norm().chars().count() >= 3 && !ask.function(w) && !ask.temporal(w) && !covered[k] && !covered[j] && same(k, j) {
            cands.push(make(words, k, None, j, EntityType::Per, Origin::Rule(RuleId::Family), 5));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_name_of_the_same_word_is_part_of_the_name() {
        let text = "رجل الدين الشيعي نمر النمر، والنمر الأبيض";
        let tz = crate::pipeline::read(text);
        let w = &tz.tokens;
        let i = w.iter().position(|t| t.text == "نمر").unwrap();
        let mut c = vec![make(w, i, None, i, EntityType::Per, Origin::Tagger, 3)];
        family_of_the_same_word(w, &Ask::default(), &mut c);
        assert_eq!(c.len(), 1);
        assert_eq!(&text[c[0].byte_start..c[0].byte_end], "نمر النمر");
        assert_eq!(c[0].key, "نمر النمر");
        // Not across a comma, and only the same word with the article.
        let j = w.iter().position(|t| t.text == "النمر").unwrap();
        let mut d = vec![make(w, j, None, j, EntityType::Per, Origin::Tagger, 3)];
        family_of_the_same_word(w, &Ask::default(), &mut d);
        assert_eq!(d.iter().map(|c| &text[c.byte_start..c.byte_end]).collect::<Vec<_>>(), ["النمر"]);
        // No finder saw the name: the two words are one.
        let mut e = Vec::new();
        family_of_the_same_word(w, &Ask::default(), &mut e);
        assert_eq!(e.iter().map(|c| &text[c.byte_start..c.byte_end]).collect::<Vec<_>>(), ["نمر النمر"]);
        let text = "قال إن العمل في العمل الحكومي";
        let tz = crate::pipeline::read(text);
        let mut f = Vec::new();
        family_of_the_same_word(&tz.tokens, &Ask::default(), &mut f);
        assert!(f.is_empty());
    }
}
