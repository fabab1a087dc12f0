//! The one serializable [`Report`] every face renders.
//!
//! The npm package's `inspect()` returns it as a plain object, and the CLI's
//! `--json` prints it; its shape is documented in the README
//! ("The report") and is stable within a major version.
//!
//! # Example
//! ```
//! use jwtlens::{inspect, Options, time::TimeStatus};
//! let token = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjE3MDAwMDM2MDB9.c2ln";
//! let report = inspect(token, &Options::at(jwtlens::time::NumericDate::from_secs(1_700_000_180)));
//! assert!(report.errors.is_empty());
//! let time = report.time.as_ref().unwrap();
//! assert_eq!(time.status, TimeStatus::Valid);
//! assert_eq!(time.exp.as_ref().unwrap().relative.as_deref(), Some("expires in 57 min"));
//! assert!(report.to_json().starts_with("{\"jwtlens\":"));
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::claims::Claims;
use crate::diagnostic::Diagnostic;
use crate::json::{Json, Object};
use crate::registry::{self, Registered};
use crate::time::{Moment, NumericDate, TimeClaim, TimeReport};
use crate::token::{Kind, Payload, Segment, Token};

/// What to inspect a token against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'k> {
    /// The current time. `None` leaves the time claims unjudged, and then no verdict is valid
    /// unless [`Options::skip_time_checks`] says so. The core never reads a clock.
    pub now: Option<NumericDate>,
    /// Judge the token without a clock: exp, nbf and iat are not checked, and
    /// the verdict says so. Only with `now: None`; a time given is always used.
    pub skip_time_checks: bool,
    /// How much input the parser reads (see [`crate::token::Limits`]).
    pub limits: crate::token::Limits,
    /// Keys to verify the signature with; `None` reports the signature as unchecked.
    pub keys: Option<&'k crate::key::KeySet>,
    /// Claim checks to run; `None` runs none (the time status still judges exp/nbf with no leeway).
    pub policy: Option<&'k crate::policy::Policy>,
    /// Platform arithmetic for asymmetric signatures (see [`crate::verify::Backend`]);
    /// `None` uses the core's own (without the `arithmetic` feature there is none,
    /// and public-key signatures stay unchecked). The verdict is the same either way.
    pub backend: Option<&'k dyn crate::verify::Backend>,
}

impl<'k> Options<'k> {
    /// Options that judge times at `now`.
    ///
    /// ```
    /// use jwtlens::{key::{import_key, KeyInput}, policy::Policy, time::NumericDate, Options};
    /// let (keys, _) = import_key("a-secret-of-at-least-thirty-two-bytes", KeyInput::Auto).unwrap();
    /// let policy = Policy { audiences: vec!["api".into()], ..Policy::default() };
    /// let now = NumericDate::from_secs(1_795_000_000);
    /// let options = Options::at(now).with_keys(&keys).with_policy(&policy);
    /// assert_eq!(options.now, Some(now));
    /// assert!(Options::without_clock().skip_time_checks);
    /// ```
    pub fn at(now: NumericDate) -> Options<'k> {
        Options { now: Some(now), ..Options::default() }
    }

    /// Options that judge no times, asked for explicitly (the verdict says so).
    pub fn without_clock() -> Options<'k> {
        Options { skip_time_checks: true, ..Options::default() }
    }

    /// The same options, verifying signatures with `keys`.
    #[must_use]
    pub fn with_keys(self, keys: &'k crate::key::KeySet) -> Options<'k> {
        Options { keys: Some(keys), ..self }
    }

    /// The same options, running `policy`'s claim checks.
    #[must_use]
    pub fn with_policy(self, policy: &'k crate::policy::Policy) -> Options<'k> {
        Options { policy: Some(policy), ..self }
    }

    /// The same options, handing the final public-key arithmetic to `backend`.
    #[must_use]
    pub fn with_backend(self, backend: Option<&'k dyn crate::verify::Backend>) -> Options<'k> {
        Options { backend, ..self }
    }

    /// The same options, reading at most `limits` of the input.
    #[must_use]
    pub fn with_limits(self, limits: crate::token::Limits) -> Options<'k> {
        Options { limits, ..self }
    }
}

/// Everything jwtlens found in one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Report {
    /// The version of jwtlens that made the report.
    pub jwtlens: &'static str,
    /// JWS, JWE or unknown.
    pub kind: Kind,
    /// Byte range of the token within the input, after stripping what was pasted along.
    pub token: Span,
    /// Each dot-separated segment with its byte range in the input.
    pub segments: Vec<Segment>,
    /// The `alg` and what it means.
    pub algorithm: Option<Algorithm>,
    /// The decoded JOSE header.
    pub header: Option<PartReport>,
    /// The decoded payload.
    pub payload: Option<PartReport>,
    /// The registered claims, typed (`aud` always a list).
    pub claims: Option<Claims>,
    /// The signature bytes.
    pub signature: Option<SignatureReport>,
    /// `exp`/`nbf`/`iat` relative to `now`; absent when there is no claims set.
    pub time: Option<TimeReport>,
    /// The signature verdict: verified, invalid, not checked (no key), ... and which key.
    pub verification: crate::verify::SignatureVerdict,
    /// Security findings, most severe first.
    pub findings: Vec<crate::findings::Finding>,
    /// Each claim check of the policy, when one was given.
    pub checks: Vec<crate::policy::Check>,
    /// The one-line answer a banner shows: signature and claims together.
    pub verdict: Verdict,
    /// Problems that stop the input from being a well-formed JWT.
    pub errors: Vec<Diagnostic>,
    /// Things worth knowing that did not stop decoding.
    pub notices: Vec<Diagnostic>,
}

