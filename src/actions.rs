//! What the user can do to the workspace, as methods of [`AppState`]: add articles (files,
//! dropped files, pasted text), confirm a guessed encoding, remove (with undo), edit metadata,
//! hide the bundled corpus, merge and split entities, export and import. Every change is saved
//! to browser storage at once ([`crate::persist`]) and the analysis updated.
//!
//! Document text is only ever put into the page as text nodes, whatever it contains.

use crate::browser;
use crate::files::{Content, Picked};
use crate::i18n::{self, t, Key, Lang};
use crate::persist::{self, PENDING_KEY};
use crate::state::{set_if_changed, AppState, Data, Level, Notice, Pending};
use crate::workspace::{Article, Meta, Source, Workspace, MAX_IMPORT_BYTES};
use leptos::prelude::*;
use qarin_engine::corpus::{read_document, Loaded};
use qarin_engine::decisions::Decision;
use qarin_engine::input::{InputWarning, MAX_DOCUMENT_BYTES};
use qarin_engine::Document;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

/// How long an "Undo" stays offered.
const UNDO_FOR: Duration = Duration::from_secs(10);
/// How long a plain information message stays.
const INFO_FOR: Duration = Duration::from_secs(8);

impl AppState {
    fn lang_now(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Messages about what loading the stored workspace found.
    pub(crate) fn after_load(self, stored: persist::Loaded) -> Self {
        let lang = self.lang_now();
        if let Some((err, aside)) = &stored.unreadable {
            self.notify(Level::Error, "storage-unreadable", vec![i18n::workspace_unreadable(lang, err, aside)], None);
        }
        if !stored.missing.is_empty() {
            let lines = stored.missing.iter().map(|t| i18n::text_missing(lang, t)).collect();
            self.notify(Level::Error, "storage-missing", lines, None);
        }
        let n = stored.workspace.articles.len();
        if stored.crashed && n > 0 {
            self.suspended.set(true);
            let state = self;
            self.notify(
                Level::Error,
                "crashed",
                vec![i18n::crashed(lang, n)],
                Some((
                    Key::Reanalyse,
                    Rc::new(move || {
                        state.dismiss_kind("crashed");
                        state.suspended.set(false);
                        state.refresh_later(true, None);
                    }),
                )),
            );
        }
        self
    }

    // ----- messages -----

    /// Show a message in the status area. Information goes after a while; warnings and errors
    /// stay until dismissed; a message with an "Undo" goes after [`UNDO_FOR`].
    pub fn notify(&self, level: Level, kind: &'static str, lines: Vec<String>, action: Option<(Key, Rc<dyn Fn()>)>) -> u32 {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id.wrapping_add(1));
        let timeout = match (&action, level) {
            (Some((Key::Undo, _)), _) => Some(UNDO_FOR),
            (None, Level::Info) => Some(INFO_FOR),
            _ => None,
        };
        self.notices.update(|n| n.push(Notice { id, level, kind, lines, action }));
        if let Some(after) = timeout {
            let state = *self;
            set_timeout(move || state.dismiss(id), after);
        }
        id
    }

    pub fn dismiss(&self, id: u32) {
        if self.notices.with_untracked(|n| n.iter().any(|x| x.id == id)) {
            self.notices.update(|n| n.retain(|x| x.id != id));
        }
    }

    pub fn dismiss_kind(&self, kind: &str) {
        if self.notices.with_untracked(|n| n.iter().any(|x| x.kind == kind)) {
            self.notices.update(|n| n.retain(|x| x.kind != kind));
        }
    }

    // ----- analysis -----

    /// Recompute what the views show: analyse again when the articles changed (or `force`),
    /// otherwise reuse the last analysis with the current metadata; then apply the decisions.
    /// An analysis runs as a job in slices between which the page paints (see [`crate::job`]);
    /// a newer refresh supersedes one still running.
    pub fn refresh(&self, force: bool) {
        self.refresh_then(force, None);
    }

    /// [`refresh`](Self::refresh) showing "Updating the analysis…" while it runs, then `then`.
    pub fn refresh_later(&self, force: bool, then: Option<Box<dyn FnOnce()>>) {
        self.busy.set(true);
        self.refresh_then(force, then);
    }

    fn refresh_then(&self, force: bool, then: Option<Box<dyn FnOnce()>>) {
        let bundled = self.bundled.get_value();
        let suspended = self.suspended.get_untracked();
        let docs: Vec<(Document, Source)> = self
            .workspace
            .with_untracked(|ws| ws.documents(&bundled))
            .into_iter()
            .filter(|(_, s)| !(suspended && *s == Source::User))
            .collect();
        let ids: Vec<String> = docs.iter().map(|(d, _)| d.id.clone()).collect();
        let cached = self.raw.get_value().filter(|(i, _)| !force && *i == ids);
        let generation = self.job.get_value().wrapping_add(1);
        self.job.set_value(generation);
        if let Some((_, a)) = cached {
            let mut a = (*a).clone();
            for (da, (d, _)) in a.documents.iter_mut().zip(&docs) {
                da.title = d.title.clone();
                da.outlet = d.outlet.clone();
                da.date = d.date.clone();
            }
            // No analysis runs any more (one still running is superseded): nothing to guard.
            browser::storage_remove(PENDING_KEY);
            self.progress.set(None);
            self.show(ids, Arc::new(a), &docs);
            self.busy.set(false);
            if let Some(f) = then {
                f();
            }
            return;
        }
        if force {
            // The texts changed under the same ids: the last analysis must not be reused.
            self.raw.set_value(None);
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            // Marks the analysis as running: if the page dies in it (a panic aborts the wasm),
            // the next start leaves the user's articles out and says so instead of dying again.
            let guard = browser::storage_try_set(PENDING_KEY, "1").is_ok();
            let plain: Vec<Document> = docs.iter().map(|(d, _)| d.clone()).collect();
            browser::mark("qarin:analysis-start");
            let analysis = crate::job::analyse(&plain, |p| {
                (state.job.get_value() == generation).then(|| state.progress.set(Some((p.done, p.total))))
            })
            .await;
            let Some(analysis) = analysis else {
                return; // superseded by a newer refresh, which reports its own end
            };
            browser::mark("qarin:analysis-end");
            // Showing it (rendering) is a task of its own.
            crate::job::yield_to_page().await;
            if state.job.get_value() != generation {
                return;
            }
            if guard {
                browser::storage_remove(PENDING_KEY);
            }
            state.progress.set(None);
            state.show(ids, Arc::new(analysis), &docs);
            // Whichever refresh finishes last ends the "Updating…" state (a superseded one never
            // gets here, nor runs its `then`).
            state.busy.set(false);
            if let Some(f) = then {
                f();
            }
        });
    }

