//! The linking passes that read evidence beyond spelling: a name without its middle name, or
//! without what follows the given and father's names, across articles; parts of a full name within
//! one article; the long and short names of one country; an organisation's name and the same as a
//! construct; events of the same number.

use super::names::{given_name, part_of, with_adjectives, without_article};
use super::skeleton::skeleton;
use super::Linker;
use crate::model::{EntityType, LinkRule};
use std::collections::{BTreeMap, BTreeSet};

/// The numbers written in a matching form (`كوب 27` → 27).
pub(super) fn numbers(key: &str) -> BTreeSet<&str> {
    crate::sort::set(key.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()))
}

/// The linking passes that read evidence beyond spelling, shared by [`link`](super::link) and
/// its every-pair reference in the tests: parts of full names within one article, long and short
/// forms of one country, events of the same number.
pub(super) fn evidence_passes(l: &mut Linker) {
    let n = l.nodes.len();
    // Middle names, across articles: a name of two words or more joins the one longer name with
    // the same first and last words (`طارق صالح` ⊂ `طارق محمد صالح`); not when the last word is a
    // patronymic (`محمد بن سلمان`), and not when two different longer names fit.
    // (String keys, first and last joined by U+0001, which sorts before any letter: the order of
    // the pairs; one map type for the page's code.)
    let mut by_ends: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if nd.kind == EntityType::Per && nd.skeletons.len() >= 2 {
            by_ends.entry(format!("{}\u{1}{}", nd.skeletons[0], nd.skeletons[nd.skeletons.len() - 1])).or_default().push(i);
        }
    }
    let mut middle: Vec<(usize, usize)> = Vec::new();
    for group in by_ends.values().filter(|g| g.len() >= 2) {
        for &s in group {
            let owners: Vec<usize> = group.iter().copied().filter(|&f| l.nodes[f].skeletons.len() > l.nodes[s].skeletons.len() && part_of(&l.nodes[s], &l.nodes[f])).collect();
            let roots: BTreeSet<usize> = crate::sort::set(owners.iter().map(|&f| l.dsu.find(f)));
            if roots.len() == 1 {
                middle.push((s, owners[0]));
            }
        }
    }
    // A given name and the father's written without the rest, across articles (`حيان عبد الغني`
    // … `حيان عبدالغني عبدالزهرة`): the one longer name that starts with them.
    let mut by_first: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for group in by_ends.values() {
        for &s in group {
            by_first.entry(&l.nodes[s].skeletons[0]).or_default().push(s);
        }
    }
    for group in by_first.values() {
        for &s in group {
            let sk = &l.nodes[s].skeletons;
            let owners: Vec<usize> = group.iter().copied().filter(|&f| l.nodes[f].skeletons.len() > sk.len() && l.nodes[f].skeletons.starts_with(sk)).collect();
            let roots: BTreeSet<usize> = crate::sort::set(owners.iter().map(|&f| l.dsu.find(f)));
            if roots.len() == 1 {
                middle.push((s, owners[0]));
            }
        }
    }
    for (s, f) in middle {
        l.join(s, f, LinkRule::MiddleName);
    }
    // A given name alone, across articles (`قيس` … `قيس سعيد`, `رجوة` … `رجوة آل سيف`): the one
    // full name of the story that starts with it, when the name is a given name of the lists,
    // is not yet anyone's and is no full name's family name.
    let bare = |w: &str| without_article(w).to_string();
    let mut starting: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut family: BTreeSet<String> = BTreeSet::new();
    let mut size: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        *size.entry(l.dsu.find(i)).or_default() += 1;
        if nd.kind == EntityType::Per && nd.words.len() >= 2 {
            starting.entry(bare(&nd.words[0])).or_default().push(i);
            if !super::names::clan_last(&nd.words) {
                family.insert(bare(&nd.words[nd.words.len() - 1]));
            }
        }
    }
    let mut alone = Vec::new();
    for (a, nd) in l.nodes.iter().enumerate() {
        let w = bare(&nd.key);
        if nd.kind != EntityType::Per || nd.words.len() != 1 || w.chars().count() < 3 || size[&l.dsu.find(a)] != 1 || family.contains(&w) {
            continue;
        }
        if !given_name(&w) {
            continue;
        }
        if let Some(owners) = starting.get(&w) {
            let roots: BTreeSet<usize> = crate::sort::set(owners.iter().map(|&f| l.dsu.find(f)));
            if roots.len() == 1 {
                alone.push((a, owners[0]));
            }
        }
    }
    for (a, f) in alone {
        l.join(a, f, LinkRule::GivenNameAlone);
    }
    // Parts of full names, article by article.
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if nd.kind == EntityType::Per {
            for &d in &nd.docs {
                by_doc.entry(d).or_default().push(i);
            }
        }
    }
    // A part joins its full name only when, in every article that writes both, it is the same
    // person: `سيرديوكوف` beside `أناتولي سيرديوكوف` in one article and beside `أندري سيرديوكوف`
    // in another would otherwise join two given names the outlets disagree on (a suggestion,
    // never a silent merge).
    let mut owners_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for people in by_doc.values() {
        for &s in people {
            owners_of.entry(s).or_default().extend(people.iter().copied().filter(|&f| f != s && part_of(&l.nodes[s], &l.nodes[f])));
        }
    }
    for (s, owners) in owners_of {
        let roots: BTreeSet<usize> = crate::sort::set(owners.iter().map(|&f| l.dsu.find(f)));
        if roots.len() == 1 {
            l.join(s, owners[0], LinkRule::PartOfName);
        }
    }
    // One country, several names.
    let lex = crate::lexicon::lexicon();
    let mut by_iso: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if nd.kind == EntityType::Loc && nd.within == 0 {
            if let Some(crate::lexicon::Source::Country { iso, .. }) = lex.names.get(&nd.key).map(|e| &e.source) {
                by_iso.entry(iso.as_str()).or_default().push(i);
            }
        }
    }
    for (iso, nodes) in by_iso {
        for w in nodes.windows(2) {
            l.join(w[1], w[0], LinkRule::SameCountry { iso: iso.to_string() });
        }
    }
    // One organisation under two names the lists give the same Latin name (`الجامعة العربية` /
    // `جامعة الدول العربية`, `فرانس برس` / `أ ف ب`).
    let mut by_latin: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if nd.kind == EntityType::Org {
            let media = || match lex.names.get(&nd.key).map(|e| &e.source) {
                Some(crate::lexicon::Source::Media { latin }) if !latin.is_empty() => Some(latin.as_str()),
                _ => None,
            };
            if let Some(latin) = lex.latin_names.get(&nd.key).map(String::as_str).or_else(media) {
                by_latin.entry(latin).or_default().push(i);
            }
        }
    }
    for (latin, nodes) in by_latin {
        for w in nodes.windows(2) {
            l.join(w[1], w[0], LinkRule::SameListedName { latin: latin.to_string() });
        }
    }
    // An organisation's name and the same as a construct (see [`construct_form`]).
    let mut by_construct: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if nd.kind == EntityType::Org && nd.words.len() >= 2 {
            by_construct.entry(construct_form(&nd.words).join(" ")).or_default().push(i);
        }
    }
    for g in by_construct.values() {
        for w in g.windows(2) {
            l.join(w[1], w[0], LinkRule::Construct);
        }
    }

    // An organisation's name (a club's, most often), with `نادي` before it or relative
    // adjectives after it, or neither (`الأهلي`, `نادي الأهلي`, `الأهلي المصري`, `النادي الأهلي
    // المصري`; `الجيش` / `الجيش الإسرائيلي`): one organisation when the story gives the name one
    // set of adjectives at most (not `الاتحاد الأوروبي` and `الاتحاد الأفريقي`: each keeps its own).
    let mut by_base: BTreeMap<&[String], Vec<(usize, &[String])>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if let Some((base, adjectives)) = club_core(nd) {
            by_base.entry(base).or_default().push((i, adjectives));
        }
    }
    let mut clubs = Vec::new();
    for group in by_base.values().filter(|g| g.len() >= 2) {
        let adjectives: BTreeSet<&[String]> = crate::sort::set(group.iter().map(|&(_, a)| a).filter(|a| !a.is_empty()));
        if adjectives.len() <= 1 {
            clubs.extend(group.windows(2).map(|w| (w[1].0, w[0].0)));
        }
    }
    for (a, b) in clubs {
        l.join(a, b, LinkRule::Qualified);
    }

    // Events of the same number: `كوب 27`, `COP 27`, `قمة المناخ COP27`.
    let word = |w: &str| if w == "cop" { "كوب".to_string() } else { skeleton(w) };
    let mut by_number: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let nd = &l.nodes[i];
        if nd.kind != EntityType::Misc {
            continue;
        }
        let nums = numbers(&nd.key);
        if nums.len() != 1 {
            continue;
        }
        let num = nums.into_iter().next().unwrap_or_default().to_string();
        for w in nd.key.split(|c: char| c == ' ' || c.is_ascii_digit()).filter(|w| w.chars().count() >= 3) {
            by_number.entry(format!("{num}\u{1}{}", word(w))).or_default().push(i);
        }
    }
    for (key, nodes) in by_number {
        let num = key.split('\u{1}').next().unwrap_or_default().to_string();
        for w in nodes.windows(2) {
            l.join(w[1], w[0], LinkRule::SameNumber { number: num.clone() });
        }
    }
}

