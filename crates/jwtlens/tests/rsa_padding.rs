//! RSA signatures over hand-made encoded messages: every PKCS#1 v1.5 and PSS
//! padding mistake (RFC 8017 §9.1, §9.2), signed with the private key's raw
//! exponentiation, judged by jwtlens (its Montgomery path, through a token,
//! with 2048/3072-bit moduli and e = 3 and 65537) and by two independent
//! verifiers: the `rsa` crate (RustCrypto) directly, and ring through the
//! `jsonwebtoken` crate. The property: jwtlens accepts ⇔ both oracles accept,
//! and exactly the correctly encoded messages are accepted.

use jwtlens::alg::Algorithm;
use jwtlens::key::{import_key, KeyInput, KeySet};
use jwtlens::report::VerdictStatus;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::BigUint;
use sha2::{Digest, Sha256};

const NOW: f64 = 1_795_000_000.0;

fn b64(b: &[u8]) -> String {
    jwtlens::b64::encode(b)
}

/// DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1).
const SHA256_INFO: [u8; 19] =
    [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

/// EMSA-PKCS1-v1_5 with the mistake `m` (0 = none).
fn pkcs1_em(k: usize, hash: &[u8], m: usize) -> (Vec<u8>, &'static str) {
    let mut t = SHA256_INFO.to_vec();
    let mut what = "correct";
    match m {
        1 => {
            // SHA-512's OID with a SHA-256 digest.
            t[14] = 0x03;
            what = "another hash's OID";
        }
        2 => {
            // The parameters' NULL left out (RFC 8017 allows verifiers to refuse it; JWS does).
            t = vec![
                0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x04, 0x20,
            ];
            what = "DigestInfo without NULL";
        }
        _ => {}
    }
    t.extend_from_slice(hash);
    if m == 3 {
        t.extend_from_slice(&[0; 4]);
        what = "garbage after the digest";
    }
    if m == 4 {
        t.pop();
        what = "digest one byte short";
    }
    let ps_len = k.saturating_sub(t.len() + 3);
    let mut em = vec![0x00, 0x01];
    em.extend(core::iter::repeat_n(0xff, ps_len));
    em.push(0x00);
    em.extend_from_slice(&t);
    match m {
        5 => {
            em[1] = 0x02;
            what = "block type 2";
        }
        6 => {
            em[5] = 0xfe;
            what = "a padding byte not 0xff";
        }
        7 => {
            em[0] = 0x01;
            what = "first byte not 0";
        }
        8 => {
            // The separator moved early: PS of 7 bytes, then garbage (Bleichenbacher's e = 3 shape).
            let sep = 2 + 7;
            em[sep] = 0x00;
            what = "padding shorter than 8 bytes";
        }
        9 => {
            em[2 + ps_len] = 0xff;
            what = "no 0 separator";
        }
        _ => {}
    }
    (em, what)
}

fn mgf1(seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut counter = 0u32;
    while out.len() < len {
        out.extend_from_slice(&Sha256::new().chain_update(seed).chain_update(counter.to_be_bytes()).finalize());
        counter += 1;
    }
    out.truncate(len);
    out
}

/// EMSA-PSS-ENCODE (RFC 8017 §9.1.1) with SHA-256, MGF1-SHA-256 and the mistake `m`.
fn pss_em(mod_bits: usize, hash: &[u8], m: usize) -> (Vec<u8>, &'static str) {
    let em_bits = mod_bits - 1;
    let em_len = em_bits.div_ceil(8);
    let (salt_len, mut what) = match m {
        1 => (0, "salt of 0 bytes"),
        2 => (20, "salt of 20 bytes"),
        3 => (64, "salt of 64 bytes"),
        _ => (32, "correct"),
    };
    let salt: Vec<u8> = (0..salt_len as u8).map(|i| i.wrapping_mul(7).wrapping_add(1)).collect();
    let h = Sha256::new().chain_update([0u8; 8]).chain_update(hash).chain_update(&salt).finalize();
    let mut db = vec![0u8; em_len - salt_len - 32 - 2];
    db.push(0x01);
    db.extend_from_slice(&salt);
    if m == 4 {
        db[0] = 0x01;
        what = "a padding byte not 0";
    }
    let mask = mgf1(&h, db.len());
    let mut masked: Vec<u8> = db.iter().zip(&mask).map(|(a, b)| a ^ b).collect();
    let top = 8 * em_len - em_bits;
    masked[0] &= 0xff >> top;
    if m == 5 {
        masked[0] |= 0x80;
        what = "the leftmost bits not cleared";
    }
    let mut em = masked;
    em.extend_from_slice(&h);
    em.push(if m == 6 { 0xbd } else { 0xbc });
    if m == 6 {
        what = "trailer not 0xbc";
    }
    (em, what)
}

struct Signer {
    key: rsa::RsaPrivateKey,
    set: KeySet,
    decoding: jsonwebtoken::DecodingKey,
}

fn signer(bits: usize, e: u64, seed: u64) -> Signer {
    let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(seed);
    let key = rsa::RsaPrivateKey::new_with_exp(&mut rng, bits, &BigUint::from(e)).unwrap();
    let jwk = format!(r#"{{"kty":"RSA","n":"{}","e":"{}"}}"#, b64(&key.n().to_bytes_be()), b64(&key.e().to_bytes_be()));
    let set = import_key(&jwk, KeyInput::Jwk).unwrap().0;
    let decoding =
        jsonwebtoken::DecodingKey::from_rsa_components(&b64(&key.n().to_bytes_be()), &b64(&key.e().to_bytes_be()))
            .unwrap();
    Signer { key, set, decoding }
}

/// `em` signed with the private key's raw exponentiation (no padding added): s = em^d mod n.
fn raw_sign(key: &rsa::RsaPrivateKey, em: &[u8]) -> Vec<u8> {
    let s = BigUint::from_bytes_be(em).modpow(key.d(), key.n());
    let mut out = s.to_bytes_be();
    let k = key.size();
    while out.len() < k {
        out.insert(0, 0);
    }
    out
}

fn judge(s: &Signer, alg: Algorithm, em: &[u8]) -> (bool, bool, bool) {
    let input = format!("{}.{}", b64(format!(r#"{{"alg":"{}"}}"#, alg.name()).as_bytes()), b64(br#"{"sub":"x"}"#));
    let sig = raw_sign(&s.key, em);
    let token = format!("{input}.{}", b64(&sig));
    let ours = jwtlens::inspect(
        &token,
        &jwtlens::Options { now: jwtlens::time::NumericDate::new(NOW), keys: Some(&s.set), ..Default::default() },
    )
    .verdict
    .status
        == VerdictStatus::Valid;
    let hashed = Sha256::digest(input.as_bytes());
    let public = s.key.to_public_key();
    let rustcrypto = match alg {
        Algorithm::RS256 => public.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &hashed, &sig).is_ok(),
        _ => public.verify(rsa::Pss::new::<Sha256>(), &hashed, &sig).is_ok(),
    };
    let mut v = jsonwebtoken::Validation::new(alg.name().parse().unwrap());
    v.required_spec_claims.clear();
    v.validate_exp = false;
    let ring = jsonwebtoken::decode::<serde_json::Value>(&token, &s.decoding, &v).is_ok();
    (ours, rustcrypto, ring)
}

#[test]
fn every_pkcs1_and_pss_padding_mistake_is_refused_by_all_three() {
    let mut total = 0;
    for (bits, e, seed) in [(2048, 65_537, 1), (3072, 65_537, 2), (2048, 3, 3)] {
        let s = signer(bits, e, seed);
        let input_hash = |alg: Algorithm| {
            let input =
                format!("{}.{}", b64(format!(r#"{{"alg":"{}"}}"#, alg.name()).as_bytes()), b64(br#"{"sub":"x"}"#));
            Sha256::digest(input.as_bytes()).to_vec()
        };
        for m in 0..=9 {
            let (em, what) = pkcs1_em(s.key.size(), &input_hash(Algorithm::RS256), m);
            let (ours, rustcrypto, ring) = judge(&s, Algorithm::RS256, &em);
            assert_eq!((ours, rustcrypto, ring), (m == 0, m == 0, m == 0), "RS256 {bits}-bit e={e}: {what}");
            total += 1;
        }
        for m in 0..=6 {
            let (em, what) = pss_em(s.key.n().bits(), &input_hash(Algorithm::PS256), m);
            let (ours, rustcrypto, ring) = judge(&s, Algorithm::PS256, &em);
            // RFC 7518 §3.5 fixes the salt at the hash's length; all three hold to it.
            assert_eq!((ours, rustcrypto, ring), (m == 0, m == 0, m == 0), "PS256 {bits}-bit e={e}: {what}");
            total += 1;
        }
    }
    println!("RSA padding differential: {total} encoded messages, jwtlens, the rsa crate and ring agree on all");
}
