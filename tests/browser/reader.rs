//! The reader and the page around it, against the app's DOM contract (ids, classes and data
//! attributes listed in the tests below): the harness's own checks, each article verbatim with
//! its marks, the legend, the URL hash, the language and theme toggles, the About panel.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::json;

use crate::harness::{browser_test, UI_TIMEOUT};
use crate::page::{attr_sel, corpus, doc_ids, marks, reader_doc, select_doc, wait_panel, Mark};

/// The entity types a mark may have.
const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// The test harness itself: the console-log helper must report a forced `console.error` as
/// SEVERE, and the origin check must notice a request to another origin.
#[tokio::test]
async fn harness_sees_console_errors_and_foreign_requests() {
    browser_test("harness", |app| async move {
        app.browser_logs().await;
        app.js("console.error('qarin-e2e-probe')", vec![]).await;
        let logs = app.browser_logs().await;
        assert!(
            logs.iter()
                .any(|e| e.level == "SEVERE" && e.message.contains("qarin-e2e-probe")),
            "console.error did not show up as SEVERE: {logs:#?}"
        );
        assert!(app.foreign_requests().await.is_empty());

        // The site's Content-Security-Policy refuses requests to other origins (tests/offline.rs
        // checks that): lift it for this probe of the harness.
        app.bypass_csp().await;
        // Same server, other origin (localhost instead of 127.0.0.1).
        let mut other = url::Url::parse(&app.base).unwrap();
        other.set_host(Some("localhost")).unwrap();
        let probe = other.join("index.html?e2e-probe").unwrap().to_string();
        app.js(
            "fetch(arguments[0], {mode: 'no-cors'}).catch(() => {})",
            vec![json!(probe)],
        )
        .await;
        app.wait_for(
            "the foreign request's resource timing entry",
            UI_TIMEOUT,
            "return performance.getEntriesByType('resource').some(e => e.name === arguments[0])",
            vec![json!(probe)],
        )
        .await;
        assert_eq!(app.foreign_requests().await, vec![probe]);
        // Undo the probes so the harness's own final checks pass.
        app.js("performance.clearResourceTimings()", vec![]).await;
        app.browser_logs().await;
    })
    .await;
}

