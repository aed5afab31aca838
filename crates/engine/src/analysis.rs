//! The single entry point: documents in, [`Analysis`] out.
//!
//! 1. each document: boilerplate marked, tokens read;
//! 2. first pass: gazetteer names and rule candidates per document;
//! 3. names found by rules anywhere (and the given names and surnames of full person names) become
//!    corpus names, matched in every document in a second pass ("one sense per corpus");
//! 4. mentions linked into entities ([`crate::link`]), entities labelled and numbered.

use crate::boilerplate;
use crate::lexicon::{lexicon, Source};
use crate::link::{link, LinkInput};
use crate::model::*;
use crate::recognize::gazetteer::{self, CorpusNames};
use crate::recognize::words::{Ask, Word};
use crate::recognize::{resolve, rules, Candidate, Origin};
use crate::tokenize::sentences::sentence_spans;
use crate::tokenize::{tokens, CharOffsets};
use crate::translit::transliterate;
use std::collections::{BTreeMap, HashMap, HashSet};

struct Prepared<'a> {
    words: Vec<Word<'a>>,
    boiler: Vec<Boilerplate>,
}

fn prepare(doc: &Document) -> Prepared<'_> {
    let boiler = boilerplate::detect(&doc.text);
    let words = tokens(&doc.text)
        .map(|t| {
            let b = boilerplate::overlaps(&boiler, t.start, t.end);
            Word::new(t, b)
        })
        .collect();
    Prepared { words, boiler }
}

fn recognise(words: &[Word], ask: &Ask, corpus: &CorpusNames, first_names: &HashSet<String>, model: &[Candidate]) -> Vec<Candidate> {
    let gaz = gazetteer::candidates(words, ask, corpus);
    let known = resolve(gaz.clone());
    let mut all = gaz;
    all.extend(rules::candidates(words, ask, &known, first_names));
    all.extend(model.iter().cloned());
    // A name has two letters at least: a lone letter is a conjunction or a stray initial (the
    // tagger can put `و` between quotes into an organisation), never a name worth linking.
    all.retain(|c| c.key.chars().filter(|ch| ch.is_alphanumeric()).count() >= 2);
    resolve(all)
}

/// Names found by rules become corpus names; keys that are only a proclitic plus another corpus
/// name of the same type (`لتوكاييف` beside `توكاييف`) are dropped.
fn corpus_names(found: &[Vec<Candidate>], ask: &Ask) -> (CorpusNames, HashSet<String>) {
    let mut votes: HashMap<String, BTreeMap<EntityType, usize>> = HashMap::new();
    let mut first_names = HashSet::new();
    for c in found.iter().flatten() {
        // Names found in a list only by being listed are not trusted beyond their own place.
        // Nor are the tagger's guesses: a mistake would spread to every article.
        if !matches!(c.origin, Origin::Rule(r) if r != "coordination" && r != "model") {
            continue;
        }
        *votes.entry(c.key.clone()).or_default().entry(c.kind).or_default() += 1;
        if c.kind == EntityType::Per {
            let words: Vec<&str> = c.key.split(' ').collect();
            if words.len() >= 2 {
                first_names.insert(words[0].to_string());
                let last = words[words.len() - 1];
                // A surname is looked for everywhere only if it cannot be an ordinary word:
                // four letters or more, no article, not common (`دين` "debt" is not Dein).
                let bare = last.chars().count() >= 4 && !last.starts_with("ال");
                if bare && !ask.lex.common.contains(last) && !ask.lex.names.contains_key(last) {
                    *votes.entry(last.to_string()).or_default().entry(EntityType::Per).or_default() += 1;
                }
            }
        }
    }
    let mut names: CorpusNames = votes
        .into_iter()
        .filter_map(|(k, v)| v.into_iter().max_by_key(|&(t, n)| (n, std::cmp::Reverse(t))).map(|(t, _)| (k, t)))
        .collect();
    let clitic_forms: Vec<String> = names
        .iter()
        .filter(|(k, t)| {
            let (first, rest) = k.split_once(' ').map_or((k.as_str(), ""), |(a, b)| (a, b));
            crate::tokenize::clitics::splits(first).iter().skip(1).any(|s| {
                let stem_key = if rest.is_empty() { s.stem.clone() } else { format!("{} {rest}", s.stem) };
                names.get(&stem_key) == Some(t) || ask.lex.names.get(&stem_key).is_some_and(|e| e.kind == **t)
            })
        })
        .map(|(k, _)| k.clone())
        .collect();
    for k in clitic_forms {
        names.remove(&k);
    }
    (names, first_names)
}

