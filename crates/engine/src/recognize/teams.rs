//! National teams as sports pages name them besides `المنتخب السعودي` (the head rule of
//! [`super::constructs`]): by their colour and their country's adjective (`الأخضر السعودي`),
//! then by the colour alone in that article; and by their nicknames (`نسور قرطاج`, `أسود
//! الأطلس`), the same key as the team the head rule names, so that all are one team. A club
//! named after a team's role in construct (`لاعب كايزر تشيفز`) is an organisation, not a person.

use super::ask::Ask;
use super::constructs::{head_of, matching};
use super::gazetteer::next_word;
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// The place a national team is named after, without its article: `السعودي` and `السعودية` both
/// give `سعوديه`, so that `المنتخب السعودي`, `المنتخب الوطني السعودي` and `منتخب السعودية` are one
/// key, one team.
pub(super) fn team_place(w: &Token, ask: &Ask) -> Option<String> {
    ask.place_of_nisba(w).or_else(|| {
        let n = w.norm();
        let known = ask.lex.place(n).is_some() || ask.lex.names.get(n).is_some_and(|e| e.kind == EntityType::Loc);
        known.then(|| n.strip_prefix("ال").unwrap_or(n).to_string())
    })
}

/// National teams by their colour, the way sports pages name them: a colour with the article and
/// the relative adjective of a country (`الأخضر السعودي`, `الأزرق الكويتي`) is that country's
/// team, one key with `المنتخب السعودي`; the colour alone in the same article (`فوز الأخضر`,
/// `للأخضر`) is the same team. Not a colour that describes the word before it (`الضوء الأخضر`,
/// `البحر الأحمر`: a definite word before) nor a family name (`علي محسن الأحمر`).
pub(super) fn colours(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let colours = ask.lex.heads("team_colours");
    // The colour as a noun: after a proclitic, or after a word that is neither definite nor a name.
    let colour_at = |i: usize| {
        let w = &words[i];
        let split = (!w.boiler && w.is_body_arabic()).then(|| head_of(w, &colours)).flatten()?;
        let before = (i > 0 && words[i - 1].sentence == w.sentence && words[i - 1].is_body_word()).then(|| &words[i - 1]);
        // A definite word before, with a proclitic too (`بالضوء الأخضر`, `للهلال الأحمر`).
        let definite = |b: &Token| ask.has_article(b) || b.splits.iter().any(|s| !s.clitics.is_empty() && s.stem.starts_with("ال"));
        let noun = !split.clitics.is_empty() || before.is_none_or(|b| !definite(b) && !ask.first_name(b) && !ask.lex.names.contains_key(b.norm()) && !(ask.name_like(b) && ask.lex.zipf(b.norm()) < 40));
        noun.then_some(split)
    };
    let mut out: Vec<Candidate> = Vec::new();
    let mut named: Vec<(String, String)> = Vec::new();
    for i in 0..words.len() {
        let Some(split) = colour_at(i) else { continue };
        let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == words[i].sentence) else { continue };
        if let Some(place) = ask.place_of_nisba(&words[j]) {
            let mut c = make(words, i, Some(split), j, EntityType::Org, Origin::Rule(RuleId::Team), 5);
            c.key = format!("منتخب {place}");
            named.push((split.stem.clone(), c.key.clone()));
            out.push(c);
        }
    }
    for i in 0..words.len() {
        let Some(split) = colour_at(i) else { continue };
        // Two teams of one colour in the article (`الأحمر البحريني`, `الأحمر العماني`): the colour
        // alone could be either.
        let mut teams = named.iter().filter(|(colour, _)| *colour == split.stem).map(|(_, key)| key);
        let Some(key) = teams.next() else { continue };
        if teams.any(|k| k != key) {
            continue;
        }
        if !out.iter().any(|c| c.first == i) {
            let mut c = make(words, i, Some(split), i, EntityType::Org, Origin::Rule(RuleId::Team), 5);
            c.key = key.clone();
            out.push(c);
        }
    }
    out
}

