//! The report of the browser and throughput measurements.

use super::browser::{fields, numbers, Measures};
use super::native::NativeTimes;
use super::{median, verdict, SIZES};
use crate::env::Result;

fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:.0}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn mib(b: f64) -> String {
    format!("{:.1} MiB", b / (1024.0 * 1024.0))
}

pub fn report(m: &Measures, native: &NativeTimes, runs: usize) -> Result<()> {
    println!();
    println!("-- load in headless Chromium (ms from navigation start to the first frame showing it; median of {runs}, fresh profile each; local server, no throttling) --");
    let floor = numbers(m, "floor_ms")?;
    let first = numbers(m, "first_ms")?;
    let mark = numbers(m, "mark_ms")?;
    let table = numbers(m, "table_ms")?;
    let f = median(&floor);
    println!(
        "  plain HTML page, same five articles (floor)  {:>7.0} ms   runs: {}",
        f,
        list(&floor)
    );
    // The budget is about the first highlighted name the user sees: the first article is
    // prerendered at build time into index.html (`qarin prerender`, article#reader-static).
    println!(
        "  first highlighted mention painted           {:>7.0} ms   runs: {}   = {:.2}× floor (budget ≤ 3×: {}; prerendered at build time into index.html, shown before the wasm loads)",
        median(&first),
        list(&first),
        median(&first) / f,
        verdict(median(&first) <= 3.0 * f)
    );
    println!(
        "  live app: first mention in its own reader   {:>7.0} ms   runs: {}   = {:.2}× floor (wasm loaded, articles analysed in the page, article#reader rendered; replaces the prerendered one)",
        median(&mark),
        list(&mark),
        median(&mark) / f,
    );
    println!(
        "  app: comparison table ready (#view=compare) {:>7.0} ms   runs: {}   = {:.2}× floor",
        median(&table),
        list(&table),
        median(&table) / f
    );
    if let (Ok(wasm), Ok(started)) = (numbers(m, "mark_ms_wasm"), numbers(m, "mark_ms_started")) {
        println!(
            "  where the live app's time goes (median): wasm file received {:.0} ms → module compiled, \
             instantiated and mounted {:.0} ms → first mention in its own reader {:.0} ms",
            median(&wasm),
            median(&started),
            median(&mark)
        );
    }
    // User Timing marks the app sets (`browser::mark`), when present.
    let steps: Vec<(&str, f64)> = [
        ("main() entered", "mark_ms_main"),
        ("analysis started", "mark_ms_analysis_start"),
        ("analysis done", "mark_ms_analysis_end"),
        ("views given the analysis", "mark_ms_data_set"),
    ]
    .iter()
    .filter_map(|(label, key)| numbers(m, key).ok().map(|v| (*label, median(&v))))
    .collect();
    if !steps.is_empty() {
        let text: Vec<String> = steps
            .iter()
            .map(|(l, v)| format!("{l} {v:.0} ms"))
            .collect();
        println!(
            "  app marks (median): {} → first mention in its own reader {:.0} ms",
            text.join(" → "),
            median(&mark)
        );
    }
    if let Ok(assets) = numbers(m, "mark_ms_assets") {
        println!(
            "  the engine's assets (model, word lists) fetched and installed (median): {:.0} ms   runs: {}",
            median(&assets),
            list(&assets)
        );
    }
    if let Ok(added) = numbers(m, "added_ms") {
        println!(
            "  a story the user adds ({} articles through the file input, chosen as soon as the page is ready) → its first highlighted name in the reader: {:.0} ms (median)   runs: {}",
            super::fixtures::STORY,
            median(&added),
            list(&added)
        );
    }
    if let (Ok(back), Ok(floor), Ok(restored)) = (numbers(m, "resume_ms"), numbers(m, "resume_floor_ms"), numbers(m, "resume_restored")) {
        println!(
            "  return visit with the user's story ({} articles added, then the page opened again): live first mention in its own reader {:.0} ms   runs: {}   = {:.2}× the plain page opened again ({:.0} ms), {:.2}× the first-visit floor; the kept analysis taken in {} of {} runs",
            super::fixtures::STORY,
            median(&back),
            list(&back),
            median(&back) / median(&floor),
            median(&floor),
            median(&back) / f,
            restored.iter().filter(|r| **r > 0.0).count(),
            restored.len()
        );
    }
    if let (Ok(kept), Ok(floor)) = (numbers(m, "resume_first_ms"), numbers(m, "resume_floor_ms")) {
        println!(
            "  return visit with the story alone (bundled articles hidden): its first highlighted name wherever painted (the first view the app kept, before the wasm; then the live reader): {:.0} ms   runs: {}   = {:.2}× the plain page opened again, {:.2}× the first-visit floor",
            median(&kept),
            list(&kept),
            median(&kept) / median(&floor),
            median(&kept) / f,
        );
    }
    if let Ok(longest) = numbers(m, "mark_ms_longest") {
        println!(
            "  longest main-thread task before the live reader's first mention (median): {:.0} ms",
            median(&longest)
        );
    }

    println!();
    println!("-- engine throughput: native = the `qarin analyze --format csv` process (release build, reading files and writing the table included), {runs} runs; wasm = qarin_bench() in the page, 5 runs; ms as median / best, tokens/s and ratio from the best runs (the machine is shared: noise only ever adds time) --");
    println!(
        "  {:>8} {:>9} {:>17} {:>13} {:>17} {:>13} {:>12}",
        "articles", "tokens", "native ms", "native tok/s", "wasm ms", "wasm tok/s", "native/wasm"
    );
    let mut memory = Vec::new();
    for n in SIZES {
        let s = fields(m, &format!("scale-{n}"))?;
        let tokens: f64 = s
            .get("tokens")
            .and_then(|t| t.parse().ok())
            .ok_or(format!("scale-{n}: no token count"))?;
        let wasm_runs: Vec<f64> = s
            .get("ms")
            .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
            .unwrap_or_default();
        let native_runs = native.get(&n).cloned().unwrap_or_default();
        let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let native_rate = tokens / (best(&native_runs) / 1000.0);
        let wasm_rate = tokens / (best(&wasm_runs) / 1000.0);
        println!(
            "  {:>8} {:>9} {:>17} {:>13.0} {:>17} {:>13.0} {:>11.2}×",
            n,
            tokens,
            format!("{:.1} / {:.1}", median(&native_runs), best(&native_runs)),
            native_rate,
            format!("{:.1} / {:.1}", median(&wasm_runs), best(&wasm_runs)),
            wasm_rate,
            native_rate / wasm_rate
        );
        memory.push((n, s));
    }
    println!();
    println!("-- analysis in the page as the app runs it (in slices of ~20 ms, yielding to the page between them; 3 runs): time, the longest main-thread task the browser reported (Long Tasks API: tasks over 50 ms; 0 = none) and the longest slice the job timed itself --");
    println!(
        "  {:>8} {:>22} {:>30} {:>26} {:>8}",
        "articles",
        "ms (median / best)",
        "long tasks ms (median / max)",
        "longest slice ms (max)",
        "slices"
    );
    for (n, s) in &memory {
        let list = |k: &str| -> Vec<f64> {
            s.get(k)
                .map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect())
                .unwrap_or_default()
        };
        let (sl, lo, sc) = (list("sliced_ms"), list("longest_ms"), list("slice_ms"));
        if sl.is_empty() {
            continue;
        }
        let best = sl.iter().copied().fold(f64::INFINITY, f64::min);
        let max = lo.iter().copied().fold(0.0f64, f64::max);
        let slice_max = sc.iter().copied().fold(0.0f64, f64::max);
        let budget = if *n == 200 {
            format!(
                "   budget: ≤ 2000 ms: {}; no task over 50 ms: {}",
                verdict(median(&sl) <= 2000.0),
                verdict(max <= 50.0 && slice_max <= 50.0)
            )
        } else {
            String::new()
        };
        println!(
            "  {:>8} {:>22} {:>30} {:>26.0} {:>8}{budget}",
            n,
            format!("{:.0} / {:.0}", median(&sl), best),
            format!("{:.0} / {:.0}", median(&lo), max),
            slice_max,
            s.get("slices").cloned().unwrap_or_default(),
        );
    }
    println!();
    println!("-- adding in the page as a user does (file input, fresh session, analysis in the worker when worker = 1): from the choice until every article is listed and analysed --");
    for (key, what) in [("add-1000", "1,000 articles (ANERcorp sentences, drawn)"), ("add-8mb", "one file of 7.9 MiB")] {
        let Ok(s) = fields(m, key) else {
            println!("  {what}: not measured");
            continue;
        };
        let get = |k: &str| s.get(k).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
        println!(
            "  {what}: {:.0} ms; longest main-thread task of the app {:.0} ms (five longest: {}; {} over 50 ms; the browser's own task handing over the files, before the app's code runs: {:.0} ms); worker {}; localStorage {}, origin usage {}   budget: no task over 50 ms: {}",
            get("ms"),
            get("longest_ms"),
            s.get("top").cloned().unwrap_or_default(),
            s.get("long_tasks").cloned().unwrap_or_default(),
            get("before_app_ms"),
            s.get("worker").cloned().unwrap_or_default(),
            mib(get("local_bytes")),
            mib(get("usage_bytes")),
            verdict(get("longest_ms") <= 50.0)
        );
    }
    println!();
    println!("-- memory in the page (app loaded, then the corpus held as a JS string and analysed 5 times; after a forced GC) --");
    println!(
        "  {:>8} {:>16} {:>16} {:>18} {:>18}",
        "articles", "JS heap before", "JS heap after", "wasm memory before", "wasm memory after"
    );
    for (n, s) in memory {
        let get = |k: &str| {
            s.get(k)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        println!(
            "  {:>8} {:>16} {:>16} {:>18} {:>18}",
            n,
            mib(get("heap_before")),
            mib(get("heap_after")),
            mib(get("wasm_before")),
            mib(get("wasm_after"))
        );
    }
    println!();
    Ok(())
}
