//! The facts view: what the articles count, date and name, one row per fact and one column per
//! article, conflicts first and obvious; each value jumps to its place in the reader. Above the
//! table, the dated facts on one time axis (`timeline`).

use crate::browser;
use crate::i18n::{self, t, Key, Lang};
use crate::state::AppState;
use super::picture::{add, text};
use crate::state::data::Data;
use leptos::prelude::*;
use qarin_engine::facts::{Fact, FactValue, Status};
use web_sys::Element;

fn status_key(s: Status) -> Key {
    match s {
        Status::Conflict => Key::StatusConflict,
        Status::Agree => Key::StatusAgree,
        Status::Single => Key::StatusSingle,
    }
}

fn status_icon(s: Status) -> &'static str {
    match s {
        Status::Conflict => "⚠",
        Status::Agree => "✓",
        Status::Single => "•",
    }
}

fn fact_label(f: &Fact, lang: Lang) -> String {
    crate::i18n::fact_label(lang, f)
}

/// The normalised value as shown: the number with its unit, the ISO date, the name.
fn normalised(v: &FactValue) -> String {
    let mut s = v.value.display();
    if let Some(u) = &v.unit {
        s.push(' ');
        s.push_str(u);
    }
    if let Some(q) = v.qualifier {
        s = format!("{s} ({})", q.code().replace('_', " "));
    }
    s
}

fn matches(f: &Fact, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let n = needle.to_ascii_lowercase();
    crate::i18n::fact_label(Lang::En, f).to_ascii_lowercase().contains(&n)
        || crate::i18n::fact_label(Lang::Ar, f).contains(needle)
        || f.id.to_ascii_lowercase().contains(&n)
        || f
            .values
            .iter()
            .any(|v| v.text.contains(needle) || v.value.display().to_ascii_lowercase().contains(&n))
}

/// Fact rows shown at first, and added by each "show more".
const ROWS_PAGE: usize = 100;

#[component]
pub fn Facts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status_filter = RwSignal::new(String::from("all"));
    let text_filter = RwSignal::new(String::new());
    // Rows in the page at most, a page more at a time: 200 articles give over a thousand rows of
    // 200 cells each. Back to one page when the filters or the analysis change.
    let rows_shown = RwSignal::new(ROWS_PAGE);
    Effect::new(move |_| {
        status_filter.track();
        text_filter.track();
        state.data.track();
        if rows_shown.get_untracked() != ROWS_PAGE {
            rows_shown.set(ROWS_PAGE);
        }
    });

    // Scroll the fact named in the URL into view once the table is there.
    request_animation_frame(move || {
        if let Some(id) = state.fact.get_untracked() {
            let sel = format!("#facts-table tr[data-fact=\"{}\"]", id.replace('"', ""));
            if let Some(el) = browser::html_element(&sel) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
    });

    // The table, drawn with DOM calls (values always text nodes) into a holder, with one click
    // handler for its buttons; as `view!` code it cost the page about 5 KB of gzipped code.
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let data = state.data.get();
        let lang = state.lang.get();
        let (status, needle, shown) = (status_filter.get(), text_filter.get(), rows_shown.get());
        let Some(el) = holder.get() else { return };
        el.set_text_content(None);
        if let Some(data) = data {
            let selected = state.fact.get_untracked();
            draw(&el, &data, lang, &status, needle.trim(), shown, selected.as_deref());
        }
    });
    // The selected row follows the selection without a redraw.
    Effect::new(move |_| {
        let selected = state.fact.get();
        let Some(el) = holder.get() else { return };
        // holder > .facts-scroll > table > tbody > tr
        let body = el.first_element_child().and_then(|s| s.first_element_child()).and_then(|t| t.last_element_child());
        let mut row = body.and_then(|b| b.first_element_child());
        while let Some(r) = row {
            let on = selected.as_deref().is_some_and(|s| r.get_attribute("data-fact").as_deref() == Some(s));
            let _ = if on { r.set_attribute("class", "selected").and(r.set_attribute("data-selected", "true")) } else { r.remove_attribute("class").and(r.remove_attribute("data-selected")) };
            row = r.next_element_sibling();
        }
    });
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = super::picture::clicked_button(&ev) else { return };
        let get = |k: &str| b.get_attribute(k).unwrap_or_default();
        let num = |k: &str| get(k).parse::<usize>().ok();
        if b.id() == "facts-more" {
            if let Some(n) = num("data-next") {
                rows_shown.set(n);
            }
            return;
        }
        state.fact.set(Some(get("data-fact")));
        if let (true, Some(bs), Some(be)) = (b.class_name().contains("fact-jump"), num("data-bs"), num("data-be")) {
            state.jump_span(&get("data-doc"), bs, be);
        }
    };
    let table = view! { <div node_ref=holder class="panel-holder" on:click=click></div> };

    let summary = move || {
        let data = state.data.get()?;
        let count = |s: Status| data.analysis.facts.iter().filter(|f| f.status == s).count();
        Some(i18n::facts_summary(
            state.lang.get(),
            count(Status::Conflict),
            count(Status::Agree),
            count(Status::Single),
        ))
    };

    view! {
        <section class="facts-view" aria-labelledby="facts-heading">
            <h2 id="facts-heading" class="view-heading">{move || state.t(Key::FactsIntro)}</h2>
            <p class="facts-summary muted">{summary}</p>
            <crate::components::timeline::Timeline/>
            <div class="facts-controls">
                <div class="field">
                    <label for="facts-status">{move || state.t(Key::FactsStatusLabel)}</label>
                    <select
                        id="facts-status"
                        prop:value=move || status_filter.get()
                        on:change=move |ev| status_filter.set(event_target_value(&ev))
                    >
                        <option value="all">{move || state.t(Key::StatusAll)}</option>
                        <option value="conflict">{move || state.t(Key::StatusConflict)}</option>
                        <option value="agree">{move || state.t(Key::StatusAgree)}</option>
                        <option value="single">{move || state.t(Key::StatusSingle)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="facts-filter">{move || state.t(Key::FactsFilterLabel)}</label>
                    <input
                        id="facts-filter"
                        type="search"
                        dir="auto"
                        autocomplete="off"
                        placeholder=move || state.t(Key::FactsFilterPlaceholder)
                        prop:value=move || text_filter.get()
                        on:input=move |ev| text_filter.set(event_target_value(&ev))
                    />
                </div>
            </div>
            {table}
        </section>
    }
}

