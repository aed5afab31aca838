//! Measurements for `cargo xtask bench`: load times of the pages it serves, and the engine's
//! throughput, slices and memory in the page. Ignored: `cargo xtask bench` runs it and reads the
//! `QARIN_BENCH` lines it prints.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::harness::{App, READY_TIMEOUT};

fn bench_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set: run `cargo xtask bench`"))
}

/// Installed before any of the page's scripts run (CDP `Page.addScriptToEvaluateOnNewDocument`):
/// watches the DOM and records, in `window.__qarinBench`, when `probe` first holds
/// (`performance.now()`, i.e. ms since navigation start) and when the next frame starts, the
/// first that can show it.
fn observer(probe: &str) -> String {
    format!(
        r#"(() => {{
  const probe = () => {{ try {{ return !!({probe}); }} catch (e) {{ return false; }} }};
  const out = {{ dom: null, frame: null, started: null, longest: 0 }};
  window.__qarinBench = out;
  // The longest main-thread task before the probe held (analysis and rendering block the page).
  try {{
    new PerformanceObserver((list) => {{
      for (const e of list.getEntries()) {{
        if (out.dom === null || e.startTime < out.dom) out.longest = Math.max(out.longest, e.duration);
      }}
    }}).observe({{ type: 'longtask', buffered: true }});
  }} catch (e) {{}}
  // trunk's loader fires this once the wasm module is instantiated and `main` has run.
  addEventListener('TrunkApplicationStarted', () => {{ out.started = performance.now(); }});
  const check = () => {{
    if (out.dom !== null || !probe()) return;
    out.dom = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {{ out.frame = performance.now(); }});
  }};
  const observer = new MutationObserver(check);
  observer.observe(document, {{ childList: true, subtree: true, attributes: true, characterData: true }});
}})();"#
    )
}

/// One fresh session (new profile: nothing cached) that loads `url` and reports when `probe`
/// became true (`frame`), and for the app when the wasm file had arrived (`wasm`), when the
/// module was instantiated and `main` had run (`started`), all in ms from navigation start, and
/// the longest main-thread task before that (`longest`, ms).
async fn time_to(name: &str, base: &str, url: &str, probe: &str) -> Value {
    let app = App::launch(name, base).await;
    let v = measure(&app, url, probe).await;
    app.close().await;
    v
}

/// [`time_to`] in the session `app` as it is (its profile, its caches, its stored workspace).
async fn measure(app: &App, url: &str, probe: &str) -> Value {
    app.client.goto("about:blank").await.expect("open about:blank");
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": observer(probe) }),
    )
    .await;
    app.client.goto(url).await.expect("open the page");
    let v = app
        .wait_for(
            &format!("{probe} on {url}"),
            READY_TIMEOUT,
            "const b = window.__qarinBench; if (!b || !b.frame) return null; \
             const w = performance.getEntriesByType('resource').find(e => e.name.endsWith('.wasm')); \
             const m = (n) => { const e = performance.getEntriesByName(n, 'mark')[0]; return e ? e.startTime : null; }; \
             return { frame: b.frame, started: b.started, wasm: w ? w.responseEnd : null, \
                      longest: w ? b.longest : null, main: m('qarin:main'), \
                      analysis_start: m('qarin:analysis-start'), analysis_end: m('qarin:analysis-end'), \
                      data_set: m('qarin:data-set'), assets: m('qarin:assets-loaded'), \
                      restored: m('qarin:analysis-restored') };",
            vec![],
        )
        .await;
    v
}

async fn heap(app: &App) -> (f64, f64) {
    app.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let usage = app.cdp("Runtime.getHeapUsage", json!({})).await;
    let wasm = app
        .js("return window.wasmBindings.qarin_memory_bytes()", vec![])
        .await;
    (
        usage["usedSize"].as_f64().unwrap_or(f64::NAN),
        wasm.as_f64().unwrap_or(f64::NAN),
    )
}

