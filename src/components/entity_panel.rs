//! The entity panel: label, Latin name, type, coverage, each article's spelling, why the
//! spellings were grouped, the links the engine only suggests (accept: merge; reject: keep
//! apart), and every mention in context with a jump to the reader.
//!
//! Drawn with DOM calls ([`picture::add`]; names, quotes and context always text nodes) into a
//! holder (`display: contents`, so the panel is the layout's grid item), with one click handler
//! that tells the buttons apart by their class and data attributes. As `view!` code the panel
//! cost the page about 15 KB of gzipped code.

use super::picture::add;
use crate::browser;
use crate::i18n::{self, coverage_text, mentions_count, t, type_name, Key, Lang};
use crate::state::data::Data;
use crate::state::AppState;
use leptos::ev;
use leptos::prelude::*;
use qarin_engine::decisions::Decision;
use qarin_engine::{Entity, LinkRule};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Characters of context on each side of a mention.
const KWIC_CONTEXT: usize = 70;

/// Mentions in context shown at first, and added by each "show more".
const KWIC_PAGE: usize = 100;

#[component]
pub fn EntityPanel() -> impl IntoView {
    let state = expect_context::<AppState>();

    // Move focus to the heading after the panel (re)renders, when asked to.
    Effect::new(move |prev: Option<u32>| {
        let n = state.focus_panel.get();
        if prev.is_some_and(|p| p != n) {
            request_animation_frame(|| {
                if let Some(h) = browser::html_element("#entity-panel-title") {
                    browser::focus_no_scroll(&h);
                }
            });
        }
        n
    });

    // Mentions in context listed at most, a page more at a time (an entity named in hundreds of
    // articles would otherwise put thousands of lines in the panel at once); back to one page
    // for each new entity.
    let kwic_shown = RwSignal::new(KWIC_PAGE);
    Effect::new(move |_| {
        state.entity.track();
        if kwic_shown.get_untracked() != KWIC_PAGE {
            kwic_shown.set(KWIC_PAGE);
        }
    });

    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let id = state.entity.get();
        let data = state.data.get();
        let lang = state.lang.get();
        let limit = kwic_shown.get();
        let decisions = state.workspace.with(|ws| ws.decisions.clone());
        let Some(el) = holder.get() else { return };
        el.set_text_content(None);
        if let (Some(id), Some(data)) = (id, data) {
            if let Some(e) = data.entity(&id) {
                draw(&el, &data, e, lang, limit, &decisions);
            }
        }
    });
    // One handler for every button of the panel.
    let click = move |ev: ev::MouseEvent| {
        let Some(b) = super::picture::clicked_button(&ev) else { return };
        let Some(id) = state.entity.get_untracked() else { return };
        let get = |k: &str| b.get_attribute(k).unwrap_or_default();
        let num = |k: &str| get(k).parse::<usize>().ok();
        let class = b.class_name();
        let has = |c: &str| class.split(' ').any(|x| x == c);
        if has("close") {
            state.close_panel();
        } else if has("split-btn") {
            state.split(&id, &get("data-spelling"));
        } else if has("undo-decision") {
            let d = num("data-decision").and_then(|i| state.workspace.with_untracked(|ws| ws.decisions.get(i).cloned()));
            if let Some(d) = d {
                state.undo_decision(&d);
            }
        } else if has("suggestion-other") {
            state.select_entity(&get("data-other"), None, true);
        } else if has("accept-suggestion") {
            state.merge(&id, &get("data-other"));
        } else if has("reject-suggestion") {
            state.keep_apart(&id, &get("data-other"));
        } else if b.id() == "merge-button" {
            let chosen = document().get_element_by_id("merge-target").and_then(|s| s.dyn_into::<web_sys::HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
            if !chosen.is_empty() {
                state.merge(&id, &chosen);
            }
        } else if b.id() == "kwic-more" {
            kwic_shown.update(|n| *n += KWIC_PAGE);
        } else if has("quote-jump") {
            if let (Some(bs), Some(be)) = (num("data-bs"), num("data-be")) {
                state.jump_span(&get("data-doc"), bs, be);
            }
        } else if has("jump") {
            if let Some(start) = num("data-start") {
                state.jump(&get("data-doc"), start);
            }
        }
    };
    // The merge button is enabled once an entity is chosen.
    let change = move |ev: ev::Event| {
        let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
        if select.id() == "merge-target" {
            if let Some(b) = document().get_element_by_id("merge-button") {
                let _ = if select.value().is_empty() { b.set_attribute("disabled", "") } else { b.remove_attribute("disabled") };
            }
        }
    };
    view! { <div node_ref=holder class="panel-holder" on:click=click on:change=change></div> }
}

