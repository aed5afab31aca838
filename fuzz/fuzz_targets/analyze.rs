//! Any bytes as up to six articles: see `check_analyze`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|data: &[u8]| check_analyze(&String::from_utf8_lossy(data)));