    /// Apply the decisions to `raw` and give the views the result.
    fn show(&self, ids: Vec<String>, raw: Arc<qarin_engine::Analysis>, docs: &[(Document, Source)]) {
        let decisions = self.workspace.with_untracked(|ws| ws.decisions.clone());
        let applied = qarin_engine::decisions::apply(&raw, &decisions);
        browser::mark("qarin:decisions-applied");
        self.raw.set_value(Some((ids, raw.clone())));
        let data = Data::new(applied, docs, &raw);
        browser::mark("qarin:data-built");
        self.set_data(data);
        browser::mark("qarin:data-set");
    }

    // ----- saving -----

    /// Save the workspace in browser storage, reporting a refusal (and clearing an earlier
    /// report once saving works again).
    pub fn save(&self) {
        let shown = self.shown_types.get_untracked();
        self.workspace.update_untracked(|ws| ws.settings.set_shown_types(shown));
        let mut saved = self.stored.get_value();
        let result = self.workspace.with_untracked(|ws| persist::save(ws, &mut saved));
        self.stored.set_value(saved);
        self.dismiss_kind("storage");
        if let Err(u) = result {
            let state = *self;
            self.notify(
                Level::Error,
                "storage",
                vec![i18n::storage_failed(self.lang_now(), &u.articles, &u.error)],
                Some((Key::Retry, Rc::new(move || state.save()))),
            );
        }
    }

    // ----- adding -----

