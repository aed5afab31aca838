//! The reader: one article verbatim, names highlighted, boilerplate greyed.
//!
//! Document text only ever goes into the DOM as text nodes.

use crate::browser;
use crate::components::legend::Legend;
use crate::i18n::{names_count, t, type_name, Key};
use qarin_engine::render::PieceKind;
use crate::state::{AppState, MarkInfo, ReaderDoc};
use crate::workspace::{safe_url, Meta, Source};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use qarin_engine::EntityType;
use std::sync::Arc;

#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<AppState>();
    // How many runs of the article's pieces are rendered (see `ReaderDoc::chunks`): the first at
    // once, the others one a task after it; a jump further on renders up to its run at once.
    let shown = RwSignal::new(0usize);
    // Which rendering of the reader the filling belongs to (a new article stops the old one).
    let generation = StoredValue::new(0u32);
    // The words selected in the article, for correcting names (code points).
    let picked = RwSignal::new(None::<(usize, usize)>);

    // Scroll to (and focus) a mention once its article is rendered.
    Effect::new(move |_| {
        let Some((doc, start)) = state.scroll_to.get() else {
            return;
        };
        // Re-run when the article changes, so a jump to another article waits for its text.
        let open = state.reader_doc.with(|r| r.as_ref().map(|r| r.id.clone()));
        if open.as_deref() != Some(doc.as_str()) {
            return;
        }
        let run = state.reader_doc.with_untracked(|r| r.as_ref().and_then(|r| r.chunk_of_mark(start)));
        if let Some(run) = run.filter(|&r| shown.get_untracked() <= r) {
            shown.set(run + 1);
        }
        try_scroll(state, doc, start, 0);
    });

    let hidden_classes = move || {
        let shown = state.shown_types.get();
        let mut c = String::from("reader-text");
        for (i, k) in EntityType::ALL.iter().enumerate() {
            if !shown[i] {
                c.push_str(" hide-");
                c.push_str(k.code());
            }
        }
        c
    };

    view! {
        <div class="reader-view">
            <Legend/>
            {move || match state.reader_doc.get() {
                None => view! {
                    <p class="empty">
                        {move || {
                            let none = state.data.with(|d| d.as_ref().is_some_and(|d| d.doc_count() == 0));
                            state.t(if none { Key::NoArticles } else { Key::ChooseArticle })
                        }}
                    </p>
                }.into_any(),
                Some(rd) => {
                    let id = rd.id.clone();
                    let hit = state
                        .fact_hit
                        .get()
                        .filter(|(d, s, e)| *d == id && s < e)
                        .map(|(_, s, e)| (s, e));
                    // Render at once up to what the reader is sent to (a fact, a mention), then
                    // the rest a run a task.
                    let target = state.scroll_to.with_untracked(|t| t.as_ref().filter(|(d, _)| *d == id).and_then(|(_, s)| rd.chunk_of_mark(*s)));
                    let first = hit.map(|(s, _)| rd.chunk_of_byte(s)).max(target).unwrap_or(0) + 1;
                    let total = rd.chunks.len();
                    shown.set(first.min(total));
                    let run = generation.get_value().wrapping_add(1);
                    generation.set_value(run);
                    fill(shown, total, generation, run);
                    let rd_runs = rd.clone();
                    let rd_sel = rd.clone();
                    picked.set(None);
                    let pick = move || picked.set(super::correct::selected(&rd_sel));
                    let pick_key = pick.clone();
                    view! {
                    <ReaderMeta rd=rd.clone()/>
                    <super::correct::CorrectBar rd=rd.clone() picked=picked/>
                    <article
                        on:mouseup=move |_| pick()
                        on:keyup=move |_| pick_key()
                        id="reader"
                        class=hidden_classes
                        data-doc=id
                        dir="rtl"
                        lang="ar"
                        aria-labelledby="reader-heading"
                    >
                        <For
                            each=move || 0..shown.get().min(total)
                            key=|i| *i
                            children=move |i| render_pieces(state, rd_runs.clone(), hit, rd_runs.chunks[i])
                        />
                    </article>
                }.into_any()
                }
            }}
        </div>
    }
}

