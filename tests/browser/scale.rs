//! Scale: 200 articles added at once through the file input, built from real text (ANERcorp's
//! sentences, read with the engine's CoNLL reader, regrouped into articles of the bundled ones'
//! length, as `cargo xtask bench` does). They load without an error; the analysis reports its
//! progress as it goes; the comparison table renders only the rows in view (virtualised) and
//! still reaches the last entity; the entity panel pages its mentions; the reader shows the last
//! article with its names. Timings are not asserted here: `cargo xtask bench` measures them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use qarin_engine::input::conll::parse_conll;
use serde_json::{json, Value};

use crate::harness::browser_test;
use crate::page::{choose_files, corpus};

/// Articles added.
const ARTICLES: usize = 200;
/// Sentences of ANERcorp per article.
const SENTENCES: usize = 19;
/// Adding and analysing 200 articles in a debug-free release build takes seconds; the machine
/// running the tests may be slow and busy.
const SCALE_TIMEOUT: Duration = Duration::from_secs(180);

/// ANERcorp's sentences (tokens), from the training file in the repository.
fn sentences() -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/anercorp/train.txt");
    let text = std::fs::read_to_string(&path).expect("data/anercorp/train.txt");
    parse_conll(&text)
        .expect("data/anercorp/train.txt is CoNLL")
        .into_iter()
        .map(|s| s.into_iter().map(|t| t.token).collect())
        .collect()
}