    /// Files chosen or dropped, once read: decode each, report each refusal, queue guessed
    /// encodings for confirmation, add the rest.
    pub fn add_picked(&self, picked: Vec<Picked>) {
        let state = *self;
        // Decoding hundreds of files is spread over slices like the analysis (`crate::job`).
        leptos::task::spawn_local(async move {
            let lang = state.lang_now();
            let mut errors = Vec::new();
            let mut ready = Vec::new();
            let mut started = crate::job::now();
            for p in picked {
                if crate::job::now() - started >= crate::job::SLICE_MS {
                    crate::job::yield_to_page().await;
                    started = crate::job::now();
                }
                match p.content {
                    Content::TooLarge(size) => errors.push(i18n::too_large(lang, &p.name, size)),
                    Content::Failed(e) => errors.push(i18n::read_failed(lang, &p.name, &e)),
                    Content::Bytes(bytes) => match read_document(&p.name, &bytes) {
                        Err(e) => errors.push(i18n::input_error(lang, &p.name, &e)),
                        Ok(l) if l.guessed => state.previews.update(|q| q.push(Pending { name: p.name, loaded: l })),
                        Ok(l) => ready.push((p.name, l)),
                    },
                }
            }
            if !errors.is_empty() {
                state.notify(Level::Error, "input-error", errors, None);
            }
            browser::mark("qarin:files-decoded");
            state.add_loaded(ready);
        });
    }

    /// Add read documents to the workspace (new ids), save, analyse, open the first.
    pub fn add_loaded(&self, items: Vec<(String, Loaded)>) {
        self.add_documents(items, None);
    }

    /// [`add_loaded`](Self::add_loaded), recording `encoding` (e.g. `pasted`) instead of the
    /// encoding the file was read in.
    fn add_documents(&self, items: Vec<(String, Loaded)>, encoding: Option<&str>) {
        if items.is_empty() {
            return;
        }
        let lang = self.lang_now();
        let bundled = self.bundled.get_value();
        let added_at = browser::now_iso();
        let mut names = Vec::new();
        let mut warnings = Vec::new();
        let mut first = None;
        self.workspace.update(|ws| {
            for (name, l) in items {
                let id = ws.new_id(&l.doc.file, &bundled);
                if l.warnings.contains(&InputWarning::NoArabic) {
                    warnings.push(i18n::no_arabic(lang, &name));
                }
                if qarin_engine::input::is_html_name(&name) {
                    warnings.push(i18n::html_extracted(lang, &name));
                }
                first.get_or_insert_with(|| id.clone());
                names.push(name);
                ws.articles.push(Article {
                    id,
                    file: l.doc.file,
                    title: l.doc.title,
                    encoding: encoding.unwrap_or(l.encoding.label()).to_string(),
                    added: added_at.clone(),
                    text: l.doc.text,
                    ..Article::default()
                });
            }
        });
        browser::mark("qarin:added-to-workspace");
        self.save();
        browser::mark("qarin:saved");
        self.notify(Level::Info, "added", vec![i18n::added(lang, &names)], None);
        if !warnings.is_empty() {
            self.notify(Level::Warning, "input-warning", warnings, None);
        }
        let state = *self;
        self.refresh_later(
            false,
            Some(Box::new(move || {
                if let Some(id) = first {
                    state.open_doc(&id);
                }
            })),
        );
    }

    /// Add pasted text. Returns false (and says why) when there is nothing to add.
    pub fn add_pasted(&self, title: &str, text: &str) -> bool {
        let lang = self.lang_now();
        let text = qarin_engine::input::normalize_newlines(text);
        if text.trim().is_empty() {
            self.notify(Level::Error, "input-error", vec![t(lang, Key::PasteEmpty).to_string()], None);
            return false;
        }
        let name = t(lang, Key::PastedText).to_string();
        if text.len() > MAX_DOCUMENT_BYTES {
            self.notify(Level::Error, "input-error", vec![i18n::too_large(lang, &name, text.len() as f64)], None);
            return false;
        }
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut warnings = Vec::new();
        if !text.chars().any(qarin_engine::input::encoding::is_arabic_letter) {
            warnings.push(InputWarning::NoArabic);
        }
        let doc = Document {
            id: String::new(),
            file: String::new(),
            title: if title.is_empty() { qarin_engine::input::default_title(&text) } else { title },
            text,
            ..Document::default()
        };
        let display = if doc.title.is_empty() { name } else { doc.title.clone() };
        let loaded = Loaded { doc, encoding: qarin_engine::input::TextEncoding::Utf8, guessed: false, warnings };
        self.add_documents(vec![(display, loaded)], Some("pasted"));
        true
    }

    /// The user confirmed the text of the first file awaiting confirmation.
    pub fn confirm_preview(&self) {
        let Some(p) = self.previews.with_untracked(|q| q.first().cloned()) else {
            return;
        };
        self.previews.update(|q| {
            q.remove(0);
        });
        self.add_loaded(vec![(p.name, p.loaded)]);
    }