/// An arrow pointing along the reading direction.
fn arrow(lang: Lang) -> &'static str {
    if lang == Lang::Ar {
        " ←"
    } else {
        " →"
    }
}

/// A section of the panel with its heading (`id` labels it).
fn section(parent: &Element, id: &str, class: &str, title: &str) -> Element {
    let s = add(parent, false, "section", &[("aria-labelledby", id), ("class", class)], "");
    add(&s, false, "h3", &[("id", id)], title);
    s
}

/// A button with a class, its label, and data attributes.
fn button(parent: &Element, class: &str, label: &str, data: &[(&str, &str)]) -> Element {
    let b = add(parent, false, "button", &[("type", "button"), ("class", class)], label);
    for (k, v) in data {
        let _ = b.set_attribute(k, v);
    }
    b
}

/// Arabic words in a `<bdi>`.
fn bdi(parent: &Element, text: &str) {
    add(parent, false, "bdi", &[("lang", "ar"), ("dir", "rtl"), ("class", "arabic")], text);
}

/// "Undo" for the decision at `i` in the workspace's list.
fn undo(parent: &Element, lang: Lang, i: usize) {
    button(parent, "btn small undo-decision", t(lang, Key::Undo), &[("data-decision", &i.to_string())]);
}

/// Draw the panel of `e` into `holder`.
fn draw(holder: &Element, data: &Data, e: &Entity, lang: Lang, limit: usize, decisions: &[Decision]) {
    let m = data.doc_count();
    let code = e.kind.code();
    let aside = add(holder, false, "aside", &[("id", "entity-panel"), ("class", "entity-panel"), ("data-entity", &e.id), ("data-type", code), ("aria-labelledby", "entity-panel-title")], "");

    // Head: type, names, close.
    let head = add(&aside, false, "div", &[("class", "panel-head")], "");
    let titles = add(&head, false, "div", &[("class", "panel-titles")], "");
    let kicker = add(&titles, false, "p", &[("class", "kicker")], "");
    add(&kicker, false, "span", &[("class", "type-badge"), ("data-type", code)], type_name(lang, e.kind));
    add(&kicker, false, "span", &[("class", "sr-only")], t(lang, Key::EntityDetails));
    add(&titles, false, "h2", &[("id", "entity-panel-title"), ("tabindex", "-1"), ("lang", "ar"), ("dir", "rtl"), ("class", "arabic")], &e.label);
    if !e.latin.is_empty() {
        add(&titles, false, "p", &[("class", "latin"), ("lang", "en"), ("dir", "ltr")], &e.latin);
    }
    let close = button(&head, "close btn icon-btn", "", &[("aria-label", t(lang, Key::Close)), ("title", t(lang, Key::Close))]);
    add(&close, false, "span", &[("aria-hidden", "true")], "✕");

    // Coverage and mentions.
    let dl = add(&aside, false, "dl", &[("class", "facts")], "");
    let row = add(&dl, false, "div", &[], "");
    add(&row, false, "dt", &[], t(lang, Key::Coverage));
    let dd = add(&row, false, "dd", &[], "");
    let full = if e.coverage() == m { "cov-badge full" } else { "cov-badge" };
    add(&dd, false, "span", &[("class", full)], &format!("{}/{}", e.coverage(), m));
    dd.append_with_str_1(&format!(" {}", coverage_text(lang, e.coverage(), m))).ok();
    let row = add(&dl, false, "div", &[], "");
    add(&row, false, "dt", &[], t(lang, Key::EveryMention));
    add(&row, false, "dd", &[], &mentions_count(lang, e.total()));

    // Spellings, article by article (in article order).
    let sec = section(&aside, "panel-spellings", "", t(lang, Key::Spellings));
    let ul = add(&sec, false, "ul", &[("class", "variants")], "");
    let splittable = e.variants.len() > 1;
    let mut absent = Vec::new();
    for (i, d) in data.analysis.documents.iter().enumerate() {
        let Some(sp) = e.spellings.get(&d.id).filter(|v| !v.is_empty()) else {
            if !e.documents.contains_key(&d.id) {
                absent.push(data.doc_label(i, lang));
            }
            continue;
        };
        let li = add(&ul, false, "li", &[("data-doc", &d.id)], "");
        add(&li, false, "span", &[("class", "variant-doc"), ("title", &data.doc_title(i, lang))], &data.doc_label(i, lang));
        let list = add(&li, false, "span", &[("class", "variant-list")], "");
        for s in sp {
            let item = add(&list, false, "span", &[("class", "spelling")], "");
            bdi(&item, &s.text);
            add(&item, false, "span", &[("class", "times")], &format!("×{}", s.count));
            if splittable {
                let label = i18n::split_label(lang, &s.text);
                button(&item, "split-btn", t(lang, Key::SplitOff), &[("data-spelling", &s.text), ("aria-label", &label), ("title", &label)]);
            }
        }
    }
    if !absent.is_empty() {
        let p = add(&sec, false, "p", &[("class", "absent-list")], "");
        add(&p, false, "span", &[("class", "muted")], &format!("{}: ", t(lang, Key::NotNamed)));
        p.append_with_str_1(&absent.join(" · ")).ok();
    }

    // Links the engine suggests but did not make: the reader answers.
    let suggested: Vec<&qarin_engine::Suggestion> = data.analysis.suggestions.iter().filter(|s| s.a == e.id || s.b == e.id).collect();
    if !suggested.is_empty() {
        let sec = section(&aside, "panel-suggestions", "suggestions", t(lang, Key::Suggestions));
        let ul = add(&sec, false, "ul", &[], "");
        for s in suggested {
            let other = if s.a == e.id { &s.b } else { &s.a };
            let other_label = data.entity(other).map_or(other.as_str(), |o| o.label.as_str());
            let li = add(&ul, false, "li", &[("class", "suggestion"), ("data-rule", s.rule.code()), ("data-other", other)], "");
            let open = button(&li, "link-like suggestion-other", "", &[("data-other", other)]);
            bdi(&open, other_label);
            let pair = add(&li, false, "span", &[("class", "reason-pair")], "");
            bdi(&pair, &s.a_spelling);
            add(&pair, false, "span", &[("class", "arrow"), ("aria-hidden", "true")], " ↔ ");
            bdi(&pair, &s.b_spelling);
            add(&li, false, "p", &[("class", "reason-detail")], i18n::suggestion(lang, s));
            let actions = add(&li, false, "div", &[("class", "suggestion-actions")], "");
            button(&actions, "btn small accept-suggestion", t(lang, Key::SuggestAccept), &[("data-other", other)]);
            button(&actions, "btn small reject-suggestion", t(lang, Key::SuggestReject), &[("data-other", other)]);
        }
    }

    // Why the spellings were grouped, and the user's decisions about this entity: matched to the
    // reasons the engine gives for them, plus the spellings split off it and the pairs kept apart.
    let sec = section(&aside, "panel-reasons", "", t(lang, Key::WhyGrouped));
    let decision_for = |r: &qarin_engine::LinkReason| -> Option<usize> {
        decisions.iter().position(|d| match d {
            Decision::Merge { keep, absorb } => r.rule == LinkRule::UserMerge && data.raw_label(absorb) == r.variant && data.raw_label(keep) == r.to,
            Decision::Split { entity, spelling } => r.rule == LinkRule::UserSplit && *spelling == r.variant && data.raw_label(entity) == r.to,
            _ => false,
        })
    };
    let here: Vec<(usize, String, &str)> = decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match d {
            Decision::Split { entity, spelling } if *entity == e.id => Some((i, i18n::split_reason(lang, spelling), "user_split")),
            Decision::Apart { a, b } if *a == e.id || *b == e.id => Some((i, i18n::apart_reason(lang, &data.raw_label(if *a == e.id { b } else { a })), "user_apart")),
            _ => None,
        })
        .collect();
    if e.reasons.is_empty() && here.is_empty() {
        add(&sec, false, "p", &[("class", "muted")], t(lang, Key::OneSpelling));
    } else {
        let ul = add(&sec, false, "ul", &[("class", "reasons")], "");
        let back = arrow(lang).trim_start();
        for r in &e.reasons {
            let user = r.rule.is_user();
            let li = add(&ul, false, "li", &[("class", if user { "user-decision" } else { "" }), ("data-rule", r.rule.code())], "");
            let pair = add(&li, false, "span", &[("class", "reason-pair")], "");
            bdi(&pair, &r.variant);
            add(&pair, false, "span", &[("class", "arrow"), ("aria-hidden", "true")], &format!(" {back} "));
            bdi(&pair, &r.to);
            add(&li, false, "span", &[("class", "reason-detail")], &i18n::link_reason(lang, r));
            add(&li, false, "code", &[("class", "rule"), ("title", t(lang, Key::Rule))], r.rule.code());
            if user {
                add(&li, false, "span", &[("class", "decision-badge")], t(lang, Key::UserDecision));
                if let Some(i) = decision_for(r) {
                    undo(&li, lang, i);
                }
            }
        }
        for (i, text, code) in here {
            let li = add(&ul, false, "li", &[("class", "user-decision"), ("data-rule", code)], "");
            add(&li, false, "span", &[("class", "reason-detail")], &text);
            add(&li, false, "code", &[("class", "rule"), ("title", t(lang, Key::Rule))], code);
            add(&li, false, "span", &[("class", "decision-badge")], t(lang, Key::UserDecision));
            undo(&li, lang, i);
        }
    }

    // Who said what: this entity's quotes, one column per article.
    let sec = section(&aside, "panel-quotes", "quotes", t(lang, Key::QuotesTitle));
    let quotes: Vec<&qarin_engine::facts::Quote> = data.analysis.quotes.iter().filter(|q| q.entity == e.id).collect();
    let docs: Vec<usize> = (0..m).filter(|&i| quotes.iter().any(|q| q.document == data.analysis.documents[i].id)).collect();
    if quotes.is_empty() {
        add(&sec, false, "p", &[("class", "muted")], t(lang, Key::NoQuotes));
    } else {
        add(&sec, false, "p", &[("class", "muted")], &i18n::quotes_count(lang, quotes.len(), docs.len()));
        let cols = add(&sec, false, "div", &[("class", "quote-cols")], "");
        for i in docs {
            let d = &data.analysis.documents[i];
            let col = add(&cols, false, "div", &[("class", "quote-col"), ("data-doc", &d.id)], "");
            let title = data.doc_title(i, lang);
            add(&col, false, "h4", &[("class", "quote-doc"), ("title", &title)], &data.doc_label(i, lang));
            let ul = add(&col, false, "ul", &[("class", "quote-list")], "");
            for q in quotes.iter().filter(|q| q.document == d.id) {
                let li = add(&ul, false, "li", &[("class", if q.direct { "quote direct" } else { "quote" }), ("data-start", &q.start.to_string())], "");
                let verb = add(&li, false, "p", &[("class", "quote-verb"), ("lang", "ar"), ("dir", "rtl")], "");
                add(&verb, false, "bdi", &[], &q.speaker);
                verb.append_with_str_1(" ").ok();
                add(&verb, false, "bdi", &[], &q.verb);
                add(&li, false, "blockquote", &[("lang", "ar"), ("dir", "rtl")], &q.text);
                let jump_label = format!("{}: {title}", t(lang, Key::Jump));
                let b = button(&li, "jump btn small quote-jump", t(lang, Key::Jump), &[("aria-label", &jump_label), ("data-doc", &d.id), ("data-bs", &q.byte_start.to_string()), ("data-be", &q.byte_end.to_string())]);
                add(&b, false, "span", &[("aria-hidden", "true")], arrow(lang));
            }
        }
    }

    // Merge with another entity of the same type.
    let mut others: Vec<(&str, String)> = data
        .analysis
        .entities
        .iter()
        .filter(|o| o.kind == e.kind && o.id != e.id)
        .map(|o| (o.id.as_str(), if o.latin.is_empty() || o.latin == o.label { o.label.clone() } else { format!("{} — {}", o.label, o.latin) }))
        .collect();
    qarin_engine::sort::by(&mut others, |a, b| a.1.cmp(&b.1));
    if !others.is_empty() {
        let sec = section(&aside, "panel-merge", "merge", t(lang, Key::MergeWith));
        add(&sec, false, "label", &[("for", "merge-target"), ("class", "hint")], t(lang, Key::MergeHint));
        let row = add(&sec, false, "div", &[("class", "merge-row")], "");
        let select = add(&row, false, "select", &[("id", "merge-target"), ("dir", "auto")], "");
        add(&select, false, "option", &[("value", "")], t(lang, Key::ChooseEntity));
        for (id, name) in others {
            add(&select, false, "option", &[("value", id)], &name);
        }
        let b = add(&row, false, "button", &[("type", "button"), ("id", "merge-button"), ("class", "btn small")], t(lang, Key::MergeButton));
        let _ = b.set_attribute("disabled", "");
    }

    // Every mention, keyword in context.
    let sec = add(&aside, false, "section", &[("aria-labelledby", "panel-kwic")], "");
    let h = add(&sec, false, "h3", &[("id", "panel-kwic")], &format!("{} ", t(lang, Key::EveryMention)));
    let pill = add(&h, false, "span", &[("class", "pill")], "");
    let ol = add(&sec, false, "ol", &[("class", "kwic")], "");
    let (mut shown, mut total) = (0, 0);
    for (i, d) in data.analysis.documents.iter().enumerate() {
        for mention in d.mentions.iter().filter(|x| x.entity == e.id) {
            total += 1;
            if shown >= limit {
                continue;
            }
            shown += 1;
            let k = d.kwic(mention, KWIC_CONTEXT);
            let start = mention.start.to_string();
            let title = data.doc_title(i, lang);
            let li = add(&ol, false, "li", &[("data-doc", &d.id), ("data-start", &start)], "");
            let src = add(&li, false, "div", &[("class", "kwic-src")], "");
            add(&src, false, "span", &[("class", "kwic-doc")], &data.doc_label(i, lang));
            add(&src, false, "span", &[("class", "kwic-title"), ("lang", "ar"), ("dir", "rtl")], &title);
            let line = add(&li, false, "p", &[("class", "kwic-line"), ("lang", "ar"), ("dir", "rtl")], "");
            let cut_before = !k.before.is_empty() && !is_sentence_start(d, mention.byte_start - k.before.len());
            let cut_after = !k.after.is_empty() && !is_sentence_end(d, mention.byte_end + k.after.len());
            line.append_with_str_1(&format!("{}{}", if cut_before { "… " } else { "" }, k.before)).ok();
            add(&line, false, "b", &[("class", "kwic-hit"), ("data-type", code)], k.hit);
            line.append_with_str_1(&format!("{}{}", k.after, if cut_after { " …" } else { "" })).ok();
            let jump_label = format!("{}: {} — {title}", t(lang, Key::Jump), t(lang, Key::JumpTo));
            let b = button(&li, "jump btn small", t(lang, Key::Jump), &[("aria-label", &jump_label), ("data-doc", &d.id), ("data-start", &start)]);
            add(&b, false, "span", &[("aria-hidden", "true")], arrow(lang));
        }
    }
    pill.set_text_content(Some(&total.to_string()));
    if total > shown {
        let b = button(&sec, "btn small kwic-more", &i18n::show_more(lang, shown, total, KWIC_PAGE), &[]);
        b.set_id("kwic-more");
    }
}

fn is_sentence_start(d: &qarin_engine::DocumentAnalysis, byte: usize) -> bool {
    d.sentences.is_empty() || d.sentences.iter().any(|&(s, _)| s == byte)
}

fn is_sentence_end(d: &qarin_engine::DocumentAnalysis, byte: usize) -> bool {
    d.sentences.is_empty() || d.sentences.iter().any(|&(_, e)| e == byte)
}
