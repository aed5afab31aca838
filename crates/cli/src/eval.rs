//! `qarin eval`:
//!
//! - `--conll FILE [--model MODEL] [--baseline] [--dev-fraction F]`: entity-level exact-match
//!   precision, recall and F1 (per type and overall, `conlleval` style) of the tagger on the last
//!   `F` of the sentences of FILE (default 0.1: the held-out dev part that `qarin train` leaves
//!   out; 1 scores the whole file). `--baseline` also scores the most-frequent-tag-per-word
//!   baseline trained on the first `1 − F` of FILE.
//! - `--story DIR GOLD.json`: the whole pipeline on a story's articles against its gold (see
//!   [`crate::story`]); `--stories GOLD_ROOT TEXT_ROOT`: every story of `GOLD_ROOT`
//!   (`STORY/gold.json`) whose texts are in `TEXT_ROOT/STORY/`, then a summary.

use qarin_engine::tagger::score::Scores;
use qarin_engine::lexicon::derive::train_len;
use qarin_engine::lexicon::lexicon;
use qarin_engine::tagger::baseline::Baseline;
use qarin_engine::tagger::lists::Lists;
use qarin_engine::tagger::perceptron::score_with;
use qarin_engine::tagger::tags;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
#[group(required = true, multiple = false)]
struct Mode {
    /// Score the tagger on the held-out part of this CoNLL file.
    #[arg(long, value_name = "FILE")]
    conll: Option<PathBuf>,
    /// Score the pipeline on one story: its articles' folder and its gold file.
    #[arg(long, num_args = 2, value_names = ["DIR", "GOLD"])]
    story: Option<Vec<PathBuf>>,
    /// Score the pipeline on every story with gold under GOLD_ROOT and texts under TEXT_ROOT.
    #[arg(long, num_args = 2, value_names = ["GOLD_ROOT", "TEXT_ROOT"])]
    stories: Option<Vec<PathBuf>>,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    mode: Mode,
    /// With --conll: a model file instead of the embedded model.
    #[arg(long)]
    model: Option<PathBuf>,
    /// With --conll: also score the most-frequent-tag baseline.
    #[arg(long)]
    baseline: bool,
    /// With --conll: score the whole pipeline (recognition as the app runs it) instead of the
    /// tagger alone, on the held-out sentences regrouped into articles of 40 sentences, one
    /// sentence per line; a CoNLL token is tagged with the mention that covers it.
    #[arg(long)]
    pipeline: bool,
    /// With --conll: the share of sentences at the end of the file scored.
    #[arg(long, default_value_t = 0.1)]
    dev_fraction: f64,
    /// With --story or --stories: how many errors to list per story.
    #[arg(long, default_value_t = 40)]
    errors: usize,
    /// With --story, --stories or --pipeline: finders to turn off, to measure what each brings
    /// (rule codes such as `title`, `organisation`; `alias`, `gazetteer`, `corpus`, `tagger`).
    #[arg(long, value_delimiter = ',')]
    without: Vec<String>,
    /// With --conll: also write `token gold predicted` per scored token (blank line between
    /// sentences, conlleval's input) to this file, to read the errors.
    #[arg(long, value_name = "FILE")]
    dump: Option<PathBuf>,
    /// With --conll: also score the tagger after it learned from this many random corrections
    /// of names (a random word marked as a name of a random type, or a highlight said to be no
    /// name) made on the articles of --corrections-on, as a careless reader of the app might:
    /// what one reader's corrections do to the names they are not about.
    #[arg(long, default_value_t = 0)]
    random_corrections: usize,
    /// The articles the random corrections are made on (folders or files).
    #[arg(long, value_name = "DIR|FILE", default_value = "corpus")]
    corrections_on: Vec<PathBuf>,
    /// Seed of the random corrections.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// With --stories: also measure what the tagger learns from a reader's corrections. In each
    /// story, the first article is corrected to its gold (every missed or mistyped name marked,
    /// every highlight that is no name removed); the other articles are scored before, after the
    /// tagger learned from those corrections, and after the corrections themselves are carried
    /// to the same names (what the app shows).
    #[arg(long)]
    learn_from_first: bool,
}

