//! How far a running analysis is: a `<progress>` bar and a percentage, shown beside
//! "Analysing…" / "Updating the analysis…" while [`crate::job`] works through the articles.

use crate::i18n::Key;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn AnalysisProgress() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.progress.get().map(|(done, total)| {
            let total = total.max(1);
            let pct = (100 * done.min(total)) / total;
            view! {
                <span class="progress">
                    <progress
                        max=total
                        value=done.min(total)
                        aria-label=move || state.t(Key::Analysing)
                    ></progress>
                    <span class="pct">{format!("{pct} %")}</span>
                </span>
            }
        })
    }
}
