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

use alloc::borrow::ToOwned;
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
pub enum Kind {
    /// A JWS in compact form: header.payload.signature.
    Jws,
    /// A JWE in compact form (five segments): encrypted, not readable without a key.
    Jwe,
    /// Neither: a wrong number of segments, or nothing at all.
    Unknown,
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
    payload_bytes: Option<Vec<u8>>,
    payload: Option<Payload>,
    claims: Option<Claims>,
    signature: Option<Vec<u8>>,
    errors: Vec<Diagnostic>,
    notices: Vec<Diagnostic>,
    limits: json::JsonLimits,
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
            payload_bytes: None,
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
        self.payload_bytes.as_deref()
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

    fn notice(&mut self, code: Code, part: Part, offset: usize, end: usize, message: String) {
        let mut d = self.diag(code, part, offset, None, None, message);
        d.end = end;
        self.notices.push(d);
    }

    /// Remove what people paste along with a token: surrounding whitespace,
    /// quotes, an `Authorization:` header name and a `Bearer` scheme.
    fn strip(&mut self) -> Range<usize> {
        let s = self.input;
        let trim = |r: Range<usize>| -> Range<usize> {
            let text = s.get(r.clone()).unwrap_or("");
            let start = r.start + (text.len() - text.trim_start().len());
            let end = r.end - (text.len() - text.trim_end().len());
            start..end.max(start)
        };
        let mut r = trim(0..s.len());
        if r != (0..s.len()) {
            self.notice(
                Code::WhitespaceTrimmed,
                Part::Input,
                0,
                s.len(),
                String::from("Whitespace around the token was removed."),
            );
        }
        let text = |r: &Range<usize>| s.get(r.clone()).unwrap_or("");
        for q in ['"', '\''] {
            let t = text(&r);
            if t.len() >= 2 && t.starts_with(q) && t.ends_with(q) {
                self.notice(
                    Code::QuotesStripped,
                    Part::Input,
                    r.start,
                    r.end,
                    String::from("Quotes around the token were removed."),
                );
                r = trim(r.start + 1..r.end - 1);
            }
        }
        let mut prefix_end = None;
        if starts_with_ignore_case(text(&r), "authorization:") {
            r = trim(r.start + "authorization:".len()..r.end);
            prefix_end = Some(r.start);
        }
        let t = text(&r);
        let bearer = "bearer";
        if starts_with_ignore_case(t, bearer)
            && t.get(bearer.len()..).is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            r = trim(r.start + bearer.len()..r.end);
            prefix_end = Some(r.start);
        }
        if let Some(end) = prefix_end {
            self.notice(
                Code::BearerPrefixStripped,
                Part::Input,
                0,
                end,
                String::from("A \"Bearer \" prefix was removed."),
            );
        }
        r
    }

    fn split(&mut self) {
        let start = self.span.start;
        let text = self.text();
        let mut pos = start;
        let mut spans = Vec::new();
        for piece in text.split('.') {
            spans.push(pos..pos + piece.len());
            pos += piece.len() + 1;
        }
        let n = spans.len();
        self.kind = match n {
            3 => Kind::Jws,
            5 => Kind::Jwe,
            _ => Kind::Unknown,
        };
        let parts: &[Part] = if n == 5 {
            &[Part::Header, Part::EncryptedKey, Part::Iv, Part::Ciphertext, Part::Tag]
        } else {
            &[Part::Header, Part::Payload, Part::Signature]
        };
        self.segments = spans
            .iter()
            .enumerate()
            .map(|(i, r)| Segment { part: parts.get(i).copied().unwrap_or(Part::Extra), start: r.start, end: r.end })
            .collect();
        if self.kind == Kind::Unknown {
            // Point at the first extra dot, or at the end where a dot was expected.
            let (offset, found) = match spans.get(3) {
                Some(extra) if n != 5 => (extra.start - 1, format!("{n} segments ({} dots)", n - 1)),
                _ => (self.span.end, format!("{n} segment{} ({} dot{})", plural(n), n - 1, plural(n - 1))),
            };
            let message = match n {
                1 => String::from("This is not a JWT: it has no '.' separators. A JWT looks like xxxxx.yyyyy.zzzzz."),
                2 => String::from("The token is truncated: the signature part (after a second '.') is missing."),
                _ => format!("A JWT has 3 parts (JWS) or 5 parts (JWE) separated by '.', but this input has {n}."),
            };
            self.error(
                Code::WrongSegmentCount,
                Part::Input,
                offset,
                Some(String::from("3 segments (JWS) or 5 (JWE)")),
                Some(found),
                message,
            );
        }
    }

    fn segment(&self, part: Part) -> Option<Segment> {
        self.segments.iter().find(|s| s.part == part).cloned()
    }

    /// Base64url-decode one segment, recording leniencies and errors.
    fn decode_segment(&mut self, seg: &Segment) -> Option<Vec<u8>> {
        let text = self.input.get(seg.start..seg.end).unwrap_or("");
        match b64::decode(text) {
            Ok(d) => {
                for (l, at) in d.forgiven {
                    let (code, what) = match l {
                        Leniency::Padding => (Code::Base64Padding, "has '=' padding, which JOSE base64url omits"),
                        Leniency::StandardAlphabet => {
                            (Code::Base64StandardAlphabet, "uses '+' or '/' from standard base64 instead of '-' or '_'")
                        }
                        Leniency::NonCanonical => (
                            Code::NonCanonicalBase64url,
                            "ends with a character whose unused bits are not zero, so it is not the canonical encoding",
                        ),
                    };
                    let msg = format!(
                        "The {} {what}; it was read anyway, but a strict verifier rejects it.",
                        seg.part.label()
                    );
                    self.notice(code, seg.part, seg.start + at, seg.start + at + 1, msg);
                }
                Some(d.bytes)
            }
            Err(e) => {
                let hint = if e.character.is_some_and(char::is_whitespace) {
                    " The token may have been wrapped across lines: remove the whitespace inside it."
                } else {
                    ""
                };
                let msg = format!(
                    "The {} is not base64url: {} at byte {}, expected {}.{hint}",
                    seg.part.label(),
                    e.found,
                    seg.start + e.offset,
                    e.expected
                );
                self.error(
                    Code::BadBase64url,
                    seg.part,
                    seg.start + e.offset,
                    Some(String::from(e.expected)),
                    Some(e.found),
                    msg,
                );
                None
            }
        }
    }

    fn json_error(&mut self, code: Code, seg: &Segment, e: &json::JsonError, what: &str) {
        let offset = (seg.start + e.offset / 3 * 4).min(seg.end);
        let (code, msg) = if e.limit {
            let msg = format!(
                "The {} has {} at byte {} of the decoded JSON; it was not read further (raise the limit to read it).",
                seg.part.label(),
                e.found,
                e.offset
            );
            (Code::TooComplex, msg)
        } else {
            let msg = format!(
                "The {} is not {what}: expected {} at byte {} of the decoded JSON, found {}.",
                seg.part.label(),
                e.expected,
                e.offset,
                e.found
            );
            (code, msg)
        };
        let mut d = self.diag(code, seg.part, offset, Some(String::from(e.expected)), Some(e.found.clone()), msg);
        d.end = (offset + 4).min(seg.end).max(d.end.min(seg.end));
        d.decoded_offset = Some(e.offset);
        self.errors.push(d);
    }

    /// Map a span inside decoded bytes to the base64url characters that hold it.
    fn encoded_span(seg: &Segment, decoded: &Range<usize>) -> Range<usize> {
        let start = seg.start + decoded.start / 3 * 4;
        let end = seg.start + decoded.end.div_ceil(3) * 4;
        start.min(seg.end)..end.min(seg.end)
    }

    fn decode_parts(&mut self) {
        if let Some(seg) = self.segment(Part::Header) {
            self.decode_header(&seg);
        }
        match self.kind {
            Kind::Jwe => {
                self.notice(
                    Code::Encrypted,
                    Part::Input,
                    self.span.start,
                    self.span.end,
                    String::from("This is an encrypted token (JWE): only its header is readable; the claims need the recipient's private key."),
                );
                for part in [Part::EncryptedKey, Part::Iv, Part::Ciphertext, Part::Tag] {
                    if let Some(seg) = self.segment(part) {
                        self.decode_segment(&seg);
                    }
                }
            }
            Kind::Jws | Kind::Unknown => {
                if let Some(seg) = self.segment(Part::Payload) {
                    self.decode_payload(&seg);
                }
                if let Some(seg) = self.segment(Part::Signature) {
                    self.signature = self.decode_segment(&seg);
                    self.check_signature_presence(&seg);
                }
            }
        }
    }

    fn report_duplicates(&mut self, seg: &Segment, obj: &Object) {
        /// Notices written one by one; more are summed up in one, so that a hostile
        /// token cannot make the report (and its cost) grow with thousands of them.
        const LISTED: usize = 16;
        let dups: Vec<(String, Range<usize>)> =
            obj.duplicate_members().map(|m| (m.name.as_str().to_owned(), m.span.clone())).collect();
        let more = dups.get(LISTED).map(|(_, span)| (Self::encoded_span(seg, span), dups.len() - LISTED));
        for (name, span) in dups.into_iter().take(LISTED) {
            let r = Self::encoded_span(seg, &span);
            let msg = format!(
                "The {} has the member \"{name}\" more than once; jwtlens, like JSON.parse, uses the last one, but other parsers may use the first (RFC 7515 §4 requires unique names).",
                seg.part.label()
            );
            self.notice(Code::DuplicateMember, seg.part, r.start, r.end, msg);
        }
        if let Some((r, count)) = more {
            let msg = format!(
                "The {} has {count} more member names that occur more than once (only the first {LISTED} are listed).",
                seg.part.label()
            );
            self.notice(Code::DuplicateMember, seg.part, r.start, seg.end, msg);
        }
    }

    fn report_type_problems(&mut self, seg: &Segment, problems: Vec<TypeProblem>, code: Code) {
        for p in problems {
            let r = Self::encoded_span(seg, &p.span);
            let kind = if code == Code::BadClaim { "claim" } else { "header parameter" };
            let msg = format!("The {kind} \"{}\" must be {}, but it is a JSON {}.", p.name, p.expected, p.found);
            let mut d =
                self.diag(code, seg.part, r.start, Some(String::from(p.expected)), Some(String::from(p.found)), msg);
            d.end = r.end;
            d.decoded_offset = Some(p.span.start);
            self.errors.push(d);
        }
    }

    /// A header or payload that is JSON, but not the object RFC 7515 §4 / RFC 7519 §7.2 require.
    fn not_an_object(&mut self, code: Code, seg: &Segment, value: &Json, msg: String) {
        let found = Some(String::from(value.type_name()));
        self.error(code, seg.part, seg.start, Some(String::from("a JSON object")), found, msg);
    }

    fn decode_header(&mut self, seg: &Segment) {
        let Some(bytes) = self.decode_segment(seg) else {
            return;
        };
        let parsed = json::parse_with(&bytes, &self.limits);
        // Valid UTF-8 (the usual case) moves into the String without a copy.
        self.header_text =
            Some(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()));
        let value = match parsed {
            Ok(v) => v,
            Err(e) => {
                self.json_error(Code::HeaderNotJson, seg, &e, "JSON");
                return;
            }
        };
        let Json::Object(obj) = value else {
            let msg = format!("The header must be a JSON object, but it is a JSON {}.", value.type_name());
            self.not_an_object(Code::HeaderNotObject, seg, &value, msg);
            return;
        };
        self.report_duplicates(seg, &obj);
        let (header, problems) = Header::from_object(&obj);
        self.report_type_problems(seg, problems, Code::BadHeaderParameter);
        if self.kind != Kind::Jwe {
            match header.alg.as_deref() {
                None if !obj.contains("alg") => self.error(
                    Code::MissingAlg,
                    Part::Header,
                    seg.start,
                    Some(String::from("an \"alg\" header parameter")),
                    Some(String::from("none")),
                    String::from("The header has no \"alg\"; RFC 7515 §4.1.1 says it MUST be present."),
                ),
                Some("none") => self.notice(
                    Code::Unsecured,
                    Part::Header,
                    seg.start,
                    seg.end,
                    String::from("\"alg\" is \"none\": the token is unsecured, anyone can make one, and it must never be accepted as verified."),
                ),
                Some(a) if registry::algorithm(a).is_none() => {
                    let msg = format!("\"alg\" is \"{a}\", which is not a JWS algorithm jwtlens knows.");
                    self.notice(Code::UnknownAlgorithm, Part::Header, seg.start, seg.end, msg);
                }
                _ => {}
            }
        }
        self.header = Some(header);
        self.header_json = Some(obj);
    }

    fn decode_payload(&mut self, seg: &Segment) {
        let unencoded = self.header.as_ref().is_some_and(|h| h.b64 == Some(false));
        let bytes = if unencoded {
            self.notice(
                Code::UnencodedPayload,
                Part::Payload,
                seg.start,
                seg.end,
                String::from("\"b64\": false: the payload is used as written, not base64url-decoded (RFC 7797)."),
            );
            Some(self.input.get(seg.start..seg.end).unwrap_or("").as_bytes().to_vec())
        } else {
            self.decode_segment(seg)
        };
        let Some(bytes) = bytes else { return };
        self.payload_bytes = Some(bytes.clone());
        let nested = self.header.as_ref().is_some_and(Header::nested);
        self.payload = Some(if nested {
            self.notice(
                Code::NestedJwt,
                Part::Payload,
                seg.start,
                seg.end,
                String::from("\"cty\": \"JWT\": the payload is itself a token; paste it on its own to inspect it."),
            );
            Payload::Text(String::from_utf8_lossy(&bytes).into_owned())
        } else {
            match json::parse_with(&bytes, &self.limits) {
                Ok(Json::Object(obj)) => {
                    self.report_duplicates(seg, &obj);
                    let (claims, problems) = Claims::from_object(&obj);
                    self.report_type_problems(seg, problems, Code::BadClaim);
                    self.claims = Some(claims);
                    Payload::Json(Json::Object(obj))
                }
                Ok(other) => {
                    let msg = format!(
                        "The payload is JSON but not an object (it is a JSON {}); a JWT claims set must be an object.",
                        other.type_name()
                    );
                    self.not_an_object(Code::PayloadNotObject, seg, &other, msg);
                    Payload::Json(other)
                }
                Err(e) => {
                    self.json_error(
                        Code::PayloadNotJson,
                        seg,
                        &e,
                        "a JSON claims set (it can still be a valid JWS with any content)",
                    );
                    match String::from_utf8(bytes) {
                        Ok(s) => Payload::Text(s),
                        Err(e) => Payload::Binary(e.into_bytes()),
                    }
                }
            }
        });
    }

    fn check_signature_presence(&mut self, seg: &Segment) {
        let Some(alg) = self.header.as_ref().and_then(|h| h.alg.clone()) else {
            return;
        };
        let empty = seg.start == seg.end;
        if alg == "none" && !empty {
            self.notice(
                Code::UnsecuredWithSignature,
                Part::Signature,
                seg.start,
                seg.end,
                String::from("\"alg\" is \"none\" yet a signature is present; an unsecured JWS must have an empty signature (RFC 7515 §A.5)."),
            );
        } else if alg != "none" && empty && self.kind == Kind::Jws {
            let msg = format!("The signature is empty although \"alg\" is \"{alg}\": the token was stripped of its signature or is unfinished.");
            self.notice(Code::SignatureMissing, Part::Signature, seg.start, seg.end, msg);
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

fn next_char_boundary(s: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < s.len() && !s.is_char_boundary(j) {
        j += 1;
    }
    j.min(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    #[test]
    fn decodes_the_classic_example() {
        let t = Token::parse(JWT);
        assert_eq!(t.kind(), Kind::Jws);
        assert!(t.errors().is_empty() && t.notices().is_empty());
        assert_eq!(t.claims().unwrap().iat, Some(1_516_239_022.0));
        assert_eq!(t.signature().unwrap().len(), 32);
        assert_eq!(t.segments().len(), 3);
        assert_eq!(t.segments()[1].start, 37);
        assert!(t.signing_input().unwrap().ends_with("MjM5MDIyfQ"));
    }

    #[test]
    fn strips_what_is_pasted_along() {
        let input = alloc::format!("  Authorization: Bearer {JWT}\n");
        let t = Token::parse(&input);
        assert!(t.errors().is_empty());
        let codes: Vec<_> = t.notices().iter().map(|n| n.code).collect();
        assert_eq!(codes, [Code::WhitespaceTrimmed, Code::BearerPrefixStripped]);
        assert_eq!(t.span().start, 24);
        assert_eq!(t.text(), JWT);
        let quoted = alloc::format!("\"{JWT}\"");
        assert_eq!(Token::parse(&quoted).notices()[0].code, Code::QuotesStripped);
        // "bearerish.x.y" is not a Bearer prefix
        assert!(Token::parse("bearerish.x.y").notices().is_empty());
    }

    #[test]
    fn damaged_signature_still_shows_claims() {
        let broken = alloc::format!("{}!!", JWT);
        let t = Token::parse(&broken);
        assert_eq!(t.claims().unwrap().sub.as_deref(), Some("1234567890"));
        let e = &t.errors()[0];
        assert_eq!((e.code, e.part, e.offset), (Code::BadBase64url, Part::Signature, JWT.len()));
        assert_eq!(e.found.as_deref(), Some("'!'"));
    }

    #[test]
    fn truncated_token_shows_what_is_there() {
        let cut = &JWT[..52];
        let t = Token::parse(cut);
        assert_eq!(t.header().unwrap().alg.as_deref(), Some("HS256"));
        let codes: Vec<_> = t.errors().iter().map(|e| e.code).collect();
        assert!(codes.contains(&Code::WrongSegmentCount));
        assert!(codes.contains(&Code::PayloadNotJson));
        assert_eq!(t.errors()[0].offset, 52);
    }

    #[test]
    fn empty_and_dotless() {
        assert_eq!(Token::parse("").errors()[0].code, Code::Empty);
        assert_eq!(Token::parse("  \n").errors()[0].code, Code::Empty);
        assert_eq!(Token::parse("Bearer ").errors()[0].code, Code::Empty);
        let t = Token::parse("hello");
        assert_eq!(t.errors()[0].code, Code::WrongSegmentCount);
        let t = Token::parse("a.b.c.d");
        assert_eq!((t.errors()[0].offset, t.kind()), (5, Kind::Unknown));
    }

    #[test]
    fn header_errors_are_located() {
        // {"alg":"HS256",} -> trailing comma at decoded byte 15
        let h = b64::encode(br#"{"alg":"HS256",}"#);
        let tok = alloc::format!("{h}.e30.");
        let t = Token::parse(&tok);
        let e = &t.errors()[0];
        assert_eq!((e.code, e.decoded_offset, e.offset), (Code::HeaderNotJson, Some(15), 20));
        let tok = alloc::format!("{}.e30.", b64::encode(b"[1]"));
        assert_eq!(Token::parse(&tok).errors()[0].code, Code::HeaderNotObject);
        let tok = alloc::format!("{}.e30.", b64::encode(b"{}"));
        assert_eq!(Token::parse(&tok).errors()[0].code, Code::MissingAlg);
    }

    #[test]
    fn whitespace_inside_a_segment_suggests_line_wrapping() {
        const HINT: &str = "wrapped across lines";
        for (input, hinted) in [
            ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig nature", true),
            ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\tnature", true),
            ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig*nature", false),
        ] {
            let t = Token::parse(input);
            let e = t.errors().first().unwrap_or_else(|| panic!("{input:?} has no error"));
            assert_eq!(e.message.contains(HINT), hinted, "{input:?}: {}", e.message);
        }
    }

    #[test]
    fn jwe_is_recognised() {
        let h = b64::encode(br#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#);
        let tok = alloc::format!("{h}.a2V5.aXY.Y2lwaGVy.dGFn");
        let t = Token::parse(&tok);
        assert_eq!(t.kind(), Kind::Jwe);
        assert!(t.errors().is_empty());
        assert_eq!(t.notices()[0].code, Code::Encrypted);
        assert_eq!(t.header().unwrap().enc.as_deref(), Some("A256GCM"));
        assert!(t.payload().is_none());
    }

    #[test]
    fn duplicates_and_alg_none() {
        let h = b64::encode(br#"{"alg":"none","alg":"none"}"#);
        let p = b64::encode(br#"{"sub":"a","sub":"b"}"#);
        let tok = alloc::format!("{h}.{p}.");
        let t = Token::parse(&tok);
        let codes: Vec<_> = t.notices().iter().map(|n| n.code).collect();
        assert_eq!(codes, [Code::DuplicateMember, Code::Unsecured, Code::DuplicateMember]);
        assert_eq!(t.claims().unwrap().sub.as_deref(), Some("b"));
    }

    #[test]
    fn unencoded_payload() {
        let h = b64::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
        let tok = alloc::format!("{h}.$hi.");
        let t = Token::parse(&tok);
        assert!(t.notices().iter().any(|n| n.code == Code::UnencodedPayload));
        assert_eq!(t.payload_bytes(), Some(&b"$hi"[..]));
        assert_eq!(t.payload(), Some(&Payload::Text(String::from("$hi"))));
    }
}
