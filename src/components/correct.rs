//! Correcting names in place, above the reader's text: the words selected in the article (or
//! typed in the field), or the highlighted name chosen, become a name of a type, change type,
//! grow or shrink (a new span replaces the names it overlaps), or are no name at all. Each is a
//! [`Decision::Name`] / [`Decision::NotName`] kept with the workspace; the engine carries it to
//! the same name in every article (`qarin_engine::decisions`), and the table, facts and pictures
//! follow. Every correction offers "Undo"; "Your corrections" lists them, each with its own undo,
//! and "Reset to the engine's" takes them all back.
//!
//! Drawn with DOM calls ([`picture::add`], one handler for every button), not `view!`: as views
//! the bar cost the page about 20 KB of gzipped code.

use super::picture::{self, add};
use crate::i18n::{self, t, type_name, Key, Lang};
use crate::state::data::ReaderDoc;
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::decisions::{find_name, Decision};
use qarin_engine::EntityType;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The span (code points) of the words selected inside `#reader`, trimmed of spaces and
/// punctuation at both ends; `None` when nothing there is selected, or the selection does not
/// match the article's text.
pub fn selected(rd: &ReaderDoc) -> Option<(usize, usize)> {
    let w = web_sys::window()?;
    let sel = w.get_selection().ok()??;
    if sel.is_collapsed() || sel.range_count() == 0 {
        return None;
    }
    let r = sel.get_range_at(0).ok()?;
    let doc = w.document()?;
    let article: web_sys::Node = doc.get_element_by_id("reader")?.into();
    let (from, to) = (r.start_container().ok()?, r.end_container().ok()?);
    if !article.contains(Some(&from)) || !article.contains(Some(&to)) {
        return None;
    }
    // The article's text before the selection: the text nodes in order are the article's text.
    let before = doc.create_range().ok()?;
    before.select_node_contents(&article).ok()?;
    before.set_end(&from, r.start_offset().ok()?).ok()?;
    let start = String::from(before.to_string()).chars().count();
    let words = String::from(r.to_string());
    let edge = |c: char| !c.is_alphanumeric();
    let lead = words.chars().take_while(|c| edge(*c)).count();
    let core = words.trim_matches(edge);
    let (s, e) = (start + lead, start + lead + core.chars().count());
    (s < e && rd.text.chars().skip(s).take(e - s).eq(core.chars())).then_some((s, e))
}

/// What the buttons act on: the selection, else the highlighted name chosen in `rd` (its span
/// and type).
fn target(state: AppState, rd: &ReaderDoc, picked: Option<(usize, usize)>) -> Option<(usize, usize, Option<EntityType>)> {
    if let Some((s, e)) = picked {
        return Some((s, e, None));
    }
    let start = state.current.with(|c| c.as_ref().filter(|(d, _)| *d == rd.id).map(|(_, s)| *s))?;
    rd.marks.iter().find(|m| m.start == start).map(|m| (m.start, m.end, Some(m.kind)))
}

/// The field with the words to mark.
fn field() -> Option<web_sys::HtmlInputElement> {
    document().get_element_by_id("correct-words")?.dyn_into().ok()
}

/// Draw the bar into `holder`: the words (`words`), the buttons (the target's type pressed,
/// "Not a name" only for a highlighted name) and the user's corrections.
fn draw(holder: &Element, state: AppState, lang: Lang, words: &str, kind: Option<Option<EntityType>>, list: &[Decision]) {
    let open = holder.query_selector("details.corrections[open]").ok().flatten().is_some();
    holder.set_text_content(None);
    let _ = holder.set_attribute("class", "correct-holder");
    let bar = add(holder, false, "section", &[("id", "correct"), ("class", "correct"), ("aria-labelledby", "correct-title")], "");
    add(&bar, false, "h3", &[("id", "correct-title"), ("class", "correct-title")], t(lang, Key::CorrectTitle));
    add(&bar, false, "p", &[("class", "muted correct-hint")], t(lang, Key::CorrectHint));
    let row = add(&bar, false, "div", &[("class", "correct-row")], "");
    let input = add(&row, false, "input", &[("id", "correct-words"), ("type", "text"), ("lang", "ar"), ("dir", "rtl"), ("aria-label", t(lang, Key::CorrectWords))], "");
    if let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(words);
    }
    add(&row, false, "span", &[("class", "correct-as")], t(lang, Key::CorrectMarkAs));
    for k in EntityType::ALL {
        let pressed = if kind == Some(Some(k)) { "true" } else { "false" };
        let id = format!("correct-type-{}", k.code());
        add(&row, false, "button", &[("type", "button"), ("class", "btn small correct-type"), ("id", &id), ("data-type", k.code()), ("aria-pressed", pressed)], type_name(lang, k));
    }
    let not = add(&row, false, "button", &[("type", "button"), ("class", "btn small"), ("id", "correct-not-name")], t(lang, Key::CorrectNotName));
    if !matches!(kind, Some(Some(_))) {
        let _ = not.set_attribute("disabled", "");
    }
    if list.is_empty() {
        return;
    }
    let details = add(&bar, false, "details", &[("class", "corrections")], "");
    if open {
        let _ = details.set_attribute("open", "");
    }
    add(&details, false, "summary", &[], &i18n::tf(lang, Key::MyCorrections, &[("n", &list.len().to_string())]));
    let ul = add(&details, false, "ul", &[], "");
    state.data.with_untracked(|data| {
        let Some(data) = data.as_ref() else { return };
        for (i, d) in list.iter().enumerate() {
            let (Decision::Name { doc, start, end, .. } | Decision::NotName { doc, start, end }) = d else { continue };
            let Some(n) = data.doc_index(doc) else { continue };
            let name = i18n::isolate(&words_of(&data.analysis.documents[n].text, *start, *end));
            let what = match d {
                Decision::Name { kind, .. } => format!("{name} → {}", type_name(lang, *kind)),
                _ => i18n::tf(lang, Key::CorrectionNotName, &[("name", &name)]),
            };
            let li = add(&ul, false, "li", &[("data-doc", doc)], "");
            add(&li, false, "span", &[("class", "muted")], &format!("{}: ", i18n::article_n(lang, n + 1)));
            add(&li, false, "span", &[("lang", "ar"), ("dir", "auto")], &what);
            add(&li, false, "button", &[("type", "button"), ("class", "btn small undo-decision"), ("id", &format!("correct-undo-{i}"))], t(lang, Key::Undo));
        }
    });
    add(&details, false, "p", &[("class", "muted"), ("id", "corrections-learned")], t(lang, Key::CorrectionsLearned));
    add(&details, false, "button", &[("type", "button"), ("class", "btn small"), ("id", "correct-reset")], t(lang, Key::CorrectReset));
}

