//! Shared wire copy: passages two articles share nearly word for word (agency copy reused).
//!
//! Method:
//! 1. **Words**: the Arabic, Latin and number tokens of each article outside boilerplate, by
//!    matching form (so hamza, teh marbuta and digit-system differences do not count), interned
//!    as integers.
//! 2. **Shingles and anchors**: every run of [`SHINGLE`] words is hashed; of each window of
//!    [`WINDOW`] consecutive shingles the one with the smallest hash is an *anchor* (winnowing),
//!    so any run of `SHINGLE + WINDOW - 1` = 8 equal words in two articles contains an anchor
//!    of both. An inverted index maps each anchor to the articles containing it; counting shared
//!    anchors per article pair through the index finds the candidate pairs (at least
//!    [`MIN_SHARED`] shared anchors) without comparing all pairs word by word.
//! 3. **Seeds and alignment**: for a candidate pair, equal anchors (a merge of the two sorted
//!    anchor lists) are seeds; each seed is extended word by word along its diagonal into a run of
//!    equal words; runs chain into a passage when both gaps between them are at most [`MAX_GAP`]
//!    words; the gaps are aligned word by word (longest common subsequence, on at most a few dozen
//!    words), giving the word-level diff. An anchor repeated more than [`MAX_REPEAT`] times in one
//!    article is not a seed.
//! 4. **Passages** are kept when they have at least [`MIN_WORDS`] words on each side, at least
//!    [`MIN_WORDS`] − 2 equal words, and a similarity (equal words / longer side) of at least
//!    [`MIN_SIMILARITY`]: set phrases (`قوات حفظ السلام التابعة لمنظمة معاهدة الأمن الجماعي`) are
//!    shorter than that.
//! 5. **Bounds** for many similar articles: an article whose words are exactly those of an
//!    earlier one is compared with that one only (and is not indexed); of the articles holding
//!    an anchor, each article counts only the next [`MAX_POSTING`]; and each article is aligned
//!    with at most [`MAX_PARTNERS`] partners (those with the most shared anchors). A thousand
//!    copies of one article thus make a thousand pairs, not half a million.
//! 6. **Reuse share** of an article: the fraction of its non-boilerplate words inside any shared
//!    passage.
//!
//! Cost: tokenising, plus for each anchor and article at most [`MAX_POSTING`] counts, plus work
//! linear in the anchors and shared words of each candidate pair (see `tests/facts_wire.rs` for
//! timings on 200 articles of 5 KB).

use crate::model::{DiffKind, DiffRun, WirePair};
use crate::model::{Token, TokenKind};
use std::collections::BTreeMap;

type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Shingles per winnowing window.
pub const WINDOW: usize = 4;
/// Shared anchors that make two articles a candidate pair.
pub const MIN_SHARED: u32 = 2;
/// Largest gap (in words, on each side) bridged inside one passage.
pub const MAX_GAP: usize = 8;
/// Shortest passage, in words on each side.
pub const MIN_WORDS: usize = 12;
/// Lowest share of equal words in a passage.
pub const MIN_SIMILARITY: f64 = 0.6;
/// An anchor more frequent than this in one article is not used as a seed.
pub const MAX_REPEAT: usize = 3;
/// Of the articles that share an anchor, each article counts only the next this many.
pub const MAX_POSTING: usize = 64;
/// Articles each article is compared with, word by word: those with the most shared anchors.
pub const MAX_PARTNERS: usize = 8;

/// An article as the detector sees it.
#[derive(Debug, Clone)]
pub struct WireDoc<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// Boilerplate byte ranges, sorted (read by [`detect`]; the pipeline adds token streams
    /// whose boilerplate is already flagged).
    pub boiler: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    id: u32,
    start: usize,
    end: usize,
    cstart: usize,
    cend: usize,
}

struct Prepared {
    words: Vec<Word>,
    /// Anchors: (hash, position) sorted by hash then position.
    shingles: Vec<(u64, u32)>,
}

fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

/// A hash of a run of words (their ids, in order).
fn hash_words(words: &[Word]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, w| mix(h, u64::from(w.id)))
}

