//! Verification keys: HMAC secrets, PEM public keys and certificates, JWKs and JWK Sets.
//!
//! Every import error says which format was tried, which member or line,
//! and what was wrong. Keys named inside a token (`jwk`, `jku`, `x5u`,
//! `x5c`) are never imported from there: a key comes only from the caller.
//!
//! # Example
//! ```
//! use jwtlens::key::{Key, KeyType, SecretEncoding};
//! let k = Key::import(r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","kid":"hmac"}"#).unwrap();
//! assert_eq!(k.keys()[0].key_type(), KeyType::Oct);
//! assert_eq!(k.keys()[0].kid.as_deref(), Some("hmac"));
//! let s = Key::secret("your-256-bit-secret", SecretEncoding::Utf8).unwrap();
//! assert_eq!(s.bits(), 19 * 8);
//! assert!(Key::import("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").is_err());
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use rsa::traits::PublicKeyParts;
use serde::Serialize;

use crate::b64;

mod detect;
pub use detect::normalise as normalise_key_text;
use detect::Found;
mod asn1;
mod der;
mod ec;
mod error;
mod input;
mod jwk;
mod material;
mod roca;

pub use crate::alg::KeyType;
pub use crate::UnknownWord;
use der::*;
pub use ec::{Curve, EcPoint};
use error::err;
pub use error::{KeyError, KeyProblem};
pub use input::{Detected, KeyInput, KeySource, SecretEncoding};
pub use jwk::Jwk;
use jwk::*;
pub use material::{Ed25519Key, HmacKey, Material, P256Key, RsaKey, MAX_RSA_BITS};
pub use roca::roca_fingerprint;

/// Where a key came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum KeyFormat {
    /// A secret typed as text or in an encoding.
    Secret,
    /// A JSON Web Key.
    Jwk,
    /// PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    PemSpki,
    /// PEM `RSA PUBLIC KEY` (PKCS#1).
    PemPkcs1,
    /// PEM `CERTIFICATE` (the key inside an X.509 certificate).
    PemCertificate,
}

/// One verification key with the JWK metadata that selects it.
#[derive(Clone)]
#[non_exhaustive]
pub struct Key {
    /// The key itself.
    pub material: Material,
    /// `kid`
    pub kid: Option<String>,
    /// `alg` the key is meant for.
    pub alg: Option<String>,
    /// `use` (`sig` or `enc`).
    pub use_: Option<String>,
    /// `key_ops`.
    pub key_ops: Option<Vec<String>>,
    /// How it was given.
    pub format: KeyFormat,
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print secret material.
        f.debug_struct("Key")
            .field("type", &self.key_type())
            .field("bits", &self.bits())
            .field("kid", &self.kid)
            .finish()
    }
}

/// One key, or a JWK Set, as imported.
#[derive(Debug, Clone)]
pub struct KeySet {
    keys: Vec<Key>,
    /// The `kid` of every entry of the set, imported or skipped.
    kids: Vec<String>,
    /// Entries of the set with a `kty` other than "oct", imported or skipped.
    public_entries: usize,
    /// Keys of a JWK Set that could not be imported, with why (they are skipped, not fatal).
    pub skipped: Vec<KeyError>,
}

impl KeySet {
    /// The imported keys.
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }
    /// A set of these keys (their `kid`s as given).
    pub fn from_keys(keys: Vec<Key>) -> KeySet {
        let public_entries = keys.iter().filter(|k| k.key_type() != KeyType::Oct).count();
        KeySet { kids: keys.iter().filter_map(|k| k.kid.clone()).collect(), keys, skipped: Vec::new(), public_entries }
    }
    /// A set of one key.
    pub fn single(key: Key) -> KeySet {
        KeySet::from_keys(alloc::vec![key])
    }
    /// Whether the set mixes shared secrets with public keys, counting entries
    /// that could not be imported: a verifier must not accept both kinds.
    pub fn mixes_secrets_and_public_keys(&self) -> bool {
        self.keys.iter().any(|k| k.key_type() == KeyType::Oct) && self.public_entries > 0
    }
    /// How many entries of the set (imported or skipped) carry `kid`.
    pub fn count_kid(&self, kid: &str) -> usize {
        self.kids.iter().filter(|k| k.as_str() == kid).count()
    }
}

