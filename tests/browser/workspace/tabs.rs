//! The workspace in the browser's storage (IndexedDB): two tabs on one workspace, where what one
//! adds or removes reaches the other without a reload, and after both reload nothing either added
//! is lost (#13: with a last-write-wins index, tab B's articles used to vanish when tab A saved,
//! and a removal in B took A's new article with it); a workspace an earlier version kept in
//! localStorage moved over; the space used shown.

use super::*;
use crate::harness::{browser_test, READY_TIMEOUT};
use crate::page::{paste, reader_text, select_doc};

/// The titles of the user's articles in the list, sorted.
async fn titles(app: &App) -> Vec<String> {
    let v = app
        .js(
            "return [...document.querySelectorAll('button.doc-item[data-source=user] .doc-title')].map(e => e.textContent)",
            vec![],
        )
        .await;
    let mut t: Vec<String> = v.as_array().unwrap().iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect();
    t.sort();
    t
}

fn article(n: usize) -> String {
    format!("{PASTED_ARTICLE}\nوهذه الفقرة رقم {n} من التقرير.")
}

fn names(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[tokio::test]
async fn two_tabs_add_and_remove_without_losing_anything() {
    browser_test("ws-tabs", |app| async move {
        let tab_a = app.client.window().await.expect("the first tab");
        paste(&app, "A1", &article(1)).await;
        wait_user_docs(&app, 1).await;
        paste(&app, "A2", &article(2)).await;
        wait_user_docs(&app, 2).await;

        // Tab B, on the same site: A's articles are there; it adds two of its own.
        let tab_b = app.client.new_window(true).await.expect("a second tab").handle;
        app.client.switch_to_window(tab_b.clone()).await.expect("switch to B");
        app.open("").await;
        wait_user_docs(&app, 2).await;
        paste(&app, "B1", &article(3)).await;
        wait_user_docs(&app, 3).await;
        paste(&app, "B2", &article(4)).await;
        wait_user_docs(&app, 4).await;

        // Back in A: B's articles arrived without a reload; A adds one more.
        app.client.switch_to_window(tab_a.clone()).await.expect("switch to A");
        wait_user_docs(&app, 4).await;
        paste(&app, "A3", &article(5)).await;
        wait_user_docs(&app, 5).await;
        assert_eq!(titles(&app).await, names(&["A1", "A2", "A3", "B1", "B2"]));

        // B removes one of its own: A's new article stays, in both tabs.
        app.client.switch_to_window(tab_b.clone()).await.expect("switch to B");
        wait_user_docs(&app, 5).await;
        let b1 = app
            .js(
                "return [...document.querySelectorAll('button.doc-item[data-source=user]')].find(b => b.querySelector('.doc-title')?.textContent === 'B1')?.getAttribute('data-doc')",
                vec![],
            )
            .await;
        let b1 = b1.as_str().expect("B1 listed").to_string();
        app.click(&format!("button.doc-remove[data-doc=\"{b1}\"]")).await;
        wait_user_docs(&app, 4).await;
        assert_eq!(titles(&app).await, names(&["A1", "A2", "A3", "B2"]));
        app.client.switch_to_window(tab_a.clone()).await.expect("switch to A");
        wait_user_docs(&app, 4).await;
        assert_eq!(titles(&app).await, names(&["A1", "A2", "A3", "B2"]));

        // Both reload: the same four.
        app.reload().await;
        wait_user_docs(&app, 4).await;
        assert_eq!(titles(&app).await, names(&["A1", "A2", "A3", "B2"]));
        app.screenshot("tabs-a-after-reload").await;
        app.client.switch_to_window(tab_b.clone()).await.expect("switch to B");
        app.reload().await;
        wait_user_docs(&app, 4).await;
        assert_eq!(titles(&app).await, names(&["A1", "A2", "A3", "B2"]));
        app.client.close_window().await.expect("close B");
        app.client.switch_to_window(tab_a).await.expect("back to A");
    })
    .await;
}

/// A workspace kept in localStorage by an earlier version is moved into IndexedDB on first load:
/// its article is there, one whose text was gone is named, the old keys are removed once the
/// move is written, and a second reload still has the article. The panel shows the space used.
#[tokio::test]
async fn a_workspace_of_an_earlier_version_moves_over() {
    browser_test("ws-migrate", |app| async move {
        // What the localStorage version wrote: the index (texts left empty), one key per text.
        let index = json!({
            "schema": "qarin.workspace/1",
            "articles": [
                { "id": "old-one", "title": "مقال محفوظ من قبل", "text": "" },
                { "id": "lost", "title": "مقال بلا نص", "text": "" }
            ],
            "bundled": { "shown": true, "removed": [], "edits": {} },
            "decisions": [],
            "settings": { "hidden_types": [] }
        });
        app.js(
            "localStorage.setItem('qarin.workspace', arguments[0]); localStorage.setItem('qarin.text.old-one', arguments[1]);",
            vec![json!(index.to_string()), json!(UTF8_ARTICLE)],
        )
        .await;
        app.reload().await;
        assert_eq!(wait_user_docs(&app, 1).await, ["old-one"]);
        let (_, text, _) = wait_notice(&app, "storage-missing").await;
        assert!(text.contains("مقال بلا نص"), "{text}");
        app.wait_for(
            "the localStorage workspace to be removed",
            UI_TIMEOUT,
            "return localStorage.getItem('qarin.workspace') === null && localStorage.getItem('qarin.text.old-one') === null",
            vec![],
        )
        .await;
        let shown = app
            .wait_for("the space used", UI_TIMEOUT, "return document.querySelector('#storage-use')?.textContent ?? null", vec![])
            .await;
        let shown = shown.as_str().unwrap_or_default().to_string();
        assert!(shown.starts_with("This site keeps ") && shown.contains(" in this browser (your workspace"), "{shown}");
        app.js("document.querySelector('#storage-use').scrollIntoView({ block: 'center' })", vec![]).await;
        app.screenshot("workspace-storage-use").await;
        // The same line in the Arabic interface.
        app.click("button#lang-toggle").await;
        let arabic = app
            .wait_for("the space used, in Arabic", UI_TIMEOUT, "const t = document.querySelector('#storage-use')?.textContent ?? ''; return t.startsWith('يحفظ هذا الموقع') ? t : null", vec![])
            .await;
        assert!(arabic.as_str().unwrap_or_default().contains(" من أصل "), "{arabic}");
        app.js("document.querySelector('#storage-use').scrollIntoView({ block: 'center' })", vec![]).await;
        app.screenshot("workspace-storage-use-ar").await;
        app.click("button#lang-toggle").await;

        app.reload().await;
        assert_eq!(wait_user_docs(&app, 1).await, ["old-one"]);
        select_doc(&app, "old-one").await;
        assert!(reader_text(&app).await.contains("استقبل الرئيس الروسي"));
        assert_eq!(
            app.js("return Object.keys(localStorage).filter(k => k.startsWith('qarin.text.') || k === 'qarin.workspace').length", vec![]).await,
            json!(0)
        );
    })
    .await;
}

/// On a first visit the bundled articles show without waiting for IndexedDB (nothing was ever
/// stored here), so the user can add an article before the stored workspace is read: it is saved
/// all the same (merged with what storage holds), and a reload finds it. Storage is held back for
/// three seconds by a transaction another script keeps open on the same stores (installed before
/// the page's own scripts), so the article is surely added before the workspace is read.
#[tokio::test]
async fn an_article_added_before_storage_is_read_is_saved() {
    browser_test("ws-early", |app| async move {
        let hold = "(() => { \
            const r = indexedDB.open('qarin', 1); \
            r.onupgradeneeded = () => { for (const s of ['texts', 'meta']) if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s); }; \
            r.onsuccess = () => { \
              const db = r.result; \
              const store = db.transaction(['texts', 'meta'], 'readwrite').objectStore('meta'); \
              const until = performance.now() + 3000; \
              const spin = () => { if (performance.now() < until) store.get('nothing').onsuccess = spin; else db.close(); }; \
              spin(); \
            }; \
          })();";
        app.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": hold })).await;
        // (Not `reload`, which waits for the stored workspace too.)
        app.client.refresh().await.expect("refresh the page");
        app.wait_for("the app ready", READY_TIMEOUT, "return document.querySelector('main#app')?.getAttribute('data-ready') === 'true'", vec![]).await;
        let read = "return performance.getEntriesByName('qarin:storage-loaded').length";
        assert_eq!(app.js(read, vec![]).await, json!(0), "the page is ready before storage is read");
        paste(&app, "Early", &article(1)).await;
        wait_user_docs(&app, 1).await;
        assert_eq!(app.js(read, vec![]).await, json!(0), "the article was added before storage was read");
        app.wait_for(
            "the stored workspace read, and the article saved",
            std::time::Duration::from_secs(20),
            "return performance.getEntriesByName('qarin:storage-loaded').length > 0 && localStorage.getItem('qarin.saved') === '1' || null",
            vec![],
        )
        .await;
        app.reload().await;
        wait_user_docs(&app, 1).await;
        assert_eq!(titles(&app).await, names(&["Early"]));
    })
    .await;
}
