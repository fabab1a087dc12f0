//! Parsing the compact serialization, as far as the input allows.
//!
//! RFC 7519 §7.2 (Validating a JWT), steps 1–6, the decoding half:
//! "1. Verify that the JWT contains at least one period ('.') character.
//! 2. Let the Encoded JOSE Header be the portion of the JWT before the first
//! period ('.') character. 3. Base64url decode the Encoded JOSE Header
//! following the restriction that no line breaks, whitespace, or other
//! additional characters have been used. 4. Verify that the resulting
//! octet sequence is a UTF-8-encoded representation of a completely valid
//! JSON object conforming to RFC 7159 [...] 6. Determine whether the JWT is
//! a JWS or a JWE using any of the methods described in Section 9 of
//! RFC 7516."
//!
//! RFC 7516 §9: "JWSs have three segments separated by two period ('.')
//! characters. JWEs have five segments separated by four period ('.')
//! characters."
//!
//! [`Token::parse`] never fails: it records each problem as a located
//! [`Diagnostic`] and goes on decoding what it can, so a token with a broken
//! signature still shows its header and claims. Nothing here verifies a
//! signature: a parsed token is untrusted.
//!
//! # Example
//! ```
//! use jwtlens::token::{Token, Kind};
//! let t = Token::parse("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln");
//! assert_eq!(t.kind(), Kind::Jws);
//! assert!(t.errors().is_empty());
//! assert_eq!(t.notices()[0].message, "A \"Bearer \" prefix was removed.");
//! assert_eq!(t.header().unwrap().alg.as_deref(), Some("HS256"));
//! assert_eq!(t.claims().unwrap().sub.as_deref(), Some("1"));
//! assert_eq!(t.signature(), Some(&b"sig"[..]));
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use serde::Serialize;

use crate::b64::{self, Leniency};
use crate::claims::{Claims, Header, TypeProblem};
use crate::diagnostic::{Code, Diagnostic, Part};
use crate::json::{self, Json, Object};
use crate::registry;

/// How much input [`Token::parse_with`] reads. Parsing is linear in the
/// input, so these bound the work done before any signature is checked; each
/// excess is a located error ([`Code::TooLarge`], [`Code::TooComplex`]).
/// Raise them for unusual tokens:
///
/// ```
/// use jwtlens::{token::{Limits, Token}, Code};
/// let big = format!("eyJhbGciOiJIUzI1NiJ9.{}.c2ln", "A".repeat(300_000));
/// let t = Token::parse(&big);
/// assert_eq!(t.errors()[0].code, Code::TooLarge);
/// assert_eq!(t.errors()[0].offset, Limits::default().max_bytes);
/// let roomy = Limits { max_bytes: 1 << 20, ..Limits::default() };
/// assert_ne!(Token::parse_with(&big, &roomy).errors()[0].code, Code::TooLarge);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The longest input read, in bytes (256 KiB by default; real tokens are
    /// a few KB, certificate chains in `x5c` tens of KB).
    pub max_bytes: usize,
    /// Deepest nesting of JSON arrays and objects in the header or payload
    /// ([`json::MAX_DEPTH`] by default).
    pub max_depth: usize,
    /// Most JSON values (members and elements at any depth) in the header or
    /// in the payload ([`json::MAX_VALUES`] by default).
    pub max_values: usize,
}

/// The default [`Limits::max_bytes`].
pub const MAX_BYTES: usize = 256 * 1024;

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: MAX_BYTES, max_depth: json::MAX_DEPTH, max_values: json::MAX_VALUES }
    }
}

/// What kind of token the input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Kind {
    /// A JWS in compact form: header.payload.signature.
    Jws,
    /// A JWE in compact form (five segments): encrypted, not readable without a key.
    Jwe,
    /// Neither: a wrong number of segments, or nothing at all.
    Unknown,
}

impl Kind {
    /// What the input is, in words every face shows.
    ///
    /// ```
    /// use jwtlens::token::{Kind, Token};
    /// assert_eq!(Token::parse("a.b.c.d.e").kind().title(), "Encrypted token (JWE)");
    /// assert_eq!(Kind::Jws.title(), "Signed token (JWS)");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Kind::Jws => "Signed token (JWS)",
            Kind::Jwe => "Encrypted token (JWE)",
            Kind::Unknown => "Not a well-formed token",
        }
    }
}

/// One dot-separated segment of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    /// What the segment is.
    pub part: Part,
    /// Byte offset of its first character in the input.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
}

/// How the payload decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// A JSON value (an object for a JWT).
    Json(Json),
    /// UTF-8 text that is not JSON (a JWS, not a JWT), or a nested JWT.
    Text(String),
    /// Bytes that are not UTF-8.
    Binary(Vec<u8>),
}

