//! Character references in text: `&amp;`, `&nbsp;`, `&#1575;`, `&#x627;` and the common named ones.

use super::tags::memchr;

/// Named character references Qarin decodes (the common ones; the full HTML list has 2,231).
const NAMED: &[(&str, &str)] = &[
    ("AElig", "Æ"), ("Aacute", "Á"), ("Agrave", "À"), ("Ccedil", "Ç"), ("Eacute", "É"), ("Egrave", "È"),
    ("Ouml", "Ö"), ("Prime", "″"), ("Uuml", "Ü"), ("aacute", "á"), ("acirc", "â"), ("acute", "´"),
    ("aelig", "æ"), ("agrave", "à"), ("amp", "&"), ("apos", "'"), ("aring", "å"), ("atilde", "ã"),
    ("auml", "ä"), ("bdquo", "„"), ("brvbar", "¦"), ("bull", "•"), ("ccedil", "ç"), ("cedil", "¸"),
    ("cent", "¢"), ("copy", "©"), ("curren", "¤"), ("dagger", "†"), ("darr", "↓"), ("deg", "°"),
    ("divide", "÷"), ("eacute", "é"), ("ecirc", "ê"), ("egrave", "è"), ("emsp", "\u{2003}"),
    ("ensp", "\u{2002}"), ("euml", "ë"), ("euro", "€"), ("frac12", "½"), ("frac14", "¼"), ("frac34", "¾"),
    ("ge", "≥"), ("gt", ">"), ("harr", "↔"), ("hellip", "…"), ("iacute", "í"), ("icirc", "î"),
    ("iexcl", "¡"), ("igrave", "ì"), ("infin", "∞"), ("iquest", "¿"), ("iuml", "ï"), ("laquo", "«"),
    ("larr", "←"), ("ldquo", "“"), ("le", "≤"), ("lrm", "\u{200E}"), ("lsaquo", "‹"), ("lsquo", "‘"),
    ("lt", "<"), ("macr", "¯"), ("mdash", "—"), ("micro", "µ"), ("middot", "·"), ("minus", "−"),
    ("nbsp", "\u{A0}"), ("ndash", "–"), ("ne", "≠"), ("not", "¬"), ("ntilde", "ñ"), ("oacute", "ó"),
    ("ocirc", "ô"), ("ograve", "ò"), ("ordf", "ª"), ("ordm", "º"), ("oslash", "ø"), ("otilde", "õ"),
    ("ouml", "ö"), ("para", "¶"), ("permil", "‰"), ("plusmn", "±"), ("pound", "£"), ("prime", "′"),
    ("quot", "\""), ("raquo", "»"), ("rarr", "→"), ("rdquo", "”"), ("reg", "®"), ("rlm", "\u{200F}"),
    ("rsaquo", "›"), ("rsquo", "’"), ("sbquo", "‚"), ("sect", "§"), ("shy", "\u{AD}"), ("sup1", "¹"),
    ("sup2", "²"), ("sup3", "³"), ("szlig", "ß"), ("thinsp", "\u{2009}"), ("times", "×"), ("trade", "™"),
    ("uacute", "ú"), ("uarr", "↑"), ("ucirc", "û"), ("ugrave", "ù"), ("uml", "¨"), ("uuml", "ü"),
    ("yacute", "ý"), ("yen", "¥"), ("yuml", "ÿ"), ("zwj", "\u{200D}"), ("zwnj", "\u{200C}"),
];

/// Names a browser also decodes without the final `;`.
const LEGACY: [&str; 5] = ["amp", "lt", "gt", "quot", "nbsp"];

/// Windows-1252 for the C1 range, as HTML maps `&#128;`…`&#159;`.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

fn numeric_char(v: u32) -> char {
    match v {
        0 => '\u{FFFD}',
        0x80..=0x9F => char::from_u32(C1[(v - 0x80) as usize]).unwrap_or('\u{FFFD}'),
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

/// Decode character references in text (`&amp;`, `&#1575;`, `&#x627;`, `&nbsp;`, …).
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = memchr(b'&', &b[i..]) {
        let at = i + off;
        i = at + 1;
        let rest = &b[at + 1..];
        let mut decoded: Option<(String, usize)> = None; // (text, bytes consumed after '&')
        if rest.first() == Some(&b'#') {
            let hex = matches!(rest.get(1), Some(b'x' | b'X'));
            let digits_at = if hex { 2 } else { 1 };
            let n = rest[digits_at..]
                .iter()
                .take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() })
                .count();
            if n > 0 {
                let digits = &s[at + 1 + digits_at..at + 1 + digits_at + n];
                let v = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
                let mut used = digits_at + n;
                if rest.get(used) == Some(&b';') {
                    used += 1;
                }
                decoded = Some((numeric_char(v).to_string(), used));
            }
        } else {
            let n = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count().min(32);
            let name = &s[at + 1..at + 1 + n];
            if rest.get(n) == Some(&b';') {
                if let Ok(k) = NAMED.binary_search_by(|(x, _)| x.cmp(&name)) {
                    decoded = Some((NAMED[k].1.to_string(), n + 1));
                }
            } else if let Some(l) = LEGACY.iter().find(|l| name.starts_with(**l)) {
                // `&amp` without `;` before something that is not a letter, digit or `=`.
                let after = rest.get(l.len());
                if !after.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'=') {
                    let k = NAMED.binary_search_by(|(x, _)| x.cmp(l)).expect("legacy names are in NAMED");
                    decoded = Some((NAMED[k].1.to_string(), l.len()));
                }
            }
        }
        if let Some((text, used)) = decoded {
            out.push_str(&s[copied..at]);
            out.push_str(&text);
            copied = at + 1 + used;
            i = copied;
        }
    }
    out.push_str(&s[copied..]);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_table_is_sorted() {
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0), "NAMED must be sorted for binary search");
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("a &amp; b &lt;p&gt; &quot;x&quot;"), "a & b <p> \"x\"");
        assert_eq!(decode_entities("&#1575;&#x627;&#X644;"), "اال");
        assert_eq!(decode_entities("a&nbsp;b"), "a\u{A0}b");
        assert_eq!(decode_entities("&laquo;قارن&raquo; &hellip;"), "«قارن» …");
        assert_eq!(decode_entities("&unknown; & &; &#; &#xZZ;"), "&unknown; & &; &#; &#xZZ;");
        assert_eq!(decode_entities("?a=1&amp=2 &amp x"), "?a=1&amp=2 & x");
        assert_eq!(decode_entities("&#0; &#150; &#x110000; &#55296;"), "\u{FFFD} – \u{FFFD} \u{FFFD}");
        assert_eq!(decode_entities("&#1575"), "ا");
    }
}
