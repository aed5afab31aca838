//! The status area: what happened to each file, storage problems, "Undo". Errors are in a
//! `role=alert` region (read out at once), the rest in a polite `role=status` region; both are
//! always in the page so that assistive technology notices what is added to them.

use crate::i18n::{t, Key};
use crate::state::{AppState, Level, Notice};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = move |errors: bool| {
        move || {
            let lang = state.lang.get();
            state.notices.get()
                .into_iter()
                .filter(|n| (n.level == Level::Error) == errors)
                .map(|n| notice_view(state, lang, n))
                .collect_view()
        }
    };
    view! {
        <div id="notices" class="notices" aria-label=move || state.t(Key::Notices)>
            <div class="notice-list" role="alert">{list(true)}</div>
            <div class="notice-list" role="status" aria-live="polite">{list(false)}</div>
        </div>
    }
}

fn notice_view(state: AppState, lang: crate::i18n::Lang, n: Notice) -> impl IntoView {
    let id = n.id;
    let icon = match n.level {
        Level::Error => "⚠",
        Level::Warning => "!",
        Level::Info => "✓",
    };
    let items = n.lines.iter().map(|l| view! { <li>{l.text(lang).to_string()}</li> }).collect_view();
    let lines = match n.summary {
        // Many refusals: one line that counts them, the files themselves folded below it.
        Some(summary) => view! {
            <li class="notice-summary">{summary.text(lang).to_string()}</li>
            <li>
                <details class="notice-details">
                    <summary>{t(lang, Key::RefusedDetails)}</summary>
                    <ul>{items}</ul>
                </details>
            </li>
        }
        .into_any(),
        None => items.into_any(),
    };
    let action = n.action.map(|(key, f)| {
        view! {
            <button type="button" class="btn small notice-action" on:click=move |_| f()>
                {t(lang, key)}
            </button>
        }
    });
    let second = n.second.map(|(key, f)| {
        view! {
            <button type="button" class="btn small notice-second" on:click=move |_| f()>
                {t(lang, key)}
            </button>
        }
    });
    view! {
        <div class="notice" data-level=n.level.code() data-kind=n.kind data-id=id.to_string()>
            <span class="notice-icon" aria-hidden="true">{icon}</span>
            <ul class="notice-lines">{lines}</ul>
            <div class="notice-buttons">
                {action}
                {second}
                <button
                    type="button"
                    class="notice-close icon-btn btn small"
                    aria-label=t(lang, Key::Dismiss)
                    title=t(lang, Key::Dismiss)
                    on:click=move |_| state.notices.dismiss(id)
                >
                    <span aria-hidden="true">"✕"</span>
                </button>
            </div>
        </div>
    }
}
