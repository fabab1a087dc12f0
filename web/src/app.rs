//! The page: layout, the clock, and the report derived from the state.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use jwtlens::key::{import_key, Detected, KeyError, KeySet};
use jwtlens::{inspect, Options, Report};
use yew::prelude::*;

use crate::bridge;
use crate::components::{
    ChecksPanel, Diagnostics, FindingsPanel, IncomingShare, KeyPanel, PartPanel, PolicyPanel, SignaturePanel,
    TimePanel, TokenInput, TokenView, VerdictBanner,
};
use crate::state::{browser_now, Action, KeyMode, PolicyInput, State, View};

/// Render the page into `#app`.
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State {
        input: String::new(),
        now: browser_now(),
        key: String::new(),
        key_mode: KeyMode::Auto,
        view: View::Decoder,
        policy: PolicyInput::default(),
    });
    let textarea = use_node_ref();
    // A token brought by a share link waits here until the person opens or discards it.
    let incoming = use_state(crate::components::take_shared_token);
    // A share link opened in a tab already on the page arrives as a fragment change.
    {
        let incoming = incoming.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = gloo_events::EventListener::new(&window, "hashchange", move |_| {
                if let Some(token) = crate::components::take_shared_token() {
                    incoming.set(Some(token));
                }
            });
            move || drop(listener)
        });
    }
    // The member lit up by hovering or focusing it (its span in the token).
    let highlight = use_state(|| None::<jwtlens::report::Span>);
    let on_highlight = {
        let highlight = highlight.clone();
        Callback::from(move |h| highlight.set(h))
    };

    // The clock ticks every 10 s so relative times stay true.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let interval = Interval::new(10_000, move || dispatch.dispatch(Action::Tick(browser_now())));
            move || drop(interval)
        });
    }

    // The key is imported once per change of the key box, not on every keystroke in the token box.
    let keys: Rc<Option<Result<(KeySet, Detected), KeyError>>> = {
        let (key, mode) = (state.key.clone(), state.key_mode);
        use_memo((key, mode), |(key, mode)| (!key.trim().is_empty()).then(|| import_key(key, *mode)))
    };
    let policy: Rc<Result<Option<jwtlens::policy::Policy>, String>> = use_memo(state.policy.clone(), |p| p.to_policy());
    // RSA, ECDSA and EdDSA arithmetic is the browser's WebCrypto (see crate::webcrypto):
    // its answers arrive after a render, and the report is computed again with them.
    // Asked after each render (this render's report; the SD-JWT panel, in the labs module, asks its own).
    let platform = crate::webcrypto::use_platform();
    let report: Rc<Report> = {
        let (input, now, keys, policy) = (state.input.clone(), state.now, keys.clone(), policy.clone());
        let backend = platform.clone();
        let answers = platform.version();
        use_memo(
            (input, now.to_bits(), state.key.clone(), state.key_mode, state.policy.clone(), answers),
            move |(input, ..)| {
                let set = keys.as_ref().as_ref().and_then(|r| r.as_ref().ok()).map(|(set, _)| set);
                let policy = policy.as_ref().as_ref().ok().and_then(Option::as_ref);
                // Date.now() is always finite; NumericDate::new says so in the type.
                // An SD-JWT: the core reports its issuer-signed JWT (with an sd_jwt notice, never
                // valid); the SD-JWT panel judges the whole.
                inspect(
                    input,
                    &Options {
                        now: jwtlens::time::NumericDate::new(now),
                        keys: set,
                        policy,
                        backend: Some(&backend as &dyn jwtlens::verify::Backend),
                        ..Options::default()
                    },
                )
            },
        )
    };
    let checking = platform.checking();
    // A JWE: ask the labs module (loaded now if need be) to decrypt it in #jwe-root.
    {
        let is_jwe = report.kind == jwtlens::token::Kind::Jwe;
        // The view too: back from a lab, the decoder's #jwe-root is a new, empty element.
        use_effect_with((is_jwe, state.input.clone(), state.key.clone(), state.view), |(is_jwe, input, key, view)| {
            if *is_jwe && *view == View::Decoder {
                bridge::show_jwe(&bridge::JweRequest { input: input.clone(), key: key.clone() });
            }
        });
    }
    // An SD-JWT: the labs module judges it too, in #sd-jwt-root, with the page's key, policy and time.
    let is_sd_jwt = report.notices.iter().any(|n| n.code == jwtlens::Code::SdJwt);
    {
        let request = bridge::SdJwtRequest {
            input: state.input.clone(),
            key: state.key.clone(),
            key_mode: state.key_mode,
            policy: state.policy.clone(),
            now: state.now,
        };
        // What the reader changed (the token, key, policy, view) may load the labs; the
        // clock's tick only refreshes a panel the labs already show (bridge::refresh_sd_jwt).
        let changed = (
            is_sd_jwt,
            request.input.clone(),
            request.key.clone(),
            request.key_mode,
            request.policy.clone(),
            state.view,
        );
        let first = request.clone();
        use_effect_with(changed, move |(is_sd_jwt, .., view)| {
            if *is_sd_jwt && *view == View::Decoder {
                bridge::show_sd_jwt(&first);
            }
            // A JWE or SD-JWT panel whose place is gone should not keep the key box's text.
            bridge::release_panels();
        });
        let view = state.view;
        use_effect_with(state.now.to_bits(), move |_| {
            if is_sd_jwt && view == View::Decoder {
                bridge::refresh_sd_jwt(&request);
            }
        });
    }
    let dispatch = state.dispatcher();
    let show = |v: View| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Show(v)))
    };
    // The labs live in their own module, shown in #labs-root; the page tells them which.
    use_effect_with(state.view, |view| bridge::show(*view));
    // The Encoder's "Open in decoder" comes back as an event.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = gloo_events::EventListener::new(&window, bridge::OPEN_EVENT, move |e| {
                if let Some(token) = bridge::detail(e) {
                    dispatch.dispatch(Action::Open(token));
                }
            });
            move || drop(listener)
        });
    }
    let empty = state.input.trim().is_empty();

    html! {
        <>
        <a class="skip-link" href="#main">{ "Skip to the content" }</a>
        <header class="top">
            <h1>{ "JWT Decoder & Validator" }</h1>
            <p class="tagline">
                <span class="badge" title="The page's Content-Security-Policy forbids network requests">{ "Offline" }</span>
                { " Decoded in your browser by jwtlens. The token never leaves this page: it is not sent, stored, or put in the URL." }
            </p>
        </header>
        <nav class="tabs" aria-label="Views">
            <button type="button" id="tab-decoder" class={classes!("tab", (state.view == View::Decoder).then_some("active"))}
                aria-pressed={(state.view == View::Decoder).to_string()} onclick={show(View::Decoder)}>{ "Decoder & Validator" }</button>
            <button type="button" id="tab-encoder" class={classes!("tab", (state.view == View::Encoder).then_some("active"))}
                aria-pressed={(state.view == View::Encoder).to_string()} onclick={show(View::Encoder)}>{ "Encoder" }</button>
            <button type="button" id="tab-cookies" class={classes!("tab", (state.view == View::Cookies).then_some("active"))}
                aria-pressed={(state.view == View::Cookies).to_string()} onclick={show(View::Cookies)}>{ "Cookie lab" }</button>
            <button type="button" id="tab-sandbox" class={classes!("tab", (state.view == View::Sandbox).then_some("active"))}
                aria-pressed={(state.view == View::Sandbox).to_string()} onclick={show(View::Sandbox)}>{ "Sessions vs JWT sandbox" }</button>
        </nav>
        if let Some(token) = (*incoming).clone() {
            <IncomingShare token={token.clone()}
                on_open={{
                    let (incoming, dispatch) = (incoming.clone(), dispatch.clone());
                    Callback::from(move |()| {
                        dispatch.dispatch(Action::Show(View::Decoder));
                        dispatch.dispatch(Action::SetInput(token.clone()));
                        incoming.set(None);
                    })
                }}
                on_discard={{
                    let incoming = incoming.clone();
                    Callback::from(move |()| incoming.set(None))
                }} />
        }
        if state.view == View::Decoder {
        <main id="main" tabindex="-1" class="layout">
                <section class="col input-col" aria-label="Token">
                    <TokenInput value={state.input.clone()} node={textarea.clone()} dispatch={dispatch.clone()} />
                    <KeyPanel value={state.key.clone()} mode={state.key_mode} imported={keys.clone()} dispatch={dispatch.clone()} />
                <PolicyPanel value={state.policy.clone()} error={policy.as_ref().as_ref().err().cloned()} dispatch={dispatch.clone()} />
                    if !empty {
                        <TokenView input={state.input.clone()} report={report.clone()} highlight={*highlight} on_highlight={on_highlight.clone()} />
                        <Diagnostics input={state.input.clone()} report={report.clone()} textarea={textarea.clone()} />
                    }
                </section>
                <section class="col output-col" aria-label="Decoded token" aria-live="polite">
                    if empty {
                        <div class="placeholder">
                            <p>{ "Paste a JSON Web Token on the left, or load the example." }</p>
                            <p class="muted">{ "jwtlens shows the header and claims, explains every registered field, tells whether the token has expired, and points at the exact byte of anything malformed." }</p>
                        </div>
                    } else {
                        if report.kind == jwtlens::token::Kind::Jwe {
                            // Decryption lives in the labs module, which renders its panel here.
                            <div class="panel-host"><div id="jwe-root"></div></div>
                        }
                        if is_sd_jwt {
                            // The SD-JWT panel lives in the labs module too, rendered here.
                            <div class="panel-host"><div id="sd-jwt-root"></div></div>
                        }
                        <Summary report={report.clone()} />
                        <VerdictBanner report={report.clone()} {checking} />
                        <ChecksPanel report={report.clone()} />
                    <FindingsPanel report={report.clone()} />
                        if let Some(t) = report.time.clone() {
                            <TimePanel time={t} />
                        }
                        if let Some(h) = report.header.clone() {
                            <PartPanel title="Header" class="part-header" part={h} highlight={*highlight} on_highlight={on_highlight.clone()} />
                        } else {
                            <Undecoded title="Header" class="part-header" />
                        }
                        if let Some(p) = report.payload.clone() {
                            <PartPanel title="Payload" class="part-payload" part={p} highlight={*highlight} on_highlight={on_highlight.clone()} />
                        } else if report.kind != jwtlens::token::Kind::Jwe {
                            <Undecoded title="Payload" class="part-payload" />
                        }
                        if let Some(s) = report.signature.clone() {
                            <SignaturePanel signature={s} algorithm={report.algorithm.clone()} verification={report.verification.clone()} />
                        }
                    }
                </section>
            </main>
        }
        <footer class="foot muted">
            { format!("jwtlens {} · keys stay in this page like tokens do · ", report.jwtlens) }
            { "no cookies, no storage (unless you press the sandbox's localStorage demo), no network" }
        </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    report: Rc<Report>,
}

