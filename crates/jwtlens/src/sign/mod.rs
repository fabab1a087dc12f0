//! Making tokens: private keys, key generation and JWS signing.
//!
//! RFC 7515 §5.1 (Message Signature or MAC Computation): "Compute the JWS
//! Signature in the manner defined for the particular algorithm being used
//! over the JWS Signing Input ASCII(BASE64URL(UTF8(JWS Protected Header)) ||
//! '.' || BASE64URL(JWS Payload))."
//!
//! Randomness comes from the caller (`rand_core`), so the core stays pure:
//! the page and the CLI pass the platform's generator, tests pass a seeded one.
//! ECDSA signatures on P-256, P-384 and secp256k1 are deterministic
//! (RFC 6979); P-521 and RSA-PSS draw from the generator.
//!
//! # Example
//! ```
//! use jwtlens::{alg::Algorithm, sign::{generate, sign}, key::KeySet, token::Token, verify::{verify_token, SignatureStatus}};
//! # struct Counter(u64);
//! # impl rand_core::RngCore for Counter {
//! #     fn next_u32(&mut self) -> u32 { self.next_u64() as u32 }
//! #     fn next_u64(&mut self) -> u64 { self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); self.0 }
//! #     fn fill_bytes(&mut self, d: &mut [u8]) { for b in d { *b = (self.next_u64() >> 33) as u8 } }
//! #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core::Error> { self.fill_bytes(d); Ok(()) }
//! # }
//! # impl rand_core::CryptoRng for Counter {}
//! let mut rng = Counter(7); // use a real CSPRNG, e.g. rand_core::OsRng
//! let key = generate(Algorithm::ES256, &mut rng).unwrap();
//! let token = sign(Algorithm::ES256, r#"{"typ":"JWT"}"#, r#"{"sub":"ada"}"#, &key, &mut rng).unwrap();
//! let verdict = verify_token(&Token::parse(&token), Some(&KeySet::single(key.public())));
//! assert_eq!(verdict.status, SignatureStatus::Verified);
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use p256::ecdsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
use rand_core::CryptoRngCore;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use serde::Serialize;
use sha2::{Sha256, Sha384, Sha512};

use crate::alg::{Algorithm, Family, Hash};
use crate::b64;
use crate::json::{self, Json, Member, Object};
use crate::key::{Key, KeyFormat, KeyType, Material};

mod error;
mod keys;

use error::err;
pub use error::{SignError, SignProblem, SignStage};
pub use keys::{generate, import_signing_key, GeneratedKey};

/// A key that can sign.
#[derive(Clone)]
pub enum SigningKey {
    /// An HMAC secret.
    Hmac(Vec<u8>),
    /// An RSA private key.
    Rsa(rsa::RsaPrivateKey),
    /// A P-256 private key.
    P256(p256::ecdsa::SigningKey),
    /// A P-384 private key.
    P384(p384::ecdsa::SigningKey),
    /// A P-521 private key.
    P521(p521::ecdsa::SigningKey),
    /// A secp256k1 private key.
    K256(k256::ecdsa::SigningKey),
    /// An Ed25519 private key.
    Ed25519(ed25519_dalek::SigningKey),
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print private material.
        f.debug_struct("SigningKey").field("type", &self.key_type()).finish_non_exhaustive()
    }
}

impl SigningKey {
    /// The key's type.
    pub fn key_type(&self) -> KeyType {
        match self {
            SigningKey::Hmac(_) => KeyType::Oct,
            SigningKey::Rsa(_) => KeyType::Rsa,
            SigningKey::P256(_) => KeyType::P256,
            SigningKey::P384(_) => KeyType::P384,
            SigningKey::P521(_) => KeyType::P521,
            SigningKey::K256(_) => KeyType::Secp256k1,
            SigningKey::Ed25519(_) => KeyType::Ed25519,
        }
    }

