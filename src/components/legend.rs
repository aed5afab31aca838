//! The highlight legend: one checkbox per entity type.

use crate::i18n::{type_name, Key};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::EntityType;

#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = EntityType::ALL
        .iter()
        .enumerate()
        .map(|(i, &kind)| {
            let code = kind.code();
            view! {
                <label class="legend-item" data-type=code>
                    <input
                        type="checkbox"
                        data-type-toggle=code
                        prop:checked=move || state.shown_types.get()[i]
                        on:change=move |ev| state.set_type_shown(i, event_target_checked(&ev))
                    />
                    <span class="swatch" data-type=code aria-hidden="true"></span>
                    <span>{move || type_name(state.lang.get(), kind)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset id="legend" class="legend">
            <legend>{move || state.t(Key::Legend)}</legend>
            <div class="legend-items">
                {items}
                <span class="legend-item boiler-key">
                    <span class="boiler-sample" aria-hidden="true">"Aa"</span>
                    <span>{move || state.t(Key::Boilerplate)}</span>
                </span>
            </div>
            <p class="hint">{move || state.t(Key::LegendHint)}</p>
        </fieldset>
    }
}
