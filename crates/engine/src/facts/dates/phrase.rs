//! The parts of a date phrase, read at a token: a month name (or two names of one month), a day
//! in digits or as an ordinal, a year, and what may follow a day (month, range, current month).

use super::words::{month_word, ordinal_word, rel_adjective, with_article_forms};
use super::{DateExpr, Partial, Rel};
use crate::facts::text::token_forms;
use crate::model::{Token, TokenKind};

pub(super) struct P<'t, 'a> {
    pub(super) toks: &'t [Token<'a>],
    pub(super) sentence: usize,
}

impl<'t, 'a> P<'t, 'a> {
    pub(super) fn at(&self, k: usize) -> Option<&'t Token<'a>> {
        self.toks.get(k).filter(|t| !t.boiler && t.sentence == self.sentence)
    }

    pub(super) fn is_punct(&self, k: usize, p: &[&str]) -> bool {
        self.at(k).is_some_and(|t| t.kind == TokenKind::Punct && p.contains(&t.text))
    }

    pub(super) fn word_is(&self, k: usize, words: &[&str]) -> bool {
        self.at(k).is_some_and(|t| t.kind == TokenKind::Arabic && words.contains(&t.norm.as_str()))
    }

    /// A single month name at `k`: (month, end, ambiguous).
    fn month1(&self, k: usize) -> Option<(u8, usize, bool)> {
        let t = self.at(k)?;
        match t.kind {
            TokenKind::Arabic => {
                let fs = token_forms(t);
                if let Some(n) = self.at(k + 1) {
                    let lev = ["كانون", "تشرين"].iter().find(|w| fs.iter().any(|f| f == *w));
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
                let (m, amb) = month_word(&t.norm).or_else(|| fs.iter().skip(1).find_map(|f| month_word(f)))?;
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
    pub(super) fn month(&self, k: usize) -> Option<(u8, usize, bool)> {
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
    pub(super) fn day(&self, k: usize) -> Option<u8> {
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
    pub(super) fn year(&self, k: usize) -> Option<(i32, usize)> {
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
    pub(super) fn ordinal(&self, k: usize) -> Option<(u8, usize)> {
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
    pub(super) fn after_day(&self, d: u8, mut e: usize) -> Option<(DateExpr, usize)> {
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