    /// The user refused the text of the first file awaiting confirmation.
    pub fn cancel_preview(&self) {
        let Some(p) = self.previews.with_untracked(|q| q.first().cloned()) else {
            return;
        };
        self.previews.update(|q| {
            q.remove(0);
        });
        self.notify(Level::Info, "not-added", vec![i18n::not_added(self.lang_now(), &p.name)], None);
    }

    // ----- removing and editing -----

    /// Remove an article (a user's, or a bundled one), offering "Undo" for a while.
    pub fn remove_doc(&self, id: &str) {
        let bundled = self.bundled.get_value();
        let lang = self.lang_now();
        let title = self
            .data
            .with_untracked(|d| d.as_ref().and_then(|d| d.doc_index(id).map(|i| d.doc_title(i, lang))))
            .unwrap_or_else(|| id.to_string());
        enum Removed {
            User(usize, Article),
            Bundled(String),
        }
        let mut removed = None;
        self.workspace.update(|ws| {
            if let Some(i) = ws.articles.iter().position(|a| a.id == id) {
                removed = Some(Removed::User(i, ws.articles.remove(i)));
            } else if bundled.iter().any(|d| d.id == id) && !ws.bundled.removed.iter().any(|x| x == id) {
                ws.bundled.removed.push(id.to_string());
                removed = Some(Removed::Bundled(id.to_string()));
            }
        });
        let Some(removed) = removed else {
            return;
        };
        self.save();
        // The removed article's buttons are gone: keep focus in the page, not on <body>.
        self.refresh_later(
            false,
            Some(Box::new(|| {
                let lost = leptos::prelude::document()
                    .active_element()
                    .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
                if lost {
                    if let Some(main) = browser::html_element("#app") {
                        browser::focus_no_scroll(&main);
                    }
                }
            })),
        );
        let msg = i18n::removed(lang, &title);
        let state = *self;
        let removed = Rc::new(std::cell::RefCell::new(Some(removed)));
        let notice = Rc::new(std::cell::Cell::new(0u32));
        let notice2 = notice.clone();
        let undo: Rc<dyn Fn()> = Rc::new(move || {
            let Some(r) = removed.borrow_mut().take() else {
                return;
            };
            state.dismiss(notice2.get());
            let bundled = state.bundled.get_value();
            let mut back = String::new();
            state.workspace.update(|ws| match r {
                Removed::User(i, mut a) => {
                    if ws.articles.iter().any(|x| x.id == a.id) || bundled.iter().any(|d| d.id == a.id) {
                        a.id = ws.new_id(&format!("{}.txt", a.id), &bundled);
                    }
                    back = a.id.clone();
                    let i = i.min(ws.articles.len());
                    ws.articles.insert(i, a);
                }
                Removed::Bundled(id) => {
                    ws.bundled.removed.retain(|x| *x != id);
                    back = id;
                }
            });
            state.save();
            state.refresh_later(false, Some(Box::new(move || state.open_doc(&back))));
        });
        notice.set(self.notify(Level::Info, "removed", vec![msg], Some((Key::Undo, undo))));
    }

    /// Set an article's title, outlet, date and address.
    pub fn set_meta(&self, id: &str, meta: Meta) {
        let bundled = self.bundled.get_value();
        let mut changed = false;
        self.workspace.update(|ws| changed = ws.set_meta(id, meta, &bundled));
        if changed {
            self.save();
            self.refresh(false);
        }
    }

    /// Include or leave out the bundled corpus.
    pub fn set_show_bundled(&self, shown: bool) {
        if self.workspace.with_untracked(|ws| ws.bundled.shown) == shown {
            return;
        }
        self.workspace.update(|ws| ws.bundled.shown = shown);
        self.save();
        self.refresh_later(false, None);
    }

    /// Bring back the bundled articles removed one by one.
    pub fn restore_removed_bundled(&self) {
        self.workspace.update(|ws| ws.bundled.removed.clear());
        self.save();
        self.refresh_later(false, None);
    }

    /// Switch a type's highlighting and remember it.
    pub fn set_type_shown(&self, i: usize, on: bool) {
        self.shown_types.update(|s| s[i] = on);
        self.save();
    }

    // ----- decisions -----

    fn change_decisions(&self, f: impl FnOnce(&mut Vec<Decision>)) {
        self.workspace.update(|ws| f(&mut ws.decisions));
        self.save();
        self.refresh(false);
    }

