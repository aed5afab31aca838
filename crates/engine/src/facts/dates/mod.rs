//! Dates as news prose writes them, normalised to ISO 8601.
//!
//! **Month names**: Gregorian (يناير، فبراير، مارس، أبريل/إبريل، مايو، يونيو/يونيه، يوليو/يوليه،
//! أغسطس، سبتمبر، أكتوبر، نوفمبر، ديسمبر), Maghrebi (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت،
//! شتنبر، نونبر، دجنبر), Levantine/Iraqi (كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب،
//! أيلول، تشرين الأول، تشرين الثاني، كانون الأول) and English. Two names of the same month joined by
//! `/`, `-` or brackets are one month (`يناير/كانون الثاني`, `10 كانون الثاني / يناير`). Names that
//! are also ordinary words (`مارس`, `ماي`, `آب`, `نيسان`) count only next to a day or a year.
//!
//! **Patterns**: `D Month [Year]` (`7 يناير`, `11 كانون الثاني 2022ء`), `D من Month`, ranges
//! `D1 إلى/-/و D2 Month [Year]` (ISO interval `2004-06-16/2004-06-17`), ordinal days
//! (`السادس من يناير`, `الحادي والعشرين من`), `Month Year` (`أكتوبر 2007`), `Month D, Year`
//! (English order), years after `عام/العام/سنة` (`العام 1991`) or with a year mark glued
//! (`2022ء`, `2022م`; a hijri `هـ` year is not read), a bare year 1900–2100 when no counted noun
//! follows and no qualifier precedes (`حيز التنفيذ 1994`), days of the current month
//! (`19 الشهر الحالي`, `الخامس من الشهر الجاري`).
//!
//! **Relative words**: اليوم، أمس، أول أمس، غداً; weekdays (الثلاثاء، يوم الجمعة، السبت; `الأحد`,
//! `الاثنين`, `الجمعة` — also ordinary words — only after يوم/صباح/مساء or between commas or before
//! الماضي/المقبل); `الأسبوع/الشهر/العام` + الماضي/الفائت/المنصرم/السابق, الجاري/الحالي, المقبل/القادم,
//! and `هذا الشهر/العام/الأسبوع`.
//!
//! A part of the month or year written before it (مطلع، أوائل، منتصف، أواخر، نهاية …) is part of
//! the date's text; the value keeps the month or year.
//!
//! **Resolution** against the article's dateline (the document's metadata date, else a full date
//! near the top of the text in dateline position: in brackets, after a dash, or starting a line):
//! today/yesterday by days; a weekday is the latest such day on or before the dateline (strictly
//! before with الماضي/الفائت, after with المقبل/القادم); weeks as ISO weeks (`2022-W01`), months
//! as `YYYY-MM`, years as `YYYY`; a month with no year takes the dateline's year, or the year
//! before when the month is more than one month after the dateline's (news reports the past).
//!
//! **Output**: `2022-01-11`, `2022-01`, `2022`, `--01-07` (year unknown), `--01` (month only),
//! intervals `a/b`, weeks `2022-W01`. Relative dates that cannot be resolved are marked relative
//! and written as signed ISO 8601 durations from the unknown article date (`P0D` today, `-P1D`
//! yesterday, `-P1W` last week, `P0M` this month, `-P1Y` last year) or ISO 8601:2000 truncated
//! forms (`-W-2` a Tuesday, `---19` the 19th of the current month).
//!
//! One concern per file: [`calendar`] (day arithmetic, ISO weeks, ISO date strings), [`words`]
//! (month, weekday, ordinal and relative words), [`phrase`] (the parts of a date phrase),
//! [`mentions`] (date phrases in a token sequence), [`values`] (values against the dateline, and
//! comparison).

pub mod calendar;
pub mod mentions;
pub mod phrase;
pub mod values;
pub mod words;

pub use calendar::{civil_from_days, days_from_civil, days_in_month, iso_span, iso_week, parse_iso, weekday};
pub use mentions::scan;
pub use values::{compatible, dateline_in_text, resolve, DateVal, Resolved};

/// A calendar date with possibly unknown parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Partial {
    pub y: Option<i32>,
    pub m: Option<u8>,
    pub d: Option<u8>,
}

/// Which occurrence of a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The latest on or before the dateline (the default: news reports the past).
    OnOrBefore,
    /// Strictly before (الماضي، الفائت).
    Before,
    /// Strictly after (المقبل، القادم).
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// Days from the dateline: today 0, yesterday -1.
    Day(i32),
    Weekday { wd: u8, when: When },
    Week(i32),
    Month(i32),
    Year(i32),
    /// Day `d` of the month `months` away from the dateline's.
    DayOfMonth { d: u8, months: i32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    Abs(Partial),
    Range(Partial, Partial),
    Rel(Rel),
}

/// A date found in a token sequence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Token range of the date phrase.
    pub first: usize,
    pub end: usize,
    pub expr: DateExpr,
}

/// A date found by [`find`], for tests and tools.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub value: String,
    pub relative: bool,
    pub text: String,
}

/// The dates of a plain text. `dateline` is an ISO date; without one, a dateline in the text is
/// used when there is one.
pub fn find(text: &str, dateline: Option<&str>) -> Vec<FoundDate> {
    let v = crate::tokenize::tokenize(text);
    let dates = scan(&v.tokens);
    let dl = dateline.and_then(parse_iso).or_else(|| dateline_in_text(&v, &dates));
    dates
        .iter()
        .map(|m| {
            let r = resolve(&m.expr, dl);
            FoundDate { value: r.value, relative: r.relative, text: v.slice(m.first, m.end).to_string() }
        })
        .collect()
}