/// National teams by their nickname (`[team_nicknames]`: `نسور قرطاج`, `أسود الأطلس`, `محاربو
/// الصحراء`; a proclitic on the first word, `لنسور قرطاج`), with `منتخب` when it stands right
/// before, a quotation mark between (`منتخب "نسور قرطاج"`): ORG, keyed as the team of the country
/// the list gives (`منتخب تونس`), one team with `المنتخب التونسي`.
pub(super) fn nicknames(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let names = &ask.lex.team_nicknames;
    let team = matching(&["منتخب"]);
    // The nicknames' first words, so that a word no nickname opens with is passed over at once
    // (comparing every word with every nickname was a fifth of the analysis time).
    let firsts: std::collections::HashSet<&str> = names.iter().map(|(n, _)| n[0].as_str()).collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        if words[i].boiler || !super::constructs::head_readings(&words[i]).any(|s| firsts.contains(s.stem.as_str())) {
            continue;
        }
        for (nick, place) in names {
            let Some(split) = head_of(&words[i], &nick[..1]) else { continue };
            let Some(mut last) = super::gazetteer::phrase_after(words, i, &nick[1..]) else { continue };
            let quoted = i > 0 && matches!(words[i - 1].text, "\"" | "«" | "“");
            let head = i.checked_sub(if quoted { 2 } else { 1 }).filter(|&h| words[h].sentence == words[i].sentence && head_of(&words[h], &team).is_some());
            // With `منتخب` and an opening mark, the closing one too (`منتخب "نسور قرطاج"`).
            if quoted && head.is_some() && words.get(last + 1).is_some_and(|w| w.glued && matches!(w.text, "\"" | "»" | "”")) {
                last += 1;
            }
            let mut c = match head {
                Some(h) => make(words, h, head_of(&words[h], &team), last, EntityType::Org, Origin::Rule(RuleId::Team), 5),
                None => make(words, i, Some(split), last, EntityType::Org, Origin::Rule(RuleId::Team), 5),
            };
            c.key = format!("منتخب {place}");
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::constructs::tests::{found, keys};
    use crate::model::EntityType;

    #[test]
    fn a_national_team_by_its_colour() {
        use EntityType::Org;
        let text = "تقدم الأزرق الكويتي بهدف، ثم عادل الفريق، لكن الهدف الثاني للأزرق جاء متأخرا وأعطى الضوء الأخضر للمدرب.";
        let team = |s: &str| (s.to_string(), Org);
        assert_eq!(found(text), [team("الأزرق الكويتي"), team("لأزرق")]);
        // The colour alone and the colour with the country are the team that `المنتخب الكويتي` names.
        let k = keys(text);
        assert_eq!(k, [keys("فاز المنتخب الكويتي على")[0].clone(), k[0].clone()]);
        // No team named by its colour in the article: the colour alone is a colour.
        assert!(found("تقدم الأزرق بهدف وأعطى الضوء الأخضر").is_empty());
        // A colour after a definite noun or a name describes it or is a family name.
        assert!(found("أعلن البيت الأبيض الأمريكي ووصل علي محسن الأحمر اليمني").is_empty());
        assert!(found("حظي المشروع بالضوء الأخضر الأمريكي وتبرع للهلال الأحمر القطري").is_empty());
        // Two teams of one colour: the colour alone is neither.
        let two = found("لعب الأحمر البحريني ضد الأحمر العماني، وفاز الأحمر بهدف");
        assert_eq!(two.len(), 2, "{two:?}");
    }

    #[test]
    fn a_national_team_by_its_nickname() {
        use EntityType::Org;
        let team = |s: &str| (s.to_string(), Org);
        assert_eq!(found("ولم يتمكن نسور قرطاج من استغلال الفرص"), [team("نسور قرطاج")]);
        assert_eq!(found("واندفع منتخب \"نسور قرطاج\" للهجوم"), [team("منتخب \"نسور قرطاج\"")]);
        assert_eq!(found("فوز لمحاربي الصحراء على"), [team("محاربي الصحراء")]);
        // One team with the team the head rule names.
        assert_eq!(keys("تأهل أسود الأطلس إلى"), keys("تأهل المنتخب المغربي إلى"));
        assert_ne!(keys("تأهل أسود الأطلس إلى"), keys("تأهل المنتخب التونسي إلى"));
        // Half a nickname is nothing.
        assert!(found("زار قرطاج الأثرية").iter().all(|(_, k)| *k != Org));
    }
}

/// A name the tagger or the story read as a person's, in construct after an indefinite noun of a
/// team's people or things (`[team_roles]`: `لاعب`, `مهاجم`,
/// `مرمى`, `دفاعات` …), with at most `و`/`ب`/`ل`/`ف` before it, is a club's: an organisation
/// (`وطُرد هابي ماشيان لاعب كايزر تشيفز`). Not after a definite noun (`اللاعب محمد صلاح`: the
/// player himself), nor a name a list knows as a person's.
pub fn clubs_after_roles(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    let roles = ask.lex.heads("team_roles");
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per && matches!(c.origin, Origin::Tagger | Origin::Corpus) && c.first > 0) {
        let b = &words[c.first - 1];
        let role = b.is_body_arabic() && b.sentence == words[c.first].sentence && b.splits.iter().any(|s| matches!(s.clitics, "" | "و" | "ب" | "ل" | "ف") && roles.contains(&s.stem));
        let person = ask.first_name(&words[c.first]) || ask.lex.names.get(&c.key).is_some_and(|e| e.kind == EntityType::Per);
        if role && !person && c.byte_start == words[c.first].start {
            c.kind = EntityType::Org;
        }
    }
}

