//! RFC 7517: JWKs and JWK Sets.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::b64;
use crate::json::{self, Json, Object};

use super::*;

/// A key's required JWK members (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2),
/// fields in lexicographic order so that serializing one gives the RFC 7638
/// §3.2 thumbprint input. Made by [`Key::jwk`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Jwk {
    /// EC and OKP: the curve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crv: Option<&'static str>,
    /// RSA: the public exponent (base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    /// oct: the secret (base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub k: Option<String>,
    /// "RSA", "EC", "OKP" or "oct".
    pub kty: &'static str,
    /// RSA: the modulus (base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    /// EC and OKP: the x coordinate or the public key (base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// EC: the y coordinate (base64url).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

impl Jwk {
    pub(super) fn new(kty: &'static str) -> Jwk {
        Jwk { crv: None, e: None, k: None, kty, n: None, x: None, y: None }
    }
}

pub(super) fn jwk_or_set(text: &str) -> Result<KeySet, KeyError> {
    let v = json::parse(text.as_bytes()).map_err(|e| {
        err(
            KeySource::Jwk,
            Some(&format!("byte {}", e.offset)),
            KeyProblem::NotJson { expected: e.expected, found: e.found },
        )
    })?;
    let Json::Object(obj) = v else {
        return Err(err(KeySource::Jwk, None, KeyProblem::NotObject));
    };
    if let Some(name) = obj.duplicate_anywhere() {
        // Two parsers could read two different keys out of it.
        return Err(err(KeySource::Jwk, Some(name), KeyProblem::DuplicateMember));
    }
    match obj.get("keys") {
        Some(Json::Array(items)) => {
            let mut keys = Vec::new();
            let mut skipped = Vec::new();
            let kids = items.iter().filter_map(|i| i.as_object()?.get("kid")?.as_str().map(String::from)).collect();
            let public_entries = items
                .iter()
                .filter(|i| i.as_object().and_then(|o| o.get("kty")).and_then(Json::as_str) != Some("oct"))
                .count();
            for (i, item) in items.iter().enumerate() {
                match item
                    .as_object()
                    .ok_or_else(|| err(KeySource::JwkSet, Some(&format!("keys[{i}]")), KeyProblem::NotObject))
                    .and_then(jwk)
                {
                    Ok(k) => keys.push(k),
                    Err(mut e) => {
                        e.at = Some(format!("keys[{i}]{}", e.at.map(|a| format!(".{a}")).unwrap_or_default()));
                        skipped.push(e);
                    }
                }
            }
            if keys.is_empty() {
                return Err(match skipped.into_iter().next() {
                    Some(e) => e,
                    None => err(KeySource::JwkSet, Some("keys"), KeyProblem::NoKeys),
                });
            }
            Ok(KeySet { keys, kids, skipped, public_entries })
        }
        Some(_) => Err(err(KeySource::JwkSet, Some("keys"), KeyProblem::KeysNotArray)),
        None => jwk(&obj).map(KeySet::single),
    }
}

pub(super) fn member_str<'a>(obj: &'a Object, name: &str, format: KeySource) -> Result<Option<&'a str>, KeyError> {
    match obj.get(name) {
        None => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => Err(err(format, Some(name), KeyProblem::NotString { found: other.type_name() })),
    }
}

pub(super) fn member_b64(obj: &Object, name: &str, format: KeySource) -> Result<Vec<u8>, KeyError> {
    let s = member_str(obj, name, format)?.ok_or_else(|| err(format, Some(name), MISSING))?;
    let d = b64::decode(s).map_err(|e| {
        err(format, Some(name), KeyProblem::NotBase64Url { offset: e.offset, expected: e.expected, found: e.found })
    })?;
    if !d.forgiven.is_empty() {
        return Err(err(format, Some(name), KeyProblem::NotStrictBase64Url));
    }
    Ok(d.bytes)
}

const MISSING: KeyProblem = KeyProblem::Missing { required_by: None };
/// RFC 7517 §4.1: "The "kty" (key type) parameter [...] MUST be present in a JWK."
const KTY_REQUIRED: &str = "RFC 7517 §4.1: \"kty\" MUST be present";

