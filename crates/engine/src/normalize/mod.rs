//! Stage 1: matching forms.
//!
//! Normalisation here is *lossy* and used only to compare words: the reader always shows the
//! source text, and every offset points into the source text. Each folding rule lives in the file
//! for its script or concern:
//!
//! - [`arabic`]: letter variants (hamza/alef forms, alef maqsura, teh marbuta, Persian and Urdu
//!   letters), tashkeel and tatweel;
//! - [`digits`]: Eastern Arabic and Persian digits;
//! - this file: invisible format characters, Latin case, and the [`normalize`] driver.

pub mod arabic;
pub mod digits;

/// What a source character becomes when matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// Dropped entirely (tashkeel, tatweel, zero-width and bidi controls).
    Drop,
    /// Replaced by one character.
    Char(char),
}

/// Fold one character. Rules, in order:
/// 1. invisible format characters U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF are dropped;
/// 2. Arabic rules ([`arabic::fold`]);
/// 3. digit rules ([`digits::fold`]);
/// 4. Latin letters are lower-cased (ASCII only; other scripts are left as they are).
pub fn fold(c: char) -> Folded {
    if matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}') {
        return Folded::Drop;
    }
    if let Some(f) = arabic::fold(c) {
        return f;
    }
    if let Some(d) = digits::fold(c) {
        return Folded::Char(d);
    }
    Folded::Char(c.to_ascii_lowercase())
}

/// The matching form of a string: [`fold`] applied to every character.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Folded::Char(f) = fold(c) {
            out.push(f);
        }
    }
    out
}

/// Byte offset in `source` just after its first `letters` matching characters (characters that
/// [`fold`] keeps), skipping any dropped characters (tashkeel, tatweel) that follow them.
/// Used to map a clitic split made on the normalised form back onto the source text.
pub fn source_offset_after(source: &str, letters: usize) -> usize {
    let mut kept = 0;
    for (i, c) in source.char_indices() {
        if kept == letters && fold(c) != Folded::Drop {
            return i;
        }
        if fold(c) != Folded::Drop {
            kept += 1;
        }
    }
    source.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! norm {
        ($($name:ident: $input:expr => $expected:expr;)*) => {$(
            #[test]
            fn $name() { assert_eq!(normalize($input), $expected); }
        )*};
    }

    norm! {
        hamza_alef_forms: "أحمد إبراهيم آسيا ٱلله" => "احمد ابراهيم اسيا الله";
        alef_maqsura_to_yeh: "مستشفى على" => "مستشفي علي";
        teh_marbuta_to_heh: "منظمة" => "منظمه";
        hamza_carriers: "مسؤول رئيس" => "مسوول رييس";
        tashkeel_removed: "بَدْء مُحَمَّدٌ" => "بدء محمد";
        tatweel_removed: "بـ\"الهجوم\" كـــبير" => "ب\"الهجوم\" كبير";
        persian_letters: "بوینت ۔ کابل گرجستان پاکستان چین ژاپن ڤيينا" => "بوينت . كابل كرجستان باكستان جين زابن فيينا";
        eastern_digits: "٢٠٢٢ و۱۹۹۴" => "2022 و1994";
        invisible_marks: "كازا\u{200C}خستان\u{200F}" => "كازاخستان";
        latin_lowercase: "CSTO TASS" => "csto tass";
    }

    #[test]
    fn offsets_map_back_to_source() {
        // "وَبِيلاروس": strip one letter (و) and its fatha.
        let s = "وَبِيلاروس";
        let off = source_offset_after(s, 1);
        assert_eq!(&s[off..], "بِيلاروس");
        assert_eq!(source_offset_after("لتوكاييف", 1), "ل".len());
        assert_eq!(source_offset_after("ab", 5), 2);
    }
}
