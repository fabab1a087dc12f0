//! A strict DER reader (ITU-T X.690) for the few structures a public key comes in.
//!
//! Private, and written here rather than taken from the `der`, `spki` and
//! `x509-cert` crates because of size: their generic decoders were about
//! 100 KB of the 1 MB JWT module before this reader replaced them (`twiggy
//! top` on the npm build), to read four fixed structures. The tests hold it to
//! those crates: `tests/der_differential.rs` gives both the same keys and
//! certificates and thousands of mutations of them, and they must agree on
//! every verdict and every key.
//!
//! Every error says at which byte of the input it was found.

use alloc::format;
use alloc::string::String;
use core::fmt;

/// X.690 §8.1.2 identifier octets of the types read here.
pub(super) const SEQUENCE: u8 = 0x30;
pub(super) const INTEGER: u8 = 0x02;
pub(super) const BIT_STRING: u8 = 0x03;
pub(super) const OCTET_STRING: u8 = 0x04;
pub(super) const NULL: u8 = 0x05;
pub(super) const OID: u8 = 0x06;

/// Why DER could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DerError {
    /// The offset of the offending byte in the whole input.
    pub at: usize,
    pub message: String,
}

impl fmt::Display for DerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.at)
    }
}

/// The contents of one DER value (or the whole input), read front to back.
#[derive(Clone, Copy)]
pub(super) struct Der<'a> {
    bytes: &'a [u8],
    /// Offset of `bytes[0]` in the whole input.
    start: usize,
}

impl<'a> Der<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Der<'a> {
        Der { bytes, start: 0 }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Where the next value starts in the whole input.
    pub(super) fn offset(&self) -> usize {
        self.start
    }

