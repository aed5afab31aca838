//! Output formats, and the annotation formats read back in.
//!
//! - [`tables`]: the analysis as JSON (`qarin.analysis/1`), the comparison table and the facts
//!   table as CSV.
//! - [`conll`]: one token per line, `token TAB BIO-tag TAB entity id`, a blank line between
//!   sentences, `# document = ID` before each article (the CoNLL layout of ANERcorp and of
//!   conlleval, with the entity id as a third column). Read back with [`conll::import`].
//! - [`brat`]: brat standoff, per article `ID.txt` (the text, unchanged) and `ID.ann` (`T` lines
//!   with code point offsets, the entity id as an `AnnotatorNotes` line), plus the collection's
//!   `annotation.conf`. Read back with [`brat::import`].
//! - [`jsonl`]: JSON Lines, one mention per line with its offsets, entity and label.
//! - [`zip`]: a stored (uncompressed) ZIP archive of several files, for the brat bundle.
//!
//! Every format's offsets are code points into the article's text, as in the analysis; an
//! import returns [`Span`]s in the same terms, so that export then import gives the same
//! mentions (tested in `tests/formats.rs`).

pub mod brat;
pub mod conll;
pub mod jsonl;
mod tables;
pub mod zip;

pub use tables::{facts_to_csv, to_csv, to_json};

use crate::model::EntityType;
use std::fmt;

/// One name read from an annotation file: code point offsets into its article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// The entity id the file gives, if any (CoNLL's third column, brat's `entity=` note).
    pub entity: Option<String>,
}

/// The names of one article read from an annotation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The article's id (CoNLL: its `# document =` line; brat: the file's name without `.ann`).
    pub document: String,
    pub spans: Vec<Span>,
}

/// Why an annotation file could not be read. `line` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file names an article that is not loaded.
    UnknownDocument { line: usize, document: String },
    /// A token line before any `# document =` line, with more than one article loaded.
    NoDocument { line: usize },
    /// A CoNLL token that is not the next word of the article's text.
    TokenNotInText { line: usize, token: String, offset: usize },
    /// A tag that is not `O`, `B-TYPE` or `I-TYPE` with a known type.
    BadTag { line: usize, tag: String },
    /// A brat line that cannot be read.
    BadLine { line: usize },
    /// A brat span outside the text, or whose text differs from the article's at its offsets.
    SpanMismatch { line: usize, start: usize, end: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::UnknownDocument { line, document } => write!(f, "line {line}: no article has the id “{document}”"),
            ImportError::NoDocument { line } => write!(f, "line {line}: a token before any “# document = ID” line"),
            ImportError::TokenNotInText { line, token, offset } => {
                write!(f, "line {line}: the token “{token}” is not the next word of the article (after code point {offset})")
            }
            ImportError::BadTag { line, tag } => write!(f, "line {line}: “{tag}” is not a tag (O, B-TYPE or I-TYPE; types PER, LOC, ORG, MISC)"),
            ImportError::BadLine { line } => write!(f, "line {line}: not a brat annotation line"),
            ImportError::SpanMismatch { line, start, end } => write!(f, "line {line}: the span {start}–{end} is not that text in the article"),
        }
    }
}

impl std::error::Error for ImportError {}

/// An entity type from the names annotation tools use (`PER`, `PERS`, `PERSON`, `GPE`…).
pub(crate) fn kind_of(name: &str) -> Option<EntityType> {
    match name.to_ascii_uppercase().as_str() {
        "PERSON" => Some(EntityType::Per),
        "LOCATION" | "GPE" | "FAC" => Some(EntityType::Loc),
        "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Org),
        other => EntityType::from_code(other),
    }
}
