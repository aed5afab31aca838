//! The single entry point: documents in, [`Analysis`] out, in steps ([`Analyzer`]).
//!
//! 1. each document is read once into its token stream ([`crate::tokenize::tokenize`]), its
//!    boilerplate marked on it ([`crate::boilerplate::mark`]); the tagger's spans and the first
//!    recognition pass (gazetteers and rules) run on it;
//! 2. names found by rules anywhere (and the given names and surnames of full person names) become
//!    corpus names, matched in every document in a second pass ("one sense per corpus");
//! 3. mentions are linked into entities ([`crate::link`]), entities labelled and numbered, and the
//!    mentions set on each token stream;
//! 4. the facts stage reads the same token streams ([`crate::facts`]).

mod corpus;
mod recognise;

use crate::link::entities::{build_entities, Built};
use crate::link::{link, LinkInput, Linked};
use crate::model::*;
use crate::recognize::ask::Ask;
use crate::recognize::gazetteer::CorpusNames;
use crate::recognize::Options;
use recognise::recognise;
use crate::tokenize::{tokenize, CharOffsets};
use corpus::{corpus_names, split_clitic};
use std::collections::BTreeMap;

/// A document's token stream, read once: tokens, sentences, boilerplate, glued words split.
pub fn read(text: &str) -> Tokenized<'_> {
    let mut tz = tokenize(text);
    crate::boilerplate::mark(&mut tz);
    crate::repair::unglue(&mut tz, crate::lexicon::lexicon());
    tz
}

/// What the tagger learns from the reader's `corrections` of names in `docs`
/// ([`crate::tagger::learn`]), the corrected articles read as the pipeline reads them.
pub fn learn(docs: &[Document], corrections: &[crate::tagger::learn::Correction]) -> crate::tagger::learn::Learned {
    let streams: Vec<(&str, Tokenized)> = docs.iter().filter(|d| corrections.iter().any(|c| c.doc == d.id)).map(|d| (d.id.as_str(), read(&d.text))).collect();
    let read: Vec<(&str, &[Token])> = streams.iter().map(|(id, tz)| (*id, &tz.tokens[..])).collect();
    crate::tagger::learn::learn(&read, corrections)
}

/// Which list or rule found each name: per document, (text, type, origin) in text order.
pub fn explain(docs: &[Document]) -> Vec<Vec<(String, EntityType, Origin)>> {
    let mut an = Analyzer::new(docs);
    while an.stage() < Stage::Linking {
        an.step();
    }
    an.found.iter().zip(docs).map(|(cands, d)| cands.iter().map(|c| (d.text[c.byte_start..c.byte_end].to_string(), c.kind, c.origin)).collect()).collect()
}

/// The stages of an analysis, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Per article: the token stream, boilerplate, the tagger, the first recognition pass.
    Reading,
    /// Per article: recognition again, with the names found across the corpus.
    Recognising,
    /// Across articles: linking mentions into entities, then the documents with their mentions.
    Linking,
    /// Per article: numbers, dates, quotes; then the rows across articles and shared wire copy.
    Facts,
    Done,
}

/// The next piece of work of an [`Analyzer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Article `i`: token stream, tagger, first pass.
    Read(usize),
    /// Across articles: the names found by rules become corpus names.
    CorpusNames,
    /// Article `i`: second recognition pass.
    Recognise(usize),
    /// Across articles: the mentions as the linker sees them.
    LinkInputs,
    /// Across articles: linking.
    Link,
    /// Across articles: the entities of the groups.
    Entities,
    /// Across articles: the documents with their mentions.
    Documents,
    /// Article `i`: its facts, quotes and words for wire copy.
    Facts(usize),
    /// Across articles: the fact rows.
    FactRows,
    /// Across articles: shared wire copy, and the report.
    Wire,
    Done,
}

impl Step {
    fn stage(self) -> Stage {
        match self {
            Step::Read(_) | Step::CorpusNames => Stage::Reading,
            Step::Recognise(_) => Stage::Recognising,
            Step::LinkInputs | Step::Link | Step::Entities | Step::Documents => Stage::Linking,
            Step::Facts(_) | Step::FactRows | Step::Wire => Stage::Facts,
            Step::Done => Stage::Done,
        }
    }

