//! Who appears with whom: entities named in the same sentence, across all the articles, and a
//! layout to draw them by. Data only: the app draws it and words it.
//!
//! Rules:
//! - Two entities co-occur when one sentence of one article holds a mention of each, outside
//!   site boilerplate; a sentence counts once for a pair, however often it names them.
//! - Sentences: the analysis' sentence spans; an analysis without them (read back from JSON)
//!   goes by lines.
//! - Nodes: of the candidate entities (the app passes the comparison's rows, so its type and
//!   text filters apply), those that co-occur with another candidate, most articles first, then
//!   most mentions, then the candidates' order; at most `max`. Edges: between nodes, with their
//!   number of sentences.
//! - Layout: force-directed (Fruchterman and Reingold 1991) with a fixed number of rounds and
//!   a cooling step, lines pulling harder the more sentences they stand for (up to four),
//!   a pull of every node towards the middle (so that parts no line joins stay near the rest),
//!   starting from a grid in the nodes' order: no randomness, so the same
//!   analysis always gives the same picture. Positions are whole numbers in
//!   `0..=`[`SIZE`] on both axes.

use crate::model::Analysis;
use std::collections::BTreeMap;

/// The layout's square, in its own units.
pub const SIZE: u32 = 1000;

/// Rounds of the layout.
const ROUNDS: usize = 250;

/// How strongly every node is pulled towards the middle (per unit of distance).
const GRAVITY: f64 = 3.0;

/// One entity in the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Index into `Analysis::entities`.
    pub entity: usize,
    /// Articles that name it.
    pub articles: usize,
    /// Its mentions, outside boilerplate.
    pub mentions: usize,
    pub x: u32,
    pub y: u32,
}

/// Two nodes named together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// Indices into `Graph::nodes`, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Sentences that name both.
    pub sentences: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The co-occurrence graph of `candidates` (indices into `a.entities`), at most `max` nodes.
pub fn graph(a: &Analysis, candidates: &[usize], max: usize) -> Graph {
    let index: std::collections::HashMap<&str, usize> = candidates.iter().map(|&e| (a.entities[e].id.as_str(), e)).collect();
    let mut mentions: BTreeMap<usize, usize> = BTreeMap::new();
    // A pair (x, y) of entities is the key x·n + y: the same order, and one map type fewer in the
    // page's code.
    let n_entities = a.entities.len().max(1);
    let mut pairs: BTreeMap<usize, usize> = BTreeMap::new();
    for d in &a.documents {
        // Sentence spans: the analysis' (bytes, against a mention's byte offset), else the
        // lines (code points, against its code point offset).
        let by_bytes = !d.sentences.is_empty();
        let spans: Vec<(usize, usize)> = if by_bytes {
            d.sentences.clone()
        } else {
            let mut at = 0;
            d.text
                .split('\n')
                .map(|line| {
                    let n = line.chars().count();
                    at += n + 1;
                    (at - n - 1, at - 1)
                })
                .collect()
        };
        let mut sentence: Vec<usize> = Vec::new();
        let mut current = usize::MAX;
        let mut flush = |sentence: &mut Vec<usize>| {
            crate::sort::natural(sentence);
            sentence.dedup();
            for (i, &x) in sentence.iter().enumerate() {
                for &y in &sentence[i + 1..] {
                    *pairs.entry(x * n_entities + y).or_default() += 1;
                }
            }
            sentence.clear();
        };
        for m in &d.mentions {
            let Some(&e) = index.get(m.entity.as_str()) else { continue };
            if d.boilerplate.iter().any(|b| b.start <= m.start && m.start < b.end) {
                continue;
            }
            *mentions.entry(e).or_default() += 1;
            let key = if by_bytes { m.byte_start } else { m.start };
            let s = spans.partition_point(|&(_, end)| end <= key);
            if s != current {
                flush(&mut sentence);
                current = s;
            }
            sentence.push(e);
        }
        flush(&mut sentence);
    }
    // The nodes: candidates with an edge, ranked.
    let linked: std::collections::HashSet<usize> = pairs.keys().flat_map(|&k| [k / n_entities, k % n_entities]).collect();
    let order: std::collections::HashMap<usize, usize> = candidates.iter().enumerate().map(|(i, &e)| (e, i)).collect();
    let articles = |e: usize| a.entities[e].documents.values().filter(|&&c| c > 0).count();
    let mut ranked: Vec<usize> = candidates.iter().copied().filter(|e| linked.contains(e)).collect();
    crate::sort::by_key(&mut ranked, |&e| (std::cmp::Reverse(articles(e)), std::cmp::Reverse(mentions.get(&e).copied().unwrap_or(0)), order[&e]));
    ranked.truncate(max);
    let at: std::collections::HashMap<usize, usize> = ranked.iter().enumerate().map(|(i, &e)| (e, i)).collect();
    let mut edges: Vec<Edge> = Vec::new();
    for (&k, &n) in &pairs {
        let (x, y) = (k / n_entities, k % n_entities);
        if let (Some(&i), Some(&j)) = (at.get(&x), at.get(&y)) {
            edges.push(Edge { a: i.min(j), b: i.max(j), sentences: n });
        }
    }
    let positions = layout(ranked.len(), &edges);
    let nodes = ranked
        .iter()
        .zip(positions)
        .map(|(&e, (x, y))| Node { entity: e, articles: articles(e), mentions: mentions.get(&e).copied().unwrap_or(0), x, y })
        .collect();
    Graph { nodes, edges }
}

