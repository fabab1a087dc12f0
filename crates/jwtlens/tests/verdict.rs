//! `report::verdict` (the fast path npm `verifyFast` takes) gives exactly the
//! verdict `inspect` puts in the full report, for every kind of outcome.

use jwtlens::alg::Algorithm;
use jwtlens::key::{import_key, KeyInput, KeySet};
use jwtlens::report::{verdict, VerdictStatus};
use jwtlens::sign::{generate, sign};
use jwtlens::token::Token;
use jwtlens::{inspect, Options};
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng as _;

#[test]
fn the_fast_verdict_is_the_reports_verdict() {
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let hs = generate(Algorithm::HS256, &mut rng).unwrap();
    let other = generate(Algorithm::HS256, &mut rng).unwrap();
    let es = generate(Algorithm::ES256, &mut rng).unwrap();
    let claims = r#"{"sub":"ada","iat":1000,"exp":2000}"#;
    let token = sign(Algorithm::HS256, r#"{"kid":"a"}"#, claims, &hs, &mut rng).unwrap();
    let es_token = sign(Algorithm::ES256, r#"{"kid":"e"}"#, claims, &es, &mut rng).unwrap();
    let jwks = |keys: &[(&jwtlens::sign::SigningKey, &str)]| {
        let members: Vec<String> = keys
            .iter()
            .map(|(k, kid)| {
                let jwk = k.public().to_jwk();
                format!("{},\"kid\":\"{kid}\"}}", jwk.trim_end_matches('}'))
            })
            .collect();
        import_key(&format!("{{\"keys\":[{}]}}", members.join(",")), KeyInput::Jwk).unwrap().0
    };
    let sets: Vec<(&str, Option<KeySet>)> = vec![
        ("right key", Some(KeySet::single(hs.public()))),
        ("wrong secret", Some(KeySet::single(other.public()))),
        ("a public key for an HMAC token", Some(KeySet::single(es.public()))),
        ("a set, kid picks", Some(jwks(&[(&other, "b"), (&hs, "a")]))),
        ("a set, no kid matches", Some(jwks(&[(&other, "b"), (&hs, "c")]))),
        ("one key, wrong kid", Some(jwks(&[(&hs, "z")]))),
        ("no key", None),
    ];
    let tokens = [
        token.clone(),
        es_token,
        String::from("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ."),
        String::from("not a token"),
        format!("{token}x"),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (what, keys) in &sets {
        for t in &tokens {
            for now in [None, Some(1500), Some(2500)].map(|s| s.map(jwtlens::time::NumericDate::from_secs)) {
                let opts = Options { now, keys: keys.as_ref(), ..Options::default() };
                let fast = verdict(&Token::parse(t), &opts);
                let full = inspect(t, &opts).verdict;
                assert_eq!(fast, full, "{what} / {t} / {now:?}");
                seen.insert(format!("{:?}", fast.status));
            }
        }
    }
    // Every status was exercised.
    for s in [
        VerdictStatus::Valid,
        VerdictStatus::InvalidSignature,
        VerdictStatus::NoKey,
        VerdictStatus::ClaimsFail,
        VerdictStatus::Unsecured,
        VerdictStatus::Malformed,
    ] {
        assert!(seen.contains(&format!("{s:?}")), "{s:?} not exercised: {seen:?}");
    }
}
