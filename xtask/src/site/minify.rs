//! The wasm-bindgen glue, minified by terser (trunk's own minifier cannot parse it and ships it
//! as it is): about 11 KiB gzip become about 8. The glue's exports and the names the wasm
//! imports (object keys) are kept; only local names shrink. trunk wrote an `integrity` hash of
//! the glue into `index.html`; it is replaced by the minified file's.

use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::env::{self, Result};

fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// Minify `dist`'s glue in place and update its `integrity` in `index.html`.
pub fn minify_glue(dist: &Path) -> Result<()> {
    let glue = super::one_file(dist, "wasm-bindgen glue (qarin-app-*.js)", |n| n.starts_with("qarin-app-") && n.ends_with(".js"))?;
    let before = super::read(&glue)?;
    let out = glue.with_extension("min.js");
    env::run(
        env::command("node")
            .arg(env::terser_bin())
            .arg(&glue)
            // Beautified without indentation: one statement a line, as `site::single` reads the glue
            // (its `export` lines); about 3 % larger gzipped than one long line.
            .args(["--module", "--ecma", "2020", "--compress", "--mangle", "--format", "beautify=true,indent_level=0", "--output"])
            .arg(&out),
    )?;
    let after = super::read(&out)?;
    std::fs::rename(&out, &glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let index_path = dist.join("index.html");
    let index = super::read_string(&index_path)?;
    let old = sri(&before);
    if !index.contains(&old) {
        return Err(format!("index.html has no integrity {old} for {}", glue.display()));
    }
    super::write(&index_path, index.replace(&old, &sri(&after)))?;
    println!(
        "[dist] minified {} with terser: {} → {} bytes",
        glue.file_name().and_then(|n| n.to_str()).unwrap_or_default(),
        before.len(),
        after.len()
    );
    Ok(())
}

/// Strip the comments of one of the site's own scripts (`sw.js`, `register-sw.js`) in place, with
/// the same terser: one statement a line, names and quotes as written (so `const VERSION = '…'`
/// reads as in the template). Their comments are for the repository; the first visit downloads
/// them: 2.1 → 1.2 KiB gzip for both.
pub fn strip_comments(script: &Path) -> Result<()> {
    let out = script.with_extension("min.js");
    env::run(
        env::command("node")
            .arg(env::terser_bin())
            .arg(script)
            .args(["--format", "comments=false,quote_style=3,beautify=true,indent_level=0", "--output"])
            .arg(&out),
    )?;
    std::fs::rename(&out, script).map_err(|e| format!("{}: {e}", script.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sri_is_sha384_base64() {
        // printf abc | openssl dgst -sha384 -binary | base64
        assert_eq!(super::sri(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }
}
