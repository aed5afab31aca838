//! `cargo xtask setup`: installs the pinned build and test tools, idempotently.
//!
//! Every step first checks what is there (and its version) and only installs on a mismatch, so
//! running it again is cheap. Nothing here downloads from anywhere but crates.io, the npm registry
//! and the Debian archive.

use std::path::Path;
use std::time::Duration;

use crate::env::{self, format_duration, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// trunk 0.22 needs a newer rustc than the project's; 0.21.14 is the last 0.21 release.
pub const TRUNK_VERSION: &str = "0.21.14";
/// Must match `[tools] wasm_opt` in Trunk.toml. Debian's binaryen 108 makes a module that crashes.
pub const BINARYEN_VERSION: &str = "132";
/// The JS minifier for wasm-bindgen's glue (trunk's own cannot parse it; see `dist::minify_glue`).
pub const TERSER_VERSION: &str = "5.51.4";

/// Installs everything: build tools, then the browser used by the end-to-end tests.
pub fn setup_all() -> Result<()> {
    setup_build()?;
    setup_browser()
}

/// What `trunk build` needs: the wasm target, trunk, wasm-bindgen-cli, wasm-opt, and all crates.
pub fn setup_build() -> Result<()> {
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    wasm_opt()?;
    terser()?;
    cargo_fetch()
}

fn step(name: &str, status: &str) {
    println!("[setup] {name}: {status}");
}

fn installed(name: &str, took: Duration) {
    step(name, &format!("installed in {}", format_duration(took)));
}

/// Last whitespace-separated word of `program --version`, if the program runs.
fn version_of(program: &str, nth_word: usize) -> Option<String> {
    let out = env::output(env::command(program).arg("--version"))?;
    out.lines()
        .next()?
        .split_whitespace()
        .nth(nth_word)
        .map(str::to_string)
}

fn wasm_target() -> Result<()> {
    let name = format!("rust target {WASM_TARGET}");
    let sysroot = env::output(env::command("rustc").args(["--print", "sysroot"]))
        .ok_or("cannot run `rustc --print sysroot`")?;
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        step(&name, "present");
        return Ok(());
    }
    step(&name, "missing, installing with rustup");
    let took = env::run(env::command("rustup").args(["target", "add", WASM_TARGET]))
        .map_err(|e| format!("{e}\n(without rustup, install the {WASM_TARGET} std by hand)"))?;
    installed(&name, took);
    Ok(())
}

/// `cargo install` of an exact crate version unless `binary --version` already reports it.
fn cargo_install(crate_name: &str, binary: &str, version: &str, locked: bool) -> Result<()> {
    let name = format!("{binary} {version}");
    match version_of(binary, 1) {
        Some(found) if found == version => {
            step(&name, "present");
            return Ok(());
        }
        Some(found) => step(&name, &format!("found {found}, installing {version}")),
        None => step(
            &name,
            "missing, installing (this compiles from source; takes minutes)",
        ),
    }
    let mut cmd = env::cargo();
    // `--force`: cargo's install record can list the crate while its binary is missing or is
    // another version (deleted by hand, overwritten by another install); without it cargo
    // would answer "already installed" and change nothing.
    cmd.args(["install", crate_name, "--version", version, "--force"]);
    if locked {
        cmd.arg("--locked");
    }
    let took = env::run(&mut cmd)?;
    match version_of(binary, 1) {
        Some(found) if found == version => {
            installed(&name, took);
            Ok(())
        }
        found => Err(format!(
            "{binary} still reports {found:?} after installing; is {} shadowed on PATH?",
            env::cargo_bin_dir().display()
        )),
    }
}

fn trunk() -> Result<()> {
    cargo_install("trunk", "trunk", TRUNK_VERSION, true)
}

/// wasm-bindgen-cli must be exactly the `wasm-bindgen` version in Cargo.lock (trunk reads the
/// same version from there). Installed without `--locked`, the combination verified with this
/// toolchain.
fn wasm_bindgen() -> Result<()> {
    let version = locked_version("wasm-bindgen")?;
    cargo_install("wasm-bindgen-cli", "wasm-bindgen", &version, false)
}

/// The version of `package` recorded in the workspace's Cargo.lock.
pub fn locked_version(package: &str) -> Result<String> {
    let path = env::repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let wanted = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err(format!(
        "{package} is not in Cargo.lock (run `cargo generate-lockfile`?)"
    ))
}