pub fn run(args: Args) -> Result<(), String> {
    let opts = qarin_engine::recognize::Options { off: args.without.clone() };
    if let Some(s) = &args.mode.story {
        let (gold, scores) = crate::story::evaluate(&s[0], &s[1], &opts)?;
        print!("{}", crate::story::report(&gold, &scores, args.errors));
        return Ok(());
    }
    if let Some(s) = &args.mode.stories {
        if args.learn_from_first {
            return learning(&s[0], &s[1]);
        }
        return stories(&s[0], &s[1], args.errors, &opts);
    }
    let (conll, model, baseline, dev_fraction, pipeline) = (args.mode.conll, args.model, args.baseline, args.dev_fraction, args.pipeline);
    if !(dev_fraction > 0.0 && dev_fraction <= 1.0) {
        return Err(format!("--dev-fraction must be in (0, 1], not {dev_fraction}"));
    }
    let conll = conll.ok_or("eval needs --conll, --story or --stories")?;
    let sentences = crate::tag::read_sentences(&conll)?;
    let tagger = crate::tag::load_model(model.as_deref())?;
    let split = train_len(sentences.len(), 1.0 - dev_fraction);
    let (train, dev) = sentences.split_at(split);
    if dev.is_empty() {
        return Err(format!("{}: nothing to score (no sentence in the last {dev_fraction} of the file)", conll.display()));
    }
    if pipeline {
        let (scores, tagged) = pipeline_scores(dev, &opts);
        if let Some(path) = &args.dump {
            dump(path, dev, &tagged)?;
        }
        println!("# the whole pipeline on {} ({} sentences from sentence {}, articles of {SENTENCES_PER_ARTICLE} sentences)", conll.display(), dev.len(), split + 1);
        print!("{}", scores.report());
        return Ok(());
    }
    let lists = Lists::runtime(lexicon());
    let scores = score_with(&tagger, dev, &lists);
    if let Some(path) = &args.dump {
        let tagged: Vec<Vec<String>> = tagger.tag_conll(dev, &lists, None).into_iter().map(|t| t.iter().map(|&t| tags::name(t, false)).collect()).collect();
        dump(path, dev, &tagged)?;
    }
    let what = model.as_ref().map_or("the embedded model".to_string(), |m| m.display().to_string());
    println!("# {what} on {} ({} sentences from sentence {})", conll.display(), dev.len(), split + 1);
    print!("{}", scores.report());
    if args.random_corrections > 0 {
        let docs = crate::analyze::load(&args.corrections_on)?;
        let a = qarin_engine::analyze(&docs);
        let decisions = qarin_engine::decisions::random_corrections(&a, args.random_corrections, args.seed);
        let streams: Vec<_> = docs.iter().map(|d| (d.id.as_str(), qarin_engine::pipeline::read(&d.text))).collect();
        let read: Vec<(&str, &[qarin_engine::model::Token])> = streams.iter().map(|(id, tz)| (*id, &tz.tokens[..])).collect();
        let learned = tagger.learn(&read, &qarin_engine::decisions::corrections(&decisions), &lists);
        let after = qarin_engine::tagger::perceptron::score_learned(&tagger, dev, &lists, Some(&learned));
        let names = decisions.iter().filter(|d| matches!(d, qarin_engine::decisions::Decision::Name { .. })).count();
        println!(
            "# after learning from {} random corrections on {} articles (seed {}; {names} names, {} not names): {} corrected sentences, {} still read otherwise, {} learned weights",
            decisions.len(),
            docs.len(),
            args.seed,
            decisions.len() - names,
            learned.sentences,
            learned.unlearned,
            learned.weights()
        );
        print!("{}", after.report());
    }
    if baseline {
        if train.is_empty() {
            return Err("--baseline needs a training part: use a --dev-fraction below 1".into());
        }
        let b = Baseline::train(train);
        let mut bs = Scores::default();
        for s in dev {
            let gold: Vec<&str> = s.iter().map(|t| t.tag.as_str()).collect();
            let pred: Vec<String> = b.tag(s).iter().map(|&t| tags::name(t, false)).collect();
            bs.add(&gold, &pred);
        }
        println!("# baseline: most frequent tag per word, trained on the first {} sentences", train.len());
        print!("{}", bs.report());
    }
    Ok(())
}

