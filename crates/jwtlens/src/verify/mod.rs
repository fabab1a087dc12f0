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
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::alg::{Algorithm, Family, Hash};
use crate::key::{Key, KeyType, Material};

/// RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used with these algorithms."
pub const MIN_RSA_BITS: usize = 2048;

/// Why a signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
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
    /// The RSA modulus has the ROCA fingerprint (CVE-2017-15361): its factors can be recovered.
    RocaKey,
    /// The HMAC secret is (or contains) a public key's text or DER, which the
    /// attacker knows: the key-confusion attack (RFC 8725 §2.1).
    PublicKeyAsSecret {
        /// The public key found in the secret.
        key: String,
    },
    /// The signature does not match.
    InvalidSignature,
    /// This build has no public-key arithmetic of its own (the `arithmetic`
    /// feature is off) and the platform supplied none for this check, so
    /// the signature was not checked.
    PlatformRequired {
        /// The token's algorithm.
        alg: String,
    },
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::Unsecured => f.write_str("alg \"none\": an unsecured token is never verified"),
            VerifyError::KeyMismatch { alg, key } => {
                write!(f, "{alg} cannot be verified with an {}", key.label())
            }
            VerifyError::KeyTooShort { bits, min } => {
                write!(f, "the key has {bits} bits; at least {min} are required")
            }
            VerifyError::SignatureLength { expected, found } => {
                write!(f, "the signature must be {expected} bytes, found {found}")
            }
            VerifyError::ScalarOutOfRange => f.write_str("the ECDSA signature's r or s is zero or out of range"),
            VerifyError::RocaKey => {
                f.write_str("the RSA key has the ROCA weakness (CVE-2017-15361): anyone can compute its private key")
            }
            VerifyError::PublicKeyAsSecret { key } => write!(
                f,
                "the HMAC secret is the text of a public key — {key} — and anyone who has that public key can make tokens that verify with it, so it is never used as a secret (key confusion)"
            ),
            VerifyError::InvalidSignature => f.write_str("the signature does not match"),
            VerifyError::PlatformRequired { alg } => write!(
                f,
                "this build leaves the arithmetic of {alg} signatures to the platform's cryptography, which gave no answer (WebCrypto is asynchronous: verify with the asynchronous functions)"
            ),
        }
    }
}

impl core::error::Error for VerifyError {}

/// The HMAC of `data` under `key` (for signing, and for tests).
pub fn hmac(alg: Algorithm, key: &[u8], data: &[u8]) -> Vec<u8> {
    fn mac<D: Digest + hmac::digest::core_api::BlockSizeUser + Clone>(key: &[u8], data: &[u8]) -> Vec<u8> {
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

mod ecdsa;
mod ed25519;
mod own;
mod rsassa;
mod token;

use self::rsassa::*;
pub use crate::key::roca_fingerprint;
use ecdsa::*;
#[cfg(any(feature = "arithmetic", feature = "ed25519"))]
pub use ed25519::Ed25519Precomputed;
use ed25519::*;
#[cfg(any(feature = "arithmetic", feature = "es256k"))]
pub use own::verify_es256k;
pub(crate) use token::verify_token_brief;
pub use token::{verify_token, verify_token_with, Candidate, SignatureStatus, SignatureVerdict};

/// Signature arithmetic supplied by the platform, such as Node.js's OpenSSL.
///
/// The core still makes every decision: which key, whether the algorithm fits
/// the key, key sizes and the ROCA fingerprint, signature lengths, ECDSA
/// scalar ranges, Ed25519's canonical `S`, weak keys and small-order `R`.
/// Only the final arithmetic check of an RSA, ECDSA or EdDSA signature that
/// passed all of those is handed over. `None` means "not handled here": the
/// core's own RustCrypto code runs instead. HMAC is always the core's.
///
/// ```
/// use jwtlens::{alg::Algorithm, key::Key, verify::{verify_signature_with, Backend, KeyRef, VerifyError}};
/// #[derive(Debug)]
/// struct Refuses;
/// impl Backend for Refuses {
///     fn verify(&self, _: Algorithm, _: KeyRef, _: &Key, _: &[u8], _: &[u8]) -> Option<bool> {
///         Some(false)
///     }
/// }
/// // RFC 8037 A.4: the core accepts it, a backend saying "no" is believed.
/// let key = Key::import(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#).unwrap();
/// let sig = jwtlens::b64::decode("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg").unwrap().bytes;
/// let data = b"eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
/// let k = &key.keys()[0];
/// assert_eq!(verify_signature_with(Algorithm::EdDSA, k, data, &sig, None), Ok(()));
/// assert_eq!(verify_signature_with(Algorithm::EdDSA, k, data, &sig, Some((&Refuses, 0))), Err(VerifyError::InvalidSignature));
/// ```
pub trait Backend: fmt::Debug {
    /// Check `sig` over `data` for `alg` with `key`, which `which` places (a
    /// backend may keep what it built for a key of the caller's set by its
    /// position): `Some(valid)`, or `None` to leave it to the core.
    fn verify(&self, alg: Algorithm, which: KeyRef, key: &Key, data: &[u8], sig: &[u8]) -> Option<bool>;
}

/// Which key a [`Backend`] is asked to check with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyRef {
    /// The key at this position of the caller's key set.
    InSet(usize),
    /// A key the token brought itself (an SD-JWT holder's `cnf.jwk`), in no
    /// caller's set: the check must use the key given with it.
    Foreign,
}

/// A backend for keys that are not the caller's: every check names [`KeyRef::Foreign`].
#[derive(Debug)]
pub(crate) struct Foreign<'b>(pub(crate) &'b dyn Backend);

