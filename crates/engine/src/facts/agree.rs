//! Facts and agreement: grouping values across articles into rows and judging each row.
//!
//! ## Grouping rule
//!
//! Each quantity or date gets a *key*; values with the same key, in any article, are one row.
//!
//! | class | key | row |
//! |---|---|---|
//! | personnel | class + subject (nationality, security) | "Troops / personnel" |
//! | killed, injured, arrested | class + subject (`security`, `military`, `civilians` …) | "Killed — security forces" |
//! | population | class + the place (nearest LOC name in the sentence, before first) | "Population of كازاخستان" |
//! | age | class + the person (the PER name right before the phrase or its commas, else the first PER name of the sentence) | "Age of نور سلطان نزارباييف" |
//! | duration | class + event + aspect (`until`/`length`/`ago`, see [`super::frames`]) | "Withdrawal: within", "Withdrawal: how long it takes" |
//! | money | class + currency + event | |
//! | percent | class + event | |
//! | count | class + counted noun + event | "Number of طائرات" |
//! | date | event + aspect (`event`/`start`/`end`) | "Withdrawal — start date" |
//!
//! A time span with no event of its own takes the event of the time span before it in the same
//! sentence (`سيبدأ الانسحاب في غضون يومين ولن يستغرق ذلك أكثر من 10 أيام`). Where the key needs
//! an event, a person or a place and none was found, the value joins the key (so such rows
//! can agree but never conflict: nothing says two different numbers are about the same thing).
//! Relative dates that could not be resolved and have no event are left out; so is the dateline
//! itself, and a date with no event that was not written out in full.
//!
//! ## Status
//!
//! A value is an interval in a common unit (days for time spans): exact `[v, v]`; about
//! (`نحو`) `[0.9v, 1.1v]`; more than / at least `[v, ∞)` (journalistic "more than 10" includes 10);
//! less than / at most `[0, v]`; vague magnitude m (`عشرات` = 10) `[2m, 10m]`. Dates compare by
//! the days they may cover ([`super::dates::compatible`]); unresolved relative dates conflict with
//! nothing except a different weekday. Names compare by given-name skeletons ([`super::names`]).
//!
//! Two articles are compatible when some value of one is compatible with some value of the other.
//! A row is `single` when one article reports it, `conflict` when two articles are not
//! compatible, else `agree`. So `5 أيام` and `خمسة أيام` agree, `2030 جندياً` and `2000 عنصر`
//! conflict, and `أكثر من 10 أيام` agrees with `عشرة أيام`.

use super::dates::{self, DateExpr, DateVal};
use super::doc::DocCtx;
use super::frames::{self, Aspect, Frame};
use crate::model::{Fact, FactKind, FactValue, Qualifier, Status, Subject, Topic, Value};
use super::quantities::{QClass, Quantity};
use crate::model::{Analysis, EntityType};
use std::collections::BTreeMap;

/// How a value is compared.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmp {
    /// An interval in the row's common unit.
    Num { lo: f64, hi: f64 },
    Date(DateVal),
    /// Skeletons of given names.
    Name(Vec<String>),
}

/// One value on its way into a row.
#[derive(Debug, Clone)]
pub struct Item {
    pub doc: usize,
    pub kind: FactKind,
    pub key: String,
    pub class: String,
    pub event: Option<Frame>,
    pub entity: Option<String>,
    pub topic: Topic,
    pub value: FactValue,
    pub cmp: Cmp,
}

fn interval(v: f64, q: Option<Qualifier>, vague: bool) -> (f64, f64) {
    let (lo, hi) = if vague { (2.0 * v, 10.0 * v) } else { (v, v) };
    match q {
        None => (lo, hi),
        Some(Qualifier::About) => (0.9 * lo, 1.1 * hi),
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => (lo, f64::INFINITY),
        Some(Qualifier::LessThan | Qualifier::AtMost) => (0.0, hi),
    }
}

fn compatible(a: &Cmp, b: &Cmp) -> bool {
    match (a, b) {
        (Cmp::Num { lo: l1, hi: h1 }, Cmp::Num { lo: l2, hi: h2 }) => {
            let eps = 1e-9 * (1.0 + l1.abs().max(l2.abs()));
            *l1 <= *h2 + eps && *l2 <= *h1 + eps
        }
        (Cmp::Date(x), Cmp::Date(y)) => dates::compatible(x, y),
        (Cmp::Name(x), Cmp::Name(y)) => super::names::compatible(x, y),
        _ => false,
    }
}

