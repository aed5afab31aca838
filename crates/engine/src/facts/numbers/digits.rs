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
    decimal(&int, &frac).map(|v| (v, j, plain4))
}

/// The value of the ASCII digits `int` `.` `frac`, as `str::parse::<f64>` gives it whenever
/// `int` and `frac` hold at most 15 significant digits together and `frac` at most 22 (the value
/// and the power of ten are then exact and one division rounds correctly); longer numbers, which
/// news text does not write, come out within a few units of the last place. Written by hand
/// because the standard library's float parser costs the page about 3 KB of WebAssembly.
fn decimal(int: &str, frac: &str) -> Option<f64> {
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let frac = &frac[..frac.len().min(22)];
    let v = int.bytes().chain(frac.bytes()).fold(0.0f64, |v, b| v * 10.0 + f64::from(b - b'0'));
    let scale = frac.bytes().fold(1.0f64, |p, _| p * 10.0);
    Some(v / scale)
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn decimals_are_read_as_the_standard_parser_reads_them() {
        for (i, f) in [("0", ""), ("7", ""), ("2022", ""), ("1", "5"), ("0", "1"), ("3", "14159"), ("12", "07"),
            ("999999999999999", ""), ("123456", "789"), ("0", "000001"), ("45", "3"), ("1000000", "25")]
        {
            let text = if f.is_empty() { i.to_string() } else { format!("{i}.{f}") };
            assert_eq!(decimal(i, f), text.parse::<f64>().ok(), "{text}");
        }
        assert_eq!(decimal("", "5"), None);
        assert_eq!(decimal("1a", ""), None);
        let long = decimal("123456789012345678901234", "").unwrap();
        assert!((long / 1.2345678901234568e23 - 1.0).abs() < 1e-12);
    }
}
