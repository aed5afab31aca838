//! The facts view (where the articles agree and disagree), the shared wire copy view and "who
//! said what" in the entity panel. Screenshots: `facts.png`, `wire.png`, `quotes.png`.

use serde_json::{json, Value};

use crate::harness::{browser_test, App, UI_TIMEOUT};
use crate::page::{attr_sel, corpus, paste, set_value};

/// The facts table's rows: (data-fact, data-status).
async fn fact_rows(app: &App) -> Vec<(String, String)> {
    let v = app
        .js(
            "return [...document.querySelectorAll('table#facts-table tbody tr')].map(r => [r.dataset.fact ?? '', r.dataset.status ?? ''])",
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("fact rows")
}

/// Waits until the reader shows article `doc` with a current highlight (`.fact-hit.current`, a
/// value or a quote jumped to) and returns its text.
async fn wait_highlight(app: &App, what: &str, doc: &str) -> Value {
    app.wait_for(
        what,
        UI_TIMEOUT,
        "const r = document.querySelector('article#reader'); \
         if (!r || r.dataset.doc !== arguments[0]) return null; \
         const h = [...r.querySelectorAll('.fact-hit.current')]; \
         return h.length ? h.map(x => x.textContent).join('') : null",
        vec![json!(doc)],
    )
    .await
}

/// The facts view lists conflicts and agreements; the status filter keeps only what it names and
/// the text filter narrows the rows; the hash names the view and the selected fact, and a refresh
/// restores both.
#[tokio::test]
async fn facts_view_lists_conflicts_and_agreements_and_filters() {
    browser_test("facts-view", |app| async move {
        app.open("").await;
        app.click("button#tab-facts").await;
        app.wait_for_css("table#facts-table tbody tr").await;
        assert_eq!(app.attr("button#tab-facts", "aria-selected").await.as_deref(), Some("true"));
        assert_eq!(app.hash_params().await.get("view").map(String::as_str), Some("facts"));

        let rows = fact_rows(&app).await;
        let n_conflict = rows.iter().filter(|(_, s)| s == "conflict").count();
        let n_agree = rows.iter().filter(|(_, s)| s == "agree").count();
        assert!(n_conflict >= 1, "no conflict in the bundled corpus: {rows:?}");
        assert!(n_agree >= 1, "no agreement in the bundled corpus: {rows:?}");
        for (id, s) in &rows {
            assert!(!id.is_empty(), "a row without data-fact");
            assert!(["conflict", "agree", "single"].contains(&s.as_str()), "bad status {s}");
        }
        // One column per article, empty cells shown as a dash.
        let n_docs = corpus().len();
        let first = &rows[0].0;
        let cells = app.count(&format!("tr{} td[data-doc]", attr_sel("data-fact", first))).await;
        assert_eq!(cells, n_docs, "one cell per article in row {first}");
        let dashes = app
            .js(
                "return [...document.querySelectorAll('#facts-table td[data-doc]')].filter(td => !td.querySelector('button.fact-jump')).every(td => td.textContent.includes('—'))",
                vec![],
            )
            .await;
        assert_eq!(dashes, json!(true), "an empty cell without a dash");
        // A conflict is visibly marked: its badge says so.
        let badge = app
            .js(
                "return document.querySelector('#facts-table tr[data-status=conflict] .status-badge')?.textContent ?? ''",
                vec![],
            )
            .await;
        assert!(badge.as_str().unwrap_or("").contains("conflict"), "conflict badge: {badge}");
        app.screenshot("facts").await;

        // Only conflicts.
        set_value(&app, "select#facts-status", "conflict").await;
        app.wait_for(
            "only conflicts",
            UI_TIMEOUT,
            "const r = [...document.querySelectorAll('#facts-table tbody tr')]; return r.length > 0 && r.every(x => x.dataset.status === 'conflict')",
            vec![],
        )
        .await;
        assert_eq!(fact_rows(&app).await.len(), n_conflict);
        // Only agreements.
        set_value(&app, "select#facts-status", "agree").await;
        app.wait_for(
            "only agreements",
            UI_TIMEOUT,
            "const r = [...document.querySelectorAll('#facts-table tbody tr')]; return r.length > 0 && r.every(x => x.dataset.status === 'agree')",
            vec![],
        )
        .await;
        assert_eq!(fact_rows(&app).await.len(), n_agree);
        // Text filter: a value's written text keeps its row; nonsense keeps nothing.
        set_value(&app, "select#facts-status", "all").await;
        set_value(&app, "input#facts-filter", "zzzz-no-such-fact").await;
        app.wait_for(
            "no rows for nonsense",
            UI_TIMEOUT,
            "return document.querySelectorAll('#facts-table tbody tr').length === 0",
            vec![],
        )
        .await;
        set_value(&app, "input#facts-filter", "").await;
        app.wait_for(
            "rows back",
            UI_TIMEOUT,
            "return document.querySelectorAll('#facts-table tbody tr').length === arguments[0]",
            vec![json!(rows.len())],
        )
        .await;

        // Select a conflict: the hash records it, and a refresh restores view and selection.
        let conflict = rows.iter().find(|(_, s)| s == "conflict").unwrap().0.clone();
        app.click(&format!("tr{} button.fact-select", attr_sel("data-fact", &conflict))).await;
        app.wait_for(
            "fact in the hash",
            UI_TIMEOUT,
            "return new URLSearchParams(location.hash.slice(1)).get('fact') === arguments[0]",
            vec![json!(conflict)],
        )
        .await;
        app.reload().await;
        app.wait_for_css("table#facts-table tbody tr").await;
        assert_eq!(app.attr("button#tab-facts", "aria-selected").await.as_deref(), Some("true"));
        let sel = format!("tr{}", attr_sel("data-fact", &conflict));
        assert_eq!(app.attr(&sel, "data-selected").await.as_deref(), Some("true"));
        assert_eq!(app.hash_params().await.get("fact"), Some(&conflict));
    })
    .await;
}

/// A value's jump button opens its article with the value highlighted as written.
#[tokio::test]
async fn fact_jump_highlights_the_value_in_the_reader() {
    browser_test("facts-jump", |app| async move {
        app.open("#view=facts").await;
        app.wait_for_css("table#facts-table tbody tr").await;
        // A conflict's values in two different articles (the second one, so that the jump has to
        // change article).
        let cells = app
            .js(
                "return [...document.querySelectorAll('#facts-table tr[data-status=conflict] td[data-doc]')].filter(td => td.querySelector('button.fact-jump')).map(td => [td.closest('tr').dataset.fact, td.dataset.doc, td.querySelector('.written').textContent])",
                vec![],
            )
            .await;
        let cells: Vec<(String, String, String)> = serde_json::from_value(cells).expect("cells");
        assert!(cells.len() >= 2, "a conflict has values in two articles: {cells:?}");
        for (fact, doc, written) in cells.iter().rev().take(2) {
            let button = format!(
                "tr{} td{} button.fact-jump",
                attr_sel("data-fact", fact),
                attr_sel("data-doc", doc)
            );
            app.click(&button).await;
            let got = wait_highlight(&app, "the highlighted value", doc).await;
            assert_eq!(got, Value::String(written.clone()), "highlight of {fact} in {doc}");
            // Only text inside the highlight, and it is on screen.
            let ok = app
                .js(
                    "const h = document.querySelector('#reader .fact-hit.current'); \
                     const b = h.getBoundingClientRect(); \
                     return h.children.length === 0 && b.bottom > 0 && b.top < innerHeight",
                    vec![],
                )
                .await;
            assert_eq!(ok, json!(true), "the highlight is plain text, scrolled into view");
            assert_eq!(app.attr("button#tab-reader", "aria-selected").await.as_deref(), Some("true"));
            app.click("button#tab-facts").await;
            app.wait_for_css("table#facts-table tbody tr").await;
        }
    })
    .await;
}

/// The bundled corpus shares no wire copy; an article copying two long paragraphs of a bundled
/// one (with a few words changed) shows up as a shared passage with its differences marked.
#[tokio::test]
async fn wire_view_shows_a_pasted_copy() {
    browser_test("wire-view", |app| async move {
        app.open("#view=wire").await;
        app.wait_for_css("section#wire-view").await;
        assert_eq!(app.attr("button#tab-wire", "aria-selected").await.as_deref(), Some("true"));
        assert_eq!(app.count("div.wire-pair").await, 0, "the bundled corpus shares no copy");
        let none = app.css("section#wire-view").await.text().await.unwrap();
        assert!(none.contains("No passage is shared nearly word for word"), "{none}");
        assert_eq!(app.count("button.doc-item .doc-reuse").await, 0);

        // Two long paragraphs of a bundled article, with two words changed.
        let docs = corpus();
        let source = docs
            .iter()
            .find(|d| d.text.lines().filter(|l| l.split_whitespace().count() >= 30).count() >= 2)
            .expect("a bundled article with two long paragraphs");
        let paras: Vec<&str> = source
            .text
            .lines()
            .filter(|l| l.split_whitespace().count() >= 30)
            .take(2)
            .collect();
        let change = |p: &str, at: usize, word: &str| {
            let mut w: Vec<&str> = p.split_whitespace().collect();
            w[at] = word;
            w.join(" ")
        };
        let body = format!(
            "{}\n\n{}\n",
            change(paras[0], 10, "وأكدت"),
            change(paras[1], 12, "الماضية")
        );
        paste(&app, "نسخة من نص وكالة", &body).await;
        let user = app
            .wait_for(
                "the pasted article",
                UI_TIMEOUT,
                "return document.querySelector('button.doc-item[data-source=user]')?.dataset.doc ?? null",
                vec![],
            )
            .await;
        let user = user.as_str().unwrap().to_string();
        app.wait_ready().await;

        app.click("button#tab-wire").await;
        app.wait_for_css("div.wire-pair").await;
        let pair = app
            .js(
                "const p = [...document.querySelectorAll('div.wire-pair')].find(p => [p.dataset.a, p.dataset.b].includes(arguments[0])); \
                 if (!p) return null; \
                 return {a: p.dataset.a, b: p.dataset.b, ta: p.querySelector('.wire-a .wire-text').textContent, \
                         tb: p.querySelector('.wire-b .wire-text').textContent, \
                         diffs: p.querySelectorAll('span.diff').length, \
                         titles: p.querySelectorAll('.wire-a .wire-title, .wire-b .wire-title').length}",
                vec![json!(user)],
            )
            .await;
        assert!(pair.is_object(), "no wire pair with the pasted article");
        let ids = [pair["a"].as_str().unwrap(), pair["b"].as_str().unwrap()];
        assert!(ids.contains(&source.id.as_str()), "{pair}");
        assert!(pair["diffs"].as_u64().unwrap() >= 1, "no differing word marked: {pair}");
        assert_eq!(pair["titles"], json!(2));
        let (ta, tb) = (pair["ta"].as_str().unwrap(), pair["tb"].as_str().unwrap());
        let (pasted_side, bundled_side) = if ids[0] == user { (ta, tb) } else { (tb, ta) };
        assert!(pasted_side.contains("وأكدت"), "the pasted side: {pasted_side}");
        // The shared passage is long, and taken from the bundled article as written.
        assert!(bundled_side.split_whitespace().count() >= 30, "{bundled_side}");
        assert!(source.text.contains(bundled_side), "bundled side not verbatim: {bundled_side}");
        // Both articles now show their share of reused text.
        for id in [&user, &source.id] {
            let reuse = app
                .js(
                    "return document.querySelector(`button.doc-item[data-doc=\"${arguments[0]}\"] .doc-reuse`)?.textContent ?? ''",
                    vec![json!(id)],
                )
                .await;
            assert!(reuse.as_str().unwrap().contains('%'), "no share for {id}: {reuse}");
        }
        app.js("document.querySelector('div.wire-pair').scrollIntoView({block: 'start'})", vec![]).await;
        app.screenshot("wire").await;
    })
    .await;
}

/// Tokayev's entity panel shows what he said, article by article, each quote jumping to its place.
#[tokio::test]
async fn entity_panel_shows_who_said_what() {
    browser_test("quotes", |app| async move {
        app.open("").await;
        // Find an article with a mark reading توكاييف.
        let docs = corpus();
        let mut found = false;
        for d in &docs {
            app.click(&format!("button.doc-item{}", attr_sel("data-doc", &d.id))).await;
            app.wait_for(
                "the article",
                UI_TIMEOUT,
                "return document.querySelector('article#reader')?.dataset.doc === arguments[0]",
                vec![json!(d.id)],
            )
            .await;
            let has = app
                .js(
                    "const m = [...document.querySelectorAll('#reader mark')].find(m => m.textContent === 'توكاييف'); \
                     if (m) { m.scrollIntoView({block: 'center'}); m.click(); return true } return false",
                    vec![],
                )
                .await;
            if has == json!(true) {
                found = true;
                break;
            }
        }
        assert!(found, "no mark reads توكاييف");
        app.wait_for_css("aside#entity-panel section.quotes").await;
        let cols = app
            .js(
                "return [...document.querySelectorAll('#entity-panel section.quotes div.quote-col')].map(c => [c.dataset.doc, c.querySelectorAll('blockquote').length])",
                vec![],
            )
            .await;
        let cols: Vec<(String, usize)> = serde_json::from_value(cols).expect("quote columns");
        assert!(cols.len() >= 2, "quotes from fewer than two articles: {cols:?}");
        assert!(cols.iter().all(|(d, n)| !d.is_empty() && *n >= 1), "{cols:?}");
        app.js(
            "document.querySelector('#entity-panel section.quotes').scrollIntoView({block: 'start'})",
            vec![],
        )
        .await;
        app.screenshot("quotes").await;

        // A quote's jump opens its article with the quote highlighted.
        let (doc, _) = cols.last().unwrap().clone();
        let quote = app
            .js(
                "return document.querySelector(`#entity-panel div.quote-col[data-doc=\"${arguments[0]}\"] blockquote`).textContent",
                vec![json!(doc)],
            )
            .await;
        app.click(&format!("#entity-panel div.quote-col{} button.quote-jump", attr_sel("data-doc", &doc)))
            .await;
        let got = wait_highlight(&app, "the highlighted quote", &doc).await;
        assert_eq!(got, quote);
    })
    .await;
}

/// The timeline: each mark is a value of a date row of the facts table, coloured by that row's
/// status; selecting one (click, or Enter) opens its article with the value highlighted; it is
/// mirrored in Arabic and drawn in the dark theme too.
#[tokio::test]
async fn timeline_marks_are_dated_facts_and_open_their_sentence() {
    browser_test("timeline", |app| async move {
        let downloads = crate::workspace::scratch("timeline");
        crate::workspace::allow_downloads(&app, &downloads).await;
        app.open("").await;
        app.click("button#tab-facts").await;
        app.wait_for_css("table#facts-table tbody tr").await;
        app.wait_for_css("svg#timeline-svg g.tl-mark").await;
        let v = app
            .js(
                "return [...document.querySelectorAll('svg#timeline-svg g.tl-mark')].map(g => { \
                   const row = document.querySelector(`#facts-table tr[data-fact=\"${g.dataset.fact}\"]`); \
                   const shape = g.querySelector('circle, rect'); \
                   return [g.dataset.fact, g.dataset.doc, row ? row.dataset.kind : '', row ? row.dataset.status : '', shape.getAttribute('fill'), g.getAttribute('aria-label')]; })",
                vec![],
            )
            .await;
        let marks: Vec<(String, String, String, String, String, String)> = serde_json::from_value(v).unwrap();
        assert!(marks.len() >= 3, "too few marks: {marks:?}");
        for (fact, _, kind, status, fill, _) in &marks {
            assert_eq!(kind, "date", "{fact}: a mark for a row that is not a date row");
            let want = match status.as_str() {
                "conflict" => "#c0392b",
                "agree" => "#1e8449",
                _ => "#7f8c8d",
            };
            assert_eq!(fill, want, "{fact}: colour vs status {status}");
        }
        let legend = app.js("return document.querySelector('details.timeline .cov-legend').textContent", vec![]).await;
        assert!(legend.as_str().unwrap().contains(&marks.iter().map(|m| &m.0).collect::<std::collections::BTreeSet<_>>().len().to_string()), "legend {legend}");
        app.screenshot("timeline-en").await;
        // Saved as SVG (the same marks) and as PNG.
        app.click("button#save-timeline").await;
        let svg = String::from_utf8(crate::workspace::wait_download(&downloads, "qarin-timeline.svg").await).unwrap();
        assert_eq!(svg.matches("class=\"tl-mark\"").count(), marks.len(), "the saved SVG's marks");
        app.click("button#save-timeline-png").await;
        let png = crate::workspace::wait_download(&downloads, "qarin-timeline.png").await;
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");

        // A click opens the value's sentence in its article.
        let (fact, doc, ..) = marks[0].clone();
        let sel = format!("svg#timeline-svg g.tl-mark{}{}", attr_sel("data-fact", &fact), attr_sel("data-doc", &doc));
        app.click(&sel).await;
        let hit = wait_highlight(&app, "the timeline's value in the reader", &doc).await;
        assert!(marks[0].5.contains(hit.as_str().unwrap()), "highlight {hit} is not the mark's value ({})", marks[0].5);
        // Enter on the last mark.
        app.click("button#tab-facts").await;
        let (fact, doc, ..) = marks.last().unwrap().clone();
        let sel = format!("svg#timeline-svg g.tl-mark{}{}", attr_sel("data-fact", &fact), attr_sel("data-doc", &doc));
        app.wait_for_css(&sel).await;
        app.js("document.querySelector(arguments[0]).dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))", vec![json!(sel)]).await;
        wait_highlight(&app, "Enter on a timeline mark", &doc).await;

        // Arabic, dark: time runs right to left.
        app.click("button#tab-facts").await;
        let toggled = app.js("return document.documentElement.getAttribute('lang')", vec![]).await != "ar";
        if toggled {
            app.click("button#lang-toggle").await;
        }
        app.click("button#theme-toggle").await;
        app.wait_for_css("svg#timeline-svg g.tl-mark").await;
        let label_x = app.js("return Number(document.querySelector('svg#timeline-svg > text[text-anchor=start]')?.getAttribute('x') ?? -1)", vec![]).await;
        assert!(label_x.as_f64().unwrap() > 400.0, "the labels are not on the right in Arabic: x = {label_x}");
        app.screenshot("timeline-ar-dark").await;
        app.click("button#theme-toggle").await;
        if toggled {
            app.click("button#lang-toggle").await;
        }
    })
    .await;
}
