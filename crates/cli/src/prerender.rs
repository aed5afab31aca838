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

pub fn run(args: &[String]) -> Result<(), String> {
    let mut dir: Option<PathBuf> = None;
    let mut output: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-o" | "--out" | "--output" => {
                output = Some(it.next().ok_or("--out needs a file name")?.into())
            }
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            s if dir.is_none() => dir = Some(s.into()),
            s => return Err(format!("prerender takes one folder, not also `{s}`")),
        }
    }
    let dir = dir.ok_or("prerender needs the corpus folder the app is built with")?;
    if !dir.is_dir() {
        return Err(format!("{}: not a folder", dir.display()));
    }
    let html = prerender(&dir)?;
    crate::output::write(output.as_deref(), &html)
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
