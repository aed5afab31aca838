//! Stage 5: linking mentions into entities across documents.
//!
//! Mentions of one type are grouped when (each grouping records its [`LinkReason`]):
//! 1. `same_normalized`: their matching forms are equal (`أرمينيا`/`ارمينيا`);
//! 2. `alias`: one is a bracketed acronym right after the other (`(CSTO)`);
//! 3. `skeleton`: their consonant skeletons are equal (`ألماتا`/`ألما آتا`/`ألماتي`), word by word
//!    for names of several words (`قاسم جومرت توكاييف`/`قاسم جومارت توكاييف`), skeletons of at least
//!    three letters;
//! 4. `orthographic`: place names that differ only in a final `-يا`/`-ية` (`سوريا`/`سورية`) or a
//!    final `-يا` (`بيلاروس`/`بيلاروسيا`);
//!    `article`: one-word organisation, event or place names written with and without the
//!    article (`الفيفا`/`فيفا`, `الأوبك`/`أوبك`, `التليل`/`تليل`), three letters or more without it;
//! 5. `surname_variant`: people with the same given names whose surnames are within two edits of
//!    each other on the skeleton (without the article, four letters or more, the edits at most
//!    half the shorter: `محمد الخامس`/`محمد السادس` are two people) (`علي خان إسماعيلوف`/`علي خان سميلوف`);
//! 6. `given_name_differs`: full names of people with the same surname and different given names
//!    in *different* articles (outlets disagree on the first name); never when both full names
//!    occur in one article (two relatives are two people);
//! 7. `surname`: a one-word name equal (by skeleton) to the surname of full names that all belong
//!    to one entity;
//! 8. `partial_name`: an organisation name whose words are a subsequence of a longer one's with
//!    the same head word (`منظمة الأمن الجماعي` ⊂ `منظمة معاهدة الأمن الجماعي`), and an event's
//!    name that a longer one only follows with relative adjectives (`كأس الخليج` ⊂
//!    `كأس الخليج العربي`; not `كأس العالم` ⊂ `كأس العالم قطر 2022`, another edition's name);
//!    `qualified`: an organisation's name (a club's, most often) with or without `نادي` and its
//!    relative adjectives (`الأهلي`, `نادي الأهلي`, `الأهلي المصري`), when the story gives it one
//!    set of adjectives at most (`الاتحاد الأوروبي` and `الاتحاد الأفريقي` stay two).
//!
//! Different types are never grouped: the city `نور سلطان` is not the person `نور سلطان نزارباييف`.
//!
//! Rules 3–8 are not tried on every pair of names (quadratic on a large corpus) but only on
//! names that share a blocking key each rule needs: the type with the word skeletons (3), the
//! type with the one-word skeleton (3, not for people), the place name without `-يا`/`-ية` (4),
//! the given names (5), the surname's skeleton (6), the surname or its skeleton (7), the head
//! word (8). The candidate pairs are tried in the same order as a full scan would, so the groups
//! and the recorded reasons are those of trying every pair.

pub mod entities;
mod evidence;
pub mod latin;
mod names;
pub mod skeleton;

use crate::model::{EntityType, LinkReason, LinkRule};
use evidence::{evidence_passes, numbers};
use names::{close_surnames, given_name, is_subsequence, patronymic_last, with_adjectives, without_article};
use skeleton::{edit_distance, skeleton};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One mention as the linker sees it.
#[derive(Debug, Clone)]
pub struct LinkInput {
    pub doc: usize,
    pub kind: EntityType,
    /// Matching form.
    pub key: String,
    /// As written.
    pub surface: String,
    /// For an alias, the key of the name it stands for.
    pub alias_of: Option<String>,
    /// The word of a division or a city right next to a place also named alone, as written, and
    /// what it says ([`crate::recognize::divisions::named_within`]: 1 a division, 2 the city of a
    /// country's name): `محافظة العقبة` is not `العقبة`, nor `العاصمة تونس` `تونس`.
    pub within: Option<(String, u8)>,
}

