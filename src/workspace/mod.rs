//! The user's workspace: the articles they added, what they did to the bundled ones, their
//! merge/split decisions and settings. Pure Rust (no Leptos, no web-sys), unit-tested natively.
//!
//! Every change is a method that returns its [`Undo`], the inverse change, which
//! [`Workspace::undo`] applies: the app offers "Undo" by keeping that value, nothing else.
//!
//! The same structure is
//! - exported and imported as one JSON file, schema [`SCHEMA`] (`qarin.workspace/1`), texts
//!   included, so that a round trip gives the texts back byte for byte;
//! - kept in the browser's IndexedDB (`state::store`) as an index, its [sketch](Workspace::sketch)
//!   (every text replaced by its fingerprint), plus one record per article text, so that renaming
//!   an article or recording a decision rewrites a few hundred bytes, not every text; tabs merge
//!   their changes three ways ([`merge`]). Earlier versions kept it in localStorage
//!   ([`INDEX_KEY`], [`text_key`]); it is moved on first load.

mod io;
mod merge;
#[cfg(test)]
mod tests;
mod undo;

pub use io::{ImportError, SCHEMA};
// Used only by the browser modules (`state::persist`, `actions::transfer`), built for wasm32 alone.
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub use io::{fingerprint, fingerprint_words, text_key, INDEX_KEY, MAX_IMPORT_BYTES, TEXT_PREFIX};
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub use merge::merge;
pub use undo::Undo;

use qarin_engine::decisions::Decision;
use qarin_engine::input::id_from_file_name;
use qarin_engine::{Document, EntityType};
// Written with serde; read with the engine's small JSON reader (`io.rs`), for the wasm's size.
use serde::Serialize;
use std::collections::BTreeMap;

/// An article the user added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Article {
    pub id: String,
    /// The file it came from (empty for pasted text).
    pub file: String,
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub url: String,
    /// How the file was read: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1256`, or `pasted`.
    pub encoding: String,
    /// When it was added (ISO 8601).
    pub added: String,
    pub text: String,
}

/// Editable metadata of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Meta {
    pub title: String,
    pub outlet: String,
    pub date: String,
    pub url: String,
}

impl Meta {
    pub fn of(d: &Document) -> Meta {
        Meta { title: d.title.clone(), outlet: d.outlet.clone(), date: d.date.clone(), url: d.url.clone() }
    }

    /// Trimmed fields; an empty title stays empty (the display falls back to "Article N").
    pub fn cleaned(self) -> Meta {
        Meta {
            title: one_line(&self.title),
            outlet: one_line(&self.outlet),
            date: one_line(&self.date),
            url: one_line(&self.url),
        }
    }
}

/// `url` if it is safe to link to: `http:` or `https:` only. Anything else (`javascript:`,
/// `data:`, relative paths) is shown as text, never put in an `href`.
pub fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && u.len() > lower.find("//").map_or(0, |i| i + 2)
        && !u.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(u)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the user did to the bundled corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bundled {
    /// Whether the bundled articles are part of the workspace at all.
    pub shown: bool,
    /// Bundled articles removed one by one (ids).
    pub removed: Vec<String>,
    /// Metadata edits of bundled articles, by id.
    pub edits: BTreeMap<String, Meta>,
}

impl Default for Bundled {
    fn default() -> Self {
        Bundled { shown: true, removed: Vec::new(), edits: BTreeMap::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Settings {
    /// Entity types whose highlighting is switched off (`PER`, `LOC`, `ORG`, `MISC`).
    pub hidden_types: Vec<String>,
}

impl Settings {
    pub fn shown_types(&self) -> [bool; 4] {
        let mut s = [true; 4];
        for (i, k) in EntityType::ALL.iter().enumerate() {
            s[i] = !self.hidden_types.iter().any(|h| h == k.code());
        }
        s
    }

    pub fn set_shown_types(&mut self, shown: [bool; 4]) {
        self.hidden_types = EntityType::ALL
            .iter()
            .zip(shown)
            .filter(|(_, on)| !on)
            .map(|(k, _)| k.code().to_string())
            .collect();
    }
}

/// The whole workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Workspace {
    pub schema: String,
    pub articles: Vec<Article>,
    pub bundled: Bundled,
    pub decisions: Vec<Decision>,
    pub settings: Settings,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            schema: SCHEMA.to_string(),
            articles: Vec::new(),
            bundled: Bundled::default(),
            decisions: Vec::new(),
            settings: Settings::default(),
        }
    }
}

/// Where an article in the analysis comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Bundled,
    User,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Bundled => "bundled",
            Source::User => "user",
        }
    }
}

impl Workspace {
    /// The documents to analyse: the bundled ones (unless hidden or removed, with the user's
    /// edits), then the user's, each with where it comes from.
    pub fn documents(&self, bundled: &[Document]) -> Vec<(Document, Source)> {
        let mut out = Vec::new();
        if self.bundled.shown {
            for d in bundled {
                if self.bundled.removed.contains(&d.id) {
                    continue;
                }
                let mut d = d.clone();
                if let Some(m) = self.bundled.edits.get(&d.id) {
                    d.title = m.title.clone();
                    d.outlet = m.outlet.clone();
                    d.date = m.date.clone();
                    d.url = m.url.clone();
                }
                out.push((d, Source::Bundled));
            }
        }
        for a in &self.articles {
            out.push((
                Document {
                    id: a.id.clone(),
                    file: a.file.clone(),
                    title: a.title.clone(),
                    outlet: a.outlet.clone(),
                    date: a.date.clone(),
                    url: a.url.clone(),
                    text: a.text.clone(),
                },
                Source::User,
            ));
        }
        out
    }

