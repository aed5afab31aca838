//! The gold file format, `qarin.gold/1` (written by `dev/stories/gold.py` from inline markup,
//! see `dev/stories/GUIDELINES.md`):
//!
//! ```json
//! { "schema": "qarin.gold/1", "story": "…",
//!   "documents": [ { "file": "01-x.txt", "outlet": "", "date": "", "url": "",
//!                    "chars": 1234, "sha256": "…",
//!                    "mentions": [ { "start": 10, "end": 15, "type": "PER",
//!                                    "entity": "per-x", "text": "…" } ] } ],
//!   "apart": [ ["per-a", "per-b"] ] }
//! ```
//!
//! Offsets are code points into the article text, end exclusive, as everywhere in Qarin. The
//! text itself is not in the file (it is third-party): `chars` and `sha256` identify it.

use crate::model::EntityType;
use serde::{Deserialize, Serialize};

/// The schema name of a gold file.
pub const GOLD_SCHEMA: &str = "qarin.gold/1";

/// One gold mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub entity: String,
    pub text: String,
}

/// One article of a story, with its gold mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldDocument {
    pub file: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub url: String,
    /// Length of the text in code points.
    pub chars: usize,
    /// SHA-256 of the text's UTF-8 bytes, lower-case hex.
    #[serde(default)]
    pub sha256: String,
    pub mentions: Vec<GoldMention>,
}

/// A story's gold file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    pub schema: String,
    pub story: String,
    pub documents: Vec<GoldDocument>,
    /// Pairs of entity ids that are different things and must not be linked.
    #[serde(default)]
    pub apart: Vec<[String; 2]>,
}

/// Why a gold file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldError {
    Json(String),
    Schema(String),
    /// A mention that does not fit its text: (file, mention index, what is wrong).
    Mention(String, usize, String),
}

impl std::fmt::Display for GoldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GoldError::Json(e) => write!(f, "not a gold file: {e}"),
            GoldError::Schema(s) => write!(f, "schema {s:?}, expected {GOLD_SCHEMA:?}"),
            GoldError::Mention(file, i, what) => write!(f, "{file}: mention {i}: {what}"),
        }
    }
}

impl Gold {
    /// Read a gold file.
    pub fn parse(json: &str) -> Result<Gold, GoldError> {
        let g: Gold = serde_json::from_str(json).map_err(|e| GoldError::Json(e.to_string()))?;
        if g.schema != GOLD_SCHEMA {
            return Err(GoldError::Schema(g.schema));
        }
        Ok(g)
    }

    /// Check every mention against its article's text (`texts` in the order of `documents`):
    /// in range, and the text it names.
    pub fn check(&self, texts: &[&str]) -> Result<(), GoldError> {
        for (d, text) in self.documents.iter().zip(texts) {
            let chars: Vec<char> = text.chars().collect();
            for (i, m) in d.mentions.iter().enumerate() {
                let bad = |what: String| GoldError::Mention(d.file.clone(), i, what);
                if m.start >= m.end || m.end > chars.len() {
                    return Err(bad(format!("{}..{} out of the text ({} code points)", m.start, m.end, chars.len())));
                }
                let found: String = chars[m.start..m.end].iter().collect();
                if found != m.text {
                    return Err(bad(format!("the text at {}..{} is {found:?}, not {:?}", m.start, m.end, m.text)));
                }
            }
        }
        Ok(())
    }
}
