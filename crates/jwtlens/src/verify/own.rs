//! The core's own public-key arithmetic (RustCrypto, with the private
//! `rsa_mont` and `comb` speed-ups), compiled with the `arithmetic` feature.
//!
//! Without it every function here answers [`VerifyError::PlatformRequired`]:
//! such a build (the npm package's and the page's first module) makes every
//! decision of [`super::verify_signature_with`] itself and hands the last
//! arithmetic step to the platform through a [`super::Backend`] — Node's
//! OpenSSL, or WebCrypto. Nothing here is reached before those decisions.

#[cfg(feature = "arithmetic")]
pub(super) use with::*;
#[cfg(not(feature = "arithmetic"))]
pub(super) use without::*;

#[cfg(feature = "arithmetic")]
mod with {
    use p256::ecdsa::signature::Verifier;

    use super::super::{ed25519_with_table, verify_rsa, VerifyError};
    use crate::alg::Algorithm;
    use crate::key::{EcPoint, Ed25519Key, P256Key, RsaKey};

    fn bad<E>(_: E) -> VerifyError {
        VerifyError::InvalidSignature
    }

    pub(in crate::verify) fn rsa(alg: Algorithm, k: &RsaKey, data: &[u8], sig: &[u8]) -> Result<(), VerifyError> {
        use rsa::traits::PublicKeyParts;
        match (k.montgomery(), alg.hash()) {
            (Some(m), Some(hash)) => m
                .verify(hash, alg.family() == crate::alg::Family::RsaPss, k.n().bits(), data, sig)
                .then_some(())
                .ok_or(VerifyError::InvalidSignature),
            _ => verify_rsa(alg, k, data, sig),
        }
    }

    pub(in crate::verify) fn p256(k: &P256Key, data: &[u8], s: &p256::ecdsa::Signature) -> Result<(), VerifyError> {
        // Without a backend (browsers), a key that verifies often uses its comb table.
        match k.table_for_use() {
            Some(table) => crate::comb::verify_p256(table, data, s).then_some(()).ok_or(VerifyError::InvalidSignature),
            None => k.verify(data, s).map_err(bad),
        }
    }

    /// The point was checked when the key was read (`key::EcPoint`); `p384` reads it again.
    pub(in crate::verify) fn p384(k: &EcPoint, data: &[u8], s: &p384::ecdsa::Signature) -> Result<(), VerifyError> {
        p384::ecdsa::VerifyingKey::from_sec1_bytes(k.sec1()).and_then(|k| k.verify(data, s)).map_err(bad)
    }

    pub(in crate::verify) fn p521(k: &EcPoint, data: &[u8], s: &p521::ecdsa::Signature) -> Result<(), VerifyError> {
        p521::ecdsa::VerifyingKey::from_sec1_bytes(k.sec1()).and_then(|k| k.verify(data, s)).map_err(bad)
    }

    /// The table path, once the key has one (it is faster than any backend).
    pub(in crate::verify) fn ed25519_tabled(
        k: &Ed25519Key,
        data: &[u8],
        s: &ed25519_dalek::Signature,
    ) -> Option<Result<(), VerifyError>> {
        k.table_for_use().map(|table| ed25519_with_table(table, k.as_bytes(), data, s))
    }

    pub(in crate::verify) fn ed25519(
        k: &Ed25519Key,
        data: &[u8],
        s: &ed25519_dalek::Signature,
    ) -> Result<(), VerifyError> {
        k.verify_strict(data, s).map_err(bad)
    }
}

/// ES256K: WebCrypto has no secp256k1, so the `es256k` feature keeps this
/// curve's arithmetic in builds that hand the others to the platform. The
/// point was checked when the key was read (`key::EcPoint`), the signature's
/// length and ranges by the caller; `k256` reads both again.
#[cfg(any(feature = "arithmetic", feature = "es256k"))]
pub(super) fn k256(k: &crate::key::EcPoint, data: &[u8], sig: &[u8]) -> Result<(), super::VerifyError> {
    verify_es256k(k.sec1(), data, sig).filter(|&valid| valid).map(|_| ()).ok_or(super::VerifyError::InvalidSignature)
}

