//! Quantities: a number with what it counts, classified.
//!
//! The counted noun is the word after the number (after its scale words), or after a partitive
//! `من` (`17 من رجال الأمن`); for a dual it is the number itself (`يومين`). A `%`/`٪`,
//! `بالمئة` or `في المئة` after the number makes a percentage; a `$` before it a sum in dollars.
//!
//! Classes (documented set):
//! - **personnel**: troops and security personnel (جندي، عنصر، عسكري، ضابط، مقاتل، فرد …), so that
//!   `٣٠٠ جندي` and `ثلاثمئة عنصر` are one quantity;
//! - **killed**, **injured**, **arrested**: from the noun (قتيل، قتلى، ضحايا؛ جريح، مصاب؛ معتقل،
//!   موقوف) or, for people, personnel and bare numbers, from a verb, verbal noun or casualty noun
//!   in the three words before the number (`عدد المصابين 34 ألفاً`) (قتل، مقتل، لقي حتفه، أودت بـ؛ أصيب، إصابة، جرح؛ اعتقال، توقيف،
//!   احتجاز) or the two after the noun (`1000 شخص أصيبوا`);
//! - **duration**: time spans (يوم، أسبوع، شهر، عام، سنة، ساعة، دقيقة، عقد), compared in days;
//! - **age**: a span in years of 1–130 after البالغ/يبلغ/بلغ/عمر/بعمر/سن, before `من العمر`, or
//!   between commas or in brackets right after a word (`إسماعيلوف، 49 عاماً،`); the person is found
//!   by [`super::agree`];
//! - **money** (with the currency as unit), **percent**, **population** (نسمة, or مواطن after
//!   سكان/تعداد);
//! - **count**: anything else with a noun (`أربع طائرات`), the noun being part of what is counted.
//!
//! A bare number with neither a noun nor a casualty verb is not a quantity.
//!
//! The **subject** narrows killed/injured/arrested/personnel: `security` (الأمن، الشرطة in the
//! noun or the two words after it), `military` (soldiers, the army), the people group of the noun
//! (`civilians`, `children`, `protesters`, `militants` …), and for personnel a nationality
//! adjective right after the noun (`جندي روسي` → `nat:روس`).

pub use crate::model::QClass;
use crate::model::Qualifier;
use super::nouns::{self, NounClass, NOT_NOUNS};
use super::numbers::{self, qualifier_after, Number};
use super::text::{forms, starts_any, token_forms};
use crate::model::Token;
use crate::model::TokenKind;

/// A quantity found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub num: Number,
    pub class: QClass,
    /// `day`/`week`/… for durations and ages, the currency for money, `percent`.
    pub unit: Option<&'static str>,
    /// Multiplier to a common unit (days for time spans), for comparing.
    pub factor: f64,
    /// The counted noun's lemma (lexicon) or rough stem (other nouns).
    pub noun: Option<String>,
    /// The counted noun as written.
    pub noun_text: Option<String>,
    /// See the module documentation.
    pub subject: Option<String>,
    /// Token range: qualifier, number, noun (and a qualifier after it).
    pub first: usize,
    pub end: usize,
    /// The number stands between commas or in brackets (apposition: an age after a name).
    pub apposition: bool,
}

const KILLED: &[&str] = &["قتل", "مقتل", "حتف", "اودت", "اودي", "مصرع", "توفي", "وفاه", "لقي", "لقوا"];
const INJURED: &[&str] = &["اصيب", "اصابه", "اصابت", "جرح"];
const ARRESTED: &[&str] = &["اعتقال", "اعتقل", "توقيف", "اوقف", "احتجاز", "احتجز", "القبض", "قبض"];
const AGE_BEFORE: &[&str] = &["البالغ", "البالغه", "يبلغ", "تبلغ", "بلغ", "عمر", "العمر", "عمره", "عمرها", "بعمر", "سن", "السن"];
const SECURITY: &[&str] = &["امن", "شرطه", "امنيين", "امني", "امنيه"];
const MILITARY: &[&str] = &["جيش", "جنود", "عسكريين"];
const MORE_NOT_NOUNS: &[&str] = &[
    "جراء", "بسبب", "اثر", "اثناء", "عقب", "وسط", "حسب", "وفق", "لدي", "مقابل", "نتيجه", "اخري", "اخر", "فيما",
    "منها", "منهم", "بينهم", "اضافه", "اذا", "هذا", "هذه", "ذلك", "تلك", "حاله", "مره", "مرات",
];

