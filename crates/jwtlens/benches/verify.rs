//! Verification as a server runs it: the core's compiled [`Verifier`] against
//! the jsonwebtoken crate (ring) for HS256, RS256, ES256 and EdDSA, same
//! tokens and keys, and the same checks on both sides — the algorithm
//! allow-list, the issuer, the audience, and exp/nbf against the system clock
//! (read on every call by both, 60 s leeway by both).
//!
//! `cargo bench -p jwtlens --bench verify`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jsonwebtoken::{DecodingKey, Validation};
use jwtlens::alg::Algorithm;
use jwtlens::key::KeySet;
use jwtlens::policy::Policy;
use jwtlens::sign::{generate, sign, SigningKey};
use jwtlens::verify::verify_signature;
use jwtlens::Verifier;
use rand_core::OsRng;

const ISS: &str = "https://issuer.example";
const AUD: &str = "api";

fn peer_key(key: &SigningKey) -> DecodingKey {
    let jwk: serde_json::Value = serde_json::from_str(&key.public().to_jwk()).unwrap();
    let s = |n: &str| jwk[n].as_str().unwrap().to_owned();
    match key {
        SigningKey::Hmac(secret) => DecodingKey::from_secret(secret),
        SigningKey::Rsa(_) => DecodingKey::from_rsa_components(&s("n"), &s("e")).unwrap(),
        SigningKey::P256(_) => DecodingKey::from_ec_components(&s("x"), &s("y")).unwrap(),
        SigningKey::Ed25519(_) => DecodingKey::from_ed_components(&s("x")).unwrap(),
        _ => unreachable!(),
    }
}

fn bench(c: &mut Criterion) {
    let now = jwtlens::system_now().seconds() as i64;
    let claims = format!(
        r#"{{"iss":"{ISS}","aud":"{AUD}","sub":"ada","scope":"read write","iat":{now},"nbf":{},"exp":{}}}"#,
        now - 5,
        now + 3600
    );
    for (alg, jalg) in [
        (Algorithm::HS256, jsonwebtoken::Algorithm::HS256),
        (Algorithm::RS256, jsonwebtoken::Algorithm::RS256),
        (Algorithm::ES256, jsonwebtoken::Algorithm::ES256),
        (Algorithm::EdDSA, jsonwebtoken::Algorithm::EdDSA),
    ] {
        let key = generate(alg, &mut OsRng).unwrap();
        let token = sign(alg, r#"{"typ":"JWT"}"#, &claims, &key, &mut OsRng).unwrap();
        let public = key.public();
        let policy = Policy {
            algorithms: vec![alg],
            issuers: vec![ISS.into()],
            audiences: vec![AUD.into()],
            ..Policy::default()
        };
        let verifier = Verifier::new(KeySet::single(key.public()), policy).unwrap();
        assert!(verifier.verify(&token, jwtlens::system_now()).is_ok());

        let dec = peer_key(&key);
        let mut validation = Validation::new(jalg);
        validation.set_issuer(&[ISS]);
        validation.set_audience(&[AUD]);
        validation.validate_nbf = true;
        validation.leeway = 60;
        assert!(jsonwebtoken::decode::<serde_json::Value>(&token, &dec, &validation).is_ok());

        let mut g = c.benchmark_group(format!("verify/{alg}"));
        g.bench_function("jwtlens Verifier::verify", |b| {
            b.iter(|| verifier.verify(black_box(&token), jwtlens::system_now()).is_ok())
        });
        g.bench_function("jsonwebtoken::decode", |b| {
            b.iter(|| jsonwebtoken::decode::<serde_json::Value>(black_box(&token), &dec, &validation).is_ok())
        });
        g.bench_function("jwtlens verify_signature only (no parsing, no checks)", |b| {
            let (input, sig) = token.rsplit_once('.').unwrap();
            let sig = jwtlens::b64::decode(sig).unwrap().bytes;
            b.iter(|| verify_signature(alg, &public, black_box(input.as_bytes()), &sig))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
