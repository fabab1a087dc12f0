//! Scenario tests: each plays part of the articles' story and checks the
//! event log and the outcome sentence.

use super::*;
use crate::sim::Auth;
use alloc::string::String;
use alloc::vec;
use jwtlens_cookie::SameSite;

fn sim(strategy: Strategy) -> Simulation {
    Simulation::new(Config { strategy, ..Config::default() })
}

fn with(config: Config) -> Simulation {
    Simulation::new(config)
}

fn status(r: &StepResult) -> Option<u16> {
    r.events.iter().rev().find_map(|e| match e.kind {
        EventKind::Response { status, .. } => Some(status),
        _ => None,
    })
}

fn log(r: &StepResult) -> Vec<(String, String)> {
    r.events.iter().map(|e| (e.actor.clone(), e.text.clone())).collect()
}

#[test]
fn session_login_event_log() {
    let mut s = sim(Strategy::Session);
    let r = s.step(&Step::Login { server: 1 });
    let want: Vec<(&str, &str)> = vec![
        ("page", "POST https://app.example/login with no credentials."),
        ("server 1", "Checks ada's password."),
        ("server 1", "Creates session gU3XuXhNV8FbnCly6bT9bA (91 bytes) in server 1's memory."),
        ("browser", "The browser's cookie jar: sid stored."),
        ("server 1", "200 OK with the session cookie."),
    ];
    let got = log(&r);
    assert_eq!(got.iter().map(|(a, t)| (a.as_str(), t.as_str())).collect::<Vec<_>>(), want);
    let set = r.events.iter().find_map(|e| match &e.kind {
        EventKind::Response { headers, .. } => headers.first().cloned(),
        _ => None,
    });
    assert_eq!(
        set.map(|h| h.value).as_deref(),
        Some("sid=gU3XuXhNV8FbnCly6bT9bA; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=1800")
    );
    let snap = s.snapshot();
    assert_eq!(snap.cookies.len(), 1);
    assert!(snap.cookies[0].http_only && snap.cookies[0].secure);
    assert_eq!(snap.servers[0].sessions.len(), 1);
    assert_eq!(snap.server_state_bytes, 91);
}

#[test]
fn sessions_per_server_do_not_scale_a_shared_store_does() {
    let mut s = sim(Strategy::Session);
    s.step(&Step::Login { server: 1 });
    let r1 = s.step(&Step::Request { server: 1 });
    assert_eq!(status(&r1), Some(200));
    assert_eq!(s.metrics(), Metrics { requests: 1, credential_bytes: 36, lookups: 1 });
    let r2 = s.step(&Step::Request { server: 2 });
    assert_eq!(status(&r2), Some(401));
    assert!(r2.outcome.contains("Each server keeps sessions in its own memory"), "{}", r2.outcome);

    let mut shared = with(Config { shared_store: true, ..Config::default() });
    shared.step(&Step::Login { server: 1 });
    let r = shared.step(&Step::Request { server: 2 });
    assert_eq!(status(&r), Some(200), "{}", r.outcome);
    assert!(r
        .events
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Lookup { store, hit: true, .. } if store == "shared session store")));
    // A restart loses in-memory sessions, not a shared store's.
    let lost = s.step(&Step::Restart { server: 1 });
    assert!(lost.outcome.contains("lost 1 session(s)"), "{}", lost.outcome);
    assert_eq!(status(&s.step(&Step::Request { server: 1 })), Some(401));
    shared.step(&Step::Restart { server: 1 });
    assert_eq!(status(&shared.step(&Step::Request { server: 1 })), Some(200));
}

