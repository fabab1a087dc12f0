//! Sessions, cookies and JWTs, simulated: a browser, one or more servers, an
//! admin and an attacker, stepping through the story the articles tell.
//!
//! Everything is deterministic: time moves only by [`Step::Advance`], and
//! every session ID, token ID and signing key comes from [`Config::seed`].
//! The cookies go through the core's RFC 6265bis [`CookieJar`], and the JWTs
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

pub(crate) mod rng;
mod table;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};

use self::rng::SimRng;
pub use self::table::{compare, Comparison, Row};
use jwtlens::key::{Key, KeySet, SecretEncoding};
use jwtlens::report::{verdict, VerdictStatus};
use jwtlens::time::{humanize, iso_utc};
use jwtlens_cookie::{CookieJar, Request as CookieRequest, SameSite, Url};

/// The application's origin: the page, its API and every server behind it.
pub const APP: &str = "https://app.example";
/// The attacker's site, for CSRF.
pub const EVIL: &str = "https://evil.example";
/// The one user of the story.
pub const USER: &str = "ada";
/// What the server knows about the user (kept in a session, or carried in a token).
pub const PROFILE: &str = r#"{"sub":"ada","name":"Ada Lovelace","role":"admin"}"#;

/// How the browser proves who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

    /// A short name for tables.
    pub fn label(self) -> &'static str {
        match self {
            Strategy::Session => "Server session (cookie)",
            Strategy::JwtLocalStorage => "JWT in localStorage",
            Strategy::JwtCookie => "JWT in a cookie",
            Strategy::AccessRefresh => "Access + refresh tokens",
        }
    }

    fn uses_jwt(self) -> bool {
        self != Strategy::Session
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
    /// The clock at the start (seconds since 1970).
    pub start: i64,
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
            start: 1_795_000_000,
            seed: 1,
        }
    }
}

/// One thing that happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
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
    /// The attacker copies the credentials the browser sends (malware, a shared
    /// computer, a proxy log): session hijacking, whatever the storage.
    Hijack,
    /// The attacker uses what was stolen, from their own machine.
    Replay,
}

/// Why a step word was not understood; `Display` is the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
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
                "unknown step {found:?} (login[:k], request[:k], logout, revoke, advance:SECONDS, restart[:k], rotate-key, xss, csrf-get, csrf-post, hijack, replay)"
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
            Step::Hijack => f.write_str("attacker copies the browser's credentials"),
            Step::Replay => f.write_str("attacker replays the stolen credentials"),
        }
    }
}

/// An HTTP header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Header {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
}

fn header(name: &str, value: impl Into<String>) -> Header {
    Header { name: String::from(name), value: value.into() }
}

/// What happened, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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
        works_until: Option<i64>,
    },
    /// Anything else worth saying.
    Note,
}

/// One event: when, who, what, and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Simulated time.
    pub at: i64,
    /// browser, page script, server 1, attacker, admin, clock.
    pub actor: String,
    /// What happened.
    pub kind: EventKind,
    /// In words.
    pub text: String,
}

/// The result of one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepResult {
    /// The step.
    pub step: Step,
    /// The step in words.
    pub title: String,
    /// Simulated time when it ran.
    pub at: i64,
    /// What happened, in order.
    pub events: Vec<Event>,
    /// The outcome in one plain sentence.
    pub outcome: String,
}

/// A session record on a server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The session ID (the cookie's value).
    pub id: String,
    /// Whose.
    pub user: String,
    /// The user data kept with it.
    pub data: String,
    /// Created.
    pub created: i64,
    /// Expires.
    pub expires: i64,
}

impl Session {
    fn bytes(&self) -> usize {
        self.id.len() + self.user.len() + self.data.len() + 16
    }
}

/// A refresh token record (strategy 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefreshRecord {
    /// The token (the cookie's value).
    pub id: String,
    /// The rotation family: every token issued from one login.
    pub family: String,
    /// Whose.
    pub user: String,
    /// Expires.
    pub expires: i64,
    /// Already exchanged (presenting it again means it was stolen: the family is revoked).
    pub used: bool,
    /// Revoked (logout, admin, or reuse detected).
    pub revoked: bool,
}

impl RefreshRecord {
    fn bytes(&self) -> usize {
        self.id.len() + self.family.len() + self.user.len() + 10
    }
}

/// A deny-list entry: a token ID refused until it expires anyway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Denied {
    /// The `jti`.
    pub jti: String,
    /// When the entry may be dropped (the token's exp).
    pub until: i64,
}

/// A signing key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SigningKeyView {
    /// Its `kid`.
    pub kid: String,
    /// When it was made.
    pub created: i64,
    /// Signs new tokens.
    pub active: bool,
}

/// One server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
pub struct Stolen {
    /// What it is ("the token from localStorage").
    pub what: String,
    /// How it is sent: a `Cookie` or `Authorization` header value.
    pub header: Header,
    /// When it was taken.
    pub at: i64,
}

/// Everything visible at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// The clock.
    pub now: i64,
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
    pub revoked_users: Vec<(String, i64)>,
    /// Signing keys (never their bytes).
    pub keys: Vec<SigningKeyView>,
    /// What the attacker holds.
    pub stolen: Vec<Stolen>,
    /// Bytes the servers keep about users: sessions, refresh records, deny-list, revocations.
    pub server_state_bytes: usize,
}

/// Numbers from the last authenticated request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Metrics {
    /// Requests the page made.
    pub requests: u32,
    /// Bytes of credential headers on the last request.
    pub credential_bytes: usize,
    /// Store lookups the server made for the last request.
    pub lookups: u32,
}

struct SigningSecret {
    kid: String,
    secret: Vec<u8>,
    created: i64,
}

struct Server {
    sessions: Vec<Session>,
    restarts: u32,
}

/// What a server concluded about a request's credentials.
enum Auth {
    User { until: i64 },
    Refused(String),
}

