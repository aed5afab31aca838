//! The tagger learns from the reader's corrections, in the page.
//!
//! A correction (a [`Correction`], the engine-side of the reader's `Decision::Name` /
//! `Decision::NotName`, see `crate::decisions`) says what a stretch of one sentence
//! is; nothing about the rest of it. So each corrected sentence is a *partially* labelled
//! example, and the tagger is updated the way a structured perceptron learns from one:
//!
//! 1. the sentence is tagged with the current weights (the model's plus what was learned so
//!    far), with a margin against the corrected tags, so that the correction must win by
//!    [`MARGIN`], not by a hair;
//! 2. the *reference* is the best tagging that agrees with the correction (constrained Viterbi:
//!    the corrected words must carry `B-type I-type …`, or `O` for "not a name", the word after a
//!    name may not continue it; the other words are free, so the engine's other names in the
//!    sentence are left as it reads them);
//! 3. where the two differ, the features of those words gain [`STEP`] for the reference tag and
//!    lose it for the predicted one.
//!
//! Rounds repeat (at most [`ROUNDS`]) until every corrected sentence comes out as corrected.
//! Only emission weights of the words' own features change (not the transitions, not the
//! document features), each learned weight stays within ±[`CAP`] (the model's own are within
//! ±127), only the features that name the corrected words themselves move
//! ([`features::identity`]: the word, its stems, the word pairs within the name; no shape, affix,
//! list or context feature other words share), and an ordinary word (frequent in the training
//! text and never a name there, or a function word) marked as a name on its own teaches
//! nothing. Recognition of names that share no word with a correction is unchanged. What was learned is kept apart from the model ([`Learned`]),
//! derived again from the corrections whenever they change: it is part of the workspace through
//! them (saved, exported and reset with them). `qarin eval --conll … --random-corrections N`
//! measures what N random corrections do to names they are not about.

use super::decode::viterbi;
use super::features;
use super::lists::Lists;
use super::tags::{begin, inside, is_inside, Tag, N_TAGS, O};
use super::Tagger;
use crate::model::{EntityType, Token};
use std::collections::HashMap;

/// What one update adds to or takes from a weight.
pub const STEP: i32 = 32;
/// How far the corrected tags must beat any other in the corrected words.
pub const MARGIN: i64 = 24;
/// Passes over the corrected sentences at most.
pub const ROUNDS: usize = 12;
/// A word at least this frequent in ordinary Arabic (Zipf × 10, wordfreq) and no known name is
/// an ordinary word.
pub const ORDINARY_ZIPF: u32 = 40;
/// Bound of a learned weight.
pub const CAP: i32 = 512;

/// Weights learned from corrections, added to the model's (by feature bucket, per tag).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Learned {
    pub(super) rows: HashMap<u32, [i32; N_TAGS]>,
    /// Corrected sentences learned from.
    pub sentences: usize,
    /// Corrected sentences the tagger still read otherwise in the last round (0 when every one
    /// came out as corrected before [`ROUNDS`] were up).
    pub unlearned: usize,
}

impl Learned {
    /// Number of feature buckets with a learned weight.
    pub fn weights(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// A reader's correction of a name: in article `doc`, code points `start..end` are a name of
/// type `kind`, or no name (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Correction<'d> {
    pub doc: &'d str,
    pub start: usize,
    pub end: usize,
    pub kind: Option<EntityType>,
}

/// One corrected sentence: its words, and what the correction requires of some of them (a set
/// of allowed tags, as a bit mask, per word).
struct Example<'t> {
    words: &'t [Token<'t>],
    need: Vec<(usize, u16)>,
}

fn only(t: Tag) -> u16 {
    1 << t
}

