//! Arbitrary tokens and raw signatures against fixed keys of every type (kept
//! across runs, so after 64 uses the Ed25519 and P-256 table paths are fuzzed):
//! a verdict, never a panic, and never "verified" for bytes nobody signed.
#![no_main]
use std::sync::OnceLock;

use jwtlens::alg::{Algorithm, ALL};
use jwtlens::key::{import_key, KeyInput, KeySet};
use jwtlens::verify::{verify_signature, verify_token, SignatureStatus};
use libfuzzer_sys::fuzz_target;

fn keys() -> &'static Vec<KeySet> {
    static KEYS: OnceLock<Vec<KeySet>> = OnceLock::new();
    KEYS.get_or_init(|| {
        [
            r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#,
            r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#,
            r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#,
            // RFC 7520 §3.3 (the Montgomery RSA path).
            r#"{"kty":"RSA","n":"n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw","e":"AQAB"}"#,
        ]
        .iter()
        .map(|j| import_key(j, KeyInput::Jwk).unwrap().0)
        .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    for set in keys() {
        let v = verify_token(&jwtlens::Token::parse(&text), Some(set));
        // Random bytes must not verify (a MAC or signature forgery would be a real finding).
        assert_ne!(v.status, SignatureStatus::Verified, "forged: {text:?}");
    }
    let alg: Algorithm = ALL[selector as usize % ALL.len()];
    let (msg, sig) = rest.split_at(rest.len() / 2);
    for set in keys() {
        let _ = verify_signature(alg, &set.keys()[0], msg, sig);
    }
});
