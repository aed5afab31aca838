//! The workspace as JSON: the export file and its import (schema [`SCHEMA`], [`ImportError`]),
//! and the index kept in localStorage with its keys.

use super::{Article, Bundled, Meta, Settings, Workspace};
use qarin_engine::input::{default_title, id_from_file_name, normalize_newlines, MAX_DOCUMENT_BYTES};
use qarin_engine::{Document, EntityType};
use qarin_engine::json::{self, FromJson, Json, JsonError};
use std::collections::HashSet;

/// The schema name of an exported workspace.
pub const SCHEMA: &str = "qarin.workspace/1";
/// localStorage key of the workspace index (articles without their texts, decisions, settings).
pub const INDEX_KEY: &str = "qarin.workspace";
/// Prefix of the localStorage keys holding article texts.
pub const TEXT_PREFIX: &str = "qarin.text.";
/// Largest workspace file accepted for import (bytes).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

pub fn text_key(id: &str) -> String {
    format!("{TEXT_PREFIX}{id}")
}

/// Why a workspace file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson(String),
    WrongSchema(String),
}

impl Workspace {
    /// The export file (`qarin.workspace/1`, texts included, pretty-printed, LF line ends).
    pub fn export_json(&self) -> String {
        let mut ws = self.clone();
        ws.schema = SCHEMA.to_string();
        // Serialising it cannot fail (strings, numbers, lists and maps with string keys). Its
        // error is never formatted anywhere in the app: formatting one brings all of serde_json's
        // messages into the page's code (0.7 KB gzip).
        serde_json::to_string_pretty(&ws).unwrap_or_default() + "\n"
    }

    /// Read a workspace file. Articles are checked one by one: ids made safe and unique (also
    /// against the bundled ids), texts' newlines normalised, empty and oversized texts dropped
    /// (each named in the returned notes).
    pub fn import(raw: &str, bundled: &[Document]) -> Result<(Workspace, Vec<String>), ImportError> {
        if raw.len() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge(raw.len()));
        }
        let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
        let value = json::parse(raw).map_err(|e| ImportError::NotJson(e.to_string()))?;
        // The schema first, so that another JSON file is named as such rather than as broken.
        let schema = value.get("schema").and_then(|s| String::from_json(s).ok()).unwrap_or_default();
        if schema != SCHEMA {
            return Err(ImportError::WrongSchema(schema));
        }
        let mut ws = Workspace::from_json(&value).map_err(|e| ImportError::NotJson(e.to_string()))?;
        let mut skipped = Vec::new();
        let mut seen: HashSet<String> = bundled.iter().map(|d| d.id.clone()).collect();
        let mut articles = Vec::with_capacity(ws.articles.len());
        for mut a in std::mem::take(&mut ws.articles) {
            let name = if a.title.trim().is_empty() { a.id.clone() } else { a.title.clone() };
            a.text = normalize_newlines(&a.text);
            if a.text.trim().is_empty() {
                skipped.push(format!("{name}: empty"));
                continue;
            }
            if a.text.len() > MAX_DOCUMENT_BYTES {
                skipped.push(format!("{name}: larger than {} MB", MAX_DOCUMENT_BYTES / (1024 * 1024)));
                continue;
            }
            let base = id_from_file_name(&format!("{}.x", a.id.trim()));
            a.id = qarin_engine::input::corpus::unique_id(&base, |id| seen.contains(id));
            seen.insert(a.id.clone());
            if a.title.trim().is_empty() {
                a.title = default_title(&a.text);
            }
            articles.push(a);
        }
        ws.articles = articles;
        ws.schema = SCHEMA.to_string();
        let known: HashSet<&str> = bundled.iter().map(|d| d.id.as_str()).collect();
        ws.bundled.removed.retain(|id| known.contains(id.as_str()));
        ws.bundled.edits.retain(|id, _| known.contains(id.as_str()));
        ws.settings.hidden_types.retain(|t| EntityType::from_code(t).is_some());
        Ok((ws, skipped))
    }

    /// Give each article of a stored index its text (`text_of` its id); an article without one
    /// is dropped. Returns the titles (or ids) of those dropped.
    pub fn attach_texts(&mut self, mut text_of: impl FnMut(&str) -> Option<String>) -> Vec<String> {
        let mut missing = Vec::new();
        self.articles.retain_mut(|a| match text_of(&a.id) {
            Some(text) => {
                a.text = text;
                true
            }
            None => {
                missing.push(if a.title.is_empty() { a.id.clone() } else { a.title.clone() });
                false
            }
        });
        missing
    }

    /// Parse the stored index (texts come from their own keys).
    pub fn from_index(raw: &str) -> Result<Workspace, String> {
        let ws: Workspace = json::from_str(raw).map_err(|e| e.to_string())?;
        if ws.schema != SCHEMA {
            return Err(format!("unknown schema {:?}", ws.schema));
        }
        Ok(ws)
    }
}