/// Every story under `gold_root` whose texts are under `text_root`: each report, then a summary
/// table (and the mentions and linking of all stories pooled).
fn stories(gold_root: &Path, text_root: &Path, errors: usize, opts: &qarin_engine::recognize::Options) -> Result<(), String> {
    let names = story_names(gold_root)?;
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for name in &names {
        let texts = text_root.join(name);
        if !texts.is_dir() {
            skipped.push(name.clone());
            continue;
        }
        // A copy fetched anew has its gold placed again beside it (`realign.py`), or a gold of
        // the articles at hand when some could not be fetched again: that one is scored.
        let local = ["gold.realigned.json", "gold.partial.json"].iter().map(|f| texts.join(f)).find(|p| p.is_file());
        let gold_path = local.clone().unwrap_or_else(|| gold_root.join(name).join("gold.json"));
        let (gold, s) = match crate::story::evaluate(&texts, &gold_path, opts) {
            Ok(r) => r,
            Err(e) => {
                skipped.push(format!("{name} ({e})"));
                continue;
            }
        };
        if let Some(p) = &local {
            println!("# gold: {}", p.display());
        }
        print!("{}", crate::story::report(&gold, &s, errors));
        println!();
        let scored = gold.documents.len().saturating_sub(s.missing_files.len());
        rows.push((name.clone(), s, scored));
    }
    println!("# summary: mention P/R/F1, linking B³ and CEAF-e F1, entities kept whole, apart pairs respected");
    println!("{:<26} {:>6} {:>6} {:>6}   {:>6} {:>6}   {:>6}   {:>7}", "story", "P", "R", "F1", "B³", "CEAF-e", "whole", "apart");
    // The bundled demonstration corpus is shown but not pooled: the dev stories are what the
    // engine is judged on.
    let mut all = qarin_engine::eval::Prf::default();
    let mut per_type: Vec<(qarin_engine::model::EntityType, qarin_engine::eval::Prf)> = Vec::new();
    let mut articles = 0;
    let mut outlets = (0, 0, 0);
    for (name, s, scored) in &rows {
        if !name.starts_with("bundled") {
            for (_, _, guess, right) in &s.outlets {
                match (guess, right) {
                    (None, _) => outlets.2 += 1,
                    (Some(_), true) => outlets.0 += 1,
                    (Some(_), false) => outlets.1 += 1,
                }
            }
            all += s.mentions;
            for (k, p) in &s.per_type {
                match per_type.iter_mut().find(|(t, _)| t == k) {
                    Some((_, q)) => *q += *p,
                    None => per_type.push((*k, *p)),
                }
            }
            articles += scored;
        }
        println!(
            "{name:<26} {:>6.1} {:>6.1} {:>6.1}   {:>6.1} {:>6.1}   {:>6.2}   {:>3}/{:<3}",
            100.0 * s.mentions.precision(),
            100.0 * s.mentions.recall(),
            100.0 * s.mentions.f1(),
            100.0 * s.b3.f1(),
            100.0 * s.ceafe.f1(),
            s.kept_whole_share(),
            s.apart_respected.0,
            s.apart_respected.1
        );
    }
    println!("{:<26} {:>6.1} {:>6.1} {:>6.1}   (mentions of the dev stories pooled, the bundled corpus left out: {articles} articles, {} gold mentions)", "dev stories", 100.0 * all.precision(), 100.0 * all.recall(), 100.0 * all.f1(), all.gold);
    for (k, p) in &per_type {
        println!("{:<26} {:>6.1} {:>6.1} {:>6.1}   ({} correct, {} found, {} gold)", format!("  {}", k.code()), 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * p.f1(), p.correct, p.found, p.gold);
    }
    println!("outlets named in the text (dev stories): {} right, {} wrong, {} not found, of {} articles", outlets.0, outlets.1, outlets.2, outlets.0 + outlets.1 + outlets.2);
    if !skipped.is_empty() {
        println!("# not scored (texts missing under {}): {}", text_root.display(), skipped.join("; "));
    }
    Ok(())
}

