//! Documents in, documents out: the text as given, and the names and furniture found in it.
//!
//! Offsets: every `start`/`end` pair that is serialised is in Unicode code points into the
//! document text (end exclusive), as the `qarin.analysis/1` schema says. The `byte_*` twins are
//! UTF-8 byte offsets into the same text, for slicing in Rust; they are never serialised.

use super::entity::EntityType;
use serde::{Deserialize, Serialize};

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

impl crate::json::FromJson for Document {
    fn from_json(v: &crate::json::Json) -> Result<Self, crate::json::JsonError> {
        Ok(Document {
            id: v.field("id")?,
            file: v.field("file")?,
            title: v.field("title")?,
            outlet: v.field_or("outlet")?,
            date: v.field_or("date")?,
            url: v.field_or("url")?,
            text: v.field("text")?,
        })
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
    /// Made by the reader's correction ([`crate::decisions::Decision::Name`]), not by the engine.
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_user: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
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
    /// The site's masthead at the top of the page: its editors' titles and names.
    Masthead,
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
            BoilerplateKind::Masthead => "masthead",
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
    /// The outlet the text names itself by (a dateline, an editor or copyright line), as a
    /// suggestion for when `outlet` is empty ([`crate::compare::outlet`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_guess: Option<OutletGuess>,
    /// Sentence spans as UTF-8 byte ranges into `text` (for keyword-in-context).
    #[serde(skip)]
    pub sentences: Vec<(usize, usize)>,
}

/// Keyword in context around one mention: the sentence split into before / name / after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kwic<'a> {
    pub before: &'a str,
    pub hit: &'a str,
    pub after: &'a str,
}

impl DocumentAnalysis {
    /// Sets the UTF-8 byte offsets of the mentions and the boilerplate, which JSON does not
    /// carry (`#[serde(skip)]`), from their code point offsets: for an analysis read back from
    /// JSON (the web app's worker sends it so). The sentence spans are not restored.
    pub fn restore_byte_offsets(&mut self) {
        let wanted = self.mentions.iter().flat_map(|m| [m.start, m.end]).chain(self.boilerplate.iter().flat_map(|b| [b.start, b.end])).collect();
        let bytes = super::BytesAt::new(&self.text, wanted);
        for m in &mut self.mentions {
            (m.byte_start, m.byte_end) = (bytes.at(m.start), bytes.at(m.end));
        }
        for b in &mut self.boilerplate {
            (b.byte_start, b.byte_end) = (bytes.at(b.start), bytes.at(b.end));
        }
    }

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

/// Which rule found the outlet's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletCue {
    Dateline,
    Editor,
    Copyright,
    Agency,
}

/// The outlet's name as the article writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletGuess {
    pub name: String,
    /// Code point offsets of the name in the text.
    pub start: usize,
    pub end: usize,
    pub cue: OutletCue,
}
