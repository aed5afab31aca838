//! End-to-end tests of the built web app in headless Chromium, against the app's DOM contract
//! (ids, classes and data attributes listed in the tests below).
//!
//! Run with `cargo xtask test`: it builds `dist/`, serves it, starts chromedriver and runs this
//! file with `QARIN_E2E_URL` and `QARIN_WEBDRIVER` set. Screenshots go to `target/screenshots/`.
//! Every test also fails on any browser console error and on any request leaving the origin.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use common::{browser_test, corpus, App, UI_TIMEOUT};
use serde::Deserialize;
use serde_json::json;

const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];
/// WebDriver key codes.
const ENTER: &str = "\u{E007}";
const CONTROL: &str = "\u{E009}";
const BACKSPACE: &str = "\u{E003}";
const RELEASE_MODIFIERS: &str = "\u{E000}";

/// `[name="value"]`, quoted for CSS.
fn attr_sel(name: &str, value: &str) -> String {
    format!("[{name}={}]", json!(value))
}

#[derive(Debug, Clone, Deserialize)]
struct Mark {
    #[serde(rename = "type")]
    ty: Option<String>,
    entity: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
    text: String,
    /// The reader's text between `start` and `end` (code points).
    slice: String,
    tabindex: i64,
}

/// The marks of the article shown in the reader.
async fn marks(app: &App) -> Vec<Mark> {
    let v = app
        .js(
            r#"const r = document.querySelector('article#reader');
            if (!r) return [];
            const cps = Array.from(r.textContent);
            const num = s => (s === undefined || s === null || !/^\d+$/.test(s)) ? null : Number(s);
            return [...r.querySelectorAll('mark')].map(m => ({
              type: m.dataset.type ?? null,
              entity: m.dataset.entity ?? null,
              start: num(m.dataset.start),
              end: num(m.dataset.end),
              text: m.textContent,
              slice: cps.slice(num(m.dataset.start) ?? 0, num(m.dataset.end) ?? 0).join(''),
              tabindex: m.tabIndex,
            }));"#,
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("marks")
}

/// The `data-doc` ids of the article list, in order.
async fn doc_ids(app: &App) -> Vec<String> {
    let v = app
        .js(
            "return [...document.querySelectorAll('button.doc-item')].map(b => b.dataset.doc ?? null)",
            vec![],
        )
        .await;
    let ids: Vec<Option<String>> = serde_json::from_value(v).expect("doc ids");
    ids.into_iter()
        .map(|id| id.expect("every button.doc-item has data-doc"))
        .collect()
}

async fn reader_doc(app: &App) -> Option<String> {
    app.attr("article#reader", "data-doc").await
}

/// Shows the reader view with article `id`.
async fn select_doc(app: &App, id: &str) {
    if !app.visible("article#reader").await {
        app.click("button#tab-reader").await;
    }
    if reader_doc(app).await.as_deref() != Some(id) {
        app.click(&format!("button.doc-item{}", attr_sel("data-doc", id)))
            .await;
    }
    let selector = format!("article#reader{}", attr_sel("data-doc", id));
    app.wait_for(
        &format!("the reader to show {id}"),
        UI_TIMEOUT,
        "return document.querySelector(arguments[0]) !== null",
        vec![json!(selector)],
    )
    .await;
}

/// For every article: entity id → (type, number of marks), read from the reader.
async fn all_marks(app: &App) -> BTreeMap<String, Vec<Mark>> {
    let mut out = BTreeMap::new();
    for id in doc_ids(app).await {
        select_doc(app, &id).await;
        out.insert(id, marks(app).await);
    }
    out
}

#[derive(Debug, Clone, Deserialize)]
struct Row {
    entity: Option<String>,
    coverage: Option<i64>,
    displayed: bool,
    /// Text of the row's cells other than the per-article ones (its name, type, …).
    label: String,
    cells: Vec<Cell>,
}

#[derive(Debug, Clone, Deserialize)]
struct Cell {
    doc: Option<String>,
    count: Option<i64>,
    buttons: usize,
}

async fn compare_rows(app: &App) -> Vec<Row> {
    let v = app
        .js(
            r#"const num = s => (s === undefined || s === null || !/^\d+$/.test(s)) ? null : Number(s);
            return [...document.querySelectorAll('table#compare-table tbody tr')].map(tr => ({
              entity: tr.dataset.entity ?? null,
              coverage: num(tr.dataset.coverage),
              displayed: tr.getClientRects().length > 0 && getComputedStyle(tr).visibility !== 'hidden',
              label: [...tr.cells].filter(c => !c.hasAttribute('data-doc')).map(c => c.textContent).join(' '),
              cells: [...tr.querySelectorAll('td[data-doc]')].map(td => ({
                doc: td.dataset.doc ?? null,
                count: num(td.dataset.count),
                buttons: td.querySelectorAll('button').length,
              })),
            }));"#,
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("compare rows")
}

async fn displayed_rows(app: &App) -> Vec<Row> {
    compare_rows(app)
        .await
        .into_iter()
        .filter(|r| r.displayed)
        .collect()
}

async fn show_compare(app: &App) {
    app.click("button#tab-compare").await;
    app.wait_for_css("table#compare-table tbody tr").await;
}

/// Waits until the displayed compare rows satisfy `ok`, returning them.
async fn wait_rows(app: &App, what: &str, ok: impl Fn(&[Row]) -> bool) -> Vec<Row> {
    let deadline = std::time::Instant::now() + UI_TIMEOUT;
    loop {
        let rows = displayed_rows(app).await;
        if ok(&rows) {
            return rows;
        }
        if std::time::Instant::now() > deadline {
            let shown: Vec<_> = rows
                .iter()
                .map(|r| (&r.entity, &r.label, r.coverage))
                .collect();
            panic!("timed out waiting for {what}; displayed rows: {shown:#?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The open entity panel's mentions, as (data-doc, data-start, has a jump button).
async fn panel_mentions(app: &App) -> Vec<(String, i64, bool)> {
    let v = app
        .js(
            r#"return [...document.querySelectorAll('aside#entity-panel ol.kwic li')].map(li =>
                 [li.dataset.doc ?? '', Number(li.dataset.start ?? NaN), li.querySelector('button.jump') !== null]);"#,
            vec![],
        )
        .await;
    let raw: Vec<(String, Option<i64>, bool)> = serde_json::from_value(v).expect("mentions");
    raw.into_iter()
        .map(|(doc, start, jump)| (doc, start.expect("li[data-start] is a number"), jump))
        .collect()
}

async fn wait_panel(app: &App, entity: &str) {
    let selector = format!("aside#entity-panel{}", attr_sel("data-entity", entity));
    app.wait_for(
        &format!("the entity panel for {entity}"),
        UI_TIMEOUT,
        "return document.querySelector(arguments[0]) !== null",
        vec![json!(selector)],
    )
    .await;
}

/// The test harness itself: the console-log helper must report a forced `console.error` as
/// SEVERE, and the origin check must notice a request to another origin.
#[tokio::test]
async fn harness_sees_console_errors_and_foreign_requests() {
    browser_test("harness", |app| async move {
        app.browser_logs().await;
        app.js("console.error('qarin-e2e-probe')", vec![]).await;
        let logs = app.browser_logs().await;
        assert!(
            logs.iter()
                .any(|e| e.level == "SEVERE" && e.message.contains("qarin-e2e-probe")),
            "console.error did not show up as SEVERE: {logs:#?}"
        );
        assert!(app.foreign_requests().await.is_empty());

        // The site's Content-Security-Policy refuses requests to other origins (tests/offline.rs
        // checks that): lift it for this probe of the harness.
        app.bypass_csp().await;
        // Same server, other origin (localhost instead of 127.0.0.1).
        let mut other = url::Url::parse(&app.base).unwrap();
        other.set_host(Some("localhost")).unwrap();
        let probe = other.join("index.html?e2e-probe").unwrap().to_string();
        app.js(
            "fetch(arguments[0], {mode: 'no-cors'}).catch(() => {})",
            vec![json!(probe)],
        )
        .await;
        app.wait_for(
            "the foreign request's resource timing entry",
            UI_TIMEOUT,
            "return performance.getEntriesByType('resource').some(e => e.name === arguments[0])",
            vec![json!(probe)],
        )
        .await;
        assert_eq!(app.foreign_requests().await, vec![probe]);
        // Undo the probes so the harness's own final checks pass.
        app.js("performance.clearResourceTimings()", vec![]).await;
        app.browser_logs().await;
    })
    .await;
}

/// (a) One list entry per bundled article; each shows its text verbatim in the reader with at
/// least three well-formed marks whose offsets point at their own text.
#[tokio::test]
async fn reader_shows_each_article_verbatim_with_marks() {
    browser_test("reader", |app| async move {
        let corpus = corpus();
        let mut ids = doc_ids(&app).await;
        ids.sort();
        let mut expected: Vec<String> = corpus.iter().map(|d| d.id.clone()).collect();
        expected.sort();
        assert_eq!(ids, expected, "one button.doc-item per bundled article");

        for (i, doc) in corpus.iter().enumerate() {
            select_doc(&app, &doc.id).await;
            let item = format!("button.doc-item{}", attr_sel("data-doc", &doc.id));
            assert_eq!(app.attr(&item, "aria-current").await.as_deref(), Some("true"));
            assert_eq!(
                app.count("button.doc-item[aria-current=true]").await,
                1,
                "exactly one selected article"
            );
            assert_eq!(app.attr("article#reader", "dir").await.as_deref(), Some("rtl"));
            assert_eq!(app.attr("article#reader", "lang").await.as_deref(), Some("ar"));
            assert_eq!(app.count("article#reader script").await, 0, "script in the reader");

            let text = app
                .js("return document.querySelector('article#reader').textContent", vec![])
                .await;
            let text = text.as_str().unwrap_or_default();
            let first_line = doc.text.lines().find(|l| !l.trim().is_empty()).unwrap();
            assert!(
                text.trim_start().starts_with(first_line.trim()),
                "{}: the reader does not start with the article's first line {first_line:?}; it starts {:?}",
                doc.id,
                text.chars().take(120).collect::<String>()
            );
            if text != doc.text {
                let at = text
                    .chars()
                    .zip(doc.text.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                panic!(
                    "{}: reader text differs from the article at code point {at} \
                     (lengths {} vs {}): reader {:?} vs article {:?}",
                    doc.id,
                    text.chars().count(),
                    doc.text.chars().count(),
                    text.chars().skip(at.saturating_sub(20)).take(60).collect::<String>(),
                    doc.text.chars().skip(at.saturating_sub(20)).take(60).collect::<String>(),
                );
            }

            let marks = marks(&app).await;
            assert!(marks.len() >= 3, "{}: only {} marks", doc.id, marks.len());
            let mut previous_end = 0;
            for m in &marks {
                assert!(
                    m.ty.as_deref().is_some_and(|t| TYPES.contains(&t)),
                    "{}: bad data-type on {m:?}",
                    doc.id
                );
                assert!(m.entity.as_deref().is_some_and(|e| !e.is_empty()), "{m:?}");
                let (start, end) = (m.start.expect("data-start"), m.end.expect("data-end"));
                assert!(start < end, "{m:?}");
                assert!(start >= previous_end, "{}: overlapping or unsorted marks at {m:?}", doc.id);
                previous_end = end;
                assert_eq!(m.text, m.slice, "{}: data-start/data-end do not frame the mark's text", doc.id);
                assert!(m.tabindex >= 0, "{}: mark not focusable: {m:?}", doc.id);
            }
            let kinds = app
                .js(
                    "return [...document.querySelectorAll('article#reader span.boilerplate')].map(s => s.dataset.kind ?? '')",
                    vec![],
                )
                .await;
            for kind in kinds.as_array().unwrap() {
                assert!(!kind.as_str().unwrap_or_default().is_empty(), "boilerplate span without data-kind");
            }
            if i == 0 {
                // The bundled webfont (style/fonts) is what the articles are set in.
                let font = app
                    .js(
                        r#"return document.fonts.ready.then(() => ({
                             faces: [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Qarin Naskh')
                                                       .map(f => f.weight + ':' + f.status),
                             usable: document.fonts.check('16px "Qarin Naskh"', 'قارن'),
                             family: getComputedStyle(document.querySelector('article#reader')).fontFamily,
                           }));"#,
                        vec![],
                    )
                    .await;
                assert!(
                    font["usable"] == json!(true)
                        && font["faces"].as_array().is_some_and(|f| f.iter().any(|f| f.as_str().is_some_and(|f| f.ends_with(":loaded"))))
                        && font["family"].as_str().is_some_and(|f| f.contains("Qarin Naskh")),
                    "the Qarin Naskh webfont is not loaded for the reader: {font}"
                );
                app.screenshot("reader").await;
            }
        }
    })
    .await;
}

/// Unticking a type in the legend unhighlights that type's marks, and only those.
#[tokio::test]
async fn legend_toggles_highlighting_per_type() {
    browser_test("legend", |app| async move {
        let mut found = None;
        for id in doc_ids(&app).await {
            select_doc(&app, &id).await;
            let m = marks(&app).await;
            let per = m.iter().find(|m| m.ty.as_deref() == Some("PER")).cloned();
            let other = m.iter().find(|m| m.ty.as_deref() != Some("PER")).cloned();
            if let (Some(per), Some(other)) = (per, other) {
                found = Some((per, other));
                break;
            }
        }
        let (per, other) = found.expect("an article with a PER mark and a mark of another type");
        let background = |m: &Mark| {
            let sel = format!(
                "article#reader mark{}{}",
                attr_sel("data-start", &m.start.unwrap().to_string()),
                attr_sel("data-type", m.ty.as_deref().unwrap())
            );
            let app = app.clone();
            async move {
                app.js(
                    "const m = document.querySelector(arguments[0]); return m ? getComputedStyle(m).backgroundColor : 'removed'",
                    vec![json!(sel)],
                )
                .await
                .as_str()
                .unwrap_or_default()
                .to_string()
            }
        };
        let per_before = background(&per).await;
        let other_before = background(&other).await;
        assert!(
            !matches!(per_before.as_str(), "rgba(0, 0, 0, 0)" | "transparent"),
            "PER marks are not highlighted to begin with ({per_before})"
        );
        let toggle = "#legend input[data-type-toggle=PER]";
        assert_eq!(app.js("return document.querySelector(arguments[0]).checked", vec![json!(toggle)]).await, json!(true));

        app.click(toggle).await;
        let deadline = std::time::Instant::now() + UI_TIMEOUT;
        while background(&per).await == per_before {
            assert!(std::time::Instant::now() < deadline, "PER mark still highlighted ({per_before}) after unticking PER");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Let any transition finish, then the other type must be untouched.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(background(&other).await, other_before, "unticking PER changed a {:?} mark", other.ty);

        app.click(toggle).await;
        let deadline = std::time::Instant::now() + UI_TIMEOUT;
        while background(&per).await != per_before {
            assert!(std::time::Instant::now() < deadline, "PER highlight not restored after ticking PER again");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
}

/// (b) An entity found in several articles: clicking its mark opens the panel with every mention
/// across the articles; a mention in another article jumps there and marks it current; Enter on a
/// focused mark opens that mark's entity.
#[tokio::test]
async fn entity_panel_lists_mentions_across_articles_and_jumps() {
    browser_test("entity-panel", |app| async move {
        show_compare(&app).await;
        let rows = compare_rows(&app).await;
        let row = rows
            .iter()
            .max_by_key(|r| r.coverage.unwrap_or(0))
            .expect("compare rows")
            .clone();
        assert!(
            row.coverage.unwrap_or(0) >= 3,
            "no entity is in 3 or more articles (best: {row:?})"
        );
        let entity = row.entity.clone().expect("tr[data-entity]");
        let in_docs: Vec<&Cell> = row.cells.iter().filter(|c| c.count.unwrap_or(0) > 0).collect();
        let first_doc = in_docs[0].doc.clone().unwrap();

        select_doc(&app, &first_doc).await;
        let mark_sel = format!("article#reader mark{}", attr_sel("data-entity", &entity));
        app.click(&mark_sel).await;
        wait_panel(&app, &entity).await;
        app.screenshot("entity-panel").await;

        let mentions = panel_mentions(&app).await;
        let docs: BTreeSet<&str> = mentions.iter().map(|(d, _, _)| d.as_str()).collect();
        assert!(docs.len() >= 2, "mentions from only {docs:?}");
        let expected_docs: BTreeSet<&str> = in_docs.iter().map(|c| c.doc.as_deref().unwrap()).collect();
        assert_eq!(docs, expected_docs, "the panel's articles differ from the compare row's");
        let expected_total: i64 = in_docs.iter().map(|c| c.count.unwrap()).sum();
        assert_eq!(mentions.len() as i64, expected_total, "mentions listed vs counted in the compare table");
        assert!(mentions.iter().all(|(_, _, jump)| *jump), "a mention without button.jump");
        assert!(app.count("aside#entity-panel ul.variants li").await >= 1, "no spelling variants listed");

        // Jump to a mention in another article.
        let index = mentions.iter().position(|(d, _, _)| *d != first_doc).unwrap();
        let (target_doc, target_start, _) = mentions[index].clone();
        app.js(
            "document.querySelectorAll('aside#entity-panel ol.kwic li')[arguments[0]].querySelector('button.jump').scrollIntoView({block: 'center'})",
            vec![json!(index)],
        )
        .await;
        let jump = app.all("aside#entity-panel ol.kwic li button.jump").await;
        app.click_element(&jump[index], "button.jump").await;
        app.wait_for(
            &format!("the jump to {target_doc} at {target_start}"),
            UI_TIMEOUT,
            r#"const r = document.querySelector('article#reader');
               const m = document.querySelector('article#reader mark.current');
               return r && r.dataset.doc === arguments[0] && m !== null
                 && m.dataset.entity === arguments[1] && Number(m.dataset.start) === arguments[2];"#,
            vec![json!(target_doc), json!(entity), json!(target_start)],
        )
        .await;
        app.wait_for(
            "the current mark to be scrolled into view",
            UI_TIMEOUT,
            r#"const b = document.querySelector('article#reader mark.current').getBoundingClientRect();
               return b.bottom > 0 && b.top < window.innerHeight && b.right > 0 && b.left < window.innerWidth;"#,
            vec![],
        )
        .await;
        assert_eq!(app.count("article#reader mark.current").await, 1, "exactly one current mark");

        // Keyboard: Enter on a focused mark of another entity.
        let other = marks(&app)
            .await
            .into_iter()
            .find(|m| m.entity.as_deref() != Some(entity.as_str()))
            .expect("a mark of another entity in this article");
        let other_entity = other.entity.clone().unwrap();
        let sel = format!("article#reader mark{}", attr_sel("data-start", &other.start.unwrap().to_string()));
        let element = app.css(&sel).await;
        app.js(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()",
            vec![serde_json::to_value(&element).unwrap()],
        )
        .await;
        element.send_keys(ENTER).await.expect("press Enter on a mark");
        wait_panel(&app, &other_entity).await;
    })
    .await;
}

/// (c) The compare table agrees with the reader's marks, and its filters and sorts work.
#[tokio::test]
async fn compare_table_counts_filters_and_sorts() {
    browser_test("compare", |app| async move {
        let ids = doc_ids(&app).await;
        let by_doc = all_marks(&app).await;
        // entity → type, and entity → article → mark count.
        let mut types: BTreeMap<String, String> = BTreeMap::new();
        let mut counts: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
        for (doc, marks) in &by_doc {
            for m in marks {
                let e = m.entity.clone().unwrap_or_default();
                types.insert(e.clone(), m.ty.clone().unwrap_or_default());
                *counts.entry(e).or_default().entry(doc.clone()).or_default() += 1;
            }
        }

        show_compare(&app).await;
        let heads = app
            .js("return [...document.querySelectorAll('table#compare-table thead th[data-doc]')].map(th => th.dataset.doc)", vec![])
            .await;
        let heads: Vec<String> = serde_json::from_value(heads).unwrap();
        assert_eq!(heads.len(), ids.len(), "one th[data-doc] per article");
        assert_eq!(
            heads.iter().collect::<BTreeSet<_>>(),
            ids.iter().collect::<BTreeSet<_>>()
        );

        let rows = compare_rows(&app).await;
        let row_entities: Vec<String> = rows.iter().map(|r| r.entity.clone().expect("tr[data-entity]")).collect();
        let unique: BTreeSet<&String> = row_entities.iter().collect();
        assert_eq!(unique.len(), rows.len(), "duplicate entity rows");
        assert_eq!(
            unique,
            types.keys().collect::<BTreeSet<_>>(),
            "the table's entities differ from the entities marked in the articles"
        );
        for r in &rows {
            let e = r.entity.as_deref().unwrap();
            assert_eq!(r.cells.len(), ids.len(), "{e}: one td[data-doc] per article");
            let nonzero = r.cells.iter().filter(|c| c.count.expect("td[data-count]") > 0).count();
            assert_eq!(r.coverage, Some(nonzero as i64), "{e}: data-coverage vs non-zero cells");
            for c in &r.cells {
                let doc = c.doc.as_deref().unwrap();
                let marked = counts[e].get(doc).copied().unwrap_or(0);
                assert_eq!(c.count, Some(marked), "{e} in {doc}: data-count vs marks in the reader");
                assert_eq!(c.buttons > 0, marked > 0, "{e} in {doc}: a button exactly in non-empty cells");
            }
        }
        assert!(rows.iter().all(|r| r.displayed), "rows hidden before any filter");
        let total = rows.len();

        // Type filter.
        let per: BTreeSet<&String> = types.iter().filter(|(_, t)| *t == "PER").map(|(e, _)| e).collect();
        assert!(!per.is_empty(), "no PER entity in the corpus");
        let select = app.css("select#filter-type").await;
        select.select_by_value("PER").await.expect("choose PER");
        let shown = wait_rows(&app, "only PER rows", |rows| rows.len() == per.len()).await;
        for r in &shown {
            assert!(per.contains(r.entity.as_ref().unwrap()), "non-PER row shown: {r:?}");
        }
        select.select_by_value("all").await.expect("choose all");
        wait_rows(&app, "all rows back", |rows| rows.len() == total).await;

        // Text filter: the longest Arabic word of the best-covered entity's row label.
        let best = rows.iter().max_by_key(|r| r.coverage).unwrap().clone();
        let word = best
            .label
            .split(|c: char| !('\u{0621}'..='\u{064A}').contains(&c))
            .max_by_key(|w| w.chars().count())
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| panic!("no Arabic word in the row label {:?}", best.label))
            .to_string();
        let input = app.css("input#filter-text").await;
        input.send_keys(&word).await.expect("type into the filter");
        let narrowed = wait_rows(&app, &format!("the text filter {word:?} to narrow the rows"), |rows| {
            !rows.is_empty() && rows.len() < total
        })
        .await;
        assert!(
            narrowed.iter().any(|r| r.entity == best.entity),
            "filtering by {word:?} hid its own row {:?}",
            best.entity
        );
        input
            .send_keys(&format!("{CONTROL}a{RELEASE_MODIFIERS}{BACKSPACE}"))
            .await
            .expect("clear the filter");
        wait_rows(&app, "all rows after clearing the text filter", |rows| rows.len() == total).await;

        // Sorting.
        app.click("button[data-sort=name]").await;
        app.click("button[data-sort=coverage]").await;
        let sorted = wait_rows(&app, "rows sorted by coverage, non-increasing", |rows| {
            rows.windows(2).all(|w| w[0].coverage >= w[1].coverage)
        })
        .await;
        assert_eq!(sorted.len(), total);
        app.click("button[data-sort=type]").await;
        wait_rows(&app, "rows grouped by type", |rows| {
            let order: Vec<&str> = rows.iter().map(|r| types[r.entity.as_ref().unwrap()].as_str()).collect();
            // Each type forms one block: once left, it never comes back.
            let mut seen = BTreeSet::new();
            order.windows(2).all(|w| w[0] == w[1] || seen.insert(w[0]) && !seen.contains(w[1]))
        })
        .await;
        app.screenshot("compare").await;

        // A count cell's button opens the entity.
        let entity = best.entity.clone().unwrap();
        let doc = best.cells.iter().find(|c| c.count.unwrap() > 0).unwrap().doc.clone().unwrap();
        app.click(&format!(
            "table#compare-table tbody tr{} td{} button",
            attr_sel("data-entity", &entity),
            attr_sel("data-doc", &doc)
        ))
        .await;
        wait_panel(&app, &entity).await;
    })
    .await;
}

/// (d) The URL hash records view, article and entity, and a reload restores them.
#[tokio::test]
async fn url_hash_restores_view_article_and_entity() {
    browser_test("hash", |app| async move {
        let ids = doc_ids(&app).await;
        let doc = ids.get(1).or(ids.first()).expect("articles").clone();
        select_doc(&app, &doc).await;
        let mark = marks(&app).await.into_iter().next().expect("a mark");
        let entity = mark.entity.clone().unwrap();
        app.click(&format!(
            "article#reader mark{}",
            attr_sel("data-start", &mark.start.unwrap().to_string())
        ))
        .await;
        wait_panel(&app, &entity).await;
        let expect_hash = |pairs: Vec<(&'static str, String)>| {
            let app = app.clone();
            async move {
                let deadline = std::time::Instant::now() + UI_TIMEOUT;
                loop {
                    let params = app.hash_params().await;
                    if pairs.iter().all(|(k, v)| params.get(*k) == Some(v)) {
                        return;
                    }
                    assert!(
                        std::time::Instant::now() < deadline,
                        "hash {params:?} lacks {pairs:?}"
                    );
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        expect_hash(vec![
            ("view", "reader".into()),
            ("doc", doc.clone()),
            ("entity", entity.clone()),
        ])
        .await;

        app.reload().await;
        assert_eq!(
            reader_doc(&app).await.as_deref(),
            Some(doc.as_str()),
            "article after reload"
        );
        wait_panel(&app, &entity).await;
        assert!(
            app.visible("article#reader").await,
            "reader not shown after reloading the reader view"
        );
        assert!(
            !app.visible("table#compare-table").await,
            "compare view shown after reloading the reader view"
        );

        app.click("button#tab-compare").await;
        expect_hash(vec![("view", "compare".into()), ("entity", entity.clone())]).await;
        app.reload().await;
        app.wait_for_css("table#compare-table tbody tr").await;
        assert!(
            app.visible("table#compare-table").await,
            "compare view not shown after reload"
        );
        wait_panel(&app, &entity).await;

        // A hand-written link works too, on a fresh load.
        let other_doc = ids.last().unwrap().clone();
        app.open(&format!("#view=reader&doc={other_doc}&entity={entity}"))
            .await;
        assert_eq!(reader_doc(&app).await.as_deref(), Some(other_doc.as_str()));
        assert!(
            app.visible("article#reader").await,
            "reader not shown for a view=reader link"
        );
        wait_panel(&app, &entity).await;
    })
    .await;
}

/// (e) The language toggle flips `<html lang dir>` between en/ltr and ar/rtl (the articles stay
/// rtl); the theme toggle flips `html[data-theme]` between light and dark and changes colours.
#[tokio::test]
async fn language_and_theme_toggles() {
    browser_test("toggles", |app| async move {
        let lang_dir = || {
            let app = app.clone();
            async move {
                (
                    app.attr("html", "lang").await.unwrap_or_default(),
                    app.attr("html", "dir").await.unwrap_or_default(),
                )
            }
        };
        let consistent = |(lang, dir): &(String, String)| {
            matches!((lang.as_str(), dir.as_str()), ("en", "ltr") | ("ar", "rtl"))
        };
        let start = lang_dir().await;
        assert!(consistent(&start), "html lang/dir at start: {start:?}");
        for round in 0..2 {
            let before = lang_dir().await;
            app.click("button#lang-toggle").await;
            app.wait_for(
                "html[lang] to change",
                UI_TIMEOUT,
                "return document.documentElement.getAttribute('lang') !== arguments[0]",
                vec![json!(before.0)],
            )
            .await;
            let after = lang_dir().await;
            assert!(consistent(&after), "html lang/dir after toggling: {after:?}");
            assert_ne!(after.1, before.1, "dir did not flip");
            assert_eq!(app.attr("article#reader", "dir").await.as_deref(), Some("rtl"));
            assert_eq!(app.attr("article#reader", "lang").await.as_deref(), Some("ar"));
            if after.0 == "ar" {
                app.screenshot("arabic-ui").await;
            }
            if round == 1 {
                assert_eq!(after, start, "two toggles did not restore the language");
            }
        }

        let colours = || {
            let app = app.clone();
            async move {
                app.js(
                    r#"const h = getComputedStyle(document.documentElement), b = getComputedStyle(document.body);
                       return [h.backgroundColor, b.backgroundColor, b.color].join(' | ');"#,
                    vec![],
                )
                .await
                .as_str()
                .unwrap_or_default()
                .to_string()
            }
        };
        let mut seen = BTreeSet::new();
        for _ in 0..2 {
            let before = (app.attr("html", "data-theme").await, colours().await);
            app.click("button#theme-toggle").await;
            let theme = app
                .wait_for(
                    "html[data-theme] to change",
                    UI_TIMEOUT,
                    "const t = document.documentElement.getAttribute('data-theme'); return t !== arguments[0] && t",
                    vec![json!(before.0)],
                )
                .await;
            let theme = theme.as_str().unwrap_or_default().to_string();
            assert!(theme == "light" || theme == "dark", "data-theme={theme:?}");
            app.wait_for(
                "the page colours to change with the theme",
                UI_TIMEOUT,
                r#"const h = getComputedStyle(document.documentElement), b = getComputedStyle(document.body);
                   return [h.backgroundColor, b.backgroundColor, b.color].join(' | ') !== arguments[0];"#,
                vec![json!(before.1)],
            )
            .await;
            if theme == "dark" {
                // Let colour transitions settle before the picture.
                tokio::time::sleep(Duration::from_millis(400)).await;
                app.screenshot("dark-theme").await;
            }
            seen.insert(theme);
        }
        assert_eq!(seen.len(), 2, "the theme toggle did not go through light and dark: {seen:?}");
    })
    .await;
}

#[tokio::test]
async fn about_panel_credits_the_data_and_model() {
    browser_test("about", |app| async move {
        app.click("#about summary").await;
        let text = app
            .js("return document.querySelector('#about details').open ? document.querySelector('#about').innerText : ''", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        for needle in ["ANERcorp", "CC BY-SA 4.0", "Benajiba", "CAMeL Tools", "Open Font License"] {
            assert!(text.contains(needle), "About panel lacks «{needle}»: {text:?}");
        }
    })
    .await;
}
