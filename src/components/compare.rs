//! The comparison: coverage at a glance (`coverage`), then the table, one row per entity and one
//! column per article.

use crate::browser;
use crate::components::coverage::CoverageMap;
use crate::components::graph::Graph;
use crate::i18n::{cell_label, showing, type_name, Key, Lang};
use crate::state::AppState;
use crate::table::{rows, SortKey};
use leptos::ev;
use leptos::prelude::*;
use qarin_engine::EntityType;
use std::collections::HashMap;

#[component]
pub fn Compare() -> impl IntoView {
    let state = expect_context::<AppState>();

    // The filtered, sorted rows: (entity index, entity id).
    let visible = Memo::new(move |_| {
        let Some(data) = state.data.get() else {
            return Vec::new();
        };
        let q = state.filter_text.get();
        let kind = state.filter_type.get();
        let sort = state.sort.get();
        let by_latin = state.lang.get() == Lang::En;
        rows(&data.analysis.entities, &q, kind, sort, by_latin)
            .into_iter()
            .map(|i| (i, data.analysis.entities[i].id.clone()))
            .collect::<Vec<_>>()
    });
    // Virtualised rows: past VIRTUAL_FROM rows, only those in view (and OVERSCAN either side)
    // are in the page, between two spacer rows as tall as the rows left out. Rows have one
    // height (CSS: `.compare-table.virtual`), measured once rendered.
    let scroll_top = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(900.0f64);
    let row_h = RwSignal::new(ROW_PX);
    // Where the body starts in the scrolled box (below the caption and the header row).
    let head_h = RwSignal::new(0.0f64);
    let virtual_mode = move || visible.with(Vec::len) > VIRTUAL_FROM;
    let window = Memo::new(move |_| {
        let n = visible.with(Vec::len);
        if n <= VIRTUAL_FROM {
            return (0, n);
        }
        let h = row_h.get().max(1.0);
        let into_rows = (scroll_top.get() - head_h.get()).max(0.0);
        let first = ((into_rows / h).floor() as usize).saturating_sub(OVERSCAN).min(n);
        let count = (viewport.get() / h).ceil() as usize + 2 * OVERSCAN;
        (first, (first + count).min(n))
    });
    let shown = Memo::new(move |_| {
        let (a, b) = window.get();
        visible.with(|v| v[a..b].to_vec())
    });
    // Each row's place in the filtered, sorted list (for `aria-rowindex`), so that rows are kept
    // by entity id when the list is filtered or sorted again.
    let places = Memo::new(move |_| {
        visible.with(|v| v.iter().enumerate().map(|(k, (_, id))| (id.clone(), k)).collect::<HashMap<String, usize>>())
    });
    let columns = move || state.data.with(|d| d.as_ref().map_or(0, |d| d.doc_count())) + 3;
    let spacer = move |px: f64| {
        (px > 0.0).then(|| view! {
            <tr class="spacer" aria-hidden="true"><td colspan=columns() style=format!("block-size: {}px; padding: 0; border: 0", px.round() as i64)></td></tr>
        })
    };
    let top_space = move || spacer(window.get().0 as f64 * row_h.get());
    let bottom_space = move || spacer((visible.with(Vec::len) - window.get().1) as f64 * row_h.get());
    let on_scroll = move |ev: ev::Event| {
        if let Some(el) = browser::current_target(&ev) {
            let (top, height) = (el.scroll_top() as f64, el.client_height() as f64);
            if virtual_mode() {
                // Measure the real row height once rows are in the page.
                if let Some(h) = browser::html_element("#compare-table tbody tr[data-entity]").map(|r| r.offset_height() as f64) {
                    if h > 0.0 && (h - row_h.get_untracked()).abs() > 0.5 {
                        row_h.set(h);
                    }
                }
            }
            if let Some(body) = browser::html_element("#compare-table tbody") {
                let h = body.offset_top() as f64;
                if (h - head_h.get_untracked()).abs() > 0.5 {
                    head_h.set(h);
                }
            }
            scroll_top.set(top);
            viewport.set(height.max(200.0));
        }
    };
    // The box's real height once it is in the page (it changes with the window only on scroll).
    request_animation_frame(move || {
        if let Some(el) = browser::html_element(".compare-view .table-scroll") {
            viewport.set((el.client_height() as f64).max(200.0));
        }
    });

    let total = move || {
        state
            .data
            .with(|d| d.as_ref().map_or(0, |d| d.analysis.entities.len()))
    };

    let type_options = EntityType::ALL
        .iter()
        .map(
            |&k| view! { <option value=k.code()>{move || type_name(state.lang.get(), k)}</option> },
        )
        .collect_view();

    let sort_header = move |key: SortKey, label: Key, class: &'static str| {
        let active = move || state.sort.get().key == key;
        let aria_sort = move || {
            let s = state.sort.get();
            (s.key == key).then_some(if s.ascending {
                "ascending"
            } else {
                "descending"
            })
        };
        view! {
            <th scope="col" class=class aria-sort=aria_sort>
                <button
                    type="button"
                    class="sort-btn"
                    class:active=active
                    data-sort=key.code()
                    on:click=move |_| state.sort.update(|s| *s = s.toggle(key))
                >
                    {move || state.t(label)}
                    <span class="sort-arrow" aria-hidden="true">
                        {move || {
                            let s = state.sort.get();
                            if s.key != key { "↕" } else if s.ascending { "▲" } else { "▼" }
                        }}
                    </span>
                </button>
            </th>
        }
    };

    let doc_headers = move || {
        let data = state.data.get()?;
        let lang = state.lang.get();
        Some(
            (0..data.doc_count())
                .map(|i| {
                    let d = &data.analysis.documents[i];
                    view! {
                        // An outlet found in the text is in italics (the reader says where from).
                        <th scope="col" class="doc-col" class:guessed=data.outlet_guess(i).is_some() data-doc=d.id.clone() title=data.doc_title(i, lang)>
                            <button type="button" class="doc-col-btn" on:click={
                                let id = d.id.clone();
                                move |_| state.open_doc(&id)
                            }>
                                <span class="doc-col-n">{i + 1}</span>
                                <span class="doc-col-label">{data.doc_label(i, lang)}</span>
                            </button>
                        </th>
                    }
                })
                .collect_view(),
        )
    };

    view! {
        <section class="compare-view" aria-labelledby="compare-heading">
            <h2 id="compare-heading" class="sr-only">{move || state.t(Key::TabCompare)}</h2>
            <div class="compare-toolbar" role="search">
                <div class="field">
                    <label for="filter-text">{move || state.t(Key::FilterText)}</label>
                    <input
                        id="filter-text"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=move || state.t(Key::FilterTextPlaceholder)
                        prop:value=move || state.filter_text.get()
                        on:input=move |ev| state.filter_text.set(event_target_value(&ev))
                    />
                </div>
                <div class="field">
                    <label for="filter-type">{move || state.t(Key::FilterType)}</label>
                    <select
                        id="filter-type"
                        prop:value=move || state.filter_type.get().map_or("all", |k| k.code())
                        on:change=move |ev| state.filter_type.set(EntityType::from_code(&event_target_value(&ev)))
                    >
                        <option value="all">{move || state.t(Key::AllTypes)}</option>
                        {type_options}
                    </select>
                </div>
                <p class="showing" aria-live="polite">{move || showing(state.lang.get(), visible.with(Vec::len), total())}</p>
            </div>
            <CoverageMap visible=visible/>
            <Graph visible=visible/>
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="compare-caption" on:scroll=on_scroll>
                <table
                    id="compare-table"
                    class="compare-table"
                    class:virtual=virtual_mode
                    aria-rowcount=move || visible.with(Vec::len) + 1
                >
                    <caption id="compare-caption">{move || state.t(Key::CompareCaption)}</caption>
                    <thead>
                        <tr>
                            {sort_header(SortKey::Name, Key::Entity, "name-col")}
                            {sort_header(SortKey::Type, Key::Type, "type-col")}
                            {sort_header(SortKey::Coverage, Key::Coverage, "cov-col")}
                            {doc_headers}
                        </tr>
                    </thead>
                    <tbody>
                        {top_space}
                        <For each=move || shown.get() key=|(_, id)| id.clone() let((i, id))>
                            <Row index=i position=Signal::derive(move || places.with(|p| p.get(&id).copied().unwrap_or(0)))/>
                        </For>
                        {bottom_space}
                    </tbody>
                </table>
                <Show when=move || visible.with(Vec::is_empty)>
                    <p class="empty">{move || state.t(Key::NoMatches)}</p>
                </Show>
            </div>
        </section>
    }
}