/// Renders the next run of the reader's article in a task of its own, until all are shown or
/// another rendering of the reader has begun.
fn fill(shown: RwSignal<usize>, total: usize, generation: StoredValue<u32>, run: u32) {
    if shown.get_untracked() >= total {
        return;
    }
    set_timeout(
        move || {
            if generation.try_get_value() != Some(run) {
                return;
            }
            if shown.try_update(|n| *n += 1).is_some() {
                fill(shown, total, generation, run);
            }
        },
        std::time::Duration::ZERO,
    );
}

fn try_scroll(state: AppState, doc: String, start: usize, attempt: u32) {
    request_animation_frame(move || {
        if state.scroll_to.get_untracked().as_ref() != Some(&(doc.clone(), start)) {
            return; // superseded
        }
        if browser::scroll_to_mark(start) || attempt >= 10 {
            state.scroll_to.set(None);
        } else {
            try_scroll(state, doc, start, attempt + 1);
        }
    });
}

/// The line above the text: which article this is, where it comes from, its details (editable)
/// (outside `article#reader`, which holds the source text and nothing else).
#[component]
fn ReaderMeta(rd: Arc<ReaderDoc>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = rd.id.clone();
    let boiler = rd
        .pieces
        .iter()
        .filter(|p| matches!(p.kind, PieceKind::Boilerplate(_)))
        .count();
    let mentions = rd.marks.len();
    let editing = RwSignal::new(false);
    move || {
        let lang = state.lang.get();
        let data = state.data.get()?;
        let i = data.doc_index(&id)?;
        let d = &data.analysis.documents[i];
        let url = data.url(&id).map(str::to_string);
        let source = data.source(&id);
        let (badge, badge_long) = match source {
            Source::User => (t(lang, Key::SourceUser), t(lang, Key::SourceUserLong)),
            Source::Bundled => (t(lang, Key::SourceBundled), t(lang, Key::SourceBundledLong)),
        };
        let file = if d.file.is_empty() { t(lang, Key::PastedText).to_string() } else { d.file.clone() };
        let id_remove = id.clone();
        let id_form = id.clone();
        let meta = Meta { title: d.title.clone(), outlet: d.outlet.clone(), date: d.date.clone(), url: url.clone().unwrap_or_default() };
        let link = url.as_deref().and_then(safe_url).map(str::to_string);
        let url_text = url.clone().filter(|_| link.is_none());
        Some(view! {
            <div class="reader-meta">
                <div class="reader-meta-top">
                    <h2 id="reader-heading" class="reader-heading">
                        <span class="article-n">{crate::i18n::article_n(lang, i + 1)}</span>
                        {(!d.outlet.trim().is_empty() || data.outlet_guess(i).is_some()).then(|| view! {
                            <span class="sep" aria-hidden="true">" · "</span>
                            <span>{data.doc_label(i, lang)}</span>
                        })}
                    </h2>
                    <div class="reader-actions">
                        <span class="source-badge" data-source=source.code() title=badge_long>
                            <span aria-hidden="true">{badge}</span>
                            <span class="sr-only">{badge_long}</span>
                        </span>
                        <button
                            type="button"
                            id="edit-meta"
                            class="btn small"
                            aria-expanded=move || if editing.get() { "true" } else { "false" }
                            aria-controls="meta-form"
                            on:click=move |_| editing.update(|e| *e = !*e)
                        >
                            {t(lang, Key::EditDetails)}
                        </button>
                        <button type="button" id="remove-doc" class="btn small" on:click=move |_| state.remove_doc(&id_remove)>
                            {t(lang, Key::Remove)}
                        </button>
                    </div>
                </div>
                // The title, when it is not simply the text's first line (a renamed article).
                {(!d.title.trim().is_empty() && d.title.trim() != qarin_engine::input::default_title(&d.text)).then(|| view! {
                    <p class="reader-title" lang="ar" dir="auto">{d.title.clone()}</p>
                })}
                {data.outlet_guess(i).map(|g| {
                    let (name, id_use, meta_use) = (g.name.clone(), id.clone(), meta.clone());
                    view! {
                        <p class="outlet-guess">
                            <span lang="ar" dir="auto">{crate::i18n::tf(lang, Key::OutletFound, &[("name", &crate::i18n::isolate(&g.name))])}</span>
                            " "
                            <span class="muted">"(" {crate::i18n::outlet_cue(lang, g.cue)} ")"</span>
                            " "
                            <button type="button" id="use-outlet" class="btn small" on:click=move |_| {
                                state.set_meta(&id_use, Meta { outlet: name.clone(), ..meta_use.clone() });
                            }>
                                {t(lang, Key::OutletUse)}
                            </button>
                        </p>
                    }
                })}
                <p class="reader-facts">
                    {(!d.date.is_empty()).then(|| view! { <time datetime=d.date.clone()>{d.date.clone()}</time> })}
                    <span>{names_count(lang, mentions)}</span>
                    {(boiler > 0).then(|| view! { <span class="boiler-note">{t(lang, Key::Boilerplate)}</span> })}
                    {link.map(|u| view! {
                        <a href=u.clone() rel="noopener noreferrer nofollow" target="_blank" class="source-link">
                            {t(lang, Key::Source)} " ↗"
                        </a>
                    })}
                    {url_text.map(|u| view! { <span class="source-text" dir="ltr">{u}</span> })}
                    <span class="file-name" dir="auto">{file}</span>
                </p>
                {move || editing.get().then(|| meta_form(state, lang, id_form.clone(), meta.clone(), editing))}
            </div>
        })
    }
}

