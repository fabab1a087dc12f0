//! A cookie jar that follows RFC 6265bis (draft 22) and says why.
//!
//! Every store attempt returns an [`Outcome`] (stored, replaced, deleted or
//! rejected, with the reason), and every request gets, for each stored
//! cookie, whether it is sent and why or why not. Time is an argument.
//! Where the draft leaves a choice to the user agent, jwtlens does what
//! current Chromium does, and says so where it matters:
//! - SameSite unset behaves as Lax ("Lax by default"); Chromium's two-minute
//!   "Lax+POST" grace for fresh cookies is not simulated.
//! - `SameSite=None` without `Secure` is rejected.
//! - Only `https` (and `wss`) origins are secure; `http://localhost` is not special.
//!
//! # Example
//! ```
//! use jwtlens_cookie::{CookieJar, Request, Outcome};
//! let mut jar = CookieJar::new();
//! let now = 1_700_000_000;
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
mod replay;
pub mod suffix;
mod url;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::Serialize;

pub use replay::{replay, Replay, Stored};
pub use url::{Url, UrlError};

/// The 400-day cap on expiry (RFC 6265bis §5.5, "Cookie Lifetime Limits").
pub const MAX_AGE_CAP: i64 = 400 * 86_400;
/// Cookies kept per domain before the oldest is evicted (the draft's minimum, as Chromium).
pub const PER_DOMAIN_LIMIT: usize = 50;
/// Cookies kept in all (Chromium's limit).
pub const TOTAL_LIMIT: usize = 3000;

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

/// A parsed `Set-Cookie` line (RFC 6265bis §5.6), before storage decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetCookie {
    /// The cookie name (may be empty).
    pub name: String,
    /// The cookie value.
    pub value: String,
    /// `Expires`, as seconds since 1970, when it parsed.
    pub expires: Option<i64>,
    /// `Max-Age` in seconds.
    pub max_age: Option<i64>,
    /// `Domain`, lowercased, leading dot removed.
    pub domain: Option<String>,
    /// `Path`, when it starts with '/'.
    pub path: Option<String>,
    /// `Secure`
    pub secure: bool,
    /// `HttpOnly`
    pub http_only: bool,
    /// `SameSite`, `None` when absent or unrecognized (which then behaves as Lax).
    pub same_site: Option<SameSite>,
}

/// Why a line was not stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Reject {
    ControlCharacter,
    EmptyNameAndValue,
    TooLarge { bytes: usize },
    NameLooksLikeAPrefix,
    PublicSuffix { domain: String },
    DomainMismatch { domain: String, host: String },
    SecureFromInsecureOrigin,
    HttpOnlyFromScript,
    OverwritesHttpOnlyFromScript,
    WouldShadowSecureCookie,
    SameSiteNoneWithoutSecure,
    SameSiteFromCrossSite,
    SecurePrefix,
    HostPrefix,
}

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reject::ControlCharacter => f.write_str("the line contains a control character (RFC 6265bis §5.6 step 1)"),
            Reject::EmptyNameAndValue => f.write_str("both the name and the value are empty"),
            Reject::TooLarge { bytes } => write!(f, "name and value are {bytes} bytes; at most 4096 are allowed"),
            Reject::NameLooksLikeAPrefix => {
                f.write_str("a nameless cookie whose value starts with __Secure- or __Host- is refused")
            }
            Reject::PublicSuffix { domain } => {
                write!(f, "Domain={domain} is a public suffix: a cookie for every site under it is refused")
            }
            Reject::DomainMismatch { domain, host } => {
                write!(f, "Domain={domain} does not domain-match the host {host}")
            }
            Reject::SecureFromInsecureOrigin => {
                f.write_str("a Secure cookie can only be set from a secure (https) origin")
            }
            Reject::HttpOnlyFromScript => f.write_str("an HttpOnly cookie cannot be set from script (document.cookie)"),
            Reject::OverwritesHttpOnlyFromScript => f.write_str("script cannot overwrite an existing HttpOnly cookie"),
            Reject::WouldShadowSecureCookie => {
                f.write_str("an insecure origin cannot overwrite (or shadow) a Secure cookie of the same name")
            }
            Reject::SameSiteNoneWithoutSecure => {
                f.write_str("SameSite=None requires Secure (Chromium rejects it otherwise)")
            }
            Reject::SameSiteFromCrossSite => {
                f.write_str("a SameSite=Lax/Strict cookie cannot be set by a cross-site subresource response")
            }
            Reject::SecurePrefix => f.write_str("a __Secure- cookie must be Secure and set from a secure origin"),
            Reject::HostPrefix => {
                f.write_str("a __Host- cookie must be Secure, from a secure origin, without Domain, with Path=/")
            }
        }
    }
}