    /// An id for a new article: from its file name (or `pasted`), unique among the bundled ids
    /// and the user's.
    pub fn new_id(&self, file: &str, bundled: &[Document]) -> String {
        let base = if file.trim().is_empty() { "pasted".to_string() } else { id_from_file_name(file) };
        qarin_engine::input::corpus::unique_id(&base, |id| {
            bundled.iter().any(|d| d.id == id) || self.articles.iter().any(|a| a.id == id)
        })
    }

    /// Set an article's metadata (a user article, or a bundled one through `bundled.edits`).
    /// False if there is no such article.
    pub fn set_meta(&mut self, id: &str, meta: Meta, bundled: &[Document]) -> bool {
        let meta = meta.cleaned();
        if let Some(a) = self.articles.iter_mut().find(|a| a.id == id) {
            a.title = meta.title;
            a.outlet = meta.outlet;
            a.date = meta.date;
            a.url = meta.url;
            return true;
        }
        if let Some(d) = bundled.iter().find(|d| d.id == id) {
            if Meta::of(d) == meta {
                self.bundled.edits.remove(id);
            } else {
                self.bundled.edits.insert(id.to_string(), meta);
            }
            return true;
        }
        false
    }

    /// Add articles (their ids are made unique here, from their file names); returns their ids.
    pub fn add(&mut self, articles: Vec<Article>, bundled: &[Document]) -> (Vec<String>, Undo) {
        let mut ids = Vec::with_capacity(articles.len());
        for mut a in articles {
            a.id = self.new_id(&a.file, bundled);
            ids.push(a.id.clone());
            self.articles.push(a);
        }
        (ids.clone(), Undo::Added(ids))
    }

    /// Remove an article: one of the user's, or a bundled one (remembered as removed). `None` if
    /// there is no such article in the workspace.
    pub fn remove(&mut self, id: &str, bundled: &[Document]) -> Option<Undo> {
        if let Some(i) = self.articles.iter().position(|a| a.id == id) {
            let article = self.articles.remove(i);
            return Some(Undo::RemovedArticle { index: i, article });
        }
        if bundled.iter().any(|d| d.id == id) && !self.bundled.removed.iter().any(|x| x == id) {
            self.bundled.removed.push(id.to_string());
            return Some(Undo::RemovedBundled(id.to_string()));
        }
        None
    }

    /// [`set_meta`](Self::set_meta), undoable; `None` if there is no such article or nothing
    /// changed.
    pub fn edit_meta(&mut self, id: &str, meta: Meta, bundled: &[Document]) -> Option<Undo> {
        let before = (self.articles.clone(), self.bundled.edits.clone());
        if !self.set_meta(id, meta, bundled) || (self.articles == before.0 && self.bundled.edits == before.1) {
            return None;
        }
        let article = before.0.into_iter().find(|a| a.id == id);
        Some(Undo::Meta { id: id.to_string(), article, edit: before.1.get(id).cloned() })
    }

    /// Include or leave out the bundled corpus; `None` if it already is so.
    pub fn show_bundled(&mut self, shown: bool) -> Option<Undo> {
        (self.bundled.shown != shown).then(|| {
            let before = self.bundled.clone();
            self.bundled.shown = shown;
            Undo::Bundled(before)
        })
    }

    /// Bring back the bundled articles removed one by one; `None` if none was.
    pub fn restore_removed(&mut self) -> Option<Undo> {
        (!self.bundled.removed.is_empty()).then(|| {
            let before = self.bundled.clone();
            self.bundled.removed.clear();
            Undo::Bundled(before)
        })
    }

    /// Switch the highlighting of the entity types (in `EntityType::ALL` order); `None` if
    /// nothing changed.
    pub fn show_types(&mut self, shown: [bool; 4]) -> Option<Undo> {
        (self.settings.shown_types() != shown).then(|| {
            let before = self.settings.clone();
            self.settings.set_shown_types(shown);
            Undo::Settings(before)
        })
    }

    /// Record a merge or split decision.
    pub fn decide(&mut self, d: Decision) -> Undo {
        let before = self.decisions.clone();
        self.decisions.push(d);
        Undo::Decisions(before)
    }

    /// Record several decisions at once (one undo takes them all back).
    pub fn decide_all(&mut self, ds: Vec<Decision>) -> Undo {
        let before = self.decisions.clone();
        self.decisions.extend(ds);
        Undo::Decisions(before)
    }

    /// Take a decision back; `None` if it is not recorded.
    pub fn retract(&mut self, d: &Decision) -> Option<Undo> {
        let i = self.decisions.iter().position(|x| x == d)?;
        let before = self.decisions.clone();
        self.decisions.remove(i);
        Some(Undo::Decisions(before))
    }

    /// Take back every correction of a name (the linking decisions stay); `None` if there is none.
    pub fn reset_names(&mut self) -> Option<Undo> {
        if !self.decisions.iter().any(Decision::is_name) {
            return None;
        }
        let before = self.decisions.clone();
        self.decisions.retain(|d| !d.is_name());
        Some(Undo::Decisions(before))
    }

    /// Replace the whole workspace (an import).
    pub fn replace(&mut self, other: Workspace) -> Undo {
        Undo::Replace(Box::new(std::mem::replace(self, other)))
    }
}
