//! Any text as a JWE (compact or JSON): decrypted with a shared secret, a P-256
//! key and an X25519 key, an error or a plaintext, never a panic or a runaway
//! allocation (zip is capped); and any bytes encrypted with the secret decrypt
//! back to themselves.
#![no_main]
use jwtlens::jwe::{decrypt, encrypt, DecryptionKey, Encrypt, EncryptionKey};
use libfuzzer_sys::fuzz_target;

struct Counter(u64);
impl rand_core::RngCore for Counter {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0
    }
    fn fill_bytes(&mut self, d: &mut [u8]) {
        for b in d {
            *b = (self.next_u64() >> 33) as u8;
        }
    }
    fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(d);
        Ok(())
    }
}
impl rand_core::CryptoRng for Counter {}

const OCT: &str = r#"{"kty":"oct","k":"GawgguFyGrWKav7AX4VKUg"}"#;
const P256: &str = r#"{"kty":"EC","crv":"P-256","x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0","y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps","d":"0_NxaRPUMQoAJt50Gz8YiTr8gRTwyEaCumd-MToTmIo"}"#;
const X25519: &str = r#"{"kty":"OKP","crv":"X25519","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08","d":"dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo"}"#;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for jwk in [OCT, P256, X25519] {
        if let Ok(key) = DecryptionKey::from_jwk(jwk) {
            if let Ok(d) = decrypt(&text, &key) {
                let _ = (d.inner(), serde_json::to_string(&d));
            }
        }
    }
    let (Ok(ek), Ok(dk)) = (EncryptionKey::from_jwk(OCT), DecryptionKey::from_jwk(OCT)) else { return };
    let encs = ["A128GCM", "A256CBC-HS512"];
    let mut options = Encrypt::new("A128KW", encs[data.len() % 2]);
    options.zip = data.first().is_some_and(|b| b & 1 == 1);
    let jwe = encrypt(data, &options, &ek, &mut Counter(data.len() as u64)).expect("A128KW with a 16-byte key encrypts");
    assert_eq!(decrypt(&jwe, &dk).expect("its own JWE decrypts").plaintext, data);
});