#[tokio::test]
#[ignore = "measurements, run by `cargo xtask bench`"]
async fn bench_in_browser() {
    let base = bench_env("QARIN_BENCH_URL");
    let dir = PathBuf::from(bench_env("QARIN_BENCH_DIR"));
    let runs: usize = bench_env("QARIN_BENCH_RUNS")
        .parse()
        .expect("a number of runs");
    // `QARIN_BENCH_ONLY=scale,story` measures only those parts (pages, story, resume, sizes, scale).
    let only = std::env::var("QARIN_BENCH_ONLY").ok();
    let wanted = |part: &str| only.as_deref().is_none_or(|o| o.split(',').any(|p| p.trim() == part));
    let sizes: Vec<usize> = bench_env("QARIN_BENCH_SIZES")
        .split(',')
        .map(|n| n.parse().expect("a corpus size"))
        .collect();
    if wanted("pages") {
        let pages = [
            ("floor_ms", format!("{base}plain.html"), "document.querySelector('article p')"),
            // The first highlighted mention the user sees: the one prerendered at build time into
            // the page (article#reader-static), or the live reader's if there is no prerender.
            (
                "first_ms",
                base.clone(),
                "document.querySelector('article#reader-static mark, article#reader mark')",
            ),
            // The live app's own first mark: wasm loaded, compiled, the articles analysed, rendered.
            ("mark_ms", base.clone(), "document.querySelector('article#reader mark')"),
            (
                "table_ms",
                format!("{base}#view=compare"),
                "document.querySelector('main#app[data-ready=true]') && document.querySelector('table#compare-table tbody tr')",
            ),
        ];
        // Interleaved (floor, first, mark, table, floor, …) so that a slow moment of the shared machine
        // does not fall on one page only.
        let mut times: Vec<Vec<Value>> = vec![Vec::new(); pages.len()];
        for run in 0..runs {
            for (i, (key, url, probe)) in pages.iter().enumerate() {
                let t = time_to(&format!("bench-{key}-{run}"), &base, url, probe).await;
                eprintln!("bench: {key} run {run}: {t}");
                times[i].push(t);
            }
        }
        for ((key, _, _), t) in pages.iter().zip(&times) {
            for (field, suffix) in [
                ("frame", ""),
                ("wasm", "_wasm"),
                ("started", "_started"),
                ("longest", "_longest"),
                ("main", "_main"),
                ("analysis_start", "_analysis_start"),
                ("analysis_end", "_analysis_end"),
                ("data_set", "_data_set"),
                ("assets", "_assets"),
            ] {
                let list: Vec<String> = t
                    .iter()
                    .filter_map(|v| v[field].as_f64())
                    .map(|v| format!("{v:.1}"))
                    .collect();
                if !list.is_empty() {
                    println!("\nQARIN_BENCH {key}{suffix} {}", list.join(" "));
                }
            }
        }

    }
    if wanted("story") {
        // A story the user adds: five articles through the file input of a fresh session, chosen as
        // soon as the page is usable (the word lists and the model may still be loading), until the
        // first highlighted name of the first of them shows in the reader.
        let mut story: Vec<PathBuf> = std::fs::read_dir(dir.join("story"))
            .expect("target/bench/story, written by cargo xtask bench")
            .map(|e| e.unwrap().path())
            .collect();
        story.sort();
        let first = qarin_engine::input::id_from_file_name(&story[0].file_name().unwrap().to_string_lossy());
        let probe = format!("article#reader[data-doc=\"{first}\"] mark");
        let mut added = Vec::new();
        for run in 0..runs {
            let app = App::launch(&format!("bench-added-{run}"), &base).await;
            app.open("").await;
            let t0 = app.js("return performance.now()", vec![]).await.as_f64().expect("ms");
            let paths: Vec<&std::path::Path> = story.iter().map(PathBuf::as_path).collect();
            crate::page::choose_files(&app, &paths).await;
            let t = app
                .wait_for(
                    "the first highlighted name of an added article",
                    READY_TIMEOUT,
                    "return document.querySelector(arguments[0]) ? performance.now() : null",
                    vec![json!(probe)],
                )
                .await;
            let ms = t.as_f64().expect("ms") - t0;
            eprintln!("bench: added story run {run}: {ms:.0} ms");
            added.push(format!("{ms:.1}"));
            app.close().await;
        }
        println!("\nQARIN_BENCH added_ms {}", added.join(" "));

    }
    if wanted("resume") {
        // A user's own story on a return visit: the story's articles added in a fresh session
        // (kept in IndexedDB with their analysis), then the page opened again in that session:
        // the live reader's first mark, and the plain page's floor opened again the same way.
        let story: Vec<PathBuf> = {
            let mut v: Vec<PathBuf> = std::fs::read_dir(dir.join("story")).expect("target/bench/story").map(|e| e.unwrap().path()).collect();
            v.sort();
            v
        };
        let (mut back, mut floor, mut restored, mut kept) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for run in 0..runs {
            let app = App::launch(&format!("bench-resume-{run}"), &base).await;
            app.open("").await;
            let paths: Vec<&std::path::Path> = story.iter().map(PathBuf::as_path).collect();
            crate::page::choose_files(&app, &paths).await;
            app.wait_for(
                "the added story analysed and kept",
                READY_TIMEOUT,
                "return document.querySelectorAll('button.doc-item[data-source=user]').length === arguments[0] \
                 && performance.getEntriesByName('qarin:analysis-kept').length > 0",
                vec![json!(story.len())],
            )
            .await;
            let f = measure(&app, &format!("{base}plain.html"), "document.querySelector('article p')").await;
            let v = measure(&app, &base, "document.querySelector('article#reader mark')").await;
            // The user's story alone (the bundled articles hidden), opened again: the first
            // highlighted name of its first article wherever it is painted, the first view the
            // app kept at the last visit (`src/snapshot.rs`, painted by the page's prerender
            // gate before the wasm) or the live reader.
            app.js("performance.clearMarks('qarin:analysis-kept')", vec![]).await;
            app.click("input#show-bundled").await;
            app.wait_for(
                "the story alone, analysed and kept",
                READY_TIMEOUT,
                "return document.querySelectorAll('button.doc-item').length === arguments[0] \
                 && performance.getEntriesByName('qarin:analysis-kept').length > 0",
                vec![json!(story.len())],
            )
            .await;
            let first = crate::page::doc_ids(&app).await.first().cloned().expect("a first article");
            let k = measure(&app, &base, &format!("document.querySelector('[data-doc=\"{first}\"] mark')")).await;
            eprintln!("bench: return visit run {run}: floor {f}, app {v}, kept first view {k}");
            kept.push(format!("{:.1}", k["frame"].as_f64().expect("ms")));
            floor.push(format!("{:.1}", f["frame"].as_f64().expect("ms")));
            back.push(format!("{:.1}", v["frame"].as_f64().expect("ms")));
            restored.push(if v["restored"].is_number() { "1" } else { "0" });
            app.close().await;
        }
        println!("\nQARIN_BENCH resume_floor_ms {}", floor.join(" "));
        println!("\nQARIN_BENCH resume_ms {}", back.join(" "));
        println!("\nQARIN_BENCH resume_restored {}", restored.join(" "));
        println!("\nQARIN_BENCH resume_first_ms {}", kept.join(" "));
    }
    if wanted("sizes") {
        for n in sizes {
            let docs = std::fs::read_to_string(dir.join(format!("docs-{n}.json")))
                .expect("the fixture written by cargo xtask bench");
            let app = App::launch(&format!("bench-scale-{n}"), &base).await;
            app.open("").await;
            let (heap_before, wasm_before) = heap(&app).await;
            // Held by the page, as the app holds the articles it shows.
            app.js(
                "window.__qarinDocs = arguments[0]; return true",
                vec![json!(docs)],
            )
            .await;
            let mut ms = Vec::new();
            let mut tokens = Value::Null;
            for _ in 0..5 {
                let r = app
                    .js(
                        "const t0 = performance.now(); \
                         const tokens = window.wasmBindings.qarin_bench(window.__qarinDocs); \
                         return [performance.now() - t0, tokens];",
                        vec![],
                    )
                    .await;
                ms.push(format!("{:.1}", r[0].as_f64().expect("ms")));
                tokens = r[1].clone();
            }
            // As the app runs it: in slices, yielding to the page; the longest task meanwhile.
            let mut sliced = Vec::new();
            let mut longest = Vec::new();
            let mut slice = Vec::new();
            let mut slices = 0.0;
            for _ in 0..3 {
                let r = app
                    .js(
                        "const seen = []; \
                         const obs = new PerformanceObserver(l => { for (const e of l.getEntries()) seen.push(e.duration); }); \
                         obs.observe({ type: 'longtask' }); \
                         return window.wasmBindings.qarin_bench_sliced(window.__qarinDocs).then(r => \
                           new Promise(res => setTimeout(() => { obs.disconnect(); \
                             res([r[0], r[1], seen.length ? Math.max(...seen) : 0, r[2]]); }, 100)));",
                        vec![],
                    )
                    .await;
                sliced.push(format!("{:.1}", r[0].as_f64().expect("ms")));
                longest.push(format!("{:.1}", r[2].as_f64().unwrap_or(0.0)));
                slice.push(format!("{:.1}", r[3].as_f64().unwrap_or(0.0)));
                slices = r[1].as_f64().unwrap_or(0.0);
            }
            let (heap_after, wasm_after) = heap(&app).await;
            app.close().await;
            eprintln!("bench: {n} articles: {tokens} tokens, {ms:?} ms, sliced {sliced:?} ms, longest task {longest:?} ms");
            println!(
                "\nQARIN_BENCH scale-{n} tokens={tokens} ms={} sliced_ms={} longest_ms={} slice_ms={} slices={slices} heap_before={heap_before} heap_after={heap_after} wasm_before={wasm_before} wasm_after={wasm_after}",
                ms.join(","),
                sliced.join(","),
                longest.join(","),
                slice.join(",")
            );
        }

    }
    if wanted("scale") {
        // Adding at scale, as a user does: 1,000 articles through the file input, then (in another
        // fresh session) one file of nearly 8 MB; from the choice until every article is listed
        // and analysed, the longest main-thread task (Long Tasks API; 0 = none over 50 ms) counted
        // from the app's change handler on (the browser hands the page 1,000 files in a task that
        // ends with that handler: its part before the handler, none of the app's code, is given
        // apart as `before_app_ms`), the five longest,
        // the time, whether the analysis ran in the worker, and the storage used
        // (localStorage: UTF-16 bytes of keys and values; the origin's usage, as the browser
        // estimates it).
        for (name, sub) in [("add-1000", "add-1000"), ("add-8mb", "big")] {
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
                .expect("the fixture written by cargo xtask bench")
                .map(|e| e.unwrap().path())
                .collect();
            files.sort();
            let app = App::launch(&format!("bench-{name}"), &base).await;
            app.open("").await;
            app.wait_for(
                "the app ready",
                READY_TIMEOUT,
                "return document.querySelector('main#app')?.getAttribute('data-ready') === 'true'",
                vec![],
            )
            .await;
            let listed = app.count("button.doc-item").await + files.len();
            app.js(
                "window.__add = { tasks: [] }; \
                 new PerformanceObserver(l => { for (const e of l.getEntries()) window.__add.tasks.push([e.startTime, e.duration]); }) \
                   .observe({ type: 'longtask' }); \
                 window.__add.t0 = performance.now(); return true;",
                vec![],
            )
            .await;
            // `QARIN_BENCH_PROFILE=1`: a CPU profile of the page meanwhile, its functions with the
            // most time of their own printed (a build with names: wasm-opt `-g`).
            let profile = std::env::var("QARIN_BENCH_PROFILE").is_ok();
            if profile {
                app.cdp("Profiler.enable", json!({})).await;
                app.cdp("Profiler.setSamplingInterval", json!({ "interval": 200 })).await;
                app.cdp("Profiler.start", json!({})).await;
            }
            let paths: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
            crate::page::choose_files(&app, &paths).await;
            app.wait_for(
                &format!("{listed} articles listed and analysed"),
                std::time::Duration::from_secs(900),
                "return document.querySelectorAll('button.doc-item').length === arguments[0] \
                   && !document.querySelector('.updating') \
                   && document.querySelector('main#app')?.getAttribute('data-ready') === 'true'",
                vec![json!(listed)],
            )
            .await;
            let r = app
                .js(
                    "const ms = performance.now() - window.__add.t0; \
                     let local = 0; \
                     for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); local += 2 * (k.length + localStorage.getItem(k).length); } \
                     return new Promise(res => setTimeout(async () => { \
                       const est = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : {}; \
                       const seen = (performance.getEntriesByName('qarin:files-change')[0] || { startTime: 0 }).startTime; \
                       const before = window.__add.tasks.map(t => Math.max(0, Math.min(t[0] + t[1], seen) - t[0])); \
                       const tasks = window.__add.tasks.map(t => t[0] + t[1] - Math.max(t[0], seen)).filter(d => d > 0).sort((a, b) => b - a); \
                       res([ms, tasks.length ? tasks[0] : 0, tasks.slice(0, 5).map(t => Math.round(t)).join(','), \
                            window.wasmBindings.qarin_analysis_in_worker() ? 1 : 0, local, est.usage ?? -1, tasks.filter(d => d > 50).length, \
                            before.length ? Math.max(...before) : 0, \
                            window.__add.tasks.filter(t => t[0] + t[1] > seen).sort((a, b) => b[1] - a[1]).slice(0, 5) \
                              .map(t => Math.round(t[1]) + ' ms [' + performance.getEntriesByType('mark').concat(performance.getEntriesByType('measure')) \
                                .filter(m => m.startTime >= t[0] && m.startTime <= t[0] + t[1]) \
                                .map(m => m.name.replace('qarin:', '') + '@' + Math.round(m.startTime - t[0]) + (m.duration ? '+' + Math.round(m.duration) : '')).join(', ') + ']').join('; ')]); \
                     }, 200));",
                    vec![],
                )
                .await;
            if profile {
                let p = app.cdp("Profiler.stop", json!({})).await;
                print_profile(name, &p["profile"]);
            }
            app.close().await;
            let f = |i: usize| r[i].as_f64().unwrap_or(-1.0);
            eprintln!("bench: {name}: {r}");
            // What the app marked (`browser::mark`, `browser::measure`) during each of its longest tasks.
            eprintln!("bench: {name}: the longest tasks and what ran in them: {}", r[8].as_str().unwrap_or("-"));
            println!(
                "\nQARIN_BENCH {name} ms={:.0} longest_ms={:.0} top={} worker={} local_bytes={:.0} usage_bytes={:.0} long_tasks={:.0} before_app_ms={:.0}",
                f(0),
                f(1),
                r[2].as_str().filter(|s| !s.is_empty()).unwrap_or("-"),
                f(3),
                f(4),
                f(5),
                f(6),
                f(7)
            );
        }
    }
}

