//! Word lists the recogniser uses, loaded once and normalised:
//!
//! - gazetteers bundled under `data/gazetteers/` (country names in Arabic and English by ISO code;
//!   Arabic first and family names; MIT, licences beside them);
//! - lists derived from ANERcorp's training split ([`derive`], generated tables under
//!   `data/anercorp/`, CC BY-SA 4.0): names with their type, and common words;
//! - lists derived from packaged data by `dev/data/derive.py`: word frequencies (wordfreq, CC
//!   BY-SA 4.0) and populated places (GeoNames, CC BY 4.0);
//! - hand-written lists of general news language (`data/words/lists.txt`, read by [`lists`];
//!   the few that rules name one by one are in [`words`]).
//!
//! The files travel as one asset in the web app ([`data`]); [`install`] loads it there, while the
//! CLI and the tests use the files built in (feature `embedded`).

pub mod data;
pub mod derive;
pub mod table;
pub mod words;

use crate::model::EntityType;
use crate::normalize::normalize;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A set of matching-form words (fast hashing: these are looked up for every word).
pub type WordSet = HashSet<String>;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Where a gazetteer name comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The country list; the English name is the Latin-script name.
    Country { iso: String, english: String },
    /// Names tagged in ANERcorp's training split.
    Anercorp,
    /// Social networks and platforms.
    Platform,
    /// International organisations, waterways and planets (`data/words/lists.txt`); not read by the
    /// tagger's features, so that the lists can grow without retraining the model.
    International,
    /// News agencies, channels and newspapers (`data/words/lists.txt`), with the Latin name they go
    /// by (`Reuters`); like `International`, but a country's adjective after them is no part of
    /// the name.
    Media { latin: String },
}

