//! Native throughput: `qarin analyze` (release build) on each fixture, and the CLI's own
//! `qarin bench`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::fixtures::Fixture;
use super::median;
use crate::env::{self, Result};

/// Milliseconds of each run, per corpus size.
pub type NativeTimes = BTreeMap<usize, Vec<f64>>;

/// What the CLI's own `qarin bench` (tagger throughput, if this CLI has it) says about the
/// largest fixture: its output lines, for the report.
fn cli_bench(exe: &Path, fixture: &Fixture) -> Option<String> {
    let help = Command::new(exe).arg("--help").output().ok()?;
    let help =
        String::from_utf8_lossy(&help.stdout).into_owned() + &String::from_utf8_lossy(&help.stderr);
    if !help.contains("qarin bench") {
        return None;
    }
    let out = Command::new(exe)
        .current_dir(env::repo_root())
        .arg("bench")
        .arg("--corpus")
        .arg(&fixture.dir)
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Milliseconds per run of `qarin analyze` (release build) on each fixture, and the output of
/// `qarin bench` where the CLI has it.
pub fn native(fixtures: &[Fixture], runs: usize) -> Result<(NativeTimes, Option<String>)> {
    println!("[bench] native: cargo build --release -p qarin-cli");
    env::run(env::cargo().args(["build", "--release", "-p", "qarin-cli"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| env::repo_root().join("target"), PathBuf::from);
    let exe = target.join("release/qarin");
    let mut out = BTreeMap::new();
    for f in fixtures {
        // The comparison table as CSV: the whole analysis runs, but little output is written.
        let output = f.dir.with_extension("table.csv");
        let once = || -> Result<f64> {
            let start = Instant::now();
            let status = Command::new(&exe)
                .arg("analyze")
                .arg(&f.dir)
                .args(["--format", "csv", "-o"])
                .arg(&output)
                .stdout(Stdio::null())
                .status()
                .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            if !status.success() {
                return Err(format!("`qarin analyze {}` failed", f.dir.display()));
            }
            Ok(ms)
        };
        once()?; // warm-up: page cache, lazy tables
        let times = (0..runs).map(|_| once()).collect::<Result<Vec<f64>>>()?;
        println!(
            "[bench] native, {} articles: median {:.1} ms",
            f.n,
            median(&times)
        );
        out.insert(f.n, times);
    }
    let cli = fixtures.last().and_then(|f| cli_bench(&exe, f));
    Ok((out, cli))
}
