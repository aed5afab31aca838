//! Any bytes, as a `.txt` or an `.html` file (the first byte decides): see `check_decode`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else { return };
    check_decode(if first & 1 == 0 { "article.txt" } else { "page.html" }, bytes);
});
