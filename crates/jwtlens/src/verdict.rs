//! The one place that decides whether a token is valid.
//!
//! Valid ⇔ every one of these holds (tested as properties in
//! `tests/invariants.rs` and against independent verifiers in
//! `tests/differential.rs`):
//!
//! 1. the signature verified with a key the core selected from the caller's
//!    keys (never a key the token names, never a public key's text used as an
//!    HMAC secret), for an algorithm both the key and the policy allow;
//! 2. the token is a JWS whose header and payload are JSON objects the core
//!    parsed completely, with no member name twice in any object (RFC 7515 §4, RFC 7519 §4:
//!    parsers "MUST either reject [...] duplicate [...] names or use a JSON
//!    parser that returns only the lexically last duplicate": jwtlens rejects,
//!    so no two parsers can read different claims out of a valid token);
//! 3. every registered claim present has its type (exp/nbf/iat numbers,
//!    iss/sub/jti strings, aud a string or a list of strings);
//! 4. `crit` is a non-empty list of parameters the core understands and that
//!    are present, and `b64` appears only with `crit` naming it — and is not
//!    `false`: an unencoded payload makes a JWS, not a JWT (RFC 7519 §7.1);
//! 5. the payload is a claims set, not a nested JWT (`cty: "JWT"`), which is
//!    reported as [`VerdictStatus::Nested`];
//! 6. exp and nbf were judged against a clock (a time the caller gave), or the
//!    caller opted out explicitly ([`crate::Options::skip_time_checks`]);
//! 7. every check of the policy passed (with no policy, the default one:
//!    the same leeway whatever the shape of the options).
//!
//! Anything else is another status with its reason.

use alloc::format;
use alloc::string::String;

use serde::Serialize;

use crate::policy::{Check, Outcome};
use crate::token::{Kind, Token};
use crate::verify::SignatureStatus;

/// The overall answer: may this token be trusted now?
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Verdict {
    /// `valid`, `invalid_signature`, `no_key`, `claims_fail`, `unsecured`, `nested` or `malformed`.
    pub status: VerdictStatus,
    /// One sentence.
    pub message: String,
}

/// See [`Verdict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum VerdictStatus {
    /// Every invariant of the module documentation holds.
    Valid,
    /// The signature did not verify with the keys given.
    InvalidSignature,
    /// No key was given, so nothing about the signature is known.
    NoKey,
    /// The signature verified but a claim check failed (expired, not yet
    /// valid, issuer, audience, ...) or the time could not be judged.
    ClaimsFail,
    /// `alg: none`.
    Unsecured,
    /// The signature verified, but the payload is another JWT (`cty: "JWT"`):
    /// the outer token carries no claims; verify the inner one.
    Nested,
    /// The token is malformed, or not a JWT the core can vouch for.
    Malformed,
    /// The key may verify the token, but the signature's arithmetic was left
    /// to the platform, which gave no answer (see
    /// [`crate::verify::VerifyError::PlatformRequired`]).
    Unchecked,
}

impl VerdictStatus {
    /// The name the JSON report uses: `valid`, `invalid_signature`, `no_key`,
    /// `claims_fail`, `unsecured`, `nested` or `malformed`.
    ///
    /// ```
    /// use jwtlens::report::VerdictStatus;
    /// assert_eq!(VerdictStatus::ClaimsFail.as_str(), "claims_fail");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictStatus::Valid => "valid",
            VerdictStatus::InvalidSignature => "invalid_signature",
            VerdictStatus::NoKey => "no_key",
            VerdictStatus::ClaimsFail => "claims_fail",
            VerdictStatus::Unsecured => "unsecured",
            VerdictStatus::Nested => "nested",
            VerdictStatus::Malformed => "malformed",
            VerdictStatus::Unchecked => "unchecked",
        }
    }

    /// The heading every face shows for it: "Verified", "Invalid signature", ...
    ///
    /// ```
    /// use jwtlens::report::VerdictStatus;
    /// assert_eq!(VerdictStatus::NoKey.title(), "Signature not checked");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            VerdictStatus::Valid => "Verified",
            VerdictStatus::InvalidSignature => "Invalid signature",
            VerdictStatus::NoKey => "Signature not checked",
            VerdictStatus::ClaimsFail => "Claims fail",
            VerdictStatus::Unsecured => "Unsecured (alg none)",
            VerdictStatus::Nested => "Nested token",
            VerdictStatus::Malformed => "Not a valid JWT",
            VerdictStatus::Unchecked => "Signature not checked",
        }
    }
}

/// The time a verdict is judged at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Clock {
    /// A time given.
    At(crate::time::NumericDate),
    /// No time given, and the caller did not opt out: the verdict cannot be valid.
    Missing,
    /// The caller asked for exp and nbf not to be judged.
    Skipped,
}

