//! What people paste as a key, read for what it really is.
//!
//! Keys arrive copied from terminals, files, environment variables and JSON
//! configuration: with a byte-order mark, Windows line ends, surrounding
//! quotes, `\n` escapes, an `openssl x509 -text` or `-subject` preamble, or as
//! the bare base64 body of a DER structure. [`normalise`] removes the
//! wrapping and [`classify`] says what is inside.
//!
//! Text that carries key material is never read as an HMAC secret. That is the
//! RS256 → HS256 key-confusion attack: RFC 8725 §2.1 ("an attacker [...] uses
//! the RSA public key as an HMAC secret") and §3.1 ("each key MUST be used
//! with exactly one algorithm"). An attacker knows the public key, so a
//! verifier that MACs with its text accepts tokens anyone can make.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// What a pasted text holds, once normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// A PEM block (RFC 7468): its label and the DER it carries, or why it
    /// could not be read.
    Pem(Result<(String, Vec<u8>), String>),
    /// JSON text that is (or claims to be) a JWK or JWK Set.
    Json(String),
    /// The DER of a structure, written as base64 or hex without PEM armour.
    Der(Vec<u8>),
    /// An OpenSSH public key line (`ssh-rsa AAAA...`).
    OpenSsh,
    /// Text that carries key material but is none of the forms above: what was seen.
    Suspect(String),
    /// Nothing key-like.
    Plain,
}

/// Characters that copy and paste leave behind and that no key format uses:
/// the byte-order mark and zero-width spaces and joiners.
fn invisible(c: char) -> bool {
    matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Remove the wrapping around pasted key text: invisible characters (a BOM),
/// CR and CRLF line ends, surrounding whitespace and quotes (a JSON string is
/// unescaped), and `\n` escapes inside a PEM block written on one line.
///
/// ```
/// # use jwtlens::key::normalise_key_text as normalise;
/// assert_eq!(normalise("\u{feff}\"-----BEGIN X-----\\nAA==\\n-----END X-----\"\r\n"), "-----BEGIN X-----\nAA==\n-----END X-----");
/// ```
pub fn normalise(text: &str) -> String {
    let mut t: String = text.chars().filter(|c| !invisible(*c)).collect();
    if t.contains('\r') {
        t = t.replace("\r\n", "\n").replace('\r', "\n");
    }
    // Quotes inside quotes ("'...'" from a shell inside JSON) come off one layer at a time.
    for _ in 0..4 {
        let trimmed = t.trim();
        match unquote(trimmed) {
            Some(inner) => t = inner,
            None => {
                if trimmed.len() != t.len() {
                    t = trimmed.to_string();
                }
                break;
            }
        }
    }
    if t.contains("-----BEGIN") && t.contains("\\n") {
        t = t.replace("\\r\\n", "\n").replace("\\n", "\n");
    }
    t
}

/// The text inside matching quotes, a JSON string unescaped; `None` when unquoted.
fn unquote(t: &str) -> Option<String> {
    let first = t.chars().next()?;
    if t.len() < 2 || !matches!(first, '"' | '\'' | '`') || !t.ends_with(first) {
        return None;
    }
    if first == '"' {
        if let Ok(s) = serde_json::from_str::<String>(t) {
            return Some(s);
        }
    }
    t.get(1..t.len() - 1).map(String::from)
}

/// RFC 7468 §2: "-----BEGIN label-----" ... "-----END label-----". Text before
/// the block (an `openssl` `subject=` line, "Bag Attributes") and after it
/// (a second certificate of a chain) is not part of it. The base64 between
/// the lines is read whatever its line width, so a block flattened onto one
/// line by an environment variable still reads.
fn pem_block(t: &str) -> Option<Result<(String, Vec<u8>), String>> {
    const BEGIN: &str = "-----BEGIN ";
    let begin = t.find(BEGIN)?;
    let after = t.get(begin + BEGIN.len()..)?;
    let Some(label_len) = after.find("-----") else {
        return Some(Err(String::from("the BEGIN line does not end with \"-----\"")));
    };
    let label = after.get(..label_len).unwrap_or("").trim();
    let body_and_rest = after.get(label_len + 5..).unwrap_or("");
    let end_line = alloc::format!("-----END {label}-----");
    let Some(body_len) = body_and_rest.find(&end_line) else {
        return Some(Err(alloc::format!("no \"{end_line}\" line closes the block")));
    };
    let body = body_and_rest.get(..body_len).unwrap_or("");
    if body.contains(':') {
        // RFC 1421 encapsulated headers (Proc-Type, DEK-Info): a legacy encrypted private key.
        return Some(Err(String::from(
            "the block has header lines (Proc-Type, DEK-Info): an encrypted private key, not a public key",
        )));
    }
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    Some(match crate::b64::decode(&compact) {
        Ok(d) if !d.bytes.is_empty() => Ok((String::from(label), d.bytes)),
        Ok(_) => Err(String::from("the block is empty")),
        Err(e) => Err(alloc::format!(
            "the block's base64 has {} at character {} of its body, expected {}",
            e.found,
            e.offset,
            e.expected
        )),
    })
}

/// Whether `der` is exactly one DER SEQUENCE (tag 0x30, definite length, no
/// trailing bytes): the outer shape of every key and certificate structure.
pub(crate) fn is_der_sequence(der: &[u8]) -> bool {
    let (Some(&0x30), Some(&first)) = (der.first(), der.get(1)) else {
        return false;
    };
    let (header, len) = if first < 0x80 {
        (2usize, usize::from(first))
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return false;
        }
        let Some(bytes) = der.get(2..2 + n) else {
            return false;
        };
        (2 + n, bytes.iter().fold(0usize, |acc, &b| acc << 8 | usize::from(b)))
    };
    header.checked_add(len) == Some(der.len())
}

