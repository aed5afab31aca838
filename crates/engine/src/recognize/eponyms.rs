//! Institutions and sites named after a person: `جامعة الملك سعود`, `مطار الملكة علياء الدولي`,
//! `مركز محمد بن راشد للفضاء`, `مستشفى الملك فيصل التخصصي`. Read word by word, the person's name
//! is a person (a title before a given name) and the head an organisation of one word; a reader
//! sees one university, one airport.
//!
//! Rules, after the finders' candidates are resolved:
//! - a head without the article, after at most a conjunction or preposition: an organisation's
//!   ([`HEADS`]: `جامعة`, `مركز`, `مؤسسة`, `شارع` …; ORG, LOC for streets) or a site's
//!   (`[facility_heads]`: `مطار`, `مستشفى`, `ملعب` …; LOC);
//! - then a royal or religious title (`الملك`, `الملكة`, `الأمير`, `الشيخ`, `السلطان`, `الإمام` …)
//!   and a person's name, or a given name a list knows with more of a name after it (`بن`, `آل`, a
//!   family name: `محمد بن راشد`, `رفيق الحريري`); the name's words as the title rule reads them;
//! - then a regnal number (`محمد الخامس`), the relative adjectives (`الدولي`, `التخصصي`; one the
//!   person's name took as a family name is given back: `علياء الدولي`), and a domain with `لل`
//!   and its adjectives after an organisation (`للفضاء`, `للعلوم`);
//! - the whole replaces what was found on its words (the person, the head alone).

use super::ask::Ask;
use super::gazetteer::next_word;
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// Heads of institutions named after people (matching form; ORG, or LOC for streets, parks and
/// museums; `طريق الأمير محمد بن عبدالعزيز`, a road). Not companies' and banks' (`شركة علي بابا` is Alibaba, a brand), and never a head
/// with the article (`رئيس اللجنة محمد فال`: the committee's chairman and his name).
const HEADS: [(&str, EntityType); 15] = [
    ("جامعه", EntityType::Org),
    ("مؤسسه", EntityType::Org),
    ("معهد", EntityType::Org),
    ("مركز", EntityType::Org),
    ("مدرسه", EntityType::Org),
    ("كليه", EntityType::Org),
    ("اكاديميه", EntityType::Org),
    ("مكتبه", EntityType::Org),
    ("مجمع", EntityType::Org),
    ("جمعيه", EntityType::Org),
    ("صندوق", EntityType::Org),
    ("متحف", EntityType::Loc),
    ("شارع", EntityType::Loc),
    ("طريق", EntityType::Loc),
    ("حديقه", EntityType::Loc),
];

/// Titles a person an institution is named after carries (matching form).
const TITLES: [&str; 9] = ["الملك", "الملكه", "الامير", "الاميره", "الشيخ", "الشيخه", "السلطان", "الامام", "الرئيس"];

/// The head at `w` (after at most a conjunction or preposition) and the type of what it names.
fn head<'w>(w: &'w Token, facility: &[String]) -> Option<(&'w crate::model::Split, EntityType)> {
    super::constructs::head_readings(w).find_map(|s| {
        let kind = if facility.contains(&s.stem) { EntityType::Loc } else { HEADS.iter().find(|(h, _)| *h == s.stem)?.1 };
        Some((s, kind))
    })
}

