//! # qarin-engine
//!
//! The Arabic named-entity engine behind Qarin. No web dependencies: it builds and tests natively
//! and compiles to `wasm32-unknown-unknown` unchanged. It returns data (typed kinds, rules and
//! reasons); the app and the CLI put it into words.
//!
//! [`model`] holds every type the stages hand on and return; each stage imports only from
//! `model` and from the stages before it (checked by `tests/architecture.rs`). The stages, in
//! order:
//!
//! 0. [`input`]: files to [`Document`]s (encodings, HTML, corpus folders, CoNLL);
//! 1. [`normalize`]: matching forms of Arabic text (never shown to the reader);
//! 2. [`tokenize`]: the token stream of a document, read once: words with offsets, proclitic
//!    analyses, sentences;
//! 3. [`boilerplate`]: site furniture (footers, repeated titles) marked on the stream, not deleted;
//! 4. [`lexicon`]: the word lists (gazetteers, ANERcorp-derived tables, news vocabulary);
//!    [`repair`]: words glued together split apart on the stream (it needs the word lists);
//! 5. [`tagger`]: the trained sequence tagger's name spans over the stream;
//! 6. [`recognize`]: names from gazetteers and contextual rules, combined with the tagger's;
//! 7. [`link`]: mentions grouped into entities across documents, each grouping with its typed
//!    reason; entities labelled, romanised and numbered;
//! 8. [`facts`]: numbers, dates, names, quotes and shared wire copy, compared across articles;
//! 9. [`compare`]: the comparison table (entity × article);
//! 10. [`render`]: the reader's pieces (text, names, furniture) and its static HTML;
//! 11. [`export`]: JSON and CSV;
//! 12. [`pipeline`]: runs the stages in order, in steps ([`Analyzer`]);
//! 13. [`decisions`]: the reader's own merges and splits, applied on top;
//! 14. [`eval`]: scoring against gold annotations.
//!
//! [`sort`] is a tool of every stage: one small stable sort, used instead of the standard library's
//! (which is compiled again for every call site and costs the wasm about 140 KB).
//!
//! [`analyze`] runs them all: documents in, [`Analysis`] out. The app, the CLI and the tests all go
//! through it, so what the CLI exports is what the app shows.

pub mod boilerplate;
pub mod compare;
pub mod decisions;
pub mod eval;
pub mod export;
pub mod facts;
pub mod input;
pub mod json;
pub mod lexicon;
pub mod link;
pub mod model;
pub mod normalize;
pub mod pack;
pub mod pipeline;
pub mod recognize;
pub mod repair;
pub mod render;
pub mod sort;
pub mod tagger;
pub mod tokenize;

pub use model::*;
pub use pipeline::{analyze, explain, Analyzer, Progress, Stage};
