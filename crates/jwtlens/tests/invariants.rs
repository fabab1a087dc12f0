//! The invariants of "valid" (crates/jwtlens/src/verdict.rs), checked as
//! properties of the Report itself: whenever the verdict is `valid`, every
//! invariant can be read off the report; and the verdict is the same from
//! `inspect` and from the verdict-only path. Tokens come from the differential
//! suite's builder (well-formed and mutated, signed with fixed keys), judged
//! with and without a clock, with the time checks skipped, and under policies.

#[path = "differential/case.rs"]
mod case;

use jwtlens::diagnostic::Code;
use jwtlens::policy::{Outcome, Policy};
use jwtlens::report::{Report, VerdictStatus};
use jwtlens::verify::SignatureStatus;
use jwtlens::{inspect, Options};
use proptest::prelude::*;

fn assert_invariants(r: &Report, options: &Options<'_>) {
    if r.verdict.status != VerdictStatus::Valid {
        return;
    }
    // 1. verified with a key the caller gave.
    assert_eq!(r.verification.status, SignatureStatus::Verified);
    assert!(r.verification.key.is_some() && options.keys.is_some());
    // 2. a JWS with JSON object parts, no errors, no duplicate names.
    assert_eq!(r.kind, jwtlens::token::Kind::Jws);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let header = r.header.as_ref().unwrap().json.as_ref().unwrap();
    let payload = r.payload.as_ref().unwrap().json.as_ref().unwrap();
    assert!(header.as_object().is_some() && payload.as_object().is_some());
    assert!(header.duplicate_anywhere().is_none() && payload.duplicate_anywhere().is_none());
    assert!(!r.notices.iter().any(|n| n.code == Code::DuplicateMember));
    // 3. registered claims typed (their values made it into `claims`).
    let o = payload.as_object().unwrap();
    let c = r.claims.as_ref().unwrap();
    assert_eq!(o.contains("exp"), c.exp.is_some());
    assert_eq!(o.contains("nbf"), c.nbf.is_some());
    assert_eq!(o.contains("iat"), c.iat.is_some());
    assert_eq!(o.contains("aud"), c.aud.is_some());
    assert_eq!(o.contains("iss"), c.iss.is_some());
    assert_eq!(o.contains("sub"), c.sub.is_some());
    // 4. crit and b64.
    let h = header.as_object().unwrap();
    if let Some(crit) = h.get("crit") {
        let names = crit.as_array().unwrap();
        assert!(!names.is_empty());
        for n in names {
            assert_eq!(n.as_str(), Some("b64"));
            assert!(h.contains("b64"));
        }
    }
    if h.contains("b64") {
        assert!(h.get("crit").is_some());
    }
    // 5. not nested.
    assert!(!h.get("cty").and_then(|c| c.as_str()).is_some_and(|c| c.eq_ignore_ascii_case("jwt")));
    // 6. times judged against a clock, or skipped on request.
    assert!(options.now.is_some() || options.skip_time_checks);
    if let (Some(now), Some(exp)) = (options.now, c.exp) {
        let leeway = options.policy.map_or(jwtlens::policy::DEFAULT_LEEWAY, |p| p.leeway);
        assert!(now.seconds() < exp.seconds() + leeway);
    }
    // 7. no failed check.
    assert!(r.checks.iter().all(|c| c.outcome != Outcome::Failed));
    assert!(!r.checks.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn valid_means_every_invariant(
        data in proptest::collection::vec(any::<u8>(), 0..64),
        clock in 0u8..4,
        leeway in prop_oneof![Just(0.0), Just(60.0), Just(600.0)],
        allow_hs in any::<bool>(),
    ) {
        let c = case::build(&mut case::Chooser::new(&data));
        let (keys, _) = jwtlens::key::import_key(
            // The HMAC fixture key only: tokens of other algorithms must not come out valid with it.
            &format!(r#"{{"kty":"oct","k":"{}"}}"#, jwtlens::b64::encode(&(0u8..64).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect::<Vec<u8>>())),
            jwtlens::key::KeyInput::Jwk,
        ).unwrap();
        let policy = Policy {
            leeway,
            algorithms: if allow_hs { vec![] } else { vec![jwtlens::alg::Algorithm::RS256] },
            ..Policy::default()
        };
        let (now, skip) = match clock {
            0 => (None, false),
            1 => (None, true),
            // A NaN clock cannot be made: NumericDate::new refuses it, so it is no clock.
            2 => (jwtlens::time::NumericDate::new(f64::NAN), false),
            _ => (jwtlens::time::NumericDate::new(case::NOW), false),
        };
        let options = Options { now, skip_time_checks: skip, keys: Some(&keys), policy: Some(&policy), ..Options::default() };
        let r = inspect(&c.token, &options);
        assert_invariants(&r, &options);
        let fast = jwtlens::report::verdict(&jwtlens::Token::parse(&c.token), &options);
        prop_assert_eq!(&fast, &r.verdict);
        if now.is_none() && !skip {
            prop_assert_ne!(r.verdict.status, VerdictStatus::Valid);
        }
        if !allow_hs {
            prop_assert_ne!(r.verdict.status, VerdictStatus::Valid);
        }
    }
}

#[test]
fn the_invariant_checker_sees_valid_tokens() {
    // Not vacuous: the all-defaults case is valid and passes through every assertion above.
    let c = case::build(&mut case::Chooser::new(&[0, 0]));
    let (keys, _) = jwtlens::key::import_key(
        &format!(
            r#"{{"kty":"oct","k":"{}"}}"#,
            jwtlens::b64::encode(&(0u8..64).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect::<Vec<u8>>())
        ),
        jwtlens::key::KeyInput::Jwk,
    )
    .unwrap();
    let options = Options { now: jwtlens::time::NumericDate::new(case::NOW), keys: Some(&keys), ..Options::default() };
    let r = inspect(&c.token, &options);
    assert_eq!(r.verdict.status, VerdictStatus::Valid, "{}", r.verdict.message);
    assert_invariants(&r, &options);
}
