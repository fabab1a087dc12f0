//! The key handle every verifying npm module of jwtlens shares: `importKey`,
//! what was imported (`summaryJson`), and the platform's signature
//! arithmetic as the core's [`jwtlens::verify::Backend`].
//!
//! Linked into the JWT module (`jwtlens`) and the SD-JWT module
//! (`jwtlens/sd-jwt`): each is its own wasm with its own memory, so each
//! imports the key into itself (`js/key.js` does that for a `JwtlensKey`
//! made by the other). Also the argument conversions both modules make
//! (`now`, the policy, a core error as JSON), so they are written once.

use serde::Serialize;
use wasm_bindgen::prelude::{wasm_bindgen, JsValue};

mod input;
pub use input::{input_buffer, input_memory, with_input};

/// Keys imported once and reused: a key or a JWK Set.
#[wasm_bindgen]
pub struct KeyHandle {
    set: jwtlens::key::KeySet,
    detected: jwtlens::key::Detected,
    platform: Option<PlatformVerify>,
}

#[wasm_bindgen]
extern "C" {
    /// The platform's signature arithmetic (Node.js: `crypto.verify`; WebCrypto
    /// through js/arithmetic.js):
    /// `(keyIndex, algIndex, data, signature, jwk) => 1 (valid) | 0 (invalid) | -1 (not handled)`.
    /// `algIndex` is the position in `jwtlens::alg::ALL`. `keyIndex` is the key's
    /// position in the handle's set, or 4294967295 for a key the token brought
    /// (an SD-JWT holder's `cnf.jwk`), which `jwk` then gives as JSON text (else
    /// `jwk` is undefined). The views into wasm memory are valid only during the call.
    #[wasm_bindgen(
        typescript_type = "(key: number, alg: number, data: Uint8Array, sig: Uint8Array, jwk: string | undefined) => number"
    )]
    pub type PlatformVerify;

    #[wasm_bindgen(method, catch, js_name = call)]
    fn call5(
        this: &PlatformVerify,
        ctx: &JsValue,
        key: u32,
        alg: u32,
        data: &[u8],
        sig: &[u8],
        jwk: Option<&str>,
    ) -> Result<f64, JsValue>;
}

/// [`PlatformVerify`] as the core's [`jwtlens::verify::Backend`].
pub struct Platform<'a>(&'a PlatformVerify);

impl core::fmt::Debug for Platform<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Platform")
    }
}

impl jwtlens::verify::Backend for Platform<'_> {
    fn verify(
        &self,
        alg: jwtlens::alg::Algorithm,
        which: jwtlens::verify::KeyRef,
        key: &jwtlens::key::Key,
        data: &[u8],
        sig: &[u8],
    ) -> Option<bool> {
        let alg_index = jwtlens::alg::ALL.iter().position(|a| *a == alg)?;
        // The JWK goes only with a key the token brought: decoding even an empty
        // string into JavaScript costs a TextDecoder call per verification.
        // On the wire a foreign key is index 2^32 - 1 (FOREIGN in js/arithmetic.js), which no set reaches.
        let (index, jwk) = match which {
            jwtlens::verify::KeyRef::Foreign => (u32::MAX, Some(key.to_jwk())),
            jwtlens::verify::KeyRef::InSet(i) => (u32::try_from(i).ok().filter(|i| *i != u32::MAX)?, None),
        };
        // A throwing callback is "not handled" (the core then says the platform must check it).
        match self.0.call5(&JsValue::NULL, index, alg_index as u32, data, sig, jwk.as_deref()) {
            Ok(1.0) => Some(true),
            Ok(0.0) => Some(false),
            _ => None,
        }
    }
}

/// A platform callback kept past the key handle's lifetime (a compiled verifier's).
pub struct OwnedPlatform(PlatformVerify);

impl OwnedPlatform {
    /// The callback as the core's backend.
    pub fn backend(&self) -> Platform<'_> {
        Platform(&self.0)
    }
}

impl KeyHandle {
    /// The imported key or key set.
    pub fn set(&self) -> &jwtlens::key::KeySet {
        &self.set
    }

    /// The platform arithmetic given with `setPlatform`, if any.
    pub fn platform(&self) -> Option<Platform<'_>> {
        self.platform.as_ref().map(Platform)
    }

    /// A second reference to the platform callback, for a handle that outlives this one.
    pub fn platform_owned(&self) -> Option<OwnedPlatform> {
        self.platform
            .as_ref()
            .map(|p| OwnedPlatform(wasm_bindgen::JsCast::unchecked_into(AsRef::<JsValue>::as_ref(p).clone())))
    }
}

#[derive(Serialize)]
struct KeySummary<'a> {
    detected: jwtlens::key::Detected,
    keys: Vec<KeyInfo>,
    skipped: &'a [jwtlens::key::KeyError],
}

#[derive(Serialize)]
struct KeyInfo {
    #[serde(rename = "type")]
    key_type: jwtlens::key::KeyType,
    bits: usize,
    kid: Option<String>,
    alg: Option<String>,
    description: String,
    thumbprint: String,
    /// The public key as a JWK; absent for secrets, which are never echoed.
    #[serde(skip_serializing_if = "Option::is_none")]
    jwk: Option<jwtlens::key::Jwk>,
}

