//! SD-JWT (RFC 9901): an issuer-signed JWT whose claims are partly replaced by
//! digests, the disclosures that reveal some of them, and optionally a Key
//! Binding JWT by the holder.
//!
//! RFC 9901 §4: "SD-JWT = `<Issuer-signed JWT>~<Disclosure 1>~...~<Disclosure N>~`"
//! and "SD-JWT+KB = `<SD-JWT><KB-JWT>`" (the KB-JWT follows the last `~`).
//!
//! [`SdJwt::parse`] reads either form (and the JSON serialization of §8),
//! with located errors; [`verify`] verifies the issuer's signature with the
//! caller's keys and policy, processes the disclosures as §7.1 says (each
//! digest at most once, each disclosure referenced exactly once, no `_sd` or
//! `...` names, no claim overwritten), and checks the Key Binding JWT (§7.3).
//! Only [`verify`] says `valid`.
//!
//! # Example
//! ```
//! use jwtlens::sdjwt::{SdJwt, Form};
//! // RFC 9901 §4.2.1's disclosure of "given_name": "John"... here a whole SD-JWT with none.
//! let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJfc2QiOltdfQ.c2ln";
//! let sd = SdJwt::parse(&format!("{jwt}~")).unwrap();
//! assert_eq!((sd.form, sd.disclosures.len(), sd.kb_jwt), (Form::SdJwt, 0, None));
//! assert!(SdJwt::parse(jwt).is_err(), "no '~': a plain JWT, not an SD-JWT");
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::ops::Range;

use serde::Serialize;
use serde_json::Value;

mod issue;
mod process;
mod verify;

pub use issue::{issue, present, Bind, Issue, Issued, MAX_DECOYS};
pub use process::{process, ClaimSource, Processed};
pub use verify::{verify, verify_with, KeyBinding, KeyBindingReport, SdJwtReport, SdStatus};

/// Which form the text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// `<JWT>~<D>~…~`: no Key Binding JWT.
    SdJwt,
    /// `<JWT>~<D>~…~<KB-JWT>`.
    SdJwtKb,
}

/// One disclosure (RFC 9901 §4.2): the base64url text as received, what it decodes to, and its digest.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Disclosure {
    /// Where it is in the SD-JWT text (bytes; for the JSON serialization, its position in the list).
    pub span: Range<usize>,
    /// The base64url text, exactly as received: digests are computed over it (§4.2.3).
    pub text: String,
    /// The salt.
    pub salt: String,
    /// The claim name (an object property), or `None` for an array element.
    pub name: Option<String>,
    /// The disclosed value.
    pub value: Value,
}

impl Disclosure {
    /// Decode one disclosure: "a JSON-encoded array" of salt, claim name and
    /// value (§4.2.1) or of salt and value (§4.2.2, array elements), base64url-encoded.
    ///
    /// ```
    /// use jwtlens::sdjwt::Disclosure;
    /// // RFC 9901 §4.2.1.
    /// let d = Disclosure::decode("WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0", 0).unwrap();
    /// assert_eq!((d.salt.as_str(), d.name.as_deref()), ("_26bc4LT-ac6q2KI6cBW5es", Some("family_name")));
    /// assert_eq!(d.value, "Möbius");
    /// assert_eq!(d.digest(jwtlens::sdjwt::SdAlg::Sha256), "X9yH0Ajrdm1Oij4tWso9UzzKJvPoDxwmuEcO3XAdRC0");
    /// ```
    pub fn decode(text: &str, at: usize) -> Result<Disclosure, SdJwtError> {
        let bad = |why: String| SdJwtError::Disclosure { at, why };
        if text.is_empty() {
            return Err(bad(String::from("it is empty (two '~' in a row)")));
        }
        let bytes = crate::b64::decode(text).map_err(|e| {
            bad(format!("it is not base64url: at byte {}, expected {}, found {}", at + e.offset, e.expected, e.found))
        })?;
        if !bytes.forgiven.is_empty() {
            return Err(bad(String::from("it is not strict base64url (padding or the standard alphabet)")));
        }
        let json = strict_json(&bytes.bytes).map_err(|e| bad(format!("it does not decode to JSON: {e}")))?;
        let Value::Array(items) = json else {
            return Err(bad(String::from("it is not a JSON array")));
        };
        let salt = match items.first() {
            Some(Value::String(s)) => s.clone(),
            _ => return Err(bad(String::from("its first element, the salt, is not a string"))),
        };
        let (name, value) = match items.as_slice() {
            [_, Value::String(name), value] => (Some(name.clone()), value.clone()),
            [_, _, _] => return Err(bad(String::from("its claim name is not a string"))),
            [_, value] => (None, value.clone()),
            _ => return Err(bad(format!("it has {} elements: 3 for a claim, 2 for an array element", items.len()))),
        };
        Ok(Disclosure { span: at..at + text.len(), text: String::from(text), salt, name, value })
    }

