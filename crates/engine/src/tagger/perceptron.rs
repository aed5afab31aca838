//! Training: an averaged structured perceptron (Collins 2002) with Viterbi decoding, then
//! quantisation and pruning into a compact [`Model`].
//!
//! - Features are computed once per sentence (they do not depend on tags; the tag history is the
//!   transition score), each hashed bucket mapped to a dense index in order of first sight, so
//!   training is deterministic: no hash-map iteration order is ever observed.
//! - Jackknifing ([`super::lists`]): sentences are cut into `folds` contiguous blocks (ANERcorp
//!   keeps an article's sentences together, so a block is a few articles). Each block is
//!   featurised with word lists derived from the other blocks, and a word form seen in no other
//!   block gets no identity features (word, stems, bigrams), exactly like an unseen word at run
//!   time. The model thus learns to find names from their context, shape and affixes.
//! - Two passes ([`super::doc`]): with `doc_window`, a local model is first trained and run over
//!   each of `doc_folds` blocks by a model trained on the others; the tags it gives are the
//!   first-pass tags from which each training word's document evidence is counted. The final model
//!   sees every sentence with its document features in about half of its visits and without them
//!   in the others, so the same weights serve the first pass (no evidence yet) and the second.
//! - Each epoch visits the sentences in an order shuffled by a SplitMix64 generator seeded with
//!   `seed`. A wrong decoding adds the gold sequence's features and subtracts the predicted one's;
//!   averaging uses the usual `w − u / c` trick with exact integer sums.
//! - The averaged weights are scaled so the largest is ±`max_quant` (at most 127), rounded to
//!   i8, and weights that round to 0 are dropped; if more than `max_weights` remain, only the
//!   largest are kept. Both keep the embedded model small: 15,000 weights on a ±32 scale tag
//!   nearly as well as 60,000 on a ±127 one (see `data/model/NOTICE.md`).

use super::decode::{viterbi, Transitions};
use super::lists::{FoldLists, Lists};
use super::model_io::Model;
use super::sentence::{self, SubWords};
use super::tags::{parse, Tag, N_TAGS, O};
use super::{doc, features, Tagger};
use crate::input::conll::TaggedToken;
use crate::tagger::score::Scores;
use crate::lexicon::lexicon;
use crate::model::Token;
use std::collections::HashMap;

/// Training settings. `Default` gives the settings of the shipped model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Jackknife folds for word lists and identity features (1: none).
    pub folds: usize,
    /// The feature table has `2^hash_bits` buckets.
    pub hash_bits: u8,
    /// Most non-zero weights kept.
    pub max_weights: usize,
    /// The largest weight is quantised to ±`max_quant` (1..=127).
    pub max_quant: u8,
    /// Two passes with document evidence; a CoNLL sentence's document is this many sentences on
    /// each side. `None`: one pass.
    pub doc_window: Option<u8>,
    /// Blocks for the first-pass tags of the training sentences.
    pub doc_folds: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 10, seed: 1, folds: 10, hash_bits: 22, max_weights: 3_000_000, max_quant: 127, doc_window: Some(16), doc_folds: 5 }
    }
}

/// What training reports as it goes.
#[derive(Debug)]
pub enum Progress<'a> {
    /// A stage starts (a description).
    Stage(String),
    /// Featurising sentences.
    Features { done: usize, total: usize },
    /// Inside an epoch (1-based).
    Epoch { epoch: usize, epochs: usize, done: usize, total: usize },
    /// An epoch finished: sentences decoded wrongly, and the dev scores if there is a dev set.
    EpochDone { epoch: usize, mistakes: usize, dev: Option<&'a Scores> },
}

struct Instance {
    feats: Vec<u32>,
    offsets: Vec<u32>,
    /// Document features (dense ids), empty for a one-pass model.
    doc: Vec<u32>,
    doc_offsets: Vec<u32>,
    gold: Vec<Tag>,
}

/// SplitMix64: a tiny, portable, seeded generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

struct Weights {
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Transitions<i64>,
    tu: Transitions<i64>,
    c: i64,
}

