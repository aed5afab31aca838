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
//! مليون/مليونان/ملايين، مليار/بليون. Compounds are read with the usual grammar: a scale word
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

use crate::model::Qualifier;
use super::nouns::{self, Noun};
use super::text::{forms, is_clitic_only};
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

#[derive(Debug, Clone, Copy, PartialEq)]
enum W {
    One,
    Two,
    Unit(u32),
    Ten,
    Tens(u32),
    Hundreds(u32),
    Hundred,
    Scale(f64),
    ScaleDual(f64),
    ScalePlural(f64),
    Vague(f64),
    Few,
}

fn word(s: &str) -> Option<W> {
    use W::*;
    Some(match s {
        "واحد" | "واحده" | "احد" | "احدي" => One,
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" | "اثنا" | "اثني" | "اثنتا" | "اثنتي" => Two,
        "ثلاث" | "ثلاثه" => Unit(3),
        "اربع" | "اربعه" => Unit(4),
        "خمس" | "خمسه" => Unit(5),
        "ست" | "سته" => Unit(6),
        "سبع" | "سبعه" => Unit(7),
        "ثمان" | "ثماني" | "ثمانيه" => Unit(8),
        "تسع" | "تسعه" => Unit(9),
        "عشر" | "عشره" => Ten,
        "عشرون" | "عشرين" => Tens(20),
        "ثلاثون" | "ثلاثين" => Tens(30),
        "اربعون" | "اربعين" => Tens(40),
        "خمسون" | "خمسين" => Tens(50),
        "ستون" | "ستين" => Tens(60),
        "سبعون" | "سبعين" => Tens(70),
        "ثمانون" | "ثمانين" => Tens(80),
        "تسعون" | "تسعين" => Tens(90),
        "ميه" | "مايه" | "مييه" => Hundred,
        "ميتان" | "ميتين" | "مايتان" | "مايتين" | "ميتا" | "مايتا" | "ميتي" | "مايتي" => Hundreds(200),
        "ثلاثميه" | "ثلاثمايه" => Hundreds(300),
        "اربعميه" | "اربعمايه" => Hundreds(400),
        "خمسميه" | "خمسمايه" => Hundreds(500),
        "ستميه" | "ستمايه" => Hundreds(600),
        "سبعميه" | "سبعمايه" => Hundreds(700),
        "ثمانميه" | "ثمانمايه" | "ثمانيميه" | "ثمانيمايه" => Hundreds(800),
        "تسعميه" | "تسعمايه" => Hundreds(900),
        "الف" | "الفا" => Scale(1e3),
        "الفان" | "الفين" | "الفي" => ScaleDual(1e3),
        "الاف" => ScalePlural(1e3),
        "مليون" | "مليونا" => Scale(1e6),
        "مليونان" | "مليونين" | "مليوني" => ScaleDual(1e6),
        "ملايين" => ScalePlural(1e6),
        "مليار" | "مليارا" | "بليون" | "بليونا" => Scale(1e9),
        "ملياران" | "مليارين" | "مليياري" | "بليونين" => ScaleDual(1e9),
        "مليارات" | "بلايين" => ScalePlural(1e9),
        "عشرات" => Vague(10.0),
        "ميات" | "مايات" => Vague(100.0),
        "بضع" | "بضعه" => Few,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy)]
struct Read {
    w: W,
    conj: bool,
    prep: bool,
    article: bool,
}

/// A number word with its proclitics: (prefix, conjunction, preposition, article).
const PREFIXES: [(&str, bool, bool, bool); 12] = [
    ("وبال", true, true, true),
    ("وال", true, false, true),
    ("بال", false, true, true),
    ("لل", false, true, true),
    ("ال", false, false, true),
    ("وب", true, true, false),
    ("ول", true, true, false),
    ("فب", true, true, false),
    ("و", true, false, false),
    ("ف", true, false, false),
    ("ب", false, true, false),
    ("ل", false, true, false),
];

fn read(t: &Token) -> Option<Read> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    if let Some(w) = word(&t.norm) {
        return Some(Read { w, conj: false, prep: false, article: false });
    }
    for (p, conj, prep, article) in PREFIXES {
        if let Some(rest) = t.norm.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                if let Some(w) = word(rest) {
                    // The article only goes with the vague and plural scale words.
                    if article && !matches!(w, W::Vague(_) | W::ScalePlural(_)) {
                        continue;
                    }
                    return Some(Read { w, conj, prep, article });
                }
            }
        }
    }
    None
}

fn plain(r: &Read) -> bool {
    !r.conj && !r.prep && !r.article
}