/// The status of a row from its items.
pub fn status(items: &[&Item]) -> Status {
    let mut per_doc: BTreeMap<usize, Vec<&Cmp>> = BTreeMap::new();
    for it in items {
        per_doc.entry(it.doc).or_default().push(&it.cmp);
    }
    if per_doc.len() < 2 {
        return Status::Single;
    }
    let docs: Vec<&Vec<&Cmp>> = per_doc.values().collect();
    for (i, a) in docs.iter().enumerate() {
        for b in &docs[i + 1..] {
            if !a.iter().any(|x| b.iter().any(|y| compatible(x, y))) {
                return Status::Conflict;
            }
        }
    }
    Status::Agree
}

/// An ASCII id from a key: Arabic parts transliterated.
fn key_slug(key: &str) -> String {
    let parts: Vec<String> = key
        .split('|')
        .map(|p| if p.is_ascii() { p.to_string() } else { crate::link::latin::transliterate(p) })
        .collect();
    crate::model::slug(&parts.join("-"))
}


/// Group items into rows, in order: conflicts, then agreements, then single-article rows; within
/// each, rows reported by more articles first, then by first appearance.
pub fn rows(items: Vec<Item>, doc_ids: &[&str]) -> Vec<Fact> {
    let mut groups: Vec<(String, Vec<Item>)> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for it in items {
        match index.get(&it.key) {
            Some(&g) => groups[g].1.push(it),
            None => {
                index.insert(it.key.clone(), groups.len());
                groups.push((it.key.clone(), vec![it]));
            }
        }
    }
    let mut facts: Vec<(Status, usize, usize, Fact)> = Vec::new();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for (n, (key, mut items)) in groups.into_iter().enumerate() {
        crate::sort::by_key(&mut items, |it| (it.doc, it.value.byte_start));
        let st = status(&items.iter().collect::<Vec<_>>());
        let first = &items[0];
        let mut base = key_slug(&key);
        if base.is_empty() {
            base = "fact".into();
        }
        let count = used.entry(base.clone()).or_default();
        *count += 1;
        let id = if *count == 1 { base } else { format!("{base}-{count}") };
        let coverage = crate::sort::set(items.iter().map(|i| i.doc)).len();
        let fact = Fact {
            id,
            kind: first.kind,
            topic: first.topic.clone(),
            status: st,
            class: first.class.clone(),
            event: first.event,
            entity: first.entity.clone(),
            values: items
                .into_iter()
                .map(|mut it| {
                    if it.value.document.is_empty() {
                        it.value.document = doc_ids.get(it.doc).map(|s| s.to_string()).unwrap_or_default();
                    }
                    it.value
                })
                .collect(),
        };
        facts.push((st, coverage, n, fact));
    }
    crate::sort::by(&mut facts, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    facts.into_iter().map(|f| f.3).collect()
}

// ---------------------------------------------------------------------------------------------
// Quantities.

/// A value's key: its decimal writing, six places at most ([`crate::model::facts::decimal`]: no
/// float formatting from `core`, which would cost the page some 4 KB of code).
fn number_key(v: f64) -> String {
    crate::model::facts::decimal(v)
}

fn entity_label(a: &Analysis, id: &str) -> String {
    a.entity(id).map(|e| e.label.clone()).unwrap_or_else(|| id.to_string())
}

/// The PER name an age is about.
fn age_person<'d>(d: &'d DocCtx, q: &Quantity) -> Option<&'d str> {
    let toks = &d.view.tokens;
    let sentence = toks[q.first].sentence;
    // Right before the phrase, skipping a comma, a bracket and an age word (البالغ، يبلغ).
    let mut k = q.first;
    for _ in 0..3 {
        if k == 0 {
            break;
        }
        k -= 1;
        if let Some(m) = d.mention_at(k) {
            if m.kind == EntityType::Per && toks[k].sentence == sentence {
                return Some(m.entity);
            }
            break;
        }
        if toks[k].is_word() && !super::text::starts_any(&toks[k].norm, &["البالغ", "يبلغ", "تبلغ", "بلغ", "عمر", "بعمر"]) {
            break;
        }
    }
    // Else the first person named in the sentence.
    toks.iter()
        .enumerate()
        .filter(|(_, t)| t.sentence == sentence)
        .find_map(|(k, _)| d.mention_at(k).filter(|m| m.kind == EntityType::Per).map(|m| m.entity))
}

