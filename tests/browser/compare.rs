//! The comparison table: it agrees with the reader's marks, and its filters and sorts work.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde::Deserialize;
use serde_json::json;

use crate::harness::{browser_test, App, UI_TIMEOUT};
use crate::page::{attr_sel, doc_ids, marks, select_doc, wait_panel, Mark};

/// WebDriver key codes.
const CONTROL: &str = "\u{E009}";
const BACKSPACE: &str = "\u{E003}";
const RELEASE_MODIFIERS: &str = "\u{E000}";

#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    pub entity: Option<String>,
    pub coverage: Option<i64>,
    pub displayed: bool,
    /// Text of the row's cells other than the per-article ones (its name, type, …).
    pub label: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Cell {
    pub doc: Option<String>,
    pub count: Option<i64>,
    pub buttons: usize,
}

pub async fn compare_rows(app: &App) -> Vec<Row> {
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

pub async fn show_compare(app: &App) {
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

/// For every article: entity id → (type, number of marks), read from the reader.
async fn all_marks(app: &App) -> BTreeMap<String, Vec<Mark>> {
    let mut out = BTreeMap::new();
    for id in doc_ids(app).await {
        select_doc(app, &id).await;
        out.insert(id, marks(app).await);
    }
    out
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

/// The map's cells, in drawing order: (entity, article, mentions, named in the lead, x).
async fn coverage_cells(app: &App) -> Vec<(String, String, i64, bool, f64)> {
    let v = app
        .js(
            "return [...document.querySelectorAll('svg#coverage-svg g.cov-cell')].map(g => \
               [g.dataset.entity, g.dataset.doc, Number(g.dataset.count), g.dataset.lead === '1', Number(g.querySelector('rect').getAttribute('x'))])",
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("coverage cells")
}

/// Coverage at a glance: the map's cells are the table's (its first rows, in its order, the same
/// counts); a cell opens its article at the entity with the entity's panel, by mouse and by
/// keyboard; each article's "only here" names are the table's rows named by that article alone;
/// the Arabic interface mirrors the columns; the picture is saved as an SVG file.
#[tokio::test]
async fn coverage_map_agrees_with_the_table_and_opens_mentions() {
    browser_test("coverage", |app| async move {
        let downloads = crate::workspace::scratch("coverage");
        crate::workspace::allow_downloads(&app, &downloads).await;
        show_compare(&app).await;
        app.wait_for_css("svg#coverage-svg g.cov-cell").await;
        let (rows, cells) = map_matches_table(&app).await;
        assert!(cells.iter().any(|c| c.3), "no entity named in any article's lead");
        assert_eq!(app.count("svg#coverage-svg g.cov-cell[data-lead] circle").await, cells.iter().filter(|c| c.3).count(), "a dot per cell in the lead");
        // "Only this article names": exactly the table's rows with one article, listed under it.
        let single: Vec<&Row> = rows.iter().filter(|r| r.coverage == Some(1)).collect();
        if let Some(r) = single.first() {
            let doc = r.cells.iter().find(|c| c.count.unwrap() > 0).unwrap().doc.clone().unwrap();
            let listed = app.attr(&format!("ul.cov-lists li{}", attr_sel("data-doc", &doc)), "data-doc").await;
            assert_eq!(listed.as_deref(), Some(doc.as_str()), "an article that alone names {:?} has no list", r.label);
        }
        app.screenshot("coverage-en").await;

        // A click on a cell in the second article: the reader there, at the entity, and its panel.
        let docs = doc_ids_of(&rows);
        let (entity, doc, ..) = cells.iter().find(|c| c.1 == docs[1]).expect("a cell in the second article").clone();
        app.click(&format!("svg#coverage-svg g.cov-cell{}{}", attr_sel("data-entity", &entity), attr_sel("data-doc", &doc))).await;
        wait_panel(&app, &entity).await;
        app.wait_for(
            "the reader at the cell's entity",
            UI_TIMEOUT,
            "const r = document.querySelector('article#reader'); const m = document.querySelector('article#reader mark.current'); \
             return r && r.dataset.doc === arguments[0] && m && m.dataset.entity === arguments[1];",
            vec![serde_json::json!(doc), serde_json::json!(entity)],
        )
        .await;

        // The keyboard: Enter on a focused cell of the first article.
        show_compare(&app).await;
        let (entity, doc, ..) = coverage_cells(&app).await.into_iter().find(|c| c.1 == docs[0]).expect("a cell in the first article");
        let sel = format!("svg#coverage-svg g.cov-cell{}{}", attr_sel("data-entity", &entity), attr_sel("data-doc", &doc));
        app.js("document.querySelector(arguments[0]).focus()", vec![serde_json::json!(sel)]).await;
        app.css(&sel).await.send_keys("\u{E007}").await.expect("Enter on the cell");
        app.wait_for(
            "Enter on a cell to open its article",
            UI_TIMEOUT,
            "const r = document.querySelector('article#reader'); return r && r.dataset.doc === arguments[0];",
            vec![serde_json::json!(doc)],
        )
        .await;
        wait_panel(&app, &entity).await;

        // Saved as SVG: the same cells in a file that is SVG.
        show_compare(&app).await;
        app.click("button#save-coverage").await;
        let svg = String::from_utf8(crate::workspace::wait_download(&downloads, "qarin-coverage.svg").await).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("xmlns=\"http://www.w3.org/2000/svg\""), "{}", &svg[..svg.len().min(200)]);
        assert_eq!(svg.matches("class=\"cov-cell\"").count(), cells.len());
        // And as PNG: a real PNG, twice the picture's width.
        app.click("button#save-coverage-png").await;
        let png = crate::workspace::wait_download(&downloads, "qarin-coverage.png").await;
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let svg_width: u32 = app.attr("svg#coverage-svg", "width").await.unwrap().parse().unwrap();
        assert_eq!(width, svg_width * 2, "PNG width");

        // Arabic: the first article's column is to the right of the last one's.
        let toggled = app.js("return document.documentElement.getAttribute('lang')", vec![]).await != "ar";
        if toggled {
            app.click("button#lang-toggle").await;
        }
        app.wait_for("the Arabic interface", UI_TIMEOUT, "return document.documentElement.getAttribute('lang') === 'ar'", vec![]).await;
        let ar = coverage_cells(&app).await;
        let x_of = |d: &str| ar.iter().find(|c| c.1 == d).map(|c| c.4);
        if let (Some(first), Some(last)) = (x_of(&docs[0]), x_of(docs.last().unwrap())) {
            assert!(first > last, "columns not mirrored: first at {first}, last at {last}");
        }
        app.screenshot("coverage-ar").await;
        // The dark theme: cells drawn in its colours (the theme's variables, not the fallbacks).
        let fill = "return getComputedStyle(document.querySelector('svg#coverage-svg g.cov-cell rect')).fill";
        let light = app.js(fill, vec![]).await;
        app.click("button#theme-toggle").await;
        app.wait_for("the dark theme's colours in the map", UI_TIMEOUT, &format!("{fill} !== arguments[0]"), vec![light]).await;
        app.screenshot("coverage-ar-dark").await;
        app.click("button#theme-toggle").await;
        if toggled {
            app.click("button#lang-toggle").await;
        }
    })
    .await;
}

/// The map's cells are the table's first 30 rows' non-empty cells, in the table's order, with the
/// same counts. Returns the table's rows and the map's cells.
async fn map_matches_table(app: &App) -> (Vec<Row>, Vec<(String, String, i64, bool, f64)>) {
    let rows = compare_rows(app).await;
    let cells = coverage_cells(app).await;
    let expected: Vec<(String, String, i64)> = rows
        .iter()
        .take(30)
        .flat_map(|r| r.cells.iter().filter(|c| c.count.unwrap() > 0).map(move |c| (r.entity.clone().unwrap(), c.doc.clone().unwrap(), c.count.unwrap())))
        .collect();
    let drawn: Vec<(String, String, i64)> = cells.iter().map(|(e, d, n, _, _)| (e.clone(), d.clone(), *n)).collect();
    assert!(!drawn.is_empty(), "an empty map");
    assert_eq!(drawn, expected, "the map's cells differ from the table's first rows");
    (rows, cells)
}

/// Seven short reports of one meeting, written for this test.
const SEVEN: [&str; 7] = [
    "عقد وزراء خارجية الأردن ومصر والعراق اجتماعا في عمان اليوم الأحد.\nوقال وزير الخارجية الأردني أيمن الصفدي إن الاجتماع بحث التعاون الاقتصادي.\nوشارك في الاجتماع وزير الخارجية المصري سامح شكري.",
    "استضافت عمان اجتماعا ثلاثيا ضم الأردن ومصر والعراق.\nوأكد أيمن الصفدي أهمية مشروع الربط الكهربائي.\nوحضر فؤاد حسين وزير خارجية العراق.",
    "بغداد - أعلنت وزارة الخارجية العراقية أن فؤاد حسين شارك في اجتماع عمان.\nوبحث الوزراء مع أيمن الصفدي وسامح شكري ملف الطاقة.",
    "القاهرة - قال سامح شكري إن مصر والأردن والعراق اتفقت على تعزيز التجارة.\nوجاء ذلك خلال اجتماع في عمان.",
    "التقى أيمن الصفدي في عمان نظيريه المصري والعراقي.\nوأشار البنك الدولي إلى أهمية المشروعات المشتركة.",
    "عمان - اختتم اجتماع وزراء خارجية الأردن ومصر والعراق أعماله.\nوقال فؤاد حسين إن الاجتماع المقبل سيعقد في بغداد.",
    "رحبت جامعة الدول العربية باجتماع عمان الثلاثي.\nوقال أحمد أبو الغيط إن التعاون بين الأردن ومصر والعراق نموذج.",
];

/// A user's own story of seven articles, the bundled ones hidden: the map has their seven
/// columns, agrees with the table, and lists what only one outlet names.
#[tokio::test]
async fn coverage_map_of_a_users_seven_articles() {
    browser_test("coverage-user", |app| async move {
        for (i, text) in SEVEN.iter().enumerate() {
            crate::page::paste(&app, &format!("تقرير {}", i + 1), text).await;
        }
        app.wait_for(
            "seven pasted articles",
            UI_TIMEOUT,
            "return document.querySelectorAll('button.doc-item[data-source=user]').length === 7 && document.querySelector('.updating') === null",
            vec![],
        )
        .await;
        assert!(app.count("#notices .notice[data-kind=added]").await <= 1, "one 'Added' notice for seven pastes, not a stack");
        app.click("input#show-bundled").await;
        app.wait_for("only the seven", UI_TIMEOUT, "return document.querySelectorAll('button.doc-item').length === 7 && document.querySelector('.updating') === null", vec![]).await;
        show_compare(&app).await;
        app.wait_for(
            "the map of seven articles",
            UI_TIMEOUT,
            "const c = [...document.querySelectorAll('svg#coverage-svg g.cov-cell')]; return c.length > 0 && new Set(c.map(g => g.dataset.doc)).size === 7",
            vec![],
        )
        .await;
        let (rows, _) = map_matches_table(&app).await;
        assert_eq!(doc_ids_of(&rows).len(), 7);
        let single = rows.iter().filter(|r| r.coverage == Some(1)).count();
        assert!(single > 0, "no name given by one article alone: {:?}", rows.iter().map(|r| &r.label).collect::<Vec<_>>());
        assert!(app.count("ul.cov-lists li .cov-only").await > 0, "no 'only this article' list");
        app.screenshot("coverage-user-7").await;
        // The graph of the same seven: its nodes are the table's rows.
        app.wait_for_css("svg#graph-svg g.graph-node").await;
        let row_ids: BTreeSet<String> = rows.iter().filter_map(|r| r.entity.clone()).collect();
        let v = app.js("return [...document.querySelectorAll('svg#graph-svg g.graph-node')].map(g => g.dataset.entity)", vec![]).await;
        let nodes: Vec<String> = serde_json::from_value(v).unwrap();
        assert!(nodes.len() >= 3 && nodes.iter().all(|n| row_ids.contains(n)), "{nodes:?}");
        app.js("document.querySelector('svg#graph-svg').scrollIntoView({block: 'center'})", vec![]).await;
        app.screenshot("graph-user-7").await;
    })
    .await;
}

/// The articles in the table's column order.
fn doc_ids_of(rows: &[Row]) -> Vec<String> {
    rows.first().map(|r| r.cells.iter().map(|c| c.doc.clone().unwrap()).collect()).unwrap_or_default()
}

/// Who appears with whom (#14): the graph's nodes are rows of the table (its type filter
/// applies), every line joins two drawn nodes, a node opens its entity, and the picture is
/// saved as SVG.
#[tokio::test]
async fn graph_of_names_in_the_same_sentence() {
    browser_test("graph", |app| async move {
        let downloads = crate::workspace::scratch("graph");
        crate::workspace::allow_downloads(&app, &downloads).await;
        show_compare(&app).await;
        app.wait_for_css("svg#graph-svg g.graph-node").await;
        let rows = compare_rows(&app).await;
        let row_ids: BTreeSet<String> = rows.iter().filter_map(|r| r.entity.clone()).collect();
        let graph = || async {
            let v = app
                .js(
                    "return [[...document.querySelectorAll('svg#graph-svg g.graph-node')].map(g => [g.dataset.entity, g.dataset.type]), \
                     [...document.querySelectorAll('svg#graph-svg line.graph-edge')].map(l => [l.dataset.a, l.dataset.b, Number(l.dataset.count)])]",
                    vec![],
                )
                .await;
            serde_json::from_value::<(Vec<(String, String)>, Vec<(String, String, i64)>)>(v).unwrap()
        };
        let (nodes, edges) = graph().await;
        assert!(nodes.len() >= 5 && !edges.is_empty(), "{nodes:?} {edges:?}");
        let ids: BTreeSet<&String> = nodes.iter().map(|(e, _)| e).collect();
        assert!(ids.iter().all(|e| row_ids.contains(*e)), "a node that is no row of the table");
        assert!(edges.iter().all(|(a, b, n)| ids.contains(a) && ids.contains(b) && a != b && *n >= 1), "{edges:?}");

        // The table's type filter applies to the graph.
        let select = app.css("select#filter-type").await;
        select.select_by_value("LOC").await.unwrap();
        app.wait_for(
            "only places in the graph",
            UI_TIMEOUT,
            "const g = [...document.querySelectorAll('svg#graph-svg g.graph-node')]; return g.length > 0 && g.every(x => x.dataset.type === 'LOC')",
            vec![],
        )
        .await;
        select.select_by_value("all").await.unwrap();
        app.wait_for("all types again", UI_TIMEOUT, "return document.querySelectorAll('svg#graph-svg g.graph-node').length === arguments[0]", vec![json!(nodes.len())]).await;

        // A node opens its entity; Enter on a focused node too.
        let (first, _) = nodes[0].clone();
        app.js("document.querySelector('svg#graph-svg').scrollIntoView({block: 'center'})", vec![]).await;
        app.screenshot("graph-en").await;
        app.click(&format!("svg#graph-svg g.graph-node{} circle", attr_sel("data-entity", &first))).await;
        wait_panel(&app, &first).await;
        let (second, _) = nodes[1].clone();
        let node = app.css(&format!("svg#graph-svg g.graph-node{}", attr_sel("data-entity", &second))).await;
        app.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", vec![serde_json::to_value(&node).unwrap()]).await;
        node.send_keys("\u{E007}").await.unwrap();
        wait_panel(&app, &second).await;

        app.click("button#save-graph").await;
        let svg = String::from_utf8(crate::workspace::wait_download(&downloads, "qarin-graph.svg").await).unwrap();
        assert_eq!(svg.matches("class=\"graph-node\"").count(), nodes.len(), "the saved SVG's nodes");

        // In Arabic, mirrored and with the same nodes.
        app.click("button#lang-toggle").await;
        app.wait_for("the Arabic graph", UI_TIMEOUT, "return document.documentElement.lang === 'ar' && document.querySelectorAll('svg#graph-svg g.graph-node').length === arguments[0]", vec![json!(nodes.len())]).await;
        app.js("document.querySelector('svg#graph-svg').scrollIntoView({block: 'center'})", vec![]).await;
        app.screenshot("graph-ar").await;
        app.click("button#theme-toggle").await;
        app.wait_for("the dark theme", UI_TIMEOUT, "return document.documentElement.dataset.theme === 'dark'", vec![]).await;
        app.js("document.querySelector('svg#graph-svg').scrollIntoView({block: 'center'})", vec![]).await;
        tokio::time::sleep(Duration::from_millis(400)).await; // the theme's colour transition
        app.screenshot("graph-ar-dark").await;
    })
    .await;
}

/// The coverage tab: the map and the graph of every name, whatever the comparison's filter; a
/// cell opens its mentions; the view is in the URL.
#[tokio::test]
async fn coverage_is_a_view_of_its_own() {
    browser_test("coverage-view", |app| async move {
        // A filter in the comparison narrows its pictures, not the coverage view's.
        show_compare(&app).await;
        app.wait_for_css("svg#coverage-svg g.cov-cell").await;
        let all = app.count("svg#coverage-svg g.cov-row").await;
        crate::page::set_value(&app, "input#filter-text", "zzzz-no-such-name").await;
        app.wait_for("the filtered comparison", UI_TIMEOUT, "return document.querySelectorAll('svg#coverage-svg g.cov-row').length === 0", vec![]).await;
        app.click("button#tab-coverage").await;
        app.wait_for_css("#panel-coverage svg#coverage-svg g.cov-cell").await;
        assert_eq!(app.count("#panel-coverage svg#coverage-svg g.cov-row").await, all, "every name, not the comparison's filter");
        assert!(app.count("#panel-coverage svg#graph-svg g.graph-node").await > 0, "the graph too");
        assert_eq!(app.attr("button#tab-coverage", "aria-selected").await.as_deref(), Some("true"));
        assert_eq!(app.hash_params().await.get("view").map(String::as_str), Some("coverage"));
        app.screenshot("coverage-view").await;
        // A cell opens the reader at its entity.
        let (entity, doc, ..) = coverage_cells(&app).await.into_iter().next().expect("a cell");
        app.click(&format!("svg#coverage-svg g.cov-cell{}{}", attr_sel("data-entity", &entity), attr_sel("data-doc", &doc))).await;
        wait_panel(&app, &entity).await;
        // Back through the URL.
        app.js("location.hash = '#view=coverage'", vec![]).await;
        app.wait_for_css("#panel-coverage svg#coverage-svg g.cov-cell").await;
    })
    .await;
}
