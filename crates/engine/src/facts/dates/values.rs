//! Date values: an expression resolved against the article's dateline (or left relative), the
//! dateline found in the text, and whether two values can be true of one event.

use super::calendar::{add_months, civil_from_days, days_from_civil, days_in_month, iso_day, iso_week, weekday};
use super::{DateExpr, DateMention, Partial, Rel, When};
use crate::facts::text::View;

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
    /// ISO 8601 value (see the module documentation of [`super`]).
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
