//! RSA: the key checks RFC 7518 §3.3 and ROCA call for, then PKCS#1 v1.5 or PSS.

use rsa::traits::PublicKeyParts;

use super::*;

/// What the core requires of an RSA key and signature before any arithmetic.
pub(super) fn rsa_checks(key: &crate::key::RsaKey, sig: &[u8]) -> Result<(), VerifyError> {
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

#[cfg(feature = "arithmetic")]
pub(super) fn verify_rsa(alg: Algorithm, key: &rsa::RsaPublicKey, data: &[u8], sig: &[u8]) -> Result<(), VerifyError> {
    use crate::alg::{Family, Hash};
    use sha2::{Sha256, Sha384, Sha512};
    let Some(hash) = alg.hash() else {
        return Err(VerifyError::InvalidSignature);
    };
    let hashed = hash.digest(data);
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
