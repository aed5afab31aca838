//! Keeping the workspace, the interface language and the theme in the browser.
//!
//! - The **workspace** lives in IndexedDB ([`super::store`]): per-article text records and a small
//!   index, every write one read-merge-write transaction, so two tabs never drop each other's
//!   changes. One effect ([`install`]) asks for a sync whenever the workspace changes; a sync
//!   that brings other tabs' changes sets the workspace, and a tab that wrote tells the others on
//!   the `BroadcastChannel` [`CHANNEL`], which sync in turn. Syncs of one tab run one at a time.
//! - The **language, theme** and the analysis' crash guard stay in localStorage (small, and read
//!   before the first paint or from the panic hook, where nothing can wait).
//! - A workspace kept in localStorage by an earlier version ([`INDEX_KEY`] and one key per text)
//!   is moved into IndexedDB on first load, and removed from localStorage once it is written.
//!
//! A write the browser refuses (quota exceeded, storage switched off) is reported as one alert:
//! what was not saved, how much space is left, "Try again" and "Download a backup"; everything
//! stays in the tab meanwhile, and the next change tries again.

use super::{store, AppState, Level, Theme};
use crate::browser::{storage_get, storage_keys, storage_remove, storage_set, storage_try_set};
use crate::i18n::{self, Key, Lang};
use crate::workspace::{text_key, Workspace, INDEX_KEY, TEXT_PREFIX};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use crate::workspace::fingerprint;

/// Set while an analysis runs; still there at the next start means the analysis crashed.
pub const PENDING_KEY: &str = "qarin.analysis-pending";
/// What the panic that stopped the analysis said (written by the panic hook).
pub const CRASH_CAUSE_KEY: &str = "qarin.analysis-crash-cause";
pub const LANG_KEY: &str = "qarin.lang";
pub const THEME_KEY: &str = "qarin.theme";
/// Set once this site has written a workspace to IndexedDB: without it (and with no workspace of
/// an earlier version in localStorage) there is nothing stored, and the bundled articles can be
/// shown without waiting for IndexedDB to open (a first visit: 300–450 ms).
pub const SAVED_KEY: &str = "qarin.saved";
/// The tabs' channel: "the workspace changed in storage".
pub const CHANNEL: &str = "qarin.workspace";

/// The preferences, read at once at start.
pub struct Prefs {
    pub lang: Lang,
    pub theme: Theme,
    /// The previous analysis never finished.
    pub crashed: bool,
    /// What the panic said, if the page recorded one.
    pub crash_cause: Option<String>,
}

pub fn load_prefs() -> Prefs {
    let lang = storage_get(LANG_KEY).and_then(|c| Lang::from_code(&c)).unwrap_or_else(|| if crate::browser::navigator_prefers_arabic() { Lang::Ar } else { Lang::En });
    let theme = match storage_get(THEME_KEY).as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if crate::browser::prefers_dark() => Theme::Dark,
        _ => Theme::Light,
    };
    Prefs { lang, theme, crashed: storage_get(PENDING_KEY).is_some(), crash_cause: storage_get(PENDING_KEY).and(storage_get(CRASH_CAUSE_KEY)) }
}

/// What loading the workspace found.
pub struct Loaded {
    pub workspace: Workspace,
    /// Titles of articles listed without a stored text (dropped).
    pub missing: Vec<String>,
    /// The index could not be read: (error, key it was moved to).
    pub unreadable: Option<(String, String)>,
    pub crashed: bool,
    pub crash_cause: Option<String>,
    /// Storage could not be opened or read (the workspace lives in this tab only).
    pub unavailable: Option<String>,
}

/// A workspace an earlier version kept in localStorage, if there is one: the index and the
/// texts it lists (titles of those whose text was gone are returned too).
fn load_local() -> Option<(Workspace, Vec<String>)> {
    let raw = storage_get(INDEX_KEY)?;
    let mut ws = Workspace::from_index(&raw).ok()?;
    let missing = ws.attach_texts(|id| storage_get(&text_key(id)));
    Some((ws, missing))
}

/// Nothing was ever stored here (see [`SAVED_KEY`]): the first analysis need not wait for the
/// stored workspace. (Should IndexedDB hold one anyway, it replaces the bundled articles once read,
/// as in any other case.)
pub fn nothing_saved() -> bool {
    storage_get(SAVED_KEY).is_none() && storage_get(INDEX_KEY).is_none()
}

/// Remove the localStorage workspace (once IndexedDB holds it).
fn forget_local() {
    storage_remove(INDEX_KEY);
    for key in storage_keys() {
        if key.starts_with(TEXT_PREFIX) {
            storage_remove(&key);
        }
    }
}

