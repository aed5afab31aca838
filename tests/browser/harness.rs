//! The harness: a Chromium session per test (through chromedriver), JavaScript in the page,
//! console-log and same-origin checks, Chrome DevTools Protocol commands, screenshots.
//!
//! The tests need a running app and chromedriver, given by `QARIN_E2E_URL` and `QARIN_WEBDRIVER`;
//! `cargo xtask test` builds the app, serves it, starts chromedriver and sets both. Tests that
//! serve builds themselves (`offline`) use [`crate::serve`], xtask's static server compiled in
//! here, which they can start and stop, and [`browser_test_at`] with the URL it gives.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

/// How long to wait for the app to finish its analysis (`main#app[data-ready=true]`).
pub const READY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long to wait for the page to react to an interaction.
pub const UI_TIMEOUT: Duration = Duration::from_secs(10);

fn required_env(name: &str) -> String {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => v,
        _ => panic!(
            "{name} is not set. The browser tests need the built app served over HTTP and a \
             running chromedriver: run them with `cargo xtask test`, which sets QARIN_E2E_URL \
             and QARIN_WEBDRIVER."
        ),
    }
}

/// Runs one browser test: opens a fresh Chromium session on the app, runs `body`, then (even if
/// `body` panicked) closes the session and removes its profile. After a successful body it also
/// asserts that the browser logged no error and that no request left the app's origin.
pub async fn browser_test<F, Fut>(name: &str, body: F)
where
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    browser_test_at(name, &required_env("QARIN_E2E_URL"), body).await;
}

/// [`browser_test`] on the app at `base` (an `http://` URL, or a `file://` one) instead of
/// `QARIN_E2E_URL`. For a `file://` page the final check is that nothing but the page itself was
/// loaded (every other resource must be inline).
pub async fn browser_test_at<F, Fut>(name: &str, base: &str, body: F)
where
    F: FnOnce(App) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let app = App::start_at(name, base).await;
    let outcome = tokio::spawn(body(app.clone())).await;
    let checks = match &outcome {
        Ok(()) => Some(
            tokio::spawn({
                let app = app.clone();
                async move { app.assert_clean().await }
            })
            .await,
        ),
        Err(_) => None,
    };
    let _ = app.client.clone().close().await;
    let _ = std::fs::remove_dir_all(&app.profile);
    for result in [Some(outcome), checks].into_iter().flatten() {
        if let Err(e) = result {
            if e.is_panic() {
                std::panic::resume_unwind(e.into_panic());
            }
            panic!("test task failed: {e}");
        }
    }
}

/// One browser session on the app.
#[derive(Clone)]
pub struct App {
    pub client: Client,
    /// The app's URL, e.g. `http://127.0.0.1:41234/`.
    pub base: String,
    name: String,
    profile: PathBuf,
}

/// A browser console entry.
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub level: String,
    pub message: String,
}

/// chromedriver's (Selenium-style) log endpoint: `POST /session/{id}/se/log {"type":"browser"}`.
/// It returns the entries buffered since the previous call and clears them.
#[derive(Debug)]
struct GetBrowserLog;

