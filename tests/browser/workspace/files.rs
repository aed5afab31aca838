//! Adding articles: files through the file input (UTF-8 and Windows-1256), pasted text, files
//! dropped on the page; reloads, removal and undo; editing an article's details; the bundled
//! corpus hidden and shown again.

use serde_json::json;

use super::*;
use crate::harness::browser_test;
use crate::page::{attr_sel, choose_files, corpus, paste, reader_text, select_doc};

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

        // Edit the details; a javascript: address is refused in the form, never kept or linked.
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
        app.wait_for_css("#meta-url-error").await;
        assert_eq!(app.count("form#meta-form").await, 1, "the form stays open");
        assert_eq!(app.js("return document.getElementById('meta-url').getAttribute('aria-invalid')", vec![]).await, json!("true"));
        let said = app.js("return document.getElementById('meta-url-error').textContent", vec![]).await;
        assert!(said.as_str().is_some_and(|t| t.contains("https://")), "{said}");
        app.screenshot("workspace-url-refused").await;
        app.js("document.getElementById('meta-url').value = ''", vec![]).await;
        app.click("button#meta-save").await;
        app.wait_for(
            "the new title in the list",
            UI_TIMEOUT,
            "return document.querySelector(arguments[0] + ' .doc-title')?.textContent === 'لقاء القمة'",
            vec![json!(item)],
        )
        .await;
        assert_eq!(app.count(".reader-meta a.source-link").await, 0, "no link for a javascript: address");
        assert_eq!(app.count(".reader-meta .source-text").await, 0, "the javascript: address was not kept");
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
