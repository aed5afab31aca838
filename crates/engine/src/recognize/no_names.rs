//! Words where no name stands, whatever finder read one there: the basmala (`بسم الله الرحمن
//! الرحيم`, code `god`: its words are God's names, not people's or places'), and the verse quoted
//! in brackets right after it (`(يا أيتها النفس المطمئنة ارجعي إلى ربك …)`, as condolence
//! statements open), whose words the tagger reads out of their classical context (`ربك`, `جنتي`);
//! and the words "group" and "militia" (`جماعة`, `ميليشيا`, code `group-word`), which describe the
//! group named after them (`جماعة الحوثي` → `الحوثي`, as ANERcorp, which never starts a name with
//! `جماعة`, and our guidelines mark it) and name nothing alone; and diseases and their viruses
//! (`كورونا`, `كوفيد-19`, `فيروس كورونا`, code `disease`), which our guidelines, like ANERcorp,
//! do not mark, and which the tagger, trained on 2007 news, reads as names; and `أمام`, "in front
//! of", written with its hamza above, after a person's name (code `amam`): the matching form
//! folds it onto `إمام`, a family name (`عادل إمام`), but the spelling tells them apart; and a
//! blessing after a name (`رعاه الله`, `طيب الله ثراه`, code `blessing`).

use crate::model::{Candidate, EntityType, Token};

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

/// `جماعة`, `ميليشيا` (matching form, with its spellings and plurals, with the article or not).
fn group_word(n: &str) -> bool {
    matches!(n.strip_prefix("ال").unwrap_or(n), "جماعه" | "ميليشيا" | "مليشيا" | "ميلشيا" | "ميليشيات" | "مليشيات" | "ميلشيات" | "جماعات")
}

/// A name opened by "group" or "militia" starts after it; the word alone is no name. After any
/// of these words, a group the lists know after `جماعة` is that group (`ميليشيا الحوثي`, as
/// `جماعة الحوثي`), where nothing else was found on it.
pub fn group_word_outside(words: &[Token], lex: &crate::lexicon::Lexicon, cands: &mut Vec<Candidate>) {
    cands.retain(|c| !(c.last - c.first == 1 && c.kind != EntityType::Per && group_word(&c.key)));
    let covered = super::covered(words.len(), cands);
    for i in 0..words.len().saturating_sub(1) {
        let (w, x) = (&words[i], &words[i + 1]);
        if w.boiler || !w.splits.iter().any(|s| group_word(&s.stem)) || !x.is_body_arabic() || x.sentence != w.sentence || covered[i + 1] {
            continue;
        }
        let known = |stem: &str| lex.names.get(&format!("جماعه {stem}")).is_some_and(|e| e.kind == EntityType::Org);
        if let Some(s) = x.splits.iter().find(|s| s.clitics.is_empty() && known(&s.stem)) {
            cands.push(super::make(words, i + 1, Some(s), i + 1, EntityType::Org, crate::model::Origin::Gazetteer, 5));
        }
    }
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Org && c.last - c.first >= 2) {
        let Some((first, rest)) = c.key.split_once(' ') else { continue };
        if group_word(first) && words[c.first + 1].is_word() {
            c.first += 1;
            c.byte_start = words[c.first].start;
            c.key = rest.to_string();
            // A feminine adjective at the end was the group's (`جماعة الحوثي اليمنية`).
            if c.key.rsplit_once(' ').is_some_and(|(_, l)| l.starts_with("ال") && l.ends_with("يه")) {
                drop_last_word(c, words);
            }
        }
    }
}

/// The candidate without its last word (a word of its key, the key's last).
fn drop_last_word(c: &mut Candidate, words: &[Token]) {
    c.last -= 1;
    c.byte_end = words[c.last - 1].end;
    if let Some((rest, _)) = c.key.rsplit_once(' ') {
        c.key = rest.to_string();
    }
}

/// Drop the candidates made only of a disease's name (`[diseases]` of `data/words/lists.txt`) and
/// the words before it in the same no-name (`[disease_heads]`: `فيروس كورونا`, `ضد كوفيد`).
/// A longer name that holds one keeps it (`برنامج الأمم المتحدة المشترك لمكافحة الإيدز`).
pub fn diseases(lex: &crate::lexicon::Lexicon, cands: &mut Vec<Candidate>) {
    // A word of the key, or the word without its proclitics (`لمرض`, `وكورونا`), is in `list`.
    let is = |list: &crate::lexicon::WordSet, w: &str| crate::tokenize::clitics::splits(w).iter().any(|s| list.contains(&s.stem));
    cands.retain(|c| {
        let mut words = c.key.split(' ');
        let all_disease = words.clone().all(|w| is(&lex.diseases, w) || is(&lex.disease_heads, w));
        !(all_disease && words.any(|w| is(&lex.diseases, w)))
    });
}

/// A person's name does not end on `أمام` written so (`قاتل نيرة أشرف أمام الجامعة`): the hamza
/// above makes it the preposition, where the family name is written `إمام`. Written without a
/// hamza (`امام`), the word could be either and is left as found.
pub fn in_front_of(words: &[Token], cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per && c.last - c.first >= 2) {
        let w = &words[c.last - 1];
        if w.text == "أمام" && words[c.last - 2].is_word() {
            drop_last_word(c, words);
        }
    }
}

/// A name ends before a blessing's verb followed by `الله` (`[blessings]`: `حاكم دبي رعاه الله`,
/// `الشيخ زايد طيب الله ثراه`, `خليفة رحمه الله`); a "name" that starts with one is none.
pub fn blessings(words: &[Token], lex: &crate::lexicon::Lexicon, cands: &mut Vec<Candidate>) {
    let verbs = lex.heads("blessings");
    let blessing = |k: usize| {
        words[k].is_word() && verbs.binary_search(&words[k].norm).is_ok() && words.get(k + 1).is_some_and(|g| g.norm() == "الله" && g.sentence == words[k].sentence)
    };
    cands.retain_mut(|c| {
        let Some(k) = (c.first..c.last).find(|&k| blessing(k)) else { return true };
        if k == c.first {
            return false;
        }
        let kept = (c.first..k).filter(|&j| words[j].is_body_word() || words[j].kind == crate::model::TokenKind::Number).count();
        c.last = k;
        c.byte_end = words[k - 1].end;
        c.key = c.key.split(' ').take(kept.max(1)).collect::<Vec<_>>().join(" ");
        true
    });
}
