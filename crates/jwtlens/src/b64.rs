//! Strict base64url, and a lenient fallback that says what it forgave.
//!
//! RFC 7515 §2: "Base64url Encoding: Base64 encoding using the URL- and
//! filename-safe character set defined in Section 5 of RFC 4648, with all
//! trailing '=' characters omitted [...] and without the inclusion of any
//! line breaks, whitespace, or other additional characters."
//!
//! RFC 4648 §3.5 (canonical encoding): the pad bits of the last character
//! "MUST be set to zero by conforming encoders", and decoders MAY reject an
//! encoding where they are not.
//!
//! # Example
//! ```
//! use jwtlens::b64::{decode, Leniency};
//! assert_eq!(decode("aGk").unwrap().bytes, b"hi");
//! // padding and the standard alphabet are read, but reported
//! let d = decode("aGk=").unwrap();
//! assert_eq!(d.bytes, b"hi");
//! assert_eq!(d.forgiven[0].0, Leniency::Padding);
//! // a character outside both alphabets is an error at its offset
//! assert_eq!(decode("aG*k").unwrap_err().offset, 2);
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use serde::Serialize;

/// Something a strict decoder would refuse but that could still be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Leniency {
    /// Trailing `=` padding, which base64url in JOSE omits.
    Padding,
    /// `+` or `/` from the standard base64 alphabet instead of `-` or `_`.
    StandardAlphabet,
    /// The last character has non-zero pad bits (RFC 4648 §3.5), so more
    /// than one spelling decodes to the same bytes.
    NonCanonical,
}

/// Decoded bytes, and what had to be forgiven to read them (empty when the
/// input was strict, canonical base64url).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// Each leniency with the byte offset (within the input) of its first occurrence.
    pub forgiven: Vec<(Leniency, usize)>,
}

/// Why a segment is not base64url, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct B64Error {
    /// Byte offset within the decoded string.
    pub offset: usize,
    /// What should have been there.
    pub expected: &'static str,
    /// What was there, in words.
    pub found: String,
    /// The character that is not base64url, when one is the problem.
    pub character: Option<char>,
}

