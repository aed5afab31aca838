//! Date phrases in a token sequence: the date starting at a token (absolute, relative or a
//! weekday), and [`scan`] over a whole sequence.

use super::phrase::P;
use super::words::{rel_adjective, weekday_word, with_article_forms, DAY_CUES, MONTH_CUES, PART_OF, SPAN_WORDS, YEAR_WORDS};
use super::{DateExpr, DateMention, Partial, Rel, When};
use crate::facts::nouns;
use crate::facts::numbers::qualifier_before;
use crate::facts::text::token_forms;
use crate::model::{Token, TokenKind};

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
        let cue = i > 0 && p.at(i - 1).is_some_and(|b| token_forms(b).iter().any(|f| MONTH_CUES.contains(&f.as_str())));
        if !amb && (t.kind == TokenKind::Arabic || cue) {
            return Some((DateExpr::Abs(Partial { y: None, m: Some(m), d: None }), e));
        }
        if amb && p.word_is(i.wrapping_sub(1), &["شهر"]) {
            return Some((DateExpr::Abs(Partial { y: None, m: Some(m), d: None }), e));
        }
    }
    if t.kind == TokenKind::Arabic {
        let fs = token_forms(t);
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
            let cue_before = before.is_some_and(|b| token_forms(b).iter().any(|f| DAY_CUES.contains(&f.as_str())));
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
        if token_forms(t).iter().any(|f| f == "يوم") && !t.norm.contains("ال") && toks.get(i + 1).is_some_and(|n| n.sentence == t.sentence && !n.boiler) {
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
