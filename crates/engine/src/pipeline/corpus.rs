//! "One sense per corpus": names a rule found in one article are looked for in all of them.

use crate::model::{Candidate, EntityType, Origin, RuleId, Token};
use crate::recognize::ask::Ask;
use crate::recognize::gazetteer::CorpusNames;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Names found by rules become corpus names; keys that are only a proclitic plus another corpus
/// name of the same type (`لتوكاييف` beside `توكاييف`) are dropped.
pub fn corpus_names(found: &[Vec<Candidate>], ask: &Ask) -> (CorpusNames, HashSet<String>) {
    let mut votes: HashMap<String, BTreeMap<EntityType, usize>> = HashMap::new();
    let mut first_names = HashSet::new();
    for c in found.iter().flatten() {
        // Names found in a list only by being listed are not trusted beyond their own place.
        // Nor are the tagger's guesses: a mistake would spread to every article.
        if !matches!(c.origin, Origin::Rule(r) if r != RuleId::Coordination) {
            continue;
        }
        *votes.entry(c.key.clone()).or_default().entry(c.kind).or_default() += 1;
        if c.kind == EntityType::Per {
            let words: Vec<&str> = c.key.split(' ').collect();
            if words.len() >= 2 {
                first_names.insert(words[0].to_string());
                let last = words[words.len() - 1];
                // A surname is looked for everywhere only if it cannot be an ordinary word:
                // four letters or more, no article, not common (`دين` "debt" is not Dein).
                let bare = last.chars().count() >= 4 && !last.starts_with("ال");
                if bare && !ask.lex.common.contains(last) && !ask.lex.names.contains_key(last) {
                    *votes.entry(last.to_string()).or_default().entry(EntityType::Per).or_default() += 1;
                }
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
    (names, first_names)
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

