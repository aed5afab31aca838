//! Counted nouns: what a number counts.
//!
//! A small, documented lexicon of the nouns news prose counts, in their matching forms
//! (hamza/alef folded, `ة` → `ه`, `ى` → `ي`): singular, plural, the accusative singular with
//! tanween alef used after 11–99 (`جندياً` → `جنديا`), and the dual.
//!
//! | class | nouns (singular/plural) |
//! |---|---|
//! | personnel | جندي/جنود، عنصر/عناصر، عسكري/عسكريون، ضابط/ضباط، مقاتل، فرد/أفراد، شرطي، مجند |
//! | time (day, week, month, year, hour, minute, decade) | يوم/أيام، أسبوع/أسابيع، شهر/أشهر/شهور، عام/أعوام، سنة/سنوات، ساعة، دقيقة، عقد |
//! | killed | قتيل/قتلى، ضحية/ضحايا، وفاة/وفيات، شهيد/شهداء، جثة/جثث |
//! | injured | جريح/جرحى، مصاب/مصابون، إصابة/إصابات |
//! | arrested | معتقل، موقوف، محتجز، سجين/سجناء، أسير/أسرى |
//! | money (unit) | دولار، يورو، روبل، تنغي، جنيه، دينار، ريال، درهم، ليرة، يوان، فرنك |
//! | population | نسمة |
//! | people (group) | شخص/أشخاص، مدني، طفل/أطفال، امرأة/نساء، رجل/رجال، متظاهر، محتج، مسلح، إرهابي، مواطن، لاجئ، مهاجر، نازح، آخرون |
//!
//! **The dual.** Only nouns whose plural is *broken* are read as duals (`يومين` = 2 days,
//! `شهرين` = 2 months, `جنديين` = 2 soldiers): for nouns with a sound masculine plural
//! (`عسكريين`, `مصابين`, `مواطنين`) the dual and the plural are written alike, so they are never
//! read as 2.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Units of time, with their length in days (for comparing `أسبوعين` with `14 يوماً`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeUnit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl TimeUnit {
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Minute => 1.0 / 1440.0,
            TimeUnit::Hour => 1.0 / 24.0,
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Month => 30.0,
            TimeUnit::Year => 365.0,
            TimeUnit::Decade => 3650.0,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
        }
    }
}

/// What a counted noun is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NounClass {
    Personnel,
    Time(TimeUnit),
    Killed,
    Injured,
    Arrested,
    /// A currency (English name: `dollar`, `ruble`, …).
    Money(&'static str),
    Population,
    /// People of a kind (`people`, `civilians`, `children`, …).
    People(&'static str),
}

/// One entry of the lexicon as found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    /// The singular, matching form.
    pub lemma: &'static str,
    pub class: NounClass,
    /// This form is a dual (counts 2 by itself).
    pub dual: bool,
}

use NounClass::*;
use TimeUnit::*;

