//! What a simulation is set up with: the strategy and its options.

use crate::UnixTime;
use jwtlens_cookie::SameSite;

use serde::{Deserialize, Serialize};

/// How the browser proves who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Strategy {
    /// A random session ID in an HttpOnly cookie; the server keeps the session.
    Session,
    /// A JWT kept in localStorage and sent as `Authorization: Bearer`.
    JwtLocalStorage,
    /// A JWT in a cookie.
    JwtCookie,
    /// A short-lived access JWT in page memory, and a refresh token in an
    /// HttpOnly cookie scoped to `/auth`, rotated at each use.
    AccessRefresh,
}

impl Strategy {
    /// Every strategy, in the order the comparison table lists them.
    pub const ALL: [Strategy; 4] =
        [Strategy::Session, Strategy::JwtLocalStorage, Strategy::JwtCookie, Strategy::AccessRefresh];

    /// Every strategy's [`Strategy::word`], in [`Strategy::ALL`]'s order.
    pub const WORDS: [&'static str; 4] = [
        Strategy::Session.word(),
        Strategy::JwtLocalStorage.word(),
        Strategy::JwtCookie.word(),
        Strategy::AccessRefresh.word(),
    ];

    /// A short name for tables.
    pub fn label(self) -> &'static str {
        match self {
            Strategy::Session => "Server session (cookie)",
            Strategy::JwtLocalStorage => "JWT in localStorage",
            Strategy::JwtCookie => "JWT in a cookie",
            Strategy::AccessRefresh => "Access + refresh tokens",
        }
    }

    /// The word faces use: `session`, `jwt-local-storage`, `jwt-cookie`, `access-refresh`.
    pub const fn word(self) -> &'static str {
        match self {
            Strategy::Session => "session",
            Strategy::JwtLocalStorage => "jwt-local-storage",
            Strategy::JwtCookie => "jwt-cookie",
            Strategy::AccessRefresh => "access-refresh",
        }
    }

    pub(crate) fn uses_jwt(self) -> bool {
        self != Strategy::Session
    }
}

impl core::str::FromStr for Strategy {
    type Err = jwtlens::UnknownWord;

    /// A [`Strategy::word`], with `_` or `-` alike.
    ///
    /// ```
    /// use jwtlens_flows::Strategy;
    /// assert_eq!("jwt_local_storage".parse(), Ok(Strategy::JwtLocalStorage));
    /// assert!("cookies".parse::<Strategy>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Strategy, jwtlens::UnknownWord> {
        let word = s.trim().to_ascii_lowercase().replace('_', "-");
        Strategy::ALL
            .into_iter()
            .find(|st| st.word() == word)
            .ok_or_else(|| jwtlens::UnknownWord::new("strategy", s, &Strategy::WORDS))
    }
}

/// The knobs of a run. `Default` is the articles' usual setup: two servers,
/// cookies `HttpOnly; Secure; SameSite=Lax`, 30-minute sessions, 1-hour JWTs,
/// 5-minute access and 7-day refresh tokens, no deny-list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Config {
    /// How the browser proves who it is.
    pub strategy: Strategy,
    /// Servers behind the load balancer (1 to 8).
    pub servers: usize,
    /// Sessions in one store all servers share (Redis, a database) instead of each server's memory.
    pub shared_store: bool,
    /// The SameSite attribute of the auth cookies; `None` leaves it out (browsers then use Lax).
    pub same_site: Option<SameSite>,
    /// HttpOnly on the auth cookies.
    pub http_only: bool,
    /// Secure on the auth cookies.
    pub secure: bool,
    /// Session lifetime, seconds.
    pub session_lifetime: i64,
    /// JWT lifetime (strategies 2 and 3), seconds.
    pub token_lifetime: i64,
    /// Access-token lifetime (strategy 4), seconds.
    pub access_lifetime: i64,
    /// Refresh-token lifetime (strategy 4), seconds.
    pub refresh_lifetime: i64,
    /// The servers keep a deny-list of logged-out token IDs and revoked users, checked on every request.
    pub deny_list: bool,
    /// After a key rotation, keep accepting tokens signed with the previous key.
    pub keep_previous_key: bool,
    /// Whether the browser blocks cookies in third-party contexts (cross-site
    /// fetches and frames): blocked by default, as a fresh Chromium profile.
    pub third_party_cookies: jwtlens_cookie::ThirdPartyCookies,
    /// The clock at the start (seconds since 1970).
    pub start: UnixTime,
    /// Where every random value comes from.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            strategy: Strategy::Session,
            servers: 2,
            shared_store: false,
            same_site: Some(SameSite::Lax),
            http_only: true,
            secure: true,
            session_lifetime: 1800,
            token_lifetime: 3600,
            access_lifetime: 300,
            refresh_lifetime: 7 * 86_400,
            deny_list: false,
            keep_previous_key: false,
            third_party_cookies: jwtlens_cookie::ThirdPartyCookies::Blocked,
            start: UnixTime::from_secs(1_795_000_000),
            seed: 1,
        }
    }
}
