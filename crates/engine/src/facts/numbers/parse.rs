//! The number starting at a token: digits, or number words read with their grammar (scales
//! multiply, `و` joins parts of decreasing size), and the vague quantities.

use super::digits::digits_at;
use super::words::{plain, read, W};
use super::{number, Number};
use crate::model::{Token, TokenKind};

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

/// The number starting at token `i`, if one does.
pub(super) fn parse_at(toks: &[Token], i: usize) -> Option<Number> {
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
