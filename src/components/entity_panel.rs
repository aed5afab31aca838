//! The entity panel: label, Latin name, type, coverage, each article's spelling, why the
//! spellings were grouped, and every mention in context with a jump to the reader.

use crate::browser;
use crate::i18n::{coverage_text, mentions_count, t, type_name, Key};
use crate::state::AppState;
use leptos::prelude::*;

/// Characters of context on each side of a mention.
const KWIC_CONTEXT: usize = 70;

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

    move || {
        let id = state.entity.get()?;
        let data = state.data.get()?;
        let lang = state.lang.get();
        let e = data.entity(&id)?.clone();
        let m = data.doc_count();
        let code = e.kind.code();

        // Spellings, article by article (in article order).
        let spellings = data
            .analysis
            .documents
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let sp = e.spellings.get(&d.id).filter(|v| !v.is_empty())?;
                let items = sp
                    .iter()
                    .map(|s| {
                        view! {
                            <span class="spelling">
                                <bdi lang="ar" dir="rtl" class="arabic">{s.text.clone()}</bdi>
                                <span class="times">"×" {s.count}</span>
                            </span>
                        }
                    })
                    .collect_view();
                Some(view! {
                    <li data-doc=d.id.clone()>
                        <span class="variant-doc" title=data.doc_title(i, lang)>{data.doc_label(i, lang)}</span>
                        <span class="variant-list">{items}</span>
                    </li>
                })
            })
            .collect_view();
        let absent: Vec<String> = data
            .analysis
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| !e.documents.contains_key(&d.id))
            .map(|(i, _)| data.doc_label(i, lang))
            .collect();

        let reasons = if e.reasons.is_empty() {
            view! { <p class="muted">{t(lang, Key::OneSpelling)}</p> }.into_any()
        } else {
            let items = e
                .reasons
                .iter()
                .map(|r| {
                    view! {
                        <li>
                            <span class="reason-pair">
                                <bdi lang="ar" dir="rtl" class="arabic">{r.variant.clone()}</bdi>
                                <span class="arrow" aria-hidden="true">{if lang == crate::i18n::Lang::Ar { " ← " } else { " → " }}</span>
                                <bdi lang="ar" dir="rtl" class="arabic">{r.to.clone()}</bdi>
                            </span>
                            <span class="reason-detail">{r.detail.clone()}</span>
                            <code class="rule" title=t(lang, Key::Rule)>{r.rule.clone()}</code>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="reasons">{items}</ul> }.into_any()
        };

        // Every mention, keyword in context.
        let mut kwic_items = Vec::new();
        for (i, d) in data.analysis.documents.iter().enumerate() {
            for mention in d.mentions.iter().filter(|x| x.entity == e.id) {
                let k = d.kwic(mention, KWIC_CONTEXT);
                let doc_id = d.id.clone();
                let doc_attr = d.id.clone();
                let start = mention.start;
                let title = data.doc_title(i, lang);
                let label = data.doc_label(i, lang);
                let jump_label =
                    format!("{}: {} — {title}", t(lang, Key::Jump), t(lang, Key::JumpTo));
                let trimmed_before = !k.before.is_empty()
                    && !is_sentence_start(d, mention.byte_start - k.before.len());
                let trimmed_after =
                    !k.after.is_empty() && !is_sentence_end(d, mention.byte_end + k.after.len());
                kwic_items.push(view! {
                    <li data-doc=doc_attr data-start=start.to_string()>
                        <div class="kwic-src">
                            <span class="kwic-doc">{label}</span>
                            <span class="kwic-title" lang="ar" dir="rtl">{title}</span>
                        </div>
                        <p class="kwic-line" lang="ar" dir="rtl">
                            {trimmed_before.then_some("… ")}
                            {k.before.to_string()}
                            <b class="kwic-hit" data-type=code>{k.hit.to_string()}</b>
                            {k.after.to_string()}
                            {trimmed_after.then_some(" …")}
                        </p>
                        <button
                            type="button"
                            class="jump btn small"
                            aria-label=jump_label
                            on:click=move |_| state.jump(&doc_id, start)
                        >
                            {t(lang, Key::Jump)}
                            <span aria-hidden="true">{if lang == crate::i18n::Lang::Ar { " ←" } else { " →" }}</span>
                        </button>
                    </li>
                });
            }
        }
        let n_mentions = kwic_items.len();

        Some(view! {
            <aside id="entity-panel" class="entity-panel" data-entity=e.id.clone() data-type=code aria-labelledby="entity-panel-title">
                <div class="panel-head">
                    <div class="panel-titles">
                        <p class="kicker">
                            <span class="type-badge" data-type=code>{type_name(lang, e.kind)}</span>
                            <span class="sr-only">{t(lang, Key::EntityDetails)}</span>
                        </p>
                        <h2 id="entity-panel-title" tabindex="-1" lang="ar" dir="rtl" class="arabic">{e.label.clone()}</h2>
                        {(!e.latin.is_empty()).then(|| view! {
                            <p class="latin" lang="en" dir="ltr">{e.latin.clone()}</p>
                        })}
                    </div>
                    <button
                        type="button"
                        class="close btn icon-btn"
                        aria-label=t(lang, Key::Close)
                        title=t(lang, Key::Close)
                        on:click=move |_| state.close_panel()
                    >
                        <span aria-hidden="true">"✕"</span>
                    </button>
                </div>
                <dl class="facts">
                    <div>
                        <dt>{t(lang, Key::Coverage)}</dt>
                        <dd>
                            <span class="cov-badge" class:full=e.coverage() == m>{format!("{}/{}", e.coverage(), m)}</span>
                            " " {coverage_text(lang, e.coverage(), m)}
                        </dd>
                    </div>
                    <div>
                        <dt>{t(lang, Key::EveryMention)}</dt>
                        <dd>{mentions_count(lang, e.total())}</dd>
                    </div>
                </dl>
                <section aria-labelledby="panel-spellings">
                    <h3 id="panel-spellings">{t(lang, Key::Spellings)}</h3>
                    <ul class="variants">{spellings}</ul>
                    {(!absent.is_empty()).then(|| view! {
                        <p class="absent-list">
                            <span class="muted">{t(lang, Key::NotNamed)} ": "</span>
                            {absent.join(" · ")}
                        </p>
                    })}
                </section>
                <section aria-labelledby="panel-reasons">
                    <h3 id="panel-reasons">{t(lang, Key::WhyGrouped)}</h3>
                    {reasons}
                </section>
                <section aria-labelledby="panel-kwic">
                    <h3 id="panel-kwic">{t(lang, Key::EveryMention)} <span class="pill">{n_mentions}</span></h3>
                    <ol class="kwic">{kwic_items}</ol>
                </section>
            </aside>
        })
    }
}

fn is_sentence_start(d: &qarin_engine::DocumentAnalysis, byte: usize) -> bool {
    d.sentences.is_empty() || d.sentences.iter().any(|&(s, _)| s == byte)
}

fn is_sentence_end(d: &qarin_engine::DocumentAnalysis, byte: usize) -> bool {
    d.sentences.is_empty() || d.sentences.iter().any(|&(_, e)| e == byte)
}
