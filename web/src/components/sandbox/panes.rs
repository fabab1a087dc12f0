//! The three panes of a run: the browser, the requests, the servers.

use std::rc::Rc;

use jwtlens_flows::{Event as FlowEvent, EventKind, Run};
use yew::prelude::*;

use super::*;

#[derive(Properties, PartialEq)]
pub(super) struct RunProps {
    pub(super) run: Rc<Run>,
}

#[function_component(BrowserPane)]
pub(super) fn browser_pane(props: &RunProps) -> Html {
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
                                <td>{ c.expires.map(clock).unwrap_or_else(|| "session".into()) }</td>
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
pub(super) fn requests_pane(props: &RunProps) -> Html {
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
pub(super) fn servers_pane(props: &RunProps) -> Html {
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
