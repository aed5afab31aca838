//! The list of articles: each says whether it is bundled or the user's, and can be removed; the
//! bundled corpus can be left out as a whole.

use crate::browser;
use crate::i18n::{self, mentions_count, names_count, t, Key};
use crate::state::AppState;
use crate::workspace::Source;
use leptos::prelude::*;

#[component]
pub fn DocList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let bundled_n = state.bundled.with_value(|b| b.len());
    let removed_n = move || state.workspace.with(|ws| ws.bundled.removed.len());
    view! {
        <nav class="doc-list" aria-labelledby="doc-list-title">
            <h2 id="doc-list-title" class="side-title">
                {move || state.t(Key::Articles)}
                {move || state.data.get().map(|d| view! { <span class="pill">{d.doc_count()}</span> })}
            </h2>
            {move || {
                let data = state.data.get()?;
                let lang = state.lang.get();
                if data.doc_count() == 0 {
                    return Some(view! { <p class="empty small" id="no-articles">{t(lang, Key::NoArticles)}</p> }.into_any());
                }
                // A long list in runs: the first items now, more a task later (`For` adds only the
                // new ones), so that a thousand articles never hold the page in one long task.
                let n = data.doc_count();
                let shown = RwSignal::new(n.min(LIST_RUN));
                grow(shown, n);
                Some(
                    view! {
                        <ul class="doc-items">
                            <For each=move || 0..shown.get() key=|i| *i children=move |i| item(state, &data, i, lang) />
                        </ul>
                    }
                    .into_any(),
                )
            }}
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

/// Shows `LIST_RUN` more items a task until all `total` are shown (or the list is rendered anew).
fn grow(shown: RwSignal<usize>, total: usize) {
    if shown.get_untracked() >= total {
        return;
    }
    set_timeout(
        move || {
            if shown
                .try_update(|n| *n = (*n + LIST_RUN).min(total))
                .is_some()
            {
                grow(shown, total);
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The list's `i`th article.
fn item(
    state: AppState,
    data: &std::sync::Arc<crate::state::Data>,
    i: usize,
    lang: crate::i18n::Lang,
) -> impl IntoView {
    let data = data.clone();

    let d = &data.analysis.documents[i];
    let id = d.id.clone();
    let id_click = id.clone();
    let id_sel = id.clone();
    let id_remove = id.clone();
    let title = data.doc_title(i, lang);
    let label = data.doc_label(i, lang);
    let date = d.date.clone();
    let count = d.mentions.len();
    let reuse = data.analysis.reuse.get(&d.id).copied().filter(|r| *r > 0.0);
    let source = data.source(&id);
    let selected = move || state.doc.get().as_deref() == Some(id_sel.as_str());
    // When an entity is selected: how often this article names it.
    let data2 = data.clone();
    let id_hit = id.clone();
    let hit = move || {
        let e = state.entity.get()?;
        let n = data2
            .entity(&e)
            .map(|e| e.documents.get(&id_hit).copied().unwrap_or(0))?;
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
    let (badge, badge_long) = match source {
        Source::User => (t(lang, Key::SourceUser), t(lang, Key::SourceUserLong)),
        Source::Bundled => (t(lang, Key::SourceBundled), t(lang, Key::SourceBundledLong)),
    };
    view! {
        <li class="doc-entry" data-source=source.code()>
            <button
                type="button"
                class="doc-item"
                data-doc=id
                data-source=source.code()
                aria-current=move || selected().then_some("true")
                on:click=move |_| {
                    state.open_doc(&id_click);
                    // Show the new article from its start.
                    request_animation_frame(browser::reveal_reader_top);
                }
            >
                <span class="doc-title" lang="ar" dir="auto">{title.clone()}</span>
                <span class="doc-meta">
                    <span class="source-badge" data-source=source.code() title=badge_long>
                        <span aria-hidden="true">{badge}</span>
                        <span class="sr-only">{badge_long}</span>
                    </span>
                    <span class="doc-outlet">{label}</span>
                    {(!date.is_empty()).then(|| view! { <time datetime=date.clone()>{date.clone()}</time> })}
                    <span class="doc-count">{names_count(lang, count)}</span>
                    {reuse.map(|r| view! {
                        <span class="doc-reuse" title=t(lang, Key::TabWire)>{i18n::shared_share(lang, r)}</span>
                    })}
                    {hit}
                </span>
            </button>
            <button
                type="button"
                class="doc-remove"
                data-doc=id_remove.clone()
                aria-label=i18n::remove_label(lang, &title)
                title=i18n::remove_label(lang, &title)
                on:click=move |_| state.remove_doc(&id_remove)
            >
                <span aria-hidden="true">"✕"</span>
            </button>
        </li>
    }
}