/// The facts table (or why there is none) into `el`: the facts of status `status` (or "all")
/// that match `needle`, `shown` rows at most (and the `selected` one).
fn draw(el: &Element, data: &Data, lang: Lang, status: &str, needle: &str, shown: usize, selected: Option<&str>) {
    let facts = &data.analysis.facts;
    if facts.is_empty() {
        add(el, false, "p", &[("class", "empty"), ("id", "facts-empty")], t(lang, Key::NoFacts));
        return;
    }
    let docs = &data.analysis.documents;
    let matched: Vec<&Fact> = facts.iter().filter(|f| status == "all" || f.status.code() == status).filter(|f| matches(f, needle)).collect();
    // A selected row (from a link) is always in the page.
    let selected_at = selected.and_then(|id| matched.iter().position(|f| f.id == id));
    let limit = shown.max(selected_at.map_or(0, |i| i + 1));
    let scroll = add(el, false, "div", &[("class", "facts-scroll")], "");
    let table = add(&scroll, false, "table", &[("id", "facts-table"), ("class", "facts-table")], "");
    let head = add(&add(&table, false, "thead", &[], ""), false, "tr", &[], "");
    add(&head, false, "th", &[("scope", "col")], t(lang, Key::FactColumn));
    add(&head, false, "th", &[("scope", "col")], t(lang, Key::StatusColumn));
    for (i, d) in docs.iter().enumerate() {
        add(&head, false, "th", &[("scope", "col"), ("data-doc", &d.id), ("title", &data.doc_title(i, lang))], &data.doc_label(i, lang));
    }
    let body = add(&table, false, "tbody", &[], "");
    let arrow = if lang == Lang::Ar { "←" } else { "→" };
    for f in matched.iter().take(limit) {
        let st = f.status;
        let kind = format!("{:?}", f.kind).to_ascii_lowercase();
        let mut attrs = vec![("data-fact", f.id.as_str()), ("data-status", st.code()), ("data-kind", kind.as_str())];
        if selected == Some(f.id.as_str()) {
            attrs.extend([("class", "selected"), ("data-selected", "true")]);
        }
        let row = add(&body, false, "tr", &attrs, "");
        let label = add(&row, false, "th", &[("scope", "row"), ("class", "fact-label")], "");
        add(&label, false, "button", &[("type", "button"), ("class", "link-btn fact-select"), ("data-fact", &f.id)], &fact_label(f, lang));
        let badge = add(&add(&row, false, "td", &[("class", "fact-status")], ""), false, "span", &[("class", "status-badge"), ("data-status", st.code())], "");
        add(&badge, false, "span", &[("aria-hidden", "true"), ("class", "status-icon")], status_icon(st));
        text(&badge, " ");
        text(&badge, t(lang, status_key(st)));
        for (i, d) in docs.iter().enumerate() {
            let values: Vec<&FactValue> = f.values.iter().filter(|v| v.document == d.id).collect();
            if values.is_empty() {
                let cell = add(&row, false, "td", &[("data-doc", &d.id), ("class", "fact-cell empty-cell")], "");
                add(&cell, false, "span", &[("aria-hidden", "true")], "—");
                add(&cell, false, "span", &[("class", "sr-only")], t(lang, Key::NotNamed));
                continue;
            }
            let list = add(&add(&row, false, "td", &[("data-doc", &d.id), ("class", "fact-cell")], ""), false, "ul", &[("class", "fact-values")], "");
            for v in values {
                let item = add(&list, false, "li", &[("class", "fact-value"), ("data-start", &v.start.to_string())], "");
                add(&item, false, "span", &[("class", "written"), ("lang", "ar"), ("dir", "rtl")], &v.text);
                add(&item, false, "span", &[("class", "normalised"), ("dir", "ltr"), ("title", t(lang, Key::Normalised))], &normalised(v));
                let jump = format!("{} — {}: {}", t(lang, Key::FactJump), data.doc_label(i, lang), v.text);
                let (bs, be) = (v.byte_start.to_string(), v.byte_end.to_string());
                let attrs = [("type", "button"), ("class", "fact-jump btn small"), ("aria-label", jump.as_str()), ("title", jump.as_str()), ("data-fact", f.id.as_str()), ("data-doc", v.document.as_str()), ("data-bs", bs.as_str()), ("data-be", be.as_str())];
                let b = add(&item, false, "button", &attrs, "");
                add(&b, false, "span", &[("aria-hidden", "true")], arrow);
            }
        }
    }
    if matched.len() > limit {
        let next = (limit + ROWS_PAGE).to_string();
        add(el, false, "button", &[("type", "button"), ("id", "facts-more"), ("class", "btn small facts-more"), ("data-next", &next)], &crate::i18n::show_more(lang, limit, matched.len(), ROWS_PAGE));
    }
    if matched.is_empty() {
        add(el, false, "p", &[("class", "empty"), ("id", "facts-none")], t(lang, Key::NoFactsMatch));
    }
}
