//! Features of each word of a segment, hashed into a fixed table of `2^bits` buckets.
//!
//! A feature is a template number and a few strings or numbers; it is hashed (FNV-1a, then a
//! 64-bit finaliser) and its top `bits` bits are its bucket. Nothing is stored per feature name:
//! the model only knows buckets, so it carries no vocabulary, and a feature it never saw simply
//! has no weight. Templates, for the word at `i`:
//!
//! - identity: the word (matching form), every proclitic stem (`وبوتين` → `بوتين`), the stem
//!   after the article; a shared "form" template for the word and its stems, so that `واشرف`
//!   profits from what was learnt about `اشرف`;
//! - shape: script, Latin capitalisation, digit count, the punctuation mark itself, length;
//!   the proclitics (`و+ب`); prefixes and suffixes of 1–3 letters of the word, and prefixes of
//!   the stem after the article;
//! - lists ([`super::lists`]): type of the word or of a stem as a known name; its position
//!   (`B`/`I` + type) in the longest known multi-word name; first name, family name, common
//!   word, function word, Slavic surname ending, `-ستان` ending, relative adjective, article,
//!   final ى; titles, organisation heads, place triggers, media heads, attribution words, time
//!   words, post-name participles, place descriptors, title modifiers, ministry metonyms;
//! - context: the words at −2, −1, +1, +2 (or the segment's edge) and their list classes, the
//!   stems, known-name position and 2-letter suffix of the words at ±1, the bigrams (−1, 0) and
//!   (0, +1), any title, organisation head, place trigger or media head among the four words
//!   before; and for a word that looks like a name (not common, no article, not a list word) the
//!   words right before and after it (`وقال كوبل`);
//! - second pass only: the document evidence ([`doc_features`]).
//!
//! The previous tag is not a feature here: it is the transition score in [`super::decode`].
//! While training, identity features of forms that the rest of the training data never shows are
//! left out (`known`), as they carry no weight at run time. Changing any template changes the
//! model: bump [`FEATURES_VERSION`] so that an old model is refused instead of read wrongly.

mod info;

use super::lists::Lists;
use crate::model::Token;
use crate::model::TokenKind;
use info::{info, mark_names, mark_places, Info};
use info::{C_AFTER_NAME, C_ARTICLE, C_COMMON, C_FUNCTION, C_MEDIA, C_ORG_HEAD, C_PLACE_TRIGGER, C_TEMPORAL, C_TITLE, N_CLASSES};

/// Version of the feature templates; stored in the model and checked on load.
pub const FEATURES_VERSION: u16 = 2;

/// FNV-1a over bytes, with a template number first.
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    fn new(template: u8) -> H {
        let mut h = H(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    #[inline]
    fn s(mut self, s: &str) -> H {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0xff); // separator: no UTF-8 byte is 0xff
        self
    }
    #[inline]
    fn n(mut self, n: u32) -> H {
        for b in n.to_le_bytes() {
            self.byte(b);
        }
        self
    }
    #[inline]
    fn bucket(self, bits: u8) -> u32 {
        // splitmix64 finaliser, then the top bits.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> (64 - bits as u32)) as u32
    }
}

// Template numbers.
const T_BIAS: u8 = 1;
const T_WORD: u8 = 2;
const T_SHAPE: u8 = 3;
const T_LEN: u8 = 4;
const T_STEM: u8 = 5;
const T_CLITIC: u8 = 6;
const T_PREFIX: u8 = 7;
const T_SUFFIX: u8 = 8;
const T_CORE: u8 = 9;
const T_CORE_PREFIX: u8 = 10;
const T_NAME_WORD: u8 = 11;
const T_NAME_STEM: u8 = 12;
const T_NAME_SPAN: u8 = 13;
const T_CLASS: u8 = 14;
const T_NEIGHBOUR: u8 = 15;
const T_NEIGHBOUR_SPAN: u8 = 16;
const T_NEIGHBOUR_SUFFIX: u8 = 17;
const T_BIGRAM: u8 = 18;
const T_FORM: u8 = 19;
const T_NEIGHBOUR_FORM: u8 = 20;
const T_WINDOW: u8 = 21;
const T_NAMELIKE_CONTEXT: u8 = 22;
const T_ZIPF: u8 = 23;
const T_GEO: u8 = 24;
const T_GEO_SPAN: u8 = 25;
const T_NGRAM: u8 = 26;
const T_NEIGHBOUR_ZIPF: u8 = 27;

