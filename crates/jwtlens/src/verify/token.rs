//! A token's signature against a key set: which key is tried, why others are not, the verdict.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::alg::{Algorithm, Family};
use crate::key::{Key, KeyType};

use super::*;

/// The outcome of verifying a token's signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum SignatureStatus {
    /// A key verified the signature.
    Verified,
    /// The signature does not match (or is malformed) for the key(s) tried.
    Invalid,
    /// No key was given: the signature was not checked.
    NoKey,
    /// Keys were given, but none may verify this token (wrong type, kid, use or alg).
    NoUsableKey,
    /// `alg: none`.
    Unsecured,
    /// The token could not be parsed far enough to verify, or its `alg` is unknown.
    Unverifiable,
    /// Every check before the arithmetic passed, but this build leaves the
    /// arithmetic to the platform and the platform gave no answer
    /// ([`VerifyError::PlatformRequired`]): nothing is known about the signature.
    Unchecked,
}

/// Why each offered key was or was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Candidate {
    /// Position in the key set.
    pub index: usize,
    /// The key in words.
    pub key: String,
    /// Its `kid`.
    pub kid: Option<String>,
    /// Whether it was tried.
    pub tried: bool,
    /// Why it was (not) tried, or what trying it gave.
    pub reason: String,
}

/// The signature verdict for a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureVerdict {
    /// The outcome.
    pub status: SignatureStatus,
    /// The token's `alg`.
    pub alg: Option<String>,
    /// The key that verified it, when one did.
    pub key: Option<String>,
    /// The error from the last key tried, when none verified.
    pub error: Option<VerifyError>,
    /// Every offered key, and why it was or was not tried.
    pub candidates: Vec<Candidate>,
    /// One sentence.
    pub message: String,
}

impl SignatureVerdict {
    fn new(status: SignatureStatus, alg: Option<&str>, message: String) -> SignatureVerdict {
        SignatureVerdict { status, alg: alg.map(String::from), key: None, error: None, candidates: Vec::new(), message }
    }
}

/// Why `key` may not verify a token with `alg` and `kid`, or `None` if it may.
///
/// RFC 7517 §4.2 (`use`: "sig" for signatures), §4.3 (`key_ops`: "verify"),
/// §4.4 (`alg`: "the algorithm intended for use with the key"), §4.5 (`kid`).
pub(super) fn unusable(key: &Key, alg: Algorithm, kid: Option<&str>) -> Option<String> {
    use alloc::format;
    if let (Some(want), Some(have)) = (kid, key.kid.as_deref()) {
        if want != have {
            return Some(format!("its kid \"{have}\" is not the token's \"{want}\""));
        }
    }
    if let Some(u) = key.use_.as_deref() {
        if u != "sig" {
            return Some(format!("its use is \"{u}\", not \"sig\""));
        }
    }
    if let Some(ops) = &key.key_ops {
        if !ops.iter().any(|o| o == "verify") {
            return Some(String::from("its key_ops do not include \"verify\""));
        }
    }
    if let Some(a) = key.alg.as_deref() {
        if a != alg.name() {
            return Some(format!("it is meant for {a}, not {}", alg.name()));
        }
    }
    let fits = alg.takes(key.key_type());
    if !fits {
        let why = if alg.family() == Family::Hmac && key.key_type() != KeyType::Oct {
            "; using a public key as an HMAC secret is the key-confusion attack"
        } else {
            ""
        };
        return Some(format!("an {} cannot verify {}{why}", key.key_type().label(), alg.name()));
    }
    None
}

/// Verify a parsed token's signature with the keys offered, choosing by
/// `kid`, then `use`/`key_ops`/`alg`, then key type, and saying why each
/// key was or was not tried.
///
/// ```
/// use jwtlens::{key::Key, token::Token, verify::{verify_token, SignatureStatus}};
/// // RFC 7515 A.1
/// let token = Token::parse("eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
/// let keys = Key::import(r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#).unwrap();
/// assert_eq!(verify_token(&token, Some(&keys)).status, SignatureStatus::Verified);
/// assert_eq!(verify_token(&token, None).status, SignatureStatus::NoKey);
/// ```
pub fn verify_token(token: &crate::token::Token<'_>, keys: Option<&crate::key::KeySet>) -> SignatureVerdict {
    verify_token_with(token, keys, None)
}

/// [`verify_token`], handing the final arithmetic to `backend` when one is given (see [`Backend`]).
pub fn verify_token_with(
    token: &crate::token::Token<'_>,
    keys: Option<&crate::key::KeySet>,
    backend: Option<&dyn Backend>,
) -> SignatureVerdict {
    check_token(token, keys, backend, true)
}

/// The same decision as [`verify_token_with`], without the per-key
/// `candidates` and the verifying `key` (empty here; the message names the
/// key): what verdict-only callers need, with no description or reason built
/// for keys that did not verify it.
pub(crate) fn verify_token_brief(
    token: &crate::token::Token<'_>,
    keys: Option<&crate::key::KeySet>,
    backend: Option<&dyn Backend>,
) -> SignatureVerdict {
    check_token(token, keys, backend, false)
}

