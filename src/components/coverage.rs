//! Coverage at a glance, at the top of the comparison: an entity × article map drawn as SVG (the
//! shade of a cell by its mentions, a dot where the article names the entity in its lead, the
//! names only one article gives faded), then per article the names only it gives and its blind
//! spots. Its rows are the table's first rows, in the table's order and filter; the table below
//! holds the same data for screen readers. A cell is a button (click, Enter or Space): it opens
//! the article at the entity's first mention there, with the entity's panel. The picture can be
//! saved as SVG or PNG; colours fall back to the light theme's outside the page. Drawn with plain
//! DOM calls (`picture`, which says why).

use crate::i18n::{cell_label, t, tf, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::compare::coverage::coverage;
use crate::components::picture::{self, add, frame, short, strong as colour};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Rows drawn at most (the table has them all).
const ROWS: usize = 30;
const LABEL_W: usize = 190;
const CELL_W: usize = 58;
const CELL_H: usize = 26;
const HEAD_H: usize = 44;

/// Draw the picture into `holder`: its frame, the map, the lists, the buttons. `total`: the
/// table's rows (the map draws the first [`ROWS`] of them).
fn draw(holder: &Element, data: &crate::state::data::Data, rows: &[usize], total: usize, lang: Lang, alone: bool) {
    let mut legend = t(lang, Key::CoverageLegend).to_string();
    if total > ROWS {
        let first = if alone { Key::CoverageFirstAll } else { Key::CoverageFirst };
        legend = format!("{legend} {}", tf(lang, first, &[("n", &ROWS.to_string())]));
    }
    let holder = &frame(holder, "coverage", t(lang, Key::CoverageTitle), &legend);
    let n = data.doc_count();
    if n == 0 || rows.is_empty() {
        return;
    }
    let a = &data.analysis;
    let pic = coverage(a);
    let rtl = lang == Lang::Ar;
    let (width, height) = (LABEL_W + n * CELL_W + 8, HEAD_H + rows.len() * CELL_H + 4);
    // Columns run right to left in the Arabic interface, the names on the right.
    let col_x = |j: usize| if rtl { width - LABEL_W - (j + 1) * CELL_W } else { LABEL_W + j * CELL_W };
    let (label_x, label_anchor) = if rtl { (width - LABEL_W + 8, "start") } else { (LABEL_W - 8, "end") };
    let most = rows.iter().flat_map(|&e| a.entities[e].documents.values().copied()).max().unwrap_or(1).max(1) as f64;
    let svg = picture::svg(holder, "coverage-svg", t(lang, Key::CoverageLabel), width, height);
    for j in 0..n {
        let x = (col_x(j) + CELL_W / 2).to_string();
        let label = data.doc_label(j, lang);
        let num = add(&svg, true, "text", &[("x", &x), ("y", "16"), ("text-anchor", "middle"), ("font-weight", "bold")], &(j + 1).to_string());
        add(&num, true, "title", &[], &label);
        // The outlet under the number, when there is one ("Article N" would say the number again).
        if !a.documents[j].outlet.trim().is_empty() || data.outlet_guess(j).is_some() {
            let t = add(&svg, true, "text", &[("x", &x), ("y", "34"), ("text-anchor", "middle"), ("font-size", "11")], &short(&label, 9));
            add(&t, true, "title", &[], &label);
        }
    }
    for (r, &ei) in rows.iter().enumerate() {
        let e = &a.entities[ei];
        let y = HEAD_H + r * CELL_H;
        let single = e.coverage() == 1 && n != 1;
        let row = add(&svg, true, "g", &[("class", if single { "cov-row single" } else { "cov-row" })], "");
        let name = add(&row, true, "text", &[("x", &label_x.to_string()), ("y", &(y + 18).to_string()), ("text-anchor", label_anchor), ("font-size", "13")], &short(&e.label, 24));
        add(&name, true, "title", &[], &e.label);
        if single {
            let _ = name.set_attribute("opacity", "0.55");
        }
        for (j, d) in a.documents.iter().enumerate() {
            let x = col_x(j);
            let rect = [("x", (x + 3).to_string()), ("y", (y + 3).to_string()), ("width", (CELL_W - 6).to_string()), ("height", (CELL_H - 6).to_string())];
            let rect: Vec<(&str, &str)> = rect.iter().map(|(k, v)| (*k, v.as_str())).chain([("rx", "3")]).collect();
            let count = e.documents.get(&d.id).copied().unwrap_or(0);
            if count == 0 {
                // Attributes, not only the page's CSS, so that a saved picture draws it the same.
                let el = add(&row, true, "rect", &rect, "");
                for (k, v) in [("class", "cov-absent"), ("fill", "none"), ("stroke", "#b8b1a4"), ("stroke-dasharray", "3 3")] {
                    let _ = el.set_attribute(k, v);
                }
                continue;
            }
            let lead = pic.prominent[ei][j];
            let spelling = e.spellings.get(&d.id).and_then(|s| s.first()).map_or(e.label.as_str(), |s| s.text.as_str());
            let mut label = cell_label(lang, count, &data.doc_label(j, lang), spelling);
            if lead {
                label = format!("{label} — {}", t(lang, Key::InLead));
            }
            let cell = add(
                &row,
                true,
                "g",
                &[("class", "cov-cell"), ("tabindex", "0"), ("role", "button"), ("aria-label", &label), ("data-doc", &d.id), ("data-entity", &e.id), ("data-count", &count.to_string())],
                "",
            );
            // Shade: a share of the most mentions of any drawn cell, on a square-root scale, in
            // whole percent (no float formatting).
            let shade = (18.0 + 72.0 * (count as f64 / most).sqrt()) as u32;
            let r = add(&cell, true, "rect", &rect, "");
            let _ = r.set_attribute("style", &format!("fill:{};fill-opacity:{shade}%", colour(e.kind)));
            add(&cell, true, "text", &[("x", &(x + CELL_W / 2).to_string()), ("y", &(y + 18).to_string()), ("text-anchor", "middle"), ("font-size", "12")], &count.to_string());
            if lead {
                let _ = cell.set_attribute("data-lead", "1");
                let c = add(&cell, true, "circle", &[("cx", &(x + CELL_W - 9).to_string()), ("cy", &(y + 9).to_string()), ("r", "3.5")], "");
                let _ = c.set_attribute("style", &format!("fill:{}", colour(e.kind)));
            }
        }
    }
    // Per article: the names only it gives, and those every other article gives but it does not.
    let names = |ids: &[usize]| {
        let mut s = ids.iter().take(6).map(|&e| a.entities[e].label.as_str()).collect::<Vec<_>>().join(if rtl { "، " } else { ", " });
        if ids.len() > 6 {
            s.push_str(&format!(" (+{})", ids.len() - 6));
        }
        s
    };
    let list = add(holder, false, "ul", &[("class", "cov-lists")], "");
    for (j, ac) in pic.articles.iter().enumerate().filter(|(_, ac)| !ac.only.is_empty() || !ac.missing.is_empty()) {
        let li = add(&list, false, "li", &[("data-doc", &a.documents[j].id)], "");
        add(&li, false, "b", &[], &format!("{} {}", j + 1, data.doc_label(j, lang)));
        for (ids, class, key) in [(&ac.only, "cov-only", Key::OnlyHere), (&ac.missing, "cov-missing", Key::MissingHere)] {
            if !ids.is_empty() {
                let span = add(&li, false, "span", &[("class", class)], &format!("{}: ", t(lang, key)));
                add(&span, false, "bdi", &[("lang", "ar")], &names(ids));
            }
        }
    }
    picture::save_buttons(holder, "coverage", lang);
}

/// The coverage view, a tab of its own: the coverage map and who appears with whom, of every
/// name (not the comparison's filtered rows), in the comparison's default order.
#[component]
pub fn CoverageView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let all = Memo::new(move |_| {
        let Some(data) = state.data.get() else { return Vec::new() };
        let by_latin = state.lang.get() == crate::i18n::Lang::En;
        let entities = &data.analysis.entities;
        crate::table::rows(entities, "", None, crate::table::Sort::default(), by_latin).into_iter().map(|i| (i, entities[i].id.clone())).collect::<Vec<_>>()
    });
    view! {
        <section class="coverage-view" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading" class="view-heading">{move || state.t(crate::i18n::Key::CoverageIntro)}</h2>
            <CoverageMap visible=all alone=true/>
            <crate::components::graph::Graph visible=all alone=true/>
        </section>
    }
}

