//! The end of the tagger's person names: a last word `س` + a frequent imperfect, a verb in the
//! future (`سيضاف` "will be added" in `أبو عاقلة سيضاف`), is left out; `سيف`, `ستيفن` are not
//! (`يف`, `تيفن` are no words); so is a frequent imperfect in ي that no list knows as a name, a
//! headline's verb (`محمد بن زايد يعزي`, `آبي أحمد يحتفي`; not `يوسف`, `يائير`). So is a ruler's title after a chain of fathers' names, the start
//! of an apposition (`قابوس بن سعيد سلطان عمان`, "Qaboos bin Said, Sultan of Oman"); right after
//! `بن` it is the father's name (`خالد بن سلطان`).
//!
//! A given name that starts a person's full name in an article names that person alone elsewhere
//! in the article (`شيرين أبو عاقلة` … `سقوط شيرين`), if it is no frequent word (Zipf under 4.5)
//! and no other name of the article starts with it.
//!
//! The start of a person's name read as `و` + a word takes the `و` back when the whole word is a
//! given name and the rest is none (`وائل`), or right after a title (`والسيدة وسيمة خرشيش`).
//!
//! A country's name that is also a relative adjective, right before a person's name, describes the
//! person (`الآنسة السعودية رجوة آل سيف`, "the Saudi Miss Rajwa Al Saif"): no place there.
//!
//! A person's one-word name right before one word with the article that only the tagger reads as
//! another type (a place, an organisation), that no place list and no country knows and that is
//! no relative adjective, is that person's family name: `مقتدى الصدر` (the tagger reads `الصدر`
//! as a place, after Sadr City; the given name is in no list, so no list-based rule joins them).
//! A known place stays a place (`وصل محمد القاهرة`, "Mohammed reached Cairo").
//!
//! A ruler's title without the article is in construct with what he rules: a known place right
//! after it is that place, not a person the title introduces (`حاكم عجمان`, `أمير قطر`; the
//! tagger reads `عجمان` as a name after a title), unless the word is a given name.
//!
//! Measured and left out:
//! - leaving out a first word that is a frequent word and no given name of the lists (`رحيل` "the
//!   departure of" in `رحيل أبو عاقلة`): it cut `جو بايدن` and `أمير حسين` (frequent words and given
//!   names the lists lack), and cost 0.7 F1 on ANERcorp's held-out tenth;
//! - a given name before a one-word place with the article that only ANERcorp's list knows, read
//!   as one person (`عمار الصدر`): no effect on any dev story nor on ANERcorp (`مقتدى الصدر`, the
//!   case that prompted it, has a given name no list holds).

use crate::model::{Candidate, EntityType, Origin, Token};
use crate::recognize::ask::Ask;

/// The tagger's person name `c` without a verb in the future or the present as its last word;
/// `None` when it has none.
pub fn without_future_verb(words: &[Token], ask: &Ask, c: &Candidate) -> Option<Candidate> {
    if c.kind != EntityType::Per || c.origin != Origin::Tagger || c.last - c.first < 2 {
        return None;
    }
    let z = &words[c.last - 1];
    let future = z.is_body_arabic() && z.norm().strip_prefix('س').is_some_and(|v| v.chars().count() >= 3 && matches!(v.chars().next(), Some('ي' | 'ت' | 'ن')) && ask.lex.zipf(v) >= 35);
    // A verb in the present right after the name (`محمد بن زايد يعزي`, `آبي أحمد يحتفي`, headline
    // style): a frequent word in ي that no list knows as a name (not `يوسف`, `يائير`).
    let n = z.norm();
    let present = z.is_body_arabic() && n.starts_with('ي') && (4..=6).contains(&n.chars().count()) && ask.lex.zipf(n) >= 30 && !ask.first_name(z) && !ask.lex.names.contains_key(n) && !ask.surname_like(z);
    let future = future || present;
    let body: Vec<usize> = (c.first..c.last).filter(|&k| words[k].is_body_word()).collect();
    let ruler = (2..body.len()).find(|&n| son_of(words[body[n - 2]].norm()) && ruler(words[body[n]].norm()));
    let keep = ruler.or(future.then(|| body.len() - 1)).filter(|&n| n >= 1)?;
    let end = body[keep - 1];
    let mut t = c.clone();
    t.key = t.key.split(' ').take(keep).collect::<Vec<_>>().join(" ");
    t.last = end + 1;
    t.byte_end = words[end].end;
    Some(t)
}

