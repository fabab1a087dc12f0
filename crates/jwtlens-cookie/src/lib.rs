//! A cookie jar that follows RFC 6265bis (draft 22) and says why.
//!
//! Every store attempt returns an [`Outcome`] (stored, replaced, deleted or
//! rejected, with the reason), and every request gets, for each stored
//! cookie, whether it is sent and why or why not. Time is an argument.
//! Where the draft leaves a choice to the user agent, jwtlens does what
//! current Chromium does, and says so where it matters:
//! - SameSite unset behaves as Lax ("Lax by default"), with Chromium's
//!   two-minute "Lax-allowing-unsafe" grace for fresh cookies on a cross-site
//!   top-level POST ([`LAX_ALLOWING_UNSAFE_SECONDS`]).
//! - `SameSite=None` without `Secure` is rejected.
//! - Potentially trustworthy origins count as secure: `https`/`wss`, and
//!   `http://localhost`, `http://*.localhost` and loopback addresses.
//! - Third-party cookies are blocked, as in a fresh Chromium profile, unless
//!   [`ThirdPartyCookies::Allowed`] says otherwise; `Partitioned` (CHIPS)
//!   cookies are keyed by the top-level site.
//!
//! # Example
//! ```
//! use jwtlens_cookie::{CookieJar, Request, Outcome};
//! let mut jar = CookieJar::new();
//! let now = jwtlens_cookie::UnixTime::from_secs(1_700_000_000);
//! let site = Request::navigate("https://app.example.com/login").unwrap();
//! assert!(matches!(jar.set("sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/", &site, now), Outcome::Stored { .. }));
//! let cross_post = Request::subresource("https://app.example.com/transfer", "POST", "https://evil.example").unwrap();
//! let verdicts = jar.cookies_for(&cross_post, now);
//! assert!(!verdicts[0].sent);
//! assert_eq!(verdicts[0].reason.to_string(), "SameSite=Lax: not sent on a cross-site POST or subresource request");
//! ```

#![no_std]
#![warn(missing_docs)]
#![warn(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::expect_used))]

extern crate alloc;

pub mod date;
mod jar;
mod matching;
mod parse;
mod replay;
mod request;
pub mod suffix;
mod time;
mod url;
mod verdict;
mod word;

use serde::Serialize;

pub use jar::{Cookie, CookieJar, Outcome};
pub use matching::{default_path, domain_match, path_match, registrable_domain};
pub use parse::{parse_set_cookie, set_cookie_value, Reject, SetCookie};
pub use replay::{replay, Replay, Stored};
pub use request::{Destination, MixedContent, Request};
pub use time::UnixTime;
pub use url::{Url, UrlError};
pub use verdict::{CookieVerdict, Reason};
pub use word::UnknownWord;

/// The 400-day cap on expiry (RFC 6265bis §5.5, "Cookie Lifetime Limits").
pub const MAX_AGE_CAP: i64 = 400 * 86_400;

/// Chromium's "Lax-allowing-unsafe" window: a cookie with no SameSite attribute
/// is still sent on a cross-site top-level navigation with an unsafe method
/// (a form POST) for this long after it was created.
pub const LAX_ALLOWING_UNSAFE_SECONDS: i64 = 120;
/// Cookies kept per domain before the oldest is evicted (the draft's minimum, as Chromium).
pub const PER_DOMAIN_LIMIT: usize = 50;
/// Cookies kept in all (Chromium's limit).
pub const TOTAL_LIMIT: usize = 3000;

/// Whether the browser sends and stores cookies in third-party contexts
/// (cross-site subresources and frames).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThirdPartyCookies {
    /// Blocked: what Chromium 156 does in a fresh profile here (measured,
    /// `tests/cookies/chromium-results.json`): a `SameSite=None` cookie is
    /// neither sent nor stored in a cross-site subresource or frame; top-level
    /// cross-site navigations still carry it.
    #[default]
    Blocked,
    /// Allowed, as RFC 6265bis §5.8.3 alone would have it.
    Allowed,
}

impl ThirdPartyCookies {
    /// Both settings, the default first.
    pub const ALL: [ThirdPartyCookies; 2] = [ThirdPartyCookies::Blocked, ThirdPartyCookies::Allowed];

