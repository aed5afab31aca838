//! In the browser: serves the pages, starts chromedriver and runs the browser tests' ignored
//! `offline::bench::bench_in_browser`, which measures and prints `QARIN_BENCH` lines; reads them.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use super::SIZES;
use crate::env::{self, Result};
use crate::serve::Server;
use crate::test::ChromeDriver;

/// What `bench_in_browser` printed: `QARIN_BENCH <key> <values…>` lines.
pub type Measures = BTreeMap<String, Vec<String>>;

pub fn browser(site: &Path, bench: &Path, runs: usize) -> Result<Measures> {
    let server = Server::bind(site, Some(0), false)
        .map_err(|e| format!("cannot start the static server: {e}"))?;
    let url = server.url();
    server.spawn();
    let driver = ChromeDriver::start()?;
    println!(
        "[bench] browser: pages at {url}, chromedriver at {} ({runs} runs each)",
        driver.url
    );
    let mut cmd = env::cargo();
    cmd.args([
        "test",
        "-p",
        "qarin-app",
        "--test",
        "browser",
        "--",
        "--ignored",
        "--exact",
        "offline::bench::bench_in_browser",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("QARIN_WEBDRIVER", &driver.url)
    .env("QARIN_BENCH_URL", &url)
    .env("QARIN_BENCH_DIR", bench)
    .env("QARIN_BENCH_RUNS", runs.to_string())
    .env("QARIN_BENCH_SIZES", SIZES.map(|n| n.to_string()).join(","))
    .stdout(Stdio::piped());
    println!("  $ {}", env::describe(&cmd));
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run the browser measurements: {e}"))?;
    let mut measures = Measures::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.map_err(|e| e.to_string())?;
        // (cargo test may print a line of its own just before, without a line break.)
        match line
            .find("QARIN_BENCH ")
            .map(|i| &line[i + "QARIN_BENCH ".len()..])
        {
            Some(rest) => {
                let mut parts = rest.split_whitespace().map(str::to_string);
                if let Some(key) = parts.next() {
                    measures.insert(key, parts.collect());
                }
            }
            None if line.trim().is_empty() => {}
            None => println!("  | {line}"),
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(
            "the browser measurements (tests/browser/offline/bench.rs, bench_in_browser) failed"
                .into(),
        );
    }
    Ok(measures)
}

pub fn numbers(m: &Measures, key: &str) -> Result<Vec<f64>> {
    m.get(key)
        .ok_or(format!("the browser measurements did not report `{key}`"))?
        .iter()
        .map(|v| {
            v.parse::<f64>()
                .map_err(|_| format!("{key}: bad number {v:?}"))
        })
        .collect()
}

/// `key=value` fields of a line such as `scale-50 tokens=… ms=…,…`.
pub fn fields(m: &Measures, key: &str) -> Result<BTreeMap<String, String>> {
    Ok(m.get(key)
        .ok_or(format!("the browser measurements did not report `{key}`"))?
        .iter()
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect())
}
