//! The data model: what the stages hand on and what the engine returns. Nothing here imports a
//! stage; every stage imports from here, so data flows one way.
//!
//! | file | types |
//! |---|---|
//! | [`document`](self::document) | documents in and out, mentions, boilerplate, keyword in context |
//! | [`token`](self::token) | the token stream every stage reads |
//! | [`candidate`](self::candidate) | a name on its way from the finders to linking, with its provenance |
//! | [`entity`](self::entity) | entities, spellings, typed link reasons |
//! | [`facts`](self::facts) | fact rows, values, typed topics, quotes, shared wire copy |
//! | [`analysis`](self::analysis) | the whole analysis (`qarin.analysis/1`) |
//! | [`ids`](self::ids) | readable ids |

pub mod analysis;
pub mod candidate;
pub mod document;
pub mod entity;
pub mod facts;
pub mod ids;
pub mod token;

pub use analysis::*;
pub use candidate::*;
pub use document::*;
pub use entity::*;
pub use facts::*;
pub use ids::slug;
pub use token::*;

/// The byte offsets of a few code point offsets of a text, found in one walk over it (up to the
/// last one asked for) without a table of the whole text ([`crate::tokenize::char_to_byte`] is 4–8
/// bytes a code point: tens of megabytes for a long article).
pub struct BytesAt {
    /// Sorted, distinct code point offsets, and their byte offsets.
    points: Vec<(usize, usize)>,
    len: usize,
}

impl BytesAt {
    pub fn new(text: &str, mut wanted: Vec<usize>) -> BytesAt {
        crate::sort::natural(&mut wanted);
        wanted.dedup();
        let mut points = Vec::with_capacity(wanted.len());
        let mut want = wanted.into_iter().peekable();
        for (c, (b, _)) in text.char_indices().enumerate() {
            while want.next_if_eq(&c).is_some() {
                points.push((c, b));
            }
            if want.peek().is_none() {
                break;
            }
        }
        // Offsets at or past the end.
        points.extend(want.map(|c| (c, text.len())));
        BytesAt { points, len: text.len() }
    }

    /// The byte offset of code point `c` (one of those asked for; any other gives the text's end).
    pub fn at(&self, c: usize) -> usize {
        match self.points.binary_search_by_key(&c, |p| p.0) {
            Ok(i) => self.points[i].1,
            Err(_) => self.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_at_agrees_with_the_whole_table() {
        let text = "قال Putin: «٣ آلاف» — 2022 😀 ok";
        let table = crate::tokenize::char_to_byte(text);
        let n = text.chars().count();
        // Asked in any order, with repeats and offsets past the end.
        let wanted: Vec<usize> = (0..=n + 2).rev().chain([3, 3, 0]).collect();
        let b = BytesAt::new(text, wanted);
        for c in 0..=n {
            assert_eq!(b.at(c), table[c], "code point {c}");
        }
        assert_eq!(b.at(n + 2), text.len());
        // Only some asked for: those are right; the walk stops after the last.
        let some = BytesAt::new(text, vec![5, 1]);
        assert_eq!((some.at(1), some.at(5)), (table[1], table[5]));
        assert_eq!(BytesAt::new("", vec![0, 4]).at(0), 0);
    }
}
