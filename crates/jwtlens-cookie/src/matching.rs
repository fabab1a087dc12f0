//! RFC 6265bis §5.1.3 and §5.1.4: domain and path matching, and the registrable domain.

use alloc::string::String;

use crate::*;

/// The registrable domain ("eTLD+1") of a host, by the public suffix list; the host itself when
/// unknown, and for an IP address (a site of its own: 10.0.0.1 and 192.168.0.1 share nothing).
///
/// ```
/// use jwtlens_cookie::registrable_domain;
/// assert_eq!(registrable_domain("www.bank.example.co.uk"), "example.co.uk");
/// assert_eq!(registrable_domain("192.168.0.1"), "192.168.0.1");
/// assert_eq!(registrable_domain("[::1]"), "[::1]");
/// ```
pub fn registrable_domain(host: &str) -> String {
    if is_ip(host) {
        return String::from(host);
    }
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