impl Weights {
    fn bump(&mut self, f: u32, t: Tag, d: i32) {
        let k = f as usize * N_TAGS + t as usize;
        self.w[k] += d;
        self.u[k] += self.c * d as i64;
    }
    fn bump_trans(&mut self, prev: Option<Tag>, cur: Option<Tag>, d: i64) {
        let c = self.c;
        let (w, u) = match (prev, cur) {
            (None, Some(t)) => (&mut self.tw.start[t as usize], &mut self.tu.start[t as usize]),
            (Some(p), Some(t)) => (&mut self.tw.pair[p as usize][t as usize], &mut self.tu.pair[p as usize][t as usize]),
            (Some(p), None) => (&mut self.tw.end[p as usize], &mut self.tu.end[p as usize]),
            (None, None) => return,
        };
        *w += d;
        *u += c * d;
    }
    fn averaged(&self) -> (Vec<f64>, Transitions<f64>) {
        let c = self.c as f64;
        let avg = |w: i64, u: i64| w as f64 - u as f64 / c;
        let em = self.w.iter().zip(&self.u).map(|(&w, &u)| avg(w as i64, u)).collect();
        let mut t = Transitions::<f64>::default();
        for i in 0..N_TAGS {
            t.start[i] = avg(self.tw.start[i], self.tu.start[i]);
            t.end[i] = avg(self.tw.end[i], self.tu.end[i]);
            for j in 0..N_TAGS {
                t.pair[i][j] = avg(self.tw.pair[i][j], self.tu.pair[i][j]);
            }
        }
        (em, t)
    }
}

/// Quantise averaged weights into a [`Model`] (see the module documentation).
fn compact(avg: &[f64], buckets: &[u32], trans: &Transitions<f64>, opts: &TrainOptions) -> Model {
    let max = avg.iter().fold(0.0f64, |m, &w| m.max(w.abs()));
    let top = opts.max_quant.clamp(1, 127) as f64;
    let scale = if max > 0.0 { max / top } else { 1.0 };
    let mut kept: Vec<(u32, i8, f64)> = Vec::new();
    for (k, &w) in avg.iter().enumerate() {
        let q = (w / scale).round().clamp(-top, top) as i8;
        if q != 0 {
            let key = buckets[k / N_TAGS] * N_TAGS as u32 + (k % N_TAGS) as u32;
            kept.push((key, q, w.abs()));
        }
    }
    if kept.len() > opts.max_weights {
        crate::sort::by(&mut kept, |a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        kept.truncate(opts.max_weights);
    }
    crate::sort::by_key(&mut kept, |e| e.0);
    let weights: Vec<(u32, i8)> = kept.into_iter().map(|(k, q, _)| (k, q)).collect();
    let q16 = |v: f64| (v / scale).round().clamp(-32767.0, 32767.0) as i16;
    let t = Transitions { start: trans.start.map(q16), pair: trans.pair.map(|r| r.map(q16)), end: trans.end.map(q16) };
    Model { hash_bits: opts.hash_bits, doc_window: opts.doc_window, trans: t, weights }
}

/// Score `sentences` with `tagger` and the shipped lists.
pub fn score(tagger: &Tagger, sentences: &[Vec<TaggedToken>]) -> Scores {
    score_with(tagger, sentences, &Lists::runtime(lexicon()))
}

/// Score `sentences` with `tagger` and the given lists.
pub fn score_with(tagger: &Tagger, sentences: &[Vec<TaggedToken>], lists: &Lists) -> Scores {
    score_learned(tagger, sentences, lists, None)
}

/// Score `sentences` with `tagger`, the given lists and what it `learned` from corrections.
pub fn score_learned(tagger: &Tagger, sentences: &[Vec<TaggedToken>], lists: &Lists, learned: Option<&super::learn::Learned>) -> Scores {
    let mut scores = Scores::default();
    for (s, pred) in sentences.iter().zip(tagger.tag_conll(sentences, lists, learned)) {
        let gold: Vec<&str> = s.iter().map(|t| t.tag.as_str()).collect();
        let pred: Vec<String> = pred.iter().map(|&t| super::tags::name(t, false)).collect();
        scores.add(&gold, &pred);
    }
    scores
}

fn subs(sentences: &[Vec<TaggedToken>]) -> Vec<SubWords<'_>> {
    sentences.iter().map(|s| sentence::sub_words(s.iter().map(|t| t.token.as_str()))).collect()
}

/// First-pass tags of every training sentence's pieces, each block tagged by a one-pass model
/// trained on the other blocks with lists derived from them.
fn first_pass(train: &[Vec<TaggedToken>], opts: &TrainOptions, progress: &mut dyn FnMut(Progress)) -> Vec<Vec<Tag>> {
    let n = train.len();
    let k = opts.doc_folds.clamp(2, n.max(2));
    let block = |i: usize| i * k / n.max(1);
    let local = TrainOptions { doc_window: None, ..opts.clone() };
    let mut out: Vec<Vec<Tag>> = vec![Vec::new(); n];
    for b in 0..k {
        let members: Vec<usize> = (0..n).filter(|&i| block(i) == b).collect();
        if members.is_empty() {
            continue;
        }
        progress(Progress::Stage(format!("first pass, block {}/{k}", b + 1)));
        let others: Vec<Vec<TaggedToken>> = (0..n).filter(|&i| block(i) != b).map(|i| train[i].clone()).collect();
        let tagger = if others.is_empty() { None } else { Some(Tagger::from_model(&train_model(&others, None, &[], &local, progress))) };
        let fold = FoldLists::derive(&others, lexicon());
        let lists = Lists::fold(lexicon(), &fold);
        let mine: Vec<Vec<TaggedToken>> = members.iter().map(|&i| train[i].clone()).collect();
        let sw = subs(&mine);
        let segs: Vec<&[Token]> = sw.iter().map(|s| s.words.as_slice()).collect();
        let tags = match &tagger {
            Some(t) => t.tag_document(&segs, None, &lists, None),
            None => segs.iter().map(|s| vec![O; s.len()]).collect(),
        };
        for (i, t) in members.into_iter().zip(tags) {
            out[i] = t;
        }
    }
    out
}

