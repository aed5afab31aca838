//! # qarin-engine
//!
//! The Arabic named-entity engine behind Qarin. No web dependencies: it builds and tests natively
//! and compiles to `wasm32-unknown-unknown` unchanged.
//!
//! The pipeline, one folder or file per stage:
//!
//! 1. [`normalize`]: matching forms of Arabic text (never shown to the reader);
//! 2. [`tokenize`]: words with offsets into the original text, and proclitic analyses;
//! 3. [`boilerplate`]: site furniture (footers, repeated titles) marked, not deleted;
//! 4. [`recognize`]: names of people, places, organisations and other things, from gazetteers
//!    and contextual rules;
//! 5. [`link`]: spellings and partial names grouped into entities across documents, each grouping
//!    with its reason;
//! 6. [`compare`]: the comparison table (entity × article).
//!
//! [`analyze`] runs them all: documents in, [`Analysis`] out. The app, the CLI and the tests all go
//! through it, so what the CLI exports is what the app shows.

pub mod analysis;
pub mod boilerplate;
pub mod compare;
pub mod conll;
pub mod corpus;
pub mod decisions;
pub mod eval;
pub mod export;
pub mod facts;
pub mod input;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod normalize;
pub mod recognize;
pub mod render;
pub mod tagger;
pub mod tokenize;
pub mod translit;

pub use analysis::{analyze, Analyzer, Progress, Stage};
pub use model::*;
