//! `qarin assets -o DIR [--corpus DIR]`: the files the web app loads beside its code: the word
//! lists packed into one (`qarin-lexicon.bin`, see `qarin_engine::lexicon::data`) and the
//! tagger's model (`qarin-tagger.bin`), exactly the bytes this program has built in, so that the
//! app and the CLI find the same names; with `--corpus`, the articles the app opens with
//! (`qarin-corpus.json`: the folder read as `qarin analyze` reads it, as JSON documents) and their
//! analysis (`qarin-corpus-analysis.bin`, packed, without the texts).
//! `cargo xtask dist` runs it.

use qarin_engine::lexicon::data::Tables;
use std::path::PathBuf;

/// The lexicon's file name in the built site.
pub const LEXICON: &str = "qarin-lexicon.bin";
/// The model's file name in the built site.
pub const MODEL: &str = "qarin-tagger.bin";
/// The bundled articles' file name in the built site.
pub const CORPUS: &str = "qarin-corpus.json";
/// Their analysis, made here at build time, in the engine's packed form, without the texts.
pub const CORPUS_ANALYSIS: &str = "qarin-corpus-analysis.bin";

#[derive(clap::Args)]
pub struct Args {
    /// The folder to write them to (created if need be).
    #[arg(short, long)]
    output: PathBuf,
    /// Also write the articles of this folder (`.txt`, `.md`, `.html`, an optional `meta.json`)
    /// as the corpus the app opens with.
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), String> {
    std::fs::create_dir_all(&args.output).map_err(|e| format!("{}: {e}", args.output.display()))?;
    let lexicon = Tables::embedded().pack();
    crate::train::write_bytes(&args.output.join(LEXICON), &lexicon)?;
    crate::train::write_bytes(&args.output.join(MODEL), qarin_engine::tagger::EMBEDDED_MODEL)?;
    eprintln!("wrote {} ({} bytes) and {} ({} bytes) to {}", LEXICON, lexicon.len(), MODEL, qarin_engine::tagger::EMBEDDED_MODEL.len(), args.output.display());
    if let Some(dir) = &args.corpus {
        let mut docs = qarin_engine::input::corpus::load_dir(dir).map_err(|e| format!("cannot bundle the corpus: {e}"))?;
        qarin_engine::input::corpus::dedupe_ids(&mut docs);
        let json = serde_json::to_string(&docs).map_err(|e| e.to_string())?;
        crate::train::write_bytes(&args.output.join(CORPUS), json.as_bytes())?;
        eprintln!("wrote {CORPUS} ({} articles of {}, {} bytes)", docs.len(), dir.display(), json.len());
        // The app shows this analysis at once when it opens on these very articles (same engine,
        // same texts), instead of waiting for its word lists, its model and its worker.
        let mut analysis = qarin_engine::analyze(&docs);
        for d in &mut analysis.documents {
            d.text = String::new();
        }
        let packed = qarin_engine::pack::to_bytes(&analysis);
        crate::train::write_bytes(&args.output.join(CORPUS_ANALYSIS), &packed)?;
        eprintln!("wrote {CORPUS_ANALYSIS} ({} bytes)", packed.len());
    }
    Ok(())
}
