//! `cargo xtask bench`: the performance budget, measured (never asserted).
//!
//! 1. Sizes of every file of `dist/`: raw, `gzip -9`, `brotli -q 11`; the site's total without
//!    the webfont, the webfont, the single-file page.
//! 2. Load times in headless Chromium, fresh profile per run, median of N runs: navigation start
//!    to the first frame showing a highlighted mention (the one prerendered at build time into
//!    index.html, which the budget applies to), to the live app's first mention in its own
//!    reader (wasm loaded, articles analysed), and to the frame showing the comparison
//!    table with the app ready (`#view=compare`); the floor is a plain static HTML page of the
//!    same five articles, measured the same way in the same run. The measuring is done by the
//!    browser tests' ignored `offline::bench::bench_in_browser` (the harness has the WebDriver
//!    client); [`browser`] serves the pages, starts chromedriver and reads the numbers it prints.
//! 3. Engine throughput, tokens per second, native (`qarin analyze --format csv` on the same
//!    articles, the whole process timed) and in wasm (the app's `qarin_bench` export, timed in
//!    the page; the token count comes from there too: the same tokenizer), on
//!    corpora of 5, 50 and 200 articles: the bundled five, then articles regrouped from
//!    ANERcorp's sentences (`data/anercorp/train.txt`, 20 sentences each: the split has 3,962
//!    sentences, so 195 distinct articles of 20, about the length of the bundled ones).
//! 4. Memory in the page after each corpus: JS heap after a forced GC (CDP), and the size of the
//!    wasm linear memory (its high-water mark: wasm memory never shrinks).
//!
//! One module a step: [`sizes`], [`fixtures`] (the corpora and the floor page), [`native`],
//! [`browser`], and [`report`] for what the last two measured.

mod browser;
mod fixtures;
mod native;
mod report;
mod sizes;

use crate::env::{self, Result};
use crate::{dist, tools};

/// Corpus sizes measured.
pub const SIZES: [usize; 3] = [5, 50, 200];

pub fn run(runs: usize) -> Result<()> {
    tools::setup_all()?;
    dist::build(&dist::Options::default())?;
    let dist = dist::dist_dir();
    let bench = env::repo_root().join("target/bench");
    let sizes = sizes::size_report(&dist)?;
    let fixtures = fixtures::fixtures(&bench)?;
    let site = fixtures::bench_site(&dist, &bench, &fixtures[0])?;
    let (native, cli) = native::native(&fixtures, runs)?;
    let browser = browser::browser(&site, &bench, runs)?;
    println!();
    println!("==================== cargo xtask bench ====================");
    print!("{sizes}");
    report::report(&browser, &native, runs)?;
    if let Some(cli) = cli {
        println!("-- `qarin bench --corpus target/bench/corpus-200` (the CLI's own, native, the tagging stage only) --");
        for line in cli.lines() {
            println!("  {line}");
        }
        println!();
    }
    Ok(())
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "within budget"
    } else {
        "OVER BUDGET"
    }
}

/// The median; NaN for no value.
fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }
}
