//! A trained entity tagger: an averaged structured perceptron over BIO tags (PER, LOC, ORG, MISC)
//! with first-order Viterbi decoding, trained on ANERcorp.
//!
//! One concern per file:
//! - [`tags`], the tag set and the BIO constraint;
//! - [`lists`], the word lists the features consult (jackknifed while training);
//! - [`features`], hashed features of each word;
//! - [`decode`], Viterbi;
//! - [`doc`], document evidence for the second pass;
//! - [`perceptron`], training, quantisation and pruning;
//! - [`model_io`], the binary model format (checked on load, never panics), and
//!   [`range_coder`], the entropy coder it stores the weights with;
//! - [`sentence`], CoNLL tokens read as the app reads text;
//! - [`spans`], tags to [`Candidate`]s with proclitic-aware offsets;
//! - [`baseline`], the most-frequent-tag-per-word baseline.
//!
//! The model trained on the first 90 % of `data/anercorp/train.txt` is embedded
//! (`data/model/tagger.bin`, CC BY-SA 4.0, see `data/model/NOTICE.md`); [`tagger`] loads it once.
//! [`candidates`] is what the recogniser calls.

pub mod baseline;
pub mod decode;
pub mod doc;
pub mod features;
pub mod learn;
pub mod lists;
pub mod model_io;
pub mod perceptron;
pub mod score;
pub mod range_coder;
pub mod sentence;
pub mod spans;
pub mod tags;

use crate::input::conll::TaggedToken;
use crate::lexicon::Lexicon;
use crate::model::{Candidate, Token};
use decode::{viterbi, Transitions};
use lists::Lists;
use model_io::{Model, ModelError};
use std::collections::HashSet;
use std::sync::OnceLock;
use tags::{Tag, N_TAGS};

/// The embedded model (see `data/model/NOTICE.md`); the web app loads the same file as an asset
/// ([`install`]).
#[cfg(feature = "embedded")]
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../data/model/tagger.bin");

/// A loaded model, ready to tag.
pub struct Tagger {
    bits: u8,
    doc_window: Option<u8>,
    /// Open-addressing table: (bucket + 1, row), 0 = empty; its length is a power of two.
    slots: Vec<(u32, u32)>,
    rows: Vec<[i8; N_TAGS]>,
    trans: Transitions<i64>,
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub(crate) struct Scratch {
    feats: Vec<u32>,
    offsets: Vec<u32>,
}

#[inline]
fn slot_of(bucket: u32, mask: usize) -> usize {
    (bucket.wrapping_mul(0x9e37_79b9) as usize) & mask
}

impl Tagger {
    pub fn from_model(m: &Model) -> Tagger {
        let mut rows: Vec<[i8; N_TAGS]> = Vec::new();
        let mut buckets: Vec<u32> = Vec::new();
        for &(key, w) in &m.weights {
            let bucket = key / N_TAGS as u32;
            if buckets.last() != Some(&bucket) {
                buckets.push(bucket);
                rows.push([0; N_TAGS]);
            }
            if let Some(r) = rows.last_mut() {
                r[(key % N_TAGS as u32) as usize] = w;
            }
        }
        let cap = (buckets.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slots = vec![(0u32, 0u32); cap];
        for (row, &b) in buckets.iter().enumerate() {
            let mut s = slot_of(b, mask);
            while slots[s].0 != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = (b + 1, row as u32);
        }
        let t = &m.trans;
        let widen = |a: &[i16; N_TAGS]| a.map(|v| v as i64);
        let trans = Transitions { start: widen(&t.start), pair: t.pair.map(|r| widen(&r)), end: widen(&t.end) };
        Tagger { bits: m.hash_bits, doc_window: m.doc_window, slots, rows, trans }
    }

    /// Read a model file; a corrupt or mismatched file is an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger::from_model(&Model::from_bytes(bytes)?))
    }

    /// Number of feature buckets with a weight.
    pub fn buckets(&self) -> usize {
        self.rows.len()
    }

