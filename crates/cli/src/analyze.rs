//! `qarin analyze` and `qarin explain`.

use qarin_engine::input::corpus::{dedupe_ids, read_dir, read_file, Loaded};
use qarin_engine::export::{brat, conll::to_conll, facts_to_csv, jsonl::to_jsonl, to_csv, to_json, zip::zip};
use qarin_i18n::{fact_label, Lang};
use std::path::PathBuf;

/// What `analyze` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The analysis (`qarin.analysis/1`).
    Json,
    /// The comparison table.
    Csv,
    /// The facts table.
    FactsCsv,
    /// CoNLL: `token TAB BIO-tag TAB entity id`, a blank line between sentences.
    Conll,
    /// brat standoff: `ID.txt` and `ID.ann` per article and `annotation.conf`, into the folder
    /// `--output` names, or zipped when it ends in `.zip`.
    Brat,
    /// JSON Lines, one mention per line with its offsets and entity.
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    /// Folders (every .txt, .md and .html file, with an optional meta.json) or files.
    #[arg(required = true, value_name = "DIR|FILE")]
    inputs: Vec<PathBuf>,
    /// Output format; without it, the output file's extension decides (`.csv`: the comparison
    /// table, `.conll`, `.jsonl`, `.zip`: brat), JSON otherwise.
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// Write here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Print to stderr how long each stage took, the longest step on one article, and each step
    /// across all articles (the steps the web app cannot cut into slices).
    #[arg(long)]
    timings: bool,
    /// A reader's decisions to apply (a JSON array of decisions, or a workspace exported by the
    /// app, whose `decisions` are read): corrections of names teach the tagger first, as in the
    /// app; articles are named by their ids (`documents[].id` of the JSON output).
    #[arg(long, value_name = "FILE")]
    decisions: Option<PathBuf>,
}

/// The analysis, step by step, timing each step (`--timings`).
fn analyze_timed(docs: &[qarin_engine::Document]) -> qarin_engine::Analysis {
    use std::time::Instant;
    let mut an = qarin_engine::Analyzer::new(docs);
    let mut stages: Vec<(String, f64)> = Vec::new();
    let mut longest_article = (0.0f64, String::new());
    let mut corpus_wide: Vec<(String, f64)> = Vec::new();
    let started = Instant::now();
    while !an.is_done() {
        let (stage, done, across) = (an.progress().stage, an.progress().done, an.next_step_spans_corpus());
        let t = Instant::now();
        an.step();
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let name = format!("{stage:?}");
        match stages.last_mut() {
            Some((s, total)) if *s == name => *total += ms,
            _ => stages.push((name.clone(), ms)),
        }
        if across {
            corpus_wide.push((format!("{name} (step {done})"), ms));
        } else if ms > longest_article.0 {
            longest_article = (ms, format!("{name} (step {done})"));
        }
    }
    let total = started.elapsed().as_secs_f64() * 1000.0;
    eprintln!("timings: {} articles, {total:.0} ms in all", docs.len());
    for (s, ms) in &stages {
        eprintln!("  stage {s:<12} {ms:>9.1} ms");
    }
    eprintln!("  longest step on one article: {:.1} ms, {}", longest_article.0, longest_article.1);
    for (s, ms) in &corpus_wide {
        eprintln!("  step across all articles: {s:<28} {ms:>9.1} ms");
    }
    an.finish()
}