/// A team, federation or competition written with its sport right after it (`الاتحاد الدولي لكرة
/// القدم`, `منتخب المغرب لكرة القدم`, `كأس العرب لكرة القدم 2021`, `الاتحاد العربي لألعاب القوى`)
/// takes the sport in, and a competition its year after that: the sport is part of the name, as
/// ANERcorp marks it (`الاتحاد الدولي لكرة القدم`, `كأس العالم لكرة القدم`). Not past anything
/// between (`ريال مدريد الإسباني لكرة القدم`: the sport describes the club there), nor after a
/// one-word club (`للفريق الأهلي لكرة القدم`: ANERcorp leaves it out; a federation or a national
/// team has two words at least).
pub fn sport_after(words: &[Token], cands: &mut [Candidate]) {
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Misc || c.kind == EntityType::Org && c.last - c.first >= 2) {
        let (j, k) = (c.last, c.last + 1);
        let sentence = words[c.first].sentence;
        let same = |i: usize| i < words.len() && words[i].sentence == sentence;
        if same(k) && matches!(words[j].norm(), "لكره" | "للكره" | "لالعاب") && matches!(words[k].norm(), "القدم" | "السله" | "اليد" | "الطائره" | "القوي" | "المضرب" | "الطاوله") {
            // The key stays the name's: `كأس العرب` and `كأس العرب لكرة القدم` are one cup.
            let end = if c.kind == EntityType::Misc && same(k + 1) && year(&words[k + 1]) { k + 1 } else { k };
            c.last = end + 1;
            c.byte_end = words[end].end;
        }
    }
}

/// A one-word name read as a person's (by the tagger or the story), right before a year, is an
/// event named with its year (`إكسبو 2030`, `يورو 2024`): no person's name is written followed
/// by a bare year. The event's head before it is taken in (`معرض إكسبو 2030`, as `قمة "العلا"`).
pub fn events_with_year(words: &[Token], ask: &Ask, cands: &mut [Candidate]) {
    let heads = ask.lex.heads("event_weak_heads");
    for c in cands.iter_mut().filter(|c| c.kind == EntityType::Per && c.last - c.first == 1 && matches!(c.origin, Origin::Tagger | Origin::Corpus)) {
        let Some(y) = words.get(c.last).filter(|y| y.sentence == words[c.first].sentence && year(y)) else {
            continue;
        };
        if ask.first_name(&words[c.first]) {
            continue;
        }
        c.kind = EntityType::Misc;
        c.key = format!("{} {}", c.key, y.norm());
        c.byte_end = y.end;
        c.last += 1;
        if let Some(h) = c.first.checked_sub(1).filter(|&h| words[h].sentence == words[c.first].sentence && c.byte_start == words[c.first].start) {
            if let Some(s) = head_of(&words[h], &heads) {
                c.byte_start = words[h].stem_start(s);
                c.first = h;
            }
        }
    }
}

/// A year written in digits, 1900–2099.
fn year(w: &Token) -> bool {
    w.kind == crate::model::TokenKind::Number && w.text.len() == 4 && (w.text.starts_with("19") || w.text.starts_with("20"))
}
