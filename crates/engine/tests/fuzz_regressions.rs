//! Every input the fuzzers (`cargo xtask fuzz`, targets in `fuzz/`) ever crashed on, kept in
//! `fuzz/regressions/<target>/`, and the fuzzers' seeds (`fuzz/seeds/`), replayed through all seven
//! targets' checks (`fuzz/checks.rs`, the same code the targets run): decoding, HTML extraction,
//! tokenisation, the whole analysis, packed bytes, JSON, the reader's decisions.

use std::path::{Path, PathBuf};

fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut dirs = vec![root.join("seeds")];
    if let Ok(rd) = std::fs::read_dir(root.join("regressions")) {
        dirs.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|rd| rd.flatten().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

include!("../../../fuzz/checks.rs");

#[test]
fn fuzz_inputs_replay_without_a_panic() {
    let files = inputs();
    assert!(files.len() >= 3, "the seeds are there: {files:?}");
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let text = String::from_utf8_lossy(&data);
        let run = std::panic::catch_unwind(|| {
            check_decode("article.txt", &data);
            check_decode("page.html", &data);
            check_html(&text);
            check_tokenize(&text);
            check_analyze(&text);
            check_pack(&data);
            check_json(&text);
            check_decisions(&data);
        });
        assert!(run.is_ok(), "{} panics", f.display());
    }
}