/// Whether the payload is a nested JWT (RFC 7519 §5.2: `cty` "JWT").
fn nested(token: &Token<'_>) -> bool {
    token.header().is_some_and(crate::claims::Header::nested)
}

/// Why a token whose signature verified is still not a JWT the core vouches
/// for (invariants 2–4), or `None`.
fn structure_problem(token: &Token<'_>) -> Option<String> {
    if token.kind() != Kind::Jws {
        return Some(String::from("it is not a JWS in compact form."));
    }
    // RFC 9901: the issuer's signature alone says nothing of the disclosures or the key binding.
    if token.notices().iter().any(|n| n.code == crate::Code::SdJwt) {
        return Some(String::from(
            "it is the issuer-signed JWT of an SD-JWT, whose disclosures and key binding only an SD-JWT verification judges (verifySdJwt, jwtlens verify).",
        ));
    }
    if let Some(e) = token.errors().first() {
        return Some(e.message.clone());
    }
    let Some(header) = token.header_json() else {
        return Some(String::from("its header is not a JSON object."));
    };
    if let Some(name) = header.duplicate_anywhere() {
        return Some(format!(
            "its header has \"{name}\" more than once in one object; parsers disagree on which one counts."
        ));
    }
    if let Some(why) = crate::token::header_problem(token) {
        return Some(why);
    }
    if token.header().and_then(|h| h.b64) == Some(false) {
        // RFC 7519 §7.1 step 5: a JWT's payload is BASE64URL(JWT Claims Set); RFC 7797's
        // unencoded payload makes a JWS, not a JWT (jose refuses it for JWTs too).
        return Some(String::from("its payload is unencoded (b64: false): a JWS (RFC 7797), not a JWT, whose claims are base64url-encoded (RFC 7519 §7.1)."));
    }
    if nested(token) {
        return None;
    }
    let Some(claims) = token.claims_json() else {
        return Some(String::from("its payload is not a JSON object, so it is not a JWT claims set."));
    };
    if let Some(name) = claims.duplicate_anywhere() {
        return Some(format!(
            "its claims set has \"{name}\" more than once in one object; parsers disagree on which one counts."
        ));
    }
    None
}

/// The verdict: the signature's status and sentence (`said`), the token's
/// structure, the clock and the policy's failed checks (`checks` may hold
/// passed and skipped ones too). The only function that makes
/// [`VerdictStatus::Valid`].
pub(crate) fn decide(
    token: &Token<'_>,
    signature: SignatureStatus,
    said: String,
    checks: &[Check],
    clock: Clock,
) -> Verdict {
    use SignatureStatus as S;
    let verdict = |status, message| Verdict { status, message };
    match signature {
        S::Verified => {}
        S::Invalid | S::NoUsableKey => return verdict(VerdictStatus::InvalidSignature, said),
        S::NoKey => {
            return verdict(
                VerdictStatus::NoKey,
                String::from("No key given: the token is decoded but its signature is not checked."),
            )
        }
        S::Unsecured => return verdict(VerdictStatus::Unsecured, said),
        S::Unverifiable => return verdict(VerdictStatus::Malformed, said),
        S::Unchecked => return verdict(VerdictStatus::Unchecked, said),
    }
    if let Some(why) = structure_problem(token) {
        return verdict(VerdictStatus::Malformed, format!("The signature verified, but the token is not valid: {why}"));
    }
    if nested(token) {
        return verdict(
            VerdictStatus::Nested,
            String::from("The signature verified, but the payload is another JWT (cty: \"JWT\"), not claims: the outer token is never valid on its own; verify the inner token."),
        );
    }
    if clock == Clock::Missing {
        return verdict(
            VerdictStatus::ClaimsFail,
            String::from("The signature verified, but no current time was given, so exp and nbf could not be checked: give the time, or skip the time checks explicitly."),
        );
    }
    let mut failed = checks.iter().filter(|c| c.outcome == Outcome::Failed).peekable();
    if failed.peek().is_some() {
        let why: alloc::vec::Vec<&str> = failed.map(|c| c.message.as_str()).collect();
        return verdict(
            VerdictStatus::ClaimsFail,
            format!("Signature verified, but the claims fail: {}", why.join(" ")),
        );
    }
    if clock == Clock::Skipped {
        return verdict(
            VerdictStatus::Valid,
            format!("{said} Time checks (exp, nbf, iat) were skipped, as the caller asked."),
        );
    }
    verdict(VerdictStatus::Valid, said)
}

#[cfg(test)]
mod tests {
    use super::VerdictStatus;

    #[test]
    fn status_names_are_the_json_names() {
        for s in [
            VerdictStatus::Valid,
            VerdictStatus::InvalidSignature,
            VerdictStatus::NoKey,
            VerdictStatus::ClaimsFail,
            VerdictStatus::Unsecured,
            VerdictStatus::Nested,
            VerdictStatus::Malformed,
        ] {
            assert_eq!(s.as_str(), crate::report::json_name(&s));
        }
    }
}
