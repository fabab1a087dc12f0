//! Signing: every algorithm round-trips through verification, the RFC 7520 /
//! RFC 8037 reproducible signatures come out byte for byte, and the
//! jsonwebtoken crate agrees in both directions.

use std::path::Path;

use jsonwebtoken::{DecodingKey, EncodingKey, Header, Validation};
use jwtlens::alg::{Algorithm, ALL};
use jwtlens::key::{Key, KeySet};
use jwtlens::sign::{generate, import_signing_key, sign, signature, SignProblem, SignStage, SigningKey};
use jwtlens::token::Token;
use jwtlens::verify::{verify_token, SignatureStatus};
use rand_core::{CryptoRng, RngCore};
use serde_json::Value;

/// A seeded generator: deterministic tests. (The faces use the platform's CSPRNG.)
struct TestRng(u64);
impl RngCore for TestRng {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(8) {
            let v = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}
impl CryptoRng for TestRng {}

fn verified(token: &str, key: &Key) -> SignatureStatus {
    verify_token(&Token::parse(token), Some(&KeySet::single(key.clone()))).status
}

#[test]
fn every_algorithm_round_trips_and_tampering_fails() {
    let mut rng = TestRng(42);
    let mut n = 0;
    for alg in ALL.into_iter().filter(|a| *a != Algorithm::None) {
        let key = generate(alg, &mut rng).unwrap();
        let token =
            sign(alg, r#"{"typ":"JWT","kid":"k1","alg":"ignored"}"#, r#"{"sub":"ada","n":1}"#, &key, &mut rng).unwrap();
        let t = Token::parse(&token);
        assert_eq!(t.header().unwrap().alg.as_deref(), Some(alg.name()));
        assert_eq!(t.header_text().unwrap(), format!(r#"{{"alg":"{}","typ":"JWT","kid":"k1"}}"#, alg.name()));
        assert_eq!(verified(&token, &key.public()), SignatureStatus::Verified, "{alg}");
        let tampered = token.replacen(".eyJ", ".eyK", 1);
        assert_ne!(verified(&tampered, &key.public()), SignatureStatus::Verified, "{alg} tampered");
        // The private JWK reads back to a key that signs the same way.
        let again = import_signing_key(&key.to_jwk()).unwrap();
        let token2 = sign(alg, "{}", r#"{"sub":"ada"}"#, &again, &mut rng).unwrap();
        assert_eq!(verified(&token2, &key.public()), SignatureStatus::Verified, "{alg} via JWK");
        n += 1;
    }
    println!("sign/verify round trip: {n}/14 algorithms");
    assert!(sign(Algorithm::None, "{}", "{}", &SigningKey::Hmac(vec![0; 32]), &mut rng).is_err());
    assert!(sign(Algorithm::HS256, "{}", "{}", &SigningKey::Hmac(vec![0; 16]), &mut rng).is_err(), "short secret");
    assert!(sign(Algorithm::RS256, "{}", "{}", &SigningKey::Hmac(vec![0; 32]), &mut rng).is_err(), "wrong key type");
    assert!(
        sign(Algorithm::HS256, "[]", "{}", &SigningKey::Hmac(vec![0; 32]), &mut rng).is_err(),
        "header not an object"
    );
    assert!(
        sign(Algorithm::HS256, "{}", "{\"a\":", &SigningKey::Hmac(vec![0; 32]), &mut rng).is_err(),
        "claims not JSON"
    );
}

#[test]
fn cookbook_reproducible_signatures() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/jose-cookbook");
    let mut rng = TestRng(1);
    let mut n = 0;
    for file in ["jws/4_1.rsa_v15_signature.json", "jws/4_4.hmac-sha2_integrity_protection.json", "curve25519/jws.json"]
    {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap();
        assert_eq!(v["reproducible"], true);
        let key = import_signing_key(&v["input"]["key"].to_string()).unwrap();
        let alg: Algorithm = v["input"]["alg"].as_str().unwrap().parse().unwrap();
        let sig = signature(alg, &key, v["signing"]["sig-input"].as_str().unwrap().as_bytes(), &mut rng).unwrap();
        assert_eq!(jwtlens::b64::encode(&sig), v["signing"]["sig"].as_str().unwrap(), "{file}");
        n += 1;
    }
    println!("RFC 7520 / RFC 8037 reproducible signatures: {n}/3 byte-identical");
}

fn jwt_alg(alg: Algorithm) -> jsonwebtoken::Algorithm {
    use jsonwebtoken::Algorithm as J;
    match alg {
        Algorithm::HS256 => J::HS256,
        Algorithm::HS384 => J::HS384,
        Algorithm::HS512 => J::HS512,
        Algorithm::RS256 => J::RS256,
        Algorithm::RS384 => J::RS384,
        Algorithm::RS512 => J::RS512,
        Algorithm::PS256 => J::PS256,
        Algorithm::PS384 => J::PS384,
        Algorithm::PS512 => J::PS512,
        Algorithm::ES256 => J::ES256,
        Algorithm::ES384 => J::ES384,
        _ => J::EdDSA,
    }
}

/// The jsonwebtoken crate's keys for one of ours, from the private JWK.
fn peer_keys(key: &SigningKey) -> (EncodingKey, DecodingKey) {
    let jwk: Value = serde_json::from_str(&key.to_jwk()).unwrap();
    let s = |name: &str| jwk[name].as_str().unwrap().to_owned();
    let raw = |name: &str| jwtlens::b64::decode(&s(name)).unwrap().bytes;
    match key {
        SigningKey::Hmac(secret) => (EncodingKey::from_secret(secret), DecodingKey::from_secret(secret)),
        SigningKey::Rsa(k) => {
            use rsa::pkcs1::EncodeRsaPrivateKey;
            let der = k.to_pkcs1_der().unwrap();
            (EncodingKey::from_rsa_der(der.as_bytes()), DecodingKey::from_rsa_components(&s("n"), &s("e")).unwrap())
        }
        SigningKey::P256(k) => {
            use p256::pkcs8::EncodePrivateKey;
            let der = k.to_pkcs8_der().unwrap();
            let mut point = vec![4];
            point.extend(raw("x"));
            point.extend(raw("y"));
            (EncodingKey::from_ec_der(der.as_bytes()), DecodingKey::from_ec_der(&point))
        }
        SigningKey::P384(k) => {
            use p384::pkcs8::EncodePrivateKey;
            let der = k.to_pkcs8_der().unwrap();
            let mut point = vec![4];
            point.extend(raw("x"));
            point.extend(raw("y"));
            (EncodingKey::from_ec_der(der.as_bytes()), DecodingKey::from_ec_der(&point))
        }
        SigningKey::Ed25519(k) => {
            use ed25519_dalek::pkcs8::EncodePrivateKey;
            let der = k.to_pkcs8_der().unwrap();
            (EncodingKey::from_ed_der(der.as_bytes()), DecodingKey::from_ed_der(k.verifying_key().as_bytes()))
        }
        _ => unreachable!("not supported by jsonwebtoken 9"),
    }
}

#[test]
fn jsonwebtoken_agrees_both_ways() {
    let mut rng = TestRng(7);
    let claims = serde_json::json!({"sub": "ada", "exp": 4_000_000_000u64});
    let mut n = 0;
    // jsonwebtoken 9 has no ES512 or ES256K.
    for alg in ALL.into_iter().filter(|a| !matches!(a, Algorithm::None | Algorithm::ES512 | Algorithm::ES256K)) {
        let key = generate(alg, &mut rng).unwrap();
        let (enc, dec) = peer_keys(&key);
        // jsonwebtoken signs, jwtlens verifies.
        let theirs = jsonwebtoken::encode(&Header::new(jwt_alg(alg)), &claims, &enc).unwrap();
        assert_eq!(verified(&theirs, &key.public()), SignatureStatus::Verified, "{alg}: jsonwebtoken -> jwtlens");
        // jwtlens signs, jsonwebtoken verifies.
        let ours = sign(alg, r#"{"typ":"JWT"}"#, &claims.to_string(), &key, &mut rng).unwrap();
        let mut validation = Validation::new(jwt_alg(alg));
        validation.validate_aud = false;
        jsonwebtoken::decode::<Value>(&ours, &dec, &validation)
            .unwrap_or_else(|e| panic!("{alg}: jwtlens -> jsonwebtoken: {e}"));
        // Both reject the other's token with one payload byte changed.
        let tampered = ours.replacen(".eyJ", ".eyK", 1);
        assert!(jsonwebtoken::decode::<Value>(&tampered, &dec, &validation).is_err());
        assert_ne!(verified(&tampered, &key.public()), SignatureStatus::Verified);
        n += 1;
    }
    println!("jsonwebtoken crate differential: {n}/12 algorithms agree in both directions");
}

fn pem(label: &str, der: &[u8]) -> String {
    pem_rfc7468::encode_string(label, pem_rfc7468::LineEnding::LF, der).unwrap()
}

#[test]
fn private_pem_formats_import_and_sign() {
    use p256::pkcs8::EncodePrivateKey;
    let mut rng = TestRng(99);
    let mut cases: Vec<(Algorithm, String, Key)> = Vec::new();
    // RSA as PKCS#1 and PKCS#8
    let rsa_key = generate(Algorithm::RS256, &mut rng).unwrap();
    if let SigningKey::Rsa(k) = &rsa_key {
        use rsa::pkcs1::EncodeRsaPrivateKey;
        cases.push((Algorithm::RS256, pem("RSA PRIVATE KEY", k.to_pkcs1_der().unwrap().as_bytes()), rsa_key.public()));
        cases.push((Algorithm::PS256, pem("PRIVATE KEY", k.to_pkcs8_der().unwrap().as_bytes()), rsa_key.public()));
    }
    // EC P-256 as PKCS#8 and SEC1
    let ec = generate(Algorithm::ES256, &mut rng).unwrap();
    if let SigningKey::P256(k) = &ec {
        cases.push((Algorithm::ES256, pem("PRIVATE KEY", k.to_pkcs8_der().unwrap().as_bytes()), ec.public()));
        let sk = p256::SecretKey::from(k);
        let sec1 = sk.to_sec1_der().unwrap();
        cases.push((Algorithm::ES256, pem("EC PRIVATE KEY", &sec1), ec.public()));
    }
    // Ed25519 as PKCS#8
    let ed = generate(Algorithm::EdDSA, &mut rng).unwrap();
    if let SigningKey::Ed25519(k) = &ed {
        use ed25519_dalek::pkcs8::EncodePrivateKey;
        cases.push((Algorithm::EdDSA, pem("PRIVATE KEY", k.to_pkcs8_der().unwrap().as_bytes()), ed.public()));
    }
    assert_eq!(cases.len(), 5);
    for (alg, text, public) in &cases {
        let key = import_signing_key(text).unwrap_or_else(|e| panic!("{alg}: {e}"));
        let token = sign(*alg, "{}", r#"{"sub":"pem"}"#, &key, &mut rng).unwrap();
        assert_eq!(verified(&token, public), SignatureStatus::Verified, "{alg} from {}", text.lines().next().unwrap());
    }
    let e = import_signing_key("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").unwrap_err();
    assert_eq!(e.problem, SignProblem::NotPrivateLabel { label: "PUBLIC KEY".into() }, "{e}");
    assert!(e.to_string().contains("is not a private key"), "{e}");
    let e = import_signing_key("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----").unwrap_err();
    assert_eq!((e.stage, e.problem.reason()), (SignStage::Key, "not_structure"), "{e}");
    println!(
        "private PEM import: {}/5 formats (PKCS#1 RSA, PKCS#8 RSA/EC/Ed25519, SEC1 EC) sign and verify",
        cases.len()
    );
}

#[test]
fn sign_hmac_is_sign_with_an_hmac_key_and_refuses_the_rest() {
    use jwtlens::sign::sign_hmac;
    let secret = vec![7u8; 64];
    let (header, claims) = (r#"{"typ":"JWT","kid":"k"}"#, r#"{"sub":"ada","n":1}"#);
    for alg in [Algorithm::HS256, Algorithm::HS384, Algorithm::HS512] {
        let with_key = sign(alg, header, claims, &SigningKey::Hmac(secret.clone()), &mut TestRng(1)).unwrap();
        assert_eq!(sign_hmac(alg, header, claims, &secret).unwrap(), with_key, "{alg:?}");
        // jsonwebtoken (the oracle) verifies it.
        let mut validation = Validation::new(alg.name().parse().unwrap());
        validation.required_spec_claims.clear();
        validation.validate_exp = false;
        jsonwebtoken::decode::<Value>(&with_key, &DecodingKey::from_secret(&secret), &validation).unwrap();
    }
    for alg in ALL.into_iter().filter(|a| a.family() != jwtlens::alg::Family::Hmac) {
        assert_eq!(sign_hmac(alg, header, claims, &secret).unwrap_err().stage, SignStage::Sign, "{alg:?}");
    }
    // RFC 7518 §3.2: a secret shorter than the hash is refused, as by `sign`.
    let short = sign_hmac(Algorithm::HS512, header, claims, &[7u8; 32]).unwrap_err();
    assert!(matches!(short.problem, SignProblem::SecretTooShort { need: 64, found: 32, .. }), "{short:?}");
}
