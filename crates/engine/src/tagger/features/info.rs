//! What the features know about each word of a segment, computed once: its list classes, its
//! type as a known name, its place in the longest known name or place name, its frequency.

use crate::model::{EntityType, Token, TokenKind};
use crate::tagger::lists::Lists;
use crate::tagger::tags::{begin, inside, Tag};

/// Longest known name looked up, in words.
const MAX_NAME_WORDS: usize = 6;

// Word classes (bits).
pub(super) const C_TITLE: u32 = 1 << 0;
pub(super) const C_ORG_HEAD: u32 = 1 << 1;
pub(super) const C_PLACE_TRIGGER: u32 = 1 << 2;
pub(super) const C_MEDIA: u32 = 1 << 3;
pub(super) const C_ATTRIBUTION: u32 = 1 << 4;
pub(super) const C_TEMPORAL: u32 = 1 << 5;
pub(super) const C_AFTER_NAME: u32 = 1 << 6;
pub(super) const C_FUNCTION: u32 = 1 << 7;
pub(super) const C_COMMON: u32 = 1 << 8;
pub(super) const C_FIRST: u32 = 1 << 9;
pub(super) const C_LAST: u32 = 1 << 10;
pub(super) const C_FIRST_STEM: u32 = 1 << 11;
pub(super) const C_LAST_STEM: u32 = 1 << 12;
pub(super) const C_SURNAME_ENDING: u32 = 1 << 13;
pub(super) const C_PLACE_ENDING: u32 = 1 << 14;
pub(super) const C_NISBA: u32 = 1 << 15;
pub(super) const C_ARTICLE: u32 = 1 << 16;
pub(super) const C_MAQSURA: u32 = 1 << 17;
pub(super) const C_PLACE_DESCRIPTOR: u32 = 1 << 18;
pub(super) const C_TITLE_MODIFIER: u32 = 1 << 19;
pub(super) const C_MINISTRY: u32 = 1 << 20;
pub(super) const N_CLASSES: u32 = 21;

/// What the features need to know about one word, computed once per segment.
pub(super) struct Info<'w> {
    pub(super) text: &'w str,
    pub(super) norm: &'w str,
    pub(super) kind: TokenKind,
    pub(super) classes: u32,
    pub(super) name_word: Option<EntityType>,
    pub(super) name_stem: Option<EntityType>,
    pub(super) name_span: Option<Tag>,
    /// The stem after the article (`ال`), possibly after other proclitics.
    pub(super) core: Option<&'w str>,
    /// Zipf frequency bucket of the word as written and of its likeliest stem (0: not a listed
    /// word): how ordinary a word it is.
    pub(super) zipf: (u32, u32),
    /// Population bucket of a place of this name (or of a stem's), plus one; 0 if none.
    pub(super) geo: u32,
    /// Position in the longest place name of GeoNames: 1 + (begin 0, inside 1) × 8 + population
    /// bucket; 0 if none.
    pub(super) geo_span: u32,
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

fn in_set_or_stem(w: &Token, set: &crate::lexicon::WordSet) -> bool {
    set.contains(w.norm()) || w.splits.iter().skip(1).any(|s| set.contains(&s.stem))
}

pub(super) fn info<'w>(w: &'w Token, lists: &Lists) -> Info<'w> {
    let lex = lists.lex;
    let norm = w.norm();
    let kind = w.kind;
    let mut c = 0;
    let mut name_word = None;
    let mut name_stem = None;
    let mut core = None;
    if matches!(kind, TokenKind::Arabic | TokenKind::Latin) {
        let flag = |b: bool, bit: u32| if b { bit } else { 0 };
        c |= flag(in_set_or_stem(w, &lex.tagger_titles), C_TITLE);
        c |= flag(in_set_or_stem(w, &lex.tagger_org_heads), C_ORG_HEAD);
        c |= flag(in_set_or_stem(w, &lex.tagger_place_triggers), C_PLACE_TRIGGER);
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
pub(super) fn mark_names(words: &[Token], infos: &mut [Info], lists: &Lists) {
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let mut best: Option<(usize, EntityType)> = None;
        if w.is_body_word() {
            for split in w.analyses().iter() {
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
pub(super) fn mark_places(words: &[Token], infos: &mut [Info], lists: &Lists) {
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
