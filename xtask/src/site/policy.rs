//! The Content-Security-Policy of the site and the tags `cargo xtask dist` adds to the head of
//! `index.html` (the policy first, then the manifest, icons and the service worker's
//! registration).

use std::cell::Cell;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use sha2::{Digest, Sha256};

use super::html::{self, escape_attr, Element};
use super::{MANIFEST, REGISTER_SW};
use crate::env::Result;
use crate::icons;

/// The policy's source expression for an inline script or style of exactly this text.
pub fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The Content-Security-Policy for the site: only files of the site itself, inline scripts only
/// if they are exactly the ones trunk wrote or the prerender's gate (by hash), wasm compilation
/// allowed, no connection to any other origin, no plugins, no `<base>` elsewhere, no form
/// submissions. Inline `style` attributes are allowed (Leptos sets `style="…"` for data-driven
/// widths); `<style>` elements are not.
pub fn policy(index: &str) -> Result<String> {
    let script_hashes: Vec<String> = html::elements(index, "script")?
        .iter()
        .filter(|s| s.attr("src").is_none() && is_javascript(s))
        .map(|s| csp_hash(&s.text))
        .collect();
    if script_hashes.is_empty() {
        return Err("index.html has no inline script: where is trunk's wasm loader?".into());
    }
    if !html::elements(index, "style")?.is_empty() {
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

fn is_javascript(script: &Element) -> bool {
    matches!(
        script.attr("type").map(str::to_ascii_lowercase).as_deref(),
        None | Some("") | Some("module") | Some("text/javascript") | Some("application/javascript")
    )
}

/// The meta tag naming the engine's build ([`engine_build`]), read by the app (`assets::identity`)
/// as the key of the analyses it keeps.
pub const ENGINE_META: &str = "qarin-engine";

/// What an analysis made by this build depends on: a hash of the wasm module (the engine's code)
/// and of the engine's word lists and model, 16 hex digits.
pub fn engine_build(dist: &std::path::Path) -> Result<String> {
    let wasm = super::one_file(dist, "wasm module", |n| n.ends_with("_bg.wasm"))?;
    let mut all = Vec::new();
    for path in [wasm, dist.join("qarin-lexicon.bin"), dist.join("qarin-tagger.bin")] {
        all.extend_from_slice(&Sha256::digest(super::read(&path)?));
    }
    Ok(format!("{:x}", Sha256::digest(&all))[..16].to_string())
}

/// `index` with `<meta name="qarin-engine" content="BUILD">` right after `<meta charset>`.
pub fn with_engine_meta(index: &str, build: &str) -> Result<String> {
    let done = Cell::new(false);
    let tag = format!("<meta name=\"{ENGINE_META}\" content=\"{}\">", escape_attr(build));
    rewrite_str(
        index,
        RewriteStrSettings::new().append_element_content_handler(element!("meta[charset]", |el| {
            if !done.replace(true) {
                el.after(&tag, ContentType::Html);
            }
            Ok(())
        })),
    )
    .map_err(|e| html::failed("index.html", e))
}

/// `index.html` with the policy first in `<head>` (it only governs what follows it), then the
/// manifest, icons and the service worker registration, and the bundled articles and their
/// analysis preloaded (the app asks for them once its code runs: they download beside the wasm
/// instead; the single-file page carries them inline): all right after `<meta charset>`.
pub fn head_tags(index: &str, csp: &str, public_url: &str) -> Result<String> {
    let order = html::elements(index, "meta[charset], script")?;
    match order.first() {
        None => return Err("index.html has no <meta charset>".into()),
        Some(first) if first.name == "script" => {
            return Err("index.html has a script before <meta charset>".into())
        }
        Some(_) => {}
    }
    if html::elements(index, "link[rel]")?.iter().any(|l| {
        l.attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("icon")))
    }) {
        return Err("index.html already has a <link rel=icon>; the build adds its own".into());
    }
    let inserted = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\
         <meta name=\"theme-color\" content=\"{theme}\">\
         <link rel=\"manifest\" href=\"{p}{MANIFEST}\">\
         <link rel=\"icon\" href=\"{p}icons/icon.svg\" type=\"image/svg+xml\">\
         <link rel=\"apple-touch-icon\" href=\"{p}icons/icon-192.png\">\
         <script defer src=\"{p}{REGISTER_SW}\"></script>\
         <link rel=\"preload\" href=\"{p}{corpus}\" as=\"fetch\" crossorigin>\
         <link rel=\"preload\" href=\"{p}{analysis}\" as=\"fetch\" crossorigin>",
        corpus = super::CORPUS,
        analysis = super::CORPUS_ANALYSIS,
        csp = escape_attr(csp),
        theme = icons::THEME_COLOR,
        p = escape_attr(public_url),
    );
    let done = Cell::new(false);
    let page = rewrite_str(
        index,
        RewriteStrSettings::new().append_element_content_handler(element!("meta[charset]", |el| {
            if !done.replace(true) {
                el.after(&inserted, ContentType::Html);
            }
            Ok(())
        })),
    )
    .map_err(|e| html::failed("index.html", e))?;
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Right after <meta charset>, the rest of the page as it was.
        assert!(out.starts_with(
            "<!doctype html><html><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\""
        ));
        assert!(
            out.ends_with(&html[html.find("<title>").unwrap()..]),
            "{out}"
        );
    }

    #[test]
    fn hashes_are_sha256_in_base64() {
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn a_page_the_head_tags_cannot_go_into_is_refused() {
        let csp = "default-src 'self'";
        assert!(head_tags("<html><title>T</title></html>", csp, "/").is_err());
        assert!(head_tags("<script>x</script><meta charset=utf-8>", csp, "/").is_err());
        assert!(head_tags(
            "<meta charset=utf-8><link rel=\"shortcut icon\" href=a>",
            csp,
            "/"
        )
        .is_err());
        assert!(policy("<meta charset=utf-8><script src=a></script>").is_err());
        assert!(policy("<meta charset=utf-8><script>x</script><style>a{}</style>").is_err());
    }
}
