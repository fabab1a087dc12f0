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
//! let r = inspect(token, &Options { now: Some(50.0), policy: Some(&policy), ..Options::default() });
//! let aud = r.checks.iter().find(|c| c.name == "aud").unwrap();
//! assert_eq!(aud.outcome, Outcome::Failed);
//! assert_eq!(aud.message, "The audience is [\"web\"], which does not include any of [\"api\"].");
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::alg::Algorithm;
use crate::time::humanize;
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

mod contract;

pub use contract::{PolicyError, PolicyField};

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

/// One claim check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// What was checked: `alg`, `typ`, `iss`, `aud`, `sub`, `required`, `exp`, `nbf`, `iat`, `max_age`.
    pub name: &'static str,
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
        name: &'static str,
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
pub fn validate(token: &Token<'_>, policy: &Policy, now: Option<f64>) -> Vec<Check> {
    run(token, policy, now, true)
}

/// Only the checks that fail, for the verdict-only path (the same decisions as [`validate`]).
pub(crate) fn failures(token: &Token<'_>, policy: &Policy, now: Option<f64>) -> Vec<Check> {
    run(token, policy, now, false)
}

/// What every claim check reads.
#[derive(Clone, Copy)]
struct Ctx<'t, 'a> {
    token: &'t Token<'a>,
    policy: &'t Policy,
    /// A finite time, or none.
    now: Option<f64>,
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

fn run(token: &Token<'_>, policy: &Policy, now: Option<f64>, explain: bool) -> Vec<Check> {
    let mut c = Checks { explain, out: Vec::new() };
    let leeway = if policy.leeway.is_finite() { policy.leeway.clamp(0.0, MAX_LEEWAY) } else { 0.0 };
    let ctx = Ctx {
        token,
        policy,
        now: now.filter(|n| n.is_finite()),
        leeway,
        header: token.header(),
        claims: token.claims(),
    };
    for check in CHECKS {
        check(&ctx, &mut c);
    }
    c.out
}

/// " (leeway 1 min)", or nothing without a leeway.
fn leeway_note(leeway: f64) -> String {
    if leeway > 0.0 {
        format!(" (leeway {})", humanize(leeway))
    } else {
        String::new()
    }
}

fn iso(t: f64) -> String {
    crate::time::iso_utc(t).unwrap_or_else(|| format!("{t}"))
}

fn no_clock() -> String {
    String::from("No current time was given.")
}

/// RFC 8725 §3.1: "libraries MUST enable the caller to specify a supported set of algorithms".
fn check_alg(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, header, .. } = *x;
    let alg = header.and_then(|h| h.alg.as_deref());
    if policy.algorithms.is_empty() {
        c.add("alg", Outcome::Skipped, || {
            (None, alg.map(String::from), String::from("No algorithm allow-list was set."))
        });
    } else {
        let ok = alg.is_some_and(|a| policy.algorithms.iter().any(|x| x.name() == a));
        c.add("alg", pass_fail(ok), || {
            let allowed: Vec<&str> = policy.algorithms.iter().map(|a| a.name()).collect();
            let msg = if ok {
                format!("{} is allowed.", alg.unwrap_or(""))
            } else {
                format!("{} is not in the allowed algorithms {}.", alg.unwrap_or("(no alg)"), list(&allowed))
            };
            (Some(list(&allowed)), alg.map(String::from), msg)
        });
    }
}

/// RFC 8725 §3.11: explicit typing.
fn check_typ(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, header, .. } = *x;
    let typ = header.and_then(|h| h.typ.as_deref());
    match &policy.typ {
        None => c.add("typ", Outcome::Skipped, || (None, typ.map(String::from), String::from("No type was required."))),
        Some(want) => {
            // RFC 7515 §4.1.9: the "application/" prefix may be omitted; media types are case-insensitive.
            let norm = |s: &str| {
                let l = s.to_ascii_lowercase();
                l.strip_prefix("application/").map(String::from).unwrap_or(l)
            };
            let ok = typ.is_some_and(|t| norm(t) == norm(want));
            c.add("typ", pass_fail(ok), || {
                let msg = if ok {
                    format!("The type is \"{want}\".")
                } else {
                    format!(
                        "The type must be \"{want}\", found {}.",
                        typ.map(|t| format!("\"{t}\"")).unwrap_or_else(|| String::from("none"))
                    )
                };
                (Some(want.clone()), typ.map(String::from), msg)
            });
        }
    }
}