impl Backend for Foreign<'_> {
    fn verify(&self, alg: Algorithm, _: KeyRef, key: &Key, data: &[u8], sig: &[u8]) -> Option<bool> {
        self.0.verify(alg, KeyRef::Foreign, key, data, sig)
    }
}

/// A backend and the position of the key in its key set.
pub type BackendKey<'b> = (&'b dyn Backend, usize);

fn delegated(
    backend: Option<BackendKey<'_>>,
    alg: Algorithm,
    key: &Key,
    data: &[u8],
    sig: &[u8],
) -> Option<Result<(), VerifyError>> {
    let (b, index) = backend?;
    b.verify(alg, KeyRef::InSet(index), key, data, sig).map(|ok| {
        if ok {
            Ok(())
        } else {
            Err(VerifyError::InvalidSignature)
        }
    })
}

/// Verify `sig` over `data` with `key` for `alg`.
pub fn verify_signature(alg: Algorithm, key: &Key, data: &[u8], sig: &[u8]) -> Result<(), VerifyError> {
    verify_signature_with(alg, key, data, sig, None)
}

/// [`verify_signature`], handing the final arithmetic of an asymmetric
/// signature to `backend` when one is given (see [`Backend`]).
pub fn verify_signature_with(
    alg: Algorithm,
    key: &Key,
    data: &[u8],
    sig: &[u8],
    backend: Option<BackendKey<'_>>,
) -> Result<(), VerifyError> {
    let mismatch = || VerifyError::KeyMismatch { alg: String::from(alg.name()), key: key.key_type() };
    match (alg, &key.material) {
        (Algorithm::None, _) => Err(VerifyError::Unsecured),
        (_, Material::Hmac(secret)) if alg.family() == Family::Hmac => {
            let Some(hash) = alg.hash() else {
                return Err(mismatch());
            };
            // RFC 8725 §3.1: "each key MUST be used with exactly one algorithm"; a public key is not a secret.
            if let Some(public) = secret.public_key() {
                return Err(VerifyError::PublicKeyAsSecret { key: String::from(public) });
            }
            // RFC 7518 §3.2: "A key of the same size as the hash output [...] or larger MUST be used".
            if secret.len() < hash.output_len() {
                return Err(VerifyError::KeyTooShort { bits: secret.len() * 8, min: hash.output_len() * 8 });
            }
            if sig.len() != hash.output_len() {
                return Err(VerifyError::SignatureLength { expected: hash.output_len(), found: sig.len() });
            }
            // `verify_slice` compares in constant time.
            let result = match hash {
                Hash::Sha256 => secret.sha256().chain_update(data).verify_slice(sig),
                Hash::Sha384 => secret.sha384().chain_update(data).verify_slice(sig),
                Hash::Sha512 => secret.sha512().chain_update(data).verify_slice(sig),
            };
            result.map_err(|_| VerifyError::InvalidSignature)
        }
        (_, Material::Rsa(k)) if matches!(alg.family(), Family::RsaPkcs1 | Family::RsaPss) => {
            rsa_checks(k, sig)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| own::rsa(alg, k, data, sig))
        }
        (Algorithm::ES256, Material::P256(k)) => {
            let s = ecdsa_sig(sig, 32, p256::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| own::p256(k, data, &s))
        }
        (Algorithm::ES384, Material::P384(k)) => {
            let s = ecdsa_sig(sig, 48, p384::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| own::p384(k, data, &s))
        }
        (Algorithm::ES512, Material::P521(k)) => {
            let s = ecdsa_sig(sig, 66, p521::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| own::p521(k, data, &s))
        }
        (Algorithm::ES256K, Material::K256(k)) => {
            es256k_sig(sig)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| own::k256(k, data, sig))
        }
        (Algorithm::EdDSA, Material::Ed25519(k)) => {
            let s = ed25519_dalek::Signature::from_slice(sig)
                .map_err(|_| VerifyError::SignatureLength { expected: 64, found: sig.len() })?;
            // The checks `verify_strict` makes before its arithmetic, made here so that a
            // backend gives the same answers: S below L, neither R nor the key of small order.
            // `is_weak()` would compress a point (a field inversion); the encoding list is the same test.
            if !ed25519_signature_acceptable(&s) || ed25519_small_order(k.as_bytes()) {
                return Err(VerifyError::InvalidSignature);
            }
            // A key that verifies often has its table: faster than any backend.
            if let Some(verdict) = own::ed25519_tabled(k, data, &s) {
                return verdict;
            }
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| own::ed25519(k, data, &s))
        }
        _ => Err(mismatch()),
    }
}

// The unit tests hold the core's own arithmetic (tables, Montgomery) to RustCrypto's.
#[cfg(all(test, feature = "arithmetic"))]
mod tests;
