//! A story's analysis scored against its gold file.
//!
//! **Mentions**: a found mention is correct when its article, start, end and type equal a gold
//! mention's (exact match, as conlleval); precision, recall and F1 overall and per type.
//!
//! **Linking** is scored on the mentions found with the right span (whatever their type), so that
//! it measures the grouping, not the recognition: B³ (per mention, the overlap of its gold
//! entity and its found entity) and CEAF-e (entities aligned one to one by their similarity
//! 2|K∩R|/(|K|+|R|), the alignment that maximises the total, found by the Hungarian method).
//!
//! **Entities kept whole**: of the gold entities with two or more mentions found, the share
//! whose found mentions all went to one entity. **Apart pairs respected**: of the gold pairs of
//! entities that must stay apart and both have a mention found, the share that no found entity
//! joins.
//!
//! **Errors**, each with the article, offsets, text and context: missed, spurious, wrong type
//! (same span), wrong boundary (overlapping, same type), wrongly merged (one found entity holds
//! mentions of several gold entities), wrongly split (one gold entity spread over several found
//! entities).

use super::gold::Gold;
use crate::model::{Analysis, DocumentAnalysis, EntityType};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Counts for precision and recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prf {
    pub correct: usize,
    pub found: usize,
    pub gold: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        harmonic(self.precision(), self.recall())
    }
}

/// Counts pooled: of two stories, of the types of one.
impl std::ops::AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        self.correct += o.correct;
        self.found += o.found;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Precision, recall and F1 of a linking metric.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Link {
    pub precision: f64,
    pub recall: f64,
}

impl Link {
    pub fn f1(&self) -> f64 {
        harmonic(self.precision, self.recall)
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    Missed,
    Spurious,
    /// The right span with the wrong type.
    WrongType { gold: EntityType, found: EntityType },
    /// The same type, a span that overlaps the gold one: the found span is `found`.
    Boundary { found: (usize, usize), found_text: String },
    /// One found entity holds mentions of these gold entities.
    WronglyMerged { found_entity: String, gold_entities: Vec<String> },
    /// One gold entity is spread over these found entities.
    WronglySplit { gold_entity: String, found_entities: Vec<String> },
}

/// One error, at a place in an article (for a merge or split: one of the mentions concerned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub file: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The text around it, on one line.
    pub context: String,
}

/// Every figure for one story.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoryScores {
    pub mentions: Prf,
    pub per_type: Vec<(EntityType, Prf)>,
    pub b3: Link,
    pub ceafe: Link,
    /// Gold entities whose found mentions all went to one entity, of those with two or more
    /// mentions found.
    pub kept_whole: (usize, usize),
    /// Apart pairs that no found entity joins, of those with mentions of both found.
    pub apart_respected: (usize, usize),
    /// Gold articles with no article of the same file in the analysis.
    pub missing_files: Vec<String>,
    pub errors: Vec<Error>,
    /// Per article with an outlet in the gold file: (file, gold outlet, the outlet the text
    /// names itself by if found, whether the two agree).
    pub outlets: Vec<(String, String, Option<String>, bool)>,
}

impl StoryScores {
    pub fn kept_whole_share(&self) -> f64 {
        if self.kept_whole.1 == 0 {
            1.0
        } else {
            ratio(self.kept_whole.0, self.kept_whole.1)
        }
    }
}

/// A mention, from either side: (document, start, end, type, entity).
#[derive(Debug, Clone)]
struct M {
    doc: usize,
    start: usize,
    end: usize,
    kind: EntityType,
    entity: String,
    text: String,
}

fn context(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let a = start.saturating_sub(40);
    let b = (end + 40).min(chars.len());
    let s: String = chars[a..start.min(chars.len())].iter().collect();
    let m: String = chars[start.min(chars.len())..end.min(chars.len())].iter().collect();
    let e: String = chars[end.min(chars.len())..b].iter().collect();
    format!("…{s}[{m}]{e}…").replace(['\n', '\r'], " ")
}

/// Score `analysis` against `gold`. Gold articles are matched to analysed ones by file name.
/// Whether an outlet's name found in a text is the gold file's (`الاسم (Latin)`): one contains
/// the other, in matching form, for either of the gold's names.
fn same_outlet(found: &str, gold: &str) -> bool {
    let f = crate::normalize::normalize(found);
    let strip = |s: &str| s.strip_prefix("ال").map(str::to_string).unwrap_or_else(|| s.to_string());
    gold.split(['(', ')']).map(|g| crate::normalize::normalize(g.trim())).filter(|g| !g.is_empty()).any(|g| g.contains(&f) || f.contains(&g) || strip(&g) == strip(&f))
}

