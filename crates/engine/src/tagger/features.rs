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

use super::lists::Lists;
use super::tags::{begin, inside, Tag};
use crate::model::EntityType;
use crate::model::Token;
use crate::model::TokenKind;

/// Version of the feature templates; stored in the model and checked on load.
pub const FEATURES_VERSION: u16 = 2;

/// Longest known name looked up, in words.
const MAX_NAME_WORDS: usize = 6;

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

// Word classes (bits).
const C_TITLE: u32 = 1 << 0;
const C_ORG_HEAD: u32 = 1 << 1;
const C_PLACE_TRIGGER: u32 = 1 << 2;
const C_MEDIA: u32 = 1 << 3;
const C_ATTRIBUTION: u32 = 1 << 4;
const C_TEMPORAL: u32 = 1 << 5;
const C_AFTER_NAME: u32 = 1 << 6;
const C_FUNCTION: u32 = 1 << 7;
const C_COMMON: u32 = 1 << 8;
const C_FIRST: u32 = 1 << 9;
const C_LAST: u32 = 1 << 10;
const C_FIRST_STEM: u32 = 1 << 11;
const C_LAST_STEM: u32 = 1 << 12;
const C_SURNAME_ENDING: u32 = 1 << 13;
const C_PLACE_ENDING: u32 = 1 << 14;
const C_NISBA: u32 = 1 << 15;
const C_ARTICLE: u32 = 1 << 16;
const C_MAQSURA: u32 = 1 << 17;
const C_PLACE_DESCRIPTOR: u32 = 1 << 18;
const C_TITLE_MODIFIER: u32 = 1 << 19;
const C_MINISTRY: u32 = 1 << 20;
const N_CLASSES: u32 = 21;

/// What the features need to know about one word, computed once per segment.
struct Info<'w> {
    text: &'w str,
    norm: &'w str,
    kind: TokenKind,
    classes: u32,
    name_word: Option<EntityType>,
    name_stem: Option<EntityType>,
    name_span: Option<Tag>,
    /// The stem after the article (`ال`), possibly after other proclitics.
    core: Option<&'w str>,
    /// Zipf frequency bucket of the word as written and of its likeliest stem (0: not a listed
    /// word): how ordinary a word it is.
    zipf: (u32, u32),
    /// Population bucket of a place of this name (or of a stem's), plus one; 0 if none.
    geo: u32,
    /// Position in the longest place name of GeoNames: 1 + (begin 0, inside 1) × 8 + population
    /// bucket; 0 if none.
    geo_span: u32,
}

/// A population (a power of ten) as a small bucket: 1 (< 10,000) to 5 (a million or more).
fn pop_bucket(p: u32) -> u32 {
    match p {
        0..=9_999 => 1,
        10_000..=99_999 => 2,
        100_000..=999_999 => 3,
        _ => 4,
    }
}

/// A Zipf frequency × 10 as a bucket of half a unit (0: not listed).
fn zipf_bucket(z: u32) -> u32 {
    if z == 0 {
        0
    } else {
        1 + z.min(80) / 5
    }
}

fn in_set_or_stem(w: &Token, set: &std::collections::HashSet<String>) -> bool {
    set.contains(w.norm()) || w.splits.iter().skip(1).any(|s| set.contains(&s.stem))
}

