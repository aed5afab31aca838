//! The reader's corrections of names ([`Decision::Name`], [`Decision::NotName`]), applied to the
//! mentions before the linking decisions. Rules, in the order the decisions were taken:
//!
//! - **Name** `doc`, `start..end`, `kind`: in `doc`, every mention overlapping the span goes and
//!   the span becomes a mention of `kind` (this adds a name, changes a type, or extends or shrinks
//!   a span). Then the same name is marked wherever else it is written, in every article: an
//!   occurrence has the same matching form ([`normalize`]: hamza, yeh, teh marbuta, Persian
//!   letters, tashkeel), stands as a word of its own, and may follow at most two proclitics
//!   (`و ف ب ل ك`: `وبالقاهرة` holds `القاهرة`). An occurrence is left alone inside boilerplate, or
//!   inside a longer name that holds it and reaches beyond its word (`مجلس الأمن الدولي` stays
//!   whole when `الأمن` is marked); mentions that only cross it or lie inside its word
//!   (`لزرقاوند`, `باسم زرقاوند` for `زرقاوند الخضراء`) go.
//! - **NotName** `doc`, `start..end`: the mention there goes, and so does every mention, in every
//!   article, with the same matching form (the same word is no name anywhere).
//! - The entity of a new mention: the entity of a mention of the same type and matching form that
//!   was there before the decision; else the entity of the mention it replaced at the decision's
//!   own place, when of the same type; else a new entity.
//! - A decision whose article is gone, whose span is empty, out of the text, blank, or crosses a
//!   line break is skipped (names never cross a line).
//! - Every mention a decision makes is marked [`Mention::by_user`].
//!
//! Facts and quotes keep pointing into the text; those about an entity that no longer has a
//! mention are dropped by [`super::apply`].

use super::Decision;
use crate::link::latin::transliterate;
use crate::model::{slug, Analysis, EntityType, Mention};
use crate::normalize::{fold, normalize, Folded};
use std::collections::BTreeSet;

/// Proclitics that may be written before a name: `و ف ب ل ك`, at most two.
const PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// One article's text in matching form, with where each kept character came from.
struct Folds {
    chars: Vec<char>,
    folded: Vec<char>,
    /// Code point offset of each character of `folded`.
    at: Vec<usize>,
}

impl Folds {
    fn new(text: &str) -> Folds {
        let chars: Vec<char> = text.chars().collect();
        let (mut folded, mut at) = (Vec::new(), Vec::new());
        for (i, &c) in chars.iter().enumerate() {
            if let Folded::Char(f) = fold(c) {
                folded.push(f);
                at.push(i);
            }
        }
        Folds { chars, folded, at }
    }

