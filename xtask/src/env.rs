//! Where things are (repository root, tool directories) and how external commands are run.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub type Result<T> = std::result::Result<T, String>;

/// The workspace root (the parent of this crate's directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Where npm installs binaryen (`wasm-opt`); kept inside `target/` so `cargo clean` resets it.
pub fn binaryen_prefix() -> PathBuf {
    repo_root().join("target/tools/binaryen")
}

pub fn binaryen_bin() -> PathBuf {
    binaryen_prefix().join("node_modules/.bin")
}

/// Where npm installs terser (the glue's minifier).
pub fn terser_prefix() -> PathBuf {
    repo_root().join("target/tools/terser")
}

/// terser's command-line script (run with `node`).
pub fn terser_bin() -> PathBuf {
    terser_prefix().join("node_modules/terser/bin/terser")
}

/// The directory `cargo install` writes to: `$CARGO_HOME/bin`, by default `~/.cargo/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    match std::env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home).join("bin"),
        _ => PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo/bin"),
    }
}

/// `PATH` with the binaryen tools first and the cargo bin directory second, so that trunk finds
/// exactly the versions `setup` installed and never decides to download its own.
pub fn tool_path() -> OsString {
    let mut dirs = vec![binaryen_bin(), cargo_bin_dir()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// A command that runs in the repository root with [`tool_path`] as its `PATH`.
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(repo_root()).env("PATH", tool_path());
    cmd
}

/// `cargo` (the same binary that runs xtask, if known) as a [`command`].
pub fn cargo() -> Command {
    let program = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    command(&program)
}

/// Human-readable form of a command, for the log.
pub fn describe(cmd: &Command) -> String {
    let program = Path::new(cmd.get_program());
    let mut s = program
        .file_name()
        .unwrap_or(program.as_os_str())
        .to_string_lossy()
        .into_owned();
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains([' ', '\'', '"', '*']) {
            s.push_str(&format!(" '{arg}'"));
        } else {
            s.push(' ');
            s.push_str(&arg);
        }
    }
    s
}

/// Prints the command, runs it with inherited stdio and fails unless it exits successfully.
/// Returns how long it took.
pub fn run(cmd: &mut Command) -> Result<Duration> {
    let shown = describe(cmd);
    println!("  $ {shown}");
    let start = Instant::now();
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(start.elapsed())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its trimmed stdout if it succeeded, `None` if it could not
/// be started or failed (used to probe for installed tools and their versions).
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn format_duration(d: Duration) -> String {
    if d.as_secs() >= 60 {
        format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}
