//! What `cargo xtask dist` adds to trunk's output to make it a site for any static host:
//!
//! - icons (SVG + PNG 192/512, drawn by [`crate::icons`]) and the web app manifest;
//! - a Content-Security-Policy `<meta>` in `index.html`, allowing trunk's inline wasm loader and
//!   the prerender's gate by their SHA-256 and nothing else inline, and no connection to another
//!   origin;
//! - `register-sw.js` (external, so the policy needs no exception) and `sw.js`, the service
//!   worker that precaches every file of the build the app uses (not the font licence and notes)
//!   under a version hashed from those files;
//! - `qarin-offline.html`: the whole app in one file (wasm, JS, CSS, fonts inlined) that works
//!   when opened from disk (`file://`);
//! - a check that the wasm embeds every article of the corpus the build was asked for, so a stale
//!   build for another corpus cannot slip through;
//! - the prerendered first view: the reader's HTML of the first article (`qarin prerender`, run by
//!   [`crate::dist`]) written into `<body>` of `index.html` and of the single file, inside
//!   `div#prerender`, so the article and its highlighted names show before the wasm has loaded;
//!   the app removes it once it has its own analysis. Its one script, [`PRERENDER_GATE`], keeps
//!   the article hidden when the link asks for another view or article; no style comes with it.

use std::path::{Path, PathBuf};

use crate::codec::{base64, hex, sha256};
use crate::env::{self, Result};
use crate::icons;

/// The single-file page written beside the site.
pub const SINGLE_FILE: &str = "qarin-offline.html";
pub const SERVICE_WORKER: &str = "sw.js";
const REGISTER_SW: &str = "register-sw.js";
const MANIFEST: &str = "manifest.webmanifest";

fn assets_dir() -> PathBuf {
    env::repo_root().join("assets")
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, data: impl AsRef<[u8]>) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, data).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Runs every step on a fresh trunk build in `dist` made with `public_url` from `corpus`;
/// `prerendered` is the reader's HTML of the first article (`qarin prerender` on `corpus`).
pub fn finish(dist: &Path, public_url: &str, corpus: &Path, prerendered: &str) -> Result<()> {
    check_corpus(dist, corpus)?;
    write(&dist.join("icons/icon.svg"), icons::svg())?;
    write(&dist.join("icons/icon-192.png"), icons::png(192))?;
    write(&dist.join("icons/icon-512.png"), icons::png(512))?;
    for name in [MANIFEST, REGISTER_SW] {
        write(&dist.join(name), read(&assets_dir().join(name))?)?;
    }
    let index_path = dist.join("index.html");
    let index = read_string(&index_path)?;
    let block = prerender_block(prerendered)?;
    let with_block = in_body(&index, &block)?;
    let csp = policy(&with_block)?;
    let page = head_tags(&with_block, &csp, public_url)?;
    write(&index_path, page)?;
    single_file(dist, &index, &block)?;
    println!(
        "[dist] added the prerendered first article ({} bytes of HTML, {} highlighted names) to \
         index.html and {SINGLE_FILE}",
        block.len(),
        block.matches("<mark ").count()
    );
    service_worker(dist)?;
    println!("[dist] added icons, {MANIFEST}, {SERVICE_WORKER}, {REGISTER_SW}, {SINGLE_FILE}");
    println!("[dist] Content-Security-Policy: {csp}");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Minimal HTML scanning (trunk's minified output: unquoted attributes, optional tags omitted).

/// A start tag found in an HTML string.
struct Tag<'a> {
    /// Byte range of the whole tag, `<` to `>` inclusive.
    start: usize,
    end: usize,
    attrs: Vec<(String, String)>,
    source: &'a str,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every `<name …>` start tag, in order. Does not look inside scripts' text (trunk's loader has no
/// `<`), which is all this needs.
fn tags<'a>(html: &'a str, name: &str) -> Vec<Tag<'a>> {
    let lower = html.to_ascii_lowercase();
    let needle = format!("<{name}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = lower[from..].find(&needle) {
        let start = from + pos;
        let after = start + needle.len();
        from = after;
        if !lower[after..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            continue;
        }
        let (attrs, end) = parse_attrs(html, after);
        out.push(Tag {
            start,
            end,
            attrs,
            source: html,
        });
    }
    out
}

/// Attributes from `at` up to the closing `>`; returns them and the index just past `>`.
fn parse_attrs(html: &str, mut at: usize) -> (Vec<(String, String)>, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() {
            return (attrs, b.len());
        }
        if b[at] == b'>' {
            return (attrs, at + 1);
        }
        let name_start = at;
        while at < b.len() && !b"=> \t\r\n/".contains(&b[at]) {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        let mut value = String::new();
        if at < b.len() && b[at] == b'=' {
            at += 1;
            if at < b.len() && (b[at] == b'"' || b[at] == b'\'') {
                let quote = b[at];
                let v_start = at + 1;
                at = v_start;
                while at < b.len() && b[at] != quote {
                    at += 1;
                }
                value = html[v_start..at].to_string();
                at = (at + 1).min(b.len());
            } else {
                let v_start = at;
                while at < b.len() && !b[at].is_ascii_whitespace() && b[at] != b'>' {
                    at += 1;
                }
                value = html[v_start..at].to_string();
            }
        }
        attrs.push((name, value));
    }
}

/// The text of an element whose start tag is `tag` (up to its `</name>`).
fn element_text<'a>(tag: &Tag<'a>, name: &str) -> Result<&'a str> {
    let rest = &tag.source[tag.end..];
    let close = rest
        .to_ascii_lowercase()
        .find(&format!("</{name}"))
        .ok_or_else(|| format!("unclosed <{name}> in index.html"))?;
    Ok(&rest[..close])
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}

fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&sha256(text.as_bytes())))
}

// ---------------------------------------------------------------------------------------------
// The policy and the head of index.html.

/// The Content-Security-Policy for the site: only files of the site itself, inline scripts only
/// if they are exactly the ones trunk wrote or the prerender's gate (by hash), wasm compilation allowed, no connection to
/// any other origin, no plugins, no `<base>` elsewhere, no form submissions. Inline `style`
/// attributes are allowed (Leptos sets `style="…"` for data-driven widths); `<style>` elements
/// are not.
fn policy(index: &str) -> Result<String> {
    let mut script_hashes = Vec::new();
    for tag in tags(index, "script") {
        if tag.attr("src").is_none() && is_javascript(&tag) {
            script_hashes.push(csp_hash(element_text(&tag, "script")?));
        }
    }
    if script_hashes.is_empty() {
        return Err("index.html has no inline script: where is trunk's wasm loader?".into());
    }
    if !tags(index, "style").is_empty() {
        return Err("index.html has an inline <style>, which the policy forbids".into());
    }
    Ok([
        "default-src 'self'".to_string(),
        format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            script_hashes.join(" ")
        ),
        "style-src 'self'".into(),
        "style-src-attr 'unsafe-inline'".into(),
        "img-src 'self' data: blob:".into(),
        "font-src 'self' data:".into(),
        "connect-src 'self'".into(),
        "worker-src 'self'".into(),
        "manifest-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'self'".into(),
        "form-action 'none'".into(),
    ]
    .join("; "))
}

fn is_javascript(tag: &Tag) -> bool {
    matches!(
        tag.attr("type").map(str::to_ascii_lowercase).as_deref(),
        None | Some("") | Some("module") | Some("text/javascript") | Some("application/javascript")
    )
}

