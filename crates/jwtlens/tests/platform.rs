//! The core built without its own public-key arithmetic (no `arithmetic`
//! feature), as the npm package and the page are: every decision is still the
//! core's, the last arithmetic step is a [`Backend`]'s, and without an answer
//! the signature is "unchecked", never valid.
//!
//! The backend here is an independent oracle, the `jsonwebtoken` crate (ring).
//! Run with `cargo test -p jwtlens --no-default-features --features std --test platform`
//! (scripts/test.sh does); with the default features this file is empty.
#![cfg(not(feature = "arithmetic"))]

use base64::Engine as _;
use jwtlens::alg::Algorithm;
use jwtlens::key::{Key, KeySet};
use jwtlens::report::{verdict, VerdictStatus};
use jwtlens::sign::{generate, sign};
use jwtlens::time::NumericDate;
use jwtlens::token::Token;
use jwtlens::verify::{Backend, KeyRef, VerifyError};
use jwtlens::Options;
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng as _;

/// Checks with `jsonwebtoken::crypto::verify` on the key's public JWK.
#[derive(Debug, Default)]
struct Ring {
    asked: core::cell::Cell<usize>,
}

impl Backend for Ring {
    fn verify(&self, alg: Algorithm, _: KeyRef, key: &Key, data: &[u8], sig: &[u8]) -> Option<bool> {
        self.asked.set(self.asked.get() + 1);
        let jwk: jsonwebtoken::jwk::Jwk = serde_json::from_str(&key.to_jwk()).ok()?;
        let decoding = jsonwebtoken::DecodingKey::from_jwk(&jwk).ok()?;
        let alg: jsonwebtoken::Algorithm = alg.name().parse().ok()?;
        let sig = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sig);
        jsonwebtoken::crypto::verify(&sig, data, &decoding, alg).ok()
    }
}

/// Answers "valid" to everything it is asked: what the core refuses stays refused.
#[derive(Debug)]
struct Yes;

impl Backend for Yes {
    fn verify(&self, _: Algorithm, _: KeyRef, _: &Key, _: &[u8], _: &[u8]) -> Option<bool> {
        Some(true)
    }
}

const NOW: i64 = 1_900_000_000;

fn status(token: &str, keys: &KeySet, backend: Option<&dyn Backend>) -> (VerdictStatus, String) {
    let options = Options::at(NumericDate::from_secs(NOW)).with_keys(keys).with_backend(backend);
    let v = verdict(&Token::parse(token), &options);
    (v.status, v.message)
}

