//! The page's state: one reducer, one list of user intents.

use std::rc::Rc;

use yew::Reducible;

/// Everything the page knows. The report is derived from it, never stored.
#[derive(Clone, PartialEq)]
pub struct State {
    /// The text in the token box, exactly as typed or pasted.
    pub input: String,
    /// The current time in NumericDate seconds, read by the page (the core reads no clock).
    pub now: f64,
    /// The text in the key box.
    pub key: String,
    /// How the key box is to be read.
    pub key_mode: KeyMode,
    /// Which view is shown.
    pub view: View,
    /// Policy inputs: accepted issuers, audiences (comma-separated) and leeway in seconds, as typed.
    pub policy: PolicyInput,
}

/// The Validator's policy fields, as typed.
#[derive(Clone, PartialEq, Default, Debug, serde::Serialize, serde::Deserialize)]
pub struct PolicyInput {
    /// Accepted issuers, comma-separated.
    pub iss: String,
    /// Accepted audiences, comma-separated.
    pub aud: String,
    /// Leeway in seconds (empty: the default).
    pub leeway: String,
}

impl PolicyInput {
    fn list(s: &str) -> Vec<String> {
        s.split(',').map(str::trim).filter(|p| !p.is_empty()).map(String::from).collect()
    }

    /// The core's policy, `Ok(None)` when every field is empty, or why a field is unusable.
    pub fn to_policy(&self) -> Result<Option<jwtlens::policy::Policy>, String> {
        if self.iss.trim().is_empty() && self.aud.trim().is_empty() && self.leeway.trim().is_empty() {
            return Ok(None);
        }
        use jwtlens::policy::{seconds, Named, PolicyError, PolicyField, DEFAULT_LEEWAY};
        // The core's sentence, with the page's label for the one duration it has.
        let sentence = |e: PolicyError| {
            let sentence = e.render(&|name| match name {
                Named::Field(PolicyField::Leeway) => String::from("Leeway"),
                other => other.to_string(),
            });
            format!("{sentence}.")
        };
        let leeway = match self.leeway.trim() {
            "" => DEFAULT_LEEWAY,
            text => seconds(PolicyField::Leeway, text).map_err(sentence)?,
        };
        let p = jwtlens::policy::Policy {
            issuers: Self::list(&self.iss),
            audiences: Self::list(&self.aud),
            leeway,
            ..Default::default()
        };
        p.validate().map_err(sentence)?;
        Ok(Some(p))
    }
}

/// The page's views.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    /// Decoder and validator.
    Decoder,
    /// Encoder.
    Encoder,
    /// Cookie lab.
    Cookies,
    /// Sessions vs JWT sandbox.
    Sandbox,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [View::Decoder, View::Encoder, View::Cookies, View::Sandbox];

    /// Its name in ids (`tab-encoder`) and in the events between the page's two modules.
    pub fn word(self) -> &'static str {
        match self {
            View::Decoder => "decoder",
            View::Encoder => "encoder",
            View::Cookies => "cookies",
            View::Sandbox => "sandbox",
        }
    }

    /// The view named `word`.
    pub fn from_word(word: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.word() == word)
    }
}

/// How the key box is read: the core's [`jwtlens::key::KeyInput`].
pub type KeyMode = jwtlens::key::KeyInput;

/// The choices of the "Read as" selector, from the core: detection, then a
/// secret in each encoding; `(mode, form value, label)`.
pub fn key_modes() -> impl Iterator<Item = (KeyMode, &'static str, String)> {
    use jwtlens::key::{KeyInput, SecretEncoding};
    core::iter::once((KeyInput::Auto, "auto", String::from("Detect (PEM, JWK, JWKS, DER, or secret text)")))
        .chain(SecretEncoding::ALL.map(|e| (KeyInput::Secret(e), e.word(), format!("Secret, {}", e.label()))))
}

/// Every intent the user (or the clock) can have.
pub enum Action {
    /// The token box changed.
    SetInput(String),
    /// Load the example token.
    LoadExample,
    /// Empty the token box.
    Clear,
    /// The clock moved on.
    Tick(f64),
    /// The key box changed.
    SetKey(String),
    /// The key format selector changed.
    SetKeyMode(KeyMode),
    /// Load the example token's secret.
    LoadExampleKey,
    /// A policy field changed.
    SetPolicy(PolicyInput),
    /// Switch view.
    Show(View),
    /// Open a token (from the encoder) in the decoder.
    Open(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetInput(s) => next.input = s,
            Action::LoadExample => next.input = jwtlens::examples::EXAMPLE_TOKEN.to_owned(),
            Action::Clear => next.input.clear(),
            Action::Tick(now) => next.now = now,
            Action::SetKey(k) => next.key = k,
            Action::SetKeyMode(m) => next.key_mode = m,
            Action::Show(v) => next.view = v,
            Action::SetPolicy(p) => next.policy = p,
            Action::Open(token) => {
                next.input = token;
                next.view = View::Decoder;
            }
            Action::LoadExampleKey => {
                next.key = jwtlens::examples::EXAMPLE_SECRET.to_owned();
                next.key_mode = KeyMode::Auto;
            }
        }
        Rc::new(next)
    }
}

/// The current time from the browser's clock, in seconds.
pub fn browser_now() -> f64 {
    js_sys::Date::now() / 1000.0
}
