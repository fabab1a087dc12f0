//! Any text as an SD-JWT (compact or JSON): parsed, decoded and verified, never a
//! panic, a stack overflow or a runaway allocation; and never "valid", because
//! no input the fuzzer makes carries the issuer's MAC under a secret it does not know.
#![no_main]
use jwtlens::key::{import_key, KeyInput};
use jwtlens::sdjwt::{decode_unverified, verify, KeyBinding, SdJwt, SdStatus};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = SdJwt::parse(&text);
    let _ = decode_unverified(&text).map(|u| serde_json::to_string(&u));
    let Ok((keys, _)) = import_key("an issuer secret the fuzzer cannot know, 32+ bytes", KeyInput::Auto) else {
        return;
    };
    let kb = KeyBinding {
        nonce: Some(String::from("n")),
        audience: Some(String::from("https://verifier.example")),
        ..KeyBinding::default()
    };
    let now = jwtlens::time::NumericDate::from_secs(1_795_000_000);
    let report = verify(&text, &keys, &jwtlens::policy::Policy::default(), now, &kb);
    assert_ne!(report.status, SdStatus::Valid, "valid without the issuer's secret: {text:?}");
    let _ = serde_json::to_string(&report);
});
