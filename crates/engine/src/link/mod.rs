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
//! 5. `surname_variant`: people with the same given names whose surnames are within two edits of
//!    each other on the skeleton (without the article, four letters or more, the edits at most
//!    half the shorter: `محمد الخامس`/`محمد السادس` are two people) (`علي خان إسماعيلوف`/`علي خان سميلوف`);
//! 6. `given_name_differs`: full names of people with the same surname and different given names
//!    in *different* articles (outlets disagree on the first name); never when both full names
//!    occur in one article (two relatives are two people);
//! 7. `surname`: a one-word name equal (by skeleton) to the surname of full names that all belong
//!    to one entity;
//! 8. `partial_name`: an organisation name whose words are a subsequence of a longer one's with
//!    the same head word (`منظمة الأمن الجماعي` ⊂ `منظمة معاهدة الأمن الجماعي`).
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
pub mod latin;
pub mod skeleton;

use crate::model::{EntityType, LinkReason, LinkRule};
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
}

struct Linker {
    nodes: Vec<Node>,
    dsu: Dsu,
    log: Vec<(usize, usize, LinkRule)>,
    suggest: Vec<(usize, usize, LinkRule)>,
}

/// The numbers written in a matching form (`كوب 27` → 27).
fn numbers(key: &str) -> BTreeSet<&str> {
    key.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect()
}