/// Train on `train` (see the module documentation). If `dev` is not empty, it is scored after
/// every epoch, for reporting only: the returned model is the one after the last epoch.
pub fn train(train: &[Vec<TaggedToken>], dev: &[Vec<TaggedToken>], opts: &TrainOptions, progress: &mut dyn FnMut(Progress)) -> Model {
    let first = opts.doc_window.map(|_| first_pass(train, opts, progress));
    progress(Progress::Stage("final model".into()));
    train_model(train, first.as_deref(), dev, opts, progress)
}

fn train_model(
    train: &[Vec<TaggedToken>],
    first: Option<&[Vec<Tag>]>,
    dev: &[Vec<TaggedToken>],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(Progress),
) -> Model {
    let lex = lexicon();
    let n = train.len();
    let folds = opts.folds.max(1);
    let fold_of = |k: usize| k * folds / n.max(1);
    let sw = subs(train);
    // The folds each form (word, stem, stem without article) occurs in: a form seen in only one
    // fold gets no identity features there, as an unseen word gets none at run time.
    let mut seen: HashMap<&str, (usize, bool)> = HashMap::new();
    for (k, sub) in sw.iter().enumerate() {
        let f = fold_of(k);
        for w in &sub.words {
            let forms = std::iter::once(w.norm()).chain(w.splits.iter().skip(1).map(|x| x.stem.as_str()));
            for form in forms.chain(w.splits.iter().filter_map(|x| crate::tokenize::clitics::without_article(&x.stem))) {
                let e = seen.entry(form).or_insert((f, false));
                e.1 |= e.0 != f;
            }
        }
    }
    // Document evidence from the first-pass tags.
    let evidence = first.map(|tags| {
        let segs: Vec<&[Token]> = sw.iter().map(|s| s.words.as_slice()).collect();
        doc::evidence(&segs, tags, opts.doc_window.map(usize::from), lex)
    });
    let mut dense: HashMap<u32, u32> = HashMap::new();
    let mut buckets: Vec<u32> = Vec::new();
    let mut id = |b: u32| {
        *dense.entry(b).or_insert_with(|| {
            buckets.push(b);
            (buckets.len() - 1) as u32
        })
    };
    let mut instances: Vec<Option<Instance>> = (0..n).map(|_| None).collect();
    let (mut feats, mut offsets) = (Vec::new(), Vec::new());
    let mut done = 0;
    for f in 0..folds {
        let members: Vec<usize> = (0..n).filter(|&k| fold_of(k) == f).collect();
        if members.is_empty() {
            continue;
        }
        let fold_lists = if folds == 1 {
            FoldLists::derive(train, lex)
        } else {
            let others: Vec<Vec<TaggedToken>> = (0..n).filter(|&k| fold_of(k) != f).map(|k| train[k].clone()).collect();
            FoldLists::derive(&others, lex)
        };
        let lists = Lists::fold(lex, &fold_lists);
        let known = |form: &str| folds == 1 || seen.get(form).is_some_and(|&(first, multi)| multi || first != f);
        for k in members {
            let sub = &sw[k];
            let token_gold: Vec<Tag> = train[k].iter().map(|t| parse(&t.tag).unwrap_or(O)).collect();
            let gold = sentence::piece_tags(sub, &token_gold);
            features::extract(&sub.words, &lists, &known, opts.hash_bits, &mut feats, &mut offsets);
            let ids: Vec<u32> = feats.iter().map(|&b| id(b)).collect();
            let (mut doc_ids, mut doc_offsets) = (Vec::new(), Vec::new());
            if let Some(ev) = &evidence {
                let mut buf = Vec::new();
                for e in &ev[k] {
                    doc_offsets.push(doc_ids.len() as u32);
                    buf.clear();
                    features::doc_features(e, opts.hash_bits, &mut buf);
                    doc_ids.extend(buf.iter().map(|&b| id(b)));
                }
                doc_offsets.push(doc_ids.len() as u32);
            }
            instances[k] = Some(Instance { feats: ids, offsets: offsets.clone(), doc: doc_ids, doc_offsets, gold });
            done += 1;
            if done % 100 == 0 || done == n {
                progress(Progress::Features { done, total: n });
            }
        }
    }
    let instances: Vec<Instance> = instances.into_iter().flatten().collect();
    let mut wt = Weights {
        w: vec![0; buckets.len() * N_TAGS],
        u: vec![0; buckets.len() * N_TAGS],
        tw: Transitions::default(),
        tu: Transitions::default(),
        c: 1,
    };
    let mut rng = Rng(opts.seed);
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let (mut em, mut pred) = (Vec::new(), Vec::new());
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for (step, &k) in order.iter().enumerate() {
            let inst = &instances[k];
            let use_doc = !inst.doc_offsets.is_empty() && rng.next() & 1 == 1;
            let len = inst.gold.len();
            let word_feats = |i: usize| {
                let local = &inst.feats[inst.offsets[i] as usize..inst.offsets[i + 1] as usize];
                let doc = if use_doc { &inst.doc[inst.doc_offsets[i] as usize..inst.doc_offsets[i + 1] as usize] } else { &[][..] };
                local.iter().chain(doc.iter())
            };
            em.clear();
            em.resize(len * N_TAGS, 0i64);
            for i in 0..len {
                for &f in word_feats(i) {
                    let row = &wt.w[f as usize * N_TAGS..f as usize * N_TAGS + N_TAGS];
                    for t in 0..N_TAGS {
                        em[i * N_TAGS + t] += row[t] as i64;
                    }
                }
            }
            viterbi(&em, len, &wt.tw, &mut pred);
            if pred != inst.gold {
                mistakes += 1;
                for i in 0..len {
                    let (g, p) = (inst.gold[i], pred[i]);
                    if g != p {
                        for &f in word_feats(i) {
                            wt.bump(f, g, 1);
                            wt.bump(f, p, -1);
                        }
                    }
                    let (gp, pp) = if i == 0 { (None, None) } else { (Some(inst.gold[i - 1]), Some(pred[i - 1])) };
                    if (gp, g) != (pp, p) {
                        wt.bump_trans(gp, Some(g), 1);
                        wt.bump_trans(pp, Some(p), -1);
                    }
                }
                let (gl, pl) = (inst.gold[len - 1], pred[len - 1]);
                if gl != pl {
                    wt.bump_trans(Some(gl), None, 1);
                    wt.bump_trans(Some(pl), None, -1);
                }
            }
            wt.c += 1;
            if step % 200 == 0 {
                progress(Progress::Epoch { epoch, epochs: opts.epochs, done: step, total: order.len() });
            }
        }
        let dev_scores = if dev.is_empty() {
            None
        } else {
            let (avg, tr) = wt.averaged();
            Some(score(&Tagger::from_model(&compact(&avg, &buckets, &tr, opts)), dev))
        };
        progress(Progress::EpochDone { epoch, mistakes, dev: dev_scores.as_ref() });
    }
    let (avg, tr) = wt.averaged();
    compact(&avg, &buckets, &tr, opts)
}

