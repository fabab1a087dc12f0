//! The simulation itself: a browser, servers, an admin and an attacker.

use crate::UnixTime;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use jwtlens::time::{humanize, iso_utc};
use jwtlens_cookie::{CookieJar, Request as CookieRequest, Url};

use crate::rng::SimRng;
use crate::*;

mod attacks;
mod server;
mod session;

struct SigningSecret {
    kid: String,
    secret: Vec<u8>,
    created: UnixTime,
}

struct Server {
    sessions: Vec<Session>,
    restarts: u32,
}

/// What a server concluded about a request's credentials.
pub(crate) enum Auth {
    User { until: UnixTime },
    Refused(String),
}

/// A running simulation.
pub struct Simulation {
    pub(crate) config: Config,
    pub(crate) now: UnixTime,
    rng: SimRng,
    jar: CookieJar,
    local_storage: Vec<(String, String)>,
    page_memory: Option<(String, UnixTime)>,
    servers: Vec<Server>,
    shared: Vec<Session>,
    refresh: Vec<RefreshRecord>,
    deny: Vec<Denied>,
    revoked_users: Vec<(String, UnixTime)>,
    keys: Vec<SigningSecret>,
    pub(crate) stolen: Vec<Stolen>,
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
            jar: CookieJar::with_third_party_cookies(config.third_party_cookies),
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
            Step::CsrfFetch => self.csrf_fetch(),
            Step::AdFrame => self.ad_frame(),
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
            now_iso: iso_utc(self.now.secs() as f64).unwrap_or_default(),
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

    fn at(&self, t: UnixTime) -> String {
        let iso = iso_utc(t.secs() as f64).unwrap_or_default();
        let hm = iso.get(11..16).unwrap_or("");
        let left = t - self.now;
        if left > 0 {
            format!("{hm} UTC ({} from now)", humanize(left as f64))
        } else {
            format!("{hm} UTC")
        }
    }
}

/// A time claim on the simulation's clock: whole seconds, 1970 when absent.
pub(super) fn moment(date: Option<jwtlens::time::NumericDate>) -> UnixTime {
    UnixTime::from_secs(date.map_or(0.0, |d| d.seconds()) as i64)
}

/// The `jti` claim of a token ("" when absent).
pub(super) fn jti_of(token: &jwtlens::token::Token<'_>) -> String {
    match token.claims_json().and_then(|o| o.get("jti")) {
        Some(jwtlens::json::Json::String(s)) => String::from(s.as_str()),
        _ => String::new(),
    }
}

/// The value of cookie `name` in the `Cookie` headers of a request.
pub(super) fn cookie_value(headers: &[Header], name: &str) -> Option<String> {
    headers.iter().filter(|h| h.name == "Cookie").find_map(|h| {
        h.value.split("; ").find_map(|kv| kv.strip_prefix(name).and_then(|r| r.strip_prefix('=')).map(String::from))
    })
}

/// A fetch from the app's own page.
pub(super) fn page_request(url: &str, method: &str) -> CookieRequest {
    CookieRequest {
        url: Url::parse(url).unwrap_or_else(|_| Url::parse(APP).unwrap_or_else(|_| unreachable!())),
        method: String::from(method),
        from_script: false,
        site_for_cookies: Url::parse(APP).ok(),
        top_level: false,
        frames: Vec::new(),
        destination: jwtlens_cookie::Destination::Fetch,
    }
}

/// Long values shortened for sentences: the first 12 characters and the length.
pub(super) fn short(s: &str) -> String {
    if s.len() <= 24 {
        return String::from(s);
    }
    let head: String = s.chars().take(12).collect();
    format!("{head}… ({} chars)", s.len())
}

pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
