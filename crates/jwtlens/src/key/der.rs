//! PEM (RFC 7468), SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), PKCS#1 and X.509 certificates.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::*;

use super::asn1::{oid_text, Der, DerError, BIT_STRING, NULL, OCTET_STRING, OID, SEQUENCE};

// The OBJECT IDENTIFIERs' DER contents (X.690 §8.19).
/// rsaEncryption, 1.2.840.113549.1.1.1 (RFC 3279 §2.3.1).
const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480 §2.1.1).
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
/// id-Ed25519, 1.3.101.112 (RFC 8410 §3).
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];
/// secp256r1, 1.2.840.10045.3.1.7 (RFC 5480 §2.1.1.1).
const OID_P256: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
/// secp384r1, 1.3.132.0.34.
const OID_P384: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x22];
/// secp521r1, 1.3.132.0.35.
const OID_P521: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x23];
/// secp256k1, 1.3.132.0.10 (SEC 2 §A.2).
const OID_K256: &[u8] = &[0x2b, 0x81, 0x04, 0x00, 0x0a];

/// RFC 7468 textual encoding: `PUBLIC KEY`, `RSA PUBLIC KEY` or `CERTIFICATE`.
pub(super) fn pem(block: Result<(String, Vec<u8>), String>) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Pem;
    let (label, der) = block.map_err(|e| err(F, None, KeyProblem::NotPem { detail: Some(e) }))?;
    let label = label.as_str();
    match label {
        "PUBLIC KEY" => spki(&der, KeyFormat::PemSpki),
        "RSA PUBLIC KEY" => pkcs1(&der).map_err(|e| err(F, Some(label), e)),
        "CERTIFICATE" => {
            certificate(&der).map_err(|e| if e.format == KeySource::Spki { e } else { err(F, Some(label), e.problem) })
        }
        l if crate::text::has(l, "PRIVATE KEY") => Err(err(F, Some(l), KeyProblem::PrivateKey)),
        l => Err(err(F, Some(l), KeyProblem::UnsupportedLabel)),
    }
}

/// RFC 8017 Appendix A.1.1: `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }`.
pub(super) fn pkcs1(der: &[u8]) -> Result<Key, KeyProblem> {
    let (n, e) = rsa_numbers(Der::new(der))
        .map_err(|e| KeyProblem::NotStructure { what: "a PKCS#1 RSA public key", detail: e.to_string() })?;
    let k = RsaKey::from_numbers(n, e).map_err(|e| e.problem)?;
    Ok(Key::plain(Material::Rsa(k), KeyFormat::PemPkcs1))
}

/// The modulus and public exponent of an RSAPublicKey, wherever `outer` starts
/// (errors count bytes from the start of the input).
fn rsa_numbers(mut outer: Der<'_>) -> Result<(&[u8], &[u8]), DerError> {
    let mut seq = outer.read(SEQUENCE, "RSAPublicKey")?;
    outer.end("the RSAPublicKey")?;
    let n = seq.unsigned("modulus")?;
    let e = seq.unsigned("publicExponent")?;
    seq.end("the public exponent")?;
    Ok((n, e))
}

/// RFC 5280 §4.1: the subject public key of an X.509 certificate.
///
/// ```text
/// Certificate  ::=  SEQUENCE  { tbsCertificate TBSCertificate, signatureAlgorithm AlgorithmIdentifier,
///                               signatureValue BIT STRING  }
/// TBSCertificate  ::=  SEQUENCE  { version [0] EXPLICIT Version DEFAULT v1, serialNumber INTEGER,
///      signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name,
///      subjectPublicKeyInfo SubjectPublicKeyInfo,
///      issuerUniqueID [1] IMPLICIT UniqueIdentifier OPTIONAL, subjectUniqueID [2] IMPLICIT UniqueIdentifier OPTIONAL,
///      extensions [3] EXPLICIT Extensions OPTIONAL }
/// ```
///
/// Only the key is read. The other fields are checked to be DER of the right
/// types in the right order; names, times, algorithms and extensions are not
/// interpreted (no chain is validated: the caller trusts the certificate it
/// gives, as it trusts a key it gives).
pub(super) fn certificate(der: &[u8]) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Certificate;
    let key = certificate_key(der)
        .map_err(|e| err(F, None, KeyProblem::NotStructure { what: "an X.509 certificate", detail: e.to_string() }))?;
    spki_at(key, KeyFormat::PemCertificate)
}

