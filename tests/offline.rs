//! Static hosting and offline use, in headless Chromium: the site served under a subpath, the
//! service worker answering a reload with the server gone, the single file opened from disk,
//! and a site built for a folder of one's own (`cargo xtask dist --corpus`).
//!
//! Run with `cargo xtask test`, which makes the builds and sets `QARIN_WEBDRIVER`, `QARIN_DIST`
//! (the default build), `QARIN_DIST_SUBPATH` (built with `--public-url $QARIN_SUBPATH`),
//! `QARIN_DIST_CORPUS` and `QARIN_CUSTOM_CORPUS` (built with `--corpus`). Each test serves what
//! it needs itself, with the harness's copy of xtask's static server, which it can stop.
//!
//! `bench_in_browser` is not a test: it is ignored, and `cargo xtask bench` runs it to take the
//! browser measurements (it prints them; it asserts nothing about timings).
//!
//! `prerendered_article_until_the_app_is_ready` checks the first article prerendered into the
//! default build (`QARIN_DIST`) at build time, and that the app replaces it once ready.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::serve::{Running, Server};
use common::{browser_test_at, App, READY_TIMEOUT, UI_TIMEOUT};
use serde_json::{json, Value};

fn env_path(name: &str) -> PathBuf {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => PathBuf::from(v),
        _ => panic!(
            "{name} is not set: run the static-hosting tests with `cargo xtask test`, which makes \
             the builds they need"
        ),
    }
}

/// Serves `dir` on a free port of 127.0.0.1, mounted at `prefix`.
fn serve(dir: &Path, prefix: &str) -> Running {
    Server::bind(dir, Some(0), false)
        .unwrap_or_else(|e| panic!("cannot serve {}: {e}", dir.display()))
        .with_prefix(prefix)
        .start()
}

fn subpath() -> String {
    std::env::var("QARIN_SUBPATH").unwrap_or_else(|_| "/qarin/".into())
}

/// Percent-encodes a hash parameter value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Waits for highlighted mentions in the reader; returns (data-entity, data-start) of the first.
async fn first_mark(app: &App) -> (String, String) {
    let v = app
        .wait_for(
            "a highlighted mention in the reader",
            UI_TIMEOUT,
            "const m = document.querySelector('article#reader mark[data-entity]'); \
             return m ? [m.dataset.entity, m.dataset.start ?? ''] : null",
            vec![],
        )
        .await;
    (
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_str().unwrap_or_default().to_string(),
    )
}

/// Clicks the first mark of the reader and waits for the entity panel to show its entity.
async fn click_first_mark(app: &App) -> String {
    let (entity, start) = first_mark(app).await;
    app.click(&format!("article#reader mark[data-start={}]", json!(start)))
        .await;
    wait_panel(app, &entity).await;
    entity
}

async fn wait_panel(app: &App, entity: &str) {
    app.wait_for(
        &format!("the entity panel for {entity}"),
        UI_TIMEOUT,
        "return document.querySelector('aside#entity-panel[data-entity=' + JSON.stringify(arguments[0]) + ']') !== null",
        vec![json!(entity)],
    )
    .await;
}