/// The result: a group index per mention and the reasons, per group; and the links suggested but
/// not made, between groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    pub group_of_mention: Vec<usize>,
    pub groups: usize,
    pub reasons: Vec<Vec<LinkReason>>,
    /// (group, group, the two spellings, the evidence), each pair once.
    pub suggestions: Vec<(usize, usize, String, String, LinkRule)>,
}

struct Dsu {
    parent: Vec<usize>,
}

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.parent[r] != r {
            r = self.parent[r];
        }
        let mut y = x;
        while self.parent[y] != r {
            let n = self.parent[y];
            self.parent[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        self.parent[ra.max(rb)] = ra.min(rb);
        true
    }
}

/// A distinct (type, key) with where it occurs.
struct Node {
    kind: EntityType,
    key: String,
    words: Vec<String>,
    skeletons: Vec<String>,
    docs: BTreeSet<usize>,
    surface: String,
    /// 0: the place named alone; 1: a division of its name; 2: the city of a country's name.
    pub(super) within: u8,
}

struct Linker {
    nodes: Vec<Node>,
    dsu: Dsu,
    log: Vec<(usize, usize, LinkRule)>,
    suggest: Vec<(usize, usize, LinkRule)>,
    /// The numbers written in the names of each group, at its root, sorted and joined by spaces
    /// (one string, not a set: the page's code stays smaller).
    numbers: Vec<String>,
}

impl Linker {
    fn new(nodes: Vec<Node>) -> Linker {
        let n = nodes.len();
        let numbers = nodes.iter().map(|nd| numbers(&nd.key).into_iter().collect::<Vec<_>>().join(" ")).collect();
        Linker { nodes, dsu: Dsu { parent: (0..n).collect() }, log: Vec::new(), suggest: Vec::new(), numbers }
    }

    /// Join the groups of two nodes of one type, unless both groups hold numbers and not the same
    /// ones (`كوب 26` is not `كوب 27`, whatever else they share, nor through a `كوب` without a
    /// number joined to one of them first).
    fn join(&mut self, a: usize, b: usize, rule: LinkRule) {
        if self.nodes[a].kind != self.nodes[b].kind || self.nodes[a].within != self.nodes[b].within {
            return;
        }
        let (ra, rb) = (self.dsu.find(a), self.dsu.find(b));
        let (na, nb) = (&self.numbers[ra], &self.numbers[rb]);
        if ra == rb || (!na.is_empty() && !nb.is_empty() && na != nb) {
            return;
        }
        let merged = if na.is_empty() { nb.clone() } else { na.clone() };
        if self.dsu.union(a, b) {
            let root = self.dsu.find(a);
            self.numbers[root] = merged;
            self.log.push((a, b, rule));
        }
    }

    /// The groups, numbered in order of first mention, with the reasons for each: spellings of
    /// one matching form, then every join in the order it was made.
    fn finish(mut self, mentions: &[LinkInput], node_of: &[usize]) -> Linked {
        // Groups, numbered in order of first mention.
        let mut group_ids: BTreeMap<usize, usize> = BTreeMap::new();
        let mut group_of_mention = Vec::with_capacity(mentions.len());
        for &node in node_of {
            let root = self.dsu.find(node);
            let next = group_ids.len();
            group_of_mention.push(*group_ids.entry(root).or_insert(next));
        }
        let groups = group_ids.len();
        let mut reasons = vec![Vec::new(); groups];
        // Same matching form, different spellings.
        let mut spellings: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
        for (m, &node) in mentions.iter().zip(node_of) {
            spellings.entry(node).or_default().insert(m.surface.as_str());
        }
        for (node, set) in &spellings {
            let first = set.iter().next().copied().unwrap_or_default();
            for other in set.iter().skip(1) {
                let g = group_ids[&self.dsu.find(*node)];
                reasons[g].push(LinkReason { variant: other.to_string(), to: first.to_string(), rule: LinkRule::SameNormalized });
            }
        }
        let log = std::mem::take(&mut self.log);
        for (a, b, rule) in log {
            let g = group_ids[&self.dsu.find(a)];
            reasons[g].push(LinkReason { variant: self.nodes[a].surface.clone(), to: self.nodes[b].surface.clone(), rule });
        }
        let mut suggestions = Vec::new();
        let mut seen = BTreeSet::new();
        for (a, b, rule) in std::mem::take(&mut self.suggest) {
            let (ga, gb) = (group_ids[&self.dsu.find(a)], group_ids[&self.dsu.find(b)]);
            if ga != gb && seen.insert((ga.min(gb), ga.max(gb))) {
                suggestions.push((ga, gb, self.nodes[a].surface.clone(), self.nodes[b].surface.clone(), rule));
            }
        }
        Linked { group_of_mention, groups, reasons, suggestions }
    }
}

