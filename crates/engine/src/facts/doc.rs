//! One document prepared for fact extraction: its tokens, its names (from the analysis), its
//! dateline, dates and quantities.

use super::dates::{self, DateMention};
use super::quantities::{self, Quantity};
use super::text::View;
use crate::model::{DocumentAnalysis, EntityType};

/// A name mention, with byte and code point offsets.
#[derive(Debug, Clone)]
pub struct MentionRef<'a> {
    pub start: usize,
    pub end: usize,
    pub cstart: usize,
    pub cend: usize,
    pub kind: EntityType,
    pub entity: &'a str,
    pub text: &'a str,
}

/// A document ready for the extractors.
#[derive(Debug)]
pub struct DocCtx<'a> {
    pub idx: usize,
    pub id: &'a str,
    pub view: View<'a>,
    pub mentions: Vec<MentionRef<'a>>,
    /// Days since 1970-01-01 of the date relative dates are resolved against.
    pub dateline: Option<i64>,
    /// The date mention that is the dateline itself (not a fact of the story).
    pub dateline_mention: Option<usize>,
    pub dates: Vec<DateMention>,
    pub quantities: Vec<Quantity>,
}

/// Byte ranges of a document's boilerplate and mentions; from the skipped `byte_*` fields when
/// they are set, else from the code point offsets (an analysis read back from JSON).
/// Byte ranges, sorted or not.
type Ranges = Vec<(usize, usize)>;

fn byte_ranges(d: &DocumentAnalysis) -> (Ranges, Ranges) {
    let needs_map = d.mentions.iter().any(|m| m.byte_end == 0 && m.end > 0) || d.boilerplate.iter().any(|b| b.byte_end == 0 && b.end > 0);
    let map = if needs_map { crate::tokenize::char_to_byte(&d.text) } else { Vec::new() };
    let conv = |bs: usize, be: usize, cs: usize, ce: usize| {
        if needs_map {
            (map[cs.min(map.len() - 1)], map[ce.min(map.len() - 1)])
        } else {
            (bs, be)
        }
    };
    let boiler = d.boilerplate.iter().map(|b| conv(b.byte_start, b.byte_end, b.start, b.end)).collect();
    let mentions = d.mentions.iter().map(|m| conv(m.byte_start, m.byte_end, m.start, m.end)).collect();
    (boiler, mentions)
}

/// A document's name mentions in text order, with byte and code point offsets.
pub fn mention_refs(d: &DocumentAnalysis) -> Vec<MentionRef<'_>> {
    mention_refs_with(d, &byte_ranges(d).1)
}

fn mention_refs_with<'a>(d: &'a DocumentAnalysis, mranges: &[(usize, usize)]) -> Vec<MentionRef<'a>> {
    let mut order: Vec<usize> = (0..d.mentions.len()).collect();
    crate::sort::by_key(&mut order, |&i| mranges[i]);
    order
        .iter()
        .map(|&i| {
            let m = &d.mentions[i];
            MentionRef { start: mranges[i].0, end: mranges[i].1, cstart: m.start, cend: m.end, kind: m.kind, entity: &m.entity, text: &m.text }
        })
        .collect()
}

/// The token stream of an analysed document read back from its analysis (an analysis loaded
/// from JSON, or facts extracted on their own): its text tokenised, its boilerplate flagged from
/// the spans the analysis holds.
pub fn read_back(d: &DocumentAnalysis) -> View<'_> {
    let (mut boiler, _) = byte_ranges(d);
    crate::sort::natural(&mut boiler);
    let mut view = crate::tokenize::tokenize(&d.text);
    crate::boilerplate::flag(&mut view, &boiler);
    view
}

impl<'a> DocCtx<'a> {
    /// Prepare document `d` from its token stream `view` (the pipeline's, or [`read_back`]);
    /// `meta_date` is the document's metadata date (ISO), possibly empty.
    pub fn new(idx: usize, d: &'a DocumentAnalysis, mut view: View<'a>, meta_date: &str) -> Self {
        let mentions = mention_refs(d);
        view.set_mentions(&mentions.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>());
        let dates = dates::scan(&view.tokens);
        let text_dateline = dates::dateline_in_text(&view, &dates);
        let dateline = dates::parse_iso(meta_date).or(text_dateline);
        let dateline_mention = text_dateline.and_then(|z| {
            dates.iter().position(|m| {
                let dates::DateExpr::Abs(p) = m.expr else { return false };
                matches!((p.y, p.m, p.d), (Some(y), Some(mo), Some(dd)) if dates::days_from_civil(y, mo, dd) == z)
            })
        });
        let mut taken = vec![false; view.tokens.len()];
        for m in &dates {
            for t in &mut taken[m.first..m.end] {
                *t = true;
            }
        }
        let quantities = quantities::scan(&view.tokens, &taken);
        DocCtx { idx, id: &d.id, view, mentions, dateline, dateline_mention, dates, quantities }
    }

    /// The mention covering token `k`.
    pub fn mention_at(&self, k: usize) -> Option<&MentionRef<'a>> {
        self.view.tokens.get(k)?.mention.map(|m| &self.mentions[m])
    }
}
