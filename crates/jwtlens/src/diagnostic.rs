//! Located errors and notices: which part of the token, which byte, what
//! was expected and what was found.

use alloc::string::String;
use core::fmt;

use serde::Serialize;

/// A part of the input a diagnostic points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Part {
    /// The text as pasted, before any part was found.
    Input,
    /// The JOSE header (first segment).
    Header,
    /// The payload / claims set (second segment of a JWS).
    Payload,
    /// The signature (third segment of a JWS).
    Signature,
    /// JWE: the encrypted key (second segment).
    EncryptedKey,
    /// JWE: the initialization vector (third segment).
    Iv,
    /// JWE: the ciphertext (fourth segment).
    Ciphertext,
    /// JWE: the authentication tag (fifth segment).
    Tag,
    /// A segment beyond the ones the format has.
    Extra,
}

impl Part {
    /// The part's name as shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Part::Input => "input",
            Part::Header => "header",
            Part::Payload => "payload",
            Part::Signature => "signature",
            Part::EncryptedKey => "encrypted key",
            Part::Iv => "initialization vector",
            Part::Ciphertext => "ciphertext",
            Part::Tag => "authentication tag",
            Part::Extra => "extra segment",
        }
    }
}

/// The stable code of a diagnostic. Codes never change meaning; new ones may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Code {
    // ---- errors ----
    /// Nothing but whitespace (or a bare `Bearer`) was given.
    Empty,
    /// Not 3 (JWS) or 5 (JWE) dot-separated segments.
    WrongSegmentCount,
    /// A character outside the base64url alphabet, or an impossible length.
    BadBase64url,
    /// The header is not valid JSON text.
    HeaderNotJson,
    /// The header is JSON but not an object.
    HeaderNotObject,
    /// The payload is not JSON (for a JWT it must be a JSON object).
    PayloadNotJson,
    /// The payload is JSON but not an object.
    PayloadNotObject,
    /// The header has no `alg` (RFC 7515 §4.1.1: it MUST be present).
    MissingAlg,
    /// A registered header parameter has the wrong JSON type.
    BadHeaderParameter,
    /// A registered claim has the wrong JSON type.
    BadClaim,
    /// The input is longer than [`crate::token::Limits::max_bytes`]; nothing was decoded.
    TooLarge,
    /// The header or payload nests deeper or holds more values than
    /// [`crate::token::Limits`] allows; it was not read further.
    TooComplex,
    // ---- notices ----
    /// Whitespace around the token was removed.
    WhitespaceTrimmed,
    /// A `Bearer ` or `Authorization: Bearer ` prefix was removed.
    BearerPrefixStripped,
    /// Quotes around the token were removed.
    QuotesStripped,
    /// A segment was read with `=` padding, which JOSE base64url omits.
    Base64Padding,
    /// A segment used `+` or `/` from standard base64.
    Base64StandardAlphabet,
    /// A segment's last character has non-zero pad bits.
    NonCanonicalBase64url,
    /// A JSON member name occurs more than once.
    DuplicateMember,
    /// The token is a JWE: encrypted, not readable without the key.
    Encrypted,
    /// The payload is a nested JWT (`cty: "JWT"`).
    NestedJwt,
    /// `alg` is `none`: the token is unsecured.
    Unsecured,
    /// `alg` is `none` but a signature is present anyway.
    UnsecuredWithSignature,
    /// The signature segment is empty although `alg` names an algorithm.
    SignatureMissing,
    /// `b64: false`: the payload segment is taken as-is, not base64url-decoded.
    UnencodedPayload,
    /// `alg` is not a JWS algorithm jwtlens knows.
    UnknownAlgorithm,
    /// An SD-JWT (RFC 9901): disclosures (and maybe a Key Binding JWT) follow the
    /// issuer-signed JWT after `~`; the report describes that JWT, and the SD-JWT
    /// as a whole is judged by [`crate::sdjwt::verify`], never by this report.
    SdJwt,
}

/// Located information about the input: an error (the token cannot be read
/// as a valid JWT there) or a notice (it was read, but something is worth knowing).
///
/// `offset` and `end` are byte offsets into the input exactly as given, so a
/// face can underline the place. For a problem found inside a decoded
/// header or payload, `offset` is the start of the 4-character base64url
/// group holding the problem byte, and `decoded_offset` is the byte within
/// the decoded JSON text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable machine-readable code.
    pub code: Code,
    /// The part it points at.
    pub part: Part,
    /// Byte offset in the input.
    pub offset: usize,
    /// Exclusive end of the pointed-at range (at least `offset + 1` when the input has a byte there).
    pub end: usize,
    /// Byte offset within the decoded part, for problems inside JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decoded_offset: Option<usize>,
    /// What the format allows at that place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What was there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// One readable sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl core::error::Error for Diagnostic {}
