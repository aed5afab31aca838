//! The analysis, kept in step with the workspace by effects, not by hand:
//!
//! - a memo of the documents to analyse (the bundled ones the user kept, then the user's; the
//!   user's are left out while `suspended`), and a memo of its key (ids and text fingerprints);
//! - when the key changes, an effect runs the analysis as a job in slices ([`crate::job`]); a
//!   newer change supersedes a job still running;
//! - when the analysis, the articles' metadata or the decisions change, an effect applies the
//!   decisions and the metadata and gives the views the result ([`AppState::set_data`]).
//!
//! So a change of title or a merge never re-analyses, and a change of text always does; so does
//! a correction of a name (the tagger learns from the corrections first,
//! `qarin_engine::tagger::learn`), which shows at once, applied to the analysis at hand, while the
//! new analysis runs.

use super::{persist, AppState, Data, Level, Status};
use crate::job::Finished;
use crate::browser;
use crate::workspace::Source;
use leptos::prelude::*;
use qarin_engine::decisions::Decision;
use qarin_engine::{Analysis, Document};
use std::sync::Arc;

/// An analysis before decisions, and what it analysed.
pub struct Raw {
    /// Ids and text fingerprints of the documents, in order.
    pub key: Vec<(String, u64)>,
    /// The reader's corrections of names the tagger learned from before this analysis.
    pub names: Vec<Decision>,
    /// Shared with the views when no decision or detail changes it.
    pub analysis: Arc<Analysis>,
}

/// Start the effects (once, from [`AppState::new`]).
pub fn install(state: AppState) {
    let docs = Memo::new(move |_| {
        let bundled = state.bundled.get_value();
        let suspended = state.suspended.get();
        state.workspace.with(|ws| ws.documents(&bundled)).into_iter().filter(|(_, s)| !(suspended && *s == Source::User)).collect::<Vec<(Document, Source)>>()
    });
    let key = Memo::new(move |_| {
        browser::mark("qarin:documents-listed");
        docs.with(|d| d.iter().map(|(d, _)| (d.id.clone(), persist::fingerprint(&d.text))).collect::<Vec<_>>())
    });
    let decisions = Memo::new(move |_| state.workspace.with(|ws| ws.decisions.clone()));
    // The corrections of names: the tagger learns from them, so a change re-analyses (the
    // correction itself shows at once, applied to the analysis at hand, meanwhile).
    let names = Memo::new(move |_| decisions.with(|d| d.iter().filter(|d| d.is_name()).cloned().collect::<Vec<_>>()));

    // What to analyse changed: analyse it.
    let nothing_saved = persist::nothing_saved();
    Effect::new(move |_| {
        let key = key.get();
        let names = names.get();
        // Not before the stored workspace is read, so that the first analysis is of what the user
        // kept; unless nothing was ever stored here (a first visit: the bundled articles at once).
        if !state.loaded.get() && !nothing_saved {
            return;
        }
        if matches!(state.status.get_untracked(), Status::Failed(_)) || state.raw.with_untracked(|r| r.as_ref().is_some_and(|r| r.key == key && r.names == names)) {
            return;
        }
        run(state, key, docs, names);
    });

    // The analysis, the metadata or the decisions changed: show it. With no decision and the
    // articles' details as analysed (adding articles), the views share the analysis as it came;
    // otherwise they get a copy with the details and the decisions applied, made a document at a
    // time, yielding to the page every ~SLICE_MS (a copy of a thousand articles took one task of
    // 80 ms); a newer change drops a copy under way.
    let copying = StoredValue::new(0u32);
    Effect::new(move |_| {
        let Some(raw) = state.raw.get() else { return };
        let decisions = decisions.get();
        let same = |raw: &Raw, docs: &[(Document, Source)]| raw.key.len() == docs.len() && raw.key.iter().zip(docs).all(|((id, _), (d, _))| *id == d.id);
        let meta: Option<Vec<[String; 3]>> = docs.with(|docs| same(&raw, docs).then(|| docs.iter().map(|(d, _)| [d.title.clone(), d.outlet.clone(), d.date.clone()]).collect()));
        let Some(meta) = meta else {
            return; // an analysis of other articles is on its way
        };
        let run = copying.get_value().wrapping_add(1);
        copying.set_value(run);
        leptos::task::spawn_local(async move {
            let src = &raw.analysis;
            let as_analysed = src.documents.iter().zip(&meta).all(|(d, [title, outlet, date])| d.title == *title && d.outlet == *outlet && d.date == *date);
            let applied = if decisions.is_empty() && as_analysed {
                src.clone()
            } else {
                let mut documents = Vec::with_capacity(src.documents.len());
                let mut since = crate::job::now();
                for (da, [title, outlet, date]) in src.documents.iter().zip(meta) {
                    documents.push(qarin_engine::DocumentAnalysis { title, outlet, date, ..da.clone() });
                    if crate::job::now() - since > crate::job::SLICE_MS {
                        crate::job::yield_to_page().await;
                        if copying.get_value() != run {
                            return;
                        }
                        since = crate::job::now();
                    }
                }
                // The entities (thousands, for a thousand articles) the same way.
                let mut entities = Vec::with_capacity(src.entities.len());
                for e in &src.entities {
                    entities.push(e.clone());
                    if crate::job::now() - since > crate::job::SLICE_MS {
                        crate::job::yield_to_page().await;
                        if copying.get_value() != run {
                            return;
                        }
                        since = crate::job::now();
                    }
                }
                // The rest, and applying the decisions, in a task of its own.
                crate::job::yield_to_page().await;
                if copying.get_value() != run {
                    return;
                }
                let a = Analysis {
                    schema: src.schema.clone(),
                    documents,
                    entities,
                    facts: src.facts.clone(),
                    quotes: src.quotes.clone(),
                    wire: src.wire.clone(),
                    reuse: src.reuse.clone(),
                    suggestions: src.suggestions.clone(),
                };
                // The copy just made is the result (decisions applied to it, no second copy).
                let applied = Arc::new(qarin_engine::decisions::apply_owned(a, &decisions));
                browser::mark("qarin:decisions-applied");
                // Showing it (the views render) in a task of its own.
                crate::job::yield_to_page().await;
                applied
            };
            docs.with_untracked(|docs| {
                if copying.get_value() != run || !same(&raw, docs) {
                    return;
                }
                let data = Data::new(applied, docs, &raw.analysis);
                browser::mark("qarin:data-built");
                state.set_data(data);
                browser::mark("qarin:data-set");
            });
        });
    });
}

