//! The steps a learner presses, as values and as words (`login:2`, `advance:600`).

use alloc::string::String;
use core::fmt;

use serde::{Deserialize, Serialize};

use jwtlens::time::humanize;

/// One thing that happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Step {
    /// The user logs in (POST /login, handled by server `server`).
    Login {
        /// 1-based (default 1).
        #[serde(default = "first_server")]
        server: usize,
    },
    /// The page calls the API (GET /api/profile), handled by server `server`.
    Request {
        /// 1-based (default 1).
        #[serde(default = "first_server")]
        server: usize,
    },
    /// The user logs out.
    Logout,
    /// An admin revokes the user's access (a stolen laptop, a fired employee).
    Revoke,
    /// Time passes.
    Advance {
        /// Seconds.
        seconds: i64,
    },
    /// A server restarts, losing what it kept in memory.
    Restart {
        /// 1-based (default 1).
        #[serde(default = "first_server")]
        server: usize,
    },
    /// The servers start signing with a new key.
    RotateKey,
    /// An attacker's script runs on the app's page (stored XSS).
    Xss,
    /// The logged-in user visits the attacker's site, which navigates to a
    /// state-changing GET on the app (a link or `location =`).
    CsrfGet,
    /// The logged-in user visits the attacker's site, which submits a hidden
    /// form POST to the app.
    CsrfPost,
    /// The logged-in user visits the attacker's site, whose script sends a
    /// `fetch` POST with `credentials: "include"` to the app: a cross-site
    /// subresource request, which third-party cookie blocking stops.
    CsrfFetch,
    /// The app's own page embeds a frame of another site (an ad, a widget)
    /// whose script sends a `fetch` POST with `credentials: "include"` to the
    /// app: from inside the app's page, yet cross-site, because the frame is.
    AdFrame,
    /// The attacker copies the credentials the browser sends (malware, a shared
    /// computer, a proxy log): session hijacking, whatever the storage.
    Hijack,
    /// The attacker uses what was stolen, from their own machine.
    Replay,
}

/// Why a step word was not understood; `Display` is the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum StepError {
    /// No step has this name.
    Unknown {
        /// The text given.
        found: String,
    },
    /// The argument after `:` is not a whole number.
    NotANumber {
        /// The step's name.
        step: String,
        /// The argument given.
        found: String,
        /// What the number is (`the server`, `the seconds`).
        what: &'static str,
    },
    /// A server number outside 1–8.
    NoSuchServer {
        /// The step's name.
        step: String,
        /// The number given.
        server: i64,
    },
    /// An argument after a step that takes none.
    TakesNoArgument {
        /// The step's name.
        step: String,
    },
    /// `advance` without the seconds.
    NeedsSeconds,
}

impl core::error::Error for StepError {}

impl fmt::Display for StepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepError::Unknown { found } => write!(
                f,
                "unknown step {found:?} (login[:k], request[:k], logout, revoke, advance:SECONDS, restart[:k], rotate-key, xss, csrf-get, csrf-post, csrf-fetch, ad-frame, hijack, replay)"
            ),
            StepError::NotANumber { step, found, what } => write!(f, "{step}:{found}: {what} must be a whole number"),
            StepError::NoSuchServer { step, server } => write!(f, "{step}:{server}: servers are numbered 1 to 8"),
            StepError::TakesNoArgument { step } => write!(f, "{step} takes no argument"),
            StepError::NeedsSeconds => f.write_str("advance needs the seconds, as advance:600"),
        }
    }
}

impl core::str::FromStr for Step {
    type Err = StepError;

    /// A step as a word: `login`, `login:2`, `request:2`, `logout`, `revoke`,
    /// `advance:600`, `restart:1`, `rotate-key`, `xss`, `csrf-get`, `csrf-post`,
    /// `hijack`, `replay` (`_` and `-` alike).
    ///
    /// ```
    /// use jwtlens_flows::Step;
    /// assert_eq!("request:2".parse(), Ok(Step::Request { server: 2 }));
    /// assert_eq!("rotate-key".parse(), Ok(Step::RotateKey));
    /// assert_eq!("advance".parse::<Step>(), Err(jwtlens_flows::StepError::NeedsSeconds));
    /// assert_eq!("request:9".parse::<Step>().unwrap_err().to_string(), "request:9: servers are numbered 1 to 8");
    /// ```
    fn from_str(s: &str) -> Result<Step, StepError> {
        let (word, arg) = match s.split_once(':') {
            Some((w, a)) => (w, Some(a)),
            None => (s, None),
        };
        let word = word.trim().to_ascii_lowercase().replace('_', "-");
        let number = |what: &'static str| -> Result<Option<i64>, StepError> {
            arg.map(|a| {
                a.trim().parse::<i64>().map_err(|_| StepError::NotANumber {
                    step: word.clone(),
                    found: String::from(a),
                    what,
                })
            })
            .transpose()
        };
        let server = |n: Option<i64>| -> Result<usize, StepError> {
            let n = n.unwrap_or(1);
            usize::try_from(n)
                .ok()
                .filter(|n| (1..=8).contains(n))
                .ok_or_else(|| StepError::NoSuchServer { step: word.clone(), server: n })
        };
        let plain =
            |step: Step| if arg.is_some() { Err(StepError::TakesNoArgument { step: word.clone() }) } else { Ok(step) };
        match word.as_str() {
            "login" => Ok(Step::Login { server: server(number("the server")?)? }),
            "request" => Ok(Step::Request { server: server(number("the server")?)? }),
            "restart" => Ok(Step::Restart { server: server(number("the server")?)? }),
            "advance" => match number("the seconds")? {
                Some(seconds) => Ok(Step::Advance { seconds }),
                None => Err(StepError::NeedsSeconds),
            },
            "logout" => plain(Step::Logout),
            "revoke" => plain(Step::Revoke),
            "rotate-key" => plain(Step::RotateKey),
            "xss" => plain(Step::Xss),
            "csrf-get" => plain(Step::CsrfGet),
            "csrf-post" => plain(Step::CsrfPost),
            "csrf-fetch" => plain(Step::CsrfFetch),
            "ad-frame" => plain(Step::AdFrame),
            "hijack" => plain(Step::Hijack),
            "replay" => plain(Step::Replay),
            _ => Err(StepError::Unknown { found: String::from(s) }),
        }
    }
}

fn first_server() -> usize {
    1
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Login { server } => write!(f, "log in (server {server})"),
            Step::Request { server } => write!(f, "request to server {server}"),
            Step::Logout => f.write_str("log out"),
            Step::Revoke => f.write_str("admin revokes the user"),
            Step::Advance { seconds } => write!(f, "advance the clock {}", humanize(*seconds as f64)),
            Step::Restart { server } => write!(f, "restart server {server}"),
            Step::RotateKey => f.write_str("rotate the signing key"),
            Step::Xss => f.write_str("XSS script runs on the page"),
            Step::CsrfGet => f.write_str("cross-site GET (CSRF)"),
            Step::CsrfPost => f.write_str("cross-site form POST (CSRF)"),
            Step::CsrfFetch => f.write_str("cross-site fetch POST (CSRF)"),
            Step::AdFrame => f.write_str("a cross-site frame in the app's page sends a fetch POST"),
            Step::Hijack => f.write_str("attacker copies the browser's credentials"),
            Step::Replay => f.write_str("attacker replays the stolen credentials"),
        }
    }
}
