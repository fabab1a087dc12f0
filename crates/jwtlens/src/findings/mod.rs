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
#[non_exhaustive]
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

mod clues;
mod rules;
#[cfg(test)]
mod tests;

pub use clues::COMMON_SECRETS;
use rules::*;

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
    crate::sort::sort_by(&mut c.out, |a, b| a.severity.cmp(&b.severity));
    c.out
}
