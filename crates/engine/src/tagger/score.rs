//! Entity-level exact-match scoring, as CoNLL's `conlleval` does it: an entity counts as correct
//! only if both its boundaries and its type match a gold entity. Entities are read from BIO tags
//! with [`crate::input::conll::chunks`]; token accuracy counts tags that are equal.

use crate::input::conll::chunks;
use crate::model::EntityType;
use std::collections::{BTreeMap, HashSet};

/// Entity counts for one type (or overall).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold standard.
    pub gold: usize,
    /// Entities predicted.
    pub found: usize,
    /// Predicted entities that match a gold one exactly.
    pub correct: usize,
}

impl Counts {
    /// Precision in 0..=1 (0 when nothing was found).
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            0.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }
    /// Recall in 0..=1 (0 when there is no gold entity).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.correct += o.correct;
    }
}

/// Scores accumulated over sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    pub tokens: usize,
    /// Tokens whose predicted tag equals the gold tag.
    pub tokens_correct: usize,
    pub by_type: BTreeMap<EntityType, Counts>,
}

impl Scores {
    /// Add one sentence: gold and predicted BIO tags, one per token (`PERS` and `PER` are the
    /// same type; for token accuracy they are compared after that normalisation).
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], pred: &[T]) {
        assert_eq!(gold.len(), pred.len(), "one predicted tag per gold tag");
        self.tokens += gold.len();
        for (g, p) in gold.iter().zip(pred) {
            let norm = |t: &str| crate::input::conll::normalize_tag(t).unwrap_or_else(|| t.to_string());
            if norm(g.as_ref()) == norm(p.as_ref()) {
                self.tokens_correct += 1;
            }
        }
        let g = chunks(gold);
        let p = chunks(pred);
        let gs: HashSet<_> = g.iter().copied().collect();
        for c in &g {
            self.by_type.entry(c.kind).or_default().gold += 1;
        }
        for c in &p {
            let e = self.by_type.entry(c.kind).or_default();
            e.found += 1;
            if gs.contains(c) {
                e.correct += 1;
            }
        }
    }

    /// All types together.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for v in self.by_type.values() {
            c.add(*v);
        }
        c
    }

    pub fn accuracy(&self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            self.tokens_correct as f64 / self.tokens as f64
        }
    }

    /// A `conlleval`-style report: totals, overall precision/recall/FB1, then one line per type
    /// (with the number of gold and found entities).
    pub fn report(&self) -> String {
        let o = self.overall();
        let pct = |x: f64| 100.0 * x;
        let mut s = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, o.gold, o.found, o.correct
        );
        s.push_str(&format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            pct(self.accuracy()),
            pct(o.precision()),
            pct(o.recall()),
            pct(o.f1())
        ));
        for (k, c) in &self.by_type {
            s.push_str(&format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  gold {} found {}\n",
                k.code(),
                pct(c.precision()),
                pct(c.recall()),
                pct(c.f1()),
                c.gold,
                c.found
            ));
        }
        s
    }
}
