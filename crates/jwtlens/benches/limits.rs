//! Work before authentication grows linearly up to the limits (issue 9).
//!
//! `cargo bench -p jwtlens --bench limits`
//!
//! For payloads of 10 to 10,000 members (the default `Limits::max_values`),
//! with distinct names and with every name the same (the worst case for
//! duplicate detection), the time to parse a token and reach the verdict with
//! an HMAC key. Criterion reports each time; the per-member time (time ÷
//! members) staying flat is the linearity. The last case, 20,000 members
//! (over the limit), is refused at the limit, so it costs what 10,000 do.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn token(members: usize, same_name: bool) -> String {
    let body: Vec<String> =
        (0..members).map(|i| if same_name { format!("\"a\":{i}") } else { format!("\"c{i}\":{i}") }).collect();
    let payload = format!("{{{}}}", body.join(","));
    let b = |x: &[u8]| jwtlens::b64::encode(x);
    format!("{}.{}.{}", b(br#"{"alg":"HS256"}"#), b(payload.as_bytes()), b(&[0u8; 32]))
}

fn bench(c: &mut Criterion) {
    let (keys, _) =
        jwtlens::key::import_key("a-long-and-random-shared-secret-0123456789", jwtlens::key::KeyInput::Auto).unwrap();
    for (label, same) in [("distinct names", false), ("one name repeated", true)] {
        let mut g = c.benchmark_group(format!("verdict by payload members/{label}"));
        for members in [10usize, 100, 1_000, 10_000, 20_000] {
            let t = token(members, same);
            g.throughput(Throughput::Elements(members as u64));
            g.bench_with_input(BenchmarkId::from_parameter(members), &t, |b, t| {
                b.iter(|| {
                    let limits = jwtlens::token::Limits { max_bytes: 1 << 20, ..Default::default() };
                    let token = jwtlens::token::Token::parse_with(black_box(t), &limits);
                    let options = jwtlens::Options {
                        now: jwtlens::time::NumericDate::new(1_795_000_000.0),
                        keys: Some(&keys),
                        ..Default::default()
                    };
                    jwtlens::report::verdict(&token, &options)
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