pub use crate::verdict::{Verdict, VerdictStatus};

/// A byte range in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The token's algorithm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Algorithm {
    /// The `alg` value.
    pub name: String,
    /// What it is, when jwtlens knows it.
    pub description: Option<&'static str>,
}

/// How a part's bytes read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Encoding {
    /// JSON text.
    Json,
    /// UTF-8 text that is not JSON.
    Text,
    /// Bytes that are not UTF-8.
    Binary,
}

/// A decoded header or payload.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PartReport {
    /// How the bytes read.
    pub encoding: Encoding,
    /// Length of the decoded bytes.
    pub bytes: usize,
    /// The decoded text (UTF-8; invalid sequences replaced), or hex for binary.
    pub text: String,
    /// The parsed JSON, members in source order.
    pub json: Option<Json>,
    /// Each top-level member with its place and, when registered, its meaning.
    pub members: Vec<MemberReport>,
}

/// One top-level member of the header or claims set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MemberReport {
    /// The member name.
    pub name: String,
    /// The member value.
    pub value: Json,
    /// Where the base64url characters holding it are in the input.
    pub span: Span,
    /// Its registered meaning, when it has one.
    pub registered: Option<&'static Registered>,
    /// A reading of the value, e.g. a date for `exp` or the meaning of an `alg`.
    pub note: Option<String>,
    /// True when the same name occurs again; only the last occurrence counts.
    pub duplicate: bool,
}

/// The signature segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignatureReport {
    /// Length in bytes.
    pub bytes: usize,
    /// The bytes in hex.
    pub hex: String,
}

impl Report {
    /// Build the report of a parsed token relative to `options.now`.
    pub fn new(token: &Token<'_>, options: &Options<'_>) -> Report {
        let now = options.now;
        let segments = token.segments().to_vec();
        let seg = |i: usize| segments.get(i).cloned();
        let header = match (token.header_text(), seg(0)) {
            (Some(text), Some(s)) => {
                let json = token.header_json().cloned().map(Json::Object);
                let members = token.header_json().map(|o| members(o, &s, true, now)).unwrap_or_default();
                let encoding = if json.is_some() { Encoding::Json } else { Encoding::Text };
                Some(PartReport { encoding, bytes: text.len(), text: String::from(text), json, members })
            }
            _ => None,
        };
        let payload = match (token.payload(), seg(1)) {
            (Some(p), Some(s)) => Some(payload_report(p, &s, now)),
            _ => None,
        };
        let claims = token.claims().cloned();
        let time = claims.as_ref().map(|c| TimeReport::new(c.exp, c.nbf, c.iat, now));
        let algorithm = token
            .header()
            .and_then(|h| h.alg.as_deref())
            .map(|name| Algorithm { description: registry::algorithm(name), name: String::from(name) });
        let signature = token.signature().map(|b| SignatureReport { bytes: b.len(), hex: hex(b) });
        let span = token.span();
        let (verification, checks, verdict) = judge(token, options, true);
        let findings = crate::findings::findings(token, options.keys, time.as_ref());
        Report {
            jwtlens: env!("CARGO_PKG_VERSION"),
            kind: token.kind(),
            token: Span { start: span.start, end: span.end },
            segments,
            algorithm,
            header,
            payload,
            claims,
            signature,
            time,
            verdict,
            findings,
            checks,
            verification,
            errors: token.errors().to_vec(),
            notices: token.notices().to_vec(),
        }
    }

