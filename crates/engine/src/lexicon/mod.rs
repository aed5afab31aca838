//! Word lists the recogniser uses, loaded once and normalised:
//!
//! - gazetteers bundled under `data/gazetteers/` (country names in Arabic and English by ISO code;
//!   Arabic first and family names; MIT, licences beside them);
//! - lists derived from ANERcorp's training split ([`derive`], generated tables under
//!   `data/anercorp/`, CC BY-SA 4.0): names with their type, and common words;
//! - hand-written lists of general news language ([`words`]).

pub mod derive;
pub mod words;

use crate::model::EntityType;
use crate::normalize::normalize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

const COUNTRIES_AR: &str = include_str!("../../data/gazetteers/country-names/ar.json");
const COUNTRIES_EN: &str = include_str!("../../data/gazetteers/country-names/en.json");
const FIRST_MALE: &str = include_str!("../../data/gazetteers/arabic-names/male-first-names.txt");
const FIRST_FEMALE: &str = include_str!("../../data/gazetteers/arabic-names/female-first-names.txt");
const LAST_NAMES: &str = include_str!("../../data/gazetteers/arabic-names/last-names.txt");
/// Generated: see [`derive`].
pub const ANERCORP_NAMES: &str = include_str!("../../data/anercorp/names.tsv");
/// Generated: see [`derive`].
pub const ANERCORP_COMMON: &str = include_str!("../../data/anercorp/common.tsv");

/// Where a gazetteer name comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The country list; the English name is the Latin-script name.
    Country { iso: String, english: String },
    /// Names tagged in ANERcorp's training split.
    Anercorp,
    /// Social networks and platforms.
    Platform,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    pub kind: EntityType,
    pub source: Source,
}

/// All lists, in matching form.
#[derive(Debug)]
pub struct Lexicon {
    /// Multi- or single-word names by matching form (words joined by one space).
    pub names: HashMap<String, NameEntry>,
    /// Longest name in words.
    pub max_name_words: usize,
    pub first_names: HashSet<String>,
    pub last_names: HashSet<String>,
    pub common: HashSet<String>,
    pub function: HashSet<String>,
    pub person_titles: HashSet<String>,
    pub org_heads: HashSet<String>,
    pub media_heads: HashSet<String>,
    pub attribution: HashSet<String>,
    pub place_triggers: HashSet<String>,
    pub place_descriptors: HashSet<String>,
    pub after_name: HashSet<String>,
    pub temporal: HashSet<String>,
    pub title_modifiers: HashSet<String>,
    pub ministry_metonyms: HashSet<String>,
    pub surname_suffixes: Vec<String>,
    pub place_suffixes: Vec<String>,
}

fn set<'a>(words: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    words.into_iter().map(str::trim).filter(|w| !w.is_empty() && !w.starts_with('#')).map(normalize).collect()
}

/// The words of a front-coded table ([`derive::FrontDecoder`]), each with the type of the last
/// type line before it (`PER`, `LOC`, `ORG`, `MISC`; `None` before any).
fn table_words(table: &str) -> Vec<(Option<EntityType>, String)> {
    let mut dec = derive::FrontDecoder::new();
    let mut ty = None;
    let mut out = Vec::new();
    for line in table.lines() {
        if let Some(w) = dec.word(line) {
            out.push((ty, w.to_string()));
        } else if let Some(t) = EntityType::from_code(line) {
            ty = Some(t);
        }
    }
    out
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut names: HashMap<String, NameEntry> = HashMap::new();
        let mut first_names = set(FIRST_MALE.lines().chain(FIRST_FEMALE.lines()));
        for (ty, phrase) in table_words(ANERCORP_NAMES) {
            let Some(ty) = ty else { continue };
            if ty == EntityType::Per {
                if let Some((first, _)) = phrase.split_once(' ') {
                    first_names.insert(first.to_string());
                }
            }
            names.insert(phrase, NameEntry { kind: ty, source: Source::Anercorp });
        }
        let en: BTreeMap<String, String> = serde_json::from_str(COUNTRIES_EN).unwrap_or_default();
        let ar: BTreeMap<String, String> = serde_json::from_str(COUNTRIES_AR).unwrap_or_default();
        for (iso, name) in ar {
            let english = en.get(&iso).cloned().unwrap_or_default();
            names.insert(normalize(&name), NameEntry { kind: EntityType::Loc, source: Source::Country { iso, english } });
        }
        for p in words::PLATFORMS {
            names.insert(normalize(p), NameEntry { kind: EntityType::Org, source: Source::Platform });
        }
        let max_name_words = names.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let function = set(words::FUNCTION_WORDS.iter().copied());
        let mut common: HashSet<String> = table_words(ANERCORP_COMMON).into_iter().map(|(_, w)| w).collect();
        common.extend(function.iter().cloned());
        Lexicon {
            names,
            max_name_words,
            first_names,
            last_names: set(LAST_NAMES.lines()),
            common,
            function,
            person_titles: set(words::PERSON_TITLES.iter().copied()),
            org_heads: set(words::ORG_HEADS.iter().copied()),
            media_heads: set(words::MEDIA_HEADS.iter().copied()),
            attribution: set(words::ATTRIBUTION.iter().copied()),
            place_triggers: set(words::PLACE_TRIGGERS.iter().copied()),
            place_descriptors: set(words::PLACE_DESCRIPTORS.iter().copied()),
            after_name: set(words::AFTER_NAME.iter().copied()),
            temporal: set(words::TEMPORAL.iter().copied()),
            title_modifiers: set(words::TITLE_MODIFIERS.iter().copied()),
            ministry_metonyms: set(words::MINISTRY_METONYMS.iter().copied()),
            surname_suffixes: words::SURNAME_SUFFIXES.iter().map(|s| normalize(s)).collect(),
            place_suffixes: words::PLACE_SUFFIXES.iter().map(|s| normalize(s)).collect(),
        }
    }

    /// Whether a matching-form word has a Slavic/Central Asian surname ending and is long enough
    /// (at least 5 letters) not to be an ordinary word.
    pub fn has_surname_suffix(&self, w: &str) -> bool {
        w.chars().count() >= 5 && self.surname_suffixes.iter().any(|s| w.ends_with(s.as_str()))
    }
}

/// The lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_gazetteers_in_matching_form() {
        let l = lexicon();
        let kz = l.names.get("كازاخستان").expect("Kazakhstan");
        assert_eq!(kz.kind, EntityType::Loc);
        assert!(matches!(&kz.source, Source::Country { english, .. } if english == "Kazakhstan"));
        assert!(l.names.contains_key("الولايات المتحده"));
        assert!(l.first_names.contains("علي"));
        assert!(l.function.contains("الي"));
        assert!(l.has_surname_suffix("سيرديوكوف"));
        assert!(!l.has_surname_suffix("خوف"));
        assert!(!l.has_surname_suffix("توقيف"));
    }

    /// The generated tables are exactly what `derive` makes from the training data.
    #[test]
    fn generated_tables_are_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/anercorp/train.txt");
        let text = std::fs::read_to_string(path).expect("data/anercorp/train.txt");
        let d = derive::derive(&derive::parse_conll(&text).expect("valid CoNLL"), 0.9);
        assert!(derive::names_tsv(&d) == ANERCORP_NAMES, "names.tsv is stale: run `cargo run -p qarin-cli -- lexicon`");
        assert!(derive::common_tsv(&d) == ANERCORP_COMMON, "common.tsv is stale: run `cargo run -p qarin-cli -- lexicon`");
    }
}