/// What storing one `Set-Cookie` line did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// A new cookie was stored.
    Stored {
        /// The cookie.
        cookie: Cookie,
    },
    /// An existing cookie (same name, domain and path) was replaced.
    Replaced {
        /// The new cookie.
        cookie: Cookie,
    },
    /// The expiry is in the past: the matching cookie, if any, was removed.
    Deleted {
        /// Name of the cookie.
        name: String,
        /// Whether a cookie was actually removed.
        existed: bool,
    },
    /// Not stored.
    Rejected {
        /// Why.
        reason: Reject,
    },
}

impl fmt::Display for Outcome {
    /// "stored", "replaced an earlier one", "deleted (expiry in the past)" or "rejected: " and the reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Stored { .. } => f.write_str("stored"),
            Outcome::Replaced { .. } => f.write_str("replaced an earlier one"),
            Outcome::Deleted { existed: true, .. } => f.write_str("deleted (expiry in the past)"),
            Outcome::Deleted { existed: false, .. } => f.write_str("deleted (expiry in the past; there was none)"),
            Outcome::Rejected { reason } => write!(f, "rejected: {reason}"),
        }
    }
}

impl Outcome {
    /// True unless the line was rejected.
    pub fn accepted(&self) -> bool {
        !matches!(self, Outcome::Rejected { .. })
    }
}

/// The cookie in a pasted response header line: drops a leading `Set-Cookie:` (any case).
///
/// ```
/// assert_eq!(jwtlens_cookie::set_cookie_value("set-cookie: a=1; Path=/"), "a=1; Path=/");
/// assert_eq!(jwtlens_cookie::set_cookie_value("a=1"), "a=1");
/// ```
pub fn set_cookie_value(line: &str) -> &str {
    let t = line.trim();
    match t.get(..11) {
        Some(p) if p.eq_ignore_ascii_case("set-cookie:") => t.get(11..).unwrap_or("").trim_start(),
        _ => t,
    }
}

/// A stored cookie (RFC 6265bis §5.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cookie {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
    /// The domain it belongs to.
    pub domain: String,
    /// True when set without Domain: sent only to exactly this host.
    pub host_only: bool,
    /// Path.
    pub path: String,
    /// Secure.
    pub secure: bool,
    /// HttpOnly.
    pub http_only: bool,
    /// SameSite as written (`None` = unset, behaves as Lax).
    pub same_site: Option<SameSite>,
    /// Expiry time, `None` for a session cookie.
    pub expires: Option<i64>,
    /// When it was first created.
    pub created: i64,
    /// Creation order, for ties.
    pub seq: u64,
}

/// Who makes a request, from where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Request {
    /// The URL requested.
    pub url: Url,
    /// The method.
    pub method: String,
    /// From HTTP (a fetch, form or navigation) or from script (`document.cookie`).
    pub from_script: bool,
    /// The top-level site the request is made for ("site for cookies"), as a URL; `None` = same as `url`.
    pub site_for_cookies: Option<Url>,
    /// A top-level navigation (the address bar, a link, a form that navigates).
    pub top_level: bool,
}