/// Re-read the first word of a candidate without its proclitic when the stem form is a known name
/// of the same type.
fn split_clitic(c: &mut Candidate, words: &[Word], corpus: &CorpusNames, ask: &Ask) {
    if c.origin == Origin::Alias || corpus.get(&c.key) == Some(&c.kind) || ask.lex.names.contains_key(&c.key) {
        return;
    }
    let w = &words[c.first];
    let rest = c.key.split_once(' ').map(|(_, r)| r.to_string());
    for s in w.splits.iter().skip(1) {
        let key = match &rest {
            Some(r) => format!("{} {r}", s.stem),
            None => s.stem.clone(),
        };
        if corpus.get(&key) == Some(&c.kind) || ask.lex.names.get(&key).is_some_and(|e| e.kind == c.kind) {
            c.byte_start = w.stem_start(s);
            c.key = key;
            return;
        }
    }
}

/// Which rule or list found each name: per document, (text, type, origin) in text order.
pub fn explain(docs: &[Document]) -> Vec<Vec<(String, EntityType, String)>> {
    recognise_all(docs)
        .1
        .iter()
        .zip(docs)
        .map(|(cands, d)| {
            cands.iter().map(|c| (d.text[c.byte_start..c.byte_end].to_string(), c.kind, format!("{:?}", c.origin))).collect()
        })
        .collect()
}

fn recognise_all(docs: &[Document]) -> (Vec<Prepared<'_>>, Vec<Vec<Candidate>>) {
    let mut an = Analyzer::new(docs);
    while an.stage < Stage::Linking {
        an.step();
    }
    (an.prepared, an.found)
}

/// Steps of [`Stage::Linking`]: the link inputs, linking, the entities, the documents.
const LINK_STEPS: usize = 4;

/// The stages of an analysis, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Per article: tokens, boilerplate, the tagger, the first recognition pass.
    Reading,
    /// Per article: recognition again, with the names found across the corpus.
    Recognising,
    /// Across articles: linking mentions into entities, then the documents with their mentions.
    Linking,
    /// Per article: numbers, dates, quotes; then the rows across articles and shared wire copy.
    Facts,
    Done,
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
    ask: Ask<'static>,
    stage: Stage,
    /// Next article of a per-article stage; for the stages across articles, the sub-step.
    next: usize,
    prepared: Vec<Prepared<'a>>,
    model: Vec<Vec<Candidate>>,
    pass1: Vec<Vec<Candidate>>,
    corpus: CorpusNames,
    first_names: HashSet<String>,
    found: Vec<Vec<Candidate>>,
    inputs: Vec<LinkInput>,
    linked: Option<crate::link::Linked>,
    built: Option<Built>,
    analysis: Option<Analysis>,
    facts: crate::facts::FactsBuilder,
}

impl<'a> Analyzer<'a> {
    pub fn new(docs: &'a [Document]) -> Self {
        Analyzer {
            docs,
            ask: Ask::default(),
            stage: if docs.is_empty() { Stage::Linking } else { Stage::Reading },
            next: 0,
            prepared: Vec::with_capacity(docs.len()),
            model: Vec::with_capacity(docs.len()),
            pass1: Vec::with_capacity(docs.len()),
            corpus: CorpusNames::new(),
            first_names: HashSet::new(),
            found: Vec::with_capacity(docs.len()),
            inputs: Vec::new(),
            linked: None,
            built: None,
            analysis: None,
            facts: crate::facts::FactsBuilder::default(),
        }
    }

    /// Steps in all (it does not change as the work goes on).
    pub fn total_steps(&self) -> usize {
        // Reading and recognising: one per article (+1 for the corpus names); linking: 4;
        // facts: one per article + 2.
        3 * self.docs.len() + LINK_STEPS + 3
    }

    fn steps_done(&self) -> usize {
        let n = self.docs.len();
        match self.stage {
            Stage::Reading => self.next,
            Stage::Recognising => n + 1 + self.next,
            Stage::Linking => 2 * n + 1 + self.next,
            Stage::Facts => 2 * n + 1 + LINK_STEPS + self.next,
            Stage::Done => self.total_steps(),
        }
    }

    pub fn progress(&self) -> Progress {
        Progress { stage: self.stage, done: self.steps_done(), total: self.total_steps() }
    }