pub fn score(analysis: &Analysis, gold: &Gold) -> StoryScores {
    let mut out = StoryScores::default();
    let by_file: HashMap<&str, &DocumentAnalysis> = analysis.documents.iter().map(|d| (d.file.as_str(), d)).collect();
    let mut texts: Vec<&str> = Vec::new();
    let mut files: Vec<&str> = Vec::new();
    let mut gold_m: Vec<M> = Vec::new();
    let mut found_m: Vec<M> = Vec::new();
    for gd in &gold.documents {
        let Some(d) = by_file.get(gd.file.as_str()) else {
            out.missing_files.push(gd.file.clone());
            continue;
        };
        if !gd.outlet.is_empty() {
            let guess = d.outlet_guess.as_ref().map(|g| g.name.clone());
            let right = guess.as_deref().is_some_and(|g| same_outlet(g, &gd.outlet));
            out.outlets.push((gd.file.clone(), gd.outlet.clone(), guess, right));
        }
        let i = texts.len();
        texts.push(&d.text);
        files.push(&gd.file);
        gold_m.extend(gd.mentions.iter().map(|m| M { doc: i, start: m.start, end: m.end, kind: m.kind, entity: m.entity.clone(), text: m.text.clone() }));
        found_m.extend(d.mentions.iter().map(|m| M { doc: i, start: m.start, end: m.end, kind: m.kind, entity: m.entity.clone(), text: m.text.clone() }));
    }
    let err = |kind: ErrorKind, m: &M| Error { kind, file: files[m.doc].to_string(), start: m.start, end: m.end, text: m.text.clone(), context: context(texts[m.doc], m.start, m.end) };

    // Mentions.
    let span = |m: &M| (m.doc, m.start, m.end);
    let found_by_span: HashMap<(usize, usize, usize), usize> = found_m.iter().enumerate().map(|(i, m)| (span(m), i)).collect();
    let mut per_type: BTreeMap<EntityType, Prf> = EntityType::ALL.iter().map(|&k| (k, Prf::default())).collect();
    for m in &gold_m {
        per_type.entry(m.kind).or_default().gold += 1;
    }
    for m in &found_m {
        per_type.entry(m.kind).or_default().found += 1;
    }
    let mut matched_found = vec![false; found_m.len()];
    for g in &gold_m {
        match found_by_span.get(&span(g)) {
            Some(&f) if found_m[f].kind == g.kind => {
                per_type.entry(g.kind).or_default().correct += 1;
                matched_found[f] = true;
            }
            Some(&f) => {
                matched_found[f] = true;
                out.errors.push(err(ErrorKind::WrongType { gold: g.kind, found: found_m[f].kind }, g));
            }
            None => {
                let overlap = found_m.iter().enumerate().find(|(_, f)| f.doc == g.doc && f.kind == g.kind && f.start < g.end && g.start < f.end);
                match overlap {
                    Some((i, f)) => {
                        matched_found[i] = true;
                        out.errors.push(err(ErrorKind::Boundary { found: (f.start, f.end), found_text: f.text.clone() }, g));
                    }
                    None => out.errors.push(err(ErrorKind::Missed, g)),
                }
            }
        }
    }
    for (i, f) in found_m.iter().enumerate() {
        if !matched_found[i] {
            out.errors.push(err(ErrorKind::Spurious, f));
        }
    }
    out.per_type = per_type.into_iter().collect();
    for (_, p) in &out.per_type {
        out.mentions += *p;
    }

    // Linking, on the mentions found with the right span.
    let pairs: Vec<(usize, usize)> = gold_m.iter().enumerate().filter_map(|(g, m)| found_by_span.get(&span(m)).map(|&f| (g, f))).collect();
    let mut key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut response: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, &(g, f)) in pairs.iter().enumerate() {
        key.entry(gold_m[g].entity.as_str()).or_default().push(n);
        response.entry(found_m[f].entity.as_str()).or_default().push(n);
    }
    if !pairs.is_empty() {
        let kof: Vec<&str> = pairs.iter().map(|&(g, _)| gold_m[g].entity.as_str()).collect();
        let rof: Vec<&str> = pairs.iter().map(|&(_, f)| found_m[f].entity.as_str()).collect();
        let (mut p, mut r) = (0.0, 0.0);
        for n in 0..pairs.len() {
            let k = &key[kof[n]];
            let rs = &response[rof[n]];
            let both = k.iter().filter(|x| rof[**x] == rof[n]).count() as f64;
            p += both / rs.len() as f64;
            r += both / k.len() as f64;
        }
        out.b3 = Link { precision: p / pairs.len() as f64, recall: r / pairs.len() as f64 };
        let ks: Vec<BTreeSet<usize>> = key.values().map(|v| v.iter().copied().collect()).collect();
        let rs: Vec<BTreeSet<usize>> = response.values().map(|v| v.iter().copied().collect()).collect();
        let sim: Vec<Vec<f64>> = ks.iter().map(|k| rs.iter().map(|r| 2.0 * k.intersection(r).count() as f64 / (k.len() + r.len()) as f64).collect()).collect();
        let total = max_assignment(&sim);
        out.ceafe = Link { precision: total / rs.len() as f64, recall: total / ks.len() as f64 };
        // Kept whole / wrongly split.
        for (entity, members) in &key {
            if members.len() < 2 {
                continue;
            }
            let found: BTreeSet<&str> = members.iter().map(|&n| rof[n]).collect();
            out.kept_whole.1 += 1;
            if found.len() == 1 {
                out.kept_whole.0 += 1;
            } else {
                let first = &gold_m[pairs[members[0]].0];
                out.errors.push(err(ErrorKind::WronglySplit { gold_entity: entity.to_string(), found_entities: found.iter().map(|s| s.to_string()).collect() }, first));
            }
        }
        // Wrongly merged.
        for (entity, members) in &response {
            let golds: BTreeSet<&str> = members.iter().map(|&n| kof[n]).collect();
            if golds.len() > 1 {
                let first = &found_m[pairs[members[0]].1];
                out.errors.push(err(ErrorKind::WronglyMerged { found_entity: entity.to_string(), gold_entities: golds.iter().map(|s| s.to_string()).collect() }, first));
            }
        }
        // Apart pairs.
        for [a, b] in &gold.apart {
            let of = |e: &str| -> BTreeSet<&str> { key.get(e).map(|v| v.iter().map(|&n| rof[n]).collect()).unwrap_or_default() };
            let (fa, fb) = (of(a), of(b));
            if fa.is_empty() || fb.is_empty() {
                continue;
            }
            out.apart_respected.1 += 1;
            if fa.is_disjoint(&fb) {
                out.apart_respected.0 += 1;
            }
        }
    }
    crate::sort::by(&mut out.errors, |a, b| (&a.file, a.start, a.end).cmp(&(&b.file, b.start, b.end)));
    out
}

