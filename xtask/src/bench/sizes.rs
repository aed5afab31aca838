//! Sizes of every file of `dist/`: raw, gzip -9, brotli -q 11; the site's total without the
//! webfont, the webfont, against the budget.

use std::path::Path;

use super::verdict;
use crate::compress::{brotli_size, bytes, gzip_size};
use crate::env::Result;
use crate::site;

struct Sized {
    path: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

pub fn size_report(dist: &Path) -> Result<String> {
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
            bytes(r.gzip),
            bytes(r.brotli),
        );
    }
    let is_font = |r: &Sized| r.path.ends_with(".woff2");
    let total = |pick: &dyn Fn(&Sized) -> bool| {
        let chosen: Vec<&Sized> = rows.iter().filter(|r| pick(r)).collect();
        (
            chosen.iter().map(|r| r.raw).sum::<u64>(),
            chosen.iter().map(|r| r.gzip).sum::<u64>(),
            chosen.iter().map(|r| r.brotli).sum::<u64>(),
        )
    };
    // What a first visit downloads: the page, what it loads, the service worker and what that
    // precaches (`site::service_worker`'s list).
    let loaded = |r: &Sized| r.path != site::SINGLE_FILE && !site::is_documentation(&r.path);
    let is_asset = |r: &Sized| site::ENGINE_ASSETS.contains(&r.path.as_str());
    let (raw, gz, br) = total(&|r| !is_font(r) && !is_asset(r) && loaded(r));
    line(
        &mut out,
        "SITE without webfont",
        bytes(raw),
        bytes(gz),
        bytes(br),
    );
    let (asset_raw, asset_gz, asset_br) = total(&is_asset);
    line(
        &mut out,
        "ASSETS (model, word lists, corpus)",
        bytes(asset_raw),
        bytes(asset_gz),
        bytes(asset_br),
    );
    let (font_raw, _, _) = total(&is_font);
    let (all_raw, all_gz, all_br) = total(&loaded);
    line(
        &mut out,
        "SITE with webfont",
        bytes(all_raw),
        bytes(all_gz),
        bytes(all_br),
    );
    out.push_str(&format!(
        "  budget: site without webfont ≤ 600 KiB gzip: {} ({gz} bytes) → {}\n",
        bytes(gz),
        verdict(gz <= 600 * 1024)
    ));
    out.push_str(&format!(
        "  budget: engine assets ≤ 3 MiB gzip: {} ({asset_gz} bytes; {}) → {}\n",
        bytes(asset_gz),
        site::ENGINE_ASSETS.join(", "),
        verdict(asset_gz > 0 && asset_gz <= 3 * 1024 * 1024)
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
    out.push_str("  SITE = what a first visit downloads: the page and its files, then the service worker and every file it precaches, but for the data the app fetches beside the wasm (the tagger's model, the word lists and the bundled articles, counted on their own line and budget); not the single-file page qarin-offline.html (a download of its own) nor fonts/OFL.txt and fonts/README.md (the webfont's licence and notes, never fetched by the app).\n");
    Ok(out)
}
