//! The workspace in IndexedDB, through `web-sys`'s bindings (the wasm-bindgen project's own)
//! and a promise per request: database `qarin`, version 1, two object stores:
//!
//! - `texts`: each article's text, under the article's id (written once when the article is
//!   added; removed with it), as its UTF-8 bytes (a `Uint8Array`: copied as they are, where a
//!   string is transcoded; an 8 MB text took 140 ms to write as a string), in a `Blob` from
//!   256 KB on (written off the page's thread); texts stored as strings by earlier versions are
//!   read as well;
//! - `meta`: under `index`, the workspace's [sketch](Workspace::sketch) as JSON (every text
//!   replaced by its fingerprint), so a rename or a decision rewrites a few hundred bytes; under
//!   `analysis`, the last analysis of the workspace's articles, packed, with the key of what it
//!   analysed ([`super::cache`]: a cache, written and read in transactions of its own).
//!
//! Every write is one read-merge-write transaction ([`sync`]): it reads the index, merges this
//! tab's changes into it ([`crate::workspace::merge`]) and writes the result with the texts it
//! lacks, all in one `readwrite` transaction over both stores. IndexedDB runs such transactions
//! one after another, so no tab's write can drop another's change. Nothing of the workspace is
//! left in localStorage (a workspace found there is moved here on first load).

use crate::browser::js_error_text;
use crate::workspace::{merge, Workspace};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Promise, Uint8Array};
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "qarin";
const TEXTS: &str = "texts";
const META: &str = "meta";
const INDEX: &str = "index";
const ANALYSIS: &str = "analysis";

/// A request's result, once it succeeds. Built at once (the handlers are set before the
/// request can finish); awaited later.
fn request(r: &IdbRequest) -> JsFuture {
    let r = r.clone();
    let p = Promise::new(&mut |resolve, reject| {
        let ok = r.clone();
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let bad = r.clone();
        let on_err = Closure::once_into_js(move || {
            let why = dom_error(bad.error().ok().flatten(), "request failed");
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        r.set_onsuccess(Some(on_ok.unchecked_ref()));
        r.set_onerror(Some(on_err.unchecked_ref()));
    });
    JsFuture::from(p)
}

/// The transaction's end: `Ok` once committed, the browser's reason if it aborted (a full disk
/// gives `QuotaExceededError`).
fn finished(tx: &IdbTransaction) -> JsFuture {
    let tx = tx.clone();
    let p = Promise::new(&mut |resolve, reject| {
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let why = dom_error(t.error(), "AbortError");
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&why));
        });
        tx.set_oncomplete(Some(on_ok.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(p)
}

/// `Name: message`, or the name alone when the browser gives no message.
/// Texts from this size on are stored as a `Blob` (the browser writes its bytes off the page's
/// thread: an 8 MB text stored as bytes still took the page 54 ms).
const BLOB_BYTES: usize = 256 * 1024;

/// A text as storage holds it: its UTF-8 bytes, in a `Blob` when large.
fn text_value(text: &str) -> JsValue {
    let bytes = Uint8Array::from(text.as_bytes());
    if text.len() >= BLOB_BYTES {
        if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&bytes)) {
            return blob.into();
        }
    }
    bytes.into()
}

/// A stored text: UTF-8 bytes (a `Blob` or a `Uint8Array`), or a string as earlier versions wrote
/// them. `None`: none of these. (A `Blob` is read after its transaction.)
async fn stored_text(v: JsValue) -> Option<String> {
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    let bytes = match v.dyn_ref::<web_sys::Blob>() {
        Some(blob) => Uint8Array::new(&JsFuture::from(blob.array_buffer()).await.ok()?).to_vec(),
        None => v.dyn_ref::<Uint8Array>()?.to_vec(),
    };
    String::from_utf8(bytes).ok()
}

fn dom_error(e: Option<web_sys::DomException>, otherwise: &str) -> String {
    match e {
        Some(e) if e.message().is_empty() => e.name(),
        Some(e) => format!("{}: {}", e.name(), e.message()),
        None => otherwise.to_string(),
    }
}

fn why(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| js_error_text(&e))
}

thread_local! {
    /// The database being opened since the start ([`open_early`]), for [`open`] to take.
    static OPENING: std::cell::RefCell<Option<JsFuture>> = const { std::cell::RefCell::new(None) };
}

/// Start opening the database now (at the page's start, while the app's code mounts: tens of
/// milliseconds sooner); [`open`] takes the request. (An error here: [`open`] tries again and
/// reports it.)
pub fn open_early() {
    if let Ok(pending) = start_open() {
        OPENING.with(|o| *o.borrow_mut() = Some(pending));
    }
}

/// The request opening (and on first use creating) the database.
fn start_open() -> Result<JsFuture, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(|e| js_error_text(&e))?
        .ok_or_else(|| "IndexedDB is not available".to_string())?;
    let req = factory.open_with_u32(DB_NAME, 1).map_err(|e| js_error_text(&e))?;
    let r = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = r.result().and_then(|d| d.dyn_into::<IdbDatabase>().map_err(JsValue::from)) {
            let names = db.object_store_names();
            for store in [TEXTS, META] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(request(&req))
}

