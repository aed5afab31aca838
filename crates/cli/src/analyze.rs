//! `qarin analyze <DIR|FILES…> [--format json|csv] [-o FILE]`

use qarin_engine::corpus::{dedupe_ids, load_dir, load_file};
use qarin_engine::export::{to_csv, to_json};
use std::path::PathBuf;

#[derive(Debug, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
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
                    other => return Err(format!("--format takes json or csv, not `{}`", other.unwrap_or(""))),
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
    for (d, found) in docs.iter().zip(qarin_engine::analysis::explain(&docs)) {
        println!("== {}", d.file);
        for (text, kind, origin) in found {
            println!("{}\t{text}\t{origin}", kind.code());
        }
    }
    Ok(())
}

fn load(inputs: &[PathBuf]) -> Result<Vec<qarin_engine::Document>, String> {
    let mut docs = Vec::new();
    for path in inputs {
        if path.is_dir() {
            docs.extend(load_dir(path).map_err(|e| e.to_string())?);
        } else if path.exists() {
            docs.push(load_file(path).map_err(|e| e.to_string())?);
        } else {
            return Err(format!("{}: no such file or folder", path.display()));
        }
    }
    dedupe_ids(&mut docs);
    Ok(docs)
}
