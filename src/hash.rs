//! The URL hash as the app's shareable state: `#view=reader&doc=ID&entity=ID` or
//! `#view=compare&entity=ID`, `#view=coverage`, `#view=facts&fact=ID` or `#view=wire`.
//!
//! Pure Rust (no Leptos, no web-sys) so it is unit-tested natively with `cargo test -p qarin-app`.

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Reader,
    Compare,
    /// The pictures of who is named where (the coverage map and who appears with whom).
    Coverage,
    Facts,
    Wire,
}

impl View {
    pub fn code(self) -> &'static str {
        match self {
            View::Reader => "reader",
            View::Compare => "compare",
            View::Coverage => "coverage",
            View::Facts => "facts",
            View::Wire => "wire",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "reader" => Some(View::Reader),
            "compare" => Some(View::Compare),
            "coverage" => Some(View::Coverage),
            "facts" => Some(View::Facts),
            "wire" => Some(View::Wire),
            _ => None,
        }
    }
}

/// What the hash records: the view, the article open in the reader and the selected entity.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HashState {
    pub view: View,
    pub doc: Option<String>,
    pub entity: Option<String>,
    /// The fact row selected in the facts view.
    pub fact: Option<String>,
}

/// Parse a location hash (with or without the leading `#`).
///
/// Returns `None` when the hash holds none of the app's keys (for example an in-page anchor such
/// as `#main-content`), so the caller can leave its state alone. Unknown keys are ignored, an
/// unknown view falls back to the reader, empty values count as absent.
pub fn parse(hash: &str) -> Option<HashState> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut state = HashState::default();
    let mut known = false;
    for pair in hash.split('&') {
        let (key, value) = match pair.split_once('=') {
            Some(kv) => kv,
            None => continue,
        };
        let value = decode(value);
        match key {
            "view" => {
                known = true;
                state.view = View::from_code(&value).unwrap_or_default();
            }
            "doc" => {
                known = true;
                state.doc = Some(value).filter(|v| !v.is_empty());
            }
            "entity" => {
                known = true;
                state.entity = Some(value).filter(|v| !v.is_empty());
            }
            "fact" => {
                known = true;
                state.fact = Some(value).filter(|v| !v.is_empty());
            }
            _ => {}
        }
    }
    known.then_some(state)
}

/// Format the state as a hash, leading `#` included. The reader view records its article; the
/// comparison view does not (it shows every article).
pub fn format(state: &HashState) -> String {
    let mut out = format!("#view={}", state.view.code());
    if state.view == View::Reader {
        if let Some(doc) = &state.doc {
            out.push_str("&doc=");
            out.push_str(&encode(doc));
        }
    }
    if state.view == View::Facts {
        if let Some(fact) = &state.fact {
            out.push_str("&fact=");
            out.push_str(&encode(fact));
        }
    }
    if let Some(entity) = &state.entity {
        out.push_str("&entity=");
        out.push_str(&encode(entity));
    }
    out
}

/// Percent-encode everything but unreserved ASCII (`A-Z a-z 0-9 - _ . ~`), as UTF-8 bytes.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decode `%XX` escapes (invalid escapes are kept literally; invalid UTF-8 is replaced).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(view: View, doc: Option<&str>, entity: Option<&str>) -> HashState {
        HashState {
            view,
            doc: doc.map(str::to_string),
            entity: entity.map(str::to_string),
            fact: None,
        }
    }

    #[test]
    fn facts_and_wire_views() {
        let mut s = st(View::Facts, Some("d"), None);
        s.fact = Some("q-1".into());
        assert_eq!(format(&s), "#view=facts&fact=q-1");
        let mut back = s.clone();
        back.doc = None;
        assert_eq!(parse(&format(&s)), Some(back));
        assert_eq!(format(&st(View::Wire, None, Some("e"))), "#view=wire&entity=e");
        assert_eq!(parse("#view=wire"), Some(st(View::Wire, None, None)));
        assert_eq!(format(&st(View::Coverage, None, None)), "#view=coverage");
        assert_eq!(parse("#view=coverage"), Some(st(View::Coverage, None, None)));
        // A fact only belongs to the facts view.
        s.view = View::Reader;
        assert_eq!(format(&s), "#view=reader&doc=d");
    }

    #[test]
    fn formats_reader_and_compare() {
        assert_eq!(
            format(&st(View::Reader, Some("000_ab"), None)),
            "#view=reader&doc=000_ab"
        );
        assert_eq!(
            format(&st(View::Reader, Some("000_ab"), Some("per-putin"))),
            "#view=reader&doc=000_ab&entity=per-putin"
        );
        assert_eq!(
            format(&st(View::Compare, Some("000_ab"), Some("loc_1"))),
            "#view=compare&entity=loc_1"
        );
        assert_eq!(format(&st(View::Compare, None, None)), "#view=compare");
    }

    #[test]
    fn parses_what_it_formats() {
        for s in [
            st(View::Reader, Some("000_671904eb4ced40ec"), Some("per-1")),
            st(View::Reader, None, None),
            st(View::Compare, None, Some("org_x-y")),
            st(View::Reader, Some("a b/ج"), Some("100%")),
        ] {
            assert_eq!(parse(&format(&s)), Some(s.clone()), "{}", format(&s));
        }
    }

    #[test]
    fn parse_is_lenient() {
        assert_eq!(parse("#main-content"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("#"), None);
        assert_eq!(parse("doc=x"), Some(st(View::Reader, Some("x"), None)));
        assert_eq!(
            parse("#view=nope&entity="),
            Some(st(View::Reader, None, None))
        );
        assert_eq!(
            parse("#entity=e&foo=bar&view=compare"),
            Some(st(View::Compare, None, Some("e")))
        );
        assert_eq!(
            parse("#doc=%41%4"),
            Some(st(View::Reader, Some("A%4"), None))
        );
        assert_eq!(parse("#doc=%zz"), Some(st(View::Reader, Some("%zz"), None)));
    }

    #[test]
    fn encodes_only_what_needs_it() {
        assert_eq!(encode("abc_XYZ-09.~"), "abc_XYZ-09.~");
        assert_eq!(encode("a b&c"), "a%20b%26c");
        assert_eq!(decode(&encode("قارن")), "قارن");
    }
}