/// A token parsed from text: the input, where each part is, what each part
/// decodes to, and every problem found on the way. Unverified.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    input: &'a str,
    span: Range<usize>,
    kind: Kind,
    segments: Vec<Segment>,
    header_text: Option<String>,
    header_json: Option<Object>,
    header: Option<Header>,
    payload_raw: Option<Raw>,
    payload: Option<Payload>,
    claims: Option<Claims>,
    signature: Option<Vec<u8>>,
    errors: Vec<Diagnostic>,
    notices: Vec<Diagnostic>,
    limits: json::JsonLimits,
}

/// A decoded header or payload: checked for UTF-8 once, where it was decoded,
/// and kept as text when it is, so that its readers do not check it again.
#[derive(Debug, Clone)]
enum Raw {
    Text(String),
    Bytes(Vec<u8>),
}

impl Raw {
    fn new(bytes: Vec<u8>) -> Raw {
        match String::from_utf8(bytes) {
            Ok(text) => Raw::Text(text),
            Err(e) => Raw::Bytes(e.into_bytes()),
        }
    }

    /// The JSON value it holds; text is not checked for UTF-8 again.
    fn parse(&self, limits: &json::JsonLimits) -> Result<json::Json, json::JsonError> {
        match self {
            Raw::Text(t) => json::parse_text_with(t, limits),
            Raw::Bytes(b) => json::parse_with(b, limits),
        }
    }

    /// The text, with U+FFFD for what is not UTF-8.
    fn lossy(&self) -> String {
        match self {
            Raw::Text(t) => t.clone(),
            Raw::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
        }
    }

    fn into_lossy(self) -> String {
        match self {
            Raw::Text(t) => t,
            Raw::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
        }
    }
}

