//! # qarin-i18n
//!
//! Every word Qarin shows a person, in English and Arabic: the web app's interface, the CLI's
//! prerendered reader and CSV headers, and the wording of what the engine returns as data (link
//! reasons, fact topics, events). The strings live in one data file per language,
//! `data/en.txt` and `data/ar.txt`; `build.rs` turns them into tables and refuses to build when
//! the two files disagree (a key missing, a placeholder different, a plural form missing).
//!
//! Plurals follow CLDR: English has one and other; Arabic has zero, one, two, few (3–10),
//! many (11–99) and other (100, 101 …), each a form of its own in `ar.txt`.

pub mod messages;

pub use messages::*;
use qarin_engine::model::{Aspect, EntityType, Fact, Frame, LinkReason, LinkRule, QClass, Subject, Topic};

include!(concat!(env!("OUT_DIR"), "/tables.rs"));

/// A generated table of strings: their text one after the other, and where each ends.
struct Table {
    text: &'static str,
    ends: &'static [u16],
}

impl Table {
    fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }
}

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    pub fn other(self) -> Self {
        match self {
            Lang::En => Lang::Ar,
            Lang::Ar => Lang::En,
        }
    }
}

/// A fixed string.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => EN.get(key as usize),
        Lang::Ar => AR.get(key as usize),
    }
}

/// `template` with each `{name}` replaced by its value in `args`, and `{space}` by a space (a
/// data line cannot end in one). Unknown placeholders stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None if name == "space" => out.push(' '),
                    None => out.push_str(&rest[i..i + j + 2]),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A string with placeholders filled.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// The CLDR plural category of `n`: 0 zero, 1 one, 2 two, 3 few, 4 many, 5 other.
pub fn category(lang: Lang, n: u64) -> usize {
    match lang {
        Lang::En => {
            if n == 1 {
                1
            } else {
                5
            }
        }
        Lang::Ar => match (n, n % 100) {
            (0, _) => 0,
            (1, _) => 1,
            (2, _) => 2,
            (_, 3..=10) => 3,
            (_, 11..=99) => 4,
            _ => 5,
        },
    }
}

/// The form of `key` for the count `n`, with `{n}` and `args` filled.
pub fn plural(lang: Lang, key: Plural, n: usize, args: &[(&str, &str)]) -> String {
    let forms = match lang {
        Lang::En => &EN_PLURAL,
        Lang::Ar => &AR_PLURAL,
    };
    let form = |c: usize| forms.get(key as usize * 6 + c);
    let c = category(lang, n as u64);
    let form = if form(c).is_empty() { form(5) } else { form(c) };
    let count = n.to_string();
    let mut all: Vec<(&str, &str)> = vec![("n", &count)];
    all.extend_from_slice(args);
    fill(form, &all)
}

/// A name or title inside a message, isolated (U+2068 … U+2069) so that an Arabic title in an
/// English sentence, or a Latin file name in an Arabic one, keeps its own direction and does not
/// pull the quotes and punctuation around it out of place.
pub fn isolate(s: &str) -> String {
    format!("\u{2068}{s}\u{2069}")
}

/// `s` isolated, in the language's quotation marks.
pub fn quote(lang: Lang, s: &str) -> String {
    tf(lang, Key::Quoted, &[("s", &isolate(s))])
}

/// Items joined with the language's comma.
pub fn list(lang: Lang, items: &[String]) -> String {
    items.join(&fill(t(lang, Key::ListSep), &[]))
}

