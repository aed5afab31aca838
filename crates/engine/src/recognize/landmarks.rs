//! Landmarks, spacecraft and political groups named by ordinary words: `سد النهضة` ("the dam of
//! the renaissance"), `مسبار الأمل` ("the probe of hope"), `التيار الصدري` ("the Sadrist
//! current"). Their second word is a common noun with the
//! article, as in any construct (`سد المياه`, "the water's dam"), so one occurrence proves nothing;
//! what makes them names is that the story keeps calling the thing so.
//!
//! Rules:
//! - a head without the article, after at most a conjunction or preposition: a site's
//!   (`[facility_heads]`: `جسر`, `مطار` …, and `سد`, a place:
//!   LOC), a craft's (`[craft_heads]`: `مسبار`, `تلسكوب`,
//!   named things: MISC) or an event's (`[happening_heads]`:
//!   `موكب`, `انتفاضة`: MISC);
//! - then, in the same sentence, a quoted name (`مسبار "الأمل"`: a name whatever else the story
//!   says, the marks in the span), or one word with the article that is no relative adjective, no
//!   function or time word and no name or place a list knows (those are the facility rule's);
//! - then the relative adjectives that follow (`سد النهضة الإثيوبي`), keyed by the core: one
//!   landmark however it is qualified;
//! - the head and that word (the *core*, `سد النهضة`) is a name of the story when it stands in
//!   two articles or more, or was quoted once ([`Landmarks`]); it is then found wherever it is
//!   written (as names found elsewhere in the corpus are), with its adjectives where it has them;
//! - a political group: a definite head of `[group_heads]`
//!   (`التيار`, `الإطار`, `الكتلة` …) and its relative adjectives, confirmed the same way (ORG);
//!   and a zone by its colour (`المنطقة الخضراء`; LOC).

use super::ask::Ask;
use super::gazetteer::{next_word, CorpusNames};
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};

/// A quoted reading's priority: a name whatever else the story says.
const QUOTED: u8 = 6;

/// Every landmark reading of a document, before the story confirms it: keyed by its core, with
/// priority [`QUOTED`] if quoted (5 otherwise).
pub fn readings(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let joined = |a: &str, b: &str| {
        let mut v = [ask.lex.heads(a), ask.lex.heads(b)].concat();
        crate::sort::natural(&mut v);
        v
    };
    let (sites, crafts) = (joined("facility_heads", "landmark_only_heads"), joined("craft_heads", "happening_heads"));
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        if !w.is_body_arabic() {
            continue;
        }
        let Some(split) = super::constructs::head_readings(w).find(|s| sites.contains(&s.stem) || crafts.contains(&s.stem)) else { continue };
        let kind = if crafts.contains(&split.stem) { EntityType::Misc } else { EntityType::Loc };
        let (last, core, priority) = if let Some((first, last)) = super::rules::quoted_after(words, i).filter(|&(f, _)| !ask.function(&words[f])) {
            let mut core = split.stem.clone();
            for x in words[first..=last].iter().filter(|x| x.is_body_word()) {
                core.push(' ');
                core.push_str(x.norm());
            }
            (last + 1, core, QUOTED)
        } else {
            let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence) else { continue };
            let x = &words[j];
            let known = ask.lex.names.contains_key(x.norm()) || ask.lex.place(x.norm()).is_some();
            if !(x.is_body_arabic() && x.splits.len() == 1 && ask.has_article(x) && !ask.nisba(x) && !ask.function(x) && !ask.temporal(x) && !known) {
                continue;
            }
            let mut last = j;
            while let Some(k) = next_word(words, last).filter(|&k| words[k].sentence == w.sentence && ask.nisba(&words[k])) {
                last = k;
            }
            (last, format!("{} {}", split.stem, x.norm()), 5)
        };
        let mut cand = make(words, i, Some(split), last, kind, Origin::Rule(RuleId::Landmark), priority);
        cand.key = core;
        out.push(cand);
    }
    out.extend(groups(words, ask));
    out
}

/// Political groups named by a definite noun and its relative adjectives (`[group_heads]`:
/// `التيار الصدري`, `الإطار التنسيقي`, `الكتلة الصدرية`, `التحالف العربي`): ORG, keyed by the head
/// and its first adjective. As for the landmarks, one occurrence proves nothing (`التيار
/// الإسلامي` is a trend of opinion); the story keeps naming it, or quotes it (`“التيّار الصدري”`).
fn groups(words: &[Token], ask: &Ask) -> Vec<Candidate> {
    let heads = ask.lex.heads("group_heads");
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        if !w.is_body_arabic() {
            continue;
        }
        // A zone by its colour (`المنطقة الخضراء`, Baghdad's Green Zone): a place, confirmed the
        // same way (`المنطقة الحمراء` may be any danger zone).
        if let Some(split) = super::constructs::head_readings(w).find(|s| s.stem == "المنطقه") {
            if let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence && matches!(words[j].norm(), "الخضراء" | "الحمراء" | "الزرقاء" | "الصفراء")) {
                out.push(make(words, i, Some(split), j, EntityType::Loc, Origin::Rule(RuleId::Landmark), 5));
            }
            continue;
        }
        let Some(split) = super::constructs::head_readings(w).find(|s| heads.contains(&s.stem)) else { continue };
        let Some(j) = next_word(words, i).filter(|&j| words[j].sentence == w.sentence && words[j].is_body_arabic() && ask.nisba(&words[j])) else { continue };
        let mut last = j;
        while let Some(k) = next_word(words, last).filter(|&k| words[k].sentence == w.sentence && ask.nisba(&words[k])) {
            last = k;
        }
        // "Free", as party names end (`التيار الوطني الحر`).
        if let Some(k) = next_word(words, last).filter(|&k| words[k].sentence == w.sentence && matches!(words[k].norm(), "الحر" | "الحره")) {
            last = k;
        }
        let open = i > 0 && matches!(words[i - 1].text, "\"" | "«" | "“");
        let close = words.get(last + 1).is_some_and(|x| matches!(x.text, "\"" | "»" | "”"));
        let mut cand = make(words, i, Some(split), last, EntityType::Org, Origin::Rule(RuleId::Landmark), if open && close { QUOTED } else { 5 });
        cand.key = format!("{} {}", split.stem, words[j].norm());
        out.push(cand);
    }
    out
}

