//! Deriving word lists from an annotated corpus in CoNLL form (`token TAG` per line, a blank line
//! between sentences, BIO tags with PERS/PER, LOC, ORG, MISC). The outputs are committed as
//! generated tables (`data/anercorp/names.tsv`, `data/anercorp/common.tsv`) and checked by a test to
//! be exactly what this code derives from the training data.
//!
//! - **names**: every tagged entity phrase (matching form), with its majority type and count. A
//!   one-word name is kept only if it is tagged more often than it is left untagged, so ambiguous
//!   common words do not become names. A phrase whose first word carries a proclitic is counted
//!   under its stem phrase when that phrase is also a name; a rare phrase (seen at most
//!   [`RARE`] times) whose first word starts with the conjunction و and keeps four letters
//!   without it is counted under the stem phrase too (`وقرغيزستان` → `قرغيزستان`), while frequent
//!   ones keep their و (`واشنطن`). (Not ف: many names start with it, `فلاديمير`, `فرنسا`.)
//! - **common words**: words seen at least 3 times, almost never inside a name (tagged in at most a
//!   fifth as many places as untagged), the [`COMMON_MAX`] most frequent.
//!
//! Only the first `train_fraction` of the sentences is read: the rest is the held-out dev set.

pub use crate::input::conll::{parse_conll, phrases, ConllError, TaggedToken};
use crate::model::EntityType;
use crate::normalize::normalize;
use crate::tokenize::clitics::splits;
use std::collections::HashMap;

/// At most this many sightings make a phrase "rare" for the conjunction rule above.
pub const RARE: usize = 2;

/// Most common words kept.
pub const COMMON_MAX: usize = 6000;

/// The generated tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    /// (type, matching-form phrase, count), sorted by type then phrase.
    pub names: Vec<(EntityType, String, usize)>,
    /// (word, count), most frequent first.
    pub common: Vec<(String, usize)>,
}

/// Number of sentences used for training when holding out the last `1 - train_fraction`.
pub fn train_len(total: usize, train_fraction: f64) -> usize {
    ((total as f64) * train_fraction).floor() as usize
}

/// Derive the tables from the first `train_fraction` of `sentences`.
pub fn derive(sentences: &[Vec<TaggedToken>], train_fraction: f64) -> Derived {
    let train = &sentences[..train_len(sentences.len(), train_fraction)];
    let mut phrase_counts: HashMap<(String, EntityType), usize> = HashMap::new();
    let mut tagged: HashMap<String, usize> = HashMap::new();
    let mut untagged: HashMap<String, usize> = HashMap::new();
    for s in train {
        for t in s {
            let n = normalize(&t.token);
            if t.tag == "O" {
                *untagged.entry(n).or_default() += 1;
            } else {
                *tagged.entry(n).or_default() += 1;
            }
        }
        for (ty, toks) in phrases(s) {
            let key = toks.iter().map(|t| normalize(t)).collect::<Vec<_>>().join(" ");
            *phrase_counts.entry((key, ty)).or_default() += 1;
        }
    }
    // Fold clitic-prefixed phrases into their stem phrase when that is a name too.
    let keys: Vec<(String, EntityType)> = phrase_counts.keys().cloned().collect();
    for (key, ty) in keys {
        let (first, rest) = key.split_once(' ').map_or((key.as_str(), ""), |(a, b)| (a, b));
        for sp in splits(first).into_iter().skip(1) {
            let stem_key = if rest.is_empty() { sp.stem.clone() } else { format!("{} {rest}", sp.stem) };
            if phrase_counts.contains_key(&(stem_key.clone(), ty)) {
                let n = phrase_counts.remove(&(key.clone(), ty)).unwrap_or(0);
                *phrase_counts.entry((stem_key, ty)).or_default() += n;
                break;
            }
        }
    }
    let keys: Vec<(String, EntityType)> = phrase_counts.keys().cloned().collect();
    for (key, ty) in keys {
        let n = phrase_counts.get(&(key.clone(), ty)).copied().unwrap_or(0);
        let Some(stem) = key.strip_prefix('و') else { continue };
        let first_len = stem.split(' ').next().map_or(0, |w| w.chars().count());
        if n <= RARE && first_len >= 4 {
            phrase_counts.remove(&(key.clone(), ty));
            *phrase_counts.entry((stem.to_string(), ty)).or_default() += n;
        }
    }
    // Majority type per phrase.
    let mut best: HashMap<String, (EntityType, usize)> = HashMap::new();
    for ((key, ty), n) in &phrase_counts {
        let e = best.entry(key.clone()).or_insert((*ty, 0));
        if *n > e.1 || (*n == e.1 && *ty < e.0) {
            *e = (*ty, *n);
        }
    }
    let mut names: Vec<(EntityType, String, usize)> = best
        .into_iter()
        .filter(|(key, (_, n))| {
            if key.contains(' ') {
                return true;
            }
            let o = untagged.get(key).copied().unwrap_or(0);
            key.chars().count() >= 3 && *n > o && key.chars().any(char::is_alphabetic)
        })
        .map(|(k, (ty, n))| (ty, k, n))
        .collect();
    crate::sort::by(&mut names, |a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));

    let mut common: Vec<(String, usize)> = untagged
        .into_iter()
        .filter(|(w, o)| *o >= 3 && tagged.get(w).copied().unwrap_or(0) * 5 <= *o && w.chars().any(char::is_alphabetic))
        .collect();
    crate::sort::by(&mut common, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    common.truncate(COMMON_MAX);
    Derived { names, common }
}

