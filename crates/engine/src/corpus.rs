//! Loading a folder of articles (the bundled corpus or a user's folder) with its optional
//! `meta.json`. Used by the CLI and by the app's build script, so both read files the same way.

use crate::input::{decode_text, default_title, id_from_file_name, InputError};
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
pub const TEXT_EXTENSIONS: [&str; 2] = ["txt", "md"];

fn err(path: &Path, reason: impl Into<String>) -> LoadError {
    LoadError { path: path.to_path_buf(), reason: reason.into() }
}

/// Build a [`Document`] from a file's name and bytes.
pub fn document_from_bytes(file: &str, bytes: &[u8]) -> Result<Document, InputError> {
    let text = decode_text(bytes)?;
    Ok(Document {
        id: id_from_file_name(file),
        file: file.to_string(),
        title: default_title(&text),
        text,
        ..Document::default()
    })
}

/// Read one file.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| err(path, format!("cannot read the file ({e})")))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    document_from_bytes(&name, &bytes).map_err(|e| err(path, e.to_string()))
}

/// Read every `.txt`/`.md` file of a folder, sorted by name, applying `meta.json` when present.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>, LoadError> {
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
    files.sort();
    if files.is_empty() {
        return Err(err(dir, "the folder holds no .txt or .md file"));
    }
    let meta_path = dir.join("meta.json");
    let meta: Meta = if meta_path.exists() {
        let raw = std::fs::read_to_string(&meta_path).map_err(|e| err(&meta_path, e.to_string()))?;
        serde_json::from_str(&raw).map_err(|e| err(&meta_path, format!("invalid metadata JSON ({e})")))?
    } else {
        Meta::default()
    };
    let mut docs = Vec::with_capacity(files.len());
    for path in &files {
        let mut doc = load_file(path)?;
        if let Some(m) = meta.documents.iter().find(|m| m.file == doc.file) {
            apply_meta(&mut doc, m.clone());
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn apply_meta(doc: &mut Document, m: MetaEntry) {
    if !m.title.trim().is_empty() {
        doc.title = m.title;
    }
    doc.outlet = m.outlet;
    doc.date = m.date;
    doc.url = m.url;
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