#[component]
pub fn CoverageMap(visible: Memo<Vec<(usize, String)>>, #[prop(optional)] alone: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    // Redrawn when the analysis, the table's rows or the language change.
    Effect::new(move |_| {
        let (rows, total): (Vec<usize>, usize) = visible.with(|v| (v.iter().take(ROWS).map(|(i, _)| *i).collect(), v.len()));
        let lang = state.lang.get();
        let data = state.data.get();
        if let (Some(el), Some(data)) = (holder.get(), data) {
            draw(&el, &data, &rows, total, lang, alone);
        }
    });

    // One handler for the whole picture: a button by its id, else a cell (the nearest element
    // with a `data-entity`; Enter and Space too). Buttons are left to their own Enter.
    let act = move |target: Option<web_sys::EventTarget>, key: bool| -> bool {
        let Some(target) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
        match picture::button_id(&target).as_deref() {
            Some(id) => {
                if !key {
                    picture::save(id, "coverage");
                }
            }
            None => {
                let Some(cell) = target.closest("[data-entity]").ok().flatten() else { return false };
                let (Some(doc), Some(entity)) = (cell.get_attribute("data-doc"), cell.get_attribute("data-entity")) else { return false };
                let start = state.data.with_untracked(|d| {
                    let d = d.as_ref()?;
                    let i = d.doc_index(&doc)?;
                    d.analysis.documents[i].mentions.iter().find(|m| m.entity == entity).map(|m| m.start)
                });
                if let Some(start) = start {
                    state.select_entity(&entity, None, false);
                    state.jump(&doc, start);
                }
                return true;
            }
        }
        false
    };
    picture::holder(holder, act)
}
