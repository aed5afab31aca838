//! The page header: name, tagline, downloads, language and theme toggles.

use crate::browser;
use crate::i18n::Key;
use crate::state::{AppState, Status, Theme};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let not_ready = move || state.status.get() != Status::Ready;

    let download_json = move |_| {
        if let Some(d) = state.data.get_untracked() {
            let json = qarin_engine::export::to_json(&d.analysis);
            browser::download(
                "qarin-analysis.json",
                "application/json;charset=utf-8",
                &json,
            );
        }
    };
    let download_csv = move |_| {
        if let Some(d) = state.data.get_untracked() {
            let csv = qarin_engine::export::to_csv(&d.analysis);
            browser::download("qarin-comparison.csv", "text/csv;charset=utf-8", &csv);
        }
    };
    let download_facts = move |_| {
        if let Some(d) = state.data.get_untracked() {
            let csv = qarin_engine::export::facts_to_csv(&d.analysis, &|f| (crate::i18n::fact_label(crate::i18n::Lang::En, f), crate::i18n::fact_label(crate::i18n::Lang::Ar, f)));
            browser::download("qarin-facts.csv", "text/csv;charset=utf-8", &csv);
        }
    };
    // The research formats (qarin_engine::export): CoNLL, brat standoff (a ZIP), JSON Lines.
    let download_format = move |ev: leptos::ev::Event| {
        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
        let format = select.value();
        select.set_value("");
        let Some(d) = state.data.get_untracked() else { return };
        let a = &d.analysis;
        match format.as_str() {
            "conll" => browser::download("qarin-names.conll", "text/plain;charset=utf-8", &qarin_engine::export::conll::to_conll(a)),
            "jsonl" => browser::download("qarin-mentions.jsonl", "application/jsonl;charset=utf-8", &qarin_engine::export::jsonl::to_jsonl(a)),
            "brat" => {
                let files: Vec<(String, Vec<u8>)> = qarin_engine::export::brat::to_brat(a).into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
                browser::download_bytes("qarin-brat.zip", "application/zip", &qarin_engine::export::zip::zip(&files));
            }
            _ => {}
        }
    };
    let toggle_lang = move |_| {
        let lang = state.lang.get_untracked().other();
        state.lang.set(lang);
    };
    let toggle_theme = move |_| {
        let theme = match state.theme.get_untracked() {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        };
        state.theme.set(theme);
    };
    let dark = move || state.theme.get() == Theme::Dark;

    view! {
        <header class="app-header">
            <div class="brand">
                <h1 class="app-name">
                    <span lang="en" dir="ltr">"Qarin"</span>
                    <span class="dot" aria-hidden="true">" · "</span>
                    <span lang="ar" dir="rtl" class="arabic">"قارن"</span>
                </h1>
                <p class="tagline">{move || state.t(Key::Tagline)}</p>
            </div>
            <div class="header-actions">
                <div class="downloads" role="group" aria-label=move || state.t(Key::DownloadsLabel)>
                    <button type="button" id="download-json" class="btn" disabled=not_ready on:click=download_json>
                        <span aria-hidden="true" class="icon">"⤓"</span>
                        {move || state.t(Key::DownloadJson)}
                    </button>
                    <button type="button" id="download-csv" class="btn" disabled=not_ready on:click=download_csv>
                        <span aria-hidden="true" class="icon">"⤓"</span>
                        {move || state.t(Key::DownloadCsv)}
                    </button>
                    <button type="button" id="download-facts-csv" class="btn" disabled=not_ready on:click=download_facts>
                        <span aria-hidden="true" class="icon">"⤓"</span>
                        {move || state.t(Key::DownloadFactsCsv)}
                    </button>
                    <select id="download-format" class="btn" disabled=not_ready aria-label=move || state.t(Key::DownloadFormats) on:change=download_format>
                        <option value="">{move || state.t(Key::DownloadFormats)}</option>
                        <option value="conll">"CoNLL"</option>
                        <option value="brat">"brat (ZIP)"</option>
                        <option value="jsonl">"JSON Lines"</option>
                    </select>
                </div>
                <button
                    type="button"
                    id="lang-toggle"
                    class="btn"
                    title=move || state.t(Key::LangToggleLabel)
                    on:click=toggle_lang
                >
                    <span lang=move || state.lang.get().other().code()>{move || state.t(Key::LangToggle)}</span>
                </button>
                <button
                    type="button"
                    id="theme-toggle"
                    class="btn"
                    aria-pressed=move || if dark() { "true" } else { "false" }
                    on:click=toggle_theme
                >
                    <span aria-hidden="true" class="icon">{move || if dark() { "☾" } else { "☀" }}</span>
                    {move || state.t(Key::ThemeToDark)}
                </button>
            </div>
        </header>
    }
}
