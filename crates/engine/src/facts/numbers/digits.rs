//! Numbers written in digits: thousands separators, decimal points and commas (the rules are in
//! the module documentation of [`super`]).

use crate::model::{Token, TokenKind};

/// A digit number starting at token `i`: (value, end token, four plain digits).
pub(super) fn digits_at(toks: &[Token], i: usize) -> Option<(f64, usize, bool)> {
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
