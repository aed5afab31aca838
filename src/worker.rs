//! The analysis in a Web Worker, so that the page's thread only sends articles and takes the
//! result, in pieces small enough that no task of the page's grows long.
//!
//! One wasm module plays both parts. The page starts a module worker from `qarin-worker.js`
//! (written by `cargo xtask dist` beside the site) or, in the single-file page, from the source
//! in the block `#qarin-worker-src` (a classic worker from a `blob:` URL); it sends the worker its compiled
//! `WebAssembly.Module` ([`wasm_bindgen::module`]), so the worker neither downloads nor compiles
//! it again. The worker's script instantiates it (the app's `main` sees no window and does
//! nothing) and calls [`qarin_worker_start`], which answers `ready`. Then, in order:
//!
//! | page → worker | worker → page |
//! |---|---|
//! | `assets` {job, lexicon, model}: the bytes, once | `assets` {job, errors} |
//! | `doc` {job, json, text}: a document, its text beside (repeated) | |
//! | `run` {job} | `progress` {job, stage, done, total}, every ~50 ms of work |
//! | | `part` {job, field, bytes}: a piece of the result (repeated); a document alone |
//! | | `done` {job, bytes}: the rest; the result is whole |
//! | `cancel` {job}: a newer analysis took over | |
//! | `decode` {job, name, bytes}: a large file to read ([`decode`]) | `decoded` {job, text, title, encoding, guessed, noArabic} or {job, error, a, b} |
//! | `panic`: the tests' hook [`qarin_test_worker_panic`] | |
//! | | `panic` {cause}: the worker panicked and is dead |
//!
//! A job the page no longer wants is dropped by the worker at its next pause. The result comes
//! back packed ([`qarin_engine::pack`]: compact bytes, byte offsets and sentence spans
//! included), a document a message (without its text, which the page has) and the lists in
//! pieces of about [`PART_BYTES`](crate::parts::PART_BYTES), each read by the page in a task of its own. (The page reads
//! no analysis JSON at all: the derived JSON readers of the analysis types cost 35 KiB of
//! gzipped wasm.) When no worker can start (a plain `trunk serve` has no `qarin-worker.js`; a browser
//! without module workers), [`analyse`] says so and the caller analyses on the page
//! ([`crate::job::analyse_here`]). When the worker dies (a panic), the analysis ends
//! [`Finished::Stopped`] with the panic's words and the next analysis starts a new worker.

use crate::job::Finished;
use crate::parts::{result_parts, Assembly};
use qarin_engine::{Analysis, Analyzer, Document, Progress, Stage};
use qarin_engine::input::corpus::Loaded;
use qarin_engine::input::{InputError, InputWarning, TextEncoding};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{self, Object, Reflect};

/// The worker's script on a hosted site, beside `index.html`.
pub const WORKER_SCRIPT: &str = "qarin-worker.js";
/// The single-file page's block holding the worker's source.
pub const WORKER_BLOCK: &str = "qarin-worker-src";
/// The worker's work between two pauses in which it reads its messages, in milliseconds.
const WORKER_SLICE_MS: f64 = 50.0;
/// How long a new worker may take to say it is ready before the page does the work itself.
const READY_TIMEOUT_MS: i32 = 20_000;

// ---------------------------------------------------------------------------------------------
// Messages: plain objects with a `kind` and a `job`.

fn message(kind: &str, job: u32) -> Object {
    let o = Object::new();
    set(&o, "kind", &JsValue::from_str(kind));
    set(&o, "job", &JsValue::from(job));
    o
}

/// `o[key] = value` (also for the kept analysis's record, `crate::state::cache`).
pub(crate) fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// `o[key]`, `undefined` when it cannot be read.
pub(crate) fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn kind_of(o: &JsValue) -> String {
    get(o, "kind").as_string().unwrap_or_default()
}

fn job_of(o: &JsValue) -> u32 {
    get(o, "job").as_f64().map_or(0, |n| n as u32)
}

fn text_of(o: &JsValue, key: &str) -> String {
    get(o, key).as_string().unwrap_or_default()
}

