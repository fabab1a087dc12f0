//! ECDSA P-256 and Ed25519 signatures at the edges, through tokens, judged by
//! jwtlens (its own arithmetic, before and after the key's precomputed table
//! is built) and by independent verifiers: RustCrypto directly (`p256`,
//! `ed25519-dalek`'s `verify_strict`) and ring through `jsonwebtoken`.
//! The property: jwtlens accepts ⇔ the RustCrypto verifier accepts, and ring agrees.

use jwtlens::key::{import_key, KeyInput, KeySet};
use jwtlens::report::VerdictStatus;
use p256::ecdsa::signature::{Signer, Verifier};

const NOW: f64 = 1_795_000_000.0;

fn b64(b: &[u8]) -> String {
    jwtlens::b64::encode(b)
}

fn input(alg: &str, n: usize) -> String {
    format!("{}.{}", b64(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()), b64(format!(r#"{{"n":{n}}}"#).as_bytes()))
}

fn ours(set: &KeySet, input: &str, sig: &[u8]) -> bool {
    let token = format!("{input}.{}", b64(sig));
    jwtlens::inspect(
        &token,
        &jwtlens::Options { now: jwtlens::time::NumericDate::new(NOW), keys: Some(set), ..Default::default() },
    )
    .verdict
    .status
        == VerdictStatus::Valid
}

fn ring(key: &jsonwebtoken::DecodingKey, alg: jsonwebtoken::Algorithm, input: &str, sig: &[u8]) -> bool {
    let mut v = jsonwebtoken::Validation::new(alg);
    v.required_spec_claims.clear();
    v.validate_exp = false;
    jsonwebtoken::decode::<serde_json::Value>(&format!("{input}.{}", b64(sig)), key, &v).is_ok()
}

const P256_N: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6, 0xfa,
    0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
];

fn add_small(x: [u8; 32], d: i16) -> [u8; 32] {
    let mut out = x;
    let mut carry = d;
    for b in out.iter_mut().rev() {
        let v = i16::from(*b) + carry;
        *b = v.rem_euclid(256) as u8;
        carry = v.div_euclid(256);
        if carry == 0 {
            break;
        }
    }
    out
}

#[test]
fn ecdsa_p256_scalars_at_the_edges() {
    let sk = p256::ecdsa::SigningKey::from_slice(&[0x42; 32]).unwrap();
    let point = sk.verifying_key().to_encoded_point(false);
    let (x, y) = (b64(point.x().unwrap()), b64(point.y().unwrap()));
    let set = import_key(&format!(r#"{{"kty":"EC","crv":"P-256","x":"{x}","y":"{y}"}}"#), KeyInput::Jwk).unwrap().0;
    let decoding = jsonwebtoken::DecodingKey::from_ec_components(&x, &y).unwrap();
    let mut one = [0u8; 32];
    one[31] = 1;
    let edges: [(&str, [u8; 32]); 6] = [
        ("0", [0; 32]),
        ("1", one),
        ("n - 1", add_small(P256_N, -1)),
        ("n", P256_N),
        ("n + 1", add_small(P256_N, 1)),
        ("2^256 - 1", [0xff; 32]),
    ];
    let mut cases = 0;
    // 80 signatures: the key's comb table is built after 64, so both paths are judged.
    for n in 0..80 {
        let data = input("ES256", n);
        let good: p256::ecdsa::Signature = sk.sign(data.as_bytes());
        let bytes = good.to_bytes();
        let (r, s) = bytes.split_at(32);
        let high_s = {
            use p256::elliptic_curve::ops::Neg;
            let (r, s) = good.split_scalars();
            p256::ecdsa::Signature::from_scalars(r, (*s).neg()).unwrap().to_bytes().to_vec()
        };
        let mut sigs: Vec<(String, Vec<u8>)> =
            vec![("valid".into(), good.to_bytes().to_vec()), ("high S".into(), high_s)];
        let (name, edge) = &edges[n % edges.len()];
        sigs.push((format!("r = {name}"), [edge.as_slice(), s].concat()));
        sigs.push((format!("s = {name}"), [r, edge.as_slice()].concat()));
        sigs.push(("r and s swapped".into(), [s, r].concat()));
        for (what, sig) in sigs {
            let rustcrypto = p256::ecdsa::Signature::from_slice(&sig)
                .is_ok_and(|s| sk.verifying_key().verify(data.as_bytes(), &s).is_ok());
            let us = ours(&set, &data, &sig);
            assert_eq!(us, rustcrypto, "ES256 #{n} {what}");
            assert_eq!(
                ring(&decoding, jsonwebtoken::Algorithm::ES256, &data, &sig),
                rustcrypto,
                "ring, ES256 #{n} {what}"
            );
            assert_eq!(us, what == "valid" || what == "high S", "ES256 #{n} {what}");
            cases += 1;
        }
    }
    println!("ES256 edges: {cases} signatures, jwtlens, p256 and ring agree");
}

#[test]
fn ed25519_non_canonical_small_order_and_torsioned() {
    use curve25519_dalek::edwards::CompressedEdwardsY;
    let sk = ed25519_dalek::SigningKey::from_bytes(&[0x17; 32]);
    let vk = sk.verifying_key();
    let set = import_key(&format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#, b64(vk.as_bytes())), KeyInput::Jwk)
        .unwrap()
        .0;
    let decoding = jsonwebtoken::DecodingKey::from_ed_components(&b64(vk.as_bytes())).unwrap();
    // L, little-endian, to make S + L (the same scalar, not canonical).
    let l: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    // A point of order 8, to add a torsion component to R.
    let torsion = curve25519_dalek::constants::EIGHT_TORSION[1];
    let mut cases = 0;
    for n in 0..80 {
        let data = input("EdDSA", n);
        let good = ed25519_dalek::Signer::sign(&sk, data.as_bytes()).to_bytes();
        let mut s_plus_l = good;
        let mut carry = 0u16;
        for i in 0..32 {
            let v = u16::from(s_plus_l[32 + i]) + u16::from(l[i]) + carry;
            s_plus_l[32 + i] = v as u8;
            carry = v >> 8;
        }
        let mut torsioned = good;
        let r = CompressedEdwardsY(good[..32].try_into().unwrap()).decompress().unwrap();
        torsioned[..32].copy_from_slice((r + torsion).compress().as_bytes());
        let mut small_r = good;
        small_r[..32].copy_from_slice(torsion.compress().as_bytes());
        let mut flipped = good;
        flipped[n % 64] ^= 0x20;
        for (what, sig) in [
            ("valid", good),
            ("S + L", s_plus_l),
            ("R + torsion", torsioned),
            ("R of order 8", small_r),
            ("a bit flipped", flipped),
        ] {
            let strict = vk.verify_strict(data.as_bytes(), &ed25519_dalek::Signature::from_bytes(&sig)).is_ok();
            let us = ours(&set, &data, &sig);
            assert_eq!(us, strict, "EdDSA #{n} {what}");
            assert_eq!(ring(&decoding, jsonwebtoken::Algorithm::EdDSA, &data, &sig), strict, "ring, EdDSA #{n} {what}");
            assert_eq!(us, what == "valid", "EdDSA #{n} {what}");
            cases += 1;
        }
    }
    println!("EdDSA edges: {cases} signatures, jwtlens, ed25519-dalek verify_strict and ring agree");
}