async fn doc_ids(app: &App) -> Vec<String> {
    let v = app
        .js(
            "return [...document.querySelectorAll('button.doc-item')].map(b => b.dataset.doc ?? '')",
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("doc ids")
}

/// Every URL the page loaded (navigation and resources), data: and blob: aside.
async fn loaded_urls(app: &App) -> Vec<String> {
    let v = app
        .js(
            r#"return [location.href]
                 .concat(performance.getEntriesByType('resource').map(e => e.name))
                 .filter(u => !/^(data|blob):/.test(u));"#,
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("URLs")
}

/// The site built for `/qarin/` works when served there: every file comes from under the
/// subpath, the articles get their highlights, hash deep links restore the view, and the
/// manifest, icons and service worker are served from the subpath too.
#[tokio::test]
async fn site_works_under_a_subpath() {
    let server = serve(&env_path("QARIN_DIST_SUBPATH"), &subpath());
    let base = server.url().to_string();
    assert!(base.ends_with(&subpath()), "{base}");
    browser_test_at("subpath", &base, move |app| async move {
        let (entity, _) = first_mark(&app).await;
        for url in loaded_urls(&app).await {
            assert!(url.starts_with(&app.base), "{url} is not under {}", app.base);
        }
        let csp = app
            .attr("meta[http-equiv=Content-Security-Policy]", "content")
            .await
            .expect("a Content-Security-Policy meta");
        assert!(csp.contains("connect-src 'self'") && csp.contains("default-src 'self'"), "{csp}");
        // The policy at work: a request to another origin (same server, named `localhost`) and
        // an inline script are both refused.
        let mut other = url::Url::parse(&app.base).unwrap();
        other.set_host(Some("localhost")).unwrap();
        let refused = app
            .js(
                r#"const fetched = await fetch(arguments[0], {mode: 'no-cors'}).then(() => 'loaded', () => 'refused');
                   window.__inline = 'blocked';
                   const s = document.createElement('script');
                   s.textContent = "window.__inline = 'ran'";
                   document.head.append(s);
                   await new Promise(r => setTimeout(r, 50));
                   return [fetched, window.__inline];"#,
                vec![json!(other.join("index.html?csp-probe").unwrap().to_string())],
            )
            .await;
        assert_eq!(refused, json!(["refused", "blocked"]));
        let violations = app.browser_logs().await;
        assert!(
            violations.iter().filter(|e| e.message.contains("Content Security Policy")).count() >= 2,
            "no CSP violation reported: {violations:#?}"
        );

        // Deep links: the comparison with an entity, then an article with it.
        app.open(&format!("#view=compare&entity={}", enc(&entity))).await;
        app.wait_for_css("table#compare-table tbody tr").await;
        assert!(app.visible("table#compare-table").await, "compare view not shown");
        wait_panel(&app, &entity).await;
        let ids = doc_ids(&app).await;
        let doc = ids.last().expect("articles").clone();
        app.open(&format!("#view=reader&doc={}&entity={}", enc(&doc), enc(&entity)))
            .await;
        app.wait_for(
            "the reader to show the linked article",
            UI_TIMEOUT,
            "return document.querySelector('article#reader')?.dataset.doc === arguments[0]",
            vec![json!(doc)],
        )
        .await;
        wait_panel(&app, &entity).await;
        let params = app.hash_params().await;
        assert_eq!(params.get("doc"), Some(&doc), "{params:?}");

        // The web app manifest and what it points at, from the subpath.
        let manifest = app
            .js(
                r#"const r = await fetch('manifest.webmanifest');
                   const m = await r.json();
                   const icons = await Promise.all(m.icons.map(async i => {
                     const f = await fetch(new URL(i.src, r.url));
                     return [f.url, f.status, f.headers.get('content-type')];
                   }));
                   const sw = await fetch('sw.js');
                   return {url: r.url, start: new URL(m.start_url, r.url).href, icons,
                           sw: [sw.status, (await sw.text()).includes('__QARIN_') ? 'template' : 'filled']};"#,
                vec![],
            )
            .await;
        assert_eq!(manifest["start"], json!(app.base), "{manifest}");
        let icons = manifest["icons"].as_array().expect("icons");
        assert!(icons.len() >= 3, "{manifest}");
        for icon in icons {
            assert_eq!(icon[1], json!(200), "{icon}");
            assert!(icon[0].as_str().unwrap().starts_with(&app.base), "{icon}");
        }
        assert_eq!(manifest["sw"], json!([200, "filled"]), "{manifest}");
        app.screenshot("subpath").await;
    })
    .await;
    drop(server);
}

/// After one visit the service worker has every file: with the server stopped, a reload still
/// shows the app, with highlights, and clicking a name opens its panel.
#[tokio::test]
async fn service_worker_serves_the_app_offline() {
    let mut server = serve(&env_path("QARIN_DIST_SUBPATH"), &subpath());
    let base = server.url().to_string();
    let addr = server.addr();
    browser_test_at("offline", &base, move |app| async move {
        first_mark(&app).await;
        // Registered by register-sw.js on load; activation claims the page, and only happens
        // once every file is cached.
        let state = app
            .wait_for(
                "the service worker to control the page",
                READY_TIMEOUT,
                "return navigator.serviceWorker.controller ? navigator.serviceWorker.controller.state : null",
                vec![],
            )
            .await;
        assert_eq!(state, json!("activated"));
        let cached = app
            .js(
                r#"const keys = await caches.keys();
                   const mine = keys.filter(k => k.startsWith('qarin:' + location.origin));
                   const c = await caches.open(mine[0]);
                   return {caches: mine, files: (await c.keys()).map(r => r.url)};"#,
                vec![],
            )
            .await;
        assert_eq!(cached["caches"].as_array().map(Vec::len), Some(1), "{cached}");
        let files = cached["files"].as_array().expect("cached files");
        assert!(
            files.iter().any(|f| f.as_str().is_some_and(|f| f.ends_with(".wasm"))),
            "no wasm in the cache: {cached}"
        );

        tokio::task::spawn_blocking(move || server.stop())
            .await
            .expect("stop the server");
        assert!(
            std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err(),
            "the server still accepts connections"
        );

        app.reload().await;
        let entity = click_first_mark(&app).await;
        assert!(!entity.is_empty());
        // Everything came from the service worker's cache.
        let sources = app
            .js(
                r#"return performance.getEntriesByType('resource')
                     .filter(e => !/^(data|blob):/.test(e.name))
                     .map(e => [e.name, e.workerStart > 0 || e.deliveryType === 'cache-storage' || e.transferSize === 0]);"#,
                vec![],
            )
            .await;
        for entry in sources.as_array().expect("resources") {
            assert_eq!(entry[1], json!(true), "not from the service worker: {entry}");
        }
        let nav = app
            .js(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.workerStart > 0 : null",
                vec![],
            )
            .await;
        assert_eq!(nav, json!(true), "the page itself did not come through the service worker");
        app.screenshot("offline-reload").await;
    })
    .await;
}

/// `dist/qarin-offline.html`, opened from disk: the app starts (wasm from the inlined bytes),
/// shows highlights, the entity panel opens, nothing is loaded from anywhere, no console error.
#[tokio::test]
async fn single_file_works_from_disk() {
    let file = env_path("QARIN_DIST").join("qarin-offline.html");
    assert!(file.is_file(), "{} is missing", file.display());
    let url = url::Url::from_file_path(file.canonicalize().unwrap())
        .expect("a file URL")
        .to_string();
    browser_test_at("single-file", &url, |app| async move {
        assert_eq!(app.js("return location.protocol", vec![]).await, json!("file:"));
        click_first_mark(&app).await;
        assert!(
            app.count("aside#entity-panel ol.kwic li").await > 0,
            "the entity panel lists no mention"
        );
        let fonts = app
            .js(
                "return document.fonts.ready.then(() => document.fonts.check('16px \"Qarin Naskh\"', 'قارن'))",
                vec![],
            )
            .await;
        assert_eq!(fonts, json!(true), "the inlined webfont is not usable");
        assert_eq!(
            app.count("script[src], link[rel=stylesheet], link[rel=modulepreload]").await,
            0,
            "the single file refers to other files"
        );
        app.screenshot("single-file").await;
    })
    .await;
}

/// A site built with `--corpus DIR` shows that folder's articles, and only them.
#[tokio::test]
async fn site_for_a_folder_of_ones_own() {
    let corpus = env_path("QARIN_CUSTOM_CORPUS");
    let mut expected: Vec<(String, String)> = std::fs::read_dir(&corpus)
        .expect("the corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(expected.len(), 2, "the test corpus has two articles");
    let server = serve(&env_path("QARIN_DIST_CORPUS"), &subpath());
    let base = server.url().to_string();
    browser_test_at("custom-corpus", &base, move |app| async move {
        let mut ids = doc_ids(&app).await;
        ids.sort();
        let want: Vec<String> = expected.iter().map(|(id, _)| id.clone()).collect();
        assert_eq!(ids, want, "the article list is not the folder's");
        for (id, text) in &expected {
            app.click(&format!("button.doc-item[data-doc={}]", json!(id))).await;
            let shown = app
                .wait_for(
                    &format!("the reader to show {id}"),
                    UI_TIMEOUT,
                    "const r = document.querySelector('article#reader'); \
                     return r && r.dataset.doc === arguments[0] ? r.textContent : null",
                    vec![json!(id)],
                )
                .await;
            assert_eq!(shown.as_str(), Some(text.as_str()), "{id}: the reader's text");
            let marks = app.count("article#reader mark").await;
            assert!(marks >= 2, "{id}: only {marks} highlighted names");
        }
        let list = app
            .js(
                "return [...document.querySelectorAll('button.doc-item')].map(b => b.textContent).join(' ')",
                vec![],
            )
            .await;
        assert!(
            list.as_str().is_some_and(|t| t.contains("Fixture A") && t.contains("Fixture B")),
            "meta.json's outlets are not in the article list: {list}"
        );
        app.screenshot("custom-corpus").await;
    })
    .await;
    drop(server);
}

/// Installed before the page's scripts (CDP `Page.addScriptToEvaluateOnNewDocument`): records,
/// in `window.__qarinPrerender.seen`, what the page held when the prerendered article's first
/// highlighted name appeared.
const PRERENDER_WATCH: &str = r#"(() => {
  const out = { seen: null };
  window.__qarinPrerender = out;
  const check = () => {
    if (out.seen || !document.querySelector('#prerender article#reader-static mark')) return;
    out.seen = {
      app: document.querySelector('main#app') !== null,
      reader: document.querySelector('article#reader') !== null,
      scripts_run: typeof window.wasmBindings !== 'undefined',
    };
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();"#;

/// The marks and text of the prerendered article in the HTML as served (parsed without running
/// anything), and of the live reader: `{doc, text, marks: [[start, end, type, entity], …]}`.
const READER_MARKS: &str = r#"
  const read = (article) => article && {
    doc: article.dataset.doc,
    text: article.textContent,
    marks: [...article.querySelectorAll('mark')].map(m => [m.dataset.start, m.dataset.end, m.dataset.type, m.dataset.entity]),
  };
  const html = await (await fetch(location.href.split('#')[0], { cache: 'no-store' })).text();
  const served = new DOMParser().parseFromString(html, 'text/html');
  return {
    served: read(served.querySelector('#prerender article#reader-static')),
    live: read(document.querySelector('article#reader')),
    prerender_left: document.getElementById('prerender') !== null,
  };"#;

/// The first article is in the built page itself, prerendered at build time by `qarin prerender`
/// (`cargo xtask dist`): in index.html and in the single file, with its highlighted names, no
/// script or style of its own, and never the live app's ids. Before the app: the page shows it
/// (right to left, in the webfont, names coloured) as a layer over the whole viewport. With the
/// app: it is on screen before the app has mounted anything, and once the app is ready
/// (`main#app[data-ready=true]`) it is gone and the live reader shows the same article with the
/// same names at the same offsets (the native build's analysis = the wasm's).
#[tokio::test]
async fn prerendered_article_until_the_app_is_ready() {
    let dist = env_path("QARIN_DIST");
    let index = std::fs::read_to_string(dist.join("index.html")).expect("dist/index.html");
    let body = &index[index.find("<body>").expect("<body> in index.html")..];
    assert!(
        body.starts_with("<body><div id=\"prerender\" class=\"prerender\""),
        "the prerender does not open <body>: {}",
        &body[..body.len().min(300)]
    );
    let block = &body[..body.find("</body>").expect("</body>")];
    assert!(block.contains("<article class=\"reader reader-text\" id=\"reader-static\""), "{block}");
    assert!(block.contains("dir=\"rtl\" lang=\"ar\""), "{block}");
    assert!(block.matches("<mark data-type=").count() >= 5, "too few marks: {block}");
    for banned in ["<style", " style=", " onclick", "id=\"reader\"", "id=\"app\""] {
        assert!(!block.contains(banned), "the prerender holds {banned:?}");
    }
    // One script only, last in the layer: the gate that hides the article for other links.
    assert_eq!(block.matches("<script").count(), 1, "{block}");
    assert!(block.ends_with("</script></div>"), "{}", &block[block.len().saturating_sub(300)..]);
    assert!(block.contains("Loading the explorer"), "no loading line");
    let single = std::fs::read_to_string(dist.join("qarin-offline.html")).expect("the single file");
    let (pre, wasm) = (
        single.find("<div id=\"prerender\"").expect("no prerender in the single file"),
        single.find("id=\"qarin-wasm\"").expect("no wasm block in the single file"),
    );
    assert!(pre < wasm, "the single file's prerender comes after its 2 MB of wasm");
    assert!(single[pre..].contains("id=\"reader-static\""));

    let server = serve(&dist, "/");
    let base = server.url().to_string();

    // What the user sees before the app runs: the wasm blocked, only the built page shows.
    let app = App::launch("prerender-static", &base).await;
    app.cdp("Network.enable", json!({})).await;
    app.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }))
        .await;
    app.client.goto(&base).await.expect("open the page");
    let look = app
        .wait_for(
            "the prerendered article, laid out, in the webfont",
            READY_TIMEOUT,
            r#"if (document.readyState !== 'complete') return null;
               return document.fonts.ready.then(() => {
                 const layer = document.getElementById('prerender');
                 const article = document.querySelector('#prerender article#reader-static');
                 const mark = article && article.querySelector('mark[data-type]');
                 if (!mark) return null;
                 const r = layer.getBoundingClientRect();
                 const cs = getComputedStyle(article);
                 return {
                   position: getComputedStyle(layer).position,
                   covers: r.top <= 0 && r.left <= 0 && r.width >= innerWidth && r.height >= innerHeight,
                   direction: cs.direction,
                   white_space: cs.whiteSpace,
                   family: cs.fontFamily,
                   font: document.fonts.check('16px "Qarin Naskh"', 'قارن'),
                   mark_bg: getComputedStyle(mark).backgroundColor,
                   reader: document.querySelector('article#reader') !== null,
                 };
               });"#,
            vec![],
        )
        .await;
    app.screenshot("prerender-before-app").await;

    // A link to another view, or to another article, shows the loading bar and not the first
    // article's text (which would only flash before the app shows what was asked for); a link
    // to the prerendered article itself shows it.
    let served_doc = app
        .js("return document.getElementById('reader-static').dataset.doc", vec![])
        .await;
    let served_doc = served_doc.as_str().expect("data-doc on the prerendered article").to_string();
    let link = |hash: String| format!("{base}{hash}");
    for (hash, shown) in [
        ("#view=compare&entity=x".to_string(), false),
        ("#view=facts".to_string(), false),
        ("#view=reader&doc=another-article".to_string(), false),
        (format!("#view=reader&doc={served_doc}"), true),
        ("#view=nope".to_string(), true),
    ] {
        app.client.goto("about:blank").await.expect("about:blank");
        app.client.goto(&link(hash.clone())).await.expect("open the link");
        let look = app
            .wait_for(
                "the prerendered layer of a link",
                READY_TIMEOUT,
                r#"if (document.readyState !== 'complete') return null;
                   const layer = document.getElementById('prerender');
                   const article = document.getElementById('reader-static');
                   const bar = document.querySelector('#prerender .prerender-status');
                   return {
                     article: !!article && article.getBoundingClientRect().height > 0,
                     bar: !!bar && bar.getBoundingClientRect().height > 0,
                     elsewhere: layer.classList.contains('elsewhere'),
                   };"#,
                vec![],
            )
            .await;
        assert_eq!(look["article"], json!(shown), "{hash}: {look}");
        assert_eq!(look["elsewhere"], json!(!shown), "{hash}: {look}");
        assert_eq!(look["bar"], json!(true), "{hash}: the loading bar is hidden: {look}");
        if hash.starts_with("#view=compare") {
            app.screenshot("prerender-other-view").await;
        }
    }
    app.close().await;
    assert_eq!(look["position"], json!("fixed"), "{look}");
    assert_eq!(look["covers"], json!(true), "the layer does not cover the viewport: {look}");
    assert_eq!(look["direction"], json!("rtl"), "{look}");
    assert_eq!(look["white_space"], json!("pre-wrap"), "{look}");
    assert!(look["family"].as_str().is_some_and(|f| f.contains("Qarin Naskh")), "{look}");
    assert_eq!(look["font"], json!(true), "the webfont is not loaded: {look}");
    let bg = look["mark_bg"].as_str().unwrap_or_default();
    assert!(!bg.is_empty() && bg != "rgba(0, 0, 0, 0)" && bg != "transparent", "uncoloured mark: {look}");
    assert_eq!(look["reader"], json!(false), "{look}");

    // With the app: the prerender first, then the live reader in its place.
    browser_test_at("prerender", &base, move |app| async move {
        app.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PRERENDER_WATCH }),
        )
        .await;
        app.open("").await;
        let seen = app.js("return window.__qarinPrerender && window.__qarinPrerender.seen", vec![]).await;
        assert_eq!(
            seen,
            json!({ "app": false, "reader": false, "scripts_run": false }),
            "the prerendered article was not the first thing shown"
        );
        app.wait_for(
            "the app to remove #prerender once its views have the analysis",
            UI_TIMEOUT,
            "return document.getElementById('prerender') === null",
            vec![],
        )
        .await;
        first_mark(&app).await;
        let both = app.js(READER_MARKS, vec![]).await;
        assert_eq!(both["prerender_left"], json!(false), "{both}");
        let (served, live) = (&both["served"], &both["live"]);
        assert!(served.is_object(), "no prerendered article in the HTML as served: {both}");
        assert_eq!(served["doc"], live["doc"], "the prerender is not the article the app opens");
        assert_eq!(served["text"], live["text"], "the prerendered text differs from the reader's");
        assert!(served["marks"].as_array().is_some_and(|m| m.len() >= 5), "{served}");
        assert_eq!(served["marks"], live["marks"], "the prerendered names differ from the app's");
        app.screenshot("prerender-replaced").await;
    })
    .await;
    drop(server);
}