/// The words of `text` from code point `s` to `e`.
fn words_of(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e.saturating_sub(s)).collect()
}

/// Mark the words in the field (the target's span when they are its words, else where they are
/// first written in the article) as a name of `kind`.
fn mark_as(state: AppState, rd: &ReaderDoc, picked: RwSignal<Option<(usize, usize)>>, kind: EntityType) {
    let lang = state.lang.get_untracked();
    let typed = field().map(|i| i.value()).unwrap_or_default();
    let typed = typed.trim();
    let span = match target(state, rd, picked.get_untracked()) {
        Some((s, e, _)) if words_of(&rd.text, s, e) == typed => Some((s, e)),
        _ if typed.is_empty() => None,
        _ => find_name(&rd.text, typed),
    };
    let Some((s, e)) = span else {
        if !typed.is_empty() {
            state.announce(i18n::tf(lang, Key::CorrectNotFound, &[("name", &i18n::isolate(typed))]));
        }
        return;
    };
    let name = words_of(&rd.text, s, e);
    if name.contains(['\n', '\r']) {
        state.announce(t(lang, Key::CorrectLine).to_string());
        return;
    }
    picked.set(None);
    state.correct(Decision::Name { doc: rd.id.clone(), start: s, end: e, kind }, &name);
}

#[component]
pub fn CorrectBar(rd: Arc<ReaderDoc>, picked: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    let rd = StoredValue::new(rd);
    // The target the field last showed: a new one replaces the words, anything else keeps them.
    let shown = StoredValue::new(None::<(usize, usize, Option<EntityType>)>);
    Effect::new(move |_| {
        let lang = state.lang.get();
        let list: Vec<Decision> = state.workspace.with(|ws| ws.decisions.iter().filter(|d| d.is_name()).cloned().collect());
        let now = rd.with_value(|rd| target(state, rd, picked.get()));
        let Some(el) = holder.get() else { return };
        let words = match now {
            Some((s, e, _)) if shown.get_value() != now => rd.with_value(|rd| words_of(&rd.text, s, e)),
            _ => field().map(|i| i.value()).unwrap_or_default(),
        };
        shown.set_value(now);
        draw(&el, state, lang, &words, now.map(|(_, _, k)| k), &list);
    });
    let act = move |target_el: Option<web_sys::EventTarget>, key: bool| -> bool {
        let Some(el) = target_el.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
        let Some(id) = picture::button_id(&el) else { return false };
        if key {
            return false; // a button's own Enter and Space click it
        }
        if let Some(code) = id.strip_prefix("correct-type-") {
            if let Some(kind) = EntityType::from_code(code) {
                rd.with_value(|rd| mark_as(state, rd, picked, kind));
            }
        } else if id == "correct-not-name" {
            let (doc, span) = rd.with_value(|rd| (rd.id.clone(), target(state, rd, picked.get_untracked())));
            if let Some((s, e, Some(_))) = span {
                state.current.set(None);
                let name = rd.with_value(|rd| words_of(&rd.text, s, e));
                state.correct(Decision::NotName { doc, start: s, end: e }, &name);
            }
        } else if id == "correct-reset" {
            state.reset_corrections();
        } else if let Some(i) = id.strip_prefix("correct-undo-").and_then(|i| i.parse::<usize>().ok()) {
            let d = state.workspace.with_untracked(|ws| ws.decisions.iter().filter(|d| d.is_name()).nth(i).cloned());
            if let Some(d) = d {
                state.undo_decision(&d);
            }
        }
        false
    };
    picture::holder(holder, act)
}