/// The header line of a generated table.
pub const GENERATED: &str = "# Generated by `qarin lexicon` from data/anercorp/train.txt (first 90% of sentences). Do not edit.";

/// Front coding, for the generated tables: `words` (sorted) as lines `K<TAB>rest`, where `K` is
/// the number of characters shared with the previous word and `rest` the characters after them.
/// The tables are embedded in the app: sorted words share long beginnings (`الاتحاد`,
/// `الاتحادي`, …), and front coding makes them a quarter smaller even after gzip.
fn front_code(out: &mut String, words: &[&str]) {
    let mut prev = "";
    for w in words {
        let shared = prev.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
        let rest = w.char_indices().nth(shared).map_or("", |(i, _)| &w[i..]);
        out.push_str(&format!("{shared}\t{rest}\n"));
        prev = w;
    }
}

/// Reads what [`front_code`] writes: one word per `K<TAB>rest` line. A line that is not of that
/// form (a header, a type line) starts over: the next word shares nothing.
pub struct FrontDecoder {
    prev: String,
}

impl FrontDecoder {
    pub fn new() -> Self {
        FrontDecoder { prev: String::new() }
    }

    /// The word of `line`, or `None` (and start over) if it is not a `K<TAB>rest` line or `K`
    /// exceeds the previous word's length.
    pub fn word(&mut self, line: &str) -> Option<&str> {
        let decoded = line.split_once('\t').and_then(|(k, rest)| {
            let k: usize = k.parse().ok()?;
            let keep = if k == 0 { 0 } else { self.prev.char_indices().nth(k - 1).map(|(i, c)| i + c.len_utf8())? };
            Some((keep, rest))
        });
        match decoded {
            Some((keep, rest)) => {
                self.prev.truncate(keep);
                self.prev.push_str(rest);
                Some(&self.prev)
            }
            None => {
                self.prev.clear();
                None
            }
        }
    }
}

impl Default for FrontDecoder {
    fn default() -> Self {
        Self::new()
    }
}

