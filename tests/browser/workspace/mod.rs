//! "Bring your own articles": adding files (the file input, drag and drop), pasting text,
//! Windows-1256 confirmation, keeping everything across reloads, removing with undo, metadata
//! edits, hiding the bundled corpus, merges and splits, workspace export and import, storage
//! failures, and every kind of bad input, each of which must get a message naming the file while
//! nothing already loaded is lost and nothing in a document runs. Screenshots of every message go
//! to `target/screenshots/`. This file holds the texts and helpers the tests share.

mod errors;
mod export;
mod files;
mod kept;
mod suggestions;
mod tabs;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::harness::{App, UI_TIMEOUT};

/// An article written for these tests (UTF-8).
const UTF8_ARTICLE: &str = "قمة في موسكو بين بوتين وتوكاييف
استقبل الرئيس الروسي فلاديمير بوتين في موسكو يوم الخميس نظيره الكازاخستاني قاسم جومارت توكاييف، وبحث الرئيسان التعاون بين روسيا وكازاخستان.
وقال المتحدث باسم الكرملين ديمتري بيسكوف إن المحادثات تناولت الوضع في آسيا الوسطى.
";

/// Pasted into the page.
const PASTED_ARTICLE: &str = "وزير الخارجية الروسي سيرغي لافروف يزور ألماتي
وصل وزير الخارجية الروسي سيرغي لافروف إلى مدينة ألماتي، كبرى مدن كازاخستان، حيث التقى مسؤولين من منظمة معاهدة الأمن الجماعي.";

/// The text of `tests/fixtures/windows-1256.txt` (which is Windows-1256 bytes).
const CP1256_TEXT: &str = "توكاييف يعلن انسحاب قوات حفظ السلام من كازاخستان
قال الرئيس الكازاخستاني قاسم جومارت توكاييف يوم الثلاثاء إن قوات منظمة معاهدة الأمن الجماعي ستبدأ الانسحاب من البلاد خلال يومين.
وأضاف توكاييف أمام البرلمان في العاصمة نور سلطان أن الوضع في مدينة ألماتي عاد إلى الهدوء بعد أسبوع من الاضطرابات.
من جهته، قال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو مستعدة لمساعدة كازاخستان إذا طلبت ذلك.
";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A fresh scratch folder for one test's files and downloads.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qarin-workspace-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Real downloads into `dir` (headless Chromium refuses them by default).
pub(crate) async fn allow_downloads(app: &App, dir: &Path) {
    app.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.to_str().unwrap() }),
    )
    .await;
}