/// The form editing an article's title, outlet, date and address.
fn meta_form(state: AppState, lang: crate::i18n::Lang, id: String, meta: Meta, editing: RwSignal<bool>) -> impl IntoView {
    let title: NodeRef<html::Input> = NodeRef::new();
    let outlet: NodeRef<html::Input> = NodeRef::new();
    let date: NodeRef<html::Input> = NodeRef::new();
    let url: NodeRef<html::Input> = NodeRef::new();
    // An address that is not http(s) (`javascript:`, `file:`, a typo) is refused in the form.
    let url_bad = RwSignal::new(false);
    request_animation_frame(move || {
        if let Some(t) = title.get_untracked() {
            let _ = t.focus();
        }
    });
    let on_submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let value = |r: NodeRef<html::Input>| r.get().map(|e| e.value()).unwrap_or_default();
        let m = Meta { title: value(title), outlet: value(outlet), date: value(date), url: value(url) };
        if !m.url.trim().is_empty() && safe_url(&m.url).is_none() {
            url_bad.set(true);
            if let Some(u) = url.get() {
                let _ = u.focus();
            }
            return;
        }
        editing.set(false);
        state.set_meta(&id, m);
        if let Some(b) = browser::html_element("#edit-meta") {
            let _ = b.focus();
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            editing.set(false);
        }
    };
    view! {
        <form id="meta-form" class="meta-form" on:submit=on_submit on:keydown=on_key>
            <div class="field">
                <label for="meta-title">{t(lang, Key::FieldTitle)}</label>
                <input id="meta-title" type="text" dir="auto" autocomplete="off" value=meta.title node_ref=title/>
            </div>
            <div class="field">
                <label for="meta-outlet">{t(lang, Key::FieldOutlet)}</label>
                <input id="meta-outlet" type="text" dir="auto" autocomplete="off" value=meta.outlet node_ref=outlet/>
            </div>
            <div class="field">
                <label for="meta-date">{t(lang, Key::FieldDate)}</label>
                <input id="meta-date" type="text" dir="ltr" autocomplete="off" placeholder="YYYY-MM-DD" value=meta.date node_ref=date/>
            </div>
            <div class="field">
                <label for="meta-url">{t(lang, Key::FieldUrl)}</label>
                <input id="meta-url" type="text" inputmode="url" dir="ltr" autocomplete="off" placeholder="https://" value=meta.url node_ref=url
                    aria-invalid=move || url_bad.get().then_some("true") aria-describedby=move || url_bad.get().then_some("meta-url-error")
                    on:input=move |_| url_bad.set(false)/>
                <Show when=move || url_bad.get()>
                    <p id="meta-url-error" class="field-error" role="alert">{t(lang, Key::FieldUrlInvalid)}</p>
                </Show>
            </div>
            <div class="form-actions">
                <button type="submit" id="meta-save" class="btn primary">{t(lang, Key::Save)}</button>
                <button type="button" id="meta-cancel" class="btn" on:click=move |_| editing.set(false)>{t(lang, Key::Cancel)}</button>
            </div>
        </form>
    }
}

