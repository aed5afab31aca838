//! Hooks for `cargo xtask bench`, exported to JavaScript (trunk's loader puts the module's
//! exports on `window.wasmBindings`). Nothing in the app calls them.

use wasm_bindgen::prelude::*;

/// Runs the whole engine (`qarin_engine::analyze`) on `docs_json`, a JSON array of
/// `qarin_engine::Document`, and returns the number of tokens of their texts, so that the caller
/// can time it and compute a throughput in tokens per second.
#[wasm_bindgen]
pub fn qarin_bench(docs_json: &str) -> u32 {
    let docs: Vec<qarin_engine::Document> = match qarin_engine::json::from_str(docs_json) {
        Ok(docs) => docs,
        Err(e) => wasm_bindgen::throw_str(&format!("qarin_bench: not a list of documents: {e}")),
    };
    let analysis = qarin_engine::analyze(&docs);
    std::hint::black_box(&analysis);
    docs.iter()
        .map(|d| qarin_engine::tokenize::token_indices(&d.text).count() as u32)
        .sum()
}

/// The size of the module's linear memory in bytes: its high-water mark, since wasm memory
/// only grows.
#[wasm_bindgen]
pub fn qarin_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}

/// Runs the analysis as the app does without a worker (`crate::job::analyse_here`: steps in
/// slices of a few milliseconds, yielding to the page between them) on `docs_json` and resolves to
/// `[elapsed ms, slices, longest slice ms]` (a slice: work between two yields, including the
/// page's own work in that task), so that the caller can time it and watch the page's long tasks
/// meanwhile.
#[wasm_bindgen]
pub async fn qarin_bench_sliced(docs_json: String) -> Result<JsValue, JsValue> {
    let docs: Vec<qarin_engine::Document> = qarin_engine::json::from_str(&docs_json)
        .map_err(|e| JsValue::from_str(&format!("qarin_bench_sliced: not a list of documents: {e}")))?;
    let slices = std::cell::Cell::new(0u32);
    // The longest slice: from one report (made just before each yield) to the next.
    let last = std::cell::Cell::new(crate::job::now());
    let longest = std::cell::Cell::new(0.0f64);
    let t0 = crate::job::now();
    let analysis = crate::job::analyse_here(&docs, &[], |_| {
        let now = crate::job::now();
        slices.set(slices.get() + 1);
        longest.set(longest.get().max(now - last.get()));
        last.set(now);
        Some(())
    })
    .await;
    let end = crate::job::now();
    longest.set(longest.get().max(end - last.get()));
    std::hint::black_box(&analysis);
    let out = web_sys::js_sys::Array::new();
    out.push(&JsValue::from_f64(end - t0));
    out.push(&JsValue::from_f64(f64::from(slices.get())));
    out.push(&JsValue::from_f64(longest.get()));
    Ok(out.into())
}

/// Runs the analysis as the app does with a worker (`crate::job::analyse`: the documents sent
/// to `crate::worker`, the result taken back in parts) on `docs_json` and resolves to
/// `[elapsed ms, progress reports, 1 if the worker did it]`, so that the caller can time it and
/// watch the page's long tasks meanwhile.
#[wasm_bindgen]
pub async fn qarin_bench_worker(docs_json: String) -> Result<JsValue, JsValue> {
    let docs: Vec<qarin_engine::Document> = qarin_engine::json::from_str(&docs_json)
        .map_err(|e| JsValue::from_str(&format!("qarin_bench_worker: not a list of documents: {e}")))?;
    let reports = std::cell::Cell::new(0u32);
    let t0 = crate::job::now();
    let finished = crate::job::analyse(
        &docs,
        &[],
        |_| {
            reports.set(reports.get() + 1);
            Some(())
        },
        |_| {},
        // (Nothing kept nor taken from a kept analysis: each run analyses.)
        None,
    )
    .await;
    let end = crate::job::now();
    if let crate::job::Finished::Stopped(cause) = &finished {
        return Err(JsValue::from_str(cause));
    }
    std::hint::black_box(&finished);
    let out = web_sys::js_sys::Array::new();
    out.push(&JsValue::from_f64(end - t0));
    out.push(&JsValue::from_f64(f64::from(reports.get())));
    out.push(&JsValue::from_f64(if crate::worker::in_use() { 1.0 } else { 0.0 }));
    Ok(out.into())
}
