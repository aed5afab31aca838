//! `qarin assets -o DIR`: the files the web app loads beside its code: the word lists packed into
//! one (`qarin-lexicon.bin`, see `qarin_engine::lexicon::data`) and the tagger's model
//! (`qarin-tagger.bin`), exactly the bytes this program has built in, so that the app and the CLI
//! find the same names. `cargo xtask dist` runs it.

use qarin_engine::lexicon::data::Tables;
use std::path::PathBuf;

/// The lexicon's file name in the built site.
pub const LEXICON: &str = "qarin-lexicon.bin";
/// The model's file name in the built site.
pub const MODEL: &str = "qarin-tagger.bin";

#[derive(clap::Args)]
pub struct Args {
    /// The folder to write them to (created if need be).
    #[arg(short, long)]
    output: PathBuf,
}

pub fn run(args: Args) -> Result<(), String> {
    std::fs::create_dir_all(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    let lexicon = Tables::embedded().pack();
    crate::train::write_bytes(&args.output.join(LEXICON), &lexicon)?;
    crate::train::write_bytes(&args.output.join(MODEL), qarin_engine::tagger::EMBEDDED_MODEL)?;
    eprintln!("wrote {} ({} bytes) and {} ({} bytes) to {}", LEXICON, lexicon.len(), MODEL, qarin_engine::tagger::EMBEDDED_MODEL.len(), args.output.display());
    Ok(())
}