fn certificate_key(der: &[u8]) -> Result<Der<'_>, DerError> {
    let mut outer = Der::new(der);
    let mut cert = outer.read(SEQUENCE, "Certificate")?;
    outer.end("the Certificate")?;
    let mut tbs = cert.read(SEQUENCE, "tbsCertificate")?;
    cert.read(SEQUENCE, "signatureAlgorithm")?;
    cert.bits(BIT_STRING, "signatureValue")?;
    cert.end("the signature")?;
    // `Version ::= INTEGER { v1(0), v2(1), v3(2) }`. DER leaves out the DEFAULT v1
    // (X.690 §11.5), but an explicit v1 is accepted, as `x509-cert` accepts it.
    if tbs.peek() == Some(0xa0) {
        let mut explicit = tbs.read(0xa0, "version")?;
        let at = explicit;
        if !matches!(explicit.unsigned("version")?, [0] | [1] | [2]) {
            return Err(DerError { at: at.offset() + 2, message: "version: not v1 (0), v2 (1) or v3 (2)".into() });
        }
        explicit.end("the version")?;
    }
    // RFC 5280 §4.1.2.2: "Conforming CAs MUST NOT use serialNumber values longer than 20 octets."
    // (21 with a sign byte, the bound `x509-cert` reads.)
    let at = tbs;
    if tbs.integer("serialNumber")?.len() > 21 {
        return Err(DerError { at: at.offset(), message: "serialNumber: longer than 20 octets".into() });
    }
    for what in ["signature", "issuer", "validity", "subject"] {
        tbs.read(SEQUENCE, what)?;
    }
    let key = tbs.read_encoded(SEQUENCE, "subjectPublicKeyInfo")?;
    if tbs.peek() == Some(0x81) {
        tbs.bits(0x81, "issuerUniqueID")?;
    }
    if tbs.peek() == Some(0x82) {
        tbs.bits(0x82, "subjectUniqueID")?;
    }
    if tbs.peek() == Some(0xa3) {
        tbs.read(0xa3, "extensions")?.read(SEQUENCE, "Extensions")?;
    }
    tbs.end("the tbsCertificate")?;
    Ok(key)
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
    if private_key_info(der) {
        return Err(err(F, Some("PKCS#8"), KeyProblem::PrivateKey));
    }
    // Say why the reading that got furthest failed: a SubjectPublicKeyInfo or a PKCS#1
    // key whose structure was read but whose key was refused (an even modulus, a curve).
    Err(match (spki(der, KeyFormat::PemSpki), pkcs1(der)) {
        (Err(e), _) if !matches!(e.problem, KeyProblem::NotStructure { .. }) => err(F, e.at.as_deref(), e.problem),
        (_, Err(problem)) if !matches!(problem, KeyProblem::NotStructure { .. }) => err(F, Some("PKCS#1"), problem),
        _ => err(F, None, KeyProblem::UnknownDer),
    })
}

/// RFC 5958 §2: `OneAsymmetricKey ::= SEQUENCE { version Version (v1(0) or v2(1)),
/// privateKeyAlgorithm AlgorithmIdentifier, privateKey OCTET STRING, ... }` (RFC 5208 §5's PrivateKeyInfo is v1).
fn private_key_info(der: &[u8]) -> bool {
    let mut outer = Der::new(der);
    let read = |seq: &mut Der<'_>| -> Result<bool, DerError> {
        let version = seq.unsigned("version")?;
        seq.read(SEQUENCE, "privateKeyAlgorithm")?;
        seq.read(OCTET_STRING, "privateKey")?;
        Ok(matches!(version, [0] | [1]))
    };
    outer.read(SEQUENCE, "PrivateKeyInfo").is_ok_and(|mut seq| read(&mut seq) == Ok(true)) && outer.is_empty()
}

