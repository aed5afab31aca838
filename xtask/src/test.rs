//! `cargo xtask test`: every test there is. The workspace's unit and integration tests (engine,
//! CLI, xtask), the web app's native unit tests, then the release build, then the browser tests
//! (`tests/browser/`, one test binary, all but its `offline::` module) against that build,
//! served locally, through chromedriver and headless Chromium; then two more builds (for the
//! subpath `/qarin/`, and with a two-article corpus of its own) and the browser tests' `offline::`
//! module (subpath, service worker offline, the single file from `file://`, the custom corpus,
//! the prerendered first article); last, the check that the embedded tagger model is what
//! training makes today (release build: it retrains the model). Every stage runs even if an
//! earlier one failed (the browser tests need their builds); the exit status is non-zero if any
//! failed.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::env::{self, format_duration, Result};
use crate::serve::Server;
use crate::{dist, tools};

pub fn run() -> Result<()> {
    let start = Instant::now();
    tools::setup_all()?;
    let mut results: Vec<(&str, std::result::Result<(), String>)> = Vec::new();

    println!("[test] workspace tests (everything but the web app)");
    results.push((
        "workspace tests",
        // --no-fail-fast: one failing test binary must not hide the results of the others.
        env::run(env::cargo().args([
            "test",
            "--workspace",
            "--exclude",
            "qarin-app",
            "--no-fail-fast",
        ]))
        .map(drop),
    ));
    println!("[test] the web app's native unit tests");
    results.push((
        "app unit tests",
        env::run(env::cargo().args(["test", "-p", "qarin-app", "--bins"])).map(drop),
    ));

    let built = dist::build(&dist::Options::default());
    let built_ok = built.is_ok();
    results.push(("dist", built));

    if built_ok {
        results.push(("e2e tests", e2e()));
    } else {
        results.push(("e2e tests", Err("skipped: dist failed".into())));
    }

    println!("[test] builds for the static-hosting tests: subpath /qarin/, and a corpus of two");
    let subpath = dist::Options {
        public_url: SUBPATH.into(),
        dist: e2e_dir().join("dist-subpath"),
        corpus: None,
    };
    let subpath_built = dist::build(&subpath);
    let subpath_ok = subpath_built.is_ok();
    results.push(("dist /qarin/", subpath_built));
    let custom = tiny_corpus().map(|corpus| dist::Options {
        public_url: SUBPATH.into(),
        dist: e2e_dir().join("dist-corpus"),
        corpus: Some(corpus),
    });
    let custom_built = custom.as_ref().map_err(Clone::clone).and_then(dist::build);
    let custom_ok = custom_built.is_ok();
    results.push(("dist --corpus", custom_built));

    if built_ok && subpath_ok && custom_ok {
        results.push(("offline tests", offline(&subpath.dist, &custom.unwrap())));
    } else {
        results.push(("offline tests", Err("skipped: a build failed".into())));
    }

    println!("[test] the embedded tagger model is up to date (retrains it; release build)");
    results.push((
        "stale-model check",
        env::run(env::cargo().args([
            "test",
            "--release",
            "-p",
            "qarin-engine",
            "--test",
            "tagger",
            "--",
            "--ignored",
            "embedded_model_is_up_to_date",
        ]))
        .map(drop),
    ));

    let failed: Vec<_> = results.iter().filter(|(_, r)| r.is_err()).collect();
    for (name, result) in &results {
        match result {
            Ok(()) => println!("[test] {name}: ok"),
            Err(e) => println!("[test] {name}: FAILED: {e}"),
        }
    }
    let summary = results
        .iter()
        .map(|(name, r)| format!("{name} {}", if r.is_ok() { "ok" } else { "FAILED" }))
        .collect::<Vec<_>>()
        .join(", ");
    let verdict = if failed.is_empty() {
        "PASSED"
    } else {
        "FAILED"
    };
    println!(
        "[test] {verdict} in {}: {summary}",
        format_duration(start.elapsed())
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} stages failed",
            failed.len(),
            results.len()
        ))
    }
}

/// The browser tests' module that needs builds of its own (see [`offline`]): skipped by
/// [`e2e`], the only one [`offline`] runs.
const OFFLINE_MODULE: &str = "offline::";

/// Serves `dist/` and starts chromedriver, both on free ports, and runs the browser tests
/// (`tests/browser/`) but the [`OFFLINE_MODULE`] against them; chromedriver is stopped
/// afterwards whatever happens.
fn e2e() -> Result<()> {
    let server = Server::bind(&dist::dist_dir(), Some(0), false)
        .map_err(|e| format!("cannot start the static server: {e}"))?;
    let app_url = server.url();
    server.spawn();
    let driver = ChromeDriver::start()?;
    println!("[test] app at {app_url}, chromedriver at {}", driver.url);
    env::run(
        env::cargo()
            .args(["test", "-p", "qarin-app", "--test", "browser", "--"])
            .args(["--skip", OFFLINE_MODULE, "--test-threads=1"])
            .env("QARIN_E2E_URL", &app_url)
            .env("QARIN_WEBDRIVER", &driver.url),
    )
    .map(drop)
}

