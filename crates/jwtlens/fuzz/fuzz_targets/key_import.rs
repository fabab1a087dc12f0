//! Any text as a verification key (every format) or a signing key: an error or a
//! key, never a panic; and auto-detection never makes a secret out of text that
//! carries a public key (the key-confusion invariant of issue 9).
#![no_main]
use jwtlens::key::{import_key, KeyInput, SecretEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok((set, jwtlens::key::Detected::Secret)) = import_key(&text, KeyInput::Auto) {
        for k in set.keys() {
            if let jwtlens::key::Material::Hmac(h) = &k.material {
                assert_eq!(h.public_key(), None, "auto-detection made a secret of a public key: {text:?}");
            }
        }
    }
    for input in [
        KeyInput::Auto,
        KeyInput::Key,
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