    /// Steps before this one, for `n` articles.
    fn index(self, n: usize) -> usize {
        match self {
            Step::Read(i) => i,
            Step::CorpusNames => n,
            Step::Recognise(i) => n + 1 + i,
            Step::LinkInputs => 2 * n + 1,
            Step::Link => 2 * n + 2,
            Step::Entities => 2 * n + 3,
            Step::Documents => 2 * n + 4,
            Step::Facts(i) => 2 * n + 5 + i,
            Step::FactRows => 3 * n + 5,
            Step::Wire => 3 * n + 6,
            Step::Done => 3 * n + 7,
        }
    }

    /// The step after this one, for `n` articles.
    fn next(self, n: usize) -> Step {
        match self {
            Step::Read(i) if i + 1 < n => Step::Read(i + 1),
            Step::Read(_) => Step::CorpusNames,
            Step::CorpusNames if n == 0 => Step::LinkInputs,
            Step::CorpusNames => Step::Recognise(0),
            Step::Recognise(i) if i + 1 < n => Step::Recognise(i + 1),
            Step::Recognise(_) => Step::LinkInputs,
            Step::LinkInputs => Step::Link,
            Step::Link => Step::Entities,
            Step::Entities => Step::Documents,
            Step::Documents if n == 0 => Step::Done,
            Step::Documents => Step::Facts(0),
            Step::Facts(i) if i + 1 < n => Step::Facts(i + 1),
            Step::Facts(_) => Step::FactRows,
            Step::FactRows => Step::Wire,
            Step::Wire | Step::Done => Step::Done,
        }
    }
}

/// How far an [`Analyzer`] is: `done` of `total` steps, in `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// [`analyze`] in small steps, so that a caller that must stay responsive (the web app, on the
/// page's only thread) can do a few steps, let the page breathe, and go on. Each step is one
/// article's worth of work for a stage that goes article by article, or one stage across
/// articles (corpus names, linking, assembling, the fact rows, shared wire copy): bounded by
/// the length of one article, or linear in the corpus with small constants. No clock is read
/// here (there is none in wasm32-unknown-unknown): the caller decides how many steps to run
/// before yielding. `analyze` is this, run to the end, so both give the same result.
pub struct Analyzer<'a> {
    docs: &'a [Document],
    opts: Options,
    ask: Ask<'static>,
    step: Step,
    /// Each article's token stream, read once and kept until its facts are read.
    streams: Vec<Option<Tokenized<'a>>>,
    tagged: Vec<Vec<Candidate>>,
    /// The outlet each article names itself by ([`crate::compare::outlet`]).
    outlets: Vec<Option<crate::model::OutletGuess>>,
    pass1: Vec<Vec<Candidate>>,
    corpus: CorpusNames,
    landmarks: crate::recognize::landmarks::Landmarks,
    found: Vec<Vec<Candidate>>,
    inputs: Vec<LinkInput>,
    linked: Option<Linked>,
    built: Option<Built>,
    analysis: Option<Analysis>,
    facts: crate::facts::FactsBuilder,
    /// What the tagger learned from the reader's corrections of names ([`Analyzer::learning`]).
    learned: Option<crate::tagger::learn::Learned>,
}

impl<'a> Analyzer<'a> {
    pub fn new(docs: &'a [Document]) -> Self {
        Self::with_options(docs, Options::default())
    }

    /// An analysis with some finders turned off (for measuring what each brings).
    pub fn with_options(docs: &'a [Document], opts: Options) -> Self {
        let n = docs.len();
        Analyzer {
            docs,
            opts,
            ask: Ask::default(),
            step: if n == 0 { Step::LinkInputs } else { Step::Read(0) },
            streams: Vec::with_capacity(n),
            tagged: Vec::with_capacity(n),
            outlets: Vec::with_capacity(n),
            pass1: Vec::with_capacity(n),
            corpus: CorpusNames::default(),
            landmarks: Default::default(),
            found: Vec::with_capacity(n),
            inputs: Vec::new(),
            linked: None,
            built: None,
            analysis: None,
            facts: crate::facts::FactsBuilder::default(),
            learned: None,
        }
    }

    /// An analysis whose tagger first learns from the reader's corrections of names in `docs`
    /// ([`crate::tagger::learn`]). The corrections themselves are applied to the result
    /// afterwards, as decisions (`crate::decisions::analyze` does both).
    pub fn learning(docs: &'a [Document], corrections: &[crate::tagger::learn::Correction]) -> Self {
        let mut an = Self::new(docs);
        let learned = learn(docs, corrections);
        an.learned = (!learned.is_empty()).then_some(learned);
        an
    }

    /// What the tagger learned from the corrections, if anything.
    pub fn learned(&self) -> Option<&crate::tagger::learn::Learned> {
        self.learned.as_ref()
    }

