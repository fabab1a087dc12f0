//! JWE decryption (RFC 7516, with the algorithms of RFC 7518 and RFC 8037):
//! the steps shown one by one, RustCrypto for every primitive, and one opaque
//! error for any failure of the cryptography itself.
//!
//! RFC 7516 §5.2 (Message Decryption): "1. Parse the JWE representation to
//! extract the serialized values for the components of the JWE [...] 10.
//! Otherwise, determine the Content Encryption Key [...] 14. Compute the
//! Encoded Protected Header value [...] 15. Let the Additional Authenticated
//! Data encryption parameter be ASCII(Encoded Protected Header) [...] 16.
//! Decrypt the JWE Ciphertext using the CEK, the JWE Initialization Vector, the
//! Additional Authenticated Data value, and the JWE Authentication Tag [...]
//! Reject the input without emitting any decrypted output if the JWE
//! Authentication Tag is incorrect. 17. If a "zip" parameter was included,
//! uncompress the decrypted plaintext".
//!
//! ```
//! use jwtlens::jwe::{decrypt, DecryptionKey};
//! // RFC 7516 Appendix A.3: A128KW and A128CBC-HS256.
//! let jwe = "eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.\
//!            6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ.\
//!            AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.U0m_YmjN04DJvceFICbCVQ";
//! let key = DecryptionKey::from_jwk(r#"{"kty":"oct","k":"GawgguFyGrWKav7AX4VKUg"}"#).unwrap();
//! let d = decrypt(jwe, &key).unwrap();
//! assert_eq!(d.plaintext, b"Live long and prosper.");
//! assert_eq!((d.alg.as_str(), d.enc.as_str()), ("A128KW", "A128CBC-HS256"));
//! let tampered = jwe.replace(".U0m_", ".U1m_");
//! assert_eq!(decrypt(&tampered, &key).unwrap_err().to_string(), jwtlens::jwe::JweError::Decryption.to_string());
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

mod content;
mod encrypt;
mod keys;

pub use encrypt::{encrypt, Encrypt, EncryptionKey};
pub use keys::DecryptionKey;

/// Every key management algorithm jwtlens encrypts and decrypts, in RFC 7518 §4.1's
/// order (X25519 for the `ECDH-ES` ones, RFC 8037 §3.2).
pub const KEY_MANAGEMENT: [&str; 17] = [
    "RSA1_5",
    "RSA-OAEP",
    "RSA-OAEP-256",
    "A128KW",
    "A192KW",
    "A256KW",
    "dir",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A192KW",
    "ECDH-ES+A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "PBES2-HS256+A128KW",
    "PBES2-HS384+A192KW",
    "PBES2-HS512+A256KW",
];

/// Every content encryption algorithm, in RFC 7518 §5.1's order.
pub const CONTENT_ENCRYPTION: [&str; 6] =
    ["A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512", "A128GCM", "A192GCM", "A256GCM"];

/// The size in bytes of the shared secret `alg` takes with `enc`: the key-wrapping
/// key of `A*KW` and `A*GCMKW`, the content key itself for `dir`; `None` for the
/// algorithms that take a public key or a password.
///
/// ```
/// assert_eq!(jwtlens::jwe::secret_len("A192GCMKW", "A128GCM"), Some(24));
/// assert_eq!(jwtlens::jwe::secret_len("dir", "A256CBC-HS512"), Some(64));
/// assert_eq!(jwtlens::jwe::secret_len("RSA-OAEP", "A128GCM"), None);
/// ```
pub fn secret_len(alg: &str, enc: &str) -> Option<usize> {
    match alg {
        "A128KW" | "A192KW" | "A256KW" => keys::kw_len(alg),
        "dir" => content::Enc::from_name(enc).map(content::Enc::key_len),
        _ => keys::gcmkw(alg).map(content::Enc::key_len),
    }
}

/// The most PBKDF2 iterations (`p2c`) jwtlens runs for one recipient, as jose's default
/// `maxPBES2Count`: the sender chooses the count, so a large one is a denial of service
/// on the recipient (a JSON JWE may name up to 16 recipients).
pub const MAX_PBES2_COUNT: u64 = 10_000;
/// The most a `zip: DEF` plaintext may inflate to.
pub const MAX_INFLATED: usize = 1 << 20;