fn shape(h: H, w: &Info) -> H {
    match w.kind {
        TokenKind::Arabic => h.n(1),
        TokenKind::Latin => {
            let upper = w.text.chars().filter(|c| c.is_uppercase()).count();
            let caps = if upper == 0 {
                0
            } else if upper == w.text.chars().count() {
                1
            } else if w.text.chars().next().is_some_and(char::is_uppercase) {
                2
            } else {
                3
            };
            h.n(2).n(caps)
        }
        TokenKind::Number => h.n(3).n(w.norm.len().min(5) as u32),
        TokenKind::Punct => h.n(4).s(w.norm),
    }
}

/// The last `k` characters of `s` (all of it if shorter).
fn last_chars(s: &str, k: usize) -> &str {
    let start = s.char_indices().rev().nth(k - 1).map_or(0, |(b, _)| b);
    &s[start..]
}

/// Features of every word of `words` (one segment): bucket ids into `feats`, and for word `i`
/// the range `offsets[i]..offsets[i + 1]`. `offsets` gets `words.len() + 1` entries. Identity
/// features are added only for forms that `known` accepts (at run time: all).
/// The features of word `i` of `words` that name the word itself, as [`extract`] hashes them at
/// run time (every word known): its form, its stems without proclitics, its core without the
/// article, and the word pairs it makes with the word before (`pairs.0`) and after (`pairs.1`)
/// if asked. What the tagger learns from a correction moves only these ([`super::learn`]): no
/// shape, length, affix, frequency, list or context feature that other words share.
pub fn identity(words: &[Token], i: usize, bits: u8, pairs: (bool, bool), out: &mut Vec<u32>) {
    out.clear();
    let Some(w) = words.get(i) else { return };
    let mut push = |h: H| out.push(h.bucket(bits));
    let norm = w.norm();
    push(H::new(T_WORD).s(norm));
    push(H::new(T_FORM).s(norm));
    for s in w.splits.iter().skip(1) {
        push(H::new(T_FORM).s(&s.stem));
        push(H::new(T_STEM).s(&s.stem));
    }
    // The core as `info` finds it: the stem after the article.
    if matches!(w.kind, TokenKind::Arabic | TokenKind::Latin) {
        if let Some(core) = w.splits.iter().find_map(|s| crate::tokenize::clitics::without_article(&s.stem).filter(|_| s.stem.starts_with("ال"))) {
            push(H::new(T_CORE).s(core));
        }
    }
    if pairs.0 && i > 0 {
        push(H::new(T_BIGRAM).n(0).s(words[i - 1].norm()).s(norm));
    }
    if pairs.1 && i + 1 < words.len() {
        push(H::new(T_BIGRAM).n(1).s(norm).s(words[i + 1].norm()));
    }
}

