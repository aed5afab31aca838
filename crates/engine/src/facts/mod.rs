//! # Facts: where the outlets agree and disagree
//!
//! [`extract`] reads an [`Analysis`] (and the documents' metadata) and returns a [`FactsReport`]:
//!
//! - **facts**: rows of the agreement table, one per thing counted, dated or named, with each
//!   article's values (as written and normalised, with offsets) and a status: `agree`, `conflict`
//!   or `single` ([`agree`] documents the grouping rule and the status);
//! - **quotes**: who said what ([`quotes`]);
//! - **wire**: passages two articles share nearly word for word, with a word-level diff, and each
//!   article's share of reused text ([`wire`]).
//!
//! One concern per file:
//!
//! | file | concern |
//! |---|---|
//! | [`text`] | what the extractors read: the token stream with names, word forms |
//! | [`numbers`] | numbers in digits and words, the dual, vague quantities, qualifiers |
//! | [`nouns`] | the counted-noun lexicon |
//! | [`dates`] | dates, relative dates, datelines, ISO 8601 |
//! | [`quantities`] | a number with what it counts, classified |
//! | [`frames`] | the event and aspect around a value |
//! | [`doc`] | a document prepared for the extractors |
//! | [`agree`] | grouping into rows, status |
//! | [`names`] | given names that disagree |
//! | [`quotes`] | statements attributed to speakers |
//! | [`wire`] | shared wire copy |
//!
//! Every offset points into the original document text: `start`/`end` in code points (end
//! exclusive), the skipped `byte_*` fields in UTF-8 bytes. Matching forms are used for comparing
//! only. Nothing in the rules is specific to one story: they are about how news prose writes
//! numbers, dates, events and attributions.

pub mod agree;
pub mod dates;
pub mod doc;
pub mod frames;
pub mod names;
pub mod nouns;
pub mod numbers;
pub mod quantities;
pub mod quotes;
pub mod text;
pub mod wire;

pub use crate::model::{Fact, FactValue, FactsReport, Quote, Status, WirePair};

use crate::model::{Analysis, Document};
use doc::DocCtx;

/// Facts, quotes and shared wire copy of an analysed set of articles. `docs` supplies metadata
/// (the date a dateline comes from); documents are matched by id, and the analysis' own `date`
/// is used for a document not in `docs`.
pub fn extract(a: &Analysis, docs: &[Document]) -> FactsReport {
    let mut b = FactsBuilder::default();
    for (i, d) in a.documents.iter().enumerate() {
        b.add_document(a, docs, i, doc::read_back(d));
    }
    b.finish(a)
}

/// [`extract`] in steps: [`add_document`](Self::add_document) for each document in order (the
/// work that grows with the length of the articles), then [`finish`](Self::finish) (the rows
/// across articles and the shared wire copy). Lets a caller that must stay responsive spread
/// the work (`crate::analysis::Analyzer`).
#[derive(Default)]
pub struct FactsBuilder {
    items: Vec<agree::Item>,
    quotes: Vec<Quote>,
    datelines: Vec<(String, String)>,
    /// The rows, once made.
    facts: Option<Vec<Fact>>,
    /// Words and shingles of each document added, for shared wire copy.
    wire: wire::WireIndex,
}

impl FactsBuilder {
    /// Extract what document `i` of `a` says, from its token stream `view` (documents must be
    /// added in order, each once).
    pub fn add_document(&mut self, a: &Analysis, docs: &[Document], i: usize, view: text::View) {
        let Some(d) = a.documents.get(i) else { return };
        let meta = docs.iter().find(|x| x.id == d.id).map(|x| x.date.as_str()).filter(|s| !s.trim().is_empty()).unwrap_or(d.date.as_str());
        let ctx = DocCtx::new(i, d, view, meta);
        self.items.extend(agree::quantity_items(&ctx, a));
        self.items.extend(agree::date_items(&ctx));
        self.quotes.extend(quotes::extract(&ctx));
        self.wire.add(&ctx.view.tokens);
        if let Some(z) = ctx.dateline {
            let (y, m, dd) = dates::civil_from_days(z);
            self.datelines.push((d.id.clone(), format!("{y:04}-{m:02}-{dd:02}")));
        }
    }

    /// The rows across documents and the given names that disagree (once all documents are
    /// added; [`finish`](Self::finish) does it if it has not been done).
    pub fn rows(&mut self, a: &Analysis) {
        if self.facts.is_some() {
            return;
        }
        let ids: Vec<&str> = a.documents.iter().map(|d| d.id.as_str()).collect();
        let mut facts = agree::rows(std::mem::take(&mut self.items), &ids);
        let name_docs: Vec<names::NameDoc> = a
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| names::NameDoc { idx: i, id: &d.id, mentions: doc::mention_refs(d) })
            .collect();
        facts.extend(agree::rows(names::items(a, &name_docs), &ids).into_iter().filter(|f| f.status == Status::Conflict));
        crate::sort::by_key(&mut facts, |f| f.status);
        self.facts = Some(facts);
    }

    /// The rows (see [`rows`](Self::rows)) and shared wire copy: the report.
    pub fn finish(mut self, a: &Analysis) -> FactsReport {
        self.rows(a);
        let facts = self.facts.take().unwrap_or_default();

        // Their boilerplate was left out when their tokens were added.
        let wire_docs: Vec<wire::WireDoc> = a
            .documents
            .iter()
            .map(|d| wire::WireDoc { id: &d.id, text: &d.text, boiler: Vec::new() })
            .collect();
        let (wire, reuse) = self.wire.detect(&wire_docs);
        FactsReport { facts, quotes: self.quotes, wire, reuse, datelines: crate::sort::map(self.datelines) }
    }
}
