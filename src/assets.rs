//! The engine's word lists and model, and the bundled articles, loaded as assets beside the
//! app's code (`qarin assets` writes them; `cargo xtask dist` puts them in the site, the service worker caches them, and the
//! single-file page carries them inline as base64 blocks). Loaded once, before the first
//! analysis, each parse in a task of its own.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys;

/// The word lists (see `qarin_engine::lexicon::data`).
pub const LEXICON: &str = "qarin-lexicon.bin";
/// The tagger's model.
pub const MODEL: &str = "qarin-tagger.bin";
/// The bundled articles (`qarin assets --corpus`): data, kept out of the code.
pub const CORPUS: &str = "qarin-corpus.json";
/// Their analysis, made at build time by the same engine (packed, without the texts).
pub const CORPUS_ANALYSIS: &str = "qarin-corpus-analysis.bin";

/// The bytes of an inline block `<script type="application/octet-stream" id="ID">base64</script>`
/// (the single-file page), if the page has one.
fn inline(id: &str) -> Option<Vec<u8>> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    let b64 = el.text_content()?;
    let bin = web_sys::window()?.atob(b64.trim()).ok()?;
    el.remove();
    Some(bin.chars().map(|c| c as u8).collect())
}

thread_local! {
    /// Requests started ahead ([`prefetch`]), taken by the first [`bytes`] of their asset.
    static PENDING: std::cell::RefCell<Vec<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Start fetching the asset `name` now, so that it downloads while something else does (unless
/// the page carries it inline: the single-file page, where there is nothing to fetch).
pub fn prefetch(name: &str) {
    let Some(window) = web_sys::window() else { return };
    let inline = window.document().and_then(|d| d.get_element_by_id(&format!("qarin-asset-{}", name.trim_end_matches(".bin"))));
    if inline.is_none() {
        PENDING.with(|p| p.borrow_mut().push((name.to_string(), window.fetch_with_str(name))));
    }
}

/// The bytes of the asset `name`, for the worker (`crate::worker`), which installs them itself.
/// An inline block is read once (and removed from the page); its bytes are kept, since a worker
/// that died is replaced by one that needs them again.
pub async fn bytes(name: &str) -> Result<js_sys::Uint8Array, String> {
    thread_local! {
        static INLINE: std::cell::RefCell<Vec<(String, js_sys::Uint8Array)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(b) = INLINE.with(|c| c.borrow().iter().find(|(n, _)| n == name).map(|(_, b)| b.clone())) {
        return Ok(b);
    }
    if let Some(bytes) = inline(&format!("qarin-asset-{}", name.trim_end_matches(".bin"))) {
        let b = js_sys::Uint8Array::from(bytes.as_slice());
        INLINE.with(|c| c.borrow_mut().push((name.to_string(), b.clone())));
        return Ok(b);
    }
    let window = web_sys::window().ok_or("no window")?;
    let started = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.iter().position(|(n, _)| n == name).map(|i| p.swap_remove(i).1)
    });
    let resp = JsFuture::from(started.unwrap_or_else(|| window.fetch_with_str(name))).await.map_err(|e| format!("{name}: {e:?}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| format!("{name}: not a response"))?;
    if !resp.ok() {
        return Err(format!("{name}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|e| format!("{name}: {e:?}"))?).await.map_err(|e| format!("{name}: {e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buf))
}

/// What an analysis made by this build depends on, as the page names it: `cargo xtask dist`
/// writes `<meta name="qarin-engine">`, a hash of the wasm module (the engine's code) and of the
/// word lists and the model. `None` without it (a plain `trunk serve`): no analysis is kept then
/// ([`crate::state::cache`]).
pub fn identity() -> Option<String> {
    let content = web_sys::window()?.document()?.query_selector("meta[name='qarin-engine']").ok()??.get_attribute("content")?;
    (!content.is_empty()).then_some(content)
}

/// The bundled articles, which the app opens with.
pub async fn corpus() -> Result<Vec<qarin_engine::Document>, String> {
    let bytes = fetch(CORPUS).await?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{CORPUS}: {e}"))?;
    qarin_engine::json::from_str(&text).map_err(|e| format!("{CORPUS}: {e}"))
}

/// The bundled articles' analysis made at build time, if it can be read (else the app analyses
/// them itself).
pub async fn corpus_analysis() -> Option<qarin_engine::Analysis> {
    let bytes = fetch(CORPUS_ANALYSIS).await.ok()?;
    qarin_engine::pack::from_bytes(&bytes).ok()
}

async fn fetch(name: &str) -> Result<Vec<u8>, String> {
    bytes(name).await.map(|b| b.to_vec())
}

/// Load and install the word lists and the model (once). An error names what failed; the
/// analysis then goes on with what it has (rules and the lists built into the code).
pub async fn load() -> Result<(), String> {
    if qarin_engine::lexicon::ready() && qarin_engine::tagger::tagger().is_some() {
        return Ok(());
    }
    let (lexicon, model) = (fetch(LEXICON).await, fetch(MODEL).await);
    crate::job::yield_to_page().await;
    let mut errors = Vec::new();
    match lexicon {
        Ok(bytes) => {
            if let Err(e) = qarin_engine::lexicon::install(&bytes) {
                errors.push(format!("{LEXICON}: {e}"));
            }
        }
        Err(e) => errors.push(e),
    }
    crate::job::yield_to_page().await;
    match model {
        Ok(bytes) => {
            if let Err(e) = qarin_engine::tagger::install(&bytes) {
                errors.push(format!("{MODEL}: {e}"));
            }
        }
        Err(e) => errors.push(e),
    }
    crate::browser::mark("qarin:assets-loaded");
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}