/// (a) One list entry per bundled article; each shows its text verbatim in the reader with at
/// least three well-formed marks whose offsets point at their own text.
#[tokio::test]
async fn reader_shows_each_article_verbatim_with_marks() {
    browser_test("reader", |app| async move {
        let corpus = corpus();
        let mut ids = doc_ids(&app).await;
        ids.sort();
        let mut expected: Vec<String> = corpus.iter().map(|d| d.id.clone()).collect();
        expected.sort();
        assert_eq!(ids, expected, "one button.doc-item per bundled article");

        for (i, doc) in corpus.iter().enumerate() {
            select_doc(&app, &doc.id).await;
            let item = format!("button.doc-item{}", attr_sel("data-doc", &doc.id));
            assert_eq!(app.attr(&item, "aria-current").await.as_deref(), Some("true"));
            assert_eq!(
                app.count("button.doc-item[aria-current=true]").await,
                1,
                "exactly one selected article"
            );
            assert_eq!(app.attr("article#reader", "dir").await.as_deref(), Some("rtl"));
            assert_eq!(app.attr("article#reader", "lang").await.as_deref(), Some("ar"));
            assert_eq!(app.count("article#reader script").await, 0, "script in the reader");

            let text = app
                .js("return document.querySelector('article#reader').textContent", vec![])
                .await;
            let text = text.as_str().unwrap_or_default();
            let first_line = doc.text.lines().find(|l| !l.trim().is_empty()).unwrap();
            assert!(
                text.trim_start().starts_with(first_line.trim()),
                "{}: the reader does not start with the article's first line {first_line:?}; it starts {:?}",
                doc.id,
                text.chars().take(120).collect::<String>()
            );
            if text != doc.text {
                let at = text
                    .chars()
                    .zip(doc.text.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                panic!(
                    "{}: reader text differs from the article at code point {at} \
                     (lengths {} vs {}): reader {:?} vs article {:?}",
                    doc.id,
                    text.chars().count(),
                    doc.text.chars().count(),
                    text.chars().skip(at.saturating_sub(20)).take(60).collect::<String>(),
                    doc.text.chars().skip(at.saturating_sub(20)).take(60).collect::<String>(),
                );
            }

            let marks = marks(&app).await;
            assert!(marks.len() >= 3, "{}: only {} marks", doc.id, marks.len());
            let mut previous_end = 0;
            for m in &marks {
                assert!(
                    m.ty.as_deref().is_some_and(|t| TYPES.contains(&t)),
                    "{}: bad data-type on {m:?}",
                    doc.id
                );
                assert!(m.entity.as_deref().is_some_and(|e| !e.is_empty()), "{m:?}");
                let (start, end) = (m.start.expect("data-start"), m.end.expect("data-end"));
                assert!(start < end, "{m:?}");
                assert!(start >= previous_end, "{}: overlapping or unsorted marks at {m:?}", doc.id);
                previous_end = end;
                assert_eq!(m.text, m.slice, "{}: data-start/data-end do not frame the mark's text", doc.id);
                assert!(m.tabindex >= 0, "{}: mark not focusable: {m:?}", doc.id);
            }
            let kinds = app
                .js(
                    "return [...document.querySelectorAll('article#reader span.boilerplate')].map(s => s.dataset.kind ?? '')",
                    vec![],
                )
                .await;
            for kind in kinds.as_array().unwrap() {
                assert!(!kind.as_str().unwrap_or_default().is_empty(), "boilerplate span without data-kind");
            }
            if i == 0 {
                // The bundled webfont (style/fonts) is what the articles are set in.
                let font = app
                    .js(
                        r#"return document.fonts.ready.then(() => ({
                             faces: [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Qarin Naskh')
                                                       .map(f => f.weight + ':' + f.status),
                             usable: document.fonts.check('16px "Qarin Naskh"', 'قارن'),
                             family: getComputedStyle(document.querySelector('article#reader')).fontFamily,
                           }));"#,
                        vec![],
                    )
                    .await;
                assert!(
                    font["usable"] == json!(true)
                        && font["faces"].as_array().is_some_and(|f| f.iter().any(|f| f.as_str().is_some_and(|f| f.ends_with(":loaded"))))
                        && font["family"].as_str().is_some_and(|f| f.contains("Qarin Naskh")),
                    "the Qarin Naskh webfont is not loaded for the reader: {font}"
                );
                app.screenshot("reader").await;
            }
        }
    })
    .await;
}

