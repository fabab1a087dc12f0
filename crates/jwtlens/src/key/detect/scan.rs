//! Key material anywhere: DER, armour, OpenSSH lines, `openssl -text`,
//! JWKs and raw points, through layers of encoding.

use crate::text::{has, replace};
use alloc::string::String;
use alloc::vec::Vec;

use super::*;

/// How many encoding layers (base64 of hex of ...) [`key_material`] looks through.
pub(super) const MAX_LAYERS: usize = 3;
/// How much of a text [`key_material`] reads: keys and certificate chains are far smaller.
pub(super) const SCAN_BYTES: usize = 1024 * 1024;

/// Key material that `bytes` are or contain, in words, or `None`: the DER of a
/// key or certificate anywhere in them; text (UTF-8, UTF-16, or damaged) with
/// PEM or SSH2 armour, an OpenSSH key, `openssl -text` output or a JWK; and the
/// same once more under up to [`MAX_LAYERS`] layers of base64, base64url, hex or
/// percent-encoding, whole or word by word. What an attacker could know of a
/// public key must never be a verifier's HMAC secret, so this errs towards "key".
pub(crate) fn key_material(bytes: &[u8]) -> Option<String> {
    scan_bytes(bytes.get(..SCAN_BYTES).unwrap_or(bytes), 0)
}

pub(super) fn scan_bytes(bytes: &[u8], depth: usize) -> Option<String> {
    // DER always has bytes below 0x20 (tags, lengths): printable text is never DER,
    // and reading its ASCII as DER ('0' is 0x30) would refuse ordinary secrets.
    if !printable(bytes) {
        if let Some(what) = der_inside(bytes).or_else(|| raw_point(bytes)) {
            return Some(what);
        }
    }
    let text = text_of(bytes);
    // In binary data the loose `kty:` form (YAML, logs) is a coincidence of four bytes
    // (a random 32-byte secret "kty:\0…" was refused); a JWK there is JSON, quoted.
    if !printable(bytes) && !has(&text, "\"kty\"") && kty_member(&text) && marker(&text).is_some_and(|m| has(&m, "JWK"))
    {
        return None;
    }
    scan_text(&text, depth)
}

/// UTF-8 with no control characters but tab and line breaks.
pub(super) fn printable(bytes: &[u8]) -> bool {
    core::str::from_utf8(bytes).is_ok_and(|t| !t.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
}

/// An uncompressed EC point (SEC1 `04 || x || y`) that lies on P-256, secp256k1,
/// P-384 or P-521: a raw public key. Random bytes are on a curve with negligible odds.
pub(super) fn raw_point(bytes: &[u8]) -> Option<String> {
    if bytes.first() != Some(&0x04) {
        return None;
    }
    let on = match bytes.len() {
        65 => {
            p256::PublicKey::from_sec1_bytes(bytes).is_ok()
                || crate::key::EcPoint::from_sec1(crate::key::Curve::Secp256k1, bytes).is_ok()
        }
        97 => crate::key::EcPoint::from_sec1(crate::key::Curve::P384, bytes).is_ok(),
        133 => crate::key::EcPoint::from_sec1(crate::key::Curve::P521, bytes).is_ok(),
        _ => false,
    };
    on.then(|| String::from("a raw EC public key (a point on the curve)"))
}

/// The bytes as text: UTF-8; with NULs dropped (UTF-16 of ASCII); invalid sequences replaced.
pub(super) fn text_of(bytes: &[u8]) -> alloc::borrow::Cow<'_, str> {
    match core::str::from_utf8(bytes) {
        Ok(t) if !bytes.contains(&0) => alloc::borrow::Cow::Borrowed(t),
        _ => {
            let kept: Vec<u8> = bytes.iter().copied().filter(|b| *b != 0).collect();
            alloc::borrow::Cow::Owned(String::from_utf8_lossy(&kept).into_owned())
        }
    }
}

pub(super) fn scan_text(text: &str, depth: usize) -> Option<String> {
    let t = normalise(text);
    if let Some(what) = marker(&t) {
        return Some(what);
    }
    if let Some(what) = json_key(&t, depth) {
        return Some(what);
    }
    if depth >= MAX_LAYERS {
        return None;
    }
    decodings(&t).into_iter().find_map(|bytes| scan_bytes(&bytes, depth + 1).map(|w| alloc::format!("{w}, encoded")))
}

