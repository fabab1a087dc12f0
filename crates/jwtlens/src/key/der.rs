//! PEM (RFC 7468), SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), PKCS#1 and X.509 certificates.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::*;

pub(super) const OID_RSA: &str = "1.2.840.113549.1.1.1";
pub(super) const OID_EC: &str = "1.2.840.10045.2.1";
pub(super) const OID_ED25519: &str = "1.3.101.112";
pub(super) const OID_P256: &str = "1.2.840.10045.3.1.7";
pub(super) const OID_P384: &str = "1.3.132.0.34";
pub(super) const OID_P521: &str = "1.3.132.0.35";
pub(super) const OID_K256: &str = "1.3.132.0.10";

/// RFC 7468 textual encoding: `PUBLIC KEY`, `RSA PUBLIC KEY` or `CERTIFICATE`.
pub(super) fn pem(block: Result<(String, Vec<u8>), String>) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Pem;
    let (label, der) = block.map_err(|e| err(F, None, format!("not a valid PEM block: {e}")))?;
    let label = label.as_str();
    match label {
        "PUBLIC KEY" => spki(&der, KeyFormat::PemSpki),
        "RSA PUBLIC KEY" => pkcs1(&der).map_err(|e| err(F, Some(label), e)),
        "CERTIFICATE" => {
            certificate(&der).map_err(|e| if e.format == KeySource::Spki { e } else { err(F, Some(label), e.message) })
        }
        l if l.contains("PRIVATE KEY") => {
            Err(err(F, Some(l), "a private key: to verify, paste the public key (PUBLIC KEY) or a certificate"))
        }
        l => Err(err(F, Some(l), "unsupported PEM label (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE)")),
    }
}

/// RFC 8017 Appendix A.1.1 RSAPublicKey (PKCS#1).
pub(super) fn pkcs1(der: &[u8]) -> Result<Key, String> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    let k = rsa::RsaPublicKey::from_pkcs1_der(der).map_err(|e| format!("not a PKCS#1 RSA public key: {e}"))?;
    let k = RsaKey::new(k).map_err(|e| e.message)?;
    Ok(Key::plain(Material::Rsa(k), KeyFormat::PemPkcs1))
}

/// RFC 5280 §4.1: the subject public key of an X.509 certificate.
pub(super) fn certificate(der: &[u8]) -> Result<Key, KeyError> {
    use x509_cert::der::{Decode, Encode};
    const F: KeySource = KeySource::Certificate;
    let cert =
        x509_cert::Certificate::from_der(der).map_err(|e| err(F, None, format!("not an X.509 certificate: {e}")))?;
    let spki_der = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|e| err(F, None, format!("cannot read the certificate's key: {e}")))?;
    spki(&spki_der, KeyFormat::PemCertificate)
}

/// A DER structure given without PEM armour: a SubjectPublicKeyInfo, a PKCS#1
/// RSAPublicKey or a certificate, tried in that order.
pub(super) fn der_key(der: &[u8]) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Der;
    if let Ok(k) = spki(der, KeyFormat::PemSpki) {
        return Ok(k);
    }
    if let Ok(k) = pkcs1(der) {
        return Ok(k);
    }
    if let Ok(k) = certificate(der) {
        return Ok(k);
    }
    if pkcs8::PrivateKeyInfo::try_from(der).is_ok() {
        return Err(err(F, None, "a private key (PKCS#8): to verify, paste the public key or a certificate"));
    }
    // Say why the most likely reading failed.
    let why = match spki(der, KeyFormat::PemSpki) {
        Err(e) if !e.message.starts_with("not a SubjectPublicKeyInfo") => e.message,
        _ => String::from(
            "it is a DER structure, but not a SubjectPublicKeyInfo, a PKCS#1 RSA public key or an X.509 certificate",
        ),
    };
    Err(err(F, None, why))
}

/// RFC 5280 §4.1.2.7 SubjectPublicKeyInfo, dispatched on its algorithm OID.
pub(super) fn spki(der: &[u8], format: KeyFormat) -> Result<Key, KeyError> {
    use spki::DecodePublicKey;
    const F: KeySource = KeySource::Spki;
    let info = spki::SubjectPublicKeyInfoRef::try_from(der)
        .map_err(|e| err(F, None, format!("not a SubjectPublicKeyInfo: {e}")))?;
    let oid = info.algorithm.oid.to_string();
    let bad = |e: spki::Error| err(F, Some(&oid), format!("cannot read the key: {e}"));
    let material = match oid.as_str() {
        OID_RSA => Material::Rsa(
            RsaKey::new(rsa::RsaPublicKey::from_public_key_der(der).map_err(bad)?)
                .map_err(|e| err(F, Some(&oid), e.message))?,
        ),
        OID_EC => {
            let curve = info
                .algorithm
                .parameters_oid()
                .map(|o| o.to_string())
                .map_err(|e| err(F, Some("parameters"), format!("no named curve: {e}")))?;
            match curve.as_str() {
                OID_P256 => {
                    Material::P256(P256Key::new(p256::ecdsa::VerifyingKey::from_public_key_der(der).map_err(bad)?))
                }
                OID_P384 => Material::P384(p384::ecdsa::VerifyingKey::from_public_key_der(der).map_err(bad)?),
                OID_P521 => {
                    let pk = p521::PublicKey::from_public_key_der(der).map_err(bad)?;
                    Material::P521(
                        p521::ecdsa::VerifyingKey::from_affine(*pk.as_affine())
                            .map_err(|_| err(F, Some(&curve), "not a valid P-521 point"))?,
                    )
                }
                OID_K256 => Material::K256(k256::ecdsa::VerifyingKey::from_public_key_der(der).map_err(bad)?),
                other => return Err(err(F, Some(other), "unsupported EC curve (P-256, P-384, P-521, secp256k1)")),
            }
        }
        OID_ED25519 => {
            Material::Ed25519(Ed25519Key::new(ed25519_dalek::VerifyingKey::from_public_key_der(der).map_err(bad)?))
        }
        other => return Err(err(F, Some(other), "unsupported key algorithm (RSA, EC, Ed25519)")),
    };
    Ok(Key::plain(material, format))
}