/// The bytes of `t` read as base64 (either alphabet, padding optional) or hex,
/// when all of it is one of those and long enough to be a key.
fn encoded_bytes(t: &str) -> Option<Vec<u8>> {
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    base64_or_hex(&compact)
}

const OPENSSH_PREFIXES: [&str; 5] = ["ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-", "ssh-dss ", "sk-ssh-"];

/// Whether a line of `t` is an OpenSSH public key (an `authorized_keys` line may
/// start with options, so the key type may follow a space).
fn has_openssh_key(t: &str) -> bool {
    t.lines().any(|line| {
        let line = line.trim_start();
        OPENSSH_PREFIXES.iter().any(|p| line.starts_with(p) || line.contains(&alloc::format!(" {p}AAAA")))
    })
}

/// The DER inside `t` when one of its words (split at whitespace, quotes, `=`,
/// `:` and commas) is the base64 of a DER SEQUENCE: `publicKey=MIIBIjAN...`.
pub(crate) fn der_word(t: &str) -> Option<Vec<u8>> {
    t.split(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '=' | ':' | ',' | ';' | '(' | ')' | '<' | '>')
    })
    .filter(|w| w.len() >= 40)
    .filter_map(encoded_bytes)
    .find(|b| is_der_sequence(b) && asn1_shaped(b))
}

/// Words that only key material carries; in text that is none of the readable
/// forms they mean a damaged key, not a secret.
const MARKERS: [&str; 6] = ["-----", "BEGIN ", "PUBLIC KEY", "PRIVATE KEY", "CERTIFICATE", "\"kty\""];

/// What the normalised text `t` holds.
pub(crate) fn classify(t: &str) -> Found {
    if let Some(block) = pem_block(t) {
        return Found::Pem(block);
    }
    if (t.starts_with('{') || t.starts_with('[')) && (crate::json::parse(t.as_bytes()).is_ok() || kty_member(t)) {
        return Found::Json(String::from(t));
    }
    if t.contains("\"kty\"") || t.contains("\"keys\"") {
        // A JWK or JWK Set after a word or an assignment ("JWKS={...}").
        if let (Some(open), Some(close)) = (t.find('{'), t.rfind('}')) {
            if open < close {
                return Found::Json(String::from(t.get(open..=close).unwrap_or("")));
            }
        }
    }
    if has_openssh_key(t) {
        return Found::OpenSsh;
    }
    if let Some(bytes) = encoded_bytes(t) {
        if is_der_sequence(&bytes) && asn1_shaped(&bytes) {
            return Found::Der(bytes);
        }
    }
    if let Some(der) = der_word(t) {
        return Found::Der(der);
    }
    if let Some(m) = MARKERS.iter().find(|m| t.contains(**m)) {
        return Found::Suspect(alloc::format!("the text contains \"{m}\""));
    }
    match key_material(t.as_bytes()) {
        Some(what) => Found::Suspect(what),
        None => Found::Plain,
    }
}

// ---------------------------------------------------------------- key material anywhere

