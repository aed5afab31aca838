//! `cargo xtask fuzz --seconds N`: runs each fuzz target of `fuzz/` (cargo-fuzz, libFuzzer, with
//! AddressSanitizer) for N seconds and prints, per target, the executions and whether it crashed.
//!
//! cargo-fuzz is installed at a pinned version from crates.io into `target/tools/cargo-fuzz`. Its
//! sanitizer flags are `-Z` options: the stable toolchain accepts them with `RUSTC_BOOTSTRAP=1`,
//! set for the fuzz builds only. Seeds: `fuzz/seeds/` (a page, UTF-16, two articles in the `analyze`
//! format), the bundled articles, the test fixtures, and the inputs
//! kept in `fuzz/regressions/<target>/` (every crash found and fixed; `crates/engine/tests/
//! fuzz_regressions.rs` replays them in the ordinary test run). The growing corpus lives in
//! `target/fuzz/corpus/<target>/`; a crash's input is written to `target/fuzz/artifacts/`.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Instant;

use crate::env::{self, Result};

pub const CARGO_FUZZ_VERSION: &str = "0.13.1";
pub const TARGETS: &[&str] = &["decode", "html", "tokenize", "analyze", "pack", "json", "decisions"];

fn tools_root() -> PathBuf {
    env::repo_root().join("target/tools/cargo-fuzz")
}

/// cargo-fuzz at [`CARGO_FUZZ_VERSION`], installed unless present.
fn cargo_fuzz() -> Result<PathBuf> {
    let bin = tools_root().join("bin/cargo-fuzz");
    let version = env::output(std::process::Command::new(&bin).arg("--version"));
    if version.as_deref().and_then(|v| v.split_whitespace().nth(1)) == Some(CARGO_FUZZ_VERSION) {
        println!("[fuzz] cargo-fuzz {CARGO_FUZZ_VERSION}: present");
        return Ok(bin);
    }
    println!("[fuzz] cargo-fuzz {CARGO_FUZZ_VERSION}: installing (compiles from source; takes minutes)");
    let root = tools_root();
    env::run(env::cargo().args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION, "--locked", "--force", "--root"]).arg(&root))?;
    Ok(bin)
}

/// Files to start from: the bundled articles, the HTML and text fixtures, the regressions.
fn seeds(target: &str) -> Vec<PathBuf> {
    let root = env::repo_root();
    let mut dirs = vec![root.join("fuzz/seeds"), root.join("corpus"), root.join("crates/engine/tests/fixtures"), root.join("tests/fixtures")];
    dirs.push(root.join("fuzz/regressions").join(target));
    dirs.into_iter().filter(|d| d.is_dir()).collect()
}

/// What one run gave.
struct Outcome {
    target: String,
    runs: Option<u64>,
    seconds: f64,
    crashed: bool,
    artifact: Option<String>,
}

pub fn run(seconds: u64, only: &[String]) -> Result<()> {
    let bin = cargo_fuzz()?;
    let root = env::repo_root();
    let targets: Vec<&str> = if only.is_empty() { TARGETS.to_vec() } else { TARGETS.iter().copied().filter(|t| only.iter().any(|o| o == t)).collect() };
    if targets.is_empty() {
        return Err(format!("no such fuzz target; the targets are {TARGETS:?}"));
    }
    let mut outcomes = Vec::new();
    for target in targets {
        let corpus = root.join("target/fuzz/corpus").join(target);
        std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let artifacts = root.join("target/fuzz/artifacts").join(target);
        std::fs::create_dir_all(&artifacts).map_err(|e| format!("{}: {e}", artifacts.display()))?;
        let mut cmd = env::command(bin.to_str().unwrap_or("cargo-fuzz"));
        cmd.env("RUSTC_BOOTSTRAP", "1")
            .args(["fuzz", "run", "--fuzz-dir", "fuzz", "--target-dir", "target/fuzz/build", target])
            .arg(&corpus)
            .args(seeds(target))
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .args(["-rss_limit_mb=4096", "-timeout=30", "-max_len=65536", "-print_final_stats=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        println!("[fuzz] {target}: {}", env::describe(&cmd));
        let started = Instant::now();
        let out = cmd.output().map_err(|e| format!("cannot run cargo-fuzz: {e}"))?;
        let log = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
        std::fs::write(root.join("target/fuzz").join(format!("{target}.log")), &log).ok();
        let runs = log
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("stat::number_of_executed_units:").or_else(|| l.strip_prefix("Done ").map(|r| r.split(' ').next().unwrap_or(""))))
            .and_then(|n| n.trim().parse().ok());
        let artifact = log.lines().find_map(|l| l.split("Test unit written to ").nth(1)).map(|s| s.trim().to_string());
        let crashed = !out.status.success();
        if crashed && runs.is_none() && artifact.is_none() {
            return Err(format!("{target}: cargo-fuzz failed before fuzzing (log: target/fuzz/{target}.log):\n{}", tail(&log, 30)));
        }
        outcomes.push(Outcome { target: target.to_string(), runs, seconds: started.elapsed().as_secs_f64(), crashed, artifact });
    }
    println!();
    println!("FUZZ {:<10} {:>12} {:>9} {:>8}  result", "target", "executions", "exec/s", "seconds");
    for o in &outcomes {
        let runs = o.runs.map_or("?".to_string(), |r| r.to_string());
        let rate = o.runs.map_or("?".to_string(), |r| format!("{:.0}", r as f64 / (seconds.max(1) as f64)));
        let result = match (&o.crashed, &o.artifact) {
            (false, _) => "no crash".to_string(),
            (true, Some(a)) => format!("CRASH, input kept in {a}"),
            (true, None) => "CRASH (see the log)".to_string(),
        };
        println!("FUZZ {:<10} {:>12} {:>9} {:>8.0}  {result}", o.target, runs, rate, o.seconds);
    }
    let crashed: Vec<&str> = outcomes.iter().filter(|o| o.crashed).map(|o| o.target.as_str()).collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!("crashes in {crashed:?}: fix them, then keep each input in fuzz/regressions/<target>/"))
    }
}

fn tail(log: &str, n: usize) -> String {
    let lines: Vec<&str> = log.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}
