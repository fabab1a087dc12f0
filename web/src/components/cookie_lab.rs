//! The cookie lab: type Set-Cookie lines and a request; see what the jar stored and,
//! for each cookie, whether it is sent and why. All decisions are the core's.

use jwtlens_cookie::{Destination, Request, ThirdPartyCookies, Url};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The current time, seconds.
    pub now: f64,
}

#[derive(Clone, PartialEq)]
struct Lab {
    lines: String,
    from: String,
    url: String,
    method: String,
    site: String,
    frames: String,
    context: String,
    third_party: String,
}

impl Default for Lab {
    fn default() -> Lab {
        Lab {
            lines: String::from("sid=abc123; Secure; HttpOnly; SameSite=Lax; Path=/\ntheme=dark; Path=/\nprefs=1; Secure; SameSite=Strict\n__Host-csrf=xyz; Secure; Path=/\ntrack=1; Domain=co.uk"),
            from: String::from("https://bank.example/login"),
            url: String::from("https://bank.example/transfer"),
            method: String::from("POST"),
            site: String::from("https://evil.example"),
            frames: String::new(),
            context: String::from("subresource"),
            third_party: String::from(ThirdPartyCookies::default().word()),
        }
    }
}

struct Run {
    outcomes: Vec<(String, String, bool)>,
    verdicts: Vec<jwtlens_cookie::CookieVerdict>,
    header: Option<String>,
    error: Option<String>,
}

/// Each line, the jar's sentence for it, and whether it was accepted.
fn outcomes(set: Vec<jwtlens_cookie::Stored>) -> Vec<(String, String, bool)> {
    set.into_iter().map(|s| (s.line, s.result.to_string(), s.result.accepted())).collect()
}

fn run(lab: &Lab, now: jwtlens_cookie::UnixTime) -> Run {
    let third_party: ThirdPartyCookies = lab.third_party.parse().unwrap_or_default();
    let mut out = Run { outcomes: Vec::new(), verdicts: Vec::new(), header: None, error: None };
    let origin = match Request::navigate(&lab.from) {
        Ok(r) => r,
        Err(e) => {
            out.error = Some(format!("Set by: {e}"));
            return out;
        }
    };
    let url = match Url::parse(&lab.url) {
        Ok(u) => u,
        Err(e) => {
            // The store outcomes still show; only the request cannot be judged.
            out.outcomes = outcomes(jwtlens_cookie::replay(&lab.lines, &origin, &origin, now, third_party).set);
            out.error = Some(format!("Request URL: {e}"));
            return out;
        }
    };
    let site = if lab.site.trim().is_empty() { None } else { Url::parse(&lab.site).ok() };
    let mut frames = Vec::new();
    for text in lab.frames.split([',', '\n', ' ']).filter(|t| !t.trim().is_empty()) {
        match Url::parse(text.trim()) {
            Ok(u) => frames.push(u),
            Err(e) => {
                out.error = Some(format!("Frame {text:?}: {e}"));
                return out;
            }
        }
    }
    let destination = match lab.context.as_str() {
        "subresource" => Destination::Fetch,
        "image" => Destination::Image,
        _ => Destination::Document,
    };
    let req = Request {
        url,
        method: lab.method.clone(),
        from_script: lab.context == "script",
        site_for_cookies: site,
        top_level: lab.context == "navigation",
        frames,
        destination,
    };
    let run = jwtlens_cookie::replay(&lab.lines, &origin, &req, now, third_party);
    out.outcomes = outcomes(run.set);
    out.verdicts = run.cookies;
    out.header = run.header;
    out
}