/// A size in bytes as a person reads it ("20.0 MB", "512 KB"). Integer arithmetic: formatting
/// floats would add Rust's float printing to the web app.
pub fn human_size(bytes: f64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    const GB: u64 = 1024 * MB;
    let b = if bytes.is_finite() && bytes > 0.0 { bytes as u64 } else { 0 };
    if b >= GB {
        let tenths = (b * 10 + GB / 2) / GB;
        format!("{}.{} GB", tenths / 10, tenths % 10)
    } else if b >= MB {
        let tenths = (b * 10 + MB / 2) / MB;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if b >= KB {
        format!("{} KB", (b + KB / 2) / KB)
    } else {
        format!("{b} B")
    }
}

// ---------------------------------------------------------------------------------------------
// The engine's data, in words.

/// The name of an entity type.
pub fn type_name(lang: Lang, kind: EntityType) -> &'static str {
    t(
        lang,
        match kind {
            EntityType::Per => Key::Person,
            EntityType::Loc => Key::Place,
            EntityType::Org => Key::Organisation,
            EntityType::Misc => Key::Other,
        },
    )
}

/// Why two spellings were grouped, as a sentence.
pub fn link_reason(lang: Lang, r: &LinkReason) -> String {
    let key = match &r.rule {
        LinkRule::SameNormalized => Key::LinkSameNormalized,
        LinkRule::Alias => Key::LinkAlias,
        LinkRule::Skeleton { joined: false, .. } => Key::LinkSkeleton,
        LinkRule::Skeleton { joined: true, .. } => Key::LinkSkeletonJoined,
        LinkRule::Orthographic => Key::LinkOrthographic,
        LinkRule::Article => Key::LinkArticle,
        LinkRule::SurnameVariant => Key::LinkSurnameVariant,
        LinkRule::GivenNameDiffers => Key::LinkGivenNameDiffers,
        LinkRule::Surname => Key::LinkSurname,
        LinkRule::PartOfName => Key::LinkPartOfName,
        LinkRule::MiddleName => Key::LinkMiddleName,
        LinkRule::GivenNameAlone => Key::LinkGivenNameAlone,
        LinkRule::SameCountry { .. } => Key::LinkSameCountry,
        LinkRule::SameNumber { .. } => Key::LinkSameNumber,
        LinkRule::SameListedName { .. } => Key::LinkSameListedName,
        LinkRule::Qualified => Key::LinkQualified,
        LinkRule::PartialName => Key::LinkPartialName,
        LinkRule::Construct => Key::LinkConstruct,
        LinkRule::Transliteration => Key::LinkTransliteration,
        LinkRule::UserMerge => Key::LinkUserMerge,
        LinkRule::UserSplit => Key::LinkUserSplit,
    };
    let detail = match &r.rule {
        LinkRule::Skeleton { consonants, .. } => consonants.as_str(),
        LinkRule::SameCountry { iso } => iso.as_str(),
        LinkRule::SameNumber { number } => number.as_str(),
        LinkRule::SameListedName { latin } => latin.as_str(),
        _ => "",
    };
    tf(lang, key, &[("variant", &r.variant), ("to", &r.to), ("consonants", detail), ("iso", detail), ("number", detail), ("latin", detail)])
}

/// The name of an event.
pub fn event_name(lang: Lang, f: Frame) -> &'static str {
    Key::from_name(&format!("event.{}", f.code())).map_or(f.code(), |k| t(lang, k))
}

fn class_name(lang: Lang, c: QClass) -> &'static str {
    Key::from_name(&format!("class.{}", c.code())).map_or(c.code(), |k| t(lang, k))
}

fn subject_name(lang: Lang, s: &Subject) -> String {
    let code = match s {
        Subject::Security => "security",
        Subject::Military => "military",
        Subject::Civilians => "civilians",
        Subject::Children => "children",
        Subject::Women => "women",
        Subject::Protesters => "protesters",
        Subject::Militants => "militants",
        Subject::Refugees => "refugees",
        Subject::Migrants => "migrants",
        Subject::Displaced => "displaced",
        Subject::Nationality(stem) => return stem.clone(),
    };
    Key::from_name(&format!("subject.{code}")).map_or(code.to_string(), |k| t(lang, k).to_string())
}