// ---------------------------------------------------------------------------------------------
// Measurements for `cargo xtask bench`.

fn bench_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run `cargo xtask bench`"))
}

/// Installed before any of the page's scripts run (CDP `Page.addScriptToEvaluateOnNewDocument`):
/// watches the DOM and records, in `window.__qarinBench`, when `probe` first holds
/// (`performance.now()`, i.e. ms since navigation start) and when the next frame starts, the
/// first that can show it.
fn observer(probe: &str) -> String {
    format!(
        r#"(() => {{
  const probe = () => {{ try {{ return !!({probe}); }} catch (e) {{ return false; }} }};
  const out = {{ dom: null, frame: null, started: null, longest: 0 }};
  window.__qarinBench = out;
  // The longest main-thread task before the probe held (analysis and rendering block the page).
  try {{
    new PerformanceObserver((list) => {{
      for (const e of list.getEntries()) {{
        if (out.dom === null || e.startTime < out.dom) out.longest = Math.max(out.longest, e.duration);
      }}
    }}).observe({{ type: 'longtask', buffered: true }});
  }} catch (e) {{}}
  // trunk's loader fires this once the wasm module is instantiated and `main` has run.
  addEventListener('TrunkApplicationStarted', () => {{ out.started = performance.now(); }});
  const check = () => {{
    if (out.dom !== null || !probe()) return;
    out.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {{ out.frame = performance.now(); }});
  }};
  const observer = new MutationObserver(check);
  observer.observe(document, {{ childList: true, subtree: true, attributes: true, characterData: true }});
}})();"#
    )
}