/// RFC 7517 §4 (common members) and RFC 7518 §6 (key types).
pub(super) fn jwk(obj: &Object) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Jwk;
    let kty = member_str(obj, "kty", F)?
        .ok_or_else(|| err(F, Some("kty"), KeyProblem::Missing { required_by: Some(KTY_REQUIRED) }))?;
    let material = match kty {
        "oct" => {
            let k = member_b64(obj, "k", F)?;
            if k.is_empty() {
                return Err(err(F, Some("k"), KeyProblem::EmptySecret));
            }
            Material::Hmac(HmacKey::new(k))
        }
        "RSA" => {
            // RFC 7518 §6.3.1: "n" and "e", unsigned big-endian base64url.
            let n = member_b64(obj, "n", F)?;
            let e = member_b64(obj, "e", F)?;
            Material::Rsa(RsaKey::from_numbers(&n, &e).map_err(|e| err(F, e.at.as_deref(), e.problem))?)
        }
        "EC" => {
            // RFC 7518 §6.2.1.2: "The length of this octet string MUST be the full size of a coordinate for the curve".
            let crv = member_str(obj, "crv", F)?.ok_or_else(|| err(F, Some("crv"), MISSING))?;
            let size = match crv {
                "P-256" | "secp256k1" => 32,
                "P-384" => 48,
                "P-521" => 66,
                other => {
                    let crv = Some(String::from(other));
                    return Err(err(F, Some("crv"), KeyProblem::UnsupportedCurve { kty: "EC", crv }));
                }
            };
            let x = member_b64(obj, "x", F)?;
            let y = member_b64(obj, "y", F)?;
            for (name, v) in [("x", &x), ("y", &y)] {
                if v.len() != size {
                    let (curve, found) = (Some(String::from(crv)), v.len());
                    return Err(err(F, Some(name), KeyProblem::WrongLength { expected: size, curve, found }));
                }
            }
            let mut sec1 = Vec::with_capacity(1 + 2 * size);
            sec1.push(0x04);
            sec1.extend_from_slice(&x);
            sec1.extend_from_slice(&y);
            // The pair is at fault, not one member: a coordinate at or above p is off the curve too.
            Material::ec(crv, &sec1)
                .map_err(|_| err(F, Some("x, y"), KeyProblem::NotOnCurve { crv: String::from(crv) }))?
        }
        "OKP" => {
            let crv = member_str(obj, "crv", F)?.ok_or_else(|| err(F, Some("crv"), MISSING))?;
            if crv != "Ed25519" {
                let crv = Some(String::from(crv));
                return Err(err(F, Some("crv"), KeyProblem::UnsupportedCurve { kty: "OKP", crv }));
            }
            let x = member_b64(obj, "x", F)?;
            let bytes: [u8; 32] = x.as_slice().try_into().map_err(|_| {
                err(F, Some("x"), KeyProblem::WrongLength { expected: 32, curve: None, found: x.len() })
            })?;
            Material::Ed25519(Ed25519Key::new(
                ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                    .map_err(|_| err(F, Some("x"), KeyProblem::NotEd25519Point))?,
            ))
        }
        other => return Err(err(F, Some("kty"), KeyProblem::UnsupportedKeyType { kty: String::from(other) })),
    };
    let key_ops = match obj.get("key_ops") {
        None => None,
        Some(Json::Array(a)) => Some(a.iter().filter_map(|v| v.as_str().map(String::from)).collect()),
        Some(_) => return Err(err(F, Some("key_ops"), KeyProblem::KeyOpsNotArray)),
    };
    Ok(Key {
        material,
        kid: member_str(obj, "kid", F)?.map(String::from),
        alg: member_str(obj, "alg", F)?.map(String::from),
        use_: member_str(obj, "use", F)?.map(String::from),
        key_ops,
        format: KeyFormat::Jwk,
    })
}

// ---------------------------------------------------------------- PEM
