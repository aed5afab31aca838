//! Stage 2: the token stream.
//!
//! [`token_indices`] is a zero-copy iterator over the words, numbers and punctuation marks of a
//! text as `(byte offset, &str, kind)`; white space is skipped. A token never mixes scripts:
//! Arabic letters, Latin letters and digits each make their own tokens, so `2022ء` is `2022` +
//! `ء`. Punctuation characters are one token each.
//!
//! [`tokenize`] reads a whole document once into a [`Tokenized`]: every [`Token`] with its
//! matching form, byte and code point ranges, whether it is glued to the token before or starts
//! a line, its sentence ([`sentences`]) and its proclitic analyses ([`clitics`]). The later stages
//! read this stream; [`crate::boilerplate`] marks site furniture on it.

pub mod clitics;
pub mod sentences;

use crate::model::{Token, TokenKind, Tokenized};
use crate::normalize::{arabic::is_arabic_letter, digits::is_digit, normalize};

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

/// Zero-copy iterator over the tokens of a text: `(byte offset, token text, kind)`.
pub struct TokenIndices<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for TokenIndices<'a> {
    type Item = (usize, &'a str, TokenKind);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = &self.text[self.pos..];
        let (start, kind) = rest.char_indices().find_map(|(i, c)| class(c).map(|k| (self.pos + i, k)))?;
        let first_len = self.text[start..].chars().next().map_or(0, char::len_utf8);
        let mut end = start + first_len;
        if kind != TokenKind::Punct {
            // Tatweel and tashkeel are Arabic letters here, so they stay inside the word.
            end = self.text[end..].char_indices().find(|&(_, c)| class(c) != Some(kind)).map_or(self.text.len(), |(i, _)| end + i);
        }
        self.pos = end;
        let t = &self.text[start..end];
        // A tatweel standing alone (`الخرطوم ـ فلان ـ نيويورك`) is a dash, not a word.
        let kind = if kind == TokenKind::Arabic && t.chars().all(|c| c == '\u{0640}') { TokenKind::Punct } else { kind };
        Some((start, t, kind))
    }
}

/// The tokens of `text`, lazily, without copying.
pub fn token_indices(text: &str) -> TokenIndices<'_> {
    TokenIndices { text, pos: 0 }
}

/// Read `text` into its token stream: tokens with matching forms, offsets, glue and line starts,
/// proclitic analyses and sentences. No boilerplate is marked yet.
pub fn tokenize(text: &str) -> Tokenized<'_> {
    let mut tokens = Vec::new();
    let mut chars = CharOffsets::new(text);
    let mut prev_end = 0;
    for (start, t, kind) in token_indices(text) {
        let end = start + t.len();
        let gap = &text[prev_end..start];
        let first = tokens.is_empty();
        let norm = normalize(t);
        let splits = if kind == TokenKind::Arabic { clitics::splits_of(t, &norm) } else { Vec::new() };
        tokens.push(Token {
            text: t,
            norm,
            kind,
            start,
            end,
            cstart: chars.at(start),
            cend: chars.at(end),
            glued: !first && gap.is_empty(),
            line_start: !first && gap.contains('\n'),
            sentence: 0,
            boiler: false,
            splits,
            mention: None,
        });
        prev_end = end;
    }
    let sentences = sentences::assign(&mut tokens);
    Tokenized { text, tokens, sentences, boilerplate: Vec::new() }
}

/// Code point offset of a byte offset (which must be a char boundary of `text`).
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Byte offset of each code point offset, plus one past the end: `char_to_byte(t)[c]` is the
/// byte where code point `c` starts.
pub fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
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
        token_indices(s).map(|t| t.1).collect()
    }

    #[test]
    fn splits_words_punct_and_scripts() {
        assert_eq!(texts("ألما-آتا، 2022ء (CSTO)"), ["ألما", "-", "آتا", "،", "2022", "ء", "(", "CSTO", ")"]);
        assert_eq!(texts("بـ\"الهجوم\""), ["بـ", "\"", "الهجوم", "\""]);
        let kinds: Vec<TokenKind> = token_indices("الخرطوم ـ عبدالواحد ـــ نيويورك").map(|(_, _, k)| k).collect();
        assert_eq!(kinds, [TokenKind::Arabic, TokenKind::Punct, TokenKind::Arabic, TokenKind::Punct, TokenKind::Arabic]);
        assert_eq!(texts("  "), Vec::<&str>::new());
        assert_eq!(texts("١٩ مليون"), ["١٩", "مليون"]);
    }

    #[test]
    fn offsets_are_char_boundaries_into_the_source() {
        let s = "قال: «نَعَم» — ۱۲۳ Test\u{200F}ok";
        for t in tokenize(s).tokens {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            assert_eq!(&s[t.start..t.end], t.text);
            assert_eq!(s.chars().skip(t.cstart).take(t.cend - t.cstart).collect::<String>(), t.text);
        }
    }

    #[test]
    fn glue_lines_and_numbers() {
        let t = tokenize("قال ١٩.\nثم(ذهب)");
        let toks: Vec<(&str, bool, bool)> = t.tokens.iter().map(|t| (t.text, t.glued, t.line_start)).collect();
        assert_eq!(toks, [("قال", false, false), ("١٩", false, false), (".", true, false), ("ثم", false, true), ("(", true, false), ("ذهب", true, false), (")", true, false)]);
        assert_eq!(t.tokens[1].norm, "19");
        assert!(t.tokens[0].splits.len() == 1 && t.tokens[1].splits.is_empty());
    }

    #[test]
    fn char_offsets() {
        let s = "أب cd";
        let mut m = CharOffsets::new(s);
        assert_eq!(m.at(0), 0);
        assert_eq!(m.at("أب".len()), 2);
        assert_eq!(m.at(s.len()), 5);
        assert_eq!(char_offset(s, "أب ".len()), 3);
        assert_eq!(char_to_byte(s), [0, 2, 4, 5, 6, 7]);
    }
}
