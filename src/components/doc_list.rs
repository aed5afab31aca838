//! The list of articles: each says whether it is bundled or the user's, and can be removed; the
//! bundled corpus can be left out as a whole.

use super::picture::add;
use crate::browser;
use crate::i18n::{self, mentions_count, names_count, t, Key, Lang};
use crate::state::{AppState, Data};
use crate::workspace::Source;
use leptos::prelude::*;
use std::sync::Arc;
use web_sys::Element;

#[component]
pub fn DocList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let bundled_n = state.bundled.with_value(|b| b.len());
    let removed_n = move || state.workspace.with(|ws| ws.bundled.removed.len());
    // The list, drawn with DOM calls (titles always text nodes): a long list in runs of
    // `LIST_RUN` items a task, so that a thousand articles never hold the page in one long task.
    // As `view!` code the items cost the page about 4 KB of gzipped code.
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    let run = StoredValue::new(0u32);
    Effect::new(move |_| {
        let data = state.data.get();
        let lang = state.lang.get();
        let Some(el) = holder.get() else { return };
        el.set_text_content(None);
        let Some(data) = data else { return };
        if data.doc_count() == 0 {
            add(&el, false, "p", &[("class", "empty small"), ("id", "no-articles")], t(lang, Key::NoArticles));
            return;
        }
        let ul = add(&el, false, "ul", &[("class", "doc-items")], "");
        let r = run.get_value().wrapping_add(1);
        run.set_value(r);
        draw_from(state, ul, data, lang, 0, run, r);
    });
    // The article in the reader, and how often each names the selected entity, without a redraw.
    Effect::new(move |_| {
        let doc = state.doc.get();
        let entity = state.entity.get();
        let lang = state.lang.get();
        state.data.track();
        let Some(el) = holder.get() else { return };
        let data = state.data.get_untracked();
        let mut li = el.first_element_child().and_then(|ul| ul.first_element_child());
        while let Some(item) = li {
            mark(&item, doc.as_deref(), entity.as_deref(), data.as_deref(), lang);
            li = item.next_element_sibling();
        }
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = super::picture::clicked_button(&ev) else { return };
        let id = b.get_attribute("data-doc").unwrap_or_default();
        if b.class_name() == "doc-remove" {
            state.remove_doc(&id);
        } else {
            state.open_doc(&id);
            // Show the new article from its start.
            request_animation_frame(browser::reveal_reader_top);
        }
    };
    view! {
        <nav class="doc-list" aria-labelledby="doc-list-title">
            <h2 id="doc-list-title" class="side-title">
                {move || state.t(Key::Articles)}
                {move || state.data.get().map(|d| view! { <span class="pill">{d.doc_count()}</span> })}
            </h2>
            <div node_ref=holder class="panel-holder" on:click=click></div>
            {(bundled_n > 0).then(|| view! {
                <div class="bundled-controls">
                    <label class="check">
                        <input
                            type="checkbox"
                            id="show-bundled"
                            prop:checked=move || state.workspace.with(|ws| ws.bundled.shown)
                            on:change=move |ev| state.set_show_bundled(event_target_checked(&ev))
                        />
                        <span>{move || state.t(Key::ShowBundled)} " (" {bundled_n} ")"</span>
                    </label>
                    {move || (removed_n() > 0 && state.workspace.with(|ws| ws.bundled.shown)).then(|| view! {
                        <button type="button" id="restore-bundled" class="link-btn" on:click=move |_| state.restore_removed_bundled()>
                            {i18n::restore_removed(state.lang.get(), removed_n())}
                        </button>
                    })}
                </div>
            })}
        </nav>
    }
}

/// Items of the list rendered a task.
const LIST_RUN: usize = 100;

