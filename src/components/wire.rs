//! The shared-copy view: passages two articles share nearly word for word (agency copy), side by
//! side, with the words that differ marked.

use super::picture::{add, text};
use crate::i18n::{self, t, Key, Lang};
use crate::state::{AppState, Data};
use leptos::prelude::*;
use qarin_engine::{DiffKind, WirePair};
use web_sys::Element;

/// One side of a passage into `p`: its text cut by the diff runs; differing words in `span.diff`
/// (text nodes, never markup).
fn side(p: &Element, pair: &WirePair, a_side: bool, lang: Lang) {
    let (passage, base) = if a_side { (&pair.a_text, pair.a_start) } else { (&pair.b_text, pair.b_start) };
    let chars: Vec<char> = passage.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        let s = s.saturating_sub(base).min(chars.len());
        let e = e.saturating_sub(base).min(chars.len()).max(s);
        chars[s..e].iter().collect()
    };
    let plain = |s: &str| text(p, s);
    let mut cursor = base;
    for run in &pair.diff {
        let (s, e) = if a_side { (run.a_start, run.a_end) } else { (run.b_start, run.b_end) };
        if s < cursor || s >= e {
            continue;
        }
        if s > cursor {
            plain(&slice(cursor, s));
        }
        let words = slice(s, e);
        let (class, key) = match run.kind {
            DiffKind::Same => ("", None),
            DiffKind::Changed => ("diff changed", Some(Key::DiffChanged)),
            DiffKind::OnlyA => ("diff only-a", Some(Key::DiffOnlyA)),
            DiffKind::OnlyB => ("diff only-b", Some(Key::DiffOnlyB)),
        };
        match key {
            None => plain(&words),
            Some(k) => {
                add(p, false, "span", &[("class", class), ("title", t(lang, k))], &words);
            }
        }
        cursor = e;
    }
    let end = base + chars.len();
    if cursor < end {
        plain(&slice(cursor, end));
    }
}

/// The passages two articles share into `el` (or why there is none), drawn with DOM calls; as
/// `view!` code they cost the page about 1 KB of gzipped code.
fn draw(el: &Element, data: &Data, lang: Lang) {
    let pairs = &data.analysis.wire;
    if pairs.is_empty() {
        add(el, false, "p", &[("class", "empty"), ("id", "wire-none")], t(lang, Key::NoWire));
        return;
    }
    let legend = add(el, false, "p", &[("class", "legend-line muted")], "");
    for (i, (class, k)) in [("diff changed", Key::DiffChanged), ("diff only-a", Key::DiffOnlyA), ("diff only-b", Key::DiffOnlyB)].into_iter().enumerate() {
        if i > 0 {
            text(&legend, " ");
        }
        add(&legend, false, "span", &[("class", class)], t(lang, k));
    }
    let list = add(el, false, "div", &[("class", "wire-list")], "");
    for p in pairs {
        let pair = add(&list, false, "div", &[("class", "wire-pair"), ("data-a", &p.a), ("data-b", &p.b)], "");
        add(&pair, false, "p", &[("class", "wire-similarity muted")], &i18n::similarity_text(lang, p.similarity, p.same_words, p.a_words.max(p.b_words)));
        let sides = add(&pair, false, "div", &[("class", "wire-sides")], "");
        for (a_side, id, bytes) in [(true, &p.a, p.a_bytes), (false, &p.b, p.b_bytes)] {
            let col = add(&sides, false, "div", &[("class", if a_side { "wire-a" } else { "wire-b" }), ("data-doc", id)], "");
            let i = data.doc_index(id).unwrap_or(0);
            let h = add(&col, false, "h3", &[("class", "wire-title")], "");
            add(&h, false, "span", &[("class", "wire-outlet")], &data.doc_label(i, lang));
            add(&h, false, "button", &[("type", "button"), ("class", "link-btn wire-open"), ("lang", "ar"), ("dir", "auto"), ("data-doc", id)], &data.doc_title(i, lang));
            let body = add(&col, false, "p", &[("class", "wire-text"), ("lang", "ar"), ("dir", "rtl")], "");
            side(&body, p, a_side, lang);
            let (bs, be) = (bytes.0.to_string(), bytes.1.to_string());
            add(&col, false, "button", &[("type", "button"), ("class", "btn small wire-jump"), ("data-doc", id), ("data-bs", &bs), ("data-be", &be)], t(lang, Key::FactJump));
        }
    }
}

#[component]
pub fn Wire() -> impl IntoView {
    let state = expect_context::<AppState>();
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let data = state.data.get();
        let lang = state.lang.get();
        let Some(el) = holder.get() else { return };
        el.set_text_content(None);
        if let Some(data) = data {
            draw(&el, &data, lang);
        }
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = super::picture::clicked_button(&ev) else { return };
        let get = |k: &str| b.get_attribute(k).unwrap_or_default();
        let id = get("data-doc");
        match (get("data-bs").parse::<usize>(), get("data-be").parse::<usize>()) {
            (Ok(bs), Ok(be)) => state.jump_span(&id, bs, be),
            _ => state.open_doc(&id),
        }
    };
    view! {
        <section id="wire-view" class="wire-view" aria-labelledby="wire-heading">
            <h2 id="wire-heading" class="view-heading">{move || state.t(Key::WireIntro)}</h2>
            <div node_ref=holder class="panel-holder" on:click=click></div>
        </section>
    }
}
