//! What goes wrong: every kind of bad input, a full browser storage, an analysis that died, and
//! the same messages in the Arabic interface.

use std::collections::BTreeSet;
use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;

use super::*;
use crate::harness::browser_test;
use crate::page::{choose_files, corpus, paste, reader_text, select_doc};

/// (5) Every kind of bad input gets a message naming the file and what happened; earlier articles
/// stay; markup never runs. A screenshot of each message goes to `target/screenshots/bad-*.png`.
#[tokio::test]
async fn bad_input_gets_a_clear_message_and_breaks_nothing() {
    browser_test("ws-bad", |app| async move {
        let dir = scratch("bad");
        let page_title = title(&app).await;
        let good = write(&dir, "good.txt", UTF8_ARTICLE);
        choose_files(&app, &[&good]).await;
        wait_user_docs(&app, 1).await;
        dismiss_all(&app).await;
        let bundled = corpus().len();

        let check_intact = |n_user: usize| {
            let app = app.clone();
            let page_title = page_title.clone();
            async move {
                let list = docs(&app).await;
                assert_eq!(list.len(), bundled + n_user, "articles lost or added: {list:?}");
                assert_eq!(user_docs(&app).await[0], "good");
                select_doc(&app, "good").await;
                assert_eq!(reader_text(&app).await, UTF8_ARTICLE, "the earlier article is intact");
                assert_nothing_ran(&app, &page_title).await;
            }
        };

        // Each case: files, the kind of message, what it must say, the user articles after.
        struct Case {
            shot: &'static str,
            name: &'static str,
            bytes: Vec<u8>,
            kind: &'static str,
            level: &'static str,
            says: &'static [&'static str],
        }
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0\x90\x91h6".to_vec();
        let cases = vec![
            Case { shot: "bad-empty", name: "empty.txt", bytes: Vec::new(), kind: "input-error", level: "error", says: &["empty.txt", "empty"] },
            Case { shot: "bad-binary", name: "photo.txt", bytes: png, kind: "input-error", level: "error", says: &["photo.txt", "not a text file"] },
            Case {
                shot: "bad-malformed",
                name: "latin1.txt",
                bytes: b"Le caf\xe9 de la gare \xe0 Paris, o\xf9 l'on d\xeene.".to_vec(),
                kind: "input-error",
                level: "error",
                says: &["latin1.txt", "not valid UTF-8, UTF-16 or Windows-1256"],
            },
            // 300 KB: read in the worker (files of 256 KB or more are), refused there.
            Case {
                shot: "bad-binary-large",
                name: "large-photo.txt",
                bytes: (0..300 * 1024).map(|i| (i % 7) as u8).collect(),
                kind: "input-error",
                level: "error",
                says: &["large-photo.txt", "not a text file"],
            },
            Case {
                shot: "bad-utf16",
                name: "broken16.txt",
                bytes: b"\xFF\xFE\x27\x06\x44\x06\x00\xD8".to_vec(),
                kind: "input-error",
                level: "error",
                says: &["broken16.txt", "UTF-16LE byte order mark", "not valid UTF-16LE"],
            },
        ];
        for c in cases {
            let path = write(&dir, c.name, &c.bytes);
            choose_files(&app, &[&path]).await;
            let (level, text, role) = wait_notice(&app, c.kind).await;
            assert_eq!(level, c.level, "{}", c.name);
            assert_eq!(role, "alert", "errors are in the alert region");
            for s in c.says {
                assert!(text.contains(s), "{}: the message {text:?} should say {s:?}", c.name);
            }
            app.screenshot(c.shot).await;
            check_intact(1).await;
            dismiss_all(&app).await;
        }

        // 20 MB: refused from its size, before it is read.
        let huge = dir.join("huge.txt");
        std::fs::File::create(&huge).unwrap().set_len(20 * 1024 * 1024).unwrap();
        choose_files(&app, &[&huge]).await;
        let (level, text, _) = wait_notice(&app, "input-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("huge.txt") && text.contains("20.0 MB") && text.contains("8.0 MB"), "{text}");
        app.screenshot("bad-huge").await;
        check_intact(1).await;
        dismiss_all(&app).await;

        // Several bad files and a good one at once: one message naming each bad file; the good one
        // is added.
        let empty = write(&dir, "empty2.txt", "");
        let photo = write(&dir, "photo2.txt", b"\0\0\0\0binary");
        let more = write(&dir, "more.txt", PASTED_ARTICLE);
        choose_files(&app, &[&empty, &photo, &more]).await;
        let (_, text, _) = wait_notice(&app, "input-error").await;
        assert!(text.contains("empty2.txt") && text.contains("photo2.txt") && !text.contains("more.txt"), "{text}");
        assert_eq!(app.count("#notices .notice[data-kind=input-error] li").await, 2, "one line per bad file");
        wait_user_docs(&app, 2).await;
        app.screenshot("bad-several-at-once").await;
        check_intact(2).await;
        dismiss_all(&app).await;

        // Many bad files: one line counting them by reason, the files folded under "details".
        let many: Vec<_> = (0..5)
            .map(|i| if i < 3 { write(&dir, &format!("blank{i}.txt"), "  \n") } else { write(&dir, &format!("img{i}.txt"), b"\0\x01\x02\0binary!") })
            .collect();
        choose_files(&app, &many.iter().map(|p| p.as_path()).collect::<Vec<_>>()).await;
        let (_, text, _) = wait_notice(&app, "input-error").await;
        let summary = app.js("return document.querySelector('#notices .notice[data-kind=input-error] .notice-summary')?.textContent", vec![]).await;
        assert_eq!(summary, json!("5 files not added: 3 empty, 2 not text (binary data)."), "{text}");
        assert_eq!(app.count("#notices .notice[data-kind=input-error] details li").await, 5, "each file under details");
        assert_eq!(app.js("return document.querySelector('#notices details').open", vec![]).await, json!(false), "folded");
        app.screenshot("bad-many-summarised").await;
        check_intact(2).await;
        dismiss_all(&app).await;

        // No Arabic at all: accepted, with a warning saying no names can be found.
        let english = write(&dir, "english.txt", "A report in English only.\nNothing Arabic here.\n");
        choose_files(&app, &[&english]).await;
        let (level, text, role) = wait_notice(&app, "input-warning").await;
        assert_eq!((level.as_str(), role.as_str()), ("warning", "status"));
        assert!(text.contains("english.txt") && text.contains("no Arabic text"), "{text}");
        wait_user_docs(&app, 3).await;
        app.screenshot("bad-no-arabic").await;
        check_intact(3).await;
        dismiss_all(&app).await;

        // Markup in a text file is text: shown verbatim, never run.
        let markup = "<img src=x onerror=\"document.title='pwned'; window.__pwned = 1\"><script>document.title='pwned'</script>\nقال الرئيس الروسي فلاديمير بوتين إن <b>موسكو</b> ترحب.\n";
        let txt = write(&dir, "markup.txt", markup);
        choose_files(&app, &[&txt]).await;
        wait_user_docs(&app, 4).await;
        select_doc(&app, "markup").await;
        assert_eq!(reader_text(&app).await, markup, "markup shown as text");
        app.screenshot("bad-markup-in-text").await;
        check_intact(4).await;
        dismiss_all(&app).await;

        // An HTML page whose scripts must not run: only its text is added.
        let html = "<html><head><title>صفحة</title><script>document.title='pwned'; window.__pwned = 1</script></head>\
                    <body onload=\"window.__pwned = 1\"><p>قال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو مستعدة.</p>\
                    <img src=x onerror=\"document.title='pwned'; window.__pwned = 1\"><iframe src=\"javascript:parent.__pwned=1\"></iframe>\
                    <svg onload=\"window.__pwned = 1\"><script>window.__pwned = 1</script></svg></body></html>";
        let page = write(&dir, "script.html", html);
        choose_files(&app, &[&page]).await;
        let (_, text, _) = wait_notice(&app, "input-warning").await;
        assert!(text.contains("script.html"), "{text}");
        wait_user_docs(&app, 5).await;
        select_doc(&app, "script").await;
        assert_eq!(reader_text(&app).await, "قال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو مستعدة.");
        app.screenshot("bad-html-with-scripts").await;
        check_intact(5).await;
        dismiss_all(&app).await;

        // Pasted markup, and an empty paste.
        paste(&app, "<img src=x onerror=\"document.title='pwned'\">", markup).await;
        wait_user_docs(&app, 6).await;
        let pasted = user_docs(&app).await.pop().unwrap();
        select_doc(&app, &pasted).await;
        assert_eq!(reader_text(&app).await, markup);
        paste(&app, "", "   \n  ").await;
        let (level, text, _) = wait_notice(&app, "input-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("Nothing to add"), "{text}");
        app.screenshot("bad-empty-paste").await;
        check_intact(6).await;
        dismiss_all(&app).await;

        // A Windows-1256 guess refused in the preview.
        let cp = dir.join("refuse.txt");
        std::fs::copy(fixture("windows-1256.txt"), &cp).unwrap();
        choose_files(&app, &[&cp]).await;
        app.wait_for_css("#encoding-preview").await;
        app.click("button#preview-cancel").await;
        let (_, text, _) = wait_notice(&app, "not-added").await;
        assert!(text.contains("refuse.txt"), "{text}");
        check_intact(6).await;
        dismiss_all(&app).await;

        // A JSON file that is not a workspace, given to "Import workspace".
        let not_ws = write(&dir, "analysis.json", r#"{"schema":"qarin.analysis/1","documents":[]}"#);
        let input = app.client.find(Locator::Css("input#import-input")).await.unwrap();
        input.send_keys(not_ws.to_str().unwrap()).await.unwrap();
        let (level, text, _) = wait_notice(&app, "import-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("analysis.json") && text.contains("not a Qarin workspace file"), "{text}");
        app.screenshot("bad-import-not-a-workspace").await;
        check_intact(6).await;

        // A large article (read in the worker, stored as bytes): added whole, the same text.
        let large: String = std::iter::repeat(UTF8_ARTICLE).take(300 * 1024 / UTF8_ARTICLE.len() + 1).collect::<Vec<_>>().join("\n");
        assert!(large.len() >= 256 * 1024);
        let path = write(&dir, "large.txt", &large);
        choose_files(&app, &[&path]).await;
        wait_user_docs(&app, 7).await;
        // (The reader draws a long article a run a task: wait for all of it.)
        let whole = |when: &'static str| {
            let (app, large) = (app.clone(), large.clone());
            async move {
                select_doc(&app, "large").await;
                let probe = "return document.querySelector('article#reader')?.textContent === arguments[0] || null";
                app.wait_for(when, Duration::from_secs(30), probe, vec![json!(large)]).await;
            }
        };
        whole("the large article whole in the reader").await;
        check_intact(7).await;

        // All of it survives a reload.
        app.reload().await;
        assert_eq!(user_docs(&app).await.len(), 7);
        check_intact(7).await;
        whole("the large article whole after a reload").await;
    })
    .await;
}

/// (6) A full browser storage (a real `QuotaExceededError`: Chromium's quota for the site cut to
/// almost nothing through the DevTools protocol): the refused write is reported in one alert
/// naming the article and the space left, with "Try again" and "Download a backup"; the article
/// stays in the tab, and "Try again" saves it once there is room.
#[tokio::test]
async fn a_full_storage_is_reported_not_ignored() {
    browser_test("ws-storage", |app| async move {
        let origin = app.js("return location.origin", vec![]).await;
        app.cdp("Storage.overrideQuotaForOrigin", json!({ "origin": origin, "quotaSize": 1024 })).await;
        paste(&app, "مقال لا يتسع له التخزين", PASTED_ARTICLE).await;
        let ids = wait_user_docs(&app, 1).await;
        let (level, text, role) = wait_notice(&app, "storage").await;
        assert_eq!((level.as_str(), role.as_str()), ("error", "alert"));
        assert!(text.contains("Not saved") && text.contains("مقال لا يتسع له التخزين") && text.contains("QuotaExceededError"), "{text}");
        assert!(text.contains("Space left in this browser:"), "{text}");
        assert_eq!(
            app.js("return [...document.querySelectorAll('#notices .notice[data-kind=storage] button')].map(b => b.textContent.trim())", vec![]).await,
            json!(["Try again", "Download a backup", "✕"]),
        );
        app.screenshot("storage-full").await;
        select_doc(&app, &ids[0]).await;
        assert_eq!(reader_text(&app).await, PASTED_ARTICLE, "the article stays in the tab");

        // "Download a backup" gives the workspace file with the article in it.
        let downloads = scratch("storage-full");
        allow_downloads(&app, &downloads).await;
        app.click("#notices .notice[data-kind=storage] button.notice-second").await;
        let backup: Value = serde_json::from_slice(&wait_download(&downloads, "qarin-workspace.json").await).unwrap();
        assert_eq!(backup["articles"][0]["text"], PASTED_ARTICLE);

        // Make room, try again: saved, the message goes, a reload keeps the article.
        app.cdp("Storage.overrideQuotaForOrigin", json!({ "origin": origin })).await;
        app.click("#notices .notice[data-kind=storage] button.notice-action").await;
        app.wait_for("the storage message to go", UI_TIMEOUT, "return document.querySelector('#notices .notice[data-kind=storage]') === null", vec![])
            .await;
        app.reload().await;
        assert_eq!(user_docs(&app).await, ids);
    })
    .await;
}

/// (7) If the page died while analysing the user's articles, the next start leaves them out (so
/// the page opens), says so, and can analyse them again.
#[tokio::test]
async fn an_analysis_that_died_does_not_lock_the_user_out() {
    browser_test("ws-crash", |app| async move {
        paste(&app, "", UTF8_ARTICLE).await;
        wait_user_docs(&app, 1).await;
        // As if the tab had died in the middle of an analysis.
        app.js("localStorage.setItem('qarin.analysis-pending', '1')", vec![]).await;
        app.reload().await;
        let (level, text, _) = wait_notice(&app, "crashed").await;
        assert_eq!(level, "error");
        assert!(text.contains("stopped while analysing"), "{text}");
        assert!(user_docs(&app).await.is_empty(), "left out of the analysis");
        app.screenshot("workspace-crash-recovery").await;
        app.click("#notices .notice[data-kind=crashed] button.notice-action").await;
        wait_user_docs(&app, 1).await;
        let docs_now: BTreeSet<String> = user_docs(&app).await.into_iter().collect();
        assert!(docs_now.contains("pasted"));
    })
    .await;
}

/// (7b) The analysis runs in a worker; a real panic there (the tests' hook arms one for the next
/// analysis) does not take the page down: the notice says the engine stopped and why, the
/// user's article is kept but left out, and analysing it again starts a new worker.
#[tokio::test]
async fn a_panic_in_the_worker_is_reported_with_its_cause() {
    browser_test("ws-worker-panic", |app| async move {
        app.wait_for(
            "the first analysis, in the worker",
            UI_TIMEOUT,
            "return document.querySelector('main#app')?.getAttribute('data-ready') === 'true' \
               && window.wasmBindings.qarin_analysis_in_worker() === true",
            vec![],
        )
        .await;
        assert_eq!(app.js("return window.wasmBindings.qarin_test_worker_panic()", vec![]).await, json!(true));
        paste(&app, "", UTF8_ARTICLE).await;
        let (level, text, _) = wait_notice(&app, "crashed").await;
        assert_eq!(level, "error");
        assert!(text.contains("error in the engine"), "{text}");
        assert!(text.contains("qarin_test_worker_panic"), "the cause is shown: {text}");
        // The worker's panic is also in the console (read here, so that the harness's final check
        // for console errors sees only what comes after it).
        let logs = app.browser_logs().await;
        assert!(logs.iter().any(|e| e.level == "SEVERE" && e.message.contains("qarin_test_worker_panic")), "{logs:#?}");
        app.screenshot("workspace-worker-panic").await;
        assert!(user_docs(&app).await.is_empty(), "left out of the analysis");
        assert!(mark_count(&app).await > 0, "the page still shows the other articles' names");
        app.click("#notices .notice[data-kind=crashed] button.notice-action").await;
        wait_user_docs(&app, 1).await;
        assert_eq!(app.js("return window.wasmBindings.qarin_analysis_in_worker()", vec![]).await, json!(true), "a new worker");
        // Nothing was left marked as a crash of the page for the next start.
        assert_eq!(app.js("return localStorage.getItem('qarin.analysis-pending')", vec![]).await, serde_json::Value::Null);
    })
    .await;
}

/// (8) The Arabic interface: messages in Arabic still name the file; the dialog is right to left
/// and Escape refuses the guessed text.
#[tokio::test]
async fn the_arabic_interface_names_files_too() {
    browser_test("ws-arabic", |app| async move {
        let dir = scratch("arabic");
        app.click("button#lang-toggle").await;
        app.wait_for("the Arabic interface", UI_TIMEOUT, "return document.documentElement.dir === 'rtl'", vec![]).await;
        let bad = write(&dir, "صورة.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let good = write(&dir, "خبر.txt", UTF8_ARTICLE);
        choose_files(&app, &[&bad, &good]).await;
        let (level, text, _) = wait_notice(&app, "input-error").await;
        assert_eq!(level, "error");
        assert!(text.contains("صورة.txt") && text.contains("ليس ملفًا نصيًا"), "{text}");
        assert_eq!(wait_user_docs(&app, 1).await, ["خبر"]);
        app.screenshot("workspace-arabic-ui").await;
        // A message on show is worded again when the language is switched (it is not kept as the
        // words of the language it was made in).
        app.click("button#lang-toggle").await;
        app.wait_for(
            "the refusal worded in English",
            UI_TIMEOUT,
            "return document.documentElement.dir === 'ltr' \
               && (document.querySelector('#notices .notice[data-kind=input-error]')?.textContent || '').includes('not a text file')",
            vec![],
        )
        .await;
        let (_, english, _) = wait_notice(&app, "input-error").await;
        assert!(english.contains("صورة.txt") && !english.contains("ليس ملفًا نصيًا"), "{english}");
        app.click("button#lang-toggle").await;
        app.wait_for("the Arabic interface again", UI_TIMEOUT, "return document.documentElement.dir === 'rtl'", vec![]).await;
        dismiss_all(&app).await;

        let cp = dir.join("ويندوز.txt");
        std::fs::copy(fixture("windows-1256.txt"), &cp).unwrap();
        choose_files(&app, &[&cp]).await;
        app.wait_for_css("#encoding-preview").await;
        app.wait_for("focus in the dialog", UI_TIMEOUT, "return document.activeElement?.id === 'preview-confirm'", vec![]).await;
        assert_eq!(app.js("return document.querySelector('.layout').inert", vec![]).await, json!(true), "the page behind is inert");
        app.screenshot("workspace-arabic-preview").await;
        // The same in the dark theme (the dialog's buttons stay reachable: the theme toggle is
        // behind the modal, so switch it from script).
        app.js("document.documentElement.setAttribute('data-theme', 'dark')", vec![]).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.screenshot("workspace-arabic-preview-dark").await;
        let confirm = app.css("#preview-confirm").await;
        confirm.send_keys("\u{E00C}").await.unwrap(); // Escape
        let (_, text, _) = wait_notice(&app, "not-added").await;
        assert!(text.contains("ويندوز.txt"), "{text}");
        assert_eq!(app.count("#encoding-preview").await, 0);
        assert_eq!(user_docs(&app).await, ["خبر"]);
    })
    .await;
}