/// How much the origin stores, of how much the browser allows, and whether the browser keeps it
/// until the user clears it (`persisted`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUse {
    pub usage: f64,
    pub quota: f64,
    pub persisted: bool,
}

async fn promise(p: Result<web_sys::js_sys::Promise, JsValue>) -> Option<JsValue> {
    wasm_bindgen_futures::JsFuture::from(p.ok()?).await.ok()
}

/// Ask the browser to keep the workspace (`navigator.storage.persist()`, once per page) and read
/// the usage and quota.
async fn storage_use(ask: bool) -> Option<StorageUse> {
    let m = web_sys::window()?.navigator().storage();
    let persisted = if ask { promise(m.persist()).await } else { promise(m.persisted()).await };
    let est = promise(m.estimate()).await?;
    let get = |k: &str| web_sys::js_sys::Reflect::get(&est, &JsValue::from_str(k)).ok().and_then(|v| v.as_f64());
    Some(StorageUse { usage: get("usage")?, quota: get("quota")?, persisted: persisted.is_some_and(|v| v.is_truthy()) })
}

/// The sync machinery of this tab.
#[derive(Default)]
struct Sync {
    db: Option<web_sys::IdbDatabase>,
    /// What storage held when this tab last met it (a sketch).
    base: Workspace,
    running: bool,
    again: bool,
    /// Read storage even if nothing changed here (another tab wrote).
    read: bool,
    /// The workspace came from localStorage: remove it there once written here.
    migrating: bool,
    channel: Option<web_sys::BroadcastChannel>,
    asked_persist: bool,
}

thread_local! {
    static SYNC: RefCell<Sync> = RefCell::new(Sync::default());
}

/// Load the workspace (from IndexedDB, or moved from localStorage), then keep saving it: the one
/// effect that saves. `loaded` is set once the stored workspace is in place.
pub fn install(state: AppState, prefs: Prefs) {
    // The preferences: saved whenever they change.
    Effect::new(move |first: Option<()>| {
        let lang = state.lang.get();
        let theme = state.theme.get();
        if first.is_some() {
            storage_set(LANG_KEY, lang.code());
            storage_set(THEME_KEY, theme.code());
        }
    });
    leptos::task::spawn_local(async move {
        let loaded = load(prefs).await;
        crate::browser::mark("qarin:storage-loaded");
        // The user may have changed the workspace before it was read (the bundled articles show
        // at once on a first visit): then what storage holds is merged in, as another tab's
        // change would be, by a sync that starts at once; else the stored workspace is the tab's.
        // (A workspace moved from localStorage replaces the tab's, as before: the bundled articles
        // are not shown early then, see `nothing_saved`.)
        let early = EDITS.with(|e| e.get()) > 0 && !SYNC.with(|s| s.borrow().migrating);
        if early {
            SYNC.with(|s| {
                let mut s = s.borrow_mut();
                s.base = Workspace::default();
                s.read = true;
            });
        } else if let Some(ws) = Some(loaded.workspace.clone()).filter(|w| *w != Workspace::default()) {
            state.workspace.set(ws);
        }
        state.after_load(&loaded);
        state.loaded.set(true);
        install_channel(state);
        // The workspace: a sync whenever it changes (and when "Try again" bumps `save_again`).
        Effect::new(move |first: Option<()>| {
            state.workspace.track();
            state.save_again.track();
            if first.is_none() && !early && !SYNC.with(|s| s.borrow().migrating) {
                return;
            }
            request_sync(state, false);
        });
        refresh_use(state);
    });
}

async fn load(prefs: Prefs) -> Loaded {
    let mut out = Loaded { workspace: Workspace::default(), missing: Vec::new(), unreadable: None, crashed: prefs.crashed, crash_cause: prefs.crash_cause, unavailable: None };
    let db = match store::open().await {
        Ok(db) => {
            crate::browser::mark("qarin:storage-opened");
            db
        }
        Err(e) => {
            // No IndexedDB (switched off): keep what localStorage has, in this tab.
            if let Some((ws, missing)) = load_local() {
                out.workspace = ws;
                out.missing = missing;
            }
            out.unavailable = Some(e);
            return out;
        }
    };
    match store::load(&db).await {
        Ok(store::Stored::Found(ws, missing)) => {
            SYNC.with(|s| s.borrow_mut().base = ws.sketch());
            out.workspace = ws;
            out.missing = missing;
        }
        Ok(store::Stored::Empty) => {
            if let Some((ws, missing)) = load_local() {
                SYNC.with(|s| s.borrow_mut().migrating = true);
                out.workspace = ws;
                out.missing = missing;
            }
        }
        Ok(store::Stored::Unreadable(e, aside)) => out.unreadable = Some((e, aside)),
        Err(e) => out.unavailable = Some(e),
    }
    SYNC.with(|s| s.borrow_mut().db = Some(db));
    out
}

