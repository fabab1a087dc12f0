//! How the page's two WebAssembly modules talk: the element the labs render
//! into (`#labs-root`, its `data-view` saying which lab shows), and two DOM
//! events on `window` — `jwtlens-view` (the page → the labs: show a view) and
//! `jwtlens-open` (the labs → the page: open this token in the decoder). The
//! labs module's script is named in `<meta name="jwtlens-labs">`, written by
//! web/postbuild.mjs, and added to the page the first time a lab is shown.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::state::View;

/// The page asks the labs to show a view.
pub const VIEW_EVENT: &str = "jwtlens-view";
/// The labs ask the page to open a token in the decoder.
pub const OPEN_EVENT: &str = "jwtlens-open";
/// The page asks the labs to show the JWE panel in `#jwe-root`; the request waits on `window`.
pub const JWE_EVENT: &str = "jwtlens-jwe";
/// The labs say they have started (and defined [`SECP256K1`]).
pub const READY_EVENT: &str = "jwtlens-labs-ready";
/// The labs' script could not load.
pub const FAILED_EVENT: &str = "jwtlens-labs-failed";
/// The labs' ES256K check on `window`: `(jwk, data, signature) → boolean` (see [`crate::webcrypto`]).
pub const SECP256K1: &str = "jwtlensVerifySecp256k1";
/// The page asks the labs to show the SD-JWT panel in `#sd-jwt-root`; the request waits on `window`.
pub const SD_JWT_EVENT: &str = "jwtlens-sd-jwt";

/// What the JWE panel shows: the pasted JWE and the key box's text.
#[derive(serde::Serialize, serde::Deserialize, Clone, PartialEq, Debug)]
pub struct JweRequest {
    /// The JWE as pasted.
    pub input: String,
    /// The key box: a private JWK or a PBES2 password.
    pub key: String,
}

/// What the SD-JWT panel judges: the pasted SD-JWT, the key box as the page
/// reads it, the Validator's policy fields and the time.
#[derive(serde::Serialize, serde::Deserialize, Clone, PartialEq, Debug)]
pub struct SdJwtRequest {
    /// The SD-JWT as pasted (`<JWT>~<D1>~…~[KB-JWT]`).
    pub input: String,
    /// The key box (the issuer's key, or empty).
    pub key: String,
    /// How the key box is read.
    pub key_mode: crate::state::KeyMode,
    /// The Validator's policy fields, as typed.
    pub policy: crate::state::PolicyInput,
    /// Now, in seconds.
    pub now: f64,
}

/// Where a request waits for the labs: properties of `window`, not DOM
/// attributes (the key box may hold a private JWK or a secret; attributes are
/// visible to CSS selectors and DOM snapshots).
const PENDING_JWE: &str = "jwtlensPendingJwe";
const PENDING_SD_JWT: &str = "jwtlensPendingSdJwt";

/// The page: show the JWE panel for `request` in `#jwe-root`, loading the labs
/// module the first time. The request waits on `window` until the labs take
/// it — at once, or when they start.
pub fn show_jwe(request: &JweRequest) {
    ask_labs(PENDING_JWE, JWE_EVENT, request);
}

/// The page: show the SD-JWT panel for `request` in `#sd-jwt-root`, as [`show_jwe`] does.
pub fn show_sd_jwt(request: &SdJwtRequest) {
    ask_labs(PENDING_SD_JWT, SD_JWT_EVENT, request);
}

/// The page: the same request at a new time (the clock's tick). Only to labs already
/// loading or loaded: the clock never loads the labs, so a script that failed (offline,
/// say) is not fetched again every 10 s — which would also tell the network, by its
/// rhythm, that an SD-JWT is open. The reader's next change retries.
pub fn refresh_sd_jwt(request: &SdJwtRequest) {
    if labs_added() {
        ask_labs(PENDING_SD_JWT, SD_JWT_EVENT, request);
    }
}

/// Whether the labs' script is in the document (loading or started; removed when it failed).
fn labs_added() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.get_element_by_id("labs-script").is_some())
}

