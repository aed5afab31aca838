//! A small JSON reader, for what the web app reads back: the bundled articles
//! (`qarin-corpus.json`), the user's workspace (its file and its stored index), the documents sent
//! to the worker, the word lists' country names.
//!
//! Why by hand: serde's derived deserializers (a visitor, seeds and map access for every type)
//! were about 49 KB of the app's wasm code before gzip, nearly a tenth of the page's budget; this
//! reader and the [`FromJson`] impls are a few KB. Writing stays with serde: its `Serialize` side
//! is small. The CLI keeps serde for both.
//!
//! Rules:
//! - RFC 8259 JSON; whitespace only around values; anything after the value is an error.
//! - Numbers are checked against the grammar and kept as written ([`Json::Num`]), never made
//!   floats (nothing read here holds one, and float parsing is code too).
//! - `\uXXXX` escapes: a surrogate pair makes one character; a lone surrogate is an error.
//! - Control characters inside a string are an error, as the grammar says.
//! - Nesting deeper than [`MAX_DEPTH`] is refused, so no input can overflow the stack.
//! - Reading a type: a missing field of [`Json::field_or`] or a `null` gives the default (serde's
//!   `#[serde(default)]`); unknown fields are ignored; a field given twice: the first counts.
//! - Errors are typed ([`JsonError`]): where the text is wrong (line and column, in characters,
//!   from 1) or which field has the wrong kind of value (its path, `articles[2].title`).

mod parse;

pub use parse::{from_str, parse};
use std::collections::BTreeMap;
use std::fmt;

/// Arrays and objects inside each other deeper than this are refused.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Objects keep their keys in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as written (`-1.5e3`).
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// What is wrong with the text at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// The text ends inside a value.
    Eof,
    /// This character cannot come here.
    Unexpected(char),
    /// A `\` escape that JSON does not have, or a lone surrogate.
    Escape,
    /// A control character (below U+0020) inside a string.
    Control,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// The kind of value a field must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Bool,
    /// A whole number from 0 (an offset).
    Count,
    Array,
    Object,
    /// The field must be there.
    Present,
    /// One of the names listed by the type (a tag such as `"decision": "merge"`).
    Known,
}

/// Why a text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    Syntax { line: usize, column: usize, what: Syntax },
    /// The value at `path` (`articles[2].title`; empty for the whole) is not what the type needs.
    Field { path: String, expected: Expected },
}

impl JsonError {
    fn field(expected: Expected) -> JsonError {
        JsonError::Field { path: String::new(), expected }
    }

    /// The same error, for a value inside `segment` (a key, or `[i]`).
    pub fn within(self, segment: &str) -> JsonError {
        match self {
            JsonError::Field { path, expected } => {
                let sep = if path.is_empty() || path.starts_with('[') { "" } else { "." };
                JsonError::Field { path: format!("{segment}{sep}{path}"), expected }
            }
            e => e,
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Syntax { line, column, what } => {
                match what {
                    Syntax::Eof => write!(f, "the text ends too early")?,
                    Syntax::Unexpected(c) => write!(f, "unexpected {c:?}")?,
                    Syntax::Escape => write!(f, "invalid escape")?,
                    Syntax::Control => write!(f, "control character in a string")?,
                    Syntax::TooDeep => write!(f, "nested too deep")?,
                }
                write!(f, " at line {line} column {column}")
            }
            JsonError::Field { path, expected } => {
                let what = match expected {
                    Expected::String => "a string",
                    Expected::Bool => "true or false",
                    Expected::Count => "a whole number from 0",
                    Expected::Array => "an array",
                    Expected::Object => "an object",
                    Expected::Present => "a value (missing)",
                    Expected::Known => "a known name",
                };
                write!(f, "expected {what} at `{path}`")
            }
        }
    }
}

impl std::error::Error for JsonError {}

impl Json {
    /// The value of `key` in an object (the first, if written twice).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn object(&self) -> Result<(), JsonError> {
        match self {
            Json::Obj(_) => Ok(()),
            _ => Err(JsonError::field(Expected::Object)),
        }
    }

    /// The field `key`, which must be there (not `null`).
    pub fn field<T: FromJson>(&self, key: &str) -> Result<T, JsonError> {
        self.object()?;
        match self.get(key) {
            None | Some(Json::Null) => Err(JsonError::field(Expected::Present).within(key)),
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
        }
    }

    /// The field `key`, or `T::default()` when it is missing or `null`.
    pub fn field_or<T: FromJson + Default>(&self, key: &str) -> Result<T, JsonError> {
        self.object()?;
        match self.get(key) {
            None | Some(Json::Null) => Ok(T::default()),
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
        }
    }
}