/// RFC 5280 §4.1.2.7 SubjectPublicKeyInfo, dispatched on its algorithm OID:
///
/// ```text
/// SubjectPublicKeyInfo  ::=  SEQUENCE  { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING  }
/// AlgorithmIdentifier  ::=  SEQUENCE  { algorithm OBJECT IDENTIFIER, parameters ANY DEFINED BY algorithm OPTIONAL  }
/// ```
pub(super) fn spki(der: &[u8], format: KeyFormat) -> Result<Key, KeyError> {
    spki_at(Der::new(der), format)
}

/// A SubjectPublicKeyInfo, wherever `outer` starts (errors count bytes from the start of the input).
fn spki_at(mut outer: Der<'_>, format: KeyFormat) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Spki;
    let not =
        |e: DerError| err(F, None, KeyProblem::NotStructure { what: "a SubjectPublicKeyInfo", detail: e.to_string() });
    let mut info = outer.read(SEQUENCE, "SubjectPublicKeyInfo").map_err(not)?;
    outer.end("the SubjectPublicKeyInfo").map_err(not)?;
    let mut algorithm = info.read(SEQUENCE, "AlgorithmIdentifier").map_err(not)?;
    let oid = algorithm.oid("algorithm").map_err(not)?;
    let mut parameters_at = algorithm;
    let parameters = match algorithm.is_empty() {
        true => None,
        false => Some(algorithm.any("parameters").map_err(not)?),
    };
    algorithm.end("the parameters").map_err(not)?;
    let (unused, key) = info.bits(BIT_STRING, "subjectPublicKey").map_err(not)?;
    info.end("the subjectPublicKey").map_err(not)?;
    let oid_name = oid_text(oid);
    let bad = |e: &dyn core::fmt::Display| err(F, Some(&oid_name), KeyProblem::UnreadableKey { detail: e.to_string() });
    if unused != 0 {
        return Err(bad(&format!("subjectPublicKey: a key with {unused} unused bits")));
    }
    let material = match oid {
        OID_RSA => {
            // RFC 3279 §2.3.1: "The parameters field MUST have ASN.1 type NULL for this algorithm identifier."
            if !matches!(parameters, Some((NULL, _, p)) if p.is_empty()) {
                return Err(bad(&"the RSA algorithm's parameters must be NULL (RFC 3279 §2.3.1)"));
            }
            let (n, e) = rsa_numbers(key).map_err(|e| bad(&e))?;
            Material::Rsa(RsaKey::from_numbers(n, e).map_err(|e| err(F, Some(&oid_name), e.problem))?)
        }
        OID_EC => {
            // RFC 5480 §2.1.1: parameters is a namedCurve OBJECT IDENTIFIER.
            let curve = match parameters {
                Some((OID, _, _)) => parameters_at.oid("namedCurve").map_err(|e| bad(&e))?,
                _ => return Err(err(F, Some("parameters"), KeyProblem::NoNamedCurve)),
            };
            let crv = match curve {
                OID_P256 => "P-256",
                OID_P384 => "P-384",
                OID_P521 => "P-521",
                OID_K256 => "secp256k1",
                other => {
                    return Err(err(F, Some(&oid_text(other)), KeyProblem::UnsupportedCurve { kty: "EC", crv: None }))
                }
            };
            // SEC 1 §2.3.4: a compressed or uncompressed point, on the curve, not the identity.
            Material::ec(crv, key.bytes()).map_err(|e| bad(&format!("not a {crv} point: {e} (SEC 1 §2.3.4)")))?
        }
        OID_ED25519 => {
            // RFC 8410 §3: "the parameters MUST be absent".
            if parameters.is_some() {
                return Err(bad(&"the Ed25519 algorithm has parameters, which RFC 8410 §3 says must be absent"));
            }
            let key = key.bytes();
            let bytes: &[u8; 32] =
                key.try_into().map_err(|_| bad(&format!("an Ed25519 key is 32 bytes, found {}", key.len())))?;
            let k = ed25519_dalek::VerifyingKey::from_bytes(bytes).map_err(|_| bad(&"not a valid Ed25519 point"))?;
            Material::Ed25519(Ed25519Key::new(k))
        }
        _ => return Err(err(F, Some(&oid_name), KeyProblem::UnsupportedAlgorithm)),
    };
    Ok(Key::plain(material, format))
}
