//! The reader itself: text to [`Json`], with the place of the first error ([`Syntax`]).

use super::{FromJson, Json, JsonError, Syntax, MAX_DEPTH};

/// Read one JSON value.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0 };
    let v = p.value(0)?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.unexpected());
    }
    Ok(v)
}

/// Read a value of type `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse(text)?)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn error(&self, what: Syntax) -> JsonError {
        let before = &self.text[..self.i.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        JsonError::Syntax { line, column, what }
    }

    fn unexpected(&self) -> JsonError {
        match self.text[self.i..].chars().next() {
            Some(c) => self.error(Syntax::Unexpected(c)),
            None => self.error(Syntax::Eof),
        }
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), JsonError> {
        if self.s.get(self.i) == Some(&b) {
            self.i += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.ws();
        let Some(&b) = self.s.get(self.i) else { return Err(self.error(Syntax::Eof)) };
        if (b == b'[' || b == b'{') && depth >= MAX_DEPTH {
            return Err(self.error(Syntax::TooDeep));
        }
        match b {
            b'"' => self.string().map(Json::Str),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    } else {
                        self.eat(b']')?;
                        return Ok(Json::Arr(items));
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(self.unexpected());
                    }
                    let key = self.string()?;
                    self.ws();
                    self.eat(b':')?;
                    fields.push((key, self.value(depth + 1)?));
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    } else {
                        self.eat(b'}')?;
                        return Ok(Json::Obj(fields));
                    }
                }
            }
            b't' | b'f' | b'n' => {
                for (word, v) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
                    if self.s[self.i..].starts_with(word.as_bytes()) {
                        self.i += word.len();
                        return Ok(v);
                    }
                }
                Err(self.unexpected())
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn digits(&mut self) -> Result<(), JsonError> {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        if self.i == start {
            return Err(self.unexpected());
        }
        Ok(())
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.i;
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        if self.s.get(self.i) == Some(&b'0') {
            self.i += 1;
        } else {
            self.digits()?;
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            self.digits()?;
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            self.digits()?;
        }
        Ok(Json::Num(self.text[start..self.i].to_string()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self.text.get(self.i..self.i + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let v = h.and_then(|h| u32::from_str_radix(h, 16).ok()).ok_or_else(|| self.error(Syntax::Escape))?;
        self.i += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run = self.i;
            while self.s.get(self.i).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // The run stops at ASCII bytes only, so it is whole characters.
            out.push_str(&self.text[run..self.i]);
            match self.s.get(self.i) {
                None => return Err(self.error(Syntax::Eof)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let at = self.i;
                    self.i += 1;
                    let Some(&e) = self.s.get(self.i) else { return Err(self.error(Syntax::Eof)) };
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.s[self.i..].starts_with(b"\\u") {
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    self.i = at;
                                    return Err(self.error(Syntax::Escape));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            match char::from_u32(code) {
                                Some(c) => c,
                                None => {
                                    self.i = at;
                                    return Err(self.error(Syntax::Escape));
                                }
                            }
                        }
                        _ => {
                            self.i = at;
                            return Err(self.error(Syntax::Escape));
                        }
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.error(Syntax::Control)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax(text: &str) -> (usize, usize, Syntax) {
        match parse(text) {
            Err(JsonError::Syntax { line, column, what }) => (line, column, what),
            other => panic!("{text:?} gave {other:?}"),
        }
    }

    #[test]
    fn values_as_written() {
        let v = parse(" {\"a\": [1, -2.5e+3, true, false, null], \"b\": {}, \"c\": [] , \"a\": 0}\n").unwrap();
        let nums = ["1", "-2.5e+3"].map(|n| Json::Num(n.into()));
        assert_eq!(v.get("a"), Some(&Json::Arr(vec![nums[0].clone(), nums[1].clone(), Json::Bool(true), Json::Bool(false), Json::Null])));
        assert_eq!(v.get("b"), Some(&Json::Obj(vec![])));
        assert_eq!(v.get("c"), Some(&Json::Arr(vec![])));
        assert_eq!(v.get("d"), None);
    }

    #[test]
    fn strings_and_escapes() {
        let v = parse(r#""قارن \"x\" \\ \/ \b\f\n\r\t \u0041\u00e9\u0628 \ud83d\ude00""#).unwrap();
        assert_eq!(v, Json::Str("قارن \"x\" \\ / \u{8}\u{c}\n\r\t Aéب 😀".into()));
        assert_eq!(syntax(r#""\ud83d x""#).2, Syntax::Escape);
        assert_eq!(syntax(r#""\ud83d\u0041""#).2, Syntax::Escape);
        assert_eq!(syntax(r#""\x""#).2, Syntax::Escape);
        assert_eq!(syntax(r#""\u12""#).2, Syntax::Escape);
        assert_eq!(syntax("\"a\tb\""), (1, 3, Syntax::Control));
        assert_eq!(syntax("\"abc"), (1, 5, Syntax::Eof));
    }

    #[test]
    fn errors_name_line_and_column() {
        assert_eq!(syntax(""), (1, 1, Syntax::Eof));
        assert_eq!(syntax("not json"), (1, 1, Syntax::Unexpected('n')));
        assert_eq!(syntax("{\n  \"عنوان\": x}"), (2, 12, Syntax::Unexpected('x')));
        assert_eq!(syntax("[1,]"), (1, 4, Syntax::Unexpected(']')));
        assert_eq!(syntax("{\"a\" 1}"), (1, 6, Syntax::Unexpected('1')));
        assert_eq!(syntax("[1] [2]"), (1, 5, Syntax::Unexpected('[')));
        assert_eq!(syntax("01"), (1, 2, Syntax::Unexpected('1')));
        assert_eq!(syntax("-"), (1, 2, Syntax::Eof));
        assert_eq!(syntax("1."), (1, 3, Syntax::Eof));
        assert_eq!(syntax("tru"), (1, 1, Syntax::Unexpected('t')));
        assert_eq!(parse("[1] [2]").unwrap_err().to_string(), "unexpected '[' at line 1 column 5");
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        assert_eq!(syntax(&"[".repeat(100_000)).2, Syntax::TooDeep);
        assert_eq!(syntax(&"{\"a\":".repeat(100_000)).2, Syntax::TooDeep);
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        // A spread of valid and broken texts: accepted by one exactly when accepted by the other.
        let texts = [
            "{}", "[]", "\"\"", "0", "-0", "1e5", "1E-5", "0.5", "[[[]]]", "{\"a\":{\"b\":[1,{}]}}", " true ", "null",
            "{", "}", "[", "[1 2]", "{\"a\":1,}", "{a:1}", "'x'", "+1", ".5", "1.e3", "NaN", "\"\\u00\"", "[] x", "\u{FEFF}{}",
        ];
        for t in texts {
            assert_eq!(parse(t).is_ok(), serde_json::from_str::<serde_json::Value>(t).is_ok(), "{t:?}");
        }
    }
}
