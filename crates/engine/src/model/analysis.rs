//! The whole analysis: what the app shows and the CLI exports.

use super::document::DocumentAnalysis;
use super::entity::{Entity, Suggestion};
use super::facts::{Fact, Quote, WirePair};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema name written into every exported analysis.
pub const SCHEMA: &str = "qarin.analysis/1";

/// The whole analysis: what the app shows, what the CLI exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub documents: Vec<DocumentAnalysis>,
    pub entities: Vec<Entity>,
    /// Where the articles agree and disagree (`crate::facts`).
    pub facts: Vec<Fact>,
    /// Who said what.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Passages two articles share nearly word for word.
    #[serde(default)]
    pub wire: Vec<WirePair>,
    /// Per document id: the share of its words inside shared passages.
    #[serde(default)]
    pub reuse: BTreeMap<String, f64>,
    /// Links the engine suggests but did not make (see [`Suggestion`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
}

impl Analysis {
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
    pub fn document(&self, id: &str) -> Option<&DocumentAnalysis> {
        self.documents.iter().find(|d| d.id == id)
    }
}

