//! Shared page helpers: finding and clicking elements, the article list and the reader, the
//! entity panel, adding articles (file input, paste form), form controls, the URL hash; and the
//! bundled corpus as the tests expect to see it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fantoccini::elements::Element;
use fantoccini::Locator;
use serde::Deserialize;
use serde_json::json;

use crate::harness::{App, UI_TIMEOUT};

impl App {
    /// Waits until `selector` matches an element and returns the first one.
    pub async fn wait_for_css(&self, selector: &str) -> Element {
        self.wait_for(
            &format!("`{selector}`"),
            UI_TIMEOUT,
            "return document.querySelector(arguments[0]) !== null",
            vec![json!(selector)],
        )
        .await;
        self.css(selector).await
    }

    pub async fn css(&self, selector: &str) -> Element {
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no element matches `{selector}`: {e}"))
    }

    pub async fn all(&self, selector: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("find_all `{selector}`: {e}"))
    }

    pub async fn count(&self, selector: &str) -> usize {
        self.js(
            "return document.querySelectorAll(arguments[0]).length",
            vec![json!(selector)],
        )
        .await
        .as_u64()
        .unwrap_or(0) as usize
    }

    /// Whether the first element matching `selector` exists and is rendered (has a layout box
    /// and is not `visibility: hidden`).
    pub async fn visible(&self, selector: &str) -> bool {
        self.js(
            "const e = document.querySelector(arguments[0]); \
             return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'",
            vec![json!(selector)],
        )
        .await
            == json!(true)
    }

    /// An attribute of the first element matching `selector` (`None` if absent or no match).
    pub async fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.js(
            "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
            vec![json!(selector), json!(name)],
        )
        .await
        .as_str()
        .map(str::to_string)
    }

    pub async fn click(&self, selector: &str) {
        let element = self.wait_for_css(selector).await;
        self.click_element(&element, selector).await;
    }

    pub async fn click_element(&self, element: &Element, what: &str) {
        // Scroll it into the middle of the viewport first so no sticky header is in the way.
        self.js(
            "arguments[0].scrollIntoView({block: 'center', inline: 'center'})",
            vec![serde_json::to_value(element).expect("element to JSON")],
        )
        .await;
        element
            .click()
            .await
            .unwrap_or_else(|e| panic!("cannot click {what}: {e}"));
    }

    /// The parameters of `location.hash` (`#view=reader&doc=…`).
    pub async fn hash_params(&self) -> BTreeMap<String, String> {
        let v = self
            .js(
                "return Object.fromEntries(new URLSearchParams(location.hash.replace(/^#/, '')))",
                vec![],
            )
            .await;
        serde_json::from_value(v).expect("hash parameters")
    }
}

