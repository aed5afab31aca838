//! The user's workspace: the articles they added, what they did to the bundled ones, their
//! merge/split decisions and settings. Pure Rust (no Leptos, no web-sys), unit-tested natively.
//!
//! Every change is a method that returns its [`Undo`], the inverse change, which
//! [`Workspace::undo`] applies: the app offers "Undo" by keeping that value, nothing else.
//!
//! The same structure is
//! - exported and imported as one JSON file, schema [`SCHEMA`] (`qarin.workspace/1`), texts
//!   included, so that a round trip gives the texts back byte for byte;
//! - kept in the browser's localStorage as an index ([`INDEX_KEY`], the same JSON with every text
//!   left empty) plus one entry per article text ([`text_key`]), so that renaming an article or
//!   recording a decision rewrites a few hundred bytes, not every text.

use qarin_engine::decisions::Decision;
use qarin_engine::input::{default_title, id_from_file_name, normalize_newlines, MAX_DOCUMENT_BYTES};
use qarin_engine::{Document, EntityType};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

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

/// An article the user added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    pub id: String,
    /// The file it came from (empty for pasted text).
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub url: String,
    /// How the file was read: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1256`, or `pasted`.
    #[serde(default)]
    pub encoding: String,
    /// When it was added (ISO 8601).
    #[serde(default)]
    pub added: String,
    #[serde(default)]
    pub text: String,
}

/// Editable metadata of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meta {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundled {
    /// Whether the bundled articles are part of the workspace at all.
    #[serde(default = "yes")]
    pub shown: bool,
    /// Bundled articles removed one by one (ids).
    #[serde(default)]
    pub removed: Vec<String>,
    /// Metadata edits of bundled articles, by id.
    #[serde(default)]
    pub edits: BTreeMap<String, Meta>,
}

fn yes() -> bool {
    true
}

