//! Build-time preprocessing of the bundled corpus.
//!
//! Reads `corpus/` (or the folder named by `QARIN_CORPUS_DIR`) with the engine's own loader, so the
//! app gets exactly the texts the CLI would read, and writes them with their metadata as one compact
//! JSON asset into `OUT_DIR/corpus.json`, which the app embeds. Recognition and linking run in the
//! browser on load, through the same code path as articles a user adds later.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    println!("cargo:rerun-if-env-changed=QARIN_CORPUS_DIR");
    let dir = match std::env::var("QARIN_CORPUS_DIR") {
        Ok(d) if !d.is_empty() => PathBuf::from(d),
        _ => manifest.join("corpus"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut docs = match qarin_engine::input::corpus::load_dir(&dir) {
        Ok(d) => d,
        Err(e) => panic!("cannot bundle the corpus: {e}"),
    };
    qarin_engine::input::corpus::dedupe_ids(&mut docs);
    for d in &docs {
        println!("cargo:rerun-if-changed={}", dir.join(&d.file).display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR")).join("corpus.json");
    let json = serde_json::to_string(&docs).expect("serialise corpus");
    std::fs::write(&out, json).expect("write corpus.json");
}
