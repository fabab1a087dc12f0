//! Any bytes, read as text, parse and report without panicking; every
//! diagnostic points inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = jwtlens::inspect(&text, &jwtlens::Options { now: jwtlens::time::NumericDate::new(1_700_000_000.0), ..Default::default() });
    for d in report.errors.iter().chain(&report.notices) {
        assert!(d.offset <= d.end && d.end <= text.len());
        assert!(text.is_char_boundary(d.offset) && text.is_char_boundary(d.end));
    }
    let _ = report.to_json();
    let _ = jwtlens::decode_unverified(&text);
});
