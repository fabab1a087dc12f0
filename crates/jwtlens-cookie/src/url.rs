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
        let rest = rest.split('#').next().unwrap_or("");
        let (authority, path_query) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let authority = authority.rsplit('@').next().unwrap_or("");
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') && h.ends_with(']') => (
                h,
                Some(p.parse::<u16>().map_err(|_| UrlError { message: "the port is not a number from 0 to 65535" })?),
            ),
            _ => (authority, None),
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

    /// `https` and `wss` are secure; everything else is not.
    pub fn scheme_is_secure(&self) -> bool {
        matches!(self.scheme.as_str(), "https" | "wss")
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
