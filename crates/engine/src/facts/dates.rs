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

use super::nouns;
use super::numbers::qualifier_before;
use super::text::{forms, View};
use crate::model::Token;
use crate::model::TokenKind;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01).

pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    ((if m <= 2 { y + 1 } else { y }) as i32, m as u8, d as u8)
}

/// ISO weekday, 1 = Monday … 7 = Sunday.
pub fn weekday(z: i64) -> u8 {
    ((z + 3).rem_euclid(7) + 1) as u8
}

/// ISO week (year, week).
pub fn iso_week(z: i64) -> (i32, u8) {
    let thu = z + 4 - i64::from(weekday(z));
    let (y, _, _) = civil_from_days(thu);
    (y, ((thu - days_from_civil(y, 1, 1)) / 7 + 1) as u8)
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn add_months(y: i32, m: u8, k: i32) -> (i32, u8) {
    let idx = y * 12 + i32::from(m) - 1 + k;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

/// Days of an ISO date string (`YYYY-MM-DD`, anything after the day ignored).
pub fn parse_iso(s: &str) -> Option<i64> {
    let s = s.trim();
    let y: i32 = s.get(0..4)?.parse().ok()?;
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
        return None;
    }
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d: u8 = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

fn iso_day(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------------------------
// What a date expression says.

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

// ---------------------------------------------------------------------------------------------
// Lexicon.

fn month_word(f: &str) -> Option<(u8, bool)> {
    Some(match f {
        "يناير" | "جانفي" | "january" => (1, false),
        "فبراير" | "فيفري" | "شباط" | "february" => (2, false),
        "مارس" => (3, true),
        "اذار" => (3, false),
        "march" => (3, true),
        "ابريل" | "افريل" | "april" => (4, false),
        "نيسان" => (4, true),
        "مايو" | "ايار" => (5, false),
        "may" => (5, true),
        "ماي" => (5, true),
        "يونيو" | "يونيه" | "جوان" | "حزيران" | "june" => (6, false),
        "يوليو" | "يوليه" | "جويليه" | "تموز" | "july" => (7, false),
        "اغسطس" | "اغشت" | "اوت" | "august" => (8, false),
        "اب" => (8, true),
        "سبتمبر" | "شتنبر" | "ايلول" | "september" => (9, false),
        "اكتوبر" | "october" => (10, false),
        "نوفمبر" | "نونبر" | "november" => (11, false),
        "ديسمبر" | "دجنبر" | "december" => (12, false),
        _ => return None,
    })
}

/// Readings of a word without proclitics but with its article (for ordinals, weekdays).
fn with_article_forms(norm: &str) -> Vec<String> {
    let mut out = vec![norm.to_string()];
    for p in ["و", "ف", "ب", "ل", "وب", "ول"] {
        if let Some(r) = norm.strip_prefix(p) {
            if r.starts_with("ال") {
                out.push(r.to_string());
            }
        }
    }
    // لل = ل + ال
    if let Some(r) = norm.strip_prefix("لل") {
        out.push(format!("ال{r}"));
    }
    out
}

fn weekday_word(f: &str) -> Option<(u8, bool)> {
    Some(match f {
        "الاثنين" => (1, true),
        "الثلاثاء" => (2, false),
        "الاربعاء" => (3, false),
        "الخميس" => (4, false),
        "الجمعه" => (5, true),
        "السبت" => (6, false),
        "الاحد" => (7, true),
        _ => return None,
    })
}

fn ordinal_word(f: &str) -> Option<u8> {
    Some(match f {
        "الاول" | "الاولي" => 1,
        "الثاني" | "الثانيه" => 2,
        "الثالث" | "الثالثه" => 3,
        "الرابع" | "الرابعه" => 4,
        "الخامس" | "الخامسه" => 5,
        "السادس" | "السادسه" => 6,
        "السابع" | "السابعه" => 7,
        "الثامن" | "الثامنه" => 8,
        "التاسع" | "التاسعه" => 9,
        "العاشر" | "العاشره" => 10,
        "الحادي" | "الحاديه" => 1,
        "العشرين" => 20,
        "الثلاثين" => 30,
        _ => return None,
    })
}

const PAST: &[&str] = &["الماضي", "الماضيه", "الفايت", "الفايته", "المنصرم", "المنصرمه", "السابق", "السابقه"];
const CURRENT: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];
const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];

fn rel_adjective(t: Option<&Token>) -> Option<i32> {
    let n = t?.norm.as_str();
    if PAST.contains(&n) {
        Some(-1)
    } else if CURRENT.contains(&n) {
        Some(0)
    } else if NEXT.contains(&n) {
        Some(1)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing.

struct P<'t, 'a> {
    toks: &'t [Token<'a>],
    sentence: usize,
}

impl<'t, 'a> P<'t, 'a> {
    fn at(&self, k: usize) -> Option<&'t Token<'a>> {
        self.toks.get(k).filter(|t| !t.boiler && t.sentence == self.sentence)
    }

    fn is_punct(&self, k: usize, p: &[&str]) -> bool {
        self.at(k).is_some_and(|t| t.kind == TokenKind::Punct && p.contains(&t.text))
    }

    fn word_is(&self, k: usize, words: &[&str]) -> bool {
        self.at(k).is_some_and(|t| t.kind == TokenKind::Arabic && words.contains(&t.norm.as_str()))
    }

    /// A single month name at `k`: (month, end, ambiguous).
    fn month1(&self, k: usize) -> Option<(u8, usize, bool)> {
        let t = self.at(k)?;
        match t.kind {
            TokenKind::Arabic => {
                if let Some(n) = self.at(k + 1) {
                    let lev = ["كانون", "تشرين"].iter().find(|w| forms(&t.norm).iter().any(|f| f == *w));
                    if let Some(w) = lev {
                        let m = match (*w, n.norm.as_str()) {
                            ("كانون", "الثاني") => Some(1),
                            ("كانون", "الاول") => Some(12),
                            ("تشرين", "الاول") => Some(10),
                            ("تشرين", "الثاني") => Some(11),
                            _ => None,
                        };
                        if let Some(m) = m {
                            return Some((m, k + 2, false));
                        }
                    }
                }
                let (m, amb) = month_word(&t.norm).or_else(|| forms(&t.norm).iter().skip(1).find_map(|f| month_word(f)))?;
                Some((m, k + 1, amb))
            }
            TokenKind::Latin => {
                let (m, amb) = month_word(&t.norm)?;
                Some((m, k + 1, amb))
            }
            _ => None,
        }
    }

    /// A month name with an optional second name of the same month (`يناير/كانون الثاني`).
    fn month(&self, k: usize) -> Option<(u8, usize, bool)> {
        let (m, mut e, amb) = self.month1(k)?;
        let mut j = e;
        let open = self.is_punct(j, &["("]);
        if self.is_punct(j, &["/", "-", "–", "(", "|"]) {
            j += 1;
        }
        if let Some((m2, e2, _)) = self.month1(j) {
            if m2 == m {
                e = e2;
                if open && self.is_punct(e, &[")"]) {
                    e += 1;
                }
            }
        }
        Some((m, e, amb))
    }

    /// A day of the month written in digits.
    fn day(&self, k: usize) -> Option<u8> {
        let t = self.at(k)?;
        if t.kind != TokenKind::Number || t.text.chars().count() > 2 {
            return None;
        }
        if self.at(k + 1).is_some_and(|n| n.glued && n.kind == TokenKind::Punct && matches!(n.text, "." | "," | "٫" | "٬"))
            && self.at(k + 2).is_some_and(|n| n.glued && n.kind == TokenKind::Number)
        {
            return None;
        }
        let d: u8 = t.norm.clone().parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A year in digits at `k`: (year, end). A glued or following `ء`/`م` mark is included; a hijri
    /// mark (`هـ`) makes it no Gregorian year.
    fn year(&self, k: usize) -> Option<(i32, usize)> {
        let t = self.at(k)?;
        if t.kind != TokenKind::Number || !(3..=4).contains(&t.text.chars().count()) {
            return None;
        }
        if self.at(k + 1).is_some_and(|n| n.glued && n.kind == TokenKind::Number) {
            return None;
        }
        let y: i32 = t.norm.clone().parse().ok()?;
        if !(1000..=2100).contains(&y) {
            return None;
        }
        let mut e = k + 1;
        if let Some(n) = self.at(k + 1) {
            if n.kind == TokenKind::Arabic {
                match n.norm.as_str() {
                    "ء" | "م" => e += 1,
                    "ه" => return None,
                    _ => {}
                }
            }
        }
        Some((y, e))
    }

    /// An ordinal day (`السادس`, `الحادي عشر`, `الحادي والعشرين`): (day, end).
    fn ordinal(&self, k: usize) -> Option<(u8, usize)> {
        let t = self.at(k)?;
        if t.kind != TokenKind::Arabic {
            return None;
        }
        let fs = with_article_forms(&t.norm);
        let base = fs.iter().find_map(|f| ordinal_word(f))?;
        let hadi = fs.iter().any(|f| f == "الحادي" || f == "الحاديه");
        let mut d = base;
        let mut e = k + 1;
        if base <= 9 {
            if self.word_is(e, &["عشر", "عشره"]) {
                d = base + 10;
                e += 1;
            } else if self.word_is(e, &["والعشرين"]) {
                d = base + 20;
                e += 1;
            } else if self.word_is(e, &["والثلاثين"]) {
                d = base + 30;
                e += 1;
            } else if hadi {
                return None;
            }
        }
        (1..=31).contains(&d).then_some((d, e))
    }

    /// `الشهر` + relative adjective (or `هذا الشهر`) at `k`: (months offset, end).
    fn rel_month(&self, k: usize) -> Option<(i32, usize)> {
        if self.word_is(k, &["هذا"]) && self.word_is(k + 1, &["الشهر"]) {
            return Some((0, k + 2));
        }
        if self.word_is(k, &["الشهر"]) {
            let off = rel_adjective(self.at(k + 1))?;
            return Some((off, k + 2));
        }
        None
    }

    /// After a day at `k` (digits or ordinal) ending at `e`: month / range / current month.
    fn after_day(&self, d: u8, mut e: usize) -> Option<(DateExpr, usize)> {
        if self.word_is(e, &["من"]) {
            if let Some((m, e2, _)) = self.month(e + 1) {
                return Some(self.with_year(Partial { y: None, m: Some(m), d: Some(d) }, e2));
            }
            if let Some((off, e2)) = self.rel_month(e + 1) {
                return Some((DateExpr::Rel(Rel::DayOfMonth { d, months: off }), e2));
            }
            return None;
        }
        if let Some((m, e2, _)) = self.month(e) {
            return Some(self.with_year(Partial { y: None, m: Some(m), d: Some(d) }, e2));
        }
        if let Some((off, e2)) = self.rel_month(e) {
            return Some((DateExpr::Rel(Rel::DayOfMonth { d, months: off }), e2));
        }
        // Range: D1 إلى/-/و/حتى D2 Month.
        if self.is_punct(e, &["-", "–"]) || self.word_is(e, &["الي", "حتي", "و"]) {
            e += 1;
            let d2 = self.day(e)?;
            let (m, e2, _) = self.month(e + 1)?;
            let (end_expr, e3) = self.with_year(Partial { y: None, m: Some(m), d: Some(d2) }, e2);
            if let DateExpr::Abs(p2) = end_expr {
                if d2 > d {
                    return Some((DateExpr::Range(Partial { d: Some(d), ..p2 }, p2), e3));
                }
            }
        }
        None
    }

    fn with_year(&self, p: Partial, e: usize) -> (DateExpr, usize) {
        let mut e = e;
        if self.is_punct(e, &["،", ","]) && self.year(e + 1).is_some() {
            e += 1;
        }
        match self.year(e) {
            Some((y, e2)) => (DateExpr::Abs(Partial { y: Some(y), ..p }), e2),
            None => (DateExpr::Abs(p), e),
        }
    }
}

/// Words for a part of a month or year, kept in the date's text (the value keeps the month).
const PART_OF: &[&str] = &["مطلع", "اوايل", "اواسط", "منتصف", "اواخر", "نهايه", "بدايه", "اخر", "ختام"];
const MONTH_CUES: &[&str] = &["في", "شهر", "مطلع", "اوايل", "منتصف", "اواخر", "نهايه", "بدايه", "خلال", "حتي", "منذ", "بحلول", "مع"];
const DAY_CUES: &[&str] = &["يوم", "اليوم", "مساء", "صباح", "ظهر", "فجر", "ليل", "ليله", "منذ", "حتي", "صبيحه", "عشيه"];
const YEAR_WORDS: &[&str] = &["عام", "سنه"];
const SPAN_WORDS: &[(&str, u8)] = &[("اسبوع", 0), ("شهر", 1), ("عام", 2), ("سنه", 2)];

/// The date starting at token `i`.
fn parse_at(toks: &[Token], i: usize) -> Option<(DateExpr, usize)> {
    let t = &toks[i];
    let p = P { toks, sentence: t.sentence };
    // D [من] Month [Year], ranges, D الشهر الجاري.
    if let Some(d) = p.day(i) {
        if let Some(r) = p.after_day(d, i + 1) {
            return Some(r);
        }
    }
    // Ordinal day.
    if let Some((d, e)) = p.ordinal(i) {
        if let Some(r) = p.after_day(d, e) {
            return Some(r);
        }
    }
    // Month [Day,] [Year].
    if let Some((m, e, amb)) = p.month(i) {
        if t.kind == TokenKind::Latin {
            if let Some(d) = p.day(e) {
                let mut e2 = e + 1;
                if p.is_punct(e2, &[","]) {
                    e2 += 1;
                }
                if let Some((y, e3)) = p.year(e2) {
                    return Some((DateExpr::Abs(Partial { y: Some(y), m: Some(m), d: Some(d) }), e3));
                }
                return Some((DateExpr::Abs(Partial { y: None, m: Some(m), d: Some(d) }), e2.min(e + 1)));
            }
        }
        if let Some((y, e2)) = p.year(e) {
            return Some((DateExpr::Abs(Partial { y: Some(y), m: Some(m), d: None }), e2));
        }
        let cue = i > 0 && p.at(i - 1).is_some_and(|b| forms(&b.norm).iter().any(|f| MONTH_CUES.contains(&f.as_str())));
        if !amb && (t.kind == TokenKind::Arabic || cue) {
            return Some((DateExpr::Abs(Partial { y: None, m: Some(m), d: None }), e));
        }
        if amb && p.word_is(i.wrapping_sub(1), &["شهر"]) {
            return Some((DateExpr::Abs(Partial { y: None, m: Some(m), d: None }), e));
        }
    }
    if t.kind == TokenKind::Arabic {
        let fs = forms(&t.norm);
        let has_article = t.norm.contains("ال") || t.norm.starts_with("لل");
        // عام/العام/سنة + year.
        if fs.iter().any(|f| YEAR_WORDS.contains(&f.as_str())) {
            if let Some((y, e)) = p.year(i + 1) {
                return Some((DateExpr::Abs(Partial { y: Some(y), m: None, d: None }), e));
            }
        }
        // الأسبوع/الشهر/العام + الماضي/الجاري/المقبل.
        if has_article {
            if let Some(&(_, span)) = SPAN_WORDS.iter().find(|(w, _)| fs.iter().any(|f| f == w)) {
                if let Some(off) = rel_adjective(p.at(i + 1)) {
                    let r = match span {
                        0 => Rel::Week(off),
                        1 => Rel::Month(off),
                        _ => Rel::Year(off),
                    };
                    return Some((DateExpr::Rel(r), i + 2));
                }
            }
        }
        // هذا الأسبوع/الشهر/العام، هذه السنة.
        if matches!(t.norm.as_str(), "هذا" | "هذه") {
            if let Some(n) = p.at(i + 1) {
                let r = match n.norm.as_str() {
                    "الاسبوع" => Some(Rel::Week(0)),
                    "الشهر" => Some(Rel::Month(0)),
                    "العام" | "السنه" => Some(Rel::Year(0)),
                    _ => None,
                };
                if let Some(r) = r {
                    return Some((DateExpr::Rel(r), i + 2));
                }
            }
        }
        // اليوم [weekday]
        if matches!(t.norm.as_str(), "اليوم" | "واليوم" | "فاليوم") {
            if let Some(n) = p.at(i + 1) {
                if let Some((wd, _)) = weekday_word(&n.norm) {
                    return Some((DateExpr::Rel(Rel::Weekday { wd, when: When::OnOrBefore }), i + 2));
                }
                if n.kind == TokenKind::Arabic && (n.norm.starts_with("ال") || matches!(n.norm.as_str(), "نفسه" | "ذاته")) {
                    return None; // اليوم التالي، اليوم الوطني
                }
            }
            return Some((DateExpr::Rel(Rel::Day(0)), i + 1));
        }
        // أمس، أمس الأول، أول أمس، غداً
        if fs.iter().any(|f| f == "امس") {
            if p.word_is(i + 1, &["الاول"]) {
                return Some((DateExpr::Rel(Rel::Day(-2)), i + 2));
            }
            return Some((DateExpr::Rel(Rel::Day(-1)), i + 1));
        }
        if t.norm == "اول" && p.word_is(i + 1, &["امس"]) {
            return Some((DateExpr::Rel(Rel::Day(-2)), i + 2));
        }
        if t.norm == "اول" && p.word_is(i + 1, &["من"]) && p.word_is(i + 2, &["امس"]) {
            return Some((DateExpr::Rel(Rel::Day(-2)), i + 3));
        }
        if matches!(t.norm.as_str(), "غدا" | "وغدا") {
            return Some((DateExpr::Rel(Rel::Day(1)), i + 1));
        }
        // Weekdays.
        if let Some((wd, ambiguous)) = with_article_forms(&t.norm).iter().find_map(|f| weekday_word(f)) {
            let before = i.checked_sub(1).and_then(|k| p.at(k));
            let after = p.at(i + 1);
            let cue_before = before.is_some_and(|b| forms(&b.norm).iter().any(|f| DAY_CUES.contains(&f.as_str())));
            let rel = rel_adjective(after);
            let between_commas = before.is_some_and(|b| matches!(b.text, "،" | ",")) && after.is_some_and(|a| matches!(a.text, "،" | "," | "." | "؛"));
            if !ambiguous || cue_before || rel.is_some() || between_commas {
                let when = match rel {
                    Some(-1) => When::Before,
                    Some(1) => When::After,
                    _ => When::OnOrBefore,
                };
                let e = if rel.is_some() { i + 2 } else { i + 1 };
                return Some((DateExpr::Rel(Rel::Weekday { wd, when }), e));
            }
        }
    }
    // Year with a year mark, or a bare year nothing counts.
    if t.kind == TokenKind::Number {
        if let Some((y, e)) = p.year(i) {
            if e > i + 1 {
                return Some((DateExpr::Abs(Partial { y: Some(y), m: None, d: None }), e));
            }
            let plain = t.text.chars().count() == 4 && (1900..=2100).contains(&y);
            let next_ok = match toks.get(e).filter(|n| n.sentence == t.sentence && !n.boiler) {
                None => true,
                Some(n) if n.kind == TokenKind::Punct => !matches!(n.text, "%" | "٪"),
                Some(n) if n.kind == TokenKind::Arabic => {
                    nouns::NOT_NOUNS.contains(&n.norm.as_str()) && nouns::lookup(&n.norm).is_none()
                }
                Some(_) => false,
            };
            if plain && next_ok && qualifier_before(toks, i).is_none() {
                return Some((DateExpr::Abs(Partial { y: Some(y), m: None, d: None }), e));
            }
        }
    }
    None
}

/// A weekday followed by the date it names (`يوم الاثنين 6 شباط/فبراير 2023`) is that date.
fn with_date_after_weekday(toks: &[Token], expr: DateExpr, end: usize) -> (DateExpr, usize) {
    if let DateExpr::Rel(Rel::Weekday { .. }) = expr {
        let mut k = end;
        if toks.get(k).is_some_and(|t| matches!(t.text, "،" | ",")) {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| t.sentence == toks[end - 1].sentence && !t.boiler) {
            if let Some((d @ DateExpr::Abs(Partial { d: Some(_), .. }), e)) = parse_at(toks, k) {
                return (d, e);
            }
        }
    }
    (expr, end)
}

/// Every date of a token sequence, in order. Tokens in boilerplate or inside names are skipped.
pub fn scan(toks: &[Token]) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].boiler || toks[i].mention.is_some() {
            i += 1;
            continue;
        }
        // `يوم` before a date or weekday belongs to the phrase (`يوم 10 كانون الثاني`، `يوم الجمعة`).
        let t = &toks[i];
        if forms(&t.norm).iter().any(|f| f == "يوم") && !t.norm.contains("ال") && toks.get(i + 1).is_some_and(|n| n.sentence == t.sentence && !n.boiler) {
            if let Some((expr, end)) = parse_at(toks, i + 1) {
                let (expr, end) = with_date_after_weekday(toks, expr, end);
                if matches!(expr, DateExpr::Abs(_) | DateExpr::Range(..) | DateExpr::Rel(Rel::Weekday { .. })) {
                    let first = if t.norm == "يوم" { i } else { i + 1 };
                    out.push(DateMention { first, end, expr });
                    i = end;
                    continue;
                }
            }
        }
        match parse_at(toks, i).map(|(expr, end)| with_date_after_weekday(toks, expr, end)) {
            Some((expr, end)) if end > i => {
                // A part of the month or year before it belongs to the phrase (`أوائل الشهر الجاري`).
                let part = i > 0 && !toks[i - 1].boiler && toks[i - 1].sentence == t.sentence && PART_OF.contains(&toks[i - 1].norm.as_str()) && out.last().is_none_or(|m: &DateMention| m.end < i);
                let precise_day = matches!(expr, DateExpr::Abs(Partial { d: Some(_), .. }) | DateExpr::Rel(Rel::Day(_) | Rel::Weekday { .. } | Rel::DayOfMonth { .. }));
                let first = if part && !precise_day { i - 1 } else { i };
                out.push(DateMention { first, end, expr });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Resolution and comparison.

/// A date value for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateVal {
    /// Range of days when the year is known.
    pub span: Option<(i64, i64)>,
    /// Month and day when the year is not known.
    pub md: Option<(Option<u8>, Option<u8>)>,
    /// Known weekday (ISO) of an unresolved weekday expression.
    pub weekday: Option<u8>,
    /// An unresolved relative date.
    pub relative: bool,
}

/// A resolved (or, without a dateline, relative) date.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// ISO 8601 value (see the module documentation).
    pub value: String,
    pub relative: bool,
    pub val: DateVal,
}

fn partial_span(p: &Partial) -> Option<(i64, i64)> {
    let y = p.y?;
    match (p.m, p.d) {
        (Some(m), Some(d)) if d <= days_in_month(y, m) => {
            let z = days_from_civil(y, m, d);
            Some((z, z))
        }
        (Some(m), None) => Some((days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m)))),
        (None, _) => Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))),
        _ => None,
    }
}

