//! What every fact extractor reads: the document's token stream (made once by
//! [`crate::tokenize::tokenize`], with its sentences, boilerplate flags and the name mention on
//! each token), and helpers to read a word's forms. Matching forms are for comparing only; every
//! offset points into the source text.

use crate::model::{Token, TokenKind, Tokenized};
use crate::tokenize::clitics;

/// The token stream the extractors read: the document's [`Tokenized`], with its name mentions
/// set ([`Tokenized::set_mentions`]).
pub type View<'a> = Tokenized<'a>;

/// Ways to read a matching-form word for lexicon look-ups: as it is, without proclitics
/// (و ف ب ل ك, `لل` = ل + ال), and each of those without the article ال. Unsplit first.
pub fn forms(norm: &str) -> Vec<String> {
    forms_of(&clitics::splits(norm))
}

/// [`forms`] of a token's matching form, from the proclitic analyses the tokenizer already made
/// (the same as `forms(&t.norm)`, without splitting the word again: the fact extractors ask this
/// of most words several times).
pub fn token_forms(t: &Token) -> Vec<String> {
    if t.splits.is_empty() {
        return forms(&t.norm);
    }
    forms_of(&t.splits)
}

/// The stems of `splits`, each followed by itself without the article, without repeats.
fn forms_of(splits: &[crate::model::Split]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(splits.len() + 2);
    for s in splits {
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
pub fn is_clitic_only(t: &Token) -> bool {
    t.kind == TokenKind::Arabic && matches!(t.norm.as_str(), "و" | "ب" | "ل" | "ف" | "ك" | "وب" | "ول" | "فب" | "لل" | "بال" | "وبال")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_on_tokens() {
        let t = "قال 1.5 مليون. ثم\nذهب بوتين";
        let mut v = crate::tokenize::tokenize(t);
        v.set_mentions(&[(t.find("بوتين").unwrap(), t.len())]);
        let texts: Vec<&str> = v.tokens.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["قال", "1", ".", "5", "مليون", ".", "ثم", "ذهب", "بوتين"]);
        let m: Vec<Option<usize>> = v.tokens.iter().map(|t| t.mention).collect();
        assert_eq!(m, [None, None, None, None, None, None, None, None, Some(0)]);
        assert_eq!(v.slice(1, 4), "1.5");
        assert_eq!(v.chars(4, 5), (8, 13));
    }

    #[test]
    fn forms_strip_clitics_and_article() {
        let f = forms("بالعشرات");
        assert!(f.contains(&"عشرات".to_string()), "{f:?}");
        assert!(forms("ليومين").contains(&"يومين".to_string()));
        assert!(forms("للعام").contains(&"عام".to_string()));
    }

    #[test]
    fn a_tokens_forms_are_those_of_its_matching_form() {
        let t = "وبالعاصمة للعام ليومين الكويت Kuwait 2022 فكازاخستان، وللاتحاد";
        for tok in &crate::tokenize::tokenize(t).tokens {
            assert_eq!(token_forms(tok), forms(&tok.norm), "{}", tok.text);
        }
    }
}
