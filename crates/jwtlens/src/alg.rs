//! JWS algorithms (RFC 7518 §3.1, RFC 8037 §3.1, RFC 8812 §3.2).
//!
//! # Example
//! ```
//! use jwtlens::alg::{Algorithm, Family};
//! let a: Algorithm = "PS384".parse().unwrap();
//! assert_eq!(a.family(), Family::RsaPss);
//! assert_eq!(a.name(), "PS384");
//! assert!("HS999".parse::<Algorithm>().is_err());
//! ```

use core::fmt;
use core::str::FromStr;

use serde::Serialize;

/// A JWS `alg` value jwtlens can verify (and `none`, which it never accepts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[allow(missing_docs)]
#[non_exhaustive]
pub enum Algorithm {
    HS256,
    HS384,
    HS512,
    RS256,
    RS384,
    RS512,
    PS256,
    PS384,
    PS512,
    ES256,
    ES384,
    ES512,
    ES256K,
    EdDSA,
    #[serde(rename = "none")]
    None,
}

/// Which kind of key an algorithm needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Family {
    /// A shared secret (HS*).
    Hmac,
    /// RSASSA-PKCS1-v1_5 (RS*).
    RsaPkcs1,
    /// RSASSA-PSS (PS*).
    RsaPss,
    /// ECDSA on a NIST curve or secp256k1 (ES*).
    Ecdsa,
    /// Ed25519 (EdDSA).
    EdDsa,
    /// No signature.
    None,
}

/// The hash an algorithm uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Hash {
    /// SHA-256
    Sha256,
    /// SHA-384
    Sha384,
    /// SHA-512
    Sha512,
}

impl Hash {
    /// Output size in bytes.
    pub fn output_len(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }

    /// The digest of `data`.
    pub(crate) fn digest(self, data: &[u8]) -> alloc::vec::Vec<u8> {
        use sha2::Digest;
        match self {
            Hash::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(data).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(data).to_vec(),
        }
    }
}

/// The `alg` is not one jwtlens knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownAlgorithm;

impl fmt::Display for UnknownAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a JWS algorithm (HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, ES256K, EdDSA)")
    }
}

/// Every algorithm, in the order the registry lists them.
pub const ALL: [Algorithm; 15] = [
    Algorithm::HS256,
    Algorithm::HS384,
    Algorithm::HS512,
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::ES512,
    Algorithm::ES256K,
    Algorithm::EdDSA,
    Algorithm::None,
];

impl Algorithm {
    /// The algorithm a key of this type signs with when nothing else is said: the
    /// curve's own ECDSA, EdDSA for Ed25519, RS256 and HS256 (used for the KB-JWT
    /// a holder's key signs, RFC 9901 §4.3).
    ///
    /// ```
    /// use jwtlens::{alg::Algorithm, key::KeyType};
    /// assert_eq!(Algorithm::default_for(KeyType::P384), Algorithm::ES384);
    /// assert_eq!(Algorithm::default_for(KeyType::Ed25519), Algorithm::EdDSA);
    /// ```
    pub fn default_for(key: KeyType) -> Algorithm {
        use KeyType as K;
        match key {
            K::Oct => Algorithm::HS256,
            K::Rsa => Algorithm::RS256,
            K::P256 => Algorithm::ES256,
            K::P384 => Algorithm::ES384,
            K::P521 => Algorithm::ES512,
            K::Secp256k1 => Algorithm::ES256K,
            K::Ed25519 => Algorithm::EdDSA,
        }
    }

    /// Whether a key of type `key` is one this algorithm signs with (RFC 7518
    /// §3: HMAC with a secret, RS*/PS* with RSA, each ES* with its own curve,
    /// EdDSA with Ed25519). Anything else is refused before any arithmetic; an
    /// RSA or EC public key's text taken as an HMAC secret is key confusion.
    ///
    /// ```
    /// use jwtlens::{alg::Algorithm, key::KeyType};
    /// assert!(Algorithm::ES384.takes(KeyType::P384));
    /// assert!(!Algorithm::ES256.takes(KeyType::P384));
    /// assert!(!Algorithm::HS256.takes(KeyType::Rsa));
    /// ```
    pub fn takes(self, key: KeyType) -> bool {
        matches!(
            (self.family(), key),
            (Family::Hmac, KeyType::Oct)
                | (Family::RsaPkcs1 | Family::RsaPss, KeyType::Rsa)
                | (Family::EdDsa, KeyType::Ed25519)
        ) || matches!(
            (self, key),
            (Algorithm::ES256, KeyType::P256)
                | (Algorithm::ES384, KeyType::P384)
                | (Algorithm::ES512, KeyType::P521)
                | (Algorithm::ES256K, KeyType::Secp256k1)
        )
    }