    /// Steps in all (it does not change as the work goes on).
    pub fn total_steps(&self) -> usize {
        Step::Done.index(self.docs.len())
    }

    pub fn stage(&self) -> Stage {
        self.step.stage()
    }

    pub fn progress(&self) -> Progress {
        Progress { stage: self.stage(), done: self.step.index(self.docs.len()), total: self.total_steps() }
    }

    /// Whether the next step works across all articles (the corpus names, linking, the fact rows,
    /// shared wire copy) rather than on one: a caller slicing the work gives it a slice of its own.
    pub fn next_step_spans_corpus(&self) -> bool {
        !matches!(self.step, Step::Read(_) | Step::Recognise(_) | Step::Facts(_) | Step::Done)
    }

    pub fn is_done(&self) -> bool {
        self.step == Step::Done
    }

    /// Do one step; returns the progress after it.
    pub fn step(&mut self) -> Progress {
        let n = self.docs.len();
        match self.step {
            Step::Read(i) => {
                let tz = read(&self.docs[i].text);
                // The trained tagger runs once per document; its spans join both passes. It was
                // trained on Arabic: spans starting on a Latin word (an English text) are not
                // trusted.
                let mut m = crate::tagger::candidates(&tz.tokens, self.ask.lex, self.learned.as_ref());
                m.retain(|c| tz.tokens[c.first].is_body_arabic());
                self.pass1.push(recognise(&tz.tokens, &self.ask, &CorpusNames::default(), &m, None, &self.opts));
                self.landmarks.add(&crate::recognize::landmarks::readings(&tz.tokens, &self.ask));
                self.outlets.push(crate::compare::outlet::guess(&self.docs[i].text));
                self.streams.push(Some(tz));
                self.tagged.push(m);
            }
            Step::CorpusNames => {
                self.corpus = corpus_names(&self.pass1, &self.ask, self.opts.on("corpus-tagger"), self.opts.on("corpus-tagger-surname"));
                if self.opts.rule(RuleId::Landmark) {
                    self.landmarks.confirm(&mut self.corpus);
                }
                self.pass1 = Vec::new();
            }
            Step::Recognise(i) => {
                let words = self.streams[i].as_ref().map_or(&[][..], |tz| &tz.tokens);
                // Only in this pass: an outlet's name is not looked for in the other articles
                // (`الصحيفة`, "the newspaper", names one outlet in its own dateline only).
                let outlet = self.outlets[i].as_ref().and_then(|g| crate::recognize::named_span(words, &self.docs[i].text, g.start, g.end, EntityType::Org, RuleId::Outlet));
                let mut cands = recognise(words, &self.ask, &self.corpus, &self.tagged[i], outlet.as_ref(), &self.opts);
                for c in &mut cands {
                    split_clitic(c, words, &self.corpus, &self.ask);
                }
                self.found.push(cands);
                if i + 1 == n {
                    self.tagged = Vec::new();
                }
            }
            Step::LinkInputs => {
                if self.opts.on("vote") {
                    corpus::vote_types(&mut self.found);
                }
                // A division named as its city is (`محافظة العقبة`, `العقبة`) is another place only
                // where the story names the city as a city too (`مدينة العقبة`); the capital of a
                // country's name (`العاصمة تونس`) always is.
                let mut within = Vec::new();
                for (d, cands) in self.found.iter().enumerate() {
                    let words = self.streams[d].as_ref().map_or(&[][..], |tz| &tz.tokens);
                    within.push(cands.iter().map(|c| (c.kind == EntityType::Loc && self.opts.on("within")).then(|| crate::recognize::divisions::named_within(words, c, self.ask.lex)).flatten()).collect::<Vec<_>>());
                }
                let cities: Vec<&str> = self.found.iter().flatten().zip(within.iter().flatten()).filter(|(_, w)| matches!(w, Some((_, 3)))).map(|(c, _)| c.key.as_str()).collect();
                for (d, cands) in self.found.iter().enumerate() {
                    for (c, w) in cands.iter().zip(&within[d]) {
                        let within = w.filter(|&(_, k)| k == 2 || k == 1 && cities.contains(&c.key.as_str())).map(|(w, k)| (w.to_string(), k));
                        self.inputs.push(LinkInput { doc: d, kind: c.kind, key: c.key.clone(), surface: self.docs[d].text[c.byte_start..c.byte_end].to_string(), alias_of: c.alias_of.clone(), within });
                    }
                }
            }
            Step::Link => self.linked = Some(link(&self.inputs)),
            Step::Entities => {
                if let Some(linked) = &self.linked {
                    self.built = Some(build_entities(self.docs, &self.inputs, linked));
                }
            }
            Step::Documents => self.analysis = Some(self.assemble_documents()),
            Step::Facts(i) => {
                if let (Some(a), Some(mut tz)) = (&self.analysis, self.streams[i].take()) {
                    crate::boilerplate::flag_all(&mut tz);
                    self.facts.add_document(a, self.docs, i, tz);
                }
            }
            Step::FactRows => {
                if let Some(a) = &self.analysis {
                    self.facts.rows(a);
                }
            }
            Step::Wire => {
                if let Some(a) = &mut self.analysis {
                    let report = std::mem::take(&mut self.facts).finish(a);
                    a.facts = report.facts;
                    a.quotes = report.quotes;
                    a.wire = report.wire;
                    a.reuse = report.reuse;
                }
            }
            Step::Done => {}
        }
        self.step = self.step.next(n);
        self.progress()
    }

