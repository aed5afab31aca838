//! Long work without freezing the page. The analysis runs in a Web Worker ([`crate::worker`])
//! when the page can start one; otherwise (a plain `trunk serve`, a browser without module
//! workers) in slices of a few milliseconds on the page's thread, and between slices the browser
//! paints, takes input and runs timers.
//!
//! The engine's [`Analyzer`] does the work in steps of about one article each; the page's own
//! loop ([`analyse_here`]) runs steps
//! until [`SLICE_MS`] have passed, reports the progress, and yields to the page through a
//! `MessageChannel` message (a task of its own, without the 4 ms minimum that nested
//! `setTimeout`s get). A step that works across all articles (linking, the fact rows, shared
//! wire copy) starts a slice of its own.

use qarin_engine::decisions::{corrections, Decision};
use qarin_engine::{Analysis, Analyzer, Document, Progress};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys;

/// Work done before the page gets the thread back, in milliseconds. The budget is that no task
/// takes over 50 ms; a step on an article of ordinary length takes a few.
pub const SLICE_MS: f64 = 20.0;

thread_local! {
    /// Analyses under way (a superseded one may still be winding down beside its successor).
    static RUNNING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// When an analysis last finished a step.
    static LAST_STEP: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
}

/// Whether an analysis is running and alive: one finished a step within `ms`. A wasm trap (a
/// panic, running out of memory) stops the steps; a reload or a closed tab does not.
pub fn analysis_alive_within(ms: f64) -> bool {
    RUNNING.with(|r| r.get()) > 0 && now() - LAST_STEP.with(|l| l.get()) <= ms
}

/// Counts an analysis as running from its start until it ends, returns or is dropped.
struct Running;

impl Running {
    fn start() -> Running {
        RUNNING.with(|r| r.set(r.get() + 1));
        LAST_STEP.with(|l| l.set(now()));
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.with(|r| r.set(r.get().saturating_sub(1)));
    }
}

/// Milliseconds since the page (or the worker) started: `performance.now()` of the global
/// scope, a window or a worker.
pub fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// An analysis ended for one of these reasons.
pub enum Finished {
    Done(Analysis),
    /// A newer analysis took over; this one was dropped.
    Superseded,
    /// The engine stopped on an error (a panic in the worker); the cause as it said it.
    Stopped(String),
}

/// Note that an analysis is alive (it finished a step, or the worker reported progress).
pub fn heartbeat() {
    LAST_STEP.with(|l| l.set(now()));
}

/// Analyse `docs`: in the worker when there is one, else on the page in slices. `report` gets
/// the progress and says whether to go on (`None`: superseded); `assets_failed` hears that the
/// word lists or the model could not be loaded (the analysis goes on without them). `content`
/// ([`crate::state::cache::content_key`]): the analysis kept at the last visit is taken when it
/// is of the same articles by the same build, and a new one made in the worker is kept.
pub async fn analyse(docs: &[Document], names: &[Decision], report: impl Fn(Progress) -> Option<()>, assets_failed: impl Fn(String), content: Option<u64>) -> Finished {
    if let Some(a) = precomputed_for(docs).filter(|_| names.is_empty()) {
        // The worker and its word lists load meanwhile, for the user's articles.
        wasm_bindgen_futures::spawn_local(crate::worker::warm_up());
        return Finished::Done(a);
    }
    let _running = Running::start();
    let key = content.and_then(crate::state::cache::key);
    if let Some(key) = &key {
        if let Some(a) = crate::state::cache::restore(key, docs).await {
            let n = a.documents.len();
            if report(Progress { stage: qarin_engine::Stage::Done, done: n, total: n }).is_none() {
                return Finished::Superseded;
            }
            crate::browser::mark("qarin:analysis-restored");
            wasm_bindgen_futures::spawn_local(crate::worker::warm_up());
            return Finished::Done(a);
        }
    }
    let mut parts = key.as_ref().map(|_| crate::worker::Parts::default());
    match crate::worker::analyse(docs, names, &report, &assets_failed, parts.as_mut()).await {
        Some(finished) => {
            if let (Finished::Done(_), Some(key), Some(parts)) = (&finished, key, parts) {
                crate::state::cache::keep(key, parts);
            }
            finished
        }
        None => {
            if let Err(e) = crate::assets::load().await {
                assets_failed(e);
            }
            match analyse_here(docs, names, report).await {
                Some(a) => Finished::Done(a),
                None => Finished::Superseded,
            }
        }
    }
}

