//! Sessions, cookies and JWTs, simulated: a browser, one or more servers, an
//! admin and an attacker, stepping through the story the articles tell.
//!
//! Everything is deterministic: time moves only by [`Step::Advance`], and
//! every session ID, token ID and signing key comes from [`Config::seed`].
//! The cookies go through jwtlens-cookie's RFC 6265bis [`CookieJar`](jwtlens_cookie::CookieJar), and the JWTs
//! are real HS256 tokens, signed with [`jwtlens::sign`] and checked with
//! [`jwtlens::report::verdict`], so what the sandbox shows is what the rest
//! of jwtlens would say about the same bytes.
//!
//! ```
//! use jwtlens_flows::{Config, Simulation, Step, Strategy};
//! let mut sim = Simulation::new(Config { strategy: Strategy::JwtLocalStorage, ..Config::default() });
//! sim.step(&Step::Login { server: 1 });
//! let xss = sim.step(&Step::Xss);
//! assert!(xss.outcome.starts_with("The script read the token from localStorage"));
//! sim.step(&Step::Logout);
//! // Without a deny-list the server keeps no record of the token: the stolen copy still works.
//! let replay = sim.step(&Step::Replay);
//! assert!(replay.outcome.contains("still works"), "{}", replay.outcome);
//! ```

#![no_std]
#![warn(missing_docs)]
#![warn(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::expect_used))]

extern crate alloc;

mod config;
mod event;
pub(crate) mod rng;
mod sim;
mod snapshot;
mod step;
mod table;

use alloc::vec::Vec;

use serde::Serialize;

pub use self::config::{Config, Strategy};
pub use self::event::{Event, EventKind, Header, StepResult};
pub use self::sim::Simulation;
pub use self::snapshot::{Denied, Metrics, RefreshRecord, ServerView, Session, SigningKeyView, Snapshot, Stolen};
pub use self::step::{Step, StepError};
pub use self::table::{compare, Comparison, Row};
/// The simulation's clock: whole seconds since 1970, the cookie jar's.
pub use jwtlens_cookie::UnixTime;

/// The application's origin: the page, its API and every server behind it.
pub const APP: &str = "https://app.example";
/// The attacker's site, for CSRF.
pub const EVIL: &str = "https://evil.example";
/// The one user of the story.
pub const USER: &str = "ada";
/// What the server knows about the user (kept in a session, or carried in a token).
pub const PROFILE: &str = r#"{"sub":"ada","name":"Ada Lovelace","role":"admin"}"#;

/// A whole run: the configuration, each step's result, the final state and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Run {
    /// The configuration.
    pub config: Config,
    /// Each step's result.
    pub steps: Vec<StepResult>,
    /// The state after the last step.
    pub snapshot: Snapshot,
    /// The numbers of the last authenticated request.
    pub metrics: Metrics,
}

/// Run `steps` from a fresh start.
pub fn simulate(config: Config, steps: &[Step]) -> Run {
    let mut sim = Simulation::new(config);
    let results = steps.iter().map(|s| sim.step(s)).collect();
    Run { config: sim.config.clone(), steps: results, snapshot: sim.snapshot(), metrics: sim.metrics() }
}

#[cfg(test)]
mod tests;
