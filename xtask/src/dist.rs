//! `cargo xtask dist`: release build of the web app with trunk, finished into a static site by
//! [`crate::site`] (service worker, manifest, icons, Content-Security-Policy, single-file page,
//! the first article prerendered by `qarin prerender`), then a size report.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::compress::{bytes, gzip_size};
use crate::env::{self, format_duration, Result};
use crate::{site, tools};

pub fn dist_dir() -> PathBuf {
    env::repo_root().join("dist")
}

/// What to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The path the site will be served from: `/`, or `/repo/` for a GitHub project site.
    pub public_url: String,
    /// Where the site is written (trunk empties it first).
    pub dist: PathBuf,
    /// The folder of articles to bundle instead of `corpus/`.
    pub corpus: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            public_url: "/".into(),
            dist: dist_dir(),
            corpus: None,
        }
    }
}

/// Installs the build tools, then [`build`]s.
pub fn run(opts: &Options) -> Result<()> {
    tools::setup_build()?;
    build(opts)
}

/// `/`, `/a/b/` or `./` from what the user typed (`a/b`, `/a/b`, `/a/b/` …). Only paths: the
/// site's Content-Security-Policy allows files from its own origin, not from a CDN.
pub fn normalize_public_url(p: &str) -> Result<String> {
    if p.contains("://") || p.starts_with("//") {
        return Err(format!(
            "--public-url {p}: give the path the site is served from (e.g. /qarin/), not a URL"
        ));
    }
    if p == "." || p == "./" {
        return Ok("./".into());
    }
    if p.contains(['"', '\'', '<', '>', ' ', '?', '#']) {
        return Err(format!("--public-url {p}: not a plain path"));
    }
    let trimmed = p.trim_matches('/');
    Ok(if trimmed.is_empty() {
        "/".into()
    } else {
        format!("/{trimmed}/")
    })
}

/// trunk empties the dist folder before writing: refuse anything that does not look like a
/// previous build (or an empty or new folder), and the repository itself or its parents.
fn check_dist_dir(dist: &Path) -> Result<()> {
    let root = env::repo_root();
    if root.starts_with(dist) || dist.join("Cargo.toml").exists() {
        return Err(format!("refusing to build into {}", dist.display()));
    }
    if let Ok(entries) = std::fs::read_dir(dist) {
        // Only trunk's staging folder (left by a failed build) does not count.
        let mut names = entries.filter_map(|e| e.ok()).map(|e| e.file_name());
        if names.any(|n| n != ".stage") && !dist.join("index.html").is_file() {
            return Err(format!(
                "{} is not empty and holds no index.html; refusing to let trunk empty it",
                dist.display()
            ));
        }
    }
    Ok(())
}

/// Builds the site (tools must be set up) and prints its sizes.
///
/// The bundled corpus is data beside the code (`qarin-corpus.json`, written by `qarin assets
/// --corpus`), so a build for another corpus is the same trunk build with another file;
/// [`site::finish`] checks that the file holds every article of the folder asked for.
pub fn build(opts: &Options) -> Result<()> {
    let public_url = normalize_public_url(&opts.public_url)?;
    check_dist_dir(&opts.dist)?;
    let corpus = match &opts.corpus {
        Some(dir) => dir
            .canonicalize()
            .map_err(|e| format!("--corpus {}: {e}", dir.display()))?,
        None => env::repo_root().join("corpus"),
    };
    site::corpus_files(&corpus)?;
    println!(
        "[dist] trunk build --release (public URL {public_url}, corpus {}, into {})",
        corpus.display(),
        opts.dist.display()
    );
    let mut trunk = env::command("trunk");
    trunk
        .args(["build", "--release", "--public-url", &public_url, "--dist"])
        .arg(&opts.dist)
        // No colour codes in logs. trunk parses NO_COLOR as a bool, so a user's `NO_COLOR=1`
        // would make it fail: always pass a value it accepts.
        .env("NO_COLOR", "true");
    let took = env::run(&mut trunk)?;
    println!("[dist] built in {}", format_duration(took));
    site::minify_glue(&opts.dist)?;
    engine_assets(&opts.dist, &corpus)?;
    let prerendered = prerender(&corpus)?;
    site::finish(&opts.dist, &public_url, &corpus, &prerendered)?;
    report(&opts.dist)
}