    /// One line on what it is (RFC 7518 §3.1, RFC 8037 §3.1, RFC 8812 §3.2).
    ///
    /// ```
    /// use jwtlens::alg::Algorithm;
    /// assert_eq!(Algorithm::PS256.description(), "RSASSA-PSS using SHA-256 and MGF1 with SHA-256");
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            Algorithm::HS256 => "HMAC using SHA-256 (shared secret)",
            Algorithm::HS384 => "HMAC using SHA-384 (shared secret)",
            Algorithm::HS512 => "HMAC using SHA-512 (shared secret)",
            Algorithm::RS256 => "RSASSA-PKCS1-v1_5 using SHA-256",
            Algorithm::RS384 => "RSASSA-PKCS1-v1_5 using SHA-384",
            Algorithm::RS512 => "RSASSA-PKCS1-v1_5 using SHA-512",
            Algorithm::PS256 => "RSASSA-PSS using SHA-256 and MGF1 with SHA-256",
            Algorithm::PS384 => "RSASSA-PSS using SHA-384 and MGF1 with SHA-384",
            Algorithm::PS512 => "RSASSA-PSS using SHA-512 and MGF1 with SHA-512",
            Algorithm::ES256 => "ECDSA using P-256 and SHA-256",
            Algorithm::ES384 => "ECDSA using P-384 and SHA-384",
            Algorithm::ES512 => "ECDSA using P-521 and SHA-512",
            Algorithm::ES256K => "ECDSA using secp256k1 and SHA-256",
            Algorithm::EdDSA => "Edwards-curve signature (Ed25519 or Ed448)",
            Algorithm::None => "No signature at all: anyone can forge this token",
        }
    }

    /// The registered name.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::HS256 => "HS256",
            Algorithm::HS384 => "HS384",
            Algorithm::HS512 => "HS512",
            Algorithm::RS256 => "RS256",
            Algorithm::RS384 => "RS384",
            Algorithm::RS512 => "RS512",
            Algorithm::PS256 => "PS256",
            Algorithm::PS384 => "PS384",
            Algorithm::PS512 => "PS512",
            Algorithm::ES256 => "ES256",
            Algorithm::ES384 => "ES384",
            Algorithm::ES512 => "ES512",
            Algorithm::ES256K => "ES256K",
            Algorithm::EdDSA => "EdDSA",
            Algorithm::None => "none",
        }
    }

    /// The kind of key it needs.
    pub fn family(self) -> Family {
        use Algorithm::*;
        match self {
            HS256 | HS384 | HS512 => Family::Hmac,
            RS256 | RS384 | RS512 => Family::RsaPkcs1,
            PS256 | PS384 | PS512 => Family::RsaPss,
            ES256 | ES384 | ES512 | ES256K => Family::Ecdsa,
            EdDSA => Family::EdDsa,
            None => Family::None,
        }
    }

    /// The curve its key is on, as a JWK's `crv` names it (RFC 7518 §6.2.1.1,
    /// RFC 8037 §2, RFC 8812 §3.1); `None` for HMAC, RSA and `none`.
    ///
    /// ```
    /// use jwtlens::alg::Algorithm;
    /// assert_eq!(Algorithm::ES512.curve(), Some("P-521"));
    /// assert_eq!(Algorithm::EdDSA.curve(), Some("Ed25519"));
    /// assert_eq!(Algorithm::PS256.curve(), None);
    /// ```
    pub fn curve(self) -> Option<&'static str> {
        match self {
            Algorithm::ES256 => Some("P-256"),
            Algorithm::ES384 => Some("P-384"),
            Algorithm::ES512 => Some("P-521"),
            Algorithm::ES256K => Some("secp256k1"),
            Algorithm::EdDSA => Some("Ed25519"),
            _ => None,
        }
    }

    /// The hash it uses (`None` for EdDSA, which hashes internally, and for `none`).
    pub fn hash(self) -> Option<Hash> {
        use Algorithm::*;
        match self {
            HS256 | RS256 | PS256 | ES256 | ES256K => Some(Hash::Sha256),
            HS384 | RS384 | PS384 | ES384 => Some(Hash::Sha384),
            HS512 | RS512 | PS512 | ES512 => Some(Hash::Sha512),
            EdDSA | None => Option::None,
        }
    }
}

