//! What is visible between steps: the browser, the servers, the attacker.

use crate::UnixTime;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::Header;

/// A session record on a server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Session {
    /// The session ID (the cookie's value).
    pub id: String,
    /// Whose.
    pub user: String,
    /// The user data kept with it.
    pub data: String,
    /// Created.
    pub created: UnixTime,
    /// Expires.
    pub expires: UnixTime,
}

impl Session {
    pub(crate) fn bytes(&self) -> usize {
        self.id.len() + self.user.len() + self.data.len() + 16
    }
}

/// A refresh token record (strategy 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RefreshRecord {
    /// The token (the cookie's value).
    pub id: String,
    /// The rotation family: every token issued from one login.
    pub family: String,
    /// Whose.
    pub user: String,
    /// Expires.
    pub expires: UnixTime,
    /// Already exchanged (presenting it again means it was stolen: the family is revoked).
    pub used: bool,
    /// Revoked (logout, admin, or reuse detected).
    pub revoked: bool,
}

impl RefreshRecord {
    pub(crate) fn bytes(&self) -> usize {
        self.id.len() + self.family.len() + self.user.len() + 10
    }
}

/// A deny-list entry: a token ID refused until it expires anyway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Denied {
    /// The `jti`.
    pub jti: String,
    /// When the entry may be dropped (the token's exp).
    pub until: UnixTime,
}

/// A signing key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SigningKeyView {
    /// Its `kid`.
    pub kid: String,
    /// When it was made.
    pub created: UnixTime,
    /// Signs new tokens.
    pub active: bool,
}

/// One server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServerView {
    /// "server 1".
    pub name: String,
    /// Sessions in its own memory (per-server stores).
    pub sessions: Vec<Session>,
    /// Times restarted.
    pub restarts: u32,
}

/// A credential the attacker holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Stolen {
    /// What it is ("the token from localStorage").
    pub what: String,
    /// How it is sent: a `Cookie` or `Authorization` header value.
    pub header: Header,
    /// When it was taken.
    pub at: UnixTime,
}

/// Everything visible at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Snapshot {
    /// The clock.
    pub now: UnixTime,
    /// The clock, ISO 8601.
    pub now_iso: String,
    /// The app origin's localStorage.
    pub local_storage: Vec<(String, String)>,
    /// A token the page holds in a JavaScript variable.
    pub page_memory: Option<String>,
    /// The browser's cookies, every attribute.
    pub cookies: Vec<jwtlens_cookie::Cookie>,
    /// The servers.
    pub servers: Vec<ServerView>,
    /// The shared session store, when there is one.
    pub shared_sessions: Option<Vec<Session>>,
    /// Refresh tokens (strategy 4).
    pub refresh_tokens: Vec<RefreshRecord>,
    /// Deny-listed token IDs.
    pub deny_list: Vec<Denied>,
    /// Users whose tokens issued up to a time are refused.
    pub revoked_users: Vec<(String, UnixTime)>,
    /// Signing keys (never their bytes).
    pub keys: Vec<SigningKeyView>,
    /// What the attacker holds.
    pub stolen: Vec<Stolen>,
    /// Bytes the servers keep about users: sessions, refresh records, deny-list, revocations.
    pub server_state_bytes: usize,
}

/// Numbers from the last authenticated request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Metrics {
    /// Requests the page made.
    pub requests: u32,
    /// Bytes of credential headers on the last request.
    pub credential_bytes: usize,
    /// Store lookups the server made for the last request.
    pub lookups: u32,
}