fn casualty(toks: &[Token], qfirst: usize, noun_end: usize) -> Option<QClass> {
    let sentence = toks[qfirst].sentence;
    let kind = |t: &Token| {
        if t.kind != TokenKind::Arabic || t.mention.is_some() {
            return None;
        }
        // A casualty noun before the number: عدد المصابين 34 ألفا، حصيلة القتلى 50.
        match nouns::lookup(&t.norm).map(|n| n.class) {
            Some(NounClass::Killed) => return Some(QClass::Killed),
            Some(NounClass::Injured) => return Some(QClass::Injured),
            Some(NounClass::Arrested) => return Some(QClass::Arrested),
            _ => {}
        }
        if starts_any(&t.norm, KILLED) {
            Some(QClass::Killed)
        } else if starts_any(&t.norm, INJURED) {
            Some(QClass::Injured)
        } else if starts_any(&t.norm, ARRESTED) {
            Some(QClass::Arrested)
        } else {
            None
        }
    };
    for k in (qfirst.saturating_sub(3)..qfirst).rev() {
        let t = &toks[k];
        if t.sentence != sentence || (t.kind == TokenKind::Punct && !matches!(t.text, "-" | "ـ")) {
            break;
        }
        if let Some(c) = kind(t) {
            return Some(c);
        }
    }
    for t in toks.iter().skip(noun_end).take(2) {
        if t.sentence != sentence || t.kind == TokenKind::Punct {
            break;
        }
        if let Some(c) = kind(t) {
            return Some(c);
        }
    }
    None
}

/// A rough stem of a noun for grouping counts: proclitics, article and plural or feminine ending
/// removed (`طائرات`, `الطائرة` → `طاير`).
fn rough_stem(norm: &str) -> String {
    let fs = forms(norm);
    let base = fs.iter().rev().find(|f| !f.starts_with("ال")).cloned().unwrap_or_else(|| norm.to_string());
    let base = base.strip_prefix("ال").unwrap_or(&base).to_string();
    for suf in ["ات", "ين", "ون", "ه", "ا"] {
        if let Some(s) = base.strip_suffix(suf) {
            if s.chars().count() >= 3 {
                return s.to_string();
            }
        }
    }
    base
}

fn is_not_noun(t: &Token) -> bool {
    t.kind != TokenKind::Arabic
        || t.norm.chars().count() < 3
        || token_forms(t).iter().any(|f| NOT_NOUNS.contains(&f.as_str()) || MORE_NOT_NOUNS.contains(&f.as_str()))
}

fn nationality(t: Option<&Token>) -> Option<String> {
    let t = t?;
    if t.kind != TokenKind::Arabic || is_not_noun(t) || nouns::lookup(&t.norm).is_some() {
        return None;
    }
    let w = t.norm.strip_prefix("ال").unwrap_or(&t.norm);
    for suf in ["يين", "يون", "يه", "ي"] {
        if let Some(stem) = w.strip_suffix(suf) {
            if stem.chars().count() >= 3 {
                return Some(format!("nat:{stem}"));
            }
        }
    }
    None
}

