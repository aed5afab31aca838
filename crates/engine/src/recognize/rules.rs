//! Contextual rules, each about a construction of Arabic news prose, never about one story, and
//! each kept because it measured its keep on the dev stories (`qarin eval --stories … --without
//! CODE`; the figures are in the README):
//!
//! - **organisation heads** (`organisation`, `media`, in [`super::organisations`]): `وزارة الدفاع الروسية`, `منظمة شنغهاي
//!   للتعاون`: a head noun (منظمة، وزارة، مجلس، حزب …) and its construct chain (definite nouns,
//!   relative adjectives, proper names) and domain (`للأمن`, `لحماية المستهلك`; not a purpose,
//!   `لتحقيق`), stopping at function words, time words and punctuation;
//!   for news media heads (وكالة، صحيفة، قناة …) followed by a proper name, the name alone
//!   (`وكالة سبوتنيك`), or by a quotation of up to four words, the quoted words whatever they are
//!   (`لقناة "خبر ترك"`);
//! - **place triggers** (`place_trigger`): a place trigger (العاصمة، مدينة، مدينتي …) with optional
//!   adjectives, then the name (and `و` + a second name after a dual or plural trigger), or right
//!   after the trigger a rare definite word, with "greater" if it follows (`بجبال الأطلس الكبير`);
//! - **titles** (`title`): a title or role (الرئيس، وزير، الفريق، المتحدث …), optional modifiers
//!   (adjectives, `باسم …`, a known place or organisation, a comma), then up to four name-like
//!   words; an indefinite title (`رئيس`, `وزير`) needs a modifier first, because `رئيس كازاخستان`
//!   is a construct, not a name; not the second word of a place's name (`شرم الشيخ`);
//! - **bylines** (`title`): `بقلم` and a name, or `كتب`/`كتبت` opening a line before a colon or a
//!   dash and a name: the writer;
//! - **aliases** (`alias`, in [`super::aliases`]): a bracketed or quoted single word right after a name is an alias of
//!   that name (`(CSTO)`, `«ناتو»`); so is a quoted name of up to four words after `المعروف باسم`,
//!   `الملقب بـ` … (`الدفاع المدني، المعروف باسم "الخوذ البيضاء"`), and one that starts with a
//!   kunya (`أبو`, `أم`) is a person's even with no name before it.
//!
//! Measured and removed (no gain on the dev stories or on ANERcorp's held-out tenth): spokesperson
//! of, quoted sources, city descriptors and appositions, surname endings, first names, treaties,
//! Latin acronyms, place suffixes, coordination.

use super::gazetteer::next_word;
use super::ask::Ask;
use super::make;
use crate::model::Token;
use crate::model::{Candidate, Origin, RuleId};
use crate::model::EntityType;
use crate::model::Split;
use crate::model::TokenKind;

pub(super) const OPEN_QUOTES: [&str; 5] = ["\"", "«", "“", "'", "„"];
pub(super) const CLOSE_QUOTES: [&str; 5] = ["\"", "»", "”", "'", "“"];

fn span_at(known: &[Candidate], i: usize) -> Option<&Candidate> {
    known.iter().find(|c| c.first == i)
}

/// A one-word name without the article known only from ANERcorp (`خان`) may be part of a
/// longer person's name.
fn weak(c: &Candidate, ask: &Ask) -> bool {
    c.last - c.first == 1
        && c.origin == Origin::Gazetteer
        && !c.key.starts_with("ال")
        && matches!(ask.lex.names.get(&c.key).map(|e| &e.source), Some(crate::lexicon::Source::Anercorp))
}

/// A split of `w` whose stem is in `set`, with at most a conjunction and a preposition before it.
pub(super) fn head<'w>(w: &'w Token, set: &crate::lexicon::WordSet) -> Option<&'w Split> {
    if !w.is_body_arabic() {
        return None;
    }
    w.splits.iter().find(|s| set.contains(&s.stem))
}

pub(super) fn is_quote(w: &Token, set: &[&str]) -> bool {
    w.kind == TokenKind::Punct && set.contains(&w.text)
}