/// Tokens back to prose: no space before closing punctuation.
fn detokenize(tokens: &[String]) -> String {
    let mut s = String::new();
    for t in tokens {
        let closing = matches!(t.as_str(), "." | "," | "،" | "؛" | ":" | "؟" | "!" | ")" | "»");
        if !s.is_empty() && !closing && !s.ends_with(['(', '«']) {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}

/// An empty folder of this run under the system's temporary one (`qarin-{name}-{pid}`).
fn empty_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qarin-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The fixture: `ARTICLES` files, a title line (the first sentence's first words) then the
/// sentences, one per line.
fn write_fixture(dir: &Path) -> Vec<PathBuf> {
    write_articles(dir, ARTICLES, SENTENCES, "scale")
}

/// `articles` files of `sentences` sentences each, named `{prefix}-{n:03}.txt`.
fn write_articles(dir: &Path, articles: usize, sentences_each: usize, prefix: &str) -> Vec<PathBuf> {
    let sents = sentences();
    assert!(sents.len() >= articles * sentences_each, "ANERcorp has {} sentences", sents.len());
    (0..articles)
        .map(|a| {
            let group = &sents[a * sentences_each..(a + 1) * sentences_each];
            let title: Vec<String> = group[0].iter().take(8).cloned().collect();
            let body: Vec<String> = group.iter().map(|s| detokenize(s)).collect();
            let path = dir.join(format!("{prefix}-{a:03}.txt"));
            std::fs::write(&path, format!("{}\n{}\n", detokenize(&title), body.join("\n"))).unwrap();
            path
        })
        .collect()
}

#[tokio::test]
async fn two_hundred_articles_load_and_stay_usable() {
    browser_test("scale-200", |app| async move {
        let dir = empty_dir("scale");
        let files = write_fixture(&dir);
        let bundled = corpus().len();

        // Watch for the progress bar and the longest task while the work runs.
        app.js(
            "window.__scale = { progress: false, longest: 0, tasks: [] }; \
             new MutationObserver(() => { if (document.querySelector('.progress progress')) window.__scale.progress = true; }) \
               .observe(document.body, { childList: true, subtree: true }); \
             try { new PerformanceObserver(l => { for (const e of l.getEntries()) \
               { window.__scale.longest = Math.max(window.__scale.longest, e.duration); \
               window.__scale.tasks.push([Math.round(e.startTime), Math.round(e.duration)]); } }) \
               .observe({ type: 'longtask' }); } catch (e) {} \
             return true;",
            vec![],
        )
        .await;
        let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        choose_files(&app, &files).await;

        let total = bundled + ARTICLES;
        app.wait_for(
            &format!("{total} articles listed and the analysis done"),
            SCALE_TIMEOUT,
            "return document.querySelectorAll('button.doc-item').length === arguments[0] \
               && !document.querySelector('.updating') \
               && document.querySelector('main#app')?.getAttribute('data-ready') === 'true'",
            vec![json!(total)],
        )
        .await;
        let seen = app
            .js(
                "return Object.assign({}, window.__scale, { marks: performance.getEntriesByType('mark') \
                   .map(m => [m.name, Math.round(m.startTime)]) })",
                vec![],
            )
            .await;
        eprintln!("scale: {seen}");
        assert_eq!(seen["progress"], Value::Bool(true), "a progress bar was shown while analysing");
        app.screenshot("scale-200-reader").await;

        // The comparison table: every entity counted, only the rows in view rendered.
        app.click("button#tab-compare").await;
        app.wait_for_css("table#compare-table tbody tr[data-entity]").await;
        let rowcount: usize = app
            .attr("table#compare-table", "aria-rowcount")
            .await
            .and_then(|v| v.parse().ok())
            .expect("aria-rowcount");
        let entities = rowcount - 1;
        assert!(entities > 1000, "200 articles name over a thousand entities, not {entities}");
        assert!(app.attr("table#compare-table", "class").await.unwrap_or_default().contains("virtual"));
        let rendered = app.count("table#compare-table tbody tr[data-entity]").await;
        assert!((10..150).contains(&rendered), "{rendered} rows in the page for {entities} entities");
        let cells = app.count("table#compare-table tbody tr[data-entity] td.cell").await;
        assert_eq!(cells, rendered * total, "a cell per article in each rendered row");
        // Scroll to the end: the last entity's row is rendered.
        app.js("const s = document.querySelector('.table-scroll'); s.scrollTop = s.scrollHeight; return true", vec![]).await;
        let last = (entities + 1).to_string();
        app.wait_for(
            "the last entity's row after scrolling to the end",
            Duration::from_secs(10),
            "return document.querySelector(`table#compare-table tbody tr[aria-rowindex=\"${arguments[0]}\"]`) !== null",
            vec![json!(last)],
        )
        .await;
        let rendered_end = app.count("table#compare-table tbody tr[data-entity]").await;
        assert!(rendered_end < 150, "{rendered_end} rows in the page at the end");
        app.screenshot("scale-200-compare-end").await;
        app.js("const s = document.querySelector('.table-scroll'); s.scrollTop = 0; return true", vec![]).await;
        app.wait_for(
            "the first row back after scrolling to the top",
            Duration::from_secs(10),
            "return document.querySelector('table#compare-table tbody tr[aria-rowindex=\"2\"]') !== null",
            vec![],
        )
        .await;

        // The entity named most: its panel lists a page of mentions and offers more.
        app.click("table#compare-table tbody tr[aria-rowindex=\"2\"] .ent-btn").await;
        app.wait_for_css("ol.kwic li").await;
        let listed = app.count("ol.kwic li").await;
        let pill = app
            .js("return document.querySelector('#panel-kwic .pill')?.textContent ?? ''", vec![])
            .await;
        let mentions: usize = pill.as_str().unwrap_or("").trim().parse().expect("mention count");
        assert_eq!(listed, mentions.min(100), "the panel lists the first 100 of {mentions} mentions");
        if mentions > 100 {
            app.js("document.querySelector('#kwic-more').scrollIntoView({block: 'center'}); return true", vec![]).await;
            app.screenshot("scale-200-before-more").await;
            app.click("#kwic-more").await;
            app.wait_for(
                "a second page of mentions",
                Duration::from_secs(10),
                "return document.querySelectorAll('ol.kwic li').length === arguments[0]",
                vec![json!(mentions.min(200))],
            )
            .await;
        }
        app.screenshot("scale-200-panel").await;

        // The last article in the reader, with its names highlighted.
        app.click("button#tab-reader").await;
        app.click("button.doc-item[data-doc=\"scale-199\"]").await;
        app.wait_for(
            "the last article in the reader with marks",
            Duration::from_secs(10),
            "const r = document.querySelector('article#reader'); \
             return r && r.getAttribute('data-doc') === 'scale-199' && r.querySelectorAll('mark').length > 0",
            vec![],
        )
        .await;
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}

/// A reload in the middle of a long analysis is a normal event, not a crash: the next start
/// shows no recovery notice and analyses the articles again.
#[tokio::test]
async fn a_reload_during_the_analysis_is_not_a_crash() {
    browser_test("scale-reload", |app| async move {
        let dir = empty_dir("reload");
        let files = write_fixture(&dir);
        let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        choose_files(&app, &files).await;
        app.wait_for(
            "the analysis of the added articles under way",
            SCALE_TIMEOUT,
            "return localStorage.getItem('qarin.analysis-pending') !== null && document.querySelector('.progress progress') !== null",
            vec![],
        )
        .await;
        app.reload().await;
        let total = corpus().len() + ARTICLES;
        app.wait_for(
            &format!("{total} articles listed and analysed after the reload"),
            SCALE_TIMEOUT,
            "return document.querySelectorAll('button.doc-item').length === arguments[0] && !document.querySelector('.updating')",
            vec![json!(total)],
        )
        .await;
        assert_eq!(app.count("#notices .notice[data-kind=crashed]").await, 0, "no crash notice after a reload");
        assert_eq!(app.js("return localStorage.getItem('qarin.analysis-pending')", vec![]).await, Value::Null);
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}

/// A thousand articles through the file input (three of ANERcorp's sentences each): all listed and
/// analysed, then all there again after a reload (read back from IndexedDB, analysed again).
#[tokio::test]
async fn a_thousand_articles_added_are_all_there_after_a_reload() {
    browser_test("scale-thousand", |app| async move {
        let dir = empty_dir("thousand");
        let files = write_articles(&dir, 1000, 3, "thousand");
        let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        choose_files(&app, &paths).await;
        let total = corpus().len() + files.len();
        let all = "return document.querySelectorAll('button.doc-item').length === arguments[0] \
                   && !document.querySelector('.updating') && !document.querySelector('.progress progress') || null";
        let thousand = Duration::from_secs(600);
        app.wait_for(&format!("{total} articles listed and analysed"), thousand, all, vec![json!(total)]).await;
        let ids = "return [...document.querySelectorAll('button.doc-item[data-source=user]')].map(b => b.getAttribute('data-doc')).sort()";
        let before = app.js(ids, vec![]).await;
        let expected: Vec<String> = (0..1000).map(|a| format!("thousand-{a:03}")).collect();
        assert_eq!(before, json!(expected), "every article listed once, under its file's name");
        app.reload().await;
        app.wait_for(&format!("{total} articles listed and analysed after the reload"), thousand, all, vec![json!(total)]).await;
        assert_eq!(app.js(ids, vec![]).await, before, "the same thousand articles after the reload");
        assert_eq!(app.count("#notices .notice[data-level=error]").await, 0, "no error notice");
        let _ = std::fs::remove_dir_all(&dir);
    })
    .await;
}
