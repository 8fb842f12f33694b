//! The pack reader past its signature check: any bytes as a payload (gzip'd tar) must give a
//! pack or a refusal, never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reader_core::pack::{read_verified_payload, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_unpacked_bytes: 4 * 1024 * 1024, max_entries: 1_000, max_ratio: 100, ..Limits::default() };
    let _ = read_verified_payload(data, "fuzz".into(), &limits);
});
