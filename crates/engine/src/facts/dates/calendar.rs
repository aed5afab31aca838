//! Calendar arithmetic (proleptic Gregorian, days since 1970-01-01): civil dates, ISO weekdays
//! and weeks, ISO date strings.


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

pub(super) fn add_months(y: i32, m: u8, k: i32) -> (i32, u8) {
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

/// The days a resolved ISO value covers, first and last: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a
/// range `A/B` of those. A value without a year (`--01-06`) or relative (`-P1W`) covers no days
/// that can be placed on a calendar: `None`.
pub fn iso_span(s: &str) -> Option<(i64, i64)> {
    if let Some((a, b)) = s.split_once('/') {
        let (a, b) = (iso_span(a)?, iso_span(b)?);
        return (a.0 <= b.1).then_some((a.0, b.1));
    }
    let s = s.trim();
    if !s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.get(0..4)?.parse().ok()?;
    match s.len() {
        4 => Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))),
        7 if s.get(4..5)? == "-" => {
            let m: u8 = s.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some((days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m))))
        }
        10 => parse_iso(s).map(|z| (z, z)),
        _ => None,
    }
}

pub(super) fn iso_day(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_resolved_values() {
        let day = |y, m, d| days_from_civil(y, m, d);
        assert_eq!(iso_span("2022-01-09"), Some((day(2022, 1, 9), day(2022, 1, 9))));
        assert_eq!(iso_span("2007-10"), Some((day(2007, 10, 1), day(2007, 10, 31))));
        assert_eq!(iso_span("2024-02"), Some((day(2024, 2, 1), day(2024, 2, 29))));
        assert_eq!(iso_span("1991"), Some((day(1991, 1, 1), day(1991, 12, 31))));
        assert_eq!(iso_span("2004-06-16/2004-06-17"), Some((day(2004, 6, 16), day(2004, 6, 17))));
        for relative in ["--01-06", "-P1W", "P0D", "-W-2", "---19", "2022-13", "2022-02-30", "2022/2021", ""] {
            assert_eq!(iso_span(relative), None, "{relative}");
        }
    }

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