/// What a fact row is about, as a label.
pub fn topic_label(lang: Lang, topic: &Topic) -> String {
    let ev = |f: Frame| event_name(lang, f);
    match topic {
        Topic::People { class, subject: None } => tf(lang, Key::FactPeople, &[("class", class_name(lang, *class))]),
        Topic::People { class, subject: Some(s) } => tf(lang, Key::FactPeopleSubject, &[("class", class_name(lang, *class)), ("subject", &subject_name(lang, s))]),
        Topic::Population { place: Some(p) } => tf(lang, Key::FactPopulationOf, &[("place", p)]),
        Topic::Population { place: None } => t(lang, Key::FactPopulation).to_string(),
        Topic::Age { person: Some(p) } => tf(lang, Key::FactAgeOf, &[("person", p)]),
        Topic::Age { person: None } => t(lang, Key::FactAge).to_string(),
        Topic::Duration { event: None, .. } => t(lang, Key::FactDuration).to_string(),
        Topic::Duration { event: Some(f), aspect } => {
            let key = match aspect {
                Aspect::Until => Key::FactDurationUntil,
                Aspect::Ago => Key::FactDurationAgo,
                _ => Key::FactDurationLength,
            };
            tf(lang, key, &[("event", ev(*f))])
        }
        Topic::Money { currency, event } => {
            let cur = Key::from_name(&format!("currency.{currency}")).map_or(currency.as_str(), |k| t(lang, k));
            match event {
                Some(f) => tf(lang, Key::FactMoneyEvent, &[("currency", cur), ("event_lc", &ev(*f).to_ascii_lowercase())]),
                None => tf(lang, Key::FactMoney, &[("currency", cur)]),
            }
        }
        Topic::Percent { event: Some(f) } => tf(lang, Key::FactPercentEvent, &[("event_lc", &ev(*f).to_ascii_lowercase())]),
        Topic::Percent { event: None } => t(lang, Key::FactPercent).to_string(),
        Topic::Count { noun, event: Some(f) } => tf(lang, Key::FactCountEvent, &[("noun", noun), ("event_lc", &ev(*f).to_ascii_lowercase())]),
        Topic::Count { noun, event: None } => tf(lang, Key::FactCount, &[("noun", noun)]),
        Topic::Date { event: None, .. } => t(lang, Key::FactDate).to_string(),
        Topic::Date { event: Some(f), aspect } => {
            let key = match aspect {
                Aspect::Start => Key::FactDateStart,
                Aspect::End => Key::FactDateEnd,
                _ => Key::FactDateEvent,
            };
            tf(lang, key, &[("event", ev(*f))])
        }
        Topic::GivenName { surname } => tf(lang, Key::FactGivenName, &[("surname", surname)]),
    }
}

/// A fact row's label.
pub fn fact_label(lang: Lang, f: &Fact) -> String {
    topic_label(lang, &f.topic)
}

/// The words of the reader's static HTML (the prerender), as the app's interface has them.
pub struct ReaderWords(pub Lang);

impl qarin_engine::render::Wording for ReaderWords {
    fn article(&self, n: usize) -> String {
        tf(self.0, Key::ArticleN, &[("n", &n.to_string())])
    }
    fn type_name(&self, kind: EntityType) -> String {
        type_name(self.0, kind).to_string()
    }
    fn boilerplate(&self) -> String {
        t(self.0, Key::Boilerplate).to_string()
    }
    fn names(&self, n: usize) -> String {
        plural(self.0, Plural::Names, n, &[])
    }
    fn outlet(&self, outlet: &str) -> String {
        outlet_label(self.0, outlet)
    }
}

/// An outlet as the interface shows it: stored as "Arabic (Latin)", the English interface shows
/// the Latin part and the Arabic one the Arabic part; a name with no such form as it is.
pub fn outlet_label(lang: Lang, outlet: &str) -> String {
    let o = outlet.trim();
    match (lang, o.split_once(" (")) {
        (Lang::En, Some((_, latin))) => latin.trim_end_matches(')').trim().to_string(),
        (Lang::Ar, Some((arabic, _))) => arabic.trim().to_string(),
        (_, None) => o.to_string(),
    }
}