/// (lemma, class, other forms, dual forms).
type Entry = (&'static str, NounClass, &'static [&'static str], &'static [&'static str]);

const LEXICON: &[Entry] = &[
    // personnel
    ("جندي", Personnel, &["جنود", "جنديا"], &["جنديان", "جنديين"]),
    ("عنصر", Personnel, &["عناصر", "عنصرا"], &["عنصران", "عنصرين"]),
    ("عسكري", Personnel, &["عسكريين", "عسكريون", "عسكريا", "عسكريي"], &[]),
    ("ضابط", Personnel, &["ضباط", "ضابطا"], &["ضابطان", "ضابطين"]),
    ("مقاتل", Personnel, &["مقاتلين", "مقاتلون", "مقاتلا"], &[]),
    ("فرد", Personnel, &["افراد", "فردا"], &["فردان", "فردين"]),
    ("شرطي", Personnel, &["شرطيين", "شرطيا", "شرطيون"], &[]),
    ("مجند", Personnel, &["مجندين", "مجندا", "مجندون"], &[]),
    // time
    ("يوم", Time(Day), &["ايام", "يوما"], &["يومان", "يومين"]),
    ("اسبوع", Time(Week), &["اسابيع", "اسبوعا"], &["اسبوعان", "اسبوعين"]),
    ("شهر", Time(Month), &["اشهر", "شهور", "شهرا"], &["شهران", "شهرين"]),
    ("عام", Time(Year), &["اعوام", "عاما"], &["عامان", "عامين"]),
    ("سنه", Time(Year), &["سنوات", "سنين"], &["سنتان", "سنتين"]),
    ("ساعه", Time(Hour), &["ساعات"], &["ساعتان", "ساعتين"]),
    ("دقيقه", Time(Minute), &["دقايق"], &["دقيقتان", "دقيقتين"]),
    ("عقد", Time(Decade), &["عقود"], &["عقدان", "عقدين"]),
    // killed
    ("قتيل", Killed, &["قتلي", "قتيلا"], &["قتيلان", "قتيلين"]),
    ("ضحيه", Killed, &["ضحايا"], &["ضحيتان", "ضحيتين"]),
    ("وفاه", Killed, &["وفيات"], &[]),
    ("شهيد", Killed, &["شهدا", "شهداء", "شهيدا"], &["شهيدان", "شهيدين"]),
    ("جثه", Killed, &["جثث"], &["جثتان", "جثتين"]),
    // injured
    ("جريح", Injured, &["جرحي", "جريحا"], &["جريحان", "جريحين"]),
    ("مصاب", Injured, &["مصابين", "مصابون", "مصابا"], &[]),
    ("اصابه", Injured, &["اصابات"], &[]),
    // arrested
    ("معتقل", Arrested, &["معتقلين", "معتقلون", "معتقلا"], &[]),
    ("موقوف", Arrested, &["موقوفين", "موقوفون", "موقوفا"], &[]),
    ("محتجز", Arrested, &["محتجزين", "محتجزون", "محتجزا"], &[]),
    ("سجين", Arrested, &["سجنا", "سجناء", "سجينا"], &["سجينان", "سجينين"]),
    ("اسير", Arrested, &["اسري", "اسيرا"], &["اسيران", "اسيرين"]),
    // money
    ("دولار", Money("dollar"), &["دولارات", "دولارا"], &["دولاران", "دولارين"]),
    ("يورو", Money("euro"), &[], &[]),
    ("روبل", Money("ruble"), &["روبلات", "روبلا"], &[]),
    ("تنغي", Money("tenge"), &["تينغي", "تنجي", "تنغه"], &[]),
    ("جنيه", Money("pound"), &["جنيهات", "جنيها"], &[]),
    ("دينار", Money("dinar"), &["دنانير", "دينارا"], &[]),
    ("ريال", Money("riyal"), &["ريالات", "ريالا"], &[]),
    ("درهم", Money("dirham"), &["دراهم", "درهما"], &[]),
    ("ليره", Money("lira"), &["ليرات"], &[]),
    ("يوان", Money("yuan"), &[], &[]),
    ("فرنك", Money("franc"), &["فرنكات", "فرنكا"], &[]),
    // population
    ("نسمه", Population, &[], &[]),
    // people
    ("شخص", People("people"), &["اشخاص", "شخصا"], &["شخصان", "شخصين"]),
    ("مدني", People("civilians"), &["مدنيين", "مدنيون", "مدنيا"], &[]),
    ("طفل", People("children"), &["اطفال", "طفلا"], &["طفلان", "طفلين"]),
    ("امراه", People("women"), &["نساء", "نسا", "سيده", "سيدات"], &[]),
    ("رجل", People("men"), &["رجال", "رجلا"], &["رجلان", "رجلين"]),
    ("متظاهر", People("protesters"), &["متظاهرين", "متظاهرون", "متظاهرا"], &[]),
    ("محتج", People("protesters"), &["محتجين", "محتجون", "محتجا"], &[]),
    ("مسلح", People("militants"), &["مسلحين", "مسلحون", "مسلحا"], &[]),
    ("ارهابي", People("militants"), &["ارهابيين", "ارهابيون", "ارهابيا"], &[]),
    ("مواطن", People("citizens"), &["مواطنين", "مواطنون", "مواطنا"], &[]),
    ("لاجي", People("refugees"), &["لاجيين", "لاجيون", "لاجيا"], &[]),
    ("مهاجر", People("migrants"), &["مهاجرين", "مهاجرون", "مهاجرا"], &[]),
    ("نازح", People("displaced"), &["نازحين", "نازحون", "نازحا"], &[]),
    ("اخرين", People("others"), &["اخرون"], &[]),
];

fn table() -> &'static HashMap<&'static str, Noun> {
    static T: OnceLock<HashMap<&'static str, Noun>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for &(lemma, class, forms, duals) in LEXICON {
            m.entry(lemma).or_insert(Noun { lemma, class, dual: false });
            for f in forms {
                m.entry(*f).or_insert(Noun { lemma, class, dual: false });
            }
            for f in duals {
                m.entry(*f).or_insert(Noun { lemma, class, dual: true });
            }
        }
        m
    })
}

