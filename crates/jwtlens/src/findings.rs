//! Security findings: what an attacker could use, or a reviewer should question.
//!
//! Each finding has a stable code, a severity, the part and byte it points
//! at, and one sentence. The list follows RFC 8725 (JWT Best Current
//! Practices) §2 (threats) and §3 (practices). Nothing here fetches,
//! trusts or brute-forces anything: a secret is compared only with the
//! list of well-known secrets below.
//!
//! # Example
//! ```
//! use jwtlens::{inspect, Options, findings::{FindingCode, Severity}};
//! let r = inspect("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", &Options::default());
//! assert_eq!(r.findings[0].code, FindingCode::AlgNone);
//! assert_eq!(r.findings[0].severity, Severity::Critical);
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::alg::Algorithm;
use crate::diagnostic::{Code, Part};
use crate::json::Json;
use crate::key::{KeySet, KeyType, Material};
use crate::time::{humanize, TimeReport, TimeStatus};
use crate::token::{Kind, Token};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Severity {
    /// Anyone can forge tokens this verifier accepts.
    Critical,
    /// A likely vulnerability.
    High,
    /// Risky; worth a look.
    Medium,
    /// Untidy or unusual.
    Low,
    /// Worth knowing.
    Info,
}

/// Stable finding codes; the README's table documents each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum FindingCode {
    AlgNone,
    KeyConfusion,
    WeakSecret,
    ShortHmacKey,
    WeakRsaKey,
    JkuHeader,
    X5uHeader,
    JwkHeader,
    X5cHeader,
    SuspiciousKid,
    UnknownCrit,
    UnencodedPayload,
    DuplicateMember,
    NonCanonicalBase64url,
    EcdsaZeroScalar,
    MissingExp,
    LongLifetime,
    IatInFuture,
    Expired,
    NotYetValid,
    SensitiveClaim,
    Encrypted,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// How much it matters.
    pub severity: Severity,
    /// The part it points at.
    pub part: Part,
    /// Byte offset in the input.
    pub offset: usize,
    /// End of the pointed-at range.
    pub end: usize,
    /// One sentence.
    pub message: String,
}

/// Well-known HMAC secrets: defaults from documentation, tutorials and
/// frameworks, and the most common entries of public JWT secret lists.
/// Checked only against the secret the caller gives, never used to guess.
pub const COMMON_SECRETS: &[&str] = &[
    "secret",
    "your-256-bit-secret",
    "your-384-bit-secret",
    "your-512-bit-secret",
    "password",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "changeme",
    "change_me",
    "changeit",
    "jwt",
    "jwtsecret",
    "jwt_secret",
    "jwt-secret",
    "JWT_SECRET",
    "jwtSecret",
    "jwtkey",
    "jwt_key",
    "secretkey",
    "secret_key",
    "secret-key",
    "secretKey",
    "SECRET_KEY",
    "mysecret",
    "my_secret",
    "my-secret",
    "mySecret",
    "mysecretkey",
    "my_secret_key",
    "mySecretKey",
    "supersecret",
    "super_secret",
    "super-secret",
    "supersecretkey",
    "topsecret",
    "key",
    "private",
    "privatekey",
    "private_key",
    "test",
    "testing",
    "test123",
    "dev",
    "development",
    "prod",
    "production",
    "admin",
    "administrator",
    "root",
    "default",
    "qwerty",
    "letmein",
    "welcome",
    "abc123",
    "passw0rd",
    "p@ssw0rd",
    "s3cr3t",
    "s3cret",
    "secr3t",
    "shhhhh",
    "shhhhhared-secret",
    "keyboard cat",
    "keyboardcat",
    "hello",
    "helloworld",
    "hello world",
    "foobar",
    "foo",
    "bar",
    "example",
    "sample",
    "demo",
    "token",
    "tokensecret",
    "token_secret",
    "auth",
    "authsecret",
    "auth_secret",
    "api",
    "apikey",
    "api_key",
    "app",
    "appsecret",
    "app_secret",
    "server",
    "node",
    "express",
    "nodejs",
    "django-insecure",
    "laravel",
    "rails",
    "spring",
    "flask",
    "fastapi",
    "your_jwt_secret",
    "your-secret-key",
    "your_secret_key",
    "yoursecretkey",
    "your-secret",
    "YOUR_SECRET_KEY",
    "replace-me",
    "replace_me",
    "changethis",
    "change-this",
    "change_this_super_secret_random_string",
    "secretOrPrivateKey",
    "ThisIsMySecret",
    "thisismysecret",
    "gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
    "jwtlens-example-secret-do-not-use-in-production",
];