fn stage_code(s: Stage) -> u32 {
    match s {
        Stage::Reading => 0,
        Stage::Recognising => 1,
        Stage::Linking => 2,
        Stage::Facts => 3,
        Stage::Done => 4,
    }
}

fn stage_of(code: u32) -> Stage {
    match code {
        0 => Stage::Reading,
        1 => Stage::Recognising,
        2 => Stage::Linking,
        3 => Stage::Facts,
        _ => Stage::Done,
    }
}

// ---------------------------------------------------------------------------------------------
// The worker's side.

thread_local! {
    /// Documents received per job, until its `run`.
    static DOCS: RefCell<HashMap<u32, Vec<Document>>> = RefCell::default();
    /// The job the page wants now (0: none).
    static LIVE: Cell<u32> = const { Cell::new(0) };
    /// The tests asked for a panic: the next analysis panics at its start.
    static PANIC_ARMED: Cell<bool> = const { Cell::new(false) };
}

fn scope() -> Option<web_sys::DedicatedWorkerGlobalScope> {
    js_sys::global().dyn_into().ok()
}

fn post(o: &JsValue) {
    if let Some(s) = scope() {
        let _ = s.post_message(o);
    }
}

/// Posts `o`, moving the buffer of its field `key` (a `Uint8Array`) to the page rather than
/// copying it: megabytes of text or result are not cloned, in the worker nor on the page.
fn post_moving(o: &JsValue, key: &str) {
    match (scope(), get(o, key).dyn_into::<js_sys::Uint8Array>()) {
        (Some(s), Ok(a)) => {
            let _ = s.post_message_with_transfer(o, &js_sys::Array::of1(&a.buffer()));
        }
        _ => post(o),
    }
}

fn post_failed(job: u32, cause: &str) {
    let m = message("failed", job);
    set(&m, "cause", &JsValue::from_str(cause));
    post(&m);
}

/// The worker's entry point, called by its script once the module is instantiated: take the
/// page's messages from here on, and tell the page so.
#[wasm_bindgen]
pub fn qarin_worker_start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let m = message("panic", 0);
        let cause: String = info.to_string().chars().take(300).collect();
        set(&m, "cause", &JsValue::from_str(&cause));
        post(&m);
    }));
    let Some(scope) = scope() else { return };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| on_request(e.data()));
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&message("ready", 0));
}

fn on_request(data: JsValue) {
    let job = job_of(&data);
    match kind_of(&data).as_str() {
        "assets" => {
            let mut errors = Vec::new();
            let lexicon = get(&data, "lexicon");
            if lexicon.is_instance_of::<js_sys::Uint8Array>() {
                if let Err(e) = qarin_engine::lexicon::install(&js_sys::Uint8Array::new(&lexicon).to_vec()) {
                    errors.push(format!("{}: {e}", crate::assets::LEXICON));
                }
            }
            let model = get(&data, "model");
            if model.is_instance_of::<js_sys::Uint8Array>() {
                if let Err(e) = qarin_engine::tagger::install(&js_sys::Uint8Array::new(&model).to_vec()) {
                    errors.push(format!("{}: {e}", crate::assets::MODEL));
                }
            }
            let m = message("assets", job);
            set(&m, "errors", &JsValue::from_str(&errors.join("; ")));
            post(&m);
        }
        "doc" => match qarin_engine::json::from_str::<Document>(&text_of(&data, "json")) {
            Ok(mut doc) => match String::from_utf8(bytes_of(&data, "text")) {
                Ok(text) => {
                    doc.text = text;
                    DOCS.with(|d| d.borrow_mut().entry(job).or_default().push(doc));
                }
                Err(e) => post_failed(job, &format!("a document not readable: {e}")),
            },
            Err(e) => post_failed(job, &format!("a document not readable: {e}")),
        },
        "run" => {
            LIVE.with(|l| l.set(job));
            let docs = DOCS.with(|d| d.borrow_mut().remove(&job)).unwrap_or_default();
            let names = text_of(&data, "names");
            let names = if names.is_empty() { Ok(Vec::new()) } else { crate::workspace::Workspace::from_index(&names).map(|ws| ws.decisions) };
            match names {
                Ok(names) => wasm_bindgen_futures::spawn_local(run(job, docs, names)),
                Err(e) => post_failed(job, &format!("the corrections not readable: {e}")),
            }
        }
        "cancel" => {
            LIVE.with(|l| {
                if l.get() == job {
                    l.set(0);
                }
            });
            DOCS.with(|d| d.borrow_mut().remove(&job));
        }
        "panic" => PANIC_ARMED.with(|p| p.set(true)),
        "decode" => {
            let bytes = bytes_of(&data, "bytes");
            post_moving(&decoded(job, qarin_engine::input::corpus::read_document(&text_of(&data, "name"), &bytes)), "text");
        }
        _ => {}
    }
}

