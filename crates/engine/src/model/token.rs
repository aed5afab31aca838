//! The token stream: one [`Token`] type for every stage, produced once per document by
//! [`crate::tokenize::tokenize`] and enriched in place as the stages go (boilerplate flags by
//! [`crate::boilerplate`], the name mention covering each token once names are linked); read by
//! the tagger, recognition, linking and facts.
//!
//! Every token keeps its place in the source text twice: UTF-8 bytes (`start..end`, for slicing
//! in Rust) and code points (`cstart..cend`, the offsets of the exported analysis). Matching forms
//! ([`Token::norm`], [`Split::stem`]) are for comparing only and never shown.

use super::document::Boilerplate;

/// What a token is made of. A token never mixes scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Arabic,
    Latin,
    Number,
    Punct,
}

/// One way to read an Arabic word as proclitics + stem (see [`crate::tokenize::clitics`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Letters of the word taken by the proclitics.
    pub stripped: usize,
    /// Matching form of the rest (for `لل`, with the article's alef restored: `الاتحاد`).
    pub stem: String,
    /// The proclitics, e.g. `و+ب`.
    pub clitics: &'static str,
    /// Byte offset, within the token's text, where the stem starts in the source (after the
    /// proclitics and any diacritics on them).
    pub offset: usize,
}

/// One token of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// As written in the source.
    pub text: &'a str,
    /// Matching form ([`crate::normalize::normalize`]); for numbers, ASCII digits.
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
    /// A line break stands between the previous token and this one.
    pub line_start: bool,
    /// Sentence number (0-based) in the document ([`crate::tokenize::sentences`]).
    pub sentence: usize,
    /// Inside site boilerplate: never part of a name, never counted as reporting.
    pub boiler: bool,
    /// Proclitic analyses (Arabic words only; the unsplit analysis first).
    pub splits: Vec<Split>,
    /// Index of the name mention covering this token, in the document's mentions in text order;
    /// set once the names are known ([`Tokenized::set_mentions`]), read by the facts.
    pub mention: Option<usize>,
}

impl Token<'_> {
    /// The matching form.
    pub fn norm(&self) -> &str {
        &self.norm
    }
    /// The proclitic analyses to try a name on: the token's own, or, for a word that has none,
    /// the whole word as one.
    pub fn analyses(&self) -> std::borrow::Cow<'_, [Split]> {
        if self.splits.is_empty() {
            std::borrow::Cow::Owned(vec![Split { stripped: 0, stem: self.norm.clone(), clitics: "", offset: 0 }])
        } else {
            std::borrow::Cow::Borrowed(&self.splits)
        }
    }
    /// Arabic or Latin letters.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Latin)
    }
    /// A word outside boilerplate.
    pub fn is_body_word(&self) -> bool {
        self.is_word() && !self.boiler
    }
    /// An Arabic word outside boilerplate.
    pub fn is_body_arabic(&self) -> bool {
        self.kind == TokenKind::Arabic && !self.boiler
    }
    /// This punctuation mark.
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
    /// Any punctuation mark that separates clauses or phrases (not a tatweel).
    pub fn is_separator(&self) -> bool {
        self.kind == TokenKind::Punct && !matches!(self.text, "ـ")
    }
    /// Byte offset in the source where the stem of `split` starts.
    pub fn stem_start(&self, split: &Split) -> usize {
        self.start + split.offset
    }
    /// The stem after a conjunction or preposition, when the word has one of the given stems.
    pub fn stem_in<'s>(&'s self, set: &std::collections::HashSet<String>) -> Option<&'s Split> {
        self.splits.iter().find(|s| set.contains(&s.stem))
    }
    /// Ends with alef maqsura in the source (`على`, not the name `علي`).
    pub fn ends_with_maqsura(&self) -> bool {
        self.text.ends_with('ى')
    }
}

/// A sentence: tokens `first..end` of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
}

/// A document read once: its tokens, sentences and boilerplate, every offset into `text`.
#[derive(Debug, Clone)]
pub struct Tokenized<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Sentence>,
    pub boilerplate: Vec<Boilerplate>,
}

impl<'a> Tokenized<'a> {
    /// Byte range of tokens `first..end` (which must not be empty).
    pub fn bytes(&self, first: usize, end: usize) -> (usize, usize) {
        (self.tokens[first].start, self.tokens[end - 1].end)
    }
    /// Code point range of tokens `first..end` (which must not be empty).
    pub fn chars(&self, first: usize, end: usize) -> (usize, usize) {
        (self.tokens[first].cstart, self.tokens[end - 1].cend)
    }
    /// Source text of tokens `first..end` (which must not be empty).
    pub fn slice(&self, first: usize, end: usize) -> &'a str {
        let (s, e) = self.bytes(first, end);
        &self.text[s..e]
    }
    /// Is token `i` in the same sentence as token `j`?
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.tokens[i].sentence == self.tokens[j].sentence
    }
    /// Record which tokens the name mentions cover: `mentions` are byte ranges in text order,
    /// numbered from 0.
    pub fn set_mentions(&mut self, mentions: &[(usize, usize)]) {
        let mut m = 0;
        for t in &mut self.tokens {
            while m < mentions.len() && mentions[m].1 <= t.start {
                m += 1;
            }
            t.mention = (m < mentions.len() && mentions[m].0 < t.end && t.start < mentions[m].1).then_some(m);
        }
    }
    /// Byte ranges of the sentences, first token to last.
    pub fn sentence_bytes(&self) -> Vec<(usize, usize)> {
        self.sentences.iter().filter(|s| s.end > s.first).map(|s| self.bytes(s.first, s.end)).collect()
    }
}
