//! `qarin-offline.html`: the whole app in one file (wasm, JS, CSS, fonts, engine assets inlined) that works
//! when opened from disk (`file://`).

use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use super::html::{self, escape_attr};
use super::policy::csp_hash;
use super::prerender::PRERENDER_GATE;
use super::{one_file, read, read_string, write, SINGLE_FILE};
use crate::env::Result;
use crate::icons;

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
                BASE64.encode(read(&file)?)
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
/// are one inline module script, the analysis worker's source (the glue again, then its start:
/// [`super::worker`]) a text block the page runs as a `blob:` worker, the CSS (with the fonts as
/// data: URLs) one `<style>`, and the
/// policy allows exactly those two by hash and connects nowhere.
///
/// The prerendered article (`prerender`, see [`prerender_block`]) opens `<body>`; the wasm's data
/// block follows it, so the article is parsed and shown before the 2 MB of base64 (the module
/// script runs only once the whole page is parsed, as module scripts do).
pub fn single_file(dist: &Path, index: &str, prerender: &str) -> Result<()> {
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
    let worker = super::worker::inline_source(&code, init, super::worker::start_local(&exports))?;
    if script.contains("</script") || worker.contains("</script") || css.contains("</style") {
        return Err("the JS or CSS contains a closing tag; cannot inline it".into());
    }
    // The title as written (already escaped), the language and direction of trunk's page.
    let title = html::elements(index, "title")?
        .into_iter()
        .next()
        .map_or_else(|| "Qarin".into(), |t| t.text);
    let root = html::elements(index, "html")?.into_iter().next();
    let lang = escape_attr(root.as_ref().and_then(|t| t.attr("lang")).unwrap_or("en"));
    let dir = escape_attr(root.as_ref().and_then(|t| t.attr("dir")).unwrap_or("ltr"));
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
        // The analysis worker, made from the block below (`super::worker`).
        "worker-src blob:".into(),
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
         <script type=\"text/plain\" id=\"{block}\">{worker}</script>\n\
         {assets}</body>\n</html>\n",
        block = super::worker::WORKER_BLOCK,
        csp = escape_attr(&csp),
        theme = icons::THEME_COLOR,
        icon = BASE64.encode(icons::svg()),
        wasm = BASE64.encode(read(&wasm)?),
        assets = asset_blocks(dist)?,
    );
    write(&dist.join(SINGLE_FILE), page)
}

/// The engine's assets and the corpus as data blocks `qarin-asset-<name without .bin>`, which the app reads
/// instead of fetching them (`src/assets.rs`).
fn asset_blocks(dist: &Path) -> Result<String> {
    let mut out = String::new();
    for name in super::ENGINE_ASSETS {
        out.push_str(&format!(
            "<script type=\"application/octet-stream\" id=\"qarin-asset-{}\">{}</script>\n",
            name.trim_end_matches(".bin"),
            BASE64.encode(read(&dist.join(name))?)
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
