//! The status area's messages (`#notices`): what happened to which file, with an optional action
//! ("Undo", "Try again"). One store; the rest of the app only calls [`Notices::notify`] and
//! [`Notices::dismiss`].

use crate::i18n::{Key, Lang};
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// How long an "Undo" stays offered.
const UNDO_FOR: Duration = Duration::from_secs(10);
/// How long a plain information message stays.
const INFO_FOR: Duration = Duration::from_secs(8);

/// How much a message matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// One line of a message, worded in both languages when it is made, so that switching the
/// language words again the messages on show (a line is never one language's frozen text).
/// (Both at once rather than a stored closure, which cost the page more code.)
#[derive(Clone)]
pub struct Line([String; 2]);

impl Line {
    /// The line in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        &self.0[matches!(lang, Lang::Ar) as usize]
    }
}

/// A [`Line`] from a function of the language.
pub fn line(f: impl Fn(Lang) -> String) -> Line {
    Line([f(Lang::En), f(Lang::Ar)])
}

/// A message of one key.
pub fn said(key: Key) -> Line {
    line(|l| crate::i18n::t(l, key).to_string())
}

/// A message of one key and its named values.
pub fn said_with(key: Key, args: Vec<(&'static str, String)>) -> Line {
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    line(|l| crate::i18n::tf(l, key, &args))
}

/// A message about one thing named by the user (a file, an article).
pub fn named(word: fn(Lang, &str) -> String, name: String) -> Line {
    line(|l| word(l, &name))
}

/// A message about one thing and what happened to it.
pub fn named2(word: fn(Lang, &str, &str) -> String, name: String, what: String) -> Line {
    line(|l| word(l, &name, &what))
}

/// One message.
#[derive(Clone)]
pub struct Notice {
    pub id: u32,
    pub level: Level,
    /// What it is about (`data-kind`): `input-error`, `added`, `removed`, `storage`, …
    pub kind: &'static str,
    pub lines: Vec<Line>,
    /// One line that stands for `lines` (then shown folded, under "details").
    pub summary: Option<Line>,
    pub action: Option<(Key, Rc<dyn Fn()>)>,
    /// A second action, after the first.
    pub second: Option<(Key, Rc<dyn Fn()>)>,
}

/// The messages on show.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>, LocalStorage>,
    next: StoredValue<u32>,
}

impl Notices {
    pub fn new() -> Self {
        Notices { list: RwSignal::new_local(Vec::new()), next: StoredValue::new(0) }
    }

    /// The messages, for the status area (tracked).
    pub fn get(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Show a message. Information goes after a while; warnings and errors stay until
    /// dismissed; a message with an "Undo" goes after [`UNDO_FOR`].
    pub fn notify(&self, level: Level, kind: &'static str, lines: Vec<Line>, action: Option<(Key, Rc<dyn Fn()>)>) -> u32 {
        self.push(level, kind, lines, None, action)
    }

    /// A message with two actions (it stays until dismissed).
    pub fn notify_two(&self, level: Level, kind: &'static str, lines: Vec<Line>, first: (Key, Rc<dyn Fn()>), second: (Key, Rc<dyn Fn()>)) -> u32 {
        let id = self.push(level, kind, lines, None, Some(first));
        self.list.update(|n| {
            if let Some(x) = n.iter_mut().find(|x| x.id == id) {
                x.second = Some(second);
            }
        });
        id
    }

    /// A message of one line, `summary`, with `lines` folded under it.
    pub fn notify_summary(&self, level: Level, kind: &'static str, summary: Line, lines: Vec<Line>) -> u32 {
        self.push(level, kind, lines, Some(summary), None)
    }

    fn push(&self, level: Level, kind: &'static str, lines: Vec<Line>, summary: Option<Line>, action: Option<(Key, Rc<dyn Fn()>)>) -> u32 {
        let id = self.next.get_value();
        self.next.set_value(id.wrapping_add(1));
        let timeout = match (&action, level) {
            (Some((Key::Undo, _)), _) => Some(UNDO_FOR),
            (None, Level::Info) => Some(INFO_FOR),
            _ => None,
        };
        self.list.update(|n| n.push(Notice { id, level, kind, lines, summary, action, second: None }));
        if let Some(after) = timeout {
            let this = *self;
            set_timeout(move || this.dismiss(id), after);
        }
        id
    }

    pub fn dismiss(&self, id: u32) {
        if self.list.with_untracked(|n| n.iter().any(|x| x.id == id)) {
            self.list.update(|n| n.retain(|x| x.id != id));
        }
    }

    /// Whether a notice of `kind` is shown.
    pub fn showing(&self, kind: &str) -> bool {
        self.list.with_untracked(|n| n.iter().any(|x| x.kind == kind))
    }

    pub fn dismiss_kind(&self, kind: &str) {
        if self.list.with_untracked(|n| n.iter().any(|x| x.kind == kind)) {
            self.list.update(|n| n.retain(|x| x.kind != kind));
        }
    }
}
