//! Thin wrappers over the browser APIs the app uses. Preferences (language, theme) are stored
//! best-effort; the workspace goes through [`storage_try_set`], whose failures are reported to
//! the user (see `persist`).

use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys;

pub fn storage_get(key: &str) -> Option<String> {
    window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = window().local_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

/// The origin's localStorage, or why it is not available.
pub fn storage() -> Result<web_sys::Storage, String> {
    match window().local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is not available".to_string()),
        Err(e) => Err(js_error_text(&e)),
    }
}

/// Store `value` under `key`, or say why the browser refused (e.g. `QuotaExceededError`).
pub fn storage_try_set(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(|e| js_error_text(&e))
}

pub fn storage_remove(key: &str) {
    if let Ok(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key in localStorage.
pub fn storage_keys() -> Vec<String> {
    let Ok(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
}

/// A JavaScript exception as text: `Name: message` for errors and DOMExceptions.
pub fn js_error_text(e: &JsValue) -> String {
    let get = |k: &str| {
        js_sys::Reflect::get(e, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    match (get("name"), get("message")) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        (Some(n), None) => n,
        (None, Some(m)) => m,
        (None, None) => e.as_string().unwrap_or_else(|| "unknown error".to_string()),
    }
}

/// The current time, ISO 8601 (UTC).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

pub fn prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

pub fn navigator_prefers_arabic() -> bool {
    window()
        .navigator()
        .language()
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("ar"))
}

/// Set an attribute on `<html>`.
pub fn set_root_attr(name: &str, value: &str) {
    if let Some(el) = document().document_element() {
        if el.get_attribute(name).as_deref() != Some(value) {
            let _ = el.set_attribute(name, value);
        }
    }
}

pub fn set_title(title: &str) {
    document().set_title(title);
}

pub fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Replace the URL's hash without adding a history entry or firing `hashchange`.
pub fn replace_hash(hash: &str) {
    if location_hash() == hash {
        return;
    }
    let ok = window()
        .history()
        .and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(hash)))
        .is_ok();
    if !ok {
        let _ = window().location().set_hash(hash);
    }
}

/// Offer `content` as a file download (Blob + object URL + a temporary `<a download>`).
pub fn download(file_name: &str, mime: &str, content: &str) {
    download_part(file_name, mime, &JsValue::from_str(content));
}

/// Offer `bytes` as a file download (a ZIP archive).
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    download_part(file_name, mime, &js_sys::Uint8Array::from(bytes));
}

fn download_part(file_name: &str, mime: &str, part: &JsValue) {
    let parts = js_sys::Array::of1(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(file_name, &url);
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(2),
    );
}

/// Offer the resource at `url` (an object or `data:` URL) as a file download, through a
/// temporary `<a download>`.
pub fn download_url(file_name: &str, url: &str) {
    let doc = document();
    if let Some(a) = doc.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(url);
        a.set_download(file_name);
        let _ = a.set_attribute("hidden", "");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
}

/// If the reader's top edge is scrolled out of view, bring it back.
pub fn reveal_reader_top() {
    if let Some(el) = html_element(".reader-view") {
        if el.get_bounding_client_rect().top() < 0.0 {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Start);
            opts.set_behavior(web_sys::ScrollBehavior::Instant);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
        }
    }
}

pub fn html_element(selector: &str) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Focus an element without scrolling it (it is already where the user looks).
pub fn focus_no_scroll(el: &web_sys::HtmlElement) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
}

/// Scroll the reader to the mark starting at `start`, and focus it. False if it is not rendered.
pub fn scroll_to_mark(start: usize) -> bool {
    let Some(el) = html_element(&format!("#reader mark[data-start=\"{start}\"]")) else {
        return false;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    focus_no_scroll(&el);
    true
}

/// The element an event was bound on, as an `HtmlElement`.
pub fn current_target(ev: &web_sys::Event) -> Option<web_sys::HtmlElement> {
    ev.current_target()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Scroll the reader's highlighted fact or quote (`.fact-hit.current`) into view once it is
/// rendered (retried for a few frames while the article renders).
pub fn scroll_to_hit(attempt: u32) {
    leptos::prelude::request_animation_frame(move || {
        match html_element("#reader .fact-hit.current") {
            Some(el) => {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                opts.set_behavior(web_sys::ScrollBehavior::Instant);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
            None if attempt < 20 => scroll_to_hit(attempt + 1),
            None => {}
        }
    });
}

/// A User Timing mark (`performance.mark`), read by `cargo xtask bench` to show where the time
/// of a load goes. Costs nothing measurable; ignored where the API is missing.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Remove the element `selector` matches, if any (the build-time prerendered first view, once
/// the app shows its own).
pub fn remove_element(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    {
        el.remove();
    }
}
