//! `qarin train --conll FILE -o MODEL [--dev-fraction F] [--epochs N] [--seed S] [--folds K]
//! [--max-weights N] [--max-quant Q]`: train the entity tagger on the first `1 − F` of the
//! sentences of a CoNLL file, reproducibly (same file, options and seed: same model bytes).
//! Progress on stderr.

use qarin_engine::lexicon::derive::train_len;
use qarin_engine::tagger::perceptron::{train, Progress, TrainOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Write bytes atomically: to a temporary file beside the target, then rename.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| format!("{}: not a file path", path.display()))?;
    let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    let res = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: cannot write the model ({e})", path.display()));
    }
    Ok(())
}

/// A one-line progress bar on stderr.
fn bar(label: &str, done: usize, total: usize) {
    let width = 30;
    let filled = (done * width).checked_div(total).unwrap_or(width).min(width);
    let pct = (done * 100).checked_div(total).unwrap_or(100);
    eprint!("\r{label:<42} [{}{}] {pct:>3}%", "#".repeat(filled), ".".repeat(width - filled));
    let _ = std::io::stderr().flush();
}

/// `--cv K`: K-fold cross-validation on the training part only (the dev part is not read).
fn cross_validate(conll: &Path, dev_fraction: f64, k: usize, opts: &TrainOptions) -> Result<(), String> {
    let sentences = crate::tag::read_sentences(conll)?;
    let train_part = &sentences[..train_len(sentences.len(), 1.0 - dev_fraction)];
    if k < 2 || k > train_part.len() {
        return Err(format!("--cv needs 2..={} folds", train_part.len()));
    }
    let started = Instant::now();
    let mut stage = String::new();
    let scores = qarin_engine::tagger::perceptron::cross_validate(train_part, k, opts, &mut |p| match p {
        Progress::Stage(s) if s.starts_with("cross") => stage = s,
        Progress::Epoch { epoch, epochs, done, total } => bar(&format!("{stage}: epoch {epoch}/{epochs}"), done, total),
        _ => {}
    });
    eprintln!();
    println!("# {k}-fold cross-validation on the first {} sentences of {}", train_part.len(), conll.display());
    print!("{}", scores.report());
    eprintln!("took {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

#[derive(clap::Args)]
pub struct Args {
    /// The CoNLL file to train on.
    #[arg(long)]
    conll: PathBuf,
    /// Where to write the model.
    #[arg(short, long, value_name = "MODEL")]
    output: Option<PathBuf>,
    /// The share of sentences at the end of the file held out (never trained on).
    #[arg(long, default_value_t = 0.1)]
    dev_fraction: f64,
    #[arg(long)]
    epochs: Option<usize>,
    #[arg(long)]
    seed: Option<u64>,
    /// Folds for the jackknifed word lists.
    #[arg(long)]
    folds: Option<usize>,
    #[arg(long)]
    max_weights: Option<usize>,
    #[arg(long)]
    max_quant: Option<u8>,
    /// K-fold cross-validation on the training part instead of training.
    #[arg(long, value_name = "K")]
    cv: Option<usize>,
    /// The window of sentences (each side) a CoNLL sentence's document is.
    #[arg(long)]
    doc_window: Option<u8>,
    /// One pass, without document evidence.
    #[arg(long)]
    one_pass: bool,
    #[arg(long)]
    hash_bits: Option<u8>,
}

pub fn run(args: Args) -> Result<(), String> {
    let mut opts = TrainOptions::default();
    macro_rules! set {
        ($($f:ident),*) => {$( if let Some(v) = args.$f { opts.$f = v; } )*};
    }
    set!(epochs, seed, folds, max_weights, max_quant, hash_bits);
    if let Some(w) = args.doc_window {
        opts.doc_window = Some(w);
    }
    if args.one_pass {
        opts.doc_window = None;
    }
    let (conll, out, dev_fraction, cv) = (Some(args.conll), args.output, args.dev_fraction, args.cv);
    let conll = conll.ok_or("train needs --conll FILE")?;
    if let Some(k) = cv {
        return cross_validate(&conll, dev_fraction, k, &opts);
    }
    let out = out.ok_or("train needs -o MODEL")?;
    if !(0.0..1.0).contains(&dev_fraction) {
        return Err(format!("--dev-fraction must be in [0, 1), not {dev_fraction}"));
    }
    if opts.epochs == 0 {
        return Err("--epochs must be at least 1".into());
    }
    if !(1..=127).contains(&opts.max_quant) {
        return Err(format!("--max-quant must be in 1..=127, not {}", opts.max_quant));
    }
    let sentences = crate::tag::read_sentences(&conll)?;
    let n_train = train_len(sentences.len(), 1.0 - dev_fraction);
    if n_train == 0 {
        return Err(format!("{}: no training sentences", conll.display()));
    }
    let (train_part, dev) = sentences.split_at(n_train);
    eprintln!(
        "training on {} sentences ({} tokens), dev {} sentences; {} epochs, seed {}, {} folds",
        train_part.len(),
        train_part.iter().map(Vec::len).sum::<usize>(),
        dev.len(),
        opts.epochs,
        opts.seed,
        opts.folds
    );
    let started = Instant::now();
    let mut stage = String::new();
    let model = train(train_part, dev, &opts, &mut |p| match p {
        Progress::Stage(s) => stage = s,
        Progress::Features { done, total } => bar(&format!("{stage}: features"), done, total),
        Progress::Epoch { epoch, epochs, done, total } => bar(&format!("{stage}: epoch {epoch}/{epochs}"), done, total),
        Progress::EpochDone { epoch, mistakes, dev } => {
            if let Some(s) = dev {
                bar(&format!("{stage}: epoch {epoch}"), 1, 1);
                eprintln!("  {mistakes} sentences wrong; dev F1 {:.2}", 100.0 * s.overall().f1());
            }
        }
    });
    eprintln!();
    let bytes = model.to_bytes();
    write_bytes(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} bytes, {} weights) in {:.1} s",
        out.display(),
        bytes.len(),
        model.weights.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
