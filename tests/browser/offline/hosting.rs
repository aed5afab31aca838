//! The site under a subpath, offline through the service worker, the single file from disk, and
//! a site built for a folder of one's own.

use std::time::Duration;

use serde_json::json;

use super::{enc, env_path, loaded_urls, serve, subpath};
use crate::harness::{browser_test_at, READY_TIMEOUT, UI_TIMEOUT};
use crate::page::{click_first_mark, doc_ids, first_mark, wait_panel};

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
        // The worker's script is found under the subpath too.
        app.wait_for("the analysis, in the worker", UI_TIMEOUT, "return window.wasmBindings?.qarin_analysis_in_worker?.() === true", vec![]).await;
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

/// A copy of `from` in `to` (files and folders).
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A new build deployed while a visitor has the old one: the service worker installs it and the
/// page offers to reload (it does not keep running the old version silently); reloading shows
/// the new one.
#[tokio::test]
async fn a_new_version_is_offered_after_a_rebuild() {
    let dir = std::env::temp_dir().join(format!("qarin-update-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&env_path("QARIN_DIST_SUBPATH"), &dir);
    let server = serve(&dir, &subpath());
    let base = server.url().to_string();
    let site = dir.clone();
    browser_test_at("update", &base, move |app| async move {
        first_mark(&app).await;
        app.wait_for("the service worker to control the page", READY_TIMEOUT, "return navigator.serviceWorker.controller?.state === 'activated'", vec![])
            .await;
        assert_eq!(app.count("#notices .notice[data-kind=update]").await, 0, "the first install is not an update");
        // "Deploy" a new build: the worker script and the page change.
        let sw = site.join("sw.js");
        let text = std::fs::read_to_string(&sw).unwrap().replace("const VERSION = '", "const VERSION = 'new-");
        std::fs::write(&sw, text).unwrap();
        app.js("const r = await navigator.serviceWorker.getRegistration(); await r.update(); return true", vec![]).await;
        app.wait_for("the offer to reload", UI_TIMEOUT, "return document.querySelector('#notices .notice[data-kind=update] button.notice-action') !== null", vec![])
            .await;
        let said = app.js("return document.querySelector('#notices .notice[data-kind=update]').textContent", vec![]).await;
        assert!(said.as_str().is_some_and(|t| t.contains("new version")), "{said}");
        app.screenshot("update-offered").await;
        app.js("window.__old = true; return true", vec![]).await;
        app.click("#notices .notice[data-kind=update] button.notice-action").await;
        app.wait_for(
            "the reloaded page",
            READY_TIMEOUT,
            "return window.__old === undefined && document.querySelector('main#app')?.getAttribute('data-ready') === 'true'",
            vec![],
        )
        .await;
        let version = app
            .js("const keys = await caches.keys(); return keys.filter(k => k.startsWith('qarin:')).map(k => k.split(':').pop())", vec![])
            .await;
        assert!(version.as_array().is_some_and(|v| v.len() == 1 && v[0].as_str().is_some_and(|k| k.starts_with("new-"))), "{version}");
        assert_eq!(app.count("#notices .notice[data-kind=update]").await, 0, "no offer after the reload");
    })
    .await;
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
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
        // The analysis ran in a worker even from disk (its source is carried in the page and
        // started from a `blob:` URL).
        app.wait_for("the analysis, in the worker", UI_TIMEOUT, "return window.wasmBindings?.qarin_analysis_in_worker?.() === true", vec![]).await;
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