/// An organisation's name read as a construct: a definite head without its article, the
/// institution's adjectives after it (`العليا`, `الوطني`, `المستقلة` …, not a country's) left out
/// and its domain `لل…` read `ال…`, when it has one
/// (`الهيئة العليا المستقلة للانتخابات` → `هيئه الانتخابات`, as `هيئة الانتخابات` is written); other
/// names as they are.
fn construct_form(words: &[String]) -> Vec<String> {
    // Not a relative adjective: `المركز المغربي` and `المركز الفرنسي` are two centres.
    let adjectives = &crate::lexicon::lexicon().institution_adjectives;
    let adjective = |w: &str| adjectives.contains(w);
    let Some(head) = words[0].strip_prefix("ال").filter(|h| h.chars().count() >= 3) else { return words.to_vec() };
    let k = 1 + words[1..].iter().take_while(|w| adjective(w)).count();
    match words.get(k).and_then(|w| w.strip_prefix("لل")).filter(|d| d.chars().count() >= 3) {
        Some(domain) => [head.to_string(), format!("ال{domain}")].into_iter().chain(words[k + 1..].iter().cloned()).collect(),
        None => words.to_vec(),
    }
}

/// An organisation's name read as a club's: its words after `نادي`/`النادي` ("club"), if it has
/// it, split into the name (its first word definite and no function word: `الأهلي`) and the
/// relative adjectives after it (`المصري`). `None` for other names.
fn club_core(nd: &super::Node) -> Option<(&[String], &[String])> {
    if nd.kind != EntityType::Org {
        return None;
    }
    let lex = crate::lexicon::lexicon();
    let w = &nd.words;
    let core = match w.first().map(String::as_str) {
        Some("نادي" | "النادي") if w.len() >= 2 => &w[1..],
        _ => &w[..],
    };
    let first = core.first()?;
    if !(first.starts_with("ال") && first.chars().count() >= 5 && !lex.function.contains(first.as_str())) {
        return None;
    }
    let k = (1..=core.len()).find(|&k| with_adjectives(&core[..k], core) || k == core.len()).unwrap_or(core.len());
    Some(core.split_at(k))
}