/// A digit number starting at token `i`: (value, end token, four plain digits).
fn digits_at(toks: &[Token], i: usize) -> Option<(f64, usize, bool)> {
    let t = &toks[i];
    if t.kind != TokenKind::Number {
        return None;
    }
    let glued_num = |k: usize| toks.get(k).is_some_and(|x| x.glued && x.kind == TokenKind::Number);
    let glued_punct = |k: usize, p: &[&str]| toks.get(k).is_some_and(|x| x.glued && x.kind == TokenKind::Punct && p.contains(&x.text));
    let mut int = t.norm.clone();
    let mut j = i + 1;
    let mut grouped = false;
    while glued_punct(j, &[",", "٬"]) && glued_num(j + 1) && toks[j + 1].text.chars().count() == 3 && (grouped || int.len() <= 3) {
        int.push_str(&toks[j + 1].norm.clone());
        j += 2;
        grouped = true;
    }
    if !grouped && int.len() <= 3 {
        let mut k = j;
        let mut groups = Vec::new();
        while glued_punct(k, &["."]) && glued_num(k + 1) && toks[k + 1].text.chars().count() == 3 {
            groups.push(toks[k + 1].norm.clone());
            k += 2;
        }
        if groups.len() >= 2 {
            int.push_str(&groups.concat());
            j = k;
            grouped = true;
        }
    }
    let mut frac = String::new();
    if glued_num(j + 1)
        && (glued_punct(j, &[".", "٫"]) || (!grouped && glued_punct(j, &[",", "٬"]) && toks[j + 1].text.chars().count() != 3))
    {
        frac = toks[j + 1].norm.clone();
        j += 2;
    }
    let plain4 = !grouped && frac.is_empty() && int.len() == 4;
    let s = if frac.is_empty() { int } else { format!("{int}.{frac}") };
    s.parse::<f64>().ok().map(|v| (v, j, plain4))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Digits,
    Unit,
    Ten,
    Tens,
    Hundreds,
    Scale,
}

/// Vague word at `i` with magnitude `mag`, possibly followed by a plural scale (`عشرات الآلاف`).
fn vague_at(toks: &[Token], i: usize, mut mag: f64) -> (f64, usize) {
    let mut j = i + 1;
    if let Some(r) = toks.get(j).filter(|t| !t.boiler).and_then(read) {
        if let W::ScalePlural(s) | W::Scale(s) = r.w {
            if !r.conj && !r.prep {
                mag *= s;
                j += 1;
            }
        }
    }
    (mag, j)
}

fn number(value: f64, first: usize, end: usize, digits: bool, plain4: bool, vague: bool) -> Number {
    Number { value, vague, dual: None, qualifier: None, qfirst: first, first, end, qend: end, digits, plain4 }
}

