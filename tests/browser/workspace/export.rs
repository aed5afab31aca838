//! The workspace exported (a real download) and imported again; merges and splits of entities.

use fantoccini::Locator;
use serde_json::{json, Value};

use super::*;
use crate::harness::browser_test;
use crate::page::{attr_sel, choose_files, paste, reader_text, select_doc};

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
        clear_storage(&app).await;
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

/// (5) An article that names its outlet in a dateline: the reader offers the name, the
/// comparison's column shows it marked as found in the text, and "Use as the outlet" makes it the
/// article's outlet, kept across a reload.
#[tokio::test]
async fn outlet_named_in_the_text() {
    browser_test("ws-outlet", |app| async move {
        let text = format!("الخرطوم | برق السودان\n{PASTED_ARTICLE}");
        paste(&app, "", &text).await;
        let ids = wait_user_docs(&app, 1).await;
        let id = ids[0].clone();
        select_doc(&app, &id).await;
        let guess = app.wait_for_css("p.outlet-guess").await.text().await.unwrap();
        assert!(guess.contains("برق السودان"), "{guess}");
        app.screenshot("outlet-guess-reader").await;
        let th = format!("table#compare-table thead th{}", attr_sel("data-doc", &id));
        compare_columns(&app).await;
        assert_eq!(app.attr(&th, "class").await.unwrap_or_default().split(' ').filter(|c| *c == "guessed").count(), 1, "marked as found in the text");
        assert_eq!(app.css(&format!("{th} .doc-col-label")).await.text().await.unwrap(), "برق السودان");
        app.screenshot("outlet-guessed-column").await;

        select_doc(&app, &id).await;
        app.click("button#use-outlet").await;
        app.wait_for("the suggestion to go once used", UI_TIMEOUT, "return document.querySelector('p.outlet-guess') === null", vec![]).await;
        compare_columns(&app).await;
        assert!(!app.attr(&th, "class").await.unwrap_or_default().contains("guessed"), "now the article's own outlet");
        assert_eq!(app.css(&format!("{th} .doc-col-label")).await.text().await.unwrap(), "برق السودان");
        app.reload().await;
        compare_columns(&app).await;
        assert_eq!(app.css(&format!("{th} .doc-col-label")).await.text().await.unwrap(), "برق السودان", "the outlet is kept");
        assert!(!app.attr(&th, "class").await.unwrap_or_default().contains("guessed"));
    })
    .await;
}