    /// Where `needle` (matching form) is written as a word of its own: the word's start (its
    /// proclitics included), and the name's span, in code points.
    fn find(&self, needle: &[char]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let n = needle.len();
        if n == 0 || self.folded.len() < n {
            return out;
        }
        for k in 0..=self.folded.len() - n {
            if self.folded[k..k + n] != *needle {
                continue;
            }
            let start = self.at[k];
            let mut end = self.at[k + n - 1] + 1;
            while end < self.chars.len() && fold(self.chars[end]) == Folded::Drop && !self.chars[end].is_whitespace() {
                end += 1; // tashkeel after the last letter belongs to the name
            }
            if end < self.chars.len() && self.chars[end].is_alphanumeric() {
                continue;
            }
            // What is glued before it must be at most two proclitics.
            let mut glued = 0;
            let mut i = start;
            let mut ok = true;
            while i > 0 {
                let c = self.chars[i - 1];
                match fold(c) {
                    Folded::Drop if !c.is_whitespace() => {}
                    Folded::Char(f) if c.is_alphanumeric() => {
                        glued += 1;
                        if glued > 2 || !PROCLITICS.contains(&f) {
                            ok = false;
                            break;
                        }
                    }
                    _ => break,
                }
                i -= 1;
            }
            if ok {
                out.push((i, start, end));
            }
        }
        out
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    fn byte(&self, cp: usize) -> usize {
        self.chars[..cp].iter().map(|c| c.len_utf8()).sum()
    }
}

/// Where `name` is first written in `text` as a word of its own, by the rules above (matching
/// form, at most two proclitics before it): its span in code points. For the reader's "mark
/// these words" when they are typed rather than selected.
pub fn find_name(text: &str, name: &str) -> Option<(usize, usize)> {
    let needle: Vec<char> = normalize(name.trim()).chars().collect();
    Folds::new(text).find(&needle).first().map(|&(_, s, e)| (s, e))
}

/// Put `m` among `mentions`, which stay in text order (no sort: a sort's code costs the page).
fn put(mentions: &mut Vec<Mention>, m: Mention) {
    let at = mentions.partition_point(|x| (x.start, x.end) < (m.start, m.end));
    mentions.insert(at, m);
}

fn overlaps(m: &Mention, s: usize, e: usize) -> bool {
    m.start < e && s < m.end
}

/// Applies the name decisions to `a`'s mentions; returns the new entities' ids and types.
pub(super) fn apply_names(a: &mut Analysis, decisions: &[Decision]) -> Vec<(String, EntityType)> {
    let mut created: Vec<(String, EntityType)> = Vec::new();
    if !decisions.iter().any(|d| matches!(d, Decision::Name { .. } | Decision::NotName { .. })) {
        return created;
    }
    let folds: Vec<Folds> = a.documents.iter().map(|d| Folds::new(&d.text)).collect();
    let mut taken: BTreeSet<String> = crate::sort::set(a.entities.iter().map(|e| e.id.clone()));
    for d in decisions {
        match d {
            Decision::Name { doc, start, end, kind } => {
                let Some(di) = a.documents.iter().position(|x| x.id == *doc) else { continue };
                let f = &folds[di];
                let (s, e) = (*start, *end);
                if s >= e || e > f.chars.len() || f.chars[s..e].iter().any(|c| *c == '\n' || *c == '\r') {
                    continue;
                }
                let text = f.text(s, e);
                let needle: Vec<char> = normalize(&text).chars().collect();
                if needle.iter().all(|c| c.is_whitespace()) {
                    continue;
                }
                let same = a.documents.iter().flat_map(|x| &x.mentions).find(|m| m.kind == *kind && normalize(&m.text).chars().eq(needle.iter().copied()));
                let replaced = a.documents[di].mentions.iter().find(|m| overlaps(m, s, e) && m.kind == *kind);
                let entity = match same.or(replaced) {
                    Some(m) => m.entity.clone(),
                    None => {
                        let base = format!("{}-{}", kind.code().to_ascii_lowercase(), slug(&transliterate(&text)));
                        let mut id = format!("{base}~user");
                        while taken.contains(&id) {
                            id.push('~');
                        }
                        taken.insert(id.clone());
                        created.push((id.clone(), *kind));
                        id
                    }
                };
                let mention = |f: &Folds, s: usize, e: usize| Mention {
                    start: s,
                    end: e,
                    kind: *kind,
                    entity: entity.clone(),
                    text: f.text(s, e),
                    byte_start: f.byte(s),
                    byte_end: f.byte(e),
                    by_user: true,
                };
                let own = mention(f, s, e);
                a.documents[di].mentions.retain(|m| !overlaps(m, s, e));
                put(&mut a.documents[di].mentions, own);
                for (dj, x) in a.documents.iter_mut().enumerate() {
                    let g = &folds[dj];
                    for (word, s2, e2) in g.find(&needle) {
                        if dj == di && s2 < e && s < e2 {
                            continue;
                        }
                        if x.boilerplate.iter().any(|b| b.start < e2 && s2 < b.end) {
                            continue;
                        }
                        if x.mentions.iter().any(|m| m.start <= s2 && e2 <= m.end && (m.start < word || m.end > e2)) {
                            continue;
                        }
                        x.mentions.retain(|m| !overlaps(m, s2, e2));
                        put(&mut x.mentions, mention(g, s2, e2));
                    }
                }
            }
            Decision::NotName { doc, start, end } => {
                let Some(di) = a.documents.iter().position(|x| x.id == *doc) else { continue };
                let Some(m) = a.documents[di].mentions.iter().find(|m| m.start == *start && m.end == *end) else { continue };
                let form = normalize(&m.text);
                for x in &mut a.documents {
                    x.mentions.retain(|m| normalize(&m.text) != form);
                }
            }
            _ => {}
        }
    }
    created
}
