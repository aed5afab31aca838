//! Reading CoNLL tokens the way the app reads text.
//!
//! The app tokenises raw text with [`crate::tokenize::tokenize`], which splits scripts and
//! punctuation apart (`(د` is `(` + `د`, `مونديال1998` is `مونديال` + `1998`). A CoNLL token is
//! re-tokenised the same way, so that the model is trained and scored on exactly the kind of
//! words it meets in the app. A CoNLL token's tag goes to its first word or number; punctuation
//! before it is `O` (or `I-X` inside an entity), the pieces after it continue the entity (`I-X`)
//! or stay `O`. A token's predicted tag is the tag of that same first piece.

use super::tags::{inside, is_inside, kind, Tag, O};
use crate::model::{Token, TokenKind};
use crate::normalize::normalize;
use crate::tokenize::tokenize;

/// The words of a CoNLL sentence and, for each, the index of the CoNLL token it comes from.
pub struct SubWords<'a> {
    pub words: Vec<Token<'a>>,
    pub owner: Vec<usize>,
    /// For each CoNLL token, the index of its head word (its first non-punctuation piece).
    pub head: Vec<usize>,
}

/// Re-tokenise CoNLL tokens. Offsets in the words are relative to their own CoNLL token.
pub fn sub_words<'a>(toks: impl IntoIterator<Item = &'a str>) -> SubWords<'a> {
    let mut words = Vec::new();
    let mut owner = Vec::new();
    let mut head = Vec::new();
    for (k, t) in toks.into_iter().enumerate() {
        let first = words.len();
        for tok in tokenize(t).tokens {
            words.push(tok);
            owner.push(k);
        }
        if words.len() == first {
            // Only invisible characters: keep a placeholder so every token has a word.
            let cend = t.chars().count();
            let norm = normalize(t);
            words.push(Token { text: t, norm, kind: TokenKind::Punct, start: 0, end: t.len(), cstart: 0, cend, glued: false, line_start: false, sentence: 0, boiler: false, splits: Vec::new(), mention: None });
            owner.push(k);
        }
        let h = (first..words.len()).find(|&i| words[i].kind != TokenKind::Punct).unwrap_or(first);
        head.push(h);
    }
    SubWords { words, owner, head }
}

/// Gold tags of the pieces, from the tags of the CoNLL tokens (see the module documentation).
pub fn piece_tags(sub: &SubWords, token_tags: &[Tag]) -> Vec<Tag> {
    let mut out = Vec::with_capacity(sub.words.len());
    for (i, &k) in sub.owner.iter().enumerate() {
        let g = token_tags[k];
        let h = sub.head[k];
        let t = match kind(g) {
            None => O,
            Some(_) if i == h => g,
            Some(ty) if i > h => inside(ty),
            Some(ty) => {
                if is_inside(g) {
                    inside(ty)
                } else {
                    O
                }
            }
        };
        out.push(t);
    }
    super::tags::repair(&mut out);
    out
}

/// Tags of the CoNLL tokens from the tags of their pieces.
pub fn token_tags(sub: &SubWords, piece_tags: &[Tag]) -> Vec<Tag> {
    sub.head.iter().map(|&h| piece_tags[h]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType;
    use crate::tagger::tags::begin;

    #[test]
    fn pieces_inherit_tags() {
        let sub = sub_words(["(د", "مونديال1998", "قال"]);
        let texts: Vec<&str> = sub.words.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["(", "د", "مونديال", "1998", "قال"]);
        let m = begin(EntityType::Misc);
        let pieces = piece_tags(&sub, &[O, m, O]);
        assert_eq!(pieces, vec![O, O, m, inside(EntityType::Misc), O]);
        assert_eq!(token_tags(&sub, &pieces), vec![O, m, O]);
    }
}
