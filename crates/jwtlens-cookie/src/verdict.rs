//! Why a stored cookie is or is not sent with a request: one reason per rule.

use alloc::string::String;
use core::fmt;

use serde::Serialize;

/// Why a cookie was or was not sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
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
    /// Sent, by Chromium's "Lax-allowing-unsafe" rule.
    SentLaxAllowingUnsafe,
    /// Third-party cookies are blocked, and this is a cross-site subresource or frame request.
    ThirdPartyBlocked,
    /// A partitioned (CHIPS) cookie of another top-level site.
    OtherPartition,
    /// The request is blockable mixed content and is never made.
    MixedContentBlocked,
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
            Reason::ThirdPartyBlocked => {
                "third-party cookies are blocked (Chromium's default here): not sent to a cross-site subresource or frame (RFC 6265bis §5.8.3 alone would send a SameSite=None cookie)"
            }
            Reason::OtherPartition => {
                "Partitioned (CHIPS): kept for another top-level site (or for frames with a cross-site ancestor, when this one has none, or the reverse), so not sent here"
            }
            Reason::MixedContentBlocked => {
                "not sent: an http: fetch, script or frame from an https: page is blocked as mixed content, so there is no request"
            }
            Reason::SentLaxAllowingUnsafe => {
                "sent: no SameSite and set under 2 minutes ago, so Chromium's Lax-allowing-unsafe lets it ride a cross-site top-level POST (RFC 6265bis §5.8.3 would not send it)"
            }
        })
    }
}

/// One stored cookie's verdict for a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CookieVerdict {
    /// The cookie's name.
    pub name: String,
    /// Its value.
    pub value: String,
    /// Its domain.
    pub domain: String,
    /// Host-only (set without Domain): two cookies may share name, domain and path and differ only here.
    pub host_only: bool,
    /// Its path.
    pub path: String,
    /// Whether it is sent (or, from script, visible).
    pub sent: bool,
    /// Why.
    pub reason: Reason,
    /// The reason in words.
    pub message: String,
}