#[wasm_bindgen]
impl KeyHandle {
    /// What was imported, as JSON text.
    #[wasm_bindgen(js_name = summaryJson)]
    pub fn summary_json(&self) -> String {
        let keys = self
            .set
            .keys()
            .iter()
            .map(|k| KeyInfo {
                key_type: k.key_type(),
                bits: k.bits(),
                kid: k.kid.clone(),
                alg: k.alg.clone(),
                description: k.describe(),
                thumbprint: k.thumbprint(),
                jwk: (k.key_type() != jwtlens::key::KeyType::Oct).then(|| k.jwk()),
            })
            .collect();
        serde_json::to_string(&KeySummary { detected: self.detected, keys, skipped: &self.set.skipped })
            .unwrap_or_default()
    }

    /// Hand the final arithmetic of RSA, ECDSA and EdDSA checks to the platform
    /// (see [`PlatformVerify`]); `undefined` returns it to the core.
    #[wasm_bindgen(js_name = setPlatform)]
    pub fn set_platform(&mut self, platform: Option<PlatformVerify>) {
        self.platform = platform;
    }
}

/// Import a key. `format`: "auto", "jwk", "pem" or "secret"; `encoding` (secrets):
/// "utf8", "base64", "base64url" or "hex". Throws the KeyError as JSON text.
#[wasm_bindgen(js_name = importKey)]
pub fn import_key(text: &str, format: &str, encoding: &str) -> Result<KeyHandle, String> {
    use jwtlens::key::{KeyInput, SecretEncoding};
    // The option the word was given as, and the core's sentence (which lists the known words).
    let bad = |option: &str, e: jwtlens::UnknownWord| json_error(&e.reported(format!("options.{option}: {e}")));
    let enc: SecretEncoding = encoding.parse().map_err(|e| bad("encoding", e))?;
    let input = KeyInput::from_words(format, enc).map_err(|e| bad("format", e))?;
    jwtlens::key::import_key(text, input)
        .map(|(set, detected)| KeyHandle { set, detected, platform: None })
        .map_err(|e| json_error(&e))
}

/// The facts of every algorithm of `jwtlens::alg::ALL`, in order (the
/// numbering of the platform callback's `algIndex`), as JSON: `name`,
/// `family`, `hashBits` (null for EdDSA and none), `curve` (null for HMAC
/// and RSA), `saltBytes` (RSASSA-PSS's salt, else null) and `webCrypto`
/// (WebCrypto's import and verify parameters as JSON text, null where it has
/// none). The faces build the platform's parameters from these instead of
/// keeping tables of their own.
#[wasm_bindgen(js_name = algorithmFacts)]
pub fn algorithm_facts() -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Facts {
        name: &'static str,
        family: jwtlens::alg::Family,
        hash_bits: Option<usize>,
        curve: Option<&'static str>,
        salt_bytes: Option<usize>,
        web_crypto: Option<[&'static str; 2]>,
    }
    let facts: Vec<Facts> = jwtlens::alg::ALL
        .iter()
        .map(|a| Facts {
            name: a.name(),
            family: a.family(),
            hash_bits: a.hash().map(|h| h.output_len() * 8),
            curve: a.curve(),
            salt_bytes: a.pss_salt_len(),
            web_crypto: a.webcrypto(),
        })
        .collect();
    serde_json::to_string(&facts).unwrap_or_else(|_| String::from("[]"))
}

/// Where an option named `name` belongs, as its path from the options
/// object (`policy.leeway`, `now`), when it is a policy member's name, a name
/// people write for one, or the time's ([`jwtlens::policy::place_of`]): how
/// the faces tell a caller who wrote `{ issuer }` beside the policy where it goes.
#[wasm_bindgen(js_name = optionPlace)]
pub fn option_place(name: &str) -> Option<String> {
    jwtlens::policy::place_of(name).map(|place| place.to_string())
}

/// The version of the core (the workspace's version, which every crate shares).
#[wasm_bindgen]
pub fn version() -> String {
    String::from(env!("CARGO_PKG_VERSION"))
}

/// A core error as the JSON text JS turns into a `JwtlensError`: the core's
/// serialization carries its `code` and `message`.
pub fn json_error(e: &impl Serialize) -> String {
    serde_json::to_string(e).unwrap_or_else(|e| e.to_string())
}

/// `options.now` checked by the core (finite, seconds not milliseconds).
pub fn now_seconds(now: f64) -> Result<jwtlens::time::NumericDate, String> {
    jwtlens::time::NumericDate::now(now).map_err(|e| format!("options.now {e}"))
}

/// [`now_seconds`] for an optional `now` (absent: the time checks are skipped).
pub fn now_argument(now: Option<f64>) -> Result<Option<jwtlens::time::NumericDate>, String> {
    now.map(now_seconds).transpose()
}

/// The policy's JSON contract is the core's ([`jwtlens::policy::Policy::from_json`]);
/// the faces only name where it was given. Empty text is the default policy.
/// Throws [`policy_error`]'s JSON.
pub fn policy_from_json(text: &str) -> Result<jwtlens::policy::Policy, String> {
    if text.is_empty() {
        return Ok(jwtlens::policy::Policy::default());
    }
    jwtlens::policy::Policy::from_json(text).map_err(|e| policy_error(&e))
}

/// A policy error as this face reports it (JSON text: `code` "bad_policy",
/// `reason`, `field`, and the sentence naming `options.policy.` members).
pub fn policy_error(e: &jwtlens::policy::PolicyError) -> String {
    let message = match e {
        // Where this face takes the time.
        jwtlens::policy::PolicyError::TimeInPolicy { name } => {
            format!("options.policy.{name} is not a policy field: give the time as options.now")
        }
        e => e.at("options.policy."),
    };
    json_error(&e.reported(message))
}