    /// The identifier octet of the next value.
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.first().copied()
    }

    fn fail<T>(&self, offset: usize, message: String) -> Result<T, DerError> {
        Err(DerError { at: self.start + offset, message })
    }

    /// The next value, whatever its tag: `(tag, its whole encoding, its contents)`.
    ///
    /// X.690 §10.1: "The definite form of length encoding shall be used,
    /// encoded in the minimum number of octets."
    pub(super) fn any(&mut self, what: &str) -> Result<(u8, &'a [u8], Der<'a>), DerError> {
        let b = self.bytes;
        let Some(&tag) = b.first() else { return self.fail(0, format!("expected {what}, found the end of the data")) };
        if tag & 0x1f == 0x1f {
            return self.fail(0, format!("expected {what}, found a multi-byte tag"));
        }
        let Some(&first) = b.get(1) else { return self.fail(1, format!("{what}: the length is missing")) };
        let (len, header) = match first {
            0..=0x7f => (first as usize, 2),
            0x80 => return self.fail(1, format!("{what}: an indefinite length, which DER does not allow")),
            _ => {
                let n = (first & 0x7f) as usize;
                if n > 4 {
                    return self.fail(1, format!("{what}: a length of {n} bytes, more than any key needs"));
                }
                let Some(digits) = b.get(2..2 + n) else {
                    return self.fail(b.len(), format!("{what}: the length is cut short"));
                };
                if digits.first() == Some(&0) {
                    return self
                        .fail(2, format!("{what}: the length has a leading zero byte, which DER does not allow"));
                }
                let len = digits.iter().fold(0usize, |acc, &d| acc << 8 | d as usize);
                if len < 0x80 {
                    return self.fail(1, format!("{what}: a length below 128 in long form, which DER does not allow"));
                }
                (len, 2 + n)
            }
        };
        let Some(contents) = b.get(header..).and_then(|rest| rest.get(..len)) else {
            let have = b.len().saturating_sub(header);
            return self.fail(b.len(), format!("{what}: {len} bytes announced, {have} present"));
        };
        let inner = Der { bytes: contents, start: self.start + header };
        let (encoded, rest) = b.split_at(header + len);
        self.bytes = rest;
        self.start += header + len;
        Ok((tag, encoded, inner))
    }

    /// The next value, which must have tag `tag`: a reader of its whole encoding
    /// (tag and length too) and one of its contents.
    fn tagged(&mut self, tag: u8, what: &str) -> Result<(Der<'a>, Der<'a>), DerError> {
        let start = self.start;
        match self.peek() {
            Some(t) if t != tag => self.fail(0, format!("expected {what} (tag 0x{tag:02x}), found tag 0x{t:02x}")),
            _ => self.any(what).map(|(_, bytes, inner)| (Der { bytes, start }, inner)),
        }
    }

    /// The next value, which must have tag `tag`: its contents.
    pub(super) fn read(&mut self, tag: u8, what: &str) -> Result<Der<'a>, DerError> {
        self.tagged(tag, what).map(|(_, contents)| contents)
    }

    /// Like [`Der::read`], but a reader of the value's whole encoding (tag and length too).
    pub(super) fn read_encoded(&mut self, tag: u8, what: &str) -> Result<Der<'a>, DerError> {
        self.tagged(tag, what).map(|(encoded, _)| encoded)
    }

    /// The remaining bytes.
    pub(super) fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Nothing may follow: `what` names the value just read.
    pub(super) fn end(&self, what: &str) -> Result<(), DerError> {
        match self.is_empty() {
            true => Ok(()),
            false => self.fail(0, format!("{} unexpected bytes after {what}", self.bytes.len())),
        }
    }

    /// X.690 §8.3: a non-negative INTEGER's magnitude, big-endian without the sign byte.
    /// "the bits of the first octet and bit 8 of the second octet shall not all be ones
    /// [and] shall not all be zero" (§8.3.2).
    pub(super) fn unsigned(&mut self, what: &str) -> Result<&'a [u8], DerError> {
        let v = self.minimal_integer(what)?;
        match v.bytes {
            [b, ..] if *b >= 0x80 => v.fail(0, format!("{what}: a negative INTEGER")),
            [0, rest @ ..] if !rest.is_empty() => Ok(rest),
            bytes => Ok(bytes),
        }
    }

    /// X.690 §8.3.2: an INTEGER of either sign, minimally encoded (an X.509 serial number,
    /// which RFC 5280 §4.1.2.2 asks users to accept even when negative).
    pub(super) fn integer(&mut self, what: &str) -> Result<&'a [u8], DerError> {
        self.minimal_integer(what).map(|v| v.bytes)
    }

    /// An INTEGER's contents, checked to be minimal (X.690 §8.3.2).
    fn minimal_integer(&mut self, what: &str) -> Result<Der<'a>, DerError> {
        let v = self.read(INTEGER, what)?;
        match v.bytes {
            [] => v.fail(0, format!("{what}: an INTEGER with no contents")),
            [0, b, ..] if *b < 0x80 => v.fail(0, format!("{what}: an INTEGER with a needless leading zero")),
            [0xff, b, ..] if *b >= 0x80 => v.fail(0, format!("{what}: an INTEGER with a needless leading 0xff")),
            _ => Ok(v),
        }
    }

    /// X.690 §8.6.2: a BIT STRING (tag `tag`: 0x03, or an IMPLICIT context tag): its
    /// unused-bit count (0 to 7, and 0 when there are no data bytes) and a reader of its data.
    pub(super) fn bits(&mut self, tag: u8, what: &str) -> Result<(u8, Der<'a>), DerError> {
        let v = self.read(tag, what)?;
        let data = Der { bytes: v.bytes.get(1..).unwrap_or_default(), start: v.start + 1 };
        match v.bytes {
            [] => v.fail(0, format!("{what}: a BIT STRING with no contents")),
            [0, ..] => Ok((0, data)),
            [n @ 1..=7, _, ..] => Ok((*n, data)),
            [n] => v.fail(0, format!("{what}: a BIT STRING with no data bytes claims {n} unused bits")),
            [n, ..] => v.fail(0, format!("{what}: a BIT STRING with {n} unused bits (at most 7)")),
        }
    }

    /// X.690 §8.19: an OBJECT IDENTIFIER's contents, checked to be well formed:
    /// "the leading octet of the subidentifier shall not have the value 0x80",
    /// and the last octet ends a subidentifier.
    pub(super) fn oid(&mut self, what: &str) -> Result<&'a [u8], DerError> {
        let v = self.read(OID, what)?;
        let mut starts = true;
        for (i, &b) in v.bytes.iter().enumerate() {
            if starts && b == 0x80 {
                return v.fail(i, format!("{what}: an OBJECT IDENTIFIER arc with a needless leading byte"));
            }
            starts = b & 0x80 == 0;
        }
        match (v.bytes.is_empty(), starts) {
            (false, true) => Ok(v.bytes),
            (true, _) => v.fail(0, format!("{what}: an empty OBJECT IDENTIFIER")),
            (false, false) => v.fail(v.bytes.len(), format!("{what}: an OBJECT IDENTIFIER cut short")),
        }
    }
}

