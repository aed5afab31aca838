//! The timeline, at the top of the facts view: every dated fact whose values the engine resolved
//! to calendar days (a year, a month, a day, a range; relative dates it could not place against an
//! article's date are left out and counted), one line a fact on one time axis, each value a mark
//! coloured by the fact's status (conflict, agreement, one article). A mark is a button (click,
//! Enter, Space): it opens the value's sentence in its article. Drawn with DOM calls as the
//! coverage map is (`picture`), saved as SVG or PNG.

use crate::components::picture::{self, add, frame};
use crate::i18n::{fact_label, t, tf, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::facts::dates::{civil_from_days, iso_span};
use qarin_engine::facts::Status;
use qarin_engine::FactKind;
use wasm_bindgen::JsCast;
use web_sys::Element;

const ROWS: usize = 40;
const LABEL_W: usize = 230;
const PLOT_W: usize = 560;
const ROW_H: usize = 24;
const AXIS_H: usize = 30;

/// A fact's marks: (value index, first day, last day).
type Marks = Vec<(usize, i64, i64)>;

fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Conflict => "#c0392b",
        Status::Agree => "#1e8449",
        Status::Single => "#7f8c8d",
    }
}

/// Draw the timeline into `holder`: its frame (the legend counts the facts drawn and the dated
/// values left out), the picture, the button.
fn draw(holder: &Element, data: &crate::state::data::Data, lang: Lang) {
    let a = &data.analysis;
    let mut left_out = 0;
    // (first day, fact index, its marks)
    let mut rows: Vec<(i64, usize, Marks)> = Vec::new();
    for (fi, f) in a.facts.iter().enumerate().filter(|(_, f)| f.kind == FactKind::Date) {
        let mut marks = Vec::new();
        for (vi, v) in f.values.iter().enumerate() {
            match v.value.as_str().and_then(iso_span) {
                Some((x, y)) if !v.relative => marks.push((vi, x, y)),
                _ => left_out += 1,
            }
        }
        if let Some(first) = marks.iter().map(|m| m.1).min() {
            rows.push((first, fi, marks));
        }
    }
    qarin_engine::sort::by_key(&mut rows, |r| (r.0, r.1));
    rows.truncate(ROWS);
    let legend = tf(lang, Key::TimelineLegend, &[("n", &rows.len().to_string()), ("k", &left_out.to_string())]);
    let frame = frame(holder, "timeline", t(lang, Key::TimelineTitle), &legend);
    if rows.is_empty() {
        return;
    }
    let lo = rows.iter().flat_map(|r| r.2.iter().map(|m| m.1)).min().unwrap_or(0);
    let hi = rows.iter().flat_map(|r| r.2.iter().map(|m| m.2)).max().unwrap_or(lo).max(lo + 1);
    let rtl = lang == Lang::Ar;
    let width = LABEL_W + PLOT_W + 16;
    let height = AXIS_H + rows.len() * ROW_H + 8;
    // Time runs right to left in the Arabic interface, the labels on the right.
    let x_of = move |day: i64| {
        let f = (day - lo) as f64 / (hi - lo) as f64;
        let px = (f * PLOT_W as f64) as usize;
        if rtl { width - LABEL_W - px } else { LABEL_W + px }
    };
    let svg = picture::svg(&frame, "timeline-svg", t(lang, Key::TimelineTitle), width, height);
    // The axis: a tick a year (every few years over a long span), or a month within two years.
    let (y0, y1) = (civil_from_days(lo).0, civil_from_days(hi).0);
    let ticks: Vec<(i64, String)> = if y1 - y0 >= 2 {
        let step = ((y1 - y0) / 8 + 1) as usize;
        (y0 + 1..=y1).step_by(step).map(|y| (qarin_engine::facts::dates::days_from_civil(y, 1, 1), y.to_string())).collect()
    } else {
        let mut out = Vec::new();
        let (mut y, mut m) = (y0, civil_from_days(lo).1);
        loop {
            let day = qarin_engine::facts::dates::days_from_civil(y, m, 1);
            if day > hi {
                break;
            }
            if day >= lo {
                out.push((day, format!("{y}-{m:02}")));
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        out
    };
    for (day, label) in ticks {
        let x = x_of(day).to_string();
        add(&svg, true, "line", &[("x1", &x), ("x2", &x), ("y1", &(AXIS_H - 6).to_string()), ("y2", &height.to_string()), ("stroke", "#b8b1a4"), ("stroke-dasharray", "2 3")], "");
        add(&svg, true, "text", &[("x", &x), ("y", "16"), ("text-anchor", "middle"), ("font-size", "11")], &label);
    }
    let (label_x, anchor) = if rtl { (width - LABEL_W + 8, "start") } else { (LABEL_W - 8, "end") };
    for (r, (_, fi, marks)) in rows.iter().enumerate() {
        let f = &a.facts[*fi];
        let y = AXIS_H + r * ROW_H + ROW_H / 2;
        let name = fact_label(lang, f);
        let text = add(&svg, true, "text", &[("x", &label_x.to_string()), ("y", &(y + 4).to_string()), ("text-anchor", anchor), ("font-size", "12")], &name);
        add(&text, true, "title", &[], &name);
        let colour = status_colour(f.status);
        for &(vi, first, last) in marks {
            let v = &f.values[vi];
            let Some(d) = data.doc_index(&v.document) else { continue };
            let (x0, x1) = (x_of(first).min(x_of(last)), x_of(first).max(x_of(last)));
            let label = format!("{name}: {} — {} ({})", v.text, data.doc_label(d, lang), v.value.display());
            let g = add(
                &svg,
                true,
                "g",
                &[("class", "tl-mark"), ("tabindex", "0"), ("role", "button"), ("aria-label", &label), ("data-fact", &f.id), ("data-doc", &v.document), ("data-start", &v.byte_start.to_string()), ("data-end", &v.byte_end.to_string())],
                "",
            );
            add(&g, true, "title", &[], &label);
            // A day is a dot; a month, a year or a range is a bar as long as it lasts.
            if x1 - x0 < 6 {
                add(&g, true, "circle", &[("cx", &((x0 + x1) / 2).to_string()), ("cy", &y.to_string()), ("r", "5"), ("fill", colour), ("fill-opacity", "0.8")], "");
            } else {
                add(&g, true, "rect", &[("x", &x0.to_string()), ("y", &(y - 5).to_string()), ("width", &(x1 - x0).to_string()), ("height", "10"), ("rx", "3"), ("fill", colour), ("fill-opacity", "0.6")], "");
            }
        }
    }
    picture::save_buttons(&frame, "timeline", lang);
}

#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let lang = state.lang.get();
        let data = state.data.get();
        if let (Some(el), Some(data)) = (holder.get(), data) {
            draw(&el, &data, lang);
        }
    });
    // One handler: the button by its id, else a mark (the nearest element with a `data-fact`).
    let act = move |target: Option<web_sys::EventTarget>, key: bool| -> bool {
        let Some(target) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
        if let Some(id) = picture::button_id(&target) {
            if !key {
                picture::save(&id, "timeline");
            }
            return false;
        }
        let Some(mark) = target.closest("[data-fact]").ok().flatten() else { return false };
        let num = |k: &str| mark.get_attribute(k).and_then(|v| v.parse::<usize>().ok());
        if let (Some(fact), Some(doc), Some(start), Some(end)) = (mark.get_attribute("data-fact"), mark.get_attribute("data-doc"), num("data-start"), num("data-end")) {
            state.fact.set(Some(fact));
            state.jump_span(&doc, start, end);
        }
        true
    };
    picture::holder(holder, act)
}