/// How many encoding layers (base64 of hex of ...) [`key_material`] looks through.
const MAX_LAYERS: usize = 3;
/// How much of a text [`key_material`] reads: keys and certificate chains are far smaller.
const SCAN_BYTES: usize = 1024 * 1024;

/// Key material that `bytes` are or contain, in words, or `None`: the DER of a
/// key or certificate anywhere in them; text (UTF-8, UTF-16, or damaged) with
/// PEM or SSH2 armour, an OpenSSH key, `openssl -text` output or a JWK; and the
/// same once more under up to [`MAX_LAYERS`] layers of base64, base64url, hex or
/// percent-encoding, whole or word by word. What an attacker could know of a
/// public key must never be a verifier's HMAC secret, so this errs towards "key".
pub(crate) fn key_material(bytes: &[u8]) -> Option<String> {
    scan_bytes(bytes.get(..SCAN_BYTES).unwrap_or(bytes), 0)
}

fn scan_bytes(bytes: &[u8], depth: usize) -> Option<String> {
    // DER always has bytes below 0x20 (tags, lengths): printable text is never DER,
    // and reading its ASCII as DER ('0' is 0x30) would refuse ordinary secrets.
    if !printable(bytes) {
        if let Some(what) = der_inside(bytes).or_else(|| raw_point(bytes)) {
            return Some(what);
        }
    }
    scan_text(&text_of(bytes), depth)
}

/// UTF-8 with no control characters but tab and line breaks.
fn printable(bytes: &[u8]) -> bool {
    core::str::from_utf8(bytes).is_ok_and(|t| !t.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')))
}

/// An uncompressed EC point (SEC1 `04 || x || y`) that lies on P-256, secp256k1,
/// P-384 or P-521: a raw public key. Random bytes are on a curve with negligible odds.
fn raw_point(bytes: &[u8]) -> Option<String> {
    if bytes.first() != Some(&0x04) {
        return None;
    }
    let on = match bytes.len() {
        65 => p256::PublicKey::from_sec1_bytes(bytes).is_ok() || k256::PublicKey::from_sec1_bytes(bytes).is_ok(),
        97 => p384::PublicKey::from_sec1_bytes(bytes).is_ok(),
        133 => p521::PublicKey::from_sec1_bytes(bytes).is_ok(),
        _ => false,
    };
    on.then(|| String::from("a raw EC public key (a point on the curve)"))
}

/// The bytes as text: UTF-8; with NULs dropped (UTF-16 of ASCII); invalid sequences replaced.
fn text_of(bytes: &[u8]) -> alloc::borrow::Cow<'_, str> {
    match core::str::from_utf8(bytes) {
        Ok(t) if !t.contains('\0') => alloc::borrow::Cow::Borrowed(t),
        _ => {
            let kept: Vec<u8> = bytes.iter().copied().filter(|b| *b != 0).collect();
            alloc::borrow::Cow::Owned(String::from_utf8_lossy(&kept).into_owned())
        }
    }
}

