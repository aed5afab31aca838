//! "One sense per corpus": names found in one article are looked for in all of them, and a name
//! written the same way is read as one type throughout.

use crate::model::{Candidate, EntityType, Origin, Token};
use crate::recognize::ask::Ask;
use crate::recognize::gazetteer::CorpusNames;
use std::collections::{BTreeMap, HashMap};

/// Names found by rules, the surnames of full names found by rules or the tagger, and names the
/// tagger found twice or more with one type (a single word only if it is no ordinary word:
/// Zipf < 4), become corpus names; keys that are only a
/// proclitic plus another corpus name of the same type (`لتوكاييف` beside `توكاييف`) are dropped.
pub fn corpus_names(found: &[Vec<Candidate>], ask: &Ask, tagger: bool, tagger_surnames: bool) -> CorpusNames {
    let mut votes: HashMap<String, BTreeMap<EntityType, usize>> = HashMap::new();
    let mut tagged: HashMap<String, BTreeMap<EntityType, usize>> = HashMap::new();
    for c in found.iter().flatten() {
        if c.origin == Origin::Tagger {
            *tagged.entry(c.key.clone()).or_default().entry(c.kind).or_default() += 1;
        }
        // Names found in a list only by being listed are not trusted beyond their own place.
        let by_rule = matches!(c.origin, Origin::Rule(_));
        if by_rule {
            *votes.entry(c.key.clone()).or_default().entry(c.kind).or_default() += 1;
            // A club named after `نادي` is named alone elsewhere (`نادي النصر` … `النصر`).
            if let Some(club) = c.key.strip_prefix("نادي ").and_then(|k| k.split(' ').next()).filter(|_| c.kind == EntityType::Org) {
                *votes.entry(club.to_string()).or_default().entry(EntityType::Org).or_default() += 1;
            }
        }
        // The surname of a person's full name a rule found, or the tagger (once is enough: the
        // article's other mentions are often the surname alone, `جو بايدن` … `إدارة بايدن`), is
        // looked for everywhere only if it cannot be an ordinary word: four letters or more, no
        // article, not common (`دين` "debt" is not Dein), and from the tagger not frequent either.
        let tagged = tagger_surnames && c.origin == Origin::Tagger;
        if c.kind == EntityType::Per && (by_rule || tagged) {
            if let Some((_, last)) = c.key.rsplit_once(' ') {
                let bare = last.chars().count() >= 4 && !last.starts_with("ال");
                // A family name with the article (`محمد شياع السوداني` … `السوداني`), five letters
                // or more, after a given name, is spread too; where it stands after a definite word it is that word's
                // adjective (`الرئيس السوداني`), and recognition drops it there
                // (`adjust::drop_place_adjectives`).
                // (After a given name no list holds, a rule's full name with a rare family name
                // will do: `رئيس الوزراء بشر الخصاونة` … `وصل الخصاونة`.)
                // Not a dual or plural (`المنظمتين`), nor an active participle `الفاعل` (`العالق`,
                // "stuck", in `الطفل ريان العالق`), which only a given name vouches for.
                let l: Vec<char> = last.chars().collect();
                let participle = l.len() == 6 && l[3] == 'ا';
                let plural = ["ين", "ان", "ات", "ون"].iter().any(|e| last.ends_with(e));
                let rare = by_rule && ask.lex.zipf(last) < 30 && !participle && !plural;
                let given = rare || c.key.split(' ').next().is_some_and(|f| ask.lex.first_names.contains(f));
                let definite = given && last.starts_with("ال") && last.chars().count() >= 5 && (by_rule || ask.lex.zipf(last) < 50);
                if (bare || definite) && !ask.lex.common.contains(last) && !ask.lex.names.contains_key(last) && (by_rule || definite || ask.lex.zipf(last) < 40) {
                    *votes.entry(last.to_string()).or_default().entry(EntityType::Per).or_default() += 1;
                }
            }
        }
    }
    if tagger {
        for (key, v) in tagged {
            let k = key.as_str();
            let total: usize = v.values().sum();
            let (t, n) = v.into_iter().max_by_key(|&(t, n)| (n, std::cmp::Reverse(t))).unwrap_or((EntityType::Misc, 0));
            let ordinary = !k.contains(' ') && (ask.lex.zipf(k) >= 40 || ask.lex.common.contains(k) || k.chars().count() < 3);
            // A person's name of words whose first is an ordinary word and no given name of the
            // lists (`غاز سام`, "toxic gas", read twice as Sam) is not spread.
            let first = k.split(' ').next().unwrap_or(k);
            let ordinary = ordinary || t == EntityType::Per && k.contains(' ') && ask.lex.zipf(first) >= 40 && !ask.lex.first_names.contains(first) && !ask.lex.book_given_names.contains(first);
            // A name a list knows as another type (a place of GeoNames tagged as a person) is
            // not spread.
            let listed_otherwise = ask.lex.names.get(k).is_some_and(|e| e.kind != t) || (t != EntityType::Loc && ask.lex.place(k).is_some());
            // A reading of the same name as a whole (a rule's, or the surname of a full name
            // read as a person's, by a rule or the tagger) outweighs the tagger's one-word
            // readings: `الرئيس الأمريكي جو بايدن` makes بايدن a person however often the tagger
            // read `ب` + a town in it alone.
            let ruled = votes.contains_key(k);
            if n >= 2 && n == total && !ordinary && !listed_otherwise && !ruled {
                *votes.entry(k.to_string()).or_default().entry(t).or_default() += n;
            }
        }
    }
    let mut names: CorpusNames = votes
        .into_iter()
        .filter_map(|(k, v)| v.into_iter().max_by_key(|&(t, n)| (n, std::cmp::Reverse(t))).map(|(t, _)| (k, t)))
        .collect();
    let clitic_forms: Vec<String> = names
        .iter()
        .filter(|(k, t)| {
            let (first, rest) = k.split_once(' ').map_or((k.as_str(), ""), |(a, b)| (a, b));
            crate::tokenize::clitics::splits(first).iter().skip(1).any(|s| {
                let stem_key = if rest.is_empty() { s.stem.clone() } else { format!("{} {rest}", s.stem) };
                names.get(&stem_key) == Some(t) || ask.lex.names.get(&stem_key).is_some_and(|e| e.kind == **t)
            })
        })
        .map(|(k, _)| k.clone())
        .collect();
    for k in clitic_forms {
        names.remove(&k);
    }
    names
}