    /// Merge `absorb` into `keep`.
    pub fn merge(&self, keep: &str, absorb: &str) {
        if keep == absorb {
            return;
        }
        let (kept, absorbed) = self.data.with_untracked(|d| {
            let d = d.as_ref();
            let label = |id: &str| d.and_then(|d| d.entity(id)).map(|e| e.label.clone()).unwrap_or_else(|| id.to_string());
            (label(keep), label(absorb))
        });
        let d = Decision::Merge { keep: keep.to_string(), absorb: absorb.to_string() };
        self.change_decisions(|ds| ds.push(d));
        set_if_changed(self.entity, Some(keep.to_string()));
        self.announce(i18n::merged(self.lang_now(), &absorbed, &kept));
    }

    /// Split the mentions spelled `spelling` off `entity`.
    pub fn split(&self, entity: &str, spelling: &str) {
        let d = Decision::Split { entity: entity.to_string(), spelling: spelling.to_string() };
        self.change_decisions(|ds| ds.push(d));
        self.announce(i18n::split_done(self.lang_now(), spelling));
    }

    /// Take a decision back.
    pub fn undo_decision(&self, d: &Decision) {
        self.change_decisions(|ds| {
            if let Some(i) = ds.iter().position(|x| x == d) {
                ds.remove(i);
            }
        });
        self.announce(i18n::decision_undone(self.lang_now()).to_string());
    }

    // ----- export and import -----

    /// Download the workspace as `qarin-workspace.json` (`qarin.workspace/1`).
    pub fn export_workspace(&self) {
        let shown = self.shown_types.get_untracked();
        self.workspace.update_untracked(|ws| ws.settings.set_shown_types(shown));
        let json = self.workspace.with_untracked(Workspace::export_json);
        browser::download("qarin-workspace.json", "application/json;charset=utf-8", &json);
    }

    /// Replace the workspace with a workspace file's, offering "Undo" for a while.
    pub fn import_workspace(&self, picked: Picked) {
        let lang = self.lang_now();
        let name = picked.name;
        let raw = match picked.content {
            Content::TooLarge(size) => {
                let e = crate::workspace::ImportError::TooLarge(size as usize);
                self.notify(Level::Error, "import-error", vec![i18n::import_failed(lang, &name, &e)], None);
                return;
            }
            Content::Failed(e) => {
                self.notify(Level::Error, "import-error", vec![i18n::read_failed(lang, &name, &e)], None);
                return;
            }
            Content::Bytes(b) => b,
        };
        let text = String::from_utf8_lossy(&raw);
        let bundled = self.bundled.get_value();
        match Workspace::import(&text, &bundled) {
            Err(e) => {
                self.notify(Level::Error, "import-error", vec![i18n::import_failed(lang, &name, &e)], None);
            }
            Ok((ws, skipped)) => {
                let n = ws.articles.len();
                let previous = self.workspace.get_untracked();
                let previous_shown = self.shown_types.get_untracked();
                self.shown_types.set(ws.settings.shown_types());
                self.workspace.set(ws);
                self.suspended.set(false);
                self.save();
                self.refresh_later(true, None);
                let state = *self;
                let previous = Rc::new(std::cell::RefCell::new(Some(previous)));
                let notice = Rc::new(std::cell::Cell::new(0u32));
                let notice2 = notice.clone();
                let undo: Rc<dyn Fn()> = Rc::new(move || {
                    let Some(p) = previous.borrow_mut().take() else {
                        return;
                    };
                    state.dismiss(notice2.get());
                    state.shown_types.set(previous_shown);
                    state.workspace.set(p);
                    state.save();
                    state.refresh_later(true, None);
                });
                let msg = i18n::imported(lang, &name, n, &skipped);
                notice.set(self.notify(Level::Info, "imported", vec![msg], Some((Key::Undo, undo))));
            }
        }
    }

    /// Read a chosen workspace file and import it.
    pub fn import_file(&self, file: web_sys::File) {
        let state = *self;
        crate::files::read_all(vec![file], MAX_IMPORT_BYTES, move |mut picked| {
            if let Some(p) = picked.pop() {
                state.import_workspace(p);
            }
        });
    }

    /// Read chosen or dropped article files and add them.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        browser::mark("qarin:files-chosen");
        let state = *self;
        crate::files::read_all(files, MAX_DOCUMENT_BYTES, move |picked| state.add_picked(picked));
    }
}