impl Linker {
    /// Join two nodes of one type, unless both hold numbers and not the same ones (`كوب 26` is not
    /// `كوب 27`, whatever else they share).
    fn join(&mut self, a: usize, b: usize, rule: LinkRule) {
        let (na, nb) = (numbers(&self.nodes[a].key), numbers(&self.nodes[b].key));
        if !na.is_empty() && !nb.is_empty() && na != nb {
            return;
        }
        if self.nodes[a].kind == self.nodes[b].kind && self.dsu.union(a, b) {
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
type Distinct = (Vec<Node>, Vec<usize>, BTreeMap<(EntityType, String), usize>);

/// One node per distinct (type, matching form), with the articles it occurs in and its first
/// spelling; the node of each mention; the node of each (type, matching form).
fn distinct_nodes(mentions: &[LinkInput]) -> Distinct {
    let mut index: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of = Vec::with_capacity(mentions.len());
    for m in mentions {
        let id = *index.entry((m.kind, m.key.clone())).or_insert_with(|| {
            let words: Vec<String> = m.key.split(' ').map(str::to_string).collect();
            let skeletons = words.iter().map(|w| skeleton(w)).collect();
            nodes.push(Node { kind: m.kind, key: m.key.clone(), words, skeletons, docs: BTreeSet::new(), surface: m.surface.clone() });
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
    let mut l = Linker { nodes, dsu: Dsu { parent: (0..n).collect() }, log: Vec::new(), suggest: Vec::new() };

    // 2. aliases
    for m in mentions {
        if let Some(target) = &m.alias_of {
            if let (Some(&a), Some(&b)) = (index.get(&(m.kind, m.key.clone())), index.get(&(m.kind, target.clone()))) {
                l.join(a, b, LinkRule::Alias);
            }
        }
    }
    // 3–5. pairwise spelling rules, on the candidate pairs that share a blocking key.
    let joined_len: Vec<usize> = l.nodes.iter().map(|nd| nd.skeletons.iter().map(|s| s.chars().count()).sum()).collect();
    let whole: Vec<String> = l.nodes.iter().map(|nd| skeleton(&nd.key.replace(' ', ""))).collect();
    let pairs = {
        let nodes = &l.nodes;
        let mut by_skeletons: HashMap<(EntityType, &[String]), Vec<usize>> = HashMap::new();
        let mut by_whole: HashMap<(EntityType, &str), Vec<usize>> = HashMap::new();
        let mut by_ya: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_given: HashMap<&[String], Vec<usize>> = HashMap::new();
        for (i, nd) in nodes.iter().enumerate() {
            if joined_len[i] >= 3 {
                by_skeletons.entry((nd.kind, &nd.skeletons)).or_default().push(i);
            }
            if nd.kind != EntityType::Per && whole[i].chars().count() >= 3 {
                by_whole.entry((nd.kind, &whole[i])).or_default().push(i);
            }
            if nd.kind == EntityType::Loc && nd.key.chars().count() >= 4 {
                by_ya.entry(ya_stem(&nd.key)).or_default().push(i);
            }
            if nd.kind == EntityType::Per && nd.words.len() >= 2 {
                // The given names; their slice length fixes the word count.
                by_given.entry(&nd.words[..nd.words.len() - 1]).or_default().push(i);
            }
        }
        let mut pairs = Vec::new();
        for bucket in by_skeletons.values().chain(by_whole.values()).chain(by_ya.values()).chain(by_given.values()) {
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
        if na.words.len() == nb.words.len() && na.skeletons == nb.skeletons && joined_len[a] >= 3 {
            let consonants = na.skeletons.join(" ");
            l.join(a, b, LinkRule::Skeleton { consonants, joined: false });
        } else if na.kind != EntityType::Per && whole_a == whole_b && whole_a.chars().count() >= 3 {
            let consonants = whole_a.clone();
            l.join(a, b, LinkRule::Skeleton { consonants, joined: true });
        } else if na.kind == EntityType::Loc && ya_variant(&na.key, &nb.key) {
            l.join(a, b, LinkRule::Orthographic);
        } else if na.kind == EntityType::Per
            && na.words.len() >= 2
            && na.words.len() == nb.words.len()
            && na.words[..na.words.len() - 1] == nb.words[..nb.words.len() - 1]
        {
            let (sa, sb) = (na.skeletons.last().unwrap(), nb.skeletons.last().unwrap());
            if close_surnames(sa, sb) {
                l.join(a, b, LinkRule::SurnameVariant);
            }
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
        for &b in full.iter().filter(|&&b| !patronymic_last(&nodes[b].words)) {
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
                    owners.sort_unstable();
                    owners.dedup();
                }
                (a, owners)
            })
            .collect()
    };
    for (a, owners) in candidates {
        let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
        if roots.len() == 1 {
            let b = owners[0];
            l.join(a, b, LinkRule::Surname);
        }
    }
    // 8. partial organisation names.
    let candidates: Vec<(usize, Vec<usize>)> = {
        let nodes = &l.nodes;
        let mut by_head: HashMap<&str, Vec<usize>> = HashMap::new();
        for (b, nb) in nodes.iter().enumerate() {
            if nb.kind == EntityType::Org {
                by_head.entry(&nb.words[0]).or_default().push(b);
            }
        }
        (0..n)
            .filter(|&a| nodes[a].kind == EntityType::Org && nodes[a].words.len() >= 2)
            .map(|a| {
                let na = &nodes[a];
                let owners = by_head[na.words[0].as_str()]
                    .iter()
                    .copied()
                    .filter(|&b| b != a && nodes[b].words.len() > na.words.len() && is_subsequence(&na.words, &nodes[b].words))
                    .collect();
                (a, owners)
            })
            .collect()
    };
    for (a, owners) in candidates {
        let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
        if roots.len() == 1 {
            let b = owners[0];
            l.join(a, b, LinkRule::PartialName);
        }
    }

    evidence_passes(&mut l);
    l.finish(mentions, &node_of)
}

/// Whether a full name ends in a patronymic (`محمد بن سلمان`: سلمان is the father's name, not a
/// family name, so `سلمان` alone is not this man).
fn patronymic_last(words: &[String]) -> bool {
    words.len() >= 2 && matches!(words[words.len() - 2].as_str(), "بن" | "ابن" | "بنت")
}

/// Whether the person's name `s` is a part of the full name `f` (skeletons, word by word): its
/// family name (not a patronymic), its given name alone, or its given and family names.
fn part_of(s: &Node, f: &Node) -> bool {
    let (sw, fw) = (&s.skeletons, &f.skeletons);
    if sw.len() >= fw.len() || sw.is_empty() || !is_subsequence(sw, fw) {
        return false;
    }
    let family = sw.last() == fw.last() && !patronymic_last(&f.words);
    let given = sw.first() == fw.first() && (sw.len() >= 2 || s.key.chars().count() >= 3);
    (sw.len() == 1 && (family || given)) || (sw.len() >= 2 && given && (family || sw.last() == fw.last()))
}

/// The linking passes that read evidence beyond spelling, shared by [`link`] and its every-pair
/// reference in the tests: parts of full names within one article, long and short forms of one
/// country, events of the same number.
fn evidence_passes(l: &mut Linker) {
    let n = l.nodes.len();
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
        let roots: BTreeSet<usize> = owners.iter().map(|&f| l.dsu.find(f)).collect();
        if roots.len() == 1 {
            l.join(s, owners[0], LinkRule::PartOfName);
        }
    }
    // One country, several names.
    let lex = crate::lexicon::lexicon();
    let mut by_iso: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, nd) in l.nodes.iter().enumerate() {
        if nd.kind == EntityType::Loc {
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
    // Events of the same number: `كوب 27`, `COP 27`, `قمة المناخ COP27`.
    let word = |w: &str| if w == "cop" { "كوب".to_string() } else { skeleton(w) };
    let mut by_number: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
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
            by_number.entry((num.clone(), word(w))).or_default().push(i);
        }
    }
    for ((num, _), nodes) in by_number {
        for w in nodes.windows(2) {
            l.join(w[1], w[0], LinkRule::SameNumber { number: num.clone() });
        }
    }
}

/// Surname skeletons close enough to be one name spelt two ways: without the article `ال`, at
/// least four letters each, at most two edits apart and the edits at most half the shorter one
/// (`سميلوف`/`إسماعيلوف`: سملف/اسمعلف, two edits). `الخامس`/`السادس` (خمس/سدس) or
/// `السعدي`/`السيد` are too short to tell apart by spelling: different people.
fn close_surnames(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.strip_prefix("ال").filter(|r| !r.is_empty()).unwrap_or(s).to_string();
    let (a, b) = (strip(a), strip(b));
    let shorter = a.chars().count().min(b.chars().count());
    let d = edit_distance(&a, &b);
    shorter >= 4 && d <= 2 && 2 * d <= shorter
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The linker as it was before blocking: every pair of nodes, every rule.
    #[cfg(test)]
    fn link_reference(mentions: &[LinkInput]) -> Linked {
        let (nodes, node_of, index) = distinct_nodes(mentions);
        let n = nodes.len();
        let mut l = Linker { nodes, dsu: Dsu { parent: (0..n).collect() }, log: Vec::new(), suggest: Vec::new() };

        // 2. aliases
        for m in mentions {
            if let Some(target) = &m.alias_of {
                if let (Some(&a), Some(&b)) = (index.get(&(m.kind, m.key.clone())), index.get(&(m.kind, target.clone()))) {
                    l.join(a, b, LinkRule::Alias);
                }
            }
        }
        // 3–5. pairwise spelling rules
        for a in 0..n {
            for b in a + 1..n {
                let (na, nb) = (&l.nodes[a], &l.nodes[b]);
                if na.kind != nb.kind {
                    continue;
                }
                let joined_a: String = na.skeletons.concat();
                let whole = skeleton(&na.key.replace(' ', ""));
                let whole_b = skeleton(&nb.key.replace(' ', ""));
                if na.words.len() == nb.words.len() && na.skeletons == nb.skeletons && joined_a.chars().count() >= 3 {
                    let consonants = na.skeletons.join(" ");
                    l.join(a, b, LinkRule::Skeleton { consonants, joined: false });
                } else if na.kind != EntityType::Per && whole == whole_b && whole.chars().count() >= 3 {
                    let consonants = whole.clone();
                    l.join(a, b, LinkRule::Skeleton { consonants, joined: true });
                } else if na.kind == EntityType::Loc && ya_variant_reference(&na.key, &nb.key) {
                    l.join(a, b, LinkRule::Orthographic);
                } else if na.kind == EntityType::Per
                    && na.words.len() >= 2
                    && na.words.len() == nb.words.len()
                    && na.words[..na.words.len() - 1] == nb.words[..nb.words.len() - 1]
                {
                    let (sa, sb) = (na.skeletons.last().unwrap(), nb.skeletons.last().unwrap());
                    if close_surnames(sa, sb) {
                        l.join(a, b, LinkRule::SurnameVariant);
                    }
                }
            }
        }
        // 6. same surname, different given names, different articles.
        let full: Vec<usize> = (0..n).filter(|&i| l.nodes[i].kind == EntityType::Per && l.nodes[i].words.len() >= 2).collect();
        for (x, &a) in full.iter().enumerate() {
            for &b in &full[x + 1..] {
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
        }
        // 7. surname only.
        for a in 0..n {
            let na = &l.nodes[a];
            if na.kind != EntityType::Per || na.words.len() != 1 || na.key.chars().count() < 3 {
                continue;
            }
            let (word, sk) = (na.words[0].clone(), na.skeletons[0].clone());
            let owners: Vec<usize> = full
                .iter()
                .copied()
                .filter(|&b| {
                    let nb = &l.nodes[b];
                    !patronymic_last(&nb.words) && (nb.words.last() == Some(&word) || (sk.chars().count() >= 3 && nb.skeletons.last() == Some(&sk)))
                })
                .collect();
            let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
            if roots.len() == 1 {
                let b = owners[0];
                l.join(a, b, LinkRule::Surname);
            }
        }
        // 8. partial organisation names.
        for a in 0..n {
            let na = &l.nodes[a];
            if na.kind != EntityType::Org || na.words.len() < 2 {
                continue;
            }
            let owners: Vec<usize> = (0..n)
                .filter(|&b| {
                    let nb = &l.nodes[b];
                    b != a && nb.kind == EntityType::Org && nb.words.len() > na.words.len() && nb.words[0] == na.words[0] && is_subsequence(&na.words, &nb.words)
                })
                .collect();
            let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
            if roots.len() == 1 {
                let b = owners[0];
                l.join(a, b, LinkRule::PartialName);
            }
        }

        evidence_passes(&mut l);
        l.finish(mentions, &node_of)
    }

    #[cfg(test)]
    fn ya_variant_reference(a: &str, b: &str) -> bool {
        let strip = |s: &str| s.strip_suffix("يه").or_else(|| s.strip_suffix("يا")).map(str::to_string).unwrap_or_else(|| s.to_string());
        a != b && a.chars().count() >= 4 && b.chars().count() >= 4 && (strip(a) == strip(b))
    }

    /// A small deterministic generator (xorshift64*).
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn chance(&mut self, percent: usize) -> bool {
            self.below(100) < percent
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// A spelling variant of a word: vowels inserted or dropped, a letter doubled or changed, an
    /// ending `-يا`/`-يه` added or dropped.
    fn variant(rng: &mut Rng, word: &str) -> String {
        let mut chars: Vec<char> = word.chars().collect();
        for _ in 0..rng.below(3) {
            match rng.below(6) {
                0 | 1 => {
                    let at = 1 + rng.below(chars.len().max(1));
                    chars.insert(at.min(chars.len()), ['ا', 'ي', 'و'][rng.below(3)]);
                }
                2 => {
                    if let Some(i) = (1..chars.len()).find(|&i| matches!(chars[i], 'ا' | 'ي' | 'و')) {
                        chars.remove(i);
                    }
                }
                3 => {
                    let i = rng.below(chars.len());
                    chars.insert(i, chars[i]);
                }
                4 => {
                    let i = rng.below(chars.len());
                    chars[i] = ['س', 'ف', 'ل', 'ك', 'ه'][rng.below(5)];
                }
                _ => {
                    let s: String = chars.iter().collect();
                    let s = match rng.below(3) {
                        0 => format!("{s}يا"),
                        1 => format!("{s}يه"),
                        _ => s.strip_suffix("يا").or_else(|| s.strip_suffix("يه")).unwrap_or(&s).to_string(),
                    };
                    chars = s.chars().collect();
                }
            }
        }
        if chars.is_empty() {
            word.to_string()
        } else {
            chars.into_iter().collect()
        }
    }

    const KINDS: [EntityType; 4] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Misc];
    const GIVEN: [&str; 7] = ["قاسم", "جومرت", "علي", "خان", "محمد", "نور", "ان"];
    const SURNAMES: [&str; 7] = ["توكايف", "نزربايف", "اسماعيلوف", "سميلوف", "بوتين", "لي", "عليف"];
    const PLACES: [&str; 12] = ["سوريا", "سوريه", "بيلاروس", "روسيا", "ليبيا", "كوريه", "الماتا", "الما اتا", "نور سلطان", "كزخستان", "ماه", "رس"];
    const HEADS: [&str; 3] = ["منظمه", "حلف", "وزاره"];
    const ORG_WORDS: [&str; 6] = ["معاهده", "الامن", "الجماعي", "شمال", "الاطلسي", "الخارجيه"];

    /// A name of the given type, built to collide often with the other names of a run.
    fn name(rng: &mut Rng, kind: EntityType) -> String {
        let mut words: Vec<String> = match (kind, rng.below(4)) {
            (EntityType::Per, 0) => vec![rng.pick(&SURNAMES).to_string()],
            (EntityType::Per, 1) => vec![rng.pick(&GIVEN).to_string()],
            (EntityType::Per, _) => {
                let mut w: Vec<String> = (0..1 + rng.below(2)).map(|_| rng.pick(&GIVEN).to_string()).collect();
                w.push(rng.pick(&SURNAMES).to_string());
                w
            }
            (EntityType::Org, 0) => vec![rng.pick(&ORG_WORDS).to_string()],
            (EntityType::Org, _) => {
                let mut w = vec![rng.pick(&HEADS).to_string()];
                w.extend(ORG_WORDS.iter().filter(|_| rng.chance(40)).map(|s| s.to_string()));
                w
            }
            (EntityType::Loc, 0 | 1) => {
                // A place name with its ending swapped: -يا, -يه or none.
                let place = rng.pick(&PLACES);
                let stem = place.strip_suffix("يا").or_else(|| place.strip_suffix("يه")).unwrap_or(place);
                vec![[stem, &format!("{stem}يا"), &format!("{stem}يه")][rng.below(3)].to_string()]
            }
            _ => {
                let all: Vec<&str> = PLACES.iter().chain(&SURNAMES).chain(&GIVEN).copied().collect();
                rng.pick(&all).split(' ').map(str::to_string).collect()
            }
        };
        // Spelling variants, of the surname mostly; sometimes two words run together.
        let last = words.len() - 1;
        for (i, w) in words.iter_mut().enumerate() {
            if rng.chance(if i == last { 50 } else { 20 }) {
                *w = variant(rng, w);
            }
        }
        if words.len() >= 2 && rng.chance(15) {
            let i = rng.below(words.len() - 1);
            let w = words.remove(i + 1);
            words[i].push_str(&w);
        }
        words.join(" ")
    }

    fn inputs(seed: u64) -> Vec<LinkInput> {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let pool: Vec<(EntityType, String)> = (0..40 + rng.below(80))
            .map(|_| {
                let kind = if rng.chance(50) { EntityType::Per } else { KINDS[rng.below(4)] };
                (kind, name(&mut rng, kind))
            })
            .collect();
        let docs = 1 + rng.below(8);
        (0..50 + rng.below(200))
            .map(|_| {
                let (kind, key) = pool[rng.below(pool.len())].clone();
                let surface = match rng.below(4) {
                    0 => format!("أ{key}"),
                    1 => format!("{key}ـ"),
                    _ => key.clone(),
                };
                let doc = rng.below(docs);
                if rng.chance(5) {
                    // An acronym in brackets after a name, of this type or (rarely) of another.
                    let (target_kind, target) = pool[rng.below(pool.len())].clone();
                    let kind = if rng.chance(80) { target_kind } else { kind };
                    let key = ["csto", "ناتو", "un"][rng.below(3)].to_string();
                    return LinkInput { doc, kind, surface: key.to_uppercase(), key, alias_of: Some(target) };
                }
                LinkInput { doc, kind, key, surface, alias_of: None }
            })
            .collect()
    }

    #[test]
    fn blocking_links_as_every_pair_would() {
        let mut rules: BTreeMap<String, usize> = BTreeMap::new();
        let mut one_word_skeletons = 0;
        let mut suggested = 0;
        for seed in 0..400 {
            let mentions = inputs(seed);
            let expected = link_reference(&mentions);
            let got = link(&mentions);
            assert_eq!(got.group_of_mention, expected.group_of_mention, "seed {seed}: groups of mentions");
            assert_eq!(got.groups, expected.groups, "seed {seed}: number of groups");
            assert_eq!(got.reasons, expected.reasons, "seed {seed}: reasons");
            assert_eq!(got, expected, "seed {seed}");
            suggested += expected.suggestions.len();
            for r in expected.reasons.iter().flatten() {
                *rules.entry(r.rule.code().to_string()).or_default() += 1;
                one_word_skeletons += usize::from(matches!(r.rule, LinkRule::Skeleton { joined: true, .. }));
            }
        }
        // The generated names exercise every rule, so a missed candidate pair would show.
        for rule in ["same_normalized", "alias", "skeleton", "orthographic", "surname_variant", "part_of_name", "surname", "partial_name"] {
            assert!(rules.get(rule).copied().unwrap_or(0) >= 20, "rule {rule} too rare in the generated inputs: {rules:?}");
        }
        assert!(one_word_skeletons >= 20, "one-word skeletons too rare: {one_word_skeletons}");
        // Names that differ only in the given name are suggested, never linked.
        assert!(suggested >= 20, "suggestions too rare: {suggested}");
    }
}

#[cfg(test)]
mod surname_tests {
    use super::*;
    use crate::normalize::normalize;

    fn close(a: &str, b: &str) -> bool {
        close_surnames(&skeleton(&normalize(a)), &skeleton(&normalize(b)))
    }

    #[test]
    fn surname_spellings_link_but_short_different_names_do_not() {
        let (a, b) = (skeleton(&normalize("سميلوف")), skeleton(&normalize("إسماعيلوف")));
        assert!(close("سميلوف", "إسماعيلوف"), "{a} {b} {}", edit_distance(&a, &b));
        assert!(close("نزارباييف", "نزاربايف"));
        assert!(!close("الخامس", "السادس"));
        assert!(!close("السعدي", "السيد"));
        assert!(!close("الفايد", "الفاتح"));
        assert!(!close("الشافعي", "السعدي"));
    }

    #[test]
    fn people_sharing_a_common_given_name_stay_apart() {
        let m = |doc, key: &str| LinkInput { doc, kind: EntityType::Per, key: normalize(key), surface: key.into(), alias_of: None };
        let l = link(&[m(0, "محمد الخامس"), m(1, "محمد السادس"), m(2, "محمد الفايد"), m(3, "محمد الفاتح"), m(4, "علي خان سميلوف"), m(5, "علي خان إسماعيلوف")]);
        assert_eq!(l.groups, 5, "{:?}", l.group_of_mention);
        assert_eq!(l.group_of_mention[4], l.group_of_mention[5]);
    }
}
