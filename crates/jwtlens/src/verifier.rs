//! A verifier built once — keys, policy, limits — that verifies many tokens:
//! what a server keeps for its lifetime (fast-jwt's `createVerifier`, jose's
//! imported key and options), with the policy read and checked up front.
//!
//! It makes the same decision as [`crate::inspect`]'s verdict (one function,
//! `verdict::decide`, makes every `valid`), and the only way to get a
//! [`Verified`] token is through it.
//!
//! ```
//! use jwtlens::{alg::Algorithm, key::{import_key, KeyInput}, policy::Policy, time::NumericDate, Verifier};
//!
//! let (keys, _) = import_key("your-256-bit-secret-your-256-bit", KeyInput::Auto).unwrap();
//! let policy = Policy { algorithms: vec![Algorithm::HS256], ..Policy::default() };
//! let verifier = Verifier::new(keys, policy).unwrap();
//!
//! // jwt.io's example claims, HS256 with a 32-byte secret, no exp.
//! let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
//!              eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\
//!              l5R_LGI0U0AUZYlfzUidod1M4vlgu0JtPP8XpJB9Jx0";
//! let verified = verifier.verify(token, NumericDate::from_secs(1_516_239_022 + 60)).unwrap();
//! assert_eq!(verified.claims().sub.as_deref(), Some("1234567890"));
//! assert!(verified.payload_text().contains("John Doe"));
//!
//! // A changed signature is refused, with the reason.
//! let refused = verifier.verify(&token.replace("l5R_", "l5R-"), NumericDate::from_secs(1_600_000_000)).unwrap_err();
//! assert_eq!(refused.status, jwtlens::report::VerdictStatus::InvalidSignature);
//! ```

use alloc::boxed::Box;
use alloc::string::String;

use crate::claims::{Claims, Header};
use crate::key::KeySet;
use crate::policy::{Policy, PolicyError};
use crate::report::{verdict, Options, Verdict, VerdictStatus};
use crate::time::NumericDate;
use crate::token::{Limits, Token};
use crate::verify::Backend;

/// Keys, a policy and input limits, checked once, for verifying many tokens.
#[derive(Debug)]
pub struct Verifier {
    keys: KeySet,
    policy: Policy,
    limits: Limits,
}

impl Verifier {
    /// A verifier for tokens signed by one of `keys` that must satisfy `policy`
    /// (pass [`Policy::default()`] for the defaults: exp and nbf checked with
    /// 60 s leeway, every algorithm the keys allow). Refuses an unusable policy
    /// (a NaN or negative leeway, say) here rather than on every token.
    pub fn new(keys: KeySet, policy: Policy) -> Result<Verifier, PolicyError> {
        policy.validate()?;
        Ok(Verifier { keys, policy, limits: Limits::default() })
    }

    /// The same verifier reading at most `limits` of each token.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Verifier {
        self.limits = limits;
        self
    }

    /// The keys this verifier checks signatures with.
    pub fn keys(&self) -> &KeySet {
        &self.keys
    }

    /// The policy every token must satisfy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Verify `token` at `now`: the token, [`Verified`], or the [`Verdict`]
    /// saying why not.
    pub fn verify<'t>(&self, token: &'t str, now: NumericDate) -> Result<Verified<'t>, Verdict> {
        self.judge(token, Some(now), None)
    }

    /// [`Verifier::verify`], or [`Verifier::verify_without_clock`] when `now`
    /// is `None`, handing the last arithmetic step of public-key signatures to
    /// `backend` (see [`Backend`]; Node's OpenSSL in the npm package). Every
    /// decision stays the core's.
    pub fn verify_with_backend<'t>(
        &self,
        token: &'t str,
        now: Option<NumericDate>,
        backend: &dyn Backend,
    ) -> Result<Verified<'t>, Verdict> {
        self.judge(token, now, Some(backend))
    }

    /// Verify `token` without judging exp, nbf or iat — for replaying old
    /// tokens on purpose. Everything else is checked as by [`Verifier::verify`].
    pub fn verify_without_clock<'t>(&self, token: &'t str) -> Result<Verified<'t>, Verdict> {
        self.judge(token, None, None)
    }

    /// `now: None` skips the time checks: callers reach it only through
    /// `verify_without_clock` or an explicit `None`.
    fn judge<'t>(
        &self,
        token: &'t str,
        now: Option<NumericDate>,
        backend: Option<&dyn Backend>,
    ) -> Result<Verified<'t>, Verdict> {
        let token = Token::parse_with(token, &self.limits);
        let options = Options {
            now,
            skip_time_checks: now.is_none(),
            limits: self.limits,
            keys: Some(&self.keys),
            policy: Some(&self.policy),
            backend,
        };
        let v = verdict(&token, &options);
        if v.status != VerdictStatus::Valid {
            return Err(v);
        }
        // A valid verdict implies an object header and claims set, parsed whole
        // (verdict::decide); a token without them is refused, never unwrapped.
        match (token.header(), token.claims(), token.header_text(), token.payload_text()) {
            (Some(_), Some(_), Some(_), Some(_)) => Ok(Verified { token, message: v.message }),
            _ => Err(Verdict {
                status: VerdictStatus::Malformed,
                message: String::from("The token verified but its header or claims are not readable."),
            }),
        }
    }
}