/// Another tab wrote: sync (which reads what it wrote).
fn install_channel(state: AppState) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let on_message = Closure::<dyn FnMut()>::new(move || {
        SYNC.with(|s| s.borrow_mut().read = true);
        request_sync(state, true);
    });
    channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    SYNC.with(|s| s.borrow_mut().channel = Some(channel));
}

/// Sync now, or once the sync running ends.
fn request_sync(state: AppState, read: bool) {
    let start = SYNC.with(|s| {
        let mut s = s.borrow_mut();
        s.read |= read;
        if s.db.is_none() {
            return false;
        }
        if s.running {
            s.again = true;
            return false;
        }
        s.running = true;
        true
    });
    if start {
        leptos::task::spawn_local(run(state));
    }
}

thread_local! {
    static EDITS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Count a change of the workspace made in this tab (`AppState::change` calls it): a sync that
/// finds the count moved does not replace the workspace with what it merged.
pub fn edited() {
    EDITS.with(|e| e.set(e.get().wrapping_add(1)));
}

async fn run(state: AppState) {
    loop {
        // Not in the task that changed the workspace: that one also renders and starts the
        // analysis (a thousand articles added: 31 ms of sketch on top of it).
        crate::job::yield_to_page().await;
        let (db, base, read) = SYNC.with(|s| {
            let mut s = s.borrow_mut();
            s.again = false;
            (s.db.clone(), s.base.clone(), std::mem::take(&mut s.read))
        });
        let Some(db) = db else { break };
        let edits = EDITS.with(|e| e.get());
        // The sketch, and the texts storage may lack: no copy of every text.
        let (sketch, texts) = state.workspace.with_untracked(|w| {
            let sketch = w.sketch();
            let stored: HashMap<&str, &str> = base.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
            let texts: HashMap<String, String> = w
                .articles
                .iter()
                .zip(&sketch.articles)
                .filter(|(_, s)| stored.get(s.id.as_str()) != Some(&s.text.as_str()))
                .map(|(a, _)| (a.id.clone(), a.text.clone()))
                .collect();
            (sketch, texts)
        });
        crate::browser::mark("qarin:sketched");
        if read || sketch != base {
            let bundled = state.bundled.get_value();
            let taken = |id: &str| bundled.iter().any(|d| d.id == id);
            match store::sync(&db, &base, &sketch, &texts, taken).await {
                Ok(mut done) => {
                    let migrating = SYNC.with(|s| std::mem::take(&mut s.borrow_mut().migrating));
                    if migrating {
                        forget_local();
                    }
                    if let Some(merged) = done.merged.take() {
                        if EDITS.with(|e| e.get()) != edits {
                            // The tab changed during the sync: merge again, with that change.
                            SYNC.with(|s| s.borrow_mut().again = true);
                        } else {
                            let unread = adopt(state, &sketch, merged, &mut done.read, &done.renamed);
                            done.base.articles.retain(|a| !unread.contains(&a.id));
                        }
                    }
                    SYNC.with(|s| s.borrow_mut().base = done.base);
                    if done.wrote {
                        storage_set(SAVED_KEY, "1");
                        if let Some(c) = SYNC.with(|s| s.borrow().channel.clone()) {
                            let _ = c.post_message(&JsValue::from_str("changed"));
                        }
                        refresh_use(state);
                    }
                    state.notices.dismiss_kind("storage");
                }
                Err(error) => {
                    // The kept analysis is only a cache: when storage refuses the workspace, it
                    // goes first and the write is tried again; nothing else is at stake.
                    let freed = matches!(store::read_analysis(&db).await, Ok(Some(_))) && store::write_analysis(&db, None).await.is_ok();
                    if freed {
                        SYNC.with(|s| s.borrow_mut().again = true);
                    } else {
                        report(state, &sketch, &base, &error);
                    }
                }
            }
        }
        let more = SYNC.with(|s| {
            let mut s = s.borrow_mut();
            if s.again || s.read {
                true
            } else {
                s.running = false;
                false
            }
        });
        if !more {
            break;
        }
    }
}

/// Make the merged workspace (a sketch) this tab's, in place: texts moved from the tab's own
/// articles (same id, same fingerprint), or taken from those read from storage. Returns the ids
/// of articles with no text to be had (left out here; storage keeps them as they are).
fn adopt(state: AppState, ours: &Workspace, merged: Workspace, read: &mut HashMap<String, String>, renamed: &[(String, String)]) -> Vec<String> {
    let fp: HashMap<&str, &str> = ours.articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    let mut unread = Vec::new();
    state.workspace.update(|w| {
        let mut old: HashMap<String, crate::workspace::Article> = std::mem::take(&mut w.articles).into_iter().map(|a| (a.id.clone(), a)).collect();
        for mut m in merged.articles {
            let from = renamed.iter().find(|(_, new)| *new == m.id).map_or(m.id.as_str(), |(old, _)| old.as_str()).to_string();
            let own = old.remove(&from).filter(|_| fp.get(from.as_str()) == Some(&m.text.as_str()));
            match own.map(|a| a.text).or_else(|| read.remove(&m.id)) {
                Some(text) => {
                    m.text = text;
                    w.articles.push(m);
                }
                None => unread.push(m.id),
            }
        }
        w.schema = merged.schema;
        w.bundled = merged.bundled;
        w.decisions = merged.decisions;
        w.settings = merged.settings;
    });
    unread
}

/// A refused write, as one alert: what a reload would lose (articles not in storage; none: other
/// changes), how much space is left, and two ways out.
fn report(state: AppState, ours: &Workspace, base: &Workspace, error: &str) {
    let lost: Vec<String> = ours
        .articles
        .iter()
        .filter(|a| !base.articles.iter().any(|b| b.id == a.id))
        .map(|a| if a.title.is_empty() { a.id.clone() } else { a.title.clone() })
        .collect();
    let error = error.to_string();
    leptos::task::spawn_local(async move {
        let now = storage_use(false).await;
        if now.is_some() {
            state.storage_use.set(now);
        }
        let line = super::line(move |lang| {
            let mut line = i18n::storage_failed(lang, &lost, &error);
            if let Some(u) = now {
                line.push(' ');
                line.push_str(&i18n::storage_left(lang, (u.quota - u.usage).max(0.0)));
            }
            line
        });
        state.notices.dismiss_kind("storage");
        state.notices.notify_two(
            Level::Error,
            "storage",
            vec![line],
            (Key::Retry, Rc::new(move || state.save_again.update(|n| *n = n.wrapping_add(1)))),
            (Key::DownloadBackup, Rc::new(move || state.export_workspace())),
        );
    });
}

/// Read the usage and quota again (asking once, when there are articles, that the browser keep
/// them).
fn refresh_use(state: AppState) {
    let ask = SYNC.with(|s| {
        let mut s = s.borrow_mut();
        let ask = !s.asked_persist && state.workspace.with_untracked(|w| !w.articles.is_empty());
        s.asked_persist |= ask;
        ask
    });
    leptos::task::spawn_local(async move {
        if let Some(u) = storage_use(ask).await {
            state.storage_use.set(Some(u));
        }
    });
}

/// Mark an analysis as running (`true`) or finished: if the page dies in it (a panic aborts the
/// wasm), the next start finds the mark and leaves the user's articles out. Returns whether the
/// mark could be written.
pub fn analysis_running(running: bool) -> bool {
    if running {
        storage_try_set(PENDING_KEY, "1").is_ok()
    } else {
        storage_remove(PENDING_KEY);
        storage_remove(CRASH_CAUSE_KEY);
        true
    }
}

thread_local! {
    static PANICKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The panic hook's part: remember that the page panicked, and what the panic said, for the
/// recovery notice of the next start.
pub fn record_panic(message: &str) {
    PANICKED.with(|p| p.set(true));
    if storage_get(PENDING_KEY).is_some() {
        let short: String = message.chars().take(300).collect();
        let _ = storage_try_set(CRASH_CAUSE_KEY, &short);
    }
}

/// A reload or a closed tab while an analysis is running is not a crash: on `pagehide`, the
/// running mark is removed when the analysis was alive (it finished a step within the last
/// few seconds) and nothing panicked. A trap (a panic, memory running out) stops the steps, so
/// its mark stays and the next start offers the recovery.
pub fn install_unload_guard() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let on_hide = Closure::<dyn FnMut()>::new(|| {
        if !PANICKED.with(|p| p.get()) && crate::job::analysis_alive_within(3000.0) {
            storage_remove(PENDING_KEY);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    }
    on_hide.forget();
}


/// The open database, once the stored workspace was read (`None` before, or without IndexedDB).
pub fn database() -> Option<web_sys::IdbDatabase> {
    SYNC.with(|s| s.borrow().db.clone())
}

/// At the page's start, when a workspace was stored here before: open the database while the
/// app's code mounts.
pub fn start_early() {
    if !nothing_saved() {
        super::store::open_early();
    }
}
