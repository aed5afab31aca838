//! The data model shared by the engine, the CLI and the app.
//!
//! Offsets: every `start`/`end` pair that is serialised is in Unicode code points into the
//! document text (end exclusive), as the `qarin.analysis/1` schema says. The `byte_*` twins are
//! UTF-8 byte offsets into the same text, for slicing in Rust; they are never serialised.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema name written into every exported analysis.
pub const SCHEMA: &str = "qarin.analysis/1";

/// A document as given to the engine: its text exactly as read (see [`crate::input`]) and metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    pub id: String,
    pub file: String,
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub url: String,
    pub text: String,
}

/// The four entity types (ANERcorp's PERS is written PER).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Misc];

    /// The code used in JSON, CSV and the DOM (`data-type`).
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "PER" | "PERS" => Some(EntityType::Per),
            "LOC" => Some(EntityType::Loc),
            "ORG" => Some(EntityType::Org),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// One highlighted name in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Code point offset of the first character of the name (after any proclitic).
    pub start: usize,
    /// Code point offset one past the name.
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Id of the linked entity.
    pub entity: String,
    /// The name exactly as written in the source text (`text[start..end]`).
    pub text: String,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
}

/// What kind of site boilerplate a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// The headline repeated as a later line.
    RepeatedTitle,
    /// "Read more" / related-article links.
    RelatedLink,
    /// Site footer: newsletter, comments, "you may also like", navigation.
    Footer,
    /// Continuation markers such as "(تستمر)".
    Continuation,
    /// Lines that are only punctuation or separators.
    Separator,
}

impl BoilerplateKind {
    /// Its code, as serialised (`repeated_title`, `related_link`, `footer`, …).
    pub fn code(self) -> &'static str {
        match self {
            BoilerplateKind::RepeatedTitle => "repeated_title",
            BoilerplateKind::RelatedLink => "related_link",
            BoilerplateKind::Footer => "footer",
            BoilerplateKind::Continuation => "continuation",
            BoilerplateKind::Separator => "separator",
        }
    }
}

/// A span of site boilerplate: marked, never deleted, and not counted as reporting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub start: usize,
    pub end: usize,
    pub kind: BoilerplateKind,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
}

/// One document with everything the engine found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentAnalysis {
    pub id: String,
    pub file: String,
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub date: String,
    pub text: String,
    pub mentions: Vec<Mention>,
    #[serde(default)]
    pub boilerplate: Vec<Boilerplate>,
    /// Sentence spans as UTF-8 byte ranges into `text` (for keyword-in-context).
    #[serde(skip)]
    pub sentences: Vec<(usize, usize)>,
}

/// Why two spellings were grouped into one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkReason {
    /// The spelling that was attached.
    pub variant: String,
    /// The spelling it was attached to.
    pub to: String,
    /// A machine-readable rule name: `same_normalized`, `gazetteer`, `surname`, `partial_name`,
    /// `skeleton`, `given_name_differs`.
    pub rule: String,
    /// A sentence a person can read.
    pub detail: String,
}

/// How one article spells one entity, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
}

/// One real-world thing named in the corpus, with all its spellings linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical Arabic label (the most complete, most frequent spelling).
    pub label: String,
    /// Latin-script name (English exonym where a gazetteer knows it, else a transliteration).
    pub latin: String,
    /// Every distinct spelling, most frequent first.
    pub variants: Vec<String>,
    /// Mentions per document id (boilerplate excluded). Documents that never name it are absent.
    pub documents: BTreeMap<String, usize>,
    /// Spellings per document id, most frequent first.
    #[serde(default)]
    pub spellings: BTreeMap<String, Vec<Spelling>>,
    /// Why the spellings were grouped.
    #[serde(default)]
    pub reasons: Vec<LinkReason>,
}

impl Entity {
    /// Number of documents that name this entity.
    pub fn coverage(&self) -> usize {
        self.documents.len()
    }
    /// Total mentions across documents.
    pub fn total(&self) -> usize {
        self.documents.values().sum()
    }
}

/// The whole analysis: what the app shows, what the CLI exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub documents: Vec<DocumentAnalysis>,
    pub entities: Vec<Entity>,
    /// Where the articles agree and disagree ([`crate::facts`]).
    pub facts: Vec<crate::facts::Fact>,
    /// Who said what.
    #[serde(default)]
    pub quotes: Vec<crate::facts::Quote>,
    /// Passages two articles share nearly word for word.
    #[serde(default)]
    pub wire: Vec<crate::facts::WirePair>,
    /// Per document id: the share of its words inside shared passages.
    #[serde(default)]
    pub reuse: BTreeMap<String, f64>,
}

impl Analysis {
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
    pub fn document(&self, id: &str) -> Option<&DocumentAnalysis> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// Keyword in context around one mention: the sentence split into before / name / after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic<'a> {
    pub before: &'a str,
    pub hit: &'a str,
    pub after: &'a str,
}

impl DocumentAnalysis {
    /// The sentence holding `m`, split around it. Long sentences are trimmed to about
    /// `context` characters each side, at a character boundary.
    pub fn kwic<'a>(&'a self, m: &Mention, context: usize) -> Kwic<'a> {
        let (s, e) = self
            .sentences
            .iter()
            .copied()
            .find(|&(s, e)| s <= m.byte_start && m.byte_end <= e)
            .unwrap_or((m.byte_start, m.byte_end));
        let before = &self.text[s..m.byte_start];
        let after = &self.text[m.byte_end..e];
        let before = match before.char_indices().rev().nth(context) {
            Some((i, _)) => &before[i..],
            None => before,
        };
        let after = match after.char_indices().nth(context) {
            Some((i, _)) => &after[..i],
            None => after,
        };
        Kwic { before, hit: &self.text[m.byte_start..m.byte_end], after }
    }
}