/// What went wrong; `Display` is the sentence every face shows, and it serializes as
/// `{ code, message }` (`code`: `format`, `unsupported`, `key`, `decryption`, `decompression`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JweError {
    /// Not a JWE that can be read: which part, what was expected.
    Format(String),
    /// An algorithm or parameter jwtlens does not decrypt (or encrypt).
    Unsupported(String),
    /// The key cannot be used with this JWE's algorithm (its type or size).
    Key(String),
    /// The cryptography failed: wrong key, or the JWE was modified. One error for every cause —
    /// unwrap, padding, tag — so that no answer helps an attacker (RFC 7516 §11.5).
    Decryption,
    /// The decrypted plaintext would inflate past [`MAX_INFLATED`], or is not DEFLATE.
    Decompression(String),
}

impl fmt::Display for JweError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JweError::Format(why) => write!(f, "Not a readable JWE: {why}."),
            JweError::Unsupported(why) => write!(f, "Not supported: {why}."),
            JweError::Key(why) => write!(f, "The key does not fit: {why}."),
            JweError::Decryption => f.write_str(
                "The JWE does not decrypt with this key: the key is wrong, or the JWE was modified (the reason is not told apart, on purpose).",
            ),
            JweError::Decompression(why) => write!(f, "The plaintext does not inflate: {why}."),
        }
    }
}

impl core::error::Error for JweError {}

impl JweError {
    /// The code every face reports.
    pub fn code(&self) -> &'static str {
        match self {
            JweError::Format(_) => "format",
            JweError::Unsupported(_) => "unsupported",
            JweError::Key(_) => "key",
            JweError::Decryption => "decryption",
            JweError::Decompression(_) => "decompression",
        }
    }
}

impl Serialize for JweError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("JweError", 2)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

/// A decrypted JWE and the steps that decrypted it.
///
/// Serialized, as every face reports it: `header`, `alg`, `enc`, `steps`,
/// `findings`, `nested`, the plaintext as text (`plaintext`, `null` when it
/// is not UTF-8) and as base64url (`plaintextBase64url`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decrypted {
    /// The JOSE header (protected, shared unprotected and recipient members together).
    pub header: Map<String, Value>,
    /// Key management algorithm.
    pub alg: String,
    /// Content encryption algorithm.
    pub enc: String,
    /// Each step, in words.
    pub steps: Vec<String>,
    /// The plaintext.
    pub plaintext: Vec<u8>,
    /// `cty` says JWT, or the plaintext is a compact JWS: the inner token to inspect and verify.
    pub nested: bool,
    /// Advice that does not change the result (RSA1_5, a low PBES2 count, ...).
    pub findings: Vec<String>,
}

impl Serialize for Decrypted {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Decrypted", 8)?;
        s.serialize_field("header", &self.header)?;
        s.serialize_field("alg", &self.alg)?;
        s.serialize_field("enc", &self.enc)?;
        s.serialize_field("steps", &self.steps)?;
        s.serialize_field("findings", &self.findings)?;
        s.serialize_field("nested", &self.nested)?;
        s.serialize_field("plaintext", &core::str::from_utf8(&self.plaintext).ok())?;
        s.serialize_field("plaintextBase64url", &crate::b64::encode(&self.plaintext))?;
        s.end()
    }
}

impl Decrypted {
    /// The nested JWT (RFC 7519 §5.2: `cty` "JWT"; or a plaintext that is a compact JWS),
    /// to inspect and verify as every token — decryption says nothing about its signature.
    ///
    /// ```
    /// # use jwtlens::jwe::{decrypt, encrypt, DecryptionKey, Encrypt, EncryptionKey};
    /// # struct Counter(u8);
    /// # impl rand_core::RngCore for Counter {
    /// #     fn next_u32(&mut self) -> u32 { self.0 = self.0.wrapping_add(1); self.0.into() }
    /// #     fn next_u64(&mut self) -> u64 { self.next_u32().into() }
    /// #     fn fill_bytes(&mut self, d: &mut [u8]) { for b in d { *b = self.next_u32() as u8 } }
    /// #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core::Error> { self.fill_bytes(d); Ok(()) }
    /// # }
    /// # impl rand_core::CryptoRng for Counter {}
    /// let jwk = r#"{"kty":"oct","k":"GawgguFyGrWKav7AX4VKUg"}"#;
    /// let mut options = Encrypt::new("A128KW", "A128GCM");
    /// options.cty = Some("JWT".into());
    /// let jws = jwtlens::examples::EXAMPLE_TOKEN;
    /// let jwe = encrypt(jws.as_bytes(), &options, &EncryptionKey::from_jwk(jwk).unwrap(), &mut Counter(0)).unwrap();
    /// let d = decrypt(&jwe, &DecryptionKey::from_jwk(jwk).unwrap()).unwrap();
    /// assert_eq!(d.inner(), Some(jws));
    /// ```
    pub fn inner(&self) -> Option<&str> {
        if !self.nested {
            return None;
        }
        core::str::from_utf8(&self.plaintext).ok().map(str::trim)
    }
}