/// Fruchterman–Reingold in the unit square, then scaled to `0..=SIZE` with a margin.
fn layout(n: usize, edges: &[Edge]) -> Vec<(u32, u32)> {
    if n == 0 {
        return Vec::new();
    }
    // Start on a grid in the nodes' order, each row shifted a little (no trigonometry: its code
    // would cost the web page more than the whole layout).
    let cols = (1..=n).find(|c| c * c >= n).unwrap_or(1);
    let mut p: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let (c, r) = ((i % cols) as f64, (i / cols) as f64);
            let shift = if (i / cols) % 2 == 1 { 0.5 } else { 0.0 };
            ((c + 0.5 + shift * 0.5) / cols as f64, (r + 0.5) / cols as f64)
        })
        .collect();
    let k = (1.0 / n as f64).sqrt() * 1.3;
    let mut heat = 0.1;
    for _ in 0..ROUNDS {
        let mut d = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (p[i].0 - p[j].0, p[i].1 - p[j].1);
                let dist = (dx * dx + dy * dy).sqrt().max(1e-3);
                let f = k * k / dist;
                let (fx, fy) = (dx / dist * f, dy / dist * f);
                d[i].0 += fx;
                d[i].1 += fy;
                d[j].0 -= fx;
                d[j].1 -= fy;
            }
        }
        for e in edges {
            let (dx, dy) = (p[e.a].0 - p[e.b].0, p[e.a].1 - p[e.b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = dist * dist / k * (1.0 + e.sentences.min(4) as f64 / 2.0);
            let (fx, fy) = (dx / dist * f, dy / dist * f);
            d[e.a].0 -= fx;
            d[e.a].1 -= fy;
            d[e.b].0 += fx;
            d[e.b].1 += fy;
        }
        // Gravity towards the middle keeps the parts that no line joins near the rest.
        for i in 0..n {
            d[i].0 += (0.5 - p[i].0) * GRAVITY;
            d[i].1 += (0.5 - p[i].1) * GRAVITY;
        }
        for i in 0..n {
            let len = (d[i].0 * d[i].0 + d[i].1 * d[i].1).sqrt().max(1e-9);
            let step = len.min(heat);
            p[i].0 = (p[i].0 + d[i].0 / len * step).clamp(0.0, 1.0);
            p[i].1 = (p[i].1 + d[i].1 / len * step).clamp(0.0, 1.0);
        }
        heat = (heat * 0.98).max(0.002);
    }
    // Fit the drawing to the square.
    let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &p {
        lo_x = lo_x.min(x);
        hi_x = hi_x.max(x);
        lo_y = lo_y.min(y);
        hi_y = hi_y.max(y);
    }
    let scale = |v: f64, lo: f64, hi: f64| if hi - lo < 1e-9 { SIZE / 2 } else { (f64::from(SIZE) * (v - lo) / (hi - lo)).round() as u32 };
    p.iter().map(|&(x, y)| (scale(x, lo_x, hi_x), scale(y, lo_y, hi_y))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Document};

    fn doc(id: &str, text: &str) -> Document {
        Document { id: id.into(), file: format!("{id}.txt"), title: id.into(), text: text.into(), ..Default::default() }
    }

    fn name(a: &Analysis, g: &Graph, i: usize) -> String {
        a.entities[g.nodes[i].entity].label.clone()
    }

    #[test]
    fn names_in_one_sentence_are_linked_once_per_sentence() {
        let a = analyze(&[
            doc("a", "التقى الرئيس الروسي فلاديمير بوتين في موسكو الرئيس التركي رجب طيب أردوغان. وقال بوتين إن موسكو ترحب بأردوغان.\nوفي باريس قال إيمانويل ماكرون إنه يتابع."),
            doc("b", "استقبل بوتين في موسكو الرئيس أردوغان."),
        ]);
        let all: Vec<usize> = (0..a.entities.len()).collect();
        let g = graph(&a, &all, 40);
        let id = |label: &str| g.nodes.iter().position(|n| a.entities[n.entity].label.contains(label));
        let (putin, erdogan, moscow) = (id("بوتين").expect("Putin"), id("أردوغان").expect("Erdogan"), id("موسكو").expect("Moscow"));
        let edge = |x: usize, y: usize| g.edges.iter().find(|e| (e.a, e.b) == (x.min(y), x.max(y))).map(|e| e.sentences);
        // Two sentences of a, one of b.
        assert_eq!(edge(putin, erdogan), Some(3), "{:?}", g.edges);
        assert_eq!(edge(putin, moscow), Some(3));
        // Paris and Macron are together, and with no one else.
        let (paris, macron) = (id("باريس").expect("Paris"), id("ماكرون").expect("Macron"));
        assert_eq!(edge(paris, macron), Some(1));
        assert_eq!(edge(paris, putin), None);
        // Most articles first.
        assert_eq!(g.nodes[0].articles, 2, "{}", name(&a, &g, 0));
        // Positions in the square, all different; the same analysis lays out the same.
        assert!(g.nodes.iter().all(|n| n.x <= SIZE && n.y <= SIZE));
        let at: std::collections::HashSet<(u32, u32)> = g.nodes.iter().map(|n| (n.x, n.y)).collect();
        assert_eq!(at.len(), g.nodes.len());
        assert_eq!(graph(&a, &all, 40), g);
        // Linked nodes end nearer than unlinked ones.
        let dist = |x: usize, y: usize| ((g.nodes[x].x as f64 - g.nodes[y].x as f64).powi(2) + (g.nodes[x].y as f64 - g.nodes[y].y as f64).powi(2)).sqrt();
        assert!(dist(paris, macron) < dist(paris, erdogan), "{} vs {}", dist(paris, macron), dist(paris, erdogan));
    }

    #[test]
    fn candidates_and_the_limit_choose_the_nodes() {
        let a = analyze(&[doc("a", "التقى بوتين مع أردوغان في موسكو.")]);
        let only: Vec<usize> = a.entities.iter().enumerate().filter(|(_, e)| !e.label.contains("موسكو")).map(|(i, _)| i).collect();
        let g = graph(&a, &only, 40);
        assert!(g.nodes.iter().all(|n| !a.entities[n.entity].label.contains("موسكو")));
        assert_eq!(g.edges.len(), 1);
        // Without sentence spans (an analysis read back from JSON), the lines.
        let mut lines = a.clone();
        lines.documents[0].sentences.clear();
        assert_eq!(graph(&lines, &only, 40).edges, g.edges);
        assert_eq!(graph(&a, &only, 1).nodes.len(), 1);
        assert!(graph(&a, &only, 1).edges.is_empty());
        assert_eq!(graph(&a, &[], 40), Graph::default());
        assert_eq!(graph(&analyze(&[]), &[], 40), Graph::default());
    }
}