/// The number starting at token `i`, if one does.
fn parse_at(toks: &[Token], i: usize) -> Option<Number> {
    let t = &toks[i];
    let next = |k: usize| toks.get(k).filter(|x| !x.boiler && x.sentence == t.sentence);
    let mut total = 0.0;
    let mut cur;
    let mut last;
    let mut last_scale = f64::INFINITY;
    let mut has_tens = false;
    let mut j;
    let digits;
    let mut plain4 = false;
    if t.kind == TokenKind::Number {
        let (v, e, p) = digits_at(toks, i)?;
        cur = v;
        j = e;
        digits = true;
        plain4 = p;
        last = Last::Digits;
    } else {
        let r = read(t)?;
        digits = false;
        match r.w {
            W::Vague(m) => {
                let (mag, e) = vague_at(toks, i, m);
                return Some(number(mag, i, e, false, false, true));
            }
            W::ScalePlural(s) => {
                let (mag, e) = vague_at(toks, i, s);
                return Some(number(mag, i, e, false, false, true));
            }
            W::Few => {
                if let Some(r2) = next(i + 1).and_then(read) {
                    if let W::Vague(m) | W::ScalePlural(m) = r2.w {
                        let (mag, e) = vague_at(toks, i + 1, m);
                        return Some(number(mag, i, e, false, false, true));
                    }
                    if r2.w == W::Hundred {
                        return Some(number(100.0, i, i + 2, false, false, true));
                    }
                }
                return Some(number(1.0, i, i + 1, false, false, true));
            }
            _ if r.article => return None,
            W::One | W::Two => {
                // Only as the first part of a teen: أحد عشر، اثنا عشر.
                let teen = next(i + 1).and_then(read).is_some_and(|r2| r2.w == W::Ten && plain(&r2));
                if !teen {
                    return None;
                }
                cur = if r.w == W::One { 11.0 } else { 12.0 };
                j = i + 2;
                last = Last::Ten;
            }
            W::Unit(u) => {
                let r2 = next(i + 1).and_then(read).filter(plain);
                match r2.map(|r| r.w) {
                    Some(W::Ten) => {
                        cur = 10.0 + u as f64;
                        j = i + 2;
                        last = Last::Ten;
                    }
                    Some(W::Hundred) => {
                        cur = 100.0 * u as f64;
                        j = i + 2;
                        last = Last::Hundreds;
                    }
                    _ => {
                        cur = u as f64;
                        j = i + 1;
                        last = Last::Unit;
                    }
                }
            }
            W::Ten => {
                cur = 10.0;
                j = i + 1;
                last = Last::Ten;
            }
            W::Tens(v) => {
                cur = v as f64;
                j = i + 1;
                last = Last::Tens;
                has_tens = true;
            }
            W::Hundreds(v) => {
                cur = v as f64;
                j = i + 1;
                last = Last::Hundreds;
            }
            W::Hundred => {
                cur = 100.0;
                j = i + 1;
                last = Last::Hundreds;
            }
            W::Scale(s) => {
                cur = 0.0;
                total = s;
                last_scale = s;
                j = i + 1;
                last = Last::Scale;
            }
            W::ScaleDual(s) => {
                cur = 0.0;
                total = 2.0 * s;
                last_scale = s;
                j = i + 1;
                last = Last::Scale;
            }
        }
    }
    while let Some(tk) = next(j) {
        // "و" written apart and glued to digits: مليون و200 ألف.
        let conj_digits = tk.kind == TokenKind::Arabic && tk.norm == "و" && next(j + 1).is_some_and(|d| d.glued && d.kind == TokenKind::Number);
        if conj_digits {
            let Some((v, e, _)) = digits_at(toks, j + 1) else { break };
            let ok = (cur == 0.0 && total > 0.0 && v < last_scale) || (last == Last::Hundreds && cur % 100.0 == 0.0 && v < 100.0);
            if !ok {
                break;
            }
            cur += v;
            last = Last::Digits;
            j = e;
            continue;
        }
        let Some(r) = read(tk) else { break };
        if r.article {
            break;
        }
        if plain(&r) {
            match r.w {
                W::Scale(s) | W::ScalePlural(s) if cur > 0.0 && s < last_scale => {
                    total += cur * s;
                    cur = 0.0;
                    last_scale = s;
                    last = Last::Scale;
                    j += 1;
                    continue;
                }
                W::Hundred if last == Last::Unit && cur < 10.0 => {
                    cur *= 100.0;
                    last = Last::Hundreds;
                    j += 1;
                    continue;
                }
                _ => break,
            }
        }
        if !r.conj || r.prep {
            break;
        }
        // و + part: parts of decreasing size, the unit before the ten.
        let accepted = match r.w {
            W::Tens(v) => {
                let ok = !has_tens && ((last == Last::Unit && cur % 100.0 < 10.0) || (last == Last::Hundreds && cur % 100.0 == 0.0));
                if ok {
                    cur += v as f64;
                    has_tens = true;
                    last = Last::Tens;
                }
                ok
            }
            W::Unit(u) => {
                let ok = (last == Last::Hundreds && cur % 100.0 == 0.0 && cur > 0.0) || (cur == 0.0 && total > 0.0);
                if ok {
                    cur += u as f64;
                    last = Last::Unit;
                }
                ok
            }
            W::Ten => {
                let ok = (last == Last::Hundreds && cur % 100.0 == 0.0 && cur > 0.0) || (cur == 0.0 && total > 0.0);
                if ok {
                    cur += 10.0;
                    last = Last::Ten;
                }
                ok
            }
            W::Hundreds(v) => {
                let ok = cur == 0.0 && total > 0.0 && (v as f64) < last_scale;
                if ok {
                    cur += v as f64;
                    last = Last::Hundreds;
                }
                ok
            }
            W::Hundred => {
                let ok = cur == 0.0 && total > 0.0 && 100.0 < last_scale;
                if ok {
                    cur = 100.0;
                    last = Last::Hundreds;
                }
                ok
            }
            W::Scale(s) => {
                let ok = cur == 0.0 && total > 0.0 && s < last_scale;
                if ok {
                    total += s;
                    last_scale = s;
                    last = Last::Scale;
                }
                ok
            }
            W::ScaleDual(s) => {
                let ok = cur == 0.0 && total > 0.0 && s < last_scale;
                if ok {
                    total += 2.0 * s;
                    last_scale = s;
                    last = Last::Scale;
                }
                ok
            }
            _ => false,
        };
        if !accepted {
            break;
        }
        j += 1;
        // A teen after و: وخمسة عشر.
        if last == Last::Unit {
            if let Some(r2) = next(j).and_then(read) {
                if r2.w == W::Ten && plain(&r2) {
                    cur += 10.0;
                    last = Last::Ten;
                    j += 1;
                }
            }
        }
    }
    let value = total + cur;
    if value <= 0.0 && !digits {
        return None;
    }
    // A lone unit word before a definite noun is not a number (خمس السكان = a fifth).
    if !digits
        && j == i + 1
        && matches!(read(t).map(|r| r.w), Some(W::Unit(_) | W::Ten))
        && next(j).is_some_and(|n| n.kind == TokenKind::Arabic && n.norm.starts_with("ال"))
    {
        return None;
    }
    Some(number(value, i, j, digits, plain4 && j == i + 1, false))
}

