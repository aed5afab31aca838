//! Which character encoding a file is in, and its text.
//!
//! Detection, in order: a byte order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); otherwise bytes
//! that are valid UTF-8 are UTF-8; otherwise, if the bytes read as Windows-1256 give mostly Arabic
//! letters, they are taken as Windows-1256, and the result is marked as a guess so that a person
//! can confirm it. Anything else is refused.
//!
//! Decoding follows the WHATWG Encoding Standard as implemented by `encoding_rs`, and the tests
//! check it against `encoding_rs` byte for byte (every Windows-1256 byte; UTF-16 of every scalar
//! value, lone surrogates, odd lengths). It is not done by calling `encoding_rs` at run time:
//! `encoding_rs` dispatches every decoder through one enum, so even with only `WINDOWS_1256` and
//! `UTF_16LE`/`UTF_16BE` referenced, link-time optimisation at `opt-level = "z"` keeps all of its
//! decoders and their CJK tables: 124 KiB gzipped added to the web app, for a table of 128
//! characters and `char::decode_utf16`.

use serde::{Deserialize, Serialize};

/// The encodings Qarin reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    #[serde(rename = "windows-1256")]
    Windows1256,
}

impl TextEncoding {
    /// The encoding's WHATWG name.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1256 => "windows-1256",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        match label.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "utf-16le" => Some(TextEncoding::Utf16Le),
            "utf-16be" => Some(TextEncoding::Utf16Be),
            "windows-1256" | "cp1256" | "x-cp1256" => Some(TextEncoding::Windows1256),
            _ => None,
        }
    }
}

/// The byte order mark at the start of `bytes`, if any: the encoding and the mark's length.
pub fn sniff_bom(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Some((TextEncoding::Utf8, 3))
    } else if bytes.starts_with(b"\xFF\xFE") {
        Some((TextEncoding::Utf16Le, 2))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some((TextEncoding::Utf16Be, 2))
    } else {
        None
    }
}

/// Windows-1256 bytes 0x80–0xFF (0x00–0x7F are ASCII), as in the WHATWG index and
/// `encoding_rs::WINDOWS_1256` (checked by the tests).
const WINDOWS_1256_HIGH: [char; 128] = [
    '\u{20AC}', '\u{067E}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0679}', '\u{2039}', '\u{0152}', '\u{0686}', '\u{0698}', '\u{0688}',
    '\u{06AF}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{06A9}', '\u{2122}', '\u{0691}', '\u{203A}', '\u{0153}', '\u{200C}', '\u{200D}', '\u{06BA}',
    '\u{00A0}', '\u{060C}', '\u{00A2}', '\u{00A3}', '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}',
    '\u{00A8}', '\u{00A9}', '\u{06BE}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}', '\u{00AF}',
    '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', '\u{00B4}', '\u{00B5}', '\u{00B6}', '\u{00B7}',
    '\u{00B8}', '\u{00B9}', '\u{061B}', '\u{00BB}', '\u{00BC}', '\u{00BD}', '\u{00BE}', '\u{061F}',
    '\u{06C1}', '\u{0621}', '\u{0622}', '\u{0623}', '\u{0624}', '\u{0625}', '\u{0626}', '\u{0627}',
    '\u{0628}', '\u{0629}', '\u{062A}', '\u{062B}', '\u{062C}', '\u{062D}', '\u{062E}', '\u{062F}',
    '\u{0630}', '\u{0631}', '\u{0632}', '\u{0633}', '\u{0634}', '\u{0635}', '\u{0636}', '\u{00D7}',
    '\u{0637}', '\u{0638}', '\u{0639}', '\u{063A}', '\u{0640}', '\u{0641}', '\u{0642}', '\u{0643}',
    '\u{00E0}', '\u{0644}', '\u{00E2}', '\u{0645}', '\u{0646}', '\u{0647}', '\u{0648}', '\u{00E7}',
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}', '\u{0649}', '\u{064A}', '\u{00EE}', '\u{00EF}',
    '\u{064B}', '\u{064C}', '\u{064D}', '\u{064E}', '\u{00F4}', '\u{064F}', '\u{0650}', '\u{00F7}',
    '\u{0651}', '\u{00F9}', '\u{0652}', '\u{00FB}', '\u{00FC}', '\u{200E}', '\u{200F}', '\u{06D2}',
];

