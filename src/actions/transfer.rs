//! The workspace as one file: export, and import (with "Undo").

use crate::browser;
use crate::files::{Content, Picked};
use crate::i18n;
use crate::state::{line, AppState, Level, Line};
use crate::workspace::{ImportError, Workspace, MAX_IMPORT_BYTES};
use leptos::prelude::*;

/// "The workspace file was refused", worded when shown.
fn import_failed(name: String, e: ImportError) -> Line {
    line(move |l| crate::i18n::import_failed(l, &name, &e))
}

impl AppState {
    /// Download the workspace as `qarin-workspace.json` (`qarin.workspace/1`).
    pub fn export_workspace(&self) {
        let json = self.workspace.with_untracked(Workspace::export_json);
        browser::download("qarin-workspace.json", "application/json;charset=utf-8", &json);
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

    /// Replace the workspace with a workspace file's, offering "Undo" for a while.
    pub fn import_workspace(&self, picked: Picked) {
        let name = picked.name;
        let refuse = |l: Line| {
            self.notices.notify(Level::Error, "import-error", vec![l], None);
        };
        let raw = match picked.content {
            Content::TooLarge(size) => return refuse(import_failed(name.clone(), ImportError::TooLarge(size as usize))),
            Content::Failed(e) => {
                return refuse(crate::state::named2(i18n::read_failed, name.clone(), e));
            }
            Content::Bytes(b) => b,
        };
        let text = String::from_utf8_lossy(&raw);
        let bundled = self.bundled.get_value();
        match Workspace::import(&text, &bundled) {
            Err(e) => refuse(import_failed(name, e)),
            Ok((ws, skipped)) => {
                let n = ws.articles.len();
                let undo = self.change(|current| current.replace(ws));
                self.suspended.set(false);
                self.offer_undo("imported", line(move |l| i18n::imported(l, &name, n, &skipped)), undo);
            }
        }
    }
}
