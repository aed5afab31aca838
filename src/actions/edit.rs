//! Changing what is there: removing articles (with "Undo"), their details, the bundled corpus,
//! the highlighting, and the user's merge and split decisions.

use crate::i18n::{self, Lang};
use crate::state::{line, named, said, said_with, set_if_changed, AppState};
use crate::workspace::Meta;
use leptos::prelude::*;
use qarin_engine::decisions::Decision;

impl AppState {
    /// Remove an article (a user's, or a bundled one), offering "Undo" for a while.
    pub fn remove_doc(&self, id: &str) {
        let bundled = self.bundled.get_value();
        let lang: Lang = self.lang_now();
        let title = self.data.with_untracked(|d| d.as_ref().and_then(|d| d.doc_index(id).map(|i| d.doc_title(i, lang)))).unwrap_or_else(|| id.to_string());
        let Some(undo) = self.change(|ws| ws.remove(id, &bundled)) else {
            return;
        };
        self.keep_focus();
        self.offer_undo("removed", named(i18n::removed, title), undo);
    }

    /// Set an article's title, outlet, date and address.
    pub fn set_meta(&self, id: &str, meta: Meta) {
        let bundled = self.bundled.get_value();
        self.change(|ws| ws.edit_meta(id, meta, &bundled));
    }

    /// Include or leave out the bundled corpus.
    pub fn set_show_bundled(&self, shown: bool) {
        if self.workspace.with_untracked(|ws| ws.bundled.shown) != shown {
            self.change(|ws| ws.show_bundled(shown));
        }
    }

    /// Bring back the bundled articles removed one by one.
    pub fn restore_removed_bundled(&self) {
        self.change(|ws| ws.restore_removed());
    }

    /// Switch a type's highlighting (remembered with the workspace).
    pub fn set_type_shown(&self, i: usize, on: bool) {
        let mut shown = self.shown_types.get_untracked();
        shown[i] = on;
        self.change(|ws| ws.show_types(shown));
        self.keep_first_view();
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
        self.change(|ws| ws.decide(Decision::Merge { keep: keep.to_string(), absorb: absorb.to_string() }));
        set_if_changed(self.entity, Some(keep.to_string()));
        self.announce(i18n::merged(self.lang_now(), &absorbed, &kept));
    }

    /// Answer a suggested link: `a` and `b` are two (see `Decision::Apart`).
    pub fn keep_apart(&self, a: &str, b: &str) {
        let (la, lb) = self.data.with_untracked(|d| {
            let d = d.as_ref();
            let label = |id: &str| d.and_then(|d| d.entity(id)).map(|e| e.label.clone()).unwrap_or_else(|| id.to_string());
            (label(a), label(b))
        });
        self.change(|ws| ws.decide(Decision::Apart { a: a.to_string(), b: b.to_string() }));
        self.announce(i18n::kept_apart(self.lang_now(), &la, &lb));
    }

    /// Split the mentions spelled `spelling` off `entity`.
    pub fn split(&self, entity: &str, spelling: &str) {
        self.change(|ws| ws.decide(Decision::Split { entity: entity.to_string(), spelling: spelling.to_string() }));
        self.announce(i18n::split_done(self.lang_now(), spelling));
    }

    /// Correct a name ([`Decision::Name`] or [`Decision::NotName`]; `name` is the words, for the
    /// message), offering "Undo".
    pub fn correct(&self, d: Decision, name: &str) {
        let name = i18n::isolate(name);
        let msg = match &d {
            Decision::Name { kind, .. } => {
                let kind = *kind;
                line(move |l| i18n::tf(l, i18n::Key::CorrectDone, &[("name", &name), ("type", i18n::type_name(l, kind))]))
            }
            _ => said_with(i18n::Key::CorrectGone, vec![("name", name)]),
        };
        let undo = self.change(|ws| ws.decide(d));
        self.offer_undo("corrected", msg, undo);
    }

    /// Take back every correction of a name, offering "Undo".
    pub fn reset_corrections(&self) {
        if let Some(undo) = self.change(|ws| ws.reset_names()) {
            self.offer_undo("corrected", said(i18n::Key::CorrectionsReset), undo);
        }
    }

    /// Take a decision back.
    pub fn undo_decision(&self, d: &Decision) {
        self.change(|ws| ws.retract(d));
        self.announce(i18n::t(self.lang_now(), i18n::Key::DecisionUndone).to_string());
    }
}
