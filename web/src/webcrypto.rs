//! The browser's WebCrypto as the core's public-key arithmetic.
//!
//! The page's first wasm module has no RSA, ECDSA or EdDSA arithmetic of
//! its own: the core makes every decision — which key, the algorithm against
//! the key, sizes, ROCA, signature lengths, ECDSA ranges, Ed25519's canonical
//! S and small orders — and asks a [`Backend`] only the last arithmetic step.
//! WebCrypto answers asynchronously, so the report is computed once with the
//! answers known so far: an unknown question is recorded and left unanswered
//! (the core then says "not checked", never "valid"); [`Platform::ask`] puts
//! the recorded questions to WebCrypto and, as answers arrive, the page
//! computes the report again with them. WebCrypto has no secp256k1: an ES256K
//! question goes to the labs module (loaded then if need be), whose core has
//! that arithmetic.

use core::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use jwtlens::alg::Algorithm;
use jwtlens::key::Key;
use jwtlens::verify::Backend;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// One question: is `sig` a signature of `data` under this public key for `alg`?
#[derive(Clone, PartialEq, Eq, Hash)]
struct Question {
    alg: Algorithm,
    jwk: String,
    data: Vec<u8>,
    sig: Vec<u8>,
}

#[derive(Default)]
struct Inner {
    /// WebCrypto's answers: `Some(valid)`, or `None` when it could not check (an unsupported key).
    answers: HashMap<Question, Option<bool>>,
    /// Asked by the core since the last [`Platform::ask`], answered or not.
    used: HashSet<Question>,
    /// Asked by the core, not yet put to WebCrypto.
    recorded: HashSet<Question>,
    /// Put to WebCrypto, answer pending: never recorded again.
    sent: HashSet<Question>,
    /// Bumped on every answer, so a memo keyed on it recomputes.
    version: u32,
}

/// The page's platform arithmetic: answers from WebCrypto, shared by the renders.
#[derive(Clone, Default)]
pub struct Platform(Rc<RefCell<Inner>>);

impl PartialEq for Platform {
    fn eq(&self, other: &Platform) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl core::fmt::Debug for Platform {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("WebCrypto")
    }
}

/// Past this many answers, those the latest report did not use are forgotten (a token
/// typed letter by letter asks a new question per change). An answer the latest report
/// used is never forgotten, so a report always settles, however many keys it tries.
const MAX_ANSWERS: usize = 1024;

impl Backend for Platform {
    fn verify(&self, alg: Algorithm, _: jwtlens::verify::KeyRef, key: &Key, data: &[u8], sig: &[u8]) -> Option<bool> {
        let q = Question { alg, jwk: key.to_jwk(), data: data.to_vec(), sig: sig.to_vec() };
        let mut inner = self.0.borrow_mut();
        let answer = inner.answers.get(&q).copied();
        if answer.is_none() && !inner.sent.contains(&q) {
            inner.recorded.insert(q.clone());
        }
        inner.used.insert(q);
        answer.flatten()
    }
}

impl Platform {
    /// Changes whenever an answer arrives.
    pub fn version(&self) -> u32 {
        self.0.borrow().version
    }

    /// Whether WebCrypto is still checking something.
    pub fn checking(&self) -> bool {
        let inner = self.0.borrow();
        !inner.sent.is_empty() || !inner.recorded.is_empty()
    }

    /// Put every recorded question to WebCrypto; `answered` runs after each answer arrives.
    pub fn ask(&self, answered: impl Fn() + Clone + 'static) {
        let questions: Vec<Question> = {
            let mut inner = self.0.borrow_mut();
            if inner.answers.len() > MAX_ANSWERS {
                let used = core::mem::take(&mut inner.used);
                inner.answers.retain(|q, _| used.contains(q));
            } else {
                inner.used.clear();
            }
            let questions: Vec<Question> = inner.recorded.drain().collect();
            inner.sent.extend(questions.iter().cloned());
            questions
        };
        for q in questions {
            let (this, answered) = (self.clone(), answered.clone());
            yew::platform::spawn_local(async move {
                let answer = check(&q).await;
                {
                    let mut inner = this.0.borrow_mut();
                    inner.sent.remove(&q);
                    inner.answers.insert(q, answer);
                    inner.version = inner.version.wrapping_add(1);
                }
                answered();
            });
        }
    }
}

