//! The labs module: the Encoder, the Cookie lab and the Sandbox, rendered
//! into `#labs-root` when the page shows one of them (see [`crate::bridge`]).

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use yew::prelude::*;

use crate::bridge;
use crate::components::{CookieLab, Encoder, JwePanel, JweProps, Sandbox, SdJwtPanel, SdJwtProps};
use crate::state::{browser_now, View};

/// Render the labs into `#labs-root`, and the JWE and SD-JWT panels into
/// `#jwe-root` and `#sd-jwt-root` whenever the page asks.
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("labs-root"));
    if let Some(root) = root {
        yew::Renderer::<Labs>::with_root(root).render();
    }
    show_jwe();
    show_sd_jwt();
    if let Some(window) = web_sys::window() {
        EventListener::new(&window, bridge::JWE_EVENT, |_| show_jwe()).forget();
        EventListener::new(&window, bridge::SD_JWT_EVENT, |_| show_sd_jwt()).forget();
        // Read-only and fixed, so no later script can answer in its place.
        let verify = wasm_bindgen::closure::Closure::<dyn Fn(String, Vec<u8>, Vec<u8>) -> Option<bool>>::new(secp256k1);
        let descriptor = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&descriptor, &"value".into(), verify.as_ref());
        let _ = js_sys::Object::define_property(&window, &bridge::SECP256K1.into(), &descriptor);
        verify.forget();
        bridge::labs_ready();
    }
}

/// The first module's ES256K questions (WebCrypto has no secp256k1): is `sig` an
/// ES256K signature of `data` under the public JWK `jwk`? This module's core
/// has the arithmetic (the `labs` feature); only a valid signature says `true`,
/// and a key it cannot read is no answer (`undefined`), not "invalid".
fn secp256k1(jwk: String, data: Vec<u8>, sig: Vec<u8>) -> Option<bool> {
    let keys = jwtlens::key::Key::import(&jwk).ok()?;
    let key = keys.keys().first()?;
    Some(jwtlens::verify::verify_signature(jwtlens::alg::Algorithm::ES256K, key, &data, &sig).is_ok())
}

type Mounted<C> = core::cell::RefCell<Option<(web_sys::Element, yew::AppHandle<C>)>>;

thread_local! {
    /// The JWE panel and the element it renders into (the page may replace the element).
    static JWE: Mounted<JwePanel> = const { core::cell::RefCell::new(None) };
    /// The SD-JWT panel and its element.
    static SD_JWT: Mounted<SdJwtPanel> = const { core::cell::RefCell::new(None) };
}

/// Render `C` with `props` into the element `id`, or update it there if it is already mounted on it.
fn mount<C: BaseComponent>(cell: &'static std::thread::LocalKey<Mounted<C>>, id: &str, props: C::Properties) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    cell.with(|cell| {
        let mut cell = cell.borrow_mut();
        match cell.as_mut() {
            Some((host, app)) if host.is_same_node(Some(&root)) => app.update(props),
            _ => {
                if let Some((_, old)) = cell.take() {
                    old.destroy();
                }
                let app = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
                *cell = Some((root, app));
            }
        }
    });
}

/// Render (or update) the SD-JWT panel for the request waiting on `window`;
/// with none, drop a panel whose element the page has removed.
fn show_sd_jwt() {
    match bridge::take_pending_sd_jwt() {
        Some(request) => mount(&SD_JWT, "sd-jwt-root", SdJwtProps { request }),
        None => release(&SD_JWT),
    }
}

/// Destroy the panel in `cell` if its element is no longer in the page (it holds the key box's text).
fn release<C: BaseComponent>(cell: &'static std::thread::LocalKey<Mounted<C>>) {
    cell.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().is_some_and(|(host, _)| !host.is_connected()) {
            if let Some((_, app)) = cell.take() {
                app.destroy();
            }
        }
    });
}

/// Render (or update) the JWE panel for the request waiting on `window`.
fn show_jwe() {
    let Some(request) = bridge::take_pending_jwe() else { return release(&JWE) };
    let props = JweProps {
        input: request.input,
        key_text: request.key,
        on_open: Callback::from(|token: String| bridge::open_in_decoder(&token)),
    };
    mount(&JWE, "jwe-root", props);
}

#[function_component(Labs)]
fn labs() -> Html {
    let view = use_state(bridge::current_view);
    let now = use_state(browser_now);
    {
        let view = view.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = EventListener::new(&window, bridge::VIEW_EVENT, move |e| {
                if let Some(v) = bridge::detail(e).as_deref().and_then(View::from_word) {
                    view.set(v);
                }
            });
            move || drop(listener)
        });
    }
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            let interval = Interval::new(10_000, move || now.set(browser_now()));
            move || drop(interval)
        });
    }
    let open = Callback::from(|token: String| bridge::open_in_decoder(&token));
    html! {
        <div class="labs">
            { match *view {
                View::Encoder => html! { <Encoder on_open={open} now={*now} /> },
                View::Cookies => html! { <CookieLab now={*now} /> },
                View::Sandbox => html! { <Sandbox /> },
                View::Decoder => html! {},
            } }
        </div>
    }
}
