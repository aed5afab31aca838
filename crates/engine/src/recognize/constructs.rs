//! Names built on a head noun, the way Arabic news writes events and teams: a head that says what
//! kind of thing is named, then what names it.
//!
//! - **Events** (MISC): a head that names an event with what follows it (`كأس العالم`,
//!   `كأس الخليج العربي`, `مونديال قطر`, `مونديال 2002`, `خليجي 25`, `كوب 27`, `COP 27`, `COP26`;
//!   `المونديال` and `الأولمبياد` alone), or a weak head (`قمة`، `مؤتمر`، `بطولة`، `منتدى` …) that is a
//!   name only when a proper name, a place, a number or a Latin acronym follows it
//!   (`قمة شرم الشيخ`, `مؤتمر COP 26`; not `مؤتمر المناخ`). A weak head right before a strong one
//!   is left out (`بطولة كأس الخليج` → `كأس الخليج`); a weak head and a quoted name after it are one
//!   name, the marks inside (`قمة "العلا"`).
//! - **Buildings and sites** (LOC): `ملعب`/`استاد`/`ميدان`/`معبر` and a proper name, with the
//!   relative adjectives after it (`ملعب لوسيل`, `استاد البصرة الدولي`, `معبر رفح`).
//!   A museum by its adjectives and its domain (`المتحف المصري`, `المتحف القومي للحضارة المصرية`).
//! - **Declarations and agreements** (MISC) named after a city a list knows, not a country
//!   (`بيان العلا`, `إعلان جدة`, `اتفاق الرياض`; not `بيان مصر`).
//! - **Quoted events** (MISC): the quoted words after `عملية`، `معركة`، `حملة` … (`عملية "نبع
//!   السلام"`), and a quoted disaster with its place (`"زلزال الحوز"`; not `"زلزال القرن"`).
//! - **Teams** (ORG): `منتخب`/`نادي` and a relative adjective of a place, a place or a known name
//!   (`المنتخب السعودي`, `المنتخب الوطني السعودي`, `منتخب السعودية`); a national team by its
//!   colour and its country's adjective (`الأخضر السعودي`), then by its colour alone in that article.
//!
//! What follows a head, word by word (the chain): a number (written apart or glued, as in `COP27`),
//! a Latin word, a known name or place (of one word or two: `قمة شرم الشيخ`; after `ل` too, but
//! not after `ب` or `و`: `كأس العالم بقطر` is the cup in Qatar), a definite noun or relative adjective (`العالم`,
//! `الخليج العربي`), `ل` + a definite noun (`للأمم المتحدة`); it stops at anything else, at
//! punctuation and at the end of the sentence, after six words at most.

use super::ask::Ask;
use super::gazetteer::next_word;
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token, TokenKind};

const MAX_CHAIN: usize = 6;

/// What a word of a chain is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// A proper element: a number, a Latin word, a known name or place.
    Proper,
    /// A definite noun, a relative adjective, `ل` + a definite noun.
    Definite,
}

fn link(w: &Token, ask: &Ask) -> Option<Link> {
    if w.boiler || ask.function(w) || ask.temporal(w) {
        return None;
    }
    match w.kind {
        TokenKind::Number | TokenKind::Latin => return Some(Link::Proper),
        TokenKind::Arabic => {}
        TokenKind::Punct => return None,
    }
    let known = |f: &str| ask.lex.names.contains_key(f) || ask.lex.place(f).is_some_and(|p| p.population >= 10_000);
    if w.splits.iter().filter(|s| matches!(s.clitics, "" | "ل")).any(|s| known(&s.stem)) {
        return Some(Link::Proper);
    }
    if ask.has_article(w) {
        return Some(Link::Definite);
    }
    // `للأمم`: ل before the article.
    if w.splits.iter().any(|s| s.clitics == "ل" && s.stem.starts_with("ال")) {
        return Some(Link::Definite);
    }
    None
}

