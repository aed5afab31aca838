//! Annotations made elsewhere (a CoNLL file, brat `.ann` files, such as the research formats
//! Qarin downloads) imported as corrections: in each article they cover, their names become
//! the article's names (a name marked where the file has one that is not shown, "no name" where
//! a name is shown but the file has none), as if the reader had corrected them one by one; one
//! "Undo" takes them all back. The files are read by the engine's importers
//! (`qarin_engine::export::{conll, brat}::import`, as `qarin import` reads them).

use crate::i18n::{self, Key};
use crate::state::{line, said_with, AppState, Level, Line};
use leptos::prelude::*;
use qarin_engine::decisions::Decision;
use qarin_engine::export::{brat, conll, Imported};

/// Whether a file's name says it holds annotations rather than an article.
pub fn is_annotations(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".conll") || n.ends_with(".ann")
}

impl AppState {
    /// Import annotation files (name, UTF-8 bytes) as corrections of the articles they name.
    pub fn import_annotations(&self, files: Vec<(String, Vec<u8>)>) {
        let (mut decisions, mut lines, mut errors): (_, Vec<Line>, Vec<Line>) = (Vec::new(), Vec::new(), Vec::new());
        self.data.with_untracked(|data| {
            let Some(data) = data.as_ref() else { return };
            let docs = &data.analysis.documents;
            let texts: Vec<(&str, &str)> = docs.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
            for (name, bytes) in &files {
                let raw = String::from_utf8_lossy(bytes);
                let failed = |e| {
                    let name = name.clone();
                    line(move |l| i18n::annotations_failed(l, &name, &e))
                };
                let read: Result<Vec<Imported>, Line> = if name.to_ascii_lowercase().ends_with(".conll") {
                    conll::import(&raw, &texts).map_err(failed)
                } else {
                    let stem = name[..name.len() - 4].to_string();
                    match texts.iter().find(|(id, _)| brat::file_stem(id) == stem) {
                        Some((id, text)) => brat::import(&raw, id, text).map(|i| vec![i]).map_err(failed),
                        None => {
                            let name = i18n::isolate(name);
                            Err(line(move |l| i18n::tf(l, Key::AnnotationsFailed, &[("file", &name), ("why", &i18n::tf(l, Key::AnnotationsNoArticle, &[("stem", &i18n::isolate(&stem))]))])))
                        }
                    }
                };
                let imported = match read {
                    Ok(i) => i,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                let before = decisions.len();
                for imp in imported {
                    let Some(d) = docs.iter().find(|d| d.id == imp.document) else { continue };
                    for m in &d.mentions {
                        if !imp.spans.iter().any(|s| s.start < m.end && m.start < s.end) {
                            decisions.push(Decision::NotName { doc: d.id.clone(), start: m.start, end: m.end });
                        }
                    }
                    for s in &imp.spans {
                        if !d.mentions.iter().any(|m| (m.start, m.end, m.kind) == (s.start, s.end, s.kind)) {
                            decisions.push(Decision::Name { doc: d.id.clone(), start: s.start, end: s.end, kind: s.kind });
                        }
                    }
                }
                let n = decisions.len() - before;
                let key = if n == 0 { Key::AnnotationsNone } else { Key::AnnotationsImported };
                lines.push(said_with(key, vec![("file", i18n::isolate(name)), ("n", n.to_string())]));
            }
        });
        if !errors.is_empty() {
            self.notices.notify(Level::Error, "input-error", errors, None);
        }
        if decisions.is_empty() {
            if !lines.is_empty() {
                self.notices.notify(Level::Info, "corrected", lines, None);
            }
            return;
        }
        let undo = self.change(|ws| ws.decide_all(decisions));
        self.offer_undo("corrected", line(|l| lines.iter().map(|f| f.text(l)).collect::<Vec<_>>().join(" ")), undo);
    }
}