/// From this much text on, taking the documents for an analysis is a task of its own.
pub(crate) const LARGE_BYTES: usize = 1 << 20;

/// Analyse `docs` as a job in slices, then hand the result to the effects (unless a newer job
/// superseded this one).
fn run(state: AppState, key: Vec<(String, u64)>, docs: Memo<Vec<(Document, Source)>>, names: Vec<Decision>) {
    let generation = state.job.get_value().wrapping_add(1);
    state.job.set_value(generation);
    if state.status.get_untracked() == Status::Ready {
        state.busy.set(true);
    }
    // Many articles (a megabyte of text or more) are taken in a task of their own, not in the one
    // that changed the workspace (it renders too), and sent from the next (a thousand articles
    // take 20 ms to copy); a few are taken at once (a yield costs the first highlight a turn of
    // the page's busy first second).
    let large = docs.with_untracked(|d| d.iter().map(|(d, _)| d.text.len()).sum::<usize>()) >= LARGE_BYTES;
    leptos::task::spawn_local(async move {
        if large {
            crate::job::yield_to_page().await;
            if state.job.get_value() != generation {
                return;
            }
        }
        let docs: Vec<Document> = docs.with_untracked(|d| d.iter().map(|(d, _)| d.clone()).collect());
        if large {
            crate::job::yield_to_page().await;
            if state.job.get_value() != generation {
                return;
            }
        }
        let guard = persist::analysis_running(true);
        browser::mark("qarin:analysis-start");
        let report = |p: qarin_engine::Progress| (state.job.get_value() == generation).then(|| state.progress.set(Some((p.done, p.total))));
        let assets_failed = |e: String| {
            state.notices.notify(super::Level::Error, "assets", vec![super::said_with(crate::i18n::Key::AssetsFailed, vec![("err", e)])], None);
        };
        let content = super::cache::content_key(&docs, &key, &names);
        let analysis = match crate::job::analyse(&docs, &names, report, assets_failed, Some(content)).await {
            Finished::Done(a) => a,
            Finished::Superseded => return, // a newer job reports its own end
            Finished::Stopped(cause) => return stopped(state, generation, guard, &docs, &cause),
        };
        browser::mark("qarin:analysis-end");
        // Showing many articles (rendering) is a task of its own; a few are shown at once (on a
        // first visit the page's queue is long: a yield cost the first highlight ~100 ms).
        if large {
            crate::job::yield_to_page().await;
            if state.job.get_value() != generation {
                return;
            }
        }
        if guard {
            persist::analysis_running(false);
        }
        state.progress.set(None);
        state.raw.set(Some(Arc::new(Raw { key, names, analysis: Arc::new(analysis) })));
        // Whichever job finishes last ends the "Updating…" state.
        state.busy.set(false);
    });
}

/// The engine stopped on an error in the worker (the page lives on): the user's articles are
/// kept but left out of the analysis, with the cause and a way to analyse them again, as after
/// a crash of the page. When only the bundled articles were analysed, the analysis failed.
fn stopped(state: AppState, generation: u32, guard: bool, docs: &[Document], cause: &str) {
    if state.job.get_value() != generation {
        return;
    }
    if guard {
        persist::analysis_running(false);
    }
    state.progress.set(None);
    state.busy.set(false);
    let bundled = state.bundled.get_value();
    let user = docs.iter().filter(|d| !bundled.iter().any(|b| b.id == d.id)).count();
    if user == 0 {
        state.status.set(Status::Failed(cause.to_string()));
        return;
    }
    let again: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(move || {
        state.notices.dismiss_kind("crashed");
        state.suspended.set(false);
    });
    let cause = cause.to_string();
    let lines = vec![super::said(crate::i18n::Key::AnalysisStopped), super::said_with(crate::i18n::Key::CrashedCause, vec![("cause", cause)])];
    state.notices.notify(Level::Error, "crashed", lines, Some((crate::i18n::Key::Reanalyse, again)));
    // What was waiting for this analysis (e.g. opening the added article) no longer applies.
    state.after_data.set_value(Vec::new());
    state.suspended.set(true);
    // The article in the reader was one of those left out: show the first one still analysed.
    let shown = state.doc.get_untracked();
    if shown.is_some_and(|id| !bundled.iter().any(|b| b.id == id)) {
        state.current.set(None);
        state.doc.set(bundled.first().map(|b| b.id.clone()));
    }
}