    /// Every setting's [`ThirdPartyCookies::word`].
    pub const WORDS: [&'static str; 2] = [ThirdPartyCookies::Blocked.word(), ThirdPartyCookies::Allowed.word()];

    /// The word every face uses: `blocked` or `allowed`.
    pub const fn word(self) -> &'static str {
        match self {
            ThirdPartyCookies::Blocked => "blocked",
            ThirdPartyCookies::Allowed => "allowed",
        }
    }
}

impl core::str::FromStr for ThirdPartyCookies {
    type Err = UnknownWord;
    /// `blocked` or `allowed`.
    fn from_str(s: &str) -> Result<ThirdPartyCookies, UnknownWord> {
        ThirdPartyCookies::ALL
            .into_iter()
            .find(|t| t.word() == s)
            .ok_or_else(|| UnknownWord::new("third-party cookie setting", s, &ThirdPartyCookies::WORDS))
    }
}

/// The SameSite attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum SameSite {
    /// Only same-site requests.
    #[serde(alias = "strict")]
    Strict,
    /// Same-site, and cross-site top-level GET navigations.
    #[serde(alias = "lax")]
    Lax,
    /// Every request (requires Secure).
    #[serde(alias = "none")]
    None,
}

impl SameSite {
    /// Every value, strictest first.
    pub const ALL: [SameSite; 3] = [SameSite::Strict, SameSite::Lax, SameSite::None];

    /// Every value's [`SameSite::word`], strictest first.
    pub const WORDS: [&'static str; 3] = [SameSite::Strict.word(), SameSite::Lax.word(), SameSite::None.word()];

    /// The attribute's value as written: `Strict`, `Lax`, `None`.
    pub const fn word(self) -> &'static str {
        match self {
            SameSite::Strict => "Strict",
            SameSite::Lax => "Lax",
            SameSite::None => "None",
        }
    }
}

impl core::str::FromStr for SameSite {
    type Err = UnknownWord;

