//! The sandbox: play the sessions-vs-JWT story step by step. The page keeps
//! only the options and the list of steps; every render replays them in the
//! core's deterministic simulation (`jwtlens_flows`), so changing an option
//! ("what if SameSite=None?") replays the same story under it.

use std::rc::Rc;

use jwtlens_cookie::SameSite;
use jwtlens_flows::{compare, simulate, Comparison, Config, Run, Step, Strategy};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::view::capital;

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

/// A long cookie value as its start and its length (the full value is in the title).
fn short_value(v: &str) -> String {
    if v.len() <= 24 {
        return v.to_owned();
    }
    format!("{}… ({} bytes)", v.chars().take(14).collect::<String>(), v.len())
}

fn clock(t: jwtlens_flows::UnixTime) -> String {
    jwtlens::time::iso_utc(t.secs() as f64).and_then(|s| s.get(11..19).map(String::from)).unwrap_or_default()
}

mod panes;
mod storage;
mod table;

use panes::{BrowserPane, RequestsPane, ServersPane};
use storage::RealStorage;
use table::ComparisonTable;