/// A place name without a final `-يه`/`-يا`.
fn ya_stem(s: &str) -> &str {
    s.strip_suffix("يه").or_else(|| s.strip_suffix("يا")).unwrap_or(s)
}

fn ya_variant(a: &str, b: &str) -> bool {
    a != b && a.chars().count() >= 4 && b.chars().count() >= 4 && ya_stem(a) == ya_stem(b)
}

/// Every pair `(x, y)`, `x` before `y`, of an ascending list of nodes.
fn push_pairs(bucket: &[usize], pairs: &mut Vec<(usize, usize)>) {
    for (i, &x) in bucket.iter().enumerate() {
        pairs.extend(bucket[i + 1..].iter().map(|&y| (x, y)));
    }
}

/// Nodes and where each (type, matching form) and each mention is among them.
type Distinct = (Vec<Node>, Vec<usize>, BTreeMap<String, usize>);

/// The key of a (type, matching form) in [`Distinct`]'s index.
fn node_key(kind: EntityType, key: &str, within: u8) -> String {
    format!("{}{within}{key}", kind as u8)
}

/// [`Node::within`] of a mention.
fn within(m: &LinkInput) -> u8 {
    m.within.as_ref().map_or(0, |w| w.1)
}

/// The words of a name, each part of a compound name as one word however it is written: a given
/// name with `عبد` (`عبد ربه منصور هادي` and `عبدربه منصور هادي`, `عبد الله` and `عبدالله`), a kunya
/// or a family name with `أبو` (`شيرين أبو عاقلة` and `شيرين أبوعاقلة`; `أبو عاقلة` alone is then
/// her family name), a Turkish family name with `أوغلو` "son of" (`كمال كليجدار أوغلو`), a name
/// ending in `الله` (`حسن نصر الله` and `حسن نصرالله`).
fn name_words(key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in key.split(' ') {
        match out.last_mut() {
            Some(prev) if prev == "عبد" || prev == "ابو" || w == "اوغلو" || w == "الله" => prev.push_str(w),
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// Two people's names of as many words, two or more, each word's skeleton the same or one letter
/// changed, added or left out (three letters at least; four for the surname, which keeps its first
/// and last letters): one foreign name transliterated two ways (`أموس هوكستين` / `عموس هوكشتاين`). Not two given names of the lists
/// (`جمال`/`كمال`), nor a short given name (`جو بايدن` / `جيل بايدن`).
fn transliterated(a: &Node, b: &Node) -> bool {
    let close = |x: &String, y: &String, min: usize| x == y || (x.chars().count() >= min && y.chars().count() >= min && edit_distance(x, y) <= 1);
    let n = a.skeletons.len();
    a.kind == EntityType::Per
        && b.kind == EntityType::Per
        && n >= 2
        && n == b.skeletons.len()
        && a.skeletons != b.skeletons
        && a.skeletons[..n - 1].iter().zip(&b.skeletons[..n - 1]).all(|(x, y)| close(x, y, 3))
        && a.skeletons[n - 1].chars().count() >= 4
        && a.skeletons[n - 1].chars().next() == b.skeletons[n - 1].chars().next()
        && a.skeletons[n - 1].chars().last() == b.skeletons[n - 1].chars().last()
        && close(&a.skeletons[n - 1], &b.skeletons[n - 1], 4)
        && !two_given_names(a, b)
}

/// Whether two people's names of one skeleton write, in one place, two different Arabic given
/// names of the name lists (`حسين`/`حسن`, `محمود`/`محمد`, `سعيد`/`سعد`): the skeleton, made for
/// the vowels of transliterated names, would take them for one name.
fn two_given_names(a: &Node, b: &Node) -> bool {
    let known = |w: &str| given_name(without_article(w));
    a.kind == EntityType::Per && a.words.iter().zip(&b.words).any(|(x, y)| without_article(x) != without_article(y) && known(x) && known(y))
}

/// One node per distinct (type, matching form), with the articles it occurs in and its first
/// spelling; the node of each mention; the node of each (type, matching form).
fn distinct_nodes(mentions: &[LinkInput]) -> Distinct {
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of = Vec::with_capacity(mentions.len());
    for m in mentions {
        let id = *index.entry(node_key(m.kind, &m.key, within(m))).or_insert_with(|| {
            let words = name_words(&m.key);
            let skeletons = words.iter().map(|w| skeleton(if m.kind == EntityType::Per { without_article(w) } else { w })).collect();
            nodes.push(Node { kind: m.kind, key: m.key.clone(), words, skeletons, docs: BTreeSet::new(), surface: m.surface.clone(), within: within(m) });
            nodes.len() - 1
        });
        nodes[id].docs.insert(m.doc);
        node_of.push(id);
    }
    (nodes, node_of, index)
}

/// Link mentions into groups.
pub fn link(mentions: &[LinkInput]) -> Linked {
    let (nodes, node_of, index) = distinct_nodes(mentions);
    let n = nodes.len();
    let mut l = Linker::new(nodes);

    // 2. aliases
    for m in mentions {
        if let Some(target) = &m.alias_of {
            if let (Some(&a), Some(&b)) = (index.get(&node_key(m.kind, &m.key, within(m))), index.get(&node_key(m.kind, target, within(m)))) {
                l.join(a, b, LinkRule::Alias);
            }
        }
    }
    // 3–5. pairwise spelling rules, on the candidate pairs that share a blocking key.
    let joined_len: Vec<usize> = l.nodes.iter().map(|nd| nd.skeletons.iter().map(|s| s.chars().count()).sum()).collect();
    let whole: Vec<String> = l.nodes.iter().map(|nd| skeleton(&nd.key.replace(' ', ""))).collect();
    let pairs = {
        let nodes = &l.nodes;
        // One map for every blocking key, each tagged with its rule's letter and the type (one
        // map type, not five: the page's code stays smaller).
        let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
        let mut block = |tag: char, kind: EntityType, key: &str, i: usize| blocks.entry(format!("{tag}{}{key}", kind as u8)).or_default().push(i);
        for (i, nd) in nodes.iter().enumerate() {
            if joined_len[i] >= 3 {
                block('s', nd.kind, &nd.skeletons.join(" "), i);
            }
            if nd.kind != EntityType::Per && whole[i].chars().count() >= 3 {
                block('w', nd.kind, &whole[i], i);
            }
            if nd.kind == EntityType::Loc && nd.key.chars().count() >= 4 {
                block('y', nd.kind, ya_stem(&nd.key), i);
            }
            if matches!(nd.kind, EntityType::Org | EntityType::Misc | EntityType::Loc) && nd.words.len() == 1 {
                block('a', nd.kind, nd.key.strip_prefix("ال").unwrap_or(&nd.key), i);
            }
            if nd.kind == EntityType::Per && nd.words.len() >= 2 {
                // The given names; their count is in the key (a separator no word holds).
                block('g', nd.kind, &nd.words[..nd.words.len() - 1].join("|"), i);
                // The surname's first and last letters (see [`transliterated`]).
                let last = &nd.skeletons[nd.skeletons.len() - 1];
                if let (Some(f), Some(z)) = (last.chars().next(), last.chars().last()) {
                    block('t', nd.kind, &format!("{}|{f}{z}", nd.words.len()), i);
                }
            }
        }
        let mut pairs = Vec::new();
        for bucket in blocks.values() {
            push_pairs(bucket, &mut pairs);
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    };
    for (a, b) in pairs {
        let (na, nb) = (&l.nodes[a], &l.nodes[b]);
        if na.kind != nb.kind {
            continue;
        }
        let (whole_a, whole_b) = (&whole[a], &whole[b]);
        if na.words.len() == nb.words.len() && na.skeletons == nb.skeletons && joined_len[a] >= 3 && !two_given_names(na, nb) {
            let consonants = na.skeletons.join(" ");
            l.join(a, b, LinkRule::Skeleton { consonants, joined: false });
        } else if na.kind != EntityType::Per && whole_a == whole_b && whole_a.chars().count() >= 3 {
            let consonants = whole_a.clone();
            l.join(a, b, LinkRule::Skeleton { consonants, joined: true });
        } else if na.kind == EntityType::Loc && ya_variant(&na.key, &nb.key) {
            l.join(a, b, LinkRule::Orthographic);
        } else if with_article(na, nb) {
            l.join(a, b, LinkRule::Article);
        } else if na.kind == EntityType::Per
            && na.words.len() >= 2
            && na.words.len() == nb.words.len()
            && na.words[..na.words.len() - 1] == nb.words[..nb.words.len() - 1]
        {
            let (sa, sb) = (na.skeletons.last().unwrap(), nb.skeletons.last().unwrap());
            if close_surnames(sa, sb) {
                l.join(a, b, LinkRule::SurnameVariant);
            }
        } else if transliterated(na, nb) {
            l.join(a, b, LinkRule::Transliteration);
        }
    }
    // Full names of people (two words or more), in node order.
    let full: Vec<usize> = (0..n).filter(|&i| l.nodes[i].kind == EntityType::Per && l.nodes[i].words.len() >= 2).collect();
    // 6. same surname, different given names, different articles.
    let pairs = {
        let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &full {
            let last = l.nodes[i].skeletons.last().unwrap();
            if last.chars().count() >= 4 {
                by_surname.entry(last).or_default().push(i);
            }
        }
        let mut pairs = Vec::new();
        for bucket in by_surname.values() {
            push_pairs(bucket, &mut pairs);
        }
        pairs.sort_unstable();
        pairs
    };
    for (a, b) in pairs {
        let (na, nb) = (&l.nodes[a], &l.nodes[b]);
        let same_surname = na.skeletons.last() == nb.skeletons.last() && na.skeletons.last().is_some_and(|s| s.chars().count() >= 4);
        if !same_surname || l.dsu.find(a) == l.dsu.find(b) {
            continue;
        }
        let shared_doc = na.docs.intersection(&nb.docs).next().is_some();
        if !shared_doc {
            l.suggest.push((a, b, LinkRule::GivenNameDiffers));
        }
    }
    // 7. surname only. Who owns a one-word name depends on the words alone, not on the groups.
    let candidates: Vec<(usize, Vec<usize>)> = {
        let nodes = &l.nodes;
        let mut by_last_word: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_last_skeleton: HashMap<&str, Vec<usize>> = HashMap::new();
        for &b in full.iter().filter(|&&b| !patronymic_last(&nodes[b].words) && !names::clan_last(&nodes[b].words)) {
            by_last_word.entry(nodes[b].words.last().unwrap()).or_default().push(b);
            by_last_skeleton.entry(nodes[b].skeletons.last().unwrap()).or_default().push(b);
        }
        let none: &[usize] = &[];
        (0..n)
            .filter(|&a| nodes[a].kind == EntityType::Per && nodes[a].words.len() == 1 && nodes[a].key.chars().count() >= 3)
            .map(|a| {
                let (word, sk) = (nodes[a].words[0].as_str(), nodes[a].skeletons[0].as_str());
                let mut owners: Vec<usize> = by_last_word.get(word).map_or(none, Vec::as_slice).to_vec();
                if sk.chars().count() >= 3 {
                    owners.extend_from_slice(by_last_skeleton.get(sk).map_or(none, Vec::as_slice));
                    crate::sort::natural(&mut owners);
                    owners.dedup();
                }
                (a, owners)
            })
            .collect()
    };
    for (a, owners) in candidates {
        let roots: BTreeSet<usize> = crate::sort::set(owners.iter().map(|&b| l.dsu.find(b)));
        if roots.len() == 1 {
            let b = owners[0];
            l.join(a, b, LinkRule::Surname);
        }
    }
    // 8. partial organisation names; an event's name and the same with relative adjectives after
    // it (`كأس الخليج` / `كأس الخليج العربي`; not with a place or a number: `كأس العالم` is not
    // `كأس العالم قطر 2022`); a ministry called by its adjective is the ministry so named
    // (`الخارجية المصرية` / `وزارة الخارجية المصرية`), and a name after a head word is the
    // organisation so named (`عصائب أهل الحق` / `حركة عصائب أهل الحق`).
    let candidates: Vec<(usize, Vec<usize>)> = {
        let nodes = &l.nodes;
        let ministry = crate::normalize::normalize("وزارة");
        let metonyms = &crate::lexicon::lexicon().ministry_metonyms;
        let head = |nd: &Node| match nd.words[0].as_str() {
            w if nd.kind == EntityType::Org && nd.words.len() >= 2 && metonyms.contains(w) => format!("{}{ministry}", nd.kind as u8),
            w => format!("{}{w}", nd.kind as u8),
        };
        let own_head = |nd: &Node| format!("{}{}", nd.kind as u8, nd.words[0]);
        let mut by_head: HashMap<String, Vec<usize>> = HashMap::new();
        let heads = &crate::lexicon::lexicon().org_heads;
        for (b, nb) in nodes.iter().enumerate() {
            if matches!(nb.kind, EntityType::Org | EntityType::Misc) {
                by_head.entry(own_head(nb)).or_default().push(b);
                // A name after an organisation's head word is that organisation's name too
                // (`عصائب أهل الحق` / `حركة عصائب أهل الحق`).
                if nb.kind == EntityType::Org && nb.words.len() > 2 && heads.contains(&nb.words[0]) {
                    by_head.entry(format!("{}{}", nb.kind as u8, nb.words[1])).or_default().push(b);
                }
            }
        }
        (0..n)
            .filter(|&a| matches!(nodes[a].kind, EntityType::Org | EntityType::Misc) && nodes[a].words.len() >= 2)
            .map(|a| {
                let na = &nodes[a];
                let owners = by_head
                    .get(&head(na))
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .copied()
                    .filter(|&b| {
                        let nb = &nodes[b];
                        b != a
                            && nb.words.len() > na.words.len()
                            && match na.kind {
                                EntityType::Org => is_subsequence(&na.words, &nb.words),
                                _ => with_adjectives(&na.words, &nb.words),
                            }
                    })
                    .collect();
                (a, owners)
            })
            .collect()
    };
    for (a, owners) in candidates {
        let roots: BTreeSet<usize> = crate::sort::set(owners.iter().map(|&b| l.dsu.find(b)));
        if roots.len() == 1 {
            let b = owners[0];
            l.join(a, b, LinkRule::PartialName);
        }
    }

    evidence_passes(&mut l);
    l.finish(mentions, &node_of)
}


#[cfg(test)]
mod tests;

#[cfg(test)]
#[test]
fn a_compound_given_name_is_one_word_however_written() {
    assert_eq!(name_words("عبد ربه منصور هادي"), name_words("عبدربه منصور هادي"));
    assert_eq!(name_words("عبد الله العليمي"), ["عبدالله", "العليمي"]);
    assert_eq!(name_words("عبد"), ["عبد"]);
    assert_eq!(name_words("شيرين ابو عاقله"), name_words("شيرين ابوعاقله"));
    assert_eq!(name_words("كمال كليجدار اوغلو"), ["كمال", "كليجداراوغلو"]);
}

/// One-word organisation, event or place names, one the other with the article (`الفيفا` /
/// `فيفا`, `التليل` / `تليل`), three letters or more without it.
fn with_article(a: &Node, b: &Node) -> bool {
    let one_word = |n: &Node| matches!(n.kind, EntityType::Org | EntityType::Misc | EntityType::Loc) && n.words.len() == 1;
    let of = |long: &Node, short: &Node| long.key.strip_prefix("ال") == Some(short.key.as_str()) && short.key.chars().count() >= 3;
    a.kind == b.kind && one_word(a) && one_word(b) && (of(a, b) || of(b, a))
}
