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
                "the HMAC secret is the text of a public key ({key}); anyone who has that public key can make tokens that verify with it, so it is never used as a secret (key confusion)"
            ),
            VerifyError::InvalidSignature => f.write_str("the signature does not match"),
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

pub(crate) fn digest(hash: Hash, data: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Sha256 => Sha256::digest(data).to_vec(),
        Hash::Sha384 => Sha384::digest(data).to_vec(),
        Hash::Sha512 => Sha512::digest(data).to_vec(),
    }
}

/// The ROCA fingerprint (Nemec et al., CCS 2017, CVE-2017-15361): moduli made by the
/// vulnerable Infineon library are, modulo each of these small primes, a power of 65537.
/// A random modulus passes all 38 tests with probability about 2^-154.
pub fn roca_fingerprint(n: &rsa::BigUint) -> bool {
    const PRIMES: [u64; 38] = [
        3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107,
        109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
    ];
    // Residues modulo products of a few primes (each product below 2^55, so that
    // `r * 256 + byte` fits in 64 bits): one pass over the modulus per group.
    let bytes = n.to_bytes_be();
    let in_subgroup = |r: u64, p: u64| {
        // Walk the subgroup generated by 65537 mod p.
        let (g, target) = (65_537 % p, r % p);
        let mut x = 1 % p;
        for _ in 0..p {
            if x == target {
                return true;
            }
            x = x * g % p;
        }
        false
    };
    let group_passes = |group: &[u64], m: u64| {
        let r = bytes.iter().fold(0u64, |acc, &b| (acc * 256 + u64::from(b)) % m);
        group.iter().all(|&p| in_subgroup(r, p))
    };
    let mut group: Vec<u64> = Vec::new();
    let mut m = 1u64;
    for &p in &PRIMES {
        if m * p >= 1 << 55 {
            if !group_passes(&group, m) {
                return false;
            }
            group.clear();
            m = 1;
        }
        group.push(p);
        m *= p;
    }
    group_passes(&group, m)
}

/// What the core requires of an RSA key and signature before any arithmetic.
fn rsa_checks(key: &crate::key::RsaKey, sig: &[u8]) -> Result<(), VerifyError> {
    let bits = key.n().bits();
    if bits < MIN_RSA_BITS {
        return Err(VerifyError::KeyTooShort { bits, min: MIN_RSA_BITS });
    }
    if key.roca() {
        return Err(VerifyError::RocaKey);
    }
    if sig.len() != key.size() {
        return Err(VerifyError::SignatureLength { expected: key.size(), found: sig.len() });
    }
    Ok(())
}

fn verify_rsa(alg: Algorithm, key: &rsa::RsaPublicKey, data: &[u8], sig: &[u8]) -> Result<(), VerifyError> {
    let Some(hash) = alg.hash() else {
        return Err(VerifyError::InvalidSignature);
    };
    let hashed = digest(hash, data);
    let scheme_result = match (alg.family(), hash) {
        (Family::RsaPkcs1, Hash::Sha256) => key.verify(rsa::Pkcs1v15Sign::new::<Sha256>(), &hashed, sig),
        (Family::RsaPkcs1, Hash::Sha384) => key.verify(rsa::Pkcs1v15Sign::new::<Sha384>(), &hashed, sig),
        (Family::RsaPkcs1, Hash::Sha512) => key.verify(rsa::Pkcs1v15Sign::new::<Sha512>(), &hashed, sig),
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
        return Err(VerifyError::SignatureLength { expected: 2 * size, found: sig.len() });
    }
    parse(sig).map_err(|_| VerifyError::ScalarOutOfRange)
}

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
/// use jwtlens::{alg::Algorithm, key::Key, verify::{verify_signature_with, Backend, VerifyError}};
/// #[derive(Debug)]
/// struct Refuses;
/// impl Backend for Refuses {
///     fn verify(&self, _: Algorithm, _: usize, _: &Key, _: &[u8], _: &[u8]) -> Option<bool> {
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
    /// Check `sig` over `data` for `alg` with the public key at `key_index` of the
    /// key set (`key` is that key): `Some(valid)`, or `None` to leave it to the core.
    fn verify(&self, alg: Algorithm, key_index: usize, key: &Key, data: &[u8], sig: &[u8]) -> Option<bool>;
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
    b.verify(alg, index, key, data, sig).map(|ok| if ok { Ok(()) } else { Err(VerifyError::InvalidSignature) })
}

