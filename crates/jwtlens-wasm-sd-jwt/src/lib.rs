//! WebAssembly bindings of the core's SD-JWT verification (RFC 9901): the
//! npm subpath `jwtlens/sd-jwt`, kept out of the JWT module so that
//! verifying a JWT does not load disclosure processing and the JSON value
//! machinery it needs (the JWT wasm is ~20% smaller without it).
//!
//! Each export takes and returns strings; `js/sd-jwt.js` in jwtlens-wasm
//! turns them into plain objects and `JwtlensError`s. Keys are imported with
//! the `importKey` every verifying module shares (`jwtlens-wasm-key`).

// A faster allocator than Rust's default for wasm (dlmalloc); single-threaded wasm only.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use wasm_bindgen::prelude::wasm_bindgen;

pub use jwtlens_wasm_key::{import_key, KeyHandle};
use jwtlens_wasm_key::{json_error, now_seconds, policy_from_json};

/// `verifySdJwt(text, key, now, policy, keyBinding)`: the core's SD-JWT report
/// (RFC 9901) as JSON text. `policy` and `keyBinding` are JSON text or empty.
#[wasm_bindgen(js_name = verifySdJwtJson)]
pub fn verify_sd_jwt_json(
    text: &str,
    key: &KeyHandle,
    now: f64,
    policy: &str,
    key_binding: &str,
) -> Result<String, String> {
    let now = now_seconds(now)?;
    let policy = policy_from_json(policy)?;
    let kb: jwtlens::sdjwt::KeyBinding = if key_binding.is_empty() {
        jwtlens::sdjwt::KeyBinding::default()
    } else {
        serde_json::from_str(key_binding).map_err(|e| format!("options.keyBinding: {e}"))?
    };
    let platform = key.platform();
    let backend = platform.as_ref().map(|p| p as &dyn jwtlens::verify::Backend);
    let report = jwtlens::sdjwt::verify_with(text, key.set(), &policy, now, &kb, backend);
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// `decodeSdJwt(text)`: the disclosures and the payload they make, unverified, as
/// JSON text; throws the SdJwtError (`{code, message, at?}`) when the text is no SD-JWT.
#[wasm_bindgen(js_name = decodeSdJwtJson)]
pub fn decode_sd_jwt_json(text: &str) -> Result<String, String> {
    match jwtlens::sdjwt::decode_unverified(text) {
        Ok(u) => serde_json::to_string(&u).map_err(|e| e.to_string()),
        Err(e) => Err(json_error(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_an_sd_jwt_is_a_located_error() {
        let e = decode_sd_jwt_json("a.b.c").unwrap_err();
        assert!(e.contains(r#""code":"format""#), "{e}");
    }
}