/// `index.html` with the policy first in `<head>` (it only governs what follows it), then the
/// manifest, icons and the service worker registration.
fn head_tags(index: &str, csp: &str, public_url: &str) -> Result<String> {
    let charset = tags(index, "meta")
        .into_iter()
        .find(|t| t.attr("charset").is_some())
        .ok_or("index.html has no <meta charset>")?;
    let first_script = tags(index, "script")
        .first()
        .map_or(usize::MAX, |t| t.start);
    if first_script < charset.end {
        return Err("index.html has a script before <meta charset>".into());
    }
    if tags(index, "link").iter().any(|t| {
        t.attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|r| r == "icon"))
    }) {
        return Err("index.html already has a <link rel=icon>; the build adds its own".into());
    }
    let inserted = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\
         <meta name=\"theme-color\" content=\"{theme}\">\
         <link rel=\"manifest\" href=\"{p}{MANIFEST}\">\
         <link rel=\"icon\" href=\"{p}icons/icon.svg\" type=\"image/svg+xml\">\
         <link rel=\"apple-touch-icon\" href=\"{p}icons/icon-192.png\">\
         <script defer src=\"{p}{REGISTER_SW}\"></script>",
        csp = escape_attr(csp),
        theme = icons::THEME_COLOR,
        p = escape_attr(public_url),
    );
    let mut out = String::with_capacity(index.len() + inserted.len());
    out.push_str(&index[..charset.end]);
    out.push_str(&inserted);
    out.push_str(&index[charset.end..]);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The prerendered first view.

/// The id of the prerendered layer; the app removes the element once its views have the analysis.
pub const PRERENDER_ID: &str = "prerender";

/// Fails unless `fragment` is plain markup: no element that runs or loads anything (script,
/// style, link, frames, objects, base, meta, forms), no event handler or `style` attribute, no
/// comment, no `javascript:` URL, and not the ids the live app uses (`reader`, `app`, and the
/// layer's own).
fn check_fragment(fragment: &str) -> Result<()> {
    const ELEMENTS: [&str; 13] = [
        "script", "style", "link", "iframe", "frame", "object", "embed", "base", "meta", "form",
        "template", "svg", "math",
    ];
    let lower = fragment.to_ascii_lowercase();
    if lower.contains("<!") || lower.contains("javascript:") {
        return Err("the prerendered HTML holds a comment, doctype or javascript: URL".into());
    }
    let mut from = 0;
    while let Some(pos) = lower[from..].find('<') {
        let start = from + pos + 1;
        let name: String = lower[start..]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.is_empty() {
            return Err(format!(
                "the prerendered HTML has a stray `<` at byte {}: text must be escaped",
                start - 1
            ));
        }
        if ELEMENTS.contains(&name.as_str()) {
            return Err(format!("the prerendered HTML has a <{name}> element"));
        }
        let (attrs, end) = parse_attrs(
            fragment,
            start + name.len() + usize::from(lower[start..].starts_with('/')),
        );
        for (attr, value) in attrs {
            if attr.starts_with("on") || attr == "style" || attr == "srcdoc" {
                return Err(format!(
                    "the prerendered HTML has a `{attr}` attribute on <{name}>"
                ));
            }
            if attr == "id" && ["reader", "app", PRERENDER_ID].contains(&value.as_str()) {
                return Err(format!(
                    "the prerendered HTML uses id=\"{value}\", which belongs to the live app"
                ));
            }
        }
        from = end.max(start);
    }
    Ok(())
}

/// The one script of the prerender, run as the page is parsed, before its first paint: a link
/// to another view (`#view=compare`, `facts`, `wire`) or to another article (`#doc=…` other
/// than the prerendered `data-doc`) must not flash the first article's text, so the layer then
/// keeps only its bar with the loading line (class `elsewhere`, style/main.css). It reads the
/// hash as `src/hash.rs` does (pairs split on `&`, values percent-decoded, unknown views are
/// the reader). Constant text: the policy allows it by hash.
pub const PRERENDER_GATE: &str = "(function(){var v='',d='';\
location.hash.replace(/^#/,'').split('&').forEach(function(p){var i=p.indexOf('=');\
if(i<0)return;var k=p.slice(0,i),x=p.slice(i+1);try{x=decodeURIComponent(x)}catch(e){}\
if(k==='view')v=x;else if(k==='doc')d=x});\
var a=document.getElementById('reader-static');\
if(['compare','facts','wire'].indexOf(v)>=0||(d&&a&&d!==a.getAttribute('data-doc')))\
document.getElementById('prerender').classList.add('elsewhere')})();";