#[test]
fn jwt_in_local_storage_is_stolen_by_xss_and_outlives_logout() {
    let mut s = sim(Strategy::JwtLocalStorage);
    s.step(&Step::Login { server: 1 });
    let r = s.step(&Step::Request { server: 2 });
    assert_eq!(status(&r), Some(200), "any server with the key accepts it");
    assert_eq!(s.metrics().lookups, 0);
    assert!(s.metrics().credential_bytes > 300);
    let xss = s.step(&Step::Xss);
    assert_eq!(
        xss.outcome,
        "The script read the token from localStorage and can now call the API from anywhere until 12:06 UTC (1 h from now)."
    );
    assert_eq!(s.snapshot().stolen.len(), 1);
    s.step(&Step::Advance { seconds: 600 });
    let out = s.step(&Step::Logout);
    assert!(out.outcome.contains("a copy still works until 12:06 UTC (50 min from now)"), "{}", out.outcome);
    assert!(s.snapshot().local_storage.is_empty());
    let replay = s.step(&Step::Replay);
    assert_eq!(status(&replay), Some(200));
    assert_eq!(replay.outcome, "The token from localStorage still works: accepted until 12:06 UTC (50 min from now).");
    // Until exp, and not a second longer.
    s.step(&Step::Advance { seconds: 3000 });
    let late = s.step(&Step::Replay);
    assert_eq!(status(&late), Some(401));
    assert!(late.outcome.contains("no longer works") && late.outcome.contains("Expired"), "{}", late.outcome);
}

#[test]
fn a_deny_list_makes_logout_and_revocation_immediate_at_the_cost_of_state_and_lookups() {
    for step in [Step::Logout, Step::Revoke] {
        let mut s = with(Config { strategy: Strategy::JwtLocalStorage, deny_list: true, ..Config::default() });
        s.step(&Step::Login { server: 1 });
        s.step(&Step::Request { server: 1 });
        assert_eq!(s.metrics().lookups, 1, "the deny-list is consulted on every request");
        s.step(&Step::Xss);
        s.step(&step);
        assert!(s.server_state_bytes() > 0);
        let replay = s.step(&Step::Replay);
        assert_eq!(status(&replay), Some(401), "{step:?}: {}", replay.outcome);
        assert!(replay.outcome.contains("deny-list"), "{}", replay.outcome);
    }
    // Entries fall off once the tokens they name have expired.
    let mut s = with(Config { strategy: Strategy::JwtCookie, deny_list: true, ..Config::default() });
    s.step(&Step::Login { server: 1 });
    s.step(&Step::Logout);
    assert_eq!(s.snapshot().deny_list.len(), 1);
    s.step(&Step::Advance { seconds: 3600 });
    assert!(s.snapshot().deny_list.is_empty());
}

#[test]
fn httponly_hides_the_cookie_from_script_but_not_from_its_requests() {
    let mut s = sim(Strategy::Session);
    s.step(&Step::Login { server: 1 });
    let xss = s.step(&Step::Xss);
    assert_eq!(
        xss.outcome,
        "The script found no readable cookie or token, but its same-origin fetch still carried the cookie: it can act as ada while the page is open."
    );
    assert!(xss.events.iter().any(
        |e| matches!(&e.kind, EventKind::Read { source, value } if source == "document.cookie" && value.is_empty())
    ));
    assert_eq!(status(&xss), Some(200));
    // Without HttpOnly the script reads the session ID, and it works until logout, not after.
    let mut open = with(Config { http_only: false, ..Config::default() });
    open.step(&Step::Login { server: 1 });
    let xss = open.step(&Step::Xss);
    assert!(xss.outcome.starts_with("The script read the sid cookie (from document.cookie)"), "{}", xss.outcome);
    assert_eq!(status(&open.step(&Step::Replay)), Some(200));
    open.step(&Step::Logout);
    let replay = open.step(&Step::Replay);
    assert_eq!(status(&replay), Some(401));
    assert_eq!(replay.outcome, "The sid cookie (from document.cookie) no longer works (no such session).");
}