    /// Whether the next step works across all articles (the corpus names, linking, the fact rows,
    /// shared wire copy) rather than on one: a caller slicing the work gives it a slice of its own.
    pub fn next_step_spans_corpus(&self) -> bool {
        let n = self.docs.len();
        match self.stage {
            Stage::Reading => self.next == n,
            Stage::Linking => true,
            Stage::Facts => self.next >= n,
            Stage::Recognising | Stage::Done => false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    /// Do one step; returns the progress after it.
    pub fn step(&mut self) -> Progress {
        let n = self.docs.len();
        match self.stage {
            Stage::Reading if self.next == n => {
                (self.corpus, self.first_names) = corpus_names(&self.pass1, &self.ask);
                self.pass1 = Vec::new();
                self.stage = Stage::Recognising;
                self.next = 0;
            }
            Stage::Reading => {
                let p = prepare(&self.docs[self.next]);
                // The trained tagger runs once per document; its spans join both passes.
                // It was trained on Arabic: spans starting on a Latin word (an English text) are
                // not trusted.
                let mut m = crate::tagger::candidates(&p.words, &self.ask);
                m.retain(|c| p.words[c.first].is_arabic());
                let empty = CorpusNames::new();
                self.pass1.push(recognise(&p.words, &self.ask, &empty, &HashSet::new(), &m));
                self.prepared.push(p);
                self.model.push(m);
                self.next += 1;
            }
            Stage::Recognising => {
                let (p, m) = (&self.prepared[self.next], &self.model[self.next]);
                let mut cands = recognise(&p.words, &self.ask, &self.corpus, &self.first_names, m);
                for c in &mut cands {
                    split_clitic(c, &p.words, &self.corpus, &self.ask);
                }
                self.found.push(cands);
                self.next += 1;
                if self.next == n {
                    self.model = Vec::new();
                    self.stage = Stage::Linking;
                    self.next = 0;
                }
            }
            Stage::Linking if self.next == 0 => {
                for (d, cands) in self.found.iter().enumerate() {
                    for c in cands {
                        self.inputs.push(LinkInput {
                            doc: d,
                            kind: c.kind,
                            key: c.key.clone(),
                            surface: self.docs[d].text[c.byte_start..c.byte_end].to_string(),
                            alias_of: c.alias_of.clone(),
                        });
                    }
                }
                self.next = 1;
            }
            Stage::Linking if self.next == 1 => {
                self.linked = Some(link(&self.inputs));
                self.next = 2;
            }
            Stage::Linking if self.next == 2 => {
                if let Some(linked) = &self.linked {
                    self.built = Some(build_entities(self.docs, &self.inputs, linked));
                }
                self.next = 3;
            }
            Stage::Linking => {
                self.analysis = Some(self.assemble_documents());
                self.stage = if n == 0 { Stage::Done } else { Stage::Facts };
                self.next = 0;
            }
            Stage::Facts if self.next < n => {
                if let Some(a) = &self.analysis {
                    self.facts.add_document(a, self.docs, self.next);
                }
                self.next += 1;
            }
            Stage::Facts if self.next == n => {
                if let Some(a) = &self.analysis {
                    self.facts.rows(a);
                }
                self.next += 1;
            }
            Stage::Facts => {
                if let Some(a) = &mut self.analysis {
                    let report = std::mem::take(&mut self.facts).finish(a);
                    a.facts = report.facts;
                    a.quotes = report.quotes;
                    a.wire = report.wire;
                    a.reuse = report.reuse;
                }
                self.stage = Stage::Done;
            }
            Stage::Done => {}
        }
        self.progress()
    }

    /// The documents with their mentions, and the entities.
    fn assemble_documents(&mut self) -> Analysis {
        let docs = self.docs;
        let linked = self.linked.take().unwrap_or_else(|| link(&self.inputs));
        let entities_meta = self.built.take().unwrap_or_else(|| build_entities(docs, &self.inputs, &linked));
        let prepared = std::mem::take(&mut self.prepared);
        let found = std::mem::take(&mut self.found);
        let mut documents = Vec::with_capacity(docs.len());
        let mut m = 0;
        for (d, (doc, p)) in docs.iter().zip(prepared).enumerate() {
            let mut chars = CharOffsets::new(&doc.text);
            let mut mentions = Vec::with_capacity(found[d].len());
            for c in &found[d] {
                let group = linked.group_of_mention[m];
                m += 1;
                let start = chars.at(c.byte_start);
                let end = chars.at(c.byte_end);
                mentions.push(Mention {
                    start,
                    end,
                    kind: c.kind,
                    entity: entities_meta.ids[group].clone(),
                    text: doc.text[c.byte_start..c.byte_end].to_string(),
                    byte_start: c.byte_start,
                    byte_end: c.byte_end,
                });
            }
            documents.push(DocumentAnalysis {
                id: doc.id.clone(),
                file: doc.file.clone(),
                title: doc.title.clone(),
                outlet: doc.outlet.clone(),
                date: doc.date.clone(),
                text: doc.text.clone(),
                mentions,
                boilerplate: p.boiler,
                sentences: sentence_spans(&doc.text),
            });
        }
        self.inputs = Vec::new();
        Analysis {
            schema: SCHEMA.to_string(),
            documents,
            entities: entities_meta.entities,
            facts: Vec::new(),
            quotes: Vec::new(),
            wire: Vec::new(),
            reuse: BTreeMap::new(),
        }
    }

    /// Run the remaining steps and return the analysis.
    pub fn finish(mut self) -> Analysis {
        while !self.is_done() {
            self.step();
        }
        self.analysis.unwrap_or_else(|| Analysis {
            schema: SCHEMA.to_string(),
            documents: Vec::new(),
            entities: Vec::new(),
            facts: Vec::new(),
            quotes: Vec::new(),
            wire: Vec::new(),
            reuse: BTreeMap::new(),
        })
    }
}

/// Run the whole pipeline.
pub fn analyze(docs: &[Document]) -> Analysis {
    Analyzer::new(docs).finish()
}

/// An entity from its mentions, given as (document id, spelling) pairs: label (the most complete
/// Arabic spelling, then the most frequent), variants by frequency, counts and spellings per
/// document. `latin` defaults to a transliteration of the label.
pub(crate) fn assemble(id: String, kind: EntityType, mentions: &[(&str, &str)], latin: Option<String>, reasons: Vec<LinkReason>) -> Entity {
    let mut surface_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_doc: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for &(doc, surface) in mentions {
        *surface_counts.entry(surface).or_default() += 1;
        *per_doc.entry(doc.to_string()).or_default().entry(surface).or_default() += 1;
    }
    let mut variants: Vec<(&str, usize)> = surface_counts.into_iter().collect();
    variants.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let words = |v: &str| v.split(|c: char| c.is_whitespace() || c == '-').count();
    let label = variants
        .iter()
        .filter(|(v, _)| v.chars().any(crate::normalize::arabic::is_arabic_letter))
        .max_by(|a, b| words(a.0).cmp(&words(b.0)).then(a.1.cmp(&b.1)).then(b.0.cmp(a.0)))
        .or(variants.first())
        .map(|v| v.0.to_string())
        .unwrap_or_default();
    let latin = latin.unwrap_or_else(|| transliterate(&label));
    let documents = per_doc.iter().map(|(d, s)| (d.clone(), s.values().sum())).collect();
    let spellings = per_doc
        .into_iter()
        .map(|(d, s)| {
            let mut v: Vec<Spelling> = s.into_iter().map(|(t, c)| Spelling { text: t.to_string(), count: c }).collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.text.cmp(&b.text)));
            (d, v)
        })
        .collect();
    Entity { id, kind, label, latin, variants: variants.iter().map(|v| v.0.to_string()).collect(), documents, spellings, reasons }
}