fn decode_windows_1256(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| if b < 0x80 { b as char } else { WINDOWS_1256_HIGH[(b - 0x80) as usize] })
        .collect()
}

/// UTF-16 without its BOM; `None` for an odd length or an unpaired surrogate (no replacement).
fn decode_utf16(bytes: &[u8], big_endian: bool) -> Option<String> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) }
    });
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// Decode `bytes` (without a byte order mark) in `encoding`; `None` if they are malformed in it.
/// Windows-1256 maps every byte, so it never fails.
pub fn decode_as(bytes: &[u8], encoding: TextEncoding) -> Option<String> {
    match encoding {
        TextEncoding::Utf8 => std::str::from_utf8(bytes).ok().map(str::to_string),
        TextEncoding::Utf16Le => decode_utf16(bytes, false),
        TextEncoding::Utf16Be => decode_utf16(bytes, true),
        TextEncoding::Windows1256 => Some(decode_windows_1256(bytes)),
    }
}

/// Whether `c` is what a text file in Arabic or a Latin script is made of: letters and marks of
/// the Arabic and Latin blocks, digits, punctuation, white space. Used to tell UTF-16 without a
/// byte order mark from binary data, whose 16-bit units land all over the code space.
fn is_texty(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{24F}' | '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}'
        | '\u{8A0}'..='\u{8FF}' | '\u{2000}'..='\u{206F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// UTF-16 without a byte order mark: the byte order in which `bytes` decode to text (at least
/// 95 % of the characters in the Arabic or Latin blocks, punctuation or white space, no NUL), and
/// the text. `None` when neither order reads as text.
pub fn sniff_utf16(bytes: &[u8]) -> Option<(TextEncoding, String)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    [TextEncoding::Utf16Le, TextEncoding::Utf16Be].into_iter().find_map(|e| {
        let text = decode_as(bytes, e)?;
        let (mut texty, mut all) = (0usize, 0usize);
        for c in text.chars() {
            if c == '\0' {
                return None;
            }
            all += 1;
            texty += usize::from(is_texty(c));
        }
        (texty * 100 >= all * 95).then_some((e, text))
    })
}

/// Whether `c` is a letter of the Arabic script (Arabic, Arabic Supplement, Extended-A and the
/// presentation forms).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c.is_alphabetic()
}

/// Letters in `text`: (Arabic letters, all letters).
pub fn letter_counts(text: &str) -> (usize, usize) {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(a, n), c| (a + usize::from(is_arabic_letter(c)), n + 1))
}

/// "Mostly Arabic letters": more than half of the letters are Arabic.
pub fn mostly_arabic(text: &str) -> bool {
    let (arabic, letters) = letter_counts(text);
    arabic > 0 && arabic * 2 > letters
}

