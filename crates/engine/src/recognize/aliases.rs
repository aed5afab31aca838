//! Other names of a name the text gives itself (rule code `alias`): a bracketed or quoted single
//! word right after a name (`(CSTO)`, `«ناتو»`, a person's nickname `(قفشة)`), and a quoted name after `المعروف باسم`,
//! `الملقب بـ` … Each is a candidate with [`Candidate::alias_of`] set, which linking joins to the
//! name it stands for.

use super::ask::Ask;
use super::make;
use super::rules::{is_comma, is_quote, quoted_after, CLOSE_QUOTES, OPEN_QUOTES};
use crate::model::{Candidate, EntityType, Origin, Token, TokenKind};

/// `منظمة معاهدة الأمن الجماعي (CSTO)`, `حلف شمال الأطلسي «ناتو»`: one bracketed or quoted word
/// right after an organisation's or event's name is an alias of it; so is a rare word after a
/// person's full name, the nickname (`محمد مجدي "أفشة"`).
pub(super) fn after_names(words: &[Token], ask: &Ask, known: &[Candidate], out: &mut Vec<Candidate>) {
    for c in known {
        // `وكالة الأنباء الليبية الرسمية “وال”`: a status adjective may come between.
        let gap = words.get(c.last).is_some_and(|w| ask.lex.status_adjectives.contains(w.norm())) as usize;
        let (Some(open), Some(inner), Some(close)) = (words.get(c.last + gap), words.get(c.last + gap + 1), words.get(c.last + gap + 2)) else {
            continue;
        };
        let bracketed = (open.is_punct("(") && close.is_punct(")")) || (is_quote(open, &OPEN_QUOTES) && is_quote(close, &CLOSE_QUOTES));
        let acronym = inner.kind == TokenKind::Latin && inner.text.chars().all(|ch| ch.is_ascii_uppercase());
        // A person's nickname (`محمد مجدي "أفشة"`, `محمد مجدي (قفشة)`): a rare word, no ordinary
        // one (`(أرشيف)`, `(يمين)`), and not a club's or a country's (a list's name of another
        // type, below).
        let person = c.kind == EntityType::Per;
        let nickname = person && inner.is_body_arabic() && inner.splits.len() == 1 && !ask.common(inner) && !ask.function(inner) && ask.lex.zipf(inner.norm()) < 30;
        let arabic_alias = inner.is_body_arabic() && !inner.text.starts_with("ال") && (!inner.text.ends_with('ة') || nickname) && (!person || nickname);
        // A place's name in a dateline is followed by the agency's (`دبي، الإمارات العربية المتحدة
        // (CNN) —`): only organisations, events and people take an alias this way.
        let aliased_kind = matches!(c.kind, EntityType::Org | EntityType::Misc) || person && !acronym;
        // A club's country in brackets (`ريال مدريد (إسبانيا)`) is no alias: a word a list knows as
        // a name of another type, or as a place, is not taken as one.
        let listed_otherwise = ask.lex.names.get(inner.norm()).is_some_and(|e| e.kind != c.kind) || ask.lex.place(inner.norm()).is_some();
        if bracketed && aliased_kind && !listed_otherwise && inner.is_body_word() && (acronym || arabic_alias) && c.key.contains(' ') {
            let mut a = make(words, c.last + gap + 1, None, c.last + gap + 1, c.kind, Origin::Alias, 6);
            a.alias_of = Some(c.key.clone());
            a.key = inner.norm().to_string();
            out.push(a);
        }
    }
}

/// Words that introduce another name of what was just named (`المعروف باسم`, `الملقب بـ`).
const KNOWN_AS: [&str; 12] = ["المعروف", "المعروفة", "المعروفين", "المعروفون", "الملقب", "الملقبة", "المسمى", "المسماة", "يعرف", "تعرف", "يلقب", "تلقب"];

/// A quoted name after [`KNOWN_AS`] (and `باسم` or `بـ`): an alias of the name right before
/// (a comma between allowed), of its type; with no name before, a person's if it starts with a
/// kunya (`المعروف بـ"أبو محمد"`).
pub(super) fn known_as(words: &[Token], known: &[Candidate], out: &mut Vec<Candidate>) {
    let triggers: Vec<String> = KNOWN_AS.iter().map(|t| crate::normalize::normalize(t)).collect();
    for i in 0..words.len() {
        let w = &words[i];
        if !w.is_body_arabic() || !triggers.iter().any(|t| t == w.norm()) {
            continue;
        }
        let mut j = i + 1;
        if words.get(j).is_some_and(|x| x.is_body_arabic() && matches!(x.norm(), "باسم" | "ب")) {
            j += 1;
        } else if !w.norm().starts_with("ال") {
            // The verbs also mean "knows": `يعرف "جيدا"` gives no name without `باسم`/`بـ`.
            continue;
        }
        let Some((first, last)) = quoted_after(words, j - 1) else { continue };
        let before = known
            .iter()
            .filter(|c| words[c.first].sentence == w.sentence && (c.last == i || (c.last + 1 == i && is_comma(&words[c.last]))))
            .max_by_key(|c| c.last - c.first);
        let kunya = matches!(words[first].norm(), "ابو" | "ام");
        match before {
            Some(c) => {
                let mut a = make(words, first, None, last, c.kind, Origin::Alias, 6);
                a.alias_of = Some(c.key.clone());
                out.push(a);
            }
            None if kunya && last > first => out.push(make(words, first, None, last, EntityType::Per, Origin::Alias, 6)),
            None => {}
        }
    }
}
