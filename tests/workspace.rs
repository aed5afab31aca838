//! End-to-end tests of "bring your own articles" in headless Chromium: adding files (the file
//! input, drag and drop), pasting text, Windows-1256 confirmation, keeping everything across
//! reloads, removing with undo, metadata edits, hiding the bundled corpus, merges and splits,
//! workspace export and import, storage failures, and every kind of bad input, each of which must
//! get a message naming the file while nothing already loaded is lost and nothing in a document
//! runs.
//!
//! Run with `cargo xtask test` (it sets `QARIN_E2E_URL` and `QARIN_WEBDRIVER`), or by hand against
//! a served `dist/` and a chromedriver:
//! `cargo test -p qarin-app --test workspace -- --test-threads=1`.
//! Screenshots of every message go to `target/screenshots/`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{browser_test, corpus, App, UI_TIMEOUT};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Locator;
use serde_json::{json, Value};

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

fn attr_sel(name: &str, value: &str) -> String {
    format!("[{name}={}]", json!(value))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A fresh scratch folder for one test's files and downloads.
fn scratch(name: &str) -> PathBuf {
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

/// chromedriver's CDP passthrough: `POST /session/{id}/goog/cdp/execute {cmd, params}`.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.expect("a session")))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

/// Real downloads into `dir` (headless Chromium refuses them by default).
async fn allow_downloads(app: &App, dir: &Path) {
    app.client
        .issue_cmd(Cdp {
            cmd: "Browser.setDownloadBehavior",
            params: json!({ "behavior": "allow", "downloadPath": dir.to_str().unwrap() }),
        })
        .await
        .expect("allow downloads through CDP");
}

/// Waits for a finished download called `name` in `dir` and returns its bytes.
async fn wait_download(dir: &Path, name: &str) -> Vec<u8> {
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

async fn select_doc(app: &App, id: &str) {
    if !app.visible("article#reader").await {
        app.click("button#tab-reader").await;
    }
    let sel = format!("article#reader{}", attr_sel("data-doc", id));
    if app.count(&sel).await == 0 {
        app.click(&format!("button.doc-item{}", attr_sel("data-doc", id))).await;
    }
    app.wait_for(&format!("the reader to show {id}"), UI_TIMEOUT, "return document.querySelector(arguments[0]) !== null", vec![json!(sel)])
        .await;
}

async fn reader_text(app: &App) -> String {
    app.js("return document.querySelector('article#reader')?.textContent ?? ''", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
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

async fn dismiss_all(app: &App) {
    app.js("document.querySelectorAll('#notices .notice-close').forEach(b => b.click())", vec![]).await;
    app.wait_for("the messages to go", UI_TIMEOUT, "return document.querySelectorAll('#notices .notice').length === 0", vec![])
        .await;
}

/// Chooses files through the file input (paths separated by newlines, as WebDriver wants).
async fn choose_files(app: &App, paths: &[&Path]) {
    let input = app.client.find(Locator::Css("input#file-input")).await.expect("input#file-input");
    let joined = paths.iter().map(|p| p.to_str().unwrap()).collect::<Vec<_>>().join("\n");
    input.send_keys(&joined).await.expect("send the file paths");
}

/// Pastes `text` (titled `title`) through the paste form.
async fn paste(app: &App, title: &str, text: &str) {
    if app.attr("#paste-form", "hidden").await.is_some() {
        app.click("button#paste-toggle").await;
    }
    app.wait_for_css("#paste-form:not([hidden]) textarea#paste-text").await;
    app.js(
        "document.querySelector('#paste-title').value = arguments[0]; document.querySelector('#paste-text').value = arguments[1];",
        vec![json!(title), json!(text)],
    )
    .await;
    app.click("button#paste-add").await;
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

/// (1) Two files through the file input (one UTF-8, one Windows-1256 confirmed in the preview) and
/// one pasted text: highlighted, in the comparison table, still there after a reload; remove one
/// and undo; a removal without undo survives a reload too.
#[tokio::test]
async fn add_files_and_paste_then_reload_remove_and_undo() {
    browser_test("ws-add", |app| async move {
        let dir = scratch("add");
        let utf8 = write(&dir, "summit.txt", UTF8_ARTICLE);
        let cp1256 = dir.join("windows-1256.txt");
        std::fs::copy(fixture("windows-1256.txt"), &cp1256).unwrap();
        assert!(std::str::from_utf8(&std::fs::read(&cp1256).unwrap()).is_err(), "the fixture is not UTF-8");
        assert_eq!(qarin_engine::input::decode_text(&std::fs::read(&cp1256).unwrap()).unwrap(), CP1256_TEXT);
        let bundled = corpus().len();
        let page_title = title(&app).await;

        choose_files(&app, &[&utf8, &cp1256]).await;
        // The guessed encoding is shown for confirmation first.
        app.wait_for_css("#encoding-preview").await;
        assert_eq!(app.attr("#encoding-preview", "data-file").await.as_deref(), Some("windows-1256.txt"));
        assert_eq!(app.attr("#encoding-preview", "data-encoding").await.as_deref(), Some("windows-1256"));
        let preview = app.js("return document.querySelector('#encoding-preview .preview-text').textContent", vec![]).await;
        assert!(preview.as_str().unwrap().starts_with("توكاييف يعلن انسحاب قوات حفظ السلام"), "{preview}");
        app.screenshot("workspace-encoding-preview").await;
        app.click("button#preview-confirm").await;

        let added = wait_user_docs(&app, 2).await;
        assert_eq!(added, ["summit", "windows-1256"]);
        paste(&app, "", PASTED_ARTICLE).await;
        let ids = wait_user_docs(&app, 3).await;
        assert_eq!(ids, ["summit", "windows-1256", "pasted"]);
        assert_eq!(docs(&app).await.len(), bundled + 3, "the bundled articles are all still there");

        let expected = [("summit", UTF8_ARTICLE), ("windows-1256", CP1256_TEXT), ("pasted", PASTED_ARTICLE)];
        for (id, text) in expected {
            select_doc(&app, id).await;
            assert_eq!(reader_text(&app).await, text, "{id}: the reader shows the text verbatim");
            assert!(mark_count(&app).await >= 2, "{id}: names highlighted");
            assert_eq!(
                app.attr(&format!("button.doc-item{}", attr_sel("data-doc", id)), "data-source").await.as_deref(),
                Some("user")
            );
        }
        assert_eq!(app.attr(".reader-actions .source-badge", "data-source").await.as_deref(), Some("user"));
        app.screenshot("workspace-added").await;
        let columns = compare_columns(&app).await;
        for (id, _) in expected {
            assert!(columns.contains(&id.to_string()), "{id} is a column of the comparison table: {columns:?}");
            assert!(compare_count(&app, id).await >= 2, "{id}: names counted in the table");
        }
        app.screenshot("workspace-compare").await;
        assert_nothing_ran(&app, &page_title).await;

        // Everything survives a reload (and a new page load).
        app.reload().await;
        assert_eq!(user_docs(&app).await, ids);
        for (id, text) in expected {
            select_doc(&app, id).await;
            assert_eq!(reader_text(&app).await, text, "{id} after the reload");
        }

        // Remove one and undo.
        app.click(&format!("button.doc-remove{}", attr_sel("data-doc", "windows-1256"))).await;
        wait_user_docs(&app, 2).await;
        let (level, text, _) = wait_notice(&app, "removed").await;
        assert_eq!(level, "info");
        assert!(text.contains("Removed"), "{text}");
        app.screenshot("workspace-removed-undo").await;
        app.click("#notices .notice[data-kind=removed] button.notice-action").await;
        assert_eq!(wait_user_docs(&app, 3).await, ids, "undo puts it back in its place");
        app.reload().await;
        assert_eq!(user_docs(&app).await, ids, "the undo was saved");
        select_doc(&app, "windows-1256").await;
        assert_eq!(reader_text(&app).await, CP1256_TEXT);

        // Remove from the reader, without undo: gone after a reload.
        select_doc(&app, "pasted").await;
        app.click("button#remove-doc").await;
        wait_user_docs(&app, 2).await;
        app.reload().await;
        assert_eq!(user_docs(&app).await, ["summit", "windows-1256"]);
        assert_eq!(docs(&app).await.len(), bundled + 2);
    })
    .await;
}

/// (2) Files dropped on the page (an HTML page with scripts and a Markdown file), metadata edits
/// that survive a reload, and the bundled corpus hidden and shown again.
#[tokio::test]
async fn drop_files_edit_details_and_hide_the_bundled_corpus() {
    browser_test("ws-drop", |app| async move {
        let page_title = title(&app).await;
        let html = format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>موقع الأخبار | خبر</title>\
             <script>document.title='pwned'; window.__pwned = 1;</script><style>body{{display:none}}</style></head>\
             <body><nav><a href='/'>الرئيسية</a></nav><article><h1>بوتين يستقبل توكاييف</h1>\
             <p>{}</p><img src=x onerror=\"document.title='pwned'; window.__pwned = 1\"><!-- تعليق --></article>\
             <footer>جميع الحقوق محفوظة</footer></body></html>",
            UTF8_ARTICLE.lines().nth(1).unwrap()
        );
        drop_files(
            &app,
            json!([file_json("page.html", html.as_bytes()), file_json("note.md", PASTED_ARTICLE.as_bytes())]),
        )
        .await;
        let ids = wait_user_docs(&app, 2).await;
        assert_eq!(ids, ["page", "note"]);
        let (level, text, _) = wait_notice(&app, "input-warning").await;
        assert_eq!(level, "warning");
        assert!(text.contains("page.html") && text.contains("web page"), "{text}");
        select_doc(&app, "page").await;
        assert_eq!(
            reader_text(&app).await,
            format!("بوتين يستقبل توكاييف\n{}", UTF8_ARTICLE.lines().nth(1).unwrap()),
            "only the article's text, no script, style, navigation or footer"
        );
        let item = format!("button.doc-item{}", attr_sel("data-doc", "page"));
        let list_title = app.js("return document.querySelector(arguments[0] + ' .doc-title').textContent", vec![json!(item)]).await;
        assert_eq!(list_title, json!("بوتين يستقبل توكاييف"), "titled by the page's <h1>");
        app.screenshot("workspace-dropped-html").await;
        assert_nothing_ran(&app, &page_title).await;

        // Edit the details; a javascript: address is kept as text, never made a link.
        app.click("button#edit-meta").await;
        app.wait_for_css("form#meta-form").await;
        app.js(
            r#"const set = (id, v) => { document.getElementById(id).value = v; };
               set('meta-title', 'لقاء القمة'); set('meta-outlet', 'وكالة تجريبية (Test Agency)');
               set('meta-date', '2022-01-20'); set('meta-url', "javascript:document.title='pwned'");"#,
            vec![],
        )
        .await;
        app.screenshot("workspace-edit-details").await;
        app.click("button#meta-save").await;
        app.wait_for(
            "the new title in the list",
            UI_TIMEOUT,
            "return document.querySelector(arguments[0] + ' .doc-title')?.textContent === 'لقاء القمة'",
            vec![json!(item)],
        )
        .await;
        assert_eq!(app.count(".reader-meta a.source-link").await, 0, "no link for a javascript: address");
        assert_eq!(
            app.js("return document.querySelector('.reader-meta .source-text')?.textContent", vec![]).await,
            json!("javascript:document.title='pwned'")
        );
        app.reload().await;
        select_doc(&app, "page").await;
        let meta = app
            .js(
                r#"return [document.querySelector('.reader-title')?.textContent, document.querySelector('#reader-heading').textContent,
                           document.querySelector('.reader-facts time')?.textContent];"#,
                vec![],
            )
            .await;
        assert_eq!(meta, json!(["لقاء القمة", "Article 6 · Test Agency", "2022-01-20"]), "details kept across the reload");

        // A real web address becomes a link.
        app.click("button#edit-meta").await;
        app.wait_for_css("form#meta-form").await;
        app.js("document.getElementById('meta-url').value = 'https://example.org/summit'", vec![]).await;
        app.click("button#meta-save").await;
        app.wait_for_css(".reader-meta a.source-link[href='https://example.org/summit']").await;

        // Hide the bundled corpus: only the user's articles remain, in the list and the table.
        app.click("input#show-bundled").await;
        app.wait_for(
            "only the user's articles",
            UI_TIMEOUT,
            "return document.querySelectorAll('button.doc-item').length === 2 && document.querySelectorAll('button.doc-item[data-source=bundled]').length === 0",
            vec![],
        )
        .await;
        assert_eq!(compare_columns(&app).await, ["page", "note"]);
        app.screenshot("workspace-bundled-hidden").await;
        app.reload().await;
        assert_eq!(docs(&app).await.len(), 2, "hiding the bundled corpus is remembered");
        assert_eq!(app.js("return document.querySelector('#show-bundled').checked", vec![]).await, json!(false));
        app.click("input#show-bundled").await;
        app.wait_for(
            "the bundled articles back",
            UI_TIMEOUT,
            "return document.querySelectorAll('button.doc-item[data-source=bundled]').length === arguments[0]",
            vec![json!(corpus().len())],
        )
        .await;

        // A bundled article removed on its own, then restored.
        let first_bundled = corpus()[0].id.clone();
        app.click(&format!("button.doc-remove{}", attr_sel("data-doc", &first_bundled))).await;
        app.wait_for_css("button#restore-bundled").await;
        app.click("button#restore-bundled").await;
        app.wait_for(
            "the removed bundled article back",
            UI_TIMEOUT,
            "return document.querySelector(arguments[0]) !== null",
            vec![json!(format!("button.doc-item{}", attr_sel("data-doc", &first_bundled)))],
        )
        .await;
        assert_nothing_ran(&app, &page_title).await;
    })
    .await;
}

/// (3) Export the workspace (a real download), clear the browser's storage, import the file: the
/// texts come back byte for byte, with the decisions and settings, and a second export is the
/// same file. The analysis and CSV downloads cover the user's articles.
#[tokio::test]
async fn export_and_import_the_workspace() {
    browser_test("ws-export", |app| async move {
        let dir = scratch("export");
        let downloads = dir.join("downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        allow_downloads(&app, &downloads).await;
        let cp1256 = dir.join("cp1256.txt");
        std::fs::copy(fixture("windows-1256.txt"), &cp1256).unwrap();
        let tricky = format!("{PASTED_ARTICLE}\n«اقتباس» <b>ليس وسمًا</b> &amp; \\ \"\t\u{200F}\n");
        choose_files(&app, &[&cp1256]).await;
        app.click("button#preview-confirm").await;
        wait_user_docs(&app, 1).await;
        paste(&app, "عنوان ملصوق", &tricky).await;
        wait_user_docs(&app, 2).await;
        // A setting: PER highlighting off.
        app.click("#legend input[data-type-toggle=PER]").await;

        app.click("button#export-workspace").await;
        let first = wait_download(&downloads, "qarin-workspace.json").await;
        let v: Value = serde_json::from_slice(&first).expect("the export is JSON");
        assert_eq!(v["schema"], "qarin.workspace/1");
        let articles = v["articles"].as_array().unwrap();
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0]["text"], CP1256_TEXT);
        assert_eq!(articles[0]["encoding"], "windows-1256");
        assert_eq!(articles[1]["text"].as_str().unwrap(), tricky, "byte for byte");
        assert_eq!(articles[1]["title"], "عنوان ملصوق");
        assert_eq!(v["settings"]["hidden_types"], json!(["PER"]));
        assert_eq!(v["bundled"]["shown"], json!(true));

        // The analysis and the table include the user's articles.
        app.click("button#download-json").await;
        let analysis: Value = serde_json::from_slice(&wait_download(&downloads, "qarin-analysis.json").await).unwrap();
        assert_eq!(analysis["schema"], "qarin.analysis/1");
        let ids: Vec<&str> = analysis["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&"cp1256") && ids.contains(&"pasted"), "{ids:?}");
        app.click("button#download-csv").await;
        let csv = String::from_utf8(wait_download(&downloads, "qarin-comparison.csv").await).unwrap();
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.lines().next().unwrap().contains("cp1256 count,cp1256 spelling"), "{}", csv.lines().next().unwrap());

        // A clean browser, then the import.
        app.js("localStorage.clear()", vec![]).await;
        app.reload().await;
        assert!(user_docs(&app).await.is_empty());
        let exported = downloads.join("qarin-workspace.json");
        let input = app.client.find(Locator::Css("input#import-input")).await.unwrap();
        input.send_keys(exported.to_str().unwrap()).await.unwrap();
        let ids = wait_user_docs(&app, 2).await;
        assert_eq!(ids, ["cp1256", "pasted"]);
        let (_, text, _) = wait_notice(&app, "imported").await;
        assert!(text.contains("qarin-workspace.json"), "{text}");
        app.screenshot("workspace-imported").await;
        assert_eq!(
            app.js("return document.querySelector('#legend input[data-type-toggle=PER]').checked", vec![]).await,
            json!(false),
            "settings imported"
        );
        select_doc(&app, "pasted").await;
        assert_eq!(reader_text(&app).await, tricky);

        std::fs::remove_file(&exported).unwrap();
        app.click("button#export-workspace").await;
        let second = wait_download(&downloads, "qarin-workspace.json").await;
        assert_eq!(String::from_utf8(second).unwrap(), String::from_utf8(first).unwrap(), "export → import → export gives the same file");

        // The import survives a reload.
        app.reload().await;
        assert_eq!(user_docs(&app).await, ["cp1256", "pasted"]);

        // Importing another text under an id already stored replaces the stored text.
        let mut v: Value = serde_json::from_slice(&std::fs::read(downloads.join("qarin-workspace.json")).unwrap()).unwrap();
        v["articles"][1]["text"] = json!(UTF8_ARTICLE);
        let changed = write(&dir, "changed.json", serde_json::to_vec(&v).unwrap());
        select_doc(&app, "pasted").await;
        let input = app.client.find(Locator::Css("input#import-input")).await.unwrap();
        input.send_keys(changed.to_str().unwrap()).await.unwrap();
        app.wait_for(
            "the imported text in the reader",
            UI_TIMEOUT,
            "return document.querySelector('article#reader')?.textContent === arguments[0]",
            vec![json!(UTF8_ARTICLE)],
        )
        .await;
        app.reload().await;
        select_doc(&app, "pasted").await;
        assert_eq!(reader_text(&app).await, UTF8_ARTICLE, "the imported text, not the one stored before");
    })
    .await;
}

/// (4) Merge two entities and split a spelling off, from the entity panel: the table and the
/// panel's reasons follow, the decisions survive a reload, and each can be undone.
#[tokio::test]
async fn merge_and_split_entities() {
    browser_test("ws-decisions", |app| async move {
        app.click("button#tab-compare").await;
        app.wait_for_css("table#compare-table tbody tr").await;
        // Two PER entities.
        let v = app
            .js(
                "return [...document.querySelectorAll('table#compare-table tbody tr[data-type=PER]')].map(tr => [tr.dataset.entity, Number(tr.dataset.coverage)])",
                vec![],
            )
            .await;
        let per: Vec<(String, i64)> = serde_json::from_value(v).unwrap();
        assert!(per.len() >= 2, "{per:?}");
        let (keep, absorb) = (per[0].0.clone(), per[1].0.clone());
        let rows_before = app.count("table#compare-table tbody tr").await;
        app.click(&format!("table#compare-table tr{} button.ent-btn", attr_sel("data-entity", &keep))).await;
        app.wait_for_css(&format!("aside#entity-panel{}", attr_sel("data-entity", &keep))).await;
        let select = app.css("select#merge-target").await;
        select.select_by_value(&absorb).await.unwrap();
        app.click("button#merge-button").await;
        app.wait_for(
            "the absorbed row to go",
            UI_TIMEOUT,
            "return document.querySelector(arguments[0]) === null",
            vec![json!(format!("table#compare-table tr{}", attr_sel("data-entity", &absorb)))],
        )
        .await;
        assert_eq!(app.count("table#compare-table tbody tr").await, rows_before - 1);
        app.wait_for_css("aside#entity-panel li[data-rule=user_merge] button.undo-decision").await;
        app.screenshot("workspace-merged").await;

        // The downloaded analysis is the merged one.
        let downloads = scratch("decisions");
        allow_downloads(&app, &downloads).await;
        app.click("button#download-json").await;
        let analysis: Value = serde_json::from_slice(&wait_download(&downloads, "qarin-analysis.json").await).unwrap();
        let entities = analysis["entities"].as_array().unwrap();
        assert!(entities.iter().all(|e| e["id"] != json!(absorb)), "the absorbed entity is gone from the export");
        let kept = entities.iter().find(|e| e["id"] == json!(keep)).expect("the kept entity");
        assert!(kept["reasons"].as_array().unwrap().iter().any(|r| r["rule"] == "user_merge"), "{kept}");

        app.reload().await;
        app.wait_for_css("table#compare-table tbody tr").await;
        assert_eq!(app.count("table#compare-table tbody tr").await, rows_before - 1, "the merge is kept across a reload");
        app.wait_for_css(&format!("aside#entity-panel{}", attr_sel("data-entity", &keep))).await;
        app.click("aside#entity-panel li[data-rule=user_merge] button.undo-decision").await;
        app.wait_for(
            "the absorbed row back",
            UI_TIMEOUT,
            "return document.querySelector(arguments[0]) !== null",
            vec![json!(format!("table#compare-table tr{}", attr_sel("data-entity", &absorb)))],
        )
        .await;

        // Split: an entity with two spellings or more.
        let v = app
            .js(
                r#"for (const tr of document.querySelectorAll('table#compare-table tbody tr')) {
                     const spellings = new Set([...tr.querySelectorAll('.cell-spelling')].map(s => s.textContent));
                     if (spellings.size >= 2) return tr.dataset.entity;
                   }
                   return null;"#,
                vec![],
            )
            .await;
        let entity = v.as_str().expect("an entity spelled two ways").to_string();
        app.click(&format!("table#compare-table tr{} button.ent-btn", attr_sel("data-entity", &entity))).await;
        app.wait_for_css(&format!("aside#entity-panel{}", attr_sel("data-entity", &entity))).await;
        let rows = app.count("table#compare-table tbody tr").await;
        let spelling = app.attr("aside#entity-panel button.split-btn", "data-spelling").await.unwrap();
        app.click("aside#entity-panel button.split-btn").await;
        app.wait_for(
            "a row for the split-off spelling",
            UI_TIMEOUT,
            "return document.querySelectorAll('table#compare-table tbody tr').length === arguments[0]",
            vec![json!(rows + 1)],
        )
        .await;
        app.wait_for_css("aside#entity-panel li[data-rule=user_split] button.undo-decision").await;
        app.screenshot("workspace-split").await;
        let label = app
            .js("return [...document.querySelectorAll('table#compare-table tbody tr .ent-label')].some(l => l.textContent === arguments[0])", vec![json!(spelling)])
            .await;
        assert_eq!(label, json!(true), "the spelling {spelling} has a row of its own");
        app.reload().await;
        app.wait_for_css("table#compare-table tbody tr").await;
        assert_eq!(app.count("table#compare-table tbody tr").await, rows + 1, "the split is kept across a reload");
        app.wait_for_css("aside#entity-panel li[data-rule=user_split] button.undo-decision").await;
        app.click("aside#entity-panel li[data-rule=user_split] button.undo-decision").await;
        app.wait_for(
            "the split undone",
            UI_TIMEOUT,
            "return document.querySelectorAll('table#compare-table tbody tr').length === arguments[0]",
            vec![json!(rows)],
        )
        .await;
    })
    .await;
}

/// (5) Every kind of bad input gets a message naming the file and what happened; earlier articles
/// stay; markup never runs. A screenshot of each message goes to `target/screenshots/bad-*.png`.
#[tokio::test]
async fn bad_input_gets_a_clear_message_and_breaks_nothing() {
    browser_test("ws-bad", |app| async move {
        let dir = scratch("bad");
        let page_title = title(&app).await;
        let good = write(&dir, "good.txt", UTF8_ARTICLE);
        choose_files(&app, &[&good]).await;
        wait_user_docs(&app, 1).await;
        dismiss_all(&app).await;
        let bundled = corpus().len();

        let check_intact = |n_user: usize| {
            let app = app.clone();
            let page_title = page_title.clone();
            async move {
                let list = docs(&app).await;
                assert_eq!(list.len(), bundled + n_user, "articles lost or added: {list:?}");
                assert_eq!(user_docs(&app).await[0], "good");
                select_doc(&app, "good").await;
                assert_eq!(reader_text(&app).await, UTF8_ARTICLE, "the earlier article is intact");
                assert_nothing_ran(&app, &page_title).await;
            }
        };

        // Each case: files, the kind of message, what it must say, the user articles after.
        struct Case {
            shot: &'static str,
            name: &'static str,
            bytes: Vec<u8>,
            kind: &'static str,
            level: &'static str,
            says: &'static [&'static str],
        }
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6".to_vec();
        let cases = vec![
            Case { shot: "bad-empty", name: "empty.txt", bytes: Vec::new(), kind: "input-error", level: "error", says: &["empty.txt", "empty"] },
            Case { shot: "bad-binary", name: "photo.txt", bytes: png, kind: "input-error", level: "error", says: &["photo.txt", "not a text file"] },
            Case {
                shot: "bad-malformed",
                name: "latin1.txt",
                bytes: b"Le caf\xe9 de la gare \xe0 Paris, o\xf9 l'on d\xeene.".to_vec(),
                kind: "input-error",
                level: "error",
                says: &["latin1.txt", "not valid UTF-8, UTF-16 or Windows-1256"],
            },
            Case {
                shot: "bad-utf16",
                name: "broken16.txt",
                bytes: b"\xFF\xFE\x27\x06\x44\x06\x00\xD8".to_vec(),
                kind: "input-error",
                level: "error",
                says: &["broken16.txt", "UTF-16LE byte order mark", "not valid UTF-16LE"],
            },
        ];
        for c in cases {
            let path = write(&dir, c.name, &c.bytes);
            choose_files(&app, &[&path]).await;
            let (level, text, role) = wait_notice(&app, c.kind).await;
            assert_eq!(level, c.level, "{}", c.name);
            assert_eq!(role, "alert", "errors are in the alert region");
            for s in c.says {
                assert!(text.contains(s), "{}: the message {text:?} should say {s:?}", c.name);
            }
            app.screenshot(c.shot).await;
            check_intact(1).await;
            dismiss_all(&app).await;
        }

        // 20 MB: refused from its size, before it is read.
        let huge = dir.join("huge.txt");
        std::fs::File::create(&huge).unwrap().set_len(20 * 1024 * 1024).unwrap();
        choose_files(&app, &[&huge]).await;
        let (level, text, _) = wait_notice(&app, "input-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("huge.txt") && text.contains("20.0 MB") && text.contains("8.0 MB"), "{text}");
        app.screenshot("bad-huge").await;
        check_intact(1).await;
        dismiss_all(&app).await;

        // Several bad files and a good one at once: one message naming each bad file; the good one
        // is added.
        let empty = write(&dir, "empty2.txt", "");
        let photo = write(&dir, "photo2.txt", b"\0\0\0\0binary");
        let more = write(&dir, "more.txt", PASTED_ARTICLE);
        choose_files(&app, &[&empty, &photo, &more]).await;
        let (_, text, _) = wait_notice(&app, "input-error").await;
        assert!(text.contains("empty2.txt") && text.contains("photo2.txt") && !text.contains("more.txt"), "{text}");
        assert_eq!(app.count("#notices .notice[data-kind=input-error] li").await, 2, "one line per bad file");
        wait_user_docs(&app, 2).await;
        app.screenshot("bad-several-at-once").await;
        check_intact(2).await;
        dismiss_all(&app).await;

        // No Arabic at all: accepted, with a warning saying no names can be found.
        let english = write(&dir, "english.txt", "A report in English only.\nNothing Arabic here.\n");
        choose_files(&app, &[&english]).await;
        let (level, text, role) = wait_notice(&app, "input-warning").await;
        assert_eq!((level.as_str(), role.as_str()), ("warning", "status"));
        assert!(text.contains("english.txt") && text.contains("no Arabic text"), "{text}");
        wait_user_docs(&app, 3).await;
        app.screenshot("bad-no-arabic").await;
        check_intact(3).await;
        dismiss_all(&app).await;

        // Markup in a text file is text: shown verbatim, never run.
        let markup = "<img src=x onerror=\"document.title='pwned'; window.__pwned = 1\"><script>document.title='pwned'</script>\nقال الرئيس الروسي فلاديمير بوتين إن <b>موسكو</b> ترحب.\n";
        let txt = write(&dir, "markup.txt", markup);
        choose_files(&app, &[&txt]).await;
        wait_user_docs(&app, 4).await;
        select_doc(&app, "markup").await;
        assert_eq!(reader_text(&app).await, markup, "markup shown as text");
        app.screenshot("bad-markup-in-text").await;
        check_intact(4).await;
        dismiss_all(&app).await;

        // An HTML page whose scripts must not run: only its text is added.
        let html = "<html><head><title>صفحة</title><script>document.title='pwned'; window.__pwned = 1</script></head>\
                    <body onload=\"window.__pwned = 1\"><p>قال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو مستعدة.</p>\
                    <img src=x onerror=\"document.title='pwned'; window.__pwned = 1\"><iframe src=\"javascript:parent.__pwned=1\"></iframe>\
                    <svg onload=\"window.__pwned = 1\"><script>window.__pwned = 1</script></svg></body></html>";
        let page = write(&dir, "script.html", html);
        choose_files(&app, &[&page]).await;
        let (_, text, _) = wait_notice(&app, "input-warning").await;
        assert!(text.contains("script.html"), "{text}");
        wait_user_docs(&app, 5).await;
        select_doc(&app, "script").await;
        assert_eq!(reader_text(&app).await, "قال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو مستعدة.");
        app.screenshot("bad-html-with-scripts").await;
        check_intact(5).await;
        dismiss_all(&app).await;

        // Pasted markup, and an empty paste.
        paste(&app, "<img src=x onerror=\"document.title='pwned'\">", markup).await;
        wait_user_docs(&app, 6).await;
        let pasted = user_docs(&app).await.pop().unwrap();
        select_doc(&app, &pasted).await;
        assert_eq!(reader_text(&app).await, markup);
        paste(&app, "", "   \n  ").await;
        let (level, text, _) = wait_notice(&app, "input-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("Nothing to add"), "{text}");
        app.screenshot("bad-empty-paste").await;
        check_intact(6).await;
        dismiss_all(&app).await;

        // A Windows-1256 guess refused in the preview.
        let cp = dir.join("refuse.txt");
        std::fs::copy(fixture("windows-1256.txt"), &cp).unwrap();
        choose_files(&app, &[&cp]).await;
        app.wait_for_css("#encoding-preview").await;
        app.click("button#preview-cancel").await;
        let (_, text, _) = wait_notice(&app, "not-added").await;
        assert!(text.contains("refuse.txt"), "{text}");
        check_intact(6).await;
        dismiss_all(&app).await;

        // A JSON file that is not a workspace, given to "Import workspace".
        let not_ws = write(&dir, "analysis.json", r#"{"schema":"qarin.analysis/1","documents":[]}"#);
        let input = app.client.find(Locator::Css("input#import-input")).await.unwrap();
        input.send_keys(not_ws.to_str().unwrap()).await.unwrap();
        let (level, text, _) = wait_notice(&app, "import-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("analysis.json") && text.contains("not a Qarin workspace file"), "{text}");
        app.screenshot("bad-import-not-a-workspace").await;
        check_intact(6).await;

        // All of it survives a reload.
        app.reload().await;
        assert_eq!(user_docs(&app).await.len(), 6);
        check_intact(6).await;
    })
    .await;
}

/// (6) A full browser storage: the refused write is reported (an alert naming the article), the
/// article stays in the tab, and "Try again" saves it once there is room.
#[tokio::test]
async fn a_full_storage_is_reported_not_ignored() {
    browser_test("ws-storage", |app| async move {
        // Fill localStorage to the brim.
        let filled = app
            .js(
                r#"let n = 0;
                   for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4, 1]) {
                     const chunk = 'x'.repeat(size);
                     try { for (;;) localStorage.setItem('filler-' + n++, chunk); } catch (e) {}
                   }
                   return n;"#,
                vec![],
            )
            .await;
        assert!(filled.as_i64().unwrap() > 0);
        paste(&app, "مقال لا يتسع له التخزين", PASTED_ARTICLE).await;
        let ids = wait_user_docs(&app, 1).await;
        let (level, text, role) = wait_notice(&app, "storage").await;
        assert_eq!((level.as_str(), role.as_str()), ("error", "alert"));
        assert!(text.contains("Not saved") && text.contains("مقال لا يتسع له التخزين") && text.contains("QuotaExceededError"), "{text}");
        app.screenshot("storage-full").await;
        select_doc(&app, &ids[0]).await;
        assert_eq!(reader_text(&app).await, PASTED_ARTICLE, "the article stays in the tab");

        // Make room, try again: saved, the message goes, a reload keeps the article.
        app.js("Object.keys(localStorage).filter(k => k.startsWith('filler-')).forEach(k => localStorage.removeItem(k))", vec![])
            .await;
        app.click("#notices .notice[data-kind=storage] button.notice-action").await;
        app.wait_for("the storage message to go", UI_TIMEOUT, "return document.querySelector('#notices .notice[data-kind=storage]') === null", vec![])
            .await;
        app.reload().await;
        assert_eq!(user_docs(&app).await, ids);
    })
    .await;
}

/// (7) If the page died while analysing the user's articles, the next start leaves them out (so
/// the page opens), says so, and can analyse them again.
#[tokio::test]
async fn an_analysis_that_died_does_not_lock_the_user_out() {
    browser_test("ws-crash", |app| async move {
        paste(&app, "", UTF8_ARTICLE).await;
        wait_user_docs(&app, 1).await;
        // As if the tab had died in the middle of an analysis.
        app.js("localStorage.setItem('qarin.analysis-pending', '1')", vec![]).await;
        app.reload().await;
        let (level, text, _) = wait_notice(&app, "crashed").await;
        assert_eq!(level, "error");
        assert!(text.contains("stopped while analysing"), "{text}");
        assert!(user_docs(&app).await.is_empty(), "left out of the analysis");
        app.screenshot("workspace-crash-recovery").await;
        app.click("#notices .notice[data-kind=crashed] button.notice-action").await;
        wait_user_docs(&app, 1).await;
        let docs_now: BTreeSet<String> = user_docs(&app).await.into_iter().collect();
        assert!(docs_now.contains("pasted"));
    })
    .await;
}

/// (8) The Arabic interface: messages in Arabic still name the file; the dialog is right to left
/// and Escape refuses the guessed text.
#[tokio::test]
async fn the_arabic_interface_names_files_too() {
    browser_test("ws-arabic", |app| async move {
        let dir = scratch("arabic");
        app.click("button#lang-toggle").await;
        app.wait_for("the Arabic interface", UI_TIMEOUT, "return document.documentElement.dir === 'rtl'", vec![]).await;
        let bad = write(&dir, "صورة.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let good = write(&dir, "خبر.txt", UTF8_ARTICLE);
        choose_files(&app, &[&bad, &good]).await;
        let (level, text, _) = wait_notice(&app, "input-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("صورة.txt") && text.contains("ليس ملفًا نصيًا"), "{text}");
        assert_eq!(wait_user_docs(&app, 1).await, ["خبر"]);
        app.screenshot("workspace-arabic-ui").await;
        dismiss_all(&app).await;

        let cp = dir.join("ويندوز.txt");
        std::fs::copy(fixture("windows-1256.txt"), &cp).unwrap();
        choose_files(&app, &[&cp]).await;
        app.wait_for_css("#encoding-preview").await;
        app.wait_for("focus in the dialog", UI_TIMEOUT, "return document.activeElement?.id === 'preview-confirm'", vec![]).await;
        assert_eq!(app.js("return document.querySelector('.layout').inert", vec![]).await, json!(true), "the page behind is inert");
        app.screenshot("workspace-arabic-preview").await;
        // The same in the dark theme (the dialog's buttons stay reachable: the theme toggle is
        // behind the modal, so switch it from script).
        app.js("document.documentElement.setAttribute('data-theme', 'dark')", vec![]).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.screenshot("workspace-arabic-preview-dark").await;
        let confirm = app.css("#preview-confirm").await;
        confirm.send_keys("\u{E00C}").await.unwrap(); // Escape
        let (_, text, _) = wait_notice(&app, "not-added").await;
        assert!(text.contains("ويندوز.txt"), "{text}");
        assert_eq!(app.count("#encoding-preview").await, 0);
        assert_eq!(user_docs(&app).await, ["خبر"]);
    })
    .await;
}
