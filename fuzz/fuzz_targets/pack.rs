//! Any bytes as the packed parts of an analysis: see `check_pack`.
#![no_main]
use libfuzzer_sys::fuzz_target;
include!("../checks.rs");

fuzz_target!(|data: &[u8]| check_pack(data));