#[test]
fn csrf_by_cross_site_fetch_depends_on_third_party_cookies() {
    use jwtlens_cookie::ThirdPartyCookies;
    let run = |same_site: Option<SameSite>, third_party: ThirdPartyCookies| {
        let mut s = with(Config {
            strategy: Strategy::JwtCookie,
            same_site,
            third_party_cookies: third_party,
            ..Config::default()
        });
        s.step(&Step::Login { server: 1 });
        let r = s.step(&Step::CsrfFetch);
        (status(&r), r.outcome)
    };
    // SameSite=None: a cross-site fetch carries the cookie only where third-party cookies are allowed.
    let (blocked, why) = run(Some(SameSite::None), ThirdPartyCookies::Blocked);
    assert_eq!(blocked, Some(401));
    assert!(why.contains("third-party cookies are blocked"), "{why}");
    let (allowed, why) = run(Some(SameSite::None), ThirdPartyCookies::Allowed);
    assert_eq!(allowed, Some(200), "{why}");
    // Lax, or no SameSite (even within Lax-allowing-unsafe's 2 minutes: that is for navigations), never.
    assert_eq!(run(Some(SameSite::Lax), ThirdPartyCookies::Allowed).0, Some(401));
    assert_eq!(run(None, ThirdPartyCookies::Allowed).0, Some(401));
    assert_eq!("csrf-fetch".parse::<Step>(), Ok(Step::CsrfFetch));
}

#[test]
fn a_cross_site_frame_inside_the_apps_page_is_a_third_party_not_xss() {
    use jwtlens_cookie::ThirdPartyCookies;
    let run = |strategy: Strategy, same_site: Option<SameSite>, third_party: ThirdPartyCookies| {
        let mut s = with(Config { strategy, same_site, third_party_cookies: third_party, ..Config::default() });
        s.step(&Step::Login { server: 1 });
        let r = s.step(&Step::AdFrame);
        (status(&r), r.outcome)
    };
    // Inside the app's own page, yet the frame is cross-site: Lax and Strict cookies stay home,
    // and SameSite=None ones too while third-party cookies are blocked.
    for same_site in [Some(SameSite::Strict), Some(SameSite::Lax), None] {
        assert_eq!(run(Strategy::Session, same_site, ThirdPartyCookies::Allowed).0, Some(401), "{same_site:?}");
    }
    let (code, why) = run(Strategy::Session, Some(SameSite::None), ThirdPartyCookies::Blocked);
    assert_eq!(code, Some(401));
    assert!(why.contains("third-party request even inside the app's page"), "{why}");
    assert_eq!(run(Strategy::Session, Some(SameSite::None), ThirdPartyCookies::Allowed).0, Some(200));
    // A token in localStorage is out of the frame's reach: another origin is not XSS.
    let (code, why) = run(Strategy::JwtLocalStorage, Some(SameSite::Lax), ThirdPartyCookies::Allowed);
    assert_eq!(code, Some(401));
    assert!(why.contains("not XSS"), "{why}");
    assert_eq!("ad-frame".parse::<Step>(), Ok(Step::AdFrame));
}

