//! The sandbox: play the sessions-vs-JWT story step by step. The page keeps
//! only the options and the list of steps; every render replays them in the
//! core's deterministic simulation (`jwtlens_flows`), so changing an option
//! ("what if SameSite=None?") replays the same story under it.

use std::rc::Rc;

use jwtlens_cookie::SameSite;
use jwtlens_flows::{compare, simulate, Comparison, Config, Event as FlowEvent, EventKind, Run, Step, Strategy};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Play {
    config: Config,
    steps: Vec<Step>,
}

/// The SameSite select's value: the core's word, or "unset".
fn same_site_value(s: Option<SameSite>) -> &'static str {
    s.map_or("unset", SameSite::word)
}

/// The step buttons: (id, label, step, is an attack).
fn buttons(servers: usize) -> Vec<(String, String, Step, bool)> {
    let mut b = vec![(String::from("sb-login"), String::from("Log in"), Step::Login { server: 1 }, false)];
    for k in 1..=servers {
        b.push((format!("sb-request-{k}"), format!("Request → server {k}"), Step::Request { server: k }, false));
    }
    b.extend([
        (String::from("sb-logout"), String::from("Log out"), Step::Logout, false),
        (String::from("sb-revoke"), String::from("Admin revokes ada"), Step::Revoke, false),
        (String::from("sb-advance-5m"), String::from("+5 min"), Step::Advance { seconds: 300 }, false),
        (String::from("sb-advance-1h"), String::from("+1 hour"), Step::Advance { seconds: 3600 }, false),
        (String::from("sb-restart"), String::from("Restart server 1"), Step::Restart { server: 1 }, false),
        (String::from("sb-rotate"), String::from("Rotate signing key"), Step::RotateKey, false),
        (String::from("sb-xss"), String::from("XSS: run a script on the page"), Step::Xss, true),
        (String::from("sb-csrf-post"), String::from("CSRF: cross-site form POST"), Step::CsrfPost, true),
        (String::from("sb-csrf-get"), String::from("CSRF: cross-site GET link"), Step::CsrfGet, true),
        (String::from("sb-csrf-fetch"), String::from("CSRF: cross-site fetch"), Step::CsrfFetch, true),
        (String::from("sb-ad-frame"), String::from("Ad frame in the page: fetch"), Step::AdFrame, true),
        (String::from("sb-hijack"), String::from("Copy the credentials (malware)"), Step::Hijack, true),
        (String::from("sb-replay"), String::from("Attacker replays"), Step::Replay, true),
    ]);
    b
}

