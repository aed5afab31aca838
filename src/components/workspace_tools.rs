//! Export and import of the whole workspace (`qarin.workspace/1`).

use crate::i18n::Key;
use crate::state::AppState;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn WorkspaceTools() -> impl IntoView {
    let state = expect_context::<AppState>();
    let import_input: NodeRef<html::Input> = NodeRef::new();
    let on_import = move |_| {
        let Some(input) = import_input.get() else {
            return;
        };
        let file = crate::files::list(input.files()).into_iter().next();
        input.set_value("");
        if let Some(f) = file {
            state.import_file(f);
        }
    };
    view! {
        <section class="workspace-tools" aria-labelledby="workspace-title">
            <h2 id="workspace-title" class="side-title">{move || state.t(Key::WorkspaceTitle)}</h2>
            <p class="hint">{move || state.t(Key::WorkspaceHint)}</p>
            {move || {
                state.storage_use.get().map(|u| {
                    view! {
                        <p class="hint storage-use" id="storage-use" data-persisted=u.persisted.to_string()>
                            {crate::i18n::storage_use(state.lang.get(), u.usage, u.quota, u.persisted)}
                        </p>
                    }
                })
            }}
            <div class="add-buttons">
                <button type="button" id="export-workspace" class="btn small" on:click=move |_| state.export_workspace()>
                    <span aria-hidden="true" class="icon">"⤓"</span>
                    {move || state.t(Key::ExportWorkspace)}
                </button>
                <input
                    id="import-input"
                    class="file-input"
                    type="file"
                    accept=".json,application/json"
                    node_ref=import_input
                    on:change=on_import
                />
                <label for="import-input" class="btn small file-label">
                    <span aria-hidden="true" class="icon">"⤒"</span>
                    {move || state.t(Key::ImportWorkspace)}
                </label>
            </div>
        </section>
    }
}