/// Words and phrases only key material carries (compared without case where case varies).
pub(super) fn marker(t: &str) -> Option<String> {
    let l = t.to_ascii_lowercase();
    let found = |what: &str| Some(alloc::format!("the text carries {what}"));
    // PEM and SSH2 armour: dashes, BEGIN or END, and a key or certificate label on one line.
    let armour = l.lines().any(|line| {
        has(line, "---")
            && (has(line, "begin") || has(line, "end "))
            && ["public key", "certificate", "pkcs7", "private key"].iter().any(|w| has(line, w))
    });
    if armour {
        return found("a PEM or SSH2 armoured key or certificate");
    }
    if has(&l, "public-key:")
        || has(&l, "subject public key info")
        || (has(&l, "modulus:") && has(&l, "exponent"))
        || has(&l, "modulus=")
        || has(&l, "<rsakeyvalue")
        || has(&l, "<modulus>")
    {
        return found("a dump of an RSA or EC public key (openssl, .NET XML)");
    }
    if ["ssh-rsa", "ssh-ed25519", "ssh-dss", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"].iter().any(|w| has(&l, w))
        || ["AAAAB3NzaC1", "AAAAC3NzaC1", "AAAAE2VjZHNh"].iter().any(|w| has(t, w))
    {
        return found("an OpenSSH public key");
    }
    if kty_member(t) {
        return found("a JWK (\"kty\")");
    }
    None
}

/// Whether `t` names a JWK's `kty` member: the word `kty` (not inside another
/// word), then quotes, spaces or a closing `>`, then `:`, `=` or an XML element.
pub(super) fn kty_member(t: &str) -> bool {
    crate::text::positions(t, "kty").any(|i| {
        let before = t.get(..i).and_then(|b| b.chars().next_back());
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return false;
        }
        let rest = t.get(i + 3..).unwrap_or("");
        if rest.starts_with('>') {
            return true;
        }
        let rest = rest.trim_start_matches(['"', '\'', '\\']).trim_start_matches([' ', '\t']);
        rest.starts_with(':') || rest.starts_with('=')
    })
}

/// A JWK (an object with a non-secret `kty`) anywhere in JSON inside the text,
/// or key material in one of its long string values (an `x5c` certificate).
pub(super) fn json_key(t: &str, depth: usize) -> Option<String> {
    let open = t.find(['{', '['])?;
    let close = t.rfind(['}', ']'])?;
    let v = crate::json::parse(t.get(open..=close)?.as_bytes()).ok()?;
    fn walk(v: &crate::json::Json, depth: usize) -> Option<String> {
        use crate::json::Json;
        match v {
            Json::Object(o) => {
                if let Some(kty) = o.get("kty").and_then(Json::as_str) {
                    if kty != "oct" {
                        return Some(alloc::format!("a JWK (kty \"{kty}\")"));
                    }
                }
                o.members().iter().find_map(|m| walk(&m.value, depth))
            }
            Json::Array(items) => items.iter().find_map(|i| walk(i, depth)),
            Json::String(s) if s.len() >= 40 && depth < MAX_LAYERS => scan_text(s, depth + 1),
            _ => None,
        }
    }
    walk(&v, depth)
}

/// The text decoded as a whole and word by word: base64 or base64url (escaped
/// line breaks and whitespace removed), hex (colons, spaces and `0x` removed), percent-encoding.
pub(super) fn decodings(t: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let unescaped = replace(&replace(&replace(t, "\\r", ""), "\\n", ""), "\\t", "");
    let compact: String = unescaped.chars().filter(|c| !c.is_whitespace()).collect();
    out.extend(base64_or_hex(&compact));
    if t.as_bytes().contains(&b'%') {
        out.extend(percent_decode(t));
    }
    // Not '/' or '+': standard base64 uses them.
    let separators = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\''
                    | '`'
                    | '='
                    | ':'
                    | ','
                    | ';'
                    | '#'
                    | '('
                    | ')'
                    | '<'
                    | '>'
                    | '|'
                    | '&'
                    | '{'
                    | '}'
                    | '['
                    | ']'
                    | '\\'
                    | '.'
            )
    };
    let words = unescaped.split(separators).filter(|w| w.len() >= 40 && w.len() != compact.len()).take(16);
    for w in words {
        out.extend(base64_or_hex(w));
    }
    // A body split into lines with something around each ("> ", "# ", JSON array
    // items): the long base64 runs joined.
    let runs: String = unescaped
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '-' | '_')))
        .filter(|w| w.len() >= 16)
        .collect();
    if runs.len() >= 40 && runs.len() != compact.len() {
        out.extend(base64_or_hex(&runs));
    }
    out.extend(byte_list(t));
    out
}

/// Bytes written as numbers (`[48,130,...]`, `0x30, 0x82`, `\x30\x82`, Java or
/// Python byte literals): at least 30 of them, each 0–255 (or −128–127).
pub(super) fn byte_list(t: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for token in t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let token = token.trim_start_matches('x');
        let v = if let Some(h) = token.strip_prefix("0x").or_else(|| token.strip_prefix("0X")) {
            i16::from_str_radix(h, 16).ok()
        } else if token.len() == 2 && has(t, "\\x") {
            i16::from_str_radix(token, 16).ok()
        } else {
            token.parse::<i16>().ok()
        };
        match v {
            Some(v @ -128..=255) => out.push(v as u8),
            _ => continue,
        }
    }
    (out.len() >= 30).then_some(out)
}

