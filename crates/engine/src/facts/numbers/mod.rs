//! Numbers as news prose writes them.
//!
//! **Digits.** Western (`0-9`), Eastern Arabic (`٠-٩`) and Persian (`۰-۹`) digits, mixed freely.
//! Separators, with no space around them:
//! - `,` and `٬` before exactly three digits are thousands separators (`1,300`, `1٬300`,
//!   `2,000,000`);
//! - `.` is a decimal point (`1.5 مليار`, and so `1.300` = 1.3), except when it separates two or
//!   more groups of three digits (`1.300.000` = 1 300 000), which no decimal can be;
//! - `٫` is always a decimal point; `,` before one, two or four or more digits is a decimal comma
//!   (`1,5` = 1.5).
//!
//! **Words** (matching forms, so hamza, teh marbuta and alef maqsura spellings all match):
//! units ثلاث(ة) … تسع(ة), عشر(ة); teens (`أحد عشر`, `اثنا عشر`, `خمسة عشر`); tens عشرون … تسعون;
//! hundreds مئة/مائة, مئتان/مائتان, ثلاثمئة/ثلاثمائة … and `ثلاث مئة`; scales ألف/ألفان/آلاف،
//! مليون/مليونان/ملايين، مليار/بليون، تريليون/ترليون. Compounds are read with the usual grammar: a scale word
//! multiplies what comes before it (`ثلاثة آلاف`, `١٩ مليون`, `مئة وخمسون ألفاً`), and `و` joins
//! parts of decreasing size (`ثلاثمئة وخمسة وعشرون`, `ألفان وخمسمئة`, `مليون و200 ألف`), the unit
//! coming before the ten (`خمسة وعشرون` = 25). Two words that do not fit this grammar are two
//! numbers (`ثلاثة وأربعة`).
//! Number words may carry the proclitics و ف ب ل (`بثلاثة`، `وعشرون`, a stem of at least three
//! letters); the vague words may also carry the article (`بالعشرات`، `المئات`).
//! `واحد` and `اثنان` alone are not read (they follow the noun and add nothing); a lone unit
//! word before a definite noun (`خمس السكان`, a fifth) is not a number.
//!
//! **The dual** of a counted noun with a broken plural is the number 2 (`يومين`, `شهرين`,
//! `جنديين`; see [`super::nouns`]).
//!
//! **Vague quantities** keep their order of magnitude as the value and are marked vague:
//! `عشرات` 10, `مئات` 100, `آلاف` 1000, `ملايين` 10⁶, `عشرات الآلاف` 10⁴, `بضعة` 1.
//!
//! **Qualifiers** before the number (the first word may carry a proclitic: `بنحو`, `بأكثر من`):
//! نحو، حوالي، قرابة، زهاء، ما يقارب، يقارب، ما يناهز، ما يقرب من (about); أكثر من، أزيد من، ما يزيد
//! عن/على، يربو على (more than); أقل من، ما يقل عن (less than); ما لا يقل عن، لا يقل عن (at least);
//! after it: تقريباً (about), على الأقل (at least), على الأكثر (at most). A negation (لن، لا، لم، ليس)
//! in the three words before `أكثر من` makes it "at most" (`لن يستغرق أكثر من 10 أيام`), before
//! `أقل من` "at least".
//!
//! One concern per file: [`words`] (the number words and their proclitics), [`digits`] (numbers
//! in digits), [`parse`] (a whole number, in digits or words), [`qualifiers`] (about, more than,
//! at least …).

pub mod digits;
pub mod parse;
pub mod qualifiers;
pub mod words;

pub use qualifiers::{qualifier_after, qualifier_before};

use super::nouns::{self, Noun};
use parse::parse_at;
use crate::model::Qualifier;
use crate::model::Token;
use crate::model::TokenKind;

/// A number found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// The value is an order of magnitude (`عشرات`).
    pub vague: bool,
    /// The number is a dual noun (`يومين`): the noun.
    pub dual: Option<Noun>,
    pub qualifier: Option<Qualifier>,
    /// First token of the qualifier (or of the number when there is none).
    pub qfirst: usize,
    /// Token range of the number itself (for a dual, the noun).
    pub first: usize,
    pub end: usize,
    /// One past the last token of a qualifier written after the number (`تقريباً`), else `end`.
    pub qend: usize,
    /// Written with digits.
    pub digits: bool,
    /// Four plain digits (no separator, no decimals): could be a year.
    pub plain4: bool,
}

fn number(value: f64, first: usize, end: usize, digits: bool, plain4: bool, vague: bool) -> Number {
    Number { value, vague, dual: None, qualifier: None, qfirst: first, first, end, qend: end, digits, plain4 }
}

/// The dual noun at `i` read as the number 2.
fn dual_at(toks: &[Token], i: usize) -> Option<Number> {
    let t = &toks[i];
    if t.kind != TokenKind::Arabic {
        return None;
    }
    let noun = nouns::dual(&t.norm)?;
    let mut n = number(2.0, i, i + 1, false, false, false);
    n.dual = Some(noun);
    Some(n)
}

/// Every number of a token sequence, in order. Tokens in boilerplate or inside names are skipped.
pub fn scan(toks: &[Token]) -> Vec<Number> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].boiler || toks[i].mention.is_some() {
            i += 1;
            continue;
        }
        match parse_at(toks, i).or_else(|| dual_at(toks, i)) {
            Some(mut n) => {
                if let Some((q, s)) = qualifier_before(toks, n.first) {
                    n.qualifier = Some(q);
                    n.qfirst = s;
                } else if let Some((q, e)) = qualifier_after(toks, n.end) {
                    n.qualifier = Some(q);
                    n.qend = e;
                }
                i = n.end.max(i + 1);
                out.push(n);
            }
            None => i += 1,
        }
    }
    out
}

/// A number found by [`find`], for tests and tools.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    pub vague: bool,
    pub dual: bool,
    pub qualifier: Option<Qualifier>,
    /// Qualifier and number as written.
    pub text: String,
}

/// The numbers of a plain text.
pub fn find(text: &str) -> Vec<Found> {
    let v = crate::tokenize::tokenize(text);
    scan(&v.tokens)
        .into_iter()
        .map(|n| Found {
            value: n.value,
            vague: n.vague,
            dual: n.dual.is_some(),
            qualifier: n.qualifier,
            text: v.slice(n.qfirst, n.qend.max(n.end)).to_string(),
        })
        .collect()
}