/// How the outlet's name was found in an article's text.
pub fn outlet_cue(lang: Lang, cue: qarin_engine::OutletCue) -> &'static str {
    use qarin_engine::OutletCue;
    t(
        lang,
        match cue {
            OutletCue::Dateline => Key::OutletCueDateline,
            OutletCue::Editor => Key::OutletCueEditor,
            OutletCue::Copyright => Key::OutletCueCopyright,
            OutletCue::Agency => Key::OutletCueAgency,
        },
    )
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_in_both_languages() {
        for &k in Key::ALL {
            assert!(!t(Lang::En, k).is_empty() && !t(Lang::Ar, k).is_empty(), "{}", k.name());
            let looked_up = ["event.", "class.", "subject.", "currency."].iter().any(|p| k.name().starts_with(p));
            assert_eq!(Key::from_name(k.name()), looked_up.then_some(k), "{}", k.name());
        }
        assert_ne!(t(Lang::En, Key::TabReader), t(Lang::Ar, Key::TabReader));
    }

    #[test]
    fn arabic_plural_categories() {
        let c = |n| category(Lang::Ar, n);
        assert_eq!([c(0), c(1), c(2), c(3), c(10), c(11), c(99), c(100), c(101), c(102), c(103), c(111)], [0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 3, 4]);
        assert_eq!(plural(Lang::Ar, Plural::Names, 1, &[]), "اسم واحد");
        assert_eq!(plural(Lang::Ar, Plural::Names, 2, &[]), "اسمان");
        assert_eq!(plural(Lang::Ar, Plural::Names, 7, &[]), "7 أسماء");
        assert_eq!(plural(Lang::Ar, Plural::Names, 25, &[]), "25 اسمًا");
        assert_eq!(plural(Lang::Ar, Plural::Names, 300, &[]), "300 اسم");
        assert_eq!(plural(Lang::En, Plural::Names, 1, &[]), "1 name");
        assert_eq!(plural(Lang::En, Plural::Names, 0, &[]), "0 names");
    }

    #[test]
    fn fill_and_lists() {
        assert_eq!(fill("a {x} b {y} {space}c {z}", &[("x", "1"), ("y", "2")]), "a 1 b 2  c {z}");
        assert_eq!(list(Lang::Ar, &["أ".into(), "ب".into()]), "أ، ب");
        assert_eq!(quote(Lang::En, "a"), "“\u{2068}a\u{2069}”");
        assert_eq!(human_size(8.0 * 1024.0 * 1024.0), "8.0 MB");
        assert_eq!(human_size(4096.0), "4 KB");
        assert_eq!(human_size(12.34 * 1024.0 * 1024.0 * 1024.0), "12.3 GB");
    }

    #[test]
    fn engine_data_in_words() {
        let r = LinkReason { variant: "ألماتا".into(), to: "ألماتي".into(), rule: LinkRule::Skeleton { consonants: "الmt".into(), joined: false } };
        assert_eq!(link_reason(Lang::En, &r), "«ألماتا» and «ألماتي» have the same consonants (الmt)");
        assert!(link_reason(Lang::Ar, &r).starts_with("«ألماتا» و«ألماتي»"));
        let topic = Topic::Duration { event: Some(Frame::Withdrawal), aspect: Aspect::Until };
        assert_eq!(topic_label(Lang::En, &topic), "Withdrawal: within (time until it happens)");
        assert_eq!(topic_label(Lang::Ar, &topic), "الانسحاب: في غضون");
        let money = Topic::Money { currency: "dollar".into(), event: Some(Frame::Aid) };
        assert_eq!(topic_label(Lang::En, &money), "Amount in dollars (aid)");
        assert_eq!(topic_label(Lang::Ar, &money), "مبلغ بالدولار (المساعدات)");
        assert_eq!(topic_label(Lang::En, &Topic::People { class: QClass::Killed, subject: Some(Subject::Security) }), "Killed — security forces");
        assert_eq!(outlet_label(Lang::En, "ليفانت نيوز (Levant News)"), "Levant News");
        assert_eq!(outlet_label(Lang::Ar, "ليفانت نيوز (Levant News)"), "ليفانت نيوز");
    }
}