/// wasm-opt from the npm package `binaryen`, installed under `target/tools/binaryen`; trunk finds
/// it because [`env::tool_path`] puts its `.bin` directory first on PATH.
fn wasm_opt() -> Result<()> {
    let wasm_opt = env::binaryen_bin().join("wasm-opt");
    npm_tool(
        &format!("wasm-opt (binaryen@{BINARYEN_VERSION})"),
        &format!("binaryen@{BINARYEN_VERSION}"),
        BINARYEN_VERSION,
        &env::binaryen_prefix(),
        &wasm_opt,
        || {
            env::output(std::process::Command::new(&wasm_opt).arg("--version"))
                .and_then(|out| out.split_whitespace().nth(2).map(str::to_string))
        },
    )
}

/// terser from the npm package `terser`, installed under `target/tools/terser`.
fn terser() -> Result<()> {
    let bin = env::terser_bin();
    npm_tool(
        &format!("terser@{TERSER_VERSION}"),
        &format!("terser@{TERSER_VERSION}"),
        TERSER_VERSION,
        &env::terser_prefix(),
        &bin,
        || {
            env::output(env::command("node").arg(&bin).arg("--version"))
                .and_then(|out| out.split_whitespace().nth(1).map(str::to_string))
        },
    )
}

/// An npm package at an exact version in its own folder `prefix`, unless `probe` (the version the
/// installed command `bin` reports) already says `version`.
fn npm_tool(name: &str, package: &str, version: &str, prefix: &Path, bin: &Path, probe: impl Fn() -> Option<String>) -> Result<()> {
    match probe() {
        Some(v) if v == version => {
            step(name, "present");
            return Ok(());
        }
        Some(v) => step(name, &format!("found version {v}, reinstalling")),
        None => step(name, "missing, installing with npm"),
    }
    if env::output(env::command("npm").arg("--version")).is_none() {
        return Err("npm is not installed; install Node.js and npm (Debian: `apt-get install -y npm`)".into());
    }
    std::fs::create_dir_all(prefix).map_err(|e| format!("cannot create {}: {e}", prefix.display()))?;
    let took = env::run(env::command("npm").arg("install").arg("--prefix").arg(prefix).args(["--no-audit", "--no-fund", "--no-save", package]))?;
    match probe() {
        Some(v) if v == version => {
            installed(name, took);
            Ok(())
        }
        other => Err(format!("{} reports version {other:?} after npm install", bin.display())),
    }
}

fn cargo_fetch() -> Result<()> {
    step(
        "crates",
        "cargo fetch (so that the offline trunk build finds every crate)",
    );
    env::run(env::cargo().arg("fetch")).map(drop)
}

/// Chromium and a chromedriver of the same major version, from the Debian archive.
pub fn setup_browser() -> Result<()> {
    let name = "chromium + chromedriver";
    let probe = || {
        Some((
            version_of("chromium", 1).or_else(|| version_of("chromium-browser", 1))?,
            version_of("chromedriver", 1)?,
        ))
    };
    let (browser, driver, how) = match probe() {
        Some((browser, driver)) => (browser, driver, "present"),
        None => {
            if !is_root() {
                return Err(format!(
                    "{name} missing and not running as root; install them with \
                     `sudo apt-get install -y chromium chromium-driver` (Debian) and retry"
                ));
            }
            step(name, "missing, installing with apt-get");
            let mut took = env::run(env::command("apt-get").arg("update"))?;
            took += env::run(
                env::command("apt-get")
                    .env("DEBIAN_FRONTEND", "noninteractive")
                    .args(["install", "-y", "chromium", "chromium-driver"]),
            )?;
            let (browser, driver) =
                probe().ok_or("chromium/chromedriver still not found after apt-get")?;
            installed(name, took);
            (browser, driver, "installed")
        }
    };
    let major = |v: &str| v.split('.').next().unwrap_or_default().to_string();
    if major(&browser) != major(&driver) {
        return Err(format!(
            "chromium {browser} and chromedriver {driver} differ in major version"
        ));
    }
    step(
        name,
        &format!("{how} (chromium {browser}, chromedriver {driver})"),
    );
    Ok(())
}

fn is_root() -> bool {
    env::output(std::process::Command::new("id").arg("-u")).as_deref() == Some("0")
}