/// The lexicon entry for one matching-form reading of a word (no clitics stripped here; see
/// [`lookup`]).
pub fn exact(form: &str) -> Option<Noun> {
    table().get(form).copied()
}

/// The lexicon entry for a matching-form word, trying it as written, without proclitics and
/// article ([`super::text::forms`]).
pub fn lookup(norm: &str) -> Option<Noun> {
    if let Some(n) = exact(norm) {
        return Some(n);
    }
    super::text::forms(norm).iter().find_map(|f| exact(f))
}

/// A dual noun (`يومين`, `ليومين`, `اليومين`): the entry, counted as 2.
pub fn dual(norm: &str) -> Option<Noun> {
    lookup(norm).filter(|n| n.dual)
}

/// Words that follow numbers but are not counted nouns.
pub const NOT_NOUNS: &[&str] = &[
    "من", "في", "الي", "علي", "عن", "مع", "او", "و", "ثم", "حتي", "منذ", "خلال", "بعد", "قبل", "فقط", "تقريبا",
    "ان", "انه", "التي", "الذي", "الذين", "هو", "هي", "كان", "كانت", "قد", "لا", "لم", "لن", "ما", "بين", "عند",
    "الف", "مليون", "مليار", "الاف", "ملايين", "مليارات", "حين", "بينما", "حيث", "اذ", "كما", "لكن", "ضد", "نحو",
    "عام", "العام", "سنه", "اي", "كل", "بعض", "جميع", "غير", "دون", "لدي", "امام", "فوق", "تحت", "عبر", "ضمن",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn class(w: &str) -> Option<NounClass> {
        lookup(&normalize(w)).map(|n| n.class)
    }

    #[test]
    fn singular_plural_accusative() {
        assert_eq!(class("جندياً"), Some(Personnel));
        assert_eq!(class("جنود"), Some(Personnel));
        assert_eq!(class("عنصر"), Some(Personnel));
        assert_eq!(class("أيام"), Some(Time(Day)));
        assert_eq!(class("عاماً"), Some(Time(Year)));
        assert_eq!(class("قتلى"), Some(Killed));
        assert_eq!(class("القتلى"), Some(Killed));
        assert_eq!(class("جرحى"), Some(Injured));
        assert_eq!(class("دولار"), Some(Money("dollar")));
        assert_eq!(class("نسمة"), Some(Population));
        assert_eq!(class("الكتيبة"), None);
    }

    #[test]
    fn duals_only_for_broken_plurals() {
        assert_eq!(dual(&normalize("يومين")).map(|n| n.lemma), Some("يوم"));
        assert_eq!(dual(&normalize("ليومين")).map(|n| n.lemma), Some("يوم"));
        assert_eq!(dual(&normalize("شهرين")).map(|n| n.class), Some(Time(Month)));
        assert_eq!(dual(&normalize("جنديين")).map(|n| n.class), Some(Personnel));
        assert_eq!(dual(&normalize("سنتين")).map(|n| n.class), Some(Time(Year)));
        assert!(dual(&normalize("عسكريين")).is_none(), "sound plural, not a dual");
        assert!(dual(&normalize("مصابين")).is_none());
        assert!(dual(&normalize("أيام")).is_none());
    }
}