fn partial_iso(p: &Partial) -> String {
    match (p.y, p.m, p.d) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, _) => format!("{y:04}"),
        (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
        (None, Some(m), None) => format!("--{m:02}"),
        (None, None, _) => String::new(),
    }
}

fn infer_year(p: Partial, dateline: Option<i64>) -> Partial {
    match (p.y, p.m, dateline) {
        (None, Some(m), Some(z)) => {
            let (y, dm, _) = civil_from_days(z);
            let y = if m > dm + 1 { y - 1 } else { y };
            Partial { y: Some(y), ..p }
        }
        _ => p,
    }
}

fn offset(k: i32, unit: char) -> String {
    match k.cmp(&0) {
        std::cmp::Ordering::Less => format!("-P{}{unit}", -k),
        _ => format!("P{k}{unit}"),
    }
}

/// Resolve a date expression against a dateline (days since 1970-01-01), when there is one.
pub fn resolve(expr: &DateExpr, dateline: Option<i64>) -> Resolved {
    let abs = |p: Partial| {
        let p = infer_year(p, dateline);
        let val = match partial_span(&p) {
            Some(s) => DateVal { span: Some(s), ..Default::default() },
            None => DateVal { md: Some((p.m, p.d)), ..Default::default() },
        };
        Resolved { value: partial_iso(&p), relative: false, val }
    };
    match (*expr, dateline) {
        (DateExpr::Abs(p), _) => abs(p),
        (DateExpr::Range(a, b), _) => {
            let (a, b) = (infer_year(a, dateline), infer_year(b, dateline));
            let span = match (partial_span(&a), partial_span(&b)) {
                (Some(x), Some(y)) => Some((x.0, y.1)),
                _ => None,
            };
            let val = match span {
                Some(s) => DateVal { span: Some(s), ..Default::default() },
                None => DateVal { md: Some((a.m, None)), ..Default::default() },
            };
            Resolved { value: format!("{}/{}", partial_iso(&a), partial_iso(&b)), relative: false, val }
        }
        (DateExpr::Rel(r), Some(z)) => {
            let day = |d: i64| Resolved { value: iso_day(d), relative: false, val: DateVal { span: Some((d, d)), ..Default::default() } };
            match r {
                Rel::Day(k) => day(z + i64::from(k)),
                Rel::Weekday { wd, when } => {
                    let today = i64::from(weekday(z));
                    let wd = i64::from(wd);
                    let d = match when {
                        When::OnOrBefore => z - (today - wd).rem_euclid(7),
                        When::Before => z - (((today - wd).rem_euclid(7) + 6) % 7 + 1),
                        When::After => z + (((wd - today).rem_euclid(7) + 6) % 7 + 1),
                    };
                    day(d)
                }
                Rel::Week(k) => {
                    let w = z + 7 * i64::from(k);
                    let monday = w - i64::from(weekday(w)) + 1;
                    let (y, n) = iso_week(w);
                    Resolved { value: format!("{y:04}-W{n:02}"), relative: false, val: DateVal { span: Some((monday, monday + 6)), ..Default::default() } }
                }
                Rel::Month(k) => {
                    let (y, m, _) = civil_from_days(z);
                    let (y, m) = add_months(y, m, k);
                    abs(Partial { y: Some(y), m: Some(m), d: None })
                }
                Rel::Year(k) => {
                    let (y, _, _) = civil_from_days(z);
                    abs(Partial { y: Some(y + k), m: None, d: None })
                }
                Rel::DayOfMonth { d, months } => {
                    let (y, m, _) = civil_from_days(z);
                    let (y, m) = add_months(y, m, months);
                    abs(Partial { y: Some(y), m: Some(m), d: Some(d) })
                }
            }
        }
        (DateExpr::Rel(r), None) => {
            let (value, weekday) = match r {
                Rel::Day(k) => (offset(k, 'D'), None),
                Rel::Weekday { wd, .. } => (format!("-W-{wd}"), Some(wd)),
                Rel::Week(k) => (offset(k, 'W'), None),
                Rel::Month(k) => (offset(k, 'M'), None),
                Rel::Year(k) => (offset(k, 'Y'), None),
                Rel::DayOfMonth { d, months: 0 } => (format!("---{d:02}"), None),
                Rel::DayOfMonth { months, .. } => (offset(months, 'M'), None),
            };
            Resolved { value, relative: true, val: DateVal { weekday, relative: true, ..Default::default() } }
        }
    }
}

