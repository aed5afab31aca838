//! `qarin prerender <DIR> [--out FILE]`: the reader's HTML for the article the web app opens
//! first, for `cargo xtask dist` to write into the built page (static prerendering of the first
//! view).
//!
//! The folder is read exactly as the app's build script (`build.rs`) bundles it: the engine's
//! [`load_dir`] (every `.txt`/`.md`/`.html`/`.htm` file, sorted by name, `meta.json` applied;
//! any unreadable file is an error), then [`dedupe_ids`]; the analysis is the same
//! [`qarin_engine::analyze`] the app runs in the browser, and the article is the first one, the
//! app's default (`src/state.rs`: an unknown or absent `doc` in the URL means the first article).

use qarin_engine::input::corpus::{dedupe_ids, load_dir};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus folder the app is built with.
    dir: PathBuf,
    /// Write here instead of standard output.
    #[arg(short, long = "out", visible_alias = "output", value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<(), String> {
    if !args.dir.is_dir() {
        return Err(format!("{}: not a folder", args.dir.display()));
    }
    let html = prerender(&args.dir)?;
    crate::output::write(args.out.as_deref(), &html)
}

/// The fragment for the folder `dir`: [`qarin_engine::render::reader_html`] of its first article.
pub fn prerender(dir: &std::path::Path) -> Result<String, String> {
    let mut docs = load_dir(dir).map_err(|e| e.to_string())?;
    dedupe_ids(&mut docs);
    let analysis = qarin_engine::analyze(&docs);
    if analysis.documents.is_empty() {
        return Err(format!("{}: no article to prerender", dir.display()));
    }
    Ok(qarin_engine::render::reader_html(&analysis, 0, &qarin_i18n::ReaderWords(qarin_i18n::Lang::En)) + "\n")
}
