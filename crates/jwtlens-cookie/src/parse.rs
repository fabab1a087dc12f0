//! RFC 6265bis §5.6: reading a `Set-Cookie` line.

use alloc::string::String;
use core::fmt;

use serde::Serialize;

use crate::*;

/// A parsed `Set-Cookie` line (RFC 6265bis §5.6), before storage decisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SetCookie {
    /// The cookie name (may be empty).
    pub name: String,
    /// The cookie value.
    pub value: String,
    /// `Expires`, as seconds since 1970, when it parsed.
    pub expires: Option<crate::UnixTime>,
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
    /// `Partitioned` (CHIPS): kept apart per top-level site.
    pub partitioned: bool,
}

/// Why a line was not stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Reject {
    ControlCharacter,
    EmptyNameAndValue,
    TooLarge {
        bytes: usize,
    },
    NameLooksLikeAPrefix,
    NamelessWithEquals,
    PublicSuffix {
        domain: String,
    },
    DomainMismatch {
        domain: String,
        host: String,
    },
    SecureFromInsecureOrigin,
    HttpOnlyFromScript,
    OverwritesHttpOnlyFromScript,
    WouldShadowSecureCookie,
    SameSiteNoneWithoutSecure,
    SameSiteFromCrossSite,
    ThirdPartyBlocked,
    /// The request is blockable mixed content: it is never made, so nothing answers it.
    MixedContentBlocked,
    PartitionedWithoutSecure,
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
            Reject::NamelessWithEquals => f.write_str(
                "a nameless cookie whose value holds '=' would read back as a named cookie, so Chromium refuses it (RFC 6265bis §5.6 would store it)",
            ),
            Reject::PublicSuffix { domain } => {
                write!(f, "Domain={domain} is a public suffix: a cookie for every site under it is refused")
            }
            Reject::DomainMismatch { domain, host } => {
                write!(f, "Domain={domain} does not domain-match the host {host}")
            }
            Reject::SecureFromInsecureOrigin => {
                f.write_str("a Secure cookie can only be set from a secure origin (https, or a potentially trustworthy one such as http://localhost, which Chromium counts as secure)")
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
            Reject::ThirdPartyBlocked => {
                f.write_str("third-party cookies are blocked (Chromium's default in a fresh profile): a cross-site subresource or frame cannot set cookies (RFC 6265bis §5.7 alone would store a SameSite=None one)")
            }
            Reject::MixedContentBlocked => f.write_str(
                "the request is never made: an http: fetch, script or frame from an https: page is blocked as mixed content",
            ),
            Reject::PartitionedWithoutSecure => f.write_str("a Partitioned cookie must be Secure"),
            Reject::SecurePrefix => f.write_str("a __Secure- cookie must be Secure and set from a secure origin"),
            Reject::HostPrefix => {
                f.write_str("a __Host- cookie must be Secure, from a secure origin, without Domain, and say Path=/")
            }
        }
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
        partitioned: false,
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
            "partitioned" => c.partitioned = true,
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
