//! Stage 2: words with offsets.
//!
//! [`tokens`] is a zero-copy iterator over the words and punctuation of a text; every [`Token`]
//! keeps its UTF-8 byte range in the original text and carries its matching form. White space is
//! skipped. A token never mixes scripts: Arabic letters, Latin letters and digits each make their
//! own tokens, so `2022ء` is `2022` + `ء`. Punctuation characters are one token each.
//!
//! [`clitics`] lists the proclitic analyses of an Arabic word; [`sentences`] splits text into
//! sentences for keyword-in-context.

pub mod clitics;
pub mod sentences;

use crate::normalize::{arabic::is_arabic_letter, digits::is_digit, normalize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Arabic,
    Latin,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token exactly as in the source.
    pub text: &'a str,
    /// UTF-8 byte offset of the first byte in the source text.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte.
    pub end: usize,
    pub kind: TokenKind,
    /// Matching form ([`normalize`]).
    pub norm: String,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Latin)
    }
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
}

fn class(c: char) -> Option<TokenKind> {
    if is_arabic_letter(c) {
        Some(TokenKind::Arabic)
    } else if is_digit(c) {
        Some(TokenKind::Number)
    } else if c.is_alphabetic() {
        Some(TokenKind::Latin)
    } else if c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}') {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// Iterator over the tokens of a text. See the module documentation.
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = &self.text[self.pos..];
        let mut iter = rest.char_indices();
        let (start, kind) = loop {
            let (i, c) = iter.next()?;
            if let Some(k) = class(c) {
                break (self.pos + i, k);
            }
        };
        let mut end = start + self.text[start..].chars().next().map_or(0, char::len_utf8);
        if kind != TokenKind::Punct {
            for (i, c) in self.text[end..].char_indices() {
                // Tatweel and tashkeel are Arabic letters here, so they stay inside the word.
                if class(c) == Some(kind) {
                    continue;
                }
                end += i;
                self.pos = end;
                return Some(make(self.text, start, end, kind));
            }
            end = self.text.len();
        }
        self.pos = end;
        Some(make(self.text, start, end, kind))
    }
}

fn make(text: &str, start: usize, end: usize, kind: TokenKind) -> Token<'_> {
    let t = &text[start..end];
    Token { text: t, start, end, kind, norm: normalize(t) }
}

/// Tokens of `text`, lazily.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Tokens of `text[range]`, with offsets still into the whole `text`.
pub fn tokens_in(text: &str, start: usize, end: usize) -> impl Iterator<Item = Token<'_>> {
    let mut t = tokens(&text[..end]);
    t.pos = start;
    t
}

/// Code point offset of a byte offset (which must be a char boundary of `text`).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Maps byte offsets to code point offsets in increasing order in O(n) over the whole text.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        CharOffsets { text, byte: 0, chars: 0 }
    }
    /// Code point offset of `byte`; calls must not go backwards (else it restarts from 0).
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokens(s).map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_punct_and_scripts() {
        assert_eq!(texts("ألما-آتا، 2022ء (CSTO)"), ["ألما", "-", "آتا", "،", "2022", "ء", "(", "CSTO", ")"]);
        assert_eq!(texts("بـ\"الهجوم\""), ["بـ", "\"", "الهجوم", "\""]);
        assert_eq!(texts("  "), Vec::<&str>::new());
        assert_eq!(texts("١٩ مليون"), ["١٩", "مليون"]);
    }

    #[test]
    fn offsets_are_char_boundaries_into_the_source() {
        let s = "قال: «نَعَم» — ۱۲۳ Test\u{200F}ok";
        for t in tokens(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    #[test]
    fn char_offsets() {
        let s = "أب cd";
        let mut m = CharOffsets::new(s);
        assert_eq!(m.at(0), 0);
        assert_eq!(m.at("أب".len()), 2);
        assert_eq!(m.at(s.len()), 5);
        assert_eq!(char_offset(s, "أب ".len()), 3);
    }
}