fn prepare(tokens: &[Token], dict: &mut FxMap<String, u32>) -> Prepared {
    let mut words = Vec::new();
    for t in tokens {
        if t.boiler || !matches!(t.kind, TokenKind::Arabic | TokenKind::Latin | TokenKind::Number) {
            continue;
        }
        let next = dict.len() as u32;
        let id = *dict.entry(t.norm.clone()).or_insert(next);
        words.push(Word { id, start: t.start, end: t.end, cstart: t.cstart, cend: t.cend });
    }
    let hashes: Vec<u64> = (0..words.len().saturating_sub(SHINGLE - 1))
        .map(|p| hash_words(&words[p..p + SHINGLE]))
        .collect();
    // Winnowing: the smallest hash of each window (the rightmost on ties), each position once.
    let mut shingles: Vec<(u64, u32)> = Vec::with_capacity(hashes.len() / 2 + 1);
    let mut last = usize::MAX;
    for w in 0..hashes.len().saturating_sub(WINDOW - 1).max(usize::from(!hashes.is_empty())) {
        let end = (w + WINDOW).min(hashes.len());
        let mut m = w;
        for p in w..end {
            if hashes[p] <= hashes[m] {
                m = p;
            }
        }
        if m != last {
            shingles.push((hashes[m], m as u32));
            last = m;
        }
    }
    shingles.sort_unstable();
    Prepared { words, shingles }
}

/// A run of equal words: a[a0..a0+len] == b[b0..b0+len].
#[derive(Debug, Clone, Copy)]
struct Run {
    a0: usize,
    b0: usize,
    len: usize,
}

fn seeds(a: &Prepared, b: &Prepared) -> Vec<(usize, usize)> {
    let (x, y) = (&a.shingles, &b.shingles);
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = x[i].0;
                let i2 = i + x[i..].iter().take_while(|s| s.0 == h).count();
                let j2 = j + y[j..].iter().take_while(|s| s.0 == h).count();
                if i2 - i <= MAX_REPEAT && j2 - j <= MAX_REPEAT {
                    for s in &x[i..i2] {
                        for t in &y[j..j2] {
                            let (pa, pb) = (s.1 as usize, t.1 as usize);
                            let same = (0..SHINGLE).all(|k| a.words[pa + k].id == b.words[pb + k].id);
                            if same {
                                out.push((pa, pb));
                            }
                        }
                    }
                }
                i = i2;
                j = j2;
            }
        }
    }
    out
}

/// Each seed extended along its diagonal while the words are equal; seeds inside a run already
/// made are skipped.
fn runs(a: &Prepared, b: &Prepared, mut seeds: Vec<(usize, usize)>) -> Vec<Run> {
    crate::sort::by_key(&mut seeds, |&(x, y)| (y as i64 - x as i64, x));
    let mut out: Vec<Run> = Vec::new();
    let mut cur: Option<(i64, usize)> = None; // (diagonal, end on a) of the last run
    for (x, y) in seeds {
        let diag = y as i64 - x as i64;
        if cur.is_some_and(|(d, e)| d == diag && x < e) {
            continue;
        }
        let (mut a0, mut b0) = (x, y);
        while a0 > 0 && b0 > 0 && a.words[a0 - 1].id == b.words[b0 - 1].id {
            a0 -= 1;
            b0 -= 1;
        }
        let mut len = x - a0 + SHINGLE;
        while a0 + len < a.words.len() && b0 + len < b.words.len() && a.words[a0 + len].id == b.words[b0 + len].id {
            len += 1;
        }
        cur = Some((diag, a0 + len));
        out.push(Run { a0, b0, len });
    }
    crate::sort::by_key(&mut out, |r| (r.a0, r.b0));
    out.dedup_by(|x, y| x.a0 == y.a0 && x.b0 == y.b0);
    out
}