pub fn run(args: Args) -> Result<(), String> {
    let format = args.format.unwrap_or_else(|| match args.output.as_ref().and_then(|o| o.extension()).and_then(|e| e.to_str()) {
        Some("csv") => Format::Csv,
        Some("conll") => Format::Conll,
        Some("jsonl") => Format::Jsonl,
        Some("zip") => Format::Brat,
        _ => Format::Json,
    });
    if format == Format::Brat && args.output.is_none() {
        return Err("--format brat writes several files: name a folder or a .zip file with --output".into());
    }
    let docs = load(&args.inputs)?;
    let analysis = match &args.decisions {
        Some(path) => qarin_engine::decisions::analyze(&docs, &read_decisions(path)?),
        None if args.timings => analyze_timed(&docs),
        None => qarin_engine::analyze(&docs),
    };
    let text = match format {
        Format::Json => to_json(&analysis) + "\n",
        Format::Csv => to_csv(&analysis),
        Format::FactsCsv => facts_to_csv(&analysis, &|f| (fact_label(Lang::En, f), fact_label(Lang::Ar, f))),
        Format::Conll => to_conll(&analysis),
        Format::Jsonl => to_jsonl(&analysis),
        Format::Brat => return write_brat(args.output.as_deref().unwrap_or(std::path::Path::new(".")), &analysis),
    };
    crate::output::write(args.output.as_deref(), &text)
}

/// The decisions of `--decisions`: an array, or a workspace's `decisions`.
fn read_decisions(path: &std::path::Path) -> Result<Vec<qarin_engine::decisions::Decision>, String> {
    use qarin_engine::json::{parse, FromJson, Json};
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let read = match &v {
        Json::Arr(_) => Vec::from_json(&v),
        _ => v.field("decisions"),
    };
    read.map_err(|e| format!("{}: {e}", path.display()))
}

/// The brat collection into a folder (created if needed), or a `.zip` file.
fn write_brat(out: &std::path::Path, analysis: &qarin_engine::Analysis) -> Result<(), String> {
    let files = brat::to_brat(analysis);
    if out.extension().is_some_and(|e| e == "zip") {
        let bytes = zip(&files.into_iter().map(|(n, c)| (n, c.into_bytes())).collect::<Vec<_>>());
        return crate::output::write_bytes(Some(out), &bytes);
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: cannot create the folder ({e})", out.display()))?;
    for (name, content) in files {
        crate::output::write(Some(&out.join(name)), &content)?;
    }
    Ok(())
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// Folders or files, as for `analyze`.
    #[arg(required = true, value_name = "DIR|FILE")]
    inputs: Vec<PathBuf>,
}

/// `qarin explain`: which list or rule found each name.
pub fn explain(args: ExplainArgs) -> Result<(), String> {
    let docs = load(&args.inputs)?;
    for (d, found) in docs.iter().zip(qarin_engine::explain(&docs)) {
        println!("== {}", d.file);
        for (text, kind, origin) in found {
            println!("{}\t{text}\t{}", kind.code(), origin.code());
        }
    }
    Ok(())
}

/// Reads every input. Every file that cannot be read is named with its reason (one line each) and
/// the whole run fails, so nothing is written; warnings about files that were read (a guessed
/// encoding, no Arabic text) go to standard error.
pub(crate) fn load(inputs: &[PathBuf]) -> Result<Vec<qarin_engine::Document>, String> {
    let mut loaded: Vec<(PathBuf, Loaded)> = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    for path in inputs {
        if path.is_dir() {
            match read_dir(path) {
                Ok((ok, bad)) => {
                    loaded.extend(ok.into_iter().map(|l| (path.join(&l.doc.file), l)));
                    failed.extend(bad.iter().map(ToString::to_string));
                }
                Err(e) => failed.push(e.to_string()),
            }
        } else if path.exists() {
            match read_file(path) {
                Ok(l) => loaded.push((path.clone(), l)),
                Err(e) => failed.push(e.to_string()),
            }
        } else {
            failed.push(format!("{}: no such file or folder", path.display()));
        }
    }
    for (path, l) in &loaded {
        for w in &l.warnings {
            eprintln!("qarin: warning: {}: {w}", path.display());
        }
    }
    if !failed.is_empty() {
        if failed.len() > 1 {
            failed.push(format!("{} files could not be read; nothing was written", failed.len()));
        }
        return Err(failed.join("\nqarin: "));
    }
    let mut docs: Vec<qarin_engine::Document> = loaded.into_iter().map(|(_, l)| l.doc).collect();
    dedupe_ids(&mut docs);
    Ok(docs)
}
