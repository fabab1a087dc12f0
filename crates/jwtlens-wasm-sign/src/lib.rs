//! WebAssembly bindings of the core's signing and key generation: the npm
//! subpath `jwtlens/sign`, kept out of the JWT module so that verifying a
//! token does not load private-key parsing, nonce generation and key
//! generation for six curves.
//!
//! Each export takes and returns strings; `js/sign.js` in jwtlens-wasm turns
//! them into plain objects and `JwtlensError`s. A core error crosses as the
//! core's own JSON (`{code, stage, message}`).

// A faster allocator than Rust's default for wasm (dlmalloc); single-threaded wasm only.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
use wasm_bindgen::prelude::wasm_bindgen;

/// A core result or error as JSON text: its own serialization, the contract's.
fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| e.to_string())
}

fn parse_alg(alg: &str) -> Result<jwtlens::alg::Algorithm, String> {
    alg.parse().map_err(|e: jwtlens::alg::UnknownAlgorithm| format!("{alg:?}: {e}"))
}

/// `generateKey(alg)`: `{"alg","privateJwk","publicJwk","thumbprint"}` as JSON text, from the platform's CSPRNG.
#[wasm_bindgen(js_name = generateKeyJson)]
pub fn generate_key_json(alg: &str) -> Result<String, String> {
    let alg = parse_alg(alg)?;
    let key = jwtlens::sign::generate(alg, &mut rand_core::OsRng).map_err(|e| json(&e))?;
    serde_json::to_string(&jwtlens::sign::GeneratedKey::new(alg, &key)).map_err(|e| e.to_string())
}

/// `sign(alg, header, claims, key)`: the compact JWS. `key` is a private PEM,
/// a private JWK (text) or an HMAC secret as text.
#[wasm_bindgen(js_name = signToken)]
pub fn sign_token(alg: &str, header: &str, claims: &str, key: &str) -> Result<String, String> {
    let alg = parse_alg(alg)?;
    let key = jwtlens::sign::import_signing_key(key).map_err(|e| json(&e))?;
    jwtlens::sign::sign(alg, header, claims, &key, &mut rand_core::OsRng).map_err(|e| json(&e))
}

/// `issueSdJwt(alg, claims, options, key)`: `{"sdJwt","disclosures"}` as JSON text
/// (RFC 9901 §4–§5; `options` is the core's `Issue` as JSON text).
#[wasm_bindgen(js_name = issueSdJwt)]
pub fn issue_sd_jwt(alg: &str, claims: &str, options: &str, key: &str) -> Result<String, String> {
    let alg = parse_alg(alg)?;
    let options: jwtlens::sdjwt::Issue = serde_json::from_str(options).map_err(|e| format!("options: {e}"))?;
    let key = jwtlens::sign::import_signing_key(key).map_err(|e| json(&e))?;
    let issued = jwtlens::sdjwt::issue(alg, claims, &options, &key, &mut rand_core::OsRng).map_err(|e| json(&e))?;
    Ok(json(&issued))
}

/// `presentSdJwt(issued, keep, bind)`: the presentation. `keep` is a JSON list of claim
/// names; `bind` is empty or `{"key","alg","nonce","audience","iat"}` for a Key Binding JWT.
#[wasm_bindgen(js_name = presentSdJwt)]
pub fn present_sd_jwt(issued: &str, keep: &str, bind: &str) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct BindJs {
        key: String,
        alg: String,
        nonce: String,
        audience: String,
        iat: f64,
    }
    let keep: Vec<String> = serde_json::from_str(keep).map_err(|e| format!("keep: {e}"))?;
    let keep: Vec<&str> = keep.iter().map(String::as_str).collect();
    if bind.is_empty() {
        return jwtlens::sdjwt::present(issued, &keep, None, &mut rand_core::OsRng).map_err(|e| json(&e));
    }
    let b: BindJs = serde_json::from_str(bind).map_err(|e| format!("options.keyBinding: {e}"))?;
    let key = jwtlens::sign::import_signing_key(&b.key).map_err(|e| json(&e))?;
    let iat = jwtlens::time::NumericDate::now(b.iat).map_err(|e| format!("options.keyBinding.iat {e}"))?;
    let bind = jwtlens::sdjwt::Bind { key: &key, alg: parse_alg(&b.alg)?, nonce: &b.nonce, audience: &b.audience, iat };
    jwtlens::sdjwt::present(issued, &keep, Some(&bind), &mut rand_core::OsRng).map_err(|e| json(&e))
}

/// `decryptJwe(text, key, isPassword)`: the decrypted JWE as JSON text — header, alg,
/// enc, steps, findings, nested, the plaintext as text (`null` when not UTF-8) and as
/// base64url. `key` is a private JWK (text) or, with `isPassword`, a PBES2 password.
#[wasm_bindgen(js_name = decryptJwe)]
pub fn decrypt_jwe(text: &str, key: &str, is_password: bool) -> Result<String, String> {
    let key = if is_password {
        jwtlens::jwe::DecryptionKey::password(key)
    } else {
        jwtlens::jwe::DecryptionKey::from_jwk(key).map_err(|e| json(&e))?
    };
    let d = jwtlens::jwe::decrypt(text, &key).map_err(|e| json(&e))?;
    Ok(json(&d))
}

/// `encryptJwe(plaintext, options, key, isPassword)`: a compact JWE of the UTF-8
/// `plaintext`. `options` is JSON text (`{ alg, enc, zip?, cty?, kid?, p2c? }`, the
/// core's [`jwtlens::jwe::Encrypt`]); `key` a JWK (text: `oct`, or a public RSA, EC or
/// X25519 key) or, with `isPassword`, a PBES2 password.
#[wasm_bindgen(js_name = encryptJwe)]
pub fn encrypt_jwe(plaintext: &[u8], options: &str, key: &str, is_password: bool) -> Result<String, String> {
    let options: jwtlens::jwe::Encrypt =
        serde_json::from_str(options).map_err(|e| json(&jwtlens::jwe::JweError::Format(format!("options: {e}"))))?;
    let key = if is_password {
        jwtlens::jwe::EncryptionKey::password(key)
    } else {
        jwtlens::jwe::EncryptionKey::from_jwk(key).map_err(|e| json(&e))?
    };
    jwtlens::jwe::encrypt(plaintext, &options, &key, &mut rand_core::OsRng).map_err(|e| json(&e))
}

/// The version of the core.
#[wasm_bindgen]
pub fn version() -> String {
    String::from(env!("CARGO_PKG_VERSION"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_as_the_cores_json() {
        let e = sign_token("HS256", r#"{"alg":"HS256"}"#, "{}", "short").unwrap_err();
        let v: serde_json::Value = serde_json::from_str(&e).unwrap();
        assert_eq!(v["code"], "sign_error");
        assert!(v["message"].as_str().unwrap().contains("32 bytes"), "{v}");
        assert!(generate_key_json("HS999").unwrap_err().contains("not a JWS algorithm"));
        let key: serde_json::Value = serde_json::from_str(&generate_key_json("ES256").unwrap()).unwrap();
        let token = sign_token("ES256", r#"{"alg":"ES256"}"#, r#"{"a":1}"#, &key["privateJwk"].to_string()).unwrap();
        assert_eq!(token.split('.').count(), 3);
    }
}
