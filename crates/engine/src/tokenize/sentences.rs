//! Sentence spans for keyword-in-context: a sentence ends at `.`, `!`, `?`, `؟`, `؛` or a line
//! break. Spans are UTF-8 byte ranges into the text, trimmed of white space; empty ones are skipped.

/// Byte ranges of the sentences of `text`.
pub fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push((s + lead, e - trail));
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '؟' | '؛' | '۔' => {
                // Keep runs such as ".." or "؟!" with the sentence they end.
                let mut e = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if matches!(d, '.' | '!' | '?' | '؟' | '»' | '"' | '”' | ')') {
                        e = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                Some(e)
            }
            _ => None,
        };
        if let Some(e) = end {
            push(start, e, &mut out);
            start = e;
        }
    }
    push(start, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_stops_and_lines() {
        let t = "قال: نعم.. ثم ذهب. هل عاد؟\nسطر ثان";
        let s: Vec<&str> = sentence_spans(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(s, ["قال: نعم..", "ثم ذهب.", "هل عاد؟", "سطر ثان"]);
        assert!(sentence_spans(" \n ").is_empty());
    }
}
