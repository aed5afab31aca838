//! The shared-copy view: passages two articles share nearly word for word (agency copy), side by
//! side, with the words that differ marked.

use crate::i18n::{self, t, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::{DiffKind, WirePair};

/// One side of a passage: its text cut by the diff runs; differing words in `span.diff`.
fn side(pair: &WirePair, a_side: bool, lang: Lang) -> AnyView {
    let (text, base) = if a_side { (&pair.a_text, pair.a_start) } else { (&pair.b_text, pair.b_start) };
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String {
        let s = s.saturating_sub(base).min(chars.len());
        let e = e.saturating_sub(base).min(chars.len()).max(s);
        chars[s..e].iter().collect()
    };
    let mut out: Vec<AnyView> = Vec::new();
    let mut cursor = base;
    for run in &pair.diff {
        let (s, e) = if a_side { (run.a_start, run.a_end) } else { (run.b_start, run.b_end) };
        if s < cursor || s >= e {
            continue;
        }
        if s > cursor {
            out.push(slice(cursor, s).into_any());
        }
        let words = slice(s, e);
        let (class, key) = match (run.kind, a_side) {
            (DiffKind::Same, _) => ("", None),
            (DiffKind::Changed, _) => ("diff changed", Some(Key::DiffChanged)),
            (DiffKind::OnlyA, _) => ("diff only-a", Some(Key::DiffOnlyA)),
            (DiffKind::OnlyB, _) => ("diff only-b", Some(Key::DiffOnlyB)),
        };
        match key {
            None => out.push(words.into_any()),
            Some(k) => out.push(view! { <span class=class title=t(lang, k)>{words}</span> }.into_any()),
        }
        cursor = e;
    }
    let end = base + chars.len();
    if cursor < end {
        out.push(slice(cursor, end).into_any());
    }
    out.into_any()
}

#[component]
pub fn Wire() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let data = state.data.get()?;
        let lang = state.lang.get();
        let pairs = &data.analysis.wire;
        if pairs.is_empty() {
            return Some(view! { <p class="empty" id="wire-none">{t(lang, Key::NoWire)}</p> }.into_any());
        }
        let items = pairs
            .iter()
            .map(|p| {
                let head = |id: &str| {
                    let i = data.doc_index(id).unwrap_or(0);
                    let label = data.doc_label(i, lang);
                    let title = data.doc_title(i, lang);
                    let id_open = id.to_string();
                    view! {
                        <h3 class="wire-title">
                            <span class="wire-outlet">{label}</span>
                            <button type="button" class="link-btn wire-open" lang="ar" dir="auto" on:click=move |_| state.open_doc(&id_open)>
                                {title}
                            </button>
                        </h3>
                    }
                };
                let (a_bytes, b_bytes) = (p.a_bytes, p.b_bytes);
                let (a_id, b_id) = (p.a.clone(), p.b.clone());
                let jump_label = t(lang, Key::FactJump);
                view! {
                    <div class="wire-pair" data-a=p.a.clone() data-b=p.b.clone()>
                        <p class="wire-similarity muted">
                            {i18n::similarity_text(lang, p.similarity, p.same_words, p.a_words.max(p.b_words))}
                        </p>
                        <div class="wire-sides">
                            <div class="wire-a" data-doc=p.a.clone()>
                                {head(&p.a)}
                                <p class="wire-text" lang="ar" dir="rtl">{side(p, true, lang)}</p>
                                <button type="button" class="btn small wire-jump" on:click=move |_| state.jump_span(&a_id, a_bytes.0, a_bytes.1)>
                                    {jump_label}
                                </button>
                            </div>
                            <div class="wire-b" data-doc=p.b.clone()>
                                {head(&p.b)}
                                <p class="wire-text" lang="ar" dir="rtl">{side(p, false, lang)}</p>
                                <button type="button" class="btn small wire-jump" on:click=move |_| state.jump_span(&b_id, b_bytes.0, b_bytes.1)>
                                    {jump_label}
                                </button>
                            </div>
                        </div>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <p class="legend-line muted">
                <span class="diff changed">{t(lang, Key::DiffChanged)}</span>
                " "
                <span class="diff only-a">{t(lang, Key::DiffOnlyA)}</span>
                " "
                <span class="diff only-b">{t(lang, Key::DiffOnlyB)}</span>
            </p>
            <div class="wire-list">{items}</div>
        }
        .into_any())
    };
    view! {
        <section id="wire-view" class="wire-view" aria-labelledby="wire-heading">
            <h2 id="wire-heading" class="view-heading">{move || state.t(Key::WireIntro)}</h2>
            {body}
        </section>
    }
}
