//! All application state in one place: an [`AppState`] of signals, provided as context by `App`.
//!
//! - the user's [`Workspace`] (articles, decisions, settings), changed only by its own undoable
//!   operations ([`crate::actions`]), and the interface language and theme: saved by the one
//!   persisting effect ([`persist`]);
//! - the analysis, run by an effect whenever the memo of what to analyse changes ([`analysis`]);
//! - the view (article, entity, tab), mirrored in the URL hash;
//! - the status area's messages ([`notices`]).

pub mod analysis;
pub mod cache;
pub mod data;
pub mod notices;
pub mod persist;
mod store;

pub use data::{Data, MarkInfo, ReaderDoc};
pub use notices::{line, named, named2, said, said_with, Level, Line, Notice, Notices};

use crate::browser;
use crate::hash::{HashState, View};
use crate::i18n::{self, coverage_text, type_name, Key, Lang};
use crate::table::Sort;
use crate::workspace::Workspace;
use leptos::prelude::*;
use qarin_engine::{Document, EntityType};
use std::sync::Arc;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Where the app is in loading the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Analysing,
    Ready,
    Failed(String),
}

/// A file read with a guessed encoding, waiting for the user to confirm its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub name: String,
    pub loaded: qarin_engine::input::corpus::Loaded,
}

/// Every signal the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    pub status: RwSignal<Status>,
    pub data: RwSignal<Option<Arc<Data>>>,
    pub view: RwSignal<View>,
    /// The article open in the reader.
    pub doc: RwSignal<Option<String>>,
    /// The selected entity (the panel is open when set).
    pub entity: RwSignal<Option<String>>,
    /// The mention last jumped to or clicked: (article id, start offset in code points).
    pub current: RwSignal<Option<(String, usize)>>,
    /// A pending request to scroll the reader to a mention and focus it.
    pub scroll_to: RwSignal<Option<(String, usize)>>,
    /// The fact row selected in the facts view.
    pub fact: RwSignal<Option<String>>,
    /// A fact value or quote highlighted in the reader: (article id, byte start, byte end).
    pub fact_hit: RwSignal<Option<(String, usize, usize)>>,
    /// Highlight on/off per type, in `EntityType::ALL` order (from the workspace's settings).
    pub shown_types: Memo<[bool; 4]>,
    pub filter_text: RwSignal<String>,
    pub filter_type: RwSignal<Option<EntityType>>,
    pub sort: RwSignal<Sort>,
    /// Text for the polite live region.
    pub announcement: RwSignal<String>,
    /// Bumped to move focus to the entity panel's heading once it has rendered.
    pub focus_panel: RwSignal<u32>,
    /// The element that opened the panel, to give focus back when it closes.
    pub opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// The article in the reader, cut into pieces.
    pub reader_doc: Memo<Option<Arc<ReaderDoc>>>,
    /// The user's workspace (articles, decisions, settings), saved after every change.
    pub workspace: RwSignal<Workspace>,
    /// The bundled corpus, as built into the app.
    pub bundled: StoredValue<Arc<Vec<Document>>>,
    /// The last analysis before decisions, with what it analysed (see [`analysis`]).
    pub raw: RwSignal<Option<Arc<analysis::Raw>>>,
    /// Work to do once the next analysis is shown (open an added article, restore focus).
    pub after_data: StoredValue<Vec<Box<dyn FnOnce()>>, LocalStorage>,
    /// The user's articles are left out of the analysis (it crashed on them last time).
    pub suspended: RwSignal<bool>,
    /// An analysis is being updated.
    pub busy: RwSignal<bool>,
    /// Steps done and in all of the analysis running, if one is.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Number of the latest analysis job: an older one still running gives up.
    pub job: StoredValue<u32>,
    /// The stored workspace has been read (the analysis waits for it).
    pub loaded: RwSignal<bool>,
    /// How much the browser stores for the site, of how much it allows.
    pub storage_use: RwSignal<Option<persist::StorageUse>>,
    /// Bumped to save again after storage refused a write.
    pub save_again: RwSignal<u32>,
    /// Files are being dragged over the page.
    pub dragging: RwSignal<bool>,
    /// The status area's messages.
    pub notices: Notices,
    /// Files whose guessed encoding awaits confirmation, first shown first.
    pub previews: RwSignal<Vec<Pending>>,
    /// The paste form is open.
    pub paste_open: RwSignal<bool>,
}