impl Source {
    /// One of the hand lists of `data/words/lists.txt` that the tagger's features do not read
    /// (organisations, waterways, news outlets): their names are trusted over the tagger's reading.
    pub fn hand_listed(&self) -> bool {
        matches!(self, Source::International | Source::Media { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameEntry {
    pub kind: EntityType,
    pub source: Source,
}

/// The lists of head words single rules read ([`Lexicon::heads`]).
pub const HEAD_LISTS: [&str; 18] = ["name_honorifics", "domain_org_heads", "event_heads", "event_alone", "event_weak_heads", "facility_heads", "landmark_only_heads", "group_heads", "team_roles", "craft_heads", "happening_heads", "team_heads", "team_colours", "quoted_event_heads", "document_heads", "disasters", "armed_services", "blessings"];

/// All lists, in matching form.
#[derive(Debug)]
pub struct Lexicon {
    /// Multi- or single-word names by matching form (words joined by one space).
    pub names: HashMap<String, NameEntry>,
    /// The Latin-script names organisations and institutions go by in the English-language press
    /// (`[latin_names]` of `data/words/lists.txt`: `الأمم المتحدة` United Nations), by matching form;
    /// they name an entity in the panel, and find nothing.
    pub latin_names: HashMap<String, String>,
    /// Longest name in words.
    pub max_name_words: usize,
    pub first_names: HashSet<String>,
    /// The first-name gazetteers alone (`first_names` also holds the first words of ANERcorp's
    /// person names); training reads them.
    pub gazetteer_first_names: HashSet<String>,
    /// Given names of the egy-names book; the rules read them ([`crate::recognize`]'s
    /// `first_name`), the tagger does not (its model stays as trained).
    pub book_given_names: HashSet<String>,
    pub last_names: HashSet<String>,
    pub common: HashSet<String>,
    pub function: HashSet<String>,
    /// Titles and organisation heads the rules read: the tagger's (below) and those of the
    /// `rule_titles`, `rule_org_heads` lists, added after the model was trained (a retrain moves
    /// every figure by chance; the rules' lists can grow without one).
    pub person_titles: HashSet<String>,
    pub org_heads: HashSet<String>,
    /// The titles and heads the tagger's features read (`person_titles`, `org_heads` lists).
    pub tagger_titles: HashSet<String>,
    pub tagger_org_heads: HashSet<String>,
    pub media_heads: HashSet<String>,
    pub attribution: HashSet<String>,
    /// Place triggers the rules read: the tagger's (below) and the `rule_place_triggers` list's.
    pub place_triggers: HashSet<String>,
    /// The place triggers the tagger's features read (`place_triggers` list).
    pub tagger_place_triggers: HashSet<String>,
    pub place_descriptors: HashSet<String>,
    pub after_name: HashSet<String>,
    pub temporal: HashSet<String>,
    pub title_modifiers: HashSet<String>,
    pub ministry_metonyms: HashSet<String>,
    /// Bodies named by their country's adjective (`الجيش الإسرائيلي`, `الحكومة العراقية`); not a
    /// feature of the tagger.
    pub national_bodies: HashSet<String>,
    /// Occupations after which a person's name follows as after a title (`المصمم اللبناني إيلي
    /// صعب`, `المعمارية السعودية رجوى السيف`); read by the title rule, not by the tagger.
    pub occupations: HashSet<String>,
    /// Kinship nouns with their pronoun (`شقيقه`, `زوجته`, `نجله`): a given name after them is a
    /// person (`أخيه غير الشقيق حمزة`); read by the title rule, not by the tagger.
    pub kinship: HashSet<String>,
    /// Regnal numbers after a monarch's name (`عبدالله الأول`, `إليزابيث الثانية`).
    pub ordinals: HashSet<String>,
    /// Diseases and viruses (`كورونا`, `كوفيد`), and the words before them in the same no-name
    /// (`فيروس`, `ضد`): read by a rule only ([`crate::recognize::no_names::diseases`]).
    pub diseases: HashSet<String>,
    pub disease_heads: HashSet<String>,
    /// Lists single rules read, not the tagger (`data/words/lists.txt` says what each holds):
    /// adjectives of institutions (`العليا`, `المستقلة`) and of their status (`الرسمية`), words that
    /// make the noun after them a description (`أول`), what `حركة` is the traffic of (`الملاحة`).
    pub institution_adjectives: HashSet<String>,
    pub status_adjectives: HashSet<String>,
    pub describing: HashSet<String>,
    pub traffic: HashSet<String>,
    /// The kinds of government a name says, each as its words (`الوحدة الوطنية`).
    pub government_kinds: Vec<Vec<String>>,
    /// National teams' nicknames, each as its words, with the country's name without the
    /// article (`نسور قرطاج` → `تونس`).
    pub team_nicknames: Vec<(Vec<String>, String)>,
    /// Head words single rules read (`[event_heads]`, `[facility_heads]` …), each list sorted and
    /// without repeats: read by [`Lexicon::heads`].
    pub heads: Vec<(&'static str, Vec<String>)>,
    pub surname_suffixes: Vec<String>,
    pub place_suffixes: Vec<String>,
    /// Zipf frequency × 10 of ordinary words (wordfreq), by matching form.
    pub zipf: table::Table,
    /// Populated places (GeoNames), by matching form: an index into `place_info`.
    pub places: table::Table,
    pub place_info: Vec<Place>,
    /// Most words in a place name.
    pub max_place_words: usize,
    /// Each country's capital (GeoNames): lines `ISO<tab>Latin name` (`TN	Tunis`), read by
    /// [`Lexicon::capital`].
    pub capitals: String,
}

/// A populated place of GeoNames.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Its Latin-script name, as GeoNames writes it.
    pub latin: String,
    /// ISO 3166 country code.
    pub country: String,
    /// Population, rounded down to a power of ten (0: unknown).
    pub population: u32,
}

/// The lists of `data/words/lists.txt` by their `[name]`: one entry per line, `#` comments.
fn lists(text: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::default();
    let mut name = "";
    for l in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        match l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(n) => name = n,
            None => out.entry(name).or_default().push(l),
        }
    }
    out
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
    /// The lexicon of these data files.
    pub fn load(t: &data::Tables) -> Lexicon {
        let mut names: HashMap<String, NameEntry> = HashMap::default();
        let gazetteer_first_names = set(t.first_male.lines().chain(t.first_female.lines()));
        let mut first_names = gazetteer_first_names.clone();
        for (ty, phrase) in table_words(&t.anercorp_names) {
            let Some(ty) = ty else { continue };
            if ty == EntityType::Per {
                if let Some((first, _)) = phrase.split_once(' ') {
                    first_names.insert(first.to_string());
                }
            }
            names.insert(phrase, NameEntry { kind: ty, source: Source::Anercorp });
        }
        let en: BTreeMap<String, String> = crate::json::from_str(&t.countries_en).unwrap_or_default();
        let ar: BTreeMap<String, String> = crate::json::from_str(&t.countries_ar).unwrap_or_default();
        for (iso, name) in ar {
            let english = en.get(&iso).cloned().unwrap_or_default();
            names.insert(normalize(&name), NameEntry { kind: EntityType::Loc, source: Source::Country { iso, english } });
        }
        let english_of = |iso: &str| en.get(iso).cloned().unwrap_or_default();
        let hand = lists(&t.words);
        let list = |n: &str| hand.get(n).map(Vec::as_slice).unwrap_or(&[]).iter().copied();
        for (iso, a) in list("country_aliases").filter_map(|l| l.split_once('\t')) {
            // An alias is more specific than a name seen in ANERcorp, never than a country's own name.
            let key = normalize(a.trim());
            if !matches!(names.get(&key), Some(NameEntry { source: Source::Country { .. }, .. })) {
                names.insert(key, NameEntry { kind: EntityType::Loc, source: Source::Country { iso: iso.to_string(), english: english_of(iso) } });
            }
        }
        for p in list("platforms") {
            names.insert(normalize(p), NameEntry { kind: EntityType::Org, source: Source::Platform });
        }
        for p in list("organisations") {
            names.insert(normalize(p), NameEntry { kind: EntityType::Org, source: Source::International });
        }
        for l in list("news_media") {
            let (name, latin) = l.split_once('\t').unwrap_or((l, ""));
            names.insert(normalize(name.trim()), NameEntry { kind: EntityType::Org, source: Source::Media { latin: latin.trim().to_string() } });
        }
        for p in list("waterways").chain(list("heavenly_bodies")) {
            names.insert(normalize(p), NameEntry { kind: EntityType::Loc, source: Source::International });
        }
        let latin_names: HashMap<String, String> = list("latin_names").filter_map(|l| l.split_once('\t')).map(|(a, l)| (normalize(a.trim()), l.trim().to_string())).collect();
        let max_name_words = names.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let function = set(list("function_words"));
        let zipf = table::Table::from_sorted_lines(&t.wordfreq);
        let mut place_info = Vec::new();
        let mut place_keys = Vec::new();
        for l in t.places.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 4 {
                continue;
            }
            place_keys.push((normalize(f[0]), place_info.len() as u32));
            place_info.push(Place { latin: f[1].to_string(), country: f[2].to_string(), population: f[3].trim().parse().unwrap_or(0) });
        }
        let max_place_words = place_keys.iter().map(|(k, _)| k.split(' ').count()).max().unwrap_or(1);
        let places = table::Table::from_pairs(place_keys);
        let mut common: HashSet<String> = table_words(&t.anercorp_common).into_iter().map(|(_, w)| w).collect();
        common.extend(function.iter().cloned());
        Lexicon {
            names,
            latin_names,
            max_name_words,
            first_names,
            gazetteer_first_names,
            book_given_names: set(t.given_names.lines()),
            last_names: set(t.last_names.lines()),
            common,
            function,
            person_titles: set(list("person_titles").chain(list("rule_titles"))),
            org_heads: set(list("org_heads").chain(list("rule_org_heads"))),
            tagger_titles: set(list("person_titles")),
            tagger_org_heads: set(list("org_heads")),
            media_heads: set(list("media_heads")),
            attribution: set(list("attribution")),
            place_triggers: set(list("place_triggers").chain(list("rule_place_triggers"))),
            tagger_place_triggers: set(list("place_triggers")),
            place_descriptors: set(list("place_descriptors")),
            after_name: set(list("after_name")),
            temporal: set(list("temporal")),
            title_modifiers: set(list("title_modifiers")),
            ministry_metonyms: set(list("ministry_metonyms")),
            national_bodies: set(list("national_bodies")),
            occupations: set(list("occupations")),
            kinship: set(list("kinship")),
            ordinals: set(list("ordinals")),
            diseases: set(list("diseases")),
            disease_heads: set(list("disease_heads")),
            institution_adjectives: set(list("institution_adjectives")),
            status_adjectives: set(list("status_adjectives")),
            describing: set(list("describing")),
            traffic: set(list("traffic")),
            government_kinds: list("government_kinds").map(|k| k.split(' ').map(normalize).collect()).collect(),
            heads: HEAD_LISTS
                .iter()
                .map(|&n| {
                    let mut v: Vec<String> = list(n).map(normalize).collect();
                    crate::sort::natural(&mut v);
                    v.dedup();
                    (n, v)
                })
                .collect(),
            team_nicknames: list("team_nicknames")
                .filter_map(|l| l.split_once('\t'))
                .map(|(nick, country)| {
                    let place = normalize(country.trim());
                    (nick.split(' ').map(normalize).collect(), place.strip_prefix("ال").unwrap_or(&place).to_string())
                })
                .collect(),
            surname_suffixes: list("surname_suffixes").map(normalize).collect(),
            place_suffixes: list("place_suffixes").map(normalize).collect(),
            zipf,
            places,
            place_info,
            max_place_words,
            capitals: t.capitals.clone(),
        }
    }

    /// A list of head words of `data/words/lists.txt` (one of [`HEAD_LISTS`]), sorted, in matching
    /// form; empty for a name that is none of them.
    pub fn heads(&self, name: &str) -> &[String] {
        self.heads.iter().find(|(n, _)| *n == name).map_or(&[], |(_, v)| v.as_slice())
    }

    /// Zipf frequency × 10 of an ordinary word (0 if it is not in the list).
    pub fn zipf(&self, w: &str) -> u32 {
        self.zipf.get(w).unwrap_or(0)
    }

    /// The Latin name of a country's capital (`TN`: Tunis), if GeoNames gives one.
    pub fn capital(&self, iso: &str) -> Option<&str> {
        self.capitals.lines().find_map(|l| l.strip_prefix(iso)?.strip_prefix('\t'))
    }

    /// The populated place of this name, if GeoNames has one.
    pub fn place(&self, name: &str) -> Option<&Place> {
        self.places.get(name).and_then(|i| self.place_info.get(i as usize))
    }

    /// Whether a matching-form word has a Slavic/Central Asian surname ending and is long enough
    /// (at least 5 letters) not to be an ordinary word.
    pub fn has_surname_suffix(&self, w: &str) -> bool {
        w.chars().count() >= 5 && self.surname_suffixes.iter().any(|s| w.ends_with(s.as_str()))
    }
}

static LEX: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon: the one [`install`]ed, else the one built in (feature `embedded`), else an empty
/// one (the app before its asset has loaded: no name is found from a list then).
pub fn lexicon() -> &'static Lexicon {
    #[cfg(feature = "embedded")]
    {
        LEX.get_or_init(|| Lexicon::load(&data::Tables::embedded()))
    }
    #[cfg(not(feature = "embedded"))]
    {
        static EMPTY: OnceLock<Lexicon> = OnceLock::new();
        LEX.get().unwrap_or_else(|| EMPTY.get_or_init(|| Lexicon::load(&data::Tables::default())))
    }
}