/// The parts every serialization gives.
struct Parts {
    /// The protected header as received (its ASCII is part of the AAD).
    protected_b64: String,
    /// The protected header's members alone (integrity-protected).
    protected: Map<String, Value>,
    header: Map<String, Value>,
    encrypted_key: Vec<u8>,
    iv: Vec<u8>,
    ciphertext: Vec<u8>,
    tag: Vec<u8>,
    /// `ASCII(BASE64URL(protected))`, with `'.' || BASE64URL(aad)` when the JSON serialization has `aad`.
    aad: Vec<u8>,
}

fn b64(part: &str, what: &str) -> Result<Vec<u8>, JweError> {
    let d = crate::b64::decode(part)
        .map_err(|e| JweError::Format(format!("the {what} is not base64url ({})", e.expected)))?;
    if !d.forgiven.is_empty() {
        return Err(JweError::Format(format!("the {what} is not strict base64url")));
    }
    Ok(d.bytes)
}

fn object(bytes: &[u8], what: &str) -> Result<Map<String, Value>, JweError> {
    match crate::sdjwt::strict_json(bytes) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(_) => Err(JweError::Format(format!("the {what} is not a JSON object"))),
        Err(e) => Err(JweError::Format(format!("the {what} is not JSON: {e}"))),
    }
}

/// Add `more` to `header`; RFC 7516 §7.2.1: "The Header Parameter names in the three
/// locations MUST be disjoint".
fn merge(header: &mut Map<String, Value>, more: Option<&Value>, what: &str) -> Result<(), JweError> {
    let Some(more) = more else { return Ok(()) };
    let Value::Object(more) = more else { return Err(JweError::Format(format!("the {what} is not an object"))) };
    for (k, v) in more {
        if header.insert(k.clone(), v.clone()).is_some() {
            return Err(JweError::Format(format!("the header parameter \"{k}\" is given twice ({what})")));
        }
    }
    Ok(())
}

fn compact(text: &str) -> Result<Parts, JweError> {
    let p: Vec<&str> = text.split('.').collect();
    let [protected, key, iv, ciphertext, tag] = p.as_slice() else {
        return Err(JweError::Format(format!("a compact JWE has 5 parts separated by '.', this has {}", p.len())));
    };
    let header = object(&b64(protected, "protected header")?, "protected header")?;
    Ok(Parts {
        protected_b64: (*protected).to_string(),
        protected: header.clone(),
        header,
        encrypted_key: b64(key, "encrypted key")?,
        iv: b64(iv, "initialization vector")?,
        ciphertext: b64(ciphertext, "ciphertext")?,
        tag: b64(tag, "authentication tag")?,
        aad: protected.as_bytes().to_vec(),
    })
}

/// RFC 7516 §7.2: the General (`recipients`) and Flattened JSON serializations; one `Parts` per recipient.
fn json(text: &str) -> Result<Vec<Parts>, JweError> {
    let v = object(text.as_bytes(), "JSON serialization")?;
    let s = |name: &str| v.get(name).and_then(Value::as_str);
    let protected_b64 = s("protected").unwrap_or_default().to_string();
    let protected = if protected_b64.is_empty() {
        Map::new()
    } else {
        object(&b64(&protected_b64, "protected header")?, "protected header")?
    };
    let mut shared = protected.clone();
    merge(&mut shared, v.get("unprotected"), "shared unprotected header")?;
    let mut aad = protected_b64.as_bytes().to_vec();
    if let Some(extra) = s("aad") {
        aad.push(b'.');
        aad.extend_from_slice(extra.as_bytes());
    }
    let need =
        |name: &str| s(name).ok_or_else(|| JweError::Format(format!("the JSON serialization has no \"{name}\"")));
    let (iv, ciphertext, tag) =
        (b64(need("iv")?, "iv")?, b64(need("ciphertext")?, "ciphertext")?, b64(need("tag")?, "tag")?);
    let recipients: Vec<Value> = match v.get("recipients") {
        Some(Value::Array(r)) => r.clone(),
        Some(_) => return Err(JweError::Format(String::from("\"recipients\" is not an array"))),
        None => alloc::vec![
            serde_json::json!({ "header": v.get("header").cloned(), "encrypted_key": v.get("encrypted_key").cloned() })
        ],
    };
    if recipients.len() > 16 {
        return Err(JweError::Format(String::from("more than 16 recipients")));
    }
    let mut out = Vec::new();
    for r in &recipients {
        let mut header = shared.clone();
        merge(&mut header, r.get("header").filter(|h| !h.is_null()), "recipient header")?;
        let encrypted_key = match r.get("encrypted_key").and_then(Value::as_str) {
            Some(k) => b64(k, "encrypted key")?,
            None => Vec::new(),
        };
        let parts = Parts {
            protected_b64: protected_b64.clone(),
            protected: protected.clone(),
            header,
            encrypted_key,
            iv: iv.clone(),
            ciphertext: ciphertext.clone(),
            tag: tag.clone(),
            aad: aad.clone(),
        };
        out.push(parts);
    }
    Ok(out)
}