/// Draw items `from..` of the list into `ul`, `LIST_RUN` now and the rest a task later, unless
/// the list was drawn anew meanwhile (`run` moved on from `r`).
fn draw_from(state: AppState, ul: Element, data: Arc<Data>, lang: Lang, from: usize, run: StoredValue<u32>, r: u32) {
    let n = data.doc_count();
    let (doc, entity) = (state.doc.get_untracked(), state.entity.get_untracked());
    for i in from..n.min(from + LIST_RUN) {
        let li = item(&ul, &data, i, lang);
        mark(&li, doc.as_deref(), entity.as_deref(), Some(&data), lang);
    }
    if from + LIST_RUN < n {
        set_timeout(
            move || {
                if run.try_get_value() == Some(r) {
                    draw_from(state, ul, data, lang, from + LIST_RUN, run, r);
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// The list's `i`th article, as `li.doc-entry` under `ul`.
fn item(ul: &Element, data: &Data, i: usize, lang: Lang) -> Element {
    let d = &data.analysis.documents[i];
    let source = data.source(&d.id).code();
    let title = data.doc_title(i, lang);
    let li = add(ul, false, "li", &[("class", "doc-entry"), ("data-source", source)], "");
    let b = add(&li, false, "button", &[("type", "button"), ("class", "doc-item"), ("data-doc", &d.id), ("data-source", source)], "");
    add(&b, false, "span", &[("class", "doc-title"), ("lang", "ar"), ("dir", "auto")], &title);
    let meta = add(&b, false, "span", &[("class", "doc-meta")], "");
    let (badge, long) = match data.source(&d.id) {
        Source::User => (t(lang, Key::SourceUser), t(lang, Key::SourceUserLong)),
        Source::Bundled => (t(lang, Key::SourceBundled), t(lang, Key::SourceBundledLong)),
    };
    let badge_el = add(&meta, false, "span", &[("class", "source-badge"), ("data-source", source), ("title", long)], "");
    add(&badge_el, false, "span", &[("aria-hidden", "true")], badge);
    add(&badge_el, false, "span", &[("class", "sr-only")], long);
    add(&meta, false, "span", &[("class", "doc-outlet")], &data.doc_label(i, lang));
    if !d.date.is_empty() {
        add(&meta, false, "time", &[("datetime", &d.date)], &d.date);
    }
    add(&meta, false, "span", &[("class", "doc-count")], &names_count(lang, d.mentions.len()));
    if let Some(r) = data.analysis.reuse.get(&d.id).copied().filter(|r| *r > 0.0) {
        add(&meta, false, "span", &[("class", "doc-reuse"), ("title", t(lang, Key::TabWire))], &i18n::shared_share(lang, r));
    }
    let remove = i18n::remove_label(lang, &title);
    let x = add(&li, false, "button", &[("type", "button"), ("class", "doc-remove"), ("data-doc", &d.id), ("aria-label", &remove), ("title", &remove)], "");
    add(&x, false, "span", &[("aria-hidden", "true")], "✕");
    li
}

/// Mark item `li` as the article in the reader (`doc`) or not, and say how often it names the
/// selected `entity` (a `.doc-hit` at the end of its details).
fn mark(li: &Element, doc: Option<&str>, entity: Option<&str>, data: Option<&Data>, lang: Lang) {
    let Some(b) = li.first_element_child() else { return };
    let id = b.get_attribute("data-doc").unwrap_or_default();
    let _ = if doc == Some(id.as_str()) { b.set_attribute("aria-current", "true") } else { b.remove_attribute("aria-current") };
    let Some(meta) = b.last_element_child() else { return };
    if meta.last_element_child().is_some_and(|h| h.class_name().starts_with("doc-hit")) {
        if let Some(h) = meta.last_element_child() {
            h.remove();
        }
    }
    let Some(n) = entity.and_then(|e| data?.entity(e)).map(|e| e.documents.get(&id).copied().unwrap_or(0)) else { return };
    let (class, shown, said) = if n > 0 { ("doc-hit", format!("● {n}"), mentions_count(lang, n)) } else { ("doc-hit none", "○".to_string(), t(lang, Key::NotNamed).to_string()) };
    let hit = add(&meta, false, "span", &[("class", class), ("title", &said)], "");
    add(&hit, false, "span", &[("aria-hidden", "true")], &shown);
    add(&hit, false, "span", &[("class", "sr-only")], &said);
}