/// The encodings, numbered for the `decoded` message.
const ENCODINGS: [TextEncoding; 4] = [TextEncoding::Utf8, TextEncoding::Utf16Le, TextEncoding::Utf16Be, TextEncoding::Windows1256];

/// The `decoded` message of a file read in the worker: the text as UTF-8 bytes.
fn decoded(job: u32, read: Result<Loaded, InputError>) -> Object {
    let m = message("decoded", job);
    match read {
        Ok(l) => {
            set(&m, "text", &js_sys::Uint8Array::from(l.doc.text.as_bytes()));
            set(&m, "title", &JsValue::from_str(&l.doc.title));
            set(&m, "encoding", &JsValue::from_f64(ENCODINGS.iter().position(|e| *e == l.encoding).unwrap_or(0) as f64));
            set(&m, "guessed", &JsValue::from_bool(l.guessed));
            set(&m, "noArabic", &JsValue::from_bool(l.warnings.contains(&InputWarning::NoArabic)));
        }
        Err(e) => {
            let (code, a, b) = match e {
                InputError::Empty => ("empty", 0, 0),
                InputError::Binary => ("binary", 0, 0),
                InputError::NotUtf8 { byte_offset } => ("not-utf8", byte_offset, 0),
                InputError::BadEncoding { encoding } => ("bad-encoding", ENCODINGS.iter().position(|e| *e == encoding).unwrap_or(0), 0),
                InputError::TooLarge { bytes, limit } => ("too-large", bytes, limit),
            };
            set(&m, "error", &JsValue::from_str(code));
            set(&m, "a", &JsValue::from_f64(a as f64));
            set(&m, "b", &JsValue::from_f64(b as f64));
        }
    }
    m
}

/// A `decoded` message read back: what `read_document(name, …)` returned in the worker.
fn read_decoded(m: &JsValue, name: &str) -> Result<Loaded, InputError> {
    let n = |k: &str| get(m, k).as_f64().unwrap_or(0.0) as usize;
    let error = text_of(m, "error");
    if !error.is_empty() {
        return Err(match error.as_str() {
            "empty" => InputError::Empty,
            "binary" => InputError::Binary,
            "not-utf8" => InputError::NotUtf8 { byte_offset: n("a") },
            "too-large" => InputError::TooLarge { bytes: n("a"), limit: n("b") },
            _ => InputError::BadEncoding { encoding: ENCODINGS.get(n("a")).copied().unwrap_or(TextEncoding::Utf8) },
        });
    }
    let bytes = bytes_of(m, "text");
    let text = String::from_utf8(bytes).map_err(|_| InputError::BadEncoding { encoding: TextEncoding::Utf8 })?;
    let encoding = ENCODINGS.get(n("encoding")).copied().unwrap_or(TextEncoding::Utf8);
    let guessed = get(m, "guessed").is_truthy();
    let mut warnings = Vec::new();
    if guessed {
        warnings.push(InputWarning::GuessedEncoding(encoding));
    }
    if get(m, "noArabic").is_truthy() {
        warnings.push(InputWarning::NoArabic);
    }
    let doc = Document { id: qarin_engine::input::id_from_file_name(name), file: name.to_string(), title: text_of(m, "title"), text, ..Document::default() };
    Ok(Loaded { doc, encoding, guessed, warnings })
}