/// The order of the Ed25519 group, L = 2^252 + 27742317777372353535851937790883648493, little-endian.
const ED25519_L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// The y coordinates (sign bit cleared) of every encoding of a point of small
/// order on edwards25519, canonical or not: 0, 1, p-1, p, p+1 and the two
/// order-8 values (the list libsodium's `has_small_order` checks).
const ED25519_SMALL_ORDER_Y: [[u8; 32]; 7] = {
    let mut p_minus_1 = [0xff; 32];
    p_minus_1[0] = 0xec;
    p_minus_1[31] = 0x7f;
    let mut p = p_minus_1;
    p[0] = 0xed;
    let mut p_plus_1 = p_minus_1;
    p_plus_1[0] = 0xee;
    let mut one = [0; 32];
    one[0] = 1;
    [
        [0; 32],
        one,
        p_minus_1,
        p,
        p_plus_1,
        [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf,
            0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
        ],
        [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20,
            0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
        ],
    ]
};

/// Whether a 32-byte little-endian number is below L (RFC 8032 §5.1.7: "If any of the
/// decodings fail (including S being out of range), the signature is invalid").
fn ed25519_scalar_canonical(s: &[u8; 32]) -> bool {
    for (a, l) in s.iter().rev().zip(ED25519_L.iter().rev()) {
        if a != l {
            return a < l;
        }
    }
    false
}

/// Whether an encoded point is (any encoding of) a point of small order.
fn ed25519_small_order(encoded: &[u8; 32]) -> bool {
    let mut y = *encoded;
    y[31] &= 0x7f;
    ED25519_SMALL_ORDER_Y.contains(&y)
}

/// RFC 8032 §5.1.7: "Compute SHA512(dom2(F, C) || R || A || PH(M)), and interpret
/// the 64-octet digest as a little-endian integer k. [...] It's sufficient, but not
/// required, to instead check [S]B = R + [k]A'." As `verify_strict` does, the
/// cofactorless equation, with `[S]B + [k](−A)` compared by its encoding to `R` (so a
/// non-canonical `R` fails); `S < L` and small orders were checked by the caller.
/// Both products come from radix-16 tables: `B`'s (static) and the key's `−A`.
fn ed25519_with_table(
    minus_a: &curve25519_dalek::edwards::EdwardsBasepointTable,
    a: &[u8; 32],
    data: &[u8],
    sig: &ed25519_dalek::Signature,
) -> Result<(), VerifyError> {
    use curve25519_dalek::{constants::ED25519_BASEPOINT_TABLE, scalar::Scalar};
    use sha2::Digest;
    let s =
        Option::<Scalar>::from(Scalar::from_canonical_bytes(*sig.s_bytes())).ok_or(VerifyError::InvalidSignature)?;
    let digest = sha2::Sha512::new().chain_update(sig.r_bytes()).chain_update(a).chain_update(data).finalize();
    let k = Scalar::from_bytes_mod_order_wide(&digest.into());
    let r = ED25519_BASEPOINT_TABLE * &s + minus_a * &k;
    if r.compress().as_bytes() == sig.r_bytes() {
        Ok(())
    } else {
        Err(VerifyError::InvalidSignature)
    }
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
    let bad = |_| VerifyError::InvalidSignature;
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
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| match (k.montgomery(), alg.hash()) {
                (Some(m), Some(hash)) => m
                    .verify(hash, alg.family() == Family::RsaPss, k.n().bits(), data, sig)
                    .then_some(())
                    .ok_or(VerifyError::InvalidSignature),
                _ => verify_rsa(alg, k, data, sig),
            })
        }
        (Algorithm::ES256, Material::P256(k)) => {
            let s = ecdsa_sig(sig, 32, p256::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| {
                // Without a backend (browsers), a key that verifies often uses its comb table.
                match k.table_for_use() {
                    Some(table) => {
                        crate::comb::verify_p256(table, data, &s).then_some(()).ok_or(VerifyError::InvalidSignature)
                    }
                    None => k.verify(data, &s).map_err(bad),
                }
            })
        }
        (Algorithm::ES384, Material::P384(k)) => {
            let s = ecdsa_sig(sig, 48, p384::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| k.verify(data, &s).map_err(bad))
        }
        (Algorithm::ES512, Material::P521(k)) => {
            let s = ecdsa_sig(sig, 66, p521::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| k.verify(data, &s).map_err(bad))
        }
        (Algorithm::ES256K, Material::K256(k)) => {
            let s = ecdsa_sig(sig, 32, k256::ecdsa::Signature::from_slice)?;
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| {
                // k256 accepts only low-S signatures; JWS (RFC 8812) does not require low S, so normalize.
                let s = s.normalize_s().unwrap_or(s);
                k.verify(data, &s).map_err(bad)
            })
        }
        (Algorithm::EdDSA, Material::Ed25519(k)) => {
            let s = ed25519_dalek::Signature::from_slice(sig)
                .map_err(|_| VerifyError::SignatureLength { expected: 64, found: sig.len() })?;
            // The checks `verify_strict` makes before its arithmetic, made here so that a
            // backend gives the same answers: S below L, neither R nor the key of small order.
            // `is_weak()` would compress a point (a field inversion); the encoding list is the same test.
            if !ed25519_scalar_canonical(s.s_bytes())
                || ed25519_small_order(s.r_bytes())
                || ed25519_small_order(k.as_bytes())
            {
                return Err(VerifyError::InvalidSignature);
            }
            // A key that verifies often has its table: faster than any backend.
            if let Some(table) = k.table_for_use() {
                return ed25519_with_table(table, k.as_bytes(), data, &s);
            }
            delegated(backend, alg, key, data, sig).unwrap_or_else(|| k.verify_strict(data, &s).map_err(bad))
        }
        _ => Err(mismatch()),
    }
}

