//! The reference every tagger must beat: each word gets the tag it had most often in training
//! (matching form; ties go to `O`, then to the lower tag index); unseen words get `O`.

use super::tags::{parse, Tag, N_TAGS, O};
use crate::input::conll::TaggedToken;
use crate::normalize::normalize;
use std::collections::HashMap;

pub struct Baseline {
    best: HashMap<String, Tag>,
}

impl Baseline {
    pub fn train(sentences: &[Vec<TaggedToken>]) -> Baseline {
        let mut counts: HashMap<String, [u32; N_TAGS]> = HashMap::new();
        for t in sentences.iter().flatten() {
            let tag = parse(&t.tag).unwrap_or(O);
            counts.entry(normalize(&t.token)).or_insert([0; N_TAGS])[tag as usize] += 1;
        }
        let best = counts
            .into_iter()
            .map(|(w, c)| {
                let mut arg = 0;
                for t in 1..N_TAGS {
                    if c[t] > c[arg] {
                        arg = t;
                    }
                }
                (w, arg as Tag)
            })
            .collect();
        Baseline { best }
    }

    pub fn tag(&self, tokens: &[TaggedToken]) -> Vec<Tag> {
        tokens.iter().map(|t| self.best.get(&normalize(&t.token)).copied().unwrap_or(O)).collect()
    }
}