/// A person's name whose first word was read as `و` + a word, when the whole word is a given
/// name of the lists and the rest is none (`وسيمة خرشيش` read as `و` + `سيمة`; `وائل`, `وليد`):
/// the `و` is the name's own; so it is right after a title (`والسيدة وسيمة خرشيش`: a title is
/// followed by a name, not by "and"). Not `ومحمد`, `وأمل`: the rest is a given name too.
pub fn given_name_with_waw(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per) {
        let w = &words[c.first];
        let Some(rest) = w.norm().strip_prefix('و') else { continue };
        // Right after a title the name starts: `والسيدة وسيمة خرشيش` ("and Mrs Wassima …").
        let titled = c.first > 0 && words[c.first - 1].sentence == w.sentence && words[c.first - 1].splits.iter().any(|s| matches!(s.clitics, "" | "و") && (ask.lex.person_titles.contains(&s.stem) || ask.lex.occupations.contains(&s.stem)));
        let given = ask.first_name(w) && !ask.given_stem(rest) && !ask.lex.names.contains_key(rest);
        if w.text.starts_with('و') && c.byte_start == w.start + 'و'.len_utf8() && (given || titled) {
            c.byte_start = w.start;
            c.key = match c.key.split_once(' ') {
                Some((_, more)) => format!("{} {more}", w.norm()),
                None => w.norm().to_string(),
            };
        }
    }
}

/// A given name of the lists right before a rare word with the article (Zipf under 3: no common
/// word, no adjective of a place) is a person's given and family names (`زهير المترجي`, `شوقي
/// الدكاش`; rule code `given_family`), trusted below the tagger. Not `رمضان المبارك`, `جمال
/// الطبيعة`: frequent words.
pub fn given_and_family(words: &[Token], ask: &Ask, out: &mut Vec<Candidate>) {
    for i in 0..words.len().saturating_sub(1) {
        let (w, x) = (&words[i], &words[i + 1]);
        let given = w.is_body_arabic() && ask.first_name(w) && !ask.function(w);
        // (A relative adjective of a place is no family name here; a rare one of no place is:
        // `المترجي`.)
        let family = ask.has_article(x) && !ask.common(x) && !ask.function(x) && !ask.temporal(x) && ask.lex.zipf(x.norm()) < 30 && !ask.nisba_of_place(x);
        if given && x.is_body_arabic() && x.sentence == w.sentence && family {
            out.push(super::make(words, i, None, i + 1, EntityType::Per, Origin::Rule(crate::model::RuleId::GivenFamily), 3));
        }
    }
}

/// A word that joins a given name to a father's (matching form): `بن`, `ابن`, `بنت`, and the
/// Mauritanian `ولد`.
pub fn son_of(n: &str) -> bool {
    matches!(n, "بن" | "ابن" | "بنت" | "ولد")
}

/// A ruler's title without the article (matching form): after a chain of fathers' names it
/// starts an apposition (`قابوس بن سعيد سلطان عمان`).
pub fn ruler(n: &str) -> bool {
    matches!(n, "سلطان" | "ملك" | "امير" | "رئيس" | "حاكم")
}

