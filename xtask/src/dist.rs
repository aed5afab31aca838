//! `cargo xtask dist`: release build of the web app into `dist/` with trunk, then a size report.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::env::{self, format_duration, Result};
use crate::tools;

pub fn dist_dir() -> PathBuf {
    env::repo_root().join("dist")
}

/// Installs the build tools, then [`build`]s.
pub fn run(public_url: &str) -> Result<()> {
    tools::setup_build()?;
    build(public_url)
}

/// Builds `dist/` with trunk (tools must be set up) and prints its sizes.
pub fn build(public_url: &str) -> Result<()> {
    println!("[dist] trunk build --release (public URL {public_url})");
    let took = env::run(
        env::command("trunk")
            .args(["build", "--release", "--public-url", public_url])
            // No colour codes in logs. trunk parses NO_COLOR as a bool, so a user's `NO_COLOR=1`
            // would make it fail: always pass a value it accepts.
            .env("NO_COLOR", "true"),
    )?;
    println!("[dist] built in {}", format_duration(took));
    report(&dist_dir())
}

struct Entry {
    path: String,
    raw: u64,
    gzip: Option<u64>,
}

fn report(dir: &Path) -> Result<()> {
    let mut files = Vec::new();
    walk(dir, &mut files).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
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
            opt_bytes(e.gzip)
        );
    }
    let sum = |pick: &dyn Fn(&Entry) -> bool| -> (u64, Option<u64>) {
        let chosen: Vec<&Entry> = entries.iter().filter(|e| pick(e)).collect();
        let raw = chosen.iter().map(|e| e.raw).sum();
        let gzip = chosen.iter().map(|e| e.gzip).sum::<Option<u64>>();
        (raw, gzip)
    };
    let (wasm_raw, wasm_gz) = sum(&|e| e.path.ends_with(".wasm"));
    let (total_raw, total_gz) = sum(&|_| true);
    if wasm_raw == 0 {
        return Err("dist/ contains no .wasm file".into());
    }
    println!(
        "[dist] wasm: {} raw, {} gzip; total ({} files): {} raw, {} gzip",
        bytes(wasm_raw),
        opt_bytes(wasm_gz),
        entries.len(),
        bytes(total_raw),
        opt_bytes(total_gz)
    );
    Ok(())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Size after `gzip -9` (what a static host would typically send), or `None` without gzip.
fn gzip_size(data: &[u8]) -> Option<u64> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c", "-n"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let mut compressed = Vec::new();
    child.stdout.take()?.read_to_end(&mut compressed).ok()?;
    writer.join().ok()?.ok()?;
    child
        .wait()
        .ok()?
        .success()
        .then_some(compressed.len() as u64)
}

fn bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{:.2} MiB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}

fn opt_bytes(n: Option<u64>) -> String {
    n.map_or_else(|| "n/a".to_string(), bytes)
}
