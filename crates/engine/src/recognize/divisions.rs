//! Places named with a word after or before them that is their name's: a division by a compass
//! word (`محافظة أذربيجان الشرقية`, `محافظة شمال الباطنة`) and a larger area by "greater"
//! (`القاهرة الكبرى`).

use super::adjust::take_in;
use super::ask::Ask;
use crate::model::{Candidate, EntityType, Token};

/// A compass noun, in matching form (`شمال`, `جنوب` …).
pub(super) fn direction(n: &str) -> bool {
    matches!(n, "شمال" | "جنوب" | "شرق" | "غرب" | "وسط")
}

/// A province's word, in matching form, one or several (`محافظة`, `محافظتي`, `ولايات`, `إقليم` …).
pub(super) fn province_word(n: &str) -> bool {
    matches!(n, "محافظه" | "محافظتي" | "محافظات" | "ولايه" | "ولايتي" | "ولايات" | "اقليم" | "مقاطعه")
}

/// A place after a province word or a governor (`محافظة`, `ولاية`, `إمارة`, `محافظ`, `حاكم` …; not
/// `مدينة`: `مدينة جنين الشمالية` is the northern city of Jenin) followed by a
/// compass adjective is a division of that name (`محافظة أذربيجان الشرقية`, East Azerbaijan, not
/// the country; `ولاية كردفان الشمالية`), and so is a compass noun before it (`محافظة شمال
/// الباطنة`): the compass word is the name's, and keeps it apart from the place it contains.
pub fn divisions_by_compass(words: &[Token], cands: &mut [Candidate]) {
    let starts: Vec<usize> = cands.iter().map(|c| c.first).collect();
    let ends: Vec<usize> = cands.iter().map(|c| c.last).collect();
    let head = |k: usize, s: usize| words[k].sentence == s && words[k].splits.iter().any(|x| matches!(x.clitics, "" | "و" | "ب" | "ل" | "ف") && (province_word(&x.stem) || matches!(x.stem.as_str(), "محافظ" | "حاكم" | "والي" | "اماره" | "عماله")));
    let compass = |k: usize, s: usize| words[k].splits.iter().filter(|_| words[k].sentence == s).find(|x| matches!(x.clitics, "" | "و") && direction(&x.stem));
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Loc && c.first > 0) {
        let s = words[c.first].sentence;
        if head(c.first - 1, s) {
            let Some(j) = super::gazetteer::next_word(words, c.last - 1).filter(|&j| !starts.contains(&j) && words[j].sentence == s) else { continue };
            if matches!(words[j].norm(), "الشرقيه" | "الغربيه" | "الشماليه" | "الجنوبيه" | "الوسطي") {
                take_in(c, words, j);
            }
            continue;
        }
        // `محافظة شمال الباطنة`, `لمحافظتي جنوب وشمال الباطنة`: a compass noun between the place
        // word and the place is the division's (not `شمال سوريا`, "the north of Syria").
        let k = c.first - 1;
        let Some(x) = compass(k, s).filter(|_| c.byte_start == words[c.first].start && !ends.contains(&c.first)) else { continue };
        let province = |k: usize| words[k].sentence == s && words[k].splits.iter().any(|x| province_word(&x.stem));
        if k > 0 && (province(k - 1) || k > 1 && compass(k - 1, s).is_some() && province(k - 2)) {
            c.first = k;
            c.byte_start = words[k].stem_start(x);
            c.key = format!("{} {}", x.stem, c.key);
        }
    }
}

/// `الدار البيضاء الكبرى`, `القاهرة الكبرى`, `المغرب الكبير`: a known place followed by
/// "greater" names a larger area; the name takes it in (and stays another place than the city).
pub fn greater_places(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    let starts: Vec<usize> = cands.iter().map(|c| c.first).collect();
    for c in cands.iter_mut() {
        if c.kind != EntityType::Loc || c.last == 0 || (ask.lex.place(&c.key).is_none() && !ask.lex.names.get(&c.key).is_some_and(|e| e.kind == EntityType::Loc)) {
            continue;
        }
        // `جائزة البحرين الكبرى`, `مسجد باريس الكبير`: the adjective is the construct's (the Grand
        // Prix, the Great Mosque), unless a preposition before the place breaks the construct.
        let glued_clitic = c.byte_start != words[c.first].start;
        let construct = c.first > 0 && {
            let p = &words[c.first - 1];
            p.is_body_arabic() && p.sentence == words[c.first].sentence && !ask.has_article(p) && !ask.function(p)
        };
        if construct && !glued_clitic {
            continue;
        }
        let Some(j) = super::gazetteer::next_word(words, c.last - 1) else { continue };
        let w = &words[j];
        if w.sentence == words[c.first].sentence && matches!(w.norm(), "الكبري" | "الكبير") && !starts.contains(&j) {
            take_in(c, words, j);
        }
    }
}

/// A place a list knows by its place word (`قضاء الحمدانية`, GeoNames' "Qada' al Hamdaniyah") is
/// named without it, as every place after a place word is (`محافظة نينوى` → `نينوى`): the word
/// is the division's kind, and the name alone is what the story repeats.
pub fn place_word_outside(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Loc && c.last - c.first >= 2 && matches!(c.origin, crate::model::Origin::Place | crate::model::Origin::Gazetteer)) {
        let w = &words[c.first];
        if w.splits.iter().any(|s| ask.lex.place_triggers.contains(&s.stem)) {
            let k = c.first + 1;
            c.first = k;
            c.byte_start = words[k].start;
            c.key = c.key.split_once(' ').map_or(c.key.clone(), |(_, rest)| rest.to_string());
        }
    }
}

/// The word of a division or of a city right next to a place that is also the name of a city (or
/// of a country), as written without its proclitics, and what it says: `1`, a division
/// (`محافظة` in `بمحافظة العقبة`, `إمارة` in `إمارة أبو ظبي`, `حاكم` in `حاكم أبوظبي`: the
/// governorate, the emirate); `2`,
/// the city of a country's name (`العاصمة` in `العاصمة تونس` and `تونس العاصمة`, `مدينة` in
/// `مدينة الكويت`); `3`, the city itself (`مدينة العقبة`). Not `محافظة نينوى`, whose name names
/// no city, nor `محافظتي` (two provinces).
pub fn named_within<'a>(words: &[Token<'a>], c: &Candidate, lex: &crate::lexicon::Lexicon) -> Option<(&'a str, u8)> {
    let country = matches!(lex.names.get(&c.key).map(|e| &e.source), Some(crate::lexicon::Source::Country { .. }));
    let city = lex.place(&c.key).is_some();
    let s = words.get(c.first)?.sentence;
    let word = |k: usize, clitics: bool, forms: &[&str]| {
        let w = words.get(k).filter(|w| w.sentence == s)?;
        let x = w.splits.iter().find(|x| (clitics || x.clitics.is_empty()) && forms.contains(&x.stem.as_str()))?;
        Some(&w.text[x.offset..])
    };
    let capital = ["مدينه", "العاصمه"];
    let before = |forms: &[&str]| (c.first > 0 && c.byte_start == words[c.first].start).then(|| word(c.first - 1, true, forms)).flatten();
    if country {
        return before(&capital).or_else(|| word(c.last, false, &["العاصمه"])).map(|w| (w, 2));
    }
    if !city {
        return None;
    }
    before(&capital).map(|w| (w, 3)).or_else(|| before(&["محافظه", "ولايه", "اقليم", "مقاطعه", "اماره", "عماله", "حاكم"]).map(|w| (w, 1)))
}
