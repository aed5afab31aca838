//! Writing output without leaving half-written files: write to a temporary file beside the
//! target, then rename it into place.

use std::io::Write;
use std::path::Path;

/// Write `content` to `path` atomically, or to standard output when `path` is `None`.
pub fn write(path: Option<&Path>, content: &str) -> Result<(), String> {
    write_bytes(path, content.as_bytes())
}

/// [`write`] for bytes.
pub fn write_bytes(path: Option<&Path>, content: &[u8]) -> Result<(), String> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        return out.write_all(content).map_err(|e| format!("cannot write to standard output: {e}"));
    };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| format!("{}: not a file path", path.display()))?;
    let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    let res = std::fs::write(&tmp, content).and_then(|_| std::fs::rename(&tmp, path));
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: cannot write the output file ({e})", path.display()));
    }
    Ok(())
}