#[function_component(CookieLab)]
pub fn cookie_lab(props: &Props) -> Html {
    let lab = use_state(Lab::default);
    let result = run(&lab, jwtlens_cookie::UnixTime::from_secs(props.now.floor() as i64));
    let edit = |f: fn(&mut Lab, String)| {
        let lab = lab.clone();
        Callback::from(move |e: Event| {
            let value = if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                t.value()
            } else if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                s.value()
            } else {
                e.target_unchecked_into::<HtmlInputElement>().value()
            };
            let mut next = (*lab).clone();
            f(&mut next, value);
            lab.set(next);
        })
    };
    let header_label = if lab.context == "script" { "document.cookie" } else { "Cookie header" };
    html! {
        <main id="main" tabindex="-1" class="layout cookie-lab">
            <section class="col" aria-label="Cookies and request">
                <label for="lab-lines" class="label">{ "Set-Cookie lines, one per line" }</label>
                <textarea id="lab-lines" rows="7" spellcheck="false" value={lab.lines.clone()} oninput={edit(|l, v| l.lines = v).reform(|e: InputEvent| e.into())} />
                <div class="policy-grid">
                    <label for="lab-from" class="small">{ "Set by a response from" }</label>
                    <input id="lab-from" type="text" value={lab.from.clone()} oninput={edit(|l, v| l.from = v).reform(|e: InputEvent| e.into())} />
                    <label for="lab-url" class="small">{ "Then a request to" }</label>
                    <input id="lab-url" type="text" value={lab.url.clone()} oninput={edit(|l, v| l.url = v).reform(|e: InputEvent| e.into())} />
                    <label for="lab-method" class="small">{ "Method" }</label>
                    <select id="lab-method" onchange={edit(|l, v| l.method = v)}>
                        { for ["GET", "POST"].iter().map(|m| html! { <option value={*m} selected={lab.method == *m}>{ *m }</option> }) }
                    </select>
                    <label for="lab-site" class="small">{ "The page in the tab (empty: the request's own site)" }</label>
                    <input id="lab-site" type="text" value={lab.site.clone()} oninput={edit(|l, v| l.site = v).reform(|e: InputEvent| e.into())} />
                    <label for="lab-frames" class="small">{ "Inside frames (outermost first)" }</label>
                    <input id="lab-frames" type="text" placeholder="https://ads.example/frame" value={lab.frames.clone()} oninput={edit(|l, v| l.frames = v).reform(|e: InputEvent| e.into())} />
                    <label for="lab-context" class="small">{ "As" }</label>
                    <select id="lab-context" onchange={edit(|l, v| l.context = v)}>
                        { for [("navigation", "a top-level navigation (a link, or a form that navigates)"), ("subresource", "a fetch, XHR or script (subresource)"), ("image", "an image or video (subresource)"), ("frame", "a page loaded in a frame"), ("script", "document.cookie (script)")].iter().map(|(v, t)| html! {
                            <option value={*v} selected={lab.context == *v}>{ *t }</option>
                        }) }
                    </select>
                    <label for="lab-third-party" class="small">{ "Third-party cookies" }</label>
                    <select id="lab-third-party" onchange={edit(|l, v| l.third_party = v)}>
                        { for [(ThirdPartyCookies::Blocked, "blocked (Chromium's default in a fresh profile)"), (ThirdPartyCookies::Allowed, "allowed")].iter().map(|(v, t)| html! {
                            <option value={v.word()} selected={lab.third_party == v.word()}>{ *t }</option>
                        }) }
                    </select>
                </div>
            </section>
            <section class="col" aria-label="Verdicts" aria-live="polite">
                if let Some(e) = &result.error {
                    <p class="key-error" role="alert">{ e }</p>
                }
                <section class="panel" id="lab-stored">
                    <div class="panel-head"><h2>{ "What the jar did" }</h2></div>
                    <ul class="findings">
                        { for result.outcomes.iter().map(|(line, what, ok)| html! {
                            <li class={classes!("finding", if *ok { "sev-info" } else { "sev-high" })}><code>{ line }</code><p class="message">{ what }</p></li>
                        }) }
                    </ul>
                </section>
                <section class="panel" id="lab-verdicts">
                    <div class="panel-head"><h2>{ "Sent with the request?" }</h2></div>
                    <ul class="findings">
                        { for result.verdicts.iter().map(|v| html! {
                            <li class={classes!("finding", if v.sent { "sev-info" } else { "sev-medium" })}>
                                <span class="sev">{ if v.sent { "SENT" } else { "NOT SENT" } }</span>
                                <code>{ format!("{} (domain {}, path {})", v.name, v.domain, v.path) }</code>
                                <p class="message">{ &v.message }</p>
                            </li>
                        }) }
                    </ul>
                    <p id="lab-header"><strong>{ format!("{header_label}: ") }</strong><code>{ result.header.clone().unwrap_or_else(|| "(nothing)".into()) }</code></p>
                </section>
                <p class="small muted">{ "RFC 6265bis, with Chromium's choices where the draft leaves one (SameSite unset = Lax, Lax-allowing-unsafe, loopback counts as secure, third-party cookies blocked unless you allow them); checked against real Chromium on 258 scenarios (frames and mixed content included). Simulated in this page; no cookie is really set." }</p>
            </section>
        </main>
    }
}