/// The names of the story folders under `gold_root` (those with a `gold.json`), sorted.
fn story_names(gold_root: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(gold_root)
        .map_err(|e| format!("{}: {e}", gold_root.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("gold.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// The stories under `gold_root` with texts under `text_root` (as [`stories`]), each with its
/// gold file.
fn story_files(gold_root: &Path, text_root: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>, String> {
    Ok(story_names(gold_root)?
        .into_iter()
        .filter(|n| text_root.join(n).is_dir() && !n.starts_with("bundled"))
        .map(|n| {
            let texts = text_root.join(&n);
            let local = ["gold.realigned.json", "gold.partial.json"].iter().map(|f| texts.join(f)).find(|p| p.is_file());
            let gold = local.unwrap_or_else(|| gold_root.join(&n).join("gold.json"));
            (n, texts, gold)
        })
        .collect())
}

/// `--learn-from-first`: the corrections a reader makes on each story's first article, and what
/// they do to the story's other articles.
fn learning(gold_root: &Path, text_root: &Path) -> Result<(), String> {
    use qarin_engine::decisions::{apply, Decision};
    use qarin_engine::eval::score;
    println!("# the first article of each story corrected to its gold (names the gold never counts unmarked); mention P/R/F1 of the other articles");
    println!("{:<26} {:>5} {:>5}   {:<20} {:<20} {:<20}", "story", "names", "not", "engine", "tagger learned", "learned + carried");
    let mut pooled = [qarin_engine::eval::Prf::default(), qarin_engine::eval::Prf::default(), qarin_engine::eval::Prf::default()];
    for (name, texts, gold_path) in story_files(gold_root, text_root)? {
        let (gold, docs) = crate::story::load(&texts, &gold_path)?;
        if docs.len() < 2 {
            continue;
        }
        let base = qarin_engine::analyze(&docs);
        let (first, found) = (&gold.documents[0], &base.documents[0]);
        let mut decisions = Vec::new();
        // A highlight is said to be no name when no gold name overlaps it and the story's gold
        // never counts its words as a name (a reader does not unmark a country in a list of
        // related headlines the gold leaves out as site furniture).
        let named = |t: &str| gold.documents.iter().any(|d| d.mentions.iter().any(|g| qarin_engine::normalize::normalize(&g.text) == qarin_engine::normalize::normalize(t)));
        for m in &found.mentions {
            if !first.mentions.iter().any(|g| g.start < m.end && m.start < g.end) && !named(&m.text) {
                decisions.push(Decision::NotName { doc: docs[0].id.clone(), start: m.start, end: m.end });
            }
        }
        let not = decisions.len();
        for g in &first.mentions {
            if !found.mentions.iter().any(|m| (m.start, m.end, m.kind) == (g.start, g.end, g.kind)) {
                decisions.push(Decision::Name { doc: docs[0].id.clone(), start: g.start, end: g.end, kind: g.kind });
            }
        }
        let learned = qarin_engine::Analyzer::learning(&docs, &qarin_engine::decisions::corrections(&decisions)).finish();
        let carried = apply(&learned, &decisions);
        let rest = qarin_engine::eval::Gold { documents: gold.documents[1..].to_vec(), ..gold.clone() };
        let cell = |p: &qarin_engine::eval::Prf| format!("{:.1}/{:.1}/{:.1}", 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * p.f1());
        let mut cells = Vec::new();
        for (k, a) in [&base, &learned, &carried].into_iter().enumerate() {
            let s = score(a, &rest);
            pooled[k] += s.mentions;
            cells.push(cell(&s.mentions));
        }
        println!("{name:<26} {:>5} {:>5}   {:<20} {:<20} {:<20}", decisions.len() - not, not, cells[0], cells[1], cells[2]);
    }
    let cell = |p: &qarin_engine::eval::Prf| format!("{:.1}/{:.1}/{:.1}", 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * p.f1());
    println!("{:<26} {:>5} {:>5}   {:<20} {:<20} {:<20}", "pooled", "", "", cell(&pooled[0]), cell(&pooled[1]), cell(&pooled[2]));
    Ok(())
}

/// Sentences per article when the pipeline is scored on CoNLL sentences.
const SENTENCES_PER_ARTICLE: usize = 40;

/// The pipeline's mentions on CoNLL sentences, as BIO tags per CoNLL token, scored against the
/// gold tags. Articles are `SENTENCES_PER_ARTICLE` consecutive sentences, tokens joined by one
/// space, one sentence per line; a token covered (even in part: proclitics are outside the
/// pipeline's highlights, inside ANERcorp's) by a mention gets its type, `B-` on the first token
/// of the mention.
fn pipeline_scores(dev: &[Vec<qarin_engine::input::conll::TaggedToken>], opts: &qarin_engine::recognize::Options) -> (Scores, Vec<Vec<String>>) {
    let mut docs = Vec::new();
    let mut ranges: Vec<Vec<Vec<(usize, usize)>>> = Vec::new();
    for (k, chunk) in dev.chunks(SENTENCES_PER_ARTICLE).enumerate() {
        let mut text = String::new();
        let mut doc_ranges = Vec::new();
        for s in chunk {
            let mut sr = Vec::new();
            for (i, t) in s.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let start = text.chars().count();
                text.push_str(&t.token);
                sr.push((start, text.chars().count()));
            }
            text.push('\n');
            doc_ranges.push(sr);
        }
        docs.push(qarin_engine::Document { id: format!("d{k}"), file: format!("d{k}.txt"), title: String::new(), text, ..Default::default() });
        ranges.push(doc_ranges);
    }
    let analysis = qarin_engine::Analyzer::with_options(&docs, opts.clone()).finish();
    let mut scores = Scores::default();
    let mut tagged = Vec::new();
    for ((d, chunk), doc_ranges) in analysis.documents.iter().zip(dev.chunks(SENTENCES_PER_ARTICLE)).zip(&ranges) {
        for (s, sr) in chunk.iter().zip(doc_ranges) {
            let mut pred = vec!["O".to_string(); s.len()];
            for m in &d.mentions {
                let mut first = true;
                for (i, &(a, b)) in sr.iter().enumerate() {
                    if a < m.end && m.start < b {
                        pred[i] = format!("{}-{}", if first { "B" } else { "I" }, m.kind.code());
                        first = false;
                    }
                }
            }
            let gold: Vec<String> = s.iter().map(|t| t.tag.replace("PERS", "PER")).collect();
            scores.add(&gold, &pred);
            tagged.push(pred);
        }
    }
    (scores, tagged)
}

/// `token gold predicted` per token, a blank line after each sentence.
fn dump(path: &Path, dev: &[Vec<qarin_engine::input::conll::TaggedToken>], tagged: &[Vec<String>]) -> Result<(), String> {
    let mut out = String::new();
    for (s, p) in dev.iter().zip(tagged) {
        for (t, p) in s.iter().zip(p) {
            out.push_str(&format!("{} {} {}\n", t.token, t.tag.replace("PERS", "PER"), p.replace("PERS", "PER")));
        }
        out.push('\n');
    }
    std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))
}
