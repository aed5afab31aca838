//! `qarin eval --conll FILE [--model MODEL] [--baseline] [--dev-fraction F]`: entity-level
//! exact-match precision, recall and F1 (per type and overall, `conlleval` style) of the tagger on
//! the last `F` of the sentences of FILE (default 0.1: the held-out dev part that `qarin train`
//! leaves out; 1 scores the whole file). `--baseline` also scores the most-frequent-tag-per-word
//! baseline trained on the first `1 − F` of FILE.

use qarin_engine::tagger::score::Scores;
use qarin_engine::lexicon::derive::train_len;
use qarin_engine::lexicon::lexicon;
use qarin_engine::tagger::baseline::Baseline;
use qarin_engine::tagger::lists::Lists;
use qarin_engine::tagger::perceptron::score_with;
use qarin_engine::tagger::tags;
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut conll: Option<PathBuf> = None;
    let mut model: Option<PathBuf> = None;
    let mut baseline = false;
    let mut dev_fraction = 0.1f64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--conll" => conll = Some(it.next().ok_or("--conll needs a file")?.into()),
            "--model" => model = Some(it.next().ok_or("--model needs a file")?.into()),
            "--baseline" => baseline = true,
            "--dev-fraction" => {
                let v = it.next().ok_or("--dev-fraction needs a value")?;
                dev_fraction = v.parse().map_err(|_| format!("--dev-fraction: `{v}` is not a number"))?;
            }
            other => return Err(format!("eval: unknown argument `{other}`")),
        }
    }
    if !(dev_fraction > 0.0 && dev_fraction <= 1.0) {
        return Err(format!("--dev-fraction must be in (0, 1], not {dev_fraction}"));
    }
    let conll = conll.ok_or("eval needs --conll FILE")?;
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
