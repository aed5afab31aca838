//! Qualifiers of a number: words before it (نحو، أكثر من، ما لا يقل عن …), turned by a negation
//! before them, and words after it (تقريباً، على الأقل).

use crate::facts::text::{is_clitic_only, token_forms};
use crate::model::Qualifier;
use crate::model::{Token, TokenKind};

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
        if t.kind == TokenKind::Arabic && token_forms(t).iter().any(|f| NEGATIONS.contains(&f.as_str())) {
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
                && (t.norm == pat[k] || (k == 0 && token_forms(t).iter().any(|f| f == pat[k])))
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
