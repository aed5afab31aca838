//! Qarin (قارن): compare how Arabic news outlets name the same story.
//!
//! The app is a Leptos client-side app compiled to wasm and served statically (build it with
//! `trunk`). The pure modules (`hash`, `i18n`, `table`, `workspace`) also compile natively so
//! `cargo test -p qarin-app` can test them.

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod hash;
mod i18n;
mod parts;
mod snapshot;
mod table;
mod workspace;

#[cfg(target_arch = "wasm32")]
mod actions;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod assets;
#[cfg(target_arch = "wasm32")]
mod bench;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod files;
#[cfg(target_arch = "wasm32")]
mod job;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same module runs the analysis in a worker (`worker`), where there is no page to mount:
    // there its script calls `worker::qarin_worker_start` once instantiated.
    if web_sys::window().is_none() {
        return;
    }
    // The console's hook, and a note of the panic for the recovery notice of the next start.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        state::persist::record_panic(&info.to_string());
    }));
    state::persist::install_unload_guard();
    browser::mark("qarin:main");
    // The bundled articles are data beside the code (`assets::CORPUS`); the prerendered first
    // article shows meanwhile. (Leptos' own executor starts with the mount: not yet here.)
    // Both requests at once: the analysis downloads while the articles do.
    assets::prefetch(assets::CORPUS_ANALYSIS);
    state::persist::start_early();
    wasm_bindgen_futures::spawn_local(async {
        let corpus = assets::corpus().await;
        if let (Ok(docs), Some(a)) = (&corpus, assets::corpus_analysis().await) {
            job::precomputed(docs, a);
        }
        leptos::mount::mount_to_body(move || leptos::view! { <app::App corpus=corpus/> });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("Qarin's web app runs in the browser: build and serve it with `trunk serve` (or `cargo xtask dist`).");
    println!("For the command line, use the `qarin` CLI crate (crates/cli).");
}
