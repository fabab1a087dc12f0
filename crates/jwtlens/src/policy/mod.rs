//! Claim validation against a policy, each check a value in the report.
//!
//! RFC 7519 §7.2 step 10 leaves claim validation to the application; RFC 8725
//! (JWT Best Current Practices) §3.1 and §3.8–3.10 say what to check: the
//! algorithm against an allow-list, the issuer, the audience, and (§3.11)
//! the type. Time checks follow RFC 7519 §4.1.4–4.1.6 with a leeway: "Implementers
//! MAY provide for some small leeway, usually no more than a few minutes, to
//! account for clock skew."
//!
//! # Example
//! ```
//! use jwtlens::{policy::{Policy, Outcome}, inspect, Options};
//! let policy = Policy { audiences: vec!["api".into()], ..Policy::default() };
//! let token = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ3ZWIiLCJleHAiOjEwMH0.c2ln"; // aud "web", exp 100
//! let r = inspect(token, &Options::at(jwtlens::time::NumericDate::from_secs(50)).with_policy(&policy));
//! let aud = r.checks.iter().find(|c| c.name == "aud").unwrap();
//! assert_eq!(aud.outcome, Outcome::Failed);
//! assert_eq!(aud.message, "The audience is [\"web\"], which does not include any of [\"api\"].");
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::alg::Algorithm;
use crate::time::{humanize, NumericDate};
use crate::token::Token;

/// The leeway used when none is set: one minute of clock skew.
pub const DEFAULT_LEEWAY: f64 = 60.0;
/// The largest leeway accepted: ten minutes. More hides real expiry.
pub const MAX_LEEWAY: f64 = 600.0;

/// What a token must satisfy besides its signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Algorithms accepted; empty accepts any that verifies (the key still constrains it).
    pub algorithms: Vec<Algorithm>,
    /// Accepted issuers; empty skips the check.
    pub issuers: Vec<String>,
    /// Accepted audiences (the token must name at least one); empty skips the check.
    pub audiences: Vec<String>,
    /// The required subject, if any.
    pub subject: Option<String>,
    /// The required `typ` header (compared case-insensitively, "JWT" also matching "application/jwt").
    pub typ: Option<String>,
    /// Claims that must be present.
    pub required: Vec<String>,
    /// Maximum age in seconds since `iat`.
    pub max_age: Option<f64>,
    /// Clock-skew allowance in seconds for exp, nbf, iat and max age.
    pub leeway: f64,
}

impl Default for Policy {
    /// [`DEFAULT_POLICY`]: no allow-lists, the default leeway.
    fn default() -> Policy {
        DEFAULT_POLICY.clone()
    }
}

mod checks;
mod contract;
mod serde_impls;
#[cfg(test)]
mod tests;

use checks::*;

pub use contract::{place_of, Named, Place, PolicyError, PolicyField, ReportedPolicyError};

/// Check a duration given by a person: finite, not negative, at most `max`.
///
/// ```
/// use jwtlens::policy::{duration, PolicyField, MAX_LEEWAY};
/// assert_eq!(duration(PolicyField::Leeway, 30.0, MAX_LEEWAY), Ok(30.0));
/// assert!(duration(PolicyField::Leeway, f64::NAN, MAX_LEEWAY).is_err());
/// assert!(duration(PolicyField::Leeway, -1.0, MAX_LEEWAY).is_err());
/// assert!(duration(PolicyField::Leeway, 3600.0, MAX_LEEWAY).is_err());
/// ```
pub fn duration(field: PolicyField, seconds: f64, max: f64) -> Result<f64, PolicyError> {
    if !seconds.is_finite() {
        return Err(PolicyError::NotFinite { field });
    }
    if seconds < 0.0 {
        return Err(PolicyError::Negative { field, found: seconds });
    }
    if seconds > max {
        return Err(PolicyError::TooLong { field, max, found: seconds });
    }
    Ok(seconds)
}

/// A duration as a person types it, in a page's text box or on a command
/// line: a decimal number of seconds ("60", "2.5", ".5", "1e3"; white space
/// around it ignored; Rust's `f64` grammar, as the faces read it before),
/// then [`duration`]'s checks with the member's bound ([`MAX_LEEWAY`] for the
/// leeway): "NaN" and "inf" are numbers, but not finite ones. Faces convert
/// no durations of their own.
///
/// ```
/// use jwtlens::policy::{seconds, PolicyError, PolicyField};
/// assert_eq!(seconds(PolicyField::Leeway, " 30 "), Ok(30.0));
/// assert_eq!(seconds(PolicyField::MaxAge, "3600"), Ok(3600.0));
/// let e = seconds(PolicyField::Leeway, "ten").unwrap_err();
/// assert_eq!(e.reason(), "not_a_number");
/// assert_eq!(e.to_string(), "leeway must be a number of seconds, found \"ten\"");
/// assert_eq!(seconds(PolicyField::Leeway, "900").unwrap_err().reason(), "too_long");
/// assert_eq!(seconds(PolicyField::Leeway, "1e999").unwrap_err().reason(), "not_finite");
/// assert_eq!(seconds(PolicyField::Leeway, "NaN").unwrap_err().reason(), "not_finite");
/// assert_eq!(seconds(PolicyField::Leeway, ".5"), Ok(0.5));
/// assert_eq!(seconds(PolicyField::Leeway, "60s").unwrap_err().reason(), "not_a_number");
/// assert_eq!(seconds(PolicyField::MaxAge, "-5").unwrap_err().reason(), "negative");
/// ```
pub fn seconds(field: PolicyField, text: &str) -> Result<f64, PolicyError> {
    let t = text.trim();
    let value = t.parse::<f64>().map_err(|_| PolicyError::NotANumber { field, found: String::from(t) })?;
    duration(field, value, if field == PolicyField::Leeway { MAX_LEEWAY } else { f64::MAX })
}