/// The encoding an HTML file declares in its first 2 KB (`<meta charset=…>` or
/// `content="text/html; charset=…"`), if it is one Qarin reads.
pub fn html_declared_encoding(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')))
        .unwrap_or(rest.len());
    TextEncoding::from_label(std::str::from_utf8(&rest[..end]).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};

    fn reference(bytes: &[u8], e: TextEncoding) -> Option<String> {
        let enc: &'static Encoding = match e {
            TextEncoding::Utf8 => encoding_rs::UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1256 => WINDOWS_1256,
        };
        enc.decode_without_bom_handling_and_without_replacement(bytes).map(|c| c.into_owned())
    }

    #[test]
    fn windows_1256_matches_encoding_rs_for_every_byte() {
        for b in 0..=255u8 {
            assert_eq!(decode_as(&[b], TextEncoding::Windows1256), reference(&[b], TextEncoding::Windows1256), "byte {b:#04x}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode_as(&all, TextEncoding::Windows1256), reference(&all, TextEncoding::Windows1256));
    }

    #[test]
    fn utf16_matches_encoding_rs() {
        // Every scalar value, in both byte orders.
        let text: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let units: Vec<u16> = text.encode_utf16().collect();
        for (e, be) in [(TextEncoding::Utf16Le, false), (TextEncoding::Utf16Be, true)] {
            let bytes: Vec<u8> = units.iter().flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() }).collect();
            assert_eq!(decode_as(&bytes, e).as_deref(), Some(text.as_str()));
            assert_eq!(decode_as(&bytes, e), reference(&bytes, e));
        }
        // Malformed: odd length, lone high and low surrogates, a reversed pair. (encoding_rs
        // reports an odd trailing byte as malformed too.)
        for bad in [&b"\x27\x06\x00"[..], b"\x00\xD8", b"\x00\xDC\x41\x00", b"\x00\xDC\x00\xD8", b"\x3D\xD8\x41\x00"] {
            assert_eq!(decode_as(bad, TextEncoding::Utf16Le), None, "{bad:?}");
            assert_eq!(reference(bad, TextEncoding::Utf16Le), None, "{bad:?}");
        }
        assert_eq!(decode_as(b"", TextEncoding::Utf16Be), reference(b"", TextEncoding::Utf16Be));
    }

    #[test]
    fn random_bytes_match_encoding_rs() {
        // A small deterministic generator: no extra dependency.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x >> 24) as u8
                })
                .collect();
            for e in [TextEncoding::Utf8, TextEncoding::Utf16Le, TextEncoding::Utf16Be, TextEncoding::Windows1256] {
                assert_eq!(decode_as(&bytes, e), reference(&bytes, e), "{e:?} {bytes:?}");
            }
        }
    }

    #[test]
    fn utf16_without_a_bom() {
        let text = "قالت وكالة الأنباء (Reuters) إن 5 آلاف جندي غادروا.\nسطر ثان";
        for (e, be) in [(TextEncoding::Utf16Le, false), (TextEncoding::Utf16Be, true)] {
            let bytes: Vec<u8> = text.encode_utf16().flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() }).collect();
            assert_eq!(sniff_utf16(&bytes), Some((e, text.to_string())), "{e:?}");
        }
        // English only, Arabic only: still found.
        let en: Vec<u8> = "Hello world".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(sniff_utf16(&en).map(|x| x.0), Some(TextEncoding::Utf16Le));
        let ar: Vec<u8> = "قارن بين الأخبار".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff_utf16(&ar).map(|x| x.0), Some(TextEncoding::Utf16Be));
        // Binary data, odd lengths and NULs are not UTF-16 text.
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
        assert_eq!(sniff_utf16(png), None);
        assert_eq!(sniff_utf16(b"a\0b"), None);
        assert_eq!(sniff_utf16(b"\0\0\0\0"), None);
    }

    #[test]
    fn boms() {
        assert_eq!(sniff_bom(b"\xEF\xBB\xBFx"), Some((TextEncoding::Utf8, 3)));
        assert_eq!(sniff_bom(b"\xFF\xFEx\0"), Some((TextEncoding::Utf16Le, 2)));
        assert_eq!(sniff_bom(b"\xFE\xFF\0x"), Some((TextEncoding::Utf16Be, 2)));
        assert_eq!(sniff_bom(b"abc"), None);
    }

    #[test]
    fn windows_1256_round_trip() {
        let text = "قالت وكالة الأنباء الكازاخستانية إن الرئيس قاسم جومارت توكاييف";
        let (bytes, _, unmappable) = WINDOWS_1256.encode(text);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_as(&bytes, TextEncoding::Windows1256).as_deref(), Some(text));
        assert!(mostly_arabic(text));
    }

    #[test]
    fn arabic_letters() {
        assert!(mostly_arabic("قارن"));
        assert!(!mostly_arabic("Hello, world: nothing Arabic in here at all"));
        assert!(!mostly_arabic("abcبم"));
        assert!(!mostly_arabic("12345 ..."));
        assert_eq!(letter_counts("كازاخستان Kazakhstan 2022"), (9, 19));
    }

    #[test]
    fn declared_html_charsets() {
        assert_eq!(
            html_declared_encoding(b"<html><head><meta charset=\"windows-1256\">"),
            Some(TextEncoding::Windows1256)
        );
        assert_eq!(
            html_declared_encoding(b"<META http-equiv=Content-Type content='text/html; CHARSET=CP1256'>"),
            Some(TextEncoding::Windows1256)
        );
        assert_eq!(html_declared_encoding(b"<meta charset=utf-8>"), Some(TextEncoding::Utf8));
        assert_eq!(html_declared_encoding(b"<meta charset=shift_jis>"), None);
        assert_eq!(html_declared_encoding(b"<p>no charset</p>"), None);
    }
}