/// Open (and on first use create) the database, or take the request [`open_early`] started.
pub async fn open() -> Result<IdbDatabase, String> {
    let pending = match OPENING.with(|o| o.borrow_mut().take()) {
        Some(p) => p,
        None => start_open()?,
    };
    let db = pending.await.map_err(why)?;
    let db: IdbDatabase = db.dyn_into().map_err(|_| "not a database".to_string())?;
    // A newer version of the site opening the database with a higher version: let it.
    let d = db.clone();
    let on_change = Closure::<dyn FnMut()>::new(move || d.close());
    db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    Ok(db)
}

fn transaction(db: &IdbDatabase, write: bool) -> Result<IdbTransaction, String> {
    let stores = Array::of2(&JsValue::from_str(TEXTS), &JsValue::from_str(META));
    let mode = if write { IdbTransactionMode::Readwrite } else { IdbTransactionMode::Readonly };
    db.transaction_with_str_sequence_and_mode(&stores, mode).map_err(|e| js_error_text(&e))
}

/// What loading found.
pub enum Stored {
    /// Nothing stored yet.
    Empty,
    /// The workspace (texts included) and the titles of articles whose texts were gone.
    Found(Workspace, Vec<String>),
    /// The index could not be read (why, and the key it was moved to in `meta`).
    Unreadable(String, String),
}

/// Read the workspace. Texts no article lists (left by an abandoned write) are removed; an index
/// that cannot be read is set aside, never overwritten.
pub async fn load(db: &IdbDatabase) -> Result<Stored, String> {
    let tx = transaction(db, true)?;
    let done = finished(&tx);
    let meta = tx.object_store(META).map_err(|e| js_error_text(&e))?;
    let texts = tx.object_store(TEXTS).map_err(|e| js_error_text(&e))?;
    let raw = request(&meta.get(&JsValue::from_str(INDEX)).map_err(|e| js_error_text(&e))?).await.map_err(why)?;
    let Some(raw) = raw.as_string() else {
        done.await.map_err(why)?;
        return Ok(Stored::Empty);
    };
    let mut ws = match Workspace::from_index(&raw) {
        Ok(ws) => ws,
        Err(e) => {
            let aside = format!("{INDEX}.unreadable-{}", web_sys::js_sys::Date::now() as u64);
            let _ = meta.put_with_key(&JsValue::from_str(&raw), &JsValue::from_str(&aside));
            let _ = meta.delete(&JsValue::from_str(INDEX));
            done.await.map_err(why)?;
            return Ok(Stored::Unreadable(e, aside));
        }
    };
    let keys = request(&texts.get_all_keys().map_err(|e| js_error_text(&e))?);
    let values = request(&texts.get_all().map_err(|e| js_error_text(&e))?);
    let keys: Array = keys.await.map_err(why)?.unchecked_into();
    let values: Array = values.await.map_err(why)?.unchecked_into();
    // (Key order: the same in both lists.)
    let listed: std::collections::HashSet<String> = ws.articles.iter().map(|a| a.id.clone()).collect();
    let mut values: Vec<(String, JsValue)> = keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v))).collect();
    for (id, _) in values.iter().filter(|(id, _)| !listed.contains(id)) {
        let _ = texts.delete(&JsValue::from_str(id));
    }
    done.await.map_err(why)?;
    values.retain(|(id, _)| listed.contains(id));
    let mut stored = HashMap::new();
    for (id, v) in values {
        if let Some(text) = stored_text(v).await {
            stored.insert(id, text);
        }
    }
    let missing = ws.attach_texts(|id| stored.remove(id));
    Ok(Stored::Found(ws, missing))
}

/// What a sync did.
pub struct Synced {
    /// What storage holds now (a sketch): the next sync's base.
    pub base: Workspace,
    /// The merged workspace (a sketch), when it differs from this tab's.
    pub merged: Option<Workspace>,
    /// Texts read from storage for the merged workspace (articles other tabs added), by id.
    pub read: HashMap<String, String>,
    /// Ids of this tab's added articles that had to change (old, new).
    pub renamed: Vec<(String, String)>,
    /// Whether anything was written (the other tabs are then told).
    pub wrote: bool,
}

