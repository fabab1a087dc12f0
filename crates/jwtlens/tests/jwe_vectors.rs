//! JWE decryption conformance: every `decrypt` case of `tests/vectors/jwe/cases.json`
//! (RFC 7516 Appendix A, RFC 7520 §5–§6 cookbook, RFC 8037 X25519, 13 constructed negative
//! cases; see that folder's PROVENANCE.md) through `jwtlens::jwe::decrypt`. A valid case
//! must give exactly the expected plaintext; an invalid one an error. Prints the pass count;
//! fails on any result not listed in KNOWN. (The AES-CBC-HMAC known answers and the ECDH-ES
//! KDF case run as unit tests in `src/jwe/tests.rs`.)
//!
//! `cargo test -p jwtlens --test jwe_vectors -- --nocapture`

use std::path::PathBuf;

use jwtlens::jwe::{decrypt, DecryptionKey, JweError};
use serde_json::Value;

fn read(file: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/jwe").join(file);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"))).unwrap()
}

/// Cases where jwtlens's result differs from the set's `expect`, each with why.
const KNOWN: &[(&str, &str)] = &[];

#[test]
fn jwe_cases() {
    let cases = read("cases.json");
    let mut passed = 0;
    let mut total = 0;
    let mut wrong = Vec::new();
    for case in cases.as_array().unwrap().iter().filter(|c| c["kind"] == "decrypt") {
        total += 1;
        let name = case["name"].as_str().unwrap();
        let file = read(case["file"].as_str().unwrap());
        let jwe = &file.pointer(case["jwe_pointer"].as_str().unwrap()).unwrap();
        let text = match jwe {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let key_file = read(case["key_file"].as_str().unwrap());
        let key_value = key_file.pointer(case["key_pointer"].as_str().unwrap()).unwrap();
        let key = if case["key_type"] == "password" {
            Ok(DecryptionKey::password(key_value.as_str().unwrap()))
        } else {
            DecryptionKey::from_jwk(&key_value.to_string())
        };
        let result = key.and_then(|k| decrypt(&text, &k));
        let ok = if case["expect"] == "valid" {
            let want =
                file.pointer(case["expected_plaintext_pointer"].as_str().unwrap()).and_then(Value::as_str).unwrap();
            matches!(&result, Ok(d) if d.plaintext == want.as_bytes())
        } else {
            result.is_err()
        };
        let known = KNOWN.iter().any(|(n, _)| *n == name);
        if ok && !known {
            passed += 1;
        } else if !ok && !known {
            let got = match &result {
                Ok(d) => format!("{} bytes of plaintext", d.plaintext.len()),
                Err(e) => e.to_string(),
            };
            wrong.push(format!("{name}: expected {}, got {got}", case["expect"]));
        }
        // Any failure of the cryptography itself is one opaque error.
        if case["expect"] == "invalid" && case["origin"] == "constructed" {
            if let Err(e) = &result {
                let opaque = matches!(e, JweError::Decryption | JweError::Format(_));
                assert!(opaque, "{name}: {e}");
            }
        }
    }
    println!("JWE vectors: {passed}/{total} decrypt cases as expected, {} known divergences", KNOWN.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
