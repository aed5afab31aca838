//! Static hosting and offline use, in headless Chromium: the site served under a subpath, the
//! service worker answering a reload with the server gone, the single file opened from disk,
//! and a site built for a folder of one's own (`cargo xtask dist --corpus`) ([`hosting`]); the
//! first article prerendered into the default build and replaced by the app once ready
//! ([`prerender`]).
//!
//! `cargo xtask test` runs these (`-- offline::`) after the builds they need, with
//! `QARIN_WEBDRIVER`, `QARIN_DIST` (the default build), `QARIN_DIST_SUBPATH` (built with
//! `--public-url $QARIN_SUBPATH`), `QARIN_DIST_CORPUS` and `QARIN_CUSTOM_CORPUS` (built with
//! `--corpus`) set. Each test serves what it needs itself, with the harness's copy of xtask's
//! static server, which it can stop.
//!
//! [`bench`]'s `bench_in_browser` is not a test: it is ignored, and `cargo xtask bench` runs it
//! to take the browser measurements (it prints them; it asserts nothing about timings).

mod bench;
mod hosting;
mod prerender;

use std::path::{Path, PathBuf};

use crate::harness::App;
use crate::serve::{Running, Server};

fn env_path(name: &str) -> PathBuf {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => PathBuf::from(v),
        _ => panic!(
            "{name} is not set: run the static-hosting tests with `cargo xtask test`, which makes \
             the builds they need"
        ),
    }
}

/// Serves `dir` on a free port of 127.0.0.1, mounted at `prefix`.
fn serve(dir: &Path, prefix: &str) -> Running {
    Server::bind(dir, Some(0), false)
        .unwrap_or_else(|e| panic!("cannot serve {}: {e}", dir.display()))
        .with_prefix(prefix)
        .start()
}

fn subpath() -> String {
    std::env::var("QARIN_SUBPATH").unwrap_or_else(|_| "/qarin/".into())
}

/// Percent-encodes a hash parameter value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Every URL the page loaded (navigation and resources), data: and blob: aside.
async fn loaded_urls(app: &App) -> Vec<String> {
    let v = app
        .js(
            r#"return [location.href]
                 .concat(performance.getEntriesByType('resource').map(e => e.name))
                 .filter(u => !/^(data|blob):/.test(u));"#,
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("URLs")
}