/// The LOC name a population is about: nearest before in the sentence, else after.
fn place<'d>(d: &'d DocCtx, q: &Quantity) -> Option<&'d str> {
    let toks = &d.view.tokens;
    let sentence = toks[q.first].sentence;
    let before = (0..q.first).rev().take_while(|&k| toks[k].sentence == sentence).find_map(|k| d.mention_at(k).filter(|m| m.kind == EntityType::Loc));
    let found = before.or_else(|| (q.end..toks.len()).take_while(|&k| toks[k].sentence == sentence).find_map(|k| d.mention_at(k).filter(|m| m.kind == EntityType::Loc)));
    found.map(|m| m.entity)
}

fn value_of(d: &DocCtx, first: usize, end: usize, value: Value) -> FactValue {
    let (bs, be) = d.view.bytes(first, end);
    let (cs, ce) = d.view.chars(first, end);
    FactValue {
        document: d.id.to_string(),
        value,
        text: d.view.text[bs..be].to_string(),
        start: cs,
        end: ce,
        qualifier: None,
        unit: None,
        vague: false,
        relative: false,
        byte_start: bs,
        byte_end: be,
    }
}

/// The first token of a time span with the preposition written right before it (without a
/// proclitic, so the text never starts inside a word): خلال، بعد، منذ، قبل، بحلول، في غضون.
fn with_preposition(toks: &[crate::model::Token], first: usize) -> usize {
    let sentence = toks[first].sentence;
    let at = |k: usize| toks.get(k).filter(|t| t.sentence == sentence && !t.boiler);
    match first.checked_sub(1).and_then(|k| at(k).map(|t| (k, t.norm.as_str()))) {
        Some((k, "خلال" | "بعد" | "منذ" | "قبل" | "بحلول")) => k,
        Some((k, "غضون")) if k > 0 && at(k - 1).is_some_and(|t| t.norm == "في") => k - 1,
        Some((k, "غضون")) => k,
        _ => first,
    }
}

