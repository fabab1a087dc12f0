//! Signature verification: the core against the jsonwebtoken crate (ring)
//! for HS256, RS256, ES256 and EdDSA, same tokens and keys.
//!
//! `cargo bench -p jwtlens --bench verify`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jsonwebtoken::{DecodingKey, Validation};
use jwtlens::alg::Algorithm;
use jwtlens::key::KeySet;
use jwtlens::sign::{generate, sign, SigningKey};
use jwtlens::token::Token;
use jwtlens::verify::{verify_signature, verify_token};
use rand_core::OsRng;

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
    for (alg, jalg) in [
        (Algorithm::HS256, jsonwebtoken::Algorithm::HS256),
        (Algorithm::RS256, jsonwebtoken::Algorithm::RS256),
        (Algorithm::ES256, jsonwebtoken::Algorithm::ES256),
        (Algorithm::EdDSA, jsonwebtoken::Algorithm::EdDSA),
    ] {
        let key = generate(alg, &mut OsRng).unwrap();
        let token = sign(alg, r#"{"typ":"JWT"}"#, r#"{"sub":"ada","exp":4000000000}"#, &key, &mut OsRng).unwrap();
        let set = KeySet::single(key.public());
        let public = key.public();
        let dec = peer_key(&key);
        let mut validation = Validation::new(jalg);
        validation.validate_aud = false;
        let mut g = c.benchmark_group(format!("verify/{alg}"));
        g.bench_function("jwtlens parse + verify_token", |b| {
            b.iter(|| verify_token(&Token::parse(black_box(&token)), Some(&set)))
        });
        g.bench_function("jwtlens verify_signature only", |b| {
            let (input, sig) = token.rsplit_once('.').unwrap();
            let sig = jwtlens::b64::decode(sig).unwrap().bytes;
            b.iter(|| verify_signature(alg, &public, black_box(input.as_bytes()), &sig))
        });
        g.bench_function("jsonwebtoken::decode", |b| {
            b.iter(|| jsonwebtoken::decode::<serde_json::Value>(black_box(&token), &dec, &validation))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