pub(super) fn is_comma(w: &Token) -> bool {
    w.is_punct("،") || w.is_punct(",")
}

/// All rule candidates of a document. `known` holds the gazetteer and corpus-name candidates.
pub fn candidates(words: &[Token], ask: &Ask, known: &[Candidate], opts: &super::Options) -> Vec<Candidate> {
    let mut out = Vec::new();
    let on = |r: RuleId| opts.rule(r);
    if on(RuleId::Organisation) || on(RuleId::Media) {
        if opts.on("ministry") {
            super::organisations::ministries(words, ask, &mut out);
        }
        super::organisations::organisations(words, ask, opts.on("org-complement"), &mut out);
        if opts.on("government") {
            super::organisations::governments(words, ask, &mut out);
        }
        if opts.on("holding") {
            super::organisations::holdings(words, ask, &mut out);
        }
        if opts.on("armed-services") {
            super::organisations::armed_services(words, ask, &mut out);
        }
        out.retain(|c| !matches!(c.origin, Origin::Rule(r) if !on(r)));
    }
    if on(RuleId::PlaceTrigger) {
        places(words, ask, known, &mut out);
    }
    if on(RuleId::GivenFamily) {
        super::persons::given_and_family(words, ask, &mut out);
    }
    let mut all: Vec<Candidate> = known.iter().filter(|c| c.origin != Origin::Corpus).cloned().collect();
    all.extend(out.iter().cloned());
    if on(RuleId::Title) {
        titles(words, ask, &all, &mut out);
        bylines(words, ask, &all, &mut out);
    }
    all.extend(out.iter().cloned());
    all.extend(known.iter().filter(|c| c.origin == Origin::Corpus).cloned());
    if opts.on("alias") {
        super::aliases::after_names(words, ask, &all, &mut out);
        super::aliases::known_as(words, &all, &mut out);
    }
    out
}

/// A place's name that is only a noun such names open with (`رأس`, `عين`, `بئر` …: "cape",
/// "spring", "well") takes in the definite word right after it: `مدينة رأس الحكمة`, not `رأس`.
fn with_head_s_noun(words: &[Token], ask: &Ask, k: usize, last: usize) -> usize {
    let head = place_head_noun(words[k].norm());
    next_word(words, k).filter(|&m| head && last == k && words[m].sentence == words[k].sentence && words[m].start == words[k].end + 1 && ask.has_article(&words[m])).unwrap_or(last)
}

/// A noun places' names open with (matching form): alone, it names no place (`سقوطه في بئر`,
/// "his fall into a well").
pub(crate) fn place_head_noun(n: &str) -> bool {
    matches!(n, "راس" | "عين" | "بير" | "تل" | "كفر" | "دير" | "جبل" | "وادي" | "شرم" | "جزيره" | "خليج")
}

/// Up to `max` name-like words from `j`; returns the last one.
fn name_run(words: &[Token], ask: &Ask, j: usize, max: usize, known: &[Candidate]) -> Option<usize> {
    // `بلدة مولاي يعقوب`: an honorific and the name after it, whatever that name is.
    if super::honorifics::is_honorific(&words[j]) {
        return next_word(words, j).filter(|&k| words[k].sentence == words[j].sentence && (ask.name_like(&words[k]) || ask.lex.names.contains_key(words[k].norm())));
    }
    if !ask.name_like(&words[j]) && !ask.lex.names.contains_key(words[j].norm()) {
        return None;
    }
    // Not an indefinite noun in the accusative (`وسط العاصمة احتفالا`, "celebrating": a word of
    // Zipf 4 or more and `ا`), nor `و` and an ordinary word (`من العاصمة وانهار النظام`, "and
    // collapsed": Zipf 3.5 or more, and more than the word as written), unless the lists know
    // the word as written.
    let w = &words[j];
    let ordinary = |s: &str| ask.lex.common.contains(s) || ask.lex.zipf(s) >= 40;
    let accusative = w.norm().strip_suffix('ا').is_some_and(ordinary);
    let and_word = w.splits.iter().any(|s| s.clitics == "و" && (ask.lex.common.contains(&s.stem) || ask.lex.zipf(&s.stem) >= 35 && ask.lex.zipf(&s.stem) > ask.lex.zipf(w.norm())));
    if (accusative || and_word) && !ask.first_name(w) && !ask.lex.names.contains_key(w.norm()) && ask.lex.place(w.norm()).is_none() {
        return None;
    }
    let mut last = j;
    let mut count = 1;
    while count < max {
        let Some(k) = next_word(words, last) else { break };
        let w = &words[k];
        if !ask.name_like(w) || w.norm().starts_with('و') && !ask.first_name(w) || span_at(known, k).is_some() || w.text.ends_with('ة') || preposition_first(ask, w) {
            break;
        }
        last = k;
        count += 1;
    }
    Some(last)
}