#[test]
fn the_platform_does_the_arithmetic_and_nothing_else() {
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let claims = r#"{"sub":"ada","exp":2000000000}"#;
    for alg in [Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::ES384, Algorithm::EdDSA] {
        let pair = generate(alg, &mut rng).unwrap();
        let header = format!(r#"{{"alg":"{}"}}"#, alg.name());
        let token = sign(alg, &header, claims, &pair, &mut rng).unwrap();
        let keys = KeySet::single(pair.public());
        // No backend: not checked, and said so.
        let (s, message) = status(&token, &keys, None);
        assert_eq!(s, VerdictStatus::Unchecked, "{alg:?}: {message}");
        assert!(message.contains("platform"), "{message}");
        // The oracle: valid, and a changed payload is invalid.
        let ring = Ring::default();
        assert_eq!(status(&token, &keys, Some(&ring)).0, VerdictStatus::Valid, "{alg:?}");
        let (h, rest) = token.split_once('.').unwrap();
        let (_, s) = rest.split_once('.').unwrap();
        let changed = format!(
            "{h}.{}.{s}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"sub":"eve","exp":2000000000}"#)
        );
        assert_eq!(status(&changed, &keys, Some(&ring)).0, VerdictStatus::InvalidSignature, "{alg:?}");
        assert_eq!(ring.asked.get(), 2);
        // A backend that says yes to everything cannot pass what the core refuses first:
        // a signature of the wrong length, or the key for another algorithm.
        let short = format!("{}.{}", &token[..token.rfind('.').unwrap()], "AAAA");
        assert_eq!(status(&short, &keys, Some(&Yes)).0, VerdictStatus::InvalidSignature, "{alg:?}");
        let other = if alg == Algorithm::EdDSA { Algorithm::ES256 } else { Algorithm::EdDSA };
        let wrong = generate(other, &mut rng).unwrap();
        let (s, _) = status(&token, &KeySet::single(wrong.public()), Some(&Yes));
        assert_ne!(s, VerdictStatus::Valid, "{alg:?} with a {other:?} key");
    }
}

#[test]
fn an_ecdsa_signature_out_of_range_is_refused_before_the_platform_is_asked() {
    let mut rng = ChaCha8Rng::seed_from_u64(10);
    let pair = generate(Algorithm::ES256, &mut rng).unwrap();
    let key = pair.public();
    // r = 0: refused by the core (RFC 7518 §3.4, FIPS 186-4), whatever the backend says.
    let sig = [0u8; 64];
    let e = jwtlens::verify::verify_signature_with(Algorithm::ES256, &key, b"a.b", &sig, Some((&Yes, 0)));
    assert_eq!(e, Err(VerifyError::ScalarOutOfRange));
    // Without a backend, a well-formed signature is not checked.
    let mut sig = [1u8; 64];
    sig[0] = 0x10;
    let e = jwtlens::verify::verify_signature_with(Algorithm::ES256, &key, b"a.b", &sig, None);
    assert!(matches!(e, Err(VerifyError::PlatformRequired { .. })), "{e:?}");
}

#[test]
fn es256k_keeps_its_own_arithmetic_with_the_es256k_feature() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let pair = generate(Algorithm::ES256K, &mut rng).unwrap();
    let token = sign(Algorithm::ES256K, r#"{"alg":"ES256K"}"#, r#"{"exp":2000000000}"#, &pair, &mut rng).unwrap();
    let (s, message) = status(&token, &KeySet::single(pair.public()), None);
    if cfg!(feature = "es256k") {
        assert_eq!(s, VerdictStatus::Valid, "{message}");
    } else {
        assert_eq!(s, VerdictStatus::Unchecked, "{message}");
    }
}

#[test]
fn hmac_needs_no_platform() {
    let mut rng = ChaCha8Rng::seed_from_u64(12);
    let pair = generate(Algorithm::HS256, &mut rng).unwrap();
    let token = sign(Algorithm::HS256, r#"{"alg":"HS256"}"#, r#"{"exp":2000000000}"#, &pair, &mut rng).unwrap();
    assert_eq!(status(&token, &KeySet::single(pair.public()), None).0, VerdictStatus::Valid);
}

/// Records the key index of every check and answers with the oracle.
#[derive(Debug, Default)]
struct Indices {
    ring: Ring,
    seen: core::cell::RefCell<Vec<KeyRef>>,
}

impl Backend for Indices {
    fn verify(&self, alg: Algorithm, index: KeyRef, key: &Key, data: &[u8], sig: &[u8]) -> Option<bool> {
        self.seen.borrow_mut().push(index);
        self.ring.verify(alg, index, key, data, sig)
    }
}

#[test]
fn an_sd_jwt_holder_key_goes_to_the_platform_as_foreign() {
    use jwtlens::sdjwt::{issue, present, verify_with, Bind, Issue, KeyBinding, SdStatus};
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let issuer = generate(Algorithm::ES256, &mut rng).unwrap();
    let holder = generate(Algorithm::ES256, &mut rng).unwrap();
    let holder_jwk: serde_json::Value = serde_json::from_str(&holder.public().to_jwk()).unwrap();
    let options = Issue { disclosable: vec!["email".into()], holder_jwk: Some(holder_jwk), ..Issue::default() };
    let claims = r#"{"iss":"https://issuer.example","exp":2000000000,"email":"ada@example.com"}"#;
    let issued = issue(Algorithm::ES256, claims, &options, &issuer, &mut rng).unwrap();
    let iat = NumericDate::from_secs(NOW - 5);
    let bind = Bind { key: &holder, alg: Algorithm::ES256, nonce: "n-1", audience: "https://verifier.example", iat };
    let presented = present(&issued.sd_jwt, &["email"], Some(&bind), &mut rng).unwrap();
    let kb = KeyBinding {
        required: true,
        nonce: Some("n-1".into()),
        audience: Some("https://verifier.example".into()),
        ..KeyBinding::default()
    };
    let keys = KeySet::single(issuer.public());
    let policy = jwtlens::policy::Policy::default();
    let now = NumericDate::from_secs(NOW);
    let backend = Indices::default();
    let report = verify_with(&presented, &keys, &policy, now, &kb, Some(&backend));
    assert_eq!(report.status, SdStatus::Valid, "{}", report.message);
    // The issuer's key by its index in the caller's set; the holder's as foreign.
    assert_eq!(*backend.seen.borrow(), vec![KeyRef::InSet(0), KeyRef::Foreign]);
    // Without a platform neither signature is checked, and the SD-JWT is not valid.
    let report = verify_with(&presented, &keys, &policy, now, &kb, None);
    assert_ne!(report.status, SdStatus::Valid);
}
