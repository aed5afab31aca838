//! Correcting names in place, above the reader (`src/components/correct.rs`): what a person
//! marks as a name becomes a name in every article that writes it, and stays after a reload;
//! a highlight said to be no name goes from every article; "Your corrections" lists and undoes
//! them; a selection made in the text is read as the same words.

use crate::harness::{browser_test, App, UI_TIMEOUT};
use crate::page::{doc_ids, marks, paste, select_doc, set_value};
use serde_json::json;

const A: &str = "أعلنت جماعة زرقاوند الخضراء مسؤوليتها عن الهجوم على القافلة قرب الحدود.\nوقال متحدث باسم زرقاوند الخضراء إن العملية ستتواصل.";
const B: &str = "نفت الحكومة ما أعلنته لزرقاوند الخضراء، وقالت إن القافلة وصلت سالمة إلى وجهتها.";

/// The reader's marks made by the reader's corrections: (text, type).
async fn user_marks(app: &App) -> Vec<(String, String)> {
    let v = app
        .js("return [...document.querySelectorAll('article#reader mark[data-by=user]')].map(m => [m.textContent, m.dataset.type])", vec![])
        .await;
    serde_json::from_value(v).expect("user marks")
}

async fn wait_user_marks(app: &App, what: &str, n: usize, text: &str, ty: &str) {
    app.wait_for(
        what,
        UI_TIMEOUT,
        "const m = [...document.querySelectorAll('article#reader mark[data-by=user]')]; \
         return document.querySelector('.updating') === null && m.length === arguments[0] && m.every(x => x.textContent === arguments[1] && x.dataset.type === arguments[2])",
        vec![json!(n), json!(text), json!(ty)],
    )
    .await;
}

