//! The serialisable results of fact extraction.
//!
//! Offsets: every serialised `start`/`end` is in Unicode code points into the document text, end
//! exclusive, as in `qarin.analysis/1`; the `byte_*` twins are UTF-8 byte offsets for slicing in
//! Rust and are never serialised.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a fact row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    Quantity,
    Date,
    Name,
}

/// Whether the articles that report a fact agree. Ordered conflict first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// At least two articles give values that cannot both be true.
    Conflict,
    /// At least two articles report it and every two of them have compatible values.
    Agree,
    /// Only one article reports it.
    Single,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Conflict => "conflict",
            Status::Agree => "agree",
            Status::Single => "single",
        }
    }
}

/// What a value is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    Withdrawal,
    Deployment,
    Unrest,
    Emergency,
    Mourning,
    Independence,
    Arrest,
    Appointment,
    Dismissal,
    Election,
    Attack,
    Meeting,
    Signing,
    Visit,
    Aid,
    Losses,
    Prices,
    Growth,
    Unemployment,
    Turnout,
    Disaster,
}

impl Frame {
    pub fn code(self) -> &'static str {
        match self {
            Frame::Withdrawal => "withdrawal",
            Frame::Deployment => "deployment",
            Frame::Unrest => "unrest",
            Frame::Emergency => "emergency",
            Frame::Mourning => "mourning",
            Frame::Independence => "independence",
            Frame::Arrest => "arrest",
            Frame::Appointment => "appointment",
            Frame::Dismissal => "dismissal",
            Frame::Election => "election",
            Frame::Attack => "attack",
            Frame::Meeting => "meeting",
            Frame::Signing => "signing",
            Frame::Visit => "visit",
            Frame::Aid => "aid",
            Frame::Losses => "losses",
            Frame::Prices => "prices",
            Frame::Growth => "growth",
            Frame::Unemployment => "unemployment",
            Frame::Turnout => "turnout",
            Frame::Disaster => "disaster",
        }
    }
}

/// The aspect of a value relative to its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// The event itself (a date).
    Event,
    /// When it starts (a date).
    Start,
    /// When it ends (a date).
    End,
    /// How long it lasts (a time span).
    Length,
    /// How long until it happens (`خلال يومين`, a time span).
    Until,
    /// How long ago (`منذ يومين`, a time span).
    Ago,
}

impl Aspect {
    pub fn code(self) -> &'static str {
        match self {
            Aspect::Event => "event",
            Aspect::Start => "start",
            Aspect::End => "end",
            Aspect::Length => "length",
            Aspect::Until => "until",
            Aspect::Ago => "ago",
        }
    }
}

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QClass {
    Personnel,
    Killed,
    Injured,
    Arrested,
    Duration,
    Age,
    Money,
    Percent,
    Population,
    Count,
}

impl QClass {
    pub fn code(self) -> &'static str {
        match self {
            QClass::Personnel => "personnel",
            QClass::Killed => "killed",
            QClass::Injured => "injured",
            QClass::Arrested => "arrested",
            QClass::Duration => "duration",
            QClass::Age => "age",
            QClass::Money => "money",
            QClass::Percent => "percent",
            QClass::Population => "population",
            QClass::Count => "count",
        }
    }
}

/// Who a count of people is about, when the sentence says.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Security,
    Military,
    Civilians,
    Children,
    Women,
    Protesters,
    Militants,
    Refugees,
    Migrants,
    Displaced,
    /// A nationality adjective's stem, as matched (`روس` from `جندي روسي`).
    Nationality(String),
}

impl Subject {
    /// From the extractor's code (`security`, `nat:روس` …).
    pub fn from_code(code: &str) -> Subject {
        match code {
            "security" => Subject::Security,
            "military" => Subject::Military,
            "civilians" => Subject::Civilians,
            "children" => Subject::Children,
            "women" => Subject::Women,
            "protesters" => Subject::Protesters,
            "militants" => Subject::Militants,
            "refugees" => Subject::Refugees,
            "migrants" => Subject::Migrants,
            "displaced" => Subject::Displaced,
            other => Subject::Nationality(other.strip_prefix("nat:").unwrap_or(other).to_string()),
        }
    }
}