/// Re-read the first word of a candidate without its proclitic when the stem form is a known name
/// of the same type.
pub fn split_clitic(c: &mut Candidate, words: &[Token], corpus: &CorpusNames, ask: &Ask) {
    if c.origin == Origin::Alias || corpus.get(&c.key) == Some(&c.kind) || ask.lex.names.contains_key(&c.key) {
        return;
    }
    let w = &words[c.first];
    let rest = c.key.split_once(' ').map(|(_, r)| r.to_string());
    for s in w.splits.iter().skip(1) {
        let key = match &rest {
            Some(r) => format!("{} {r}", s.stem),
            None => s.stem.clone(),
        };
        if corpus.get(&key) == Some(&c.kind) || ask.lex.names.get(&key).is_some_and(|e| e.kind == c.kind) {
            c.byte_start = w.stem_start(s);
            c.key = key;
            return;
        }
    }
}


/// Read every name written the same way (same key) as one type across the corpus: the type most
/// of its mentions have (on a tie, the one the engine trusts most found first stays).
pub fn vote_types(found: &mut [Vec<Candidate>]) {
    let mut votes: HashMap<String, BTreeMap<EntityType, usize>> = HashMap::new();
    for c in found.iter().flatten() {
        *votes.entry(c.key.clone()).or_default().entry(c.kind).or_default() += 1;
    }
    for c in found.iter_mut().flatten() {
        if let Some(v) = votes.get(&c.key) {
            let best = v.values().copied().max().unwrap_or(0);
            if v.get(&c.kind).copied().unwrap_or(0) < best {
                if let Some((&t, _)) = v.iter().find(|(_, &n)| n == best) {
                    c.kind = t;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::make;

    /// The candidate the tagger would give for `words` words of `text` from `word` on.
    fn tagged(text: &str, word: &str, words: usize, kind: EntityType) -> Vec<Candidate> {
        let tz = crate::pipeline::read(text);
        let w = &tz.tokens;
        let i = w.iter().position(|t| t.text == word).unwrap();
        vec![make(w, i, None, i + words - 1, kind, Origin::Tagger, 3)]
    }

    #[test]
    fn a_rules_reading_outweighs_the_taggers() {
        let ask = Ask::default();
        let tz = crate::pipeline::read("قال الرئيس الأمريكي جو بايدن إن إدارة بايدن تتشاور");
        let w = &tz.tokens;
        let at = |word: &str| w.iter().position(|t| t.text == word).unwrap();
        let ruled = make(w, at("جو"), None, at("جو") + 1, EntityType::Per, Origin::Rule(crate::model::RuleId::Title), 5);
        let tagged_loc = |text: &str| tagged(text, "بايدن", 1, EntityType::Loc);
        let found = vec![vec![ruled], tagged_loc("إدارة بايدن تتشاور"), tagged_loc("وقال بايدن أمس")];
        assert_eq!(corpus_names(&found, &ask, true, true).get("بايدن"), Some(&EntityType::Per));
        // Without the rule's reading, the tagger's twice-found type is spread.
        assert_eq!(corpus_names(&found[1..], &ask, true, true).get("بايدن"), Some(&EntityType::Loc));
    }

    #[test]
    fn the_surname_of_a_full_name_the_tagger_found_once_is_looked_for_everywhere() {
        let ask = Ask::default();
        let found = vec![tagged("وأفاد البيت الأبيض بأن جو بايدن يشعر بخيبة أمل", "جو", 2, EntityType::Per)];
        let names = corpus_names(&found, &ask, true, true);
        assert_eq!(names.get("بايدن"), Some(&EntityType::Per), "{names:?}");
        // The full name itself, found once, is not (the tagger's runs of words are often slips).
        assert_eq!(names.get("جو بايدن"), None);
        // Turned off, as `qarin eval --without corpus-tagger-surname` does.
        assert_eq!(corpus_names(&found, &ask, true, false).get("بايدن"), None);
        // Not a place's last word, nor an ordinary word as a "surname".
        let place = vec![tagged("وصل إلى جنوب سيناء أمس", "جنوب", 2, EntityType::Loc)];
        assert!(corpus_names(&place, &ask, true, true).is_empty());
        let ordinary = vec![tagged("قال محمد الكبير إن الحكومة", "محمد", 2, EntityType::Per)];
        assert_eq!(corpus_names(&ordinary, &ask, true, true).get("الكبير"), None);
    }

    #[test]
    fn a_persons_name_that_opens_with_an_ordinary_word_is_not_spread() {
        let ask = Ask::default();
        let twice = |text: &str, word: &str| vec![tagged(text, word, 2, EntityType::Per), tagged(text, word, 2, EntityType::Per)];
        let gas = twice("حادثة تسرب غاز سام في الميناء", "غاز");
        assert_eq!(corpus_names(&gas, &ask, true, false).get("غاز سام"), None);
        // A given name of the lists opens a name.
        let name = twice("وقال محمد مزياني إن", "محمد");
        assert_eq!(corpus_names(&name, &ask, true, false).get("محمد مزياني"), Some(&EntityType::Per));
    }
}