const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// Encode bytes as unpadded base64url.
pub fn encode(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The value of each base64url character (RFC 4648 §5, Table 2), or `INVALID`.
const INVALID: u8 = 0xff;
// Evaluated at compile time: an index out of range would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
const URL_SAFE_VALUES: [u8; 256] = {
    let mut t = [INVALID; 256];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut i = 0;
    while i < 64 {
        t[alphabet[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Strict, canonical, unpadded base64url, or `None` (the lenient path then says why).
/// The same answers as `URL_SAFE_NO_PAD.decode(s).ok()` (a property test checks it);
/// one table look-up per character, written in place into a buffer sized once
/// (every token goes through it; an `extend_from_slice` per group was 4% of an
/// HS256 verification where it was not inlined).
fn decode_strict(s: &[u8]) -> Option<Vec<u8>> {
    let value = |c: &u8| URL_SAFE_VALUES.get(usize::from(*c)).copied().unwrap_or(INVALID);
    // RFC 4648 §3.5: the unused bits of the last character must be zero (canonical).
    let tail: usize = match s.len() % 4 {
        0 => 0,
        2 => 1,
        3 => 2,
        _ => return None,
    };
    let mut out = alloc::vec![0u8; s.len() / 4 * 3 + tail];
    let mut groups = s.chunks_exact(4);
    let mut outs = out.chunks_exact_mut(3);
    for (g, o) in (&mut groups).zip(&mut outs) {
        let ([a, b, c, d], [x, y, z]) = (g, o) else { return None };
        let [a, b, c, d] = [value(a), value(b), value(c), value(d)];
        // Every valid value is below 64; INVALID has the top bits set.
        if (a | b | c | d) & 0xc0 != 0 {
            return None;
        }
        (*x, *y, *z) = (a << 2 | b >> 4, b << 4 | c >> 2, c << 6 | d);
    }
    match (groups.remainder(), outs.into_remainder()) {
        ([], []) => {}
        ([a, b], [x]) => {
            let (a, b) = (value(a), value(b));
            if (a | b) & 0xc0 != 0 || b & 0x0f != 0 {
                return None;
            }
            *x = a << 2 | b >> 4;
        }
        ([a, b, c], [x, y]) => {
            let (a, b, c) = (value(a), value(b), value(c));
            if (a | b | c) & 0xc0 != 0 || c & 0x03 != 0 {
                return None;
            }
            (*x, *y) = (a << 2 | b >> 4, b << 4 | c >> 2);
        }
        _ => return None,
    }
    Some(out)
}

/// Decode base64url: strictly when possible, otherwise leniently with the
/// leniencies listed, otherwise an error at the first impossible character.
pub fn decode(s: &str) -> Result<Decoded, B64Error> {
    if let Some(bytes) = decode_strict(s.as_bytes()) {
        return Ok(Decoded { bytes, forgiven: Vec::new() });
    }
    let mut forgiven = Vec::new();
    let mut cleaned = String::with_capacity(s.len());
    let body_len = s.trim_end_matches('=').len();
    for (i, c) in s.char_indices() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' => cleaned.push(c),
            '+' | '/' => {
                note(&mut forgiven, Leniency::StandardAlphabet, i);
                cleaned.push(if c == '+' { '-' } else { '_' });
            }
            '=' if i >= body_len => note(&mut forgiven, Leniency::Padding, i),
            _ => return Err(bad_char(c, i)),
        }
    }
    let padding = s.len() - body_len;
    if cleaned.len() % 4 == 1 {
        return Err(B64Error {
            offset: s.len(),
            expected:
                "a length that is not 1 more than a multiple of 4 (a base64url group needs at least 2 characters)",
            found: alloc::format!("{} characters", cleaned.len()),
            character: None,
        });
    }
    if padding > 0 && (cleaned.len() + padding) % 4 != 0 || padding > 2 {
        return Err(B64Error {
            offset: body_len,
            expected: "'=' padding only to complete the last group of 4",
            found: alloc::format!("{padding} '=' after {} characters", cleaned.len()),
            character: None,
        });
    }
    let bytes = LENIENT.decode(&cleaned).map_err(|_| B64Error {
        offset: 0,
        expected: "base64url",
        found: String::from("undecodable text"),
        character: None,
    })?;
    if URL_SAFE_NO_PAD.decode(&cleaned).is_err() {
        note(&mut forgiven, Leniency::NonCanonical, body_len.saturating_sub(1));
    }
    Ok(Decoded { bytes, forgiven })
}

fn note(forgiven: &mut Vec<(Leniency, usize)>, l: Leniency, at: usize) {
    if !forgiven.iter().any(|(k, _)| *k == l) {
        forgiven.push((l, at));
    }
}

fn bad_char(c: char, offset: usize) -> B64Error {
    let found = match c {
        ' ' => String::from("a space"),
        '\n' | '\r' => String::from("a line break"),
        '\t' => String::from("a tab"),
        c if c.is_control() => alloc::format!("control character U+{:04X}", c as u32),
        c => alloc::format!("'{c}'"),
    };
    B64Error { offset, expected: "a base64url character (A-Z a-z 0-9 - _)", found, character: Some(c) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_round_trip() {
        for n in 0..40u8 {
            let data: Vec<u8> = (0..n).collect();
            let enc = encode(&data);
            let d = decode(&enc).unwrap();
            assert_eq!(d.bytes, data);
            assert!(d.forgiven.is_empty());
        }
    }

    #[test]
    fn lenient_reads_are_reported() {
        let d = decode("-_+/").unwrap();
        assert_eq!(d.forgiven, [(Leniency::StandardAlphabet, 2)]);
        // "aGk" is the canonical spelling of "hi"; "aGm" has non-zero pad bits.
        let d = decode("aGm").unwrap();
        assert_eq!(d.bytes, b"hi");
        assert_eq!(d.forgiven, [(Leniency::NonCanonical, 2)]);
        let d = decode("aGk=").unwrap();
        assert_eq!(d.forgiven, [(Leniency::Padding, 3)]);
    }

    proptest::proptest! {
        /// The hand-written strict decoder answers exactly as the base64 crate's.
        #[test]
        fn strict_decoder_matches_the_base64_crate(s in "[A-Za-z0-9_=+/.-]{0,40}") {
            proptest::prop_assert_eq!(decode_strict(s.as_bytes()), URL_SAFE_NO_PAD.decode(&s).ok());
        }
        #[test]
        fn strict_decoder_round_trips(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            proptest::prop_assert_eq!(decode_strict(encode(&data).as_bytes()), Some(data));
        }
    }

    #[test]
    fn strict_decoder_refuses_non_canonical_tails() {
        // Every spelling of a 2- and 3-character tail: only zero unused bits are strict.
        for last in URL_SAFE_VALUES.iter().enumerate().filter(|(_, v)| **v != INVALID).map(|(c, _)| c as u8) {
            for tail in [alloc::vec![b'Q', last], alloc::vec![b'Q', b'Q', last]] {
                let s = core::str::from_utf8(&tail).unwrap();
                assert_eq!(decode_strict(&tail), URL_SAFE_NO_PAD.decode(s).ok(), "{s}");
            }
        }
        assert_eq!(decode_strict(b"Q"), None);
        assert_eq!(decode_strict(b"QUJD\xff"), None);
    }

    #[test]
    fn errors_are_located() {
        let e = decode("abc d").unwrap_err();
        assert_eq!((e.offset, e.found.as_str()), (3, "a space"));
        let e = decode("abcdé").unwrap_err();
        assert_eq!((e.offset, e.found.as_str()), (4, "'é'"));
        let e = decode("abcde").unwrap_err();
        assert_eq!(e.offset, 5);
        assert!(decode("ab=c").is_err());
        assert!(decode("ab===").is_err());
        assert!(decode("abc==").is_err());
    }
}