/// A type read from a [`Json`] value.
pub trait FromJson: Sized {
    fn from_json(v: &Json) -> Result<Self, JsonError>;
}

impl FromJson for String {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Str(s) => Ok(s.clone()),
            _ => Err(JsonError::field(Expected::String)),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(JsonError::field(Expected::Bool)),
        }
    }
}

impl FromJson for usize {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Num(n) => n.parse().map_err(|_| JsonError::field(Expected::Count)),
            _ => Err(JsonError::field(Expected::Count)),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Arr(items) => items.iter().enumerate().map(|(i, x)| T::from_json(x).map_err(|e| e.within(&format!("[{i}]")))).collect(),
            _ => Err(JsonError::field(Expected::Array)),
        }
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Json) -> Result<Self, JsonError> {
        match v {
            Json::Obj(fields) => {
                let mut map = BTreeMap::new();
                for (k, x) in fields {
                    if !map.contains_key(k) {
                        map.insert(k.clone(), T::from_json(x).map_err(|e| e.within(k))?);
                    }
                }
                Ok(map)
            }
            _ => Err(JsonError::field(Expected::Object)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_fields_with_defaults_and_paths() {
        let v = parse(r#"{"names": ["a", 1], "map": {"k": "v", "k": "w"}, "flag": null}"#).unwrap();
        let e = v.field::<Vec<String>>("names").unwrap_err();
        assert_eq!(e, JsonError::Field { path: "names[1]".into(), expected: Expected::String });
        assert_eq!(e.to_string(), "expected a string at `names[1]`");
        assert_eq!(v.field::<BTreeMap<String, String>>("map").unwrap()["k"], "v");
        assert!(!v.field_or::<bool>("flag").unwrap());
        assert!(v.field_or::<Vec<String>>("absent").unwrap().is_empty());
        assert_eq!(v.field::<String>("absent").unwrap_err().to_string(), "expected a value (missing) at `absent`");
        assert_eq!(Json::Arr(vec![]).field::<String>("x").unwrap_err(), JsonError::Field { path: String::new(), expected: Expected::Object });
        let nested = JsonError::field(Expected::Bool).within("shown").within("bundled");
        assert_eq!(nested.to_string(), "expected true or false at `bundled.shown`");
        let n = parse(r#"{"at": 42, "neg": -1, "frac": 1.5, "s": "3"}"#).unwrap();
        assert_eq!(n.field::<usize>("at").unwrap(), 42);
        for bad in ["neg", "frac", "s"] {
            assert_eq!(n.field::<usize>(bad).unwrap_err(), JsonError::Field { path: bad.into(), expected: Expected::Count }, "{bad}");
        }
    }

    #[test]
    fn reads_documents_as_serde_writes_them() {
        let d = crate::Document {
            id: "a-1".into(),
            file: "a.txt".into(),
            title: "عنوان \"x\" \\".into(),
            date: "2022-01-13".into(),
            text: "سطر\r\nسطر\t\u{1}\u{200F}\u{7f}😀".into(),
            ..Default::default()
        };
        let compact = serde_json::to_string(&d).unwrap();
        assert_eq!(from_str::<crate::Document>(&compact).unwrap(), d);
        let pretty = serde_json::to_string_pretty(&vec![d.clone(), d.clone()]).unwrap();
        assert_eq!(from_str::<Vec<crate::Document>>(&pretty).unwrap(), vec![d.clone(), d]);
        let short = from_str::<crate::Document>(r#"{"id": "b", "file": "", "title": "", "text": "نص", "extra": [1]}"#).unwrap();
        assert_eq!((short.id.as_str(), short.outlet.as_str(), short.text.as_str()), ("b", "", "نص"));
        let no_text = from_str::<Vec<crate::Document>>(r#"[{"id": "b", "file": "", "title": ""}]"#).unwrap_err();
        assert_eq!(no_text.to_string(), "expected a value (missing) at `[0].text`");
    }
}
