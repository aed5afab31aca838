//! Any text as HTML: see `check_html`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|text: &str| check_html(text));