/// Can two date values both be true of one event?
pub fn compatible(a: &DateVal, b: &DateVal) -> bool {
    if a.relative || b.relative {
        let (r, o) = if a.relative { (a, b) } else { (b, a) };
        return match (r.weekday, o.relative, o.weekday, o.span) {
            (Some(w), true, Some(w2), _) => w == w2,
            (Some(w), false, _, Some((s, e))) if s == e => weekday(s) == w,
            _ => true,
        };
    }
    match (a.span, b.span, a.md, b.md) {
        (Some((s1, e1)), Some((s2, e2)), _, _) => s1 <= e2 && s2 <= e1,
        (None, None, Some((m1, d1)), Some((m2, d2))) => {
            (m1.is_none() || m2.is_none() || m1 == m2) && (d1.is_none() || d2.is_none() || d1 == d2)
        }
        (Some((s, e)), None, _, Some((m, d))) | (None, Some((s, e)), Some((m, d)), _) => {
            if e - s > 62 {
                return true;
            }
            (s..=e).any(|z| {
                let (_, zm, zd) = civil_from_days(z);
                m.is_none_or(|m| m == zm) && d.is_none_or(|d| d == zd)
            })
        }
        _ => true,
    }
}

/// The dateline in the text: a full date in the first three lines, in dateline position (in
/// brackets, after a dash or slash, at a line start, or followed by `)` or a dash).
pub fn dateline_in_text(v: &View, dates: &[DateMention]) -> Option<i64> {
    for m in dates {
        let t = &v.tokens[m.first];
        if t.boiler || t.sentence > 3 || t.start > 500 {
            continue;
        }
        let DateExpr::Abs(p) = m.expr else { continue };
        let (Some(y), Some(mo), Some(d)) = (p.y, p.m, p.d) else { continue };
        if d > days_in_month(y, mo) {
            continue;
        }
        let before = (m.first.saturating_sub(2)..m.first).any(|k| matches!(v.tokens[k].text, "(" | "-" | "–" | "—" | "/" | "|"));
        let line_start = m.first == 0 || v.text[v.tokens[m.first - 1].end..t.start].contains('\n');
        let after = v.tokens.get(m.end).is_some_and(|n| matches!(n.text, ")" | "-" | "–" | "—" | ":"));
        if before || line_start || after {
            return Some(days_from_civil(y, mo, d));
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2022, 1, 11)), (2022, 1, 11));
        assert_eq!(weekday(days_from_civil(2022, 1, 11)), 2, "11 January 2022 was a Tuesday");
        assert_eq!(iso_week(days_from_civil(2022, 1, 4)), (2022, 1));
        assert_eq!(iso_week(days_from_civil(2022, 1, 2)), (2021, 52));
        assert_eq!(parse_iso("2022-01-11"), Some(days_from_civil(2022, 1, 11)));
        assert_eq!(parse_iso("2022-02-30"), None);
    }
}