/// Cut `text` (which starts at byte `at` of the article) around the highlighted span `hit`:
/// plain text outside it, `<span class="fact-hit current">` inside (text nodes only).
fn with_hit(text: &str, at: usize, hit: Option<(usize, usize)>) -> AnyView {
    let Some((hs, he)) = hit else {
        return text.to_string().into_any();
    };
    let end = at + text.len();
    let s = hs.max(at);
    let e = he.min(end);
    if s >= e || !text.is_char_boundary(s - at) || !text.is_char_boundary(e - at) {
        return text.to_string().into_any();
    }
    let (before, rest) = text.split_at(s - at);
    let (mid, after) = rest.split_at(e - s);
    view! {
        {before.to_string()}
        <span class="fact-hit current">{mid.to_string()}</span>
        {after.to_string()}
    }
    .into_any()
}

/// The pieces `run.0..run.1` of the article.
fn render_pieces(state: AppState, rd: Arc<ReaderDoc>, hit: Option<(usize, usize)>, run: (usize, usize)) -> impl IntoView {
    rd.pieces[run.0..run.1]
        .iter()
        .map(|p| {
            let (here, text) = (p.start, rd.text_of(p));
            match p.kind {
                PieceKind::Text => with_hit(text, here, hit),
                PieceKind::Boilerplate(i) => {
                    let kind = rd.boiler_kinds.get(i).map_or("", |k| k.code());
                    view! {
                        <span class="boilerplate" data-kind=kind title=move || state.t(Key::Boilerplate)>
                            {with_hit(text, here, hit)}
                        </span>
                    }
                    .into_any()
                }
                PieceKind::Mention(m) => render_mark(state, rd.id.clone(), rd.marks[m], rd.entities.get(rd.marks[m].entity as usize).cloned().unwrap_or_default(), text, with_hit(text, here, hit)).into_any(),
            }
        })
        .collect_view()
}

/// A mention; `written` is its text (its name when its entity is not found).
fn render_mark(state: AppState, doc: String, m: MarkInfo, entity: String, written: &str, text: AnyView) -> impl IntoView {
    let MarkInfo {
        kind,
        start,
        end,
        by_user,
        ..
    } = m;
    let (label, latin) = state
        .data
        .with_untracked(|d| d.as_ref().and_then(|d| d.entity(&entity)).map(|e| (e.label.clone(), e.latin.clone())))
        .unwrap_or_else(|| (written.to_string(), String::new()));
    let entity_sel = entity.clone();
    let doc_cur = doc.clone();
    let class = move || {
        let selected = state
            .entity
            .with(|e| e.as_deref() == Some(entity_sel.as_str()));
        let current = state.current.with(|c| {
            c.as_ref()
                .is_some_and(|(d, s)| *d == doc_cur && *s == start)
        });
        match (selected, current) {
            (true, true) => "selected current",
            (true, false) => "selected",
            (false, true) => "current",
            (false, false) => "",
        }
    };
    let label_aria = label.clone();
    let aria_label = move || format!("{}: {}", type_name(state.lang.get(), kind), label_aria);
    let title = move || {
        let ty = type_name(state.lang.get(), kind);
        if latin.is_empty() || latin == label {
            format!("{ty} · {label}")
        } else {
            format!("{ty} · {label} · {latin}")
        }
    };
    let entity_click = entity.clone();
    let doc_click = doc.clone();
    let activate = move |el: Option<web_sys::HtmlElement>| {
        state.current.set(Some((doc_click.clone(), start)));
        state.select_entity(&entity_click, el, true);
    };
    let activate_key = activate.clone();
    view! {
        <mark
            data-type=kind.code()
            data-entity=entity
            data-start=start.to_string()
            data-end=end.to_string()
            data-by=by_user.then_some("user")
            tabindex="0"
            role="button"
            class=class
            aria-label=aria_label
            title=title
            on:click=move |ev: ev::MouseEvent| activate(browser::current_target(&ev))
            on:keydown=move |ev: ev::KeyboardEvent| {
                let k = ev.key();
                if k == "Enter" || k == " " || k == "Spacebar" {
                    ev.prevent_default();
                    activate_key(browser::current_target(&ev));
                }
            }
        >
            {text}
        </mark>
    }
}
