//! Any bytes as the reader's decisions: see `check_decisions`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|bytes: &[u8]| check_decisions(bytes));
