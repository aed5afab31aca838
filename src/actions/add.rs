//! Adding articles: files chosen or dropped, pasted text, files whose encoding was guessed.

use crate::browser;
use crate::files::{Content, Picked};
use crate::i18n::{self, t, Key};
use crate::state::{line, named, named2, said, AppState, Level, Pending};
use crate::workspace::Article;
use leptos::prelude::*;
use qarin_engine::input::corpus::{read_document, Loaded};
use qarin_engine::input::{InputWarning, MAX_DOCUMENT_BYTES};
use qarin_engine::Document;

thread_local! {
    /// The names the shown "Added" notice lists.
    static RECENTLY_ADDED: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Files from this size on are read (decoded, HTML extracted) in the worker: an 8 MB file took the
/// page 100 ms; one of 256 KB takes ~3 ms, less than the round trip.
const READ_IN_WORKER_BYTES: usize = 256 * 1024;

/// Read one file: in the worker when it is large and there is one, else here.
async fn read(name: &str, bytes: &[u8]) -> Result<Loaded, qarin_engine::input::InputError> {
    if bytes.len() >= READ_IN_WORKER_BYTES {
        if let Some(read) = crate::worker::decode(name, bytes).await {
            return read;
        }
    }
    read_document(name, bytes)
}

/// "The file is too large", worded when shown.
fn too_large(name: String, size: f64) -> crate::state::Line {
    line(move |l| i18n::too_large(l, &name, size))
}

/// Refusals listed one by one up to this many; more are counted in one line, the list folded.
const SUMMARISE_OVER: usize = 3;

impl AppState {
    /// Read chosen or dropped article files and add them.
    pub fn add_files(&self, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        browser::mark("qarin:files-chosen");
        let state = *self;
        crate::files::read_all(files, MAX_DOCUMENT_BYTES, move |picked| state.add_picked(picked));
    }

    /// Files chosen or dropped, once read: decode each, report each refusal, queue guessed
    /// encodings for confirmation, add the rest.
    pub fn add_picked(&self, picked: Vec<Picked>) {
        let state = *self;
        // Decoding hundreds of files is spread over slices like the analysis (`crate::job`).
        leptos::task::spawn_local(async move {
            let mut errors = Vec::new();
            let mut refusals = i18n::Refusals::default();
            let mut ready = Vec::new();
            let mut annotations = Vec::new();
            let mut started = crate::job::now();
            for p in picked {
                if crate::job::now() - started >= crate::job::SLICE_MS {
                    crate::job::yield_to_page().await;
                    started = crate::job::now();
                }
                match p.content {
                    Content::TooLarge(size) => {
                        refusals.too_large += 1;
                        errors.push(too_large(p.name.clone(), size));
                    }
                    Content::Failed(e) => {
                        refusals.unreadable += 1;
                        errors.push(named2(i18n::read_failed, p.name.clone(), e));
                    }
                    Content::Bytes(bytes) if super::annotations::is_annotations(&p.name) => annotations.push((p.name, bytes)),
                    Content::Bytes(bytes) => match read(&p.name, &bytes).await {
                        Err(e) => {
                            refusals.add(&e);
                            let name = p.name.clone();
                            errors.push(line(move |l| i18n::input_error(l, &name, &e)));
                        }
                        Ok(l) if l.guessed => state.previews.update(|q| q.push(Pending { name: p.name, loaded: l })),
                        Ok(l) => ready.push((p.name, l)),
                    },
                }
            }
            if errors.len() > SUMMARISE_OVER {
                state.notices.notify_summary(Level::Error, "input-error", line(move |l| refusals.summary(l)), errors);
            } else if !errors.is_empty() {
                state.notices.notify(Level::Error, "input-error", errors, None);
            }
            browser::mark("qarin:files-decoded");
            // Adding them (the views, the analysis and storage follow) in a task of its own.
            crate::job::yield_to_page().await;
            state.add_loaded(ready, None);
            if !annotations.is_empty() {
                state.import_annotations(annotations);
            }
        });
    }

    /// Add read documents to the workspace, then open the first once analysed. `encoding`
    /// (e.g. `pasted`) replaces the encoding the file was read in.
    fn add_loaded(&self, items: Vec<(String, Loaded)>, encoding: Option<&str>) {
        if items.is_empty() {
            return;
        }
        let bundled = self.bundled.get_value();
        let added_at = browser::now_iso();
        let mut names = Vec::new();
        let mut warnings = Vec::new();
        let mut articles = Vec::new();
        for (name, l) in items {
            if l.warnings.contains(&InputWarning::NoArabic) {
                warnings.push(named(i18n::no_arabic, name.clone()));
            }
            if qarin_engine::input::is_html_name(&name) {
                warnings.push(named(i18n::html_extracted, name.clone()));
            }
            names.push(name);
            articles.push(Article {
                file: l.doc.file,
                title: l.doc.title,
                outlet: l.doc.outlet,
                encoding: encoding.unwrap_or(l.encoding.label()).to_string(),
                added: added_at.clone(),
                text: l.doc.text,
                ..Article::default()
            });
        }
        let (ids, _undo) = self.change(|ws| ws.add(articles, &bundled));
        browser::mark("qarin:added-to-workspace");
        // One "Added" notice, however many adds in a row: the names of those still shown join
        // the new ones (seven pastes no longer stack seven notices over the page).
        let all = RECENTLY_ADDED.with(|r| {
            let mut r = r.borrow_mut();
            if !self.notices.showing("added") {
                r.clear();
            }
            r.extend(names.iter().cloned());
            r.clone()
        });
        self.notices.dismiss_kind("added");
        self.notices.notify(Level::Info, "added", vec![line(move |l| i18n::added(l, &all))], None);
        if !warnings.is_empty() {
            self.notices.notify(Level::Warning, "input-warning", warnings, None);
        }
        if let Some(first) = ids.into_iter().next() {
            let state = *self;
            self.after_analysis(move || state.open_doc(&first));
        }
    }

    /// Add pasted text. Returns false (and says why) when there is nothing to add.
    pub fn add_pasted(&self, title: &str, text: &str) -> bool {
        let lang = self.lang_now();
        let text = qarin_engine::input::normalize_newlines(text);
        if text.trim().is_empty() {
            self.notices.notify(Level::Error, "input-error", vec![said(Key::PasteEmpty)], None);
            return false;
        }
        let name = t(lang, Key::PastedText).to_string();
        if text.len() > MAX_DOCUMENT_BYTES {
            self.notices.notify(Level::Error, "input-error", vec![too_large(name, text.len() as f64)], None);
            return false;
        }
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut warnings = Vec::new();
        if !text.chars().any(qarin_engine::input::encoding::is_arabic_letter) {
            warnings.push(InputWarning::NoArabic);
        }
        let doc = Document { title: if title.is_empty() { qarin_engine::input::default_title(&text) } else { title }, text, ..Document::default() };
        let display = if doc.title.is_empty() { name } else { doc.title.clone() };
        let loaded = Loaded { doc, encoding: qarin_engine::input::TextEncoding::Utf8, guessed: false, warnings };
        self.add_loaded(vec![(display, loaded)], Some("pasted"));
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
        self.add_loaded(vec![(p.name, p.loaded)], None);
    }

    /// The user refused the text of the first file awaiting confirmation.
    pub fn cancel_preview(&self) {
        let Some(p) = self.previews.with_untracked(|q| q.first().cloned()) else {
            return;
        };
        self.previews.update(|q| {
            q.remove(0);
        });
        self.notices.notify(Level::Info, "not-added", vec![named(i18n::not_added, p.name)], None);
    }
}
