//! Loading a folder of articles (the bundled corpus or a user's folder) with its optional
//! `meta.json`. Used by the CLI and by the app's build script, so both read files the same way; the
//! app reads the files a user adds through [`read_document`] too.

use crate::input::{default_title, id_from_file_name, read_file_bytes, InputError, InputWarning, TextEncoding, MAX_DOCUMENT_BYTES};
use crate::model::Document;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// A file that could not be loaded, and why.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for LoadError {}

#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    documents: Vec<MetaEntry>,
}

#[derive(Deserialize, Default, Clone)]
struct MetaEntry {
    file: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    url: String,
}

/// File extensions read from a folder.
pub const TEXT_EXTENSIONS: [&str; 4] = ["txt", "md", "html", "htm"];

fn err(path: &Path, reason: impl Into<String>) -> LoadError {
    LoadError { path: path.to_path_buf(), reason: reason.into() }
}

/// A document read from a file, with how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub doc: Document,
    pub encoding: TextEncoding,
    /// The encoding was guessed (see [`crate::input`]): a person should check the text.
    pub guessed: bool,
    pub warnings: Vec<InputWarning>,
}

/// Build a [`Document`] from a file's name and bytes, saying how it was read. HTML files
/// (`.html`, `.htm`) are reduced to their article text, titled by their `<h1>`/`<title>`.
pub fn read_document(file: &str, bytes: &[u8]) -> Result<Loaded, InputError> {
    let d = read_file_bytes(file, bytes)?;
    let title = d.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| default_title(&d.text));
    Ok(Loaded {
        doc: Document { id: id_from_file_name(file), file: file.to_string(), title, text: d.text, ..Document::default() },
        encoding: d.encoding,
        guessed: d.guessed,
        warnings: d.warnings,
    })
}

/// Build a [`Document`] from a file's name and bytes.
pub fn document_from_bytes(file: &str, bytes: &[u8]) -> Result<Document, InputError> {
    read_document(file, bytes).map(|l| l.doc)
}

/// Read one file, saying how it was read. Files over [`MAX_DOCUMENT_BYTES`] are refused before
/// they are read.
pub fn read_file(path: &Path) -> Result<Loaded, LoadError> {
    let size = std::fs::metadata(path).map_err(|e| err(path, format!("cannot read the file ({e})")))?.len();
    if size > MAX_DOCUMENT_BYTES as u64 {
        let e = InputError::TooLarge { bytes: usize::try_from(size).unwrap_or(usize::MAX), limit: MAX_DOCUMENT_BYTES };
        return Err(err(path, e.to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| err(path, format!("cannot read the file ({e})")))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    read_document(&name, &bytes).map_err(|e| err(path, e.to_string()))
}

/// Read one file.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    read_file(path).map(|l| l.doc)
}

/// Read every `.txt`/`.md`/`.html`/`.htm` file of a folder, sorted by name, applying
/// `meta.json` when present. The first file that cannot be read is the error.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>, LoadError> {
    let (loaded, mut failed) = read_dir(dir)?;
    if !failed.is_empty() {
        return Err(failed.remove(0));
    }
    Ok(loaded.into_iter().map(|l| l.doc).collect())
}

/// Read every `.txt`/`.md`/`.html`/`.htm` file of a folder, sorted by name, applying `meta.json`
/// when present: the files read and, apart, every file that could not be. The error is for the
/// folder itself (unreadable, no such file in it, bad `meta.json`).
pub fn read_dir(dir: &Path) -> Result<(Vec<Loaded>, Vec<LoadError>), LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| err(dir, format!("cannot read the folder ({e})")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        })
        .collect();
    crate::sort::natural(&mut files);
    if files.is_empty() {
        return Err(err(dir, "the folder holds no .txt, .md or .html file"));
    }
    let meta_path = dir.join("meta.json");
    let meta: Meta = if meta_path.exists() {
        let raw = std::fs::read_to_string(&meta_path).map_err(|e| err(&meta_path, e.to_string()))?;
        serde_json::from_str(&raw).map_err(|e| err(&meta_path, format!("invalid metadata JSON ({e})")))?
    } else {
        Meta::default()
    };
    let mut docs = Vec::with_capacity(files.len());
    let mut failed = Vec::new();
    for path in &files {
        match read_file(path) {
            Ok(mut l) => {
                if let Some(m) = meta.documents.iter().find(|m| m.file == l.doc.file) {
                    apply_meta(&mut l.doc, m.clone());
                }
                docs.push(l);
            }
            Err(e) => failed.push(e),
        }
    }
    Ok((docs, failed))
}

fn apply_meta(doc: &mut Document, m: MetaEntry) {
    if !m.title.trim().is_empty() {
        doc.title = m.title;
    }
    doc.outlet = m.outlet;
    doc.date = m.date;
    doc.url = m.url;
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` says is free.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_string();
    let mut n = 1;
    while taken(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    id
}

/// Make document ids unique by suffixing `-2`, `-3`, … to repeats, keeping order.
pub fn dedupe_ids(docs: &mut [Document]) {
    let mut seen = std::collections::HashSet::new();
    for d in docs.iter_mut() {
        let base = d.id.clone();
        let mut n = 1;
        while !seen.insert(d.id.clone()) {
            n += 1;
            d.id = format!("{base}-{n}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_html_and_reports_how() {
        let l = read_document(
            "page.html",
            "<html><head><title>عنوان الصفحة</title></head><body><article><h1>عنوان الخبر</h1><p>نص</p></article></body></html>".as_bytes(),
        )
        .unwrap();
        assert_eq!(l.doc.id, "page");
        assert_eq!(l.doc.title, "عنوان الخبر");
        assert_eq!(l.doc.text, "عنوان الخبر\nنص");
        assert_eq!((l.encoding, l.guessed), (TextEncoding::Utf8, false));
        let t = read_document("a.txt", "\n  السطر الأول\nنص".as_bytes()).unwrap();
        assert_eq!(t.doc.title, "السطر الأول");
        assert!(matches!(read_document("b.txt", b"\0\0"), Err(InputError::Binary)));
    }

    #[test]
    fn unique_ids() {
        let taken = ["a", "a-2"];
        assert_eq!(unique_id("a", |x| taken.contains(&x)), "a-3");
        assert_eq!(unique_id("b", |x| taken.contains(&x)), "b");
    }

    #[test]
    fn a_folder_reports_every_bad_file() {
        let dir = std::env::temp_dir().join(format!("qarin-corpus-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "نص عربي").unwrap();
        std::fs::write(dir.join("b.txt"), b"\x89PNG\0\0").unwrap();
        std::fs::write(dir.join("c.txt"), "").unwrap();
        std::fs::write(dir.join("d.html"), "<p>خبر</p>").unwrap();
        std::fs::write(dir.join("e.json"), "{}").unwrap();
        let (ok, bad) = read_dir(&dir).unwrap();
        assert_eq!(ok.iter().map(|l| l.doc.file.as_str()).collect::<Vec<_>>(), ["a.txt", "d.html"]);
        assert_eq!(bad.len(), 2);
        assert!(bad[0].to_string().ends_with("b.txt: the file looks binary (it contains NUL or control bytes), not text"));
        assert!(bad[1].to_string().contains("c.txt: the file is empty"));
        assert!(load_dir(&dir).unwrap_err().to_string().contains("b.txt"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
