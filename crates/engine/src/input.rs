//! Reading documents from bytes: the one place that decides what "the text of a file" is.
//!
//! Rules (the `qarin.analysis/1` contract): UTF-8 only; a leading BOM is dropped; CRLF and lone CR
//! become LF; nothing else changes. Empty, binary and non-UTF-8 input is refused with a reason.

use std::fmt;

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    Binary,
    NotUtf8 { byte_offset: usize },
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the file is empty (no text after removing white space)"),
            InputError::Binary => write!(f, "the file looks binary (it contains NUL or control bytes), not text"),
            InputError::NotUtf8 { byte_offset } => {
                write!(f, "the file is not valid UTF-8 (first bad byte at offset {byte_offset})")
            }
            InputError::TooLarge { bytes, limit } => {
                write!(f, "the file is too large ({bytes} bytes; the limit is {limit} bytes)")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Largest document accepted (bytes). Larger files are refused rather than freezing the page.
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// Decode a file's bytes into document text following the module rules.
pub fn decode_text(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::TooLarge { bytes: bytes.len(), limit: MAX_DOCUMENT_BYTES });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let control = bytes
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
        .count();
    if bytes.contains(&0) || control * 100 > bytes.len().max(1) {
        return Err(InputError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 { byte_offset: e.valid_up_to() })?;
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// CRLF and lone CR to LF.
pub fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The default title of a document: its first line with letters in it, trimmed.
pub fn default_title(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| l.chars().any(char::is_alphabetic))
        .unwrap_or("")
        .chars()
        .take(200)
        .collect()
}

/// A document id from a file name: the stem, with anything but letters, digits, `_` and `-`
/// replaced by `_`.
pub fn id_from_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = base.rsplit_once('.').map(|(s, _)| s).filter(|s| !s.is_empty()).unwrap_or(base);
    let id: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '_' || c == '-' { c } else { '_' })
        .collect();
    if id.is_empty() { "doc".to_string() } else { id }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn refuses_empty_binary_and_bad_utf8() {
        assert_eq!(decode_text(b"  \n "), Err(InputError::Empty));
        assert_eq!(decode_text(b""), Err(InputError::Empty));
        assert_eq!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(InputError::Binary));
        assert_eq!(decode_text(b"abc\xC8\xE3"), Err(InputError::NotUtf8 { byte_offset: 3 }));
    }

    #[test]
    fn titles_and_ids() {
        assert_eq!(default_title("-\n  عنوان الخبر \nنص"), "عنوان الخبر");
        assert_eq!(id_from_file_name("corpus/000_ab.txt"), "000_ab");
        assert_eq!(id_from_file_name("a b.txt"), "a_b");
    }
}