#[function_component(Sandbox)]
pub fn sandbox() -> Html {
    let play = use_state(Play::default);
    let run: Rc<Run> = use_memo((*play).clone(), |p| simulate(p.config.clone(), &p.steps));
    let table: Rc<Comparison> = use_memo(play.config.clone(), compare);

    let push = |step: Step| {
        let play = play.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*play).clone();
            next.steps.push(step.clone());
            play.set(next);
        })
    };
    let reset = {
        let play = play.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*play).clone();
            next.steps.clear();
            play.set(next);
        })
    };
    let set_config = |f: fn(&mut Config, String)| {
        let play = play.clone();
        Callback::from(move |e: Event| {
            let value = match e.target_dyn_into::<HtmlSelectElement>() {
                Some(s) => s.value(),
                None => {
                    let i = e.target_unchecked_into::<HtmlInputElement>();
                    if i.checked() {
                        String::from("true")
                    } else {
                        String::from("false")
                    }
                }
            };
            let mut next = (*play).clone();
            f(&mut next.config, value);
            play.set(next);
        })
    };
    let cfg = &play.config;
    let last = run.steps.last();
    let attack_class = |attack: bool| classes!("button", attack.then_some("attack"));

    html! {
        <main id="main" tabindex="-1" class="sandbox">
            <section class="panel" id="sb-controls" aria-label="Strategy and options">
                <div class="panel-head"><h2>{ "Sessions, cookies and JWTs: play the story" }</h2></div>
                <p class="small muted">{ "A simulated browser at https://app.example, servers behind it, an admin and an attacker at https://evil.example. Time moves only when you advance it. The JWTs are real (HS256, verified by jwtlens); the cookies go through jwtlens's RFC 6265bis jar." }</p>
                <div class="sb-options">
                    <label>{ "Strategy " }
                        <select id="sb-strategy" onchange={set_config(|c, v| c.strategy = v.parse().unwrap_or(Strategy::Session))}>
                            { for Strategy::ALL.iter().map(|s| html! {
                                <option value={s.word()} selected={cfg.strategy == *s}>{ s.label() }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Cookie SameSite " }
                        <select id="sb-samesite" onchange={set_config(|c, v| c.same_site = v.parse::<SameSite>().ok())}>
                            { for SameSite::ALL.map(Some).into_iter().chain([None]).map(|v| html! {
                                <option value={same_site_value(v)} selected={cfg.same_site == v}>{ v.map_or("(not set)", SameSite::word) }</option>
                            }) }
                        </select>
                    </label>
                    <label>{ "Servers " }
                        <select id="sb-server-count" onchange={set_config(|c, v| c.servers = v.parse().unwrap_or(2))}>
                            { for [1usize, 2, 3].iter().map(|n| html! { <option value={n.to_string()} selected={cfg.servers == *n}>{ n }</option> }) }
                        </select>
                    </label>
                    <label><input type="checkbox" id="sb-httponly" checked={cfg.http_only} onchange={set_config(|c, v| c.http_only = v == "true")} />{ " HttpOnly" }</label>
                    <label><input type="checkbox" id="sb-secure" checked={cfg.secure} onchange={set_config(|c, v| c.secure = v == "true")} />{ " Secure" }</label>
                    <label><input type="checkbox" id="sb-shared" checked={cfg.shared_store} onchange={set_config(|c, v| c.shared_store = v == "true")} />{ " Shared session store" }</label>
                    <label><input type="checkbox" id="sb-deny" checked={cfg.deny_list} onchange={set_config(|c, v| c.deny_list = v == "true")} />{ " Deny-list" }</label>
                    <label><input type="checkbox" id="sb-keep-key" checked={cfg.keep_previous_key} onchange={set_config(|c, v| c.keep_previous_key = v == "true")} />{ " Keep previous key" }</label>
                    <label><input type="checkbox" id="sb-third-party" checked={cfg.third_party_cookies == jwtlens_cookie::ThirdPartyCookies::Allowed}
                        onchange={set_config(|c, v| c.third_party_cookies = if v == "true" { jwtlens_cookie::ThirdPartyCookies::Allowed } else { jwtlens_cookie::ThirdPartyCookies::Blocked })} />
                        { " Browser allows third-party cookies" }</label>
                </div>
                <div class="sb-buttons" role="group" aria-label="Steps">
                    { for buttons(cfg.servers).into_iter().map(|(id, label, step, attack)| html! {
                        <button type="button" id={id} class={attack_class(attack)} onclick={push(step)}>{ label }</button>
                    }) }
                    <button type="button" id="sb-reset" class="button" onclick={reset}>{ "Start over" }</button>
                </div>
                <p id="sb-outcome" class={classes!("sb-outcome", last.map(|_| "has-outcome"))} aria-live="polite">
                    if let Some(s) = last {
                        <strong>{ format!("{}: ", capital(&s.title)) }</strong>{ &s.outcome }
                    } else {
                        { "Press “Log in” to begin." }
                    }
                </p>
            </section>
            <div class="sb-columns">
                <BrowserPane run={run.clone()} />
                <RequestsPane run={run.clone()} />
                <ServersPane run={run.clone()} />
            </div>
            <ComparisonTable table={table} />
            <RealStorage />
        </main>
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// A long cookie value as its start and its length (the full value is in the title).
fn short_value(v: &str) -> String {
    if v.len() <= 24 {
        return v.to_owned();
    }
    format!("{}… ({} bytes)", v.chars().take(14).collect::<String>(), v.len())
}

fn clock(t: i64) -> String {
    jwtlens::time::iso_utc(t as f64).and_then(|s| s.get(11..19).map(String::from)).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
struct RunProps {
    run: Rc<Run>,
}

#[function_component(BrowserPane)]
fn browser_pane(props: &RunProps) -> Html {
    let snap = &props.run.snapshot;
    html! {
        <section class="panel sb-pane" id="sb-browser" aria-label="The browser">
            <div class="panel-head"><h2>{ "Browser" }</h2><span class="muted small">{ format!("clock {} UTC", clock(snap.now)) }</span></div>
            <h3>{ "localStorage (https://app.example)" }</h3>
            if snap.local_storage.is_empty() {
                <p class="muted small" id="sb-localstorage">{ "empty" }</p>
            } else {
                <dl id="sb-localstorage" class="sb-kv">
                    { for snap.local_storage.iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd><code class="wrap">{ v }</code></dd></> }) }
                </dl>
            }
            if let Some(t) = &snap.page_memory {
                <h3>{ "Page memory (a JavaScript variable)" }</h3>
                <p><code class="wrap">{ t }</code></p>
            }
            <h3>{ "Cookie jar" }</h3>
            if snap.cookies.is_empty() {
                <p class="muted small" id="sb-cookies">{ "empty" }</p>
            } else {
                <div class="sb-table-wrap"><table class="sb-table" id="sb-cookies">
                    <thead><tr><th>{ "Name" }</th><th>{ "Value" }</th><th>{ "Scope" }</th><th>{ "Flags" }</th><th>{ "Expires" }</th></tr></thead>
                    <tbody>
                        { for snap.cookies.iter().map(|c| {
                            let mut flags = Vec::new();
                            if c.http_only { flags.push("HttpOnly"); }
                            if c.secure { flags.push("Secure"); }
                            let same_site = match c.same_site { Some(SameSite::Strict) => "SameSite=Strict", Some(SameSite::Lax) => "SameSite=Lax", Some(SameSite::None) => "SameSite=None", None => "SameSite unset (Lax)" };
                            flags.push(same_site);
                            html! { <tr>
                                <td><code>{ &c.name }</code></td>
                                <td title={c.value.clone()}><code>{ short_value(&c.value) }</code></td>
                                <td>{ if c.host_only { format!("{} (host-only)", c.domain) } else { format!("*.{}", c.domain) } }<br /><code>{ format!("Path={}", c.path) }</code></td>
                                <td>{ flags.join(", ") }</td>
                                <td>{ c.expires.map(|t| clock(t.secs())).unwrap_or_else(|| "session".into()) }</td>
                            </tr> }
                        }) }
                    </tbody>
                </table></div>
            }
        </section>
    }
}

fn event_html(e: &FlowEvent) -> Html {
    let (class, detail) = match &e.kind {
        EventKind::Request { headers, .. } if !headers.is_empty() => (
            "ev-request",
            html! { <pre class="sb-headers">{ headers.iter().map(|h| format!("{}: {}", h.name, h.value)).collect::<Vec<_>>().join("\n") }</pre> },
        ),
        EventKind::Request { .. } => ("ev-request", html! {}),
        EventKind::Response { headers, status, .. } => (
            if *status < 400 { "ev-ok" } else { "ev-bad" },
            if headers.is_empty() {
                html! {}
            } else {
                html! { <pre class="sb-headers">{ headers.iter().map(|h| format!("{}: {}", h.name, h.value)).collect::<Vec<_>>().join("\n") }</pre> }
            },
        ),
        EventKind::Cookie { sent, .. } => (if *sent { "ev-ok" } else { "ev-muted" }, html! {}),
        EventKind::Stolen { .. } | EventKind::Read { .. } => ("ev-bad", html! {}),
        EventKind::Verify { valid, .. } | EventKind::Lookup { hit: valid, .. } => {
            (if *valid { "ev-ok" } else { "ev-muted" }, html! {})
        }
        _ => ("ev-note", html! {}),
    };
    html! {
        <li class={classes!("sb-event", class)}>
            <span class="sb-actor">{ &e.actor }</span>{ " " }<span>{ &e.text }</span>
            { detail }
        </li>
    }
}

#[function_component(RequestsPane)]
fn requests_pane(props: &RunProps) -> Html {
    let steps = &props.run.steps;
    html! {
        <section class="panel sb-pane" id="sb-requests" aria-label="Requests and events">
            <div class="panel-head"><h2>{ "Requests" }</h2><span class="muted small">{ format!("{} step(s)", steps.len()) }</span></div>
            if steps.is_empty() {
                <p class="muted small">{ "Each step's HTTP messages, cookie decisions, store lookups and verifications appear here, newest first." }</p>
            }
            { for steps.iter().enumerate().rev().map(|(i, s)| html! {
                <details class="sb-step" open={i + 1 == steps.len()}>
                    <summary><strong>{ format!("{}. {}", i + 1, capital(&s.title)) }</strong><span class="muted small">{ format!(" at {} UTC", clock(s.at)) }</span></summary>
                    <p class="sb-step-outcome">{ &s.outcome }</p>
                    <ol class="sb-events">{ for s.events.iter().map(event_html) }</ol>
                </details>
            }) }
        </section>
    }
}

#[function_component(ServersPane)]
fn servers_pane(props: &RunProps) -> Html {
    let snap = &props.run.snapshot;
    let m = &props.run.metrics;
    let session_list = |sessions: &[jwtlens_flows::Session]| {
        if sessions.is_empty() {
            html! { <p class="muted small">{ "no sessions" }</p> }
        } else {
            html! { <ul class="sb-list">{ for sessions.iter().map(|s| html! {
                <li><code>{ &s.id }</code>{ format!(" → {}, until {} UTC", s.user, clock(s.expires)) }</li>
            }) }</ul> }
        }
    };
    html! {
        <section class="panel sb-pane" id="sb-servers" aria-label="The servers">
            <div class="panel-head"><h2>{ "Servers" }</h2></div>
            <p class="sb-metrics" id="sb-metrics">
                { format!("State kept about users: {} bytes · last request: {} credential bytes, {} store lookup(s)", snap.server_state_bytes, m.credential_bytes, m.lookups) }
            </p>
            if let Some(shared) = &snap.shared_sessions {
                <h3>{ "Shared session store" }</h3>
                { session_list(shared) }
            }
            { for snap.servers.iter().map(|s| html! {
                <>
                <h3>{ &s.name }{ if s.restarts > 0 { format!(" (restarted {}×)", s.restarts) } else { String::new() } }</h3>
                if snap.shared_sessions.is_none() { { session_list(&s.sessions) } }
                </>
            }) }
            if !snap.refresh_tokens.is_empty() {
                <h3>{ "Refresh tokens" }</h3>
                <ul class="sb-list">{ for snap.refresh_tokens.iter().map(|r| html! {
                    <li><code>{ &r.id }</code>{ format!(" family {} · {}", r.family.get(..6).unwrap_or(&r.family), if r.revoked { "revoked" } else if r.used { "spent" } else { "live" }) }</li>
                }) }</ul>
            }
            <h3>{ "Deny-list" }</h3>
            if snap.deny_list.is_empty() && snap.revoked_users.is_empty() {
                <p class="muted small">{ "empty" }</p>
            } else {
                <ul class="sb-list">
                    { for snap.deny_list.iter().map(|d| html! { <li>{ format!("jti {} until {} UTC", d.jti, clock(d.until)) }</li> }) }
                    { for snap.revoked_users.iter().map(|(u, t)| html! { <li>{ format!("{u}: tokens issued until {} UTC", clock(*t)) }</li> }) }
                </ul>
            }
            <h3>{ "Signing keys" }</h3>
            <p class="small">{ snap.keys.iter().map(|k| format!("{}{}", k.kid, if k.active { " (active)" } else { "" })).collect::<Vec<_>>().join(", ") }</p>
            <h3>{ "The attacker holds" }</h3>
            if snap.stolen.is_empty() {
                <p class="muted small" id="sb-stolen">{ "nothing" }</p>
            } else {
                <ul class="sb-list" id="sb-stolen">{ for snap.stolen.iter().map(|s| html! {
                    <li>{ format!("{} — {}: ", s.what, s.header.name) }<code class="wrap">{ &s.header.value }</code></li>
                }) }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TableProps {
    table: Rc<Comparison>,
}

#[function_component(ComparisonTable)]
fn comparison_table(props: &TableProps) -> Html {
    let t = &props.table;
    html! {
        <section class="panel" id="sb-compare" aria-label="Comparison">
            <div class="panel-head"><h2>{ "The articles' comparison, measured" }</h2></div>
            <p class="small muted">{ "Each cell comes from running the same short scenario under each strategy with the options above; change an option and the table is measured again." }</p>
            <div class="sb-table-wrap">
                <table class="sb-table sb-compare">
                    <thead><tr><th>{ "Factor" }</th>{ for t.labels.iter().map(|l| html! { <th>{ *l }</th> }) }</tr></thead>
                    <tbody>
                        { for t.rows.iter().map(|r| html! {
                            <tr>
                                <th scope="row">{ r.factor }<div class="muted small">{ format!("Claim: {}", r.claim) }</div><div class="muted small">{ format!("Measured: {}", r.measured_by) }</div></th>
                                { for r.cells.iter().map(|c| html! { <td>{ c }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

const DEMO_KEY: &str = "jwtlens-demo-token";
/// A made-up token for the demonstration, never a user's.
const DEMO_TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIiwibm90ZSI6InRoaXMgaXMgYSBkZW1vIn0.c2lnbmF0dXJl";

/// What any script on this page can read from this page's localStorage, listed by a
/// separate function from the one that stored it.
fn read_all_local_storage() -> Result<Vec<(String, String)>, String> {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| String::from("localStorage is not available here"))?;
    let n = storage.length().map_err(|_| String::from("localStorage.length failed"))?;
    let mut out = Vec::new();
    for i in 0..n {
        if let Ok(Some(k)) = storage.key(i) {
            let v = storage.get_item(&k).ok().flatten().unwrap_or_default();
            out.push((k, v));
        }
    }
    Ok(out)
}

#[function_component(RealStorage)]
fn real_storage() -> Html {
    let read = use_state(|| None::<Result<Vec<(String, String)>, String>>);
    let store = {
        let read = read.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = s.set_item(DEMO_KEY, DEMO_TOKEN);
            }
            read.set(Some(read_all_local_storage()));
        })
    };
    let clear = {
        let read = read.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
                let _ = s.remove_item(DEMO_KEY);
            }
            read.set(Some(read_all_local_storage()));
        })
    };
    html! {
        <section class="panel" id="sb-real" aria-label="This page's real localStorage">
            <div class="panel-head"><h2>{ "For real: this page's localStorage" }</h2></div>
            <p class="small">{ "Everything above is simulated. This is not: the first button stores a made-up token in this page's own localStorage, then a different function, as any script running on this page could (an analytics tag, a browser extension, an injected XSS payload), lists every key with localStorage.key(i) and reads it back. Nothing is sent anywhere." }</p>
            <div class="sb-buttons">
                <button type="button" id="sb-real-store" class="button attack" onclick={store}>{ "Store a demo token, then read localStorage as another script" }</button>
                <button type="button" id="sb-real-clear" class="button" onclick={clear}>{ "Remove the demo token" }</button>
            </div>
            { match &*read {
                None => html! {},
                Some(Err(e)) => html! { <p class="key-error" id="sb-real-result">{ e }</p> },
                Some(Ok(items)) if items.is_empty() => html! { <p id="sb-real-result">{ "The script read localStorage and found nothing: it is empty again." }</p> },
                Some(Ok(items)) => html! {
                    <div id="sb-real-result">
                        <p><strong>{ format!("Another script on this page just read {} item(s) from localStorage:", items.len()) }</strong></p>
                        <ul class="sb-list">{ for items.iter().map(|(k, v)| html! { <li><code>{ k }</code>{ " = " }<code class="wrap">{ v }</code></li> }) }</ul>
                        <p class="small muted">{ "An HttpOnly cookie would not be in this list, nor in document.cookie: only the browser sends it, with requests." }</p>
                    </div>
                },
            } }
        </section>
    }
}
