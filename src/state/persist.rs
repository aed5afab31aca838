//! Keeping the workspace, the interface language and the theme in the browser: localStorage,
//! written by one effect ([`install`]) whenever any of them changes. Nothing else in the app
//! writes storage (the analysis' crash guard goes through [`analysis_running`]).
//!
//! Layout: [`INDEX_KEY`] holds the workspace without its texts (small: rewritten on every rename or
//! decision); each article's text has its own key ([`text_key`]), written once when the article is
//! added. The index lists only articles whose text was stored, so a reload never finds an article
//! without its text. Text keys no article lists (left by an interrupted write) are removed on load.
//!
//! A write the browser refuses (quota exceeded, storage switched off in private browsing) is
//! reported in the page as an alert naming what was not saved, with "Try again"; everything stays
//! in the tab meanwhile.

use super::{AppState, Level, Theme};
use crate::browser::{storage_get, storage_keys, storage_remove, storage_set, storage_try_set};
use crate::i18n::{self, Key, Lang};
use crate::workspace::{text_key, Workspace, INDEX_KEY, TEXT_PREFIX};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Set while an analysis runs; still there at the next start means the analysis crashed.
pub const PENDING_KEY: &str = "qarin.analysis-pending";
/// What the panic that stopped the analysis said (written by the panic hook).
pub const CRASH_CAUSE_KEY: &str = "qarin.analysis-crash-cause";
pub const LANG_KEY: &str = "qarin.lang";
pub const THEME_KEY: &str = "qarin.theme";

/// What loading found.
pub struct Loaded {
    pub workspace: Workspace,
    pub lang: Lang,
    pub theme: Theme,
    /// What of the workspace is in storage.
    pub saved: Saved,
    /// Ids whose texts are in storage, with the texts' fingerprints.
    pub stored: HashMap<String, u64>,
    /// Titles of articles listed without a stored text (dropped).
    pub missing: Vec<String>,
    /// The index could not be read: (error, key it was moved to).
    pub unreadable: Option<(String, String)>,
    /// The previous analysis never finished.
    pub crashed: bool,
    /// What the panic said, if the page recorded one.
    pub crash_cause: Option<String>,
}

pub fn load() -> Loaded {
    let lang = storage_get(LANG_KEY).and_then(|c| Lang::from_code(&c)).unwrap_or_else(|| if crate::browser::navigator_prefers_arabic() { Lang::Ar } else { Lang::En });
    let theme = match storage_get(THEME_KEY).as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if crate::browser::prefers_dark() => Theme::Dark,
        _ => Theme::Light,
    };
    let mut out = load_workspace();
    out.lang = lang;
    out.theme = theme;
    out.saved = Saved { texts: out.stored.clone(), indexed: out.stored.keys().cloned().collect() };
    out
}

fn load_workspace() -> Loaded {
    let mut out = Loaded {
        workspace: Workspace::default(),
        lang: Lang::En,
        theme: Theme::Light,
        saved: Saved::default(),
        stored: HashMap::new(),
        missing: Vec::new(),
        unreadable: None,
        crashed: storage_get(PENDING_KEY).is_some(),
        crash_cause: storage_get(PENDING_KEY).and(storage_get(CRASH_CAUSE_KEY)),
    };
    if let Some(raw) = storage_get(INDEX_KEY) {
        match Workspace::from_index(&raw) {
            Ok(mut ws) => {
                ws.articles.retain_mut(|a| match storage_get(&text_key(&a.id)) {
                    Some(text) => {
                        out.stored.insert(a.id.clone(), fingerprint(&text));
                        a.text = text;
                        true
                    }
                    None => {
                        out.missing.push(if a.title.is_empty() { a.id.clone() } else { a.title.clone() });
                        false
                    }
                });
                out.workspace = ws;
            }
            Err(e) => {
                // Never overwrite what could not be read: set it aside first.
                let aside = format!("{INDEX_KEY}.unreadable-{}", js_now_ms());
                if storage_try_set(&aside, &raw).is_ok() {
                    storage_remove(INDEX_KEY);
                }
                out.unreadable = Some((e, aside));
                // Keep the texts too: they are only removed when an index says so.
                return out;
            }
        }
    }
    // Texts no article lists: an add whose index write never happened.
    for key in storage_keys() {
        if let Some(id) = key.strip_prefix(TEXT_PREFIX) {
            if !out.stored.contains_key(id) && out.unreadable.is_none() {
                storage_remove(&key);
            }
        }
    }
    out
}

fn js_now_ms() -> u64 {
    web_sys::js_sys::Date::now() as u64
}

/// A text's fingerprint (64-bit FNV-1a): a text is written again when it is not the one stored
/// under its id (an import or an undo can bring another text under the same id).
pub fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// What is in storage: the texts stored (by id, with their fingerprints), and the ids the last
/// index written lists.
#[derive(Debug, Clone, Default)]
pub struct Saved {
    pub texts: HashMap<String, u64>,
    pub indexed: HashSet<String>,
}

/// What was not saved and why.
pub struct Unsaved {
    /// Titles of the articles a reload would lose (empty: other changes, such as a rename, a
    /// removal or a decision, were not saved).
    pub articles: Vec<String>,
    pub error: String,
}

