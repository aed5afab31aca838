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

/// Two people read as one across `و` (`ياسين بونو وشرف حكيمي`, `جيريرو وأوتافيو`): in a person the
/// tagger found, or found elsewhere in the corpus, a later word that is `و` + a name is where a
/// second person starts, unless the word with its `و` is a name a list knows (`وليد`, `وهبي`, the
/// Mauritanian `ولد`) or starts as foreign names with W do (`وينسلاند`, `ويلز`). The second person
/// is a name if it has two words or more, starts with a given name, or is one word that is no
/// ordinary word (`ودالوت`; not `وأكد`). (ANERcorp marks `كاسياس وراموس` as one person.)
pub fn split_at_and(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    let mut halves = Vec::new();
    cands.retain(|c| {
        if c.kind != EntityType::Per || !matches!(c.origin, Origin::Tagger | Origin::Corpus) {
            return true;
        }
        let at = (c.first + 1..c.last).find_map(|k| {
            let w = &words[k];
            let s = w.splits.iter().find(|s| s.clitics == "و").filter(|_| w.is_body_arabic())?;
            // `وي`, `وا`, `وو` as written start foreign names (`وينسلاند`, `ويلز`, `واشنطن`: W).
            let foreign_w = ["وي", "وا", "وو"].iter().any(|p| w.text.starts_with(p));
            let listed = foreign_w || ask.first_name(w) || ask.lex.names.contains_key(w.norm()) || w.norm() == "ولد";
            let ordinary = ask.lex.common.contains(&s.stem) || ask.lex.function.contains(&s.stem) || ask.lex.zipf(&s.stem) >= 40;
            let name = c.last - k >= 2 || ask.lex.first_names.contains(&s.stem) || !ordinary;
            (!listed && s.stem.chars().count() >= 3 && name).then_some((k, s))
        });
        let Some((k, s)) = at else { return true };
        let mut left = c.clone();
        let kept = 1 + words[c.first + 1..k].iter().filter(|w| w.is_body_word() || w.kind == crate::model::TokenKind::Number).count();
        left.key = c.key.split(' ').take(kept).collect::<Vec<_>>().join(" ");
        (left.last, left.byte_end) = (k, words[k - 1].end);
        let mut right = make(words, k, Some(s), c.last - 1, EntityType::Per, c.origin, c.priority);
        right.alias_of = None;
        halves.push(left);
        halves.push(right);
        false
    });
    cands.extend(halves);
}

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

    #[test]
    fn two_people_the_tagger_read_as_one_across_and() {
        use crate::model::Origin;
        use crate::recognize::ask::Ask;
        let text = "بتشكيل مكون من، ياسين بونو وشرف حكيمي، ثم قال المبعوث تور وينسلاند إن وليد جنبلاط حضر.";
        let tz = crate::pipeline::read(text);
        let w = &tz.tokens;
        let span = |first: &str, n: usize| {
            let i = w.iter().position(|t| t.text == first).unwrap();
            super::make(w, i, None, i + n - 1, EntityType::Per, Origin::Tagger, 3)
        };
        let mut c = vec![span("ياسين", 4), span("تور", 2), span("إن", 3)];
        c[2].first += 1; // `وليد جنبلاط`: the given name itself starts with و
        c[2].byte_start = w[c[2].first].start;
        super::split_at_and(w, &Ask::default(), &mut c);
        let mut got: Vec<(&str, String)> = c.iter().map(|c| (&text[c.byte_start..c.byte_end], c.key.clone())).collect();
        got.sort();
        let key = |s: &str| s.split(' ').map(crate::normalize::normalize).collect::<Vec<_>>().join(" ");
        assert!(got.contains(&("ياسين بونو", key("ياسين بونو"))), "{got:?}");
        assert!(got.contains(&("شرف حكيمي", key("شرف حكيمي"))), "{got:?}");
        assert!(got.iter().any(|(t, _)| *t == "تور وينسلاند") && got.iter().any(|(t, _)| t.starts_with("وليد جنبلاط")), "{got:?}");
    }
}
