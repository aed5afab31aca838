//! First-order Viterbi decoding over the BIO tags, with the BIO constraint built in: an `I-X`
//! only after `B-X` or `I-X`, never first.

use super::tags::{allowed, Tag, N_TAGS};

/// Transition scores: from the start, between tags (`prev * N_TAGS + cur`), and to the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transitions<T> {
    pub start: [T; N_TAGS],
    pub pair: [[T; N_TAGS]; N_TAGS],
    pub end: [T; N_TAGS],
}

impl<T: Copy + Default> Default for Transitions<T> {
    fn default() -> Self {
        Transitions { start: [T::default(); N_TAGS], pair: [[T::default(); N_TAGS]; N_TAGS], end: [T::default(); N_TAGS] }
    }
}

/// The best tag sequence for `n` words with emission scores `em[i * N_TAGS + tag]`. Ties go to
/// the lower tag index (so `O` wins ties), which keeps decoding deterministic.
pub fn viterbi(em: &[i64], n: usize, tr: &Transitions<i64>, out: &mut Vec<Tag>) {
    out.clear();
    if n == 0 {
        return;
    }
    const NEG: i64 = i64::MIN / 4;
    let mut score = vec![NEG; n * N_TAGS];
    let mut back = vec![0u8; n * N_TAGS];
    for t in 0..N_TAGS {
        if allowed(None, t as Tag) {
            score[t] = tr.start[t] + em[t];
        }
    }
    for i in 1..n {
        for t in 0..N_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for p in 0..N_TAGS {
                let prev = score[(i - 1) * N_TAGS + p];
                if prev == NEG || !allowed(Some(p as Tag), t as Tag) {
                    continue;
                }
                let s = prev + tr.pair[p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best > NEG {
                score[i * N_TAGS + t] = best + em[i * N_TAGS + t];
                back[i * N_TAGS + t] = arg;
            }
        }
    }
    let mut best = NEG;
    let mut arg = 0u8;
    for t in 0..N_TAGS {
        let s = score[(n - 1) * N_TAGS + t];
        if s > NEG && s + tr.end[t] > best {
            best = s + tr.end[t];
            arg = t as u8;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = back[i * N_TAGS + out[i] as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType;
    use crate::tagger::tags::{begin, inside, O};

    #[test]
    fn never_starts_or_continues_wrongly() {
        // Emissions strongly prefer I-LOC everywhere: the decoder must open with B-LOC.
        let il = inside(EntityType::Loc) as usize;
        let mut em = vec![0i64; 3 * N_TAGS];
        for i in 0..3 {
            em[i * N_TAGS + il] = 10;
        }
        let mut out = Vec::new();
        viterbi(&em, 3, &Transitions::default(), &mut out);
        assert_eq!(out, vec![begin(EntityType::Loc), inside(EntityType::Loc), inside(EntityType::Loc)]);
        viterbi(&[0; N_TAGS], 1, &Transitions::default(), &mut out);
        assert_eq!(out, vec![O]);
    }
}