/// RFC 7519 §4.1.1 and RFC 8725 §3.8: the issuer.
fn check_iss(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, claims, .. } = *x;
    let iss = claims.and_then(|c| c.iss.as_deref());
    if policy.issuers.is_empty() {
        c.add("iss", Outcome::Skipped, || (None, iss.map(String::from), String::from("No issuer was required.")));
    } else {
        let ok = iss.is_some_and(|i| policy.issuers.iter().any(|x| x == i));
        c.add("iss", pass_fail(ok), || {
            let msg = match iss {
                Some(i) if ok => format!("The issuer \"{i}\" is accepted."),
                Some(i) => format!("The issuer \"{i}\" is not one of {}.", list(&policy.issuers)),
                None => format!("The token has no iss; expected one of {}.", list(&policy.issuers)),
            };
            (Some(list(&policy.issuers)), iss.map(String::from), msg)
        });
    }
}

/// RFC 7519 §4.1.3: "If the principal processing the claim does not identify itself
/// with a value in the "aud" claim when this claim is present, then the JWT MUST be rejected."
fn check_aud(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, claims, .. } = *x;
    let aud = claims.and_then(|c| c.aud.as_deref());
    if policy.audiences.is_empty() {
        c.add("aud", Outcome::Skipped, || (None, aud.map(list), String::from("No audience was required.")));
    } else {
        let ok = aud.is_some_and(|a| a.iter().any(|x| policy.audiences.iter().any(|p| p == x)));
        c.add("aud", pass_fail(ok), || {
            let msg = match aud {
                Some(a) if ok => format!("The audience {} includes an accepted one.", list(a)),
                Some(a) => {
                    format!("The audience is {}, which does not include any of {}.", list(a), list(&policy.audiences))
                }
                None => format!("The token has no aud; expected one of {}.", list(&policy.audiences)),
            };
            (Some(list(&policy.audiences)), aud.map(list), msg)
        });
    }
}

/// RFC 7519 §4.1.2: the subject.
fn check_sub(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, claims, .. } = *x;
    let sub = claims.and_then(|c| c.sub.as_deref());
    match &policy.subject {
        None => {
            c.add("sub", Outcome::Skipped, || (None, sub.map(String::from), String::from("No subject was required.")))
        }
        Some(want) => {
            let ok = sub == Some(want.as_str());
            c.add("sub", pass_fail(ok), || {
                let msg =
                    if ok { format!("The subject is \"{want}\".") } else { format!("The subject must be \"{want}\".") };
                (Some(want.clone()), sub.map(String::from), msg)
            });
        }
    }
}

/// Claims the policy requires to be present.
fn check_required(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { token, policy, .. } = *x;
    if !policy.required.is_empty() {
        let present = |name: &str| token.claims_json().is_some_and(|o| o.contains(name));
        let missing: Vec<&String> = policy.required.iter().filter(|n| !present(n)).collect();
        c.add("required", pass_fail(missing.is_empty()), || {
            let msg = if missing.is_empty() {
                format!("All required claims {} are present.", list(&policy.required))
            } else {
                format!("Missing required claims {}.", list(&missing))
            };
            (Some(list(&policy.required)), Some(list(&missing)), msg)
        });
    }
}

/// RFC 7519 §4.1.4: "the current date/time MUST be before the expiration date/time".
fn check_exp(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { now, leeway, claims, .. } = *x;
    let exp = claims.and_then(|c| c.exp);
    match (exp, now) {
        (None, _) => {
            c.add("exp", Outcome::Skipped, || (None, None, String::from("The token has no exp: it never expires.")))
        }
        (Some(e), None) => c.add("exp", Outcome::Skipped, || (None, Some(iso(e)), no_clock())),
        (Some(e), Some(n)) => {
            let ok = n < e + leeway;
            c.add("exp", pass_fail(ok), || {
                let msg = if ok {
                    format!("Not expired{}.", leeway_note(leeway))
                } else {
                    format!("Expired {} ago{}.", humanize(n - e), leeway_note(leeway))
                };
                (Some(format!("now < exp + {leeway} s")), Some(iso(e)), msg)
            });
        }
    }
}

/// RFC 7519 §4.1.5: "the current date/time MUST be after or equal to the not-before date/time".
fn check_nbf(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { now, leeway, claims, .. } = *x;
    let nbf = claims.and_then(|c| c.nbf);
    match (nbf, now) {
        (None, _) => c.add("nbf", Outcome::Skipped, || (None, None, String::from("The token has no nbf."))),
        (Some(b), None) => c.add("nbf", Outcome::Skipped, || (None, Some(iso(b)), no_clock())),
        (Some(b), Some(n)) => {
            let ok = n + leeway >= b;
            c.add("nbf", pass_fail(ok), || {
                let msg = if ok {
                    format!("Already valid{}.", leeway_note(leeway))
                } else {
                    format!("Not valid for another {}{}.", humanize(b - n), leeway_note(leeway))
                };
                (Some(format!("now >= nbf - {leeway} s")), Some(iso(b)), msg)
            });
        }
    }
}

