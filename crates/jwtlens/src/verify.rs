//! Signature verification for every JWS algorithm jwtlens knows.
//!
//! RFC 7515 §5.2 step 8: "Validate the JWS Signature against the JWS Signing
//! Input ASCII(BASE64URL(UTF8(JWS Protected Header)) || '.' ||
//! BASE64URL(JWS Payload)) in the manner defined for the algorithm being
//! used, which MUST be accurately represented by the value of the "alg"
//! (algorithm) Header Parameter".
//!
//! The algorithm is always checked against the key: an RSA or EC public key
//! is never used as an HMAC secret (the "key confusion" attack), and key
//! sizes below RFC 7518's minimums are refused. A failed signature says only
//! that it failed.
//!
//! # Example
//! ```
//! use jwtlens::{alg::Algorithm, key::{Key, SecretEncoding}, verify::{verify_signature, VerifyError}};
//! let key = Key::secret("0123456789abcdef0123456789abcdef", SecretEncoding::Utf8).unwrap();
//! let tag = jwtlens::verify::hmac(Algorithm::HS256, b"0123456789abcdef0123456789abcdef", b"a.b");
//! assert_eq!(verify_signature(Algorithm::HS256, &key, b"a.b", &tag), Ok(()));
//! assert_eq!(verify_signature(Algorithm::HS256, &key, b"a.c", &tag), Err(VerifyError::InvalidSignature));
//! assert!(matches!(verify_signature(Algorithm::RS256, &key, b"a.b", &tag), Err(VerifyError::KeyMismatch { .. })));
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use hmac::{Mac, SimpleHmac};
use p256::ecdsa::signature::{self, Verifier};
use rsa::traits::PublicKeyParts;
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::alg::{Algorithm, Family, Hash};
use crate::key::{Key, KeyType, Material};

/// RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used with these algorithms."
pub const MIN_RSA_BITS: usize = 2048;

/// Why a signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum VerifyError {
    /// `alg: none` is never verified.
    Unsecured,
    /// The key cannot be used with this algorithm.
    KeyMismatch {
        /// The token's algorithm.
        alg: String,
        /// The key's type.
        key: KeyType,
    },
    /// The key is shorter than the algorithm requires.
    KeyTooShort {
        /// The key's size.
        bits: usize,
        /// The minimum.
        min: usize,
    },
    /// The signature has the wrong length for the algorithm and key.
    SignatureLength {
        /// The length the algorithm requires.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// ECDSA r or s is zero or not below the group order.
    ScalarOutOfRange,
    /// The signature does not match.
    InvalidSignature,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Unsecured => {
                f.write_str("alg \"none\": an unsecured token is never verified")
            }
            VerifyError::KeyMismatch { alg, key } => {
                write!(f, "{alg} cannot be verified with an {}", key.label())
            }
            VerifyError::KeyTooShort { bits, min } => {
                write!(f, "the key has {bits} bits; at least {min} are required")
            }
            VerifyError::SignatureLength { expected, found } => {
                write!(f, "the signature must be {expected} bytes, found {found}")
            }
            VerifyError::ScalarOutOfRange => {
                f.write_str("the ECDSA signature's r or s is zero or out of range")
            }
            VerifyError::InvalidSignature => f.write_str("the signature does not match"),
        }
    }
}

impl core::error::Error for VerifyError {}

/// The HMAC of `data` under `key` (for signing, and for tests).
pub fn hmac(alg: Algorithm, key: &[u8], data: &[u8]) -> Vec<u8> {
    fn mac<D: Digest + hmac::digest::core_api::BlockSizeUser + Clone>(
        key: &[u8],
        data: &[u8],
    ) -> Vec<u8> {
        // HMAC takes keys of any length, so this never returns early.
        let Ok(mut m) = <SimpleHmac<D> as Mac>::new_from_slice(key) else {
            return Vec::new();
        };
        m.update(data);
        m.finalize().into_bytes().to_vec()
    }
    match alg.hash() {
        Some(Hash::Sha384) => mac::<Sha384>(key, data),
        Some(Hash::Sha512) => mac::<Sha512>(key, data),
        _ => mac::<Sha256>(key, data),
    }
}

/// Constant-time HMAC check (`Mac::verify_slice` compares in constant time).
fn verify_hmac(hash: Hash, key: &[u8], data: &[u8], tag: &[u8]) -> Result<(), VerifyError> {
    fn check<D: Digest + hmac::digest::core_api::BlockSizeUser + Clone>(
        key: &[u8],
        data: &[u8],
        tag: &[u8],
    ) -> Result<(), VerifyError> {
        let mut m = <SimpleHmac<D> as Mac>::new_from_slice(key)
            .map_err(|_| VerifyError::InvalidSignature)?;
        m.update(data);
        m.verify_slice(tag)
            .map_err(|_| VerifyError::InvalidSignature)
    }
    if tag.len() != hash.output_len() {
        return Err(VerifyError::SignatureLength {
            expected: hash.output_len(),
            found: tag.len(),
        });
    }
    match hash {
        Hash::Sha256 => check::<Sha256>(key, data, tag),
        Hash::Sha384 => check::<Sha384>(key, data, tag),
        Hash::Sha512 => check::<Sha512>(key, data, tag),
    }
}