/// An OBJECT IDENTIFIER's contents as dotted text ("1.2.840.10045.2.1").
pub(super) fn oid_text(oid: &[u8]) -> String {
    let mut out = String::new();
    let mut arc: u128 = 0;
    for &b in oid {
        // An arc beyond 128 bits (none is assigned) prints as 2^128 − 1.
        arc = arc.saturating_mul(128) | u128::from(b & 0x7f);
        if b & 0x80 == 0 {
            // X.690 §8.19.4: the first subidentifier is 40 × X + Y.
            // Digits by itoa, which the core links already: core's u128 `Display` cost 1.4 KB of wasm.
            let mut digits = itoa::Buffer::new();
            if out.is_empty() {
                let x = arc.min(80) / 40;
                out.push_str(digits.format(x));
                out.push('.');
                out.push_str(digits.format(arc - 40 * x));
            } else {
                out.push('.');
                out.push_str(digits.format(arc));
            }
            arc = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn lengths_must_be_minimal_and_present() {
        let short = |b: &[u8]| Der::new(b).any("x").map(|(t, _, v)| (t, v.bytes.len())).map_err(|e| e.to_string());
        assert_eq!(short(&[0x04, 0x01, 9]), Ok((4, 1)));
        assert!(short(&[0x04, 0x81, 0x05, 1, 2, 3, 4, 5]).unwrap_err().contains("long form"));
        assert!(short(&[0x04, 0x80, 0, 0]).unwrap_err().contains("indefinite"));
        assert!(short(&[0x04, 0x82, 0x00, 0x80]).unwrap_err().contains("leading zero"));
        assert_eq!(short(&[0x04, 0x05, 1]).unwrap_err(), "x: 5 bytes announced, 1 present (at byte 3)");
        assert!(short(&[0x1f, 0x01, 0]).unwrap_err().contains("multi-byte tag"));
        let mut long = alloc::vec![0x04, 0x81, 0x80];
        long.extend_from_slice(&[7; 128]);
        assert_eq!(short(&long), Ok((4, 128)));
    }

    #[test]
    fn integers_are_minimal_and_non_negative() {
        fn int(b: &[u8]) -> Result<&[u8], String> {
            Der::new(b).unsigned("n").map_err(|e| e.message)
        }
        assert_eq!(int(&[0x02, 0x02, 0x00, 0x80]), Ok(&[0x80][..]));
        assert_eq!(int(&[0x02, 0x01, 0x00]), Ok(&[0][..]));
        assert!(int(&[0x02, 0x02, 0x00, 0x7f]).unwrap_err().contains("leading zero"));
        assert!(int(&[0x02, 0x01, 0x80]).unwrap_err().contains("negative"));
        assert!(int(&[0x02, 0x00]).unwrap_err().contains("no contents"));
    }

    #[test]
    fn oids_are_well_formed_and_print_dotted() {
        let ec = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
        assert_eq!(oid_text(Der::new(&ec).oid("algorithm").unwrap()), "1.2.840.10045.2.1");
        assert_eq!(oid_text(&[0x2b, 0x65, 0x70]), "1.3.101.112");
        assert_eq!(oid_text(&[0x88, 0x37]), "2.999");
        assert!(Der::new(&[0x06, 0x02, 0x2a, 0x86]).oid("a").is_err());
        assert!(Der::new(&[0x06, 0x02, 0x80, 0x01]).oid("a").is_err());
        assert!(Der::new(&[0x06, 0x00]).oid("a").is_err());
    }
}