/// Join a one-word person's name and the family name the tagger typed otherwise (see the module
/// documentation).
pub fn family_typed_otherwise(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    // The tagger's one-word names of another type, by their word (one look-up per person, not a
    // scan of every candidate: a long text has tens of thousands).
    let mut other_at: Vec<Option<usize>> = vec![None; words.len()];
    for (d, c) in cands.iter().enumerate().filter(|(_, c)| c.last == c.first + 1 && c.kind != EntityType::Per && c.origin == Origin::Tagger) {
        if let Some(slot) = other_at.get_mut(c.first) {
            slot.get_or_insert(d);
        }
    }
    let mut joined = Vec::new();
    for (i, c) in cands.iter().enumerate().filter(|(_, c)| c.kind == EntityType::Per && c.last - c.first == 1 && c.byte_end == words[c.first].end) {
        let k = c.last;
        let Some(w) = words.get(k).filter(|w| w.is_body_arabic() && w.sentence == words[c.first].sentence && w.splits.len() == 1) else { continue };
        let n = w.norm();
        let known = ask.lex.place(n).is_some() || ask.lex.names.get(n).is_some_and(|e| !matches!(e.source, crate::lexicon::Source::Anercorp));
        if !ask.has_article(w) || ask.nisba(w) || ask.common(w) && ask.lex.zipf(n) >= 50 || ask.temporal(w) || ask.function(w) || known {
            continue;
        }
        if let Some(d) = other_at[k] {
            joined.push((i, d));
        }
    }
    let mut gone = vec![false; cands.len()];
    for (i, d) in joined {
        let k = cands[d].first;
        super::adjust::take_in(&mut cands[i], words, k);
        gone[d] = true;
    }
    let mut at = 0;
    cands.retain(|_| {
        at += 1;
        !gone[at - 1]
    });
}

/// Retype as places the known places named right after a ruler's title (see the module
/// documentation).
pub fn place_after_ruler(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per && c.first > 0) {
        let (t, w) = (&words[c.first - 1], &words[c.first]);
        let places = (c.first..c.last).all(|k| !ask.first_name(&words[k]));
        let key = c.key.strip_prefix("ال").filter(|_| c.last - c.first == 1).unwrap_or(&c.key);
        let known = ask.lex.place(&c.key).or_else(|| ask.lex.place(key)).is_some_and(|p| p.population >= 10_000)
            || ask.lex.names.get(&c.key).is_some_and(|e| matches!(e.source, crate::lexicon::Source::Country { .. }));
        if t.is_body_arabic() && t.sentence == w.sentence && ruler(t.norm()) && c.byte_start == w.start && places && known {
            c.kind = EntityType::Loc;
        }
    }
}

/// Drop a one-word place shaped like a relative adjective right before a person's name (see the
/// module documentation).
pub fn nationality_before_person(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    let people: std::collections::HashSet<usize> = cands.iter().filter(|c| c.kind == EntityType::Per).map(|c| c.first).collect();
    cands.retain(|c| {
        let next = super::gazetteer::next_word(words, c.first).filter(|&j| j == c.last && words[j].sentence == words[c.first].sentence);
        !(c.kind == EntityType::Loc && c.last - c.first == 1 && ask.nisba(&words[c.first]) && next.is_some_and(|j| people.contains(&j)))
    });
}

