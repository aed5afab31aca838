//! The first article, prerendered into the built page by `cargo xtask dist`: shown before the app
//! runs, and replaced by the live reader with the same text and names once the app is ready.

use serde_json::json;

use super::{env_path, serve};
use crate::harness::{browser_test_at, App, READY_TIMEOUT, UI_TIMEOUT};
use crate::page::first_mark;

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
    // Each mark's code point offsets, where its text stands in the article's, and its type (the
    // prerender's marks carry no offsets and no entity; the live reader's are checked in `reader`).
    marks: (() => {
      const out = []; let at = 0;
      const walk = (node) => { for (const c of node.childNodes) {
        if (c.nodeType === 3) at += [...c.data].length;
        else if (c.tagName === 'MARK') { const n = [...c.textContent].length; out.push([at, at + n, c.dataset.type]); at += n; }
        else walk(c);
      } };
      walk(article);
      return out;
    })(),
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

    // A return visit: the first view the app kept (`src/snapshot.rs`) replaces the bundled
    // article, as text and typed marks only (a tag in the text stays text; an unknown type is no
    // mark), unless the link asks for another article.
    let snapshot = json!({
        "v": 1, "doc": "mine", "file": "mine.txt", "names": "2 names",
        "runs": [["قال ", 0], ["بوتين", 1], [" في <img src=x onerror=alert(1)> ", 0], ["موسكو", 2], [" و", 0], ["غير", 9], ["ها", "length"], ["\n", 0]]
    });
    app.js("localStorage.setItem('qarin-first-view', JSON.stringify(arguments[0]))", vec![snapshot]).await;
    for (hash, doc) in [("", "mine"), ("#doc=mine", "mine"), (&*format!("#doc={served_doc}"), served_doc.as_str())] {
        app.client.goto("about:blank").await.expect("about:blank");
        app.client.goto(&link(hash.to_string())).await.expect("open the page again");
        let kept = app
            .wait_for(
                "the kept first view",
                READY_TIMEOUT,
                r#"if (document.readyState !== 'complete') return null;
                   const a = document.getElementById('reader-static');
                   return {
                     doc: a.dataset.doc,
                     text: a.textContent,
                     marks: [...a.querySelectorAll('mark')].map(m => [m.dataset.type, m.textContent]),
                     images: document.querySelectorAll('#prerender img').length,
                     file: document.querySelector('#prerender .file-name').textContent,
                     elsewhere: document.getElementById('prerender').classList.contains('elsewhere'),
                   };"#,
                vec![],
            )
            .await;
        assert_eq!(kept["doc"], json!(doc), "{hash}: {kept}");
        assert_eq!(kept["elsewhere"], json!(false), "{hash}: {kept}");
        if doc == "mine" {
            assert_eq!(kept["text"], json!("قال بوتين في <img src=x onerror=alert(1)> موسكو وغيرها\n"), "{kept}");
            assert_eq!(kept["marks"], json!([["PER", "بوتين"], ["LOC", "موسكو"]]), "{kept}");
            assert_eq!(kept["images"], json!(0), "{kept}");
            assert_eq!(kept["file"], json!("mine.txt"), "{kept}");
        }
        if hash.is_empty() {
            app.screenshot("prerender-kept-first-view").await;
        }
    }
    app.js("localStorage.removeItem('qarin-first-view')", vec![]).await;
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
        // The app keeps its first article's opening for the next visit's first view.
        let kept = app.js("return JSON.parse(localStorage.getItem('qarin-first-view'))", vec![]).await;
        let both = app.js(READER_MARKS, vec![]).await;
        assert_eq!(kept["doc"], both["live"]["doc"], "the kept first view is not the app's first article: {kept}");
        assert!(kept["runs"].as_array().is_some_and(|r| r.iter().filter(|r| r[1] != json!(0)).count() >= 5), "{kept}");
        assert_eq!(both["prerender_left"], json!(false), "{both}");
        let (served, live) = (&both["served"], &both["live"]);
        assert!(served.is_object(), "no prerendered article in the HTML as served: {both}");
        assert_eq!(served["doc"], live["doc"], "the prerender is not the article the app opens");
        assert_eq!(served["text"], live["text"], "the prerendered text differs from the reader's");
        assert!(served["marks"].as_array().is_some_and(|m| m.len() >= 5), "{served}");
        assert_eq!(served["marks"], live["marks"], "the prerendered names differ from the app's");
        app.screenshot("prerender-replaced").await;
        // A type the reader hides is plain text in the kept view too.
        app.click("#legend input[data-type-toggle=PER]").await;
        app.wait_for(
            "the kept first view without people",
            UI_TIMEOUT,
            "const k = JSON.parse(localStorage.getItem('qarin-first-view') || 'null');
             return k && k.runs.every(r => r[1] !== 1) && k.runs.some(r => r[1] === 2);",
            vec![],
        )
        .await;
        assert!(kept["runs"].as_array().is_some_and(|r| r.iter().any(|r| r[1] == json!(1))), "the article names people: {kept}");
        app.click("#legend input[data-type-toggle=PER]").await;
    })
    .await;
    drop(server);
}