/// An analysis whose articles hold a megabyte of text or more: its reader waits a task.
fn large(d: &Data) -> bool {
    d.analysis.documents.iter().map(|x| x.text.len()).sum::<usize>() >= analysis::LARGE_BYTES
}

impl AppState {
    pub fn new(bundled: Vec<Document>) -> Self {
        let prefs = persist::load_prefs();
        let initial = crate::hash::parse(&browser::location_hash()).unwrap_or_default();
        let data: RwSignal<Option<Arc<Data>>> = RwSignal::new(None);
        let doc = RwSignal::new(initial.doc);
        // A large analysis reaches the reader one task after the other views (`reader_data`, set
        // after a yield): cutting a long article into pieces and marks, and drawing the rest of the
        // page, are then two tasks, not one of over 50 ms (8 MB, ~500,000 mentions). Meanwhile
        // the reader keeps the article it shows.
        let reader_data: RwSignal<Option<Arc<Data>>> = RwSignal::new(None);
        // The reader's article of a large analysis, cut before `reader_data` is set.
        let prebuilt: StoredValue<Option<Arc<ReaderDoc>>> = StoredValue::new(None);
        Effect::new(move |_| {
            let d = data.get();
            if d.as_deref().is_some_and(large) {
                leptos::task::spawn_local(async move {
                    crate::job::yield_to_page().await;
                    let current = data.with_untracked(|cur| match (cur, &d) {
                        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                        _ => false,
                    });
                    if !current {
                        return;
                    }
                    // The article open in the reader, cut in tasks of its own: its marks, then
                    // its pieces (an 8 MB article: ~500,000 of each, ~25 ms each).
                    let open = doc.get_untracked().and_then(|id| d.as_deref().and_then(|x| x.doc_index(&id)));
                    if let (Some(x), Some(i)) = (d.as_deref(), open) {
                        let (marks, entities) = ReaderDoc::marks(x, i);
                        crate::job::yield_to_page().await;
                        let still = data.with_untracked(|cur| cur.as_ref().zip(d.as_ref()).is_some_and(|(a, b)| Arc::ptr_eq(a, b)));
                        if !still {
                            return;
                        }
                        prebuilt.set_value(Some(Arc::new(ReaderDoc::from_marks(x, i, marks, entities))));
                        crate::job::yield_to_page().await;
                    }
                    reader_data.set(d);
                });
            }
        });
        let reader_doc = Memo::new(move |prev: Option<&Option<Arc<ReaderDoc>>>| {
            let id = doc.get()?;
            data.with(|d| {
                let d = d.as_ref()?;
                let ready = reader_data.with(|r| r.as_ref().is_some_and(|r| Arc::ptr_eq(r, d)));
                if large(d) && !ready {
                    return prev.cloned().flatten().filter(|rd| rd.id == id);
                }
                let i = d.doc_index(&id)?;
                if let Some(rd) = prebuilt.try_update_value(|p| p.take()).flatten().filter(|rd| rd.id == id && rd.labels == d.labels) {
                    browser::mark("qarin:reader-doc-built");
                    return Some(rd);
                }
                let rd = ReaderDoc::build(d, i);
                browser::mark("qarin:reader-doc-built");
                Some(Arc::new(rd))
            })
        });
        let workspace = RwSignal::new(Workspace::default());
        let state = AppState {
            lang: RwSignal::new(prefs.lang),
            theme: RwSignal::new(prefs.theme),
            status: RwSignal::new(Status::Analysing),
            data,
            view: RwSignal::new(initial.view),
            doc,
            entity: RwSignal::new(initial.entity),
            current: RwSignal::new(None),
            scroll_to: RwSignal::new(None),
            fact: RwSignal::new(initial.fact),
            fact_hit: RwSignal::new(None),
            shown_types: Memo::new(move |_| workspace.with(|ws| ws.settings.shown_types())),
            filter_text: RwSignal::new(String::new()),
            filter_type: RwSignal::new(None),
            sort: RwSignal::new(Sort::default()),
            announcement: RwSignal::new(String::new()),
            focus_panel: RwSignal::new(0),
            opener: StoredValue::new_local(None),
            reader_doc,
            workspace,
            bundled: StoredValue::new(Arc::new(bundled)),
            raw: RwSignal::new(None),
            after_data: StoredValue::new_local(Vec::new()),
            suspended: RwSignal::new(false),
            busy: RwSignal::new(false),
            progress: RwSignal::new(None),
            job: StoredValue::new(0),
            loaded: RwSignal::new(false),
            storage_use: RwSignal::new(None),
            save_again: RwSignal::new(0),
            dragging: RwSignal::new(false),
            notices: Notices::new(),
            previews: RwSignal::new(Vec::new()),
            paste_open: RwSignal::new(false),
        };
        state.watch_for_updates();
        persist::install(state, prefs);
        analysis::install(state);
        state
    }