pub fn extract(words: &[Token], lists: &Lists, known: &dyn Fn(&str) -> bool, bits: u8, feats: &mut Vec<u32>, offsets: &mut Vec<u32>) {
    feats.clear();
    offsets.clear();
    let mut infos: Vec<Info> = words.iter().map(|w| info(w, lists)).collect();
    mark_names(words, &mut infos, lists);
    mark_places(words, &mut infos, lists);
    let n = words.len();
    for i in 0..n {
        offsets.push(feats.len() as u32);
        let mut push = |h: H| feats.push(h.bucket(bits));
        let me = &infos[i];
        let w = &words[i];
        push(H::new(T_BIAS));
        let me_known = known(me.norm);
        if me_known {
            push(H::new(T_WORD).s(me.norm));
            push(H::new(T_FORM).s(me.norm));
        }
        push(shape(H::new(T_SHAPE), me));
        let len = me.norm.chars().count();
        push(H::new(T_LEN).n(len.min(10) as u32).n(me.kind as u32));
        for s in w.splits.iter().skip(1) {
            if known(&s.stem) {
                push(H::new(T_FORM).s(&s.stem));
                push(H::new(T_STEM).s(&s.stem));
            }
            push(H::new(T_CLITIC).s(s.clitics));
        }
        if matches!(me.kind, TokenKind::Arabic | TokenKind::Latin) {
            let idx: Vec<usize> = me.norm.char_indices().map(|(b, _)| b).chain(std::iter::once(me.norm.len())).collect();
            for k in 1..=3usize {
                if len > k {
                    push(H::new(T_PREFIX).n(k as u32).s(&me.norm[..idx[k]]));
                    push(H::new(T_SUFFIX).n(k as u32).s(&me.norm[idx[len - k]..]));
                }
            }
            if let Some(core) = me.core {
                if known(core) {
                    push(H::new(T_CORE).s(core));
                }
                let cidx: Vec<usize> = core.char_indices().map(|(b, _)| b).chain(std::iter::once(core.len())).collect();
                let clen = cidx.len() - 1;
                for k in 1..=3usize {
                    if clen > k {
                        push(H::new(T_CORE_PREFIX).n(k as u32).s(&core[..cidx[k]]));
                    }
                }
            }
        }
        if me.kind == TokenKind::Arabic {
            push(H::new(T_ZIPF).n(0).n(me.zipf.0));
            push(H::new(T_ZIPF).n(1).n(me.zipf.1));
            push(H::new(T_ZIPF).n(2).n(me.zipf.0).n(me.zipf.1));
            if me.geo > 0 {
                push(H::new(T_GEO).n(me.geo));
                push(H::new(T_GEO).n(10 + me.geo).n(me.zipf.0.min(12) / 3));
            }
            if me.geo_span > 0 {
                push(H::new(T_GEO_SPAN).n(me.geo_span));
            }
            // Character 3- and 4-grams of the word without its proclitics and article, for
            // words no list knows (`-وف`, `-سكي`, `-ستان`, `-يا` foreign names).
            let base = me.core.unwrap_or(me.norm);
            // Its pattern: affix letters kept, other letters C (`مستشفى` → `مستCCC`): verbs,
            // verbal nouns and participles follow a few patterns; names mostly do not.
            let pattern: String = base.chars().map(|c| if "اويتمنسهال".contains(c) { c } else { 'C' }).collect();
            push(H::new(T_NGRAM).n(9).s(&pattern));
            let chars: Vec<char> = format!("^{base}$").chars().collect();
            for k in [3usize, 4] {
                for g in chars.windows(k) {
                    let g: String = g.iter().collect();
                    push(H::new(T_NGRAM).n(k as u32).s(&g));
                }
            }
        }
        if let Some(t) = me.name_word {
            push(H::new(T_NAME_WORD).n(t as u32));
        }
        if let Some(t) = me.name_stem {
            push(H::new(T_NAME_STEM).n(t as u32));
        }
        if let Some(t) = me.name_span {
            push(H::new(T_NAME_SPAN).n(t as u32));
        }
        for b in 0..N_CLASSES {
            if me.classes & (1 << b) != 0 {
                push(H::new(T_CLASS).n(2).n(b));
            }
        }
        for d in [-2i32, -1, 1, 2] {
            let j = i as i32 + d;
            let dd = (d + 2) as u32;
            if j < 0 || j >= n as i32 {
                push(H::new(T_NEIGHBOUR).n(dd).s(if j < 0 { "<s>" } else { "</s>" }));
                continue;
            }
            let o = &infos[j as usize];
            let o_known = known(o.norm);
            if o_known {
                push(H::new(T_NEIGHBOUR).n(dd).s(o.norm));
            }
            for b in 0..N_CLASSES {
                if o.classes & (1 << b) != 0 {
                    push(H::new(T_CLASS).n(dd).n(b));
                }
            }
            if o.kind == TokenKind::Arabic {
                push(H::new(T_NEIGHBOUR_ZIPF).n(dd).n(o.zipf.0.max(o.zipf.1)));
            }
            if d.abs() == 1 {
                for sp in words[j as usize].splits.iter().skip(1) {
                    if known(&sp.stem) {
                        push(H::new(T_NEIGHBOUR_FORM).n(dd).s(&sp.stem));
                    }
                }
                let span = o.name_span.map(|t| t as u32 + 1).unwrap_or(0);
                push(H::new(T_NEIGHBOUR_SPAN).n(dd).n(span));
                if matches!(o.kind, TokenKind::Arabic) && o.norm.chars().count() > 2 {
                    push(H::new(T_NEIGHBOUR_SUFFIX).n(dd).s(last_chars(o.norm, 2)));
                }
            }
        }
        // An unknown-looking word in context: `وقال كوبل`, `راوول الهدف`.
        let namelike = matches!(me.kind, TokenKind::Arabic | TokenKind::Latin)
            && len >= 2
            && me.classes & (C_COMMON | C_FUNCTION | C_ARTICLE | C_TITLE | C_ORG_HEAD | C_PLACE_TRIGGER | C_TEMPORAL | C_AFTER_NAME) == 0;
        if namelike {
            let prev = if i > 0 { infos[i - 1].norm } else { "<s>" };
            let next = if i + 1 < n { infos[i + 1].norm } else { "</s>" };
            push(H::new(T_NAMELIKE_CONTEXT).n(0));
            if i == 0 || known(prev) {
                push(H::new(T_NAMELIKE_CONTEXT).n(1).s(prev));
            }
            if i + 1 == n || known(next) {
                push(H::new(T_NAMELIKE_CONTEXT).n(2).s(next));
            }
        }
        // Titles, heads and triggers a little further away: `الرئيس الأمريكي جورج بوش`.
        let mut before = 0u32;
        for o in &infos[i.saturating_sub(4)..i] {
            before |= o.classes & (C_TITLE | C_ORG_HEAD | C_PLACE_TRIGGER | C_MEDIA);
        }
        for b in 0..N_CLASSES {
            if before & (1 << b) != 0 {
                push(H::new(T_WINDOW).n(b));
            }
        }
        let prev = if i > 0 { infos[i - 1].norm } else { "<s>" };
        let next = if i + 1 < n { infos[i + 1].norm } else { "</s>" };
        if me_known && (i == 0 || known(prev)) {
            push(H::new(T_BIGRAM).n(0).s(prev).s(me.norm));
        }
        if me_known && (i + 1 == n || known(next)) {
            push(H::new(T_BIGRAM).n(1).s(me.norm).s(next));
        }
    }
    offsets.push(feats.len() as u32);
}