/// The public URL path of the subpath build, which the offline tests serve at that path.
const SUBPATH: &str = "/qarin/";

/// Scratch space of the browser tests: their extra builds and the small corpus.
fn e2e_dir() -> PathBuf {
    env::repo_root().join("target/e2e")
}

/// The two short articles of `cargo xtask dist --corpus`'s test, written to `target/e2e/` (only
/// when they differ from what is there, so that an unchanged corpus does not rebuild the app).
const TINY_CORPUS: [(&str, &str); 3] = [
    (
        "a_cairo.txt",
        "ماكرون في القاهرة\n\nزار الرئيس الفرنسي إيمانويل ماكرون العاصمة المصرية القاهرة يوم الأحد، \
         والتقى الرئيس عبد الفتاح السيسي. وقالت وزارة الخارجية المصرية إن الزيارة تناولت العلاقات \
         بين مصر وفرنسا والتعاون في مجال الطاقة.\n",
    ),
    (
        "b_cairo.txt",
        "السيسي يستقبل ماكرون\n\nاستقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي ماكرون في \
         القاهرة، وأكد الجانبان أهمية التعاون بين فرنسا ومصر. وكان ماكرون قد زار الأردن قبل \
         وصوله إلى مصر.\n",
    ),
    (
        "meta.json",
        "{\n  \"documents\": [\n    { \"file\": \"a_cairo.txt\", \"title\": \"\", \"outlet\": \"Fixture A\", \"date\": \"2024-05-05\", \"url\": \"\" },\n    { \"file\": \"b_cairo.txt\", \"title\": \"\", \"outlet\": \"Fixture B\", \"date\": \"2024-05-05\", \"url\": \"\" }\n  ]\n}\n",
    ),
];

fn tiny_corpus() -> Result<PathBuf> {
    let dir = e2e_dir().join("tiny-corpus");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, text) in TINY_CORPUS {
        let path = dir.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(dir)
}

/// Runs the browser tests' [`OFFLINE_MODULE`]. They start (and stop) their own servers for the
/// builds they are given.
fn offline(subpath_dist: &Path, custom: &dist::Options) -> Result<()> {
    let driver = ChromeDriver::start()?;
    println!("[test] chromedriver at {}", driver.url);
    env::run(
        env::cargo()
            .args(["test", "-p", "qarin-app", "--test", "browser", "--"])
            .args([OFFLINE_MODULE, "--test-threads=1"])
            .env("QARIN_WEBDRIVER", &driver.url)
            .env("QARIN_DIST", dist::dist_dir())
            .env("QARIN_DIST_SUBPATH", subpath_dist)
            .env("QARIN_SUBPATH", SUBPATH)
            .env("QARIN_DIST_CORPUS", &custom.dist)
            .env(
                "QARIN_CUSTOM_CORPUS",
                custom.corpus.as_ref().expect("a corpus"),
            ),
    )
    .map(drop)
}

/// A chromedriver child process, killed on drop.
pub struct ChromeDriver {
    child: Child,
    pub url: String,
}

impl ChromeDriver {
    pub fn start() -> Result<ChromeDriver> {
        let port = free_port().map_err(|e| format!("no free port for chromedriver: {e}"))?;
        let log = env::repo_root().join("target/chromedriver.log");
        let log_file = std::fs::File::create(&log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let mut cmd = env::command("chromedriver");
        cmd.arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().map_err(|e| e.to_string())?)
            .stderr(log_file);
        println!("  $ {}", env::describe(&cmd));
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start chromedriver: {e}"))?;
        let driver = ChromeDriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        driver.wait_ready(port, Duration::from_secs(20))?;
        Ok(driver)
    }

    /// Polls `GET /status` until chromedriver says it is ready.
    fn wait_ready(&self, port: u16, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if status_ready(port).unwrap_or(false) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!(
            "chromedriver not ready on port {port} after {timeout:?} (see target/chromedriver.log)"
        ))
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn status_ready(port: u16) -> std::io::Result<bool> {
    let mut s = TcpStream::connect((Ipv4Addr::LOCALHOST, port))?;
    s.set_read_timeout(Some(Duration::from_secs(2)))?;
    write!(
        s,
        "GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )?;
    // chromedriver does not always close the connection promptly: stop as soon as it says so.
    let mut response = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk)?;
        if n == 0 {
            return Ok(false);
        }
        response.extend_from_slice(&chunk[..n]);
        let compact: String = String::from_utf8_lossy(&response)
            .split_whitespace()
            .collect();
        if compact.starts_with("HTTP/1.1200") && compact.contains("\"ready\":true") {
            return Ok(true);
        }
    }
}

/// A port that was free a moment ago (the listener is dropped before returning).
fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}