/// One fresh session (new profile: nothing cached) that loads `url` and reports when `probe`
/// became true (`frame`), and for the app when the wasm file had arrived (`wasm`), when the
/// module was instantiated and `main` had run (`started`), all in ms from navigation start, and
/// the longest main-thread task before that (`longest`, ms).
async fn time_to(name: &str, base: &str, url: &str, probe: &str) -> Value {
    let app = App::launch(name, base).await;
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": observer(probe) }),
    )
    .await;
    app.client.goto(url).await.expect("open the page");
    let v = app
        .wait_for(
            &format!("{probe} on {url}"),
            READY_TIMEOUT,
            "const b = window.__qarinBench; if (!b || !b.frame) return null; \
             const w = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm')); \
             const m = (n) => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : null; }; \
             return { frame: b.frame, started: b.started, wasm: w ? w.responseEnd : null, \
                      longest: w ? b.longest : null, main: m('qarin:main'), \
                      analysis_start: m('qarin:analysis-start'), analysis_end: m('qarin:analysis-end'), \
                      data_set: m('qarin:data-set') };",
            vec![],
        )
        .await;
    app.close().await;
    v
}

async fn heap(app: &App) -> (f64, f64) {
    app.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let usage = app.cdp("Runtime.getHeapUsage", json!({})).await;
    let wasm = app
        .js("return window.wasmBindings.qarin_memory_bytes()", vec![])
        .await;
    (
        usage["usedSize"].as_f64().unwrap_or(f64::NAN),
        wasm.as_f64().unwrap_or(f64::NAN),
    )
}

