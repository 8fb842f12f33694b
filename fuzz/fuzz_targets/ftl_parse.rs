//! The guarded Fluent parser alone (`reader_core::ftl::parse`), thousands of runs a second:
//! whatever the text, no panic and no stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (resource, problems) = reader_core::ftl::parse(String::from_utf8_lossy(data).into_owned());
    std::hint::black_box((resource.entries().count(), problems.len()));
});