impl Policy {
    /// Reject unusable numbers: NaN, infinite or negative leeway or max age, a leeway above [`MAX_LEEWAY`].
    pub fn validate(&self) -> Result<(), PolicyError> {
        duration(PolicyField::Leeway, self.leeway, MAX_LEEWAY)?;
        if let Some(a) = self.max_age {
            duration(PolicyField::MaxAge, a, f64::MAX)?;
        }
        Ok(())
    }
}

/// The result of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Outcome {
    /// The token satisfies it.
    Passed,
    /// The token does not.
    Failed,
    /// Nothing to check (no policy value, no claim, or no `now`).
    Skipped,
}

/// Which check: one per claim the policy judges, in the order the report
/// lists them. Serialized (and displayed) as the claim's name: `alg`, `typ`,
/// `iss`, `aud`, `sub`, `required`, `exp`, `nbf`, `iat`, `max_age`.
///
/// ```
/// use jwtlens::policy::CheckName;
/// assert_eq!(CheckName::MaxAge.to_string(), "max_age");
/// assert_eq!(serde_json::to_value(CheckName::Aud).unwrap(), "aud");
/// assert!(CheckName::Exp == "exp");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckName {
    /// The header's `alg` against the allow-list.
    Alg,
    /// The header's `typ`.
    Typ,
    /// `iss` against the accepted issuers.
    Iss,
    /// `aud` against the accepted audiences.
    Aud,
    /// `sub`.
    Sub,
    /// The claims that must be present.
    Required,
    /// `exp` against the clock.
    Exp,
    /// `nbf` against the clock.
    Nbf,
    /// `iat` against the clock.
    Iat,
    /// The token's age since `iat`.
    MaxAge,
}

impl CheckName {
    /// The claim's name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            CheckName::Alg => "alg",
            CheckName::Typ => "typ",
            CheckName::Iss => "iss",
            CheckName::Aud => "aud",
            CheckName::Sub => "sub",
            CheckName::Required => "required",
            CheckName::Exp => "exp",
            CheckName::Nbf => "nbf",
            CheckName::Iat => "iat",
            CheckName::MaxAge => "max_age",
        }
    }
}

impl core::fmt::Display for CheckName {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.name())
    }
}

impl PartialEq<&str> for CheckName {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

/// One claim check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Check {
    /// What was checked.
    pub name: CheckName,
    /// The outcome.
    pub outcome: Outcome,
    /// What the policy expects.
    pub expected: Option<String>,
    /// What the token has.
    pub actual: Option<String>,
    /// One sentence.
    pub message: String,
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{}\"", s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

fn pass_fail(ok: bool) -> Outcome {
    if ok {
        Outcome::Passed
    } else {
        Outcome::Failed
    }
}

/// The policy a verification applies when the caller gives none: no
/// allow-lists, the default leeway. Time is judged the same with `policy: None`
/// as with `Policy::default()`.
pub static DEFAULT_POLICY: Policy = Policy {
    algorithms: Vec::new(),
    issuers: Vec::new(),
    audiences: Vec::new(),
    subject: None,
    typ: None,
    required: Vec::new(),
    max_age: None,
    leeway: DEFAULT_LEEWAY,
};

/// Collects checks; with `explain` off only failures are built (the verdict
/// needs nothing else), so a verification that passes formats no sentence.
struct Checks {
    explain: bool,
    out: Vec<Check>,
}

impl Checks {
    fn add(
        &mut self,
        name: CheckName,
        outcome: Outcome,
        describe: impl FnOnce() -> (Option<String>, Option<String>, String),
    ) {
        if self.explain || outcome == Outcome::Failed {
            let (expected, actual, message) = describe();
            self.out.push(Check { name, outcome, expected, actual, message });
        }
    }
}

/// Run every check of `policy` on `token` at `now`.
pub fn validate(token: &Token<'_>, policy: &Policy, now: Option<NumericDate>) -> Vec<Check> {
    run(token, policy, now, true)
}

/// Only the checks that fail, for the verdict-only path (the same decisions as [`validate`]).
pub(crate) fn failures(token: &Token<'_>, policy: &Policy, now: Option<NumericDate>) -> Vec<Check> {
    run(token, policy, now, false)
}

/// What every claim check reads.
#[derive(Clone, Copy)]
struct Ctx<'t, 'a> {
    token: &'t Token<'a>,
    policy: &'t Policy,
    /// The time, or none.
    now: Option<NumericDate>,
    /// The policy's leeway, clamped to 0..=MAX_LEEWAY.
    leeway: f64,
    header: Option<&'t crate::claims::Header>,
    claims: Option<&'t crate::claims::Claims>,
}

/// One claim check: judge the token, add the outcome.
type ClaimCheck = fn(&Ctx<'_, '_>, &mut Checks);

/// Every check, in the order the report lists them.
const CHECKS: [ClaimCheck; 10] = [
    check_alg,
    check_typ,
    check_iss,
    check_aud,
    check_sub,
    check_required,
    check_exp,
    check_nbf,
    check_iat,
    check_max_age,
];

fn run(token: &Token<'_>, policy: &Policy, now: Option<NumericDate>, explain: bool) -> Vec<Check> {
    let mut c = Checks { explain, out: Vec::new() };
    let leeway = if policy.leeway.is_finite() { policy.leeway.clamp(0.0, MAX_LEEWAY) } else { 0.0 };
    let ctx = Ctx { token, policy, now, leeway, header: token.header(), claims: token.claims() };
    for check in CHECKS {
        check(&ctx, &mut c);
    }
    c.out
}
