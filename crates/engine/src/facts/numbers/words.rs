//! Number words (units, teens, tens, hundreds, scales, vague words) and how a token reads as one,
//! with its proclitics.

use crate::model::{Token, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum W {
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
        "تريليون" | "تريليونا" | "ترليون" | "ترليونا" => Scale(1e12),
        "تريليونان" | "تريليونين" | "تريليوني" | "ترليونين" => ScaleDual(1e12),
        "تريليونات" | "ترليونات" => ScalePlural(1e12),
        "عشرات" => Vague(10.0),
        "ميات" | "مايات" => Vague(100.0),
        "بضع" | "بضعه" => Few,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Read {
    pub(super) w: W,
    pub(super) conj: bool,
    pub(super) prep: bool,
    pub(super) article: bool,
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

pub(super) fn read(t: &Token) -> Option<Read> {
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

/// A number word of a size no name is (a ten, a hundred, a thousand, a million …, their duals
/// and plurals), with its proclitics: the tagger's person `مليونان` ("two million") is none.
pub fn large(t: &Token) -> bool {
    read(t).is_some_and(|r| matches!(r.w, W::Tens(_) | W::Hundreds(_) | W::Hundred | W::Scale(_) | W::ScaleDual(_) | W::ScalePlural(_)))
}

pub(super) fn plain(r: &Read) -> bool {
    !r.conj && !r.prep && !r.article
}
