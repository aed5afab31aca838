//! The list of articles.

use crate::browser;
use crate::i18n::{mentions_count, names_count, t, Key};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn DocList() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <nav class="doc-list" aria-labelledby="doc-list-title">
            <h2 id="doc-list-title" class="side-title">
                {move || state.t(Key::Articles)}
                {move || state.data.get().map(|d| view! { <span class="pill">{d.doc_count()}</span> })}
            </h2>
            {move || {
                let data = state.data.get()?;
                let lang = state.lang.get();
                let items = (0..data.doc_count())
                    .map(|i| {
                        let d = &data.analysis.documents[i];
                        let id = d.id.clone();
                        let id_click = id.clone();
                        let id_sel = id.clone();
                        let title = data.doc_title(i, lang);
                        let label = data.doc_label(i, lang);
                        let date = d.date.clone();
                        let count = d.mentions.len();
                        let selected = move || state.doc.get().as_deref() == Some(id_sel.as_str());
                        // When an entity is selected: how often this article names it.
                        let data2 = data.clone();
                        let id_hit = id.clone();
                        let hit = move || {
                            let e = state.entity.get()?;
                            let n = data2.entity(&e).map(|e| e.documents.get(&id_hit).copied().unwrap_or(0))?;
            let lang = state.lang.get();
                            Some(if n > 0 {
                                view! {
                                    <span class="doc-hit" title=mentions_count(lang, n)>
                                        <span aria-hidden="true">"● " {n}</span>
                                        <span class="sr-only">{mentions_count(lang, n)}</span>
                                    </span>
                                }
                                .into_any()
                            } else {
                                view! {
                                    <span class="doc-hit none" title=t(lang, Key::NotNamed)>
                                        <span aria-hidden="true">"○"</span>
                                        <span class="sr-only">{t(lang, Key::NotNamed)}</span>
                                    </span>
                                }
                                .into_any()
                            })
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="doc-item"
                                    data-doc=id
                                    aria-current=move || selected().then_some("true")
                                    on:click=move |_| {
                                        state.open_doc(&id_click);
                                        // Show the new article from its start.
                                        request_animation_frame(browser::reveal_reader_top);
                                    }
                                >
                                    <span class="doc-title" lang="ar" dir="rtl">{title}</span>
                                    <span class="doc-meta">
                                        <span class="doc-outlet">{label}</span>
                                        {(!date.is_empty()).then(|| view! { <time datetime=date.clone()>{date.clone()}</time> })}
                                        <span class="doc-count">{names_count(lang, count)}</span>
                                        {hit}
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                Some(view! { <ul class="doc-items">{items}</ul> })
            }}
        </nav>
    }
}
