//! Any text as a verification key (every format) or a signing key: an error or a key, never a panic.
#![no_main]
use jwtlens::key::{import_key, KeyInput, SecretEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for input in [
        KeyInput::Auto,
        KeyInput::Jwk,
        KeyInput::Pem,
        KeyInput::Secret(SecretEncoding::Base64),
        KeyInput::Secret(SecretEncoding::Hex),
    ] {
        if let Ok((set, _)) = import_key(&text, input) {
            for k in set.keys() {
                let _ = (k.describe(), k.thumbprint());
            }
        }
    }
    let _ = jwtlens::sign::import_signing_key(&text);
});
