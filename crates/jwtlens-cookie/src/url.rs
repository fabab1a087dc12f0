//! The parts of a URL the cookie rules need: scheme, host, port, path.

use alloc::string::String;
use core::fmt;

use serde::Serialize;

/// An absolute `scheme://host[:port][/path][?query]` URL, host lowercased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Url {
    /// `http`, `https`, ...
    pub scheme: String,
    /// Host name, lowercased.
    pub host: String,
    /// Port, when given.
    pub port: Option<u16>,
    /// Path, "/" when empty.
    pub path: String,
    /// Query without the '?'.
    pub query: Option<String>,
}

/// Why a URL could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UrlError {
    /// What was wrong.
    pub message: &'static str,
}

impl core::error::Error for UrlError {}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl Url {
    /// Parse an absolute URL.
    ///
    /// ```
    /// let u = jwtlens_cookie::Url::parse("http://Home.Example.org:8888/cookie-parser?0001").unwrap();
    /// assert_eq!((u.host.as_str(), u.port, u.path.as_str()), ("home.example.org", Some(8888), "/cookie-parser"));
    /// ```
    pub fn parse(s: &str) -> Result<Url, UrlError> {
        let s = s.trim();
        let (scheme, rest) = s.split_once("://").ok_or(UrlError { message: "expected scheme://host" })?;
        if scheme.is_empty()
            || !scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
        {
            return Err(UrlError { message: "the scheme is not valid" });
        }
        // WHATWG URL: in special schemes a backslash is a path separator, so
        // "https://evil.example\\@bank.example/" is a URL of evil.example, not of bank.example.
        let special = matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https" | "ws" | "wss");
        let rest = if special { rest.replace('\\', "/") } else { String::from(rest) };
        let rest = rest.split('#').next().unwrap_or("");
        let (authority, path_query) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let authority = authority.rsplit('@').next().unwrap_or("");
        let port_number =
            |p: &str| p.parse::<u16>().map_err(|_| UrlError { message: "the port is not a number from 0 to 65535" });
        let (host, port) = if authority.starts_with('[') {
            // An IPv6 literal: "[::1]" or "[::1]:8080".
            let end = authority.find(']').ok_or(UrlError { message: "the IPv6 address has no closing ']'" })?;
            let (host, after) = authority.split_at(end + 1);
            match after.strip_prefix(':') {
                Some(p) => (host, Some(port_number(p)?)),
                None if after.is_empty() => (host, None),
                None => return Err(UrlError { message: "only a port may follow an IPv6 address" }),
            }
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h, Some(port_number(p)?)),
                None => (authority, None),
            }
        };
        if host.is_empty() {
            return Err(UrlError { message: "the host is empty" });
        }
        let (path, query) = match path_query.split_once('?') {
            Some((p, q)) => (p, Some(String::from(q))),
            None => (path_query, None),
        };
        Ok(Url {
            scheme: scheme.to_ascii_lowercase(),
            host: host.trim_end_matches('.').to_ascii_lowercase(),
            port,
            path: if path.is_empty() { String::from("/") } else { String::from(path) },
            query,
        })
    }

    /// `https` and `wss` are secure; everything else is not. Same-site is
    /// schemeful on this (`http://a.example` and `https://a.example` are two sites).
    pub fn scheme_is_secure(&self) -> bool {
        matches!(self.scheme.as_str(), "https" | "wss")
    }

    /// A potentially trustworthy origin (W3C Secure Contexts §3.1): a secure
    /// scheme, or `http` to the loopback — `localhost`, a name under
    /// `.localhost`, `127.0.0.0/8` or `[::1]`. RFC 6265bis §5.7 lets a user
    /// agent treat these as secure for cookies, and Chromium does: Secure
    /// cookies are set and sent there over http, and the `__Secure-`/`__Host-`
    /// prefixes are accepted.
    ///
    /// ```
    /// use jwtlens_cookie::Url;
    /// assert!(Url::parse("http://localhost:8080/").unwrap().is_potentially_trustworthy());
    /// assert!(Url::parse("http://app.localhost/").unwrap().is_potentially_trustworthy());
    /// assert!(Url::parse("http://127.0.0.1/").unwrap().is_potentially_trustworthy());
    /// assert!(!Url::parse("http://127.example/").unwrap().is_potentially_trustworthy());
    /// assert!(!Url::parse("http://localhost.example/").unwrap().is_potentially_trustworthy());
    /// ```
    pub fn is_potentially_trustworthy(&self) -> bool {
        if self.scheme_is_secure() {
            return true;
        }
        if self.scheme != "http" && self.scheme != "ws" {
            return false;
        }
        let h = self.host.as_str();
        if h == "localhost" || h.ends_with(".localhost") || h == "[::1]" || h == "::1" {
            return true;
        }
        let octets: alloc::vec::Vec<&str> = h.split('.').collect();
        octets.len() == 4
            && octets.first() == Some(&"127")
            && octets.iter().all(|o| {
                !o.is_empty()
                    && o.len() <= 3
                    && o.bytes().all(|b| b.is_ascii_digit())
                    && o.parse::<u16>().is_ok_and(|n| n <= 255)
            })
    }

    /// Resolve `reference` (absolute, or an absolute path) against this URL.
    pub fn join(&self, reference: &str) -> Result<Url, UrlError> {
        if reference.contains("://") {
            return Url::parse(reference);
        }
        let mut u = self.clone();
        let (path, query) = match reference.split_once('?') {
            Some((p, q)) => (p, Some(String::from(q))),
            None => (reference, None),
        };
        if path.starts_with('/') {
            u.path = String::from(path);
        } else if !path.is_empty() {
            let base = self.path.rfind('/').map_or("", |i| &self.path[..=i]);
            u.path = alloc::format!("{base}{path}");
        }
        u.query = query;
        Ok(u)
    }
}