fn check_token(
    token: &crate::token::Token<'_>,
    keys: Option<&crate::key::KeySet>,
    backend: Option<&dyn Backend>,
    explain: bool,
) -> SignatureVerdict {
    use alloc::format;
    use SignatureStatus as S;
    let alg_name = token.header().and_then(|h| h.alg.as_deref());
    if token.kind() == crate::token::Kind::Jwe {
        // RFC 7516: a JWE is encrypted, not signed; a JWT it nests (RFC 7519 §5.2) is verified on its own.
        return SignatureVerdict::new(
            S::Unverifiable,
            alg_name,
            String::from("An encrypted token (JWE) has no signature of its own: decrypt it with the recipient's key, then verify the JWT it nests, if any."),
        );
    }
    let (Some(data), Some(sig), Some(alg_name)) = (token.signing_input(), token.signature(), alg_name) else {
        return SignatureVerdict::new(
            S::Unverifiable,
            alg_name,
            String::from("The token could not be decoded far enough to check its signature."),
        );
    };
    if !token.errors().iter().all(|e| {
        e.part == crate::diagnostic::Part::Payload
            && matches!(e.code, crate::Code::PayloadNotJson | crate::Code::PayloadNotObject)
    }) {
        return SignatureVerdict::new(
            S::Unverifiable,
            Some(alg_name),
            String::from("The token has errors (see them above), so its signature was not checked."),
        );
    }
    if let Some(n) = token.notices().iter().find(|n| {
        matches!(
            n.code,
            crate::Code::Base64Padding | crate::Code::Base64StandardAlphabet | crate::Code::NonCanonicalBase64url
        )
    }) {
        // RFC 7515 §2 and §5.2: the segments are base64url with no padding or other characters.
        return SignatureVerdict::new(
            S::Unverifiable,
            Some(alg_name),
            format!("The {} is not strict base64url, so the signature is not accepted.", n.part.label()),
        );
    }
    if let Some(why) = crate::token::header_problem(token) {
        // RFC 7515 §4.1.11: such a JWS "MUST be rejected"; its signature is not checked.
        return SignatureVerdict::new(S::Unverifiable, Some(alg_name), why);
    }
    let Ok(alg) = alg_name.parse::<Algorithm>() else {
        return SignatureVerdict::new(
            S::Unverifiable,
            Some(alg_name),
            format!("\"{alg_name}\" is not an algorithm jwtlens can verify."),
        );
    };
    if alg == Algorithm::None {
        return SignatureVerdict::new(
            S::Unsecured,
            Some(alg_name),
            String::from("alg \"none\": the token is unsecured and is never accepted as verified."),
        );
    }
    let Some(keys) = keys else {
        return SignatureVerdict::new(
            S::NoKey,
            Some(alg_name),
            String::from("No key given: the signature was not checked."),
        );
    };
    let kid = token.header().and_then(|h| h.kid.as_deref());
    if keys.mixes_secrets_and_public_keys() {
        return SignatureVerdict::new(
            S::NoUsableKey,
            Some(alg_name),
            String::from("The key set mixes shared secrets and public keys; a verifier that accepts both invites key confusion, so it is refused."),
        );
    }
    if let Some(k) = kid {
        let same = keys.count_kid(k);
        if same > 1 {
            return SignatureVerdict::new(
                S::NoUsableKey,
                Some(alg_name),
                format!(
                    "The key set has {same} keys with kid \"{k}\": which one is meant is ambiguous, so none is used."
                ),
            );
        }
    }
    let mut verdict = SignatureVerdict::new(S::NoUsableKey, Some(alg_name), String::new());
    // The key that verified the token, described once for the message (and, explained, the verdict's `key`).
    let mut verified_by = None;
    // Why the only key offered could not be used, for the message when there is just one.
    let mut sole_reason = None;
    let single = keys.keys().len() == 1;
    for (index, key) in keys.keys().iter().enumerate() {
        let (tried, reason) = match unusable(key, alg, kid) {
            Some(why) => (false, format!("not tried: {why}")),
            None if verdict.status == S::Verified => {
                (false, String::from("not tried: another key already verified the token"))
            }
            None => match verify_signature_with(alg, key, data.as_bytes(), sig, backend.map(|b| (b, index))) {
                Ok(()) => {
                    verdict.status = S::Verified;
                    verified_by = Some(key);
                    verdict.error = None;
                    // Only the explained report lists it; the brief verdict's message names the key.
                    (true, if explain { String::from("verified the signature") } else { String::new() })
                }
                Err(e) => {
                    let reason = format!("tried: {e}");
                    // Not checked is not "invalid"; it stays the verdict unless a key verifies.
                    if matches!(e, VerifyError::PlatformRequired { .. }) {
                        verdict.status = S::Unchecked;
                        verdict.error = Some(e);
                    } else if verdict.status != S::Unchecked {
                        verdict.status = S::Invalid;
                        verdict.error = Some(e);
                    }
                    (true, reason)
                }
            },
        };
        if explain {
            verdict.candidates.push(Candidate { index, key: key.describe(), kid: key.kid.clone(), tried, reason });
        } else if single {
            sole_reason = Some(reason);
        }
    }
    let sole_reason = sole_reason.or_else(|| verdict.candidates.first().filter(|_| single).map(|c| c.reason.clone()));
    verdict.message = match verdict.status {
        S::Verified => {
            let mut m = String::with_capacity(96);
            m.push_str("Signature verified with the ");
            match verified_by {
                Some(key) => {
                    let start = m.len();
                    key.describe_into(&mut m);
                    // The explained verdict also names the key on its own: the description just written.
                    if explain {
                        verdict.key = m.get(start..).map(String::from);
                    }
                }
                None => m.push_str("key"),
            }
            m.push('.');
            m
        }
        S::Invalid => format!(
            "Invalid signature: {}.",
            verdict.error.as_ref().map(alloc::string::ToString::to_string).unwrap_or_default()
        ),
        S::Unchecked => format!(
            "Signature not checked: {}.",
            verdict.error.as_ref().map(alloc::string::ToString::to_string).unwrap_or_default()
        ),
        _ => match sole_reason {
            Some(reason) => {
                format!("The key cannot verify this token: {}.", reason.strip_prefix("not tried: ").unwrap_or(&reason))
            }
            None => String::from("None of the keys given may verify this token (see why for each)."),
        },
    };
    verdict
}
