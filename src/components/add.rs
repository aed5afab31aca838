//! Adding articles: choose files, paste text (drops are handled page-wide in `app.rs`), and the
//! confirmation of a text whose encoding was guessed.

use crate::browser;
use crate::i18n::{self, Key};
use crate::state::AppState;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

/// How much of a guessed text the preview shows.
const PREVIEW_CHARS: usize = 1200;

/// What the file input accepts (a hint to the picker; any file is still checked by content):
/// articles, and annotations of them (CoNLL, brat), imported as corrections.
const ACCEPT: &str = ".txt,.md,.markdown,.html,.htm,.xhtml,.conll,.ann,text/plain,text/markdown,text/html";

#[component]
pub fn AddArticles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let file_input: NodeRef<html::Input> = NodeRef::new();
    let paste_title: NodeRef<html::Input> = NodeRef::new();
    let paste_text: NodeRef<html::Textarea> = NodeRef::new();

    let on_files = move |_| {
        crate::browser::mark("qarin:files-change");
        let Some(input) = file_input.get() else {
            return;
        };
        let files = crate::files::list(input.files());
        // Let the same file be chosen again later.
        input.set_value("");
        state.add_files(files);
    };
    let toggle_paste = move |_| {
        let open = !state.paste_open.get_untracked();
        state.paste_open.set(open);
        if open {
            request_animation_frame(move || {
                if let Some(t) = paste_text.get() {
                    let _ = t.focus();
                }
            });
        }
    };
    let on_paste_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(title), Some(text)) = (paste_title.get(), paste_text.get()) else {
            return;
        };
        if state.add_pasted(&title.value(), &text.value()) {
            title.set_value("");
            text.set_value("");
            state.paste_open.set(false);
        }
    };

    view! {
        <section class="add-articles" aria-labelledby="add-title">
            <h2 id="add-title" class="side-title">{move || state.t(Key::AddArticles)}</h2>
            <div class="add-buttons">
                <input
                    id="file-input"
                    class="file-input"
                    type="file"
                    multiple
                    accept=ACCEPT
                    node_ref=file_input
                    aria-describedby="add-hint"
                    on:change=on_files
                />
                <label for="file-input" class="btn file-label">
                    <span aria-hidden="true" class="icon">"+"</span>
                    {move || state.t(Key::ChooseFiles)}
                </label>
                <button
                    type="button"
                    id="paste-toggle"
                    class="btn"
                    aria-expanded=move || if state.paste_open.get() { "true" } else { "false" }
                    aria-controls="paste-form"
                    on:click=toggle_paste
                >
                    {move || state.t(Key::PasteText)}
                </button>
            </div>
            <p id="add-hint" class="hint">{move || state.t(Key::DropHint)}</p>
            <form id="paste-form" class="paste-form" hidden=move || !state.paste_open.get() on:submit=on_paste_submit>
                <label for="paste-title">{move || state.t(Key::PasteTitleLabel)}</label>
                <input id="paste-title" type="text" dir="auto" autocomplete="off" node_ref=paste_title/>
                <label for="paste-text">{move || state.t(Key::PasteLabel)}</label>
                <textarea id="paste-text" dir="auto" rows="7" spellcheck="false" node_ref=paste_text></textarea>
                <div class="form-actions">
                    <button type="submit" id="paste-add" class="btn primary">{move || state.t(Key::PasteAdd)}</button>
                    <button type="button" id="paste-cancel" class="btn" on:click=move |_| state.paste_open.set(false)>
                        {move || state.t(Key::Cancel)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The text of a file read in a guessed encoding, to be confirmed or refused.
#[component]
pub fn PreviewDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Focus the dialog when a new file comes up.
    Effect::new(move |prev: Option<Option<String>>| {
        let current = state.previews.with(|q| q.first().map(|p| p.name.clone()));
        if current.is_some() && prev.as_ref() != Some(&current) {
            request_animation_frame(|| {
                if let Some(b) = browser::html_element("#preview-confirm") {
                    let _ = b.focus();
                }
            });
        }
        current
    });
    let on_key = move |ev: ev::KeyboardEvent| {
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                state.cancel_preview();
            }
            // Keep Tab inside the dialog.
            "Tab" => {
                let order = ["#encoding-preview .preview-text", "#preview-confirm", "#preview-cancel"];
                let focused = leptos::prelude::document().active_element();
                let at = order.iter().position(|sel| {
                    browser::html_element(sel).is_some_and(|el| focused.as_ref().is_some_and(|f| f.is_same_node(Some(&el))))
                });
                let next = match (at, ev.shift_key()) {
                    (Some(0), true) | (None, true) => Some(order.len() - 1),
                    (Some(i), false) if i + 1 == order.len() => Some(0),
                    (None, false) => Some(0),
                    _ => None,
                };
                if let Some(n) = next {
                    ev.prevent_default();
                    if let Some(el) = browser::html_element(order[n]) {
                        let _ = el.focus();
                    }
                }
            }
            _ => {}
        }
    };
    move || {
        let p = state.previews.with(|q| q.first().cloned())?;
        let lang = state.lang.get();
        let more = state.previews.with(|q| q.len()) - 1;
        let text = &p.loaded.doc.text;
        let excerpt: String = text.chars().take(PREVIEW_CHARS).collect();
        let cut = text.chars().count() > PREVIEW_CHARS;
        Some(view! {
            <div class="modal-backdrop">
                <div
                    id="encoding-preview"
                    class="modal"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="preview-title"
                    aria-describedby="preview-intro"
                    data-file=p.name.clone()
                    data-encoding=p.loaded.encoding.label()
                    on:keydown=on_key
                >
                    <h2 id="preview-title">{i18n::t(lang, Key::PreviewTitle)}</h2>
                    <p id="preview-intro">{i18n::preview_intro(lang, &p.name, p.loaded.encoding.label())}</p>
                    <div class="preview-text" lang="ar" dir="auto" tabindex="0">
                        {excerpt}
                        {cut.then_some(" …")}
                    </div>
                    {(more > 0).then(|| view! { <p class="muted">{format!("+{more}")}</p> })}
                    <div class="form-actions">
                        <button type="button" id="preview-confirm" class="btn primary" on:click=move |_| state.confirm_preview()>
                            {i18n::t(lang, Key::PreviewConfirm)}
                        </button>
                        <button type="button" id="preview-cancel" class="btn" on:click=move |_| state.cancel_preview()>
                            {i18n::t(lang, Key::Cancel)}
                        </button>
                    </div>
                </div>
            </div>
        })
    }
}

/// Shown while files are dragged over the page.
#[component]
pub fn DropOverlay() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="drop-overlay" class:shown=move || state.dragging.get() aria-hidden="true">
            <p>{move || state.t(Key::DropHere)}</p>
        </div>
    }
}
