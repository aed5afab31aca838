//! `cargo xtask bench`: the performance budget, measured (never asserted).
//!
//! 1. Sizes of every file of `dist/`: raw, `gzip -9`, `brotli -q 11`; the site's total without
//!    the webfont, the webfont, the single-file page.
//! 2. Load times in headless Chromium, fresh profile per run, median of N runs: navigation start
//!    to the first frame showing a highlighted mention (the one prerendered at build time into
//!    index.html, which the budget applies to), to the live app's first mention in its own
//!    reader (wasm loaded, articles analysed), and to the frame showing the comparison
//!    table with the app ready (`#view=compare`); the floor is a plain static HTML page of the
//!    same five articles, measured the same way in the same run. The measuring is done by
//!    `tests/offline.rs`'s ignored `bench_in_browser` (the harness has the WebDriver client);
//!    this file serves the pages, starts chromedriver and reads the numbers it prints.
//! 3. Engine throughput, tokens per second, native (`qarin analyze --format csv` on the same
//!    articles, the whole process timed) and in wasm (the app's `qarin_bench` export, timed in
//!    the page; the token count comes from there too: the same tokenizer), on
//!    corpora of 5, 50 and 200 articles: the bundled five, then articles regrouped from
//!    ANERcorp's sentences (`data/anercorp/train.txt`, 20 sentences each: the split has 3,962
//!    sentences, so 195 distinct articles of 20, about the length of the bundled ones).
//! 4. Memory in the page after each corpus: JS heap after a forced GC (CDP), and the size of the
//!    wasm linear memory (its high-water mark: wasm memory never shrinks).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::dist::{self, bytes, gzip_size, opt_bytes};
use crate::env::{self, Result};
use crate::serve::Server;
use crate::site::{self, json_string};
use crate::test::ChromeDriver;
use crate::tools;

/// Corpus sizes measured.
pub const SIZES: [usize; 3] = [5, 50, 200];
/// Sentences per generated article.
const SENTENCES_PER_ARTICLE: usize = 20;