    /// `Strict`, `Lax` or `None`, in any case (RFC 6265bis §5.6.7 compares them case-insensitively).
    ///
    /// ```
    /// use jwtlens_cookie::SameSite;
    /// assert_eq!("lax".parse(), Ok(SameSite::Lax));
    /// assert!("unset".parse::<SameSite>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<SameSite, Self::Err> {
        SameSite::ALL
            .into_iter()
            .find(|v| v.word().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownWord::new("SameSite value", s, &SameSite::WORDS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec::Vec;

    const NOW: UnixTime = UnixTime::from_secs(1_700_000_000);

    fn https(path: &str) -> Request {
        Request::navigate(&format!("https://app.example.com{path}")).unwrap()
    }

    #[test]
    fn samesite_in_every_context() {
        let mut jar = CookieJar::new();
        for line in [
            "strict=1; Secure; SameSite=Strict",
            "lax=1; Secure; SameSite=Lax",
            "none=1; Secure; SameSite=None",
            "unset=1; Secure",
        ] {
            assert!(matches!(jar.set(line, &https("/"), NOW), Outcome::Stored { .. }), "{line}");
        }
        let sent = |req: &Request| {
            jar.cookies_for(req, NOW).into_iter().filter(|v| v.sent).map(|v| v.name).collect::<Vec<_>>()
        };
        assert_eq!(sent(&https("/")), ["strict", "lax", "none", "unset"]);
        let mut cross_nav = https("/");
        cross_nav.site_for_cookies = Some(Url::parse("https://evil.example").unwrap());
        assert_eq!(sent(&cross_nav), ["lax", "none", "unset"]);
        let cross_post = Request::subresource("https://app.example.com/", "POST", "https://evil.example").unwrap();
        assert_eq!(sent(&cross_post), [] as [&str; 0], "third-party cookies are blocked by default");
        let mut open = CookieJar::with_third_party_cookies(ThirdPartyCookies::Allowed);
        open.set("none=1; Secure; SameSite=None", &https("/"), NOW);
        let sent_open: Vec<alloc::string::String> =
            open.cookies_for(&cross_post, NOW).into_iter().filter(|v| v.sent).map(|v| v.name).collect();
        assert_eq!(sent_open, ["none"], "allowed, only SameSite=None rides a cross-site subresource POST");
        let same_site_sub =
            Request::subresource("https://api.example.com/", "POST", "https://www.example.com").unwrap();
        assert!(same_site_sub.same_site());
        let schemeful = Request::subresource("https://app.example.com/", "GET", "http://app.example.com").unwrap();
        assert!(!schemeful.same_site(), "http and https of one host are different sites");
    }

    #[test]
    fn secure_httponly_and_prefixes() {
        let mut jar = CookieJar::new();
        let http = Request::navigate("http://app.example.com/").unwrap();
        assert_eq!(jar.set("a=1; Secure", &http, NOW), Outcome::Rejected { reason: Reject::SecureFromInsecureOrigin });
        let script = Request::script("https://app.example.com/").unwrap();
        assert_eq!(jar.set("h=1; HttpOnly", &script, NOW), Outcome::Rejected { reason: Reject::HttpOnlyFromScript });
        assert!(matches!(jar.set("h=1; HttpOnly; Secure", &https("/"), NOW), Outcome::Stored { .. }));
        assert_eq!(jar.set("h=2", &script, NOW), Outcome::Rejected { reason: Reject::OverwritesHttpOnlyFromScript });
        assert_eq!(jar.cookie_header(&script, NOW), None, "HttpOnly is invisible to document.cookie");
        assert_eq!(
            jar.set("__Host-x=1; Secure; Path=/; Domain=example.com", &https("/"), NOW),
            Outcome::Rejected { reason: Reject::HostPrefix }
        );
        assert!(matches!(jar.set("__Host-x=1; Secure; Path=/", &https("/"), NOW), Outcome::Stored { .. }));
        assert_eq!(jar.set("__secure-y=1", &https("/"), NOW), Outcome::Rejected { reason: Reject::SecurePrefix });
        assert_eq!(
            jar.set("n=1; SameSite=None", &https("/"), NOW),
            Outcome::Rejected { reason: Reject::SameSiteNoneWithoutSecure }
        );
        assert_eq!(jar.set("h=3", &http, NOW), Outcome::Rejected { reason: Reject::WouldShadowSecureCookie });
    }

    #[test]
    fn domains_paths_expiry_and_cap() {
        let mut jar = CookieJar::new();
        assert_eq!(
            jar.set("a=1; Domain=co.uk", &Request::navigate("https://shop.co.uk/").unwrap(), NOW),
            Outcome::Rejected { reason: Reject::PublicSuffix { domain: "co.uk".into() } }
        );
        assert!(
            matches!(jar.set("a=1; Domain=.EXAMPLE.com", &https("/"), NOW), Outcome::Stored { cookie } if cookie.domain == "example.com" && !cookie.host_only)
        );
        assert!(matches!(
            jar.set("b=1; Domain=other.com", &https("/"), NOW),
            Outcome::Rejected { reason: Reject::DomainMismatch { .. } }
        ));
        match jar.set("long=1; Max-Age=999999999; Expires=Wed, 21 Oct 2015 07:28:00 GMT", &https("/a/b"), NOW) {
            Outcome::Stored { cookie } => {
                assert_eq!(cookie.expires, Some(NOW + MAX_AGE_CAP), "Max-Age wins and is capped at 400 days");
                assert_eq!(cookie.path, "/a");
            }
            o => panic!("{o:?}"),
        }
        assert!(matches!(
            jar.set("long=gone; Max-Age=0; Path=/a", &https("/a/b"), NOW),
            Outcome::Deleted { existed: true, .. }
        ));
        let v = jar.cookies_for(&Request::navigate("https://other.example.com/").unwrap(), NOW);
        assert_eq!(v[0].name, "a", "domain cookie reaches a sibling host");
        assert!(v[0].sent);
    }

    #[test]
    fn eviction_keeps_the_per_domain_limit() {
        let mut jar = CookieJar::new();
        for i in 0..(PER_DOMAIN_LIMIT + 5) {
            jar.set(&format!("c{i}=1"), &https("/"), NOW);
        }
        assert_eq!(jar.cookies().len(), PER_DOMAIN_LIMIT);
        assert!(!jar.cookies().iter().any(|c| c.name == "c0"), "the oldest goes first");
        // Filling many domains stops at the total limit, evicting the oldest overall.
        for d in 0..(TOTAL_LIMIT / PER_DOMAIN_LIMIT + 1) {
            let req = Request::navigate(&format!("https://d{d}.example/")).unwrap();
            for i in 0..PER_DOMAIN_LIMIT {
                jar.set(&format!("c{i}=1"), &req, NOW);
            }
        }
        assert_eq!(jar.cookies().len(), TOTAL_LIMIT);
        assert!(!jar.cookies().iter().any(|c| c.domain == "app.example.com"), "the oldest cookies overall went first");
    }
}