/// RFC 7519 §4.1.6: an iat in the future (beyond the leeway) is refused.
fn check_iat(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { now, leeway, claims, .. } = *x;
    let iat = claims.and_then(|c| c.iat);
    match (iat, now) {
        (None, _) => c.add("iat", Outcome::Skipped, || (None, None, String::from("The token has no iat."))),
        (Some(i), None) => c.add("iat", Outcome::Skipped, || (None, Some(iso(i)), no_clock())),
        (Some(i), Some(n)) => {
            let ok = i <= n + leeway;
            c.add("iat", pass_fail(ok), || {
                let msg = if ok {
                    String::from("Issued in the past.")
                } else {
                    format!("Issued {} in the future{}.", humanize(i - n), leeway_note(leeway))
                };
                (Some(format!("iat <= now + {leeway} s")), Some(iso(i)), msg)
            });
        }
    }
}

/// The policy's maximum age since iat.
fn check_max_age(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, now, leeway, claims, .. } = *x;
    let iat = claims.and_then(|c| c.iat);
    if let Some(max) = policy.max_age {
        match (iat, now) {
            (Some(i), Some(n)) => {
                let age = n - i;
                let ok = age <= max + leeway;
                c.add("max_age", pass_fail(ok), || {
                    let msg = if ok {
                        format!("{} old, within the maximum {}.", humanize(age), humanize(max))
                    } else {
                        format!("{} old, over the maximum {}{}.", humanize(age), humanize(max), leeway_note(leeway))
                    };
                    (Some(humanize(max)), Some(humanize(age)), msg)
                });
            }
            (None, _) => c.add("max_age", Outcome::Failed, || {
                (Some(humanize(max)), None, String::from("A maximum age is set but the token has no iat."))
            }),
            (_, None) => c.add("max_age", Outcome::Skipped, || (Some(humanize(max)), None, no_clock())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::b64;

    fn token(payload: &str) -> alloc::string::String {
        format!("{}.{}.c2ln", b64::encode(br#"{"alg":"HS256","typ":"at+jwt"}"#), b64::encode(payload.as_bytes()))
    }

    fn outcome(checks: &[Check], name: &str) -> Outcome {
        checks.iter().find(|c| c.name == name).map(|c| c.outcome).unwrap_or(Outcome::Skipped)
    }

    #[test]
    fn times_without_a_clock_say_so_and_show_the_claim() {
        let text = token(r#"{"iat":1000000000,"nbf":1000000000,"exp":1000003600}"#);
        let t = Token::parse(&text);
        for check in validate(&t, &Policy::default(), None).iter().filter(|c| ["exp", "nbf", "iat"].contains(&c.name)) {
            assert_eq!(check.outcome, Outcome::Skipped);
            assert_eq!(check.message, "No current time was given.");
            assert!(check.actual.as_deref().is_some_and(|a| a.starts_with("2001-09-09T0")), "{check:?}");
        }
        let with_clock = validate(&t, &Policy::default(), Some(1_000_000_100.0));
        let exp = with_clock.iter().find(|c| c.name == "exp").unwrap();
        assert_eq!(exp.actual.as_deref(), Some("2001-09-09T02:46:40Z"));
    }

    #[test]
    fn each_check() {
        let text = token(r#"{"iss":"a","aud":["x","y"],"sub":"s","iat":1000,"nbf":1000,"exp":2000}"#);
        let t = Token::parse(&text);
        let p = Policy {
            algorithms: alloc::vec![Algorithm::RS256],
            issuers: alloc::vec!["a".into()],
            audiences: alloc::vec!["y".into()],
            subject: Some("s".into()),
            typ: Some("application/AT+JWT".into()),
            required: alloc::vec!["jti".into(), "sub".into()],
            max_age: Some(100.0),
            leeway: 0.0,
        };
        let c = validate(&t, &p, Some(1500.0));
        assert_eq!(outcome(&c, "alg"), Outcome::Failed);
        assert_eq!(outcome(&c, "typ"), Outcome::Passed);
        assert_eq!(outcome(&c, "iss"), Outcome::Passed);
        assert_eq!(outcome(&c, "aud"), Outcome::Passed);
        assert_eq!(outcome(&c, "sub"), Outcome::Passed);
        assert_eq!(outcome(&c, "required"), Outcome::Failed);
        assert_eq!(outcome(&c, "exp"), Outcome::Passed);
        assert_eq!(outcome(&c, "max_age"), Outcome::Failed);
        let c = validate(&t, &p, Some(2000.0));
        assert_eq!(outcome(&c, "exp"), Outcome::Failed, "exp is exclusive");
        let c = validate(&t, &Policy { leeway: 60.0, ..p.clone() }, Some(2030.0));
        assert_eq!(outcome(&c, "exp"), Outcome::Passed, "within leeway");
        let c = validate(&t, &p, Some(999.0));
        assert_eq!((outcome(&c, "nbf"), outcome(&c, "iat")), (Outcome::Failed, Outcome::Failed));
        let c = validate(&t, &p, None);
        assert_eq!(outcome(&c, "exp"), Outcome::Skipped);
    }

    /// Each decision and each sentence, at its boundary (kills the mutants
    /// `cargo mutants` found surviving in `run` and `duration`).
    #[test]
    fn boundaries_and_sentences() {
        let text = token(r#"{"iss":"a","aud":["api"],"sub":"s","iat":1000,"exp":2000}"#);
        let t = Token::parse(&text);
        let base = Policy { leeway: 0.0, ..Policy::default() };
        let find = |c: &[Check], n: &str| c.iter().find(|c| c.name == n).cloned().unwrap();
        // aud: exactly the accepted one, and only another one.
        let p = Policy { audiences: alloc::vec!["api".into()], ..base.clone() };
        assert_eq!(find(&validate(&t, &p, Some(1500.0)), "aud").outcome, Outcome::Passed);
        assert_eq!(
            find(&validate(&t, &p, Some(1500.0)), "aud").message,
            "The audience [\"api\"] includes an accepted one."
        );
        let p = Policy { audiences: alloc::vec!["web".into()], ..base.clone() };
        let c = find(&validate(&t, &p, Some(1500.0)), "aud");
        assert_eq!(c.outcome, Outcome::Failed);
        assert_eq!(c.message, "The audience is [\"api\"], which does not include any of [\"web\"].");
        // iss sentences.
        let p = Policy { issuers: alloc::vec!["a".into()], ..base.clone() };
        assert_eq!(find(&validate(&t, &p, Some(1500.0)), "iss").message, "The issuer \"a\" is accepted.");
        let p = Policy { issuers: alloc::vec!["b".into()], ..base.clone() };
        assert_eq!(find(&validate(&t, &p, Some(1500.0)), "iss").message, "The issuer \"a\" is not one of [\"b\"].");
        // required: present only, and missing only.
        let p = Policy { required: alloc::vec!["sub".into()], ..base.clone() };
        assert_eq!(find(&validate(&t, &p, Some(1500.0)), "required").outcome, Outcome::Passed);
        let p = Policy { required: alloc::vec!["jti".into()], ..base.clone() };
        let c = find(&validate(&t, &p, Some(1500.0)), "required");
        assert_eq!((c.outcome, c.actual.as_deref()), (Outcome::Failed, Some("[\"jti\"]")));
        // max_age: within, within only by the leeway, and beyond it.
        let at = |max: f64, leeway: f64, now: f64| {
            find(&validate(&t, &Policy { max_age: Some(max), leeway, ..base.clone() }, Some(now)), "max_age").outcome
        };
        assert_eq!(at(100.0, 0.0, 1050.0), Outcome::Passed);
        assert_eq!(at(100.0, 60.0, 1150.0), Outcome::Passed);
        assert_eq!(at(100.0, 60.0, 1200.0), Outcome::Failed);
        assert_eq!(at(100.0, 0.0, 1100.0), Outcome::Passed, "age == max");
        // The leeway is named in the sentence only when there is one.
        let p = Policy { leeway: 60.0, ..Policy::default() };
        assert_eq!(find(&validate(&t, &p, Some(1500.0)), "exp").message, "Not expired (leeway 1 min).");
        assert_eq!(find(&validate(&t, &base, Some(1500.0)), "exp").message, "Not expired.");
        // Durations at their bounds.
        assert_eq!(duration(PolicyField::Leeway, 0.0, MAX_LEEWAY), Ok(0.0));
        assert_eq!(duration(PolicyField::Leeway, MAX_LEEWAY, MAX_LEEWAY), Ok(MAX_LEEWAY));
    }

    #[test]
    fn bad_numbers_are_rejected() {
        for bad in [f64::NAN, f64::INFINITY, -5.0, MAX_LEEWAY + 1.0] {
            assert!(Policy { leeway: bad, ..Policy::default() }.validate().is_err(), "{bad}");
        }
        assert!(Policy { max_age: Some(f64::NAN), ..Policy::default() }.validate().is_err());
        assert!(Policy::default().validate().is_ok());
    }
}