/// The given names alone of the article's full names (see the module documentation).
pub fn given_names_alone(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    // Given name → the one person's full name it starts, or "" when several names start with it.
    let mut starts: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for c in cands.iter().filter(|c| c.last - c.first >= 2) {
        let first = c.key.split(' ').next().unwrap_or_default().to_string();
        let full = if c.kind == EntityType::Per { c.key.clone() } else { String::new() };
        let e = starts.entry(first).or_insert_with(|| full.clone());
        if *e != full {
            e.clear();
        }
    }
    let covered = super::covered(words.len(), cands);
    for (k, w) in words.iter().enumerate().filter(|&(k, w)| !covered[k] && w.is_body_arabic()) {
        let split = w.analyses().iter().find(|s| matches!(s.clitics, "" | "و" | "ب" | "ل") && starts.get(&s.stem).is_some_and(|f| !f.is_empty())).cloned();
        if let Some(s) = split.filter(|s| (ask.lex.first_names.contains(&s.stem) || ask.lex.book_given_names.contains(&s.stem)) && ask.lex.zipf(&s.stem) < 45 && !ask.common(w)) {
            cands.push(super::make(words, k, Some(&s), k, EntityType::Per, Origin::Corpus, 2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str, from: &str, n: usize) -> Option<String> {
        let tz = crate::pipeline::read(text);
        let w = &tz.tokens;
        let i = w.iter().position(|t| t.text == from).unwrap();
        let c = super::super::make(w, i, None, i + n - 1, EntityType::Per, Origin::Tagger, 3);
        without_future_verb(w, &Ask::default(), &c).map(|c| text[c.byte_start..c.byte_end].to_string())
    }

    #[test]
    fn a_verb_in_the_future_after_a_name_is_left_out() {
        assert_eq!(trimmed("وقال إن اسم أبو عاقلة سيضاف إلى السجل", "أبو", 3).as_deref(), Some("أبو عاقلة"));
        assert_eq!(trimmed("وقال إن الوزير محمد سعيد سيتوجه إلى السجل", "محمد", 3).as_deref(), Some("محمد سعيد"));
        // Names stay whole, those that start with س too.
        assert_eq!(trimmed("وقال محمد ابو عاقلة أمس", "محمد", 3), None);
        assert_eq!(trimmed("وقال مارك ستيفن أمس", "مارك", 2), None);
        assert_eq!(trimmed("وقال أحمد سيف أمس", "أحمد", 2), None);
    }

    #[test]
    fn a_family_name_the_tagger_typed_otherwise_joins_the_one_word_name_before_it() {
        let joined = |text: &str, person: &str, other: &str, kind: EntityType| {
            let tz = crate::pipeline::read(text);
            let w = &tz.tokens;
            let at = |s: &str| w.iter().position(|t| t.text == s).unwrap();
            let (p, o) = (at(person), at(other));
            let mut c = vec![super::super::make(w, p, None, p, EntityType::Per, Origin::Corpus, 2), super::super::make(w, o, None, o, kind, Origin::Tagger, 3)];
            family_typed_otherwise(w, &Ask::default(), &mut c);
            c.iter().map(|c| text[c.byte_start..c.byte_end].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(joined("ووصف زعيم التيار مقتدى الصدر ما جرى", "مقتدى", "الصدر", EntityType::Loc), ["مقتدى الصدر"]);
        // A known place, a relative adjective: no family name.
        assert_eq!(joined("وصل محمد القاهرة أمس", "محمد", "القاهرة", EntityType::Loc), ["محمد", "القاهرة"]);
        assert_eq!(joined("وقال بوتين الروسي أمس", "بوتين", "الروسي", EntityType::Org), ["بوتين", "الروسي"]);
    }

    #[test]
    fn a_known_place_after_a_ruler_s_title_is_the_place_he_rules() {
        let typed = |text: &str, name: &str| {
            let tz = crate::pipeline::read(text);
            let w = &tz.tokens;
            let i = w.iter().position(|t| t.text == name).unwrap();
            let mut c = vec![super::super::make(w, i, None, i, EntityType::Per, Origin::Tagger, 3)];
            place_after_ruler(w, &Ask::default(), &mut c);
            c[0].kind
        };
        assert_eq!(typed("وصاحب السمو حاكم عجمان وصاحب السمو", "عجمان"), EntityType::Loc);
        // A given name after a title stays a person; so does a place after a definite title.
        assert_eq!(typed("وقال أمير حمزة إن", "حمزة"), EntityType::Per);
        assert_eq!(typed("وقال الأمير عجمان إن", "عجمان"), EntityType::Per);
    }

    #[test]
    fn a_given_name_alone_only_when_one_full_name_starts_with_it() {
        // `full`: how many of the first occurrences of `نادين` start a full name of two words.
        let alone = |text: &str, full: usize| {
            let tz = crate::pipeline::read(text);
            let w = &tz.tokens;
            let at: Vec<usize> = (0..w.len()).filter(|&k| w[k].text == "نادين").collect();
            let mut c: Vec<Candidate> = at[..full].iter().map(|&k| super::super::make(w, k, None, k + 1, EntityType::Per, Origin::Tagger, 3)).collect();
            given_names_alone(w, &Ask::default(), &mut c);
            c.len() - full
        };
        assert_eq!(alone("قالت نادين الخطيب إن القوات أطلقت النار، ثم سقطت نادين أرضا", 1), 1);
        // Two full names start with it: which one is meant is unknown.
        assert_eq!(alone("قالت نادين الخطيب إن زميلتها نادين السعدي أصيبت، ثم سقطت نادين أرضا", 2), 0);
    }
}
