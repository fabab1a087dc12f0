//! The core's decode paths against the jsonwebtoken crate's, on the same tokens.
//!
//! `cargo bench -p jwtlens --bench inspect`
//!
//! jsonwebtoken has no "decode without a key" that returns the header and
//! claims, so its peer here is `decode` with signature validation disabled
//! (`Validation::insecure_disable_signature_validation`) into a
//! `serde_json::Value`, which parses the header and the claims: the work
//! `jwtlens::decode_unverified` does. `jwtlens::inspect` does more (spans, explanations,
//! times, the report) and is measured beside them.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use jsonwebtoken::{DecodingKey, Validation};

const SMALL: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

fn bench(c: &mut Criterion) {
    let tokens = [("jwt.io example", SMALL), ("example with 9 claims", jwtlens::examples::EXAMPLE_TOKEN)];
    let key = DecodingKey::from_secret(b"unused");
    let mut validation = Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.insecure_disable_signature_validation();
    validation.validate_exp = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();

    for (name, token) in tokens {
        let mut g = c.benchmark_group(format!("decode/{name}"));
        g.bench_function("jwtlens::inspect (full report)", |b| {
            b.iter(|| {
                jwtlens::inspect(
                    black_box(token),
                    &jwtlens::Options { now: jwtlens::time::NumericDate::new(1_600_000_000.0), ..Default::default() },
                )
            })
        });
        g.bench_function("jwtlens::inspect + to_json", |b| {
            b.iter(|| {
                jwtlens::inspect(
                    black_box(token),
                    &jwtlens::Options { now: jwtlens::time::NumericDate::new(1_600_000_000.0), ..Default::default() },
                )
                .to_json()
            })
        });
        g.bench_function("jwtlens::decode_unverified", |b| b.iter(|| jwtlens::decode_unverified(black_box(token))));
        g.bench_function("jsonwebtoken::decode (no signature check)", |b| {
            b.iter(|| jsonwebtoken::decode::<serde_json::Value>(black_box(token), &key, &validation))
        });
        g.bench_function("jsonwebtoken::decode_header", |b| b.iter(|| jsonwebtoken::decode_header(black_box(token))));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
