//! The corpus check: the site's `qarin-corpus.json` must hold every article of the corpus the
//! build was asked for, so a stale file from another corpus cannot slip through.

use std::path::{Path, PathBuf};

use super::read;
use crate::env::Result;

/// The `.txt`/`.md` files of a corpus folder, sorted, as the engine lists them.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the corpus folder {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| ["txt", "md"].contains(&x.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "the corpus folder {} holds no .txt or .md file",
            dir.display()
        ));
    }
    Ok(files)
}

/// A piece of `text` that the bundled corpus JSON holds verbatim: the longest
/// run, up to 60 bytes, of a line without characters JSON would escape.
fn snippet(text: &str) -> Option<&str> {
    let mut best: Option<&str> = None;
    for line in text.trim_start_matches('\u{feff}').lines() {
        for run in line.split(|c: char| c == '"' || c == '\\' || c.is_control()) {
            let mut end = run.len().min(60);
            while !run.is_char_boundary(end) {
                end -= 1;
            }
            let candidate = &run[..end];
            if candidate.trim().len() > best.map_or(0, |b| b.trim().len()) {
                best = Some(candidate);
            }
        }
        if best.is_some_and(|b| b.len() >= 40) {
            break;
        }
    }
    best.filter(|b| b.trim().len() >= 8)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        match haystack[i..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)
        {
            Some(p) => {
                i += p;
                if haystack[i + 1..i + needle.len()] == *rest {
                    return true;
                }
                i += 1;
            }
            None => return false,
        }
    }
    false
}

/// Fails unless the site's corpus file holds a piece of every article of `corpus`.
pub fn check_corpus(dist: &Path, corpus: &Path) -> Result<()> {
    let json = read(&dist.join(super::CORPUS))?;
    let files = corpus_files(corpus)?;
    for file in &files {
        let Ok(text) = String::from_utf8(read(file)?) else {
            continue; // the engine refuses such a file at build time anyway
        };
        let Some(piece) = snippet(&text) else {
            continue;
        };
        if !contains(&json, piece.as_bytes()) {
            return Err(format!(
                "the site's {} does not contain the article {} (looked for {piece:?}): it is \
                 stale or was made from another corpus",
                super::CORPUS,
                file.display()
            ));
        }
    }
    println!(
        "[dist] checked: the app's corpus holds all {} articles of {}",
        files.len(),
        corpus.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_without_an_article_is_refused() {
        let dir = std::env::temp_dir().join(format!("xtask-corpus-{}", std::process::id()));
        let (dist, corpus) = (dir.join("dist"), dir.join("corpus"));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::create_dir_all(&corpus).unwrap();
        let a = "زار الرئيس الفرنسي إيمانويل ماكرون العاصمة المصرية القاهرة";
        let b = "استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي في القاهرة";
        std::fs::write(corpus.join("a.txt"), a).unwrap();
        std::fs::write(corpus.join("b.txt"), b).unwrap();
        let json = format!("[{{\"id\":\"a\",\"text\":\"{a}\"}}]");
        std::fs::write(dist.join(super::super::CORPUS), &json).unwrap();
        let err = check_corpus(&dist, &corpus).unwrap_err();
        assert!(err.contains("b.txt") && err.contains("stale"), "{err}");
        std::fs::write(dist.join(super::super::CORPUS), format!("{json}{b}")).unwrap();
        let ok = check_corpus(&dist, &corpus);
        std::fs::remove_dir_all(&dir).unwrap();
        ok.unwrap();
    }

    #[test]
    fn snippets_avoid_json_escapes_and_are_found() {
        let text = "\u{feff}قال \"الرئيس\" إن\nزار الرئيس الفرنسي إيمانويل ماكرون العاصمة المصرية";
        let piece = snippet(text).unwrap();
        assert!(!piece.contains('"') && !piece.contains('\n'));
        assert!(contains(text.as_bytes(), piece.as_bytes()));
        assert!(contains(b"abcabd", b"abd"));
        assert!(!contains(b"abcab", b"abd"));
    }
}