/// The outcome of verifying a token's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureStatus {
    /// A key verified the signature.
    Verified,
    /// The signature does not match (or is malformed) for the key(s) tried.
    Invalid,
    /// No key was given: the signature was not checked.
    NoKey,
    /// Keys were given, but none may verify this token (wrong type, kid, use or alg).
    NoUsableKey,
    /// `alg: none`.
    Unsecured,
    /// The token could not be parsed far enough to verify, or its `alg` is unknown.
    Unverifiable,
}

/// Why each offered key was or was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    /// Position in the key set.
    pub index: usize,
    /// The key in words.
    pub key: String,
    /// Its `kid`.
    pub kid: Option<String>,
    /// Whether it was tried.
    pub tried: bool,
    /// Why it was (not) tried, or what trying it gave.
    pub reason: String,
}

/// The signature verdict for a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureVerdict {
    /// The outcome.
    pub status: SignatureStatus,
    /// The token's `alg`.
    pub alg: Option<String>,
    /// The key that verified it, when one did.
    pub key: Option<String>,
    /// The error from the last key tried, when none verified.
    pub error: Option<VerifyError>,
    /// Every offered key, and why it was or was not tried.
    pub candidates: Vec<Candidate>,
    /// One sentence.
    pub message: String,
}

impl SignatureVerdict {
    fn new(status: SignatureStatus, alg: Option<&str>, message: String) -> SignatureVerdict {
        SignatureVerdict { status, alg: alg.map(String::from), key: None, error: None, candidates: Vec::new(), message }
    }
}

/// Why `key` may not verify a token with `alg` and `kid`, or `None` if it may.
///
/// RFC 7517 §4.2 (`use`: "sig" for signatures), §4.3 (`key_ops`: "verify"),
/// §4.4 (`alg`: "the algorithm intended for use with the key"), §4.5 (`kid`).
fn unusable(key: &Key, alg: Algorithm, kid: Option<&str>) -> Option<String> {
    use alloc::format;
    if let (Some(want), Some(have)) = (kid, key.kid.as_deref()) {
        if want != have {
            return Some(format!("its kid \"{have}\" is not the token's \"{want}\""));
        }
    }
    if let Some(u) = key.use_.as_deref() {
        if u != "sig" {
            return Some(format!("its use is \"{u}\", not \"sig\""));
        }
    }
    if let Some(ops) = &key.key_ops {
        if !ops.iter().any(|o| o == "verify") {
            return Some(String::from("its key_ops do not include \"verify\""));
        }
    }
    if let Some(a) = key.alg.as_deref() {
        if a != alg.name() {
            return Some(format!("it is meant for {a}, not {}", alg.name()));
        }
    }
    let fits = matches!(
        (alg.family(), key.key_type()),
        (Family::Hmac, KeyType::Oct)
            | (Family::RsaPkcs1 | Family::RsaPss, KeyType::Rsa)
            | (Family::EdDsa, KeyType::Ed25519)
    ) || matches!(
        (alg, key.key_type()),
        (Algorithm::ES256, KeyType::P256)
            | (Algorithm::ES384, KeyType::P384)
            | (Algorithm::ES512, KeyType::P521)
            | (Algorithm::ES256K, KeyType::Secp256k1)
    );
    if !fits {
        let why = if alg.family() == Family::Hmac && key.key_type() != KeyType::Oct {
            "; using a public key as an HMAC secret is the key-confusion attack"
        } else {
            ""
        };
        return Some(format!("an {} cannot verify {}{why}", key.key_type().label(), alg.name()));
    }
    None
}

