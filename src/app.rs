//! The root component: state, effects that mirror it into the page (html attributes, URL hash),
//! global keys and file drops, the layout, and running the analysis on load.

use crate::browser;
use crate::components::{
    about::About,
    add::{AddArticles, DropOverlay, PreviewDialog},
    compare::Compare,
    doc_list::DocList,
    entity_panel::EntityPanel,
    header::Header,
    notices::Notices,
    progress::AnalysisProgress,
    reader::Reader,
    workspace_tools::WorkspaceTools,
};
use crate::hash::{self, View};
use crate::i18n::{t, Key};
use crate::state::{AppState, Status};
use leptos::ev;
use leptos::prelude::*;
use qarin_engine::Document;
use std::time::Duration;

/// Whether a drag carries files (not text or a link dragged within the page).
fn drags_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// `dragover` fires every few tens of milliseconds while files hover over the page: once it has
/// stopped for a while, the drag is over.
fn watch_drag(state: AppState, last: StoredValue<f64>) {
    set_timeout(
        move || {
            if !state.dragging.get_untracked() {
                return;
            }
            if web_sys::js_sys::Date::now() - last.get_value() > 350.0 {
                state.dragging.set(false);
            } else {
                watch_drag(state, last);
            }
        },
        Duration::from_millis(400),
    );
}

/// The app, given the bundled articles (`crate::assets::corpus`, loaded before it is mounted).
#[component]
pub fn App(corpus: Result<Vec<Document>, String>) -> impl IntoView {
    // The bundled corpus and the user's workspace go through the same analysis (`refresh`).
    let (bundled, corpus_error) = match corpus {
        Ok(docs) => (docs, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let state = AppState::new(bundled);
    provide_context(state);

    // <html lang dir data-theme> and the document title follow the state.
    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::set_root_attr("lang", lang.code());
        browser::set_root_attr("dir", lang.dir());
        browser::set_title(&format!("Qarin · قارن — {}", t(lang, Key::Tagline)));
    });
    Effect::new(move |_| browser::set_root_attr("data-theme", state.theme.get().code()));

    // State → URL hash, once the ids have been checked against the analysis.
    Effect::new(move |_| {
        let hs = state.hash_state();
        if state.status.get() == Status::Ready {
            browser::replace_hash(&hash::format(&hs));
        }
    });

    // URL hash → state (links pasted or edited, back/forward).
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        match hash::parse(&browser::location_hash()) {
            Some(hs) => state.apply_hash(hs),
            // An in-page anchor: put the state back into the hash.
            None => browser::replace_hash(&hash::format(&state.hash_state_untracked())),
        }
    });
    let on_key = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "Escape" && state.entity.get_untracked().is_some() {
            ev.prevent_default();
            state.close_panel();
        }
    });
    // When `dragover` stops without a drop or a `dragleave` (a cancelled drag), the overlay goes.
    let last_dragover = StoredValue::new(0.0f64);
    // Files dropped anywhere on the page are added (a `.json` one is imported as a workspace);
    // the browser never opens them itself.
    let on_dragover = window_event_listener(ev::dragover, move |ev: web_sys::DragEvent| {
        if drags_files(&ev) {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
            if !state.dragging.get_untracked() {
                state.dragging.set(true);
                watch_drag(state, last_dragover);
            }
            last_dragover.set_value(web_sys::js_sys::Date::now());
        }
    });
    let on_dragleave = window_event_listener(ev::dragleave, move |ev: web_sys::DragEvent| {
        // Leaving the window (not moving between elements).
        if ev.related_target().is_none() && state.dragging.get_untracked() {
            state.dragging.set(false);
        }
    });
    let on_drop = window_event_listener(ev::drop, move |ev: web_sys::DragEvent| {
        if state.dragging.get_untracked() {
            state.dragging.set(false);
        }
        if !drags_files(&ev) {
            return;
        }
        ev.prevent_default();
        if state.status.get_untracked() != Status::Ready {
            return;
        }
        let files = crate::files::list(ev.data_transfer().and_then(|dt| dt.files()));
        let (json, articles): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|f| f.name().to_ascii_lowercase().ends_with(".json"));
        for f in json {
            state.import_file(f);
        }
        state.add_files(articles);
    });
    on_cleanup(move || {
        on_hash.remove();
        on_key.remove();
        on_dragover.remove();
        on_dragleave.remove();
        on_drop.remove();
    });

    // The analysis starts by itself (`crate::state::analysis`), unless the corpus built into
    // the app cannot be read.
    if let Some(e) = corpus_error {
        state.status.set(Status::Failed(e));
    }

    let ready = move || state.status.get() == Status::Ready;
    let skip = move |ev: ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = browser::html_element("#app") {
            let _ = main.focus();
        }
    };

    view! {
        <a class="skip-link" href="#app" on:click=skip>{move || state.t(Key::SkipLink)}</a>
        <Header/>
        <div
            class="layout"
            inert=move || state.previews.with(|q| !q.is_empty())
            class:has-panel=move || state.entity.get().is_some()
            class:view-compare=move || state.view.get() == View::Compare
            class:view-wide=move || matches!(state.view.get(), View::Compare | View::Coverage | View::Facts | View::Wire)
        >
            <div class="sidebar">
                <AddArticles/>
                <DocList/>
                <WorkspaceTools/>
            </div>
            <main
                id="app"
                tabindex="-1"
                data-ready=move || ready().then_some("true")
                aria-busy=move || if ready() { "false" } else { "true" }
            >
                <div class="main-top">
                    <Tabs/>
                    <Show when=move || state.busy.get()>
                        <p class="updating" role="status"><span class="spinner small" aria-hidden="true"></span>{move || state.t(Key::UpdatingAnalysis)}<AnalysisProgress/></p>
                    </Show>
                </div>
                {move || match state.status.get() {
                    Status::Analysing => view! {
                        <p class="status" role="status"><span class="spinner" aria-hidden="true"></span>{move || state.t(Key::Analysing)}<AnalysisProgress/></p>
                    }.into_any(),
                    Status::Failed(err) => view! {
                        <p class="status error" role="alert">{move || state.t(Key::AnalysisFailed)} " " <code>{err.clone()}</code></p>
                    }.into_any(),
                    Status::Ready => view! { <Views/> }.into_any(),
                }}
            </main>
            <EntityPanel/>
        </div>
        <About/>
        <div id="announcer" class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || state.announcement.get()}
        </div>
        <Notices/>
        <PreviewDialog/>
        <DropOverlay/>
    }
}

