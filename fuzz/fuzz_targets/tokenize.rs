//! Any text: see `check_tokenize`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|text: &str| check_tokenize(text));
