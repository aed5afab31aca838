//! The analysis as the views read it: the analysis with the user's decisions applied, look-up
//! tables, and the article open in the reader cut into pieces once.

use crate::i18n::{article_n, outlet_label, Lang};
use crate::workspace::Source;
use qarin_engine::render::{piece_indices, runs, PieceKind};
use qarin_engine::{Analysis, BoilerplateKind, Document, DocumentAnalysis, Entity, EntityType};
use std::collections::HashMap;
use std::sync::Arc;

/// The analysis plus look-up tables, shared read-only once computed.
pub struct Data {
    /// The analysis with the user's decisions applied: what every view shows and exports
    /// (the analysis as it came when there is no decision to apply).
    pub analysis: Arc<Analysis>,
    entity_idx: HashMap<String, usize>,
    doc_idx: HashMap<String, usize>,
    urls: HashMap<String, String>,
    sources: HashMap<String, Source>,
    /// Entity labels before the user's decisions (to describe the decisions).
    raw_labels: HashMap<String, String>,
    /// A fingerprint of every entity's id, label and Latin name: the reader draws its marks'
    /// titles from them, so it draws again when one changes.
    pub labels: u64,
}

impl Data {
    pub fn new(analysis: Arc<Analysis>, docs: &[(Document, Source)], raw: &Analysis) -> Self {
        let entity_idx = analysis.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        let doc_idx = analysis.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
        let urls = docs.iter().filter(|(d, _)| !d.url.is_empty()).map(|(d, _)| (d.id.clone(), d.url.clone())).collect();
        let sources = docs.iter().map(|(d, s)| (d.id.clone(), *s)).collect();
        let raw_labels = raw.entities.iter().map(|e| (e.id.clone(), e.label.clone())).collect();
        let mut names = String::new();
        for e in &analysis.entities {
            for s in [&e.id, &e.label, &e.latin] {
                names.push_str(s);
                names.push('\u{1f}');
            }
        }
        let labels = crate::workspace::fingerprint(&names);
        Data { analysis, entity_idx, doc_idx, urls, sources, raw_labels, labels }
    }

    /// Where an article comes from.
    pub fn source(&self, id: &str) -> Source {
        self.sources.get(id).copied().unwrap_or(Source::Bundled)
    }

    /// An entity's label before the user's decisions (its id if unknown).
    pub fn raw_label(&self, id: &str) -> String {
        self.raw_labels.get(id).cloned().unwrap_or_else(|| id.to_string())
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entity_idx.get(id).map(|&i| &self.analysis.entities[i])
    }

    pub fn doc(&self, id: &str) -> Option<&DocumentAnalysis> {
        self.doc_idx.get(id).map(|&i| &self.analysis.documents[i])
    }

    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.doc_idx.get(id).copied()
    }

    pub fn doc_count(&self) -> usize {
        self.analysis.documents.len()
    }

    pub fn url(&self, id: &str) -> Option<&str> {
        self.urls.get(id).map(String::as_str)
    }

    /// The article's title, or "Article N" when it has none.
    pub fn doc_title(&self, i: usize, lang: Lang) -> String {
        let d = &self.analysis.documents[i];
        if d.title.trim().is_empty() {
            article_n(lang, i + 1)
        } else {
            d.title.clone()
        }
    }

    /// A short label for the article: its outlet (the part in the interface's script when the
    /// outlet is given as "Arabic (Latin)"), else the outlet the text names itself by, else
    /// "Article N".
    pub fn doc_label(&self, i: usize, lang: Lang) -> String {
        let outlet = self.analysis.documents[i].outlet.trim();
        match self.outlet_guess(i) {
            _ if !outlet.is_empty() => outlet_label(lang, outlet),
            Some(g) => g.name.clone(),
            None => article_n(lang, i + 1),
        }
    }

    /// The outlet the article's text names itself by, when its details give none.
    pub fn outlet_guess(&self, i: usize) -> Option<&qarin_engine::OutletGuess> {
        let d = &self.analysis.documents[i];
        d.outlet_guess.as_ref().filter(|_| d.outlet.trim().is_empty())
    }
}

/// One highlighted name as the reader needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkInfo {
    pub kind: EntityType,
    /// Its entity's id: [`ReaderDoc::entities`]`[entity]`.
    pub entity: u32,
    pub start: usize,
    pub end: usize,
    /// The reader marked it (a correction), not the engine.
    pub by_user: bool,
}

/// One run of the article open in the reader: what it is and its byte range in the text, as the
/// engine cuts it ([`qarin_engine::render::pieces`], the prerender's cutting too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub start: usize,
    pub end: usize,
}

