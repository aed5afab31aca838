//! `qarin bench [--model MODEL] [--corpus DIR] [--conll FILE]`: tagging throughput (tokens per
//! second, native) on the bundled articles (the app's path: raw text, tokens, boilerplate, model)
//! and on the dev part of the CoNLL file (the last 10 %).

use qarin_engine::input::corpus::load_dir;
use qarin_engine::lexicon::derive::train_len;
use qarin_engine::lexicon::lexicon;
use qarin_engine::tagger::lists::Lists;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Run `f` (which returns a token count) until at least a second has passed; tokens per second.
fn measure(mut f: impl FnMut() -> usize) -> (usize, f64, usize) {
    let started = Instant::now();
    let mut tokens = 0;
    let mut rounds = 0;
    while started.elapsed() < Duration::from_secs(1) || rounds < 3 {
        tokens += f();
        rounds += 1;
    }
    let secs = started.elapsed().as_secs_f64();
    (tokens / rounds, tokens as f64 / secs, rounds)
}

#[derive(clap::Args)]
pub struct Args {
    /// A model file instead of the embedded model.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Articles to tag.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// The CoNLL file whose held-out tenth is tagged.
    #[arg(long, default_value = "data/anercorp/train.txt")]
    conll: PathBuf,
}

pub fn run(args: Args) -> Result<(), String> {
    let (model, corpus, conll) = (args.model, args.corpus, args.conll);
    let tagger = crate::tag::load_model(model.as_deref())?;
    let lists = Lists::runtime(lexicon());
    // Warm up the lexicon so that loading it is not timed.
    let _ = lexicon();

    let docs = load_dir(&corpus).map_err(|e| e.to_string())?;
    let (per_round, tps, rounds) = measure(|| {
        let mut n = 0;
        for d in &docs {
            let tz = qarin_engine::pipeline::read(&d.text);
            n += tz.tokens.len();
            std::hint::black_box(tagger.candidates(&tz.tokens, &lists, None));
        }
        n
    });
    println!("{}: {} articles, {per_round} tokens, {rounds} rounds: {tps:.0} tokens/s (text → candidates)", corpus.display(), docs.len());

    let sentences = crate::tag::read_sentences(&conll)?;
    let dev = &sentences[train_len(sentences.len(), 0.9)..];
    let (per_round, tps, rounds) = measure(|| {
        std::hint::black_box(tagger.tag_conll(dev, &lists, None));
        dev.iter().map(Vec::len).sum()
    });
    println!("{} dev part: {} sentences, {per_round} tokens, {rounds} rounds: {tps:.0} tokens/s (CoNLL tokens → tags)", conll.display(), dev.len());
    Ok(())
}
