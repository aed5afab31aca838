//! Links the engine only suggests (same family name, different given names in different
//! articles), answered in the entity panel: kept apart, undone, then accepted as one person.

use serde_json::json;

use super::*;
use crate::harness::browser_test;
use crate::page::attr_sel;

/// The compare table's row whose label is `label`: its entity id.
async fn row_entity(app: &App, label: &str) -> String {
    let v = app
        .js(
            "const l = [...document.querySelectorAll('table#compare-table tbody tr .ent-label')].find(l => l.textContent === arguments[0]); \
             return l ? l.closest('tr').dataset.entity : null;",
            vec![json!(label)],
        )
        .await;
    v.as_str().unwrap_or_else(|| panic!("no row labelled {label}")).to_string()
}

async fn open_panel(app: &App, entity: &str) {
    app.click(&format!("table#compare-table tr{} button.ent-btn", attr_sel("data-entity", entity))).await;
    app.wait_for_css(&format!("aside#entity-panel{}", attr_sel("data-entity", entity))).await;
}

/// (5) Two articles of the bundled corpus name the Russian general أناتولي سيرديوكوف and
/// أندري سيرديوكوف: two entities and a suggestion between them, in both panels. "Different"
/// keeps them apart (kept across a reload, undoable); "Same person" merges them.
#[tokio::test]
async fn suggested_links_are_answered_in_the_panel() {
    browser_test("ws-suggestions", |app| async move {
        app.click("button#tab-compare").await;
        app.wait_for_css("table#compare-table tbody tr").await;
        let anatoly = row_entity(&app, "أناتولي سيرديوكوف").await;
        let andrei = row_entity(&app, "أندري سيرديوكوف").await;
        assert_ne!(anatoly, andrei, "different given names are not merged silently");
        let rows = app.count("table#compare-table tbody tr").await;

        open_panel(&app, &anatoly).await;
        let item = format!("aside#entity-panel section.suggestions li.suggestion{}", attr_sel("data-other", &andrei));
        app.wait_for_css(&item).await;
        let pair = app.js("return [...document.querySelectorAll(arguments[0] + ' .reason-pair bdi')].map(b => b.textContent)", vec![json!(item)]).await;
        assert_eq!(pair, json!(["أناتولي سيرديوكوف", "أندري سيرديوكوف"]));
        let question = app.js("return document.querySelector(arguments[0] + ' .reason-detail').textContent", vec![json!(item)]).await;
        assert!(question.as_str().is_some_and(|q| q.contains("given names")), "{question}");
        app.screenshot("panel-suggestion").await;
        // In Arabic: the question and both answers are worded, right to left.
        app.click("button#lang-toggle").await;
        app.wait_for("the Arabic interface", UI_TIMEOUT, "return document.documentElement.getAttribute('lang') === 'ar'", vec![]).await;
        let words = app.js("return [...document.querySelectorAll(arguments[0] + ' .reason-detail, ' + arguments[0] + ' button.btn')].map(e => e.textContent)", vec![json!(item)]).await;
        let words: Vec<String> = serde_json::from_value(words).unwrap();
        assert_eq!(words.len(), 3, "{words:?}");
        assert!(words.iter().all(|w| w.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) && !w.contains("given")), "{words:?}");
        app.screenshot("panel-suggestion-ar").await;
        app.click("button#lang-toggle").await;
        app.wait_for("the English interface", UI_TIMEOUT, "return document.documentElement.getAttribute('lang') === 'en'", vec![]).await;
        // The other entity's panel asks the same question.
        app.click(&format!("{item} button.suggestion-other")).await;
        app.wait_for_css(&format!("aside#entity-panel{}", attr_sel("data-entity", &andrei))).await;
        app.wait_for_css(&format!("aside#entity-panel li.suggestion{}", attr_sel("data-other", &anatoly))).await;

        // Different people: the question goes, the answer is listed and survives a reload.
        app.click("aside#entity-panel li.suggestion button.reject-suggestion").await;
        app.wait_for_css("aside#entity-panel li[data-rule=user_apart] button.undo-decision").await;
        assert_eq!(app.count("aside#entity-panel li.suggestion").await, 0);
        assert_eq!(app.count("table#compare-table tbody tr").await, rows, "kept apart: both rows stay");
        app.reload().await;
        app.wait_for_css("table#compare-table tbody tr").await;
        open_panel(&app, &anatoly).await;
        app.wait_for_css("aside#entity-panel li[data-rule=user_apart] button.undo-decision").await;
        assert_eq!(app.count("aside#entity-panel li.suggestion").await, 0, "the answer is kept across a reload");

        // Undone: asked again. Same person: merged.
        app.click("aside#entity-panel li[data-rule=user_apart] button.undo-decision").await;
        app.wait_for_css(&item).await;
        app.click(&format!("{item} button.accept-suggestion")).await;
        app.wait_for(
            "the merged row to go",
            UI_TIMEOUT,
            "return document.querySelector(arguments[0]) === null",
            vec![json!(format!("table#compare-table tr{}", attr_sel("data-entity", &andrei)))],
        )
        .await;
        app.wait_for_css("aside#entity-panel li[data-rule=user_merge] button.undo-decision").await;
        assert_eq!(app.count("aside#entity-panel li.suggestion").await, 0);
        assert_eq!(app.count("table#compare-table tbody tr").await, rows - 1);
        app.screenshot("panel-suggestion-accepted").await;
    })
    .await;
}