/// Decrypt a JWE (compact, or JSON General/Flattened: the first recipient `key` opens) with `key`.
pub fn decrypt(text: &str, key: &DecryptionKey) -> Result<Decrypted, JweError> {
    let text = text.trim();
    if text.len() > 4 * crate::token::MAX_BYTES {
        return Err(JweError::Format(String::from("it is larger than 1 MB")));
    }
    let candidates = if text.starts_with('{') { json(text)? } else { alloc::vec![compact(text)?] };
    let mut last = JweError::Decryption;
    for parts in candidates {
        match decrypt_parts(parts, key) {
            Ok(d) => return Ok(d),
            // Another recipient may be this key's; a format or support problem is reported as is.
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn decrypt_parts(p: Parts, key: &DecryptionKey) -> Result<Decrypted, JweError> {
    let name = |n: &str| p.header.get(n).and_then(Value::as_str).map(String::from);
    let alg = name("alg").ok_or_else(|| JweError::Format(String::from("the header has no \"alg\"")))?;
    let enc = name("enc").ok_or_else(|| JweError::Format(String::from("the header has no \"enc\"")))?;
    if let Some(crit) = p.header.get("crit") {
        return Err(JweError::Unsupported(format!(
            "the header makes {crit} critical, which jwtlens does not understand"
        )));
    }
    let content = content::Enc::from_name(&enc)
        .ok_or_else(|| JweError::Unsupported(format!("the content encryption \"{enc}\" is not one jwtlens knows")))?;
    let mut steps = alloc::vec![format!(
        "Protected header: {} bytes; alg {alg}, enc {enc}{}.",
        p.protected_b64.len(),
        name("kid").map(|k| format!(", kid \"{k}\"")).unwrap_or_default()
    )];
    let mut findings = Vec::new();
    let cek = keys::content_key(&alg, content, &p.header, &p.encrypted_key, key, &mut steps, &mut findings)?;
    let plaintext = content.decrypt(&cek, &p.iv, &p.ciphertext, &p.aad, &p.tag)?;
    steps.push(format!(
        "{enc}: the {}-byte authentication tag verified; {} bytes of plaintext.",
        p.tag.len(),
        plaintext.len()
    ));
    // RFC 7516 §4.1.3: "This Header Parameter MUST be integrity protected".
    if p.header.contains_key("zip") && !p.protected.contains_key("zip") {
        return Err(JweError::Format(String::from(
            "\"zip\" is in an unprotected header; RFC 7516 §4.1.3 requires it protected",
        )));
    }
    let plaintext = match name("zip").as_deref() {
        None => plaintext,
        Some("DEF") => {
            let out = miniz_oxide::inflate::decompress_to_vec_with_limit(&plaintext, MAX_INFLATED)
                .map_err(|e| JweError::Decompression(format!("{:?}", e.status)))?;
            steps.push(format!("zip DEF: inflated to {} bytes (at most {MAX_INFLATED}).", out.len()));
            out
        }
        Some(other) => return Err(JweError::Unsupported(format!("zip \"{other}\" (only DEF is defined)"))),
    };
    // The nesting hint only from the protected header (an unprotected one can be changed by anyone).
    let cty_jwt = p.protected.get("cty").and_then(Value::as_str).is_some_and(|c| c.eq_ignore_ascii_case("JWT"));
    let looks_jws = core::str::from_utf8(&plaintext).is_ok_and(|t| t.split('.').count() == 3 && t.starts_with("eyJ"));
    Ok(Decrypted { header: p.header, alg, enc, steps, plaintext, nested: cty_jwt || looks_jws, findings })
}

#[cfg(test)]
mod tests;