fn digest(hash: Hash, data: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Sha256 => Sha256::digest(data).to_vec(),
        Hash::Sha384 => Sha384::digest(data).to_vec(),
        Hash::Sha512 => Sha512::digest(data).to_vec(),
    }
}

fn verify_rsa(
    alg: Algorithm,
    key: &rsa::RsaPublicKey,
    data: &[u8],
    sig: &[u8],
) -> Result<(), VerifyError> {
    let bits = key.n().bits();
    if bits < MIN_RSA_BITS {
        return Err(VerifyError::KeyTooShort {
            bits,
            min: MIN_RSA_BITS,
        });
    }
    if sig.len() != key.size() {
        return Err(VerifyError::SignatureLength {
            expected: key.size(),
            found: sig.len(),
        });
    }
    let Some(hash) = alg.hash() else {
        return Err(VerifyError::InvalidSignature);
    };
    let hashed = digest(hash, data);
    let scheme_result = match (alg.family(), hash) {
        (Family::RsaPkcs1, Hash::Sha256) => {
            key.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &hashed, sig)
        }
        (Family::RsaPkcs1, Hash::Sha384) => {
            key.verify(rsa::Pkcs1v15Sign::new::<Sha384>(), &hashed, sig)
        }
        (Family::RsaPkcs1, Hash::Sha512) => {
            key.verify(rsa::Pkcs1v15Sign::new::<Sha512>(), &hashed, sig)
        }
        // RFC 7518 §3.5: "The size of the salt value is the same size as the hash function output."
        (_, Hash::Sha256) => key.verify(rsa::Pss::new::<Sha256>(), &hashed, sig),
        (_, Hash::Sha384) => key.verify(rsa::Pss::new::<Sha384>(), &hashed, sig),
        (_, Hash::Sha512) => key.verify(rsa::Pss::new::<Sha512>(), &hashed, sig),
    };
    scheme_result.map_err(|_| VerifyError::InvalidSignature)
}

/// RFC 7518 §3.4: the JWS signature is R ‖ S, each exactly the size of the
/// curve's order; anything else (DER, a short R) is rejected.
fn ecdsa_sig<S>(
    sig: &[u8],
    size: usize,
    parse: impl Fn(&[u8]) -> Result<S, signature::Error>,
) -> Result<S, VerifyError> {
    if sig.len() != 2 * size {
        return Err(VerifyError::SignatureLength {
            expected: 2 * size,
            found: sig.len(),
        });
    }
    parse(sig).map_err(|_| VerifyError::ScalarOutOfRange)
}

/// Verify `sig` over `data` with `key` for `alg`.
pub fn verify_signature(
    alg: Algorithm,
    key: &Key,
    data: &[u8],
    sig: &[u8],
) -> Result<(), VerifyError> {
    let mismatch = || VerifyError::KeyMismatch {
        alg: String::from(alg.name()),
        key: key.key_type(),
    };
    let bad = |_| VerifyError::InvalidSignature;
    match (alg, &key.material) {
        (Algorithm::None, _) => Err(VerifyError::Unsecured),
        (_, Material::Hmac(secret)) if alg.family() == Family::Hmac => {
            let Some(hash) = alg.hash() else {
                return Err(mismatch());
            };
            // RFC 7518 §3.2: "A key of the same size as the hash output [...] or larger MUST be used".
            if secret.len() < hash.output_len() {
                return Err(VerifyError::KeyTooShort {
                    bits: secret.len() * 8,
                    min: hash.output_len() * 8,
                });
            }
            verify_hmac(hash, secret, data, sig)
        }
        (_, Material::Rsa(k)) if matches!(alg.family(), Family::RsaPkcs1 | Family::RsaPss) => {
            verify_rsa(alg, k, data, sig)
        }
        (Algorithm::ES256, Material::P256(k)) => k
            .verify(
                data,
                &ecdsa_sig(sig, 32, p256::ecdsa::Signature::from_slice)?,
            )
            .map_err(bad),
        (Algorithm::ES384, Material::P384(k)) => k
            .verify(
                data,
                &ecdsa_sig(sig, 48, p384::ecdsa::Signature::from_slice)?,
            )
            .map_err(bad),
        (Algorithm::ES512, Material::P521(k)) => k
            .verify(
                data,
                &ecdsa_sig(sig, 66, p521::ecdsa::Signature::from_slice)?,
            )
            .map_err(bad),
        (Algorithm::ES256K, Material::K256(k)) => {
            let s = ecdsa_sig(sig, 32, k256::ecdsa::Signature::from_slice)?;
            // k256 accepts only low-S signatures; JWS (RFC 8812) does not require low S, so normalize.
            let s = s.normalize_s().unwrap_or(s);
            k.verify(data, &s).map_err(bad)
        }
        (Algorithm::EdDSA, Material::Ed25519(k)) => {
            let s = ed25519_dalek::Signature::from_slice(sig).map_err(|_| {
                VerifyError::SignatureLength {
                    expected: 64,
                    found: sig.len(),
                }
            })?;
            k.verify_strict(data, &s).map_err(bad)
        }
        _ => Err(mismatch()),
    }
}
