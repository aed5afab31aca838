//! Entities: one real-world thing named in the corpus, its spellings, and why they were grouped.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The four entity types (ANERcorp's PERS is written PER).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Misc];

    /// The code used in JSON, CSV and the DOM (`data-type`).
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "PER" | "PERS" => Some(EntityType::Per),
            "LOC" => Some(EntityType::Loc),
            "ORG" => Some(EntityType::Org),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// Why two spellings were grouped into one entity: the spelling attached, the spelling it was
/// attached to, and the evidence ([`LinkRule`]). The engine says which rule and with what data;
/// the app and the CLI put it into words, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkReason {
    /// The spelling that was attached.
    pub variant: String,
    /// The spelling it was attached to.
    pub to: String,
    /// The evidence, serialised as `"rule": "<code>"` and the rule's own fields beside it.
    #[serde(flatten)]
    pub rule: LinkRule,
}

/// The evidence that grouped two spellings (see [`crate::link`] for when each applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum LinkRule {
    /// The same once hamza, alef, yeh and teh marbuta forms, diacritics, proclitics and hyphens
    /// are normalised.
    SameNormalized,
    /// Written in brackets right after the other name.
    Alias,
    /// The same consonants, word by word (`joined`: when both are written as one word).
    Skeleton {
        consonants: String,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        joined: bool,
    },
    /// Place names that differ only in the ending -ya/-iya.
    Orthographic,
    /// A one-word organisation, event or place name written with and without the article
    /// (`الفيفا` / `فيفا`, `التليل` / `تليل`): a transliterated name takes it or not.
    Article,
    /// The same given names; surnames that differ by at most two letters.
    SurnameVariant,
    /// A foreign person's name transliterated two ways: every word's skeleton the same or one
    /// letter apart (`أموس هوكستين` / `عموس هوكشتاين`).
    Transliteration,
    /// The same surname in different articles, with different given names.
    GivenNameDiffers,
    /// A one-word name that is the surname of the full name.
    Surname,
    /// In one article, a part of a person's full name (the family name, the given name, the given
    /// and family names) that no other full name of the article has.
    PartOfName,
    /// The same given and family names, one of the two with a middle name (the father's,
    /// `طارق صالح` / `طارق محمد صالح`), in any articles, when no other full name fits.
    MiddleName,
    /// A given name written alone, in any article, and the one full name of the story that starts
    /// with it (`قيس` / `قيس سعيد`), when the name is a given name of the lists and no full name's
    /// family name.
    GivenNameAlone,
    /// Two names of one country (its long and short forms: `المملكة العربية السعودية` /
    /// `السعودية`).
    SameCountry { iso: String },
    /// Two names of one event with the same number (`كوب 27` / `COP 27`).
    SameNumber { number: String },
    /// Two names of one organisation that the lists give the same name in Latin letters
    /// (`الجامعة العربية` / `جامعة الدول العربية`: Arab League).
    SameListedName { latin: String },
    /// One organisation's name with or without `نادي` before it and its country's relative
    /// adjectives after it (`الأهلي` / `نادي الأهلي` / `الأهلي المصري`).
    Qualified,
    /// An organisation name whose words all appear, in order, in the longer one.
    PartialName,
    /// An organisation's name and the same written as a construct, without the institution's
    /// adjectives (`الهيئة العليا المستقلة للانتخابات` / `هيئة الانتخابات`).
    Construct,
    /// The reader merged the two entities.
    UserMerge,
    /// The reader split this spelling off.
    UserSplit,
}

impl LinkRule {
    /// The rule's code, as serialised (`same_normalized`, `skeleton`, `user_merge` …).
    pub fn code(&self) -> &'static str {
        match self {
            LinkRule::SameNormalized => "same_normalized",
            LinkRule::Alias => "alias",
            LinkRule::Skeleton { .. } => "skeleton",
            LinkRule::Orthographic => "orthographic",
            LinkRule::Article => "article",
            LinkRule::SurnameVariant => "surname_variant",
            LinkRule::GivenNameDiffers => "given_name_differs",
            LinkRule::Surname => "surname",
            LinkRule::PartOfName => "part_of_name",
            LinkRule::MiddleName => "middle_name",
            LinkRule::GivenNameAlone => "given_name_alone",
            LinkRule::SameCountry { .. } => "same_country",
            LinkRule::SameNumber { .. } => "same_number",
            LinkRule::SameListedName { .. } => "same_listed_name",
            LinkRule::Qualified => "qualified",
            LinkRule::PartialName => "partial_name",
            LinkRule::Construct => "construct",
            LinkRule::Transliteration => "transliteration",
            LinkRule::UserMerge => "user_merge",
            LinkRule::UserSplit => "user_split",
        }
    }

    /// A decision of the reader's, not the engine's.
    pub fn is_user(&self) -> bool {
        matches!(self, LinkRule::UserMerge | LinkRule::UserSplit)
    }
}

/// A link the engine suggests without making it: the evidence is not strong enough (two people of
/// one family name with different given names, in different articles: the outlets may disagree
/// on the given name, or they may be relatives). The reader accepts (a merge) or rejects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The two entities.
    pub a: String,
    pub b: String,
    /// A spelling of each that the evidence is about.
    pub a_spelling: String,
    pub b_spelling: String,
    #[serde(flatten)]
    pub rule: LinkRule,
}

/// How one article spells one entity, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
}

/// One real-world thing named in the corpus, with all its spellings linked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Canonical Arabic label (the most complete, most frequent spelling).
    pub label: String,
    /// Latin-script name (English exonym where a gazetteer knows it, else a transliteration).
    pub latin: String,
    /// Every distinct spelling, most frequent first.
    pub variants: Vec<String>,
    /// Mentions per document id (boilerplate excluded). Documents that never name it are absent.
    pub documents: BTreeMap<String, usize>,
    /// Spellings per document id, most frequent first.
    #[serde(default)]
    pub spellings: BTreeMap<String, Vec<Spelling>>,
    /// Why the spellings were grouped.
    #[serde(default)]
    pub reasons: Vec<LinkReason>,
}

impl Entity {
    /// Number of documents that name this entity.
    pub fn coverage(&self) -> usize {
        self.documents.len()
    }
    /// Total mentions across documents.
    pub fn total(&self) -> usize {
        self.documents.values().sum()
    }
}