/// The five views, as tab panels.
#[component]
fn Views() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.view.get() {
        View::Reader => view! {
            <div role="tabpanel" id="panel-reader" aria-labelledby="tab-reader" class="tabpanel">
                <Reader/>
            </div>
        }
        .into_any(),
        View::Compare => view! {
            <div role="tabpanel" id="panel-compare" aria-labelledby="tab-compare" class="tabpanel">
                <Compare/>
            </div>
        }
        .into_any(),
        View::Coverage => view! {
            <div role="tabpanel" id="panel-coverage" aria-labelledby="tab-coverage" class="tabpanel">
                <crate::components::coverage::CoverageView/>
            </div>
        }
        .into_any(),
        View::Facts => view! {
            <div role="tabpanel" id="panel-facts" aria-labelledby="tab-facts" class="tabpanel">
                <crate::components::facts::Facts/>
            </div>
        }
        .into_any(),
        View::Wire => view! {
            <div role="tabpanel" id="panel-wire" aria-labelledby="tab-wire" class="tabpanel">
                <crate::components::wire::Wire/>
            </div>
        }
        .into_any(),
    }
}

/// Reader / Comparison / Coverage / Facts / Shared copy tabs.
#[component]
fn Tabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tab = move |view: View, id: &'static str, key: Key| {
        let selected = move || state.view.get() == view;
        view! {
            <button
                type="button"
                role="tab"
                id=id
                class="tab"
                aria-selected=move || if selected() { "true" } else { "false" }
                aria-controls=move || selected().then(|| format!("panel-{}", view.code()))
                on:click=move |_| state.view.set(view)
                on:keydown=move |ev: ev::KeyboardEvent| {
                    const ORDER: [View; 5] = [View::Reader, View::Compare, View::Coverage, View::Facts, View::Wire];
                    let i = ORDER.iter().position(|v| *v == view).unwrap_or(0);
                    // Arrow keys follow the reading direction.
                    let rtl = state.lang.get_untracked() == crate::i18n::Lang::Ar;
                    let next = ORDER[(i + 1) % ORDER.len()];
                    let prev = ORDER[(i + ORDER.len() - 1) % ORDER.len()];
                    let target = match ev.key().as_str() {
                        "ArrowRight" => Some(if rtl { prev } else { next }),
                        "ArrowLeft" => Some(if rtl { next } else { prev }),
                        "Home" => Some(View::Reader),
                        "End" => Some(View::Wire),
                        _ => None,
                    };
                    if let Some(v) = target {
                        ev.prevent_default();
                        state.view.set(v);
                        if let Some(b) = browser::html_element(&format!("#tab-{}", v.code())) {
                            let _ = b.focus();
                        }
                    }
                }
            >
                {move || state.t(key)}
            </button>
        }
    };
    view! {
        <div class="tabs" role="tablist" aria-label=move || state.t(Key::Views)>
            {tab(View::Reader, "tab-reader", Key::TabReader)}
            {tab(View::Compare, "tab-compare", Key::TabCompare)}
            {tab(View::Coverage, "tab-coverage", Key::TabCoverage)}
            {tab(View::Facts, "tab-facts", Key::TabFacts)}
            {tab(View::Wire, "tab-wire", Key::TabWire)}
        </div>
    }
}

impl AppState {
    /// The hash state without subscribing (for event handlers).
    pub fn hash_state_untracked(&self) -> hash::HashState {
        hash::HashState {
            view: self.view.get_untracked(),
            doc: self.doc.get_untracked(),
            entity: self.entity.get_untracked(),
            fact: self.fact.get_untracked(),
        }
    }
}
