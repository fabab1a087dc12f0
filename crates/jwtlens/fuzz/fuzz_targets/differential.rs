//! Structured, mutated tokens judged by jwtlens and by an independent oracle
//! (jsonwebtoken plus the RFC rules it leaves to its caller): the verdicts must
//! agree, and nothing may panic. The case builder is the one the in-CI
//! proptest uses (crates/jwtlens/tests/differential/case.rs).
#![no_main]

#[path = "../../tests/differential/case.rs"]
mod case;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    case::check(data);
});
