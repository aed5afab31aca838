//! Browser tests of the built web app in headless Chromium, in one test binary: the harness
//! and the page helpers once, the tests by concern.
//!
//! - [`harness`]: a Chromium session per test through chromedriver, console and origin checks,
//!   CDP, screenshots (to `target/screenshots/`); [`page`]: the helpers the tests share.
//! - Against the default build served at `QARIN_E2E_URL`: [`reader`], [`compare`], [`panel`],
//!   [`facts`] (facts, wire copy, who said what), [`workspace`] (the user's own articles),
//!   [`scale`] (200 articles).
//! - [`offline`]: static hosting (subpath, service worker, the single file, `--corpus`) and the
//!   prerendered first article, on builds of their own that these tests serve themselves; and
//!   the ignored measurements of `cargo xtask bench`.
//!
//! Every test also fails on any browser console error and on any request leaving the origin.
//!
//! Run with `cargo xtask test`: it builds the app, serves it, starts chromedriver and runs
//! `cargo test -p qarin-app --test browser -- --skip offline:: --test-threads=1` with
//! `QARIN_E2E_URL` and `QARIN_WEBDRIVER` set; then, after the builds they need, the `offline::`
//! tests with `QARIN_DIST`, `QARIN_DIST_SUBPATH`, `QARIN_SUBPATH`, `QARIN_DIST_CORPUS` and
//! `QARIN_CUSTOM_CORPUS` set as well. By hand, against a served `dist/` and a chromedriver:
//! `QARIN_E2E_URL=… QARIN_WEBDRIVER=… cargo test -p qarin-app --test browser -- facts:: --test-threads=1`.

/// xtask's static server (`xtask/src/serve.rs`): `Server::bind(dir, Some(0), false)`,
/// `.with_prefix("/qarin/")`, `.start()` → a `Running` server with `url()` and `stop()`.
#[path = "../../xtask/src/serve.rs"]
#[allow(dead_code)]
mod serve;

mod harness;
mod page;

mod compare;
mod correct;
mod facts;
mod offline;
mod panel;
mod reader;
mod scale;
mod workspace;
