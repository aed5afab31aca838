//! Thin wrappers over the browser APIs the app uses. Failures (private mode storage, missing
//! APIs) are ignored: the app still works, it just does not remember.

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
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = document();
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        let _ = a.set_attribute("hidden", "");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            a.remove();
        }
    }
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(2),
    );
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