impl Request {
    /// A same-site top-level GET navigation to `url`.
    pub fn navigate(url: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: String::from("GET"),
            from_script: false,
            site_for_cookies: None,
            top_level: true,
        })
    }
    /// A subresource request (fetch, image, form POST in a frame) to `url` from a page on `from`.
    pub fn subresource(url: &str, method: &str, from: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: method.to_ascii_uppercase(),
            from_script: false,
            site_for_cookies: Some(Url::parse(from)?),
            top_level: false,
        })
    }
    /// `document.cookie` on a page at `url`.
    pub fn script(url: &str) -> Result<Request, UrlError> {
        Ok(Request {
            url: Url::parse(url)?,
            method: String::from("GET"),
            from_script: true,
            site_for_cookies: None,
            top_level: true,
        })
    }
    /// Whether the request is same-site (schemeful: https and http of one domain are different sites).
    pub fn same_site(&self) -> bool {
        match &self.site_for_cookies {
            None => true,
            Some(site) => {
                site.scheme_is_secure() == self.url.scheme_is_secure()
                    && registrable_domain(&site.host) == registrable_domain(&self.url.host)
            }
        }
    }
}

/// Why a cookie was or was not sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Reason {
    Sent,
    Expired,
    HostMismatch,
    DomainMismatch,
    PathMismatch,
    SecureOnInsecure,
    HttpOnlyFromScript,
    SameSiteStrictCrossSite,
    SameSiteLaxCrossSite,
    SameSiteDefaultLaxCrossSite,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reason::Sent => "sent",
            Reason::Expired => "expired",
            Reason::HostMismatch => "host-only cookie, and this is another host",
            Reason::DomainMismatch => "the request host is not in the cookie's domain",
            Reason::PathMismatch => "the request path is outside the cookie's Path",
            Reason::SecureOnInsecure => "Secure: not sent over http",
            Reason::HttpOnlyFromScript => "HttpOnly: hidden from script",
            Reason::SameSiteStrictCrossSite => "SameSite=Strict: not sent on a cross-site request",
            Reason::SameSiteLaxCrossSite => "SameSite=Lax: not sent on a cross-site POST or subresource request",
            Reason::SameSiteDefaultLaxCrossSite => {
                "no SameSite, so Lax (as Chromium): not sent on a cross-site POST or subresource request"
            }
        })
    }
}

/// One stored cookie's verdict for a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CookieVerdict {
    /// The cookie's name.
    pub name: String,
    /// Its domain.
    pub domain: String,
    /// Its path.
    pub path: String,
    /// Whether it is sent (or, from script, visible).
    pub sent: bool,
    /// Why.
    pub reason: Reason,
    /// The reason in words.
    pub message: String,
}

/// The registrable domain ("eTLD+1") of a host, by the public suffix list; the host itself when unknown.
pub fn registrable_domain(host: &str) -> String {
    String::from(suffix::registrable_domain(host).unwrap_or(host))
}

/// RFC 6265bis §5.1.3: "A string domain-matches a given domain string if [...] The domain
/// string and the string are identical \[or\] The domain string is a suffix of the string, the
/// last character of the string that is not included in the domain string is a %x2E (".")
/// character, \[and\] the string is a host name (i.e., not an IP address)."
pub fn domain_match(host: &str, domain: &str) -> bool {
    host == domain
        || (host.ends_with(domain)
            && host.len() > domain.len()
            && host.as_bytes().get(host.len() - domain.len() - 1) == Some(&b'.')
            && !is_ip(host))
}