/// Read the quantity around a number, or `None` when it counts nothing recognisable.
fn quantity(toks: &[Token], num: Number) -> Option<Quantity> {
    let sentence = toks[num.first].sentence;
    let at = |k: usize| toks.get(k).filter(|t| t.sentence == sentence && !t.boiler);
    let mut first = num.qfirst;
    let mut end = num.qend.max(num.end);
    let mut noun = None; // (Option<Noun>, token index)
    let mut percent = false;
    let mut money: Option<&'static str> = None;
    if let Some(n) = num.dual {
        noun = Some((Some(n), num.first));
    } else {
        let k = num.end;
        if at(k).is_some_and(|t| (t.kind == TokenKind::Punct && matches!(t.text, "%" | "٪")) || matches!(t.norm.as_str(), "بالميه" | "بالمايه")) {
            percent = true;
            end = end.max(k + 1);
        } else if at(k).is_some_and(|t| t.norm == "في") && at(k + 1).is_some_and(|t| matches!(t.norm.as_str(), "الميه" | "المايه")) {
            percent = true;
            end = end.max(k + 2);
        } else if let Some(t) = at(k).filter(|t| t.kind == TokenKind::Arabic) {
            if let Some(n) = nouns::lookup(&t.norm) {
                noun = Some((Some(n), k));
            } else if t.norm == "من" {
                if let Some(t2) = at(k + 1).filter(|t| t.kind == TokenKind::Arabic) {
                    if let Some(n) = nouns::lookup(&t2.norm) {
                        noun = Some((Some(n), k + 1));
                    } else if !is_not_noun(t2) {
                        noun = Some((None, k + 1));
                    }
                }
            } else if !is_not_noun(t) && !num.vague {
                noun = Some((None, k));
            }
        }
        if num.first > 0 && toks[num.first - 1].is_punct("$") && toks[num.first].glued {
            money = Some("dollar");
            first = first.min(num.first - 1);
        }
    }
    if let Some((_, k)) = noun {
        end = end.max(k + 1);
    }
    let noun_end = noun.map_or(num.end, |(_, k)| k + 1);
    // A qualifier after the noun: 30 شخصا على الأقل.
    let mut num = num;
    if num.qualifier.is_none() {
        if let Some((q, e)) = qualifier_after(toks, noun_end) {
            num.qualifier = Some(q);
            end = end.max(e);
        }
    }
    let lexical = noun.and_then(|(n, _)| n);
    let noun_tok = noun.map(|(_, k)| &toks[k]);
    let after = |i: usize| at(noun_end + i);
    let word_in = |i: usize, list: &[&str]| after(i).is_some_and(|t| t.kind == TokenKind::Arabic && token_forms(t).iter().any(|f| list.contains(&f.as_str())));
    let security_at = (0..2).find(|&i| word_in(i, SECURITY));
    let military_at = (0..2).find(|&i| word_in(i, MILITARY));
    let security = noun_tok.is_some_and(|t| starts_any(&t.norm, SECURITY)) || security_at.is_some();
    let military = military_at.is_some();
    // The words that name the subject belong to the phrase (`17 من رجال الأمن`).
    let subject_end = security_at.or(military_at).map(|i| noun_end + i + 1);
    let cas = casualty(toks, num.qfirst, noun_end);
    let people_subject = |g: &str| -> Option<String> {
        if security {
            Some("security".into())
        } else if military {
            Some("military".into())
        } else if matches!(g, "people" | "others" | "men" | "citizens") {
            None
        } else {
            Some(g.to_string())
        }
    };
    let mut unit = None;
    let mut factor = 1.0;
    let mut subject = None;
    let class = if percent {
        unit = Some("percent");
        QClass::Percent
    } else if let Some(cur) = money {
        unit = Some(cur);
        QClass::Money
    } else {
        match lexical.map(|n| n.class) {
            Some(NounClass::Money(cur)) => {
                unit = Some(cur);
                QClass::Money
            }
            Some(NounClass::Time(u)) => {
                unit = Some(u.code());
                factor = u.days();
                let before = |i: usize| num.qfirst.checked_sub(i).and_then(at);
                let age_word = (1..=2).any(|i| before(i).is_some_and(|t| token_forms(t).iter().any(|f| AGE_BEFORE.contains(&f.as_str())) || AGE_BEFORE.contains(&t.norm.as_str())));
                let of_age = after(0).is_some_and(|t| t.norm == "من") && after(1).is_some_and(|t| matches!(t.norm.as_str(), "العمر" | "عمره" | "عمرها"));
                let appos = apposition(toks, num.qfirst, noun_end);
                let plausible = u == nouns::TimeUnit::Year && !num.vague && num.dual.is_none() && (1.0..=130.0).contains(&num.value) && num.qualifier.is_none_or(|q| q == Qualifier::About);
                if plausible && (age_word || of_age || appos) {
                    if of_age {
                        end = end.max(noun_end + 2);
                    }
                    QClass::Age
                } else {
                    QClass::Duration
                }
            }
            Some(NounClass::Killed) => QClass::Killed,
            Some(NounClass::Injured) => QClass::Injured,
            Some(NounClass::Arrested) => QClass::Arrested,
            Some(NounClass::Population) => QClass::Population,
            Some(NounClass::Personnel) => match cas {
                Some(c) => {
                    subject = Some(if security { "security".to_string() } else { "military".to_string() });
                    c
                }
                None => {
                    subject = if security { Some("security".to_string()) } else { nationality(after(0)) };
                    QClass::Personnel
                }
            },
            Some(NounClass::People(g)) => {
                let pop_context = g == "citizens" && (num.qfirst.saturating_sub(4)..num.qfirst).any(|k| toks[k].sentence == sentence && starts_any(&toks[k].norm, &["سكان", "تعداد"]));
                if pop_context {
                    QClass::Population
                } else if let Some(c) = cas {
                    subject = people_subject(g);
                    c
                } else {
                    QClass::Count
                }
            }
            None => match (cas, noun_tok) {
                (Some(c), _) => {
                    if security {
                        subject = Some("security".into());
                    } else if military {
                        subject = Some("military".into());
                    }
                    c
                }
                (None, Some(_)) => QClass::Count,
                (None, None) => return None,
            },
        }
    };
    if subject.is_some() {
        if let Some(e) = subject_end {
            end = end.max(e);
        }
    }
    let noun_lemma = match (lexical, noun_tok) {
        (Some(n), _) => Some(n.lemma.to_string()),
        (None, Some(t)) => Some(rough_stem(&t.norm)),
        _ => None,
    };
    Some(Quantity {
        apposition: apposition(toks, num.qfirst, noun_end),
        num,
        class,
        unit,
        factor,
        noun: noun_lemma,
        noun_text: noun_tok.map(|t| t.text.to_string()),
        subject,
        first,
        end,
    })
}