/// A text's fingerprint (64 bits): a text is written again when it is not the one stored under its
/// id (an import or an undo can bring another text under the same id), and the analysis runs again
/// when a text's fingerprint changes. Eight bytes a step (a multiply and a shift), then the
/// MurmurHash3 finaliser: ~8× faster than byte-wise FNV-1a, which took 27 ms for an 8 MB text in
/// the page. Not for adversaries; stored, so it must not change (a change rewrites every text
/// once).
#[inline(never)]
pub fn fingerprint(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    let mut h = words.fold(start(bytes.len()), |h, w| mix(h, u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])));
    if !tail.is_empty() {
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        h = mix(h, u64::from_le_bytes(last));
    }
    finish(h)
}

/// [`fingerprint`] of a list of 64-bit words (fingerprints of the parts of a key, say): the
/// same as of their little-endian bytes.
pub fn fingerprint_words(words: &[u64]) -> u64 {
    finish(words.iter().fold(start(words.len() * 8), |h, &w| mix(h, w)))
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

fn start(len: usize) -> u64 {
    0xcbf2_9ce4_8422_2325 ^ (len as u64).wrapping_mul(K)
}

fn mix(h: u64, w: u64) -> u64 {
    let h = (h ^ w).wrapping_mul(K);
    h ^ (h >> 29)
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl Workspace {
    /// This workspace with each text replaced by its fingerprint (16 hex digits): small, and
    /// equal where the workspaces are equal. What storage's index holds, and what tabs merge.
    pub fn sketch(&self) -> Workspace {
        let mut s = Workspace {
            schema: self.schema.clone(),
            articles: Vec::with_capacity(self.articles.len()),
            bundled: self.bundled.clone(),
            decisions: self.decisions.clone(),
            settings: self.settings.clone(),
        };
        for a in &self.articles {
            s.articles.push(Article {
                id: a.id.clone(),
                file: a.file.clone(),
                title: a.title.clone(),
                outlet: a.outlet.clone(),
                date: a.date.clone(),
                url: a.url.clone(),
                encoding: a.encoding.clone(),
                added: a.added.clone(),
                text: format!("{:016x}", fingerprint(&a.text)),
            });
        }
        s
    }
}

// Reading the workspace's JSON (the file, the stored index) with the engine's small reader: the
// same fields and defaults as the serde attributes of the types, which still write it.

impl FromJson for Article {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        Ok(Article {
            id: v.field("id")?,
            file: v.field_or("file")?,
            title: v.field_or("title")?,
            outlet: v.field_or("outlet")?,
            date: v.field_or("date")?,
            url: v.field_or("url")?,
            encoding: v.field_or("encoding")?,
            added: v.field_or("added")?,
            text: v.field_or("text")?,
        })
    }
}

impl FromJson for Meta {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        Ok(Meta { title: v.field_or("title")?, outlet: v.field_or("outlet")?, date: v.field_or("date")?, url: v.field_or("url")? })
    }
}

impl FromJson for Bundled {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        let shown = match v.get("shown") {
            None | Some(Json::Null) => true,
            Some(_) => v.field("shown")?,
        };
        Ok(Bundled { shown, removed: v.field_or("removed")?, edits: v.field_or("edits")? })
    }
}

impl FromJson for Settings {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        Ok(Settings { hidden_types: v.field_or("hidden_types")? })
    }
}

impl FromJson for Workspace {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        Ok(Workspace {
            schema: v.field("schema")?,
            articles: v.field_or("articles")?,
            bundled: v.field_or("bundled")?,
            decisions: v.field_or("decisions")?,
            settings: v.field_or("settings")?,
        })
    }
}