pub fn run(runs: usize) -> Result<()> {
    tools::setup_all()?;
    tools::setup_brotli()?;
    dist::build(&dist::Options::default())?;
    let dist = dist::dist_dir();
    let bench = env::repo_root().join("target/bench");
    let sizes = size_report(&dist)?;
    let fixtures = fixtures(&bench)?;
    let site = bench_site(&dist, &bench, &fixtures[0])?;
    let (native, cli) = native(&fixtures, runs)?;
    let browser = browser(&site, &bench, runs)?;
    println!();
    println!("==================== cargo xtask bench ====================");
    print!("{sizes}");
    report(&browser, &native, runs)?;
    if let Some(cli) = cli {
        println!("-- `qarin bench --corpus target/bench/corpus-200` (the CLI's own, native, the tagging stage only) --");
        for line in cli.lines() {
            println!("  {line}");
        }
        println!();
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sizes.

fn brotli_size(data: &[u8]) -> Option<u64> {
    dist::compressed_size(env::command("brotli").args(["-c", "-q", "11"]), data)
}

struct Sized {
    path: String,
    raw: u64,
    gzip: Option<u64>,
    brotli: Option<u64>,
}

fn size_report(dist: &Path) -> Result<String> {
    let mut files = Vec::new();
    site::walk(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut rows = Vec::new();
    for file in &files {
        let data = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        rows.push(Sized {
            path: file
                .strip_prefix(dist)
                .unwrap_or(file)
                .display()
                .to_string(),
            raw: data.len() as u64,
            gzip: gzip_size(&data),
            brotli: brotli_size(&data),
        });
    }
    let width = rows.iter().map(|r| r.path.len()).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let line = |out: &mut String, name: &str, raw: String, gz: String, br: String| {
        out.push_str(&format!("  {name:<width$} {raw:>11} {gz:>11} {br:>11}\n"));
    };
    out.push_str(&format!("\n-- sizes of {} --\n", dist.display()));
    line(
        &mut out,
        "file",
        "raw".into(),
        "gzip -9".into(),
        "brotli -q11".into(),
    );
    for r in &rows {
        line(
            &mut out,
            &r.path,
            bytes(r.raw),
            opt_bytes(r.gzip),
            opt_bytes(r.brotli),
        );
    }
    let is_font = |r: &Sized| r.path.ends_with(".woff2");
    let total = |pick: &dyn Fn(&Sized) -> bool| {
        let chosen: Vec<&Sized> = rows.iter().filter(|r| pick(r)).collect();
        (
            chosen.iter().map(|r| r.raw).sum::<u64>(),
            chosen.iter().map(|r| r.gzip).sum::<Option<u64>>(),
            chosen.iter().map(|r| r.brotli).sum::<Option<u64>>(),
        )
    };
    // What a first visit downloads: the page, what it loads, the service worker and what that
    // precaches (`site::service_worker`'s list).
    let loaded = |r: &Sized| r.path != site::SINGLE_FILE && !site::is_documentation(&r.path);
    let (raw, gz, br) = total(&|r| !is_font(r) && loaded(r));
    line(
        &mut out,
        "SITE without webfont",
        bytes(raw),
        opt_bytes(gz),
        opt_bytes(br),
    );
    let (font_raw, _, _) = total(&is_font);
    let (all_raw, all_gz, all_br) = total(&loaded);
    line(
        &mut out,
        "SITE with webfont",
        bytes(all_raw),
        opt_bytes(all_gz),
        opt_bytes(all_br),
    );
    out.push_str(&format!(
        "  budget: site without webfont ≤ 600 KiB gzip: {} ({} bytes) → {}\n",
        opt_bytes(gz),
        gz.map_or("?".into(), |g| g.to_string()),
        verdict(gz.is_some_and(|g| g <= 600 * 1024))
    ));
    for r in rows.iter().filter(|r| is_font(r)) {
        out.push_str(&format!(
            "  budget: font ≤ 120 KiB woff2: {} {} → {}\n",
            r.path,
            bytes(r.raw),
            verdict(r.raw <= 120 * 1024)
        ));
    }
    out.push_str(&format!(
        "  (both webfont weights together: {}; files are served as they are, woff2 is compressed)\n",
        bytes(font_raw)
    ));
    out.push_str("  SITE = what a first visit downloads: the page and its files, then the service worker and every file it precaches; not the single-file page qarin-offline.html (a download of its own) nor fonts/OFL.txt and fonts/README.md (the webfont's licence and notes, never fetched by the app).\n");
    Ok(out)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "within budget"
    } else {
        "OVER BUDGET"
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

/// One corpus size: its text files (for the CLI); `docs-N.json` beside it is for the page.
pub struct Fixture {
    pub n: usize,
    pub dir: PathBuf,
}

struct Doc {
    file: String,
    text: String,
}

/// The engine's reading of a text file for the fixtures: BOM dropped, CRLF → LF.
fn read_text(path: &Path) -> Result<String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(raw
        .strip_prefix('\u{feff}')
        .unwrap_or(&raw)
        .replace("\r\n", "\n"))
}

/// ANERcorp's training split as sentences of tokens (one `token TAG` per line, a blank line
/// after each sentence).
fn anercorp_sentences() -> Result<Vec<Vec<String>>> {
    let path = env::repo_root().join("data/anercorp/train.txt");
    let text = read_text(&path)?;
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        match line.split_whitespace().next() {
            Some(token) => current.push(token.to_string()),
            None if !current.is_empty() => sentences.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Tokens back into prose: no space before closing punctuation or after opening brackets.
fn detokenize(tokens: &[String]) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    for t in tokens {
        let closing = matches!(
            t.as_str(),
            "." | "،" | "," | ":" | "؛" | ";" | "؟" | "?" | "!" | ")" | "]" | "»" | "”"
        );
        if !out.is_empty() && !closing && !glue_next {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = matches!(t.as_str(), "(" | "[" | "«" | "“");
    }
    out
}

fn generated_articles(count: usize) -> Result<Vec<Doc>> {
    let sentences = anercorp_sentences()?;
    let available = sentences.len() / SENTENCES_PER_ARTICLE;
    if available < count {
        return Err(format!(
            "ANERcorp has {} sentences: enough for {available} articles of {SENTENCES_PER_ARTICLE}, not {count}",
            sentences.len()
        ));
    }
    Ok((0..count)
        .map(|k| {
            let group = &sentences[k * SENTENCES_PER_ARTICLE..(k + 1) * SENTENCES_PER_ARTICLE];
            let title = detokenize(&group[0][..group[0].len().min(8)]);
            let paragraphs: Vec<String> = group
                .chunks(4)
                .map(|p| {
                    p.iter()
                        .map(|s| detokenize(s))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            Doc {
                file: format!("anercorp_{k:03}.txt"),
                text: format!("{title}\n\n{}\n", paragraphs.join("\n\n")),
            }
        })
        .collect())
}

fn doc_id(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    stem.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `target/bench/corpus-N/` (text files, for the CLI) and `docs-N.json` (`Vec<Document>`, for
/// the wasm export) for each size: the bundled articles first, then generated ones.
fn fixtures(bench: &Path) -> Result<Vec<Fixture>> {
    let corpus = env::repo_root().join("corpus");
    let mut docs = Vec::new();
    for path in site::corpus_files(&corpus)? {
        docs.push(Doc {
            file: path.file_name().unwrap().to_string_lossy().into_owned(),
            text: read_text(&path)?,
        });
    }
    let bundled = docs.len();
    docs.extend(generated_articles(SIZES[SIZES.len() - 1] - bundled)?);
    let mut out = Vec::new();
    for n in SIZES {
        let dir = bench.join(format!("corpus-{n}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut json = Vec::new();
        for d in &docs[..n] {
            std::fs::write(dir.join(&d.file), &d.text)
                .map_err(|e| format!("{}: {e}", dir.display()))?;
            let title: String = d
                .text
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .chars()
                .take(80)
                .collect();
            json.push(format!(
                "{{\"id\":{},\"file\":{},\"title\":{},\"text\":{}}}",
                json_string(&doc_id(&d.file)),
                json_string(&d.file),
                json_string(title.trim()),
                json_string(&d.text)
            ));
        }
        let json_path = bench.join(format!("docs-{n}.json"));
        std::fs::write(&json_path, format!("[{}]", json.join(",\n")))
            .map_err(|e| format!("{}: {e}", json_path.display()))?;
        out.push(Fixture { n, dir });
    }
    println!(
        "[bench] fixtures: {} bundled + {} generated articles in {}",
        bundled,
        docs.len() - bundled,
        bench.display()
    );
    Ok(out)
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A copy of `dist/` plus `plain.html`, the floor: the five articles as static HTML, set in the
/// same webfont, no script.
fn bench_site(dist: &Path, bench: &Path, five: &Fixture) -> Result<PathBuf> {
    let site = bench.join("site");
    let _ = std::fs::remove_dir_all(&site);
    let mut files = Vec::new();
    site::walk(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    for file in files {
        let to = site.join(file.strip_prefix(dist).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::copy(&file, &to).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let mut body = String::new();
    for path in site::corpus_files(&five.dir)? {
        let text = read_text(&path)?;
        let mut paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty());
        let title = paragraphs.next().unwrap_or("");
        body.push_str(&format!(
            "<article>\n<h2>{}</h2>\n",
            escape_html(title.trim())
        ));
        for p in paragraphs {
            body.push_str(&format!("<p>{}</p>\n", escape_html(p.trim())));
        }
        body.push_str("</article>\n");
    }
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Qarin bench floor</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n\
         @font-face {{ font-family: \"Qarin Naskh\"; src: url(\"fonts/NotoNaskhArabic-Regular.woff2\") format(\"woff2\"); font-display: swap; }}\n\
         body {{ font-family: \"Qarin Naskh\", serif; max-width: 48rem; margin: 2rem auto; line-height: 1.9; }}\n\
         </style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    );
    std::fs::write(site.join("plain.html"), page).map_err(|e| e.to_string())?;
    Ok(site)
}

// ---------------------------------------------------------------------------------------------
// Native throughput.

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// Milliseconds of each run, per corpus size.
type NativeTimes = BTreeMap<usize, Vec<f64>>;

/// What the CLI's own `qarin bench` (tagger throughput, if this CLI has it) says about the
/// largest fixture: its output lines, for the report.
fn cli_bench(exe: &Path, fixture: &Fixture) -> Option<String> {
    let help = Command::new(exe).arg("--help").output().ok()?;
    let help =
        String::from_utf8_lossy(&help.stdout).into_owned() + &String::from_utf8_lossy(&help.stderr);
    if !help.contains("qarin bench") {
        return None;
    }
    let out = Command::new(exe)
        .current_dir(env::repo_root())
        .arg("bench")
        .arg("--corpus")
        .arg(&fixture.dir)
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Milliseconds per run of `qarin analyze` (release build) on each fixture, and the output of
/// `qarin bench` where the CLI has it.
fn native(fixtures: &[Fixture], runs: usize) -> Result<(NativeTimes, Option<String>)> {
    println!("[bench] native: cargo build --release -p qarin-cli");
    env::run(env::cargo().args(["build", "--release", "-p", "qarin-cli"]))?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| env::repo_root().join("target"), PathBuf::from);
    let exe = target.join("release/qarin");
    let mut out = BTreeMap::new();
    for f in fixtures {
        // The comparison table as CSV: the whole analysis runs, but little output is written.
        let output = f.dir.with_extension("table.csv");
        let once = || -> Result<f64> {
            let start = Instant::now();
            let status = Command::new(&exe)
                .arg("analyze")
                .arg(&f.dir)
                .args(["--format", "csv", "-o"])
                .arg(&output)
                .stdout(Stdio::null())
                .status()
                .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            if !status.success() {
                return Err(format!("`qarin analyze {}` failed", f.dir.display()));
            }
            Ok(ms)
        };
        once()?; // warm-up: page cache, lazy tables
        let times = (0..runs).map(|_| once()).collect::<Result<Vec<f64>>>()?;
        println!(
            "[bench] native, {} articles: median {:.1} ms",
            f.n,
            median(&times)
        );
        out.insert(f.n, times);
    }
    let cli = fixtures.last().and_then(|f| cli_bench(&exe, f));
    Ok((out, cli))
}

// ---------------------------------------------------------------------------------------------
// In the browser.

/// What `bench_in_browser` printed: `QARIN_BENCH <key> <values…>` lines.
type Measures = BTreeMap<String, Vec<String>>;

fn browser(site: &Path, bench: &Path, runs: usize) -> Result<Measures> {
    let server = Server::bind(site, Some(0), false)
        .map_err(|e| format!("cannot start the static server: {e}"))?;
    let url = server.url();
    server.spawn();
    let driver = ChromeDriver::start()?;
    println!(
        "[bench] browser: pages at {url}, chromedriver at {} ({runs} runs each)",
        driver.url
    );
    let mut cmd = env::cargo();
    cmd.args([
        "test",
        "-p",
        "qarin-app",
        "--test",
        "offline",
        "--",
        "--ignored",
        "--exact",
        "bench_in_browser",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("QARIN_WEBDRIVER", &driver.url)
    .env("QARIN_BENCH_URL", &url)
    .env("QARIN_BENCH_DIR", bench)
    .env("QARIN_BENCH_RUNS", runs.to_string())
    .env("QARIN_BENCH_SIZES", SIZES.map(|n| n.to_string()).join(","))
    .stdout(Stdio::piped());
    println!("  $ {}", env::describe(&cmd));
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run the browser measurements: {e}"))?;
    let mut measures = Measures::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.map_err(|e| e.to_string())?;
        // (cargo test may print a line of its own just before, without a line break.)
        match line
            .find("QARIN_BENCH ")
            .map(|i| &line[i + "QARIN_BENCH ".len()..])
        {
            Some(rest) => {
                let mut parts = rest.split_whitespace().map(str::to_string);
                if let Some(key) = parts.next() {
                    measures.insert(key, parts.collect());
                }
            }
            None if line.trim().is_empty() => {}
            None => println!("  | {line}"),
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("the browser measurements (tests/offline.rs bench_in_browser) failed".into());
    }
    Ok(measures)
}

fn numbers(m: &Measures, key: &str) -> Result<Vec<f64>> {
    m.get(key)
        .ok_or(format!("the browser measurements did not report `{key}`"))?
        .iter()
        .map(|v| {
            v.parse::<f64>()
                .map_err(|_| format!("{key}: bad number {v:?}"))
        })
        .collect()
}

/// `key=value` fields of a line such as `scale-50 tokens=… ms=…,…`.
fn fields(m: &Measures, key: &str) -> Result<BTreeMap<String, String>> {
    Ok(m.get(key)
        .ok_or(format!("the browser measurements did not report `{key}`"))?
        .iter()
        .filter_map(|f| f.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect())
}

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

fn report(m: &Measures, native: &NativeTimes, runs: usize) -> Result<()> {
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
        let text: Vec<String> = steps.iter().map(|(l, v)| format!("{l} {v:.0} ms")).collect();
        println!("  app marks (median): {} → first mention in its own reader {:.0} ms", text.join(" → "), median(&mark));
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
    println!("  {:>8} {:>22} {:>30} {:>26} {:>8}", "articles", "ms (median / best)", "long tasks ms (median / max)", "longest slice ms (max)", "slices");
    for (n, s) in &memory {
        let list = |k: &str| -> Vec<f64> { s.get(k).map(|v| v.split(',').filter_map(|x| x.parse().ok()).collect()).unwrap_or_default() };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenizes_punctuation() {
        let t: Vec<String> = ["قال", "(", "أ", ")", "إن", "السوق", "،", "كما", "."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(detokenize(&t), "قال (أ) إن السوق، كما.");
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
    }

    #[test]
    fn ids_like_the_engine() {
        assert_eq!(doc_id("000_671904eb4ced40ec.txt"), "000_671904eb4ced40ec");
        assert_eq!(doc_id("a b.md"), "a_b");
    }
}