/// Is the phrase `qfirst..noun_end` between commas or in brackets, right after a word?
fn apposition(toks: &[Token], qfirst: usize, noun_end: usize) -> bool {
    let Some(b) = qfirst.checked_sub(1).map(|k| &toks[k]) else { return false };
    let Some(a) = toks.get(noun_end) else { return false };
    let word_before = qfirst >= 2 && toks[qfirst - 2].is_word();
    word_before && ((matches!(b.text, "،" | ",") && matches!(a.text, "،" | "," | "." | "؛")) || (b.text == "(" && a.text == ")"))
}

/// Every quantity of a token sequence; tokens marked in `taken` (dates) are not read.
pub fn scan(toks: &[Token], taken: &[bool]) -> Vec<Quantity> {
    numbers::scan(toks)
        .into_iter()
        .filter(|n| !(n.first..n.end).any(|k| taken.get(k).copied().unwrap_or(false)))
        .filter_map(|n| quantity(toks, n))
        .collect()
}

/// A quantity found by [`find`], for tests and tools.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuantity {
    pub class: QClass,
    pub value: f64,
    pub vague: bool,
    pub unit: Option<&'static str>,
    pub qualifier: Option<Qualifier>,
    pub subject: Option<String>,
    pub noun: Option<String>,
    /// Qualifier, number and noun as written.
    pub text: String,
}

/// The quantities of a plain text (dates are read first and are not quantities).
pub fn find(text: &str) -> Vec<FoundQuantity> {
    let v = crate::tokenize::tokenize(text);
    let mut taken = vec![false; v.tokens.len()];
    for d in super::dates::scan(&v.tokens) {
        for t in &mut taken[d.first..d.end] {
            *t = true;
        }
    }
    scan(&v.tokens, &taken)
        .into_iter()
        .map(|q| FoundQuantity {
            class: q.class,
            value: q.num.value,
            vague: q.num.vague,
            unit: q.unit,
            qualifier: q.num.qualifier,
            subject: q.subject.clone(),
            noun: q.noun.clone(),
            text: v.slice(q.first, q.end).to_string(),
        })
        .collect()
}
