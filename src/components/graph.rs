//! Who appears with whom, under the coverage map: the entities named in the same sentence
//! (`qarin_engine::compare::graph`: its rules, and its layout, computed in Rust and the same
//! for the same analysis), drawn as SVG. A node's size grows with the articles that name the
//! entity, its colour is its type; a line's width grows with the sentences that name both. The
//! nodes are the comparison's rows (so its type and text filters apply), at most [`NODES`]. A
//! node is a button (click, Enter or Space): it opens the entity's panel. Saved as SVG or PNG.
//! Drawn with plain DOM calls (`picture`, which says why).

use crate::components::picture::{self, add, frame, short, strong as stroke};
use crate::i18n::{t, tf, Key, Lang};
use crate::state::AppState;
use leptos::prelude::*;
use qarin_engine::compare::graph::{graph, SIZE};
use qarin_engine::EntityType;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Nodes drawn at most.
const NODES: usize = 40;
/// The picture's size in pixels, and the margin kept around the layout for the labels.
const W: u32 = 760;
const H: u32 = 520;
const MARGIN: u32 = 70;

fn fill(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Per => "var(--per-bg,#ffe1a6)",
        EntityType::Loc => "var(--loc-bg,#c6eed6)",
        EntityType::Org => "var(--org-bg,#d9defe)",
        EntityType::Misc => "var(--misc-bg,#f8d2e5)",
    }
}

/// Draw the graph of `rows` (the table's entities) into `holder`.
fn draw(holder: &Element, data: &crate::state::data::Data, rows: &[usize], lang: Lang, alone: bool) {
    let a = &data.analysis;
    let g = graph(a, rows, NODES);
    let rows = t(lang, if alone { Key::CoverageFirstAll } else { Key::GraphRowsTable }).replace("{n}", &g.nodes.len().to_string());
    let legend = tf(lang, Key::GraphLegend, &[("n", &g.nodes.len().to_string()), ("k", &g.edges.len().to_string()), ("rows", &rows)]);
    let holder = &frame(holder, "graph", t(lang, Key::GraphTitle), &legend);
    if g.nodes.is_empty() {
        return;
    }
    let n = data.doc_count().max(1) as u32;
    // The layout's square fitted into the picture; mirrored in the Arabic interface.
    let rtl = lang == Lang::Ar;
    let px = |x: u32| {
        let x = MARGIN + x * (W - 2 * MARGIN) / SIZE;
        if rtl {
            W - x
        } else {
            x
        }
    };
    let py = |y: u32| MARGIN / 2 + y * (H - MARGIN) / SIZE;
    let svg = picture::svg(holder, "graph-svg", t(lang, Key::GraphLabel), W as usize, H as usize);
    let most = g.edges.iter().map(|e| e.sentences).max().unwrap_or(1).max(1);
    for e in &g.edges {
        let (p, q) = (&g.nodes[e.a], &g.nodes[e.b]);
        let width = (1 + 4 * e.sentences / most).to_string();
        let line = add(
            &svg,
            true,
            "line",
            &[
                ("x1", &px(p.x).to_string()),
                ("y1", &py(p.y).to_string()),
                ("x2", &px(q.x).to_string()),
                ("y2", &py(q.y).to_string()),
                ("stroke", "#8a8478"),
                ("stroke-opacity", "0.6"),
                ("stroke-width", &width),
                ("class", "graph-edge"),
                ("data-a", &a.entities[p.entity].id),
                ("data-b", &a.entities[q.entity].id),
                ("data-count", &e.sentences.to_string()),
            ],
            "",
        );
        add(&line, true, "title", &[], &tf(lang, Key::GraphEdge, &[("a", &a.entities[p.entity].label), ("b", &a.entities[q.entity].label), ("n", &e.sentences.to_string())]));
    }
    // Labels placed in rank order (the names the most articles name first), under the circle or
    // else above it, and left out where both would cover a label already placed: the name stays
    // in the node's title and accessible name.
    // They are drawn after every circle (a layer of their own, hidden from screen readers, which
    // read each node's name), so that no circle covers a name.
    let mut placed: Vec<[i64; 4]> = Vec::new();
    let mut labels: Vec<(u32, u32, String)> = Vec::new();
    for node in &g.nodes {
        let e = &a.entities[node.entity];
        let (x, y) = (px(node.x), py(node.y));
        let r = 6 + 12 * node.articles as u32 / n;
        let label = format!("{} · {}", e.label, crate::i18n::coverage_text(lang, node.articles, n as usize));
        let grp = add(
            &svg,
            true,
            "g",
            &[("class", "graph-node"), ("data-entity", &e.id), ("data-type", e.kind.code()), ("data-articles", &node.articles.to_string()), ("tabindex", "0"), ("role", "button"), ("aria-label", &label)],
            "",
        );
        add(&grp, true, "title", &[], &label);
        add(&grp, true, "circle", &[("cx", &x.to_string()), ("cy", &y.to_string()), ("r", &r.to_string()), ("fill", fill(e.kind)), ("stroke", stroke(e.kind)), ("stroke-width", "2")], "");
        let text = short(&e.label, 18);
        let half = 3 * text.chars().count() as i64 + 2;
        let (cx, cy, rr) = (i64::from(x), i64::from(y), i64::from(r));
        let boxes = [[cx - half, cy + rr + 2, cx + half, cy + rr + 17], [cx - half, cy - rr - 17, cx + half, cy - rr - 2]];
        let free = |b: &[i64; 4]| !placed.iter().any(|p| b[0] < p[2] && p[0] < b[2] && b[1] < p[3] && p[1] < b[3]);
        let Some(spot) = boxes.iter().position(free) else { continue };
        placed.push(boxes[spot]);
        let baseline = if spot == 0 { y + r + 14 } else { y.saturating_sub(r + 5) };
        labels.push((x, baseline, text));
    }
    let layer = add(&svg, true, "g", &[("class", "graph-labels"), ("aria-hidden", "true"), ("pointer-events", "none"), ("font-size", "12"), ("text-anchor", "middle")], "");
    for (x, y, text) in labels {
        let name = add(&layer, true, "text", &[("x", &x.to_string()), ("y", &y.to_string())], &text);
        let _ = name.set_attribute("paint-order", "stroke");
        let _ = name.set_attribute("stroke", "var(--surface,#ffffff)");
        let _ = name.set_attribute("stroke-width", "3");
    }
    picture::save_buttons(holder, "graph", lang);
}

#[component]
pub fn Graph(visible: Memo<Vec<(usize, String)>>, #[prop(optional)] alone: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let holder: NodeRef<leptos::html::Div> = NodeRef::new();
    // Redrawn when the analysis, the table's rows or the language change.
    Effect::new(move |_| {
        let rows: Vec<usize> = visible.with(|v| v.iter().map(|(i, _)| *i).collect());
        let lang = state.lang.get();
        let data = state.data.get();
        if let (Some(el), Some(data)) = (holder.get(), data) {
            draw(&el, &data, &rows, lang, alone);
        }
    });
    let act = move |target: Option<web_sys::EventTarget>, key: bool| -> bool {
        let Some(target) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
        match picture::button_id(&target).as_deref() {
            Some(id) => {
                if !key {
                    picture::save(id, "graph");
                }
            }
            None => {
                let Some(node) = target.closest("g.graph-node").ok().flatten() else { return false };
                if let Some(entity) = node.get_attribute("data-entity") {
                    state.select_entity(&entity, None, true);
                }
                return true;
            }
        }
        false
    };
    picture::holder(holder, act)
}