#[test]
fn csrf_under_each_same_site() {
    let run = |same_site: Option<SameSite>| {
        let mut s = with(Config { strategy: Strategy::JwtCookie, same_site, ..Config::default() });
        s.step(&Step::Login { server: 1 });
        let post = s.step(&Step::CsrfPost);
        let get = s.step(&Step::CsrfGet);
        (status(&post), status(&get), post.outcome)
    };
    let (post, get, why) = run(Some(SameSite::Lax));
    assert_eq!((post, get), (Some(401), Some(200)));
    assert_eq!(why, "CSRF failed: no token cookie (SameSite=Lax on the cross-site POST).");
    // No SameSite behaves as Lax, except that Chromium's Lax-allowing-unsafe still sends
    // a cookie under 2 minutes old on a cross-site top-level POST.
    let (post, _, why) = run(None);
    assert_eq!(post, Some(200), "within 2 minutes of login: {why}");
    let mut s = with(Config { strategy: Strategy::JwtCookie, same_site: None, ..Config::default() });
    s.step(&Step::Login { server: 1 });
    s.step(&Step::Advance { seconds: 121 });
    assert_eq!(status(&s.step(&Step::CsrfPost)), Some(401), "after 2 minutes, no SameSite is Lax");
    assert_eq!(run(Some(SameSite::Strict)).0, Some(401));
    assert_eq!(run(Some(SameSite::Strict)).1, Some(401));
    let (post, get, why) = run(Some(SameSite::None));
    assert_eq!((post, get), (Some(200), Some(200)));
    assert!(why.starts_with("CSRF worked"), "{why}");
    // Bearer tokens are not sent by the browser on its own.
    let mut s = sim(Strategy::JwtLocalStorage);
    s.step(&Step::Login { server: 1 });
    assert_eq!(status(&s.step(&Step::CsrfPost)), Some(401));
    // SameSite=None without Secure: the browser refuses the cookie, so the login does not stick.
    let mut s = with(Config { same_site: Some(SameSite::None), secure: false, ..Config::default() });
    let login = s.step(&Step::Login { server: 1 });
    assert!(login
        .events
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Stored { outcome, .. } if outcome.starts_with("rejected"))));
    assert_eq!(status(&s.step(&Step::Request { server: 1 })), Some(401));
}

#[test]
fn access_and_refresh_tokens_rotate_and_bound_the_theft() {
    let mut s = sim(Strategy::AccessRefresh);
    s.step(&Step::Login { server: 1 });
    let xss = s.step(&Step::Xss);
    assert!(xss.outcome.contains("until 11:11 UTC (5 min from now)"), "{}", xss.outcome);
    s.step(&Step::Advance { seconds: 301 });
    let r = s.step(&Step::Request { server: 2 });
    assert_eq!(status(&r), Some(200), "{}", r.outcome);
    assert!(r.events.iter().any(|e| e.text.contains("refresh token rotated")));
    let snap = s.snapshot();
    assert_eq!(snap.refresh_tokens.len(), 2);
    assert!(snap.refresh_tokens[0].used && !snap.refresh_tokens[1].used);
    assert_eq!(snap.refresh_tokens[0].family, snap.refresh_tokens[1].family);
    // The stolen access token has expired by itself.
    assert_eq!(status(&s.step(&Step::Replay)), Some(401));
    // Key rotation: the page renews its access token with the refresh cookie and carries on.
    s.step(&Step::RotateKey);
    let r = s.step(&Step::Request { server: 1 });
    assert_eq!(status(&r), Some(200), "{}", r.outcome);
    // Logout revokes the family; the next refresh fails.
    s.step(&Step::Logout);
    s.step(&Step::Advance { seconds: 301 });
    let r = s.step(&Step::Request { server: 1 });
    assert_eq!(status(&r), Some(401));
}

#[test]
fn key_rotation_logs_jwt_users_out_unless_the_previous_key_is_kept() {
    let mut s = sim(Strategy::JwtCookie);
    s.step(&Step::Login { server: 1 });
    s.step(&Step::RotateKey);
    let r = s.step(&Step::Request { server: 1 });
    assert_eq!(status(&r), Some(401));
    assert!(r.outcome.contains("its kid \"k2\" is not the token's \"k1\""), "{}", r.outcome);
    let mut kept = with(Config { strategy: Strategy::JwtCookie, keep_previous_key: true, ..Config::default() });
    kept.step(&Step::Login { server: 1 });
    kept.step(&Step::RotateKey);
    assert_eq!(status(&kept.step(&Step::Request { server: 1 })), Some(200));
    assert_eq!(
        kept.snapshot().keys.iter().map(|k| (k.kid.as_str(), k.active)).collect::<Vec<_>>(),
        [("k1", false), ("k2", true)]
    );
    // Sessions do not care.
    let mut session = sim(Strategy::Session);
    session.step(&Step::Login { server: 1 });
    session.step(&Step::RotateKey);
    assert_eq!(status(&session.step(&Step::Request { server: 1 })), Some(200));
}

