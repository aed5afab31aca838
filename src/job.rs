//! Long work without freezing the page: the analysis runs in slices of a few milliseconds on
//! the page's thread, and between slices the browser paints, takes input and runs timers.
//!
//! The engine's [`Analyzer`] does the work in steps of about one article each; this runs steps
//! until [`SLICE_MS`] have passed, reports the progress, and yields to the page through a
//! `MessageChannel` message (a task of its own, without the 4 ms minimum that nested
//! `setTimeout`s get). A step that works across all articles (linking, the fact rows, shared
//! wire copy) starts a slice of its own.

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

/// Milliseconds since the page started (`performance.now()`).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
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
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Analyse `docs` in slices. `report` gets the progress after each slice and says whether to go
/// on (`None`: the work was superseded; the analysis is dropped).
pub async fn analyse(docs: &[Document], report: impl Fn(Progress) -> Option<()>) -> Option<Analysis> {
    // Paint the "Analysing…" state first. The first analysis also loads the word lists and the
    // trained model (tens of milliseconds in wasm, on code not yet optimised): each gets a
    // slice of its own rather than joining the first article's step.
    let _running = Running::start();
    yield_to_page().await;
    qarin_engine::lexicon::lexicon();
    yield_to_page().await;
    qarin_engine::tagger::tagger();
    let mut an = Analyzer::new(docs);
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
        LAST_STEP.with(|l| l.set(now()));
        if took > SLICE_MS {
            // A User Timing mark, for `cargo xtask bench` and the scale test to point at.
            crate::browser::mark(&format!("qarin:slow-step {:?} {}/{} {took:.0}ms", p.stage, p.done, p.total));
        }
        steps_in_slice += 1;
    }
    Some(an.finish())
}