    pub fn t(&self, key: Key) -> &'static str {
        i18n::t(self.lang.get(), key)
    }

    /// The state the URL hash records.
    pub fn hash_state(&self) -> HashState {
        HashState {
            view: self.view.get(),
            doc: self.doc.get(),
            entity: self.entity.get(),
            fact: self.fact.get(),
        }
    }

    /// Take a state from the URL hash, keeping only ids that exist once the analysis is known.
    pub fn apply_hash(&self, hs: HashState) {
        let (doc, entity) = self.validate(hs.doc, hs.entity);
        set_if_changed(self.view, hs.view);
        if hs.view == View::Facts {
            set_if_changed(self.fact, hs.fact);
        }
        if self.doc.get_untracked() != doc {
            self.current.set(None);
            self.doc.set(doc);
        }
        set_if_changed(self.entity, entity);
    }

    /// Unknown article → the first article; unknown entity → none. Before the analysis exists
    /// ids are kept as they are.
    fn validate(
        &self,
        doc: Option<String>,
        entity: Option<String>,
    ) -> (Option<String>, Option<String>) {
        self.data.with_untracked(|d| match d {
            None => (doc, entity),
            Some(d) => {
                let doc = doc
                    .filter(|id| d.doc(id).is_some())
                    .or_else(|| d.analysis.documents.first().map(|x| x.id.clone()));
                let entity = entity.filter(|id| d.entity(id).is_some());
                (doc, entity)
            }
        })
    }

    /// Keep the opening of the analysis' first article for the next visit's first view
    /// (`crate::snapshot`), with the types the reader shows.
    pub fn keep_first_view(&self) {
        let shown = self.shown_types.get_untracked();
        self.data.with_untracked(|d| match d.as_ref().and_then(|d| d.analysis.documents.first()) {
            Some(first) => {
                let snap = crate::snapshot::build(first, i18n::names_count(Lang::En, first.mentions.len()), shown);
                if let Ok(json) = serde_json::to_string(&snap) {
                    browser::storage_set(crate::snapshot::KEY, &json);
                }
            }
            None => browser::storage_remove(crate::snapshot::KEY),
        });
    }

    /// Install a finished analysis, re-check the ids that came from the URL, then do what
    /// waited for it.
    pub fn set_data(&self, data: Data) {
        self.data.set(Some(Arc::new(data)));
        let (doc, entity) = self.validate(self.doc.get_untracked(), self.entity.get_untracked());
        set_if_changed(self.doc, doc);
        set_if_changed(self.entity, entity);
        // The first view prerendered at build time has done its job; the next visit's first view
        // is this analysis' first article (`crate::snapshot`).
        browser::remove_element("#prerender");
        self.keep_first_view();
        self.status.set(Status::Ready);
        let waiting = std::mem::take(&mut *self.after_data.write_value());
        for f in waiting {
            f();
        }
    }

    /// Do `f` once the next analysis is shown.
    pub fn after_analysis(&self, f: impl FnOnce() + 'static) {
        self.after_data.update_value(|v| v.push(Box::new(f)));
    }

    /// Open an article in the reader.
    pub fn open_doc(&self, id: &str) {
        set_if_changed(self.view, View::Reader);
        set_if_changed(self.fact_hit, None);
        if self.doc.get_untracked().as_deref() != Some(id) {
            self.current.set(None);
            self.doc.set(Some(id.to_string()));
        }
        let title = self.data.with_untracked(|d| {
            d.as_ref().and_then(|d| {
                d.doc_index(id)
                    .map(|i| d.doc_title(i, self.lang.get_untracked()))
            })
        });
        if let Some(title) = title {
            self.announce(format!(
                "{}: {title}",
                i18n::t(self.lang.get_untracked(), Key::OpenedArticle)
            ));
        }
    }

    /// Select an entity and open its panel. `opener` gets focus back when the panel closes;
    /// `focus` moves focus into the panel.
    pub fn select_entity(&self, id: &str, opener: Option<web_sys::HtmlElement>, focus: bool) {
        self.opener.set_value(opener);
        set_if_changed(self.entity, Some(id.to_string()));
        if focus {
            self.focus_panel.update(|n| *n = n.wrapping_add(1));
        }
        let lang = self.lang.get_untracked();
        let msg = self.data.with_untracked(|d| {
            let d = d.as_ref()?;
            let e = d.entity(id)?;
            Some(format!(
                "{}: {} — {} ({}). {}.",
                i18n::t(lang, Key::SelectedEntity),
                type_name(lang, e.kind),
                e.label,
                e.latin,
                coverage_text(lang, e.coverage(), d.doc_count())
            ))
        });
        if let Some(msg) = msg {
            self.announce(msg);
        }
    }

    /// Close the entity panel and give focus back to what opened it.
    pub fn close_panel(&self) {
        if self.entity.get_untracked().is_none() {
            return;
        }
        self.entity.set(None);
        self.announce(i18n::t(self.lang.get_untracked(), Key::PanelClosed).to_string());
        match self.opener.get_value().filter(|el| el.is_connected()) {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                if let Some(main) = browser::html_element("#app") {
                    browser::focus_no_scroll(&main);
                }
            }
        }
        self.opener.set_value(None);
    }

    /// Open `doc` in the reader, mark the mention starting at `start` as current, scroll to it and
    /// focus it.
    pub fn jump(&self, doc: &str, start: usize) {
        set_if_changed(self.view, View::Reader);
        set_if_changed(self.fact_hit, None);
        set_if_changed(self.doc, Some(doc.to_string()));
        self.current.set(Some((doc.to_string(), start)));
        self.scroll_to.set(Some((doc.to_string(), start)));
    }

    /// Open `doc` in the reader with the text between byte offsets `start` and `end` highlighted
    /// (a fact's value or a quote), scrolled into view.
    pub fn jump_span(&self, doc: &str, start: usize, end: usize) {
        set_if_changed(self.view, View::Reader);
        set_if_changed(self.doc, Some(doc.to_string()));
        self.current.set(None);
        self.fact_hit.set(Some((doc.to_string(), start, end)));
        crate::browser::scroll_to_hit(0);
    }

    /// Say something in the polite live region (re-announces identical text too).
    pub fn announce(&self, msg: String) {
        let msg = if self.announcement.get_untracked() == msg {
            format!("{msg}\u{00A0}")
        } else {
            msg
        };
        self.announcement.set(msg);
    }
}

pub(crate) fn set_if_changed<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
    if s.with_untracked(|cur| *cur != v) {
        s.set(v);
    }
}
