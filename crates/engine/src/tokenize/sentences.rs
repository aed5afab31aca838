//! The one sentence splitter, used by every stage (the tagger's segments, recognition, facts and
//! keyword in context alike).
//!
//! Rules, on the token stream:
//! - a sentence ends after `!`, `?`, `؟`, `؛`, `۔`, `…` and `.`, except a `.` that is a decimal
//!   point (written between two digits with no space: `1.5`) or closes an abbreviation (right
//!   after a one-letter word: `أ.ف.ب`, `د. محمد`, `U.S.`);
//! - marks glued right after the end stay with the sentence they end (`.»`, `؟!`, `..."`);
//! - a line break always ends a sentence: a headline, a dateline or a list item is a sentence of
//!   its own, and no name or fact runs across lines.

use crate::model::{Sentence, Token, TokenKind};

fn is_stop_mark(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text, "." | "!" | "?" | "؟" | "؛" | "۔" | "…")
}

fn is_closer(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text, "»" | "\"" | "”" | "’" | "'" | ")" | "]")
}

/// Whether token `i` ends its sentence.
pub fn ends_sentence(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if !is_stop_mark(t) {
        return false;
    }
    if t.text != "." || i == 0 || !t.glued {
        return true;
    }
    let prev = &tokens[i - 1];
    let decimal = prev.kind == TokenKind::Number && tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number && n.glued);
    let abbreviation = prev.is_word() && prev.text.chars().count() == 1;
    !(decimal || abbreviation)
}

/// Number the sentences of `tokens` (setting each token's `sentence`) and return them.
pub fn assign(tokens: &mut [Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut stopped = false;
    for i in 0..tokens.len() {
        if i > first {
            let t = &tokens[i];
            let stays = t.glued && (is_closer(t) || is_stop_mark(t));
            if t.line_start || (stopped && !stays) {
                out.push(Sentence { first, end: i });
                first = i;
                stopped = false;
            }
        }
        tokens[i].sentence = out.len();
        if ends_sentence(tokens, i) {
            stopped = true;
        }
    }
    if first < tokens.len() {
        out.push(Sentence { first, end: tokens.len() });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::tokenize::tokenize;

    /// The sentences of a text, as written.
    fn sentences(t: &str) -> Vec<&str> {
        let tz = tokenize(t);
        tz.sentence_bytes().into_iter().map(|(a, b)| &t[a..b]).collect()
    }

    macro_rules! split {
        ($($name:ident: $input:expr => [$($s:expr),*];)*) => {$(
            #[test]
            fn $name() { assert_eq!(sentences($input), Vec::<&str>::from([$($s),*])); }
        )*};
    }

    split! {
        stops_and_runs: "قال: نعم.. ثم ذهب. هل عاد؟! لا" => ["قال: نعم..", "ثم ذهب.", "هل عاد؟!", "لا"];
        line_breaks: "عنوان الخبر\nنص الخبر" => ["عنوان الخبر", "نص الخبر"];
        decimals: "نما 1.5 في المئة. ثم" => ["نما 1.5 في المئة.", "ثم"];
        abbreviations: "نقلت أ.ف.ب عن د. محمد قوله. انتهى" => ["نقلت أ.ف.ب عن د. محمد قوله.", "انتهى"];
        closing_marks: "قال «انتهى.» وغادر" => ["قال «انتهى.»", "وغادر"];
        ellipsis_and_semicolon: "أولا… ثانيا؛ ثالثا" => ["أولا…", "ثانيا؛", "ثالثا"];
        blank: " \n " => [];
    }

    #[test]
    fn every_token_has_its_sentence() {
        let tz = tokenize("أ. ب\nج");
        let s: Vec<usize> = tz.tokens.iter().map(|t| t.sentence).collect();
        assert_eq!(s, [0, 0, 0, 1]);
        assert_eq!(tz.sentences.len(), 2);
    }
}
