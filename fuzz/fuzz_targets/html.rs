//! Any text as HTML: extraction never panics, and what it gives is text (no markup of the page's
//! scripts or styles is kept as text).
#![no_main]
use libfuzzer_sys::fuzz_target;
use qarin_engine::input::html::extract;

fuzz_target!(|text: &str| {
    let e = extract(text);
    assert!(e.text.len() <= text.len() * 4 + 16, "extraction grew the text beyond its entities");
});