/// The chain after the head at `i`: the last word of it and whether it holds a proper element.
fn chain(words: &[Token], ask: &Ask, i: usize) -> Option<(usize, bool)> {
    let mut last = None;
    let mut proper = false;
    let mut k = i;
    for _ in 0..MAX_CHAIN {
        let j = match words.get(k + 1) {
            // A number or Latin word glued to the head or to a word of the chain (`COP27`).
            Some(w) if w.glued && matches!(w.kind, TokenKind::Number | TokenKind::Latin) => k + 1,
            _ => match next_word(words, k) {
                Some(j) => j,
                None => match words.get(k + 1) {
                    Some(w) if w.kind == TokenKind::Number && !w.boiler && words[k].sentence == w.sentence => k + 1,
                    _ => break,
                },
            },
        };
        if words[j].sentence != words[i].sentence {
            break;
        }
        // A place or name of two words (`قمة شرم الشيخ`, `مؤتمر أبو ظبي`) is one proper element.
        if let Some(j2) = next_word(words, j).filter(|&j2| words[j2].sentence == words[i].sentence && !words[j].boiler) {
            let pair = format!("{} {}", words[j].norm(), words[j2].norm());
            if words[j].kind == TokenKind::Arabic && (ask.lex.names.contains_key(&pair) || ask.lex.place(&pair).is_some_and(|p| p.population >= 10_000)) {
                proper = true;
                last = Some(j2);
                k = j2;
                continue;
            }
        }
        // `دوري أبطال إفريقيا`, `كأس أمم أوروبا`: one indefinite noun in construct right after
        // the head, when a proper element follows it.
        // Not an organisation's head (`قمة منظمة شنغهاي`: the organisation's summit).
        let construct = k == i && words[j].kind == TokenKind::Arabic && !ask.function(&words[j]) && !words[j].boiler && !ask.lex.org_heads.contains(words[j].norm());
        if let Some(j2) = next_word(words, j).filter(|&j2| construct && link(&words[j], ask).is_none() && words[j2].sentence == words[i].sentence && link(&words[j2], ask) == Some(Link::Proper)) {
            proper = true;
            last = Some(j2);
            k = j2;
            continue;
        }
        // `للمرة الثالثة` "for the third time" follows an event's name, it is not part of it.
        if words[j].splits.iter().any(|s| s.stem == "المره") {
            break;
        }
        match link(&words[j], ask) {
            Some(l) => {
                proper |= l == Link::Proper;
                last = Some(j);
                k = j;
            }
            None => break,
        }
    }
    last.map(|l| (l, proper))
}

/// The split of `w` whose stem is one of `heads` (after at most a conjunction or preposition).
/// `heads` is sorted, as [`matching`] and [`crate::lexicon::Lexicon::heads`] give it: looked up by
/// binary search, since most words of a document are tried against several lists.
pub(super) fn head_of<'w>(w: &'w Token, heads: &[String]) -> Option<&'w crate::model::Split> {
    debug_assert!(heads.is_sorted(), "head lists are sorted (`matching`, `Lexicon::heads`)");
    head_readings(w).find(|s| heads.binary_search(&s.stem).is_ok())
}
/// The readings of `w` a head noun may have: bare, or after a conjunction or preposition.
pub(super) fn head_readings<'w>(w: &'w Token) -> impl Iterator<Item = &'w crate::model::Split> {
    w.splits.iter().filter(|s| matches!(s.clitics, "" | "و" | "ف" | "ب" | "ل" | "و+ب" | "و+ل"))
}

/// A list of head words in matching form (normalised once per document, not per word), sorted
/// and without repeats, for [`head_of`].
pub(super) fn matching(list: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = list.iter().map(|h| crate::normalize::normalize(h)).collect();
    crate::sort::natural(&mut out);
    out.dedup();
    out
}

/// One key for one numbered conference of the parties, in Latin or Arabic letters and with any
/// head before it: `كوب 27`, `COP 27`, `cop27`, `قمة المناخ COP27` and `مؤتمر COP 26` → `cop 27`
/// and `cop 26` (the number keeps two sessions apart).
fn cop_key(key: &str) -> Option<String> {
    let ws: Vec<&str> = key.split(' ').collect();
    ws.windows(2).find(|p| matches!(p[0], "cop" | "كوب") && p[1].chars().all(|c| c.is_ascii_digit())).map(|p| format!("cop {}", p[1]))
}