/// `div#prerender` around the reader's HTML: a bar like the app's header with a loading line,
/// then the article where the app's reader will be (style/main.css, "Prerendered first view"),
/// then [`PRERENDER_GATE`], the block's only script (allowed by hash; no style element).
fn prerender_block(fragment: &str) -> Result<String> {
    let fragment = fragment.trim();
    if fragment.is_empty() {
        return Err("`qarin prerender` wrote nothing".into());
    }
    check_fragment(fragment)?;
    if !fragment.contains("<mark ") {
        println!("[dist] note: the prerendered article has no highlighted name");
    }
    Ok(format!(
        "<div id=\"{PRERENDER_ID}\" class=\"prerender\" aria-hidden=\"false\">\
         <header class=\"app-header prerender-bar\"><div class=\"brand\">\
         <p class=\"app-name\"><span lang=\"en\" dir=\"ltr\">Qarin</span>\
         <span class=\"dot\" aria-hidden=\"true\"> · </span>\
         <span lang=\"ar\" dir=\"rtl\" class=\"arabic\">قارن</span></p>\
         <p class=\"tagline\">How Arabic news outlets name the people, places and organisations \
         of the same story</p></div>\
         <p class=\"prerender-status\" role=\"status\">\
         <span class=\"spinner small\" aria-hidden=\"true\"></span>Loading the explorer…</p>\
         </header>\
         <div class=\"prerender-body\"><div class=\"prerender-main\">{fragment}</div></div>\
         <script>{PRERENDER_GATE}</script></div>"
    ))
}

/// `page` with `block` first in its `<body>`, before anything the app mounts there.
fn in_body(page: &str, block: &str) -> Result<String> {
    let body = tags(page, "body");
    let body = body
        .first()
        .ok_or("index.html has no <body> to put the prerendered article in")?;
    let mut out = String::with_capacity(page.len() + block.len());
    out.push_str(&page[..body.end]);
    out.push_str(block);
    out.push_str(&page[body.end..]);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The service worker.

/// Files of the site that are there to be read by people, not used by the page (the webfont's
/// licence and notes): served, never fetched by the app, so not cached for offline use.
pub fn is_documentation(rel: &str) -> bool {
    rel.ends_with(".txt") || rel.ends_with(".md")
}

fn service_worker(dist: &Path) -> Result<()> {
    let mut files = Vec::new();
    walk(dist, &mut files).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut assets: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| (relative_url(dist, &p), p))
        .filter(|(rel, _)| rel != SERVICE_WORKER && rel != SINGLE_FILE && !is_documentation(rel))
        .collect();
    assets.sort();
    // The version: a hash of every cached file's name and bytes.
    let mut all = Vec::new();
    for (rel, path) in &assets {
        all.extend_from_slice(rel.as_bytes());
        all.push(0);
        all.extend_from_slice(&sha256(&read(path)?));
    }
    let version = hex(&sha256(&all)[..8]);
    let mut list = vec!["\"./\"".to_string()];
    list.extend(assets.iter().map(|(rel, _)| json_string(rel)));
    let template = read_string(&assets_dir().join(SERVICE_WORKER))?;
    for placeholder in ["__QARIN_VERSION__", "__QARIN_ASSETS__"] {
        if !template.contains(placeholder) {
            return Err(format!("assets/{SERVICE_WORKER} lacks {placeholder}"));
        }
    }
    let sw = template.replace("__QARIN_VERSION__", &version).replace(
        "__QARIN_ASSETS__",
        &format!("[\n  {},\n]", list.join(",\n  ")),
    );
    write(&dist.join(SERVICE_WORKER), sw)?;
    println!(
        "[dist] {SERVICE_WORKER}: version {version}, {} files precached",
        assets.len()
    );
    Ok(())
}

/// `path` relative to `dist` as a URL path (forward slashes, percent-encoded where needed).
fn relative_url(dist: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dist).unwrap_or(path);
    rel.components()
        .map(|c| {
            let s = c.as_os_str().to_string_lossy();
            s.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}

pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The single-file page.

/// The one top-level file of `dist` whose name satisfies `pick`.
fn one_file(dist: &Path, what: &str, pick: impl Fn(&str) -> bool) -> Result<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot list {}: {e}", dist.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().and_then(|n| n.to_str()).is_some_and(&pick))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => Err(format!(
            "expected one {what} in {}, found {n}",
            dist.display()
        )),
    }
}