fn is_ip(host: &str) -> bool {
    host.starts_with('[')
        || host.split('.').count() == 4
            && host.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// RFC 6265bis §5.1.4 default-path: the request path up to, not including, its right-most "/".
pub fn default_path(path: &str) -> String {
    if !path.starts_with('/') {
        return String::from("/");
    }
    match path.rfind('/') {
        Some(0) | None => String::from("/"),
        Some(i) => String::from(&path[..i]),
    }
}

/// RFC 6265bis §5.1.4 path-match.
pub fn path_match(request_path: &str, cookie_path: &str) -> bool {
    request_path == cookie_path
        || (request_path.starts_with(cookie_path)
            && (cookie_path.ends_with('/') || request_path.as_bytes().get(cookie_path.len()) == Some(&b'/')))
}

fn trim_wsp(s: &str) -> &str {
    s.trim_matches(|c| c == ' ' || c == '\t')
}

/// RFC 6265bis §5.6: parse a `Set-Cookie` header value. `now` resolves nothing
/// here; Max-Age stays relative.
pub fn parse_set_cookie(line: &str) -> Result<SetCookie, Reject> {
    // Step 1: "If the set-cookie-string contains a %x00-08 / %x0A-1F / %x7F character
    // (CTL characters excluding HTAB): Abort these steps and ignore the set-cookie-string entirely."
    if line.bytes().any(|b| matches!(b, 0x00..=0x08 | 0x0a..=0x1f | 0x7f)) {
        return Err(Reject::ControlCharacter);
    }
    let (pair, attrs) = match line.find(';') {
        Some(i) => (&line[..i], &line[i..]),
        None => (line, ""),
    };
    // Step 3: no "=" means an empty name and the whole pair as the value.
    let (name, value) = match pair.find('=') {
        Some(i) => (trim_wsp(&pair[..i]), trim_wsp(&pair[i + 1..])),
        None => ("", trim_wsp(pair)),
    };
    if name.is_empty() && value.is_empty() {
        return Err(Reject::EmptyNameAndValue);
    }
    if name.len() + value.len() > 4096 {
        return Err(Reject::TooLarge { bytes: name.len() + value.len() });
    }
    let mut c = SetCookie {
        name: String::from(name),
        value: String::from(value),
        expires: None,
        max_age: None,
        domain: None,
        path: None,
        secure: false,
        http_only: false,
        same_site: None,
    };
    for av in attrs.split(';').skip(1) {
        let (k, v) = match av.find('=') {
            Some(i) => (trim_wsp(&av[..i]), trim_wsp(&av[i + 1..])),
            None => (trim_wsp(av), ""),
        };
        if v.len() > 1024 {
            continue;
        }
        match k.to_ascii_lowercase().as_str() {
            "expires" => {
                if let Some(t) = date::parse_cookie_date(v) {
                    c.expires = Some(t);
                }
            }
            "max-age" => {
                let digits = v.strip_prefix('-').unwrap_or(v);
                if !v.is_empty() && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                    // Saturate: a huge Max-Age is capped at 400 days anyway.
                    let n: i64 = digits.parse().unwrap_or(i64::MAX / 2);
                    c.max_age = Some(if v.starts_with('-') { -n } else { n });
                }
            }
            // §5.6.3: "If the first character of the attribute-value string is %x2E ("."):
            // Let cookie-domain be the attribute-value without the leading %x2E" — one dot only.
            "domain" if !v.is_empty() => c.domain = Some(v.strip_prefix('.').unwrap_or(v).to_ascii_lowercase()),
            "path" => c.path = if v.starts_with('/') { Some(String::from(v)) } else { None },
            "secure" => c.secure = true,
            "httponly" => c.http_only = true,
            "samesite" => {
                c.same_site = match v.to_ascii_lowercase().as_str() {
                    "strict" => Some(SameSite::Strict),
                    "lax" => Some(SameSite::Lax),
                    "none" => Some(SameSite::None),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    Ok(c)
}

/// A cookie jar. Outcomes are values; nothing prints.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CookieJar {
    cookies: Vec<Cookie>,
    seq: u64,
}

impl CookieJar {
    /// An empty jar.
    pub fn new() -> CookieJar {
        CookieJar::default()
    }

    /// Every stored cookie (expired ones included until the next store or lookup).
    pub fn cookies(&self) -> &[Cookie] {
        &self.cookies
    }

    /// Store one `Set-Cookie` line received in answer to `request` (or written to
    /// `document.cookie` when `request.from_script`), at time `now`.
    pub fn set(&mut self, line: &str, request: &Request, now: i64) -> Outcome {
        match self.try_set(line, request, now) {
            Ok(o) => o,
            Err(reason) => Outcome::Rejected { reason },
        }
    }

    fn try_set(&mut self, line: &str, req: &Request, now: i64) -> Result<Outcome, Reject> {
        let sc = parse_set_cookie(line)?;
        let host = req.url.host.as_str();
        let secure_origin = req.url.scheme_is_secure();
        let lower = sc.name.to_ascii_lowercase();
        if sc.name.is_empty()
            && (sc.value.to_ascii_lowercase().starts_with("__secure-")
                || sc.value.to_ascii_lowercase().starts_with("__host-"))
        {
            return Err(Reject::NameLooksLikeAPrefix);
        }
        // §5.7 step 3: expiry — Max-Age wins over Expires; both capped at 400 days.
        let expires = match (sc.max_age, sc.expires) {
            (Some(age), _) if age <= 0 => Some(i64::MIN),
            (Some(age), _) => Some(now.saturating_add(age.min(MAX_AGE_CAP))),
            (None, Some(t)) => Some(t.min(now.saturating_add(MAX_AGE_CAP))),
            (None, None) => None,
        };
        // §5.7 steps 5-6: Domain.
        let (domain, host_only) = match &sc.domain {
            Some(d) => {
                let d = d.as_str();
                let public = suffix::public_suffix(d) == Some(d);
                if public {
                    if d == host {
                        (String::from(host), true)
                    } else {
                        return Err(Reject::PublicSuffix { domain: String::from(d) });
                    }
                } else if domain_match(host, d) {
                    (String::from(d), false)
                } else {
                    return Err(Reject::DomainMismatch { domain: String::from(d), host: String::from(host) });
                }
            }
            None => (String::from(host), true),
        };
        let path = sc.path.clone().unwrap_or_else(|| default_path(&req.url.path));
        if sc.secure && !secure_origin {
            return Err(Reject::SecureFromInsecureOrigin);
        }
        if sc.http_only && req.from_script {
            return Err(Reject::HttpOnlyFromScript);
        }
        if sc.same_site == Some(SameSite::None) && !sc.secure {
            return Err(Reject::SameSiteNoneWithoutSecure);
        }
        if sc.same_site != Some(SameSite::None) && !req.same_site() && !req.top_level {
            // §5.7 step 15: a non-None SameSite cookie from a cross-site subresource response is ignored
            // (unset SameSite counts, as it behaves as Lax).
            return Err(Reject::SameSiteFromCrossSite);
        }
        // §5.7 step 20: cookie name prefixes (case-insensitive).
        if lower.starts_with("__secure-") && !(sc.secure && secure_origin) {
            return Err(Reject::SecurePrefix);
        }
        if lower.starts_with("__host-")
            && !(sc.secure && secure_origin && host_only && sc.domain.is_none() && path == "/")
        {
            return Err(Reject::HostPrefix);
        }
        // §5.7 step 16: from an insecure origin, leave Secure cookies of the same name alone.
        if !secure_origin
            && self.cookies.iter().any(|c| {
                c.secure
                    && c.name == sc.name
                    && (domain_match(&c.domain, &domain) || domain_match(&domain, &c.domain))
                    && path_match(&path, &c.path)
            })
        {
            return Err(Reject::WouldShadowSecureCookie);
        }
        let existing = self
            .cookies
            .iter()
            .position(|c| c.name == sc.name && c.domain == domain && c.host_only == host_only && c.path == path);
        if let Some(i) = existing {
            if self.cookies.get(i).is_some_and(|c| c.http_only) && req.from_script {
                return Err(Reject::OverwritesHttpOnlyFromScript);
            }
        }
        let created = existing.and_then(|i| self.cookies.get(i)).map_or(now, |c| c.created);
        if expires.is_some_and(|e| e <= now) {
            if let Some(i) = existing {
                self.cookies.remove(i);
            }
            return Ok(Outcome::Deleted { name: sc.name, existed: existing.is_some() });
        }
        self.seq += 1;
        let cookie = Cookie {
            name: sc.name,
            value: sc.value,
            domain,
            host_only,
            path,
            secure: sc.secure,
            http_only: sc.http_only,
            same_site: sc.same_site,
            expires,
            created,
            seq: existing.and_then(|i| self.cookies.get(i)).map_or(self.seq, |c| c.seq),
        };
        let domain = cookie.domain.clone();
        let outcome = match existing {
            Some(i) => {
                if let Some(slot) = self.cookies.get_mut(i) {
                    *slot = cookie.clone();
                }
                Outcome::Replaced { cookie }
            }
            None => {
                self.cookies.push(cookie.clone());
                Outcome::Stored { cookie }
            }
        };
        self.evict(now, &domain);
        Ok(outcome)
    }

    /// §5.7 "Storage Model" limits: expired first, then the oldest of `domain` (the only
    /// domain that can have grown past its limit, since every store evicts), then the oldest overall.
    fn evict(&mut self, now: i64, domain: &str) {
        self.cookies.retain(|c| c.expires.is_none_or(|e| e > now));
        let oldest = |cookies: &[Cookie], only: Option<&str>| {
            cookies
                .iter()
                .enumerate()
                .filter(|(_, c)| only.is_none_or(|d| c.domain == d))
                .min_by_key(|(_, c)| c.seq)
                .map(|(i, _)| i)
        };
        while self.cookies.iter().filter(|c| c.domain == domain).count() > PER_DOMAIN_LIMIT {
            let Some(i) = oldest(&self.cookies, Some(domain)) else { break };
            self.cookies.remove(i);
        }
        while self.cookies.len() > TOTAL_LIMIT {
            let Some(i) = oldest(&self.cookies, None) else { break };
            self.cookies.remove(i);
        }
    }

    /// For each stored cookie: is it sent with `request` at `now` (or, from script, visible), and why.
    /// Sent cookies come first, in Cookie-header order (§5.8.3: longer paths first, then older).
    pub fn cookies_for(&self, req: &Request, now: i64) -> Vec<CookieVerdict> {
        let same_site = req.same_site();
        let lax_ok = req.top_level && matches!(req.method.as_str(), "GET" | "HEAD" | "OPTIONS" | "TRACE");
        let mut order: Vec<&Cookie> = self.cookies.iter().collect();
        order.sort_by(|a, b| b.path.len().cmp(&a.path.len()).then(a.created.cmp(&b.created)).then(a.seq.cmp(&b.seq)));
        let mut out: Vec<CookieVerdict> = order
            .into_iter()
            .map(|c| {
                let reason = if c.expires.is_some_and(|e| e <= now) {
                    Reason::Expired
                } else if c.host_only && req.url.host != c.domain {
                    Reason::HostMismatch
                } else if !c.host_only && !domain_match(&req.url.host, &c.domain) {
                    Reason::DomainMismatch
                } else if !path_match(&req.url.path, &c.path) {
                    Reason::PathMismatch
                } else if c.secure && !req.url.scheme_is_secure() {
                    Reason::SecureOnInsecure
                } else if c.http_only && req.from_script {
                    Reason::HttpOnlyFromScript
                } else if !same_site && c.same_site == Some(SameSite::Strict) {
                    Reason::SameSiteStrictCrossSite
                } else if !same_site && c.same_site == Some(SameSite::Lax) && !lax_ok {
                    Reason::SameSiteLaxCrossSite
                } else if !same_site && c.same_site.is_none() && !lax_ok {
                    Reason::SameSiteDefaultLaxCrossSite
                } else {
                    Reason::Sent
                };
                CookieVerdict {
                    name: c.name.clone(),
                    domain: c.domain.clone(),
                    path: c.path.clone(),
                    sent: reason == Reason::Sent,
                    message: reason.to_string(),
                    reason,
                }
            })
            .collect();
        out.sort_by_key(|v| !v.sent);
        out
    }

    /// The `Cookie` header for `request` (or the `document.cookie` string from script), `None` when nothing is sent.
    pub fn cookie_header(&self, req: &Request, now: i64) -> Option<String> {
        let by_name = |v: &CookieVerdict| {
            let c = self.cookies.iter().find(|c| c.name == v.name && c.domain == v.domain && c.path == v.path);
            c.map(|c| if c.name.is_empty() { c.value.clone() } else { format!("{}={}", c.name, c.value) })
        };
        let parts: Vec<String> = self.cookies_for(req, now).iter().filter(|v| v.sent).filter_map(by_name).collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_700_000_000;

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
        assert_eq!(sent(&cross_post), ["none"]);
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