/// Qualifier patterns before a number, longest first.
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["ما", "لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["ما", "لا", "يقل", "علي"], Qualifier::AtLeast),
    (&["لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["لا", "يقل", "علي"], Qualifier::AtLeast),
    (&["ما", "يزيد", "عن"], Qualifier::MoreThan),
    (&["ما", "يزيد", "علي"], Qualifier::MoreThan),
    (&["ما", "يربو", "علي"], Qualifier::MoreThan),
    (&["ما", "يقرب", "من"], Qualifier::About),
    (&["ما", "يقل", "عن"], Qualifier::LessThan),
    (&["يزيد", "عن"], Qualifier::MoreThan),
    (&["يزيد", "علي"], Qualifier::MoreThan),
    (&["يربو", "علي"], Qualifier::MoreThan),
    (&["ما", "يقارب"], Qualifier::About),
    (&["ما", "يناهز"], Qualifier::About),
    (&["اكثر", "من"], Qualifier::MoreThan),
    (&["ازيد", "من"], Qualifier::MoreThan),
    (&["اقل", "من"], Qualifier::LessThan),
    (&["نحو"], Qualifier::About),
    (&["حوالي"], Qualifier::About),
    (&["قرابه"], Qualifier::About),
    (&["زهاء"], Qualifier::About),
    (&["يقارب"], Qualifier::About),
    (&["يناهز"], Qualifier::About),
    (&["تقريبا"], Qualifier::About),
];

const NEGATIONS: &[&str] = &["لن", "لا", "لم", "ليس", "ليست"];

/// A negation in the five words before token `s`, in the same clause (`ولن تستغرق عملية انسحاب
/// الكتيبة أكثر من`); `لا يزال` (still) is no negation.
fn negated_before(toks: &[Token], s: usize) -> bool {
    let sentence = toks[s].sentence;
    for k in (s.saturating_sub(5)..s).rev() {
        let t = &toks[k];
        if t.sentence != sentence || t.kind == TokenKind::Punct {
            return false;
        }
        if t.kind == TokenKind::Arabic && forms(&t.norm).iter().any(|f| NEGATIONS.contains(&f.as_str())) {
            let still = toks.get(k + 1).is_some_and(|n| matches!(n.norm.as_str(), "يزال" | "تزال" | "زال" | "يزالون"));
            return !still;
        }
    }
    false
}

/// The qualifier ending right before token `first`: (qualifier, its first token).
pub fn qualifier_before(toks: &[Token], first: usize) -> Option<(Qualifier, usize)> {
    let mut end = first;
    // A proclitic written apart and glued to the number: بـ300.
    if end > 0 && toks[first].glued && is_clitic_only(&toks[end - 1]) {
        end -= 1;
    }
    let sentence = toks[first].sentence;
    for (pat, q) in BEFORE {
        let n = pat.len();
        if end < n {
            continue;
        }
        let s = end - n;
        let ok = (0..n).all(|k| {
            let t = &toks[s + k];
            t.kind == TokenKind::Arabic
                && t.sentence == sentence
                && !t.boiler
                && (t.norm == pat[k] || (k == 0 && forms(&t.norm).iter().any(|f| f == pat[k])))
        });
        if ok {
            let negated = negated_before(toks, s);
            let q = match (q, negated) {
                (Qualifier::MoreThan, true) => Qualifier::AtMost,
                (Qualifier::LessThan, true) => Qualifier::AtLeast,
                (q, _) => *q,
            };
            return Some((q, s));
        }
    }
    None
}

/// A qualifier written after a number or its noun, starting at token `k`: (qualifier, end).
pub fn qualifier_after(toks: &[Token], k: usize) -> Option<(Qualifier, usize)> {
    let t = toks.get(k)?;
    if t.kind != TokenKind::Arabic || t.boiler {
        return None;
    }
    if t.norm == "تقريبا" {
        return Some((Qualifier::About, k + 1));
    }
    if t.norm == "علي" {
        let n = toks.get(k + 1).filter(|n| n.sentence == t.sentence)?;
        return match n.norm.as_str() {
            "الاقل" => Some((Qualifier::AtLeast, k + 2)),
            "الاكثر" => Some((Qualifier::AtMost, k + 2)),
            _ => None,
        };
    }
    None
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
