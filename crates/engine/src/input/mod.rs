//! Reading documents from bytes: the one place that decides what "the text of a file" is. The CLI
//! and the web app both come through here, so they accept and refuse the same files for the same
//! reasons.
//!
//! Rules (the `qarin.analysis/1` contract): the text is UTF-8 in the end; a leading BOM is
//! dropped; CRLF and lone CR become LF; nothing else changes. Files are read as:
//!
//! - UTF-8, with or without a BOM (valid UTF-8 is always taken as UTF-8);
//! - UTF-16 LE or BE with a BOM, or without one when the bytes read as text in one byte order
//!   (marked as guessed);
//! - Windows-1256 when the bytes are not UTF-8 but read as mostly Arabic letters in it (marked as
//!   guessed, for a person to confirm), or when an HTML file declares it in `<meta charset>`;
//! - HTML (`.html`, `.htm`, `.xhtml`): the article text is extracted ([`html`]), nothing in it runs.
//!
//! Empty, binary, too large and undecodable input is refused with a reason. A text without any
//! Arabic letter is accepted with a warning ([`InputWarning::NoArabic`]): Qarin finds names only in
//! Arabic, but the text may still be worth keeping beside the others.

pub mod conll;
pub mod corpus;
pub mod encoding;
pub mod html;

pub use encoding::TextEncoding;

use std::fmt;

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    Binary,
    /// Not UTF-8 and not Windows-1256 Arabic either.
    NotUtf8 { byte_offset: usize },
    /// The file starts with a UTF-8 or UTF-16 byte order mark but is not valid in that encoding.
    BadEncoding { encoding: TextEncoding },
    TooLarge { bytes: usize, limit: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "the file is empty (no text after removing white space)"),
            InputError::Binary => write!(f, "the file looks binary (it contains NUL or control bytes), not text"),
            InputError::NotUtf8 { byte_offset } => write!(
                f,
                "the file is not valid UTF-8, UTF-16 or Windows-1256 text (first byte that is not UTF-8 at offset {byte_offset}, and it does not read as Arabic in Windows-1256)"
            ),
            InputError::BadEncoding { encoding } => write!(
                f,
                "the file starts with a {} byte order mark but is not valid {} (damaged or truncated)",
                encoding.label(),
                encoding.label()
            ),
            InputError::TooLarge { bytes, limit } => {
                write!(f, "the file is too large ({bytes} bytes; the limit is {limit} bytes)")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Something to tell the user about a file that was accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputWarning {
    /// The encoding was guessed (Windows-1256): the text should be checked before it is used.
    GuessedEncoding(TextEncoding),
    /// No Arabic letter in the text: no names will be found in it.
    NoArabic,
}

impl fmt::Display for InputWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputWarning::GuessedEncoding(e) => write!(
                f,
                "read as {} (guessed: the file is not UTF-8 and reads as Arabic in {}); check the text",
                e.label(),
                e.label()
            ),
            InputWarning::NoArabic => {
                write!(f, "the text has no Arabic letters, so no names will be found in it")
            }
        }
    }
}

/// Largest document accepted (bytes). Larger files are refused rather than freezing the page.
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// The text of a file and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text: BOM dropped, newlines LF, HTML extracted.
    pub text: String,
    pub encoding: TextEncoding,
    /// The encoding was inferred from the text rather than known (BOM, valid UTF-8, declared).
    pub guessed: bool,
    /// The title an HTML page gives itself.
    pub title: Option<String>,
    pub warnings: Vec<InputWarning>,
}

/// Whether a file name is read as HTML.
pub fn is_html_name(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, x)| x.to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "html" | "htm" | "xhtml")
}

fn is_binary_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)
}

fn looks_binary(nul: bool, control: usize, len: usize) -> bool {
    nul || control * 100 > len.max(1)
}

/// Decode a file's bytes into document text following the module rules (plain text, not HTML).
/// For UTF-8 input: the BOM is dropped, CRLF and CR become LF, nothing else changes.
pub fn decode_text(bytes: &[u8]) -> Result<String, InputError> {
    decode(bytes, false).map(|d| d.text)
}