/// Merge this tab's changes since `base` (a sketch of what storage held when this tab last met
/// it) into what storage holds now, in one transaction, and write the result. `ours` is the
/// tab's workspace as a sketch; `texts` holds its texts that storage may lack (those of articles
/// not in `base` as they are now), by id; `taken` tells the ids an added article may not take
/// (the bundled ones). Linear in the number of articles.
pub async fn sync(db: &IdbDatabase, base: &Workspace, ours: &Workspace, texts: &HashMap<String, String>, taken: impl Fn(&str) -> bool) -> Result<Synced, String> {
    let tx = transaction(db, true)?;
    let done = finished(&tx);
    let meta = tx.object_store(META).map_err(|e| js_error_text(&e))?;
    let store = tx.object_store(TEXTS).map_err(|e| js_error_text(&e))?;
    let raw = request(&meta.get(&JsValue::from_str(INDEX)).map_err(|e| js_error_text(&e))?).await.map_err(why)?;
    let theirs = match raw.as_string() {
        Some(raw) => Workspace::from_index(&raw)?,
        None => Workspace::default(),
    };
    crate::browser::mark("qarin:sync-read");
    let (merged, renamed) = merge(base, ours, &theirs, taken);
    crate::browser::mark("qarin:sync-merged");

    let fps = |w: &Workspace| -> HashMap<String, String> { w.articles.iter().map(|a| (a.id.clone(), a.text.clone())).collect() };
    let (stored, here) = (fps(&theirs), fps(ours));
    let source = |id: &str| renamed.iter().find(|(_, new)| new == id).map_or(id.to_string(), |(old, _)| old.clone());
    let mut wrote = false;
    let mut reads = Vec::new();
    // A thousand texts are written in steps of a few milliseconds: between two, the page waits
    // for the step's last write to finish (the transaction stays open while a request is under way,
    // and the page's other tasks run meanwhile).
    let mut step = crate::job::now();
    for a in &merged.articles {
        let from = source(&a.id);
        let ours_has = here.get(&from) == Some(&a.text);
        if stored.get(&a.id) != Some(&a.text) {
            // Not in storage: this tab's text (by construction of the merge, it has it).
            if let Some(text) = texts.get(&from).filter(|_| ours_has) {
                let put = store.put_with_key(&text_value(text), &JsValue::from_str(&a.id)).map_err(|e| js_error_text(&e))?;
                wrote = true;
                if crate::job::now() - step >= crate::job::SLICE_MS {
                    request(&put).await.map_err(why)?;
                    step = crate::job::now();
                }
                continue;
            }
        }
        if !ours_has {
            // Another tab's article: its text, for this tab.
            reads.push((a.id.clone(), request(&store.get(&JsValue::from_str(&a.id)).map_err(|e| js_error_text(&e))?)));
        }
    }
    let kept: std::collections::HashSet<&str> = merged.articles.iter().map(|a| a.id.as_str()).collect();
    for t in &theirs.articles {
        if !kept.contains(t.id.as_str()) {
            store.delete(&JsValue::from_str(&t.id)).map_err(|e| js_error_text(&e))?;
            wrote = true;
        }
    }
    crate::browser::mark("qarin:sync-texts");
    if merged != theirs || raw.is_undefined() {
        // (Pretty, like the export: one serialisation of the workspace in the app.)
        // (It cannot fail; its error is not formatted: see `Workspace::export_json`.)
        let json = serde_json::to_string_pretty(&merged).map_err(|_| "JSON".to_string())?;
        meta.put_with_key(&JsValue::from_str(&json), &JsValue::from_str(INDEX)).map_err(|e| js_error_text(&e))?;
        wrote = true;
    }
    crate::browser::mark("qarin:sync-written");
    let mut values = Vec::new();
    for (id, r) in reads {
        values.push((id, r.await.map_err(why)?));
    }
    done.await.map_err(why)?;
    let mut read = HashMap::new();
    for (id, v) in values {
        if let Some(text) = stored_text(v).await {
            read.insert(id, text);
        }
    }
    let changed = merged != *ours;
    Ok(Synced { base: merged.clone(), merged: changed.then_some(merged), read, renamed, wrote })
}

/// The kept analysis ([`super::cache`]): the stored value, if there is one.
pub async fn read_analysis(db: &IdbDatabase) -> Result<Option<JsValue>, String> {
    let tx = db.transaction_with_str(META).map_err(|e| js_error_text(&e))?;
    let meta = tx.object_store(META).map_err(|e| js_error_text(&e))?;
    let v = request(&meta.get(&JsValue::from_str(ANALYSIS)).map_err(|e| js_error_text(&e))?).await.map_err(why)?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

/// Keep `value` as the analysis ([`super::cache`]), in place of the one kept before; `None`
/// removes it.
pub async fn write_analysis(db: &IdbDatabase, value: Option<&JsValue>) -> Result<(), String> {
    let tx = db.transaction_with_str_and_mode(META, IdbTransactionMode::Readwrite).map_err(|e| js_error_text(&e))?;
    let done = finished(&tx);
    let meta = tx.object_store(META).map_err(|e| js_error_text(&e))?;
    let key = JsValue::from_str(ANALYSIS);
    match value {
        Some(v) => meta.put_with_key(v, &key).map(|_| ()),
        None => meta.delete(&key).map(|_| ()),
    }
    .map_err(|e| js_error_text(&e))?;
    done.await.map_err(why)?;
    Ok(())
}