    /// The documents with their mentions, and the entities.
    fn assemble_documents(&mut self) -> Analysis {
        let docs = self.docs;
        let linked = self.linked.take().unwrap_or_else(|| link(&self.inputs));
        let built = self.built.take().unwrap_or_else(|| build_entities(docs, &self.inputs, &linked));
        let found = std::mem::take(&mut self.found);
        let mut documents = Vec::with_capacity(docs.len());
        let mut m = 0;
        for (d, doc) in docs.iter().enumerate() {
            let mut chars = CharOffsets::new(&doc.text);
            let mut mentions = Vec::with_capacity(found[d].len());
            for c in &found[d] {
                let group = linked.group_of_mention[m];
                m += 1;
                mentions.push(Mention {
                    start: chars.at(c.byte_start),
                    end: chars.at(c.byte_end),
                    kind: c.kind,
                    entity: built.ids[group].clone(),
                    text: doc.text[c.byte_start..c.byte_end].to_string(),
                    byte_start: c.byte_start,
                    byte_end: c.byte_end,
                    by_user: false,
                });
            }
            let (boilerplate, sentences) = match &self.streams[d] {
                Some(tz) => (tz.boilerplate.clone(), tz.sentence_bytes()),
                None => (Vec::new(), Vec::new()),
            };
            documents.push(DocumentAnalysis {
                id: doc.id.clone(),
                file: doc.file.clone(),
                title: doc.title.clone(),
                outlet: doc.outlet.clone(),
                date: doc.date.clone(),
                text: doc.text.clone(),
                mentions,
                boilerplate,
                outlet_guess: self.outlets.get(d).cloned().flatten(),
                sentences,
            });
        }
        self.inputs = Vec::new();
        let suggestions = linked
            .suggestions
            .iter()
            .map(|(a, b, sa, sb, rule)| Suggestion { a: built.ids[*a].clone(), b: built.ids[*b].clone(), a_spelling: sa.clone(), b_spelling: sb.clone(), rule: rule.clone() })
            .collect();
        Analysis { schema: SCHEMA.to_string(), documents, entities: built.entities, facts: Vec::new(), quotes: Vec::new(), wire: Vec::new(), reuse: BTreeMap::new(), suggestions }
    }

    /// Run the remaining steps and return the analysis.
    pub fn finish(mut self) -> Analysis {
        while !self.is_done() {
            self.step();
        }
        self.analysis.unwrap_or_else(|| Analysis { schema: SCHEMA.to_string(), documents: Vec::new(), entities: Vec::new(), facts: Vec::new(), quotes: Vec::new(), wire: Vec::new(), reuse: BTreeMap::new(), suggestions: Vec::new() })
    }
}

/// Run the whole pipeline.
pub fn analyze(docs: &[Document]) -> Analysis {
    Analyzer::new(docs).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_count_and_order() {
        for n in [1usize, 3] {
            let mut s = if n == 0 { Step::LinkInputs } else { Step::Read(0) };
            let mut count = s.index(n);
            let mut last = None;
            while s != Step::Done {
                assert_eq!(s.index(n), count, "{s:?}");
                assert!(last.is_none_or(|l: Stage| l <= s.stage()));
                last = Some(s.stage());
                s = s.next(n);
                count += 1;
            }
            assert_eq!(count, Step::Done.index(n), "n = {n}");
        }
        assert!(analyze(&[]).documents.is_empty());
    }
}
