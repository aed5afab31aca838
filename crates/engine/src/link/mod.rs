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
//!    each other on the skeleton (`علي خان إسماعيلوف`/`علي خان سميلوف`);
//! 6. `given_name_differs`: full names of people with the same surname and different given names
//!    in *different* articles (outlets disagree on the first name); never when both full names
//!    occur in one article (two relatives are two people);
//! 7. `surname`: a one-word name equal (by skeleton) to the surname of full names that all belong
//!    to one entity;
//! 8. `partial_name`: an organisation name whose words are a subsequence of a longer one's with
//!    the same head word (`منظمة الأمن الجماعي` ⊂ `منظمة معاهدة الأمن الجماعي`).
//!
//! Different types are never grouped: the city `نور سلطان` is not the person `نور سلطان نزارباييف`.

pub mod skeleton;

use crate::model::{EntityType, LinkReason};
use skeleton::{edit_distance, skeleton};
use std::collections::{BTreeMap, BTreeSet};

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

/// The result: a group index per mention and the reasons, per group.
#[derive(Debug, Clone)]
pub struct Linked {
    pub group_of_mention: Vec<usize>,
    pub groups: usize,
    pub reasons: Vec<Vec<LinkReason>>,
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
    log: Vec<(usize, usize, &'static str, String)>,
}

impl Linker {
    fn join(&mut self, a: usize, b: usize, rule: &'static str, detail: String) {
        if self.nodes[a].kind == self.nodes[b].kind && self.dsu.union(a, b) {
            self.log.push((a, b, rule, detail));
        }
    }
}

fn ya_variant(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.strip_suffix("يه").or_else(|| s.strip_suffix("يا")).map(str::to_string).unwrap_or_else(|| s.to_string());
    a != b && a.chars().count() >= 4 && b.chars().count() >= 4 && (strip(a) == strip(b))
}

/// Link mentions into groups.
pub fn link(mentions: &[LinkInput]) -> Linked {
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
    let n = nodes.len();
    let mut l = Linker { nodes, dsu: Dsu { parent: (0..n).collect() }, log: Vec::new() };

    // 2. aliases
    for m in mentions {
        if let Some(target) = &m.alias_of {
            if let (Some(&a), Some(&b)) = (index.get(&(m.kind, m.key.clone())), index.get(&(m.kind, target.clone()))) {
                let detail = format!("«{}» is written in brackets right after «{}»", l.nodes[a].surface, l.nodes[b].surface);
                l.join(a, b, "alias", detail);
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
                let d = format!("«{}» and «{}» have the same consonants ({})", na.surface, nb.surface, na.skeletons.join(" "));
                l.join(a, b, "skeleton", d);
            } else if na.kind != EntityType::Per && whole == whole_b && whole.chars().count() >= 3 {
                let d = format!("«{}» and «{}» have the same consonants ({whole}) when written as one word", na.surface, nb.surface);
                l.join(a, b, "skeleton", d);
            } else if na.kind == EntityType::Loc && ya_variant(&na.key, &nb.key) {
                let d = format!("«{}» and «{}» differ only in the ending -ya/-iya", na.surface, nb.surface);
                l.join(a, b, "orthographic", d);
            } else if na.kind == EntityType::Per
                && na.words.len() >= 2
                && na.words.len() == nb.words.len()
                && na.words[..na.words.len() - 1] == nb.words[..nb.words.len() - 1]
            {
                let (sa, sb) = (na.skeletons.last().unwrap(), nb.skeletons.last().unwrap());
                if sa.chars().count() >= 4 && sb.chars().count() >= 4 && edit_distance(sa, sb) <= 2 {
                    let d = format!("«{}» and «{}» share the given names and their surnames differ by at most two letters", na.surface, nb.surface);
                    l.join(a, b, "surname_variant", d);
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
                let d = format!("«{}» and «{}» share the surname in different articles; the given names differ", na.surface, nb.surface);
                l.join(a, b, "given_name_differs", d);
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
                nb.words.last() == Some(&word) || (sk.chars().count() >= 3 && nb.skeletons.last() == Some(&sk))
            })
            .collect();
        let roots: BTreeSet<usize> = owners.iter().map(|&b| l.dsu.find(b)).collect();
        if roots.len() == 1 {
            let b = owners[0];
            let d = format!("«{}» is the surname of «{}»", l.nodes[a].surface, l.nodes[b].surface);
            l.join(a, b, "surname", d);
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
            let d = format!("the words of «{}» all appear, in order, in «{}»", l.nodes[a].surface, l.nodes[b].surface);
            l.join(a, b, "partial_name", d);
        }
    }

    // Groups, numbered in order of first mention.
    let mut group_ids: BTreeMap<usize, usize> = BTreeMap::new();
    let mut group_of_mention = Vec::with_capacity(mentions.len());
    for &node in &node_of {
        let root = l.dsu.find(node);
        let next = group_ids.len();
        group_of_mention.push(*group_ids.entry(root).or_insert(next));
    }
    let groups = group_ids.len();
    let mut reasons = vec![Vec::new(); groups];
    // Same matching form, different spellings.
    let mut spellings: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (m, &node) in mentions.iter().zip(&node_of) {
        spellings.entry(node).or_default().insert(m.surface.as_str());
    }
    for (node, set) in &spellings {
        let first = set.iter().next().copied().unwrap_or_default();
        for other in set.iter().skip(1) {
            let g = group_ids[&l.dsu.find(*node)];
            reasons[g].push(LinkReason {
                variant: other.to_string(),
                to: first.to_string(),
                rule: "same_normalized".into(),
                detail: format!("«{other}» and «{first}» are the same once hamza, alef, yeh and teh marbuta forms, diacritics, proclitics and hyphens are normalised"),
            });
        }
    }
    let log = std::mem::take(&mut l.log);
    for (a, b, rule, detail) in log {
        let g = group_ids[&l.dsu.find(a)];
        reasons[g].push(LinkReason { variant: l.nodes[a].surface.clone(), to: l.nodes[b].surface.clone(), rule: rule.into(), detail });
    }
    Linked { group_of_mention, groups, reasons }
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}
