//! Arabic-script folding rules (lossy, for matching only):
//!
//! - tashkeel U+064B–U+065F, superscript alef U+0670, Quranic marks U+06D6–U+06ED: dropped;
//! - tatweel U+0640: dropped;
//! - alef with hamza above/below, alef madda, alef wasla and other alef variants (أ إ آ ٱ ٲ ٳ ٵ): ا;
//! - alef maqsura ى and Persian/Urdu yeh (ی ې ۍ ێ): ي;
//! - hamza on waw ؤ: و; hamza on yeh ئ: ي (the bare hamza ء is kept);
//! - teh marbuta ة and heh goal/heh with yeh (ہ ۀ ە): ه;
//! - Persian/Urdu letters: keheh ک and swash kaf ڪ and gaf گ: ك; peh پ: ب; tcheh چ: ج; jeh ژ: ز;
//!   veh ڤ and ڥ: ف; ٹ: ت; ڈ: د; ڑ: ر; ں: ن;
//! - Arabic full stop ۔ (Urdu): `.`.

use super::Folded;

/// Fold one Arabic-script character; `None` when no Arabic rule applies.
pub fn fold(c: char) -> Option<Folded> {
    let f = match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => Folded::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => Folded::Char('ا'),
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ێ' | 'ئ' => Folded::Char('ي'),
        'ؤ' => Folded::Char('و'),
        'ة' | 'ہ' | 'ۀ' | 'ە' => Folded::Char('ه'),
        'ک' | 'ڪ' | 'گ' => Folded::Char('ك'),
        'پ' => Folded::Char('ب'),
        'چ' => Folded::Char('ج'),
        'ژ' => Folded::Char('ز'),
        'ڤ' | 'ڥ' => Folded::Char('ف'),
        'ٹ' => Folded::Char('ت'),
        'ڈ' => Folded::Char('د'),
        'ڑ' => Folded::Char('ر'),
        'ں' => Folded::Char('ن'),
        '۔' => Folded::Char('.'),
        _ => return None,
    };
    Some(f)
}

/// Arabic letters (the characters that make up Arabic words, tashkeel and tatweel included).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0621}'..='\u{065F}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}'..='\u{06ED}' |
        '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' |
        '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
        && !matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}')
}
