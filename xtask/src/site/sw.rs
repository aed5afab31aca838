//! The service worker: `sw.js`, from the template `assets/sw.js`, precaches every file of the
//! build the app uses (not the single file, nor the font licence and notes) under a version
//! hashed from those files, so that the site works offline after one visit and a new build
//! replaces the stored one.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::{assets_dir, read, read_string, walk, write, SERVICE_WORKER, SINGLE_FILE};
use crate::env::Result;

/// Files of the site that are there to be read by people, not used by the page (the webfont's
/// licence and notes): served, never fetched by the app, so not cached for offline use.
pub fn is_documentation(rel: &str) -> bool {
    rel.ends_with(".txt") || rel.ends_with(".md")
}

/// Writes `sw.js` into `dist` from the template, with the version and the list of files.
pub fn service_worker(dist: &Path) -> Result<()> {
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
        all.extend_from_slice(&Sha256::digest(read(path)?));
    }
    let version = format!("{:x}", Sha256::digest(&all))[..16].to_string();
    let mut list = vec!["\"./\"".to_string()];
    list.extend(
        assets
            .iter()
            .map(|(rel, _)| serde_json::Value::from(rel.as_str()).to_string()),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_files_are_relative_and_encoded() {
        let dist = Path::new("/d");
        assert_eq!(
            relative_url(dist, Path::new("/d/fonts/a b.woff2")),
            "fonts/a%20b.woff2"
        );
        assert_eq!(
            relative_url(dist, Path::new("/d/app-1_x.wasm")),
            "app-1_x.wasm"
        );
        assert!(is_documentation("fonts/OFL.txt") && is_documentation("fonts/README.md"));
        assert!(!is_documentation("index.html"));
    }

    #[test]
    fn the_worker_lists_the_files_and_its_version_follows_them() {
        let dir = std::env::temp_dir().join(format!("xtask-sw-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("fonts")).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("fonts/OFL.txt"), "licence").unwrap();
        std::fs::write(dir.join(SINGLE_FILE), "one file").unwrap();
        service_worker(&dir).unwrap();
        let sw = std::fs::read_to_string(dir.join(SERVICE_WORKER)).unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>changed").unwrap();
        service_worker(&dir).unwrap();
        let again = std::fs::read_to_string(dir.join(SERVICE_WORKER)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(sw.contains("\"./\",\n  \"index.html\""), "{sw}");
        assert!(
            !sw.contains("OFL.txt") && !sw.contains(SINGLE_FILE) && !sw.contains("__QARIN_"),
            "{sw}"
        );
        assert_ne!(sw, again, "the version did not change with a file");
    }
}