pub(super) fn base64_or_hex(t: &str) -> Option<Vec<u8>> {
    let hex: String = t.strip_prefix("0x").unwrap_or(t).chars().filter(|c| *c != ':').collect();
    if hex.len() >= 32 && hex.len() % 2 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return hex
            .as_bytes()
            .chunks(2)
            .map(|p| core::str::from_utf8(p).ok().and_then(|s| u8::from_str_radix(s, 16).ok()))
            .collect();
    }
    if t.len() >= 24 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/-_=".contains(&b)) {
        return crate::b64::decode(t).ok().map(|d| d.bytes);
    }
    None
}

pub(super) fn percent_decode(t: &str) -> Option<Vec<u8>> {
    let b = t.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c == b'%' {
            let hex = b.get(i + 1..i + 3).and_then(|h| core::str::from_utf8(h).ok());
            out.push(u8::from_str_radix(hex?, 16).ok()?);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Some(out)
}

/// A DER SEQUENCE anywhere in `bytes` whose content is a well-formed list of at
/// least two TLVs and at least 30 bytes long: the shape of every key, certificate,
/// request and PKCS#7 structure, and (for a secret of random bytes) vanishingly unlikely.
pub(super) fn der_inside(bytes: &[u8]) -> Option<String> {
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0x30) {
        let Some((header, len)) = bytes.get(i..).and_then(der_header) else { continue };
        let Some(content) = bytes.get(i + header..i + header + len) else { continue };
        if len >= 30 && tlv_list(content) >= 2 && asn1_shaped(bytes.get(i..i + header + len).unwrap_or_default()) {
            let der = bytes.get(i..i + header + len).unwrap_or_default();
            return Some(match super::super::der_key(der) {
                Ok(k) => k.describe(),
                Err(_) => String::from("the DER of a key, certificate or other ASN.1 structure"),
            });
        }
    }
    None
}

/// A TLV's definite length, whatever its tag: (header length, content length).
pub(super) fn der_header(der: &[u8]) -> Option<(usize, usize)> {
    let first = *der.get(1)?;
    if first < 0x80 {
        return Some((2, usize::from(first)));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 || n > 3 {
        return None;
    }
    let len = der.get(2..2 + n)?.iter().fold(0usize, |acc, &b| acc << 8 | usize::from(b));
    Some((2 + n, len))
}

/// Whether a DER SEQUENCE has the shape of key and certificate structures all the
/// way down: every element a tag such structures use, every constructed element
/// itself a list of such TLVs, and an INTEGER or OBJECT IDENTIFIER among them.
/// Random bytes almost never pass; real SPKI, PKCS#1, PKCS#8, certificates,
/// requests and PKCS#7 always do.
pub(super) fn asn1_shaped(der: &[u8]) -> bool {
    fn walk(content: &[u8], depth: usize, seen_scalar: &mut bool) -> bool {
        const PRIMITIVE: [u8; 13] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1e];
        const CONSTRUCTED: [u8; 6] = [0x30, 0x31, 0xa0, 0xa1, 0xa2, 0xa3];
        let mut pos = 0;
        while pos < content.len() {
            let Some(&tag) = content.get(pos) else { return false };
            let Some((header, len)) = content.get(pos..).and_then(der_header) else { return false };
            let Some(inner) = content.get(pos + header..pos + header + len) else { return false };
            if matches!(tag, 0x02 | 0x06) {
                *seen_scalar = true;
            }
            let ok = if CONSTRUCTED.contains(&tag) {
                depth < 6 && (inner.is_empty() || walk(inner, depth + 1, seen_scalar))
            } else {
                PRIMITIVE.contains(&tag) || (0x80..=0x86).contains(&tag)
            };
            if !ok {
                return false;
            }
            pos += header + len;
        }
        pos == content.len()
    }
    let Some((header, len)) = der_header(der) else { return false };
    let Some(content) = der.get(header..header + len) else { return false };
    let mut seen_scalar = false;
    der.first() == Some(&0x30) && walk(content, 0, &mut seen_scalar) && seen_scalar
}

/// How many TLVs `content` is exactly made of (0 when it is not a TLV list).
pub(super) fn tlv_list(content: &[u8]) -> usize {
    let mut pos = 0;
    let mut count = 0;
    while pos < content.len() {
        let Some(&tag) = content.get(pos) else { return 0 };
        if tag & 0x1f == 0x1f || tag == 0 {
            return 0;
        }
        let Some((header, len)) = content.get(pos..).and_then(der_header) else {
            return 0;
        };
        pos += header + len;
        count += 1;
    }
    if pos == content.len() {
        count
    } else {
        0
    }
}
