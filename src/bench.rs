//! Hooks for `cargo xtask bench`, exported to JavaScript (trunk's loader puts the module's
//! exports on `window.wasmBindings`). Nothing in the app calls them.

use wasm_bindgen::prelude::*;

/// Runs the whole engine (`qarin_engine::analyze`) on `docs_json`, a JSON array of
/// `qarin_engine::Document`, and returns the number of tokens of their texts, so that the caller
/// can time it and compute a throughput in tokens per second.
#[wasm_bindgen]
pub fn qarin_bench(docs_json: &str) -> u32 {
    let docs: Vec<qarin_engine::Document> = match serde_json::from_str(docs_json) {
        Ok(docs) => docs,
        Err(e) => wasm_bindgen::throw_str(&format!("qarin_bench: not a list of documents: {e}")),
    };
    let analysis = qarin_engine::analyze(&docs);
    std::hint::black_box(&analysis);
    docs.iter()
        .map(|d| qarin_engine::tokenize::tokens(&d.text).count() as u32)
        .sum()
}

/// The size of the module's linear memory in bytes: its high-water mark, since wasm memory
/// only grows.
#[wasm_bindgen]
pub fn qarin_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