fn ask_labs(pending: &str, event: &str, request: &impl serde::Serialize) {
    let (Some(window), Ok(detail)) = (web_sys::window(), serde_json::to_string(request)) else { return };
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str(pending), &JsValue::from_str(&detail));
    load_labs();
    dispatch(event, "");
}

/// The page: let the labs drop a JWE or SD-JWT panel whose place the page no
/// longer shows (the panel holds the key box's text). Nothing if the labs never loaded.
pub fn release_panels() {
    if labs_added() {
        dispatch(JWE_EVENT, "");
        dispatch(SD_JWT_EVENT, "");
    }
}

/// The labs: say they have started.
pub fn labs_ready() {
    dispatch(READY_EVENT, "");
}

/// The labs: the JWE request waiting on `window`, taken off it.
pub fn take_pending_jwe() -> Option<JweRequest> {
    take_pending(PENDING_JWE)
}

/// The labs: the SD-JWT request waiting on `window`, taken off it.
pub fn take_pending_sd_jwt() -> Option<SdJwtRequest> {
    take_pending(PENDING_SD_JWT)
}

fn take_pending<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(name);
    let pending = js_sys::Reflect::get(&window, &key).ok()?.as_string()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    serde_json::from_str(&pending).ok()
}

fn labs_root() -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id("labs-root")
}

fn dispatch(name: &str, detail: &str) {
    let Some(window) = web_sys::window() else { return };
    let init = CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// The detail of a bridge event, as text.
pub fn detail(event: &web_sys::Event) -> Option<String> {
    event.dyn_ref::<CustomEvent>()?.detail().as_string()
}

/// The page: show `view` — a lab in `#labs-root` (loading the labs module the
/// first time), or the decoder, with the labs hidden.
pub fn show(view: View) {
    let Some(root) = labs_root() else { return };
    let _ = root.set_attribute("data-view", view.word());
    if view == View::Decoder {
        let _ = root.set_attribute("hidden", "");
    } else {
        let _ = root.remove_attribute("hidden");
        load_labs();
    }
    dispatch(VIEW_EVENT, view.word());
}

/// Add the labs module's script once; it renders the view `data-view` names when it starts.
pub fn load_labs() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("labs-script").is_some() {
        return;
    }
    let Some(src) =
        document.query_selector("meta[name=\"jwtlens-labs\"]").ok().flatten().and_then(|m| m.get_attribute("content"))
    else {
        return;
    };
    let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) else { return };
    let _ = script.set_attribute("id", "labs-script");
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", &src);
    // If it cannot load (offline before the service worker cached it, say), or loads but
    // cannot start (its boot script then sends FAILED_EVENT too): say so where the labs or
    // the JWE and SD-JWT panels would be, drop waiting requests, and let a later view retry.
    gloo_events::EventListener::once(&script, "error", |_| dispatch(FAILED_EVENT, "")).forget();
    if let Some(window) = web_sys::window() {
        gloo_events::EventListener::once(&window, FAILED_EVENT, |_| labs_failed()).forget();
    }
    let _ = head.append_child(&script);
}

fn labs_failed() {
    let Some(window) = web_sys::window() else { return };
    if let Some(script) = window.document().and_then(|d| d.get_element_by_id("labs-script")) {
        script.remove();
    }
    for pending in [PENDING_JWE, PENDING_SD_JWT] {
        let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(pending));
    }
    let message = "This part of jwtlens could not be loaded (its script failed); reload the page to try again.";
    for id in ["jwe-root", "sd-jwt-root", "labs-root"] {
        if let Some(el) = window.document().and_then(|d| d.get_element_by_id(id)) {
            el.set_text_content(Some(message));
            let _ = el.set_attribute("role", "alert");
        }
    }
}

/// The labs: the view the page last asked for.
pub fn current_view() -> View {
    labs_root().and_then(|r| r.get_attribute("data-view")).and_then(|w| View::from_word(&w)).unwrap_or(View::Encoder)
}

/// The labs: open `token` in the decoder.
pub fn open_in_decoder(token: &str) {
    dispatch(OPEN_EVENT, token);
}
