//! The comparison table the articles write by hand ("State: stored on
//! server / not stored", "Revocation: easy / difficult", ...), with each cell
//! measured by running the same short scenarios under every strategy.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Serialize;

use jwtlens::time::humanize;

use crate::{Config, EventKind, Simulation, Step, StepResult, Strategy};

/// One factor, the articles' claim about it, and what each strategy did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Row {
    /// The factor ("Logout").
    pub factor: &'static str,
    /// What the articles say (sessions · JWT).
    pub claim: &'static str,
    /// The scenario that measured it.
    pub measured_by: &'static str,
    /// One cell per strategy, in [`Comparison::strategies`] order.
    pub cells: Vec<String>,
}

/// The table: strategies across, factors down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Comparison {
    /// The options every run shared (the strategy varies).
    pub config: Config,
    /// The columns.
    pub strategies: Vec<Strategy>,
    /// Their labels.
    pub labels: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Row>,
}

impl Comparison {
    /// The table as GitHub Markdown: factors down, strategies across, the articles' claim under each factor.
    ///
    /// ```
    /// let md = jwtlens_flows::compare(&Default::default()).to_markdown();
    /// assert!(md.starts_with("| Factor | Server session (cookie) | JWT in localStorage |"));
    /// assert!(md.contains("| **Size on the wire**<br>"));
    /// ```
    pub fn to_markdown(&self) -> String {
        let cell = |s: &str| s.replace('|', "\\|");
        let mut out = format!("| Factor | {} |\n|---|{}\n", self.labels.join(" | "), "---|".repeat(self.labels.len()));
        for r in &self.rows {
            out.push_str(&format!("| **{}**<br>_{}_ |", r.factor, cell(r.claim)));
            for c in &r.cells {
                out.push_str(&format!(" {} |", cell(c)));
            }
            out.push('\n');
        }
        out
    }
}

fn run(config: &Config, strategy: Strategy, steps: &[Step]) -> (Simulation, Vec<StepResult>) {
    let mut sim = Simulation::new(Config { strategy, ..config.clone() });
    let results = steps.iter().map(|s| sim.step(s)).collect();
    (sim, results)
}

/// The status of the last response in a step.
fn status(r: &StepResult) -> Option<u16> {
    r.events.iter().rev().find_map(|e| match e.kind {
        EventKind::Response { status, .. } => Some(status),
        _ => None,
    })
}

/// How long the longest-lived stolen credential keeps working from now.
fn stolen_window(sim: &mut Simulation) -> Option<i64> {
    let stolen: Vec<_> = sim.stolen.iter().map(|s| s.header.clone()).collect();
    let now = sim.now;
    stolen.iter().filter_map(|h| sim.works_until(h)).map(|t| t - now).max()
}

fn window_cell(before: Option<i64>, after: Option<i64>) -> String {
    match (before, after) {
        (None, _) => String::from("no copy could be taken"),
        (Some(_), None) => String::from("a copy is refused at once (0 s)"),
        (Some(_), Some(w)) => format!("a copy keeps working {} ({w} s)", humanize(w as f64)),
    }
}

fn client_cell(sim: &Simulation) -> String {
    let snap = sim.snapshot();
    let mut parts: Vec<String> = snap
        .cookies
        .iter()
        .map(|c| {
            let flags = if c.http_only { "HttpOnly cookie" } else { "cookie readable by script" };
            format!("{flags} {} ({} bytes)", c.name, c.value.len())
        })
        .collect();
    parts.extend(snap.local_storage.iter().map(|(k, v)| format!("localStorage {k} ({} bytes)", v.len())));
    if let Some(t) = &snap.page_memory {
        parts.push(format!("page memory ({} bytes)", t.len()));
    }
    parts.join(" + ")
}

/// "ok", or "refused (401: why)" from the step's last response.
fn outcome_cell(r: &StepResult, ok: &str, refused: &str) -> String {
    let last = r.events.iter().rev().find(|e| matches!(e.kind, EventKind::Response { .. }));
    match (status(r), last) {
        (Some(200), _) => String::from(ok),
        (_, Some(e)) => format!("{refused} ({})", e.text.trim_end_matches('.')),
        _ => String::from(refused),
    }
}