/// The component's platform: what its renders ask the core's backend is put to
/// WebCrypto after each render, and the component renders again as answers arrive.
#[yew::hook]
pub fn use_platform() -> Platform {
    let platform = yew::use_state(Platform::default);
    let rerender = yew::use_force_update();
    {
        let platform = (*platform).clone();
        yew::use_effect(move || platform.ask(move || rerender.force_update()));
    }
    (*platform).clone()
}

/// Only the public parameters of the key's JWK: an `alg`, `use` or `key_ops`
/// would make WebCrypto refuse an import the core has already judged.
fn public_jwk(jwk: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(jwk).ok()?;
    let mut out = serde_json::Map::new();
    for name in ["kty", "crv", "n", "e", "x", "y"] {
        if let Some(m) = v.get(name) {
            out.insert(String::from(name), m.clone());
        }
    }
    serde_json::to_string(&out).ok()
}

fn object(json: &str) -> Option<js_sys::Object> {
    js_sys::JSON::parse(json).ok()?.dyn_into().ok()
}

/// The answer to `q`: `Some(valid)`, or `None` when it could not be checked
/// (the verdict then says "not checked", never "valid").
async fn check(q: &Question) -> Option<bool> {
    match q.alg {
        Algorithm::ES256K => secp256k1(q).await,
        _ => webcrypto(q).await,
    }
}

async fn webcrypto(q: &Question) -> Option<bool> {
    // The core's facts: WebCrypto's parameters, `None` for what it lacks (ES256K; HMAC is the core's).
    let [import, verify] = q.alg.webcrypto()?;
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let usages = js_sys::Array::of1(&JsValue::from_str("verify"));
    let imported =
        subtle.import_key_with_object("jwk", &object(&public_jwk(&q.jwk)?)?, &object(import)?, false, &usages);
    let key: web_sys::CryptoKey = JsFuture::from(imported.ok()?).await.ok()?.dyn_into().ok()?;
    let sig = js_sys::Uint8Array::from(q.sig.as_slice());
    let data = js_sys::Uint8Array::from(q.data.as_slice());
    let checked = subtle.verify_with_object_and_buffer_source_and_buffer_source(&object(verify)?, &key, &sig, &data);
    JsFuture::from(checked.ok()?).await.ok()?.as_bool()
}

/// An ES256K question, put to the labs module's core: the function it defines
/// on `window` (an own, read-only property: an element named like it cannot
/// stand in for it) once the labs have started — loaded now if need be.
/// No answer if they fail to load or start, or have not started within 30 s
/// (reloading the page tries again: a failed module is not run twice).
async fn secp256k1(q: &Question) -> Option<bool> {
    let window = web_sys::window()?;
    let name = JsValue::from_str(crate::bridge::SECP256K1);
    let defined = |w: &web_sys::Window| js_sys::Object::has_own(w, &name);
    if !defined(&window) {
        let started = js_sys::Promise::new(&mut |resolve, _| {
            for event in [crate::bridge::READY_EVENT, crate::bridge::FAILED_EVENT] {
                let resolve = resolve.clone();
                gloo_events::EventListener::once(&window, event, move |_| {
                    let _ = resolve.call0(&JsValue::NULL);
                })
                .forget();
            }
            gloo_timers::callback::Timeout::new(30_000, move || {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .forget();
        });
        crate::bridge::load_labs();
        JsFuture::from(started).await.ok()?;
        if !defined(&window) {
            return None;
        }
    }
    let verify: js_sys::Function = js_sys::Reflect::get(&window, &name).ok()?.dyn_into().ok()?;
    let (data, sig) = (js_sys::Uint8Array::from(q.data.as_slice()), js_sys::Uint8Array::from(q.sig.as_slice()));
    // `true` or `false` from the labs' core; anything else (it could not read the key) is no answer.
    verify.call3(&JsValue::NULL, &JsValue::from_str(&q.jwk), &data, &sig).ok()?.as_bool()
}