/// Runs chained into passages: each passage is a list of disjoint, increasing runs.
fn chains(runs: Vec<Run>) -> Vec<Vec<Run>> {
    let mut chains: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        let mut best: Option<(usize, usize, Run)> = None;
        for (ci, c) in chains.iter().enumerate() {
            let last = c.last().unwrap();
            let (la1, lb1) = (last.a0 + last.len, last.b0 + last.len);
            let trim = la1.saturating_sub(r.a0).max(lb1.saturating_sub(r.b0));
            if trim >= r.len || r.a0 + trim < last.a0 + 1 || r.b0 + trim < last.b0 + 1 {
                continue;
            }
            let t = Run { a0: r.a0 + trim, b0: r.b0 + trim, len: r.len - trim };
            let (ga, gb) = (t.a0 - la1, t.b0 - lb1);
            if ga <= MAX_GAP && gb <= MAX_GAP && best.is_none_or(|b| ga + gb < b.0) {
                best = Some((ga + gb, ci, t));
            }
        }
        match best {
            Some((_, ci, t)) => chains[ci].push(t),
            None => chains.push(vec![r]),
        }
    }
    chains
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same,
    Del,
    Ins,
}

/// Word alignment of two short slices (LCS).
fn lcs_ops(a: &[u32], b: &[u32]) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u16; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * (m + 1) + j] = if a[i] == b[j] { t[(i + 1) * (m + 1) + j + 1] + 1 } else { t[(i + 1) * (m + 1) + j].max(t[i * (m + 1) + j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(Op::Same);
            i += 1;
            j += 1;
        } else if j < m && (i == n || t[i * (m + 1) + j + 1] >= t[(i + 1) * (m + 1) + j]) {
            ops.push(Op::Ins);
            j += 1;
        } else {
            ops.push(Op::Del);
            i += 1;
        }
    }
    ops
}

struct Passage {
    a0: usize,
    a1: usize,
    b0: usize,
    b1: usize,
    ops: Vec<Op>,
    same: usize,
}

fn passage(a: &Prepared, b: &Prepared, chain: &[Run]) -> Passage {
    let ids = |p: &Prepared, r: std::ops::Range<usize>| p.words[r].iter().map(|w| w.id).collect::<Vec<_>>();
    let mut ops = Vec::new();
    let first = chain[0];
    // Extend the first run backwards while words are equal.
    let mut back = 0;
    while first.a0 > back && first.b0 > back && a.words[first.a0 - back - 1].id == b.words[first.b0 - back - 1].id {
        back += 1;
    }
    let (a0, b0) = (first.a0 - back, first.b0 - back);
    ops.extend(std::iter::repeat_n(Op::Same, back));
    for (k, r) in chain.iter().enumerate() {
        if k > 0 {
            let p = chain[k - 1];
            ops.extend(lcs_ops(&ids(a, p.a0 + p.len..r.a0), &ids(b, p.b0 + p.len..r.b0)));
        }
        ops.extend(std::iter::repeat_n(Op::Same, r.len));
    }
    let last = chain[chain.len() - 1];
    let (mut a1, mut b1) = (last.a0 + last.len, last.b0 + last.len);
    while a1 < a.words.len() && b1 < b.words.len() && a.words[a1].id == b.words[b1].id {
        a1 += 1;
        b1 += 1;
        ops.push(Op::Same);
    }
    let same = ops.iter().filter(|o| **o == Op::Same).count();
    Passage { a0, a1, b0, b1, ops, same }
}

fn diff_runs(a: &Prepared, b: &Prepared, p: &Passage) -> Vec<DiffRun> {
    let mut out: Vec<DiffRun> = Vec::new();
    let (mut i, mut j) = (p.a0, p.b0);
    let mut k = 0;
    // Code point position of word i on side a (its start), or the end of the passage.
    let ca = |i: usize| if i < p.a1 { a.words[i].cstart } else { a.words[p.a1 - 1].cend };
    let cb = |j: usize| if j < p.b1 { b.words[j].cstart } else { b.words[p.b1 - 1].cend };
    let ea = |i: usize| a.words[i - 1].cend;
    let eb = |j: usize| b.words[j - 1].cend;
    while k < p.ops.len() {
        let (si, sj) = (i, j);
        let kind = if p.ops[k] == Op::Same {
            while k < p.ops.len() && p.ops[k] == Op::Same {
                i += 1;
                j += 1;
                k += 1;
            }
            DiffKind::Same
        } else {
            while k < p.ops.len() && p.ops[k] != Op::Same {
                match p.ops[k] {
                    Op::Del => i += 1,
                    _ => j += 1,
                }
                k += 1;
            }
            match (i > si, j > sj) {
                (true, true) => DiffKind::Changed,
                (true, false) => DiffKind::OnlyA,
                _ => DiffKind::OnlyB,
            }
        };
        let (a_start, a_end) = if i > si { (ca(si), ea(i)) } else { (ca(si), ca(si)) };
        let (b_start, b_end) = if j > sj { (cb(sj), eb(j)) } else { (cb(sj), cb(sj)) };
        out.push(DiffRun { kind, a_start, a_end, b_start, b_end });
    }
    out
}