fn mime(path: &Path) -> &'static str {
    crate::serve::content_type(path)
        .split(';')
        .next()
        .unwrap_or("application/octet-stream")
}

/// `css` with every `url(…)` naming a file under `base` replaced by a data: URL.
fn inline_css_urls(css: &str, base: &Path) -> Result<String> {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(pos) = rest.find("url(") {
        out.push_str(&rest[..pos + 4]);
        rest = &rest[pos + 4..];
        let close = rest.find(')').ok_or("unclosed url( in the CSS")?;
        let raw = rest[..close].trim();
        let target = raw.trim_matches(|c| c == '"' || c == '\'');
        let local = !target.is_empty()
            && !target.starts_with("data:")
            && !target.starts_with('#')
            && !target.contains("://")
            && !target.starts_with('/');
        let file = base.join(target.split(['?', '#']).next().unwrap_or(target));
        if local && file.is_file() {
            out.push_str(&format!(
                "\"data:{};base64,{}\"",
                mime(&file),
                base64(&read(&file)?)
            ));
        } else {
            out.push_str(raw);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok(out)
}

/// wasm-bindgen's ES module glue turned into plain module code: `export` keywords dropped, so it
/// can be inlined; returns the code and the exported names (exported → local).
fn unexport_glue(glue: &str) -> Result<(String, Vec<(String, String)>)> {
    let mut code = String::with_capacity(glue.len());
    let mut exports = Vec::new();
    let mut lines = glue.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("export ") {
            if let Some(list) = rest.strip_prefix('{') {
                // `export { a, b as c };` (possibly over several lines)
                let mut list = list.to_string();
                while !list.contains('}') {
                    list.push_str(
                        lines
                            .next()
                            .ok_or("unterminated export list in the JS glue")?,
                    );
                }
                let inner = &list[..list.find('}').unwrap_or(list.len())];
                for item in inner.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match item.split_once(" as ") {
                        Some((local, exported)) => {
                            exports.push((exported.trim().to_string(), local.trim().to_string()))
                        }
                        None => exports.push((item.to_string(), item.to_string())),
                    }
                }
                continue;
            }
            for keyword in ["function ", "class ", "const ", "let ", "async function "] {
                if let Some(decl) = rest.strip_prefix(keyword) {
                    let name: String = decl
                        .trim_start_matches('*')
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                        .collect();
                    exports.push((name.clone(), name));
                    break;
                }
            }
            if rest.starts_with("default ") {
                return Err("unexpected `export default` in the JS glue".into());
            }
            code.push_str(rest);
        } else if line.starts_with("import ") {
            return Err("the JS glue imports another module (snippets?); cannot inline it".into());
        } else {
            code.push_str(line);
        }
        code.push('\n');
    }
    if !exports.iter().any(|(e, _)| e == "default") {
        return Err("the JS glue has no default export (its init function)".into());
    }
    Ok((code, exports))
}

