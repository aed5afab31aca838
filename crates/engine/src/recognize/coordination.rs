//! Names in a list (rule code `list`): `بنغازي والبيضاء والمرج وسوسة ودرنة`, `ورززات، أزيلال،
//! الدار البيضاء الكبرى، اليوسفية وتنغير.` A list names one kind of thing: an unknown item between
//! two places is a place (`البيضاء`, "the white", and `المرج`, "the meadow", are ordinary words no
//! list knows as the Libyan towns), and so are the last items of a list of two places or more
//! that closes its sentence. Items are joined by `و` or a comma; an unknown item is one word that
//! a separator or the sentence's end follows, not a function or time word; at most two unknown
//! items in a row (people whose first word is a given name do not count). Lists of people the same way (`وعثمان مجلي، وعيدروس الزبيدي، وفرح البحسني.`),
//! an unknown person being up to four name-like words (a family name may have the article).

use super::ask::Ask;
use super::make;
use super::rules::is_comma;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// Places and persons in lists (see the module documentation).
pub fn names_in_lists(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    crate::sort::by_key(cands, |c| (c.first, c.last));
    let mut found = Vec::new();
    let mut next_start = 0;
    for c in cands.iter().filter(|c| matches!(c.kind, EntityType::Loc | EntityType::Per) && c.last > c.first) {
        let kind = c.kind;
        if c.first < next_start {
            continue; // inside a list already read
        }
        let sentence = words[c.first].sentence;
        let same = |w: &&Token| w.sentence == sentence && !w.line_start;
        let (mut p, mut known, mut pending) = (c.last, 1, Vec::new());
        // Unknown items in a row that start with no given name (at most two).
        let mut plain_items = 0;
        let mut closed = false;
        loop {
            // The separator: a comma (and perhaps `و` on the word after it), or `و` alone.
            let after_comma = words.get(p).filter(same).is_some_and(|w| is_comma(w));
            let q = if after_comma { p + 1 } else { p };
            let Some(w) = words.get(q).filter(same).filter(|w| w.is_body_arabic()) else {
                closed = words.get(p).is_none_or(|w| w.sentence != sentence || w.line_start || w.is_punct(".") || w.is_punct("؛"));
                break;
            };
            let split = w.splits.iter().find(|s| s.clitics == "و");
            if split.is_none() && !after_comma {
                break;
            }
            if let Some(next) = cands.iter().find(|o| o.first == q) {
                if next.kind != kind || (split.is_some() && next.byte_start == w.start) {
                    break;
                }
                found.append(&mut pending);
                plain_items = 0;
                known += 1;
                p = next.last;
                continue;
            }
            let stem = split.map_or(w.norm(), |s| s.stem.as_str());
            // A person's further words: name-like, or a family name with the article.
            let mut last = q;
            while kind == EntityType::Per && last - q < 3 {
                match words.get(last + 1).filter(same) {
                    Some(x) if ask.name_like(x) || (ask.has_article(x) && !ask.common(x) && !ask.nisba_of_place(x) && !ask.temporal(x)) => last += 1,
                    _ => break,
                }
            }
            let ends_item = words.get(last + 1).filter(same).is_none_or(|x| x.is_separator() || x.splits.iter().any(|s| s.clitics == "و"));
            // A person's first word: a given name, or a name-like word (read without its `و`:
            // not `والراقصة`, "and the dancer").
            let given = ask.given_stem(stem);
            let plain_name = !stem.starts_with("ال") && !ask.lex.common.contains(stem) && (split.is_some() || ask.name_like(w));
            let person = kind != EntityType::Per || (last > q && (given || plain_name));
            // (A list of people may run on with given names: `ندى البستاني، نعمة افرام، شوقي الدكاش`.)
            let counted = kind != EntityType::Per || !given;
            if (counted && plain_items == 2) || pending.len() == 8 || stem.chars().count() < 3 || ask.lex.function.contains(stem) || ask.lex.temporal.contains(stem) || !ends_item || !person {
                break;
            }
            pending.push(make(words, q, split, last, kind, Origin::Rule(RuleId::List), 3));
            plain_items += usize::from(counted);
            p = last + 1;
        }
        if closed && known >= 2 {
            found.append(&mut pending);
        }
        next_start = p;
    }
    cands.extend(found);
    crate::sort::by_key(cands, |c| (c.first, c.last));
    cands.dedup_by(|a, b| a.first == b.first);
}