/// What a fact row is about, as data: the app and the CLI put it into words in the reader's
/// language. Serialised with its `type` beside its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Topic {
    /// Troops or personnel, killed, injured or arrested people; with who they are, when said.
    People {
        class: QClass,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        subject: Option<Subject>,
    },
    /// The population of a place (its label), when the place was recognised.
    Population {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        place: Option<String>,
    },
    /// The age of a person (their label), when the person was recognised.
    Age {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<String>,
    },
    /// A time span: how long the event lasts, how long until it happens, how long ago.
    Duration {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<Frame>,
        aspect: Aspect,
    },
    /// An amount of money in a currency (its code: `dollar`, `euro` …).
    Money {
        currency: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<Frame>,
    },
    Percent {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<Frame>,
    },
    /// A number of things, with the counted noun as written.
    Count {
        noun: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<Frame>,
    },
    /// A date: of the event itself, its start or its end; or a date with no event.
    Date {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        event: Option<Frame>,
        aspect: Aspect,
    },
    /// The given name of a person, by their surname as written.
    GivenName { surname: String },
}

/// A word that bounds or approximates a number (`نحو`, `أكثر من`, `ما لا يقل عن` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// نحو، حوالي، قرابة، زهاء، ما يقارب، يناهز، تقريباً: within ±10 %.
    About,
    /// أكثر من، ما يزيد عن/على، يربو على، أزيد من: at least the value.
    MoreThan,
    /// أقل من، ما يقل عن: at most the value.
    LessThan,
    /// ما لا يقل عن، لا يقل عن، على الأقل, and a negated `أقل من`.
    AtLeast,
    /// على الأكثر, and a negated `أكثر من` (`لن يستغرق أكثر من 10 أيام`).
    AtMost,
}

impl Qualifier {
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// A cell's normalised value: a JSON number for quantities, a string for dates (ISO 8601) and
/// names (the given name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Int(i64),
    Num(f64),
    Text(String),
}

