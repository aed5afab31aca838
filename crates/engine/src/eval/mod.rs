//! Scoring against gold annotations.
//!
//! - [`gold`]: the gold file format (`qarin.gold/1`): per article, mention spans by code point
//!   offset with their type and entity id, and pairs of entities that must stay apart;
//! - [`story`]: an analysis of a story's articles scored against its gold file: mentions
//!   (precision, recall, F1, per type), linking (B³, CEAF-e), entities kept whole, apart pairs
//!   respected, and the errors with their context.
//!
//! The CoNLL scorer the tagger is trained and tuned with is [`crate::tagger::score`].

pub mod gold;
pub mod story;

pub use gold::{Gold, GoldDocument, GoldMention, GOLD_SCHEMA};
pub use story::{score, Error, ErrorKind, Prf, StoryScores};
