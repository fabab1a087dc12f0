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

use crate::text::{find, has, replace};
use alloc::string::{String, ToString};
use alloc::vec::Vec;

mod scan;
#[cfg(test)]
mod tests;

pub(crate) use scan::key_material;
use scan::{asn1_shaped, base64_or_hex, kty_member};

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
    if t.as_bytes().contains(&b'\r') {
        t = replace(&t, "\r\n", "\n").replace('\r', "\n");
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
    if has(&t, "-----BEGIN") && has(&t, "\\n") {
        t = replace(&replace(&t, "\\r\\n", "\n"), "\\n", "\n");
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
        // The core's JSON reader: serde_json's typed String would link its
        // error formatting for every other JSON type, floats included (14 KB of wasm).
        if let Ok(crate::json::Json::String(s)) = crate::json::parse(t.as_bytes()) {
            return Some(String::from(s.as_str()));
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
    let begin = find(t, BEGIN)?;
    let after = t.get(begin + BEGIN.len()..)?;
    let Some(label_len) = find(after, "-----") else {
        return Some(Err(String::from("the BEGIN line does not end with \"-----\"")));
    };
    let label = after.get(..label_len).unwrap_or("").trim();
    let body_and_rest = after.get(label_len + 5..).unwrap_or("");
    // `find` compares from every dash, as far as the text agrees with the
    // line: past "-----END " only where that stands, and then not past the
    // next "-----" (the label holds none): linear whatever the label's length.
    let end_line = alloc::format!("-----END {label}-----");
    let Some(body_len) = find(body_and_rest, &end_line) else {
        return Some(Err(alloc::format!("no \"{end_line}\" line closes the block")));
    };
    let body = body_and_rest.get(..body_len).unwrap_or("");
    if body.as_bytes().contains(&b':') {
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
        OPENSSH_PREFIXES.iter().any(|p| line.starts_with(p) || has(line, &alloc::format!(" {p}AAAA")))
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
    if has(t, "\"kty\"") || has(t, "\"keys\"") {
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
    if let Some(m) = MARKERS.iter().find(|m| has(t, m)) {
        return Found::Suspect(alloc::format!("the text contains \"{m}\""));
    }
    match key_material(t.as_bytes()) {
        Some(what) => Found::Suspect(what),
        None => Found::Plain,
    }
}
