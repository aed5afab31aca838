//! The token view every fact extractor works on.
//!
//! [`View::new`] reads a document with [`crate::tokenize::tokens`] and keeps, per token: its text
//! and matching form, its UTF-8 byte range *and* code point range in the original text, whether
//! white space separates it from the token before (`glued`), its sentence number, whether it lies
//! in site boilerplate and whether it lies inside a recognised name. Matching forms are for
//! comparing only; every offset points into the source text.
//!
//! Sentences here end at `.` `!` `?` `؟` `؛` `۔` `…` and at line breaks, except that a `.` between
//! two digits with no space (`1.5`) is a decimal point, not a full stop.

use crate::normalize::digits::fold as fold_digit;
use crate::tokenize::{clitics, tokens, CharOffsets, TokenKind};

/// One token of a document.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// As written in the source.
    pub text: &'a str,
    /// Matching form ([`crate::normalize::normalize`]).
    pub norm: String,
    pub kind: TokenKind,
    /// UTF-8 byte range in the source text.
    pub start: usize,
    pub end: usize,
    /// Code point range in the source text.
    pub cstart: usize,
    pub cend: usize,
    /// No white space between the previous token and this one.
    pub glued: bool,
    /// Sentence number (0-based) in the document.
    pub sentence: usize,
    /// Inside site boilerplate (never counted as reporting).
    pub boiler: bool,
    /// Index of the name mention covering this token, if any.
    pub mention: Option<usize>,
}

impl Tok<'_> {
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Latin)
    }
    /// Any punctuation mark that separates clauses or phrases (not a hyphen inside a word).
    pub fn is_separator(&self) -> bool {
        self.kind == TokenKind::Punct && !matches!(self.text, "ـ")
    }
    /// The ASCII digits of a number token (Eastern Arabic and Persian digits folded).
    pub fn digits(&self) -> String {
        self.text.chars().map(|c| fold_digit(c).unwrap_or(c)).collect()
    }
}

/// A document's tokens with offsets.
#[derive(Debug, Clone)]
pub struct View<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
}

fn ends_sentence(t: &Tok, next_glued_digit: bool, prev_digit: bool) -> bool {
    if t.kind != TokenKind::Punct {
        return false;
    }
    match t.text {
        "." => !(prev_digit && t.glued && next_glued_digit),
        "!" | "?" | "؟" | "؛" | "۔" | "…" => true,
        _ => false,
    }
}

impl<'a> View<'a> {
    /// Tokens of `text`; `boiler` lists boilerplate byte ranges.
    pub fn new(text: &'a str, boiler: &[(usize, usize)]) -> Self {
        let raw: Vec<_> = tokens(text).collect();
        let mut chars = CharOffsets::new(text);
        let mut toks = Vec::with_capacity(raw.len());
        let mut sentence = 0;
        let mut prev_end = 0;
        let mut b = 0;
        for (i, t) in raw.iter().enumerate() {
            let gap = &text[prev_end..t.start];
            if i > 0 && gap.contains('\n') && toks.last().is_some_and(|p: &Tok| p.sentence == sentence) {
                sentence += 1;
            }
            while b < boiler.len() && boiler[b].1 <= t.start {
                b += 1;
            }
            let in_boiler = b < boiler.len() && boiler[b].0 < t.end && t.start < boiler[b].1;
            let cstart = chars.at(t.start);
            let cend = chars.at(t.end);
            toks.push(Tok {
                text: t.text,
                norm: t.norm.clone(),
                kind: t.kind,
                start: t.start,
                end: t.end,
                cstart,
                cend,
                glued: i > 0 && gap.is_empty(),
                sentence,
                boiler: in_boiler,
                mention: None,
            });
            let prev_digit = i > 0 && raw[i - 1].kind == TokenKind::Number;
            let next_digit = raw.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number && n.start == t.end);
            if ends_sentence(toks.last().unwrap(), next_digit, prev_digit) {
                sentence += 1;
            }
            prev_end = t.end;
        }
        View { text, toks }
    }

    /// Mark the tokens covered by name mentions (byte ranges, in order), numbering them.
    pub fn set_mentions(&mut self, mentions: &[(usize, usize)]) {
        let mut m = 0;
        for t in &mut self.toks {
            while m < mentions.len() && mentions[m].1 <= t.start {
                m += 1;
            }
            if m < mentions.len() && mentions[m].0 < t.end && t.start < mentions[m].1 {
                t.mention = Some(m);
            }
        }
    }

    /// Byte range of tokens `first..end`.
    pub fn bytes(&self, first: usize, end: usize) -> (usize, usize) {
        (self.toks[first].start, self.toks[end - 1].end)
    }
    /// Code point range of tokens `first..end`.
    pub fn chars(&self, first: usize, end: usize) -> (usize, usize) {
        (self.toks[first].cstart, self.toks[end - 1].cend)
    }
    /// Source text of tokens `first..end`.
    pub fn slice(&self, first: usize, end: usize) -> &'a str {
        let (s, e) = self.bytes(first, end);
        &self.text[s..e]
    }
    /// Is token `i` in the same sentence as token `j`?
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.toks[i].sentence == self.toks[j].sentence
    }
}

/// Ways to read a matching-form word for lexicon look-ups: as it is, without proclitics
/// (و ف ب ل ك, `لل` = ل + ال), and each of those without the article ال. Unsplit first.
pub fn forms(norm: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(6);
    for s in clitics::splits(norm) {
        if !out.contains(&s.stem) {
            out.push(s.stem.clone());
        }
        if let Some(bare) = clitics::without_article(&s.stem) {
            if !out.iter().any(|o| o == bare) {
                out.push(bare.to_string());
            }
        }
    }
    out
}

/// Does any reading of `norm` ([`forms`]) equal one of `words`?
pub fn is_any(norm: &str, words: &[&str]) -> bool {
    words.contains(&norm) || forms(norm).iter().any(|f| words.contains(&f.as_str()))
}

/// Does any reading of `norm` start with one of `prefixes`?
pub fn starts_any(norm: &str, prefixes: &[&str]) -> bool {
    forms(norm).iter().any(|f| prefixes.iter().any(|p| f.starts_with(p)))
}

/// An Arabic token that is only a proclitic written apart (`بـ`, `و`, `لـ`), as in `بـ300`.
pub fn is_clitic_only(t: &Tok) -> bool {
    t.kind == TokenKind::Arabic && matches!(t.norm.as_str(), "و" | "ب" | "ل" | "ف" | "ك" | "وب" | "ول" | "فب" | "لل" | "بال" | "وبال")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_sentences_and_decimals() {
        let t = "قال 1.5 مليون. ثم\nذهب";
        let v = View::new(t, &[]);
        let texts: Vec<&str> = v.toks.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["قال", "1", ".", "5", "مليون", ".", "ثم", "ذهب"]);
        let s: Vec<usize> = v.toks.iter().map(|t| t.sentence).collect();
        assert_eq!(s, [0, 0, 0, 0, 0, 0, 1, 2]);
        assert!(v.toks[2].glued && !v.toks[1].glued);
        assert_eq!(v.toks[4].cstart, 8);
        assert_eq!(&t[v.toks[4].start..v.toks[4].end], "مليون");
    }

    #[test]
    fn forms_strip_clitics_and_article() {
        let f = forms("بالعشرات");
        assert!(f.contains(&"عشرات".to_string()), "{f:?}");
        assert!(forms("ليومين").contains(&"يومين".to_string()));
        assert!(forms("للعام").contains(&"عام".to_string()));
    }
}
