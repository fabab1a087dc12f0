//! Differential tests: jwtlens's verdict against an independent oracle (the
//! `jsonwebtoken` crate plus the RFC rules it leaves to its caller, written on
//! `serde_json`; see `differential/case.rs`) on structured, mutated tokens.
//! The same cases run for millions of executions under libFuzzer
//! (`crates/jwtlens/fuzz`, target `differential`); here a bounded run of
//! `PROPTEST_CASES` (default 3,000) plus a sweep of every single mutation.

#[path = "differential/case.rs"]
mod case;

use proptest::prelude::*;

#[test]
fn the_unmutated_case_is_valid_for_both() {
    let c = case::build(&mut case::Chooser::new(&[]));
    assert_eq!(case::oracle(&c), Ok(()), "{:?}", c.story);
    assert_eq!(case::jwtlens_status(&c), jwtlens::report::VerdictStatus::Valid, "{:?}", c.story);
}

#[test]
fn every_single_choice_agrees() {
    // Each byte value in each of the first choice positions, the rest zero: every
    // algorithm, header and payload mutation on its own, and in a few pairs.
    let mut valid = 0;
    let mut total = 0;
    for position in 0..24 {
        for value in 0..=255u8 {
            let mut data = vec![0u8; 40];
            data[position] = value;
            valid += usize::from(case::check(&data));
            total += 1;
        }
    }
    println!("differential sweep: {total} cases agree ({valid} valid, {} refused by both)", total - valid);
    assert!(valid > total / 20, "the sweep must exercise valid tokens too ({valid}/{total})");
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(3_000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// jwtlens says valid ⇔ the oracle says valid; jwtlens never panics.
    #[test]
    fn jwtlens_agrees_with_the_oracle(data in proptest::collection::vec(any::<u8>(), 0..80)) {
        case::check(&data);
    }
}