#[tokio::test]
async fn a_correction_changes_the_same_name_in_every_article_and_survives_reload() {
    browser_test("correct", |app| async move {
        let downloads = crate::workspace::scratch("correct");
        crate::workspace::allow_downloads(&app, &downloads).await;
        paste(&app, "أ", A).await;
        paste(&app, "ب", B).await;
        app.wait_for(
            "two pasted articles",
            UI_TIMEOUT,
            "return document.querySelectorAll('button.doc-item[data-source=user]').length === 2 && document.querySelector('.updating') === null",
            vec![],
        )
        .await;
        app.click("input#show-bundled").await;
        app.wait_for("only the two", UI_TIMEOUT, "return document.querySelectorAll('button.doc-item').length === 2 && document.querySelector('.updating') === null", vec![]).await;
        let ids = doc_ids(&app).await;
        let (mut a, mut b) = (ids[0].clone(), ids[1].clone());
        select_doc(&app, &a).await;
        if !crate::page::reader_text(&app).await.starts_with("أعلنت") {
            std::mem::swap(&mut a, &mut b);
            select_doc(&app, &a).await;
        }
        assert!(user_marks(&app).await.is_empty());

        // Typed words, marked as an organisation: both places in A, the one after a proclitic in B.
        let analyses = "return performance.getEntriesByName('qarin:analysis-end', 'mark').length";
        let before = app.js(analyses, vec![]).await;
        set_value(&app, "input#correct-words", "زرقاوند الخضراء").await;
        app.click("button.correct-type[data-type=ORG]").await;
        wait_user_marks(&app, "the group marked twice in A", 2, "زرقاوند الخضراء", "ORG").await;
        // The tagger learns from it: the articles are analysed again with the correction (the
        // page shows it at once, before), and the list of corrections says so.
        app.wait_for(
            "an analysis that learned from the correction",
            UI_TIMEOUT,
            "return performance.getEntriesByName('qarin:analysis-end', 'mark').length > arguments[0] && document.querySelector('.updating') === null",
            vec![before],
        )
        .await;
        assert_eq!(app.count("#correct .corrections #corrections-learned").await, 1);
        assert_eq!(app.count(".notice[data-level=error]").await, 0, "no error notice");
        for m in marks(&app).await {
            assert_eq!(m.text, m.slice, "a mark's offsets point at its text");
        }
        select_doc(&app, &b).await;
        wait_user_marks(&app, "the group marked in B too", 1, "زرقاوند الخضراء", "ORG").await;

        // The research formats carry the correction: JSON Lines marks it the user's.
        set_value(&app, "select#download-format", "jsonl").await;
        let jsonl = String::from_utf8(crate::workspace::wait_download(&downloads, "qarin-mentions.jsonl").await).unwrap();
        let ours: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()).filter(|v| v["by"] == "user").collect();
        assert_eq!(ours.len(), 3, "{jsonl}");
        assert!(ours.iter().all(|v| v["text"] == "زرقاوند الخضراء" && v["type"] == "ORG"), "{ours:?}");
        set_value(&app, "select#download-format", "conll").await;
        let conll = String::from_utf8(crate::workspace::wait_download(&downloads, "qarin-names.conll").await).unwrap();
        assert!(conll.lines().filter(|l| l.starts_with("زرقاوند\tB-ORG")).count() >= 2, "{conll}");
        set_value(&app, "select#download-format", "brat").await;
        let zip = crate::workspace::wait_download(&downloads, "qarin-brat.zip").await;
        assert!(zip.starts_with(b"PK\x03\x04"), "not a ZIP");
        let stored = String::from_utf8_lossy(&zip);
        assert!(stored.contains("annotation.conf") && stored.matches("\tORG ").count() >= 3, "{stored}");

        // A selection in the text: the words are read from it, and marked in both articles.
        app.js(
            "const r = document.querySelector('article#reader'); const w = document.createTreeWalker(r, NodeFilter.SHOW_TEXT); \
             let n; while ((n = w.nextNode()) && !n.data.includes('القافلة')) {} \
             const i = n.data.indexOf('القافلة'); const range = document.createRange(); \
             range.setStart(n, i); range.setEnd(n, i + 'القافلة'.length + 1); \
             getSelection().removeAllRanges(); getSelection().addRange(range); \
             r.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));",
            vec![],
        )
        .await;
        app.wait_for("the selection in the field", UI_TIMEOUT, "return document.querySelector('input#correct-words').value === 'القافلة'", vec![]).await;
        app.click("button.correct-type[data-type=MISC]").await;
        app.wait_for(
            "the convoy marked in B",
            UI_TIMEOUT,
            "return [...document.querySelectorAll('article#reader mark[data-by=user][data-type=MISC]')].some(m => m.textContent === 'القافلة')",
            vec![],
        )
        .await;

        // Kept with the workspace.
        app.reload().await;
        app.wait_ready().await;
        select_doc(&app, &a).await;
        app.wait_for(
            "both corrections after a reload",
            UI_TIMEOUT,
            "const m = [...document.querySelectorAll('article#reader mark[data-by=user]')].map(m => m.textContent); \
             return m.filter(t => t === 'زرقاوند الخضراء').length === 2 && m.includes('القافلة')",
            vec![],
        )
        .await;
        assert_eq!(app.count("#correct .corrections li").await, 2);

        // "Not a name" on a highlight: gone here and in B.
        app.click("article#reader mark[data-by=user][data-type=MISC]").await;
        app.wait_for("the mark chosen", UI_TIMEOUT, "return !document.querySelector('button#correct-not-name').disabled", vec![]).await;
        app.click("button#correct-not-name").await;
        app.wait_for(
            "the convoy no longer a name in A",
            UI_TIMEOUT,
            "return document.querySelector('.updating') === null && ![...document.querySelectorAll('article#reader mark')].some(m => m.textContent === 'القافلة')",
            vec![],
        )
        .await;
        select_doc(&app, &b).await;
        app.wait_for("nor in B", UI_TIMEOUT, "return ![...document.querySelectorAll('article#reader mark')].some(m => m.textContent === 'القافلة')", vec![]).await;
        assert_eq!(user_marks(&app).await, vec![("زرقاوند الخضراء".to_string(), "ORG".to_string())]);

        // Each correction undone from the list, then all by "Reset to the engine's".
        assert_eq!(app.count("#correct .corrections li").await, 3);
        app.js("document.querySelector('#correct details.corrections').open = true", vec![]).await;
        app.click("#correct .corrections li:last-child button.undo-decision").await;
        app.wait_for("the convoy back as a name", UI_TIMEOUT, "return [...document.querySelectorAll('article#reader mark[data-by=user]')].some(m => m.textContent === 'القافلة')", vec![]).await;
        app.screenshot("correct-names").await;
        app.js("document.querySelector('#correct details.corrections').open = true", vec![]).await;
        app.click("button#correct-reset").await;
        wait_user_marks(&app, "no correction left", 0, "", "").await;
        assert_eq!(app.count("#correct .corrections li").await, 0);
    })
    .await;
}