impl Algorithm {
    /// The salt of an RSASSA-PSS signature, in bytes: RFC 7518 §3.5, "The size
    /// of the salt value is the same size as the hash function output."
    /// `None` for every other family.
    ///
    /// ```
    /// use jwtlens::alg::Algorithm;
    /// assert_eq!(Algorithm::PS384.pss_salt_len(), Some(48));
    /// assert_eq!(Algorithm::RS384.pss_salt_len(), None);
    /// ```
    pub fn pss_salt_len(self) -> Option<usize> {
        (self.family() == Family::RsaPss).then(|| self.hash().map(Hash::output_len)).flatten()
    }

    /// WebCrypto's parameters for verifying with it, as JSON text: the
    /// algorithm `importKey` takes for the public key, then the one `verify`
    /// takes (W3C Web Cryptography API; Ed25519 from the Secure Curves
    /// draft). `None` where a browser has none: HMAC (the core computes it
    /// itself), ES256K and `none`. JWS's ES* signatures are R ‖ S, as
    /// WebCrypto's are; the PSS salt is [`Algorithm::pss_salt_len`].
    ///
    /// ```
    /// use jwtlens::alg::Algorithm;
    /// assert_eq!(Algorithm::PS256.webcrypto(), Some([r#"{"name":"RSA-PSS","hash":"SHA-256"}"#, r#"{"name":"RSA-PSS","saltLength":32}"#]));
    /// assert_eq!(Algorithm::ES256K.webcrypto(), None);
    /// ```
    pub fn webcrypto(self) -> Option<[&'static str; 2]> {
        use Algorithm::*;
        Some(match self {
            RS256 => [r#"{"name":"RSASSA-PKCS1-v1_5","hash":"SHA-256"}"#, r#"{"name":"RSASSA-PKCS1-v1_5"}"#],
            RS384 => [r#"{"name":"RSASSA-PKCS1-v1_5","hash":"SHA-384"}"#, r#"{"name":"RSASSA-PKCS1-v1_5"}"#],
            RS512 => [r#"{"name":"RSASSA-PKCS1-v1_5","hash":"SHA-512"}"#, r#"{"name":"RSASSA-PKCS1-v1_5"}"#],
            PS256 => [r#"{"name":"RSA-PSS","hash":"SHA-256"}"#, r#"{"name":"RSA-PSS","saltLength":32}"#],
            PS384 => [r#"{"name":"RSA-PSS","hash":"SHA-384"}"#, r#"{"name":"RSA-PSS","saltLength":48}"#],
            PS512 => [r#"{"name":"RSA-PSS","hash":"SHA-512"}"#, r#"{"name":"RSA-PSS","saltLength":64}"#],
            ES256 => [r#"{"name":"ECDSA","namedCurve":"P-256"}"#, r#"{"name":"ECDSA","hash":"SHA-256"}"#],
            ES384 => [r#"{"name":"ECDSA","namedCurve":"P-384"}"#, r#"{"name":"ECDSA","hash":"SHA-384"}"#],
            ES512 => [r#"{"name":"ECDSA","namedCurve":"P-521"}"#, r#"{"name":"ECDSA","hash":"SHA-512"}"#],
            EdDSA => [r#"{"name":"Ed25519"}"#, r#"{"name":"Ed25519"}"#],
            HS256 | HS384 | HS512 | ES256K | None => return Option::None,
        })
    }

    /// The shortest HMAC key allowed, in bytes: RFC 7518 §3.2, "A key of the
    /// same size as the hash output (for instance, 256 bits for "HS256") or
    /// larger MUST be used with this algorithm." `None` for other families.
    ///
    /// ```
    /// use jwtlens::alg::Algorithm;
    /// assert_eq!(Algorithm::HS384.min_hmac_key_len(), Some(48));
    /// assert_eq!(Algorithm::RS256.min_hmac_key_len(), None);
    /// ```
    pub fn min_hmac_key_len(self) -> Option<usize> {
        (self.family() == Family::Hmac).then(|| self.hash().map_or(32, Hash::output_len))
    }

    /// The length of each of R and S in a JWS ECDSA signature, in bytes:
    /// RFC 7518 §3.4 (32 for ES256 and ES256K, 48 for ES384, 66 for ES512).
    /// `None` for other families.
    ///
    /// ```
    /// use jwtlens::alg::Algorithm;
    /// assert_eq!(Algorithm::ES512.ecdsa_scalar_len(), Some(66));
    /// assert_eq!(Algorithm::EdDSA.ecdsa_scalar_len(), None);
    /// ```
    pub fn ecdsa_scalar_len(self) -> Option<usize> {
        match self {
            Algorithm::ES256 | Algorithm::ES256K => Some(32),
            Algorithm::ES384 => Some(48),
            Algorithm::ES512 => Some(66),
            _ => None,
        }
    }
}

impl FromStr for Algorithm {
    type Err = UnknownAlgorithm;

    /// Names are case-sensitive (RFC 7515 §4.1.1: "a case-sensitive ASCII string").
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ALL.iter().copied().find(|a| a.name() == s).ok_or(UnknownAlgorithm)
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The JWK `kty` (with the curve for EC keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum KeyType {
    /// A symmetric secret (`oct`).
    Oct,
    /// RSA.
    Rsa,
    /// EC on P-256.
    P256,
    /// EC on P-384.
    P384,
    /// EC on P-521.
    P521,
    /// EC on secp256k1.
    Secp256k1,
    /// OKP Ed25519.
    Ed25519,
}

impl KeyType {
    /// A short human name: "HMAC secret", "RSA public key", "EC P-256 public key", ...
    pub fn label(self) -> &'static str {
        match self {
            KeyType::Oct => "HMAC secret",
            KeyType::Rsa => "RSA public key",
            KeyType::P256 => "EC P-256 public key",
            KeyType::P384 => "EC P-384 public key",
            KeyType::P521 => "EC P-521 public key",
            KeyType::Secp256k1 => "EC secp256k1 public key",
            KeyType::Ed25519 => "Ed25519 public key",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    /// The WebCrypto table agrees with the other facts: its hash is the
    /// algorithm's, its curve the algorithm's, its salt the PSS salt, its name the family's.
    #[test]
    fn webcrypto_parameters_follow_the_facts() {
        for alg in ALL {
            let Some([import, verify]) = alg.webcrypto() else {
                assert!(matches!(alg.family(), Family::Hmac | Family::None) || alg == Algorithm::ES256K, "{alg:?}");
                continue;
            };
            let import: serde_json::Value = serde_json::from_str(import).unwrap();
            let verify: serde_json::Value = serde_json::from_str(verify).unwrap();
            let name = match alg.family() {
                Family::RsaPkcs1 => "RSASSA-PKCS1-v1_5",
                Family::RsaPss => "RSA-PSS",
                Family::Ecdsa => "ECDSA",
                Family::EdDsa => "Ed25519",
                Family::Hmac | Family::None => unreachable!(),
            };
            assert_eq!((import["name"].as_str(), verify["name"].as_str()), (Some(name), Some(name)), "{alg:?}");
            let hash = alg
                .hash()
                .filter(|_| alg.family() != Family::EdDsa)
                .map(|h| alloc::format!("SHA-{}", h.output_len() * 8));
            let given_hash =
                import.get("hash").or_else(|| verify.get("hash")).and_then(|h| h.as_str()).map(String::from);
            assert_eq!(given_hash, hash, "{alg:?}");
            let curve = import.get("namedCurve").and_then(|c| c.as_str());
            assert_eq!(curve, alg.curve().filter(|_| alg.family() == Family::Ecdsa), "{alg:?}");
            let salt = verify.get("saltLength").and_then(serde_json::Value::as_u64);
            assert_eq!(salt, alg.pss_salt_len().map(|n| n as u64), "{alg:?}");
        }
    }
}