/// Read a file (`read_document`) in the worker, so that a large one does not hold up the page
/// (an 8 MB file took the page 100 ms). `None`: no worker here, or it died meanwhile (the caller
/// reads it itself).
pub async fn decode(name: &str, bytes: &[u8]) -> Option<Result<Loaded, InputError>> {
    let client = client().await?;
    let job = Job::open(&client);
    let m = message("decode", job.id);
    set(&m, "name", &JsValue::from_str(name));
    let buffer = js_sys::Uint8Array::from(bytes);
    set(&m, "bytes", &buffer);
    // (Moved to the worker, not copied: the page keeps `bytes`.)
    if job.client.worker.post_message_with_transfer(&m, &js_sys::Array::of1(&buffer.buffer())).is_err() {
        return None;
    }
    loop {
        let r = job.mailbox.next().await;
        match kind_of(&r).as_str() {
            "decoded" => return Some(read_decoded(&r, name)),
            "failed" => return None,
            _ => {}
        }
    }
}

fn post_progress(job: u32, p: Progress) {
    let m = message("progress", job);
    set(&m, "stage", &JsValue::from(stage_code(p.stage)));
    set(&m, "done", &JsValue::from(p.done as u32));
    set(&m, "total", &JsValue::from(p.total as u32));
    post(&m);
}

/// One analysis, pausing every [`WORKER_SLICE_MS`] to read messages (a `cancel`, or a newer
/// job's `run`, ends it), then its result in parts.
async fn run(job: u32, docs: Vec<Document>, names: Vec<qarin_engine::decisions::Decision>) {
    if PANIC_ARMED.with(|p| p.replace(false)) {
        panic!("a panic asked for by the page (qarin_test_worker_panic)");
    }
    // The word lists and the model load on first use; a pause after, for the messages.
    qarin_engine::lexicon::lexicon();
    qarin_engine::tagger::tagger();
    let mut an = Analyzer::learning(&docs, &qarin_engine::decisions::corrections(&names));
    post_progress(job, an.progress());
    let mut started = crate::job::now();
    while !an.is_done() {
        if crate::job::now() - started >= WORKER_SLICE_MS {
            post_progress(job, an.progress());
            crate::job::yield_to_page().await;
            if LIVE.with(|l| l.get()) != job {
                return;
            }
            started = crate::job::now();
        }
        an.step();
    }
    post_progress(job, an.progress());
    if let Err(e) = post_result(job, an.finish()) {
        post_failed(job, &e);
    }
}

