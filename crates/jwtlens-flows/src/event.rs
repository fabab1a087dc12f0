//! What happens in a step: HTTP messages, store lookups, verifications, thefts.

use crate::UnixTime;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use crate::Step;

/// An HTTP header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Header {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
}

pub(crate) fn header(name: &str, value: impl Into<String>) -> Header {
    Header { name: String::from(name), value: value.into() }
}

/// What happened, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum EventKind {
    /// An HTTP request.
    Request {
        /// Method.
        method: String,
        /// URL.
        url: String,
        /// The page (or machine) it was made from.
        from: String,
        /// The headers that carry credentials (Cookie, Authorization).
        headers: Vec<Header>,
        /// Bytes of those headers on the wire (`Name: value\r\n` each).
        credential_bytes: usize,
    },
    /// An HTTP response.
    Response {
        /// Status code.
        status: u16,
        /// Headers that change the browser's state (Set-Cookie).
        headers: Vec<Header>,
        /// The body, when it matters (a token handed to the page).
        body: Option<String>,
    },
    /// One stored cookie's verdict for a request: sent or not, and why.
    Cookie {
        /// The cookie.
        name: String,
        /// Sent (or, from script, visible).
        sent: bool,
        /// Why.
        reason: String,
    },
    /// The browser's cookie jar handled a Set-Cookie.
    Stored {
        /// The cookie.
        name: String,
        /// stored / replaced / deleted / rejected: why.
        outcome: String,
    },
    /// A server-side store was consulted.
    Lookup {
        /// Which store.
        store: String,
        /// What was looked up.
        key: String,
        /// Found (for a deny-list: found means refused).
        hit: bool,
    },
    /// A token's signature and claims were checked.
    Verify {
        /// Accepted.
        valid: bool,
        /// jwtlens's verdict.
        message: String,
    },
    /// A script read a storage place.
    Read {
        /// localStorage, document.cookie or page memory.
        source: String,
        /// What it got ("" for nothing).
        value: String,
    },
    /// The attacker now holds a credential.
    Stolen {
        /// What it is.
        credential: String,
        /// Until when it is accepted, as things stand.
        works_until: Option<UnixTime>,
    },
    /// Anything else worth saying.
    Note,
}

/// One event: when, who, what, and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Event {
    /// Simulated time.
    pub at: UnixTime,
    /// browser, page script, server 1, attacker, admin, clock.
    pub actor: String,
    /// What happened.
    pub kind: EventKind,
    /// In words.
    pub text: String,
}

/// The result of one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StepResult {
    /// The step.
    pub step: Step,
    /// The step in words.
    pub title: String,
    /// Simulated time when it ran.
    pub at: UnixTime,
    /// What happened, in order.
    pub events: Vec<Event>,
    /// The outcome in one plain sentence.
    pub outcome: String,
}
