//! The simple case: header, payload and signature, or the first error.

use alloc::string::String;
use alloc::vec::Vec;

use crate::diagnostic::{Code, Diagnostic, Part};
use crate::json::{Json, Object};
use crate::token::{Kind, Payload, Token};

/// A decoded (not verified) JWS.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The JOSE header.
    pub header: Object,
    /// The claims set (a JSON object for a JWT).
    pub payload: Json,
    /// The signature bytes.
    pub signature: Vec<u8>,
}

/// Decode a compact JWS **without verifying it**, or return its first error.
/// The name says so: `jsonwebtoken::decode` verifies, this never does. For a
/// verdict, use [`crate::Verifier`] (or [`crate::inspect`] with a key).
///
/// Leniencies (padding, `Bearer `) are accepted as [`Token::parse`] accepts
/// them; an encrypted token (JWE) is an error, since its claims cannot be
/// read without a key.
///
/// ```
/// let d = jwtlens::decode_unverified("eyJhbGciOiJub25lIn0.eyJhIjoxfQ.").unwrap();
/// assert_eq!(d.header.get("alg").and_then(|v| v.as_str()), Some("none"));
/// let e = jwtlens::decode_unverified("eyJhbGciOiJub25lIn0.e30").unwrap_err();
/// assert_eq!(e.code, jwtlens::Code::WrongSegmentCount);
/// ```
pub fn decode_unverified(input: &str) -> Result<Decoded, Diagnostic> {
    let t = Token::parse(input);
    decodable(&t)?;
    match t.into_parts() {
        (Some(header), Some(Payload::Json(payload)), Some(signature)) => Ok(Decoded { header, payload, signature }),
        _ => Err(undecodable(input.len())),
    }
}

/// Whether [`decode_unverified`] would succeed on this parsed token, or the error it would return.
///
/// Faces that hand the decoded JSON text to a faster JSON reader of their
/// own (the npm package gives it to `JSON.parse`) use this to make exactly
/// the same decision as [`decode_unverified`].
pub fn decodable(t: &Token<'_>) -> Result<(), Diagnostic> {
    if let Some(e) = t.errors().first() {
        return Err(e.clone());
    }
    if t.kind() == Kind::Jwe {
        let span = t.span();
        return Err(Diagnostic {
            code: Code::Encrypted,
            part: Part::Input,
            offset: span.start,
            end: span.end,
            decoded_offset: None,
            expected: Some(String::from("a JWS (3 segments)")),
            found: Some(String::from("a JWE (5 segments)")),
            message: String::from(
                "This is an encrypted token (JWE): its claims cannot be read without the recipient's key.",
            ),
        });
    }
    match (t.header_json(), t.payload(), t.signature()) {
        (Some(_), Some(Payload::Json(_)), Some(_)) => Ok(()),
        _ => Err(undecodable(t.input().len())),
    }
}

fn undecodable(len: usize) -> Diagnostic {
    Diagnostic {
        code: Code::Empty,
        part: Part::Input,
        offset: 0,
        end: len,
        decoded_offset: None,
        expected: None,
        found: None,
        message: String::from("The token could not be decoded."),
    }
}