fn scan_text(text: &str, depth: usize) -> Option<String> {
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
fn marker(t: &str) -> Option<String> {
    let l = t.to_ascii_lowercase();
    let found = |what: &str| Some(alloc::format!("the text carries {what}"));
    // PEM and SSH2 armour: dashes, BEGIN or END, and a key or certificate label on one line.
    let armour = l.lines().any(|line| {
        line.contains("---")
            && (line.contains("begin") || line.contains("end "))
            && ["public key", "certificate", "pkcs7", "private key"].iter().any(|w| line.contains(w))
    });
    if armour {
        return found("a PEM or SSH2 armoured key or certificate");
    }
    if l.contains("public-key:")
        || l.contains("subject public key info")
        || (l.contains("modulus:") && l.contains("exponent"))
        || l.contains("modulus=")
        || l.contains("<rsakeyvalue")
        || l.contains("<modulus>")
    {
        return found("a dump of an RSA or EC public key (openssl, .NET XML)");
    }
    if ["ssh-rsa", "ssh-ed25519", "ssh-dss", "ecdsa-sha2-", "sk-ssh-", "sk-ecdsa-"].iter().any(|w| l.contains(w))
        || ["AAAAB3NzaC1", "AAAAC3NzaC1", "AAAAE2VjZHNh"].iter().any(|w| t.contains(w))
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
fn kty_member(t: &str) -> bool {
    t.match_indices("kty").any(|(i, _)| {
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
fn json_key(t: &str, depth: usize) -> Option<String> {
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
fn decodings(t: &str) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let unescaped = t.replace("\\r", "").replace("\\n", "").replace("\\t", "");
    let compact: String = unescaped.chars().filter(|c| !c.is_whitespace()).collect();
    out.extend(base64_or_hex(&compact));
    if t.contains('%') {
        out.extend(percent_decode(t));
    }
    // Not '/' or '+': standard base64 uses them.
    let separators = |c: char| c.is_whitespace() || "\"'`=:,;#()<>|&{}[]\\.".contains(c);
    let words = unescaped.split(separators).filter(|w| w.len() >= 40 && w.len() != compact.len()).take(16);
    for w in words {
        out.extend(base64_or_hex(w));
    }
    // A body split into lines with something around each ("> ", "# ", JSON array
    // items): the long base64 runs joined.
    let runs: String = unescaped
        .split(|c: char| !(c.is_ascii_alphanumeric() || "+/=-_".contains(c)))
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
fn byte_list(t: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for token in t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
        let token = token.trim_start_matches('x');
        let v = if let Some(h) = token.strip_prefix("0x").or_else(|| token.strip_prefix("0X")) {
            i16::from_str_radix(h, 16).ok()
        } else if token.len() == 2 && t.contains("\\x") {
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

fn base64_or_hex(t: &str) -> Option<Vec<u8>> {
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

fn percent_decode(t: &str) -> Option<Vec<u8>> {
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
fn der_inside(bytes: &[u8]) -> Option<String> {
    for (i, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0x30) {
        let Some((header, len)) = bytes.get(i..).and_then(der_header) else { continue };
        let Some(content) = bytes.get(i + header..i + header + len) else { continue };
        if len >= 30 && tlv_list(content) >= 2 && asn1_shaped(bytes.get(i..i + header + len).unwrap_or_default()) {
            let der = bytes.get(i..i + header + len).unwrap_or_default();
            return Some(match super::der_key(der) {
                Ok(k) => k.describe(),
                Err(_) => String::from("the DER of a key, certificate or other ASN.1 structure"),
            });
        }
    }
    None
}

/// A TLV's definite length, whatever its tag: (header length, content length).
fn der_header(der: &[u8]) -> Option<(usize, usize)> {
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
fn asn1_shaped(der: &[u8]) -> bool {
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
fn tlv_list(content: &[u8]) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths_short_and_long() {
        assert_eq!(der_header(&[0x30, 0x05]), Some((2, 5)));
        assert_eq!(der_header(&[0x30, 0x7f]), Some((2, 127)));
        assert_eq!(der_header(&[0x30, 0x80]), None, "indefinite length");
        assert_eq!(der_header(&[0x30, 0x81, 0xff]), Some((3, 255)));
        assert_eq!(der_header(&[0x30, 0x82, 0x01, 0x02]), Some((4, 258)));
        assert_eq!(der_header(&[0x30, 0x83, 0x01, 0x00, 0x00]), Some((5, 65_536)));
        assert_eq!(der_header(&[0x30, 0x84, 0x01, 0x00, 0x00, 0x00]), None);
        assert_eq!(der_header(&[0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00]), None);
        assert_eq!(der_header(&[0x30, 0x82, 0x01]), None, "truncated");
        assert_eq!(der_header(&[0x30]), None);
    }

    /// `depth` SEQUENCEs, one inside the other, around an INTEGER.
    fn nested(depth: usize) -> Vec<u8> {
        let mut der = alloc::vec![0x02, 0x01, 0x05];
        for _ in 0..depth {
            let mut outer = alloc::vec![0x30, der.len() as u8];
            outer.extend(der);
            der = outer;
        }
        der
    }

    #[test]
    fn asn1_shape_rules() {
        assert!(asn1_shaped(&nested(1)));
        assert!(asn1_shaped(&nested(7)), "seven levels: deeper than any key");
        assert!(!asn1_shaped(&nested(8)), "eight levels: not a key's shape");
        // The outer element must be a SEQUENCE, even with an INTEGER inside.
        assert!(!asn1_shaped(&[0x31, 0x03, 0x02, 0x01, 0x05]));
        // An INTEGER or OID somewhere is required; a tag no key uses is refused.
        assert!(!asn1_shaped(&[0x30, 0x03, 0x04, 0x01, 0x05]));
        assert!(asn1_shaped(&[0x30, 0x03, 0x06, 0x01, 0x2a]));
        assert!(!asn1_shaped(&[0x30, 0x06, 0x02, 0x01, 0x05, 0x42, 0x01, 0x00]));
        // Trailing bytes inside the SEQUENCE's content are not a list of TLVs.
        assert!(!asn1_shaped(&[0x30, 0x04, 0x02, 0x01, 0x05, 0x00]));
        assert!(asn1_shaped(&p256_key().0));
    }

    #[test]
    fn tlv_lists() {
        assert_eq!(tlv_list(&[0x02, 0x01, 0x05, 0x04, 0x00]), 2);
        assert_eq!(tlv_list(&[0x00, 0x00]), 0, "tag 0 is not used");
        assert_eq!(tlv_list(&[0x9f, 0x01, 0x00]), 0, "high tag numbers are not used");
        assert_eq!(tlv_list(&[0x1f, 0x01, 0x00]), 0);
        assert_eq!(tlv_list(&[0x02, 0x05, 0x00]), 0, "runs past the end");
        assert_eq!(tlv_list(&[]), 0);
    }

    #[test]
    fn der_inside_finds_key_shaped_sequences_only() {
        let spki = p256_key().0;
        let described = super::super::der_key(&spki).unwrap().describe();
        let mut prefixed = alloc::vec![0x00, 0x13, 0x37];
        prefixed.extend(&spki);
        prefixed.extend([0xff, 0xfe]);
        assert_eq!(der_inside(&prefixed), Some(described.clone()));
        assert_eq!(der_inside(&spki), Some(described));
        // Shaped, but one element only.
        let mut one = alloc::vec![0x30, 42, 0x02, 40];
        one.extend([0x5a; 40]);
        assert_eq!(der_inside(&one), None);
        // Two elements, but no INTEGER or OID.
        let mut two = alloc::vec![0x30, 44, 0x04, 20];
        two.extend([0x5a; 20]);
        two.extend([0x04, 20]);
        two.extend([0x5a; 20]);
        assert_eq!(der_inside(&two), None);
        // Shaped, two elements, but shorter than 30 bytes.
        assert_eq!(der_inside(&[0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x06]), None);
        // A shaped structure that is not a key is still reported.
        let mut other = alloc::vec![0x30, 44, 0x02, 20];
        other.extend([0x5a; 20]);
        other.extend([0x02, 20]);
        other.extend([0x5a; 20]);
        assert_eq!(der_inside(&other).as_deref(), Some("the DER of a key, certificate or other ASN.1 structure"));
    }

    /// The SPKI DER of a fixed P-256 key, and its uncompressed point.
    fn p256_key() -> (Vec<u8>, Vec<u8>) {
        use p256::elliptic_curve::sec1::ToEncodedPoint;
        use p256::pkcs8::EncodePublicKey;
        let public = p256::SecretKey::from_slice(&[7u8; 32]).unwrap().public_key();
        (public.to_public_key_der().unwrap().as_bytes().to_vec(), public.to_encoded_point(false).as_bytes().to_vec())
    }

    #[test]
    fn raw_points_on_every_curve() {
        use p256::elliptic_curve::sec1::ToEncodedPoint;
        let p384 = p384::SecretKey::from_slice(&[7u8; 48]).unwrap().public_key().to_encoded_point(false);
        let mut scalar = [7u8; 66];
        scalar[0] = 1;
        let p521 = p521::SecretKey::from_slice(&scalar).unwrap().public_key().to_encoded_point(false);
        let k256 = k256::SecretKey::from_slice(&[7u8; 32]).unwrap().public_key().to_encoded_point(false);
        for point in [p256_key().1, p384.as_bytes().to_vec(), p521.as_bytes().to_vec(), k256.as_bytes().to_vec()] {
            assert!(raw_point(&point).is_some(), "{} bytes", point.len());
            let mut off = point.clone();
            if let Some(last) = off.last_mut() {
                *last ^= 1;
            }
            assert_eq!(raw_point(&off), None, "off the curve, {} bytes", point.len());
        }
        assert_eq!(raw_point(&[4u8; 97]), None);
    }

    #[test]
    fn each_marker_alone() {
        for text in [
            "---- BEGIN SSH2 PUBLIC KEY ----",
            "-----end certificate-----",
            "--- begin pkcs7 ---",
            "-----BEGIN PRIVATE KEY-----",
            "Public-Key: (2048 bit)",
            "Subject Public Key Info:",
            "Modulus:\n 00:c5\nExponent: 65537",
            "Modulus=C5F1",
            "<RSAKeyValue><Exponent>AQAB</Exponent></RSAKeyValue>",
            "<Modulus>xGH</Modulus>",
            "ssh-ed25519",
            "ecdsa-sha2-nistp256",
            "sk-ecdsa-sha2",
            "ssh-dss",
            "sk-ssh-ed25519",
            "xAAAAB3NzaC1y",
            "AAAAC3NzaC1lZDI1",
            "AAAAE2VjZHNhLXNo",
            "{\"kty\":\"EC\"}",
        ] {
            assert!(marker(text).is_some(), "{text:?}");
        }
        for text in [
            "-----BEGIN MESSAGE-----",
            "BEGIN PUBLIC KEY",
            "--- public key ---",
            "modulus: 5",
            "aaaab3nzac1yc2e",
            "my-ssh-password",
            "sky:blue",
        ] {
            assert_eq!(marker(text), None, "{text:?}");
        }
    }

    #[test]
    fn kty_only_as_a_member_name() {
        for yes in ["\"kty\":\"RSA\"", "kty = RSA", "<kty>RSA</kty>", "'kty' : 1", "\\\"kty\\\":1"] {
            assert!(kty_member(yes), "{yes:?}");
        }
        for no in ["_kty:1", "skty:1", "kty is RSA", "kty"] {
            assert!(!kty_member(no), "{no:?}");
        }
    }

    #[test]
    fn json_keys_anywhere_and_only_to_the_layer_limit() {
        assert_eq!(json_key(r#"{"a":{"kty":"RSA"}}"#, 0).as_deref(), Some("a JWK (kty \"RSA\")"));
        assert_eq!(json_key(r#"[1,{"kty":"OKP"}]"#, 0).as_deref(), Some("a JWK (kty \"OKP\")"));
        assert_eq!(json_key(r#"{"kty":"oct","k":"c2VjcmV0"}"#, 0), None);
        assert_eq!(json_key("no json here", 0), None);
        // Key material in a long string value (an x5c certificate, a PEM in a config).
        let pem = "-----BEGIN PUBLIC KEY-----MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE-----END PUBLIC KEY-----";
        let config = alloc::format!(r#"{{"settings":{{"verifier":"{pem}"}}}}"#);
        assert!(json_key(&config, 0).is_some());
        assert!(json_key(&config, MAX_LAYERS - 1).is_some());
        assert_eq!(json_key(&config, MAX_LAYERS), None, "no deeper than MAX_LAYERS");
        // Short strings are not scanned.
        assert_eq!(json_key(r#"{"a":"ssh-rsa AAAA"}"#, 0), None);
        // A value's encodings count as a layer: base64 DER in a string at the last layer is not opened.
        let b64 = crate::b64::encode(&p256_key().0);
        let x5c = alloc::format!(r#"{{"x5c":["{b64}"]}}"#);
        assert!(json_key(&x5c, 0).is_some());
        assert_eq!(json_key(&x5c, MAX_LAYERS - 1), None);
    }

    #[test]
    fn layers_are_counted() {
        let der = p256_key().0;
        let mut text = crate::b64::encode(&der);
        for _ in 0..MAX_LAYERS - 1 {
            text = crate::b64::encode(text.as_bytes());
        }
        assert!(key_material(text.as_bytes()).is_some(), "{MAX_LAYERS} layers are looked through");
        let deeper = crate::b64::encode(text.as_bytes());
        assert_eq!(key_material(deeper.as_bytes()), None, "a known limit: not more than {MAX_LAYERS}");
    }

    #[test]
    fn decodings_whole_by_word_by_run() {
        let der = p256_key().0;
        let b64 = crate::b64::encode(&der);
        // Whitespace inside the base64 is dropped (no word or run is long enough alone).
        let spaced: String =
            b64.as_bytes().chunks(12).map(|c| core::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ");
        assert!(decodings(&spaced).contains(&der));
        // Words shorter than 40 are not decoded alone, nor runs shorter than 40 in all.
        let short = "aGVsbG8gd29ybGQgaGVsbG8gd29y"; // 28 characters
        assert!(decodings(&alloc::format!("key={short} other")).iter().all(|d| d != b"hello world hello wor"));
        assert!(decodings("ab|aGVsbG8gd29ybGQh|aGVsbG8gd29ybGQh").is_empty());
        // Runs of a split body are joined (each of the 4 lines at least 16 long).
        assert_eq!(b64.len(), 122);
        let quoted: String =
            b64.as_bytes().chunks(31).map(|c| alloc::format!("\"{}\",", core::str::from_utf8(c).unwrap())).collect();
        assert!(decodings(&quoted).contains(&der));
    }

    #[test]
    fn byte_lists_hex_decimal_and_escapes() {
        assert_eq!(byte_list(&"\\x30".repeat(30)), Some(alloc::vec![0x30; 30]));
        assert_eq!(byte_list(&"0x82, ".repeat(30)), Some(alloc::vec![0x82; 30]));
        assert_eq!(byte_list(&"-126,".repeat(30)), Some(alloc::vec![130; 30]));
        assert_eq!(byte_list(&"48,".repeat(29)), None);
        assert_eq!(byte_list(&"300,".repeat(30)), None);
    }

    #[test]
    fn base64_or_hex_either() {
        assert_eq!(base64_or_hex(&"ab".repeat(16)), Some(alloc::vec![0xab; 16]));
        assert_eq!(base64_or_hex(&alloc::format!("0x{}", "0a:".repeat(16))), Some(alloc::vec![0x0a; 16]));
        let b64 = crate::b64::encode(&[0xfbu8; 33]);
        assert_eq!(b64.len(), 44);
        assert_eq!(base64_or_hex(&b64), Some(alloc::vec![0xfb; 33]));
        assert_eq!(base64_or_hex("short"), None);
        // Valid base64 shorter than 24 characters is too short to be a key.
        assert_eq!(base64_or_hex("aGVsbG8gd29ybGQ="), None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%30%82ab%2F"), Some(alloc::vec![0x30, 0x82, b'a', b'b', b'/']));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%3"), None);
        assert_eq!(percent_decode("plain"), Some(b"plain".to_vec()));
    }

    #[test]
    fn quotes_come_off_only_in_pairs() {
        assert_eq!(unquote("\"\""), Some(String::new()));
        assert_eq!(unquote("''"), Some(String::new()));
        assert_eq!(unquote("\""), None);
        assert_eq!(unquote("'a"), None);
        assert_eq!(unquote("a"), None);
    }

    #[test]
    fn json_that_is_not_a_key_is_json_and_a_number_is_a_secret() {
        // An object or array is read as JSON (and then refused as "not a JWK"), never a secret.
        assert_eq!(classify(r#"{"alg":"HS256"}"#), Found::Json(String::from(r#"{"alg":"HS256"}"#)));
        assert_eq!(classify("[1,2]"), Found::Json(String::from("[1,2]")));
        // Other JSON values are ordinary secrets.
        assert_eq!(classify("12345678901234567890"), Found::Plain);
        assert_eq!(classify("\"just-a-secret\""), Found::Plain);
    }

    #[test]
    fn der_without_a_key_shape_is_not_key_material() {
        // SEQUENCE { OCTET STRING (40 bytes) }: a DER sequence, but no INTEGER or OID as every key has.
        let mut der = alloc::vec![0x30, 42, 0x04, 40];
        der.extend([0x5a; 40]);
        assert!(is_der_sequence(&der) && !asn1_shaped(&der));
        let b64 = crate::b64::encode(&der);
        assert_eq!(classify(&b64), Found::Plain, "{b64}");
        assert_eq!(der_word(&alloc::format!("secret={b64}")), None);
        // The same length with a key's shape is found, alone or as a word.
        let mut key = alloc::vec![0x30, 42, 0x02, 40];
        key.extend([0x5a; 40]);
        let b64 = crate::b64::encode(&key);
        assert_eq!(classify(&b64), Found::Der(key.clone()));
        assert_eq!(der_word(&alloc::format!("secret={b64}")), Some(key));
    }

    #[test]
    fn wrappers_come_off() {
        let pem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----";
        for wrapped in [
            alloc::format!("\u{feff}{pem}"),
            pem.replace('\n', "\r\n"),
            alloc::format!("\"{}\"", pem.replace('\n', "\\n")),
            alloc::format!("'{pem}'"),
            alloc::format!("  \u{200b}{pem}\n\n"),
            alloc::format!("\"'{pem}'\""),
            pem.replace('\n', "\\n"),
        ] {
            assert_eq!(normalise(&wrapped), pem, "{wrapped:?}");
        }
        assert_eq!(normalise("  secret "), "secret");
    }

    #[test]
    fn pem_blocks_are_found_inside_text() {
        let text = "subject=CN = example\nissuer=CN = example\n-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n";
        assert_eq!(classify(text), Found::Pem(Ok((String::from("CERTIFICATE"), alloc::vec![0x30, 0]))));
        let one_line = "-----BEGIN PUBLIC KEY----- MAA= -----END PUBLIC KEY-----";
        assert!(matches!(classify(one_line), Found::Pem(Ok(_))));
        assert!(matches!(
            classify("-----BEGIN PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----"),
            Found::Pem(Err(_))
        ));
        assert!(matches!(classify("-----BEGIN PUBLIC KEY-----\nM!A=\n-----END PUBLIC KEY-----"), Found::Pem(Err(_))));
    }

    /// Found by the key_import fuzz target: DER-shaped bytes among control characters,
    /// which normalising (CR → LF) changed. Auto-detection and the secret's own check
    /// must agree, so auto refuses it.
    #[test]
    fn auto_never_returns_a_secret_the_verifier_refuses() {
        let text = "dd\t0A0dddd\t0\0\0\0\0\0\0\0'A00A\u{2}\u{2}\u{2}\u{2}\u{2};\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2})\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\0\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{fffd}\u{fffd}\u{fffd}\r---\n/BEGININo---\n";
        match super::super::import_key(text, super::super::KeyInput::Auto) {
            Ok((set, found)) => {
                assert_ne!(found, super::super::Detected::Secret);
                assert!(!matches!(set.keys()[0].material, super::super::Material::Hmac(_)));
            }
            Err(e) => assert!(!e.message.is_empty()),
        }
    }

    #[test]
    fn utf16_and_damaged_text_is_read() {
        let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
        let utf16: alloc::vec::Vec<u8> =
            [0xff, 0xfe].into_iter().chain(pem.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(key_material(&utf16).is_some());
        let damaged: alloc::vec::Vec<u8> = pem.bytes().chain([0xff]).collect();
        assert!(key_material(&damaged).is_some());
        assert_eq!(text_of(b"plain"), "plain");
        assert_eq!(text_of(b"p\0l\0a\0i\0n\0"), "plain");
    }

    #[test]
    fn der_sequences() {
        // Two-byte lengths, as every RSA key has.
        let mut two = alloc::vec![0x30, 0x82, 0x01, 0x00];
        two.extend_from_slice(&[0; 256]);
        assert!(is_der_sequence(&two));
        two.push(0);
        assert!(!is_der_sequence(&two));
        // Indefinite length (0x80) is not DER; lengths of up to four bytes are read.
        let mut indefinite = alloc::vec![0x30, 0x80];
        indefinite.extend_from_slice(&[0; 128]);
        assert!(!is_der_sequence(&indefinite));
        let mut long = alloc::vec![0x30, 0x84, 0, 0, 0, 3];
        long.extend_from_slice(&[5, 0, 0]);
        assert!(is_der_sequence(&long));
        assert!(!is_der_sequence(&[0x30, 0x85, 0, 0, 0, 0, 0]));
        // An empty PEM block says so.
        assert_eq!(
            classify("-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----"),
            Found::Pem(Err(String::from("the block is empty")))
        );
        assert!(is_der_sequence(&[0x30, 0]));
        assert!(is_der_sequence(&[0x30, 0x81, 1, 5]));
        assert!(!is_der_sequence(&[0x30, 2, 5]));
        assert!(!is_der_sequence(&[0x31, 0]));
        assert!(!is_der_sequence(&[0x30, 0x85, 0, 0, 0, 0, 0]));
        assert!(!is_der_sequence(&[]));
    }

    #[test]
    fn plain_secrets_stay_plain() {
        for s in ["your-256-bit-secret", "MAGIC_secret_key_2024_abcdefghijkl", "correct horse battery staple", "0123"] {
            assert_eq!(classify(s), Found::Plain, "{s}");
        }
        assert_eq!(classify("ssh-ed25519 AAAAC3Nza me@host"), Found::OpenSsh);
        assert_eq!(classify("from=\"10.0.0.1\" ssh-rsa AAAAB3Nza me@host"), Found::OpenSsh);
        let word = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";
        let der = crate::b64::decode(word).unwrap().bytes;
        assert_eq!(classify(&alloc::format!("publicKey={word}")), Found::Der(der));
        assert_eq!(classify("jwks: {\"keys\":[]}"), Found::Json(String::from("{\"keys\":[]}")));
        assert!(matches!(classify("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA PUBLIC KEY"), Found::Suspect(_)));
    }
}