fn overlap(x: (usize, usize), y: (usize, usize)) -> usize {
    x.1.min(y.1).saturating_sub(x.0.max(y.0))
}

/// Shared passages of every pair of articles, and each article's reuse share.
pub fn detect(docs: &[WireDoc]) -> (Vec<WirePair>, BTreeMap<String, f64>) {
    let mut index = WireIndex::default();
    for d in docs {
        let mut tz = crate::tokenize::tokenize(d.text);
        crate::boilerplate::flag(&mut tz, &d.boiler);
        index.add(&tz.tokens);
    }
    index.detect(docs)
}

/// [`detect`] in two parts: [`add`](Self::add) reads one article (its words and shingles, the
/// part that grows with the article's length), [`detect`](Self::detect) compares them all.
#[derive(Default)]
pub struct WireIndex {
    dict: FxMap<String, u32>,
    prepared: Vec<Prepared>,
}

impl WireIndex {
    /// Read the next article's tokens (articles are added in order, each once).
    pub fn add(&mut self, tokens: &[Token]) {
        let p = prepare(tokens, &mut self.dict);
        self.prepared.push(p);
    }

    /// Shared passages of every pair of the articles added (`docs`: the same, in the same order).
    pub fn detect(self, docs: &[WireDoc]) -> (Vec<WirePair>, BTreeMap<String, f64>) {
        detect_prepared(docs, self.prepared)
    }
}

fn detect_prepared(docs: &[WireDoc], prepared: Vec<Prepared>) -> (Vec<WirePair>, BTreeMap<String, f64>) {
    let n = docs.len();
    // Exact copies: an article whose words are exactly those of an earlier one is compared with
    // that one only, and stays out of the index.
    let mut first_with: FxMap<(u64, usize), usize> = FxMap::default();
    let copy_of: Vec<Option<usize>> = prepared
        .iter()
        .enumerate()
        .map(|(d, p)| {
            if p.words.len() < MIN_WORDS {
                return None;
            }
            let first = *first_with.entry((hash_words(&p.words), p.words.len())).or_insert(d);
            (first != d && prepared[first].words.iter().zip(&p.words).all(|(x, y)| x.id == y.id)).then_some(first)
        })
        .collect();
    // Inverted index: shingle → distinct articles, in article order.
    let mut index: FxMap<u64, Vec<u32>> = FxMap::default();
    for (d, p) in prepared.iter().enumerate() {
        if copy_of[d].is_some() {
            continue;
        }
        let mut prev = None;
        for &(h, _) in &p.shingles {
            if prev != Some(h) {
                index.entry(h).or_default().push(d as u32);
                prev = Some(h);
            }
        }
    }
    let mut counts = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut covered: Vec<Vec<bool>> = prepared.iter().map(|p| vec![false; p.words.len()]).collect();
    let mut out = Vec::new();
    for a in 0..n {
        if let Some(first) = copy_of[a] {
            compare_pair(docs, &prepared, first, a, &mut covered, &mut out);
            continue;
        }
        let mut prev = None;
        for &(h, _) in &prepared[a].shingles {
            if prev == Some(h) {
                continue;
            }
            prev = Some(h);
            let list = &index[&h];
            // Only the next MAX_POSTING articles that hold this anchor are counted: a passage
            // shared by hundreds of articles costs linear, not quadratic, work.
            let at = list.partition_point(|&b| b as usize <= a);
            for &b in &list[at..list.len().min(at + MAX_POSTING)] {
                let b = b as usize;
                if counts[b] == 0 {
                    touched.push(b);
                }
                counts[b] += 1;
            }
        }
        // The partners with the most shared anchors, at most MAX_PARTNERS of them, in order.
        let mut partners: Vec<usize> = touched.iter().copied().filter(|&b| counts[b] >= MIN_SHARED).collect();
        if partners.len() > MAX_PARTNERS {
            crate::sort::by_key(&mut partners, |&b| (std::cmp::Reverse(counts[b]), b));
            partners.truncate(MAX_PARTNERS);
        }
        crate::sort::natural(&mut partners);
        for &b in &touched {
            counts[b] = 0;
        }
        for b in partners {
            compare_pair(docs, &prepared, a, b, &mut covered, &mut out);
        }
        touched.clear();
    }
    let reuse = crate::sort::map(docs.iter().zip(&covered).map(|(d, c)| {
        let share = if c.is_empty() { 0.0 } else { c.iter().filter(|x| **x).count() as f64 / c.len() as f64 };
        (d.id.to_string(), share)
    }));
    (out, reuse)
}