/// RFC 7515 A.1's HMAC key, as bytes: public since 2015, so never secret.
const RFC7515_A1_KEY: &str = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

fn is_common_secret(secret: &[u8]) -> bool {
    COMMON_SECRETS.iter().any(|s| s.as_bytes() == secret)
        || crate::b64::decode(RFC7515_A1_KEY).is_ok_and(|d| d.bytes == secret)
}

/// Claim names that should never travel in a readable payload.
const SENSITIVE_NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "secret",
    "client_secret",
    "api_key",
    "apikey",
    "private_key",
    "ssn",
    "social_security",
    "credit_card",
    "card_number",
    "cardnumber",
    "cc_number",
    "cvv",
    "cvc",
    "pin",
    "iban",
];

/// Luhn-valid 13–19 digit numbers (spaces and dashes allowed) look like card numbers.
fn looks_like_card(s: &str) -> bool {
    let digits: Vec<u32> =
        s.chars().filter(|c| !matches!(c, ' ' | '-')).map(|c| c.to_digit(10).unwrap_or(99)).collect();
    if !(13..=19).contains(&digits.len())
        || digits.iter().any(|d| *d > 9)
        || s.chars().any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
    {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                *d
            }
        })
        .sum();
    sum % 10 == 0
}

fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.') && !s.contains(' ')
}

/// kid values that look like a path, a URL or SQL: signs of injection into a key lookup (RFC 8725 §3.10).
fn suspicious_kid(kid: &str) -> Option<&'static str> {
    let lower = kid.to_ascii_lowercase();
    if kid.contains('\0') {
        Some("a NUL byte")
    } else if kid.contains("../") || kid.contains("..\\") || kid.starts_with('/') || lower.starts_with("file:") {
        Some("a file path")
    } else if lower.contains("://") {
        Some("a URL")
    } else if kid.contains('\'')
        || kid.contains("--")
        || kid.contains(';')
        || lower.contains(" or ")
        || lower.contains("union select")
    {
        Some("SQL")
    } else if kid.contains('|') || kid.contains('`') || kid.contains("$(") {
        Some("a shell command")
    } else {
        None
    }
}

struct Collector<'t, 'a> {
    token: &'t Token<'a>,
    out: Vec<Finding>,
}

impl Collector<'_, '_> {
    fn push(&mut self, code: FindingCode, severity: Severity, part: Part, message: String) {
        let (offset, end) =
            self.token.segments().iter().find(|s| s.part == part).map(|s| (s.start, s.end)).unwrap_or_else(|| {
                let span = self.token.span();
                (span.start, span.end)
            });
        self.out.push(Finding { code, severity, part, offset, end, message });
    }

    /// Point at the header member `name` when it is there.
    fn push_member(&mut self, code: FindingCode, severity: Severity, part: Part, name: &str, message: String) {
        let obj = if part == Part::Header { self.token.header_json() } else { self.token.claims_json() };
        match obj.and_then(|o| o.member(name)) {
            Some(m) => self.push_span(code, severity, part, m.span.clone(), message),
            None => self.push(code, severity, part, message),
        }
    }

    /// Point at the base64url characters holding the decoded bytes `span` of `part`.
    fn push_span(
        &mut self,
        code: FindingCode,
        severity: Severity,
        part: Part,
        span: core::ops::Range<usize>,
        message: String,
    ) {
        match self.token.segments().iter().find(|s| s.part == part) {
            Some(seg) => {
                let offset = (seg.start + span.start / 3 * 4).min(seg.end);
                let end = (seg.start + span.end.div_ceil(3) * 4).min(seg.end);
                self.out.push(Finding { code, severity, part, offset, end, message });
            }
            None => self.push(code, severity, part, message),
        }
    }
}

/// What every rule reads.
struct Input<'t, 'a> {
    token: &'t Token<'a>,
    keys: Option<&'t KeySet>,
    time: Option<&'t TimeReport>,
    /// The header's `alg`, as written.
    alg: Option<&'t str>,
    /// The same, when it names an algorithm jwtlens knows.
    algorithm: Option<Algorithm>,
}

/// One finding rule: look at the input, push what it finds.
type Rule = fn(&Input<'_, '_>, &mut Collector<'_, '_>);

/// Every rule, in the order their findings are listed within a severity.
const RULES: [Rule; 13] = [
    encrypted,
    alg_none,
    offered_keys,
    header_keys_and_urls,
    suspicious_kid_header,
    unknown_crit,
    unencoded_payload,
    parser_notices,
    ecdsa_zero_scalar,
    lifetime,
    iat_in_future,
    time_status,
    sensitive_claims,
];