#[tokio::test]
#[ignore = "measurements, run by `cargo xtask bench`"]
async fn bench_in_browser() {
    let base = bench_env("QARIN_BENCH_URL");
    let dir = PathBuf::from(bench_env("QARIN_BENCH_DIR"));
    let runs: usize = bench_env("QARIN_BENCH_RUNS")
        .parse()
        .expect("a number of runs");
    let sizes: Vec<usize> = bench_env("QARIN_BENCH_SIZES")
        .split(',')
        .map(|n| n.parse().expect("a corpus size"))
        .collect();
    let pages = [
        ("floor_ms", format!("{base}plain.html"), "document.querySelector('article p')"),
        // The first highlighted mention the user sees: the one prerendered at build time into
        // the page (article#reader-static), or the live reader's if there is no prerender.
        (
            "first_ms",
            base.clone(),
            "document.querySelector('article#reader-static mark, article#reader mark')",
        ),
        // The live app's own first mark: wasm loaded, compiled, the articles analysed, rendered.
        ("mark_ms", base.clone(), "document.querySelector('article#reader mark')"),
        (
            "table_ms",
            format!("{base}#view=compare"),
            "document.querySelector('main#app[data-ready=true]') && document.querySelector('table#compare-table tbody tr')",
        ),
    ];
    // Interleaved (floor, first, mark, table, floor, …) so that a slow moment of the shared machine
    // does not fall on one page only.
    let mut times: Vec<Vec<Value>> = vec![Vec::new(); pages.len()];
    for run in 0..runs {
        for (i, (key, url, probe)) in pages.iter().enumerate() {
            let t = time_to(&format!("bench-{key}-{run}"), &base, url, probe).await;
            eprintln!("bench: {key} run {run}: {t}");
            times[i].push(t);
        }
    }
    for ((key, _, _), t) in pages.iter().zip(&times) {
        for (field, suffix) in [
            ("frame", ""),
            ("wasm", "_wasm"),
            ("started", "_started"),
            ("longest", "_longest"),
            ("main", "_main"),
            ("analysis_start", "_analysis_start"),
            ("analysis_end", "_analysis_end"),
            ("data_set", "_data_set"),
        ] {
            let list: Vec<String> = t
                .iter()
                .filter_map(|v| v[field].as_f64())
                .map(|v| format!("{v:.1}"))
                .collect();
            if !list.is_empty() {
                println!("\nQARIN_BENCH {key}{suffix} {}", list.join(" "));
            }
        }
    }

    for n in sizes {
        let docs = std::fs::read_to_string(dir.join(format!("docs-{n}.json")))
            .expect("the fixture written by cargo xtask bench");
        let app = App::launch(&format!("bench-scale-{n}"), &base).await;
        app.open("").await;
        let (heap_before, wasm_before) = heap(&app).await;
        // Held by the page, as the app holds the articles it shows.
        app.js(
            "window.__qarinDocs = arguments[0]; return true",
            vec![json!(docs)],
        )
        .await;
        let mut ms = Vec::new();
        let mut tokens = Value::Null;
        for _ in 0..5 {
            let r = app
                .js(
                    "const t0 = performance.now(); \
                     const tokens = window.wasmBindings.qarin_bench(window.__qarinDocs); \
                     return [performance.now() - t0, tokens];",
                    vec![],
                )
                .await;
            ms.push(format!("{:.1}", r[0].as_f64().expect("ms")));
            tokens = r[1].clone();
        }
        // As the app runs it: in slices, yielding to the page; the longest task meanwhile.
        let mut sliced = Vec::new();
        let mut longest = Vec::new();
        let mut slice = Vec::new();
        let mut slices = 0.0;
        for _ in 0..3 {
            let r = app
                .js(
                    "const seen = []; \
                     const obs = new PerformanceObserver(l => { for (const e of l.getEntries()) seen.push(e.duration); }); \
                     obs.observe({ type: 'longtask' }); \
                     return window.wasmBindings.qarin_bench_sliced(window.__qarinDocs).then(r => \
                       new Promise(res => setTimeout(() => { obs.disconnect(); \
                         res([r[0], r[1], seen.length ? Math.max(...seen) : 0, r[2]]); }, 100)));",
                    vec![],
                )
                .await;
            sliced.push(format!("{:.1}", r[0].as_f64().expect("ms")));
            longest.push(format!("{:.1}", r[2].as_f64().unwrap_or(0.0)));
            slice.push(format!("{:.1}", r[3].as_f64().unwrap_or(0.0)));
            slices = r[1].as_f64().unwrap_or(0.0);
        }
        let (heap_after, wasm_after) = heap(&app).await;
        app.close().await;
        eprintln!("bench: {n} articles: {tokens} tokens, {ms:?} ms, sliced {sliced:?} ms, longest task {longest:?} ms");
        println!(
            "\nQARIN_BENCH scale-{n} tokens={tokens} ms={} sliced_ms={} longest_ms={} slice_ms={} slices={slices} heap_before={heap_before} heap_after={heap_after} wasm_before={wasm_before} wasm_after={wasm_after}",
            ms.join(","),
            sliced.join(","),
            longest.join(","),
            slice.join(",")
        );
    }
}