/// Items for the quantities of one document.
pub fn quantity_items(d: &DocCtx, a: &Analysis) -> Vec<Item> {
    let mut out = Vec::new();
    let toks = &d.view.tokens;
    let mut last_duration_frame: Option<(usize, Frame)> = None;
    for q in &d.quantities {
        let n = &q.num;
        let (lo, hi) = interval(n.value * q.factor, n.qualifier, n.vague);
        // A time span keeps its preposition in the text (`في غضون يومين`, `خلال يومين`).
        let first = if q.class == QClass::Duration { with_preposition(toks, q.first) } else { q.first };
        let mut value = value_of(d, first, q.end, Value::number(n.value));
        value.qualifier = n.qualifier;
        value.unit = q.unit.map(str::to_string);
        value.vague = n.vague;
        let class = q.class.code().to_string();
        let vkey = number_key(n.value * q.factor);
        let frame = frames::find_frame(toks, q.first, q.end).map(|(f, _)| f);
        let mut entity = None;
        let mut event = None;
        let (key, topic) = match q.class {
            QClass::Personnel | QClass::Killed | QClass::Injured | QClass::Arrested => match &q.subject {
                Some(s) => (format!("q|{class}|{s}"), Topic::People { class: q.class, subject: Some(Subject::from_code(s)) }),
                None => (format!("q|{class}"), Topic::People { class: q.class, subject: None }),
            },
            QClass::Population => match place(d, q) {
                Some(e) => {
                    entity = Some(e.to_string());
                    (format!("q|population|{e}"), Topic::Population { place: Some(entity_label(a, e)) })
                }
                None => (format!("q|population|-|{vkey}"), Topic::Population { place: None }),
            },
            QClass::Age => match age_person(d, q) {
                Some(e) => {
                    entity = Some(e.to_string());
                    (format!("q|age|{e}"), Topic::Age { person: Some(entity_label(a, e)) })
                }
                None => (format!("q|age|-|{vkey}"), Topic::Age { person: None }),
            },
            QClass::Duration => {
                let sentence = toks[q.first].sentence;
                let frame = frame.or_else(|| last_duration_frame.filter(|(s, _)| *s == sentence).map(|(_, f)| f));
                if let Some(f) = frame {
                    last_duration_frame = Some((sentence, f));
                }
                let aspect = frames::duration_aspect(toks, n.qfirst, q.end);
                event = frame;
                match frame {
                    // A time span with an event is how long it takes unless it is the time until
                    // it happens or how long ago it was.
                    Some(f) => {
                        let shown = if matches!(aspect, Aspect::Until | Aspect::Ago) { aspect } else { Aspect::Length };
                        (format!("q|duration|{}|{}", f.code(), aspect.code()), Topic::Duration { event: Some(f), aspect: shown })
                    }
                    None => (format!("q|duration|-|{}|{vkey}", aspect.code()), Topic::Duration { event: None, aspect }),
                }
            }
            QClass::Money | QClass::Percent | QClass::Count => {
                let sub = match q.class {
                    QClass::Money => q.unit.unwrap_or("").to_string(),
                    QClass::Percent => String::new(),
                    _ => q.noun.clone().unwrap_or_default(),
                };
                event = frame;
                let topic = match q.class {
                    QClass::Money => Topic::Money { currency: q.unit.unwrap_or("").to_string(), event: frame },
                    QClass::Percent => Topic::Percent { event: frame },
                    _ => Topic::Count { noun: q.noun_text.clone().unwrap_or_default(), event: frame },
                };
                match frame {
                    Some(f) => (format!("q|{class}|{sub}|{}", f.code()), topic),
                    None => (format!("q|{class}|{sub}|-|{vkey}"), topic),
                }
            }
        };
        out.push(Item { doc: d.idx, kind: FactKind::Quantity, key, class, event, entity, topic, value, cmp: Cmp::Num { lo, hi } });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Dates.

/// A date after a reporting verb dates the statement, not the event it reports, when no
/// `أن/إن` stands between the verb (at most ten tokens before) and the date, and the date is
/// followed by `أن/إن/:` (`قال للبرلمان، الثلاثاء، إن …`) or stands between commas
/// (`أعلن الرئيس، أمس، انتهاء المهمة`). Otherwise an event keyword between the verb and the date
/// makes it the event's date.
fn statement_date(toks: &[crate::model::Token], first: usize, end: usize) -> bool {
    use crate::model::TokenKind;
    let sentence = toks[first].sentence;
    let verb = (first.saturating_sub(10)..first).rev().take_while(|&k| toks[k].sentence == sentence).find(|&k| super::quotes::is_reporting_verb(&toks[k]));
    let Some(v) = verb else { return false };
    if (v + 1..first).any(|k| super::quotes::is_complementizer(&toks[k])) {
        return false;
    }
    let comma = |t: Option<&crate::model::Token>| t.is_some_and(|t| t.sentence == sentence && matches!(t.text, "،" | ","));
    if first > 0 && comma(toks.get(first - 1)) && comma(toks.get(end)) {
        return true;
    }
    if (v + 1..first).any(|k| frames::frame_of(&toks[k]).is_some()) {
        return false;
    }
    let mut k = end;
    while k < toks.len() && toks[k].sentence == sentence && toks[k].kind == TokenKind::Punct && toks[k].text != ":" {
        k += 1;
    }
    toks.get(k).is_some_and(|t| t.sentence == sentence && (t.is_punct(":") || super::quotes::is_complementizer(t)))
}

/// Items for the dates of one document.
pub fn date_items(d: &DocCtx) -> Vec<Item> {
    let mut out = Vec::new();
    let toks = &d.view.tokens;
    for (i, m) in d.dates.iter().enumerate() {
        if Some(i) == d.dateline_mention {
            continue;
        }
        let r = dates::resolve(&m.expr, d.dateline);
        let found = if statement_date(toks, m.first, m.end) { None } else { frames::find_frame(toks, m.first, m.end) };
        let full = match m.expr {
            DateExpr::Abs(p) => p.m.is_some() || p.y.is_some(),
            DateExpr::Range(..) => true,
            DateExpr::Rel(_) => false,
        };
        let mut value = value_of(d, m.first, m.end, Value::Text(r.value.clone()));
        value.relative = r.relative;
        let (key, topic, event) = match found {
            Some((f, k)) => {
                let aspect = frames::date_aspect(toks, m.first, m.end, Some(k));
                let shown = if matches!(aspect, Aspect::Start | Aspect::End) { aspect } else { Aspect::Event };
                (format!("d|{}|{}", f.code(), aspect.code()), Topic::Date { event: Some(f), aspect: shown }, Some(f))
            }
            None if full && !r.relative => (format!("d|-|{}", r.value), Topic::Date { event: None, aspect: Aspect::Event }, None),
            None => continue,
        };
        out.push(Item { doc: d.idx, kind: FactKind::Date, key, class: "date".into(), event, entity: None, topic, value, cmp: Cmp::Date(r.val) });
    }
    out
}