/// Verify a parsed token's signature with the keys offered, choosing by
/// `kid`, then `use`/`key_ops`/`alg`, then key type, and saying why each
/// key was or was not tried.
///
/// ```
/// use jwtlens::{key::Key, token::Token, verify::{verify_token, SignatureStatus}};
/// // RFC 7515 A.1
/// let token = Token::parse("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
/// let keys = Key::import(r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#).unwrap();
/// assert_eq!(verify_token(&token, Some(&keys)).status, SignatureStatus::Verified);
/// assert_eq!(verify_token(&token, None).status, SignatureStatus::NoKey);
/// ```
pub fn verify_token(token: &crate::token::Token<'_>, keys: Option<&crate::key::KeySet>) -> SignatureVerdict {
    verify_token_with(token, keys, None)
}

/// [`verify_token`], handing the final arithmetic to `backend` when one is given (see [`Backend`]).
pub fn verify_token_with(
    token: &crate::token::Token<'_>,
    keys: Option<&crate::key::KeySet>,
    backend: Option<&dyn Backend>,
) -> SignatureVerdict {
    check_token(token, keys, backend, true)
}

/// The same decision as [`verify_token_with`], without the per-key
/// `candidates` (empty here): what verdict-only callers need, with no
/// description or reason built for keys that did not verify it.
pub(crate) fn verify_token_brief(
    token: &crate::token::Token<'_>,
    keys: Option<&crate::key::KeySet>,
    backend: Option<&dyn Backend>,
) -> SignatureVerdict {
    check_token(token, keys, backend, false)
}