/// Rows always all in the page up to this many.
const VIRTUAL_FROM: usize = 150;
/// Rows rendered beyond each edge of the visible part.
const OVERSCAN: usize = 8;
/// Row height assumed until one is measured (`.compare-table.virtual` rows: 3rem).
const ROW_PX: f64 = 48.0;

/// One entity's row; `position` is its place in the filtered, sorted list.
#[component]
fn Row(index: usize, position: Signal<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(data) = state.data.get_untracked() else {
        return ().into_any();
    };
    let e = data.analysis.entities[index].clone();
    let m = data.doc_count();
    let cov = e.coverage();
    let id = e.id.clone();
    let id_sel = id.clone();
    let selected = move || state.entity.with(|x| x.as_deref() == Some(id_sel.as_str()));
    let kind = e.kind;

    let select = {
        let id = id.clone();
        move |ev: ev::MouseEvent| state.select_entity(&id, browser::current_target(&ev), true)
    };

    let cells = data
        .analysis
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let n = e.documents.get(&d.id).copied().unwrap_or(0);
            let doc_id = d.id.clone();
            if n == 0 {
                return view! {
                    <td data-doc=doc_id data-count="0" class="cell absent">
                        <span class="cell-absent" aria-hidden="true">"—"</span>
                        <span class="sr-only">{move || state.t(Key::NotNamed)}</span>
                    </td>
                }
                .into_any();
            }
            let spelling = e
                .spellings
                .get(&d.id)
                .and_then(|v| v.first())
                .map(|s| s.text.clone())
                .unwrap_or_else(|| e.label.clone());
            let differs = spelling != e.label;
            let data2 = data.clone();
            let spelling2 = spelling.clone();
            let label = move || {
                let lang = state.lang.get();
                cell_label(lang, n, &data2.doc_label(i, lang), &spelling2)
            };
            let id = id.clone();
            view! {
                <td data-doc=doc_id data-count=n.to_string() class="cell present" class:variant=differs>
                    <button
                        type="button"
                        class="cell-btn"
                        aria-label=label
                        on:click=move |ev: ev::MouseEvent| state.select_entity(&id, browser::current_target(&ev), true)
                    >
                        <span class="cell-count">{n}</span>
                        <bdi class="cell-spelling arabic" lang="ar" dir="rtl">{spelling}</bdi>
                    </button>
                </td>
            }
            .into_any()
        })
        .collect_view();

    view! {
        <tr
            aria-rowindex=move || position.get() + 2
            data-entity=id.clone()
            data-coverage=cov.to_string()
            data-type=kind.code()
            class:partial=cov < m
            class:selected=selected
        >
            <th scope="row" class="name-cell">
                <button type="button" class="ent-btn" on:click=select title=move || state.t(Key::OpenInPanel)>
                    <bdi class="ent-label arabic" lang="ar" dir="rtl">{e.label.clone()}</bdi>
                    {(!e.latin.is_empty()).then(|| view! { <span class="ent-latin" lang="en" dir="ltr">{e.latin.clone()}</span> })}
                </button>
            </th>
            <td class="type-cell">
                <span class="type-badge" data-type=kind.code()>{move || type_name(state.lang.get(), kind)}</span>
            </td>
            <td class="cov-cell">
                <span class="cov-badge" class:full=cov == m title=move || crate::i18n::coverage_text(state.lang.get(), cov, m)>
                    {format!("{cov}/{m}")}
                </span>
                <span class="cov-bar" aria-hidden="true">
                    <span class="cov-fill" style=format!("inline-size: {}%", (cov * 100).checked_div(m).unwrap_or(0))></span>
                </span>
            </td>
            {cells}
        </tr>
    }
    .into_any()
}