impl WebDriverCompatibleCommand for GetBrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("the log command needs a session");
        base_url.join(&format!("session/{session}/se/log"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// chromedriver's Chrome DevTools Protocol passthrough: `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct CdpExecute {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for CdpExecute {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.expect("the CDP command needs a session");
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

impl App {
    /// A session on the app at `base`, loaded and ready.
    pub async fn start_at(name: &str, base: &str) -> App {
        let app = App::launch(name, base).await;
        app.open("").await;
        app
    }

    /// A fresh Chromium session (new, empty profile) for the app at `base`, still on its blank
    /// start page. Close it with [`App::close`].
    pub async fn launch(name: &str, base: &str) -> App {
        let base = base.to_string();
        let webdriver = required_env("QARIN_WEBDRIVER");
        let profile = std::env::temp_dir().join(format!(
            "qarin-e2e-{}-{name}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        std::fs::create_dir_all(&profile).expect("create the browser profile directory");
        let args = [
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--window-size=1280,900".into(),
            "--lang=en-US".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        let mut chrome_options = json!({ "args": args });
        // Debian's chromedriver looks for `chromium` itself; QARIN_CHROME overrides.
        if let Ok(binary) = std::env::var("QARIN_CHROME") {
            chrome_options["binary"] = json!(binary);
        }
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), chrome_options);
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&webdriver)
            .await
            .unwrap_or_else(|e| panic!("cannot start a Chromium session via {webdriver}: {e}"));
        client
            .set_window_size(1280, 900)
            .await
            .expect("set the window size");
        App {
            client,
            base,
            name: name.to_string(),
            profile,
        }
    }

    /// Ends the session and removes its profile.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }

    /// Runs a Chrome DevTools Protocol command (e.g. `HeapProfiler.collectGarbage`) and returns
    /// its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(CdpExecute {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    /// Turns off the page's Content-Security-Policy for this session (CDP `Page.setBypassCSP`)
    /// and reloads the app so that it takes effect: for probes that must do what the policy
    /// forbids, such as the harness's own check that it notices requests to other origins.
    pub async fn bypass_csp(&self) {
        self.cdp("Page.setBypassCSP", json!({ "enabled": true }))
            .await;
        self.open("").await;
    }

    /// Whether the app under test was opened from disk (`file://`).
    pub fn is_file(&self) -> bool {
        self.base.starts_with("file:")
    }

    /// Loads the app afresh with the given hash (`""` or e.g. `"#view=compare"`) and waits until
    /// it is ready. Goes through `about:blank` so that a hash-only change is a real page load.
    pub async fn open(&self, hash: &str) {
        self.client
            .goto("about:blank")
            .await
            .expect("open about:blank");
        let url = format!("{}{hash}", self.base);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
        self.wait_ready().await;
    }

    /// Reloads the page (after checking the requests of the current one) and waits until ready.
    pub async fn reload(&self) {
        self.assert_same_origin().await;
        self.client.refresh().await.expect("refresh the page");
        self.wait_ready().await;
    }

    /// The app shows its analysis and has read the stored workspace (on a first visit it shows the
    /// bundled articles before that: a test that writes storage itself must not race the read).
    pub async fn wait_ready(&self) {
        self.wait_for(
            "main#app[data-ready=true] and the stored workspace read",
            READY_TIMEOUT,
            "return document.querySelector('main#app')?.getAttribute('data-ready') === 'true' \
               && performance.getEntriesByName('qarin:storage-loaded').length > 0",
            vec![],
        )
        .await;
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its result.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` until it returns a truthy value; panics with `what` after `timeout`.
    pub async fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        script: &str,
        args: Vec<Value>,
    ) -> Value {
        let deadline = Instant::now() + timeout;
        let mut last;
        loop {
            last = self.js(script, args.clone()).await;
            let truthy = match &last {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                Value::Array(_) | Value::Object(_) => true,
            };
            if truthy {
                return last;
            }
            if Instant::now() >= deadline {
                let _ = self.screenshot(&format!("{}-timeout", self.name)).await;
                panic!("timed out after {timeout:?} waiting for {what} (last value {last})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the viewport to `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        let png = self.client.screenshot().await.expect("take a screenshot");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    /// Console entries logged since the previous call.
    pub async fn browser_logs(&self) -> Vec<LogEntry> {
        let value = self
            .client
            .issue_cmd(GetBrowserLog)
            .await
            .expect("fetch the browser log from chromedriver");
        value
            .as_array()
            .unwrap_or_else(|| panic!("unexpected log response: {value}"))
            .iter()
            .map(|e| LogEntry {
                level: e["level"].as_str().unwrap_or_default().to_string(),
                message: e["message"].as_str().unwrap_or_default().to_string(),
            })
            .collect()
    }

    /// Fails if the console got any SEVERE entry (errors, failed loads, uncaught exceptions,
    /// panics) since the previous log fetch.
    pub async fn assert_no_console_errors(&self) {
        let severe: Vec<_> = self
            .browser_logs()
            .await
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .collect();
        assert!(severe.is_empty(), "browser console errors: {severe:#?}");
    }

    /// URLs fetched by the current page (the navigation and every resource) whose origin is not
    /// the page's own. `data:` and `blob:` URLs never leave the browser and are not reported.
    pub async fn foreign_requests(&self) -> Vec<String> {
        let value = self
            .js(
                r#"const origin = location.origin;
                const urls = [location.href]
                  .concat(performance.getEntriesByType('navigation').map(e => e.name))
                  .concat(performance.getEntriesByType('resource').map(e => e.name));
                return urls.filter(u => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);"#,
                vec![],
            )
            .await;
        serde_json::from_value(value).expect("list of URLs")
    }

    pub async fn assert_same_origin(&self) {
        if self.is_file() {
            // A page from disk has an opaque origin: it must not have loaded anything at all
            // (data: and blob: URLs never leave the browser).
            let loaded = self
                .js(
                    r#"return performance.getEntriesByType('resource').map(e => e.name)
                         .filter(u => !/^(data|blob):/.test(u));"#,
                    vec![],
                )
                .await;
            assert_eq!(loaded, json!([]), "the file:// page loaded other resources");
            let page = self.js("return location.href", vec![]).await;
            let base = self.base.split('#').next().unwrap_or_default();
            assert!(
                page.as_str().is_some_and(|p| p.starts_with(base)),
                "the page navigated away from the app: {page}"
            );
            return;
        }
        let foreign = self.foreign_requests().await;
        let page = self.js("return location.origin", vec![]).await;
        assert!(
            foreign.is_empty(),
            "requests left the page's origin {page}: {foreign:#?}"
        );
        let base_origin = url::Url::parse(&self.base)
            .expect("QARIN_E2E_URL is a URL")
            .origin();
        assert_eq!(
            page.as_str().map(str::to_string),
            Some(base_origin.ascii_serialization()),
            "the page navigated away from the app"
        );
    }

    pub async fn assert_clean(&self) {
        self.assert_no_console_errors().await;
        self.assert_same_origin().await;
    }
}