impl Default for Bundled {
    fn default() -> Self {
        Bundled { shown: true, removed: Vec::new(), edits: BTreeMap::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    /// Entity types whose highlighting is switched off (`PER`, `LOC`, `ORG`, `MISC`).
    #[serde(default)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    pub schema: String,
    #[serde(default)]
    pub articles: Vec<Article>,
    #[serde(default)]
    pub bundled: Bundled,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
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

/// The inverse of a change to the [`Workspace`], as returned by the change and applied by
/// [`Workspace::undo`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// Remove the articles added with these ids.
    Added(Vec<String>),
    /// Put a removed article back at its place.
    RemovedArticle { index: usize, article: Article },
    /// Bring back a removed bundled article.
    RemovedBundled(String),
    /// Put back an article's metadata: the user's article as it was, or a bundled article's
    /// edit as it was (`None`: no edit).
    Meta { id: String, article: Option<Article>, edit: Option<Meta> },
    /// Put back what was done to the bundled corpus.
    Bundled(Bundled),
    Settings(Settings),
    Decisions(Vec<Decision>),
    /// Put back the whole workspace (an import).
    Replace(Box<Workspace>),
}

/// Why a workspace file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson(String),
    WrongSchema(String),
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

    /// The index kept in localStorage: this workspace with every text left empty, and only the
    /// articles whose texts are stored (`stored`).
    pub fn index_json(&self, stored: &HashSet<String>) -> String {
        let mut index = self.clone();
        index.articles.retain(|a| stored.contains(&a.id));
        for a in &mut index.articles {
            a.text.clear();
        }
        // Pretty like the export: one JSON serialisation of the workspace in the web app.
        serde_json::to_string_pretty(&index).expect("the workspace serialises")
    }

    /// The export file (`qarin.workspace/1`, texts included, pretty-printed, LF line ends).
    pub fn export_json(&self) -> String {
        let mut ws = self.clone();
        ws.schema = SCHEMA.to_string();
        serde_json::to_string_pretty(&ws).expect("the workspace serialises") + "\n"
    }

    /// Read a workspace file. Articles are checked one by one: ids made safe and unique (also
    /// against the bundled ids), texts' newlines normalised, empty and oversized texts dropped
    /// (each named in the returned notes).
    pub fn import(raw: &str, bundled: &[Document]) -> Result<(Workspace, Vec<String>), ImportError> {
        if raw.len() > MAX_IMPORT_BYTES {
            return Err(ImportError::TooLarge(raw.len()));
        }
        let raw = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
        // The schema first, so that another JSON file is named as such rather than as broken.
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            schema: String,
        }
        let probe: Probe = serde_json::from_str(raw).map_err(|e| ImportError::NotJson(e.to_string()))?;
        if probe.schema != SCHEMA {
            return Err(ImportError::WrongSchema(probe.schema));
        }
        let mut ws: Workspace = serde_json::from_str(raw).map_err(|e| ImportError::NotJson(e.to_string()))?;
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

    /// Take a decision back; `None` if it is not recorded.
    pub fn retract(&mut self, d: &Decision) -> Option<Undo> {
        let i = self.decisions.iter().position(|x| x == d)?;
        let before = self.decisions.clone();
        self.decisions.remove(i);
        Some(Undo::Decisions(before))
    }

    /// Replace the whole workspace (an import).
    pub fn replace(&mut self, other: Workspace) -> Undo {
        Undo::Replace(Box::new(std::mem::replace(self, other)))
    }

    /// Apply an [`Undo`]. Returns the id of an article it brought back, if any (a removed article
    /// whose id has been taken since comes back under a new one).
    pub fn undo(&mut self, u: Undo, bundled: &[Document]) -> Option<String> {
        match u {
            Undo::Added(ids) => {
                self.articles.retain(|a| !ids.contains(&a.id));
                None
            }
            Undo::RemovedArticle { index, mut article } => {
                if self.articles.iter().any(|x| x.id == article.id) || bundled.iter().any(|d| d.id == article.id) {
                    article.id = self.new_id(&format!("{}.txt", article.id), bundled);
                }
                let id = article.id.clone();
                self.articles.insert(index.min(self.articles.len()), article);
                Some(id)
            }
            Undo::RemovedBundled(id) => {
                self.bundled.removed.retain(|x| *x != id);
                Some(id)
            }
            Undo::Meta { id, article, edit } => {
                match article {
                    Some(before) => {
                        if let Some(a) = self.articles.iter_mut().find(|a| a.id == id) {
                            *a = before;
                        }
                    }
                    None => match edit {
                        Some(m) => {
                            self.bundled.edits.insert(id, m);
                        }
                        None => {
                            self.bundled.edits.remove(&id);
                        }
                    },
                }
                None
            }
            Undo::Bundled(b) => {
                self.bundled = b;
                None
            }
            Undo::Settings(s) => {
                self.settings = s;
                None
            }
            Undo::Decisions(d) => {
                self.decisions = d;
                None
            }
            Undo::Replace(ws) => {
                *self = *ws;
                None
            }
        }
    }

    /// Parse the stored index (texts come from their own keys).
    pub fn from_index(raw: &str) -> Result<Workspace, String> {
        let ws: Workspace = serde_json::from_str(raw).map_err(|e| e.to_string())?;
        if ws.schema != SCHEMA {
            return Err(format!("unknown schema {:?}", ws.schema));
        }
        Ok(ws)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Vec<Document> {
        vec![
            Document { id: "b1".into(), file: "b1.txt".into(), title: "أ".into(), text: "نص أ".into(), ..Default::default() },
            Document { id: "b2".into(), file: "b2.txt".into(), title: "ب".into(), outlet: "o".into(), text: "نص ب".into(), ..Default::default() },
        ]
    }

    fn article(id: &str, text: &str) -> Article {
        Article { id: id.into(), file: format!("{id}.txt"), title: id.into(), encoding: "UTF-8".into(), text: text.into(), ..Default::default() }
    }

    #[test]
    fn documents_follow_the_bundled_settings() {
        let b = bundled();
        let mut ws = Workspace::default();
        ws.articles.push(article("mine", "نصي"));
        let ids = |ws: &Workspace| ws.documents(&b).iter().map(|(d, s)| format!("{}:{}", d.id, s.code())).collect::<Vec<_>>();
        assert_eq!(ids(&ws), ["b1:bundled", "b2:bundled", "mine:user"]);
        ws.bundled.removed.push("b1".into());
        assert_eq!(ids(&ws), ["b2:bundled", "mine:user"]);
        ws.bundled.shown = false;
        assert_eq!(ids(&ws), ["mine:user"]);
    }

    #[test]
    fn ids_are_unique_against_bundled_and_user() {
        let b = bundled();
        let mut ws = Workspace::default();
        assert_eq!(ws.new_id("b1.txt", &b), "b1-2");
        assert_eq!(ws.new_id("", &b), "pasted");
        ws.articles.push(article("pasted", "x"));
        assert_eq!(ws.new_id("  ", &b), "pasted-2");
        assert_eq!(ws.new_id("dir/خبر اليوم.html", &b), "خبر_اليوم");
    }

    #[test]
    fn metadata_edits() {
        let b = bundled();
        let mut ws = Workspace::default();
        ws.articles.push(article("mine", "نصي"));
        let m = Meta { title: "  عنوان \n جديد ".into(), outlet: "الجزيرة".into(), date: "2022-01-11".into(), url: "https://example.org/a".into() };
        assert!(ws.set_meta("mine", m.clone(), &b));
        assert_eq!(ws.articles[0].title, "عنوان جديد");
        assert!(ws.set_meta("b2", m, &b));
        assert_eq!(ws.bundled.edits["b2"].outlet, "الجزيرة");
        assert_eq!(ws.documents(&b)[1].0.title, "عنوان جديد");
        // Setting a bundled article back to its own metadata drops the edit.
        assert!(ws.set_meta("b2", Meta::of(&b[1]), &b));
        assert!(ws.bundled.edits.is_empty());
        assert!(!ws.set_meta("nope", Meta::default(), &b));
    }

    #[test]
    fn export_import_round_trip_is_byte_for_byte() {
        let b = bundled();
        let mut ws = Workspace::default();
        let tricky = "سطر أول\n\u{FEFF}«اقتباس» <script>alert(1)</script> &amp; \"q\" \\ \u{200F}\t\n\n";
        ws.articles.push(article("a", tricky));
        ws.articles.push(Article { encoding: "windows-1256".into(), ..article("w", "نص ويندوز") });
        ws.bundled.removed.push("b1".into());
        ws.bundled.edits.insert("b2".into(), Meta { title: "t".into(), ..Default::default() });
        ws.decisions.push(Decision::Merge { keep: "per-a".into(), absorb: "per-b".into() });
        ws.decisions.push(Decision::Split { entity: "loc-x".into(), spelling: "س".into() });
        ws.settings.set_shown_types([true, false, true, false]);
        let json = ws.export_json();
        assert!(json.contains("\"schema\": \"qarin.workspace/1\""));
        let (back, skipped) = Workspace::import(&json, &b).unwrap();
        assert!(skipped.is_empty());
        assert_eq!(back, ws);
        assert_eq!(back.articles[0].text, tricky);
        assert_eq!(back.export_json(), json, "export → import → export is the same file");
        assert_eq!(back.settings.shown_types(), [true, false, true, false]);
    }

    #[test]
    fn import_refuses_other_files_and_repairs_articles() {
        let b = bundled();
        assert!(matches!(Workspace::import("not json", &b), Err(ImportError::NotJson(_))));
        assert_eq!(
            Workspace::import(r#"{"schema":"qarin.analysis/1","documents":[]}"#, &b),
            Err(ImportError::WrongSchema("qarin.analysis/1".into()))
        );
        assert_eq!(Workspace::import("{}", &b), Err(ImportError::WrongSchema(String::new())));
        let raw = r#"{"schema":"qarin.workspace/1","articles":[
            {"id":"b1","text":"نص\r\nمكرر"},
            {"id":"../x y","title":"","text":"عنوان\nنص"},
            {"id":"e","title":"فارغ","text":"  "},
            {"id":"b1","text":"ثالث"}],
            "bundled":{"removed":["b2","gone"],"edits":{"gone":{}}},
            "settings":{"hidden_types":["PER","XYZ"]},
            "extra":"ignored"}"#;
        let (ws, skipped) = Workspace::import(raw, &b).unwrap();
        let ids: Vec<&str> = ws.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b1-2", "x_y", "b1-3"]);
        assert_eq!(ws.articles[0].text, "نص\nمكرر");
        assert_eq!(ws.articles[1].title, "عنوان");
        assert_eq!(skipped, ["فارغ: empty"]);
        assert_eq!(ws.bundled.removed, ["b2"]);
        assert!(ws.bundled.shown && ws.bundled.edits.is_empty());
        assert_eq!(ws.settings.hidden_types, ["PER"]);
    }

    /// Every change, then its undo, gives the workspace back.
    #[test]
    fn every_change_undoes() {
        let b = bundled();
        let mut ws = Workspace::default();
        ws.articles.push(article("mine", "نصي"));
        ws.articles.push(article("other", "نص آخر"));
        ws.decisions.push(Decision::Merge { keep: "a".into(), absorb: "b".into() });
        let start = ws.clone();
        let check = |ws: &mut Workspace, u: Undo| {
            ws.undo(u, &b);
            assert_eq!(*ws, start);
        };
        let (ids, u) = ws.add(vec![article("b1", "جديد"), article("mine", "ثان")], &b);
        assert_eq!(ids, ["b1-2", "mine-2"]);
        assert_eq!(ws.articles.len(), 4);
        check(&mut ws, u);
        let u = ws.remove("mine", &b).unwrap();
        assert_eq!(ws.articles.len(), 1);
        check(&mut ws, u);
        let u = ws.remove("b2", &b).unwrap();
        assert_eq!(ws.documents(&b).len(), 3);
        check(&mut ws, u);
        assert_eq!(ws.remove("nope", &b), None);
        let m = Meta { title: "عنوان".into(), ..Meta::of(&b[1]) };
        let u = ws.edit_meta("b2", m.clone(), &b).unwrap();
        assert_eq!(ws.bundled.edits["b2"], m);
        check(&mut ws, u);
        let u = ws.edit_meta("mine", Meta { outlet: "الجزيرة".into(), title: "mine".into(), ..Meta::default() }, &b).unwrap();
        assert_eq!(ws.articles[0].outlet, "الجزيرة");
        check(&mut ws, u);
        assert_eq!(ws.edit_meta("mine", Meta { title: "mine".into(), ..Meta::default() }, &b), None, "nothing changed");
        let u = ws.show_bundled(false).unwrap();
        assert_eq!(ws.show_bundled(false), None);
        check(&mut ws, u);
        ws.remove("b1", &b);
        let before = ws.clone();
        let u = ws.restore_removed().unwrap();
        assert!(ws.bundled.removed.is_empty());
        ws.undo(u, &b);
        assert_eq!(ws, before);
        ws = start.clone();
        let u = ws.show_types([false, true, true, true]).unwrap();
        assert_eq!(ws.settings.hidden_types, ["PER"]);
        check(&mut ws, u);
        let d = Decision::Split { entity: "x".into(), spelling: "س".into() };
        let u = ws.decide(d.clone());
        assert_eq!(ws.decisions.len(), 2);
        check(&mut ws, u);
        let u = ws.retract(&start.decisions[0]).unwrap();
        assert!(ws.decisions.is_empty());
        check(&mut ws, u);
        let u = ws.replace(Workspace::default());
        assert!(ws.articles.is_empty());
        check(&mut ws, u);
    }

    #[test]
    fn undoing_a_removal_after_the_id_was_taken_renames() {
        let b = bundled();
        let mut ws = Workspace::default();
        ws.articles.push(article("a", "نص"));
        let u = ws.remove("a", &b).unwrap();
        ws.articles.push(article("a", "نص آخر"));
        assert_eq!(ws.undo(u, &b).as_deref(), Some("a-2"));
        assert_eq!(ws.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a-2", "a"]);
    }

    #[test]
    fn only_web_addresses_are_linked() {
        assert_eq!(safe_url(" https://example.org/a?b=1 "), Some("https://example.org/a?b=1"));
        assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", " data:text/html,x", "//evil", "example.org", "https://", "https://a b", "http://x\u{0}"] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_index_holds_no_text() {
        let mut ws = Workspace::default();
        ws.articles.push(article("a", "نص طويل"));
        ws.articles.push(article("b", "نص لم يحفظ"));
        let stored: HashSet<String> = ["a".to_string()].into();
        let index = ws.index_json(&stored);
        assert!(!index.contains("نص"));
        let back = Workspace::from_index(&index).unwrap();
        assert_eq!(back.articles.len(), 1);
        assert_eq!(back.articles[0].id, "a");
        assert_eq!(text_key("a"), "qarin.text.a");
        assert!(Workspace::from_index("{\"schema\":\"x\"}").is_err());
    }
}