/// Unticking a type in the legend unhighlights that type's marks, and only those.
#[tokio::test]
async fn legend_toggles_highlighting_per_type() {
    browser_test("legend", |app| async move {
        let mut found = None;
        for id in doc_ids(&app).await {
            select_doc(&app, &id).await;
            let m = marks(&app).await;
            let per = m.iter().find(|m| m.ty.as_deref() == Some("PER")).cloned();
            let other = m.iter().find(|m| m.ty.as_deref() != Some("PER")).cloned();
            if let (Some(per), Some(other)) = (per, other) {
                found = Some((per, other));
                break;
            }
        }
        let (per, other) = found.expect("an article with a PER mark and a mark of another type");
        let background = |m: &Mark| {
            let sel = format!(
                "article#reader mark{}{}",
                attr_sel("data-start", &m.start.unwrap().to_string()),
                attr_sel("data-type", m.ty.as_deref().unwrap())
            );
            let app = app.clone();
            async move {
                app.js(
                    "const m = document.querySelector(arguments[0]); return m ? getComputedStyle(m).backgroundColor : 'removed'",
                    vec![json!(sel)],
                )
                .await
                .as_str()
                .unwrap_or_default()
                .to_string()
            }
        };
        let per_before = background(&per).await;
        let other_before = background(&other).await;
        assert!(
            !matches!(per_before.as_str(), "rgba(0, 0, 0, 0)" | "transparent"),
            "PER marks are not highlighted to begin with ({per_before})"
        );
        let toggle = "#legend input[data-type-toggle=PER]";
        assert_eq!(app.js("return document.querySelector(arguments[0]).checked", vec![json!(toggle)]).await, json!(true));

        app.click(toggle).await;
        let deadline = std::time::Instant::now() + UI_TIMEOUT;
        while background(&per).await == per_before {
            assert!(std::time::Instant::now() < deadline, "PER mark still highlighted ({per_before}) after unticking PER");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Let any transition finish, then the other type must be untouched.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(background(&other).await, other_before, "unticking PER changed a {:?} mark", other.ty);

        app.click(toggle).await;
        let deadline = std::time::Instant::now() + UI_TIMEOUT;
        while background(&per).await != per_before {
            assert!(std::time::Instant::now() < deadline, "PER highlight not restored after ticking PER again");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await;
}

/// (d) The URL hash records view, article and entity, and a reload restores them.
#[tokio::test]
async fn url_hash_restores_view_article_and_entity() {
    browser_test("hash", |app| async move {
        let ids = doc_ids(&app).await;
        let doc = ids.get(1).or(ids.first()).expect("articles").clone();
        select_doc(&app, &doc).await;
        let mark = marks(&app).await.into_iter().next().expect("a mark");
        let entity = mark.entity.clone().unwrap();
        app.click(&format!(
            "article#reader mark{}",
            attr_sel("data-start", &mark.start.unwrap().to_string())
        ))
        .await;
        wait_panel(&app, &entity).await;
        let expect_hash = |pairs: Vec<(&'static str, String)>| {
            let app = app.clone();
            async move {
                let deadline = std::time::Instant::now() + UI_TIMEOUT;
                loop {
                    let params = app.hash_params().await;
                    if pairs.iter().all(|(k, v)| params.get(*k) == Some(v)) {
                        return;
                    }
                    assert!(
                        std::time::Instant::now() < deadline,
                        "hash {params:?} lacks {pairs:?}"
                    );
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        };
        expect_hash(vec![
            ("view", "reader".into()),
            ("doc", doc.clone()),
            ("entity", entity.clone()),
        ])
        .await;

        app.reload().await;
        assert_eq!(
            reader_doc(&app).await.as_deref(),
            Some(doc.as_str()),
            "article after reload"
        );
        wait_panel(&app, &entity).await;
        assert!(
            app.visible("article#reader").await,
            "reader not shown after reloading the reader view"
        );
        assert!(
            !app.visible("table#compare-table").await,
            "compare view shown after reloading the reader view"
        );

        app.click("button#tab-compare").await;
        expect_hash(vec![("view", "compare".into()), ("entity", entity.clone())]).await;
        app.reload().await;
        app.wait_for_css("table#compare-table tbody tr").await;
        assert!(
            app.visible("table#compare-table").await,
            "compare view not shown after reload"
        );
        wait_panel(&app, &entity).await;

        // A hand-written link works too, on a fresh load.
        let other_doc = ids.last().unwrap().clone();
        app.open(&format!("#view=reader&doc={other_doc}&entity={entity}"))
            .await;
        assert_eq!(reader_doc(&app).await.as_deref(), Some(other_doc.as_str()));
        assert!(
            app.visible("article#reader").await,
            "reader not shown for a view=reader link"
        );
        wait_panel(&app, &entity).await;
    })
    .await;
}

/// (e) The language toggle flips `<html lang dir>` between en/ltr and ar/rtl (the articles stay
/// rtl); the theme toggle flips `html[data-theme]` between light and dark and changes colours.
#[tokio::test]
async fn language_and_theme_toggles() {
    browser_test("toggles", |app| async move {
        let lang_dir = || {
            let app = app.clone();
            async move {
                (
                    app.attr("html", "lang").await.unwrap_or_default(),
                    app.attr("html", "dir").await.unwrap_or_default(),
                )
            }
        };
        let consistent = |(lang, dir): &(String, String)| {
            matches!((lang.as_str(), dir.as_str()), ("en", "ltr") | ("ar", "rtl"))
        };
        let start = lang_dir().await;
        assert!(consistent(&start), "html lang/dir at start: {start:?}");
        for round in 0..2 {
            let before = lang_dir().await;
            app.click("button#lang-toggle").await;
            app.wait_for(
                "html[lang] to change",
                UI_TIMEOUT,
                "return document.documentElement.getAttribute('lang') !== arguments[0]",
                vec![json!(before.0)],
            )
            .await;
            let after = lang_dir().await;
            assert!(consistent(&after), "html lang/dir after toggling: {after:?}");
            assert_ne!(after.1, before.1, "dir did not flip");
            assert_eq!(app.attr("article#reader", "dir").await.as_deref(), Some("rtl"));
            assert_eq!(app.attr("article#reader", "lang").await.as_deref(), Some("ar"));
            if after.0 == "ar" {
                app.screenshot("arabic-ui").await;
            }
            if round == 1 {
                assert_eq!(after, start, "two toggles did not restore the language");
            }
        }

        let colours = || {
            let app = app.clone();
            async move {
                app.js(
                    r#"const h = getComputedStyle(document.documentElement), b = getComputedStyle(document.body);
                       return [h.backgroundColor, b.backgroundColor, b.color].join(' | ');"#,
                    vec![],
                )
                .await
                .as_str()
                .unwrap_or_default()
                .to_string()
            }
        };
        let mut seen = BTreeSet::new();
        for _ in 0..2 {
            let before = (app.attr("html", "data-theme").await, colours().await);
            app.click("button#theme-toggle").await;
            let theme = app
                .wait_for(
                    "html[data-theme] to change",
                    UI_TIMEOUT,
                    "const t = document.documentElement.getAttribute('data-theme'); return t !== arguments[0] && t",
                    vec![json!(before.0)],
                )
                .await;
            let theme = theme.as_str().unwrap_or_default().to_string();
            assert!(theme == "light" || theme == "dark", "data-theme={theme:?}");
            app.wait_for(
                "the page colours to change with the theme",
                UI_TIMEOUT,
                r#"const h = getComputedStyle(document.documentElement), b = getComputedStyle(document.body);
                   return [h.backgroundColor, b.backgroundColor, b.color].join(' | ') !== arguments[0];"#,
                vec![json!(before.1)],
            )
            .await;
            if theme == "dark" {
                // Let colour transitions settle before the picture.
                tokio::time::sleep(Duration::from_millis(400)).await;
                app.screenshot("dark-theme").await;
            }
            seen.insert(theme);
        }
        assert_eq!(seen.len(), 2, "the theme toggle did not go through light and dark: {seen:?}");
    })
    .await;
}

#[tokio::test]
async fn about_panel_credits_the_data_and_model() {
    browser_test("about", |app| async move {
        app.click("#about summary").await;
        let text = app
            .js("return document.querySelector('#about details').open ? document.querySelector('#about').innerText : ''", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string();
        for needle in ["ANERcorp", "CC BY-SA 4.0", "Benajiba", "CAMeL Tools", "Open Font License"] {
            assert!(text.contains(needle), "About panel lacks «{needle}»: {text:?}");
        }
    })
    .await;
}

/// The bundled articles open with their analysis made at build time (`qarin-corpus-analysis.bin`):
/// the reader is ready before the word lists and the model have loaded; then the worker warms up,
/// and an article the user pastes is analysed there, with its own highlights.
#[tokio::test]
async fn bundled_articles_open_with_their_build_time_analysis() {
    browser_test("precomputed", |app| async move {
        app.wait_for_css("main#app[data-ready=true] article#reader mark").await;
        let order = app
            .js(
                "const m = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null; \
                 return [m('qarin:data-set'), m('qarin:assets-loaded')];",
                vec![],
            )
            .await;
        let (set, assets) = (order[0].as_f64().expect("the data was set"), order[1].as_f64());
        assert!(assets.is_none_or(|a| set < a), "shown before the assets had loaded: {order}");
        app.wait_for("the worker, warmed up", UI_TIMEOUT, "return window.wasmBindings.qarin_analysis_in_worker() === true", vec![]).await;
        crate::page::paste(&app, "", "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم المغرب.").await;
        app.wait_for(
            "the pasted article analysed, with names",
            UI_TIMEOUT,
            "return document.querySelector('button.doc-item[data-source=user]') !== null && document.querySelector('.updating') === null",
            vec![],
        )
        .await;
        select_doc(&app, "pasted").await;
        let names: Vec<String> = marks(&app).await.into_iter().map(|m| m.text).collect();
        assert!(names.iter().any(|n| n.contains("ماكرون")), "{names:?}");
    })
    .await;
}