/// `k`-fold cross-validation over `sentences` (contiguous blocks): each block is scored by a model
/// trained on the others, with word lists derived from those others only (the shipped lists
/// would know the block's names). Returns the scores summed over blocks. For choosing features and
/// settings without looking at the dev set.
pub fn cross_validate(sentences: &[Vec<TaggedToken>], k: usize, opts: &TrainOptions, progress: &mut dyn FnMut(Progress)) -> Scores {
    let n = sentences.len();
    let k = k.max(2);
    let block = |i: usize| i * k / n.max(1);
    let mut total = Scores::default();
    for b in 0..k {
        progress(Progress::Stage(format!("cross-validation block {}/{k}", b + 1)));
        let train_part: Vec<Vec<TaggedToken>> = (0..n).filter(|&i| block(i) != b).map(|i| sentences[i].clone()).collect();
        let test: Vec<Vec<TaggedToken>> = (0..n).filter(|&i| block(i) == b).map(|i| sentences[i].clone()).collect();
        let model = train(&train_part, &[], opts, progress);
        let fold = FoldLists::derive(&train_part, lexicon());
        let s = score_with(&Tagger::from_model(&model), &test, &Lists::fold(lexicon(), &fold));
        total.tokens += s.tokens;
        total.tokens_correct += s.tokens_correct;
        for (t, c) in s.by_type {
            let e = total.by_type.entry(t).or_default();
            e.gold += c.gold;
            e.found += c.found;
            e.correct += c.correct;
        }
    }
    total
}

