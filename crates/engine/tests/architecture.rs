//! The engine's shape, checked: each stage imports only from `model` and from the stages before
//! it (the order of `lib.rs`), and no source file outgrows what one reader holds in mind.

use std::path::{Path, PathBuf};

/// The stages in pipeline order, as `lib.rs` lists them; `model` comes first: every stage may use it.
const ORDER: &[&str] = &[
    "model", "input", "normalize", "tokenize", "boilerplate", "lexicon", "repair", "tagger", "recognize", "link", "facts", "compare", "render",
    "export", "pack", "pipeline", "decisions", "eval",
];

/// Lines a source file may have (its test module included), generated tables aside.
const MAX_LINES: usize = 520;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The stage a file belongs to: its folder under `src/`, or its name for a one-file stage.
fn stage_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
    Some(first.trim_end_matches(".rs").to_string())
}

/// The code of a file that is not a test module or a comment: everything before its first
/// `#[cfg(test)]` (test modules close the files here), comment lines dropped.
fn code(text: &str) -> String {
    let end = text.find("#[cfg(test)]").unwrap_or(text.len());
    text[..end].lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Every `crate::stage` the code names (`use crate::x::…`, `crate::x::f(…)`) and every
/// `crate::{a, b}` group.
fn imports(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(inner.split(',').map(|p| p.trim().split("::").next().unwrap_or("").to_string()).filter(|s| !s.is_empty()));
        } else {
            let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            out.push(name);
        }
    }
    out
}

#[test]
fn stages_import_only_from_earlier_stages() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let position = |s: &str| ORDER.iter().position(|o| *o == s);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for f in &files {
        let Some(stage) = stage_of(f) else { continue };
        let Some(at) = position(&stage) else { continue }; // lib.rs
        for name in imports(&code(&std::fs::read_to_string(f).unwrap())) {
            checked += 1;
            // Items re-exported at the crate root (`crate::Analysis`) are model types, or
            // `crate::analyze` (the pipeline).
            // `sort` (the small stable sort) and `json` (the small JSON reader), both for the wasm's
            // size, are tools every stage may use, as it may use `model`.
            let target = match name.as_str() {
                "analyze" | "explain" => "pipeline",
                "sort" | "json" => "model",
                n if position(n).is_some() => n,
                _ => "model",
            };
            let ok = target == "model" || target == stage || position(target).is_some_and(|t| t < at);
            if !ok {
                wrong.push(format!("{}: {stage} uses crate::{name}", f.strip_prefix(src()).unwrap().display()));
            }
        }
    }
    assert!(checked > 100, "the scan found only {checked} imports: is it reading the sources?");
    assert!(wrong.is_empty(), "imports against the pipeline order ({ORDER:?}):\n{}", wrong.join("\n"));
}

#[test]
fn the_scan_sees_an_upward_import() {
    // The checker itself: an upward import and a grouped one are seen; comments and tests are not.
    let text = "use crate::model::Token;\n// crate::pipeline in a comment\nuse crate::{link, tokenize::x};\nfn f() { crate::facts::run(); }\n#[cfg(test)]\nmod tests { use crate::eval; }\n";
    assert_eq!(imports(&code(text)), ["model", "link", "tokenize", "facts"]);
}

#[test]
fn no_source_file_is_too_long() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.strip_prefix(src()).unwrap().display()))
        })
        .collect();
    long.sort();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: split them by concern:\n{}", long.join("\n"));
}
