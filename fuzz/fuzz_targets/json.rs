//! Any text as JSON: see `check_json`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|text: &str| check_json(text));
