//! Any bytes, as a `.txt` or an `.html` file (the first byte decides): decoding either refuses
//! them with a reason or gives a text with LF newlines only, never empty.
#![no_main]
use libfuzzer_sys::fuzz_target;
use qarin_engine::input::read_file_bytes;

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else { return };
    let name = if first & 1 == 0 { "article.txt" } else { "page.html" };
    if let Ok(d) = read_file_bytes(name, bytes) {
        assert!(!d.text.contains('\r'), "CR left in the text");
        assert!(!d.text.trim().is_empty(), "an empty text accepted");
    }
});
