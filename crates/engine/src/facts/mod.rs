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
//! | [`text`] | the token view: offsets (bytes and code points), sentences, boilerplate, names |
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
//! | [`csv`] | the table as CSV |
//! | [`model`] | the serialisable results |
//!
//! Every offset points into the original document text: `start`/`end` in code points (end
//! exclusive), the skipped `byte_*` fields in UTF-8 bytes. Matching forms are used for comparing
//! only. Nothing in the rules is specific to one story: they are about how news prose writes
//! numbers, dates, events and attributions.

pub mod agree;
pub mod csv;
pub mod dates;
pub mod doc;
pub mod frames;
pub mod model;
pub mod names;
pub mod nouns;
pub mod numbers;
pub mod quantities;
pub mod quotes;
pub mod text;
pub mod wire;

pub use csv::facts_csv;
pub use model::*;

use crate::model::{Analysis, Document};
use doc::DocCtx;

/// Facts, quotes and shared wire copy of an analysed set of articles. `docs` supplies metadata
/// (the date a dateline comes from); documents are matched by id, and the analysis' own `date`
/// is used for a document not in `docs`.
pub fn extract(a: &Analysis, docs: &[Document]) -> FactsReport {
    let ctxs: Vec<DocCtx> = a
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let meta = docs.iter().find(|x| x.id == d.id).map(|x| x.date.as_str()).filter(|s| !s.trim().is_empty()).unwrap_or(d.date.as_str());
            DocCtx::new(i, d, meta)
        })
        .collect();
    let ids: Vec<&str> = a.documents.iter().map(|d| d.id.as_str()).collect();

    let mut items = Vec::new();
    for d in &ctxs {
        items.extend(agree::quantity_items(d, a));
        items.extend(agree::date_items(d));
    }
    let mut facts = agree::rows(items, &ids);
    facts.extend(agree::rows(names::items(a, &ctxs), &ids).into_iter().filter(|f| f.status == Status::Conflict));
    facts.sort_by_key(|f| f.status);

    let quotes = ctxs.iter().flat_map(quotes::extract).collect();

    let wire_docs: Vec<wire::WireDoc> = ctxs
        .iter()
        .map(|d| wire::WireDoc {
            id: d.id,
            text: d.view.text,
            boiler: {
                let mut spans: Vec<(usize, usize)> = Vec::new();
                for t in d.view.toks.iter().filter(|t| t.boiler) {
                    match spans.last_mut() {
                        Some(last) if last.1 <= t.start && d.view.text[last.1..t.start].trim().is_empty() => last.1 = t.end,
                        _ => spans.push((t.start, t.end)),
                    }
                }
                spans
            },
        })
        .collect();
    let (wire, reuse) = wire::detect(&wire_docs);

    let datelines = ctxs
        .iter()
        .filter_map(|d| d.dateline.map(|z| {
            let (y, m, dd) = dates::civil_from_days(z);
            (d.id.to_string(), format!("{y:04}-{m:02}-{dd:02}"))
        }))
        .collect();

    FactsReport { facts, quotes, wire, reuse, datelines }
}