    /// Whether the model tags in two passes, with document evidence in the second.
    pub fn two_pass(&self) -> bool {
        self.doc_window.is_some()
    }

    #[inline]
    fn row(&self, bucket: u32) -> Option<&[i8; N_TAGS]> {
        let mask = self.slots.len() - 1;
        let mut s = slot_of(bucket, mask);
        loop {
            let (k, r) = self.slots[s];
            if k == 0 {
                return None;
            }
            if k == bucket + 1 {
                return Some(&self.rows[r as usize]);
            }
            s = (s + 1) & mask;
        }
    }

    /// Add the weights of `feats` (the model's, and what was `learned`) to the emission scores
    /// of one word.
    #[inline]
    fn add(&self, em: &mut [i64], feats: &[u32], learned: Option<&learn::Learned>) {
        let mut acc = [0i32; N_TAGS];
        for &f in feats {
            if let Some(r) = self.row(f) {
                for t in 0..N_TAGS {
                    acc[t] += r[t] as i32;
                }
            }
            if let Some(r) = learned.and_then(|l| l.rows.get(&f)) {
                for t in 0..N_TAGS {
                    acc[t] += r[t];
                }
            }
        }
        for t in 0..N_TAGS {
            em[t] += acc[t] as i64;
        }
    }

    /// Emission scores of one segment from its local features.
    fn local(&self, words: &[Token], lists: &Lists, sc: &mut Scratch, learned: Option<&learn::Learned>) -> Vec<i64> {
        features::extract(words, lists, &|_| true, self.bits, &mut sc.feats, &mut sc.offsets);
        let mut em = vec![0i64; words.len() * N_TAGS];
        for i in 0..words.len() {
            let f = &sc.feats[sc.offsets[i] as usize..sc.offsets[i + 1] as usize];
            self.add(&mut em[i * N_TAGS..(i + 1) * N_TAGS], f, learned);
        }
        em
    }

    /// Tags of the segments of one document. `window`: `None` if the segments are one document,
    /// `Some(w)` if a segment's document is the `w` segments on each side (CoNLL input).
    /// `learned`: weights learned from the reader's corrections ([`learn`]), if any.
    pub fn tag_document(&self, segs: &[&[Token]], window: Option<usize>, lists: &Lists, learned: Option<&learn::Learned>) -> Vec<Vec<Tag>> {
        let mut sc = Scratch::default();
        let ems: Vec<Vec<i64>> = segs.iter().map(|s| self.local(s, lists, &mut sc, learned)).collect();
        let first: Vec<Vec<Tag>> = segs
            .iter()
            .zip(&ems)
            .map(|(s, em)| {
                let mut t = Vec::new();
                viterbi(em, s.len(), &self.trans, &mut t);
                t
            })
            .collect();
        if self.doc_window.is_none() {
            return first;
        }
        let evidence = doc::evidence(segs, &first, window, lists.lex);
        let mut out = Vec::with_capacity(segs.len());
        for (k, mut em) in ems.into_iter().enumerate() {
            for (i, e) in evidence[k].iter().enumerate() {
                sc.feats.clear();
                features::doc_features(e, self.bits, &mut sc.feats);
                self.add(&mut em[i * N_TAGS..(i + 1) * N_TAGS], &sc.feats, None);
            }
            let mut t = Vec::new();
            viterbi(&em, segs[k].len(), &self.trans, &mut t);
            out.push(t);
        }
        out
    }

    /// Tags of the tokens of CoNLL sentences (one per token), read as the app reads text; with a
    /// two-pass model, a sentence's document is the model's window of sentences around it.
    pub fn tag_conll(&self, sentences: &[Vec<TaggedToken>], lists: &Lists, learned: Option<&learn::Learned>) -> Vec<Vec<Tag>> {
        let subs: Vec<sentence::SubWords> = sentences.iter().map(|s| sentence::sub_words(s.iter().map(|t| t.token.as_str()))).collect();
        let segs: Vec<&[Token]> = subs.iter().map(|s| s.words.as_slice()).collect();
        let pieces = self.tag_document(&segs, self.doc_window.map(usize::from), lists, learned);
        subs.iter().zip(&pieces).map(|(s, p)| sentence::token_tags(s, p)).collect()
    }

