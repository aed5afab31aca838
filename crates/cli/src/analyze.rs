//! `qarin analyze <DIR|FILES…> [--format json|csv|facts-csv] [-o FILE]`

use qarin_engine::input::corpus::{dedupe_ids, read_dir, read_file, Loaded};
use qarin_engine::export::{facts_to_csv, to_csv, to_json};
use qarin_i18n::{fact_label, Lang};
use std::path::PathBuf;

#[derive(Debug, PartialEq, Eq)]
enum Format {
    Json,
    /// The comparison table.
    Csv,
    /// The facts table.
    FactsCsv,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut format = None;
    let mut output: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                format = Some(match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("csv") => Format::Csv,
                    Some("facts-csv") => Format::FactsCsv,
                    other => return Err(format!("--format takes json or csv (or facts-csv), not `{}`", other.unwrap_or(""))),
                })
            }
            "-o" | "--output" => output = Some(it.next().ok_or("-o needs a file name")?.into()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s => inputs.push(s.into()),
        }
    }
    if inputs.is_empty() {
        return Err("analyze needs at least one folder or file".into());
    }
    // Without --format, the output file's extension decides; JSON otherwise.
    let format = format.unwrap_or_else(|| match output.as_ref().and_then(|o| o.extension()).and_then(|e| e.to_str()) {
        Some("csv") => Format::Csv,
        _ => Format::Json,
    });
    let docs = load(&inputs)?;
    let analysis = qarin_engine::analyze(&docs);
    let text = match format {
        Format::Json => to_json(&analysis) + "\n",
        Format::Csv => to_csv(&analysis),
        Format::FactsCsv => facts_to_csv(&analysis, &|f| (fact_label(Lang::En, f), fact_label(Lang::Ar, f))),
    };
    crate::output::write(output.as_deref(), &text)
}

/// `qarin explain`: which list or rule found each name.
pub fn explain(args: &[String]) -> Result<(), String> {
    let inputs: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    if inputs.is_empty() {
        return Err("explain needs at least one folder or file".into());
    }
    let docs = load(&inputs)?;
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
fn load(inputs: &[PathBuf]) -> Result<Vec<qarin_engine::Document>, String> {
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
