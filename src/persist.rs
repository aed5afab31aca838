//! Keeping the workspace in the browser: localStorage, written synchronously after every change.
//!
//! Layout: [`INDEX_KEY`] holds the workspace without its texts (small: rewritten on every rename or
//! decision); each article's text has its own key ([`text_key`]), written once when the article is
//! added. The index lists only articles whose text was stored, so a reload never finds an article
//! without its text. Text keys no article lists (left by an interrupted write) are removed on load.
//!
//! A write the browser refuses (quota exceeded, storage switched off in private browsing) is
//! reported in the page as an alert naming what was not saved, with "Try again"; everything stays
//! in the tab meanwhile.

use crate::browser::{storage_keys, storage_remove, storage_try_set};
use crate::workspace::{text_key, Workspace, INDEX_KEY, TEXT_PREFIX};
use std::collections::{HashMap, HashSet};

/// Set while an analysis runs; still there at the next start means the analysis crashed.
pub const PENDING_KEY: &str = "qarin.analysis-pending";

/// What loading found.
pub struct Loaded {
    pub workspace: Workspace,
    /// Ids whose texts are in storage, with the texts' fingerprints.
    pub stored: HashMap<String, u64>,
    /// Titles of articles listed without a stored text (dropped).
    pub missing: Vec<String>,
    /// The index could not be read: (error, key it was moved to).
    pub unreadable: Option<(String, String)>,
    /// The previous analysis never finished.
    pub crashed: bool,
}

pub fn load() -> Loaded {
    let mut out = Loaded {
        workspace: Workspace::default(),
        stored: HashMap::new(),
        missing: Vec::new(),
        unreadable: None,
        crashed: crate::browser::storage_get(PENDING_KEY).is_some(),
    };
    if let Some(raw) = crate::browser::storage_get(INDEX_KEY) {
        match Workspace::from_index(&raw) {
            Ok(mut ws) => {
                ws.articles.retain_mut(|a| match crate::browser::storage_get(&text_key(&a.id)) {
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