/// Entity order everywhere: named by more articles first, then more mentions, then label.
pub(crate) fn sort_entities(entities: &mut [Entity]) {
    entities.sort_by(|a, b| b.coverage().cmp(&a.coverage()).then(b.total().cmp(&a.total())).then(a.label.cmp(&b.label)));
}

/// A URL- and file-safe id part from a Latin name.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

struct Built {
    ids: Vec<String>,
    entities: Vec<Entity>,
}


fn build_entities(docs: &[Document], inputs: &[LinkInput], linked: &crate::link::Linked) -> Built {
    let lex = lexicon();
    let mut entities: Vec<Entity> = Vec::with_capacity(linked.groups);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); linked.groups];
    for (i, &g) in linked.group_of_mention.iter().enumerate() {
        members[g].push(i);
    }
    for (g, ms) in members.iter().enumerate() {
        let latin = ms.iter().find_map(|&i| match lex.names.get(&inputs[i].key).map(|e| &e.source) {
            Some(Source::Country { english, .. }) => Some(english.clone()),
            _ => None,
        });
        let mentions: Vec<(&str, &str)> = ms.iter().map(|&i| (docs[inputs[i].doc].id.as_str(), inputs[i].surface.as_str())).collect();
        entities.push(assemble(String::new(), inputs[ms[0]].kind, &mentions, latin, linked.reasons[g].clone()));
    }
    // Stable, readable, unique ids.
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::with_capacity(entities.len());
    for e in &mut entities {
        let base = format!("{}-{}", e.kind.code().to_ascii_lowercase(), slug(&e.latin));
        let n = used.entry(base.clone()).or_default();
        *n += 1;
        e.id = if *n == 1 { base } else { format!("{base}-{n}") };
        ids.push(e.id.clone());
    }
    sort_entities(&mut entities);
    Built { ids, entities }
}
