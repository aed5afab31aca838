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
    /// With --conll: the share of sentences at the end of the file scored.
    #[arg(long, default_value_t = 0.1)]
    dev_fraction: f64,
    /// With --story or --stories: how many errors to list per story.
    #[arg(long, default_value_t = 40)]
    errors: usize,
}

pub fn run(args: Args) -> Result<(), String> {
    if let Some(s) = &args.mode.story {
        let (gold, scores) = crate::story::evaluate(&s[0], &s[1])?;
        print!("{}", crate::story::report(&gold, &scores, args.errors));
        return Ok(());
    }
    if let Some(s) = &args.mode.stories {
        return stories(&s[0], &s[1], args.errors);
    }
    let (conll, model, baseline, dev_fraction) = (args.mode.conll, args.model, args.baseline, args.dev_fraction);
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
    let scores = score_with(&tagger, dev, &Lists::runtime(lexicon()));
    let what = model.as_ref().map_or("the embedded model".to_string(), |m| m.display().to_string());
    println!("# {what} on {} ({} sentences from sentence {})", conll.display(), dev.len(), split + 1);
    print!("{}", scores.report());
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
fn stories(gold_root: &Path, text_root: &Path, errors: usize) -> Result<(), String> {
    let mut names: Vec<String> = std::fs::read_dir(gold_root)
        .map_err(|e| format!("{}: {e}", gold_root.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("gold.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut rows = Vec::new();
    let mut skipped = Vec::new();
    for name in &names {
        let texts = text_root.join(name);
        if !texts.is_dir() {
            skipped.push(name.clone());
            continue;
        }
        let (gold, s) = crate::story::evaluate(&texts, &gold_root.join(name).join("gold.json"))?;
        print!("{}", crate::story::report(&gold, &s, errors));
        println!();
        rows.push((name.clone(), s));
    }
    println!("# summary: mention P/R/F1, linking B³ and CEAF-e F1, entities kept whole, apart pairs respected");
    println!("{:<26} {:>6} {:>6} {:>6}   {:>6} {:>6}   {:>6}   {:>7}", "story", "P", "R", "F1", "B³", "CEAF-e", "whole", "apart");
    // The bundled demonstration corpus is shown but not pooled: the dev stories are what the
    // engine is judged on.
    let mut all = qarin_engine::eval::Prf::default();
    for (name, s) in &rows {
        if !name.starts_with("bundled") {
            all.correct += s.mentions.correct;
            all.found += s.mentions.found;
            all.gold += s.mentions.gold;
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
    println!("{:<26} {:>6.1} {:>6.1} {:>6.1}   (mentions of the dev stories pooled, the bundled corpus left out)", "dev stories", 100.0 * all.precision(), 100.0 * all.recall(), 100.0 * all.f1());
    if !skipped.is_empty() {
        println!("# not scored (no texts under {}): {}", text_root.display(), skipped.join(", "));
    }
    Ok(())
}