/// The engine's assets (the tagger's model, the word lists) and the bundled articles, written into
/// `dist` by the CLI's `qarin assets --corpus`: the very bytes the CLI has built in, so the app
/// and the CLI find the same names, and the folder read by the CLI's own loader.
fn engine_assets(dist: &Path, corpus: &Path) -> Result<()> {
    let mut cmd = env::cargo();
    cmd.args(["run", "--quiet", "-p", "qarin-cli", "--bin", "qarin", "--", "assets", "-o"])
        .arg(dist)
        .arg("--corpus")
        .arg(corpus)
        .stdin(Stdio::null());
    println!("[dist] the engine's assets:");
    env::run(&mut cmd)?;
    Ok(())
}

/// The reader's HTML of the article the app opens first, from the CLI's `qarin prerender`, which
/// reads and analyses `corpus` exactly as the app's build script bundles it and the app analyses
/// it (same loader, same order, same engine). Dev profile: the analysis of a few articles takes
/// well under a second even unoptimised, and the CLI shares the engine's build with the tests.
/// Only its standard output is taken; its messages go to the terminal.
fn prerender(corpus: &Path) -> Result<String> {
    let mut cmd = env::cargo();
    cmd.args([
        "run",
        "--quiet",
        "-p",
        "qarin-cli",
        "--bin",
        "qarin",
        "--",
        "prerender",
    ])
    .arg(corpus)
    .stdin(Stdio::null())
    .stderr(Stdio::inherit());
    let shown = env::describe(&cmd);
    println!("[dist] prerendering the first article: $ {shown}");
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`{shown}` failed ({})", out.status));
    }
    String::from_utf8(out.stdout).map_err(|_| format!("`{shown}` wrote output that is not UTF-8"))
}

struct Entry {
    path: String,
    raw: u64,
    gzip: u64,
}

fn report(dir: &Path) -> Result<()> {
    let mut files = Vec::new();
    site::walk(dir, &mut files).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    files.sort();
    let mut entries = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        entries.push(Entry {
            path: file.strip_prefix(dir).unwrap_or(file).display().to_string(),
            raw: bytes.len() as u64,
            gzip: gzip_size(&bytes),
        });
    }
    let width = entries
        .iter()
        .map(|e| e.path.len())
        .max()
        .unwrap_or(0)
        .max(5);
    println!("[dist] {}:", dir.display());
    println!("  {:<width$} {:>12} {:>12}", "file", "raw", "gzip -9");
    for e in &entries {
        println!(
            "  {:<width$} {:>12} {:>12}",
            e.path,
            bytes(e.raw),
            bytes(e.gzip)
        );
    }
    let sum = |pick: &dyn Fn(&Entry) -> bool| -> (u64, u64) {
        let chosen: Vec<&Entry> = entries.iter().filter(|e| pick(e)).collect();
        (
            chosen.iter().map(|e| e.raw).sum(),
            chosen.iter().map(|e| e.gzip).sum(),
        )
    };
    let (wasm_raw, wasm_gz) = sum(&|e| e.path.ends_with(".wasm"));
    let (total_raw, total_gz) = sum(&|_| true);
    if wasm_raw == 0 {
        return Err("dist/ contains no .wasm file".into());
    }
    println!(
        "[dist] wasm: {} raw, {} gzip; total ({} files): {} raw, {} gzip",
        bytes(wasm_raw),
        bytes(wasm_gz),
        entries.len(),
        bytes(total_raw),
        bytes(total_gz)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls() {
        for (given, expected) in [
            ("/", "/"),
            ("", "/"),
            ("qarin", "/qarin/"),
            ("/qarin", "/qarin/"),
            ("/qarin/", "/qarin/"),
            ("/a/b", "/a/b/"),
            ("./", "./"),
        ] {
            assert_eq!(normalize_public_url(given).unwrap(), expected, "{given}");
        }
        assert!(normalize_public_url("https://cdn.example/").is_err());
        assert!(normalize_public_url("/a b/").is_err());
    }
}