/// `qarin-offline.html`: the app in one file. The wasm travels as base64 in a data block and is
/// instantiated from bytes through the glue's `init({ module_or_path })`; the glue and the loader
/// are one inline module script, the CSS (with the fonts as data: URLs) one `<style>`, and the
/// policy allows exactly those two by hash and connects nowhere.
///
/// The prerendered article (`prerender`, see [`prerender_block`]) opens `<body>`; the wasm's data
/// block follows it, so the article is parsed and shown before the 2 MB of base64 (the module
/// script runs only once the whole page is parsed, as module scripts do).
fn single_file(dist: &Path, index: &str, prerender: &str) -> Result<()> {
    let wasm = one_file(dist, "wasm module", |n| n.ends_with("_bg.wasm"))?;
    let wasm_name = wasm.file_name().unwrap().to_string_lossy().into_owned();
    let glue_name = format!("{}.js", wasm_name.trim_end_matches("_bg.wasm"));
    let glue = read_string(&dist.join(&glue_name))?;
    let css_path = one_file(dist, "stylesheet", |n| n.ends_with(".css"))?;
    let css = inline_css_urls(&read_string(&css_path)?, css_path.parent().unwrap_or(dist))?;
    let (code, exports) = unexport_glue(&glue)?;
    let init = &exports.iter().find(|(e, _)| e == "default").unwrap().1;
    let bindings = exports
        .iter()
        .filter(|(e, _)| e != "default")
        .map(|(e, l)| {
            if e == l {
                e.clone()
            } else {
                format!("{e}: {l}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let script = format!(
        "{code}\n\
         // The wasm module, from the data block above: base64 → bytes → instance. (In a block:\n\
         // the glue's top-level names, such as `wasm`, must not be redeclared.)\n\
         {{\n\
         const block = document.getElementById('qarin-wasm');\n\
         const b64 = block.textContent.trim();\n\
         block.remove();\n\
         let bytes;\n\
         if (typeof Uint8Array.fromBase64 === 'function') {{\n\
         \x20 bytes = Uint8Array.fromBase64(b64);\n\
         }} else {{\n\
         \x20 const bin = atob(b64);\n\
         \x20 bytes = new Uint8Array(bin.length);\n\
         \x20 for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n\
         }}\n\
         const exports = await {init}({{ module_or_path: bytes }});\n\
         window.wasmBindings = {{ {bindings} }};\n\
         dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm: exports }} }}));\n\
         }}\n"
    );
    if script.contains("</script") || css.contains("</style") {
        return Err("the JS or CSS contains a closing tag; cannot inline it".into());
    }
    let title = tags(index, "title")
        .first()
        .map(|t| element_text(t, "title").map(str::to_string))
        .transpose()?
        .unwrap_or_else(|| "Qarin".into());
    let html = tags(index, "html");
    let lang = html.first().and_then(|t| t.attr("lang")).unwrap_or("en");
    let dir = html.first().and_then(|t| t.attr("dir")).unwrap_or("ltr");
    let csp = [
        "default-src 'none'".to_string(),
        format!(
            "script-src {} {} 'wasm-unsafe-eval'",
            csp_hash(&script),
            csp_hash(PRERENDER_GATE)
        ),
        format!("style-src {}", csp_hash(&css)),
        "style-src-attr 'unsafe-inline'".into(),
        "img-src data: blob:".into(),
        "font-src data:".into(),
        "connect-src 'none'".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ]
    .join("; ");
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n\
         <meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"theme-color\" content=\"{theme}\">\n\
         <title>{title}</title>\n\
         <link rel=\"icon\" href=\"data:image/svg+xml;base64,{icon}\">\n\
         <style>{css}</style>\n\
         <script type=\"module\">{script}</script>\n\
         </head>\n<body>{prerender}\n\
         <script type=\"application/octet-stream\" id=\"qarin-wasm\">{wasm}</script>\n\
         </body>\n</html>\n",
        csp = escape_attr(&csp),
        theme = icons::THEME_COLOR,
        icon = base64(icons::svg().as_bytes()),
        wasm = base64(&read(&wasm)?),
    );
    write(&dist.join(SINGLE_FILE), page)
}

// ---------------------------------------------------------------------------------------------
// The corpus check.

/// The `.txt`/`.md` files of a corpus folder, sorted, as the engine lists them.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the corpus folder {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| ["txt", "md"].contains(&x.to_ascii_lowercase().as_str()))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!(
            "the corpus folder {} holds no .txt or .md file",
            dir.display()
        ));
    }
    Ok(files)
}