impl<'a> Token<'a> {
    /// Parse `input` within the default [`Limits`], decoding as much as it can.
    /// Never panics, whatever the bytes.
    pub fn parse(input: &'a str) -> Token<'a> {
        Token::parse_with(input, &Limits::default())
    }

    /// Parse `input` within `limits`.
    pub fn parse_with(input: &'a str, limits: &Limits) -> Token<'a> {
        let mut t = Token {
            input,
            span: 0..0,
            kind: Kind::Unknown,
            segments: Vec::new(),
            header_text: None,
            header_json: None,
            header: None,
            payload_raw: None,
            payload: None,
            claims: None,
            signature: None,
            errors: Vec::new(),
            notices: Vec::new(),
            limits: json::JsonLimits { max_depth: limits.max_depth, max_values: limits.max_values },
        };
        if input.len() > limits.max_bytes {
            let msg = format!(
                "The input is {} bytes; jwtlens reads at most {} (Limits::max_bytes), so it was not decoded.",
                input.len(),
                limits.max_bytes
            );
            let found = format!("{} bytes", input.len());
            let expected = format!("at most {} bytes", limits.max_bytes);
            t.span = 0..input.len();
            t.error(Code::TooLarge, Part::Input, limits.max_bytes, Some(expected), Some(found), msg);
            return t;
        }
        t.span = t.strip();
        if t.span.is_empty() {
            t.error(Code::Empty, Part::Input, t.span.start, None, None, String::from("No token: the input is empty."));
            return t;
        }
        t.sd_jwt();
        t.split();
        t.decode_parts();
        t
    }

    /// The input exactly as given.
    pub fn input(&self) -> &'a str {
        self.input
    }
    /// Byte range of the token within the input, after removing whitespace, quotes or a `Bearer` prefix.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
    /// The token text itself.
    pub fn text(&self) -> &'a str {
        self.input.get(self.span.clone()).unwrap_or("")
    }
    /// JWS, JWE or unknown.
    pub fn kind(&self) -> Kind {
        self.kind
    }
    /// The segments found, with their spans in the input.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }
    /// The decoded header text (UTF-8, lossy).
    pub fn header_text(&self) -> Option<&str> {
        self.header_text.as_deref()
    }
    /// The header as a JSON object, when it is one.
    pub fn header_json(&self) -> Option<&Object> {
        self.header_json.as_ref()
    }
    /// The registered header parameters.
    pub fn header(&self) -> Option<&Header> {
        self.header.as_ref()
    }
    /// The payload bytes as decoded from base64url (or taken as-is with `b64: false`).
    pub fn payload_bytes(&self) -> Option<&[u8]> {
        match self.payload_raw.as_ref()? {
            Raw::Text(t) => Some(t.as_bytes()),
            Raw::Bytes(b) => Some(b),
        }
    }
    /// The payload bytes as text, when they are UTF-8 (a JWT's claims set always is).
    ///
    /// ```
    /// let t = jwtlens::Token::parse("eyJhbGciOiJub25lIn0.eyJzdWIiOiLDqSJ9.");
    /// assert_eq!(t.payload_text(), Some(r#"{"sub":"é"}"#));
    /// assert_eq!(jwtlens::Token::parse("eyJhbGciOiJub25lIn0.gA.").payload_text(), None);
    /// ```
    pub fn payload_text(&self) -> Option<&str> {
        match self.payload_raw.as_ref()? {
            Raw::Text(t) => Some(t),
            Raw::Bytes(_) => None,
        }
    }
    /// The payload, as JSON, text or bytes.
    pub fn payload(&self) -> Option<&Payload> {
        self.payload.as_ref()
    }
    /// The claims set as a JSON object, when the payload is one.
    pub fn claims_json(&self) -> Option<&Object> {
        match &self.payload {
            Some(Payload::Json(Json::Object(o))) => Some(o),
            _ => None,
        }
    }
    /// The registered claims.
    pub fn claims(&self) -> Option<&Claims> {
        self.claims.as_ref()
    }
    /// The signature bytes, when the segment decoded.
    pub fn signature(&self) -> Option<&[u8]> {
        self.signature.as_deref()
    }
    /// The JWS signing input, `ASCII(BASE64URL(header) || '.' || BASE64URL(payload))` (RFC 7515 §5.1 step 7).
    pub fn signing_input(&self) -> Option<&'a str> {
        if self.kind != Kind::Jws {
            return None;
        }
        let payload = self.segments.get(1)?;
        self.input.get(self.span.start..payload.end)
    }
    /// Take the decoded header object, payload and signature out of the token.
    pub fn into_parts(self) -> (Option<Object>, Option<Payload>, Option<Vec<u8>>) {
        (self.header_json, self.payload, self.signature)
    }
    /// Problems that stop the input from being a well-formed token.
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }
    /// Things worth knowing that do not stop decoding.
    pub fn notices(&self) -> &[Diagnostic] {
        &self.notices
    }

    fn diag(
        &self,
        code: Code,
        part: Part,
        offset: usize,
        expected: Option<String>,
        found: Option<String>,
        message: String,
    ) -> Diagnostic {
        let end = if offset < self.input.len() { next_char_boundary(self.input, offset) } else { offset };
        Diagnostic { code, part, offset, end, decoded_offset: None, expected, found, message }
    }

    fn error(
        &mut self,
        code: Code,
        part: Part,
        offset: usize,
        expected: Option<String>,
        found: Option<String>,
        message: String,
    ) {
        let d = self.diag(code, part, offset, expected, found, message);
        self.errors.push(d);
    }

    /// RFC 9901 §4: `<Issuer-signed JWT>~<Disclosure 1>~…~<Disclosure N>~[<KB-JWT>]`.
    /// When the token has that shape (a compact JWS before the first `~`), the token is
    /// that JWT, and a notice says what follows it.
    fn sd_jwt(&mut self) {
        let text = self.text();
        let Some(tilde) = memchr::memchr(b'~', text.as_bytes()) else { return };
        let jwt = text.get(..tilde).unwrap_or_default();
        if jwt.bytes().filter(|b| *b == b'.').count() != 2 {
            return;
        }
        let rest = text.get(tilde + 1..).unwrap_or_default();
        let parts: Vec<&str> = rest.split('~').collect();
        let kb = parts.last().is_some_and(|p| !p.is_empty());
        let disclosures = parts.iter().take(parts.len().saturating_sub(1)).filter(|p| !p.is_empty()).count();
        let at = self.span.start + tilde;
        let (end, span_end) = (self.span.end, self.span.start + tilde);
        self.span.end = span_end;
        self.notice(
            Code::SdJwt,
            Part::Input,
            at,
            end,
            format!(
                "An SD-JWT (RFC 9901): {disclosures} disclosure{}{} follow the issuer-signed JWT, which this report describes. The SD-JWT as a whole (its disclosures and key binding) is verified with verifySdJwt or `jwtlens verify`, not as a JWT.",
                plural(disclosures),
                if kb { " and a Key Binding JWT" } else { "" }
            ),
        );
    }

    fn notice(&mut self, code: Code, part: Part, offset: usize, end: usize, message: String) {
        let mut d = self.diag(code, part, offset, None, None, message);
        d.end = end;
        self.notices.push(d);
    }
}

pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

pub(super) fn next_char_boundary(s: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < s.len() && !s.is_char_boundary(j) {
        j += 1;
    }
    j.min(s.len())
}

mod crit;
mod decode;
mod strip;

pub(crate) use crit::header_problem;
#[cfg(test)]
mod tests;