fn info<'w>(w: &'w Token, lists: &Lists) -> Info<'w> {
    let lex = lists.lex;
    let norm = w.norm();
    let kind = w.kind;
    let mut c = 0;
    let mut name_word = None;
    let mut name_stem = None;
    let mut core = None;
    if matches!(kind, TokenKind::Arabic | TokenKind::Latin) {
        let flag = |b: bool, bit: u32| if b { bit } else { 0 };
        c |= flag(in_set_or_stem(w, &lex.person_titles), C_TITLE);
        c |= flag(in_set_or_stem(w, &lex.org_heads), C_ORG_HEAD);
        c |= flag(in_set_or_stem(w, &lex.place_triggers), C_PLACE_TRIGGER);
        c |= flag(in_set_or_stem(w, &lex.media_heads), C_MEDIA);
        c |= flag(in_set_or_stem(w, &lex.attribution), C_ATTRIBUTION);
        c |= flag(in_set_or_stem(w, &lex.temporal), C_TEMPORAL);
        c |= flag(lex.after_name.contains(norm), C_AFTER_NAME);
        c |= flag(in_set_or_stem(w, &lex.function), C_FUNCTION);
        c |= flag(lex.place_descriptors.contains(norm), C_PLACE_DESCRIPTOR);
        c |= flag(lex.title_modifiers.contains(norm), C_TITLE_MODIFIER);
        c |= flag(in_set_or_stem(w, &lex.ministry_metonyms), C_MINISTRY);
        c |= flag(lists.common(norm), C_COMMON);
        c |= flag(lists.first_name(norm) && !w.text.ends_with('ى'), C_FIRST);
        c |= flag(lists.last_name(norm), C_LAST);
        let stems = || w.splits.iter().skip(1).filter(|s| s.stem.chars().count() >= 3);
        c |= flag(stems().any(|s| lists.first_name(&s.stem)), C_FIRST_STEM);
        c |= flag(stems().any(|s| lists.last_name(&s.stem)), C_LAST_STEM);
        c |= flag(lex.has_surname_suffix(norm), C_SURNAME_ENDING);
        c |= flag(
            norm.chars().count() >= 6 && lex.place_suffixes.iter().any(|x| norm.ends_with(x.as_str())),
            C_PLACE_ENDING,
        );
        let article = w.splits.iter().any(|s| s.stem.starts_with("ال") && s.stem.chars().count() > 3);
        c |= flag(article, C_ARTICLE);
        c |= flag(
            article && norm.chars().count() >= 5 && (norm.ends_with('ي') || norm.ends_with("يه") || norm.ends_with("يين") || norm.ends_with("يون")),
            C_NISBA,
        );
        c |= flag(w.text.ends_with('ى'), C_MAQSURA);
        name_word = lists.name(norm);
        name_stem = stems().find_map(|s| lists.name(&s.stem));
        core = w.splits.iter().find_map(|s| crate::tokenize::clitics::without_article(&s.stem).filter(|_| s.stem.starts_with("ال")));
    }
    let (mut zipf, mut geo) = ((0, 0), 0);
    if kind == TokenKind::Arabic {
        zipf.0 = zipf_bucket(lex.zipf(norm));
        zipf.1 = w.splits.iter().skip(1).map(|s| lex.zipf(&s.stem)).max().map_or(0, zipf_bucket);
        geo = std::iter::once(norm)
            .chain(w.splits.iter().skip(1).filter(|s| s.stem.chars().count() >= 3).map(|s| s.stem.as_str()))
            .find_map(|f| lex.place(f))
            .map_or(0, |p| 1 + pop_bucket(p.population));
    }
    Info { text: w.text, norm, kind, classes: c, name_word, name_stem, name_span: None, core, zipf, geo, geo_span: 0 }
}

/// Mark the longest known names, left to right, as `B-X I-X …` over the segment. The first word
/// may carry proclitics; a hyphen between words is skipped.
fn mark_names(words: &[Token], infos: &mut [Info], lists: &Lists) {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let mut best: Option<(usize, EntityType)> = None;
        if w.is_body_word() {
            let unsplit;
            let splits: &[crate::tokenize::clitics::Split] = if w.splits.is_empty() {
                unsplit = [crate::tokenize::clitics::Split { stripped: 0, stem: w.norm().to_string(), clitics: "", offset: 0 }];
                &unsplit
            } else {
                &w.splits
            };
            for split in splits {
                if split.stripped > 0 && split.stem.chars().count() < 3 {
                    continue;
                }
                let mut key = split.stem.clone();
                let mut last = i;
                for n in 1..=MAX_NAME_WORDS {
                    if n > 1 {
                        let mut j = last + 1;
                        if words.get(j).is_some_and(|h| h.is_punct("-")) {
                            j += 1;
                        }
                        match words.get(j) {
                            Some(x) if x.is_body_word() => {
                                last = j;
                                key.push(' ');
                                key.push_str(x.norm());
                            }
                            _ => break,
                        }
                    }
                    let Some(kind) = lists.name(&key) else { continue };
                    if n == 1 && (lists.common(&key) || lists.lex.function.contains(&key)) {
                        continue;
                    }
                    if n == 1 && split.stripped > 0 && !matches!(split.clitics, "و" | "ف") && key.chars().count() < 4 {
                        continue;
                    }
                    if best.is_none_or(|(b, _)| last > b) {
                        best = Some((last, kind));
                    }
                }
            }
        }
        match best {
            Some((last, kind)) => {
                infos[i].name_span = Some(begin(kind));
                for x in &mut infos[i + 1..=last] {
                    x.name_span = Some(inside(kind));
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// Mark the longest place names of GeoNames of two words or more, left to right, as begin /
/// inside with the place's population bucket. The first word may carry proclitics.
fn mark_places(words: &[Token], infos: &mut [Info], lists: &Lists) {
    let lex = lists.lex;
    let max = lex.max_place_words.min(MAX_NAME_WORDS);
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let mut best: Option<(usize, u32)> = None;
        if w.kind == TokenKind::Arabic && !w.boiler {
            for split in &w.splits {
                if split.stripped > 0 && split.stem.chars().count() < 3 {
                    continue;
                }
                let mut key = split.stem.clone();
                let mut last = i;
                for _ in 2..=max {
                    match words.get(last + 1) {
                        Some(x) if x.kind == TokenKind::Arabic && !x.boiler => {
                            last += 1;
                            key.push(' ');
                            key.push_str(x.norm());
                        }
                        _ => break,
                    }
                    if let Some(p) = lex.place(&key) {
                        if best.is_none_or(|(b, _)| last > b) {
                            best = Some((last, pop_bucket(p.population)));
                        }
                    }
                }
            }
        }
        match best {
            Some((last, pop)) => {
                infos[i].geo_span = 1 + pop;
                for x in &mut infos[i + 1..=last] {
                    x.geo_span = 1 + 8 + pop;
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

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
