//! The workspace in IndexedDB, through `web-sys`'s bindings (the wasm-bindgen project's own)
//! and a promise per request: database `qarin`, version 1, two object stores:
//!
//! - `texts`: each article's text, under the article's id (written once when the article is
//!   added; removed with it);
//! - `meta`: under `index`, the workspace's [sketch](Workspace::sketch) as JSON (every text
//!   replaced by its fingerprint), so a rename or a decision rewrites a few hundred bytes.
//!
//! Every write is one read-merge-write transaction ([`sync`]): it reads the index, merges this
//! tab's changes into it ([`crate::workspace::merge`]) and writes the result with the texts it
//! lacks, all in one `readwrite` transaction over both stores. IndexedDB runs such transactions
//! one after another, so no tab's write can drop another's change. Nothing of the workspace is
//! left in localStorage (a workspace found there is moved here on first load).

use crate::browser::js_error_text;
use crate::workspace::{merge, Article, Workspace};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Promise};
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "qarin";
const TEXTS: &str = "texts";
const META: &str = "meta";
const INDEX: &str = "index";

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

/// Open (and on first use create) the database.
pub async fn open() -> Result<IdbDatabase, String> {
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
    let db = request(&req).await.map_err(why)?;
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
    let mut stored: Vec<(String, Option<String>)> = keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v.as_string()))).collect();
    let mut missing = Vec::new();
    ws.articles.retain_mut(|a| match stored.iter_mut().find(|(k, _)| *k == a.id).and_then(|(_, t)| t.take()) {
        Some(text) => {
            a.text = text;
            true
        }
        None => {
            missing.push(if a.title.is_empty() { a.id.clone() } else { a.title.clone() });
            false
        }
    });
    for (id, _) in stored.iter().filter(|(_, t)| t.is_some()) {
        let _ = texts.delete(&JsValue::from_str(id));
    }
    done.await.map_err(why)?;
    Ok(Stored::Found(ws, missing))
}

/// What a sync did.
pub struct Synced {
    /// What storage holds now (a sketch): the next sync's base.
    pub base: Workspace,
    /// The workspace with the other tabs' changes, when it differs from this tab's.
    pub workspace: Option<Workspace>,
    /// Whether anything was written (the other tabs are then told).
    pub wrote: bool,
}

/// Merge this tab's changes since `base` (a sketch of what storage held when this tab last met
/// it) into what storage holds now, in one transaction, and write the result. `ours` is the
/// tab's workspace, `ours_sketch` its sketch; `taken` tells the ids an added article may not
/// take (the bundled ones).
pub async fn sync(db: &IdbDatabase, base: &Workspace, ours: &Workspace, ours_sketch: &Workspace, taken: impl Fn(&str) -> bool) -> Result<Synced, String> {
    let tx = transaction(db, true)?;
    let done = finished(&tx);
    let meta = tx.object_store(META).map_err(|e| js_error_text(&e))?;
    let texts = tx.object_store(TEXTS).map_err(|e| js_error_text(&e))?;
    let raw = request(&meta.get(&JsValue::from_str(INDEX)).map_err(|e| js_error_text(&e))?).await.map_err(why)?;
    let theirs = match raw.as_string() {
        Some(raw) => Workspace::from_index(&raw)?,
        None => Workspace::default(),
    };
    let (merged, renamed) = merge(base, ours_sketch, &theirs, taken);

    // This tab's texts, by id and fingerprint (an added article may have been given a new id).
    let ours_text = |id: &str, fp: &str| -> Option<&Article> {
        let id = renamed.iter().find(|(_, new)| new == id).map_or(id, |(old, _)| old.as_str());
        let i = ours_sketch.articles.iter().position(|a| a.id == id && a.text == fp)?;
        ours.articles.get(i)
    };
    let mut wrote = false;
    let mut reads = Vec::new();
    for a in &merged.articles {
        let stored = theirs.articles.iter().any(|t| t.id == a.id && t.text == a.text);
        match (stored, ours_text(&a.id, &a.text)) {
            (false, Some(o)) => {
                texts.put_with_key(&JsValue::from_str(&o.text), &JsValue::from_str(&a.id)).map_err(|e| js_error_text(&e))?;
                wrote = true;
            }
            (true, Some(_)) => {}
            (_, None) => reads.push((a.id.clone(), request(&texts.get(&JsValue::from_str(&a.id)).map_err(|e| js_error_text(&e))?))),
        }
    }
    for t in &theirs.articles {
        if !merged.articles.iter().any(|a| a.id == t.id) {
            texts.delete(&JsValue::from_str(&t.id)).map_err(|e| js_error_text(&e))?;
            wrote = true;
        }
    }
    if merged != theirs || raw.is_undefined() {
        // (Pretty, like the export: one serialisation of the workspace in the app.)
        let json = serde_json::to_string_pretty(&merged).map_err(|e| e.to_string())?;
        meta.put_with_key(&JsValue::from_str(&json), &JsValue::from_str(INDEX)).map_err(|e| js_error_text(&e))?;
        wrote = true;
    }
    let mut read: Vec<(String, Option<String>)> = Vec::with_capacity(reads.len());
    for (id, r) in reads {
        read.push((id, r.await.map_err(why)?.as_string()));
    }
    done.await.map_err(why)?;

    // The merged workspace with its texts: this tab's, or those just read (the index and the
    // texts were read in one transaction, so they agree). An article listed without a text
    // (a damaged store) is left out of this tab and out of the base, so storage keeps it as is.
    let mut base = merged;
    let workspace = (base != *ours_sketch).then(|| {
        let mut ws = Workspace {
            schema: base.schema.clone(),
            articles: Vec::with_capacity(base.articles.len()),
            bundled: base.bundled.clone(),
            decisions: base.decisions.clone(),
            settings: base.settings.clone(),
        };
        let mut unread = Vec::new();
        for a in &base.articles {
            let text = match ours_text(&a.id, &a.text) {
                Some(o) => o.text.clone(),
                None => match read.iter_mut().find(|(id, _)| *id == a.id).and_then(|(_, t)| t.take()) {
                    Some(t) => t,
                    None => {
                        unread.push(a.id.clone());
                        continue;
                    }
                },
            };
            ws.articles.push(Article { text, ..a.clone() });
        }
        (ws, unread)
    });
    let workspace = workspace.map(|(ws, unread)| {
        base.articles.retain(|a| !unread.contains(&a.id));
        ws
    });
    Ok(Synced { base, workspace, wrote })
}