thread_local! {
    /// The bundled articles (ids and texts) and their analysis made at build time.
    static PRECOMPUTED: RefCell<Option<(Vec<(String, String)>, Analysis)>> = const { RefCell::new(None) };
}

/// Keep the analysis of the bundled articles `docs` made at build time (`assets::CORPUS_ANALYSIS`).
pub fn precomputed(docs: &[Document], a: Analysis) {
    if a.documents.len() == docs.len() && a.documents.iter().zip(docs).all(|(da, d)| da.id == d.id) {
        PRECOMPUTED.with(|p| *p.borrow_mut() = Some((docs.iter().map(|d| (d.id.clone(), d.text.clone())).collect(), a)));
    }
}

/// The analysis made at build time, when `docs` are exactly the articles it was made of (same ids,
/// same texts, same order): the same engine would find the same.
fn precomputed_for(docs: &[Document]) -> Option<Analysis> {
    PRECOMPUTED.with(|p| {
        let p = p.borrow();
        let (keys, a) = p.as_ref()?;
        if keys.len() != docs.len() || keys.iter().zip(docs).any(|((id, text), d)| *id != d.id || *text != d.text) {
            return None;
        }
        let mut a = a.clone();
        for (da, d) in a.documents.iter_mut().zip(docs) {
            da.text = d.text.clone();
        }
        Some(a)
    })
}

/// The page's one `MessageChannel` and the yields waiting on it, first come first served: each
/// message wakes the oldest waiting yield (several tasks may be yielding at once: an analysis
/// and the decoding of dropped files).
struct Yields {
    channel: web_sys::MessageChannel,
    waiting: Rc<RefCell<VecDeque<js_sys::Function>>>,
    _on_message: Closure<dyn FnMut()>,
}

thread_local! {
    static YIELDS: Option<Yields> = {
        web_sys::MessageChannel::new().ok().map(|channel| {
            let waiting: Rc<RefCell<VecDeque<js_sys::Function>>> = Rc::default();
            let queue = waiting.clone();
            let on_message = Closure::<dyn FnMut()>::new(move || {
                let next = queue.borrow_mut().pop_front();
                if let Some(resolve) = next {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
            channel.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            Yields { channel, waiting, _on_message: on_message }
        })
    };
}

/// Let the page paint and handle input, then go on.
pub async fn yield_to_page() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let posted = YIELDS.with(|y| {
            y.as_ref().is_some_and(|y| {
                y.waiting.borrow_mut().push_back(resolve.clone());
                let ok = y.channel.port2().post_message(&JsValue::NULL).is_ok();
                if !ok {
                    y.waiting.borrow_mut().pop_back();
                }
                ok
            })
        });
        if !posted {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            } else if let Ok(w) = js_sys::global().dyn_into::<web_sys::WorkerGlobalScope>() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Analyse `docs` in slices on the page's thread. `report` gets the progress after each slice
/// and says whether to go on (`None`: the work was superseded; the analysis is dropped).
pub async fn analyse_here(docs: &[Document], names: &[Decision], report: impl Fn(Progress) -> Option<()>) -> Option<Analysis> {
    // Paint the "Analysing…" state first. The first analysis also loads the word lists and the
    // trained model (tens of milliseconds in wasm, on code not yet optimised): each gets a
    // slice of its own rather than joining the first article's step.
    let _running = Running::start();
    yield_to_page().await;
    qarin_engine::lexicon::lexicon();
    yield_to_page().await;
    qarin_engine::tagger::tagger();
    let mut an = Analyzer::learning(docs, &corrections(names));
    yield_to_page().await;
    report(an.progress())?;
    let mut started = now();
    let mut steps_in_slice = 0;
    while !an.is_done() {
        let p = an.progress();
        if steps_in_slice > 0 && (now() - started >= SLICE_MS || an.next_step_spans_corpus()) {
            report(p)?;
            yield_to_page().await;
            started = now();
            steps_in_slice = 0;
        }
        let t = now();
        an.step();
        let took = now() - t;
        heartbeat();
        if took > SLICE_MS {
            // A User Timing mark, for `cargo xtask bench` and the scale test to point at.
            crate::browser::mark(&format!("qarin:slow-step {:?} {}/{} {}ms", p.stage, p.done, p.total, took.round() as i64));
        }
        steps_in_slice += 1;
    }
    Some(an.finish())
}
