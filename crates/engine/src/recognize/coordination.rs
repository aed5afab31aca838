//! Names in a list (rule code `list`): `بنغازي والبيضاء والمرج وسوسة ودرنة`. A word joined by `و`
//! to a place, in a run of such words that ends on a place, is a place too: a list of places
//! names one kind of thing. One word per item, `و` between items and nothing else, one sentence,
//! at most two unknown items in a row; not a function or time word, not a relative adjective.
//! (`البيضاء`, "the white", and `المرج`, "the meadow", are ordinary words no list knows as the
//! Libyan towns; between two towns they can only be towns.)

use super::ask::Ask;
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// Places between places in a list joined by `و` (see the module documentation).
pub fn places_in_lists(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    crate::sort::by_key(cands, |c| (c.first, c.last));
    let mut found = Vec::new();
    for c in cands.iter().filter(|c| c.kind == EntityType::Loc && c.last > c.first) {
        let sentence = words[c.first].sentence;
        let mut p = c.last;
        let mut pending = Vec::new();
        while let Some(w) = words.get(p).filter(|w| w.is_body_arabic() && w.sentence == sentence) {
            let Some(split) = w.splits.iter().find(|s| s.clitics == "و") else { break };
            if let Some(next) = cands.iter().find(|o| o.first == p) {
                if next.kind != EntityType::Loc || next.byte_start == w.start {
                    break;
                }
                found.append(&mut pending);
                p = next.last;
                continue;
            }
            let plain = split.stem.chars().count() >= 3 && !ask.lex.function.contains(&split.stem) && !ask.lex.temporal.contains(&split.stem);
            if pending.len() == 2 || !plain || ask.nisba(w) {
                break;
            }
            pending.push(make(words, p, Some(split), p, EntityType::Loc, Origin::Rule(RuleId::List), 3));
            p += 1;
        }
    }
    cands.extend(found);
    crate::sort::by_key(cands, |c| (c.first, c.last));
    cands.dedup_by(|a, b| a.first == b.first);
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Document, EntityType};

    fn places(text: &str) -> Vec<String> {
        let a = analyze(&[Document { id: "t".into(), file: "t.txt".into(), title: "t".into(), text: text.into(), ..Default::default() }]);
        a.documents[0].mentions.iter().filter(|m| m.kind == EntityType::Loc).map(|m| m.text.clone()).collect()
    }

    #[test]
    fn words_between_places_in_a_list_are_places() {
        let p = places("وضربت العاصفة بنغازي والبيضاء والمرج وسوسة أمس.");
        assert!(p.contains(&"البيضاء".to_string()) && p.contains(&"المرج".to_string()), "{p:?}");
        // Not after the last place, nor across anything but `و`.
        let p = places("وصل الوفد إلى بغداد والمدينة هادئة.");
        assert!(!p.contains(&"المدينة".to_string()), "{p:?}");
        let p = places("زار بغداد، والبصرة اليوم والكويت.");
        assert!(!p.contains(&"اليوم".to_string()), "{p:?}");
    }
}