/// One line on what the input is.
#[function_component(Summary)]
fn summary(props: &SummaryProps) -> Html {
    let r = &props.report;
    let kind = r.kind.title();
    let alg = r
        .algorithm
        .as_ref()
        .map(|a| format!(" · {}{}", a.name, a.description.map(|d| format!(": {d}")).unwrap_or_default()));
    let class = if r.errors.is_empty() { "summary ok" } else { "summary bad" };
    let errors = match r.errors.len() {
        0 => String::from("decodes cleanly"),
        1 => String::from("1 error"),
        n => format!("{n} errors"),
    };
    html! {
        <div class={class} id="summary">
            <strong>{ kind }</strong>{ alg.unwrap_or_default() }{ " · " }{ errors }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct UndecodedProps {
    title: AttrValue,
    class: AttrValue,
}

/// A part that could not be decoded: the errors list says why and where.
#[function_component(Undecoded)]
fn undecoded(props: &UndecodedProps) -> Html {
    html! {
        <section class={classes!("panel", "undecoded", props.class.to_string())} id={format!("panel-{}", props.title.to_ascii_lowercase())} aria-label={props.title.clone()}>
            <div class="panel-head"><h2>{ &props.title }</h2></div>
            <p class="muted">{ "Could not be decoded: see the errors beside the token for where and why." }</p>
        </section>
    }
}
