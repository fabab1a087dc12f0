//! ES256K's arithmetic as a wasm module of its own, for the npm package.
//!
//! WebCrypto has no secp256k1, nor has Bun's BoringSSL; Node's OpenSSL has.
//! Rather than every user of the JWT and SD-JWT modules carrying secp256k1
//! (about 9 KB of their gzipped wasm), the package's JavaScript loads this
//! module the first time an ES256K signature is checked where the platform
//! cannot (`js/es256k.js` in jwtlens-wasm), and never for another algorithm.
//! The core has by then made every decision about the key and the signature
//! (`jwtlens::verify::verify_signature_with`); this is only the last step,
//! [`jwtlens::verify::verify_es256k`].

use wasm_bindgen::prelude::wasm_bindgen;

/// `verifyEs256k(point, data, signature)`: 1 when the signature verifies, 0
/// when it does not, -1 when the SEC 1 point or the 64-byte `R ‖ S` cannot be
/// read (not checked; the core never reads that as valid).
#[wasm_bindgen(js_name = verifyEs256k)]
pub fn verify_es256k(point: &[u8], data: &[u8], signature: &[u8]) -> i32 {
    match jwtlens::verify::verify_es256k(point, data, signature) {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    }
}