/// Everything worth flagging about a token, with the keys offered (if any)
/// and its time report, most severe first.
pub fn findings(token: &Token<'_>, keys: Option<&KeySet>, time: Option<&TimeReport>) -> Vec<Finding> {
    let alg = token.header().and_then(|h| h.alg.as_deref());
    let input = Input { token, keys, time, alg, algorithm: alg.and_then(|a| a.parse().ok()) };
    let mut c = Collector { token, out: Vec::new() };
    for rule in RULES {
        rule(&input, &mut c);
    }
    c.out.sort_by_key(|f| f.severity);
    c.out
}

fn encrypted(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.token.kind() == Kind::Jwe {
        c.push(
            FindingCode::Encrypted,
            Severity::Info,
            Part::Header,
            String::from("An encrypted token (JWE): its claims are hidden without the recipient's key."),
        );
    }
}

/// RFC 8725 §3.1.
fn alg_none(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.alg.is_some_and(|a| a.eq_ignore_ascii_case("none")) {
        c.push_member(FindingCode::AlgNone, Severity::Critical, Part::Header, "alg", String::from("alg is \"none\": the token carries no signature, so anyone can make one; a verifier must never accept it (RFC 8725 §3.1)."));
    }
}

/// Each offered key: well-known or short secrets, weak RSA keys, key confusion.
fn offered_keys(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(keys) = i.keys else { return };
    let hmac_alg = i.alg.is_some_and(|a| a.starts_with("HS"));
    let alg_name = i.alg.unwrap_or("HS256");
    for key in keys.keys() {
        match &key.material {
            Material::Hmac(secret) => {
                if is_common_secret(secret) {
                    c.push(FindingCode::WeakSecret, Severity::Critical, Part::Signature, String::from("The HMAC secret is a well-known one (from documentation, examples or leaked lists): anyone can forge tokens with it."));
                }
                // RFC 7518 §3.2; HS256's 32 bytes when the token names no HMAC algorithm.
                let need = i.algorithm.and_then(Algorithm::min_hmac_key_len).unwrap_or(32);
                if secret.len() < need {
                    c.push(FindingCode::ShortHmacKey, Severity::High, Part::Signature, format!("The HMAC secret has {} bits; RFC 7518 §3.2 requires at least {} for {alg_name}, and short secrets can be brute-forced offline from one token.", secret.len() * 8, need * 8));
                }
            }
            Material::Rsa(_) if key.bits() < crate::verify::MIN_RSA_BITS => {
                c.push(
                    FindingCode::WeakRsaKey,
                    Severity::High,
                    Part::Signature,
                    format!("The RSA key has {} bits; RFC 7518 §3.3 requires at least 2048.", key.bits()),
                );
            }
            _ => {}
        }
        if let (true, Material::Hmac(secret)) = (hmac_alg, &key.material) {
            if let Some(public) = secret.public_key() {
                c.push_member(FindingCode::KeyConfusion, Severity::Critical, Part::Header, "alg", format!("The token says {alg_name} (a shared secret) and the secret offered is the text of a public key ({public}): anyone who has the public key can make tokens that verify with it (key confusion, RFC 8725 §2.1). jwtlens refuses such a secret; configure the verifier with the public key and an RS/PS/ES/EdDSA algorithm."));
            }
        }
        if hmac_alg && key.key_type() != KeyType::Oct {
            c.push_member(FindingCode::KeyConfusion, Severity::Critical, Part::Header, "alg", format!("The token says {alg_name} (a shared secret) but the key offered is an {}: a verifier that used the public key as the HMAC secret would accept tokens anyone can make (key confusion).", key.key_type().label()));
        }
    }
}

/// RFC 8725 §3.10: keys and key locations the token names itself.
fn header_keys_and_urls(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(h) = i.token.header() else { return };
    let never = "jwtlens never fetches or trusts it; a verifier must use its own configured keys (RFC 8725 §3.10).";
    if let Some(u) = &h.jku {
        c.push_member(
            FindingCode::JkuHeader,
            Severity::Medium,
            Part::Header,
            "jku",
            format!("The header names a key set URL ({u}); {never}"),
        );
    }
    if let Some(u) = &h.x5u {
        c.push_member(
            FindingCode::X5uHeader,
            Severity::Medium,
            Part::Header,
            "x5u",
            format!("The header names a certificate URL ({u}); {never}"),
        );
    }
    if h.jwk.is_some() {
        c.push_member(
            FindingCode::JwkHeader,
            Severity::High,
            Part::Header,
            "jwk",
            format!(
                "The header embeds its own public key; trusting it lets anyone sign tokens with their own key. {never}"
            ),
        );
    }
    if h.x5c.is_some() {
        c.push_member(FindingCode::X5cHeader, Severity::Medium, Part::Header, "x5c", format!("The header embeds a certificate chain; it proves nothing unless validated against a trusted root. {never}"));
    }
}