impl Key {
    /// The key's type.
    pub fn key_type(&self) -> KeyType {
        match &self.material {
            Material::Hmac(_) => KeyType::Oct,
            Material::Rsa(_) => KeyType::Rsa,
            Material::P256(_) => KeyType::P256,
            Material::P384(_) => KeyType::P384,
            Material::P521(_) => KeyType::P521,
            Material::K256(_) => KeyType::Secp256k1,
            Material::Ed25519(_) => KeyType::Ed25519,
        }
    }

    /// Key size in bits (HMAC: secret length; RSA: modulus; EC: field size).
    pub fn bits(&self) -> usize {
        match &self.material {
            Material::Hmac(k) => k.len() * 8,
            Material::Rsa(k) => k.n().bits(),
            Material::P256(_) | Material::K256(_) | Material::Ed25519(_) => 256,
            Material::P384(_) => 384,
            Material::P521(_) => 521,
        }
    }

    /// A one-line description: "RSA public key, 2048 bits, kid \"k1\" (JWK)".
    pub fn describe(&self) -> String {
        let mut out = String::new();
        self.describe_into(&mut out);
        out
    }

    /// [`Key::describe`], written at the end of `out`.
    pub(crate) fn describe_into(&self, out: &mut String) {
        let from = match self.format {
            KeyFormat::Secret => "secret",
            KeyFormat::Jwk => "JWK",
            KeyFormat::PemSpki => "PEM public key",
            KeyFormat::PemPkcs1 => "PEM PKCS#1",
            KeyFormat::PemCertificate => "X.509 certificate",
        };
        // Built by hand rather than with format!: it runs for every verification.
        let label = self.key_type().label();
        let kid = self.kid.as_deref();
        out.reserve(label.len() + from.len() + kid.map_or(0, str::len) + 24);
        out.push_str(label);
        out.push_str(", ");
        crate::text::push_decimal(out, self.bits() as u64, 0);
        out.push_str(" bits");
        if let Some(k) = kid {
            out.push_str(", kid \"");
            out.push_str(k);
            out.push('"');
        }
        out.push_str(" (");
        out.push_str(from);
        out.push(')');
    }

    /// The key as a JWK with only its required members, in lexicographic
    /// order (RFC 7638 §3.2), so the text is also the thumbprint input.
    /// For an HMAC key this includes the secret.
    pub fn to_jwk(&self) -> String {
        serde_json::to_string(&self.jwk()).unwrap_or_default()
    }

