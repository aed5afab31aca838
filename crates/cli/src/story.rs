//! `qarin eval --story DIR GOLD.json` and `qarin eval --stories GOLD_ROOT TEXT_ROOT`: an
//! analysis of a story's articles scored against gold annotations (see `dev/stories/`).
//!
//! The articles are read as the app reads them (the engine's file reader), their outlet and date
//! taken from the gold file, and analysed together; a text that is not the one annotated (other
//! length or SHA-256) is refused, naming the file.

use qarin_engine::eval::{score, ErrorKind, Gold, Prf, StoryScores};
use qarin_engine::input::corpus::read_file;
use qarin_engine::{Document, EntityType};
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

/// A story's texts and gold, read and checked.
pub fn load(dir: &Path, gold_path: &Path) -> Result<(Gold, Vec<Document>), String> {
    let raw = std::fs::read_to_string(gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold = Gold::parse(&raw).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut docs = Vec::new();
    for (i, gd) in gold.documents.iter().enumerate() {
        let path = dir.join(&gd.file);
        let loaded = read_file(&path).map_err(|e| e.to_string())?;
        let text = &loaded.doc.text;
        let chars = text.chars().count();
        if chars != gd.chars {
            return Err(format!("{}: {chars} code points, but the gold file was made on a text of {}", path.display(), gd.chars));
        }
        let sha = format!("{:x}", Sha256::digest(text.as_bytes()));
        if !gd.sha256.is_empty() && sha != gd.sha256 {
            return Err(format!("{}: not the text the gold file was made on (SHA-256 {sha}, expected {})", path.display(), gd.sha256));
        }
        let mut doc = loaded.doc;
        doc.id = format!("d{i:02}");
        doc.outlet = gd.outlet.clone();
        doc.date = gd.date.clone();
        doc.url = gd.url.clone();
        docs.push(doc);
    }
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    gold.check(&texts).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    Ok((gold, docs))
}

/// Analyse and score one story.
pub fn evaluate(dir: &Path, gold_path: &Path, opts: &qarin_engine::recognize::Options) -> Result<(Gold, StoryScores), String> {
    let (gold, docs) = load(dir, gold_path)?;
    let analysis = qarin_engine::Analyzer::with_options(&docs, opts.clone()).finish();
    let s = score(&analysis, &gold);
    if !s.missing_files.is_empty() {
        return Err(format!("{}: not analysed: {}", dir.display(), s.missing_files.join(", ")));
    }
    Ok((gold, s))
}

fn prf(p: &Prf) -> String {
    format!("P {:5.1}  R {:5.1}  F1 {:5.1}  ({} correct, {} found, {} gold)", 100.0 * p.precision(), 100.0 * p.recall(), 100.0 * p.f1(), p.correct, p.found, p.gold)
}

fn type_code(k: EntityType) -> &'static str {
    k.code()
}

/// The report of one story: every figure, then up to `max_errors` errors.
pub fn report(gold: &Gold, s: &StoryScores, max_errors: usize) -> String {
    let mut o = String::new();
    let gold_n: usize = gold.documents.iter().map(|d| d.mentions.len()).sum();
    let _ = writeln!(o, "# story {}: {} articles, {gold_n} gold mentions", gold.story, gold.documents.len());
    let _ = writeln!(o, "mentions        {}", prf(&s.mentions));
    for (k, p) in &s.per_type {
        let _ = writeln!(o, "  {:<4}          {}", type_code(*k), prf(p));
    }
    let _ = writeln!(o, "linking         B³ P {:5.1} R {:5.1} F1 {:5.1}   CEAF-e P {:5.1} R {:5.1} F1 {:5.1}", 100.0 * s.b3.precision, 100.0 * s.b3.recall, 100.0 * s.b3.f1(), 100.0 * s.ceafe.precision, 100.0 * s.ceafe.recall, 100.0 * s.ceafe.f1());
    let _ = writeln!(o, "entities kept whole {:.2} ({} of {} with two mentions or more found)   apart pairs respected {} of {}", s.kept_whole_share(), s.kept_whole.0, s.kept_whole.1, s.apart_respected.0, s.apart_respected.1);
    for (file, gold_outlet, guess, right) in &s.outlets {
        let verdict = match (guess, right) {
            (None, _) => "none found".to_string(),
            (Some(g), true) => format!("«{g}» right"),
            (Some(g), false) => format!("«{g}» WRONG"),
        };
        let _ = writeln!(o, "outlet named in the text  {file}: {verdict} (metadata «{gold_outlet}»)");
    }
    if max_errors > 0 && !s.errors.is_empty() {
        let _ = writeln!(o, "errors ({} in all{}):", s.errors.len(), if s.errors.len() > max_errors { format!(", first {max_errors}") } else { String::new() });
        for e in s.errors.iter().take(max_errors) {
            let what = match &e.kind {
                ErrorKind::Missed => "missed".to_string(),
                ErrorKind::Spurious => "spurious".to_string(),
                ErrorKind::WrongType { gold, found } => format!("type {} as {}", gold.code(), found.code()),
                ErrorKind::Boundary { found_text, .. } => format!("boundary: found «{found_text}»"),
                ErrorKind::WronglyMerged { found_entity, gold_entities } => format!("merged in {found_entity}: {}", gold_entities.join(" + ")),
                ErrorKind::WronglySplit { gold_entity, found_entities } => format!("split {gold_entity} into {}", found_entities.join(" | ")),
            };
            let _ = writeln!(o, "  {}:{}-{}  {what}  «{}»  {}", e.file, e.start, e.end, e.text, e.context);
        }
    }
    o
}