/// A token whose signature verified with a caller's key and whose claims
/// passed the policy at the time given: only [`Verifier`] makes one.
#[derive(Debug, Clone)]
pub struct Verified<'t> {
    token: Token<'t>,
    message: String,
}

impl<'t> Verified<'t> {
    /// The registered header parameters.
    pub fn header(&self) -> &Header {
        self.token.header().unwrap_or_else(|| unreachable_header())
    }

    /// The registered claims (sub, iss, aud, exp, ...).
    pub fn claims(&self) -> &Claims {
        self.token.claims().unwrap_or_else(|| unreachable_claims())
    }

    /// The header's JSON text, as the token carries it.
    pub fn header_text(&self) -> &str {
        self.token.header_text().unwrap_or("{}")
    }

    /// The claims set's JSON text, as the token carries it.
    pub fn payload_text(&self) -> &str {
        self.token.payload_text().unwrap_or("{}")
    }

    /// Why it is valid, in one sentence: which key verified it, and whether
    /// the time checks were skipped.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The whole parsed token (members, spans, every claim).
    pub fn token(&self) -> &Token<'t> {
        &self.token
    }
}

// `Verified` is made only after checking that the header and claims exist
// (Verifier::judge); these are never reached, and avoid a panic path if they were.
fn unreachable_header() -> &'static Header {
    static EMPTY: once_cell::race::OnceBox<Header> = once_cell::race::OnceBox::new();
    EMPTY.get_or_init(|| Box::new(Header::default()))
}

fn unreachable_claims() -> &'static Claims {
    static EMPTY: once_cell::race::OnceBox<Claims> = once_cell::race::OnceBox::new();
    EMPTY.get_or_init(|| Box::new(Claims::default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::Algorithm;
    use crate::key::{import_key, KeyInput};
    use alloc::vec;

    /// jwt.io's example claims, HS256 with the 32-byte secret below.
    const JWT_IO: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.l5R_LGI0U0AUZYlfzUidod1M4vlgu0JtPP8XpJB9Jx0";
    const SECRET: &str = "your-256-bit-secret-your-256-bit";

    fn verifier(policy: Policy) -> Verifier {
        let (keys, _) = import_key(SECRET, KeyInput::Auto).unwrap();
        Verifier::new(keys, policy).unwrap()
    }

    /// The compiled verifier and `inspect` give the same verdict for the same inputs.
    #[test]
    fn same_decision_as_inspect() {
        let policies = [
            Policy::default(),
            Policy { algorithms: vec![Algorithm::HS256], ..Policy::default() },
            Policy { algorithms: vec![Algorithm::RS256], ..Policy::default() },
            Policy { issuers: vec!["https://issuer.example".into()], ..Policy::default() },
            Policy { max_age: Some(60.0), ..Policy::default() },
        ];
        let tokens = [JWT_IO, "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "x.y.z", ""];
        for policy in policies {
            let v = verifier(policy.clone());
            for token in tokens {
                for now in [1_516_239_022, 1_516_239_200].map(NumericDate::from_secs) {
                    let keys = v.keys().clone();
                    let options = Options::at(now).with_keys(&keys).with_policy(&policy);
                    let expected = crate::inspect(token, &options).verdict;
                    match v.verify(token, now) {
                        Ok(_) => assert_eq!(expected.status, VerdictStatus::Valid, "{token} {policy:?}"),
                        Err(got) => assert_eq!(got, expected, "{token} {policy:?}"),
                    }
                }
            }
        }
    }

    #[test]
    fn an_unusable_policy_is_refused_once() {
        let (keys, _) = import_key(SECRET, KeyInput::Auto).unwrap();
        assert!(Verifier::new(keys, Policy { leeway: f64::NAN, ..Policy::default() }).is_err());
    }

    #[test]
    fn no_clock_is_not_valid_and_skipping_is_explicit() {
        let v = verifier(Policy::default());
        // A NaN is no time at all, and with no time no verdict is valid.
        assert_eq!(NumericDate::new(f64::NAN), None);
        let keys = v.keys().clone();
        let no_clock = Options { keys: Some(&keys), ..Options::default() };
        assert_eq!(crate::inspect(JWT_IO, &no_clock).verdict.status, VerdictStatus::ClaimsFail);
        let skipped = v.verify_without_clock(JWT_IO).unwrap();
        assert_eq!(skipped.claims().sub.as_deref(), Some("1234567890"));
        assert_eq!(skipped.header().alg.as_deref(), Some("HS256"));
        assert_eq!(skipped.header_text(), r#"{"alg":"HS256","typ":"JWT"}"#);
    }

    #[test]
    fn the_wrong_key_and_the_wrong_algorithm_are_refused() {
        let (other, _) = import_key("another-secret-of-thirty-two-bytes", KeyInput::Auto).unwrap();
        let v = Verifier::new(other, Policy::default()).unwrap();
        assert_eq!(
            v.verify(JWT_IO, NumericDate::from_secs(1_600_000_000)).unwrap_err().status,
            VerdictStatus::InvalidSignature
        );
        let v = verifier(Policy { algorithms: vec![Algorithm::HS512], ..Policy::default() });
        assert_eq!(
            v.verify(JWT_IO, NumericDate::from_secs(1_600_000_000)).unwrap_err().status,
            VerdictStatus::ClaimsFail
        );
    }
}