/// A running simulation.
pub struct Simulation {
    config: Config,
    now: i64,
    rng: SimRng,
    jar: CookieJar,
    local_storage: Vec<(String, String)>,
    page_memory: Option<(String, i64)>,
    servers: Vec<Server>,
    shared: Vec<Session>,
    refresh: Vec<RefreshRecord>,
    deny: Vec<Denied>,
    revoked_users: Vec<(String, i64)>,
    keys: Vec<SigningSecret>,
    stolen: Vec<Stolen>,
    metrics: Metrics,
    events: Vec<Event>,
}

const SESSION_COOKIE: &str = "sid";
const TOKEN_COOKIE: &str = "token";
const REFRESH_COOKIE: &str = "refresh";

impl Simulation {
    /// A browser with nothing stored, `config.servers` servers and one signing key.
    pub fn new(config: Config) -> Simulation {
        let mut config = config;
        config.servers = config.servers.clamp(1, 8);
        let mut sim = Simulation {
            now: config.start,
            rng: SimRng::new(config.seed),
            jar: CookieJar::new(),
            local_storage: Vec::new(),
            page_memory: None,
            servers: (0..config.servers).map(|_| Server { sessions: Vec::new(), restarts: 0 }).collect(),
            shared: Vec::new(),
            refresh: Vec::new(),
            deny: Vec::new(),
            revoked_users: Vec::new(),
            keys: Vec::new(),
            stolen: Vec::new(),
            metrics: Metrics::default(),
            events: Vec::new(),
            config,
        };
        sim.new_key();
        sim
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The numbers of the last authenticated request.
    pub fn metrics(&self) -> Metrics {
        self.metrics
    }

    /// Run one step.
    pub fn step(&mut self, step: &Step) -> StepResult {
        let at = self.now;
        self.events.clear();
        let outcome = match *step {
            Step::Login { server } => self.login(self.server_index(server)),
            Step::Request { server } => self.request(self.server_index(server)),
            Step::Logout => self.logout(),
            Step::Revoke => self.revoke(),
            Step::Advance { seconds } => self.advance(seconds),
            Step::Restart { server } => self.restart(self.server_index(server)),
            Step::RotateKey => self.rotate_key(),
            Step::Xss => self.xss(),
            Step::CsrfGet => self.csrf("GET"),
            Step::CsrfPost => self.csrf("POST"),
            Step::Hijack => self.hijack(),
            Step::Replay => self.replay(),
        };
        StepResult {
            step: step.clone(),
            title: step.to_string(),
            at,
            events: core::mem::take(&mut self.events),
            outcome,
        }
    }

    /// Everything visible now.
    pub fn snapshot(&self) -> Snapshot {
        let per_server = !self.config.shared_store;
        Snapshot {
            now: self.now,
            now_iso: iso_utc(self.now as f64).unwrap_or_default(),
            local_storage: self.local_storage.clone(),
            page_memory: self.page_memory.as_ref().map(|(t, _)| t.clone()),
            cookies: self.jar.cookies().to_vec(),
            servers: self
                .servers
                .iter()
                .enumerate()
                .map(|(i, s)| ServerView {
                    name: format!("server {}", i + 1),
                    sessions: if per_server { s.sessions.clone() } else { Vec::new() },
                    restarts: s.restarts,
                })
                .collect(),
            shared_sessions: (!per_server).then(|| self.shared.clone()),
            refresh_tokens: self.refresh.clone(),
            deny_list: self.deny.clone(),
            revoked_users: self.revoked_users.clone(),
            keys: self
                .keys
                .iter()
                .enumerate()
                .map(|(i, k)| SigningKeyView {
                    kid: k.kid.clone(),
                    created: k.created,
                    active: i + 1 == self.keys.len(),
                })
                .collect(),
            stolen: self.stolen.clone(),
            server_state_bytes: self.server_state_bytes(),
        }
    }

    /// Bytes the servers keep about users right now.
    pub fn server_state_bytes(&self) -> usize {
        let sessions: usize =
            self.servers.iter().flat_map(|s| &s.sessions).chain(&self.shared).map(Session::bytes).sum();
        let refresh: usize = self.refresh.iter().filter(|r| !r.revoked).map(RefreshRecord::bytes).sum();
        let deny: usize = self.deny.iter().map(|d| d.jti.len() + 8).sum();
        let users: usize = self.revoked_users.iter().map(|(u, _)| u.len() + 8).sum();
        sessions + refresh + deny + users
    }

    // ----- the actors -------------------------------------------------------------------------

    fn event(&mut self, actor: &str, kind: EventKind, text: String) {
        self.events.push(Event { at: self.now, actor: String::from(actor), kind, text });
    }

    fn note(&mut self, actor: &str, text: impl Into<String>) {
        self.event(actor, EventKind::Note, text.into());
    }

    fn server_index(&self, server: usize) -> usize {
        server.clamp(1, self.servers.len()) - 1
    }

    fn random_id(&mut self) -> String {
        let mut bytes = [0u8; 16];
        rand_core::RngCore::fill_bytes(&mut self.rng, &mut bytes);
        jwtlens::b64::encode(&bytes)
    }

    fn new_key(&mut self) {
        let mut secret = alloc::vec![0u8; 32];
        rand_core::RngCore::fill_bytes(&mut self.rng, &mut secret);
        let kid = format!("k{}", self.keys.len() + 1);
        self.keys.push(SigningSecret { kid, secret, created: self.now });
    }

    fn at(&self, t: i64) -> String {
        let iso = iso_utc(t as f64).unwrap_or_default();
        let hm = iso.get(11..16).unwrap_or("");
        let left = t - self.now;
        if left > 0 {
            format!("{hm} UTC ({} from now)", humanize(left as f64))
        } else {
            format!("{hm} UTC")
        }
    }

    fn cookie_line(&self, name: &str, value: &str, path: &str, max_age: i64) -> String {
        let mut line = format!("{name}={value}; Path={path}");
        if self.config.secure {
            line.push_str("; Secure");
        }
        if self.config.http_only {
            line.push_str("; HttpOnly");
        }
        match self.config.same_site {
            Some(SameSite::Strict) => line.push_str("; SameSite=Strict"),
            Some(SameSite::Lax) => line.push_str("; SameSite=Lax"),
            Some(SameSite::None) => line.push_str("; SameSite=None"),
            None => {}
        }
        line.push_str(&format!("; Max-Age={max_age}"));
        line
    }

    /// The browser stores a Set-Cookie it received for `url`.
    fn receive_cookie(&mut self, line: &str, url: &str) -> Header {
        let name = line.split('=').next().unwrap_or("").to_string();
        let outcome = match Url::parse(url) {
            Ok(u) => {
                let req = CookieRequest {
                    url: u,
                    method: String::from("POST"),
                    from_script: false,
                    site_for_cookies: None,
                    top_level: false,
                };
                self.jar.set(line, &req, self.now).to_string()
            }
            Err(e) => format!("rejected: {}", e.message),
        };
        let text = format!("The browser's cookie jar: {name} {outcome}.");
        self.event("browser", EventKind::Stored { name, outcome }, text);
        header("Set-Cookie", line)
    }

    /// The cookies the browser attaches to a request, with a verdict per cookie.
    fn attach_cookies(&mut self, req: &CookieRequest) -> Option<String> {
        for v in self.jar.cookies_for(req, self.now) {
            let text = match (v.sent, req.from_script) {
                (true, false) => format!("Cookie {} is sent.", v.name),
                (false, false) => format!("Cookie {} is not sent: {}.", v.name, v.message),
                (true, true) => format!("Cookie {} is visible to document.cookie.", v.name),
                (false, true) => format!("Cookie {} is hidden from document.cookie: {}.", v.name, v.message),
            };
            self.event("browser", EventKind::Cookie { name: v.name, sent: v.sent, reason: v.message }, text);
        }
        self.jar.cookie_header(req, self.now)
    }

    fn send(&mut self, actor: &str, method: &str, url: &str, from: &str, headers: Vec<Header>) -> usize {
        let bytes: usize = headers.iter().map(|h| h.name.len() + 2 + h.value.len() + 2).sum();
        let shown: Vec<String> = headers.iter().map(|h| format!("{}: {}", h.name, short(&h.value))).collect();
        let text = if shown.is_empty() {
            format!("{method} {url} with no credentials.")
        } else {
            format!("{method} {url} with {} ({bytes} bytes).", shown.join(", "))
        };
        self.event(
            actor,
            EventKind::Request {
                method: String::from(method),
                url: String::from(url),
                from: String::from(from),
                headers,
                credential_bytes: bytes,
            },
            text,
        );
        bytes
    }

    fn respond(&mut self, server: usize, status: u16, headers: Vec<Header>, body: Option<String>, text: String) {
        self.event(&format!("server {}", server + 1), EventKind::Response { status, headers, body }, text);
    }

    // ----- tokens ----------------------------------------------------------------------------------

    fn issue_jwt(&mut self, lifetime: i64) -> (String, i64) {
        let jti = self.random_id();
        let exp = self.now + lifetime;
        let Some(key) = self.keys.last() else {
            return (String::new(), exp);
        };
        let header = format!(r#"{{"alg":"HS256","typ":"JWT","kid":"{}"}}"#, key.kid);
        let claims = format!(
            r#"{{"iss":"{APP}","sub":"{USER}","name":"Ada Lovelace","role":"admin","iat":{},"exp":{exp},"jti":"{jti}"}}"#,
            self.now
        );
        let signing = jwtlens::sign::SigningKey::Hmac(key.secret.clone());
        let token = jwtlens::sign::sign(jwtlens::alg::Algorithm::HS256, &header, &claims, &signing, &mut self.rng)
            .unwrap_or_default();
        (token, exp)
    }

    fn key_set(&self) -> KeySet {
        let accepted = if self.config.keep_previous_key { 2 } else { 1 };
        let keys = self
            .keys
            .iter()
            .rev()
            .take(accepted)
            .filter_map(|k| {
                let hex: String = k.secret.iter().map(|b| format!("{b:02x}")).collect();
                let mut key = Key::secret(&hex, SecretEncoding::Hex).ok()?;
                key.kid = Some(k.kid.clone());
                Some(key)
            })
            .collect();
        KeySet::from_keys(keys)
    }

    /// A server checks a JWT: signature and claims with jwtlens, then the deny-list.
    fn check_jwt(&mut self, server: usize, token: &str, lookups: &mut u32) -> Auth {
        let actor = format!("server {}", server + 1);
        let keys = self.key_set();
        let policy = jwtlens::policy::Policy {
            algorithms: alloc::vec![jwtlens::alg::Algorithm::HS256],
            issuers: alloc::vec![String::from(APP)],
            leeway: 0.0,
            ..jwtlens::policy::Policy::default()
        };
        let parsed = jwtlens::token::Token::parse(token);
        let options = jwtlens::Options {
            now: Some(self.now as f64),
            keys: Some(&keys),
            policy: Some(&policy),
            ..jwtlens::Options::default()
        };
        let v = verdict(&parsed, &options);
        let valid = v.status == VerdictStatus::Valid;
        let text = if valid {
            String::from("The JWT's signature and claims check out (no store consulted).")
        } else {
            format!("The JWT is refused: {}", v.message)
        };
        self.event(&actor, EventKind::Verify { valid, message: v.message.clone() }, text);
        if !valid {
            return Auth::Refused(v.message);
        }
        let claims = parsed.claims();
        let exp = claims.and_then(|c| c.exp).unwrap_or(0.0) as i64;
        let iat = claims.and_then(|c| c.iat).unwrap_or(0.0) as i64;
        let jti = jti_of(&parsed);
        if self.config.deny_list {
            *lookups += 1;
            let denied = self.deny.iter().any(|d| d.jti == jti);
            let revoked = self.revoked_users.iter().any(|(u, t)| u == USER && iat <= *t);
            let hit = denied || revoked;
            let text = if denied {
                format!("The deny-list has jti {}: refused.", short(&jti))
            } else if revoked {
                String::from("The user was revoked after this token was issued: refused.")
            } else {
                format!("The deny-list does not have jti {}.", short(&jti))
            };
            self.event(&actor, EventKind::Lookup { store: String::from("deny-list"), key: jti, hit }, text);
            if hit {
                return Auth::Refused(String::from("the token is on the deny-list"));
            }
        }
        Auth::User { until: exp }
    }

    /// A server looks a session ID up in its store.
    fn check_session(&mut self, server: usize, id: &str, lookups: &mut u32) -> Auth {
        *lookups += 1;
        let shared = self.config.shared_store;
        let now = self.now;
        let store = if shared { &self.shared } else { self.servers.get(server).map_or(&self.shared, |s| &s.sessions) };
        let found = store.iter().find(|s| s.id == id).cloned();
        let store_name =
            if shared { String::from("shared session store") } else { format!("server {}'s memory", server + 1) };
        let hit = found.as_ref().is_some_and(|s| s.expires > now);
        let text = match &found {
            Some(s) if s.expires > now => format!("Found session {} for {} in {store_name}.", short(id), s.user),
            Some(_) => format!("Session {} in {store_name} has expired.", short(id)),
            None => format!("No session {} in {store_name}.", short(id)),
        };
        self.event(
            &format!("server {}", server + 1),
            EventKind::Lookup { store: store_name, key: String::from(id), hit },
            text,
        );
        match found {
            Some(s) if hit => Auth::User { until: s.expires },
            Some(_) => Auth::Refused(String::from("the session has expired")),
            None => Auth::Refused(String::from("no such session")),
        }
    }

    /// How a server of this strategy authenticates a request with these headers.
    fn authenticate(&mut self, server: usize, headers: &[Header], lookups: &mut u32) -> Auth {
        let cookie = |name: &str| cookie_value(headers, name);
        let bearer = headers
            .iter()
            .find(|h| h.name == "Authorization")
            .and_then(|h| h.value.strip_prefix("Bearer ").map(String::from));
        match self.config.strategy {
            Strategy::Session => match cookie(SESSION_COOKIE) {
                Some(id) => self.check_session(server, &id, lookups),
                None => Auth::Refused(String::from("no session cookie")),
            },
            Strategy::JwtCookie => match cookie(TOKEN_COOKIE) {
                Some(t) => self.check_jwt(server, &t, lookups),
                None => Auth::Refused(String::from("no token cookie")),
            },
            Strategy::JwtLocalStorage | Strategy::AccessRefresh => match bearer {
                Some(t) => self.check_jwt(server, &t, lookups),
                None => Auth::Refused(String::from("no Authorization header")),
            },
        }
    }

    // ----- steps --------------------------------------------------------------------------------------

    fn login(&mut self, server: usize) -> String {
        let url = format!("{APP}/login");
        self.send("page", "POST", &url, APP, Vec::new());
        self.note(&format!("server {}", server + 1), "Checks ada's password.");
        match self.config.strategy {
            Strategy::Session => {
                let id = self.random_id();
                let session = Session {
                    id: id.clone(),
                    user: String::from(USER),
                    data: String::from(PROFILE),
                    created: self.now,
                    expires: self.now + self.config.session_lifetime,
                };
                let bytes = session.bytes();
                let place = if self.config.shared_store {
                    self.shared.push(session);
                    String::from("the shared store")
                } else {
                    if let Some(s) = self.servers.get_mut(server) {
                        s.sessions.push(session);
                    }
                    format!("server {}'s memory", server + 1)
                };
                self.note(
                    &format!("server {}", server + 1),
                    format!("Creates session {} ({bytes} bytes) in {place}.", short(&id)),
                );
                let line = self.cookie_line(SESSION_COOKIE, &id, "/", self.config.session_lifetime);
                let set = self.receive_cookie(&line, &url);
                self.respond(server, 200, alloc::vec![set], None, String::from("200 OK with the session cookie."));
                format!("Logged in: server {} keeps a session; the browser holds only its ID.", server + 1)
            }
            Strategy::JwtLocalStorage => {
                let (token, exp) = self.issue_jwt(self.config.token_lifetime);
                let body = format!(r#"{{"token":"{token}"}}"#);
                self.respond(
                    server,
                    200,
                    Vec::new(),
                    Some(body),
                    format!(
                        "200 OK with a signed JWT in the body ({} bytes); nothing stored on the server.",
                        token.len()
                    ),
                );
                self.local_storage.retain(|(k, _)| k != "token");
                self.local_storage.push((String::from("token"), token));
                self.note("page script", "localStorage.setItem(\"token\", …)");
                format!("Logged in: the JWT is in localStorage until {}.", self.at(exp))
            }
            Strategy::JwtCookie => {
                let (token, exp) = self.issue_jwt(self.config.token_lifetime);
                let line = self.cookie_line(TOKEN_COOKIE, &token, "/", self.config.token_lifetime);
                let set = self.receive_cookie(&line, &url);
                self.respond(
                    server,
                    200,
                    alloc::vec![set],
                    None,
                    String::from("200 OK with the JWT in a cookie; nothing stored on the server."),
                );
                format!("Logged in: the JWT is in a cookie until {}.", self.at(exp))
            }
            Strategy::AccessRefresh => {
                let (token, exp) = self.issue_jwt(self.config.access_lifetime);
                let family = self.random_id();
                let set = self.issue_refresh(&family, &url);
                self.page_memory = Some((token.clone(), exp));
                self.respond(
                    server,
                    200,
                    alloc::vec![set],
                    Some(format!(r#"{{"access_token":"{token}"}}"#)),
                    String::from("200 OK: an access JWT in the body, a refresh token in an HttpOnly cookie for /auth."),
                );
                self.note("page script", "Keeps the access token in a JavaScript variable.");
                format!("Logged in: the access token lasts until {}; the refresh cookie renews it.", self.at(exp))
            }
        }
    }

    fn issue_refresh(&mut self, family: &str, url: &str) -> Header {
        let id = self.random_id();
        self.refresh.push(RefreshRecord {
            id: id.clone(),
            family: String::from(family),
            user: String::from(USER),
            expires: self.now + self.config.refresh_lifetime,
            used: false,
            revoked: false,
        });
        let line = self.cookie_line(REFRESH_COOKIE, &id, "/auth", self.config.refresh_lifetime);
        self.receive_cookie(&line, url)
    }

    /// Strategy 4: exchange the refresh cookie for a new access token (and a new refresh token).
    fn refresh_access(&mut self, server: usize) -> bool {
        let url = format!("{APP}/auth/refresh");
        let req = page_request(&url, "POST");
        let cookies = self.attach_cookies(&req);
        let headers: Vec<Header> = cookies.into_iter().map(|c| header("Cookie", c)).collect();
        self.send("page", "POST", &url, APP, headers.clone());
        let Some(id) = cookie_value(&headers, REFRESH_COOKIE) else {
            self.respond(server, 401, Vec::new(), None, String::from("401: no refresh cookie."));
            return false;
        };
        let now = self.now;
        let record = self.refresh.iter().find(|r| r.id == id).cloned();
        let hit = record.is_some();
        self.event(
            &format!("server {}", server + 1),
            EventKind::Lookup { store: String::from("refresh tokens"), key: id.clone(), hit },
            format!("Looks up refresh token {}.", short(&id)),
        );
        match record {
            Some(r) if r.used && !r.revoked => {
                // OAuth 2.0 Security BCP §4.14.2: a reused refresh token means one of two parties
                // stole it; revoke the whole family.
                for x in self.refresh.iter_mut().filter(|x| x.family == r.family) {
                    x.revoked = true;
                }
                self.respond(
                    server,
                    401,
                    Vec::new(),
                    None,
                    String::from(
                        "401: this refresh token was already used, so it was stolen; the whole family is revoked.",
                    ),
                );
                false
            }
            Some(r) if !r.revoked && r.expires > now => {
                if let Some(x) = self.refresh.iter_mut().find(|x| x.id == id) {
                    x.used = true;
                }
                let (token, exp) = self.issue_jwt(self.config.access_lifetime);
                let set = self.issue_refresh(&r.family, &url);
                self.page_memory = Some((token.clone(), exp));
                self.respond(
                    server,
                    200,
                    alloc::vec![set],
                    Some(format!(r#"{{"access_token":"{token}"}}"#)),
                    String::from(
                        "200 OK: a new access token, and the refresh token rotated (the old one is now spent).",
                    ),
                );
                true
            }
            _ => {
                self.respond(
                    server,
                    401,
                    Vec::new(),
                    None,
                    String::from("401: the refresh token is revoked, expired or unknown: log in again."),
                );
                false
            }
        }
    }

    fn request(&mut self, server: usize) -> String {
        let first = self.request_once(server);
        if self.config.strategy == Strategy::AccessRefresh && first.is_err() && self.page_memory.is_some() {
            // A 401 with an access token in hand (the key rotated, say): renew it once and retry.
            self.note("page script", "401 with an access token: refresh it and retry once.");
            if self.refresh_access(server) {
                return self.request_once(server).unwrap_or_else(|e| e);
            }
            self.page_memory = None;
        }
        first.unwrap_or_else(|e| e)
    }

    /// One API call; `Err` carries the outcome of a 401.
    fn request_once(&mut self, server: usize) -> Result<String, String> {
        self.metrics.requests += 1;
        if self.config.strategy == Strategy::AccessRefresh {
            let fresh = matches!(self.page_memory, Some((_, exp)) if exp > self.now);
            if !fresh {
                self.note("page script", "The access token is missing or expired: refresh it first.");
                if !self.refresh_access(server) {
                    self.page_memory = None;
                }
            }
        }
        let url = format!("{APP}/api/profile");
        let req = page_request(&url, "GET");
        let mut headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        if let Some(t) = self.page_bearer() {
            headers.push(header("Authorization", format!("Bearer {t}")));
        }
        let bytes = self.send("page", "GET", &url, APP, headers.clone());
        let mut lookups = 0;
        let auth = self.authenticate(server, &headers, &mut lookups);
        self.metrics.credential_bytes = bytes;
        self.metrics.lookups = lookups;
        match auth {
            Auth::User { .. } => {
                self.respond(
                    server,
                    200,
                    Vec::new(),
                    Some(String::from(PROFILE)),
                    String::from("200 OK: ada's profile."),
                );
                Ok(format!(
                    "Server {} answered 200 as ada: {bytes} credential bytes sent, {lookups} store lookup(s).",
                    server + 1
                ))
            }
            Auth::Refused(why) => {
                let why = String::from(why.trim_end_matches('.'));
                self.respond(server, 401, Vec::new(), None, format!("401: {why}."));
                let hint = if self.config.strategy == Strategy::Session
                    && !self.config.shared_store
                    && self.servers.len() > 1
                {
                    " Each server keeps sessions in its own memory: without a shared store (or sticky sessions) another server does not know this one."
                } else {
                    ""
                };
                Err(format!("Server {} answered 401: {why}.{hint}", server + 1))
            }
        }
    }

    fn logout(&mut self) -> String {
        let server = 0;
        let url = match self.config.strategy {
            Strategy::AccessRefresh => format!("{APP}/auth/logout"),
            _ => format!("{APP}/logout"),
        };
        let req = page_request(&url, "POST");
        let mut headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        let bearer = self.page_bearer();
        if let Some(t) = &bearer {
            headers.push(header("Authorization", format!("Bearer {t}")));
        }
        self.send("page", "POST", &url, APP, headers.clone());
        let find = |name: &str| cookie_value(&headers, name);
        let mut set = Vec::new();
        let summary = match self.config.strategy {
            Strategy::Session => {
                if let Some(id) = find(SESSION_COOKIE) {
                    let before = self.shared.len() + self.servers.iter().map(|s| s.sessions.len()).sum::<usize>();
                    self.shared.retain(|s| s.id != id);
                    for s in &mut self.servers {
                        s.sessions.retain(|x| x.id != id);
                    }
                    let after = self.shared.len() + self.servers.iter().map(|s| s.sessions.len()).sum::<usize>();
                    self.note(
                        "server 1",
                        format!("Deletes session {} ({} record removed).", short(&id), before - after),
                    );
                }
                let line = self.cookie_line(SESSION_COOKIE, "", "/", 0);
                set.push(self.receive_cookie(&line, &url));
                String::from("Logged out: the session is deleted on the server, so its ID is worthless from now on.")
            }
            Strategy::JwtLocalStorage | Strategy::JwtCookie => {
                let token = if self.config.strategy == Strategy::JwtCookie { find(TOKEN_COOKIE) } else { bearer };
                self.local_storage.retain(|(k, _)| k != "token");
                if self.config.strategy == Strategy::JwtLocalStorage {
                    self.note("page script", "localStorage.removeItem(\"token\")");
                } else {
                    let line = self.cookie_line(TOKEN_COOKIE, "", "/", 0);
                    set.push(self.receive_cookie(&line, &url));
                }
                self.deny_token(token.as_deref())
            }
            Strategy::AccessRefresh => {
                if let Some(id) = find(REFRESH_COOKIE) {
                    if let Some(family) = self.refresh.iter().find(|r| r.id == id).map(|r| r.family.clone()) {
                        for r in self.refresh.iter_mut().filter(|r| r.family == family) {
                            r.revoked = true;
                        }
                        self.note("server 1", "Revokes the refresh token family.");
                    }
                }
                let line = self.cookie_line(REFRESH_COOKIE, "", "/auth", 0);
                set.push(self.receive_cookie(&line, &url));
                self.page_memory = None;
                let denied = self.deny_token(bearer.as_deref());
                format!("Logged out: the refresh tokens are revoked. {denied}")
            }
        };
        self.respond(server, 200, set, None, String::from("200 OK."));
        summary
    }

    /// Logout of a JWT: only a deny-list can make the server refuse it before exp.
    fn deny_token(&mut self, token: Option<&str>) -> String {
        let Some(token) = token else {
            return String::from("No token was sent, so the server could not deny-list it.");
        };
        let parsed = jwtlens::token::Token::parse(token);
        let exp = parsed.claims().and_then(|c| c.exp).unwrap_or(0.0) as i64;
        let jti = jti_of(&parsed);
        if self.config.deny_list {
            self.note("server 1", format!("Adds jti {} to the deny-list until {}.", short(&jti), self.at(exp)));
            self.deny.push(Denied { jti, until: exp });
            String::from("The token's ID is on the deny-list: every server now refuses it (one lookup per request).")
        } else {
            self.note("server 1", "Has no record of the token: nothing to delete.");
            format!(
                "The browser forgot the token, but the server keeps no record of it: a copy still works until {}.",
                self.at(exp)
            )
        }
    }

    fn revoke(&mut self) -> String {
        self.note("admin", "Revokes ada (say her laptop was stolen).");
        match self.config.strategy {
            Strategy::Session => {
                let mut removed = 0;
                let before = self.shared.len();
                self.shared.retain(|s| s.user != USER);
                removed += before - self.shared.len();
                for s in &mut self.servers {
                    let b = s.sessions.len();
                    s.sessions.retain(|x| x.user != USER);
                    removed += b - s.sessions.len();
                }
                self.note("server 1", format!("Deletes ada's sessions: {removed} removed."));
                String::from(
                    "Revoked at once: every session of ada is deleted, so every copy of her session ID is refused.",
                )
            }
            Strategy::JwtLocalStorage | Strategy::JwtCookie | Strategy::AccessRefresh => {
                let mut parts = Vec::new();
                if self.config.strategy == Strategy::AccessRefresh {
                    for r in self.refresh.iter_mut().filter(|r| r.user == USER) {
                        r.revoked = true;
                    }
                    parts.push(String::from("Her refresh tokens are revoked, so no new access token will be issued."));
                }
                if self.config.deny_list {
                    self.revoked_users.push((String::from(USER), self.now));
                    self.note("server 1", "Adds \"ada, tokens issued until now\" to the deny-list.");
                    parts.push(String::from("The deny-list refuses her tokens issued until now, on every request."));
                } else {
                    let lifetime = if self.config.strategy == Strategy::AccessRefresh {
                        self.config.access_lifetime
                    } else {
                        self.config.token_lifetime
                    };
                    parts.push(format!("Tokens already issued stay valid until they expire (up to {}): the servers keep no record of them.", humanize(lifetime as f64)));
                }
                parts.join(" ")
            }
        }
    }

    fn advance(&mut self, seconds: i64) -> String {
        let seconds = seconds.clamp(0, 400 * 86_400);
        self.now += seconds;
        // Expired entries fall off the deny-list: it only has to outlive the tokens it names.
        let now = self.now;
        self.deny.retain(|d| d.until > now);
        self.note("clock", format!("{} pass.", humanize(seconds as f64)));
        format!("The clock is now {}.", iso_utc(self.now as f64).unwrap_or_default())
    }

    fn restart(&mut self, server: usize) -> String {
        let Some(s) = self.servers.get_mut(server) else {
            return String::from("No such server.");
        };
        s.restarts += 1;
        let lost = s.sessions.len();
        s.sessions.clear();
        let name = format!("server {}", server + 1);
        if self.config.strategy == Strategy::Session && !self.config.shared_store {
            self.note(&name, format!("Restarts: the {lost} session(s) in its memory are gone."));
            format!("Server {} restarted and lost {lost} session(s): those users must log in again.", server + 1)
        } else {
            self.note(&name, "Restarts; it kept nothing about users in memory.");
            format!(
                "Server {} restarted; nobody is logged out (the state is in the token or a shared store).",
                server + 1
            )
        }
    }

    fn rotate_key(&mut self) -> String {
        self.new_key();
        let kid = self.keys.last().map(|k| k.kid.clone()).unwrap_or_default();
        self.note("server 1", format!("New signing key {kid}."));
        if !self.config.strategy.uses_jwt() {
            return format!("New key {kid}; sessions do not depend on it, so nobody notices.");
        }
        if self.config.keep_previous_key {
            format!("New tokens are signed with {kid}; tokens signed with the previous key are still accepted until they expire.")
        } else {
            format!("New tokens are signed with {kid}, and the previous key is dropped: every token issued before now is refused.")
        }
    }

    fn xss(&mut self) -> String {
        let actor = "attacker's script";
        self.note(actor, format!("Runs inside {APP}, with the page's privileges."));
        // document.cookie: what script may see.
        let visible = match CookieRequest::script(&format!("{APP}/")) {
            Ok(req) => self.attach_cookies(&req).unwrap_or_default(),
            Err(_) => String::new(),
        };
        self.event(
            actor,
            EventKind::Read { source: String::from("document.cookie"), value: visible.clone() },
            format!("document.cookie = \"{}\"", short(&visible)),
        );
        let storage: String = self.local_storage.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ");
        self.event(
            actor,
            EventKind::Read { source: String::from("localStorage"), value: storage.clone() },
            format!("localStorage: {}", if storage.is_empty() { String::from("empty") } else { short(&storage) }),
        );
        let memory = self.page_memory.as_ref().map(|(t, _)| t.clone()).unwrap_or_default();
        if self.config.strategy == Strategy::AccessRefresh {
            self.event(
                actor,
                EventKind::Read { source: String::from("page memory"), value: memory.clone() },
                format!(
                    "The page's variables: {}",
                    if memory.is_empty() { String::from("no token") } else { short(&memory) }
                ),
            );
        }
        let mut taken = Vec::new();
        for kv in visible.split("; ").filter(|kv| !kv.is_empty()) {
            let name = kv.split('=').next().unwrap_or("");
            if [SESSION_COOKIE, TOKEN_COOKIE, REFRESH_COOKIE].contains(&name) {
                taken.push((format!("the {name} cookie (from document.cookie)"), header("Cookie", kv)));
            }
        }
        if let Some((_, t)) = self.local_storage.iter().find(|(k, _)| k == "token") {
            taken.push((String::from("the token from localStorage"), header("Authorization", format!("Bearer {t}"))));
        }
        if !memory.is_empty() {
            taken.push((
                String::from("the access token from page memory"),
                header("Authorization", format!("Bearer {memory}")),
            ));
        }
        let mut sentences = Vec::new();
        for (what, h) in taken {
            let until = self.works_until(&h);
            let text = match until {
                Some(t) => format!("The attacker now holds {what}; it works from anywhere until {}.", self.at(t)),
                None => format!("The attacker now holds {what}, though it is not accepted now."),
            };
            self.event(actor, EventKind::Stolen { credential: what.clone(), works_until: until }, text);
            sentences.push(match until {
                Some(t) => {
                    format!("The script read {what} and can now call the API from anywhere until {}.", self.at(t))
                }
                None => format!("The script read {what}, but it is not accepted any more."),
            });
            self.stolen.push(Stolen { what, header: h, at: self.now });
        }
        // What the script can do without reading anything: call the API from the page itself.
        let url = format!("{APP}/api/profile");
        let req = page_request(&url, "GET");
        let mut headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        if let Some(h) = self.stolen.iter().rev().find(|s| s.header.name == "Authorization" && s.at == self.now) {
            headers.push(h.header.clone());
        }
        self.send(actor, "GET", &url, APP, headers.clone());
        let mut lookups = 0;
        let riding = matches!(self.authenticate(0, &headers, &mut lookups), Auth::User { .. });
        self.respond(
            0,
            if riding { 200 } else { 401 },
            Vec::new(),
            None,
            String::from(if riding { "200 OK: the server cannot tell the script from ada." } else { "401." }),
        );
        if sentences.is_empty() {
            if riding {
                String::from("The script found no readable cookie or token, but its same-origin fetch still carried the cookie: it can act as ada while the page is open.")
            } else {
                String::from("The script found no readable credential, and its requests are not authenticated.")
            }
        } else {
            sentences.join(" ")
        }
    }

    /// A refresh token the servers would still exchange: until when.
    fn refresh_usable(&self, h: &Header) -> Option<i64> {
        let id = h.value.strip_prefix("refresh=")?;
        let r = self.refresh.iter().find(|r| r.id == id)?;
        (!r.used && !r.revoked && r.expires > self.now).then_some(r.expires)
    }

    /// Until when a credential header would be accepted, judging as a server would now.
    fn works_until(&mut self, h: &Header) -> Option<i64> {
        if h.name == "Cookie" && h.value.starts_with("refresh=") {
            return self.refresh_usable(h);
        }
        let saved = self.events.len();
        let mut lookups = 0;
        let auth = self.authenticate(0, core::slice::from_ref(h), &mut lookups);
        self.events.truncate(saved);
        match auth {
            Auth::User { until } => Some(until),
            Auth::Refused(_) => None,
        }
    }

    fn csrf(&mut self, method: &str) -> String {
        let url = format!("{APP}/api/transfer?to=mallory&amount=100");
        self.note("browser", format!("ada, still logged in, opens {EVIL}."));
        let how = if method == "GET" { "navigates the tab to" } else { "auto-submits a hidden form to" };
        self.note("attacker", format!("{EVIL} {how} {APP}/api/transfer."));
        let req = match Url::parse(&url) {
            Ok(u) => CookieRequest {
                url: u,
                method: String::from(method),
                from_script: false,
                site_for_cookies: Url::parse(EVIL).ok(),
                top_level: true,
            },
            Err(_) => return String::from("bad URL"),
        };
        let headers: Vec<Header> = self.attach_cookies(&req).into_iter().map(|c| header("Cookie", c)).collect();
        self.send("browser", method, &url, EVIL, headers.clone());
        let mut lookups = 0;
        let auth = self.authenticate(0, &headers, &mut lookups);
        let same_site = match self.config.same_site {
            Some(SameSite::Strict) => "SameSite=Strict",
            Some(SameSite::Lax) => "SameSite=Lax",
            Some(SameSite::None) => "SameSite=None",
            None => "no SameSite (Lax by default)",
        };
        match auth {
            Auth::User { .. } => {
                self.respond(0, 200, Vec::new(), None, String::from("200 OK: transfer made as ada."));
                format!("CSRF worked: the browser attached ada's cookie ({same_site}) to the cross-site {method}, and the server made the transfer.")
            }
            Auth::Refused(why) => {
                let why = why.trim_end_matches('.');
                self.respond(0, 401, Vec::new(), None, format!("401: {why}."));
                if self.config.strategy.uses_jwt()
                    && matches!(self.config.strategy, Strategy::JwtLocalStorage | Strategy::AccessRefresh)
                {
                    format!("CSRF failed: the API wants an Authorization header, which {EVIL} cannot read or set.")
                } else {
                    format!("CSRF failed: {why} ({same_site} on the cross-site {method}).")
                }
            }
        }
    }

    /// The credential headers the page would send to the API now.
    fn api_credentials(&mut self) -> Vec<Header> {
        let req = page_request(&format!("{APP}/api/profile"), "GET");
        let mut headers: Vec<Header> =
            self.jar.cookie_header(&req, self.now).into_iter().map(|c| header("Cookie", c)).collect();
        if let Some(t) = self.page_bearer() {
            headers.push(header("Authorization", format!("Bearer {t}")));
        }
        headers
    }

    /// The token the page's script sends as `Authorization: Bearer`, when its strategy uses one.
    fn page_bearer(&self) -> Option<String> {
        match self.config.strategy {
            Strategy::JwtLocalStorage => self.local_storage.iter().find(|(k, _)| k == "token").map(|(_, t)| t.clone()),
            Strategy::AccessRefresh => self.page_memory.as_ref().map(|(t, _)| t.clone()),
            _ => None,
        }
    }

    fn hijack(&mut self) -> String {
        let headers = self.api_credentials();
        if headers.is_empty() {
            self.note("attacker", "Finds no credential to copy.");
            return String::from("There is nothing to copy: the browser holds no credential.");
        }
        let mut sentences = Vec::new();
        for h in headers {
            let what = format!("a copy of the {} header", h.name);
            let until = self.works_until(&h);
            let text = match until {
                Some(t) => {
                    format!("The attacker copies the {} header; as things stand it works until {}.", h.name, self.at(t))
                }
                None => format!("The attacker copies the {} header, though it is not accepted now.", h.name),
            };
            self.event("attacker", EventKind::Stolen { credential: what.clone(), works_until: until }, text.clone());
            sentences.push(text);
            self.stolen.push(Stolen { what, header: h, at: self.now });
        }
        sentences.join(" ")
    }

    fn replay(&mut self) -> String {
        if self.stolen.is_empty() {
            self.note("attacker", "Has nothing to replay.");
            return String::from("The attacker has nothing to replay: nothing readable was stolen.");
        }
        let url = format!("{APP}/api/profile");
        let stolen = self.stolen.clone();
        let mut sentences = Vec::new();
        for s in stolen {
            if s.header.value.starts_with("refresh=") {
                // A readable refresh cookie mints access tokens until it is spent or revoked.
                let text = match self.refresh_usable(&s.header) {
                    Some(t) => format!(
                        "{} still works: it can be exchanged for access tokens until {}.",
                        capitalize(&s.what),
                        self.at(t)
                    ),
                    None => format!("{} no longer works (spent, revoked or expired).", capitalize(&s.what)),
                };
                self.note("attacker", text.clone());
                sentences.push(text);
                continue;
            }
            self.send("attacker", "GET", &url, "the attacker's machine", alloc::vec![s.header.clone()]);
            let mut lookups = 0;
            match self.authenticate(0, core::slice::from_ref(&s.header), &mut lookups) {
                Auth::User { until } => {
                    self.respond(
                        0,
                        200,
                        Vec::new(),
                        Some(String::from(PROFILE)),
                        String::from("200 OK: ada's profile, to the attacker."),
                    );
                    sentences.push(format!("{} still works: accepted until {}.", capitalize(&s.what), self.at(until)));
                }
                Auth::Refused(why) => {
                    let why = why.trim_end_matches('.');
                    self.respond(0, 401, Vec::new(), None, format!("401: {why}."));
                    sentences.push(format!("{} no longer works ({why}).", capitalize(&s.what)));
                }
            }
        }
        sentences.join(" ")
    }
}

/// The `jti` claim of a token ("" when absent).
fn jti_of(token: &jwtlens::token::Token<'_>) -> String {
    match token.claims_json().and_then(|o| o.get("jti")) {
        Some(jwtlens::json::Json::String(s)) => String::from(s.as_str()),
        _ => String::new(),
    }
}

/// The value of cookie `name` in the `Cookie` headers of a request.
fn cookie_value(headers: &[Header], name: &str) -> Option<String> {
    headers.iter().filter(|h| h.name == "Cookie").find_map(|h| {
        h.value.split("; ").find_map(|kv| kv.strip_prefix(name).and_then(|r| r.strip_prefix('=')).map(String::from))
    })
}

/// A fetch from the app's own page.
fn page_request(url: &str, method: &str) -> CookieRequest {
    CookieRequest {
        url: Url::parse(url).unwrap_or_else(|_| Url::parse(APP).unwrap_or_else(|_| unreachable!())),
        method: String::from(method),
        from_script: false,
        site_for_cookies: Url::parse(APP).ok(),
        top_level: false,
    }
}

/// Long values shortened for sentences: the first 12 characters and the length.
fn short(s: &str) -> String {
    if s.len() <= 24 {
        return String::from(s);
    }
    let head: String = s.chars().take(12).collect();
    format!("{head}… ({} chars)", s.len())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A whole run: the configuration, each step's result, the final state and numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