impl Value {
    /// An integer when the number is whole (so `2030` is written `2030`, not `2030.0`).
    pub fn number(v: f64) -> Value {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            Value::Int(v as i64)
        } else {
            Value::Num(v)
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Num(f) => Some(*f),
            Value::Text(_) => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
    /// As shown in a CSV cell.
    pub fn display(&self) -> String {
        match self {
            Value::Int(i) => i.to_string(),
            Value::Num(f) => decimal(*f),
            Value::Text(s) => s.clone(),
        }
    }
}

/// `f` with at most six decimals, trailing zeros dropped (`2.5`, `0.333333`, `-1.25`): written
/// with integers, because the standard library's float formatting costs the web page about
/// 10 KB of code.
pub fn decimal(f: f64) -> String {
    if !f.is_finite() {
        return String::new();
    }
    let sign = if f < 0.0 { "-" } else { "" };
    let abs = f.abs();
    if abs >= 9.0e12 {
        return format!("{sign}{}", abs.round() as u64);
    }
    let scaled = (abs * 1e6).round() as u64;
    let (int, frac) = (scaled / 1_000_000, scaled % 1_000_000);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let digits = format!("{frac:06}");
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One article's value for a fact, as written and normalised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactValue {
    /// Document id.
    pub document: String,
    /// Normalised value: number (in `unit` for quantities), ISO 8601 string, or given name.
    pub value: Value,
    /// The words as written in the article (qualifier, number and counted noun; the date phrase;
    /// the given name): `text[start..end]` of the document.
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Unit of a quantity (`day`, `month`, `dollar`, `percent` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The value is an order of magnitude (`عشرات` = tens, `مئات` = hundreds).
    #[serde(default, skip_serializing_if = "is_false")]
    pub vague: bool,
    /// A relative date (`أمس`, `الثلاثاء`) that could not be resolved: the value is then an ISO 8601
    /// offset or truncated form (`-P1D`, `-W-2`, `---19`), see [`crate::facts::dates`].
    #[serde(default, skip_serializing_if = "is_false")]
    pub relative: bool,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
}

/// One row of the agreement table: something counted, dated or named, with each article's values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub kind: FactKind,
    /// What the row is about.
    pub topic: Topic,
    pub status: Status,
    /// Values in document order, then text order. An article may give several values (each
    /// occurrence is kept, so the app can point at each).
    pub values: Vec<FactValue>,
    /// Quantity class (`personnel`, `duration`, `killed` …), date event (`withdrawal` …) or
    /// `given_name`.
    #[serde(default)]
    pub class: String,
    /// Event the row is about, when one was recognised (`withdrawal`, `deployment` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Frame>,
    /// The linked entity the row is about (a person's age or name, a country's population).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

impl Fact {
    /// Ids of the documents that give a value, in order, without repeats.
    pub fn documents(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for v in &self.values {
            if !out.contains(&v.document.as_str()) {
                out.push(&v.document);
            }
        }
        out
    }
}

/// A statement attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Id of the speaker's linked entity.
    pub entity: String,
    /// Document id.
    pub document: String,
    /// The reporting verb as written (`قال`، `وأضاف`، `مشيراً` …).
    pub verb: String,
    /// The quoted words (inside the quotation marks, or after `:`/`أن`).
    pub text: String,
    /// Code point range of `text`.
    pub start: usize,
    pub end: usize,
    /// Code point range of the speaker's name (for a continuation, the name it continues from).
    pub speaker_start: usize,
    pub speaker_end: usize,
    /// The speaker's name as written.
    #[serde(default)]
    pub speaker: String,
    /// Words in quotation marks or after a colon (true), or reported speech after `أن/إن` (false).
    #[serde(default)]
    pub direct: bool,
    /// The speaker is not named at the verb (`وأضاف: …` right after the same speaker's words).
    #[serde(default)]
    pub continuation: bool,
    #[serde(skip)]
    pub byte_start: usize,
    #[serde(skip)]
    pub byte_end: usize,
}

/// What happened to a run of words between the two sides of a shared passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    /// Different words in the same place.
    Changed,
    /// Words only in `a`.
    OnlyA,
    /// Words only in `b`.
    OnlyB,
}

/// A run of the word-level diff of a shared passage (code point ranges; empty on the side that
/// lacks the words).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiffRun {
    pub kind: DiffKind,
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
}

/// A passage two articles share nearly word for word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WirePair {
    pub a: String,
    pub b: String,
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
    pub a_text: String,
    pub b_text: String,
    /// Words of the passage in `a` and `b`, and how many are the same on both sides.
    pub a_words: usize,
    pub b_words: usize,
    pub same_words: usize,
    /// `same_words / max(a_words, b_words)`.
    pub similarity: f64,
    /// Word-level diff, in order.
    pub diff: Vec<DiffRun>,
    #[serde(skip)]
    pub a_bytes: (usize, usize),
    #[serde(skip)]
    pub b_bytes: (usize, usize),
}

/// Everything [`crate::facts::extract`] finds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct FactsReport {
    pub facts: Vec<Fact>,
    pub quotes: Vec<Quote>,
    pub wire: Vec<WirePair>,
    /// Per document id: the fraction of its non-boilerplate words inside shared passages.
    pub reuse: BTreeMap<String, f64>,
    /// Per document id: the date relative dates were resolved against (ISO 8601), when known.
    #[serde(default)]
    pub datelines: BTreeMap<String, String>,
}

#[cfg(test)]
mod decimal_tests {
    use super::{decimal, Value};

    #[test]
    fn decimals_as_people_write_them() {
        for (f, s) in [(2.5, "2.5"), (-1.25, "-1.25"), (0.1, "0.1"), (1.0 / 3.0, "0.333333"), (3.7, "3.7"), (1e13 + 0.5, "10000000000001"), (0.0000001, "0"), (f64::NAN, "")] {
            assert_eq!(decimal(f), s, "{f}");
        }
        assert_eq!(Value::number(2030.0).display(), "2030");
        assert_eq!(Value::number(12.75).display(), "12.75");
    }
}
