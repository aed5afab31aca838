//! The analysis of the user's articles kept for the next visit (#13: the live reader's first
//! highlight on a return visit): after a reload the app takes it instead of analysing again and
//! shows exactly what the analysis showed; a kept analysis that does not read is ignored (the
//! articles are analysed again, with no message); a change of articles is analysed and kept.

use super::*;
use crate::harness::browser_test;
use crate::page::{marks, paste, select_doc, Mark};

/// The marks of each of the user's articles, in the list's order.
async fn user_marks(app: &App) -> Vec<(String, Vec<Mark>)> {
    let mut out = Vec::new();
    for id in user_docs(app).await {
        select_doc(app, &id).await;
        out.push((id, marks(app).await));
    }
    out
}

/// How many times the page set the User Timing mark `name`.
async fn marked(app: &App, name: &str) -> u64 {
    app.js("return performance.getEntriesByName(arguments[0]).length", vec![json!(name)]).await.as_u64().expect("a count")
}

/// Waits until the page kept an analysis (written after the result shows).
async fn wait_kept(app: &App) {
    app.wait_for("the analysis kept", UI_TIMEOUT, "return performance.getEntriesByName('qarin:analysis-kept').length > 0", vec![]).await;
}

#[tokio::test]
async fn a_reload_shows_the_kept_analysis_and_a_bad_one_is_analysed_again() {
    browser_test("ws-kept", |app| async move {
        paste(&app, "K1", UTF8_ARTICLE).await;
        wait_user_docs(&app, 1).await;
        paste(&app, "K2", PASTED_ARTICLE).await;
        wait_user_docs(&app, 2).await;
        wait_kept(&app).await;
        let analysed = user_marks(&app).await;
        assert!(analysed.iter().all(|(_, m)| !m.is_empty()), "both articles have names: {analysed:?}");

        // A reload: the kept analysis, not a new one, and the same marks.
        app.reload().await;
        assert_eq!(marked(&app, "qarin:analysis-restored").await, 1, "the kept analysis was taken");
        assert_eq!(user_marks(&app).await, analysed);

        // The kept record damaged (its parts replaced by three bytes): ignored, the articles analysed again, same marks.
        app.js(
            "return new Promise(done => { const r = indexedDB.open('qarin', 1); \
             r.onsuccess = () => { const db = r.result; const tx = db.transaction('meta', 'readwrite'); const s = tx.objectStore('meta'); \
               const g = s.get('analysis'); g.onsuccess = () => { const v = g.result; v.blob = new Blob([new Uint8Array([1, 2, 3])]); s.put(v, 'analysis'); }; \
               tx.oncomplete = () => { db.close(); done(true); }; }; });",
            vec![],
        )
        .await;
        app.reload().await;
        assert_eq!(marked(&app, "qarin:analysis-restored").await, 0, "a damaged analysis is not taken");
        assert_eq!(user_marks(&app).await, analysed);
        assert_eq!(app.count(".notice[data-level=error]").await, 0, "no message for a cache that did not read");

        // A change (an article removed): analysed and kept again, then taken at the next visit.
        let k2 = user_docs(&app).await[1].clone();
        app.click(&format!("button.doc-remove[data-doc=\"{k2}\"]")).await;
        wait_user_docs(&app, 1).await;
        wait_kept(&app).await;
        app.reload().await;
        assert_eq!(marked(&app, "qarin:analysis-restored").await, 1);
        assert_eq!(user_marks(&app).await, analysed[..1].to_vec());
        app.assert_clean().await;
    })
    .await;
}

/// Whether storage holds a kept analysis.
async fn kept_in_storage(app: &App) -> bool {
    app.js(
        "return new Promise(done => { const r = indexedDB.open('qarin', 1); \
         r.onsuccess = () => { const db = r.result; const g = db.transaction('meta').objectStore('meta').get('analysis'); \
           g.onsuccess = () => { db.close(); done(g.result !== undefined); }; }; });",
        vec![],
    )
    .await
    .as_bool()
    .expect("a boolean")
}

#[tokio::test]
async fn a_full_storage_drops_the_kept_analysis_before_refusing_the_workspace() {
    browser_test("ws-kept-full", |app| async move {
        paste(&app, "K1", UTF8_ARTICLE).await;
        wait_user_docs(&app, 1).await;
        wait_kept(&app).await;
        assert!(kept_in_storage(&app).await);
        // Storage full (every write refused as the browser refuses one over quota): the next
        // article cannot be saved. The kept analysis goes first (the write is tried again without
        // it), then the refusal is reported as ever. (A refused write of the analysis itself
        // leaves the kept one in place: only the workspace's refusal removes it.)
        app.js(
            "const put = IDBObjectStore.prototype.put; window.__qarinFull = true; \
             IDBObjectStore.prototype.put = function (...a) { \
               if (window.__qarinFull) throw new DOMException('storage full (test)', 'QuotaExceededError'); \
               return put.apply(this, a); }; return true",
            vec![],
        )
        .await;
        paste(&app, "K2", PASTED_ARTICLE).await;
        wait_user_docs(&app, 2).await;
        let (_, text, _) = wait_notice(&app, "storage").await;
        assert!(text.contains("QuotaExceededError"), "{text}");
        assert!(!kept_in_storage(&app).await, "the kept analysis gave its place");
        // Room again: "Try again" saves, and the next analysis is kept again.
        app.js("window.__qarinFull = false; return true", vec![]).await;
        app.click("#notices .notice[data-kind=storage] button.notice-action").await;
        app.wait_for("the storage message to go", UI_TIMEOUT, "return document.querySelector('#notices .notice[data-kind=storage]') === null", vec![]).await;
        app.reload().await;
        assert_eq!(user_docs(&app).await.len(), 2);
    })
    .await;
}