    /// Entity candidates over a document's words (see [`candidates`]).
    pub fn candidates(&self, words: &[Token], lists: &Lists, learned: Option<&learn::Learned>) -> Vec<Candidate> {
        let doc_forms: HashSet<&str> = words.iter().filter(|w| w.is_body_word()).map(|w| w.norm()).collect();
        let ranges = segments(words);
        let segs: Vec<&[Token]> = ranges.iter().map(|&(a, b)| &words[a..b]).collect();
        let tags = self.tag_document(&segs, None, lists, learned);
        let mut out = Vec::new();
        for (&(a, _), t) in ranges.iter().zip(&tags) {
            spans::candidates(words, a, t, lists, &doc_forms, &mut out);
        }
        out
    }
}

/// The segments a document is tagged in, as `(start, end)` token ranges: its sentences
/// ([`crate::tokenize::sentences`]), cut around boilerplate, which belongs to no segment (never
/// tagged).
pub fn segments(words: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if w.boiler || (i > start && w.sentence != words[i - 1].sentence) {
            if start < i {
                out.push((start, i));
            }
            start = if w.boiler { i + 1 } else { i };
        }
    }
    if start < words.len() {
        out.push((start, words.len()));
    }
    out
}

static INSTALLED: OnceLock<Tagger> = OnceLock::new();

/// The model: the one [`install`]ed, else the embedded one (feature `embedded`), loaded on first
/// use; `None` if there is none or it does not load (then names come from lists and rules only).
pub fn tagger() -> Option<&'static Tagger> {
    if let Some(t) = INSTALLED.get() {
        return Some(t);
    }
    #[cfg(feature = "embedded")]
    {
        static TAGGER: OnceLock<Option<Tagger>> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_bytes(EMBEDDED_MODEL).ok()).as_ref()
    }
    #[cfg(not(feature = "embedded"))]
    {
        None
    }
}

/// Load the model from its file (the web app, once, before its first analysis). A corrupt or
/// mismatched file is an error, never a panic.
pub fn install(bytes: &[u8]) -> Result<(), ModelError> {
    let t = Tagger::from_bytes(bytes)?;
    let _ = INSTALLED.set(t);
    Ok(())
}

/// Why the embedded model does not load, if it does not.
#[cfg(feature = "embedded")]
pub fn embedded_model_error() -> Option<ModelError> {
    Tagger::from_bytes(EMBEDDED_MODEL).err()
}

/// Entity spans the embedded model finds in a document's token stream (boilerplate is never
/// tagged). Each candidate covers `words[first..last]`; its byte offsets start after any
/// proclitic of the first word, its key is the matching forms joined by spaces with that
/// proclitic removed; origin [`Origin::Tagger`](crate::model::Origin::Tagger), priority 3. Empty
/// if the model does not load. `learned`: what the model learned from the reader's corrections.
pub fn candidates(words: &[Token], lex: &Lexicon, learned: Option<&learn::Learned>) -> Vec<Candidate> {
    match tagger() {
        Some(t) => t.candidates(words, &Lists::runtime(lex), learned),
        None => Vec::new(),
    }
}

/// Tag a raw text as the app does (tokens, boilerplate, model) and return its number of tokens;
/// for timing the tagger where there is no clock (a browser harness times the call). The first
/// call also loads the model and the word lists: call it once before timing.
pub fn tag_text_tokens(text: &str) -> usize {
    let mut tz = crate::tokenize::tokenize(text);
    crate::boilerplate::mark(&mut tz);
    let found = candidates(&tz.tokens, crate::lexicon::lexicon(), None);
    std::hint::black_box(found);
    tz.tokens.len()
}