#[test]
fn the_tokens_are_real_jwts() {
    let mut s = sim(Strategy::JwtLocalStorage);
    s.step(&Step::Login { server: 1 });
    let token = s.snapshot().local_storage[0].1.clone();
    let report = jwtlens::inspect(
        &token,
        &jwtlens::Options { now: jwtlens::time::NumericDate::new(1_795_000_060.0), ..jwtlens::Options::default() },
    );
    assert!(report.errors.is_empty());
    let claims = report.claims.unwrap();
    assert_eq!(claims.sub.as_deref(), Some("ada"));
    assert_eq!(claims.exp, Some(jwtlens::time::NumericDate::from_secs(1_795_003_600)));
    // Tampering is caught by the servers' verification.
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged = jwtlens::b64::encode(
        br#"{"iss":"https://app.example","sub":"ada","role":"admin","iat":1795000000,"exp":4000000000,"jti":"x"}"#,
    );
    parts[1] = &forged;
    let forged = parts.join(".");
    let mut lookups = 0;
    assert!(matches!(s.check_jwt(0, &forged, &mut lookups), Auth::Refused(_)));
}

#[test]
fn runs_are_deterministic_and_seeded() {
    let steps = [
        Step::Login { server: 1 },
        Step::Xss,
        Step::Advance { seconds: 60 },
        Step::Request { server: 2 },
        Step::Logout,
        Step::Replay,
    ];
    for strategy in Strategy::ALL {
        let a = simulate(Config { strategy, ..Config::default() }, &steps);
        let b = simulate(Config { strategy, ..Config::default() }, &steps);
        assert_eq!(a, b);
        let c = simulate(Config { strategy, seed: 2, ..Config::default() }, &steps);
        assert_ne!(a.steps[0], c.steps[0], "{strategy:?}: another seed, other IDs");
    }
}

#[test]
fn the_comparison_table_fills_the_articles_rows_with_numbers() {
    let t = compare(&Config::default());
    assert_eq!(
        t.labels,
        ["Server session (cookie)", "JWT in localStorage", "JWT in a cookie", "Access + refresh tokens"]
    );
    let row = |f: &str| t.rows.iter().find(|r| r.factor == f).unwrap().cells.clone();
    assert_eq!(row("State on the server"), ["91 bytes", "0 bytes", "0 bytes", "57 bytes"]);
    assert_eq!(row("Size on the wire")[0], "36 bytes per request");
    assert_eq!(row("Size on the wire")[1], "311 bytes per request");
    assert_eq!(row("Verification")[0], "1 store lookup(s) per request");
    assert_eq!(
        row("Scaling"),
        [
            "server 2 refuses (401: no such session)",
            "server 2 accepts it",
            "server 2 accepts it",
            "server 2 accepts it"
        ]
    );
    assert_eq!(row("Logout")[3], "a copy keeps working 5 min (300 s)");
    assert_eq!(row("Revocation")[0], "a copy is refused at once (0 s)");
    assert_eq!(row("CSRF, GET navigation")[0], "forged request succeeds");
    assert_eq!(row("Server restart")[0], "logged out (401: no such session)");
    assert_eq!(row("Key rotation")[3], "still logged in");
    assert_eq!(t.rows.len(), 12);
    // With a deny-list, JWT logout becomes immediate and state appears.
    let t = compare(&Config { deny_list: true, shared_store: true, ..Config::default() });
    let row = |f: &str| t.rows.iter().find(|r| r.factor == f).unwrap().cells.clone();
    assert_eq!(row("Logout")[1], "a copy is refused at once (0 s)");
    assert_eq!(row("Scaling")[0], "server 2 accepts it");
    assert!(row("Verification")[1].contains("1 store lookup(s)"));
}