    /// The key's required JWK members as a value to serialize (see [`Key::to_jwk`]).
    ///
    /// ```
    /// let k = jwtlens::key::Key::import(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"a"}"#).unwrap();
    /// let jwk = k.keys()[0].jwk();
    /// assert_eq!((jwk.kty, jwk.crv), ("OKP", Some("Ed25519")));
    /// assert_eq!(serde_json::to_string(&jwk).unwrap(), r#"{"crv":"Ed25519","kty":"OKP","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#);
    /// ```
    pub fn jwk(&self) -> Jwk {
        let e = |b: &[u8]| Some(b64::encode(b));
        let ec = |crv: &'static str, point: &[u8]| {
            let coords = point.get(1..).unwrap_or_default();
            let (x, y) = coords.split_at(coords.len() / 2);
            Jwk { crv: Some(crv), x: e(x), y: e(y), ..Jwk::new("EC") }
        };
        match &self.material {
            Material::Hmac(k) => Jwk { k: e(k), ..Jwk::new("oct") },
            Material::Rsa(k) => Jwk { e: e(&k.e().to_bytes_be()), n: e(&k.n().to_bytes_be()), ..Jwk::new("RSA") },
            Material::P256(k) => ec("P-256", k.to_encoded_point(false).as_bytes()),
            Material::P384(k) => ec("P-384", k.sec1()),
            Material::P521(k) => ec("P-521", k.sec1()),
            Material::K256(k) => ec("secp256k1", k.sec1()),
            Material::Ed25519(k) => Jwk { crv: Some("Ed25519"), x: e(k.as_bytes()), ..Jwk::new("OKP") },
        }
    }

    /// The RFC 7638 JWK thumbprint: base64url(SHA-256(required members, sorted, no whitespace)).
    ///
    /// ```
    /// // RFC 7638 §3.1
    /// let k = jwtlens::key::Key::import(r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#).unwrap();
    /// assert_eq!(k.keys()[0].thumbprint(), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    /// ```
    pub fn thumbprint(&self) -> String {
        use sha2::Digest;
        b64::encode(&sha2::Sha256::digest(self.to_jwk().as_bytes()))
    }

    fn plain(material: Material, format: KeyFormat) -> Key {
        Key { material, kid: None, alg: None, use_: None, key_ops: None, format }
    }

    /// An HMAC secret written in `encoding`.
    pub fn secret(text: &str, encoding: SecretEncoding) -> Result<Key, KeyError> {
        let bytes = match encoding {
            SecretEncoding::Utf8 => text.as_bytes().to_vec(),
            SecretEncoding::Base64 | SecretEncoding::Base64Url => {
                let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                let url: String = t
                    .chars()
                    .map(|c| {
                        if c == '+' {
                            '-'
                        } else if c == '/' {
                            '_'
                        } else {
                            c
                        }
                    })
                    .collect();
                b64::decode(&url).map(|d| d.bytes).map_err(|e| {
                    err(
                        KeySource::Base64Secret,
                        Some(&format!("character {}", e.offset)),
                        KeyProblem::BadEncoding { expected: String::from(e.expected), found: e.found },
                    )
                })?
            }
            SecretEncoding::Hex => hex_decode(text)
                .map_err(|(at, problem)| err(KeySource::HexSecret, Some(&format!("character {at}")), problem))?,
        };
        if bytes.is_empty() {
            return Err(err(KeySource::Secret, None, KeyProblem::EmptySecret));
        }
        let mut key = HmacKey::new(bytes);
        if key.public_key.is_none() && encoding != SecretEncoding::Utf8 {
            // The text as given may carry the key where its decoding does not (hex of a PEM read as base64).
            key.public_key = detect::key_material(text.as_bytes());
        }
        Ok(Key::plain(Material::Hmac(key), KeyFormat::Secret))
    }

    /// Import a public key, certificate, JWK or JWK Set from text, detecting
    /// the format (see [`KeyInput::Key`]). Never an HMAC secret: use
    /// [`Key::secret`] for that, so a mistyped PEM never silently becomes one.
    pub fn import(text: &str) -> Result<KeySet, KeyError> {
        import_key(text, KeyInput::Key).map(|(set, _)| set)
    }
}

