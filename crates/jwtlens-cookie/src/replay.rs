//! The cookie lab's one experiment, for every face: the `Set-Cookie` lines a
//! page received, stored in a fresh jar, then one request judged against it.
//!
//! ```
//! use jwtlens_cookie::{replay, Request, ThirdPartyCookies, UnixTime};
//! let now = UnixTime::from_secs(1_700_000_000);
//! let from = Request::navigate("https://bank.example/login").unwrap();
//! let post = Request::subresource("https://bank.example/transfer", "POST", "https://evil.example").unwrap();
//! let lines = "Set-Cookie: sid=abc; Secure; HttpOnly; SameSite=Lax\ntheme=dark; SameSite=None; Secure\n";
//! let run = replay(lines, &from, &post, now, ThirdPartyCookies::Allowed);
//! assert_eq!(run.set.len(), 2);
//! assert!(run.set.iter().all(|s| s.result.accepted()));
//! assert_eq!(run.header.as_deref(), Some("theme=dark"));
//! let sid = run.cookies.iter().find(|v| v.name == "sid").unwrap();
//! assert!(!sid.sent, "SameSite=Lax keeps it off a cross-site POST");
//! // With third-party cookies blocked (Chromium's default here), not even SameSite=None goes.
//! let run = replay(lines, &from, &post, now, ThirdPartyCookies::Blocked);
//! assert_eq!(run.header, None);
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::{set_cookie_value, CookieJar, CookieVerdict, Outcome, Request, ThirdPartyCookies, UnixTime};

/// One stored line and what the jar did with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Stored {
    /// The line as given (trimmed).
    pub line: String,
    /// Stored, replaced, deleted or rejected, and why.
    pub result: Outcome,
}

/// What [`replay`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Replay {
    /// Each non-empty line, in order (a `Set-Cookie:` prefix is allowed).
    pub set: Vec<Stored>,
    /// Each stored cookie's verdict for the request.
    pub cookies: Vec<CookieVerdict>,
    /// The `Cookie` header (or `document.cookie` text) the request gets; `None` when empty.
    pub header: Option<String>,
}

/// Store `lines` (one `Set-Cookie` each, blank lines skipped) as received by a
/// response to `from`, then judge `request`, all at `now` (seconds since 1970),
/// in a browser with third-party cookies blocked or allowed.
pub fn replay(lines: &str, from: &Request, request: &Request, now: UnixTime, third_party: ThirdPartyCookies) -> Replay {
    let mut jar = CookieJar::with_third_party_cookies(third_party);
    let set = lines
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| Stored { line: String::from(line), result: jar.set(set_cookie_value(line), from, now) })
        .collect();
    Replay { set, cookies: jar.cookies_for(request, now), header: jar.cookie_header(request, now) }
}