/// The landmarks of a story, added article by article: the cores seen in one article, and those
/// confirmed (seen in two articles or more, or quoted once), with their types.
#[derive(Debug, Default)]
pub struct Landmarks {
    once: CorpusNames,
    confirmed: CorpusNames,
}

impl Landmarks {
    /// Count one article's readings (each core once per article).
    pub fn add(&mut self, readings: &[Candidate]) {
        let mut here: Vec<&str> = Vec::new();
        for r in readings {
            if r.priority == QUOTED || (self.once.contains_key(&r.key) && !here.contains(&r.key.as_str())) {
                self.confirmed.insert(r.key.clone(), r.kind);
            }
            self.once.insert(r.key.clone(), r.kind);
            here.push(&r.key);
        }
    }

    /// The confirmed cores become names of the corpus (a name found otherwise keeps its type).
    pub fn confirm(&self, corpus: &mut CorpusNames) {
        for (core, kind) in &self.confirmed {
            corpus.entry(core.clone()).or_insert(*kind);
        }
    }
}

/// The readings of a document the story confirmed: quoted, or with a core among the corpus names.
pub fn confirmed(words: &[Token], ask: &Ask, corpus: &CorpusNames) -> Vec<Candidate> {
    let mut r = readings(words, ask);
    r.retain(|c| c.priority == QUOTED || corpus.contains_key(&c.key));
    r
}

#[cfg(test)]
mod tests {
    use crate::model::EntityType;
    use crate::pipeline::analyze;
    use crate::model::Document;

    /// The names of every mention of `texts` analysed as one story: (text, type).
    fn found(texts: &[&str]) -> Vec<(String, EntityType)> {
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document { id: format!("d{i}"), file: format!("d{i}.txt"), title: "t".into(), text: t.to_string(), ..Default::default() }).collect();
        analyze(&docs).documents.iter().flat_map(|d| d.mentions.iter().map(|m| (m.text.clone(), m.kind))).collect()
    }

    #[test]
    fn a_dam_the_story_keeps_naming_is_a_place() {
        let got = found(&["أعلنت إثيوبيا اكتمال الملء الثاني لسد النهضة الإثيوبي.", "قال الوزير إن المياه تجاوزت سد النهضة."]);
        assert!(got.contains(&("سد النهضة الإثيوبي".into(), EntityType::Loc)), "{got:?}");
        assert!(got.contains(&("سد النهضة".into(), EntityType::Loc)), "{got:?}");
    }

    #[test]
    fn one_article_alone_proves_nothing() {
        let got = found(&["أعلنت إثيوبيا اكتمال الملء الثاني لسد النهضة.", "قال الوزير إن المياه وصلت."]);
        assert!(!got.iter().any(|(t, _)| t.contains("النهضة")), "{got:?}");
    }

    #[test]
    fn a_quoted_probe_is_a_named_thing_and_so_is_its_name_unquoted() {
        let got = found(&["نجح مسبار \"الأمل\" في الوصول إلى المدار.", "احتاج مسبار الأمل إلى الوقود."]);
        assert!(got.contains(&("مسبار \"الأمل\"".into(), EntityType::Misc)), "{got:?}");
        assert!(got.contains(&("مسبار الأمل".into(), EntityType::Misc)), "{got:?}");
    }

    #[test]
    fn a_parade_the_story_keeps_naming_is_an_event() {
        let got = found(&["انطلق موكب المومياوات الملكية نحو الفسطاط.", "تابع الملايين موكب المومياوات الملكية على الشاشات."]);
        assert!(got.contains(&("موكب المومياوات الملكية".into(), EntityType::Misc)), "{got:?}");
        let got = found(&["انطلق موكب السيارات نحو المطار.", "قال الوزير إن المياه وصلت."]);
        assert!(!got.iter().any(|(t, _)| t.contains("موكب")), "{got:?}");
    }

    #[test]
    fn a_group_the_story_keeps_naming_is_an_organisation() {
        let got = found(&["اقتحم أنصار التيار الصدري البرلمان.", "دعا الإطار التنسيقي أنصار “التيّار الصدري” إلى الحوار."]);
        assert!(got.contains(&("التيار الصدري".into(), EntityType::Org)), "{got:?}");
        assert!(got.contains(&("التيّار الصدري".into(), EntityType::Org)), "{got:?}");
        // Named once, unquoted: a trend of opinion, nothing more.
        assert!(!got.iter().any(|(t, _)| t.contains("التنسيقي")), "{got:?}");
        let got = found(&["تقدم التيار الوطني الحر في زحلة.", "خسر التيار الوطني مقعدين."]);
        assert!(got.contains(&("التيار الوطني الحر".into(), EntityType::Org)), "{got:?}");
        let got = found(&["صعد التيار الإسلامي في الانتخابات.", "قال الوزير إن المياه وصلت."]);
        assert!(!got.iter().any(|(t, _)| t.contains("التيار")), "{got:?}");
    }
}