    /// The verification key that goes with it (for HMAC, the same secret).
    pub fn public(&self) -> Key {
        let material = match self {
            SigningKey::Hmac(s) => Material::Hmac(crate::key::HmacKey::new(s.clone())),
            SigningKey::Rsa(k) => Material::Rsa(crate::key::RsaKey::checked_elsewhere(k.to_public_key())),
            SigningKey::P256(k) => Material::P256(crate::key::P256Key::new(*k.verifying_key())),
            SigningKey::P384(k) => Material::P384(crate::key::EcPoint::derived(
                crate::key::Curve::P384,
                k.verifying_key().to_encoded_point(false).as_bytes(),
            )),
            SigningKey::P521(k) => Material::P521(crate::key::EcPoint::derived(
                crate::key::Curve::P521,
                p521::ecdsa::VerifyingKey::from(k).to_encoded_point(false).as_bytes(),
            )),
            SigningKey::K256(k) => Material::K256(crate::key::EcPoint::derived(
                crate::key::Curve::Secp256k1,
                k.verifying_key().to_encoded_point(false).as_bytes(),
            )),
            SigningKey::Ed25519(k) => Material::Ed25519(crate::key::Ed25519Key::new(k.verifying_key())),
        };
        Key { material, kid: None, alg: None, use_: None, key_ops: None, format: KeyFormat::Jwk }
    }