/// The article open in the reader, cut into pieces once (a memo), not on every render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderDoc {
    pub id: String,
    pub index: usize,
    pub text: String,
    pub pieces: Vec<Piece>,
    /// Indexed like `DocumentAnalysis::mentions`.
    pub marks: Vec<MarkInfo>,
    /// The ids of the entities the marks belong to, each once (an 8 MB article has ~80,000
    /// marks and a few thousand entities: copying an id for each mark took 10 ms).
    pub entities: Vec<String>,
    /// Indexed like `DocumentAnalysis::boilerplate`.
    pub boiler_kinds: Vec<BoilerplateKind>,
    /// The pieces in runs of about [`CHUNK_BYTES`] of text, rendered one run a task so that a
    /// long article (megabytes) never blocks the page (`pieces[chunks[i].0..chunks[i].1]`).
    pub chunks: Vec<(usize, usize)>,
    /// [`Data::labels`] when it was built.
    pub labels: u64,
}

/// Text rendered in one task of the reader, in bytes (about 4,000 Arabic letters: most articles
/// in one run, a book in hundreds). A run of 32 KB of news text (~600 marks) took 85 ms to draw.
pub const CHUNK_BYTES: usize = 8 * 1024;


impl ReaderDoc {
    pub fn build(data: &Data, index: usize) -> Self {
        let (marks, entities) = Self::marks(data, index);
        Self::from_marks(data, index, marks, entities)
    }

    /// The article's marks and their entities' ids (the first half of [`ReaderDoc::build`]).
    pub fn marks(data: &Data, index: usize) -> (Vec<MarkInfo>, Vec<String>) {
        let doc = &data.analysis.documents[index];
        // (The entity's names are looked up when a mark is drawn: an 8 MB article has ~80,000
        // mentions, and copying two names for each took 40 ms.)
        let mut entities: Vec<String> = Vec::new();
        let mut local = vec![u32::MAX; data.analysis.entities.len()];
        let mut last: Option<(&str, u32)> = None;
        let mut marks = Vec::with_capacity(doc.mentions.len());
        for m in &doc.mentions {
            let entity = match last {
                Some((id, e)) if id == m.entity => e,
                _ => {
                    let slot = data.entity_idx.get(&m.entity).and_then(|&g| local.get_mut(g));
                    let e = match slot {
                        Some(e) if *e != u32::MAX => *e,
                        slot => {
                            let e = entities.len() as u32;
                            entities.push(m.entity.clone());
                            if let Some(slot) = slot {
                                *slot = e;
                            }
                            e
                        }
                    };
                    last = Some((&m.entity, e));
                    e
                }
            };
            marks.push(MarkInfo { kind: m.kind, entity, start: m.start, end: m.end, by_user: m.by_user });
        }
        (marks, entities)
    }

    /// The article with its `marks` (from [`ReaderDoc::marks`]) cut into pieces and runs.
    pub fn from_marks(data: &Data, index: usize, marks: Vec<MarkInfo>, entities: Vec<String>) -> Self {
        let doc = &data.analysis.documents[index];
        let pieces: Vec<Piece> = piece_indices(doc).map(|(at, p)| Piece { kind: p.kind, start: at, end: at + p.text.len() }).collect();
        let chunks = runs(&pieces.iter().map(|p| p.end - p.start).collect::<Vec<_>>(), CHUNK_BYTES);
        ReaderDoc { id: doc.id.clone(), index, text: doc.text.clone(), pieces, marks, entities, boiler_kinds: doc.boilerplate.iter().map(|b| b.kind).collect(), chunks, labels: data.labels }
    }

    /// The run holding the byte `at` of the text.
    pub fn chunk_of_byte(&self, at: usize) -> usize {
        let piece = self.pieces.partition_point(|p| p.end <= at);
        self.chunks.partition_point(|c| c.1 <= piece).min(self.chunks.len().saturating_sub(1))
    }

    /// The run holding the mention that starts at code point `start`, if there is one.
    pub fn chunk_of_mark(&self, start: usize) -> Option<usize> {
        let m = self.marks.iter().position(|m| m.start == start)?;
        let piece = self.pieces.iter().position(|p| p.kind == PieceKind::Mention(m))?;
        Some(self.chunks.partition_point(|c| c.1 <= piece))
    }

    /// The text of a piece.
    pub fn text_of(&self, p: &Piece) -> &str {
        &self.text[p.start..p.end]
    }
}