    /// The digest (§4.2.3): the hash of the ASCII disclosure text, base64url-encoded.
    pub fn digest(&self, alg: SdAlg) -> String {
        crate::b64::encode(&alg.hash().digest(self.text.as_bytes()))
    }
}

/// The hash the digests use (`_sd_alg`, §4.1.1): "sha-256" when absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum SdAlg {
    /// `sha-256`, the default.
    #[serde(rename = "sha-256")]
    Sha256,
    /// `sha-384`.
    #[serde(rename = "sha-384")]
    Sha384,
    /// `sha-512`.
    #[serde(rename = "sha-512")]
    Sha512,
}

impl SdAlg {
    /// The IANA "Named Information Hash Algorithm" name.
    pub fn name(self) -> &'static str {
        match self {
            SdAlg::Sha256 => "sha-256",
            SdAlg::Sha384 => "sha-384",
            SdAlg::Sha512 => "sha-512",
        }
    }

    /// Read `_sd_alg`'s value; `None` for a name jwtlens does not support (md5, sha-1, sha3-…).
    pub fn from_name(name: &str) -> Option<SdAlg> {
        [SdAlg::Sha256, SdAlg::Sha384, SdAlg::Sha512].into_iter().find(|a| a.name() == name)
    }

    fn hash(self) -> crate::alg::Hash {
        match self {
            SdAlg::Sha256 => crate::alg::Hash::Sha256,
            SdAlg::Sha384 => crate::alg::Hash::Sha384,
            SdAlg::Sha512 => crate::alg::Hash::Sha512,
        }
    }
}

/// An SD-JWT as received, split into its parts (nothing verified yet).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SdJwt {
    /// Which form.
    pub form: Form,
    /// The issuer-signed JWT, in compact form.
    pub jwt: String,
    /// The disclosures, in the order received.
    pub disclosures: Vec<Disclosure>,
    /// The Key Binding JWT, when present.
    pub kb_jwt: Option<String>,
    /// What `sd_hash` covers (§4.3.1): the SD-JWT up to and including the last `~`.
    pub presentation: String,
    /// Further signatures of the issuer-signed JWT (§8.3, General JSON), compact, after the first.
    pub more_signatures: Vec<String>,
}

impl SdJwt {
    /// Read an SD-JWT or SD-JWT+KB, compact (§4) or JSON (§8.2 Flattened, §8.3 General).
    pub fn parse(text: &str) -> Result<SdJwt, SdJwtError> {
        let trimmed = text.trim();
        if trimmed.len() > MAX_BYTES {
            return Err(SdJwtError::Format(format!("it is {} bytes; at most {MAX_BYTES} are read", trimmed.len())));
        }
        if trimmed.starts_with('{') {
            return parse_json(trimmed);
        }
        let Some(last_tilde) = trimmed.rfind('~') else {
            return Err(SdJwtError::Format(String::from(
                "there is no '~': this is a plain JWT, not an SD-JWT (which ends with '~', or with a KB-JWT after the last '~')",
            )));
        };
        let presentation = String::from(trimmed.get(..=last_tilde).unwrap_or_default());
        let kb = trimmed.get(last_tilde + 1..).unwrap_or_default();
        let mut parts = presentation.split('~');
        let jwt = parts.next().unwrap_or_default();
        if jwt.split('.').count() != 3 {
            return Err(SdJwtError::Format(String::from(
                "the part before the first '~' is not a compact JWS (three base64url parts separated by '.')",
            )));
        }
        let mut disclosures = Vec::new();
        let mut at = jwt.len() + 1;
        // The text ends with '~', so the last split piece is empty and is not a disclosure.
        let pieces: Vec<&str> = parts.collect();
        if pieces.len() > MAX_DISCLOSURES + 1 {
            return Err(SdJwtError::Format(format!(
                "it has {} disclosures; at most {MAX_DISCLOSURES} are read",
                pieces.len() - 1
            )));
        }
        for piece in pieces.iter().take(pieces.len().saturating_sub(1)) {
            disclosures.push(Disclosure::decode(piece, at)?);
            at += piece.len() + 1;
        }
        let kb_jwt = match kb {
            "" => None,
            kb if kb.split('.').count() == 3 => Some(String::from(kb)),
            _ => {
                return Err(SdJwtError::Format(String::from(
                    "after the last '~' there must be nothing (an SD-JWT) or a KB-JWT (an SD-JWT+KB); this is neither — an SD-JWT must end with '~'",
                )))
            }
        };
        Ok(SdJwt {
            form: if kb_jwt.is_some() { Form::SdJwtKb } else { Form::SdJwt },
            jwt: String::from(jwt),
            disclosures,
            kb_jwt,
            presentation,
            more_signatures: Vec::new(),
        })
    }
}