/// Run the scenarios for every strategy with `config`'s options and fill in the table.
///
/// ```
/// let table = jwtlens_flows::compare(&jwtlens_flows::Config::default());
/// let logout = table.rows.iter().find(|r| r.factor == "Logout").unwrap();
/// assert_eq!(logout.cells[0], "a copy is refused at once (0 s)");                 // session
/// assert_eq!(logout.cells[1], "a copy keeps working 1 h (3600 s)");             // JWT in localStorage
/// ```
pub fn compare(config: &Config) -> Comparison {
    let strategies = Strategy::ALL.to_vec();
    let mut rows: Vec<Row> = Vec::new();
    let mut add = |factor, claim, measured_by, cells| rows.push(Row { factor, claim, measured_by, cells });

    let mut state = Vec::new();
    let mut client = Vec::new();
    let mut check = Vec::new();
    let mut size = Vec::new();
    let mut scaling = Vec::new();
    let mut logout = Vec::new();
    let mut revoke = Vec::new();
    let mut xss = Vec::new();
    let mut csrf_post = Vec::new();
    let mut csrf_get = Vec::new();
    let mut restart = Vec::new();
    let mut rotate = Vec::new();
    for &s in &strategies {
        let (sim, r) =
            run(config, s, &[Step::Login { server: 1 }, Step::Request { server: 1 }, Step::Request { server: 2 }]);
        let m = sim.metrics();
        state.push(format!("{} bytes", sim.server_state_bytes()));
        client.push(client_cell(&sim));
        let sig = if s == Strategy::Session { "" } else { "HMAC signature + " };
        check.push(format!("{sig}{} store lookup(s) per request", m.lookups));
        size.push(format!("{} bytes per request", m.credential_bytes));
        scaling.push(match r.get(2) {
            Some(r) if config.servers < 2 => format!("one server only ({})", status(r).unwrap_or(0)),
            Some(r) => outcome_cell(r, "server 2 accepts it", "server 2 refuses"),
            None => String::new(),
        });

        let (_, r) = run(config, s, &[Step::Login { server: 1 }, Step::Xss]);
        xss.push(r.get(1).map(|r| r.outcome.clone()).unwrap_or_default());

        let (mut sim, _) = run(config, s, &[Step::Login { server: 1 }, Step::Hijack]);
        let before = stolen_window(&mut sim);
        sim.step(&Step::Logout);
        logout.push(window_cell(before, stolen_window(&mut sim)));

        let (mut sim, _) = run(config, s, &[Step::Login { server: 1 }, Step::Hijack]);
        let before = stolen_window(&mut sim);
        sim.step(&Step::Revoke);
        revoke.push(window_cell(before, stolen_window(&mut sim)));

        let (_, r) = run(config, s, &[Step::Login { server: 1 }, Step::CsrfPost, Step::CsrfGet]);
        let csrf = |r: Option<&StepResult>| match r {
            Some(r) if status(r) == Some(200) => String::from("forged request succeeds"),
            Some(r) => format!("blocked: {}", r.outcome.trim_start_matches("CSRF failed: ")),
            None => String::new(),
        };
        csrf_post.push(csrf(r.get(1)));
        csrf_get.push(csrf(r.get(2)));

        let (_, r) =
            run(config, s, &[Step::Login { server: 1 }, Step::Restart { server: 1 }, Step::Request { server: 1 }]);
        restart.push(r.get(2).map(|r| outcome_cell(r, "still logged in", "logged out")).unwrap_or_default());

        let (_, r) = run(config, s, &[Step::Login { server: 1 }, Step::RotateKey, Step::Request { server: 1 }]);
        rotate.push(r.get(2).map(|r| outcome_cell(r, "still logged in", "logged out")).unwrap_or_default());
    }
    add(
        "State on the server",
        "Sessions: stored on server · JWT: not stored on server",
        "login; bytes the servers keep about the user",
        state,
    );
    add(
        "Stored in the browser",
        "Session ID (cookie) · token (header or cookie)",
        "login; what the browser holds",
        client,
    );
    add("Verification", "Sessions: DB/cache lookup · JWT: signature verification", "one API request", check);
    add(
        "Size on the wire",
        "Sessions: small (ID only) · JWT: larger (payload included)",
        "Cookie / Authorization header bytes of one API request",
        size,
    );
    add(
        "Scaling",
        "Sessions need a shared store · JWT: easy horizontal scaling",
        "log in on server 1, call server 2",
        scaling,
    );
    add(
        "Logout",
        "Sessions: immediate · JWT: hard (needs expiry or a blacklist)",
        "the attacker copies the credential, the user logs out, the attacker replays it",
        logout,
    );
    add(
        "Revocation",
        "Sessions: easy · JWT: difficult",
        "the attacker copies the credential, an admin revokes the user, the attacker replays it",
        revoke,
    );
    add(
        "XSS",
        "localStorage is readable by any script; HttpOnly cookies are not",
        "an injected script runs on the page",
        xss,
    );
    add(
        "CSRF, form POST",
        "Cookies are sent automatically; SameSite=Lax or Strict stops it",
        "a cross-site page submits a hidden form",
        csrf_post,
    );
    add(
        "CSRF, GET navigation",
        "SameSite=Lax still sends cookies on top-level GET navigations",
        "a cross-site page navigates to a state-changing GET",
        csrf_get,
    );
    add("Server restart", "Sessions in server memory are lost", "log in, restart server 1, call it", restart);
    add("Key rotation", "JWTs depend on the signing key", "log in, rotate the key, call the API", rotate);
    Comparison { config: config.clone(), labels: strategies.iter().map(|s| s.label()).collect(), strategies, rows }
}