/// Waits for a finished download called `name` in `dir` and returns its bytes.
pub(crate) async fn wait_download(dir: &Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    let deadline = Instant::now() + UI_TIMEOUT;
    loop {
        let partial = std::fs::read_dir(dir)
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".crdownload"));
        if path.exists() && !partial {
            return std::fs::read(&path).unwrap();
        }
        assert!(Instant::now() < deadline, "no download {name} in {}", dir.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The article list: (data-doc, data-source), in order.
async fn docs(app: &App) -> Vec<(String, String)> {
    let v = app
        .js(
            "return [...document.querySelectorAll('button.doc-item')].map(b => [b.dataset.doc ?? '', b.dataset.source ?? ''])",
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("doc list")
}

async fn user_docs(app: &App) -> Vec<String> {
    docs(app).await.into_iter().filter(|(_, s)| s == "user").map(|(d, _)| d).collect()
}

/// Waits until the list holds exactly `n` of the user's articles and returns their ids.
async fn wait_user_docs(app: &App, n: usize) -> Vec<String> {
    app.wait_for(
        &format!("{n} user articles in the list"),
        UI_TIMEOUT,
        "return document.querySelectorAll('button.doc-item[data-source=user]').length === arguments[0] \
         && document.querySelector('.updating') === null",
        vec![json!(n)],
    )
    .await;
    user_docs(app).await
}

async fn mark_count(app: &App) -> usize {
    app.count("article#reader mark").await
}

async fn title(app: &App) -> String {
    app.js("return document.title", vec![]).await.as_str().unwrap_or_default().to_string()
}

/// Waits for a message of `kind` and returns (level, text, role of its region).
async fn wait_notice(app: &App, kind: &str) -> (String, String, String) {
    let v = app
        .wait_for(
            &format!("a message of kind {kind}"),
            UI_TIMEOUT,
            r#"const n = document.querySelector('#notices .notice[data-kind="' + arguments[0] + '"]');
               return n ? [n.dataset.level, n.querySelector('.notice-lines').textContent, n.parentElement.getAttribute('role')] : null;"#,
            vec![json!(kind)],
        )
        .await;
    serde_json::from_value(v).expect("notice")
}

/// A clean browser: the workspace's database deleted (the page lets go of it when asked) and
/// localStorage emptied.
async fn clear_storage(app: &App) {
    let done = app
        .js(
            "return new Promise(r => { localStorage.clear(); const q = indexedDB.deleteDatabase('qarin'); \
             q.onsuccess = () => r('deleted'); q.onerror = () => r('error'); })",
            vec![],
        )
        .await;
    assert_eq!(done, json!("deleted"));
}

async fn dismiss_all(app: &App) {
    app.js("document.querySelectorAll('#notices .notice-close').forEach(b => b.click())", vec![]).await;
    app.wait_for("the messages to go", UI_TIMEOUT, "return document.querySelectorAll('#notices .notice').length === 0", vec![])
        .await;
}

/// Drops files on the page as a user dragging them from the desktop would: `files` is a list of
/// `{name, bytes}`.
async fn drop_files(app: &App, files: Value) {
    app.js(
        r#"const dt = new DataTransfer();
           for (const f of arguments[0]) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
           const opts = {dataTransfer: dt, bubbles: true, cancelable: true};
           document.body.dispatchEvent(new DragEvent('dragenter', opts));
           document.body.dispatchEvent(new DragEvent('dragover', opts));
           document.querySelector('#reader, main#app').dispatchEvent(new DragEvent('drop', opts));"#,
        vec![files],
    )
    .await;
}

fn file_json(name: &str, bytes: &[u8]) -> Value {
    json!({ "name": name, "bytes": bytes })
}

/// The ids of the comparison table's article columns.
async fn compare_columns(app: &App) -> Vec<String> {
    app.click("button#tab-compare").await;
    app.wait_for_css("table#compare-table tbody tr").await;
    let v = app
        .js("return [...document.querySelectorAll('table#compare-table thead th[data-doc]')].map(th => th.dataset.doc)", vec![])
        .await;
    serde_json::from_value(v).unwrap()
}

/// Mentions counted in the comparison table for article `doc`.
async fn compare_count(app: &App, doc: &str) -> i64 {
    app.js(
        "return [...document.querySelectorAll('table#compare-table tbody td[data-doc=\"' + arguments[0] + '\"]')].reduce((s, td) => s + Number(td.dataset.count || 0), 0)",
        vec![json!(doc)],
    )
    .await
    .as_i64()
    .unwrap_or(0)
}

/// Has any element been created from document markup, or has any script from it run?
async fn assert_nothing_ran(app: &App, page_title: &str) {
    assert_eq!(title(app).await, page_title, "a script from a document changed the page title");
    assert_eq!(
        app.js("return window.__pwned === undefined", vec![]).await,
        json!(true),
        "a script from a document ran"
    );
    assert_eq!(app.count("#reader img, #reader script, #reader iframe, #notices img, #encoding-preview img").await, 0);
    let fetched_x = app
        .js("return performance.getEntriesByType('resource').some(e => /\\/x(\\?|$)/.test(e.name))", vec![])
        .await;
    assert_eq!(fetched_x, json!(false), "an <img src=x> from a document was loaded");
}
