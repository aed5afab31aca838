//! A name found in one document, on its way from the finders (gazetteers, rules, the tagger) to
//! linking: token range, offsets after any proclitic, type, matching key and provenance.

use super::entity::EntityType;

/// A contextual rule of [`crate::recognize::rules`] (each about a construction of news prose).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    Media,
    Organisation,
    PlaceTrigger,
    Title,
    Event,
    Team,
    Facility,
    Abbreviation,
    /// The outlet an article names itself by in its dateline, editor or copyright line.
    Outlet,
    /// A given name and a family name with `آل` (`تركي آل الشيخ`).
    Family,
    /// A word between places in a list joined by `و` (`بنغازي والبيضاء والمرج وسوسة`).
    List,
    /// A given name and a rare family name with the article (`زهير المترجي`).
    GivenFamily,
    /// A site or craft named by an ordinary word the story keeps using (`سد النهضة`).
    Landmark,
}

impl RuleId {
    /// The rule's code (`title`, `place_trigger` …), as `qarin explain` prints it.
    pub fn code(self) -> &'static str {
        match self {
            RuleId::Media => "media",
            RuleId::Organisation => "organisation",
            RuleId::PlaceTrigger => "place_trigger",
            RuleId::Title => "title",
            RuleId::Event => "event",
            RuleId::Team => "team",
            RuleId::Facility => "facility",
            RuleId::Abbreviation => "abbreviation",
            RuleId::Outlet => "outlet",
            RuleId::Family => "family",
            RuleId::List => "list",
            RuleId::GivenFamily => "given_family",
            RuleId::Landmark => "landmark",
        }
    }
}

/// Where a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Gazetteer,
    /// A name found elsewhere in the corpus.
    Corpus,
    Rule(RuleId),
    /// The trained tagger ([`crate::tagger`]).
    Tagger,
    /// A populated place of GeoNames.
    Place,

    /// An acronym or alias in brackets right after the name it stands for (see
    /// [`Candidate::alias_of`]).
    Alias,
}

impl Origin {
    /// `gazetteer`, `corpus`, `rule:<code>`, `tagger` or `alias`.
    pub fn code(self) -> String {
        match self {
            Origin::Gazetteer => "gazetteer".into(),
            Origin::Corpus => "corpus".into(),
            Origin::Rule(r) => format!("rule:{}", r.code()),
            Origin::Tagger => "tagger".into(),
            Origin::Place => "place".into(),

            Origin::Alias => "alias".into(),
        }
    }
}

/// A recognised name in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// First and one-past-last token index.
    pub first: usize,
    pub last: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub kind: EntityType,
    /// Matching form: words joined by one space, proclitics removed from the first word.
    pub key: String,
    pub origin: Origin,
    pub priority: u8,
    /// For an alias, the key of the name it stands for.
    pub alias_of: Option<String>,
}

impl Candidate {
    /// Words in the key.
    pub fn words(&self) -> usize {
        self.key.split(' ').count()
    }
    /// Shares a token with `o`.
    pub fn overlaps(&self, o: &Candidate) -> bool {
        self.first < o.last && o.first < self.last
    }
}