fn places(words: &[Token], ask: &Ask, known: &[Candidate], out: &mut Vec<Candidate>) {
    for i in 0..words.len() {
        // Trigger, adjectives, name.
        if let Some(split) = head(&words[i], &ask.lex.place_triggers) {
            let plural = split.stem.ends_with("تي") || split.stem == "مدن" || split.stem == "جزر";
            let mut j = i;
            let mut skipped = 0;
            while let Some(k) = next_word(words, j) {
                let w = &words[k];
                if skipped < 3 && (ask.nisba(w) || ask.lex.title_modifiers.contains(w.norm())) && !ask.lex.names.contains_key(w.norm()) {
                    j = k;
                    skipped += 1;
                } else {
                    break;
                }
            }
            if let Some(k) = next_word(words, j) {
                // `بجبال الأطلس`, `منطقة الحوز`: a rare definite word (not an ordinary one, not
                // an adjective) right after the trigger is the place's name.
                let w = &words[k];
                // Not a disaster or an event (`منطقة الزلزال`).
                let what = |n: &str| {
                    let n = n.trim_start_matches("ال");
                    [ask.lex.heads("disasters"), ask.lex.heads("event_heads")].iter().any(|l| l.iter().any(|h| h == n))
                };
                let definite_name = skipped == 0 && w.sentence == words[i].sentence && ask.rare_definite(w, 40) && !what(w.norm());
                // `بمحافظة جنوب سيناء`, `ولاية شمال دارفور`: after a province's trigger, a direction
                // and a known place are one name (elsewhere `شمال سيناء` may be a direction).
                let province = super::divisions::province_word(&split.stem);
                let region = (province && skipped == 0 && super::divisions::direction(w.norm()) && !two_directions(words, k))
                    .then(|| next_word(words, k))
                    .flatten()
                    .and_then(|m| span_at(known, m).filter(|c| c.kind == EntityType::Loc && c.first == m).map(|c| c.last - 1));
                if let Some(last) = region {
                    out.push(make(words, k, None, last, EntityType::Loc, Origin::Rule(RuleId::PlaceTrigger), 5));
                } else if span_at(known, k).is_none() && definite_name {
                    // With "greater" after it: `جبال الأطلس الكبير`.
                    let last = next_word(words, k).filter(|&g| words[g].sentence == w.sentence && matches!(words[g].norm(), "الكبير" | "الكبري")).unwrap_or(k);
                    out.push(make(words, k, None, last, EntityType::Loc, Origin::Rule(RuleId::PlaceTrigger), 5));
                } else if span_at(known, k).is_none() && !ask.nisba_of_noun(w) {
                    // (`بولاية رئاسية ثالثة`, "a third presidential term": an adjective, no place.)
                    if let Some(last) = name_run(words, ask, k, 3, known).map(|l| with_head_s_noun(words, ask, k, l)) {
                        out.push(make(words, k, None, last, EntityType::Loc, Origin::Rule(RuleId::PlaceTrigger), 5));
                        // مدينتي زاناوزين وأكتاو
                        if plural {
                            if let Some(m) = next_word(words, last) {
                                let w = &words[m];
                                if let Some(s) = w.splits.iter().find(|s| s.clitics == "و") {
                                    if !ask.lex.common.contains(&s.stem) && !ask.lex.function.contains(&s.stem) && s.stem.chars().count() >= 3 {
                                        out.push(make(words, m, Some(s), m, EntityType::Loc, Origin::Rule(RuleId::PlaceTrigger), 5));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn titles(words: &[Token], ask: &Ask, known: &[Candidate], out: &mut Vec<Candidate>) {
    for i in 0..words.len() {
        let w = &words[i];
        let Some(split) = w.splits.iter().find(|s| (ask.lex.person_titles.contains(&s.stem) || ask.lex.occupations.contains(&s.stem) || ask.lex.kinship.contains(&s.stem)) && matches!(s.clitics, "" | "و" | "ف")) else {
            continue;
        };
        let kin = ask.lex.kinship.contains(&split.stem);
        // `شرم الشيخ`: the second word of a place's name, not a title.
        if i > 0 && words[i - 1].splits.iter().any(|s| ask.lex.place(&format!("{} {}", s.stem, w.norm())).is_some()) {
            continue;
        }
        let definite = split.stem.starts_with("ال") || kin;
        let mut j = i + 1;
        let mut skipped = 0;
        // A name never runs past the end of the title's sentence or line.
        while j < words.len() && skipped < 6 && words[j].sentence == w.sentence {
            let x = &words[j];
            if is_comma(x) {
                j += 1;
                skipped += 1;
                continue;
            }
            if let Some(k) = span_at(known, j).filter(|c| !weak(c, ask)) {
                if k.kind != EntityType::Per {
                    j = k.last;
                    skipped += 1;
                    continue;
                }
                break;
            }
            if !x.is_body_arabic() {
                break;
            }
            let n = x.norm();
            // الرئيس السابق لجهاز الاستخبارات …: a prepositional phrase on a common noun.
            let of_phrase = skipped > 0
                && x.splits.iter().any(|s| s.clitics == "ل" && (ask.lex.common.contains(&s.stem) || ask.lex.org_heads.contains(&s.stem)))
                && next_word(words, j).is_some_and(|k| ask.has_article(&words[k]));
            // `أخيه غير الشقيق`: "his half-brother".
            let half = kin && n == "غير" && next_word(words, j).is_some_and(|k| ask.has_article(&words[k]));
            // `وزير الداخلية والبلديات`: a second definite noun joined by `و` to the title's.
            let joined = skipped > 0 && x.splits.iter().any(|s| s.clitics == "و" && s.stem.starts_with("ال") && s.stem.chars().count() > 3);
            let modifier = of_phrase
                || half
                || joined
                || ask.lex.title_modifiers.contains(n)
                || ask.lex.person_titles.contains(n)
                || ask.nisba(x)
                || (ask.has_article(x) && !ask.temporal(x) && !ask.function(x) && !ask.lex.names.contains_key(n) && !ask.lex.first_names.contains(n));
            // `رئيس بلدية درنة عبد المنعم الغيثي`, `رئيس وزراء إسرائيل`: a bare noun in construct
            // with a known place or organisation after it.
            // (Past the place at once: the tagger may read it as the name's first word.)
            // (A place is known from the lists too: the second pass does not give the titles
            // the corpus's names.)
            let place = |k: usize| words.get(k).is_some_and(|p| p.is_body_arabic() && ask.lex.place(p.norm()).is_some_and(|p| p.population >= 10_000));
            // (Not a function word: `المستشار، إن مصر لن تتحمل`.)
            let construct = (!ask.has_article(x) && !ask.function(x) && (ask.common(x) || ask.lex.org_heads.contains(n) || ask.lex.place_triggers.contains(n)))
                .then(|| known.iter().find(|k| k.first == j + 1 && k.kind != EntityType::Per && !weak(k, ask)).map(|k| k.last).or_else(|| place(j + 1).then_some(j + 2)))
                .flatten();
            if let Some(end) = construct {
                j = end;
                skipped += 2;
                continue;
            }
            if modifier {
                j += 1;
                skipped += 1;
                continue;
            }
            break;
        }
        if (!definite && skipped == 0) || j >= words.len() || words[j].sentence != w.sentence {
            continue;
        }
        // A short word in ي right after the title is an imperfect verb (`يزور`), unless it is a
        // known name or a rare word (Zipf under 3: `يائير لبيد`; the verbs are frequent).
        let start = &words[j];
        if start.norm().starts_with('ي')
            && start.norm().chars().count() <= 5
            && ask.lex.zipf(start.norm()) >= 30
            && !ask.first_name(start)
            && !ask.lex.names.contains_key(start.norm())
            && !ask.surname_like(start)
        {
            continue;
        }
        // A name does not start with a preposition (`رئيس اتحاد الإمارات لكرة القدم`, `بتقدمه
        // بهدفين`): a word read as ل/ب/ك + a word more frequent than it is is not a name, unless
        // it is a known name as written (`لطفي`, `بشار`).
        if preposition_first(ask, start) {
            continue;
        }
        // Nor with an indefinite noun in the accusative (`النجم البرتغالي عقدا`, "a contract"):
        // an ordinary word and `ا`, unless the lists know the word as a name (`دينا`).
        let n = start.norm();
        let accusative = n.strip_suffix('ا').is_some_and(|s| ask.lex.common.contains(s) || ask.lex.zipf(s) >= 40);
        if accusative && !ask.first_name(start) && !ask.lex.names.contains_key(n) {
            continue;
        }
        // Nor with a verbal noun of the form استفعال (`أدان الوزير استهداف …`, "targeting";
        // `استقبال`, `استمرار`): seven letters, `است` then `ا` before the last two, a word the
        // frequency list knows.
        let c: Vec<char> = n.chars().collect();
        if c.len() == 7 && n.starts_with("است") && c[5] == 'ا' && ask.lex.zipf(n) >= 25 && !ask.first_name(start) && !ask.lex.names.contains_key(n) {
            continue;
        }
        // Nor with the conjunction `و` before a word no list knows as a name: a new clause
        // (`بين يدي الملك وسأبقى مخلصا`, `لجلالة الملك، وملتزما`); `وليد` is a name as written.
        let and_name = |s: &Split| s.clitics == "و" && (ask.given_stem(&s.stem) || ask.lex.names.contains_key(&s.stem));
        if start.splits.iter().any(|s| s.clitics == "و") && !ask.first_name(start) && !ask.lex.names.contains_key(start.norm()) && !start.splits.iter().any(and_name) {
            continue;
        }
        // `الفريق` is a rank and "the team" (`الفريق جاهز`, `صفوف الفريق ستمنحنا`): a name after
        // it starts with a given name or a known one.
        // So too past a word that is no rank (`الفريق الأفضل خسر`, "the best team lost").
        let known_start = ask.first_name(start) || ask.lex.names.get(start.norm()).is_some_and(|e| e.kind == EntityType::Per);
        let rank = |x: &Token| is_comma(x) || ask.lex.title_modifiers.contains(x.norm()) || ask.lex.person_titles.contains(x.norm());
        if (split.stem == "الفريق" && (skipped == 0 || !words[i + 1..j].iter().all(rank)) || kin) && !known_start {
            continue;
        }
        let last = person_run(words, ask, known, j, &crate::lexicon::WordSet::default(), true);
        // A given name alone that is also a function word as written without its hamza or with
        // `ي` for `ى` (`رئيس مجلس الإدارة علي أنها`, Egyptian spelling of على) is the function word.
        // (`الشيخ علي،` with punctuation after it stays a name.)
        let lone_function = |l: usize| l == j && ask.lex.function.contains(words[j].norm()) && words.get(j + 1).is_some_and(|x| x.is_body_word() && x.sentence == start.sentence);
        if let Some(l) = last.filter(|&l| !lone_function(l)) {
            let split = words[j].splits.first();
            out.push(make(words, j, split, l, EntityType::Per, Origin::Rule(RuleId::Title), 5));
        }
    }
}

/// A byline: `بقلم` and the writer's name (`زلزال المغرب/ بقلم فريهان طايع`), or `كتب`/`كتبت`
/// opening a line and followed by a colon or a dash (`كتب ـ خليفة أدهم`, `كتبت: …`): a person.
fn bylines(words: &[Token], ask: &Ask, known: &[Candidate], out: &mut Vec<Candidate>) {
    for i in 0..words.len() {
        let w = &words[i];
        if !w.is_body_arabic() {
            continue;
        }
        let mut j = i + 1;
        let mark = |x: &Token| x.kind == TokenKind::Punct && (matches!(x.text, ":" | "-" | "–" | "—") || x.text.chars().all(|c| c == 'ـ'));
        match w.norm() {
            "بقلم" => {}
            "كتب" | "كتبت" if (i == 0 || w.line_start) && words.get(j).is_some_and(mark) => {}
            _ => continue,
        }
        while words.get(j).is_some_and(mark) {
            j += 1;
        }
        let Some(start) = words.get(j).filter(|x| x.is_body_arabic() && x.sentence == w.sentence && !x.line_start) else { continue };
        if preposition_first(ask, start) || ask.function(start) {
            continue;
        }
        if let Some(l) = person_run(words, ask, known, j, &crate::lexicon::WordSet::default(), true) {
            out.push(make(words, j, None, l, EntityType::Per, Origin::Rule(RuleId::Title), 5));
        }
    }
}

/// A word read best as a preposition and a word: ل, ب or ك (after و or ف, or alone) before a stem
/// of three letters or more that is an ordinary word (Zipf 3 or more) more frequent than the word
/// as written (`لكرة`, `بهدفين`; not `كانات` nor `بلينكن`), and the word is no known name or given
/// name.
pub(crate) fn preposition_first(ask: &Ask, w: &Token) -> bool {
    if !w.is_body_arabic() || ask.first_name(w) || ask.lex.names.contains_key(w.norm()) || ask.surname_like(w) {
        return false;
    }
    let whole = ask.lex.zipf(w.norm());
    w.splits.iter().any(|s| matches!(s.clitics.trim_start_matches(['و', 'ف']), "ل" | "ب" | "ك") && s.stem.chars().count() >= 3 && ask.lex.zipf(&s.stem) >= 30 && ask.lex.zipf(&s.stem) > whole)
}

/// Words that join the parts of an Arabic name: بن، ابن، بنت، آل، أبو، عبد، and the Mauritanian
/// `ولد` ("son of": `محمد ولد الغزواني`).
const CONNECTORS: [&str; 8] = ["بن", "ابن", "بنت", "ال", "ابو", "عبد", "ام", "ولد"];

/// The words of a person's name starting at `j`: name-like words and first names, joined by
/// connectors (`محمد بن راشد آل مكتوم`, `عبد الله`), optionally closed by one family name with
/// the article (`عمر حسن البشير`), stopping after a surname ending, at punctuation, at a word
/// joined by و, or at another known name. Returns the last word, if there is a name at all.
/// `titled`: a title stands before the name, so one given name may be followed by a family name
/// with the article (`الشيخ حسين الفردان`); without a title that needs two words first
/// (`عمر حسن البشير`, but not `رمضان المبارك`).
#[inline(never)]
pub(super) fn person_run(words: &[Token], ask: &Ask, known: &[Candidate], j: usize, first_names: &crate::lexicon::WordSet, titled: bool) -> Option<usize> {
    let mut last = None;
    let mut k = j;
    let mut count = 0;
    // The word at `k` was taken as a father's name of a Gulf chain (below).
    let mut chained = false;
    while count < 6 {
        let x = &words[k];
        if x.sentence != words[j].sentence {
            break;
        }
        let n = x.norm();
        let blocked_here = count > 0 && span_at(known, k).is_some_and(|c| c.kind != EntityType::Per && !weak(c, ask));
        if blocked_here || (count > 0 && n.starts_with('و') && !ask.first_name(x) && n != "ولد") || (count > 0 && preposition_first(ask, x)) {
            break;
        }
        let is_first = ask.first_name(x) || (first_names.contains(n) && !x.ends_with_maqsura());
        if CONNECTORS.contains(&n) {
            // A connector only counts with a name after it.
            let Some(next) = next_word(words, k).filter(|&n| words[n].sentence == x.sentence) else { break };
            let y = &words[next];
            let ok = ask.name_like(y) || ask.first_name(y) || (ask.has_article(y) && !ask.common(y) && !ask.temporal(y));
            if count == 0 && n != "عبد" && n != "ابو" || !ok {
                break;
            }
            last = Some(next);
            count += 2;
            k = next;
        } else if count >= 3 && k >= 2 && super::persons::son_of(words[k - 2].norm()) && super::persons::ruler(n) {
            break;
        } else if ask.name_like(x) || (count > 0 && is_first) || (count == 0 && titled && ask.has_article(x) && ask.lex.first_names.contains(n)) {
            // (`الأمير الحسن`, `الرئيس الأسد`: a name the lists hold with its article opens one.)
            last = Some(k);
            count += 1;
            if ask.surname_like(x) {
                break;
            }
        } else if (count >= 2 || (titled && count > 0)) && ask.has_article(x) && (chained || !ask.common(x) && !ask.temporal(x)) && !ask.nisba_of_place(x) && !ask.function(x) {
            last = Some(k); // family name with the article ends the name …
            // … unless it is a father's given name with the article and another such name follows,
            // as Gulf names chain them (`نواف الأحمد الجابر الصباح`, `صباح الخالد الحمد الصباح`).
            let given = |t: &Token| ask.given_with_article(t);
            let next = next_word(words, k).filter(|&m| words[m].sentence == x.sentence && words[m].splits.len() == 1);
            match next.filter(|&m| given(x) && ask.has_article(&words[m]) && !ask.nisba(&words[m]) && (given(&words[m]) || ask.rare_definite(&words[m], 30))) {
                Some(m) if count < 5 => {
                    // The next name is taken, and the chain goes on from it if it can.
                    last = Some(m);
                    chained = true;
                    count += 1;
                    k = m;
                    continue;
                }
                _ => break,
            }
        } else {
            break;
        }
        match next_word(words, k) {
            Some(n) => k = n,
            None => break,
        }
    }
    last
}

/// The words of a quotation of one to four words that opens right after the word at `i`, in its
/// sentence: the first and last word.
pub(super) fn quoted_after(words: &[Token], i: usize) -> Option<(usize, usize)> {
    words.get(i + 1).filter(|x| x.sentence == words[i].sentence)?;
    quotation(words, i + 1)
}

/// `جنوب وشمال الباطنة`: two directions shared by one place name, two provinces; the second is
/// named with the name (`divisions::divisions_by_compass`), the first names nothing alone.
fn two_directions(words: &[Token], k: usize) -> bool {
    use super::divisions::direction;
    direction(words[k].norm()) && next_word(words, k).is_some_and(|m| words[m].norm().strip_prefix('و').is_some_and(direction))
}

/// The words of a quotation of one to four words whose opening mark is at `open`: the first and
/// last word.
pub(super) fn quotation(words: &[Token], open: usize) -> Option<(usize, usize)> {
    let o = words.get(open).filter(|x| is_quote(x, &OPEN_QUOTES))?;
    let first = open + 1;
    let mut k = first;
    // A number after a word is the name's too (`"إكسبو 2030"`).
    while words.get(k).is_some_and(|x| (x.is_body_word() || k > first && x.kind == crate::model::TokenKind::Number) && x.sentence == o.sentence) && k - first < 4 {
        k += 1;
    }
    // The marks touch the words they enclose: `"` and `'` both open and close, and a closing
    // mark followed by a space is no opening one (`"الهجوم" زلزال الحوز "بالكارثة"`).
    let closed = words.get(k).is_some_and(|x| is_quote(x, &CLOSE_QUOTES) && x.sentence == o.sentence && x.glued);
    (k > first && closed && words[first].glued).then(|| (first, k - 1))
}
