//! Words where no name stands, whatever finder read one there: the basmala (`بسم الله الرحمن
//! الرحيم`, code `god`: its words are God's names, not people's or places'), and the verse quoted
//! in brackets right after it (`(يا أيتها النفس المطمئنة ارجعي إلى ربك …)`, as condolence
//! statements open), whose words the tagger reads out of their classical context (`ربك`, `جنتي`).

use crate::model::{Candidate, Token};

/// Drop the candidates inside a basmala and its verse.
pub fn basmala(words: &[Token], cands: &mut Vec<Candidate>) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let norm = |k: usize| words.get(k).filter(|w| w.is_word()).map(|w| w.norm());
    for i in 0..words.len() {
        if norm(i) != Some("بسم") {
            continue;
        }
        let next = |k: usize| super::gazetteer::next_word(words, k).filter(|&j| words[j].sentence == words[i].sentence);
        let (Some(a), Some(b), Some(c)) = (next(i), next(i).and_then(next), next(i).and_then(next).and_then(next)) else { continue };
        if (norm(a), norm(b), norm(c)) != (Some("الله"), Some("الرحمن"), Some("الرحيم")) {
            continue;
        }
        let mut end = c + 1;
        // The verse: a bracket opened right after it, to its close on the same line.
        if words.get(c + 1).is_some_and(|w| matches!(w.text, "(" | "﴿" | "﴾")) {
            if let Some(close) = (c + 2..words.len()).take_while(|&k| !words[k].line_start).find(|&k| matches!(words[k].text, ")" | "﴿" | "﴾")) {
                end = close;
            }
        }
        spans.push((i, end));
    }
    cands.retain(|c| !spans.iter().any(|&(f, l)| c.first >= f && c.last <= l));
}
