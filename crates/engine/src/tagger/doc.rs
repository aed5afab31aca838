//! Document evidence for the second pass ("one sense per discourse").
//!
//! A name is often written several times in one article, and not every mention has a telling
//! context (`قال الرئيس كالينكوف` … `كالينكوف`). After a first pass, every word learns how the
//! *other* words of its document that share a form with it (the word, or a stem after proclitics,
//! three letters or more, function words aside) were tagged: counts per tag. The second pass adds
//! features for these counts ([`super::features::doc_features`]).
//!
//! In the app the document is the article. A CoNLL file has no document boundaries, so there a
//! sentence's document is a window of sentences around it (`window` on each side).

use super::tags::{Tag, N_TAGS};
use crate::lexicon::Lexicon;
use crate::model::Token;
use std::collections::HashMap;

/// At most this many other mentions of one form are counted (a form repeated thousands of times
/// would otherwise make the count quadratic).
const MAX_MENTIONS: usize = 64;

/// Tag counts of the matching words, per word.
pub type Evidence = [u16; N_TAGS];

fn forms<'w>(w: &'w Token, lex: &'w Lexicon) -> impl Iterator<Item = &'w str> {
    let word = w.is_body_word();
    std::iter::once(w.norm())
        .chain(w.splits.iter().skip(1).map(|s| s.stem.as_str()))
        .filter(move |f| word && f.chars().count() >= 3 && !lex.function.contains(*f))
}

/// Evidence for every word of `segs[k]` for each `k` in `targets`, from the segments
/// `segs[lo..hi]` (which must include the targets) and their first-pass `tags`.
fn evidence_in(segs: &[&[Token]], tags: &[Vec<Tag>], lo: usize, hi: usize, targets: std::ops::Range<usize>, lex: &Lexicon, out: &mut [Vec<Evidence>]) {
    let mut index: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut flat_tags: Vec<Tag> = Vec::new();
    let mut starts = Vec::with_capacity(hi - lo);
    for k in lo..hi {
        starts.push(flat_tags.len());
        for (i, w) in segs[k].iter().enumerate() {
            let pos = flat_tags.len() as u32;
            flat_tags.push(tags[k][i]);
            for f in forms(w, lex) {
                let v = index.entry(f).or_default();
                if v.last() != Some(&pos) {
                    v.push(pos);
                }
            }
        }
    }
    let mut matched: Vec<u32> = Vec::new();
    for k in targets {
        let base = starts[k - lo] as u32;
        out[k] = segs[k]
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let me = base + i as u32;
                matched.clear();
                for f in forms(w, lex) {
                    if let Some(v) = index.get(f) {
                        matched.extend(v.iter().copied().filter(|&p| p != me).take(MAX_MENTIONS));
                    }
                }
                crate::sort::natural(&mut matched);
                matched.dedup();
                let mut e = [0u16; N_TAGS];
                for &p in &matched {
                    let t = flat_tags[p as usize] as usize;
                    e[t] = e[t].saturating_add(1);
                }
                e
            })
            .collect();
    }
}

/// Evidence for every word of every segment. `window`: `None` = all segments are one document;
/// `Some(w)` = segment `k`'s document is segments `k − w ..= k + w`.
pub fn evidence(segs: &[&[Token]], tags: &[Vec<Tag>], window: Option<usize>, lex: &Lexicon) -> Vec<Vec<Evidence>> {
    let n = segs.len();
    let mut out = vec![Vec::new(); n];
    match window {
        None => evidence_in(segs, tags, 0, n, 0..n, lex, &mut out),
        Some(w) => {
            for k in 0..n {
                evidence_in(segs, tags, k.saturating_sub(w), (k + w + 1).min(n), k..k + 1, lex, &mut out);
            }
        }
    }
    out
}