const T_DOC_HAS: u8 = 30;
const T_DOC_MAJORITY: u8 = 31;
const T_DOC_ONLY: u8 = 32;
const T_DOC_SHARE: u8 = 33;

/// Second-pass features of one word from its document evidence ([`super::doc`]): which types the
/// other mentions of its forms were tagged with (per tag, `B`/`I` apart), the majority tag, whether
/// they were never `O`, and the share of entity tags in quarters.
pub fn doc_features(e: &super::doc::Evidence, bits: u8, out: &mut Vec<u32>) {
    let total: u32 = e.iter().map(|&c| c as u32).sum();
    if total == 0 {
        return;
    }
    for (t, &c) in e.iter().enumerate() {
        if c > 0 {
            out.push(H::new(T_DOC_HAS).n(t as u32).bucket(bits));
        }
    }
    let mut best = 0;
    for t in 1..e.len() {
        if e[t] > e[best] {
            best = t;
        }
    }
    out.push(H::new(T_DOC_MAJORITY).n(best as u32).bucket(bits));
    if e[0] == 0 {
        out.push(H::new(T_DOC_ONLY).n(best as u32).bucket(bits));
    }
    if best != 0 {
        let share = (4 * (total - e[0] as u32) / total).min(3);
        out.push(H::new(T_DOC_SHARE).n(best as u32).n(share).bucket(bits));
    }
}
