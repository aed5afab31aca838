//! Every input the fuzzers (`cargo xtask fuzz`, targets in `fuzz/`) ever crashed on, kept in
//! `fuzz/regressions/<target>/`, and the fuzzers' seeds (`fuzz/seeds/`), replayed through all four
//! targets' checks: decoding, HTML extraction, tokenisation, the whole analysis.

use qarin_engine::input::{html::extract, read_file_bytes};
use qarin_engine::{analyze, Document};
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

fn decode(data: &[u8]) {
    for name in ["article.txt", "page.html"] {
        if let Ok(d) = read_file_bytes(name, data) {
            assert!(!d.text.contains('\r'));
            assert!(!d.text.trim().is_empty());
        }
    }
}

fn tokenize(text: &str) {
    let tz = qarin_engine::pipeline::read(text);
    let mut last = 0;
    for t in &tz.tokens {
        assert!(t.start <= t.end && t.end <= text.len());
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(t.start >= last);
        last = t.start;
        assert_eq!(text[..t.start].chars().count(), t.cstart);
        assert_eq!(t.cend - t.cstart, text[t.start..t.end].chars().count());
    }
}

fn whole(text: &str) {
    let docs: Vec<Document> = text
        .split('\u{1e}')
        .take(6)
        .enumerate()
        .map(|(i, chunk)| {
            let (date, body) = chunk.split_once('\u{1f}').unwrap_or(("", chunk));
            Document { id: format!("d{i}"), file: format!("d{i}.txt"), title: format!("d{i}"), outlet: String::new(), date: date.to_string(), url: String::new(), text: body.to_string() }
        })
        .collect();
    let a = analyze(&docs);
    assert_eq!(a.documents.len(), docs.len());
    for (d, da) in docs.iter().zip(&a.documents) {
        for m in &da.mentions {
            assert_eq!(d.text.get(m.byte_start..m.byte_end), Some(m.text.as_str()));
            assert_eq!(d.text[..m.byte_start].chars().count(), m.start);
            assert!(a.entities.iter().any(|e| e.id == m.entity));
        }
    }
}

#[test]
fn fuzz_inputs_replay_without_a_panic() {
    let files = inputs();
    assert!(files.len() >= 3, "the seeds are there: {files:?}");
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let text = String::from_utf8_lossy(&data);
        let run = std::panic::catch_unwind(|| {
            decode(&data);
            let _ = extract(&text);
            tokenize(&text);
            whole(&text);
        });
        assert!(run.is_ok(), "{} panics", f.display());
    }
}
