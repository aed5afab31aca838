//! The entity panel: every mention of an entity across the articles, jumps to them, and the
//! keyboard.

use std::collections::BTreeSet;

use serde_json::json;

use crate::compare::{compare_rows, show_compare, Cell};
use crate::harness::{browser_test, App, UI_TIMEOUT};
use crate::page::{attr_sel, marks, select_doc, wait_panel};

/// WebDriver key code.
const ENTER: &str = "\u{E007}";

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