/// Decode a file's bytes, as HTML when `html`. See the module rules.
pub fn decode(bytes: &[u8], html: bool) -> Result<Decoded, InputError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(InputError::TooLarge { bytes: bytes.len(), limit: MAX_DOCUMENT_BYTES });
    }
    let (raw, encoding, guessed) = match encoding::sniff_bom(bytes) {
        Some((TextEncoding::Utf8, n)) => {
            let rest = &bytes[n..];
            check_binary_bytes(rest)?;
            let text = std::str::from_utf8(rest).map_err(|_| InputError::BadEncoding { encoding: TextEncoding::Utf8 })?;
            (text.to_string(), TextEncoding::Utf8, false)
        }
        Some((e, n)) => {
            let text = encoding::decode_as(&bytes[n..], e).ok_or(InputError::BadEncoding { encoding: e })?;
            let nul = text.contains('\0');
            let control = text.chars().filter(|&c| (c as u32) < 0x20 && is_binary_byte(c as u8)).count();
            if looks_binary(nul, control, text.chars().count()) {
                return Err(InputError::Binary);
            }
            (text, e, false)
        }
        None => {
            if let Err(binary) = check_binary_bytes(bytes) {
                // NUL and control bytes are what UTF-16 of Arabic or Latin text looks like
                // byte by byte: read it so when it decodes to text in one byte order.
                let (e, text) = encoding::sniff_utf16(bytes).ok_or(binary)?;
                return finish(text, e, true, html);
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => (text.to_string(), TextEncoding::Utf8, false),
                Err(e) => {
                    let declared = html.then(|| encoding::html_declared_encoding(bytes)).flatten();
                    let text = encoding::decode_as(bytes, TextEncoding::Windows1256).unwrap_or_default();
                    if declared == Some(TextEncoding::Windows1256) {
                        (text, TextEncoding::Windows1256, false)
                    } else {
                        let probe = if html { html::extract(&text).text } else { text.clone() };
                        if !encoding::mostly_arabic(&probe) {
                            return Err(InputError::NotUtf8 { byte_offset: e.valid_up_to() });
                        }
                        (text, TextEncoding::Windows1256, true)
                    }
                }
            }
        }
    };
    finish(raw, encoding, guessed, html)
}