/// The shared passages of articles `a` and `b` (`a < b`), appended to `out`; the words they
/// cover are marked in `covered`.
fn compare_pair(docs: &[WireDoc], prepared: &[Prepared], a: usize, b: usize, covered: &mut [Vec<bool>], out: &mut Vec<WirePair>) {
    let (pa, pb) = (&prepared[a], &prepared[b]);
    let mut found: Vec<Passage> = chains(runs(pa, pb, seeds(pa, pb)))
        .iter()
        .map(|c| passage(pa, pb, c))
        .filter(|p| {
            let (la, lb) = (p.a1 - p.a0, p.b1 - p.b0);
            la >= MIN_WORDS && lb >= MIN_WORDS && p.same + 2 >= MIN_WORDS && p.same as f64 / la.max(lb) as f64 >= MIN_SIMILARITY
        })
        .collect();
    crate::sort::by(&mut found, |x, y| y.same.cmp(&x.same).then(x.a0.cmp(&y.a0)));
    let mut kept: Vec<Passage> = Vec::new();
    for p in found {
        let clash = kept.iter().any(|k| overlap((p.a0, p.a1), (k.a0, k.a1)) * 2 > p.a1 - p.a0 || overlap((p.b0, p.b1), (k.b0, k.b1)) * 2 > p.b1 - p.b0);
        if !clash {
            kept.push(p);
        }
    }
    crate::sort::by_key(&mut kept, |p| p.a0);
    for p in kept {
        covered[a][p.a0..p.a1].iter_mut().for_each(|c| *c = true);
        covered[b][p.b0..p.b1].iter_mut().for_each(|c| *c = true);
        let (wa, wb) = (&pa.words, &pb.words);
        let a_bytes = (wa[p.a0].start, wa[p.a1 - 1].end);
        let b_bytes = (wb[p.b0].start, wb[p.b1 - 1].end);
        let (la, lb) = (p.a1 - p.a0, p.b1 - p.b0);
        out.push(WirePair {
            a: docs[a].id.to_string(),
            b: docs[b].id.to_string(),
            a_start: wa[p.a0].cstart,
            a_end: wa[p.a1 - 1].cend,
            b_start: wb[p.b0].cstart,
            b_end: wb[p.b1 - 1].cend,
            a_text: docs[a].text[a_bytes.0..a_bytes.1].to_string(),
            b_text: docs[b].text[b_bytes.0..b_bytes.1].to_string(),
            a_words: la,
            b_words: lb,
            same_words: p.same,
            similarity: p.same as f64 / la.max(lb) as f64,
            diff: diff_runs(pa, pb, &p),
            a_bytes,
            b_bytes,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_marks_changes() {
        let ops = lcs_ops(&[1, 2, 3, 4], &[1, 5, 3, 4, 6]);
        assert_eq!(ops.iter().filter(|o| **o == Op::Same).count(), 3);
        assert_eq!(ops.iter().filter(|o| **o == Op::Ins).count(), 2);
        assert_eq!(ops.iter().filter(|o| **o == Op::Del).count(), 1);
    }
}
