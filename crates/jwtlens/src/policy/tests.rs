//! Unit tests of each claim check and of the policy's own checks.

use super::*;
use crate::b64;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;

fn token(payload: &str) -> alloc::string::String {
    format!("{}.{}.c2ln", b64::encode(br#"{"alg":"HS256","typ":"at+jwt"}"#), b64::encode(payload.as_bytes()))
}

fn outcome(checks: &[Check], name: &str) -> Outcome {
    checks.iter().find(|c| c.name == name).map(|c| c.outcome).unwrap_or(Outcome::Skipped)
}

#[test]
fn times_without_a_clock_say_so_and_show_the_claim() {
    let text = token(r#"{"iat":1000000000,"nbf":1000000000,"exp":1000003600}"#);
    let t = Token::parse(&text);
    for check in
        validate(&t, &Policy::default(), None).iter().filter(|c| ["exp", "nbf", "iat"].contains(&c.name.name()))
    {
        assert_eq!(check.outcome, Outcome::Skipped);
        assert_eq!(check.message, "No current time was given.");
        assert!(check.actual.as_deref().is_some_and(|a| a.starts_with("2001-09-09T0")), "{check:?}");
    }
    let with_clock = validate(&t, &Policy::default(), d(1_000_000_100.0));
    let exp = with_clock.iter().find(|c| c.name == "exp").unwrap();
    assert_eq!(exp.actual.as_deref(), Some("2001-09-09T02:46:40Z"));
}

#[test]
fn each_check() {
    let text = token(r#"{"iss":"a","aud":["x","y"],"sub":"s","iat":1000,"nbf":1000,"exp":2000}"#);
    let t = Token::parse(&text);
    let p = Policy {
        algorithms: alloc::vec![Algorithm::RS256],
        issuers: alloc::vec!["a".into()],
        audiences: alloc::vec!["y".into()],
        subject: Some("s".into()),
        typ: Some("application/AT+JWT".into()),
        required: alloc::vec!["jti".into(), "sub".into()],
        max_age: Some(100.0),
        leeway: 0.0,
    };
    let c = validate(&t, &p, d(1500.0));
    assert_eq!(outcome(&c, "alg"), Outcome::Failed);
    assert_eq!(outcome(&c, "typ"), Outcome::Passed);
    assert_eq!(outcome(&c, "iss"), Outcome::Passed);
    assert_eq!(outcome(&c, "aud"), Outcome::Passed);
    assert_eq!(outcome(&c, "sub"), Outcome::Passed);
    assert_eq!(outcome(&c, "required"), Outcome::Failed);
    assert_eq!(outcome(&c, "exp"), Outcome::Passed);
    assert_eq!(outcome(&c, "max_age"), Outcome::Failed);
    let c = validate(&t, &p, d(2000.0));
    assert_eq!(outcome(&c, "exp"), Outcome::Failed, "exp is exclusive");
    let c = validate(&t, &Policy { leeway: 60.0, ..p.clone() }, d(2030.0));
    assert_eq!(outcome(&c, "exp"), Outcome::Passed, "within leeway");
    let c = validate(&t, &p, d(999.0));
    assert_eq!((outcome(&c, "nbf"), outcome(&c, "iat")), (Outcome::Failed, Outcome::Failed));
    let c = validate(&t, &p, None);
    assert_eq!(outcome(&c, "exp"), Outcome::Skipped);
}

/// Each decision and each sentence, at its boundary (kills the mutants
/// `cargo mutants` found surviving in `run` and `duration`).
#[test]
fn boundaries_and_sentences() {
    let text = token(r#"{"iss":"a","aud":["api"],"sub":"s","iat":1000,"exp":2000}"#);
    let t = Token::parse(&text);
    let base = Policy { leeway: 0.0, ..Policy::default() };
    let find = |c: &[Check], n: &str| c.iter().find(|c| c.name == n).cloned().unwrap();
    // aud: exactly the accepted one, and only another one.
    let p = Policy { audiences: alloc::vec!["api".into()], ..base.clone() };
    assert_eq!(find(&validate(&t, &p, d(1500.0)), "aud").outcome, Outcome::Passed);
    assert_eq!(find(&validate(&t, &p, d(1500.0)), "aud").message, "The audience [\"api\"] includes an accepted one.");
    let p = Policy { audiences: alloc::vec!["web".into()], ..base.clone() };
    let c = find(&validate(&t, &p, d(1500.0)), "aud");
    assert_eq!(c.outcome, Outcome::Failed);
    assert_eq!(c.message, "The audience is [\"api\"], which does not include any of [\"web\"].");
    // iss sentences.
    let p = Policy { issuers: alloc::vec!["a".into()], ..base.clone() };
    assert_eq!(find(&validate(&t, &p, d(1500.0)), "iss").message, "The issuer \"a\" is accepted.");
    let p = Policy { issuers: alloc::vec!["b".into()], ..base.clone() };
    assert_eq!(find(&validate(&t, &p, d(1500.0)), "iss").message, "The issuer \"a\" is not one of [\"b\"].");
    // required: present only, and missing only.
    let p = Policy { required: alloc::vec!["sub".into()], ..base.clone() };
    assert_eq!(find(&validate(&t, &p, d(1500.0)), "required").outcome, Outcome::Passed);
    let p = Policy { required: alloc::vec!["jti".into()], ..base.clone() };
    let c = find(&validate(&t, &p, d(1500.0)), "required");
    assert_eq!((c.outcome, c.actual.as_deref()), (Outcome::Failed, Some("[\"jti\"]")));
    // max_age: within, within only by the leeway, and beyond it.
    let at = |max: f64, leeway: f64, now: f64| {
        find(&validate(&t, &Policy { max_age: Some(max), leeway, ..base.clone() }, d(now)), "max_age").outcome
    };
    assert_eq!(at(100.0, 0.0, 1050.0), Outcome::Passed);
    assert_eq!(at(100.0, 60.0, 1150.0), Outcome::Passed);
    assert_eq!(at(100.0, 60.0, 1200.0), Outcome::Failed);
    assert_eq!(at(100.0, 0.0, 1100.0), Outcome::Passed, "age == max");
    // The leeway is named in the sentence only when there is one.
    let p = Policy { leeway: 60.0, ..Policy::default() };
    assert_eq!(find(&validate(&t, &p, d(1500.0)), "exp").message, "Not expired (leeway 1 min).");
    assert_eq!(find(&validate(&t, &base, d(1500.0)), "exp").message, "Not expired.");
    // Durations at their bounds.
    assert_eq!(duration(PolicyField::Leeway, 0.0, MAX_LEEWAY), Ok(0.0));
    assert_eq!(duration(PolicyField::Leeway, MAX_LEEWAY, MAX_LEEWAY), Ok(MAX_LEEWAY));
}

#[test]
fn bad_numbers_are_rejected() {
    for bad in [f64::NAN, f64::INFINITY, -5.0, MAX_LEEWAY + 1.0] {
        assert!(Policy { leeway: bad, ..Policy::default() }.validate().is_err(), "{bad}");
    }
    assert!(Policy { max_age: Some(f64::NAN), ..Policy::default() }.validate().is_err());
    assert!(Policy::default().validate().is_ok());
}

/// A time, for the checks.
fn d(seconds: f64) -> Option<crate::time::NumericDate> {
    crate::time::NumericDate::new(seconds)
}

#[test]
fn policy_round_trips_through_serde_and_from_str() {
    let full = Policy {
        algorithms: vec![Algorithm::ES256, Algorithm::EdDSA],
        issuers: vec![String::from("https://a.example"), String::from("https://b.example")],
        audiences: vec![String::from("api")],
        subject: Some(String::from("ada")),
        typ: Some(String::from("at+jwt")),
        required: vec![String::from("jti")],
        max_age: Some(300.0),
        leeway: 5.0,
    };
    for p in [full, Policy::default()] {
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(Policy::from_json(&text).as_ref(), Ok(&p), "{text}");
        assert_eq!(text.parse::<Policy>().as_ref(), Ok(&p));
        assert_eq!(serde_json::from_str::<Policy>(&text).unwrap(), p);
    }
    // Through serde, the contract's refusals and sentences are the same as from_json's.
    for text in [
        r#"{"colour":"red"}"#,
        r#"{"max_age":5}"#,
        r#"{"issuer":null}"#,
        r#"{"audience":[]}"#,
        r#"{"leeway":-1}"#,
        r#"{"algorithms":["HS999"]}"#,
        r#"{"now":1}"#,
    ] {
        let direct = Policy::from_json(text).unwrap_err();
        let through = serde_json::from_str::<Policy>(text).unwrap_err().to_string();
        assert!(through.starts_with(&direct.to_string()), "{text}: {through} vs {direct}");
        assert_eq!(text.parse::<Policy>().unwrap_err(), direct);
    }
    let twice = serde_json::from_str::<Policy>(r#"{"issuer":"a","issuer":"b"}"#).unwrap_err().to_string();
    assert!(twice.contains("issuer"), "{twice}");
    assert!(serde_json::from_str::<Policy>("[1]").is_err());
}
