//! The last analysis of the workspace's articles, kept for the next visit: a reload, or a return
//! a week later, shows the user's own articles analysed at once instead of analysing them again
//! (for the bundled articles the build's own analysis does this, [`crate::job::precomputed`]).
//!
//! It is kept in IndexedDB beside the workspace (`meta`, under `analysis`, [`super::store`]) as
//! the worker sent it: its packed parts ([`crate::worker::Parts`]) in one blob, read back by the same
//! [`Assembly`](crate::parts::Assembly) in slices, and under a key of everything the analysis depends on: this build's
//! engine and assets ([`crate::assets::identity`]), each article's id, text and details, and the
//! reader's corrections of names. Any other key: the analysis runs, and the new one replaces the
//! kept one. It is a cache: failing to read or write it only costs an analysis (nothing is
//! shown to the user), it gives way to the workspace (a write of the workspace that storage
//! refuses removes it and is tried again), and it is not kept where the page names no engine
//! build (the single-file page).

use crate::parts::Assembly;
use crate::worker::{get, set, Parts};
use qarin_engine::decisions::Decision;
use qarin_engine::{Analysis, Document};
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Array, Object, Uint8Array};

/// What an analysis of `docs` (with `fingerprints`, their texts' fingerprints in order) and the
/// corrections `names` depends on, apart from the build.
pub fn content_key(docs: &[Document], fingerprints: &[(String, u64)], names: &[Decision]) -> u64 {
    // Each field's fingerprint, in order (so no two lists of fields read the same), then one of them all.
    let mut parts: Vec<u64> = Vec::with_capacity(docs.len() * 7 + 1);
    for (d, (id, fp)) in docs.iter().zip(fingerprints) {
        parts.extend([id, &d.title, &d.outlet, &d.date, &d.url, &d.file].map(|f| crate::workspace::fingerprint(f)));
        parts.push(*fp);
    }
    // (The workspace's own writer of decisions, as it stores them.)
    parts.push(crate::workspace::fingerprint(&serde_json::to_string(names).unwrap_or_default()));
    crate::workspace::fingerprint_words(&parts)
}

/// The full key: this build's, then `content`.
pub fn key(content: u64) -> Option<String> {
    Some(format!("{}-{content:016x}", crate::assets::identity()?))
}

/// The kept analysis of `docs`, if the one kept has this `key` and reads whole; `None` otherwise.
/// Read a part a slice, yielding to the page between slices.
pub async fn restore(key: &str, docs: &[Document]) -> Option<Analysis> {
    let db = super::persist::database()?;
    let v = super::store::read_analysis(&db).await.ok()??;
    if get(&v, "key").as_string().as_deref() != Some(key) {
        return None;
    }
    let (fields, lens) = (array(get(&v, "fields"))?, array(get(&v, "lens"))?);
    let blob: web_sys::Blob = wasm_bindgen::JsCast::dyn_into(get(&v, "blob")).ok()?;
    let rest: Uint8Array = wasm_bindgen::JsCast::dyn_into(get(&v, "rest")).ok()?;
    if fields.length() != lens.length() {
        return None;
    }
    // (The blob's bytes are read off the page's thread.)
    let all = Uint8Array::new(&wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.ok()?);
    let mut a = Assembly::new(docs);
    let mut since = crate::job::now();
    let mut at = 0u32;
    for (f, n) in fields.iter().zip(lens.iter()) {
        let n = n.as_f64()? as u32;
        let end = at.checked_add(n).filter(|e| *e <= all.length())?;
        a.add(&f.as_string()?, &all.subarray(at, end).to_vec()).ok()?;
        at = end;
        if crate::job::now() - since > crate::job::SLICE_MS {
            crate::job::yield_to_page().await;
            since = crate::job::now();
        }
    }
    a.finish(&rest.to_vec()).ok()
}

/// Keep the analysis whose packed parts are `parts` under `key`, in place of the one kept
/// (written in a task of its own, after the result is shown).
pub fn keep(key: String, parts: Parts) {
    let Some(db) = super::persist::database() else { return };
    let Some(rest) = parts.rest else { return };
    leptos::task::spawn_local(async move {
        crate::job::yield_to_page().await;
        let v = Object::new();
        set(&v, "key", &JsValue::from_str(&key));
        set(&v, "fields", &parts.fields.iter().map(|f| JsValue::from_str(f)).collect::<Array>());
        set(&v, "lens", &parts.bytes.iter().map(|b| JsValue::from_f64(f64::from(b.length()))).collect::<Array>());
        // One blob of the parts: the browser writes a blob's bytes off the page's thread (a
        // thousand articles' parts as arrays took the page one task of 64 ms).
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts.bytes.iter().collect::<Array>()) else { return };
        set(&v, "blob", &blob);
        set(&v, "rest", &rest);
        // Refused (full storage, say): the one kept before stays, under its own key (it is never
        // taken for other articles), until a refused write of the workspace makes room by removing
        // it (`persist`).
        let _ = super::store::write_analysis(&db, Some(&v)).await;
        crate::browser::mark("qarin:analysis-kept");
    });
}

fn array(v: JsValue) -> Option<Array> {
    Array::is_array(&v).then(|| wasm_bindgen::JsCast::unchecked_into(v))
}
