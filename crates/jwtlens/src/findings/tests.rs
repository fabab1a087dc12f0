//! Unit tests of each rule.

use super::clues::*;
use super::*;
use crate::b64;
use crate::key::{Key, SecretEncoding};
use alloc::format;

fn codes(header: &str, payload: &str, sig: &[u8], keys: Option<&KeySet>) -> Vec<FindingCode> {
    let text = format!("{}.{}.{}", b64::encode(header.as_bytes()), b64::encode(payload.as_bytes()), b64::encode(sig));
    let t = Token::parse(&text);
    let c = t.claims().cloned().unwrap_or_default();
    let time = TimeReport::new(c.exp, c.nbf, c.iat, Some(crate::time::NumericDate::from_secs(1000)));
    findings(&t, keys, Some(&time)).iter().map(|f| f.code).collect()
}

#[test]
fn header_findings() {
    let got = codes(
        r#"{"alg":"HS256","jku":"https://x/jwks","x5u":"https://x/c","jwk":{"kty":"oct"},"x5c":["AA"],"kid":"../../dev/null","crit":["exp"]}"#,
        r#"{"exp":2000,"iat":900}"#,
        &[0; 32],
        None,
    );
    for want in [
        FindingCode::JkuHeader,
        FindingCode::X5uHeader,
        FindingCode::JwkHeader,
        FindingCode::X5cHeader,
        FindingCode::SuspiciousKid,
        FindingCode::UnknownCrit,
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    assert!(suspicious_kid("key' OR '1'='1").is_some());
    assert!(suspicious_kid("https://evil/key").is_some());
    assert!(suspicious_kid("2024-rotation-1").is_none());
}

#[test]
fn key_findings() {
    let weak = KeySet::single(Key::secret("secret", SecretEncoding::Utf8).unwrap());
    let got = codes(r#"{"alg":"HS256"}"#, r#"{"exp":2000}"#, &[1; 32], Some(&weak));
    assert_eq!(&got[..2], [FindingCode::WeakSecret, FindingCode::ShortHmacKey]);
    let rsa =
        Key::import(include_str!("../../../../tests/vectors/latchset-jose/tests/vectors/rfc7515_A.2.jwk")).unwrap();
    let got = codes(r#"{"alg":"HS256"}"#, r#"{"exp":2000}"#, &[1; 32], Some(&rsa));
    assert_eq!(got[0], FindingCode::KeyConfusion);
}

#[test]
fn payload_findings() {
    let got = codes(
        r#"{"alg":"ES256"}"#,
        r#"{"iat":5000,"password":"hunter2","card":"4111 1111 1111 1111","contact":"a@b.example"}"#,
        &[0; 64],
        None,
    );
    assert_eq!(got.first(), Some(&FindingCode::EcdsaZeroScalar));
    for want in [FindingCode::MissingExp, FindingCode::IatInFuture, FindingCode::SensitiveClaim] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    assert_eq!(got.iter().filter(|c| **c == FindingCode::SensitiveClaim).count(), 3);
    let got = codes(r#"{"alg":"HS256"}"#, r#"{"iat":0,"exp":900000}"#, &[1; 32], None);
    assert!(got.contains(&FindingCode::LongLifetime) && !got.contains(&FindingCode::Expired));
    assert!(looks_like_card("4111-1111-1111-1111") && !looks_like_card("4111111111111112"));
}
