//! # jwtlens
//!
//! Decode, explain and check JSON Web Tokens, with every problem located:
//! which part, which byte, what was expected and what was found.
//!
//! The crate is `#![no_std]` + `alloc` and pure: it reads no clock, does no
//! I/O and draws no randomness. The current time is an argument.
//!
//! ```
//! use jwtlens::{inspect, Options, token::Kind, time::TimeStatus};
//!
//! let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.\
//!              eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.\
//!              SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
//! let report = inspect(token, &Options::at(jwtlens::time::NumericDate::from_secs(1_516_239_022 + 3600)));
//!
//! assert_eq!(report.kind, Kind::Jws);
//! assert_eq!(report.algorithm.as_ref().unwrap().name, "HS256");
//! assert_eq!(report.claims.as_ref().unwrap().sub.as_deref(), Some("1234567890"));
//! let time = report.time.as_ref().unwrap();
//! assert_eq!(time.iat.as_ref().unwrap().relative.as_deref(), Some("issued 1 h ago"));
//! assert_eq!(time.status, TimeStatus::Valid); // no exp: valid, but forever
//! assert!(report.errors.is_empty());
//!
//! // A broken token still decodes as far as it can, and says where it broke.
//! let report = inspect("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig nature", &Options::default());
//! assert_eq!(report.claims.as_ref().unwrap().sub.as_deref(), Some("1"));
//! assert_eq!(report.errors[0].offset, 40);
//! assert_eq!(report.errors[0].found.as_deref(), Some("a space"));
//! ```
//!
//! Modules: [`token`] parses, [`report`] assembles the [`Report`],
//! [`json`] and [`b64`] are the strict readers underneath, [`claims`] the
//! typed views, [`time`] the NumericDate arithmetic, [`registry`] the
//! meanings of registered names, [`diagnostic`] the located errors.

#![no_std]
#![warn(missing_docs)]
#![warn(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic, clippy::expect_used))]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod alg;
pub mod b64;
pub mod claims;
#[cfg_attr(not(feature = "arithmetic"), allow(dead_code))]
pub(crate) mod comb;
pub mod diagnostic;
pub mod examples;
pub mod findings;
pub mod json;
pub mod jwe;
pub mod key;
pub mod policy;
pub mod registry;
pub mod report;
pub mod sdjwt;
pub mod sign;
pub mod time;
pub mod token;
mod verdict;
mod verifier;
pub mod verify;

mod decode;
#[cfg_attr(not(feature = "arithmetic"), allow(dead_code))]
mod rsa_mont;
mod sort;
mod text;
mod word;

pub use decode::{decodable, decode_unverified, Decoded};
pub use diagnostic::{Code, Diagnostic, Part};
pub use report::{inspect, Options, Report};
pub use token::Token;
pub use verifier::{Verified, Verifier};
pub use word::{ReportedUnknownWord, UnknownWord};

/// The current time as a NumericDate, from the system clock.
///
/// Only with the `std` feature, for faces that run natively; the core's
/// functions never call it themselves.
#[cfg(feature = "std")]
pub fn system_now() -> time::NumericDate {
    let seconds = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs_f64(),
        Err(e) => -e.duration().as_secs_f64(),
    };
    // A Duration's seconds are always finite.
    time::NumericDate::new(seconds).unwrap_or(time::NumericDate::from_secs(0))
}
