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

/// Byte offset of each code point offset, plus one past the end: `char_to_byte(t)[c]` is the
/// byte where code point `c` starts.
pub fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}
