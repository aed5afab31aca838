//! What `cargo xtask dist` adds to trunk's output to make it a site for any static host:
//!
//! - icons (SVG + PNG 192/512, drawn by [`crate::icons`]) and the web app manifest;
//! - a Content-Security-Policy `<meta>` in `index.html`, allowing trunk's inline wasm loader and
//!   the prerender's gate by their SHA-256 and nothing else inline, and no connection to another
//!   origin;
//! - `<meta name="qarin-engine">` in both pages: a hash of the wasm module and of the engine's word
//!   lists and model, under which the app keeps the analysis of the user's articles;
//! - `register-sw.js` (external, so the policy needs no exception) and `sw.js`, the service
//!   worker that precaches every file of the build the app uses (not the font licence and notes)
//!   under a version hashed from those files;
//! - `qarin-worker.js`, the analysis worker's script ([`worker`]), importing trunk's glue;
//! - `qarin-offline.html`: the whole app in one file (wasm, JS, CSS, fonts, the engine's assets
//!   inlined) that works when opened from disk (`file://`);
//! - a check that `qarin-corpus.json` holds every article of the corpus the build was asked for,
//!   so a stale file from another corpus cannot slip through;
//! - the prerendered first view: the reader's HTML of the first article (`qarin prerender`, run by
//!   [`crate::dist`]) written into `<body>` of `index.html` and of the single file, inside
//!   `div#prerender`, so the article and its highlighted names show before the wasm has loaded;
//!   the app removes it once it has its own analysis. Its one script, [`PRERENDER_GATE`], keeps
//!   the article hidden when the link asks for another view or article; no style comes with it.
//!
//! One module a concern: [`html`] (reading and rewriting HTML), [`policy`] (the
//! Content-Security-Policy and the head tags), [`prerender`], [`sw`] (the service worker),
//! [`single`] (the single-file page), [`worker`] (the analysis worker's script), [`corpus`] (the corpus check), [`minify`] (the JS glue, run right after trunk); this file runs them in order
//! and holds the file helpers they share.

mod corpus;
mod html;
mod minify;
mod policy;
mod prerender;
mod single;
mod sw;
mod worker;

use std::path::{Path, PathBuf};

use crate::env::{self, Result};
use crate::icons;
pub use corpus::corpus_files;
#[cfg(doc)]
use prerender::PRERENDER_GATE;
pub use minify::minify_glue;
pub use sw::is_documentation;

/// The bundled articles (`qarin assets --corpus`; name as in `src/assets.rs`).
pub const CORPUS: &str = "qarin-corpus.json";

/// The engine's assets, the bundled articles and their analysis: data, not code, which `qarin assets` writes
/// into the site and the app fetches beside its code (names as in `src/assets.rs`).
pub const ENGINE_ASSETS: [&str; 4] = ["qarin-lexicon.bin", "qarin-tagger.bin", CORPUS, CORPUS_ANALYSIS];

/// The bundled articles' analysis made at build time (name as in `src/assets.rs`).
pub const CORPUS_ANALYSIS: &str = "qarin-corpus-analysis.bin";

/// The single-file page written beside the site.
pub const SINGLE_FILE: &str = "qarin-offline.html";
pub const SERVICE_WORKER: &str = "sw.js";
const REGISTER_SW: &str = "register-sw.js";
const MANIFEST: &str = "manifest.webmanifest";

fn assets_dir() -> PathBuf {
    env::repo_root().join("assets")
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, data: impl AsRef<[u8]>) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Runs every step on a fresh trunk build in `dist` made with `public_url` from `corpus`;
/// `prerendered` is the reader's HTML of the first article (`qarin prerender` on `corpus`).
pub fn finish(dist: &Path, public_url: &str, corpus: &Path, prerendered: &str) -> Result<()> {
    corpus::check_corpus(dist, corpus)?;
    for name in ENGINE_ASSETS {
        if !dist.join(name).is_file() {
            return Err(format!("{name} is missing from {}: `qarin assets` writes it", dist.display()));
        }
    }
    write(&dist.join("icons/icon.svg"), icons::svg())?;
    write(&dist.join("icons/icon-192.png"), icons::png(192))?;
    write(&dist.join("icons/icon-512.png"), icons::png(512))?;
    for name in [MANIFEST, REGISTER_SW] {
        write(&dist.join(name), read(&assets_dir().join(name))?)?;
    }
    minify::strip_comments(&dist.join(REGISTER_SW))?;
    worker::write_script(dist)?;
    let index_path = dist.join("index.html");
    // (The engine's build named in both pages: the app keeps analyses under it.)
    let index = policy::with_engine_meta(&read_string(&index_path)?, &policy::engine_build(dist)?)?;
    let block = prerender::prerender_block(prerendered)?;
    let with_block = prerender::in_body(&index, &block)?;
    let csp = policy::policy(&with_block)?;
    let page = policy::head_tags(&with_block, &csp, public_url)?;
    write(&index_path, page)?;
    single::single_file(dist, &index, &block)?;
    println!(
        "[dist] added the prerendered first article ({} bytes of HTML, {} highlighted names) to \
         index.html and {SINGLE_FILE}",
        block.len(),
        block.matches("<mark ").count()
    );
    sw::service_worker(dist)?;
    minify::strip_comments(&dist.join(SERVICE_WORKER))?;
    println!("[dist] added icons, {MANIFEST}, {SERVICE_WORKER}, {REGISTER_SW}, {}, {SINGLE_FILE}", worker::WORKER_SCRIPT);
    println!("[dist] Content-Security-Policy: {csp}");
    Ok(())
}

/// Every file under `dir`, depth first, in name order.
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The one top-level file of `dist` whose name satisfies `pick`.
fn one_file(dist: &Path, what: &str, pick: impl Fn(&str) -> bool) -> Result<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(&pick))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(format!(
            "expected one {what} in {}, found {n}",
            dist.display()
        )),
    }
}
