//! The worker's script (see the app's `src/worker.rs`): the page starts a module worker from it
//! and sends it the compiled wasm module; the script instantiates it through wasm-bindgen's glue
//! (the app's `main` finds no window and returns) and calls `qarin_worker_start`, which takes the
//! page's messages from then on.
//!
//! On the site it is `qarin-worker.js`, importing trunk's glue beside it; in the single-file page
//! it is the glue's code itself followed by the same start, in a text block the page turns into
//! a `blob:` URL (a `file://` page can load nothing else) and starts as a *classic* worker:
//! Chromium refuses a module worker from a `blob:` URL made by a `file://` page ("Refused to
//! cross-origin redirects of the top-level worker script"), and a classic one works. A classic
//! script cannot name `import.meta`: the glue's only use of it (the wasm's default address, never
//! taken: the page always sends the module) becomes `self.location.href`.

use std::path::Path;

use super::{one_file, write};
use crate::env::Result;

/// The worker's script on the site (the app's `worker::WORKER_SCRIPT`).
pub const WORKER_SCRIPT: &str = "qarin-worker.js";
/// The single-file page's block holding the worker's source (the app's `worker::WORKER_BLOCK`).
pub const WORKER_BLOCK: &str = "qarin-worker-src";
/// The app's export that starts the worker's side.
const START: &str = "qarin_worker_start";

/// The part of the script after the glue: wait for the module, instantiate it with `init`, then
/// call `start`. A failure is told to the page, which then does the work itself.
pub fn start_code(init: &str, start: &str) -> String {
    format!(
        "self.onmessage = async (event) => {{\n\
         \x20 self.onmessage = null;\n\
         \x20 try {{\n\
         \x20   await {init}({{ module_or_path: event.data.module }});\n\
         \x20   {start}();\n\
         \x20 }} catch (e) {{\n\
         \x20   self.postMessage({{ kind: 'failed', job: 0, cause: String(e && e.message || e) }});\n\
         \x20 }}\n\
         }};\n"
    )
}

/// Writes `qarin-worker.js` into `dist`, importing the glue trunk wrote there.
pub fn write_script(dist: &Path) -> Result<()> {
    let wasm = one_file(dist, "wasm module", |n| n.ends_with("_bg.wasm"))?;
    let wasm_name = wasm.file_name().unwrap().to_string_lossy().into_owned();
    let glue = format!("{}.js", wasm_name.trim_end_matches("_bg.wasm"));
    if !dist.join(&glue).is_file() {
        return Err(format!("{glue} (the JS glue of {wasm_name}) is missing from {}", dist.display()));
    }
    let script = format!(
        "// Qarin's analysis worker (see src/worker.rs); written by `cargo xtask dist`.\n\
         import init, {{ {START} }} from './{glue}';\n{}",
        start_code("init", START)
    );
    write(&dist.join(WORKER_SCRIPT), script)
}

/// The single-file page's worker source, a classic script: the glue's code (without its exports,
/// as inlined in the page; `init` and `start` are its local names) and the start.
pub fn inline_source(code: &str, init: &str, start: Option<&str>) -> Result<String> {
    let start = start.ok_or_else(|| format!("the JS glue does not export {START}: is src/worker.rs built?"))?;
    let code = code.replace("import.meta.url", "self.location.href");
    if code.contains("import.meta") || code.lines().any(|l| l.trim_start().starts_with("import ")) {
        return Err("the JS glue uses `import` in a way a classic worker cannot run: see xtask/src/site/worker.rs".into());
    }
    Ok(format!("{code}\n{}", start_code(init, start)))
}

/// The local name the glue gives the start export, from its exports (exported → local).
pub fn start_local(exports: &[(String, String)]) -> Option<&str> {
    exports.iter().find(|(e, _)| e == START).map(|(_, l)| l.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_instantiates_from_the_message_then_starts() {
        let code = start_code("__wbg_init", "qarin_worker_start");
        let init = code.find("await __wbg_init({ module_or_path: event.data.module })").unwrap();
        let start = code.find("qarin_worker_start();").unwrap();
        assert!(init < start, "{code}");
        assert!(code.contains("kind: 'failed'"));
    }

    #[test]
    fn the_inline_source_is_a_classic_script() {
        let glue = "let wasm;\nfunction init(p) { if (p === undefined) p = new URL('x_bg.wasm', import.meta.url); }";
        let s = inline_source(glue, "init", Some("qarin_worker_start")).unwrap();
        assert!(!s.contains("import.meta") && s.contains("new URL('x_bg.wasm', self.location.href)"), "{s}");
        assert!(inline_source("import x from './y.js';", "init", Some("qarin_worker_start")).is_err());
        assert!(inline_source("const u = import.meta.resolve('a');", "init", Some("qarin_worker_start")).is_err());
    }

    #[test]
    fn the_inline_source_needs_the_start_export() {
        assert!(inline_source("let wasm;", "__wbg_init", None).is_err());
        let s = inline_source("let wasm;", "__wbg_init", Some("qarin_worker_start")).unwrap();
        assert!(s.starts_with("let wasm;\n") && s.contains("qarin_worker_start();"));
    }
}