/// The largest total of `w[i][j]` over a one-to-one assignment of rows to columns (a row or
/// column may stay unassigned: weights are not negative). The Hungarian method, O(n³).
pub fn max_assignment(w: &[Vec<f64>]) -> f64 {
    let rows = w.len();
    let cols = w.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return 0.0;
    }
    // Minimise cost = max − weight on an n × n matrix padded with zeros (weight 0).
    let top = w.iter().flatten().fold(0.0f64, |a, &b| a.max(b));
    let cost = |i: usize, j: usize| top - if i < rows && j < cols { w[i][j] } else { 0.0 };
    let inf = f64::INFINITY;
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n).filter(|&j| p[j] >= 1 && p[j] <= rows && j <= cols).map(|j| w[p[j] - 1][j - 1]).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::{GoldDocument, GoldMention};
    use crate::model::{Mention, SCHEMA};

    #[test]
    fn assignment_is_optimal() {
        assert_eq!(max_assignment(&[]), 0.0);
        let w = vec![vec![0.9, 0.8], vec![0.85, 0.1]];
        assert!((max_assignment(&w) - 1.65).abs() < 1e-9);
        let rect = vec![vec![0.2, 0.7, 0.1]];
        assert!((max_assignment(&rect) - 0.7).abs() < 1e-9);
        let tall = vec![vec![0.5], vec![0.6], vec![0.1]];
        assert!((max_assignment(&tall) - 0.6).abs() < 1e-9);
    }

    fn gm(text: &str, needle: &str, nth: usize, kind: EntityType, entity: &str) -> GoldMention {
        let b = text.match_indices(needle).nth(nth).unwrap().0;
        let start = text[..b].chars().count();
        GoldMention { start, end: start + needle.chars().count(), kind, entity: entity.into(), text: needle.into() }
    }

    fn found(g: &GoldMention, kind: EntityType, entity: &str) -> Mention {
        Mention { start: g.start, end: g.end, kind, entity: entity.into(), text: g.text.clone(), byte_start: 0, byte_end: 0, by_user: false }
    }

    /// A hand-counted fixture. Gold: PER أحمد ×2 and محمد ×1 (different people), LOC بغداد,
    /// ORG وزارة الصحة. Found: أحمد ×2 but split into two entities, محمد merged with the second
    /// أحمد, بغداد as ORG, الصحة (boundary), and a spurious LOC قال.
    #[test]
    fn hand_counted_fixture() {
        use EntityType::*;
        let text = "قال أحمد في بغداد إن وزارة الصحة ستعمل، وأكد أحمد ومحمد ذلك.";
        let g = vec![
            gm(text, "أحمد", 0, Per, "per-ahmad"),
            gm(text, "بغداد", 0, Loc, "loc-baghdad"),
            gm(text, "وزارة الصحة", 0, Org, "org-health"),
            gm(text, "أحمد", 1, Per, "per-ahmad"),
            gm(text, "محمد", 0, Per, "per-mohammed"),
        ];
        let mut health = gm(text, "الصحة", 0, Org, "x");
        health.entity = "org-sahha".into();
        let spurious = gm(text, "قال", 0, Loc, "x");
        let mentions = vec![
            found(&spurious, Loc, "loc-qal"),
            found(&g[0], Per, "per-a1"),
            found(&g[1], Org, "org-baghdad"),
            found(&health, Org, "org-sahha"),
            found(&g[3], Per, "per-a2"),
            found(&g[4], Per, "per-a2"),
        ];
        let analysis = Analysis {
            schema: SCHEMA.into(),
            documents: vec![DocumentAnalysis { id: "d".into(), file: "d.txt".into(), title: String::new(), outlet: String::new(), date: String::new(), text: text.into(), mentions, boilerplate: vec![], outlet_guess: None, sentences: vec![] }],
            entities: vec![],
            facts: vec![],
            quotes: vec![],
            wire: vec![],
            reuse: Default::default(),
            suggestions: vec![],
        };
        let gold = Gold {
            schema: super::super::gold::GOLD_SCHEMA.into(),
            story: "s".into(),
            documents: vec![GoldDocument { file: "d.txt".into(), outlet: String::new(), date: String::new(), url: String::new(), chars: text.chars().count(), sha256: String::new(), mentions: g }],
            apart: vec![["per-ahmad".into(), "per-mohammed".into()], ["per-ahmad".into(), "loc-baghdad".into()]],
        };
        gold.check(&[text]).unwrap();
        let s = score(&analysis, &gold);
        // Exact: أحمد, أحمد, محمد correct (3 of 6 found, 3 of 5 gold).
        assert_eq!(s.mentions, Prf { correct: 3, found: 6, gold: 5 });
        let per: HashMap<EntityType, Prf> = s.per_type.iter().copied().collect();
        assert_eq!(per[&Per], Prf { correct: 3, found: 3, gold: 3 });
        assert_eq!(per[&Loc], Prf { correct: 0, found: 1, gold: 1 });
        assert_eq!(per[&Org], Prf { correct: 0, found: 2, gold: 1 });
        // Linking on the four right spans: أحمد₁ (a1), بغداد (baghdad), أحمد₂ (a2), محمد (a2).
        // B³ precision: 1 + 1 + 1/2 + 1/2 = 3 → 3/4; recall: 1/2 + 1 + 1/2 + 1 = 3 → 3/4.
        assert!((s.b3.precision - 0.75).abs() < 1e-9 && (s.b3.recall - 0.75).abs() < 1e-9, "{:?}", s.b3);
        // CEAF-e: key {a1,a2}{b}{m}, response {a1}{b}{a2,m}: best = ahmad↔a1 (2/3) + b↔b (1)
        // + mohammed↔a2m (2/3) = 7/3; over 3 response and 3 key entities.
        assert!((s.ceafe.precision - 7.0 / 9.0).abs() < 1e-9, "{:?}", s.ceafe);
        assert_eq!(s.kept_whole, (0, 1));
        assert_eq!(s.apart_respected, (1, 2));
        let kinds: Vec<&ErrorKind> = s.errors.iter().map(|e| &e.kind).collect();
        assert!(kinds.contains(&&ErrorKind::Spurious));
        assert!(kinds.contains(&&ErrorKind::WrongType { gold: Loc, found: Org }));
        assert!(kinds.iter().any(|k| matches!(k, ErrorKind::Boundary { found_text, .. } if found_text == "الصحة")));
        assert!(kinds.iter().any(|k| matches!(k, ErrorKind::WronglySplit { gold_entity, .. } if gold_entity == "per-ahmad")));
        assert!(kinds.iter().any(|k| matches!(k, ErrorKind::WronglyMerged { found_entity, .. } if found_entity == "per-a2")));
        assert_eq!(s.errors.len(), 5);
        assert!(s.errors.iter().all(|e| e.context.contains('[')));
    }
}