    /// The report as compact JSON: the shape the npm package and `jwtlens inspect --json` share.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

/// Verify, check and decide, without the rest of the report. The policy's
/// checks run whenever there is a key or a policy (with no policy, the
/// default one, so the leeway is the same whatever the options' shape).
fn judge(
    token: &Token<'_>,
    options: &Options<'_>,
    explain: bool,
) -> (crate::verify::SignatureVerdict, Vec<crate::policy::Check>, Verdict) {
    use crate::verdict::Clock;
    let now = options.now;
    let mut verification = if explain {
        crate::verify::verify_token_with(token, options.keys, options.backend)
    } else {
        crate::verify::verify_token_brief(token, options.keys, options.backend)
    };
    let judged = options.keys.is_some() || options.policy.is_some();
    let policy = options.policy.unwrap_or(&crate::policy::DEFAULT_POLICY);
    let checks = match (judged, explain) {
        (false, _) => Vec::new(),
        (true, true) => crate::policy::validate(token, policy, now),
        (true, false) => crate::policy::failures(token, policy, now),
    };
    let clock = match now {
        Some(n) => Clock::At(n),
        None if options.skip_time_checks => Clock::Skipped,
        None => Clock::Missing,
    };
    // The brief verdict (`explain` false) hands the signature's sentence on rather than copying it.
    let said = if explain { verification.message.clone() } else { core::mem::take(&mut verification.message) };
    let verdict = crate::verdict::decide(token, verification.status, said, &checks, clock);
    (verification, checks, verdict)
}

/// Only the verdict: signature, claim checks and times, without the
/// explanations, spans and findings [`inspect`] adds. The same decision
/// `inspect(..).verdict` makes, for callers that verify many tokens.
///
/// ```
/// use jwtlens::{report::{verdict, VerdictStatus}, key::{import_key, KeyInput}, token::Token, Options};
/// let (keys, _) = import_key("your-256-bit-secret-your-256-bit", KeyInput::Auto).unwrap();
/// let t = Token::parse("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln");
/// let v = verdict(&t, &Options::at(jwtlens::time::NumericDate::from_secs(1_800_000_000)).with_keys(&keys));
/// assert_eq!(v.status, VerdictStatus::InvalidSignature);
/// ```
pub fn verdict(token: &Token<'_>, options: &Options<'_>) -> Verdict {
    judge(token, options, false).2
}

/// The name a unit enum value has in the JSON report (`Code::Base64Padding` →
/// `"base64_padding"`), for faces that print codes, severities and statuses.
///
/// ```
/// use jwtlens::{report::json_name, Code};
/// assert_eq!(json_name(&Code::MissingAlg), "missing_alg");
/// assert_eq!(json_name(&jwtlens::findings::Severity::High), "high");
/// ```
pub fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => serde_json::to_string(&other).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Parse `input` (within `options.limits`) and report on it: the whole pipeline in one call.
pub fn inspect(input: &str, options: &Options<'_>) -> Report {
    Report::new(&Token::parse_with(input, &options.limits), options)
}

use crate::text::hex;

fn payload_report(p: &Payload, seg: &Segment, now: Option<NumericDate>) -> PartReport {
    match p {
        Payload::Json(j) => {
            let text = serde_json::to_string(j).unwrap_or_default();
            let members = j.as_object().map(|o| members(o, seg, false, now)).unwrap_or_default();
            PartReport { encoding: Encoding::Json, bytes: text.len(), text, json: Some(j.clone()), members }
        }
        Payload::Text(t) => {
            PartReport { encoding: Encoding::Text, bytes: t.len(), text: t.clone(), json: None, members: Vec::new() }
        }
        Payload::Binary(b) => {
            PartReport { encoding: Encoding::Binary, bytes: b.len(), text: hex(b), json: None, members: Vec::new() }
        }
    }
}

fn members(obj: &Object, seg: &Segment, is_header: bool, now: Option<NumericDate>) -> Vec<MemberReport> {
    // Names that occur twice, sorted once: the flag costs O(n log n), not O(n²).
    let mut repeated: Vec<&str> = obj.duplicates().collect();
    crate::sort::sort(&mut repeated);
    obj.members()
        .iter()
        .map(|m| {
            let registered = if is_header { registry::header_parameter(&m.name) } else { registry::claim(&m.name) };
            let duplicate = repeated.binary_search(&m.name.as_str()).is_ok();
            let start = seg.start + m.span.start / 3 * 4;
            let end = (seg.start + m.span.end.div_ceil(3) * 4).min(seg.end);
            MemberReport {
                name: String::from(m.name.as_str()),
                value: m.value.clone(),
                span: Span { start: start.min(seg.end), end },
                registered,
                note: note(&m.name, &m.value, is_header, now),
                duplicate,
            }
        })
        .collect()
}

fn note(name: &str, value: &Json, is_header: bool, now: Option<NumericDate>) -> Option<String> {
    if is_header {
        return match (name, value) {
            ("alg", Json::String(a)) => registry::algorithm(a).map(String::from),
            _ => None,
        };
    }
    let which = match name {
        "exp" => TimeClaim::Exp,
        "nbf" => TimeClaim::Nbf,
        "iat" | "auth_time" => TimeClaim::Iat,
        _ => return None,
    };
    let v = value.as_f64().and_then(NumericDate::new)?;
    let m = Moment::new(which, v, now);
    let date = m.iso.unwrap_or_else(|| String::from("outside years 0000-9999"));
    Some(match m.relative {
        Some(r) => format!("{date} ({r})"),
        None => date,
    })
}