fn post_result(job: u32, a: Analysis) -> Result<(), String> {
    let (parts, rest) = result_parts(a);
    for (field, bytes) in parts {
        let m = message("part", job);
        set(&m, "field", &JsValue::from_str(field));
        set(&m, "bytes", &js_sys::Uint8Array::from(bytes.as_slice()));
        post_moving(&m, "bytes");
    }
    let m = message("done", job);
    set(&m, "bytes", &js_sys::Uint8Array::from(rest.as_slice()));
    post_moving(&m, "bytes");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The page's side.

/// Messages for one job (0: the worker's own), and the task waiting for the next.
#[derive(Default)]
struct Mailbox {
    queue: RefCell<VecDeque<JsValue>>,
    waker: RefCell<Option<Waker>>,
}

impl Mailbox {
    fn push(&self, m: JsValue) {
        self.queue.borrow_mut().push_back(m);
        if let Some(w) = self.waker.borrow_mut().take() {
            w.wake();
        }
    }

    async fn next(&self) -> JsValue {
        std::future::poll_fn(|cx| match self.queue.borrow_mut().pop_front() {
            Some(m) => Poll::Ready(m),
            None => {
                *self.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        })
        .await
    }
}

type Mailboxes = Rc<RefCell<HashMap<u32, Rc<Mailbox>>>>;

struct Client {
    worker: web_sys::Worker,
    mailboxes: Mailboxes,
    /// `None` while starting; then whether it started.
    ready: Rc<Cell<Option<bool>>>,
    /// The worker died (a panic or an error): the next analysis starts a new one.
    dead: Rc<Cell<bool>>,
    /// The word lists and the model were sent.
    assets_sent: Cell<bool>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _url: Option<String>,
}

impl Drop for Client {
    fn drop(&mut self) {
        self.worker.terminate();
        if let Some(url) = &self._url {
            let _ = web_sys::Url::revoke_object_url(url);
        }
    }
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
    /// No worker could be started on this page: do the work on the page from now on.
    static UNAVAILABLE: Cell<bool> = const { Cell::new(false) };
    static NEXT_JOB: Cell<u32> = const { Cell::new(1) };
}

/// Tell every waiting job that the worker is gone, with `cause`.
fn fail_all(mailboxes: &Mailboxes, cause: &str) {
    for (job, mb) in mailboxes.borrow().iter() {
        let m = message("failed", *job);
        set(&m, "cause", &JsValue::from_str(cause));
        mb.push(m.into());
    }
}

/// Start a worker: from the single-file page's block, else from the site's script.
fn spawn() -> Option<Client> {
    let options = web_sys::WorkerOptions::new();
    let document = web_sys::window()?.document()?;
    let (worker, url) = match document.get_element_by_id(WORKER_BLOCK).and_then(|b| b.text_content()) {
        Some(source) => {
            // A classic worker: Chromium refuses a module worker from a `blob:` URL made by a
            // `file://` page (the block is written as a classic script: xtask/src/site/worker.rs).
            let parts = js_sys::Array::of1(&JsValue::from_str(&source));
            let bag = web_sys::BlobPropertyBag::new();
            bag.set_type("text/javascript");
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            (web_sys::Worker::new_with_options(&url, &options).ok()?, Some(url))
        }
        None => {
            options.set_type(web_sys::WorkerType::Module);
            (web_sys::Worker::new_with_options(WORKER_SCRIPT, &options).ok()?, None)
        }
    };
    let mailboxes: Mailboxes = Rc::default();
    mailboxes.borrow_mut().insert(0, Rc::default());
    let ready = Rc::new(Cell::new(None));
    let dead = Rc::new(Cell::new(false));
    let on_message = {
        let (mailboxes, ready, dead) = (mailboxes.clone(), ready.clone(), dead.clone());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            match kind_of(&data).as_str() {
                "ready" => ready.set(Some(true)),
                "panic" => {
                    dead.set(true);
                    fail_all(&mailboxes, &text_of(&data, "cause"));
                }
                "failed" if job_of(&data) == 0 => {
                    // The script could not instantiate the module.
                    web_sys::console::warn_1(&JsValue::from_str(&format!("Qarin's worker did not start: {}", text_of(&data, "cause"))));
                    ready.set(Some(false));
                }
                _ => {
                    let mb = mailboxes.borrow().get(&job_of(&data)).cloned();
                    if let Some(mb) = mb {
                        mb.push(data);
                    }
                }
            }
        })
    };
    let on_error = {
        let (mailboxes, ready, dead) = (mailboxes.clone(), ready.clone(), dead.clone());
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            e.prevent_default();
            let said = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).filter(|m| !m.is_empty());
            if ready.get() == Some(true) {
                if !dead.replace(true) {
                    fail_all(&mailboxes, &said.unwrap_or_else(|| "the worker stopped".into()));
                }
            } else {
                web_sys::console::warn_1(&JsValue::from_str(&format!("Qarin's worker did not start: {}", said.unwrap_or_default())));
                ready.set(Some(false));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let first = Object::new();
    set(&first, "module", &wasm_bindgen::module());
    worker.post_message(&first).ok()?;
    Some(Client {
        worker,
        mailboxes,
        ready,
        dead,
        assets_sent: Cell::new(false),
        _on_message: on_message,
        _on_error: on_error,
        _url: url,
    })
}

/// A promise of `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The running worker, started if need be; `None` when none can run on this page.
async fn client() -> Option<Rc<Client>> {
    if UNAVAILABLE.with(Cell::get) {
        return None;
    }
    let existing = CLIENT.with(|c| c.borrow().clone()).filter(|c| !c.dead.get());
    let client = match existing {
        Some(c) => c,
        None => {
            let Some(c) = spawn() else {
                UNAVAILABLE.with(|u| u.set(true));
                return None;
            };
            let c = Rc::new(c);
            CLIENT.with(|slot| *slot.borrow_mut() = Some(c.clone()));
            c
        }
    };
    let started = crate::job::now();
    while client.ready.get().is_none() {
        if crate::job::now() - started > f64::from(READY_TIMEOUT_MS) {
            client.ready.set(Some(false));
            break;
        }
        sleep(10).await;
    }
    if client.ready.get() == Some(true) {
        Some(client)
    } else {
        UNAVAILABLE.with(|u| u.set(true));
        CLIENT.with(|slot| slot.borrow_mut().take());
        None
    }
}

/// A job's mailbox, removed when the job ends.
struct Job {
    id: u32,
    mailbox: Rc<Mailbox>,
    client: Rc<Client>,
}

impl Job {
    fn open(client: &Rc<Client>) -> Job {
        let id = NEXT_JOB.with(|n| n.replace(n.get().wrapping_add(1).max(1)));
        let mailbox: Rc<Mailbox> = Rc::default();
        client.mailboxes.borrow_mut().insert(id, mailbox.clone());
        Job { id, mailbox, client: client.clone() }
    }

    fn send(&self, m: &Object) -> bool {
        self.client.worker.post_message(m).is_ok()
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        self.client.mailboxes.borrow_mut().remove(&self.id);
    }
}

/// Send the word lists and the model (once per worker); what failed goes to `assets_failed`.
async fn send_assets(client: &Rc<Client>, assets_failed: &dyn Fn(String)) {
    if client.assets_sent.replace(true) {
        return;
    }
    let job = Job::open(client);
    let m = message("assets", job.id);
    let mut errors = Vec::new();
    for (field, name) in [("lexicon", crate::assets::LEXICON), ("model", crate::assets::MODEL)] {
        match crate::assets::bytes(name).await {
            Ok(bytes) => set(&m, field, &bytes),
            Err(e) => errors.push(e),
        }
    }
    if !job.send(&m) {
        errors.push("the worker refused the assets".into());
    } else {
        let reply = job.mailbox.next().await;
        let said = text_of(&reply, if kind_of(&reply) == "failed" { "cause" } else { "errors" });
        if !said.is_empty() {
            errors.push(said);
        }
    }
    crate::browser::mark("qarin:assets-loaded");
    if !errors.is_empty() {
        assets_failed(errors.join("; "));
    }
}

/// Start the worker and send it the word lists and the model before any analysis is asked of it
/// (after the build-time analysis of the bundled articles was shown: the user's first article is
/// then analysed at once). What fails is kept, and the next analysis reports it.
pub async fn warm_up() {
    if let Some(client) = client().await {
        send_assets(&client, &|e| WARM_UP_FAILED.with(|w| *w.borrow_mut() = Some(e))).await;
    }
}

thread_local! {
    static WARM_UP_FAILED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Analyse `docs` in the worker. `None`: no worker can run here (the caller does the work).
/// `keep`: where the result's packed parts go as they come (to keep the analysis, `crate::state::cache`).
pub async fn analyse(docs: &[Document], names: &[qarin_engine::decisions::Decision], report: &dyn Fn(Progress) -> Option<()>, assets_failed: &dyn Fn(String), mut keep: Option<&mut Parts>) -> Option<Finished> {
    let client = client().await?;
    send_assets(&client, assets_failed).await;
    if let Some(e) = WARM_UP_FAILED.with(|w| w.borrow_mut().take()) {
        assets_failed(e);
    }
    let job = Job::open(&client);
    // The documents, one a message, the text beside the rest (the page's part of the work:
    // a little JSON and a copy of each text, in slices).
    let mut started = crate::job::now();
    for d in docs {
        let meta = Document { id: d.id.clone(), file: d.file.clone(), title: d.title.clone(), outlet: d.outlet.clone(), date: d.date.clone(), url: d.url.clone(), text: String::new() };
        let m = message("doc", job.id);
        match serde_json::to_string(&meta) {
            Ok(json) => set(&m, "json", &JsValue::from_str(&json)),
            // (It cannot fail; its error is not formatted: see `Workspace::export_json`.)
            Err(_) => return Some(Finished::Stopped("JSON".into())),
        }
        // As UTF-8 bytes: copied as they are, where a JavaScript string is transcoded twice (an
        // 8 MB text took 40 ms more).
        set(&m, "text", &js_sys::Uint8Array::from(d.text.as_bytes()));
        if !job.send(&m) {
            return None;
        }
        if crate::job::now() - started >= crate::job::SLICE_MS {
            crate::job::yield_to_page().await;
            started = crate::job::now();
        }
    }
    // The reader's corrections of names, for the tagger to learn from first.
    let run = message("run", job.id);
    if !names.is_empty() {
        // As a workspace holding only them: the workspace's own writer and reader, no more code.
        let ws = crate::workspace::Workspace { decisions: names.to_vec(), ..Default::default() };
        set(&run, "names", &JsValue::from_str(&ws.export_json()));
    }
    job.send(&run);
    let mut a = Assembly::new(docs);
    loop {
        let m = job.mailbox.next().await;
        match kind_of(&m).as_str() {
            "progress" => {
                crate::job::heartbeat();
                let n = |k: &str| get(&m, k).as_f64().unwrap_or(0.0) as usize;
                let p = Progress { stage: stage_of(n("stage") as u32), done: n("done"), total: n("total") };
                if report(p).is_none() {
                    job.send(&message("cancel", job.id));
                    return Some(Finished::Superseded);
                }
            }
            "part" => {
                crate::job::heartbeat();
                let field = text_of(&m, "field");
                if let Err(e) = a.add(&field, &bytes_of(&m, "bytes")) {
                    job.send(&message("cancel", job.id));
                    return Some(Finished::Stopped(format!("{field}: {e}")));
                }
                if let (Some(k), Ok(b)) = (keep.as_deref_mut(), get(&m, "bytes").dyn_into::<js_sys::Uint8Array>()) {
                    k.fields.push(field);
                    k.bytes.push(b);
                }
            }
            "done" => {
                let rest = get(&m, "bytes");
                return Some(match a.finish(&bytes_of(&m, "bytes")) {
                    Ok(a) => {
                        if let (Some(k), Ok(b)) = (keep, rest.dyn_into::<js_sys::Uint8Array>()) {
                            k.rest = Some(b);
                        }
                        Finished::Done(a)
                    }
                    Err(e) => Finished::Stopped(e),
                });
            }
            "failed" => {
                if client.dead.get() {
                    CLIENT.with(|slot| {
                        let mut slot = slot.borrow_mut();
                        if slot.as_ref().is_some_and(|c| Rc::ptr_eq(c, &client)) {
                            slot.take();
                        }
                    });
                }
                return Some(Finished::Stopped(text_of(&m, "cause")));
            }
            _ => {}
        }
    }
}

/// The packed parts of a result as the worker sent them (`part` and `done` messages), kept to
/// keep the analysis for the next visit ([`crate::state::cache`]).
#[derive(Default)]
pub struct Parts {
    pub fields: Vec<String>,
    pub bytes: Vec<js_sys::Uint8Array>,
    pub rest: Option<js_sys::Uint8Array>,
}

/// A message's field `key` (a `Uint8Array`), copied out; empty when it is missing.
fn bytes_of(m: &JsValue, key: &str) -> Vec<u8> {
    get(m, key).dyn_into::<js_sys::Uint8Array>().map(|a| a.to_vec()).unwrap_or_default()
}

/// For the browser tests: make the worker panic at the start of its next analysis, as a bug in
/// the engine would. `false`: no worker is running.
#[wasm_bindgen]
pub fn qarin_test_worker_panic() -> bool {
    CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| c.worker.post_message(&message("panic", 0)).is_ok()))
}

/// Whether a worker runs the analyses on this page (for the bench and the tests).
pub fn in_use() -> bool {
    CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| c.ready.get() == Some(true) && !c.dead.get()))
}

/// For the browser tests: whether the analyses run in a worker on this page.
#[wasm_bindgen]
pub fn qarin_analysis_in_worker() -> bool {
    in_use()
}