/// Save the workspace: texts not yet stored, then the index, then drop texts of removed articles.
pub fn save(ws: &Workspace, saved: &mut Saved) -> Result<(), Unsaved> {
    let mut error = None;
    for a in &ws.articles {
        let fp = fingerprint(&a.text);
        if saved.texts.get(&a.id) == Some(&fp) {
            continue;
        }
        match storage_try_set(&text_key(&a.id), &a.text) {
            Ok(()) => {
                saved.texts.insert(a.id.clone(), fp);
            }
            Err(e) => {
                // Do not leave a half-written or outdated text in a full storage.
                storage_remove(&text_key(&a.id));
                saved.texts.remove(&a.id);
                error.get_or_insert(e);
            }
        }
    }
    let stored: HashSet<String> = saved.texts.keys().cloned().collect();
    match storage_try_set(INDEX_KEY, &ws.index_json(&stored)) {
        Ok(()) => {
            saved.indexed = ws.articles.iter().filter(|a| stored.contains(&a.id)).map(|a| a.id.clone()).collect();
            let current: HashSet<&str> = ws.articles.iter().map(|a| a.id.as_str()).collect();
            let gone: Vec<String> = saved.texts.keys().filter(|id| !current.contains(id.as_str())).cloned().collect();
            for id in gone {
                storage_remove(&text_key(&id));
                saved.texts.remove(&id);
            }
        }
        Err(e) => error = Some(e),
    }
    match error {
        None => Ok(()),
        Some(error) => Err(Unsaved {
            articles: ws
                .articles
                .iter()
                .filter(|a| !saved.indexed.contains(&a.id))
                .map(|a| if a.title.is_empty() { a.id.clone() } else { a.title.clone() })
                .collect(),
            error,
        }),
    }
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

/// The one effect that saves: the workspace, the language and the theme, whenever one changes
/// (and again when "Try again" bumps `save_again`). A refusal is reported with what was not
/// saved; the report goes once saving works again.
pub fn install(state: AppState, saved: Saved) {
    let saved = StoredValue::new(saved);
    // Set when the workspace was just taken from another tab: it is in storage already.
    let adopted = StoredValue::new(false);
    install_tab_sync(state, saved, adopted);
    Effect::new(move |first: Option<()>| {
        let lang = state.lang.get();
        let theme = state.theme.get();
        state.save_again.track();
        if first.is_none() {
            // What was just loaded needs no saving; only track the workspace from here on.
            state.workspace.track();
            return;
        }
        if adopted.get_value() {
            adopted.set_value(false);
            state.workspace.track();
            return;
        }
        storage_set(LANG_KEY, lang.code());
        storage_set(THEME_KEY, theme.code());
        let mut s = saved.get_value();
        let result = state.workspace.with(|ws| save(ws, &mut s));
        saved.set_value(s);
        state.notices.dismiss_kind("storage");
        if let Err(u) = result {
            state.notices.notify(
                Level::Error,
                "storage",
                vec![i18n::storage_failed(state.lang.get_untracked(), &u.articles, &u.error)],
                Some((Key::Retry, Rc::new(move || state.save_again.update(|n| *n = n.wrapping_add(1))))),
            );
        }
    });
}

/// Tabs stay one workspace: every change is saved at once (the effect above), and when another
/// tab of the site writes the workspace index, the browser tells this one (a `storage` event),
/// which takes that index and its texts as its own workspace. So a tab never writes an index
/// that lacks what another tab added, nor brings back what another removed. (A change made in
/// the few milliseconds before the event arrives can still be overwritten; the IndexedDB store
/// with versioned per-article records that closes that gap is not built yet.)
fn install_tab_sync(state: AppState, saved: StoredValue<Saved>, adopted: StoredValue<bool>) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let on_storage = Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
        if ev.key().as_deref() != Some(INDEX_KEY) {
            return;
        }
        let Some(raw) = ev.new_value() else { return };
        let current = state.workspace.get_untracked();
        if let Some((ws, now)) = adopt(&raw, &current) {
            saved.set_value(now);
            adopted.set_value(true);
            state.workspace.set(ws);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    }
    on_storage.forget();
}

/// The workspace another tab wrote (`raw`, its index), with the texts from storage (or, for an
/// article whose text is not stored, this tab's copy), and what of it is in storage; `None` when
/// it cannot be read or is what this tab has already.
fn adopt(raw: &str, current: &Workspace) -> Option<(Workspace, Saved)> {
    let mut ws = Workspace::from_index(raw).ok()?;
    let mut texts = HashMap::new();
    ws.articles.retain_mut(|a| match storage_get(&text_key(&a.id)) {
        Some(text) => {
            texts.insert(a.id.clone(), fingerprint(&text));
            a.text = text;
            true
        }
        None => match current.articles.iter().find(|c| c.id == a.id) {
            Some(c) => {
                a.text = c.text.clone();
                true
            }
            None => false,
        },
    });
    if ws == *current {
        return None;
    }
    let indexed = ws.articles.iter().map(|a| a.id.clone()).filter(|id| texts.contains_key(id)).collect();
    Some((ws, Saved { texts, indexed }))
}
