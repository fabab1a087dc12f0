//! RFC 9901 (SD-JWT) conformance: every case of `tests/vectors/sd-jwt/cases.json`
//! (RFC 9901's examples, sd-jwt-python's test cases and 47 constructed negative
//! cases; see that folder's PROVENANCE.md) through `jwtlens::sdjwt::verify`,
//! with the clock, keys, nonce and audience the case gives. A valid case must
//! produce exactly the expected processed payload; an invalid one must be
//! refused. Prints the pass count; fails on any verdict not listed in KNOWN.
//!
//! `cargo test -p jwtlens --test sd_jwt_vectors -- --nocapture`

use std::path::PathBuf;

use jwtlens::key::{import_key, KeyInput};
use jwtlens::policy::Policy;
use jwtlens::sdjwt::{verify, KeyBinding, SdJwtError, SdStatus};
use jwtlens::time::NumericDate;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/sd-jwt")
}

fn read(file: &str) -> String {
    std::fs::read_to_string(dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Cases where jwtlens's verdict differs from the set's `expect`, each with why.
const KNOWN: &[(&str, &str)] = &[
    (
        "sd-jwt-python/header_mod/issuance",
        "the header's kid is the number 42; RFC 7515 §4.1.4 makes kid a string, and jwtlens refuses a JOSE header whose registered parameters have the wrong type (as for every JWS), where sd-jwt-python accepts it",
    ),
    ("sd-jwt-python/header_mod/presentation", "the same header as header_mod/issuance"),
];

/// The step a constructed negative case must fail at, from its name.
fn refused_by_the_right_step(name: &str, error: Option<&SdJwtError>) -> bool {
    let Some(e) = error else { return false };
    let case = name.rsplit('/').next().unwrap_or(name);
    match case {
        c if c.starts_with("neg-kb-") || c == "neg-issuance-with-kb" => matches!(e, SdJwtError::KeyBinding(_)),
        c if c.starts_with("neg-issuer-") => matches!(e, SdJwtError::Issuer(_)),
        c if c.starts_with("neg-sd-alg-") => matches!(e, SdJwtError::SdAlg(_)),
        c if c.starts_with("neg-format-") => matches!(e, SdJwtError::Format(_)),
        c if c.starts_with("neg-disclosure-") => matches!(e, SdJwtError::Disclosure { .. } | SdJwtError::Processing(_)),
        c if c.starts_with("neg-") => matches!(e, SdJwtError::Processing(_)),
        _ => true,
    }
}

#[test]
fn rfc9901_cases() {
    let cases: Vec<Value> = serde_json::from_str(&read("cases.json")).unwrap();
    let mut passed = 0;
    let mut unexpected = Vec::new();
    let mut known_seen = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let text = read(case["file"].as_str().unwrap());
        let (keys, _) = import_key(&read(case["issuer_key_file"].as_str().unwrap()), KeyInput::Jwk).unwrap();
        let now = NumericDate::from_secs(case["now"].as_i64().unwrap());
        let kb = KeyBinding {
            required: case["require_kb"].as_bool().unwrap_or(false),
            forbidden: case["kind"] == "issuance",
            nonce: case["nonce"].as_str().map(String::from),
            audience: case["aud"].as_str().map(String::from),
            max_age: case["kb_max_age_seconds"].as_f64().unwrap_or(300.0),
        };
        // The cases' clocks are exact (neg-issuer-expired is 1 s after exp): no leeway.
        let policy = Policy { leeway: 0.0, ..Policy::default() };
        let report = verify(&text, &keys, &policy, now, &kb);
        let want_valid = case["expect"] == "valid";
        let ok = if want_valid {
            let expected: Value = serde_json::from_str(&read(case["expected_payload_file"].as_str().unwrap())).unwrap();
            let got = report.processed.as_ref().map(|p| &p.payload);
            report.status == SdStatus::Valid && got == Some(&expected)
        } else {
            // Refused, and for the reason the case is about (its name says which step).
            report.status != SdStatus::Valid && refused_by_the_right_step(name, report.error.as_ref())
        };
        if std::env::var_os("SD_JWT_DUMP").is_some() && !want_valid {
            println!("{name}\n  want: {}\n  got:  {}", case["reason"].as_str().unwrap_or(""), report.message);
        }
        let known = KNOWN.iter().any(|(n, _)| *n == name);
        if ok {
            passed += 1;
            if known {
                unexpected.push(format!("{name}: listed in KNOWN but now as expected"));
            }
        } else if known {
            known_seen.push(name);
        } else {
            unexpected
                .push(format!("{name}: expected {}, got {:?}: {}", case["expect"], report.status, report.message));
        }
    }
    println!(
        "RFC 9901 SD-JWT vectors: {passed}/{} as expected, {} known divergences ({})",
        cases.len(),
        known_seen.len(),
        known_seen.join(", ")
    );
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}
