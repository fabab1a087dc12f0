//! Property tests: whatever the input, decoding returns a report and never panics.

use base64::Engine as _;
use jwtlens::{inspect, Options};
use proptest::prelude::*;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Every diagnostic points inside the input (or just past its end).
fn check(input: &str, now: Option<f64>) {
    let r = inspect(input, &Options { now: now.and_then(jwtlens::time::NumericDate::new), ..Options::default() });
    for d in r.errors.iter().chain(&r.notices) {
        assert!(d.offset <= input.len() && d.end <= input.len() && d.offset <= d.end, "{d:?} in {input:?}");
        assert!(input.is_char_boundary(d.offset) && input.is_char_boundary(d.end), "{d:?} in {input:?}");
    }
    for s in &r.segments {
        assert!(s.start <= s.end && s.end <= input.len());
    }
    let json = r.to_json();
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok(), "report is JSON");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string(s in any::<String>(), now in proptest::option::of(any::<f64>())) {
        check(&s, now);
    }

    #[test]
    fn token_shaped(s in "[A-Za-z0-9_\\-+/=. \n\"]{0,80}") {
        check(&s, Some(1.0));
    }

    #[test]
    fn random_bytes_as_parts(h in proptest::collection::vec(any::<u8>(), 0..64),
                             p in proptest::collection::vec(any::<u8>(), 0..64),
                             s in proptest::collection::vec(any::<u8>(), 0..64)) {
        check(&format!("{}.{}.{}", b64(&h), b64(&p), b64(&s)), None);
        check(&format!("{}.{}.{}.{}.{}", b64(&h), b64(&p), b64(&s), b64(&h), b64(&p)), None);
    }

    #[test]
    fn json_shaped_parts(h in "[{}\\[\\]\":,a-z0-9 .eE+\\-\\\\u]{0,60}", p in "[{}\\[\\]\":,a-z0-9 .eE+\\-\\\\u]{0,60}") {
        check(&format!("{}.{}.", b64(h.as_bytes()), b64(p.as_bytes())), Some(0.0));
    }
}

#[test]
fn hostile_nesting_is_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(100_000);
    let token = format!("{}.{}.", b64(br#"{"alg":"none"}"#), b64(deep.as_bytes()));
    let r = inspect(&token, &Options::default());
    assert_eq!(r.errors[0].code, jwtlens::Code::TooComplex);
    assert_eq!(r.errors[0].decoded_offset, Some(jwtlens::json::MAX_DEPTH));
}

#[test]
fn huge_and_odd_times_do_not_panic() {
    for exp in ["1e308", "-1e308", "1e999", "0.0000001", "-62167219201", "253402300800", "9007199254740993"] {
        let token =
            format!("{}.{}.", b64(br#"{"alg":"none"}"#), b64(format!(r#"{{"exp":{exp},"iat":{exp}}}"#).as_bytes()));
        check(&token, Some(1_700_000_000.0));
        check(&token, Some(f64::NAN));
    }
}