/// The decoded text to a [`Decoded`]: newlines, HTML extraction, the empty check, warnings.
fn finish(raw: String, encoding: TextEncoding, guessed: bool, html: bool) -> Result<Decoded, InputError> {
    let raw = normalize_newlines(&raw);
    let (text, title) = if html {
        let e = html::extract(&raw);
        (e.text, e.title)
    } else {
        (raw, None)
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let mut warnings = Vec::new();
    if guessed {
        warnings.push(InputWarning::GuessedEncoding(encoding));
    }
    if !text.chars().any(encoding::is_arabic_letter) {
        warnings.push(InputWarning::NoArabic);
    }
    Ok(Decoded { text, encoding, guessed, title, warnings })
}

fn check_binary_bytes(bytes: &[u8]) -> Result<(), InputError> {
    let control = bytes.iter().filter(|&&b| is_binary_byte(b)).count();
    if looks_binary(bytes.contains(&0), control, bytes.len()) {
        return Err(InputError::Binary);
    }
    Ok(())
}

/// Read a file given its name (which decides HTML or not) and bytes.
pub fn read_file_bytes(name: &str, bytes: &[u8]) -> Result<Decoded, InputError> {
    decode(bytes, is_html_name(name))
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
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1256};

    const ARABIC: &str = "قالت وكالة الأنباء الكازاخستانية إن الرئيس قاسم جومارت توكاييف التقى رئيس الوزراء.\r\nسطر ثانٍ";

    fn utf16(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut out = if enc == UTF_16LE { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in units {
            out.extend_from_slice(&if enc == UTF_16LE { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let _ = UTF_16BE;
        out
    }

    #[test]
    fn bom_and_crlf() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb\rc").unwrap(), "a\nb\nc");
    }

    #[test]
    fn utf8_contract_is_unchanged() {
        // Nothing but the BOM and the newlines changes: no trimming, no normalisation of forms.
        let text = "  أَهلاً\u{200F} \t\n\né\u{0301} \u{A0}";
        assert_eq!(decode_text(text.as_bytes()).unwrap(), text);
        assert_eq!(decode_text(format!("\u{FEFF}{text}\r\n").as_bytes()).unwrap(), format!("{text}\n"));
        let d = decode(text.as_bytes(), false).unwrap();
        assert_eq!((d.encoding, d.guessed, d.title), (TextEncoding::Utf8, false, None));
        // A second BOM is text, not a mark.
        assert_eq!(decode_text("\u{FEFF}\u{FEFF}ا".as_bytes()).unwrap(), "\u{FEFF}ا");
    }

    #[test]
    fn refuses_empty_binary_and_bad_utf8() {
        assert_eq!(decode_text(b"  \n "), Err(InputError::Empty));
        assert_eq!(decode_text(b""), Err(InputError::Empty));
        assert_eq!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(InputError::Binary));
        assert_eq!(decode_text(b"abc\xC8\xE3"), Err(InputError::NotUtf8 { byte_offset: 3 }));
    }

    #[test]
    fn utf16_with_bom() {
        let expected = ARABIC.replace("\r\n", "\n");
        for enc in [UTF_16LE, UTF_16BE] {
            let d = decode(&utf16(ARABIC, enc), false).unwrap();
            assert_eq!(d.text, expected);
            assert_eq!(d.encoding.label(), enc.name());
            assert!(!d.guessed && d.warnings.is_empty());
        }
        // Odd length / lone surrogate: refused, naming the encoding.
        let mut odd = utf16("ا", UTF_16LE);
        odd.push(b'x');
        assert_eq!(decode_text(&odd), Err(InputError::BadEncoding { encoding: TextEncoding::Utf16Le }));
        assert_eq!(
            decode_text(b"\xFE\xFF\xD8\x00\x00\x41"),
            Err(InputError::BadEncoding { encoding: TextEncoding::Utf16Be })
        );
        // UTF-16 of an empty text, or of control characters.
        assert_eq!(decode_text(b"\xFF\xFE \0\n\0"), Err(InputError::Empty));
        assert_eq!(decode_text(b"\xFF\xFE\x01\0\x02\0\x03\0"), Err(InputError::Binary));
        // A UTF-8 BOM followed by bytes that are not UTF-8.
        assert_eq!(decode_text(b"\xEF\xBB\xBF\xC7\xE1"), Err(InputError::BadEncoding { encoding: TextEncoding::Utf8 }));
    }

    #[test]
    fn windows_1256_is_guessed_for_arabic() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, ARABIC.replace("\r\n", "\n"));
        assert_eq!(d.encoding, TextEncoding::Windows1256);
        assert!(d.guessed);
        assert_eq!(d.warnings, vec![InputWarning::GuessedEncoding(TextEncoding::Windows1256)]);
        // The bytes the old CLI test used: "الروسية text".
        assert_eq!(decode_text(b"\xc7\xe1\xd1\xe6\xd3\xed\xc9 text").unwrap(), "الروسية text");
        // Latin-1 French is not mostly Arabic in Windows-1256: refused.
        let e = decode_text(b"Le caf\xe9 de la gare \xe0 Paris, o\xf9 l'on d\xeene tr\xe8s bien.").unwrap_err();
        assert!(matches!(e, InputError::NotUtf8 { byte_offset: 6 }), "{e:?}");
        assert!(e.to_string().contains("not valid UTF-8, UTF-16 or Windows-1256"));
    }

    #[test]
    fn html_is_extracted_and_declared_charsets_are_trusted() {
        let page = "<html><head><meta charset=\"windows-1256\"><title>عنوان</title></head><body>\
            <script>document.title='pwned'</script><p>نص &amp; الخبر</p></body></html>";
        let (bytes, _, _) = WINDOWS_1256.encode(page);
        let d = read_file_bytes("page.html", &bytes).unwrap();
        assert_eq!(d.text, "نص & الخبر");
        assert_eq!(d.title.as_deref(), Some("عنوان"));
        assert_eq!((d.encoding, d.guessed), (TextEncoding::Windows1256, false));
        // Undeclared: guessed from the extracted text, not the (Latin) markup.
        let undeclared = "<html><head><style>body { font-family: Arial, sans-serif; margin: 0 auto }</style></head>\
            <body><p>قال الرئيس الكازاخستاني إن القوات ستغادر البلاد</p></body></html>";
        let (bytes, _, _) = WINDOWS_1256.encode(undeclared);
        let d = read_file_bytes("x.HTM", &bytes).unwrap();
        assert!(d.guessed);
        assert_eq!(d.text, "قال الرئيس الكازاخستاني إن القوات ستغادر البلاد");
        // The same bytes as .txt are mostly Latin letters: refused.
        assert!(matches!(read_file_bytes("x.txt", &bytes), Err(InputError::NotUtf8 { .. })));
        // HTML with no text at all.
        assert_eq!(read_file_bytes("e.html", b"<html><script>x</script></html>"), Err(InputError::Empty));
    }

    #[test]
    fn no_arabic_is_a_warning() {
        let d = decode(b"Only English here.", false).unwrap();
        assert_eq!(d.warnings, vec![InputWarning::NoArabic]);
        assert!(d.warnings[0].to_string().contains("no Arabic"));
    }

    #[test]
    fn too_large() {
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        assert_eq!(
            decode_text(&big),
            Err(InputError::TooLarge { bytes: MAX_DOCUMENT_BYTES + 1, limit: MAX_DOCUMENT_BYTES })
        );
    }

    #[test]
    fn titles_and_ids() {
        assert_eq!(default_title("-\n  عنوان الخبر \nنص"), "عنوان الخبر");
        assert_eq!(id_from_file_name("corpus/000_ab.txt"), "000_ab");
        assert_eq!(id_from_file_name("a b.txt"), "a_b");
        assert!(is_html_name("a/b.HTML") && is_html_name("x.htm") && !is_html_name("x.txt") && !is_html_name("html"));
    }
}
