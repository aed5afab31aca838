//! What the user can do, as methods of [`AppState`]: each changes the workspace through one of its
//! undoable operations ([`crate::workspace::Workspace`]) and says what happened. Saving and the
//! analysis follow by themselves (the effects of [`crate::state::persist`] and
//! [`crate::state::analysis`]).
//!
//! | file | what |
//! |---|---|
//! | [`add`] | files chosen or dropped, pasted text, guessed encodings |
//! | [`annotations`] | CoNLL and brat files imported as corrections of names |
//! | [`edit`] | removing articles, their details, the bundled corpus, highlighting, merge and split |
//! | [`transfer`] | exporting and importing the workspace |
//!
//! Document text is only ever put into the page as text nodes, whatever it contains.

mod add;
pub mod annotations;
mod edit;
mod transfer;

use crate::browser;
use crate::i18n::{self, Key, Lang};
use crate::state::{line, named, named2, persist, said, said_with, AppState, Level, Line};
use crate::workspace::{Undo, Workspace};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

impl AppState {
    fn lang_now(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Change the workspace with one of its operations; its undo, if it changed anything.
    fn change<T>(&self, op: impl FnOnce(&mut Workspace) -> T) -> T {
        let mut out = None;
        crate::state::persist::edited();
        self.workspace.update(|ws| out = Some(op(ws)));
        out.expect("update runs its closure")
    }

    /// Say `msg` with an "Undo" that applies `undo` (once), then opens the article it brings back.
    fn offer_undo(&self, kind: &'static str, msg: Line, undo: Undo) {
        let state = *self;
        let undo = Rc::new(RefCell::new(Some(undo)));
        let notice = Rc::new(Cell::new(0u32));
        let notice2 = notice.clone();
        let action: Rc<dyn Fn()> = Rc::new(move || {
            let Some(u) = undo.borrow_mut().take() else {
                return;
            };
            state.notices.dismiss(notice2.get());
            let bundled = state.bundled.get_value();
            let back = state.change(|ws| ws.undo(u, &bundled));
            if let Some(id) = back {
                state.after_analysis(move || state.open_doc(&id));
            }
        });
        notice.set(self.notices.notify(Level::Info, kind, vec![msg], Some((Key::Undo, action))));
    }

    /// Messages about what loading the stored workspace found.
    pub(crate) fn after_load(&self, stored: &persist::Loaded) {
        if let Some(err) = stored.unavailable.clone() {
            self.notices.notify(Level::Error, "storage", vec![named(i18n::storage_unavailable, err)], None);
        }
        if let Some((err, aside)) = stored.unreadable.clone() {
            self.notices.notify(Level::Error, "storage-unreadable", vec![named2(i18n::workspace_unreadable, err, aside)], None);
        }
        if !stored.missing.is_empty() {
            let lines = stored.missing.iter().cloned().map(|t| named(i18n::text_missing, t)).collect();
            self.notices.notify(Level::Error, "storage-missing", lines, None);
        }
        let n = stored.workspace.articles.len();
        if stored.crashed && n > 0 {
            self.suspended.set(true);
            let state = *self;
            let again: Rc<dyn Fn()> = Rc::new(move || {
                state.notices.dismiss_kind("crashed");
                state.suspended.set(false);
            });
            let mut lines = vec![line(move |l| i18n::crashed(l, n))];
            if let Some(cause) = stored.crash_cause.clone() {
                lines.push(said_with(Key::CrashedCause, vec![("cause", cause)]));
            }
            self.notices.notify(Level::Error, "crashed", lines, Some((Key::Reanalyse, again)));
        }
    }

    /// A new version of the site, installed by the service worker (`register-sw.js` fires
    /// `qarin-update-ready` on the window, and sets `__qarinUpdateReady` in case it fired
    /// before the app started): offer to reload rather than keep running the old one silently.
    pub(crate) fn watch_for_updates(&self) {
        use wasm_bindgen::prelude::*;
        use wasm_bindgen::JsCast;
        let Some(w) = web_sys::window() else { return };
        let state = *self;
        let offer = move || {
            state.notices.dismiss_kind("update");
            let reload: Rc<dyn Fn()> = Rc::new(|| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            });
            state.notices.notify(Level::Info, "update", vec![said(Key::UpdateReady)], Some((Key::ReloadNow, reload)));
        };
        let ready = web_sys::js_sys::Reflect::get(&w, &JsValue::from_str("__qarinUpdateReady")).is_ok_and(|v| v.is_truthy());
        if ready {
            offer();
        }
        let on_ready = Closure::<dyn FnMut()>::new(offer);
        let _ = w.add_event_listener_with_callback("qarin-update-ready", on_ready.as_ref().unchecked_ref());
        on_ready.forget();
    }

    /// Keep focus in the page (not on `<body>`) once the next analysis is shown: the buttons of
    /// a removed article are gone.
    fn keep_focus(&self) {
        self.after_analysis(|| {
            let lost = leptos::prelude::document().active_element().is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if lost {
                if let Some(main) = browser::html_element("#app") {
                    browser::focus_no_scroll(&main);
                }
            }
        });
    }
}
