//! What the pictures (`coverage`, `timeline`) share: elements made with plain DOM calls (one
//! small helper; names and labels always text nodes, never markup), the frame around each
//! picture (a `<details>` with its title and legend, kept open or closed across redraws), and
//! saving a drawn SVG as a file or as a PNG.
//!
//! Why not `view!`: each picture written as views cost the page about 20 KB of gzipped code
//! (every element and attribute combination is its own generic type); as DOM calls, a few KB.

use crate::browser;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A type's strong colour: the theme's CSS variable, with the light theme's value for a saved
/// file.
pub fn strong(kind: qarin_engine::EntityType) -> &'static str {
    use qarin_engine::EntityType;
    match kind {
        EntityType::Per => "var(--per-strong,#a65300)",
        EntityType::Loc => "var(--loc-strong,#0a6b45)",
        EntityType::Org => "var(--org-strong,#3343c0)",
        EntityType::Misc => "var(--misc-strong,#a42a63)",
    }
}

/// `s` cut to `n` characters with an ellipsis.
pub fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

/// A new element under `parent` (SVG when `svg`), with attributes and text (a text node).
pub fn add(parent: &Element, svg: bool, tag: &str, attrs: &[(&str, &str)], text: &str) -> Element {
    let doc = document();
    let el = if svg { doc.create_element_ns(Some(SVG_NS), tag) } else { doc.create_element(tag) }.expect("a known element");
    for (k, v) in attrs {
        let _ = el.set_attribute(k, v);
    }
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    let _ = parent.append_child(&el);
    el
}

/// Empty `holder` and put a picture's frame in it: `<details class=class>` (open unless the
/// previous one was closed by the user) with `title` and `legend`. Returns the details element.
pub fn frame(holder: &Element, class: &str, title: &str, legend: &str) -> Element {
    let open = holder.first_element_child().is_none_or(|d| d.has_attribute("open"));
    holder.set_text_content(None);
    let details = add(holder, false, "details", &[("class", class)], "");
    if open {
        let _ = details.set_attribute("open", "");
    }
    add(&details, false, "summary", &[], title);
    add(&details, false, "p", &[("class", "cov-legend")], legend);
    details
}

/// A picture's SVG in a scrolling box under `parent`: `id`, `label` for screen readers, its size
/// in pixels, the app's Arabic font, text in the current colour, and left-to-right anchors
/// whatever the page's direction (Arabic names are still shaped right to left).
pub fn svg(parent: &Element, id: &str, label: &str, width: usize, height: usize) -> Element {
    let scroll = add(parent, false, "div", &[("class", "cov-scroll")], "");
    let (w, h) = (width.to_string(), height.to_string());
    let attrs = [
        ("id", id),
        ("xmlns", SVG_NS),
        ("role", "group"),
        ("aria-label", label),
        ("width", &w),
        ("height", &h),
        ("viewBox", &format!("0 0 {w} {h}")),
        ("font-family", "'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif"),
        ("fill", "currentColor"),
        ("direction", "ltr"),
    ];
    add(&scroll, true, "svg", &attrs, "")
}

/// A small button with an id (the picture's one click handler tells them apart by it).
pub fn button(parent: &Element, id: &str, text: &str) {
    add(parent, false, "button", &[("type", "button"), ("class", "btn small"), ("id", id)], text);
}

/// The element a picture is drawn into, with its one handler: `act(target, by_key)` for a click,
/// or for Enter or Space (whose default is prevented when `act` says it activated a mark; a
/// button keeps its own Enter).
pub fn holder(node: NodeRef<leptos::html::Div>, act: impl Fn(Option<web_sys::EventTarget>, bool) -> bool + Copy + 'static) -> impl IntoView {
    view! {
        <div
            node_ref=node
            on:click=move |ev: ev::MouseEvent| {
                act(ev.target(), false);
            }
            on:keydown=move |ev: ev::KeyboardEvent| {
                let k = ev.key();
                if (k == "Enter" || k == " ") && act(ev.target(), true) {
                    ev.prevent_default();
                }
            }
        ></div>
    }
}

/// A picture's two save buttons: `save-NAME` (SVG) and `save-NAME-png`.
pub fn save_buttons(parent: &Element, name: &str, lang: crate::i18n::Lang) {
    button(parent, &format!("save-{name}"), crate::i18n::t(lang, crate::i18n::Key::SaveSvg));
    button(parent, &format!("save-{name}-png"), crate::i18n::t(lang, crate::i18n::Key::SavePng));
}

/// The click of button `id`, if it is one of [`save_buttons`]`(NAME)`: the SVG `#NAME-svg` saved
/// as `qarin-NAME.svg` or `qarin-NAME.png`.
pub fn save(id: &str, name: &str) {
    let Some(rest) = id.strip_prefix("save-").and_then(|r| r.strip_prefix(name)) else { return };
    let svg = format!("{name}-svg");
    match rest {
        "" => save_svg(&svg, &format!("qarin-{name}.svg")),
        "-png" => {
            if let Some(el) = document().get_element_by_id(&svg) {
                png(&el, &format!("qarin-{name}.png"));
            }
        }
        _ => {}
    }
}

/// Save the SVG `#id` as `file`.
pub fn save_svg(id: &str, file: &str) {
    if let Some(svg) = document().get_element_by_id(id) {
        browser::download(file, "image/svg+xml;charset=utf-8", &svg.outer_html());
    }
}

/// The id of the button `target` is in, if any.
/// The button a click landed in (its target or an ancestor), for a view's one click handler.
pub fn clicked_button(ev: &leptos::ev::MouseEvent) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()?.closest("button").ok().flatten()
}

/// Text after the last child of `parent` (a text node).
pub fn text(parent: &Element, s: &str) {
    let _ = parent.append_with_str_1(s);
}

pub fn button_id(target: &Element) -> Option<String> {
    target.closest("button[id]").ok().flatten().map(|b| b.id())
}

/// Save `svg` as a PNG at twice its size on white: drawn as an image onto a canvas (the page's
/// fonts are not available to an image: the system's Arabic font draws the names).
pub fn png(svg: &Element, file: &str) {
    let (w, h) = (svg.get_attribute("width").and_then(|v| v.parse::<u32>().ok()).unwrap_or(600), svg.get_attribute("height").and_then(|v| v.parse::<u32>().ok()).unwrap_or(400));
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let url = format!("data:image/svg+xml;charset=utf-8,{}", web_sys::js_sys::encode_uri_component(&svg.outer_html()));
    let image = img.clone();
    let file = file.to_string();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(canvas) = document().create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok()) else { return };
        canvas.set_width(w * 2);
        canvas.set_height(h * 2);
        let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()) else { return };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(w * 2), f64::from(h * 2));
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(w * 2), f64::from(h * 2));
        if let Ok(data) = canvas.to_data_url() {
            browser::download_url(&file, &data);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
}