/// ES256K's arithmetic alone (RFC 8812 §3.2: ECDSA over secp256k1 with
/// SHA-256), from an uncompressed or compressed SEC 1 public point and the
/// 64-byte `R ‖ S` signature: `Some(valid)`, or `None` when the point or the
/// signature cannot be read (then nothing was checked).
///
/// Where the platform has no secp256k1 (WebCrypto everywhere, Bun), the npm
/// package runs this from a module of its own, loaded only for ES256K, after
/// [`super::verify_signature_with`] has made every decision the other
/// algorithms get (key, sizes, ranges), so its own wasm carries no secp256k1.
///
/// ```
/// use k256::ecdsa::{signature::Signer, Signature, SigningKey};
/// let key = SigningKey::from_slice(&[7; 32]).unwrap();
/// let point = key.verifying_key().to_encoded_point(false);
/// let sig: Signature = key.sign(b"a.b");
/// assert_eq!(jwtlens::verify::verify_es256k(point.as_bytes(), b"a.b", &sig.to_bytes()), Some(true));
/// assert_eq!(jwtlens::verify::verify_es256k(point.as_bytes(), b"a.c", &sig.to_bytes()), Some(false));
/// // RFC 8812 does not ask for low S: the same signature with n − s verifies too.
/// let high = Signature::from_scalars(sig.r(), -*sig.s()).unwrap();
/// assert_eq!(jwtlens::verify::verify_es256k(point.as_bytes(), b"a.b", &high.to_bytes()), Some(true));
/// assert_eq!(jwtlens::verify::verify_es256k(&point.as_bytes()[1..], b"a.b", &sig.to_bytes()), None);
/// ```
#[cfg(any(feature = "arithmetic", feature = "es256k"))]
pub fn verify_es256k(public_sec1: &[u8], data: &[u8], signature: &[u8]) -> Option<bool> {
    use p256::ecdsa::signature::Verifier;
    let key = k256::ecdsa::VerifyingKey::from_sec1_bytes(public_sec1).ok()?;
    let signature = k256::ecdsa::Signature::from_slice(signature).ok()?;
    // k256 accepts only low-S signatures; JWS (RFC 8812) does not require low S, so normalize.
    let signature = signature.normalize_s().unwrap_or(signature);
    Some(key.verify(data, &signature).is_ok())
}

#[cfg(not(any(feature = "arithmetic", feature = "es256k")))]
pub(super) fn k256(_: &crate::key::EcPoint, _: &[u8], _: &[u8]) -> Result<(), super::VerifyError> {
    Err(super::VerifyError::PlatformRequired { alg: alloc::string::String::from(crate::alg::Algorithm::ES256K.name()) })
}

#[cfg(not(feature = "arithmetic"))]
mod without {
    use alloc::string::String;

    use super::super::VerifyError;
    use crate::alg::Algorithm;
    use crate::key::{EcPoint, Ed25519Key, P256Key, RsaKey};

    fn platform(alg: Algorithm) -> Result<(), VerifyError> {
        Err(VerifyError::PlatformRequired { alg: String::from(alg.name()) })
    }

    pub(in crate::verify) fn rsa(alg: Algorithm, _: &RsaKey, _: &[u8], _: &[u8]) -> Result<(), VerifyError> {
        platform(alg)
    }
    pub(in crate::verify) fn p256(_: &P256Key, _: &[u8], _: &p256::ecdsa::Signature) -> Result<(), VerifyError> {
        platform(Algorithm::ES256)
    }
    pub(in crate::verify) fn p384(_: &EcPoint, _: &[u8], _: &p384::ecdsa::Signature) -> Result<(), VerifyError> {
        platform(Algorithm::ES384)
    }
    pub(in crate::verify) fn p521(_: &EcPoint, _: &[u8], _: &p521::ecdsa::Signature) -> Result<(), VerifyError> {
        platform(Algorithm::ES512)
    }
    pub(in crate::verify) fn ed25519_tabled(
        _: &Ed25519Key,
        _: &[u8],
        _: &ed25519_dalek::Signature,
    ) -> Option<Result<(), VerifyError>> {
        None
    }
    pub(in crate::verify) fn ed25519(
        _: &Ed25519Key,
        _: &[u8],
        _: &ed25519_dalek::Signature,
    ) -> Result<(), VerifyError> {
        platform(Algorithm::EdDSA)
    }
}