/// An event name from the word at `i` to `last`, keyed as [`cop_key`] says when it is a numbered
/// conference of the parties.
fn event(words: &[Token], i: usize, split: Option<&crate::model::Split>, last: usize) -> Candidate {
    let mut c = make(words, i, split, last, EntityType::Misc, Origin::Rule(RuleId::Event), 5);
    if let Some(k) = cop_key(&c.key) {
        c.key = k;
    }
    c
}

/// Event and team names of a document.
pub fn candidates(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let (event_heads, event_alone, event_weak, team_heads) =
        (ask.lex.heads("event_heads"), ask.lex.heads("event_alone"), ask.lex.heads("event_weak_heads"), ask.lex.heads("team_heads"));
    let (facility_heads, document_heads) = (ask.lex.heads("facility_heads"), ask.lex.heads("document_heads"));
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        if w.boiler || !matches!(w.kind, TokenKind::Arabic | TokenKind::Latin) {
            continue;
        }
        let latin_cop = w.kind == TokenKind::Latin && w.norm == "cop";
        if let Some(split) = head_of(w, event_heads).or_else(|| latin_cop.then(|| &w.splits[..]).and(None)) {
            match chain(words, ask, i) {
                Some((last, _)) => out.push(event(words, i, Some(split), last)),
                None if head_of(w, event_alone).is_some() => out.push(make(words, i, Some(split), i, EntityType::Misc, Origin::Rule(RuleId::Event), 4)),
                None => {}
            }
            continue;
        }
        if latin_cop {
            if let Some((last, true)) = chain(words, ask, i) {
                out.push(event(words, i, None, last));
            }
            continue;
        }
        if let Some(split) = head_of(w, event_weak) {
            // A quoted name after it, the head and the marks in the span: `قمة "العلا"`.
            if let Some((_, last)) = super::rules::quoted_after(words, i).filter(|&(f, _)| !ask.function(&words[f])) {
                out.push(make(words, i, Some(split), last + 1, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
                continue;
            }
            let next_is_strong = next_word(words, i).is_some_and(|j| head_of(&words[j], event_heads).is_some());
            if let (false, Some((last, true))) = (next_is_strong, chain(words, ask, i)) {
                out.push(event(words, i, Some(split), last));
            }
            continue;
        }
        if let Some(split) = head_of(w, &document_heads) {
            // A city a list knows, no country: `بيان العلا`, `إعلان جدة`.
            // (Not an ordinary word that a village is named too: `إعلان الفصائل`, "the factions'
            // announcement".)
            let city = |x: &Token| x.splits.iter().filter(|s| s.clitics.is_empty()).any(|s| ask.lex.place(&s.stem).is_some() && !ask.lex.common.contains(&s.stem) && !matches!(ask.lex.names.get(&s.stem).map(|e| &e.source), Some(crate::lexicon::Source::Country { .. })));
            if let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence && city(&words[j])) {
                out.push(make(words, i, Some(split), j, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
                continue;
            }
        }
        if w.norm() == "المتحف" || w.splits.iter().any(|s| s.stem == "المتحف") {
            // `المتحف المصري`, `المتحف القومي للحضارة المصرية`: a museum by its adjectives and domain.
            let split = w.splits.iter().find(|s| s.stem == "المتحف");
            let nisba = |k: &usize| words[*k].sentence == w.sentence && ask.nisba(&words[*k]);
            if let Some(mut last) = next_word(words, i).filter(nisba) {
                while let Some(k) = next_word(words, last).filter(nisba) {
                    last = k;
                }
                if let Some(k) = next_word(words, last).filter(|&k| words[k].sentence == w.sentence && words[k].norm().starts_with("لل") && words[k].norm().chars().count() >= 5) {
                    last = k;
                    while let Some(k) = next_word(words, last).filter(nisba) {
                        last = k;
                    }
                }
                out.push(make(words, i, split, last, EntityType::Loc, Origin::Rule(RuleId::Facility), 5));
                continue;
            }
        }
        if let Some(split) = head_of(w, &facility_heads) {
            // A proper name (a known name or place, or a name-like word that is no common word),
            // then relative adjectives (`الدولي`, `الرياضية`).
            let proper = |x: &Token| link(x, ask) == Some(Link::Proper) || (x.is_body_arabic() && ask.name_like(x) && !ask.common(x) && !ask.has_article(x));
            // Further words of the name are names as written, not a preposition and a place
            // (`ملعب لوسيل بالدوحة`).
            let more = |x: &Token| {
                x.is_body_word()
                    && (ask.lex.names.contains_key(x.norm()) || ask.lex.place(x.norm()).is_some() || (ask.name_like(x) && !ask.common(x) && !ask.has_article(x) && !super::rules::preposition_first(ask, x)))
            };
            // `مقبرة الصليبخات`: a rare word with the article (no common word, no adjective) is a
            // name too.
            let definite = |x: &Token| x.is_body_arabic() && x.splits.len() == 1 && ask.rare_definite(x, 30);
            // `ملعب "محمد الخامس"`: the quoted words right after the head, the marks in the name.
            if let Some((_, last)) = super::rules::quoted_after(words, i).filter(|&(f, _)| !ask.function(&words[f])) {
                out.push(make(words, i, Some(split), last + 1, EntityType::Loc, Origin::Rule(RuleId::Facility), 5));
                continue;
            }
            if let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence) {
                if proper(&words[j]) || definite(&words[j]) {
                    let mut last = j;
                    // The name may have several words (`ملعب سانتياغو برنابيو`, `ملعب ثاني بن جاسم`).
                    while let Some(k) = next_word(words, last).filter(|&k| k - j < 4 && words[k].sentence == w.sentence && (more(&words[k]) || words[k].norm == "بن")) {
                        last = k;
                    }
                    // A regnal number: `ملعب محمد الخامس`.
                    if let Some(k) = next_word(words, last).filter(|&k| words[k].sentence == w.sentence && ask.lex.ordinals.contains(words[k].norm())) {
                        last = k;
                    }
                    while let Some(k) = next_word(words, last).filter(|&k| words[k].sentence == w.sentence && ask.nisba(&words[k]) && !ask.nisba_of_place(&words[k])) {
                        last = k;
                    }
                    let mut c = make(words, i, Some(split), last, EntityType::Loc, Origin::Rule(RuleId::Facility), 5);
                    // `استاد`, `ستاد` and `ملعب` are one word, "stadium": one key for one place.
                    if let Some(rest) = c.key.strip_prefix("استاد ").or_else(|| c.key.strip_prefix("ستاد ")) {
                        c.key = format!("ملعب {rest}");
                    }
                    out.push(c);
                }
            }
            continue;
        }
        if let Some(split) = head_of(w, team_heads) {
            if let Some(j) = next_word(words, i) {
                let mut last = j;
                // A club is named by the noun in construct with `نادي` (`نادي النصر`, "Victory club"),
                // with its country's adjective after it (`نادي النصر السعودي`); `النادي السعودي`,
                // "the Saudi club", names none.
                let club = split.stem.ends_with("نادي");
                let named = club && split.stem == "نادي" && link(&words[j], ask).is_some() && !ask.nisba(&words[j]);
                if let Some(k) = next_word(words, j).filter(|&k| named && words[k].sentence == w.sentence && ask.nisba_of_place(&words[k])) {
                    last = k;
                }
                let mut ok = named || ask.nisba_of_place(&words[j]) && !club || link(&words[j], ask) == Some(Link::Proper);
                if words[j].norm == "الوطني" {
                    if let Some(k) = next_word(words, j).filter(|&k| ask.nisba_of_place(&words[k])) {
                        last = k;
                        ok = true;
                    }
                }
                if ok {
                    let mut c = make(words, i, Some(split), last, EntityType::Org, Origin::Rule(RuleId::Team), 5);
                    if let Some(place) = super::teams::team_place(&words[last], ask).filter(|_| split.stem.strip_prefix("ال").unwrap_or(&split.stem) == "منتخب") {
                        c.key = format!("منتخب {place}");
                    }
                    out.push(c);
                }
            }
        }
    }
    out.extend(quoted_events(words, ask));
    out.extend(named_storms(words, ask));
    out.extend(visions(words, ask));
    out.extend(super::teams::colours(words, ask));
    out.extend(super::teams::nicknames(words, ask));
    out
}

/// Events a quotation names: the quoted words after an event head (`عملية "نبع السلام"`), and a
/// quoted disaster with its place (`ضحايا "زلزال الحوز"`; not `"زلزال القرن"`, "of the century").
fn quoted_events(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    use super::rules::{quotation, quoted_after};
    let (heads, disasters) = (ask.lex.heads("quoted_event_heads"), ask.lex.heads("disasters"));
    let mut out = Vec::new();
    for i in 0..words.len() {
        if !words[i].boiler && head_of(&words[i], &heads).is_some() {
            if let Some((first, last)) = quoted_after(words, i) {
                out.push(make(words, first, None, last, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
            }
        }
        if let Some((first, last)) = quotation(words, i).filter(|&(f, l)| l > f && disasters.iter().any(|d| d == words[f].norm())) {
            let w = &words[first + 1];
            // A place a list knows, or a word that can only be a name (`الحوز`, not `القرن`).
            let place = w.splits.iter().any(|s| ask.lex.place(&s.stem).is_some() || ask.lex.names.get(&s.stem).is_some_and(|e| e.kind == EntityType::Loc))
                || (ask.name_like(w) || ask.has_article(w) && !ask.common(w) && !ask.nisba(w) && ask.lex.zipf(w.norm()) < 35);
            if place {
                out.push(make(words, first, None, last, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
            }
        }
    }
    out
}

/// A country's vision by its year (`رؤية السعودية 2030`, `رؤية المملكة 2030`, `رؤية 2030`): MISC
/// from `رؤية` to the year, the country's name, a place or `المملكة` between them. Not a vision by
/// a person (`رؤية الملك محمد السادس`): no year.
fn visions(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let head = matching(&["رؤية"]);
    let year = |x: &Token| x.kind == TokenKind::Number && x.norm.len() == 4 && x.norm.parse::<u16>().is_ok_and(|y| (2020..=2100).contains(&y));
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        let Some(split) = (!w.boiler).then(|| head_of(w, &head)).flatten() else { continue };
        // The next token: a word or the year (which `next_word` passes over).
        let next = |k: usize| Some(k + 1).filter(|&j| words.get(j).is_some_and(|x| x.sentence == w.sentence && !x.boiler && (x.is_body_word() || year(x))));
        let Some(j) = next(i) else { continue };
        let place = |x: &Token| x.norm() == "المملكه" || ask.lex.place(x.norm()).is_some() || ask.lex.names.get(x.norm()).is_some_and(|e| e.kind == EntityType::Loc);
        let last = if year(&words[j]) { Some(j) } else { next(j).filter(|&k| place(&words[j]) && year(&words[k])) };
        if let Some(last) = last {
            out.push(make(words, i, Some(split), last, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
        }
    }
    out
}

/// Storms and ships go by names (`العاصفة دانيال`, `إعصار "شاهين"`, `الإعصار المتوسطي “دانيال”`;
/// `السفينة "إيفر جيفن"`, `سفينة الحاويات البنمية العملاقة EVER GIVEN`): after the head and up to
/// three definite words (an adjective, a ship's cargo or flag), a quoted name, or up to three
/// name-like words that no list knows as a place (`ضربت العاصفة بنغازي`: what the storm hit) are a
/// named thing (MISC): without the article, no common word, after a definite head, a known name or
/// Latin letters (after an indefinite head an adjective would have no article: `عاصفة رملية`,
/// `إعصار مدمر`); after a definite head, a word no list knows is rare (Zipf under 3.5: not
/// `السفينة مملوكة لرجل أعمال`, "the ship is owned by", nor `السفينة حاملة السيارات`).
fn named_storms(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let heads = matching(&["عاصفة", "إعصار", "سفينة", "ناقلة", "باخرة", "يخت", "مدمرة", "فرقاطة", "غواصة", "حاملة"]);
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        if w.boiler {
            continue;
        }
        let Some(split) = w.splits.iter().find(|s| matches!(s.clitics, "" | "و" | "ب" | "ل") && heads.binary_search_by(|h| h.as_str().cmp(s.stem.trim_start_matches("ال"))).is_ok()) else { continue };
        let mut j = i;
        while let Some(k) = super::gazetteer::next_word(words, j).filter(|&k| k - i <= 3 && words[k].sentence == w.sentence && ask.has_article(&words[k]) && !ask.lex.names.contains_key(words[k].norm())) {
            j = k;
        }
        if let Some((first, last)) = super::rules::quoted_after(words, j) {
            out.push(make(words, first, None, last, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
            continue;
        }
        let definite = split.stem.starts_with("ال");
        let place = |x: &Token| ask.lex.place(x.norm()).is_some_and(|p| p.population >= 10_000) || ask.lex.names.get(x.norm()).is_some_and(|e| e.kind != EntityType::Per);
        let name = |x: &Token| {
            x.sentence == w.sentence
                && !place(x)
                && (x.kind == crate::model::TokenKind::Latin || (ask.name_like(x) && !ask.has_article(x) && !ask.common(x) && (definite && ask.lex.zipf(x.norm()) < 35 || ask.first_name(x) || ask.lex.names.contains_key(x.norm()))))
        };
        let Some(k) = super::gazetteer::next_word(words, j).filter(|&k| name(&words[k])) else { continue };
        let mut last = k;
        while let Some(m) = super::gazetteer::next_word(words, last).filter(|&m| m - k < 3 && name(&words[m])) {
            last = m;
        }
        out.push(make(words, k, None, last, EntityType::Misc, Origin::Rule(RuleId::Event), 5));
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::recognize) fn found(text: &str) -> Vec<(String, EntityType)> {
        let tz = crate::pipeline::read(text);
        super::super::resolve(candidates(&tz.tokens, &Ask::default())).into_iter().map(|c| (text[c.byte_start..c.byte_end].to_string(), c.kind)).collect()
    }

    #[test]
    fn named_storms() {
        use EntityType::Misc;
        assert_eq!(found("تحولت الشوارع إلى أنهار بسبب العاصفة دانيال، بحسب تقرير"), [("دانيال".to_string(), Misc)]);
        assert_eq!(found("يذكر أن الإعصار المتوسطي “دانيال” اجتاح يوم الأحد"), [("دانيال".to_string(), Misc)]);
        // An ordinary word after a definite head is no name: "the ship is owned by", "the car
        // carrier".
        assert_eq!(found("وقالت إن السفينة مملوكة لرجل أعمال، وإن السفينة حاملة السيارات تديرها شركة"), []);
        assert_eq!(found("تأثرت المدن بالعاصفة \"دانيال\" أمس"), [("دانيال".to_string(), Misc)]);
        assert_eq!(found("ضرب إعصار \"شاهين\" السواحل"), [("شاهين".to_string(), Misc)]);
        assert!(found("هبت عاصفة رملية على المدينة").is_empty());
        assert!(!found("وضربت العاصفة بنغازي أمس").iter().any(|(_, k)| *k == Misc));
        assert!(found("ضرب إعصار مدمر الساحل").is_empty());
    }

    #[test]
    fn events() {
        use EntityType::Misc;
        assert_eq!(found("فاز في كأس العالم 2022 ثم"), [("كأس العالم 2022".to_string(), Misc)]);
        assert_eq!(found("افتتاح بطولة كأس الخليج العربي في البصرة"), [("كأس الخليج العربي".to_string(), Misc)]);
        assert_eq!(found("في مونديال قطر."), [("مونديال قطر".to_string(), Misc)]);
        assert_eq!(found("افتتاح خليجي 25 اليوم"), [("خليجي 25".to_string(), Misc)]);
        assert_eq!(found("رئيس مؤتمر COP 26 الذي"), [("مؤتمر COP 26".to_string(), Misc)]);
        assert_eq!(found("انطلاق قمة المناخ COP27 بشرم الشيخ"), [("قمة المناخ COP27".to_string(), Misc)]);
        assert!(found("انطلاق مؤتمر المناخ اليوم").is_empty());
        // A place after `ب` or `و` is where the event is, or another name: not part of it.
        assert_eq!(found("أولى مفاجآت كأس العالم بقطر حقق"), [("كأس العالم".to_string(), Misc)]);
        // A place of two words is one proper element of the chain.
        assert_eq!(found("إثبات ذلك في قمة شرم الشيخ. ودعا"), [("قمة شرم الشيخ".to_string(), Misc)]);
        assert_eq!(found("مباريات المونديال"), [("المونديال".to_string(), Misc)]);
    }

    #[test]
    fn teams() {
        use EntityType::Org;
        assert_eq!(found("فاز المنتخب السعودي على"), [("المنتخب السعودي".to_string(), Org)]);
        assert_eq!(found("وتصدر منتخب السعودية الترتيب"), [("منتخب السعودية".to_string(), Org)]);
        assert_eq!(found("أحرز الهدف للمنتخب الوطني السعودي"), [("لمنتخب الوطني السعودي".to_string(), Org)]);
        assert!(found("المنتخب الذي فاز").is_empty());
    }

    pub(in crate::recognize) fn keys(text: &str) -> Vec<String> {
        let tz = crate::pipeline::read(text);
        super::super::resolve(candidates(&tz.tokens, &Ask::default())).into_iter().map(|c| c.key).collect()
    }

    #[test]
    fn one_team_and_one_conference_have_one_key_however_written() {
        let team = keys("فاز المنتخب السعودي على");
        assert_eq!(team, keys("وتصدر منتخب السعودية الترتيب"));
        assert_eq!(team, keys("أحرز الهدف المنتخب الوطني السعودي"));
        assert_ne!(team, keys("فاز المنتخب العراقي على"));
        let cop = keys("انطلاق قمة المناخ COP27 بشرم الشيخ");
        assert_eq!(cop, ["cop 27"]);
        assert_eq!(cop, keys("أعمال مؤتمر كوب 27 في"));
        assert_eq!(keys("رئيس مؤتمر COP 26 الذي"), ["cop 26"]);
    }

    #[test]
    fn buildings_and_sites() {
        use EntityType::Loc;
        let tz = crate::pipeline::read("على ستاد البصرة الدولي");
        let c = candidates(&tz.tokens, &Ask::default());
        assert_eq!(c.len(), 1);
        // `ستاد` and `ملعب` are one word: one key.
        assert_eq!(c[0].key, "ملعب البصره الدولي");
        assert_eq!(found("المباراة على ملعب لوسيل بالدوحة أمس"), [("ملعب لوسيل".to_string(), Loc)]);
        assert_eq!(found("مواجهة على ملعب سانتياغو برنابيو الشهير"), [("ملعب سانتياغو برنابيو".to_string(), Loc)]);
        assert!(found("خرج اللاعب من الملعب وعاد").is_empty());
    }

    #[test]
    fn declarations_museums_and_quoted_summits() {
        use EntityType::{Loc, Misc};
        assert_eq!(found("وقع القادة على بيان العلا أمس"), [("بيان العلا".to_string(), Misc)]);
        // After a country or a person, a statement: no name.
        assert!(found("وقال بيان مصر إن الوفد وصل").is_empty());
        assert_eq!(found("المشاركون في قمة \"العلا\" الخليجية"), [("قمة \"العلا\"".to_string(), Misc)]);
        assert_eq!(found("نقلت من المتحف المصري إلى المتحف القومي للحضارة المصرية أمس"), [("المتحف المصري".to_string(), Loc), ("المتحف القومي للحضارة المصرية".to_string(), Loc)]);
        assert!(found("زار الوفد المتحف وعاد").is_empty());
    }
}
