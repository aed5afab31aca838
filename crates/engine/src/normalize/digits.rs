//! Digit folding: Eastern Arabic digits ٠–٩ (U+0660–U+0669) and Persian/Urdu digits ۰–۹
//! (U+06F0–U+06F9) become ASCII 0–9; the Arabic decimal separator ٫ becomes `.` and the thousands
//! separator ٬ becomes `,`.

/// Fold one digit character; `None` when it is not one of the digits above.
pub fn fold(c: char) -> Option<char> {
    match c {
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        '\u{066B}' => Some('.'),
        '\u{066C}' => Some(','),
        _ => None,
    }
}

/// Any decimal digit this engine reads (ASCII, Eastern Arabic, Persian).
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}