/// `names.tsv`: header, then for each type its code on a line of its own (`PER`, `LOC`, `ORG`,
/// `MISC`) followed by its phrases in code-point order, front-coded ([`front_code`]). The counts
/// are not written: nothing reads them.
pub fn names_tsv(d: &Derived) -> String {
    let mut s = format!("{GENERATED}\n# Licence: CC BY-SA 4.0 (derived from ANERcorp; see NOTICE.md).\n{FRONT_CODED}\n");
    let mut i = 0;
    while i < d.names.len() {
        let ty = d.names[i].0;
        let n = d.names[i..].iter().take_while(|e| e.0 == ty).count();
        let phrases: Vec<&str> = d.names[i..i + n].iter().map(|e| e.1.as_str()).collect();
        s.push_str(ty.code());
        s.push('\n');
        front_code(&mut s, &phrases);
        i += n;
    }
    s
}

/// `common.tsv`: header, then the words in code-point order, front-coded ([`front_code`]). The
/// counts are not written: nothing reads them.
pub fn common_tsv(d: &Derived) -> String {
    let mut s = format!("{GENERATED}\n# Licence: CC BY-SA 4.0 (derived from ANERcorp; see NOTICE.md).\n{FRONT_CODED}\n");
    let mut words: Vec<&str> = d.common.iter().map(|(w, _)| w.as_str()).collect();
    crate::sort::natural(&mut words);
    front_code(&mut s, &words);
    s
}

/// The header line that explains the front coding.
const FRONT_CODED: &str = "# Each line: how many characters the word shares with the previous one, a tab, the rest of the word.";

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "في O\nروسيا B-LOC\nقال O\nفلاديمير B-PERS\nبوتين I-PERS\n\nوروسيا B-LOC\nفي O\nالأمم B-ORG\nالمتحدة I-ORG\n\nفي O\nقال O\nفي O\n";

    #[test]
    fn parses_and_groups_phrases() {
        let s = parse_conll(FIXTURE).unwrap();
        assert_eq!(s.len(), 3);
        let p = phrases(&s[0]);
        assert_eq!(p, vec![(EntityType::Loc, vec!["روسيا"]), (EntityType::Per, vec!["فلاديمير", "بوتين"])]);
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let e = parse_conll("a O\nb\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse_conll("a O\n\nb B-XYZ\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.message.contains("B-XYZ"));
    }

    #[test]
    fn front_coding_round_trips() {
        let words = ["ا", "الاتحاد", "الاتحادي", "الاتحاديه", "الامم المتحده", "ب", "بوتين", "بوتين"];
        let mut s = String::new();
        front_code(&mut s, &words);
        assert!(s.starts_with("0\tا\n1\tلاتحاد\n7\tي\n8\tه\n3\tمم المتحده\n0\tب\n1\tوتين\n5\t\n"), "{s}");
        let mut dec = FrontDecoder::new();
        let back: Vec<String> = s.lines().filter_map(|l| dec.word(l).map(str::to_string)).collect();
        assert_eq!(back, words);
        // A header starts over; a count beyond the previous word is refused, not a panic.
        let mut dec = FrontDecoder::new();
        assert_eq!(dec.word("0\tabc"), Some("abc"));
        assert_eq!(dec.word("PER"), None);
        assert_eq!(dec.word("2\tx"), None);
        assert_eq!(dec.word("0\tab"), Some("ab"));
        assert_eq!(dec.word("3\tx"), None);
        assert_eq!(dec.word("x\ty"), None);
    }

    #[test]
    fn derives_names_and_common_words() {
        let s = parse_conll(FIXTURE).unwrap();
        let d = derive(&s, 1.0);
        // وروسيا is folded into روسيا.
        assert!(d.names.contains(&(EntityType::Loc, "روسيا".into(), 2)));
        assert!(d.names.contains(&(EntityType::Org, "الامم المتحده".into(), 1)));
        assert!(d.names.contains(&(EntityType::Per, "فلاديمير بوتين".into(), 1)));
        assert_eq!(d.common, vec![("في".to_string(), 4)]);
        // Holding out the last third drops the third sentence's words.
        assert_eq!(train_len(3, 0.9), 2);
        assert!(derive(&s, 0.9).common.is_empty());
    }
}
