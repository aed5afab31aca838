//! Landmarks and spacecraft named by an ordinary word: `سد النهضة` ("the dam of the
//! renaissance"), `مسبار الأمل` ("the probe of hope"). Their second word is a common noun with the
//! article, as in any construct (`سد المياه`, "the water's dam"), so one occurrence proves nothing;
//! what makes them names is that the story keeps calling the thing so.
//!
//! Rules:
//! - a head without the article, after at most a conjunction or preposition: a site's
//!   ([`FACILITY_HEADS`](crate::lexicon::words::FACILITY_HEADS): `جسر`, `مطار` …, and `سد`, a place:
//!   LOC) or a craft's ([`CRAFT_HEADS`](crate::lexicon::words::CRAFT_HEADS): `مسبار`, `تلسكوب`,
//!   named things: MISC);
//! - then, in the same sentence, a quoted name (`مسبار "الأمل"`: a name whatever else the story
//!   says, the marks in the span), or one word with the article that is no relative adjective, no
//!   function or time word and no name or place a list knows (those are the facility rule's);
//! - then the relative adjectives that follow (`سد النهضة الإثيوبي`), keyed by the core: one
//!   landmark however it is qualified;
//! - the head and that word (the *core*, `سد النهضة`) is a name of the story when it stands in
//!   two articles or more, or was quoted once ([`Landmarks`]); it is then found wherever it is
//!   written (as names found elsewhere in the corpus are), with its adjectives where it has them.

use super::ask::Ask;
use super::gazetteer::{next_word, CorpusNames};
use super::make;
use crate::model::{Candidate, EntityType, Origin, RuleId, Token};
use rustc_hash::FxHashMap;

/// A landmark's reading at one place: the candidate, its core key and whether it was quoted.
#[derive(Debug, Clone)]
pub struct Landmark {
    pub cand: Candidate,
    pub core: String,
    pub quoted: bool,
}

/// Every landmark reading of a document, before the story confirms it.
pub fn readings(words: &[Token], ask: &Ask) -> Vec<Landmark> {
    use crate::lexicon::words::{CRAFT_HEADS, FACILITY_HEADS, LANDMARK_ONLY_HEADS};
    let heads: Vec<(String, EntityType)> = FACILITY_HEADS
        .iter()
        .chain(LANDMARK_ONLY_HEADS)
        .map(|h| (h, EntityType::Loc))
        .chain(CRAFT_HEADS.iter().map(|h| (h, EntityType::Misc)))
        .map(|(h, t)| (crate::normalize::normalize(h), t))
        .collect();
    let mut out = Vec::new();
    for i in 0..words.len() {
        let w = &words[i];
        if !w.is_body_arabic() {
            continue;
        }
        let head = w.splits.iter().filter(|s| matches!(s.clitics, "" | "و" | "ف" | "ب" | "ل" | "و+ب" | "و+ل")).find_map(|s| heads.iter().find(|(h, _)| *h == s.stem).map(|(_, t)| (s, *t)));
        let Some((split, kind)) = head else { continue };
        if let Some((first, last)) = super::rules::quoted_after(words, i).filter(|&(f, _)| !ask.function(&words[f])) {
            let core = std::iter::once(split.stem.as_str()).chain(words[first..=last].iter().filter(|x| x.is_body_word()).map(|x| x.norm())).collect::<Vec<_>>().join(" ");
            let mut cand = make(words, i, Some(split), last + 1, kind, Origin::Rule(RuleId::Landmark), 5);
            cand.key.clone_from(&core);
            out.push(Landmark { cand, core, quoted: true });
            continue;
        }
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
        let core = format!("{} {}", split.stem, x.norm());
        let mut cand = make(words, i, Some(split), last, kind, Origin::Rule(RuleId::Landmark), 5);
        cand.key.clone_from(&core);
        out.push(Landmark { cand, core, quoted: false });
    }
    out
}

/// The landmarks of a story: each core, its type, the articles it stands in and whether it was
/// quoted, added article by article.
#[derive(Debug, Default)]
pub struct Landmarks {
    seen: FxHashMap<String, (EntityType, usize, bool)>,
}

impl Landmarks {
    /// Count one article's readings (each core once per article).
    pub fn add(&mut self, readings: &[Landmark]) {
        let mut here: Vec<&str> = Vec::new();
        for r in readings {
            let e = self.seen.entry(r.core.clone()).or_insert((r.cand.kind, 0, false));
            e.2 |= r.quoted;
            if !here.contains(&r.core.as_str()) {
                here.push(&r.core);
                e.1 += 1;
            }
        }
    }

    /// The confirmed cores become names of the corpus (a name found otherwise keeps its type).
    pub fn confirm(&self, corpus: &mut CorpusNames) {
        for (core, &(kind, articles, quoted)) in &self.seen {
            if articles >= 2 || quoted {
                corpus.entry(core.clone()).or_insert(kind);
            }
        }
    }
}

/// The readings of a document the story confirmed: quoted, or with a core among the corpus names.
pub fn confirmed(words: &[Token], ask: &Ask, corpus: &CorpusNames) -> Vec<Candidate> {
    readings(words, ask).into_iter().filter(|r| r.quoted || corpus.contains_key(&r.core)).map(|r| r.cand).collect()
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
}