/// Load the lexicon from its packed asset (the web app, once, before its first analysis). A
/// lexicon already in use stays; an unreadable asset is an error.
pub fn install(bytes: &[u8]) -> Result<(), data::DataError> {
    let tables = data::Tables::unpack(bytes)?;
    let _ = LEX.set(Lexicon::load(&tables));
    Ok(())
}

/// Whether a lexicon with its word lists is in use (installed, or built in).
pub fn ready() -> bool {
    cfg!(feature = "embedded") || LEX.get().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "embedded")]
    fn hand_lists_are_the_ones_the_lexicon_reads() {
        let text = data::Tables::embedded().words;
        let mut found: Vec<&str> = lists(&text).keys().copied().collect();
        found.sort_unstable();
        let mut read: Vec<&str> = [
            "after_name", "attribution", "country_aliases", "function_words", "media_heads", "ministry_metonyms", "national_bodies", "news_media", "rule_org_heads", "rule_titles", "org_heads", "person_titles",
            "occupations", "heavenly_bodies", "kinship", "diseases", "disease_heads", "institution_adjectives", "status_adjectives", "describing", "traffic", "government_kinds", "team_nicknames",
            "latin_names", "ordinals", "organisations", "waterways", "place_descriptors", "place_suffixes", "place_triggers", "rule_place_triggers", "platforms", "surname_suffixes", "temporal", "title_modifiers",
        ]
        .into_iter()
        .chain(HEAD_LISTS)
        .collect();
        read.sort_unstable();
        assert_eq!(found, read, "a list of data/words/lists.txt that Lexicon::load does not read, or the reverse");
        assert!(lists(&text).values().all(|v| !v.is_empty()));
        let l = lexicon();
        assert!(l.person_titles.contains(&normalize("الرئيس")) && l.org_heads.contains(&normalize("وزارة")) && l.temporal.contains(&normalize("الإثنين")));
        assert!(matches!(&l.names.get(&normalize("السعودية")).expect("an alias").source, Source::Country { iso, .. } if iso == "SA"));
        let parsed = lists("# note\n[a]\nx y\n\n# c\nz\n[b]\nw\n");
        assert_eq!(parsed.get("a"), Some(&vec!["x y", "z"]));
        assert_eq!(parsed.get("b"), Some(&vec!["w"]));
    }

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

    /// Aliases name the country even where ANERcorp has the word already (it has أمريكا as a
    /// LOC, with no country behind it).
    #[test]
    fn country_aliases_name_their_country() {
        let l = lexicon();
        for (alias, iso_expected) in [("أميركا", "US"), ("أمريكا", "US"), ("سورية", "SY"), ("المملكة العربية السعودية", "SA")] {
            let e = l.names.get(&normalize(alias)).unwrap_or_else(|| panic!("{alias} missing"));
            assert!(matches!(&e.source, Source::Country { iso, .. } if iso == iso_expected), "{alias}: {:?}", e.source);
        }
    }

    /// The generated tables are exactly what `derive` makes from the training data.
    #[test]
    fn generated_tables_are_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/anercorp/train.txt");
        let text = std::fs::read_to_string(path).expect("data/anercorp/train.txt");
        let d = derive::derive(&derive::parse_conll(&text).expect("valid CoNLL"), 0.9);
        let t = data::Tables::embedded();
        assert!(derive::names_tsv(&d) == t.anercorp_names, "names.tsv is stale: run `cargo run -p qarin-cli -- lexicon`");
        assert!(derive::common_tsv(&d) == t.anercorp_common, "common.tsv is stale: run `cargo run -p qarin-cli -- lexicon`");
    }
}
