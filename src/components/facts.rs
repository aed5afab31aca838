//! The facts view: what the articles count, date and name, one row per fact and one column per
//! article, conflicts first and obvious; each value jumps to its place in the reader. Above the
//! table, the dated facts on one time axis (`timeline`).

use crate::browser;
use crate::i18n::{self, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::facts::{Fact, FactValue, Status};

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

    let table = move || {
        let data = state.data.get()?;
        let lang = state.lang.get();
        let facts = &data.analysis.facts;
        if facts.is_empty() {
            return Some(view! { <p class="empty" id="facts-empty">{t(lang, Key::NoFacts)}</p> }.into_any());
        }
        let docs = &data.analysis.documents;
        let status = status_filter.get();
        let needle = text_filter.get();
        let needle = needle.trim();
        let head = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                view! {
                    <th scope="col" data-doc=d.id.clone() title=data.doc_title(i, lang)>
                        {data.doc_label(i, lang)}
                    </th>
                }
            })
            .collect_view();
        let matched: Vec<&qarin_engine::facts::Fact> = facts
            .iter()
            .filter(|f| status == "all" || f.status.code() == status)
            .filter(|f| matches(f, needle))
            .collect();
        // A selected row (from a link) is always in the page.
        let selected_at = state
            .fact
            .with_untracked(|sel| sel.as_ref().and_then(|id| matched.iter().position(|f| &f.id == id)));
        let limit = rows_shown.get().max(selected_at.map_or(0, |i| i + 1));
        let more = (matched.len() > limit).then(|| {
            let label = crate::i18n::show_more(lang, limit, matched.len(), ROWS_PAGE);
            view! {
                <button type="button" id="facts-more" class="btn small facts-more" on:click=move |_| rows_shown.set(limit + ROWS_PAGE)>
                    {label}
                </button>
            }
        });
        let rows: Vec<_> = matched
            .iter()
            .take(limit)
            .map(|f| {
                let id = f.id.clone();
                let id_sel = id.clone();
                let id_click = id.clone();
                let selected = move || state.fact.with(|x| x.as_deref() == Some(id_sel.as_str()));
                let selected2 = selected.clone();
                let cells = docs
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let values: Vec<&FactValue> = f.values.iter().filter(|v| v.document == d.id).collect();
                        if values.is_empty() {
                            return view! {
                                <td data-doc=d.id.clone() class="fact-cell empty-cell">
                                    <span aria-hidden="true">"—"</span>
                                    <span class="sr-only">{t(lang, Key::NotNamed)}</span>
                                </td>
                            }
                            .into_any();
                        }
                        let items = values
                            .into_iter()
                            .map(|v| {
                                let doc = v.document.clone();
                                let (bs, be) = (v.byte_start, v.byte_end);
                                let fact_id = f.id.clone();
                                let label = format!("{} — {}: {}", t(lang, Key::FactJump), data.doc_label(i, lang), v.text);
                                view! {
                                    <li class="fact-value" data-start=v.start.to_string()>
                                        <span class="written" lang="ar" dir="rtl">{v.text.clone()}</span>
                                        <span class="normalised" dir="ltr" title=t(lang, Key::Normalised)>{normalised(v)}</span>
                                        <button
                                            type="button"
                                            class="fact-jump btn small"
                                            aria-label=label.clone()
                                            title=label
                                            on:click=move |_| {
                                                state.fact.set(Some(fact_id.clone()));
                                                state.jump_span(&doc, bs, be);
                                            }
                                        >
                                            <span aria-hidden="true">{if lang == Lang::Ar { "←" } else { "→" }}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <td data-doc=d.id.clone() class="fact-cell">
                                <ul class="fact-values">{items}</ul>
                            </td>
                        }
                        .into_any()
                    })
                    .collect_view();
                let st = f.status;
                view! {
                    <tr
                        data-fact=id
                        data-status=st.code()
                        data-kind=format!("{:?}", f.kind).to_ascii_lowercase()
                        class:selected=selected
                        data-selected=move || selected2().then_some("true")
                    >
                        <th scope="row" class="fact-label">
                            <button type="button" class="link-btn fact-select" on:click=move |_| state.fact.set(Some(id_click.clone()))>
                                {fact_label(f, lang)}
                            </button>
                        </th>
                        <td class="fact-status">
                            <span class="status-badge" data-status=st.code()>
                                <span aria-hidden="true" class="status-icon">{status_icon(st)}</span>
                                " "
                                {t(lang, status_key(st))}
                            </span>
                        </td>
                        {cells}
                    </tr>
                }
            })
            .collect();
        let none = rows.is_empty();
        Some(view! {
            <div class="facts-scroll">
                <table id="facts-table" class="facts-table">
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Key::FactColumn)}</th>
                            <th scope="col">{t(lang, Key::StatusColumn)}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {more}
            {none.then(|| view! { <p class="empty" id="facts-none">{t(lang, Key::NoFactsMatch)}</p> })}
        }
        .into_any())
    };

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