fn suspicious_kid_header(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if let Some(what) = i.token.header().and_then(|h| h.kid.as_deref()).and_then(suspicious_kid) {
        c.push_member(
            FindingCode::SuspiciousKid,
            Severity::High,
            Part::Header,
            "kid",
            format!("The kid looks like {what}: a key lookup that uses it as a path, URL or query can be injected."),
        );
    }
}

/// RFC 7515 §4.1.11.
fn unknown_crit(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(crit) = i.token.header().and_then(|h| h.crit.as_ref()) else { return };
    for name in crit.iter().filter(|n| n.as_str() != "b64") {
        c.push_member(FindingCode::UnknownCrit, Severity::High, Part::Header, "crit", format!("crit lists \"{name}\", an extension jwtlens does not understand; RFC 7515 §4.1.11 requires rejecting the token."));
    }
}

/// RFC 7797.
fn unencoded_payload(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.token.header().is_some_and(|h| h.b64 == Some(false)) {
        c.push_member(FindingCode::UnencodedPayload, Severity::Medium, Part::Header, "b64", String::from("b64 is false: the payload is signed as raw bytes (RFC 7797); verifiers that ignore crit will read it wrongly."));
    }
}

/// What the parser noticed and forgave: duplicate names, non-canonical base64url.
fn parser_notices(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    for n in i.token.notices() {
        let (code, severity, message) = match n.code {
            Code::DuplicateMember => (FindingCode::DuplicateMember, Severity::Medium, "A member name occurs twice; parsers disagree on which one counts, so different systems may read different claims."),
            Code::NonCanonicalBase64url | Code::Base64Padding | Code::Base64StandardAlphabet => (FindingCode::NonCanonicalBase64url, Severity::Low, "A segment is not canonical base64url: different spellings of the same token can slip past deny-lists and caches."),
            _ => continue,
        };
        c.out.push(Finding {
            code,
            severity,
            part: n.part,
            offset: n.offset,
            end: n.end,
            message: String::from(message),
        });
    }
}

/// CVE-2022-21449: r or s zero in a signature of the JWS size (RFC 7518 §3.4).
fn ecdsa_zero_scalar(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let size = i.algorithm.and_then(Algorithm::ecdsa_scalar_len);
    let (Some(size), Some(sig)) = (size, i.token.signature()) else { return };
    if sig.len() == 2 * size {
        let (r, s) = sig.split_at(size);
        if r.iter().all(|b| *b == 0) || s.iter().all(|b| *b == 0) {
            c.push(FindingCode::EcdsaZeroScalar, Severity::Critical, Part::Signature, String::from("The ECDSA signature has r or s equal to zero: the \"psychic signature\" forgery (CVE-2022-21449) that broken verifiers accept for any message."));
        }
    }
}

/// No exp, or a long one (RFC 8725 §3.10's advice on lifetimes).
fn lifetime(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(claims) = i.token.claims() else { return };
    if claims.exp.is_none() && i.token.kind() == Kind::Jws {
        c.push(
            FindingCode::MissingExp,
            Severity::Medium,
            Part::Payload,
            String::from("There is no exp: the token never expires, so a stolen copy works forever unless revoked."),
        );
    }
    if let (Some(e), Some(iat)) = (claims.exp, claims.iat) {
        if e - iat > 86_400.0 {
            c.push_member(
                FindingCode::LongLifetime,
                Severity::Low,
                Part::Payload,
                "exp",
                format!(
                    "The token lives {} (exp − iat); access tokens usually live minutes, so theft matters longer.",
                    humanize(e - iat)
                ),
            );
        }
    }
}

fn iat_in_future(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.time.is_some_and(|t| t.issued_in_future) {
        c.push_member(
            FindingCode::IatInFuture,
            Severity::Medium,
            Part::Payload,
            "iat",
            String::from("iat is in the future: the issuer's clock is wrong, or the token was made by someone else."),
        );
    }
}

fn time_status(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(t) = i.time else { return };
    match t.status {
        TimeStatus::Expired => {
            c.push_member(FindingCode::Expired, Severity::Info, Part::Payload, "exp", t.summary.clone())
        }
        TimeStatus::NotYetValid => {
            c.push_member(FindingCode::NotYetValid, Severity::Info, Part::Payload, "nbf", t.summary.clone())
        }
        _ => {}
    }
}