/// The functions of a CDP CPU profile with the most time of their own (samples × interval) in
/// its longest busy stretch (samples with no `(idle)` between them: a long task, roughly).
fn print_profile(name: &str, p: &Value) {
    let nodes = p["nodes"].as_array().cloned().unwrap_or_default();
    let names: std::collections::HashMap<u64, String> = nodes
        .iter()
        .map(|n| (n["id"].as_u64().unwrap_or(0), format!("{} {}", n["callFrame"]["functionName"].as_str().unwrap_or(""), n["callFrame"]["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or(""))))
        .collect();
    let samples = p["samples"].as_array().cloned().unwrap_or_default();
    let deltas = p["timeDeltas"].as_array().cloned().unwrap_or_default();
    let timed: Vec<(String, f64)> = samples
        .iter()
        .zip(deltas.iter().skip(1).chain(std::iter::once(&json!(0))))
        .map(|(s, d)| (names.get(&s.as_u64().unwrap_or(0)).cloned().unwrap_or_default(), d.as_f64().unwrap_or(0.0) / 1000.0))
        .collect();
    // The busy stretches, longest first.
    let mut stretches: Vec<(f64, usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 0..=timed.len() {
        if i == timed.len() || timed[i].0.starts_with("(idle)") {
            let ms: f64 = timed[start..i].iter().map(|t| t.1).sum();
            if i > start {
                stretches.push((ms, start, i));
            }
            start = i + 1;
        }
    }
    stretches.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, a, b) in stretches.iter().take(3) {
        let mut own: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
        for (n, d) in &timed[*a..*b] {
            *own.entry(n.as_str()).or_default() += d;
        }
        let mut v: Vec<_> = own.into_iter().collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        eprintln!("bench: {name}: profile: a busy stretch of {ms:.0} ms:");
        for (n, ms) in v.iter().take(25) {
            eprintln!("bench: {name}: profile: {ms:8.1} ms  {n}");
        }
    }
}