/// Accusative roles a person is named to (`وسُمي محمد علي تميم وزيرا للتخطيط وطيف سامي محمد وزيرة
/// للمالية`): a person's name right before one takes in one name-like word left between them, and
/// a given name or name-like word joined by `و` right before it (lists of appointments, where the
/// tagger often keeps only the last two words).
pub fn appointed(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    let roles: Vec<String> = ["وزيرا", "وزيرة", "رئيسا", "رئيسة", "سفيرا", "مديرا", "محافظا", "نائبا", "ممثلا", "مستشارا", "قائدا"].iter().map(|r| crate::normalize::normalize(r)).collect();
    let starts: Vec<usize> = cands.iter().map(|c| c.first).collect();
    let role_at = |k: usize| words.get(k).is_some_and(|w| roles.iter().any(|r| r == w.norm()));
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per && c.last > c.first) {
        let sentence = words[c.first].sentence;
        // Not a noun with a pronoun (`تسلم … السوداني مهامه رئيسا`, "his duties").
        let plain = |k: usize| words.get(k).is_some_and(|w| w.sentence == sentence && !starts.contains(&k) && ask.name_like(w) && !w.norm().starts_with('و') && !w.text.ends_with('ه'));
        if !role_at(c.last) && plain(c.last) && role_at(c.last + 1) {
            super::adjust::take_in(c, words, c.last);
        }
        if !role_at(c.last) || c.first == 0 || starts.contains(&(c.first - 1)) {
            continue;
        }
        let w = &words[c.first - 1];
        let Some(split) = w.splits.iter().find(|s| s.clitics == "و") else { continue };
        let given = ask.lex.first_names.contains(&split.stem) || (!ask.lex.common.contains(&split.stem) && !split.stem.starts_with("ال") && !ask.lex.function.contains(&split.stem));
        if w.is_body_arabic() && w.sentence == sentence && given && split.stem.chars().count() >= 3 {
            c.first -= 1;
            c.byte_start = w.stem_start(split);
            c.key = format!("{} {}", split.stem, c.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Document, EntityType};

    fn names(text: &str, kind: EntityType) -> Vec<String> {
        let a = analyze(&[Document { id: "t".into(), file: "t.txt".into(), title: "t".into(), text: text.into(), ..Default::default() }]);
        a.documents[0].mentions.iter().filter(|m| m.kind == kind).map(|m| m.text.clone()).collect()
    }

    #[test]
    fn words_between_places_in_a_list_are_places() {
        let places = |text: &str| names(text, EntityType::Loc);
        let p = places("وضربت العاصفة بنغازي والبيضاء والمرج وسوسة أمس.");
        assert!(p.contains(&"البيضاء".to_string()) && p.contains(&"المرج".to_string()), "{p:?}");
        // Not after the last place, nor across anything but `و`.
        let p = places("وصل الوفد إلى بغداد والمدينة هادئة.");
        assert!(!p.contains(&"المدينة".to_string()), "{p:?}");
        let p = places("زار بغداد، والبصرة اليوم والكويت.");
        assert!(!p.contains(&"اليوم".to_string()), "{p:?}");
        // The last items of a list of places that closes its sentence.
        let p = places("وسجلت وفيات في أقاليم ورززات، أزيلال، مراكش، اليوسفية وتنغير.\nوتواصل السلطات جهودها.");
        assert!(p.contains(&"اليوسفية".to_string()) && p.contains(&"تنغير".to_string()), "{p:?}");
        // Not when the list goes on as a clause, nor after one place only.
        let p = places("زار الوفد بغداد والبصرة، والتقى الرئيس.");
        assert!(!p.iter().any(|x| x.contains("التقى")), "{p:?}");
        let p = places("زار الوفد بغداد والمدينة.");
        assert!(!p.contains(&"المدينة".to_string()), "{p:?}");
    }

    #[test]
    fn people_in_lists_and_appointments() {
        let people = names("ويضم المجلس سبعة أعضاء هم الرئيس جو بايدن، والرئيس فلاديمير بوتين، وطارق صالح، وفرح البحسني.", EntityType::Per);
        assert!(people.contains(&"فرح البحسني".to_string()), "{people:?}");
        let people = names("وسمي محمد علي تميم وزيرا للتخطيط وحيان عبدالغني عبدالزهرة وزيرا للنفط وطيف سامي محمد وزيرة للمالية.", EntityType::Per);
        assert_eq!(people, ["محمد علي تميم", "حيان عبدالغني عبدالزهرة", "طيف سامي محمد"], "{people:?}");
    }
}