/// The institution or site named after a person whose head is the word at `i`: its last word and type.
fn named_after(words: &[Token], ask: &Ask, i: usize, facility: &[String]) -> Option<(usize, EntityType)> {
    let w = &words[i];
    let (_, kind) = head(w, facility)?;
    let same = |k: &usize| words[*k].sentence == w.sentence;
    let j = next_word(words, i).filter(same)?;
    let titled = TITLES.contains(&words[j].norm());
    let p = if titled { next_word(words, j).filter(same)? } else { j };
    if !titled && !ask.first_name(&words[p]) {
        return None;
    }
    let mut last = super::rules::person_run(words, ask, &[], p, &ask.lex.first_names, titled)?;
    // An adjective the name took as a family name is the institution's.
    while last > p && ask.nisba(&words[last]) && !ask.lex.names.contains_key(words[last].norm()) {
        last -= 1;
    }
    if !titled && last == p {
        return None;
    }
    let after = |k: usize| next_word(words, k).filter(same);
    if let Some(k) = after(last).filter(|&k| ask.lex.ordinals.contains(words[k].norm())) {
        last = k;
    }
    while let Some(k) = after(last).filter(|&k| ask.nisba(&words[k]) && !ask.nisba_of_place(&words[k])) {
        last = k;
    }
    // (A site's `لل…` is what it is for: `مسجد بلال بن رباح للصلاة`.)
    if let Some(k) = after(last).filter(|&k| kind == EntityType::Org && words[k].norm().starts_with("لل") && words[k].norm().chars().count() >= 5 && !ask.function(&words[k])) {
        last = k;
        while let Some(k) = after(last).filter(|&k| ask.nisba(&words[k])) {
            last = k;
        }
    }
    Some((last, kind))
}

/// Replace what was found on the words of each institution or site named after a person by it.
pub fn institutions(words: &[Token], ask: &Ask, cands: &mut Vec<Candidate>) {
    let facility = ask.lex.heads("facility_heads");
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // `عن طريق محمد شريف`, "by way of", names no road.
        let by_way_of = words[i].norm() == "طريق" && i > 0 && words[i - 1].norm() == "عن";
        if words[i].is_body_arabic() && !by_way_of {
            if let Some((last, kind)) = named_after(words, ask, i, &facility) {
                let split = head(&words[i], &facility).map(|(s, _)| s);
                let rule = if kind == EntityType::Org { RuleId::Organisation } else { RuleId::Facility };
                found.push(make(words, i, split, last, kind, Origin::Rule(rule), 5));
                i = last + 1;
                continue;
            }
        }
        i += 1;
    }
    for f in &found {
        cands.retain(|c| c.last <= f.first || c.first >= f.last);
    }
    cands.extend(found);
    crate::sort::by_key(cands, |c| (c.first, c.last));
}

#[cfg(test)]
mod tests {
    use crate::model::{Document, EntityType};

    fn found(text: &str) -> Vec<(String, EntityType)> {
        let d = Document { id: "t".into(), file: "t.txt".into(), title: "t".into(), text: text.into(), ..Default::default() };
        crate::pipeline::analyze(&[d]).documents[0].mentions.iter().map(|m| (m.text.clone(), m.kind)).collect()
    }

    #[test]
    fn an_institution_named_after_a_king_is_one_name() {
        let got = found("وزار الوفد جامعة الملك سعود ومستشفى الملك فيصل التخصصي ومطار الملكة علياء الدولي.");
        assert!(got.contains(&("جامعة الملك سعود".into(), EntityType::Org)), "{got:?}");
        assert!(got.contains(&("مستشفى الملك فيصل التخصصي".into(), EntityType::Loc)), "{got:?}");
        assert!(got.contains(&("مطار الملكة علياء الدولي".into(), EntityType::Loc)), "{got:?}");
        assert!(!got.iter().any(|(_, t)| *t == EntityType::Per), "{got:?}");
    }

    #[test]
    fn a_centre_named_after_a_ruler_with_its_domain() {
        let got = found("وقال مركز محمد بن راشد للفضاء إن المهمة نجحت، وهنأ الشيخ محمد بن راشد الفريق.");
        assert!(got.contains(&("مركز محمد بن راشد للفضاء".into(), EntityType::Org)), "{got:?}");
        assert!(got.contains(&("محمد بن راشد".into(), EntityType::Per)), "{got:?}");
    }

    #[test]
    fn a_road_named_after_a_prince_but_not_by_way_of_a_player() {
        let got = found("وعلقت الأعلام على طريق الأمير محمد بن عبدالعزيز في الرياض.");
        assert!(got.contains(&("طريق الأمير محمد بن عبدالعزيز".into(), EntityType::Loc)), "{got:?}");
        let got = found("وسجل الفريق ثلاثة أهداف عن طريق محمد شريف ومحمد مجدي.");
        assert!(got.contains(&("محمد شريف".into(), EntityType::Per)), "{got:?}");
    }
}