    /// The private key as a JWK (RFC 7517 / RFC 7518 §6), members in RFC 7638 order.
    pub fn to_jwk(&self) -> String {
        let e = |b: &[u8]| b64::encode(b);
        match self {
            SigningKey::Hmac(s) => format!(r#"{{"k":"{}","kty":"oct"}}"#, e(s)),
            SigningKey::Rsa(k) => {
                let primes = k.primes();
                let (p, q) = (primes.first().cloned().unwrap_or_default(), primes.get(1).cloned().unwrap_or_default());
                let one = rsa::BigUint::from(1u8);
                let dp = k.d() % (&p - &one);
                let dq = k.d() % (&q - &one);
                let qi = k.crt_coefficient().unwrap_or_default();
                format!(
                    r#"{{"d":"{}","dp":"{}","dq":"{}","e":"{}","kty":"RSA","n":"{}","p":"{}","q":"{}","qi":"{}"}}"#,
                    e(&k.d().to_bytes_be()),
                    e(&dp.to_bytes_be()),
                    e(&dq.to_bytes_be()),
                    e(&k.e().to_bytes_be()),
                    e(&k.n().to_bytes_be()),
                    e(&p.to_bytes_be()),
                    e(&q.to_bytes_be()),
                    e(&qi.to_bytes_be())
                )
            }
            SigningKey::P256(k) => ec_jwk("P-256", &k.to_bytes(), k.verifying_key().to_encoded_point(false).as_bytes()),
            SigningKey::P384(k) => ec_jwk("P-384", &k.to_bytes(), k.verifying_key().to_encoded_point(false).as_bytes()),
            SigningKey::P521(k) => {
                ec_jwk("P-521", &k.to_bytes(), p521::ecdsa::VerifyingKey::from(k).to_encoded_point(false).as_bytes())
            }
            SigningKey::K256(k) => {
                ec_jwk("secp256k1", &k.to_bytes(), k.verifying_key().to_encoded_point(false).as_bytes())
            }
            SigningKey::Ed25519(k) => format!(
                r#"{{"crv":"Ed25519","d":"{}","kty":"OKP","x":"{}"}}"#,
                e(k.as_bytes()),
                e(k.verifying_key().as_bytes())
            ),
        }
    }
}

/// `uncompressed` is the SEC1 point 0x04 ‖ x ‖ y.
fn ec_jwk(crv: &str, d: &[u8], uncompressed: &[u8]) -> String {
    let coords = uncompressed.get(1..).unwrap_or_default();
    let (x, y) = coords.split_at(coords.len() / 2);
    let (x, y) = (b64::encode(x), b64::encode(y));
    format!(r#"{{"crv":"{crv}","d":"{}","kty":"EC","x":"{x}","y":"{y}"}}"#, b64::encode(d))
}

/// Sign `claims` (JSON text) with `header` (JSON text; `alg` is set to `alg`,
/// every other member kept in order) and return the compact JWS.
pub fn sign(
    alg: Algorithm,
    header: &str,
    claims: &str,
    key: &SigningKey,
    rng: &mut impl CryptoRngCore,
) -> Result<String, SignError> {
    let input = signing_input(alg, header, claims)?;
    let sig = signature(alg, key, input.as_bytes(), rng)?;
    Ok(format!("{input}.{}", b64::encode(&sig)))
}

/// [`sign`] with an HMAC secret, which draws no randomness: for a caller
/// with no random generator (a deterministic simulation, a test) that must
/// not pass a predictable one where a CSPRNG is asked for. `alg` must be
/// HS256, HS384 or HS512, and the secret at least as long as its hash
/// (RFC 7518 §3.2).
///
/// ```
/// use jwtlens::{alg::Algorithm, sign::sign_hmac};
/// let secret = b"a-string-secret-at-least-256-bits-long";
/// let token = sign_hmac(Algorithm::HS256, r#"{"typ":"JWT"}"#, r#"{"sub":"ada"}"#, secret).unwrap();
/// assert!(token.starts_with("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."));
/// assert!(sign_hmac(Algorithm::ES256, "{}", "{}", secret).is_err());
/// ```
#[inline]
pub fn sign_hmac(alg: Algorithm, header: &str, claims: &str, secret: &[u8]) -> Result<String, SignError> {
    let input = signing_input(alg, header, claims)?;
    let sig = hmac_signature(alg, secret, input.as_bytes())?;
    Ok(format!("{input}.{}", b64::encode(&sig)))
}

// `#[inline]` on this, `sign_hmac` and `hmac_signature`: compiled where they are
// called, like the generic `sign`. Compiled in this crate, they gave the JSON
// tree's shared `Clone` code another shape, and the verifying wasm, which signs
// nothing, grew by 0.4 KB gzip (measured with the npm profile).
/// The JWS signing input of `claims` under `header` (with `alg`):
/// `base64url(header) . base64url(claims)`.
#[inline]
fn signing_input(alg: Algorithm, header: &str, claims: &str) -> Result<String, SignError> {
    let not_json = |stage| move |e: json::JsonError| err(stage, SignProblem::NotJson { detail: e.to_string() });
    let h = json::parse(header.as_bytes()).map_err(not_json(SignStage::Header))?;
    let Json::Object(h) = h else {
        return Err(err(SignStage::Header, SignProblem::NotObject { what: "the header" }));
    };
    let c = json::parse(claims.as_bytes()).map_err(not_json(SignStage::Claims))?;
    if c.as_object().is_none() {
        return Err(err(SignStage::Claims, SignProblem::NotObject { what: "the claims" }));
    }
    // alg first, then the caller's members in order (any "alg" they wrote is replaced).
    let mut members = alloc::vec![Member { name: "alg".into(), value: Json::String(alg.name().into()), span: 0..0 }];
    members.extend(h.members().iter().filter(|m| m.name != "alg").cloned());
    // Writing a tree the core just read cannot fail; if it ever did, it is said, not unwrapped.
    let written = |stage| move |e: serde_json::Error| err(stage, SignProblem::Crypto { detail: e.to_string() });
    let header_json = serde_json::to_string(&Object::from_members(members)).map_err(written(SignStage::Header))?;
    let claims_json = serde_json::to_string(&c).map_err(written(SignStage::Claims))?;
    Ok(format!("{}.{}", b64::encode(header_json.as_bytes()), b64::encode(claims_json.as_bytes())))
}

/// RFC 7518 §3.2: the HMAC of `data`, with a secret at least as long as the hash.
#[inline]
fn hmac_signature(alg: Algorithm, secret: &[u8], data: &[u8]) -> Result<Vec<u8>, SignError> {
    if alg.family() != Family::Hmac {
        return Err(err(SignStage::Sign, SignProblem::KeyMismatch { alg: alg.name(), key: KeyType::Oct }));
    }
    let need = alg.hash().map_or(32, Hash::output_len);
    if secret.len() < need {
        let (alg, found) = (alg.name(), secret.len());
        return Err(err(SignStage::Sign, SignProblem::SecretTooShort { alg, need, found }));
    }
    Ok(crate::verify::hmac(alg, secret, data))
}

/// The raw JWS signature over `data`.
pub fn signature(
    alg: Algorithm,
    key: &SigningKey,
    data: &[u8],
    rng: &mut impl CryptoRngCore,
) -> Result<Vec<u8>, SignError> {
    let mismatch = || err(SignStage::Sign, SignProblem::KeyMismatch { alg: alg.name(), key: key.key_type() });
    let crypto = |e: &dyn fmt::Display| err(SignStage::Sign, SignProblem::Crypto { detail: e.to_string() });
    match (alg.family(), key) {
        (Family::None, _) => Err(err(SignStage::Sign, SignProblem::Unsecured)),
        (Family::Hmac, SigningKey::Hmac(secret)) => hmac_signature(alg, secret, data),
        (Family::RsaPkcs1 | Family::RsaPss, SigningKey::Rsa(k)) => {
            if k.n().bits() < crate::verify::MIN_RSA_BITS {
                return Err(err(SignStage::Sign, SignProblem::RsaTooShort { bits: k.n().bits() }));
            }
            let r = match (alg.family(), alg.hash()) {
                (Family::RsaPkcs1, Some(Hash::Sha384)) => {
                    rsa::pkcs1v15::SigningKey::<Sha384>::new(k.clone()).try_sign_with_rng(rng, data).map(|s| s.to_vec())
                }
                (Family::RsaPkcs1, Some(Hash::Sha512)) => {
                    rsa::pkcs1v15::SigningKey::<Sha512>::new(k.clone()).try_sign_with_rng(rng, data).map(|s| s.to_vec())
                }
                (Family::RsaPkcs1, _) => {
                    rsa::pkcs1v15::SigningKey::<Sha256>::new(k.clone()).try_sign_with_rng(rng, data).map(|s| s.to_vec())
                }
                (_, Some(Hash::Sha384)) => {
                    rsa::pss::SigningKey::<Sha384>::new(k.clone()).try_sign_with_rng(rng, data).map(|s| s.to_vec())
                }
                (_, Some(Hash::Sha512)) => {
                    rsa::pss::SigningKey::<Sha512>::new(k.clone()).try_sign_with_rng(rng, data).map(|s| s.to_vec())
                }
                (_, _) => {
                    rsa::pss::SigningKey::<Sha256>::new(k.clone()).try_sign_with_rng(rng, data).map(|s| s.to_vec())
                }
            };
            r.map_err(|e| crypto(&e))
        }
        (Family::Ecdsa, SigningKey::P256(k)) if alg == Algorithm::ES256 => {
            Ok(Signer::<p256::ecdsa::Signature>::sign(k, data).to_vec())
        }
        (Family::Ecdsa, SigningKey::P384(k)) if alg == Algorithm::ES384 => {
            Ok(Signer::<p384::ecdsa::Signature>::sign(k, data).to_vec())
        }
        (Family::Ecdsa, SigningKey::P521(k)) if alg == Algorithm::ES512 => {
            // p521 0.13 signs with fresh randomness rather than RFC 6979.
            RandomizedSigner::<p521::ecdsa::Signature>::try_sign_with_rng(k, rng, data)
                .map(|s| s.to_vec())
                .map_err(|e| crypto(&e))
        }
        (Family::Ecdsa, SigningKey::K256(k)) if alg == Algorithm::ES256K => {
            Ok(Signer::<k256::ecdsa::Signature>::sign(k, data).to_vec())
        }
        (Family::EdDsa, SigningKey::Ed25519(k)) => {
            Ok(Signer::<ed25519_dalek::Signature>::sign(k, data).to_bytes().to_vec())
        }
        _ => Err(mismatch()),
    }
}
