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

/// The mentions of the JSON Lines download: (document, start, end, type), sorted.
async fn mentions(app: &App, downloads: &std::path::Path) -> Vec<(String, u64, u64, String)> {
    let _ = std::fs::remove_file(downloads.join("qarin-mentions.jsonl"));
    set_value(app, "select#download-format", "jsonl").await;
    let jsonl = String::from_utf8(crate::workspace::wait_download(downloads, "qarin-mentions.jsonl").await).unwrap();
    let mut out: Vec<_> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| (v["document"].as_str().unwrap().to_string(), v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap(), v["type"].as_str().unwrap().to_string()))
        .collect();
    out.sort();
    out
}

/// The file `name` stored in a ZIP the app made (stored, not compressed): its bytes.
fn unzip(zip: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut at = 0;
    while at + 30 <= zip.len() && zip[at..at + 4] == *b"PK\x03\x04" {
        let u16_at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]) as usize;
        let size = u32::from_le_bytes([zip[at + 18], zip[at + 19], zip[at + 20], zip[at + 21]]) as usize;
        let (n, extra) = (u16_at(at + 26), u16_at(at + 28));
        let data = at + 30 + n + extra;
        if &zip[at + 30..at + 30 + n] == name.as_bytes() {
            return Some(zip[data..data + size].to_vec());
        }
        at = data + size;
    }
    None
}

/// Export → import: the names downloaded as CoNLL, or as brat, and chosen again as files after
/// "Reset to the engine's", come back as corrections giving the same mentions.
#[tokio::test]
async fn corrections_round_trip_through_conll_and_brat() {
    browser_test("correct-import", |app| async move {
        let downloads = crate::workspace::scratch("correct-import");
        crate::workspace::allow_downloads(&app, &downloads).await;
        paste(&app, "أ", A).await;
        paste(&app, "ب", B).await;
        app.wait_for("two pasted articles", UI_TIMEOUT, "return document.querySelectorAll('button.doc-item[data-source=user]').length === 2 && document.querySelector('.updating') === null", vec![]).await;
        app.click("input#show-bundled").await;
        app.wait_for("only the two", UI_TIMEOUT, "return document.querySelectorAll('button.doc-item').length === 2 && document.querySelector('.updating') === null", vec![]).await;
        let engine = mentions(&app, &downloads).await;
        set_value(&app, "input#correct-words", "زرقاوند الخضراء").await;
        app.click("button.correct-type[data-type=ORG]").await;
        app.wait_for("the correction analysed", UI_TIMEOUT, "return document.querySelectorAll('article#reader mark[data-by=user]').length > 0 && document.querySelector('.updating') === null", vec![]).await;
        let corrected = mentions(&app, &downloads).await;
        assert_ne!(corrected, engine, "the correction changed the names");
        set_value(&app, "select#download-format", "conll").await;
        let conll = crate::workspace::wait_download(&downloads, "qarin-names.conll").await;
        set_value(&app, "select#download-format", "brat").await;
        let zip = crate::workspace::wait_download(&downloads, "qarin-brat.zip").await;

        let reset = |what: &'static str| {
            let app = app.clone();
            async move {
                app.js("document.querySelector('#correct details.corrections').open = true", vec![]).await;
                app.click("button#correct-reset").await;
                app.wait_for(what, UI_TIMEOUT, "return document.querySelectorAll('article#reader mark[data-by=user]').length === 0 && document.querySelector('.updating') === null", vec![]).await;
            }
        };
        reset("back to the engine's names").await;
        assert_eq!(mentions(&app, &downloads).await, engine);

        // The CoNLL file, chosen as a file: the corrections come back.
        let file = downloads.join("names.conll");
        std::fs::write(&file, &conll).unwrap();
        crate::page::choose_files(&app, &[&file]).await;
        app.wait_for("the CoNLL file imported", UI_TIMEOUT, "return document.querySelectorAll('#correct .corrections li').length > 0 && document.querySelector('.updating') === null", vec![]).await;
        assert_eq!(mentions(&app, &downloads).await, corrected, "CoNLL round trip");
        assert_eq!(app.count(".notice[data-level=error]").await, 0);

        // The brat files of both articles.
        reset("back to the engine's names again").await;
        let mut files = Vec::new();
        for id in doc_ids(&app).await {
            let stored = String::from_utf8_lossy(&zip).to_string();
            let name = stored.match_indices(".ann").map(|(i, _)| &stored[..i]).filter_map(|s| s.rsplit(|c: char| c.is_control() || c == '/').next()).find(|s| id.starts_with(s) || s.starts_with(id.as_str())).map(|s| format!("{s}.ann")).unwrap_or_else(|| panic!("no .ann for {id}"));
            let ann = unzip(&zip, &name).unwrap_or_else(|| panic!("{name} in the ZIP"));
            let path = downloads.join(&name);
            std::fs::write(&path, ann).unwrap();
            files.push(path);
        }
        let paths: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
        crate::page::choose_files(&app, &paths).await;
        app.wait_for("the brat files imported", UI_TIMEOUT, "return document.querySelectorAll('#correct .corrections li').length > 0 && document.querySelector('.updating') === null", vec![]).await;
        assert_eq!(mentions(&app, &downloads).await, corrected, "brat round trip");

        // A file that names no loaded article is refused with its name.
        let stray = downloads.join("nothing-here.ann");
        std::fs::write(&stray, "T1\tPER 0 3\tabc\n").unwrap();
        crate::page::choose_files(&app, &[&stray]).await;
        app.wait_for("the stray file refused", UI_TIMEOUT, "return [...document.querySelectorAll('.notice[data-level=error]')].some(n => n.textContent.includes('nothing-here.ann'))", vec![]).await;
    })
    .await;
}