/// `[name="value"]`, quoted for CSS.
pub fn attr_sel(name: &str, value: &str) -> String {
    format!("[{name}={}]", json!(value))
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Mark {
    #[serde(rename = "type")]
    pub ty: Option<String>,
    pub entity: Option<String>,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub text: String,
    /// The reader's text between `start` and `end` (code points).
    pub slice: String,
    pub tabindex: i64,
}

/// The marks of the article shown in the reader.
pub async fn marks(app: &App) -> Vec<Mark> {
    let v = app
        .js(
            r#"const r = document.querySelector('article#reader');
            if (!r) return [];
            const cps = Array.from(r.textContent);
            const num = s => (s === undefined || s === null || !/^\d+$/.test(s)) ? null : Number(s);
            return [...r.querySelectorAll('mark')].map(m => ({
              type: m.dataset.type ?? null,
              entity: m.dataset.entity ?? null,
              start: num(m.dataset.start),
              end: num(m.dataset.end),
              text: m.textContent,
              slice: cps.slice(num(m.dataset.start) ?? 0, num(m.dataset.end) ?? 0).join(''),
              tabindex: m.tabIndex,
            }));"#,
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("marks")
}

/// The `data-doc` ids of the article list, in order.
pub async fn doc_ids(app: &App) -> Vec<String> {
    let v = app
        .js(
            "return [...document.querySelectorAll('button.doc-item')].map(b => b.dataset.doc ?? null)",
            vec![],
        )
        .await;
    let ids: Vec<Option<String>> = serde_json::from_value(v).expect("doc ids");
    ids.into_iter()
        .map(|id| id.expect("every button.doc-item has data-doc"))
        .collect()
}

pub async fn reader_doc(app: &App) -> Option<String> {
    app.attr("article#reader", "data-doc").await
}

/// Shows the reader view with article `id`.
pub async fn select_doc(app: &App, id: &str) {
    if !app.visible("article#reader").await {
        app.click("button#tab-reader").await;
    }
    if reader_doc(app).await.as_deref() != Some(id) {
        app.click(&format!("button.doc-item{}", attr_sel("data-doc", id)))
            .await;
    }
    let selector = format!("article#reader{}", attr_sel("data-doc", id));
    app.wait_for(
        &format!("the reader to show {id}"),
        UI_TIMEOUT,
        "return document.querySelector(arguments[0]) !== null",
        vec![json!(selector)],
    )
    .await;
}

pub async fn wait_panel(app: &App, entity: &str) {
    let selector = format!("aside#entity-panel{}", attr_sel("data-entity", entity));
    app.wait_for(
        &format!("the entity panel for {entity}"),
        UI_TIMEOUT,
        "return document.querySelector(arguments[0]) !== null",
        vec![json!(selector)],
    )
    .await;
}

/// Waits for highlighted mentions in the reader; returns (data-entity, data-start) of the first.
pub async fn first_mark(app: &App) -> (String, String) {
    let v = app
        .wait_for(
            "a highlighted mention in the reader",
            UI_TIMEOUT,
            "const m = document.querySelector('article#reader mark[data-entity]'); \
             return m ? [m.dataset.entity, m.dataset.start ?? ''] : null",
            vec![],
        )
        .await;
    (
        v[0].as_str().unwrap_or_default().to_string(),
        v[1].as_str().unwrap_or_default().to_string(),
    )
}

/// Clicks the first mark of the reader and waits for the entity panel to show its entity.
pub async fn click_first_mark(app: &App) -> String {
    let (entity, start) = first_mark(app).await;
    app.click(&format!("article#reader mark[data-start={}]", json!(start)))
        .await;
    wait_panel(app, &entity).await;
    entity
}

pub async fn reader_text(app: &App) -> String {
    app.js("return document.querySelector('article#reader')?.textContent ?? ''", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Chooses files through the file input (paths separated by newlines, as WebDriver wants).
pub async fn choose_files(app: &App, paths: &[&Path]) {
    let input = app.client.find(Locator::Css("input#file-input")).await.expect("input#file-input");
    let joined = paths.iter().map(|p| p.to_str().unwrap()).collect::<Vec<_>>().join("\n");
    input.send_keys(&joined).await.expect("send the file paths");
}

/// Pastes `text` (titled `title`) through the paste form.
pub async fn paste(app: &App, title: &str, text: &str) {
    if app.attr("#paste-form", "hidden").await.is_some() {
        app.click("button#paste-toggle").await;
    }
    app.wait_for_css("#paste-form:not([hidden]) textarea#paste-text").await;
    app.js(
        "document.querySelector('#paste-title').value = arguments[0]; document.querySelector('#paste-text').value = arguments[1];",
        vec![json!(title), json!(text)],
    )
    .await;
    app.click("button#paste-add").await;
}

/// Sets a form control's value as typing or choosing would, firing its events.
pub async fn set_value(app: &App, selector: &str, value: &str) {
    app.wait_for_css(selector).await;
    app.js(
        "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
         e.dispatchEvent(new Event('input', {bubbles: true})); \
         e.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![json!(selector), json!(value)],
    )
    .await;
}

/// A bundled article as the app must show it: the engine's reading of `corpus/` (BOM stripped,
/// newlines normalised to LF), with the id derived from the file name.
#[derive(Debug, Clone)]
pub struct CorpusDoc {
    pub id: String,
    pub text: String,
}

/// The bundled corpus (or `QARIN_CORPUS_DIR`, as for the build), sorted by file name, read as
/// the app's build script reads it (the engine's loader, ids made unique).
pub fn corpus() -> Vec<CorpusDoc> {
    let dir = match std::env::var("QARIN_CORPUS_DIR") {
        Ok(d) if !d.is_empty() => PathBuf::from(d),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    };
    let mut docs = qarin_engine::input::corpus::load_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    qarin_engine::input::corpus::dedupe_ids(&mut docs);
    docs.into_iter()
        .map(|d| CorpusDoc { id: d.id, text: d.text })
        .collect()
}