/// RFC 7519 §12 (Privacy Considerations): a JWS payload is readable by whoever holds the token.
fn sensitive_claims(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(obj) = i.token.claims_json() else { return };
    for m in obj.members() {
        let lower = m.name.to_ascii_lowercase();
        let reason = if SENSITIVE_NAMES.contains(&lower.as_str()) {
            Some(format!("The claim \"{}\" looks sensitive", m.name))
        } else {
            match &m.value {
                Json::String(v) if looks_like_card(v) => {
                    Some(format!("The claim \"{}\" looks like a card number", m.name))
                }
                Json::String(v) if looks_like_email(v) && lower != "email" => {
                    Some(format!("The claim \"{}\" holds an email address", m.name))
                }
                _ => None,
            }
        };
        if let Some(r) = reason {
            // The member itself, not a search by name: many members must not cost n².
            c.push_span(
                FindingCode::SensitiveClaim,
                Severity::Medium,
                Part::Payload,
                m.span.clone(),
                format!("{r}: a JWT payload is encoded, not encrypted, and anyone holding the token can read it."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::b64;
    use crate::key::{Key, SecretEncoding};

    fn codes(header: &str, payload: &str, sig: &[u8], keys: Option<&KeySet>) -> Vec<FindingCode> {
        let text =
            format!("{}.{}.{}", b64::encode(header.as_bytes()), b64::encode(payload.as_bytes()), b64::encode(sig));
        let t = Token::parse(&text);
        let c = t.claims().cloned().unwrap_or_default();
        let time = TimeReport::new(c.exp, c.nbf, c.iat, Some(1000.0));
        findings(&t, keys, Some(&time)).iter().map(|f| f.code).collect()
    }

    #[test]
    fn header_findings() {
        let got = codes(
            r#"{"alg":"HS256","jku":"https://x/jwks","x5u":"https://x/c","jwk":{"kty":"oct"},"x5c":["AA"],"kid":"../../dev/null","crit":["exp"]}"#,
            r#"{"exp":2000,"iat":900}"#,
            &[0; 32],
            None,
        );
        for want in [
            FindingCode::JkuHeader,
            FindingCode::X5uHeader,
            FindingCode::JwkHeader,
            FindingCode::X5cHeader,
            FindingCode::SuspiciousKid,
            FindingCode::UnknownCrit,
        ] {
            assert!(got.contains(&want), "{want:?} in {got:?}");
        }
        assert!(suspicious_kid("key' OR '1'='1").is_some());
        assert!(suspicious_kid("https://evil/key").is_some());
        assert!(suspicious_kid("2024-rotation-1").is_none());
    }

    #[test]
    fn key_findings() {
        let weak = KeySet::single(Key::secret("secret", SecretEncoding::Utf8).unwrap());
        let got = codes(r#"{"alg":"HS256"}"#, r#"{"exp":2000}"#, &[1; 32], Some(&weak));
        assert_eq!(&got[..2], [FindingCode::WeakSecret, FindingCode::ShortHmacKey]);
        let rsa =
            Key::import(include_str!("../../../tests/vectors/latchset-jose/tests/vectors/rfc7515_A.2.jwk")).unwrap();
        let got = codes(r#"{"alg":"HS256"}"#, r#"{"exp":2000}"#, &[1; 32], Some(&rsa));
        assert_eq!(got[0], FindingCode::KeyConfusion);
    }

    #[test]
    fn payload_findings() {
        let got = codes(
            r#"{"alg":"ES256"}"#,
            r#"{"iat":5000,"password":"hunter2","card":"4111 1111 1111 1111","contact":"a@b.example"}"#,
            &[0; 64],
            None,
        );
        assert_eq!(got.first(), Some(&FindingCode::EcdsaZeroScalar));
        for want in [FindingCode::MissingExp, FindingCode::IatInFuture, FindingCode::SensitiveClaim] {
            assert!(got.contains(&want), "{want:?} in {got:?}");
        }
        assert_eq!(got.iter().filter(|c| **c == FindingCode::SensitiveClaim).count(), 3);
        let got = codes(r#"{"alg":"HS256"}"#, r#"{"iat":0,"exp":900000}"#, &[1; 32], None);
        assert!(got.contains(&FindingCode::LongLifetime) && !got.contains(&FindingCode::Expired));
        assert!(looks_like_card("4111-1111-1111-1111") && !looks_like_card("4111111111111112"));
    }
}
