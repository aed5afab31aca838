//! `qarin lexicon`: regenerate the tables derived from ANERcorp.

use qarin_engine::lexicon::derive::{common_tsv, derive, names_tsv, parse_conll};
use std::path::PathBuf;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut conll = PathBuf::from("data/anercorp/train.txt");
    let mut out = PathBuf::from("crates/engine/data/anercorp");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--conll" => conll = it.next().ok_or("--conll needs a file")?.into(),
            "-o" | "--output" => out = it.next().ok_or("-o needs a folder")?.into(),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let text = std::fs::read_to_string(&conll).map_err(|e| format!("{}: {e}", conll.display()))?;
    let sentences = parse_conll(&text).map_err(|e| format!("{}: {e}", conll.display()))?;
    let d = derive(&sentences, 0.9);
    crate::output::write(Some(&out.join("names.tsv")), &names_tsv(&d))?;
    crate::output::write(Some(&out.join("common.tsv")), &common_tsv(&d))?;
    eprintln!("wrote {} names and {} common words to {}", d.names.len(), d.common.len(), out.display());
    Ok(())
}
