//! `qarin lexicon`: regenerate the tables derived from ANERcorp.

use qarin_engine::lexicon::derive::{common_tsv, derive, names_tsv, parse_conll};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The ANERcorp training split.
    #[arg(long, default_value = "data/anercorp/train.txt")]
    conll: PathBuf,
    /// The folder the tables are written to.
    #[arg(short, long, default_value = "crates/engine/data/anercorp")]
    output: PathBuf,
}

pub fn run(args: Args) -> Result<(), String> {
    let (conll, out) = (args.conll, args.output);
    let text = std::fs::read_to_string(&conll).map_err(|e| format!("{}: {e}", conll.display()))?;
    let sentences = parse_conll(&text).map_err(|e| format!("{}: {e}", conll.display()))?;
    let d = derive(&sentences, 0.9);
    crate::output::write(Some(&out.join("names.tsv")), &names_tsv(&d))?;
    crate::output::write(Some(&out.join("common.tsv")), &common_tsv(&d))?;
    eprintln!("wrote {} names and {} common words to {}", d.names.len(), d.common.len(), out.display());
    Ok(())
}
