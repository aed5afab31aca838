//! One article's recognition pass: every finder's candidates, resolved, then the adjustments
//! that read them together (see [`crate::recognize`]). Each finder can be turned off by its code
//! ([`Options`]), which is how each is measured.

use crate::model::*;
use crate::recognize::ask::Ask;
use crate::recognize::gazetteer::{self, CorpusNames};
use crate::recognize::{resolve, rules, Options};

pub(super) fn recognise(words: &[Token], ask: &Ask, corpus: &CorpusNames, tagged: &[Candidate], outlet: Option<&Candidate>, opts: &Options) -> Vec<Candidate> {
    let mut gaz = gazetteer::candidates(words, ask, corpus, opts.on("city"));
    gaz.retain(|c| match c.origin {
        Origin::Corpus => opts.on("corpus"),
        Origin::Place => opts.on("place"),
        _ => opts.on("gazetteer"),
    });
    let known = resolve(gaz.clone());
    let mut all = gaz;
    all.extend(rules::candidates(words, ask, &known, opts));
    all.extend(crate::recognize::constructs::candidates(words, ask).into_iter().filter(|c| matches!(c.origin, Origin::Rule(r) if opts.rule(r))));
    if opts.rule(RuleId::Landmark) {
        all.extend(crate::recognize::landmarks::confirmed(words, ask, corpus));
    }
    if opts.rule(RuleId::Abbreviation) {
        all.extend(crate::recognize::adjust::abbreviations(words));
    }
    // The tagger's span over each word, if any (its spans never overlap): a look-up per candidate,
    // not a scan of every span (a long text has tens of thousands).
    let mut tagged_at: Vec<Option<&Candidate>> = vec![None; words.len()];
    for t in tagged {
        for slot in tagged_at.iter_mut().take(t.last.min(words.len())).skip(t.first) {
            *slot = Some(t);
        }
    }
    if opts.on("title-end") && opts.on("tagger") {
        crate::recognize::adjust::title_end_from_tagger(words, ask, &tagged_at, &mut all);
    }
    if opts.on("tagger-contains") && opts.on("tagger") {
        // A list's name inside a longer name of the same type the tagger found (`عبد الله` in
        // `عبد الله العليمي`) is part of it, not a name of its own.
        let inside_longer = |c: &Candidate| tagged_at.get(c.first).copied().flatten().is_some_and(|t| t.kind == c.kind && c.last <= t.last && t.last - t.first > c.last - c.first);
        all.retain(|c| !matches!(c.origin, Origin::Gazetteer | Origin::Corpus) || !inside_longer(c));
    }
    if opts.on("tagger") {
        // The tagger's one-word names that are ordinary words (ANERcorp's common words, or Zipf
        // 5 and more in wordfreq) and that no list knows as a name or a place are left out, and
        // so is a noun places' names open with (`بئر`, "a well"), whatever a list knows.
        let ordinary = |c: &Candidate| opts.on("tagger-common") && c.last - c.first == 1 && (crate::recognize::rules::place_head_noun(&c.key) || (ask.lex.common.contains(&c.key) || ask.lex.zipf(&c.key) >= 50) && !ask.lex.names.contains_key(&c.key) && ask.lex.place(&c.key).is_none());
        let trim = |c: &Candidate| crate::recognize::persons::without_future_verb(words, ask, c).filter(|_| opts.on("future-verb"));
        all.extend(tagged.iter().filter(|c| !ordinary(c)).map(|c| trim(c).unwrap_or_else(|| c.clone())));
    }
    if opts.on("plus") {
        crate::recognize::adjust::plus(words, &mut all);
    }
    let mut all = resolve(all);
    if opts.rule(RuleId::Organisation) {
        crate::recognize::organisations::national_branch(words, ask, &mut all);
        if opts.on("org-and") {
            crate::recognize::organisations::joined_by_and(words, ask, &mut all);
        }
    }
    if opts.on("honorific") {
        crate::recognize::honorifics::take_in(words, ask, &mut all);
    }
    if opts.rule(RuleId::Family) {
        crate::recognize::families::close_names(words, ask, &mut all);
    }
    if opts.on("eponym") {
        crate::recognize::eponyms::institutions(words, ask, &mut all);
    }
    if opts.on("place-adjective") {
        crate::recognize::adjust::drop_place_adjectives(words, ask, &mut all);
    }
    if opts.on("given-names") {
        crate::recognize::adjust::given_names_before(words, ask, opts.on("given-name-after-and"), &mut all);
    }
    if opts.on("persons") {
        crate::recognize::persons::given_names_alone(words, ask, &mut all);
        crate::recognize::persons::nationality_before_person(words, ask, &mut all);
        if opts.on("ruler-of") {
            crate::recognize::persons::place_after_ruler(words, ask, &mut all);
        }
        if opts.on("family-typed") {
            crate::recognize::persons::family_typed_otherwise(words, ask, &mut all);
        }
    }
    if opts.on("family-nisba") {
        crate::recognize::adjust::family_nisba_after(words, ask, &mut all);
    }
    if opts.on("counted-noun") {
        // A counted noun of the facts' lexicon (a unit of time, soldiers, casualties …) is what a
        // number counts, not a name: `خلال مدة أقصاها شهران`; a large number word is none (`مليونان`). So is a currency (`3 مليارات دولار`,
        // `الدولار الأمريكي`, code `currency`): an amount's unit, which the facts compare, not a name
        // (ANERcorp marks it MISC; see the README's figures). Organisations are left alone.
        all.retain(|c| {
            use crate::facts::nouns::NounClass::Money;
            let noun = crate::facts::nouns::lookup(words[c.first].norm());
            let money = noun.is_some_and(|n| matches!(n.class, Money(_))) && opts.on("currency");
            let counted = noun.is_some_and(|n| !matches!(n.class, Money(_))) || money;
            let rest_adjective = c.last - c.first == 1 || (c.last - c.first == 2 && ask.nisba_of_place(&words[c.first + 1]));
            let number = c.last - c.first == 1 && crate::facts::numbers::words::large(&words[c.first]);
            // Right after an amount (`6.4 تريليون ريال`, `446 مليار ريال`), a currency is its unit
            // even where the tagger or a list read a club (`ريال مدريد`) in it.
            let after_amount = c.last - c.first == 1 && c.first > 0 && (words[c.first - 1].kind == crate::model::TokenKind::Number || crate::facts::numbers::words::large(&words[c.first - 1]));
            let amount_unit = money && after_amount && !matches!(c.origin, Origin::Rule(_));
            !((counted && rest_adjective || number) && c.kind != EntityType::Org && !matches!(c.origin, Origin::Rule(_))) && !amount_unit && !crate::recognize::unit_name(words, c)
        });
    }
    if opts.on("chain-given-name") {
        crate::recognize::adjust::given_name_before_chain(words, ask, &mut all);
    }
    if opts.on("club-after-role") {
        crate::recognize::teams::clubs_after_roles(words, ask, &mut all);
    }
    if opts.on("event-year") {
        crate::recognize::teams::events_with_year(words, ask, &mut all);
    }
    if opts.on("sport-after") {
        crate::recognize::teams::sport_after(words, &mut all);
    }
    if opts.on("waw-given-name") {
        crate::recognize::persons::given_name_with_waw(words, ask, &mut all);
    }
    if opts.on("same-word-family") {
        crate::recognize::families::family_of_the_same_word(words, ask, &mut all);
    }
    if opts.on("greater") {
        crate::recognize::divisions::greater_places(words, ask, &mut all);
        crate::recognize::divisions::divisions_by_compass(words, &mut all);
        crate::recognize::divisions::place_word_outside(words, ask, &mut all);
    }
    if opts.on("city-not-person") {
        crate::recognize::adjust::cities_typed_as_people(ask, &mut all);
    }
    if opts.on("split-and") {
        crate::recognize::coordination::split_at_and(words, ask, &mut all);
    }
    if opts.rule(RuleId::List) {
        crate::recognize::coordination::names_in_lists(words, ask, &mut all);
        crate::recognize::coordination::appointed(words, ask, &mut all);
    }
    if opts.on("adjacent-people") {
        crate::recognize::adjust::join_adjacent_people(words, ask, &mut all);
    }
    // A name has two letters at least (a lone letter is a conjunction or a stray initial). `الله`
    // alone is an invocation (`إن شاء الله`, `إنا لله`), not a name outlets differ on (code `god`).
    all.retain(|c| c.key.chars().filter(|ch| ch.is_alphanumeric()).count() >= 2 && !(matches!(c.key.as_str(), "الله" | "لله") && opts.on("god")));
    if opts.on("god") {
        crate::recognize::no_names::basmala(words, &mut all);
    }
    if opts.on("group-word") {
        crate::recognize::no_names::group_word_outside(words, ask.lex, &mut all);
    }
    if opts.on("disease") {
        crate::recognize::no_names::diseases(ask.lex, &mut all);
    }
    if opts.on("blessing") {
        crate::recognize::no_names::blessings(words, ask.lex, &mut all);
    }
    if opts.on("amam") {
        crate::recognize::no_names::in_front_of(words, &mut all);
    }
    // `المتحدث باسم الجيش`, `تعرف كذلك باسم الحمدانية`: after a spokesman or "known (also)",
    // `باسم` is "in the name of", not the given name Basim (code `bism`).
    if opts.on("bism") {
        all.retain(|c| {
            let w = &words[c.first];
            let before = c.first.checked_sub(1).map(|p| &words[p]).filter(|p| p.sentence == w.sentence);
            let governs = before.is_some_and(|p| p.splits.iter().any(|s| matches!(s.stem.as_str(), "المتحدث" | "الناطق" | "متحدث" | "ناطق" | "المتحدثه" | "الناطقه" | "متحدثه" | "ناطقه" | "تعرف" | "يعرف" | "المعروف" | "المعروفه" | "معروف" | "معروفه" | "عرف" | "عرفت" | "اشتهر" | "اشتهرت" | "يسمي" | "تسمي" | "سمي" | "سميت" | "كذلك" | "ايضا")));
            !(c.kind == EntityType::Per && matches!(w.norm(), "باسم" | "وباسم") && c.byte_start == w.start && governs)
        });
    }
    // No name runs across a sentence end or a line break, whichever finder found it.
    all.retain(|c| c.first >= c.last || words[c.first].sentence == words[c.last - 1].sentence);
    // The outlet the article names itself by (`الخرطوم | برق السودان`) is an organisation, whatever
    // else was found on its words (`السودان`).
    if let Some(o) = outlet.filter(|_| opts.rule(RuleId::Outlet)) {
        all.retain(|c| c.byte_end <= o.byte_start || c.byte_start >= o.byte_end);
        all.push(o.clone());
    }
    resolve(all)
}