fn check_token(
    token: &crate::token::Token<'_>,
    keys: Option<&crate::key::KeySet>,
    backend: Option<&dyn Backend>,
    explain: bool,
) -> SignatureVerdict {
    use alloc::format;
    use SignatureStatus as S;
    let alg_name = token.header().and_then(|h| h.alg.as_deref());
    let (Some(data), Some(sig), Some(alg_name)) = (token.signing_input(), token.signature(), alg_name) else {
        return SignatureVerdict::new(
            S::Unverifiable,
            alg_name,
            String::from("The token could not be decoded far enough to check its signature."),
        );
    };
    if !token.errors().iter().all(|e| {
        e.part == crate::diagnostic::Part::Payload
            && matches!(e.code, crate::Code::PayloadNotJson | crate::Code::PayloadNotObject)
    }) {
        return SignatureVerdict::new(
            S::Unverifiable,
            Some(alg_name),
            String::from("The token has errors (see them above), so its signature was not checked."),
        );
    }
    if let Some(n) = token.notices().iter().find(|n| {
        matches!(
            n.code,
            crate::Code::Base64Padding | crate::Code::Base64StandardAlphabet | crate::Code::NonCanonicalBase64url
        )
    }) {
        // RFC 7515 §2 and §5.2: the segments are base64url with no padding or other characters.
        return SignatureVerdict::new(
            S::Unverifiable,
            Some(alg_name),
            format!("The {} is not strict base64url, so the signature is not accepted.", n.part.label()),
        );
    }
    if let Some(why) = crate::verdict::header_problem(token) {
        // RFC 7515 §4.1.11: such a JWS "MUST be rejected"; its signature is not checked.
        return SignatureVerdict::new(S::Unverifiable, Some(alg_name), why);
    }
    let Ok(alg) = alg_name.parse::<Algorithm>() else {
        return SignatureVerdict::new(
            S::Unverifiable,
            Some(alg_name),
            format!("\"{alg_name}\" is not an algorithm jwtlens can verify."),
        );
    };
    if alg == Algorithm::None {
        return SignatureVerdict::new(
            S::Unsecured,
            Some(alg_name),
            String::from("alg \"none\": the token is unsecured and is never accepted as verified."),
        );
    }
    let Some(keys) = keys else {
        return SignatureVerdict::new(
            S::NoKey,
            Some(alg_name),
            String::from("No key given: the signature was not checked."),
        );
    };
    let kid = token.header().and_then(|h| h.kid.as_deref());
    if keys.mixes_secrets_and_public_keys() {
        return SignatureVerdict::new(
            S::NoUsableKey,
            Some(alg_name),
            String::from("The key set mixes shared secrets and public keys; a verifier that accepts both invites key confusion, so it is refused."),
        );
    }
    if let Some(k) = kid {
        let same = keys.count_kid(k);
        if same > 1 {
            return SignatureVerdict::new(
                S::NoUsableKey,
                Some(alg_name),
                format!(
                    "The key set has {same} keys with kid \"{k}\": which one is meant is ambiguous, so none is used."
                ),
            );
        }
    }
    let mut verdict = SignatureVerdict::new(S::NoUsableKey, Some(alg_name), String::new());
    // Why the only key offered could not be used, for the message when there is just one.
    let mut sole_reason = None;
    let single = keys.keys().len() == 1;
    for (index, key) in keys.keys().iter().enumerate() {
        let (tried, reason) = match unusable(key, alg, kid) {
            Some(why) => (false, format!("not tried: {why}")),
            None if verdict.status == S::Verified => {
                (false, String::from("not tried: another key already verified the token"))
            }
            None => match verify_signature_with(alg, key, data.as_bytes(), sig, backend.map(|b| (b, index))) {
                Ok(()) => {
                    verdict.status = S::Verified;
                    verdict.key = Some(key.describe());
                    verdict.error = None;
                    (true, String::from("verified the signature"))
                }
                Err(e) => {
                    let reason = format!("tried: {e}");
                    verdict.status = S::Invalid;
                    verdict.error = Some(e);
                    (true, reason)
                }
            },
        };
        if explain {
            verdict.candidates.push(Candidate { index, key: key.describe(), kid: key.kid.clone(), tried, reason });
        } else if single {
            sole_reason = Some(reason);
        }
    }
    let sole_reason = sole_reason.or_else(|| verdict.candidates.first().filter(|_| single).map(|c| c.reason.clone()));
    verdict.message = match verdict.status {
        S::Verified => {
            let key = verdict.key.as_deref().unwrap_or("key");
            let mut m = String::with_capacity(key.len() + 29);
            m.push_str("Signature verified with the ");
            m.push_str(key);
            m.push('.');
            m
        }
        S::Invalid => format!(
            "Invalid signature: {}.",
            verdict.error.as_ref().map(alloc::string::ToString::to_string).unwrap_or_default()
        ),
        _ => match sole_reason {
            Some(reason) => format!("The key cannot verify this token: {}.", reason.trim_start_matches("not tried: ")),
            None => String::from("None of the keys given may verify this token (see why for each)."),
        },
    };
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_order_list_matches_dalek() {
        for y in ED25519_SMALL_ORDER_Y {
            for sign in [0, 0x80] {
                let mut enc = y;
                enc[31] |= sign;
                assert!(ed25519_small_order(&enc));
                // Either not a point at all, or one of small order: dalek rejects both in verify_strict.
                let weak = ed25519_dalek::VerifyingKey::from_bytes(&enc).map(|k| k.is_weak()).unwrap_or(true);
                assert!(weak, "{enc:02x?}");
            }
        }
        // Keys: the list agrees with `is_weak()` on real keys too.
        for seed in 0u8..32 {
            let k = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]).verifying_key();
            assert_eq!(ed25519_small_order(k.as_bytes()), k.is_weak());
        }
        // The base point is of large order.
        let mut b = [0x66; 32];
        b[0] = 0x58;
        assert!(!ed25519_small_order(&b));
        assert!(!ed25519_dalek::VerifyingKey::from_bytes(&b).unwrap().is_weak());
    }

    /// An Ed25519 verification key with no JWK metadata.
    fn ed25519_key(vk: ed25519_dalek::VerifyingKey) -> Key {
        Key {
            material: crate::key::Material::Ed25519(crate::key::Ed25519Key::new(vk)),
            kid: None,
            alg: None,
            use_: None,
            key_ops: None,
            format: crate::key::KeyFormat::Jwk,
        }
    }

    /// A key, a message and its signature, from a seed.
    fn ed25519_case(seed: u8, msg: &[u8]) -> (ed25519_dalek::VerifyingKey, [u8; 64]) {
        use ed25519_dalek::Signer;
        let sk = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
        (sk.verifying_key(), sk.sign(msg).to_bytes())
    }

    proptest::proptest! {
        /// The table path and ed25519-dalek's `verify_strict` agree on valid signatures
        /// and on every one-byte change of signature, message or (non-canonical) R.
        #[test]
        fn ed25519_table_agrees_with_verify_strict(
            seed in proptest::prelude::any::<u8>(),
            msg in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
            at in 0usize..64,
            flip in proptest::prelude::any::<u8>(),
            non_canonical_r in proptest::prelude::any::<bool>(),
        ) {
            let (vk, good) = ed25519_case(seed, &msg);
            let key = crate::key::Ed25519Key::new(vk);
            key.precompute();
            let table = key.table_for_use().unwrap();
            let mut bad = good;
            if let Some(b) = bad.get_mut(at) {
                *b ^= flip;
            }
            if non_canonical_r {
                // An R of y ≥ p: p + 2 (y = 2 in another spelling).
                bad[..32].copy_from_slice(&[0xef, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
            }
            for sig in [good, bad] {
                let s = ed25519_dalek::Signature::from_bytes(&sig);
                let strict = vk.verify_strict(&msg, &s).is_ok();
                // The caller's checks come first, as in `verify_signature_with`.
                let pre = ed25519_scalar_canonical(s.s_bytes()) && !ed25519_small_order(s.r_bytes());
                let table = pre && ed25519_with_table(table, vk.as_bytes(), &msg, &s).is_ok();
                proptest::prop_assert_eq!(strict, table);
            }
        }
    }

    #[test]
    fn ed25519_key_builds_its_table_after_enough_uses() {
        let msg = b"eyJhbGciOiJFZERTQSJ9.e30";
        let (vk, sig) = ed25519_case(9, msg);
        let key = ed25519_key(vk);
        let crate::key::Material::Ed25519(k) = &key.material else { unreachable!() };
        let mut tampered = sig;
        tampered[40] ^= 1;
        // Valid and tampered signatures alike count as uses; the verdicts never change.
        for n in 1..=crate::comb::TABLE_AFTER + 4 {
            assert_eq!(k.precomputed(), n > crate::comb::TABLE_AFTER, "before use {n}");
            if n % 2 == 0 {
                assert_eq!(verify_signature(Algorithm::EdDSA, &key, msg, &sig), Ok(()));
            } else {
                assert_eq!(
                    verify_signature(Algorithm::EdDSA, &key, msg, &tampered),
                    Err(VerifyError::InvalidSignature)
                );
            }
        }
        // A clone starts without the table.
        let crate::key::Material::Ed25519(c) = &key.clone().material else { unreachable!() };
        assert!(!c.precomputed());
    }

    /// The core's Montgomery RSA path and the `rsa` crate's agree on every RS*/PS*
    /// signature of one key, altered or not. (Wycheproof's RSA sets run through the
    /// Montgomery path in tests/wycheproof.rs; this holds the fallback to the same answers.)
    #[test]
    fn rsa_montgomery_agrees_with_the_rsa_crate() {
        let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(7);
        let signing = crate::sign::generate(Algorithm::RS256, &mut rng).unwrap();
        let public = signing.public();
        let Material::Rsa(k) = &public.material else { unreachable!() };
        let m = k.montgomery().expect("a 2048-bit modulus is handled");
        for alg in
            [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::PS384, Algorithm::PS512]
        {
            let token = crate::sign::sign(alg, "{}", r#"{"sub":"ada"}"#, &signing, &mut rng).unwrap();
            let (input, sig) = token.rsplit_once('.').unwrap();
            let sig = crate::b64::decode(sig).unwrap().bytes;
            let hash = alg.hash().unwrap();
            let pss = alg.family() == Family::RsaPss;
            let mut cases = alloc::vec![(input.as_bytes().to_vec(), sig.clone())];
            for at in [0, 1, 100, 255] {
                let mut bad = sig.clone();
                bad[at] ^= 0x40;
                cases.push((input.as_bytes().to_vec(), bad));
            }
            cases.push((b"other".to_vec(), sig.clone()));
            // A signature representative at or above n is out of range for both.
            cases.push((input.as_bytes().to_vec(), alloc::vec![0xff; sig.len()]));
            for (i, (data, sig)) in cases.iter().enumerate() {
                let fast = m.verify(hash, pss, k.n().bits(), data, sig);
                let reference = verify_rsa(alg, k, data, sig).is_ok();
                assert_eq!(fast, reference, "{alg:?} case {i}");
                assert_eq!(fast, i == 0, "{alg:?} case {i}");
            }
        }
    }

    /// `verify_signature` on its own (without `check_token`'s choice of key) still
    /// refuses `none`, keys of another family, and says how short a key is.
    #[test]
    fn the_primitive_refuses_what_does_not_fit() {
        let secret =
            crate::key::Key::secret("0123456789abcdef0123456789abcdef", crate::key::SecretEncoding::Utf8).unwrap();
        let tag = hmac(Algorithm::HS256, b"0123456789abcdef0123456789abcdef", b"a.b");
        assert_eq!(verify_signature(Algorithm::HS256, &secret, b"a.b", &tag), Ok(()));
        assert_eq!(verify_signature(Algorithm::None, &secret, b"a.b", &tag), Err(VerifyError::Unsecured));
        for alg in [Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::EdDSA] {
            assert!(
                matches!(verify_signature(alg, &secret, b"a.b", &tag), Err(VerifyError::KeyMismatch { .. })),
                "{alg:?}"
            );
        }
        let short = crate::key::Key::secret("0123456789abcdef", crate::key::SecretEncoding::Utf8).unwrap();
        assert_eq!(
            verify_signature(Algorithm::HS256, &short, b"a.b", &tag),
            Err(VerifyError::KeyTooShort { bits: 128, min: 256 })
        );
        let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(5);
        let rsa = crate::sign::generate(Algorithm::RS256, &mut rng).unwrap().public();
        let es_token = crate::sign::sign(
            Algorithm::ES256,
            "{}",
            "{}",
            &crate::sign::generate(Algorithm::ES256, &mut rng).unwrap(),
            &mut rng,
        )
        .unwrap();
        let (input, sig) = es_token.rsplit_once('.').unwrap();
        let sig = crate::b64::decode(sig).unwrap().bytes;
        for alg in [Algorithm::ES256, Algorithm::HS256, Algorithm::EdDSA] {
            assert!(
                matches!(verify_signature(alg, &rsa, input.as_bytes(), &sig), Err(VerifyError::KeyMismatch { .. })),
                "{alg:?}"
            );
        }
    }

    /// A small-order public key (here the identity) makes `[S]B = R + [k]A` true for
    /// R = [S]B and any message: anyone could forge. The key is refused before any
    /// arithmetic, on every path — `verify_strict`, the table built after 64 uses,
    /// and a backend (OpenSSL does not test the key's order).
    #[test]
    fn small_order_ed25519_keys_never_verify_on_any_path() {
        let identity = {
            let mut b = [0u8; 32];
            b[0] = 1;
            b
        };
        let vk = ed25519_dalek::VerifyingKey::from_bytes(&identity).unwrap();
        let key = ed25519_key(vk);
        // R = [1]B (the base point's encoding), S = 1.
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(curve25519_dalek::constants::ED25519_BASEPOINT_COMPRESSED.as_bytes());
        sig[32] = 1;
        #[derive(Debug)]
        struct Accepts;
        impl Backend for Accepts {
            fn verify(&self, _: Algorithm, _: usize, _: &Key, _: &[u8], _: &[u8]) -> Option<bool> {
                Some(true)
            }
        }
        // A proper key: a non-canonical S or a small-order R is refused before any backend is asked.
        let (good_vk, good) = ed25519_case(3, b"m");
        let proper = ed25519_key(good_vk);
        let mut s_plus_l = good;
        let mut carry = 0u16;
        for (b, l) in s_plus_l[32..].iter_mut().zip(ED25519_L) {
            let v = u16::from(*b) + u16::from(l) + carry;
            *b = v as u8;
            carry = v >> 8;
        }
        let mut small_r = good;
        small_r[..32].copy_from_slice(&identity);
        for bad in [s_plus_l, small_r] {
            assert_eq!(
                verify_signature_with(Algorithm::EdDSA, &proper, b"m", &bad, Some((&Accepts, 0))),
                Err(VerifyError::InvalidSignature)
            );
        }
        for n in 0..crate::comb::TABLE_AFTER + 8 {
            let msg = alloc::format!("message {n}");
            assert_eq!(
                verify_signature(Algorithm::EdDSA, &key, msg.as_bytes(), &sig),
                Err(VerifyError::InvalidSignature)
            );
            assert_eq!(
                verify_signature_with(Algorithm::EdDSA, &key, msg.as_bytes(), &sig, Some((&Accepts, 0))),
                Err(VerifyError::InvalidSignature)
            );
        }
    }

    #[test]
    fn a_public_key_offered_for_hmac_is_named_key_confusion() {
        let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(6);
        let es = crate::sign::generate(Algorithm::ES256, &mut rng).unwrap().public();
        let secret =
            crate::key::Key::secret("0123456789abcdef0123456789abcdef", crate::key::SecretEncoding::Utf8).unwrap();
        let why = unusable(&es, Algorithm::HS256, None).unwrap();
        assert!(why.ends_with("using a public key as an HMAC secret is the key-confusion attack"), "{why}");
        let why = unusable(&secret, Algorithm::ES256, None).unwrap();
        assert_eq!(why, "an HMAC secret cannot verify ES256");
        let why = unusable(&es, Algorithm::RS256, None).unwrap();
        assert_eq!(why, "an EC P-256 public key cannot verify RS256");
    }

    /// With several usable keys, the first that verifies decides, the rest are not
    /// tried, and the sentences say so; a set where every key fails is invalid.
    #[test]
    fn the_first_key_that_verifies_decides() {
        let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(8);
        let a = crate::sign::generate(Algorithm::HS256, &mut rng).unwrap();
        let b = crate::sign::generate(Algorithm::HS256, &mut rng).unwrap();
        let token = crate::sign::sign(Algorithm::HS256, "{}", r#"{"sub":"x"}"#, &a, &mut rng).unwrap();
        let t = crate::token::Token::parse(&token);
        let set = crate::key::KeySet::from_keys(alloc::vec![a.public(), b.public()]);
        let v = verify_token(&t, Some(&set));
        assert_eq!(v.status, SignatureStatus::Verified);
        assert!(v.message.starts_with("Signature verified with the HMAC secret"), "{}", v.message);
        assert_eq!(v.candidates[1].reason, "not tried: another key already verified the token");
        let set = crate::key::KeySet::from_keys(alloc::vec![b.public(), a.public()]);
        let v = verify_token(&t, Some(&set));
        assert_eq!(v.status, SignatureStatus::Verified, "a failing key first does not stop the right one");
        let set = crate::key::KeySet::from_keys(alloc::vec![b.public(), b.public()]);
        let v = verify_token(&t, Some(&set));
        assert_eq!(v.status, SignatureStatus::Invalid);
        assert_eq!(v.message, "Invalid signature: the signature does not match.");
        // The verdict-only path decides the same.
        assert_eq!(verify_token_brief(&t, Some(&set), None).status, SignatureStatus::Invalid);
    }

    #[test]
    fn scalar_bound_is_l() {
        let mut below = ED25519_L;
        below[0] -= 1;
        assert!(ed25519_scalar_canonical(&below));
        assert!(!ed25519_scalar_canonical(&ED25519_L));
        assert!(!ed25519_scalar_canonical(&[0xff; 32]));
        assert!(ed25519_scalar_canonical(&[0; 32]));
    }

    #[test]
    fn roca_groups_cover_every_prime() {
        // 65537^k mod every prime: a modulus equal to 65537 itself has the fingerprint.
        assert!(roca_fingerprint(&rsa::BigUint::from(65_537u32)));
        assert!(!roca_fingerprint(&rsa::BigUint::from(2u32)));
        // 167 is the last prime; 65537 + 167·(something) changes only that residue class pattern.
        let n = rsa::BigUint::from(65_537u32) * rsa::BigUint::from(65_537u32);
        assert!(roca_fingerprint(&n));
    }
}
