//! The words of dates: month names, weekdays, ordinal days, the relative adjectives
//! (الماضي، الجاري، المقبل …) and the cue words read around a date.

use crate::model::Token;

pub(super) fn month_word(f: &str) -> Option<(u8, bool)> {
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
pub(super) fn with_article_forms(norm: &str) -> Vec<String> {
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

pub(super) fn weekday_word(f: &str) -> Option<(u8, bool)> {
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

pub(super) fn ordinal_word(f: &str) -> Option<u8> {
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

pub(super) fn rel_adjective(t: Option<&Token>) -> Option<i32> {
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

/// Words for a part of a month or year, kept in the date's text (the value keeps the month).
pub(super) const PART_OF: &[&str] = &["مطلع", "اوايل", "اواسط", "منتصف", "اواخر", "نهايه", "بدايه", "اخر", "ختام"];
pub(super) const MONTH_CUES: &[&str] = &["في", "شهر", "مطلع", "اوايل", "منتصف", "اواخر", "نهايه", "بدايه", "خلال", "حتي", "منذ", "بحلول", "مع"];
pub(super) const DAY_CUES: &[&str] = &["يوم", "اليوم", "مساء", "صباح", "ظهر", "فجر", "ليل", "ليله", "منذ", "حتي", "صبيحه", "عشيه"];
pub(super) const YEAR_WORDS: &[&str] = &["عام", "سنه"];
pub(super) const SPAN_WORDS: &[(&str, u8)] = &[("اسبوع", 0), ("شهر", 1), ("عام", 2), ("سنه", 2)];

/// Whether a matching-form word is a month or a weekday name (with or without a proclitic), for
/// telling a date line from a name (`crate::compare::outlet`).
pub fn is_calendar_word(norm: &str) -> bool {
    month_word(norm).is_some() || with_article_forms(norm).iter().any(|f| weekday_word(f).is_some() || month_word(f).is_some()) || norm.strip_prefix('و').is_some_and(|r| month_word(r).is_some())
}
