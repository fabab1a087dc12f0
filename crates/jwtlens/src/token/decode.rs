//! Each segment base64url-decoded and its JSON read (RFC 7519 §7.2 steps
//! 3–5), every problem recorded as a located diagnostic.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use super::*;

impl<'a> Token<'a> {
    pub(super) fn segment(&self, part: Part) -> Option<Segment> {
        self.segments.iter().find(|s| s.part == part).cloned()
    }

    /// Base64url-decode one segment, recording leniencies and errors.
    pub(super) fn decode_segment(&mut self, seg: &Segment) -> Option<Vec<u8>> {
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

    pub(super) fn json_error(&mut self, code: Code, seg: &Segment, e: &json::JsonError, what: &str) {
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
    pub(super) fn encoded_span(seg: &Segment, decoded: &Range<usize>) -> Range<usize> {
        let start = seg.start + decoded.start / 3 * 4;
        let end = seg.start + decoded.end.div_ceil(3) * 4;
        start.min(seg.end)..end.min(seg.end)
    }

    pub(super) fn decode_parts(&mut self) {
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

    pub(super) fn report_duplicates(&mut self, seg: &Segment, obj: &Object) {
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

    pub(super) fn report_type_problems(&mut self, seg: &Segment, problems: Vec<TypeProblem>, code: Code) {
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
    pub(super) fn not_an_object(&mut self, code: Code, seg: &Segment, value: &Json, msg: String) {
        let found = Some(String::from(value.type_name()));
        self.error(code, seg.part, seg.start, Some(String::from("a JSON object")), found, msg);
    }

    pub(super) fn decode_header(&mut self, seg: &Segment) {
        let Some(bytes) = self.decode_segment(seg) else {
            return;
        };
        // Checked for UTF-8 once (see `Raw`): valid text (the usual case) moves
        // into the header's text without a copy.
        let raw = Raw::new(bytes);
        let parsed = raw.parse(&self.limits);
        self.header_text = Some(raw.into_lossy());
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

    pub(super) fn decode_payload(&mut self, seg: &Segment) {
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
        let raw = Raw::new(bytes);
        let nested = self.header.as_ref().is_some_and(Header::nested);
        self.payload = Some(if nested {
            self.notice(
                Code::NestedJwt,
                Part::Payload,
                seg.start,
                seg.end,
                String::from("\"cty\": \"JWT\": the payload is itself a token; paste it on its own to inspect it."),
            );
            Payload::Text(raw.lossy())
        } else {
            match raw.parse(&self.limits) {
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
                    match &raw {
                        Raw::Text(t) => Payload::Text(t.clone()),
                        Raw::Bytes(b) => Payload::Binary(b.clone()),
                    }
                }
            }
        });
        // The bytes as decoded, kept for `payload_bytes` and `payload_text` (a copy
        // is made only above, for a nested token or a payload that is not JSON).
        self.payload_raw = Some(raw);
    }

    pub(super) fn check_signature_presence(&mut self, seg: &Segment) {
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