/// A piece of `text` that the bundled corpus JSON (inside the wasm) holds verbatim: the longest
/// run, up to 60 bytes, of a line without characters JSON would escape.
fn snippet(text: &str) -> Option<&str> {
    let mut best: Option<&str> = None;
    for line in text.trim_start_matches('\u{feff}').lines() {
        for run in line.split(|c: char| c == '"' || c == '\\' || c.is_control()) {
            let mut end = run.len().min(60);
            while !run.is_char_boundary(end) {
                end -= 1;
            }
            let candidate = &run[..end];
            if candidate.trim().len() > best.map_or(0, |b| b.trim().len()) {
                best = Some(candidate);
            }
        }
        if best.is_some_and(|b| b.len() >= 40) {
            break;
        }
    }
    best.filter(|b| b.trim().len() >= 8)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut i = 0;
    while i + needle.len() <= haystack.len() {
        match haystack[i..=haystack.len() - needle.len()]
            .iter()
            .position(|&b| b == first)
        {
            Some(p) => {
                i += p;
                if haystack[i + 1..i + needle.len()] == *rest {
                    return true;
                }
                i += 1;
            }
            None => return false,
        }
    }
    false
}

/// Fails unless the built wasm embeds a piece of every article of `corpus`.
fn check_corpus(dist: &Path, corpus: &Path) -> Result<()> {
    let wasm = read(&one_file(dist, "wasm module", |n| n.ends_with("_bg.wasm"))?)?;
    let files = corpus_files(corpus)?;
    for file in &files {
        let Ok(text) = String::from_utf8(read(file)?) else {
            continue; // the engine refuses such a file at build time anyway
        };
        let Some(piece) = snippet(&text) else {
            continue;
        };
        if !contains(&wasm, piece.as_bytes()) {
            return Err(format!(
                "the built app does not contain the article {} (looked for {piece:?}): the \
                 build is stale or was made from another corpus",
                file.display()
            ));
        }
    }
    println!(
        "[dist] checked: the app embeds all {} articles of {}",
        files.len(),
        corpus.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_and_attributes() {
        let html = "<!doctype html><html dir=ltr lang=en><meta charset=utf-8><title>T</title>\
                    <script type=module>import x from '/a.js';</script>\
                    <link href=/m.css integrity=\"sha384-x y\" rel=stylesheet><body></body>";
        let scripts = tags(html, "script");
        assert_eq!(scripts.len(), 1);
        assert_eq!(scripts[0].attr("type"), Some("module"));
        assert_eq!(
            element_text(&scripts[0], "script").unwrap(),
            "import x from '/a.js';"
        );
        let links = tags(html, "link");
        assert_eq!(links[0].attr("integrity"), Some("sha384-x y"));
        assert_eq!(links[0].attr("rel"), Some("stylesheet"));
        assert_eq!(tags(html, "html")[0].attr("lang"), Some("en"));
    }

    #[test]
    fn policy_hashes_the_inline_loader_and_goes_first() {
        let html = "<!doctype html><html><meta charset=utf-8><title>T</title>\
                    <script type=module>alert(1)</script><script src=/x.js></script>";
        let csp = policy(html).unwrap();
        assert!(csp.contains(&csp_hash("alert(1)")), "{csp}");
        assert!(csp.contains("connect-src 'self'") && csp.contains("'wasm-unsafe-eval'"));
        let out = head_tags(html, &csp, "/sub/").unwrap();
        let meta = out.find("Content-Security-Policy").unwrap();
        assert!(meta < out.find("<script").unwrap());
        assert!(out.contains("<script defer src=\"/sub/register-sw.js\">"));
        assert!(out.contains("href=\"/sub/manifest.webmanifest\""));
    }

    #[test]
    fn the_prerender_goes_first_in_body_and_must_be_inert() {
        let fragment = "<div class=\"reader-meta\"><h2>Article 1</h2></div>\
                        <article class=\"reader\" id=\"reader-static\" dir=\"rtl\" lang=\"ar\">\
                        قال <mark data-type=\"PER\" title=\"a &quot;b&quot; &lt;c&gt;\">بوتين</mark> \
                        &lt;script&gt;</article>";
        let block = prerender_block(fragment).unwrap();
        assert!(
            block.starts_with("<div id=\"prerender\" class=\"prerender\""),
            "{block}"
        );
        assert!(block.contains(fragment) && block.contains("Loading the explorer"));
        let page = "<!doctype html><html><meta charset=utf-8><script type=module>x</script>\
                    </head><body></body></html>";
        let out = in_body(page, &block).unwrap();
        assert!(out.contains(&format!("<body>{block}</body>")), "{out}");
        // Its one script is the gate, allowed by hash beside trunk's loader.
        assert_eq!(block.matches("<script").count(), 1, "{block}");
        assert!(block.contains(&format!("<script>{PRERENDER_GATE}</script></div>")), "{block}");
        let csp = policy(&out).unwrap();
        assert!(csp.contains(&csp_hash(PRERENDER_GATE)) && csp.contains(&csp_hash("x")), "{csp}");
        assert!(in_body("<html></html>", &block).is_err());
        for bad in [
            "<article><script>alert(1)</script></article>",
            "<article><style>a{}</style></article>",
            "<article><mark onclick=\"x()\">a</mark></article>",
            "<article style=\"color:red\">a</article>",
            "<article id=\"reader\">a</article>",
            "<article><main id=app>a</main></article>",
            "<article>a < b</article>",
            "<article><!-- x --></article>",
            "",
        ] {
            assert!(prerender_block(bad).is_err(), "accepted {bad}");
        }
    }

    #[test]
    fn glue_loses_its_exports() {
        let glue = "let wasm;\nexport function qarin_bench(x) { return 1; }\n\
                    export class Foo {}\nfunction __wbg_init() {}\n\
                    export { initSync, __wbg_init as default };\n";
        let (code, exports) = unexport_glue(glue).unwrap();
        assert!(!code.contains("export"), "{code}");
        assert!(code.contains("function qarin_bench(x)"));
        assert!(exports.contains(&("default".into(), "__wbg_init".into())));
        assert!(exports.contains(&("qarin_bench".into(), "qarin_bench".into())));
        assert!(exports.contains(&("Foo".into(), "Foo".into())));
    }

    #[test]
    fn css_urls_become_data_urls() {
        let dir = std::env::temp_dir().join(format!("xtask-css-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("fonts")).unwrap();
        std::fs::write(dir.join("fonts/a.woff2"), b"wOF2").unwrap();
        let css = "@font-face{src:url(fonts/a.woff2) format(\"woff2\")}a{b:url(\"#x\")}";
        let out = inline_css_urls(css, &dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            out.contains("url(\"data:font/woff2;base64,d09GMg==\")"),
            "{out}"
        );
        assert!(out.contains("url(\"#x\")"));
    }

    #[test]
    fn a_build_without_an_article_is_refused() {
        let dir = std::env::temp_dir().join(format!("xtask-corpus-{}", std::process::id()));
        let (dist, corpus) = (dir.join("dist"), dir.join("corpus"));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::create_dir_all(&corpus).unwrap();
        let a = "زار الرئيس الفرنسي إيمانويل ماكرون العاصمة المصرية القاهرة";
        let b = "استقبل الرئيس المصري عبد الفتاح السيسي نظيره الفرنسي في القاهرة";
        std::fs::write(corpus.join("a.txt"), a).unwrap();
        std::fs::write(corpus.join("b.txt"), b).unwrap();
        let wasm = format!("\0asm...[{{\"id\":\"a\",\"text\":\"{a}\"}}]...");
        std::fs::write(dist.join("app_bg.wasm"), &wasm).unwrap();
        let err = check_corpus(&dist, &corpus).unwrap_err();
        assert!(err.contains("b.txt") && err.contains("stale"), "{err}");
        std::fs::write(dist.join("app_bg.wasm"), format!("{wasm}{b}")).unwrap();
        let ok = check_corpus(&dist, &corpus);
        std::fs::remove_dir_all(&dir).unwrap();
        ok.unwrap();
    }

    #[test]
    fn snippets_avoid_json_escapes_and_are_found() {
        let text = "\u{feff}قال \"الرئيس\" إن\nزار الرئيس الفرنسي إيمانويل ماكرون العاصمة المصرية";
        let piece = snippet(text).unwrap();
        assert!(!piece.contains('"') && !piece.contains('\n'));
        assert!(contains(text.as_bytes(), piece.as_bytes()));
        assert!(contains(b"abcabd", b"abd"));
        assert!(!contains(b"abcab", b"abd"));
    }
}