/// Import `text` as `input` says.
///
/// For [`KeyInput::Auto`] and [`KeyInput::Key`], what people paste is
/// normalised first ([`normalise_key_text`]: a byte-order mark, CRLF,
/// surrounding quotes, JSON string escapes, `\n` escapes) and then read as
/// the first of: a PEM block anywhere in the text (an `openssl` preamble before
/// it is skipped), a JWK or JWK Set (also after a word, as in `JWKS={...}`), the
/// bare base64 or hex body of a DER SubjectPublicKeyInfo, PKCS#1 key or
/// certificate. Text that looks like any of these but cannot be imported is an
/// error that says why — never a secret. [`KeyInput::Auto`] takes the text as
/// an HMAC secret only when it has no sign of key material at all (no PEM
/// armour, no `"kty"`, no OpenSSH key, no DER in base64 or hex, none of the
/// words "PUBLIC KEY", "PRIVATE KEY", "CERTIFICATE").
///
/// ```
/// use jwtlens::key::{import_key, KeyInput, Detected};
/// let (set, found) = import_key("my-secret", KeyInput::Auto).unwrap();
/// assert_eq!(found, Detected::Secret);
/// assert_eq!(set.keys()[0].bits(), 72);
/// // The body of a PEM public key, pasted without its armour, is that key, not a secret.
/// let body = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";
/// assert_eq!(import_key(body, KeyInput::Auto).unwrap().1, Detected::Der);
/// // Damaged key text is an error, never a secret.
/// assert!(import_key("\u{feff}-----BEGIN PUBLIC KEY-----\nAAAA\n", KeyInput::Auto).is_err());
/// ```
pub fn import_key(text: &str, input: KeyInput) -> Result<(KeySet, Detected), KeyError> {
    match input {
        KeyInput::Secret(enc) => Key::secret(text, enc).map(|k| (KeySet::single(k), Detected::Secret)),
        KeyInput::Jwk => jwk_or_set(&normalise_key_text(text)).map(|k| (k, Detected::Jwk)),
        KeyInput::Pem => match detect::classify(&normalise_key_text(text)) {
            Found::Pem(block) => pem(block).map(|k| (KeySet::single(k), Detected::Pem)),
            _ => Err(err(KeySource::Pem, None, KeyProblem::NotPem { detail: None })),
        },
        KeyInput::Auto | KeyInput::Key => {
            let t = normalise_key_text(text);
            match detect::classify(&t) {
                Found::Pem(block) => pem(block).map(|k| (KeySet::single(k), Detected::Pem)),
                Found::Json(json) => jwk_or_set(&json).map(|k| (k, Detected::Jwk)),
                Found::Der(der) => der_key(&der).map(|k| (KeySet::single(k), Detected::Der)),
                Found::OpenSsh => Err(err(KeySource::OpenSsh, None, KeyProblem::OpenSsh)),
                Found::Suspect(what) => Err(err(KeySource::Key, None, KeyProblem::UnreadableKeyText { what })),
                Found::Plain if input == KeyInput::Auto => {
                    let key = Key::secret(text, SecretEncoding::Utf8)?;
                    // The secret's own bytes, as given (not normalised), are judged once more:
                    // auto-detection never returns a secret verification would refuse.
                    if let Material::Hmac(h) = &key.material {
                        if let Some(what) = h.public_key() {
                            let what = String::from(what);
                            return Err(err(KeySource::Key, None, KeyProblem::KeyMaterialAsSecret { what }));
                        }
                    }
                    Ok((KeySet::single(key), Detected::Secret))
                }
                Found::Plain => Err(err(KeySource::Key, None, KeyProblem::NotKeyText)),
            }
        }
    }
}

/// The public key that `bytes` are or contain, described; see [`HmacKey::public_key`].
fn public_key_within(bytes: &[u8]) -> Option<String> {
    let found = detect::key_material(bytes)?;
    // When the text is a key jwtlens reads, say which one.
    let described = core::str::from_utf8(bytes)
        .ok()
        .and_then(|text| import_key(text, KeyInput::Key).ok())
        .and_then(|(set, _)| set.keys().iter().find(|k| k.key_type() != KeyType::Oct).map(Key::describe));
    Some(described.unwrap_or(found))
}

/// Hex digits, as openssl and people write them: surrounding white space, a
/// `0x` prefix, and white space or colons between bytes. An error's position
/// counts characters of `text`.
fn hex_decode(text: &str) -> Result<Vec<u8>, (usize, KeyProblem)> {
    let lead = text.chars().take_while(|c| c.is_whitespace()).count();
    let body = text.trim();
    let (base, s) = match body.strip_prefix("0x") {
        Some(rest) => (lead + 2, rest),
        None => (lead, body),
    };
    let mut nibbles = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate().filter(|(_, c)| !c.is_whitespace() && *c != ':') {
        // ASCII hex digits only: `to_digit` never reads a letter beyond ASCII as one.
        let digit = c.to_digit(16).ok_or_else(|| {
            let found = crate::text::quoted(c.encode_utf8(&mut [0; 4]));
            (base + i, KeyProblem::BadEncoding { expected: String::from("a hex digit"), found })
        })?;
        nibbles.push(digit as u8);
    }
    if nibbles.len() % 2 == 1 {
        let odd = KeyProblem::BadEncoding {
            expected: String::from("an even number of hex digits"),
            found: String::from("an odd number"),
        };
        return Err((base + s.chars().count(), odd));
    }
    Ok(nibbles.chunks_exact(2).map(|pair| pair.iter().fold(0, |byte, n| byte << 4 | n)).collect())
}

// ---------------------------------------------------------------- JWK

#[cfg(test)]
mod tests;
