//! The entity panel: label, Latin name, type, coverage, each article's spelling, why the
//! spellings were grouped, the links the engine only suggests (accept: merge; reject: keep
//! apart), and every mention in context with a jump to the reader.

use crate::browser;
use crate::i18n::{self, coverage_text, mentions_count, t, type_name, Key};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::decisions::Decision;
use qarin_engine::LinkRule;

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

    move || {
        let id = state.entity.get()?;
        let data = state.data.get()?;
        let lang = state.lang.get();
        let limit = kwic_shown.get();
        let e = data.entity(&id)?.clone();
        let m = data.doc_count();
        let code = e.kind.code();

        let splittable = e.variants.len() > 1;
        let entity_id = e.id.clone();
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
                        let split = splittable.then(|| {
                            let (entity, spelling) = (entity_id.clone(), s.text.clone());
                            view! {
                                <button
                                    type="button"
                                    class="split-btn"
                                    data-spelling=s.text.clone()
                                    aria-label=i18n::split_label(lang, &s.text)
                                    title=i18n::split_label(lang, &s.text)
                                    on:click=move |_| state.split(&entity, &spelling)
                                >
                                    {t(lang, Key::SplitOff)}
                                </button>
                            }
                        });
                        view! {
                            <span class="spelling">
                                <bdi lang="ar" dir="rtl" class="arabic">{s.text.clone()}</bdi>
                                <span class="times">"×" {s.count}</span>
                                {split}
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

        // The user's decisions: matched to the reasons the engine gives for them, plus the
        // spellings split off this entity (whose reasons belong to the new entities).
        let decisions = state.workspace.with(|ws| ws.decisions.clone());
        let decision_for = |r: &qarin_engine::LinkReason| -> Option<Decision> {
            decisions
                .iter()
                .find(|d| match d {
                    Decision::Merge { keep, absorb } => {
                        r.rule == LinkRule::UserMerge && data.raw_label(absorb) == r.variant && data.raw_label(keep) == r.to
                    }
                    Decision::Split { entity, spelling } => {
                        r.rule == LinkRule::UserSplit && *spelling == r.variant && data.raw_label(entity) == r.to
                    }
                    Decision::Apart { .. } => false,
                })
                .cloned()
        };
        let undo_button = move |d: Decision| {
            view! {
                <button type="button" class="btn small undo-decision" on:click=move |_| state.undo_decision(&d)>
                    {t(lang, Key::Undo)}
                </button>
            }
        };
        let split_here: Vec<Decision> = decisions
            .iter()
            .filter(|d| matches!(d, Decision::Split { entity, .. } if *entity == e.id) || matches!(d, Decision::Apart { a, b } if *a == e.id || *b == e.id))
            .cloned()
            .collect();
        let reasons = if e.reasons.is_empty() && split_here.is_empty() {
            view! { <p class="muted">{t(lang, Key::OneSpelling)}</p> }.into_any()
        } else {
            let items = e
                .reasons
                .iter()
                .map(|r| {
                    let user = r.rule.is_user();
                    let undo = user.then(|| decision_for(r)).flatten().map(undo_button);
                    view! {
                        <li class:user-decision=user data-rule=r.rule.code()>
                            <span class="reason-pair">
                                <bdi lang="ar" dir="rtl" class="arabic">{r.variant.clone()}</bdi>
                                <span class="arrow" aria-hidden="true">{if lang == crate::i18n::Lang::Ar { " ← " } else { " → " }}</span>
                                <bdi lang="ar" dir="rtl" class="arabic">{r.to.clone()}</bdi>
                            </span>
                            <span class="reason-detail">{crate::i18n::link_reason(lang, r)}</span>
                            <code class="rule" title=t(lang, Key::Rule)>{r.rule.code()}</code>
                            {user.then(|| view! { <span class="decision-badge">{t(lang, Key::UserDecision)}</span> })}
                            {undo}
                        </li>
                    }
                })
                .collect_view();
            let splits = split_here
                .into_iter()
                .map(|d| {
                    let (text, code) = match &d {
                        Decision::Split { spelling, .. } => (i18n::split_reason(lang, spelling), "user_split"),
                        Decision::Apart { a, b } => {
                            let other = if *a == e.id { b } else { a };
                            (i18n::apart_reason(lang, &data.raw_label(other)), "user_apart")
                        }
                        Decision::Merge { .. } => unreachable!("only splits and apart pairs are listed here"),
                    };
                    view! {
                        <li class="user-decision" data-rule=code>
                            <span class="reason-detail">{text}</span>
                            <code class="rule" title=t(lang, Key::Rule)>{code}</code>
                            <span class="decision-badge">{t(lang, Key::UserDecision)}</span>
                            {undo_button(d.clone())}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="reasons">{items}{splits}</ul> }.into_any()
        };

        // Links the engine suggests but did not make: the reader answers.
        let suggested: Vec<qarin_engine::Suggestion> = data.analysis.suggestions.iter().filter(|s| s.a == e.id || s.b == e.id).cloned().collect();
        let suggestions = (!suggested.is_empty()).then(|| {
            let items = suggested
                .into_iter()
                .map(|s| {
                    let other = if s.a == e.id { s.b.clone() } else { s.a.clone() };
                    let other_label = data.entity(&other).map(|o| o.label.clone()).unwrap_or_else(|| other.clone());
                    let (keep, absorb) = (e.id.clone(), other.clone());
                    let (a, b) = (e.id.clone(), other.clone());
                    let question = i18n::suggestion(lang, &s);
                    let open = other.clone();
                    view! {
                        <li class="suggestion" data-rule=s.rule.code() data-other=other.clone()>
                            <button type="button" class="link-like suggestion-other" on:click=move |_| state.select_entity(&open, None, true)>
                                <bdi lang="ar" dir="rtl" class="arabic">{other_label}</bdi>
                            </button>
                            <span class="reason-pair">
                                <bdi lang="ar" dir="rtl" class="arabic">{s.a_spelling.clone()}</bdi>
                                <span class="arrow" aria-hidden="true">" ↔ "</span>
                                <bdi lang="ar" dir="rtl" class="arabic">{s.b_spelling.clone()}</bdi>
                            </span>
                            <p class="reason-detail">{question}</p>
                            <div class="suggestion-actions">
                                <button type="button" class="btn small accept-suggestion" on:click=move |_| state.merge(&keep, &absorb)>
                                    {t(lang, Key::SuggestAccept)}
                                </button>
                                <button type="button" class="btn small reject-suggestion" on:click=move |_| state.keep_apart(&a, &b)>
                                    {t(lang, Key::SuggestReject)}
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section aria-labelledby="panel-suggestions" class="suggestions">
                    <h3 id="panel-suggestions">{t(lang, Key::Suggestions)}</h3>
                    <ul>{items}</ul>
                </section>
            }
        });

        // Merge with another entity of the same type.
        let mut others: Vec<(String, String)> = data
            .analysis
            .entities
            .iter()
            .filter(|o| o.kind == e.kind && o.id != e.id)
            .map(|o| {
                let name = if o.latin.is_empty() || o.latin == o.label { o.label.clone() } else { format!("{} — {}", o.label, o.latin) };
                (o.id.clone(), name)
            })
            .collect();
        qarin_engine::sort::by(&mut others, |a, b| a.1.cmp(&b.1));
        let merge = (!others.is_empty()).then(|| {
            let chosen = RwSignal::new(String::new());
            let keep = e.id.clone();
            let options = others
                .into_iter()
                .map(|(id, name)| view! { <option value=id>{name}</option> })
                .collect_view();
            view! {
                <section aria-labelledby="panel-merge" class="merge">
                    <h3 id="panel-merge">{t(lang, Key::MergeWith)}</h3>
                    <label for="merge-target" class="hint">{t(lang, Key::MergeHint)}</label>
                    <div class="merge-row">
                        <select
                            id="merge-target"
                            dir="auto"
                            on:change=move |ev| chosen.set(event_target_value(&ev))
                        >
                            <option value="">{t(lang, Key::ChooseEntity)}</option>
                            {options}
                        </select>
                        <button
                            type="button"
                            id="merge-button"
                            class="btn small"
                            disabled=move || chosen.with(String::is_empty)
                            on:click=move |_| {
                                let absorb = chosen.get_untracked();
                                if !absorb.is_empty() {
                                    state.merge(&keep, &absorb);
                                }
                            }
                        >
                            {t(lang, Key::MergeButton)}
                        </button>
                    </div>
                </section>
            }
        });

        // Every mention, keyword in context.
        let mut kwic_items = Vec::new();
        let mut n_mentions = 0;
        for (i, d) in data.analysis.documents.iter().enumerate() {
            for mention in d.mentions.iter().filter(|x| x.entity == e.id) {
                n_mentions += 1;
                if kwic_items.len() >= limit {
                    continue;
                }
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
        let more = (n_mentions > kwic_items.len()).then(|| {
            let label = i18n::show_more(lang, kwic_items.len(), n_mentions, KWIC_PAGE);
            view! {
                <button type="button" id="kwic-more" class="btn small kwic-more" on:click=move |_| kwic_shown.update(|n| *n += KWIC_PAGE)>
                    {label}
                </button>
            }
        });

        // Who said what: this entity's quotes, one column per article.
        let quotes_for: Vec<&qarin_engine::facts::Quote> =
            data.analysis.quotes.iter().filter(|q| q.entity == e.id).collect();
        let quote_docs: Vec<usize> = (0..data.doc_count())
            .filter(|&i| quotes_for.iter().any(|q| q.document == data.analysis.documents[i].id))
            .collect();
        let quotes_summary = i18n::quotes_count(lang, quotes_for.len(), quote_docs.len());
        let quote_cols = quote_docs
            .iter()
            .map(|&i| {
                let d = &data.analysis.documents[i];
                let items = quotes_for
                    .iter()
                    .filter(|q| q.document == d.id)
                    .map(|q| {
                        let doc = q.document.clone();
                        let (bs, be) = (q.byte_start, q.byte_end);
                        let jump_label = format!("{}: {}", t(lang, Key::Jump), data.doc_title(i, lang));
                        view! {
                            <li class="quote" data-start=q.start.to_string() class:direct=q.direct>
                                <p class="quote-verb" lang="ar" dir="rtl">
                                    <bdi>{q.speaker.clone()}</bdi>
                                    " "
                                    <bdi>{q.verb.clone()}</bdi>
                                </p>
                                <blockquote lang="ar" dir="rtl">{q.text.clone()}</blockquote>
                                <button
                                    type="button"
                                    class="jump btn small quote-jump"
                                    aria-label=jump_label
                                    on:click=move |_| state.jump_span(&doc, bs, be)
                                >
                                    {t(lang, Key::Jump)}
                                    <span aria-hidden="true">{if lang == crate::i18n::Lang::Ar { " ←" } else { " →" }}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="quote-col" data-doc=d.id.clone()>
                        <h4 class="quote-doc" title=data.doc_title(i, lang)>{data.doc_label(i, lang)}</h4>
                        <ul class="quote-list">{items}</ul>
                    </div>
                }
            })
            .collect_view();
        let has_quotes = !quotes_for.is_empty();

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
                {suggestions}
                <section aria-labelledby="panel-reasons">
                    <h3 id="panel-reasons">{t(lang, Key::WhyGrouped)}</h3>
                    {reasons}
                </section>
                <section aria-labelledby="panel-quotes" class="quotes">
                    <h3 id="panel-quotes">{t(lang, Key::QuotesTitle)}</h3>
                    {if has_quotes {
                        view! {
                            <p class="muted">{quotes_summary}</p>
                            <div class="quote-cols">{quote_cols}</div>
                        }.into_any()
                    } else {
                        view! { <p class="muted">{t(lang, Key::NoQuotes)}</p> }.into_any()
                    }}
                </section>
                {merge}
                <section aria-labelledby="panel-kwic">
                    <h3 id="panel-kwic">{t(lang, Key::EveryMention)} <span class="pill">{n_mentions}</span></h3>
                    <ol class="kwic">{kwic_items}</ol>
                    {more}
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