/// An SD-JWT read and processed **without verifying anything**: what the
/// disclosures say, for display (`jwtlens inspect`, the page before a key is given).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Unverified {
    /// Always `false`: nothing here is verified.
    pub verified: bool,
    /// The form.
    pub form: Form,
    /// The disclosures, decoded.
    pub disclosures: Vec<Disclosure>,
    /// The Key Binding JWT, unchecked.
    pub kb_jwt: Option<String>,
    /// The payload with the disclosures in place, or why they do not fit.
    pub processed: Option<Processed>,
    /// Why processing failed, when it did.
    pub error: Option<SdJwtError>,
}

/// Read `text` and process its disclosures without checking any signature.
///
/// ```
/// let text = include_str!("../../../../tests/vectors/sd-jwt/rfc9901/simple/presentation.txt");
/// let u = jwtlens::sdjwt::decode_unverified(text).unwrap();
/// assert!(!u.verified);
/// assert_eq!(u.processed.unwrap().payload["given_name"], "John");
/// ```
pub fn decode_unverified(text: &str) -> Result<Unverified, SdJwtError> {
    let sd = SdJwt::parse(text)?;
    let token = crate::token::Token::parse(&sd.jwt);
    let payload: Option<Value> = token.payload_bytes().and_then(|p| strict_json(p).ok());
    let (processed, error) = match payload.as_ref().map(|p| process(p, &sd.disclosures)) {
        Some(Ok(p)) => (Some(p), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, Some(SdJwtError::Processing(String::from("the issuer-signed payload is not JSON")))),
    };
    Ok(Unverified { verified: false, form: sd.form, disclosures: sd.disclosures, kb_jwt: sd.kb_jwt, processed, error })
}

/// §8: `{"payload", "protected", "signature", "header": {"disclosures": [...], "kb_jwt"}}`
/// (Flattened) or with `"signatures": [{"protected", "signature", "header"}, ...]` (General,
/// disclosures and KB-JWT in the first). `sd_hash` covers the compact form built from the first signature.
fn parse_json(text: &str) -> Result<SdJwt, SdJwtError> {
    let bad = |why: &str| SdJwtError::Format(format!("JSON serialization: {why}"));
    let v = strict_json(text.as_bytes()).map_err(|e| SdJwtError::Format(format!("JSON serialization: {e}")))?;
    let payload = v.get("payload").and_then(Value::as_str).ok_or_else(|| bad("no \"payload\" string"))?;
    let signatures: Vec<&Value> = match v.get("signatures") {
        Some(_) if v.get("protected").is_some() || v.get("signature").is_some() || v.get("header").is_some() => {
            return Err(bad(
                "\"signatures\" (General) together with a top-level protected, signature or header (Flattened)",
            ))
        }
        Some(Value::Array(list)) => list.iter().collect(),
        Some(_) => return Err(bad("\"signatures\" is not an array")),
        None => alloc::vec![&v],
    };
    if signatures.len() > MAX_SIGNATURES {
        return Err(bad("more than 16 signatures"));
    }
    // §8.3: the disclosures and the KB-JWT are in the first signature's header only.
    for later in signatures.iter().skip(1) {
        if later.get("header").is_some_and(|h| h.get("disclosures").is_some() || h.get("kb_jwt").is_some()) {
            return Err(bad("disclosures or kb_jwt in the header of a signature after the first"));
        }
    }
    let compact = |s: &Value| -> Result<String, SdJwtError> {
        let protected =
            s.get("protected").and_then(Value::as_str).ok_or_else(|| bad("a signature has no \"protected\""))?;
        let signature =
            s.get("signature").and_then(Value::as_str).ok_or_else(|| bad("a signature has no \"signature\""))?;
        Ok(format!("{protected}.{payload}.{signature}"))
    };
    let first = signatures.first().ok_or_else(|| bad("\"signatures\" is empty"))?;
    let jwt = compact(first)?;
    let header = first.get("header");
    let mut disclosures = Vec::new();
    if let Some(list) = header.and_then(|h| h.get("disclosures")) {
        let Value::Array(list) = list else { return Err(bad("header.disclosures is not an array")) };
        for (i, d) in list.iter().enumerate() {
            let d = d.as_str().ok_or_else(|| bad("a disclosure is not a string"))?;
            disclosures.push(Disclosure::decode(d, i)?);
        }
    }
    let kb_jwt = match header.and_then(|h| h.get("kb_jwt")) {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad("header.kb_jwt is not a string")),
    };
    let mut presentation = jwt.clone();
    presentation.push('~');
    for d in &disclosures {
        presentation.push_str(&d.text);
        presentation.push('~');
    }
    let more_signatures = signatures.iter().skip(1).map(|s| compact(s)).collect::<Result<Vec<String>, _>>()?;
    let mut all: Vec<&String> = more_signatures.iter().chain(core::iter::once(&jwt)).collect();
    crate::sort::sort(&mut all);
    if all.windows(2).any(|w| w.first() == w.get(1)) {
        return Err(bad("the same signature twice"));
    }
    Ok(SdJwt {
        form: if kb_jwt.is_some() { Form::SdJwtKb } else { Form::SdJwt },
        jwt,
        disclosures,
        kb_jwt,
        presentation,
        more_signatures,
    })
}