/// The corrected sentences of `corrections`, one example per correction that falls on words of
/// one sentence outside boilerplate; others teach nothing. `read`: the corrected articles' ids
/// and words, as the pipeline reads them.
fn examples<'t>(read: &[(&str, &'t [Token<'t>])], corrections: &[Correction]) -> Vec<Example<'t>> {
    let mut out = Vec::new();
    for &Correction { doc, start, end, kind } in corrections {
        let Some(&(_, words)) = read.iter().find(|(id, _)| *id == doc) else { continue };
        let Some(first) = words.iter().position(|w| w.cend > start && w.cstart < end) else { continue };
        let last = words.iter().rposition(|w| w.cend > start && w.cstart < end).unwrap_or(first);
        if words[first..=last].iter().any(|w| w.boiler || w.sentence != words[first].sentence) {
            continue;
        }
        let Some(&(a, b)) = super::segments(words).iter().find(|(a, b)| (*a..*b).contains(&first)) else { continue };
        if last >= b {
            continue;
        }
        let mut need = Vec::new();
        for i in first..=last {
            let tag = match kind {
                Some(k) if i == first => begin(k),
                Some(k) => inside(k),
                None => O,
            };
            need.push((i - a, only(tag)));
        }
        if let (Some(k), true) = (kind, last + 1 < b) {
            need.push((last + 1 - a, !only(inside(k)) & ((1 << N_TAGS) - 1)));
        }
        out.push(Example { words: &words[a..b], need });
    }
    out
}

impl Tagger {
    /// Learn from the reader's corrections of names (see the module's doc). `read`: the words
    /// of the corrected articles (by id) as the pipeline reads them.
    pub fn learn(&self, read: &[(&str, &[Token])], corrections: &[Correction], lists: &Lists) -> Learned {
        let examples = examples(read, corrections);
        let mut learned = Learned { sentences: examples.len(), ..Learned::default() };
        let mut sc = super::Scratch::default();
        let (mut pred, mut gold) = (Vec::new(), Vec::new());
        let mut own = Vec::new();
        for _ in 0..ROUNDS {
            let mut wrong = 0;
            for ex in &examples {
                let n = ex.words.len();
                let mut em = self.local(ex.words, lists, &mut sc, Some(&learned));
                // The reference: the best tagging the correction allows.
                let mut fixed = em.clone();
                for &(i, mask) in &ex.need {
                    for t in 0..N_TAGS {
                        if mask & (1 << t) == 0 {
                            fixed[i * N_TAGS + t] = i64::MIN / 16;
                        } else if mask.count_ones() == 1 {
                            // The corrected words' own tags must win by the margin.
                            em[i * N_TAGS + t] -= MARGIN;
                        }
                    }
                }
                viterbi(&em, n, &self.trans, &mut pred);
                viterbi(&fixed, n, &self.trans, &mut gold);
                if pred == gold {
                    continue;
                }
                wrong += 1;
                for i in (0..n).filter(|&i| pred[i] != gold[i]) {
                    // An ordinary word (one the training text saw often and never in a name,
                    // or a function word) is not taught to be a name of one word; within a
                    // longer name (`كتائب الفجر الجديد`) it is.
                    let w = &ex.words[i];
                    let plain = |x: &str| lists.common(x) || lists.lex.function.contains(x) || (lists.lex.zipf(x) >= ORDINARY_ZIPF && lists.name(x).is_none());
                    let alone = gold[i] != O && !is_inside(gold[i]) && gold.get(i + 1).is_none_or(|&t| !is_inside(t));
                    if alone && (plain(w.norm()) || w.splits.iter().skip(1).any(|s| plain(&s.stem))) {
                        continue;
                    }
                    // The pairs within the corrected name, not those with the words around
                    // it: what is learned is the name, wherever it is written.
                    let pairs = (is_inside(gold[i]), gold.get(i + 1).is_some_and(|&t| is_inside(t)));
                    features::identity(ex.words, i, self.bits, pairs, &mut own);
                    for &f in &own {
                        let row = learned.rows.entry(f).or_insert([0; N_TAGS]);
                        let g = &mut row[gold[i] as usize];
                        *g = (*g + STEP).min(CAP);
                        let p = &mut row[pred[i] as usize];
                        *p = (*p - STEP).max(-CAP);
                    }
                }
            }
            learned.unlearned = wrong;
            if wrong == 0 {
                break;
            }
        }
        learned
    }
}

/// What the installed (or embedded) model learns from `corrections` of the articles `read`
/// (ids and words, as the pipeline reads them); empty without a model or without corrections.
pub fn learn(read: &[(&str, &[Token])], corrections: &[Correction]) -> Learned {
    match super::tagger() {
        Some(t) if !corrections.is_empty() => t.learn(read, corrections, &Lists::runtime(crate::lexicon::lexicon())),
        _ => Learned::default(),
    }
}