/// Why an SD-JWT is refused; `Display` is the sentence every face shows, and it
/// serializes as `{ code, message, at? }` (`code`: `format`, `disclosure`,
/// `sd_alg`, `issuer`, `processing` or `key_binding`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SdJwtError {
    /// Not an SD-JWT's shape.
    Format(String),
    /// A disclosure cannot be read.
    Disclosure {
        /// Where it starts (byte offset in the text; index in the JSON serialization's list).
        at: usize,
        /// What is wrong.
        why: String,
    },
    /// `_sd_alg` names a hash jwtlens does not support, or is misplaced.
    SdAlg(String),
    /// The issuer-signed JWT did not verify or its claims failed the policy.
    Issuer(String),
    /// The disclosures do not fit the payload (§7.1).
    Processing(String),
    /// The Key Binding JWT is missing, unexpected or wrong (§7.3).
    KeyBinding(String),
}

impl fmt::Display for SdJwtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdJwtError::Format(why) => write!(f, "Not an SD-JWT: {why}."),
            SdJwtError::Disclosure { at, why } => write!(f, "The disclosure at {at} cannot be read: {why}."),
            SdJwtError::SdAlg(why) => write!(f, "{why}."),
            SdJwtError::Issuer(why) => write!(f, "The issuer-signed JWT is refused: {why}"),
            SdJwtError::Processing(why) => write!(f, "The disclosures are refused: {why}."),
            SdJwtError::KeyBinding(why) => write!(f, "The key binding is refused: {why}."),
        }
    }
}

impl core::error::Error for SdJwtError {}

impl SdJwtError {
    /// The code every face reports.
    pub fn code(&self) -> &'static str {
        match self {
            SdJwtError::Format(_) => "format",
            SdJwtError::Disclosure { .. } => "disclosure",
            SdJwtError::SdAlg(_) => "sd_alg",
            SdJwtError::Issuer(_) => "issuer",
            SdJwtError::Processing(_) => "processing",
            SdJwtError::KeyBinding(_) => "key_binding",
        }
    }
}

impl Serialize for SdJwtError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let at = match self {
            SdJwtError::Disclosure { at, .. } => Some(*at),
            _ => None,
        };
        let mut s = serializer.serialize_struct("SdJwtError", 3)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.to_string())?;
        if let Some(at) = at {
            s.serialize_field("at", &at)?;
        } else {
            s.skip_field("at")?;
        }
        s.end()
    }
}

/// The most an SD-JWT may be, in bytes (four times a JWT's limit: disclosures are text too).
pub const MAX_BYTES: usize = 4 * crate::token::MAX_BYTES;
/// The most disclosures an SD-JWT may carry.
pub const MAX_DISCLOSURES: usize = 1_000;
/// The most signatures a General JSON SD-JWT may carry (§8.3).
pub const MAX_SIGNATURES: usize = 16;

/// Parse JSON as serde_json reads it, but only after the core's strict parser has
/// found no duplicate member name anywhere: two parsers must never read different values.
pub(crate) fn strict_json(bytes: &[u8]) -> Result<Value, String> {
    let strict = crate::json::parse(bytes).map_err(|e| e.to_string())?;
    if let Some(name) = strict.duplicate_anywhere() {
        return Err(format!("the member name {} occurs twice in one object", quoted(name)));
    }
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

/// `value` as compact JSON, for messages.
pub(crate) fn short_json(value: &Value) -> String {
    let s = value.to_string();
    if s.len() > 60 {
        format!("{}…", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

/// A JSON string's text, for messages.
pub(crate) fn quoted(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

#[cfg(test)]
mod tests;
