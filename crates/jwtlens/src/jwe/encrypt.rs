//! JWE encryption (RFC 7516 §5.1), for making test tokens: every algorithm
//! [`super::decrypt`] reads, RustCrypto for every primitive, randomness from the caller.
//!
//! RFC 7516 §5.1 (Message Encryption): "1. Determine the Key Management Mode employed
//! by the algorithm used to determine the Content Encryption Key value. [...] 2. When
//! Key Wrapping, Key Encryption, or Key Agreement with Key Wrapping are employed,
//! generate a random CEK value. [...] 9. Generate a random JWE Initialization Vector of
//! the correct size for the content encryption algorithm [...] 14. Compute the Encoded
//! Protected Header value BASE64URL(UTF8(JWE Protected Header)). [...] 15. Let the
//! Additional Authenticated Data encryption parameter be ASCII(Encoded Protected
//! Header). 16. Perform authenticated encryption on the plaintext with the AEAD
//! algorithm using the CEK as the encryption key, the JWE Initialization Vector, and
//! the Additional Authenticated Data value".

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use rand_core::CryptoRngCore;
use serde_json::{Map, Value};

use super::content::Enc;
use super::keys::{bytes, ecdh_derive, ecdh_wrap_len, gcmkw, kw_len, pbes2_kek};
use super::JweError;

/// A key that encrypts: a shared secret, a password (PBES2), or a public key.
#[derive(Clone)]
#[non_exhaustive]
pub enum EncryptionKey {
    /// A symmetric key (`dir`, `A*KW`, `A*GCMKW`).
    Secret(Vec<u8>),
    /// A password for `PBES2-*`.
    Password(Vec<u8>),
    /// An RSA public key (`RSA-OAEP`, `RSA-OAEP-256`, `RSA1_5`).
    Rsa(alloc::boxed::Box<rsa::RsaPublicKey>),
    /// A P-256 public key (`ECDH-ES*`).
    P256(p256::PublicKey),
    /// A P-384 public key.
    P384(p384::PublicKey),
    /// A P-521 public key.
    P521(p521::PublicKey),
    /// An X25519 public key (RFC 8037 §3.2).
    X25519([u8; 32]),
}

impl core::fmt::Debug for EncryptionKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.kind())
    }
}

impl EncryptionKey {
    /// Read a JWK: `oct`, or the public part of an RSA, EC (P-256/384/521) or OKP X25519 key
    /// (a private JWK's private members are ignored).
    pub fn from_jwk(text: &str) -> Result<EncryptionKey, JweError> {
        let Ok(Value::Object(v)) = serde_json::from_str::<Value>(text) else {
            return Err(JweError::Key(String::from("not a JWK (a JSON object)")));
        };
        let crv = v.get("crv").and_then(Value::as_str).unwrap_or_default();
        match v.get("kty").and_then(Value::as_str) {
            Some("oct") => Ok(EncryptionKey::Secret(bytes(&v, "k")?)),
            Some("RSA") => {
                let (n, e) = (bytes(&v, "n")?, bytes(&v, "e")?);
                let key = rsa::RsaPublicKey::new(rsa::BigUint::from_bytes_be(&n), rsa::BigUint::from_bytes_be(&e))
                    .map_err(|e| JweError::Key(format!("not an RSA public key: {e}")))?;
                // RFC 7518 §4.2/§4.3: "A key of size 2048 bits or larger MUST be used".
                let bits = rsa::traits::PublicKeyParts::n(&key).bits();
                if bits < 2048 {
                    return Err(JweError::Key(format!("the RSA key has {bits} bits; at least 2048 are required")));
                }
                Ok(EncryptionKey::Rsa(alloc::boxed::Box::new(key)))
            }
            Some("EC") => {
                let size = match crv {
                    "P-256" => 32,
                    "P-384" => 48,
                    "P-521" => 66,
                    _ => return Err(JweError::Unsupported(format!("the curve \"{crv}\""))),
                };
                let (x, y) = (bytes(&v, "x")?, bytes(&v, "y")?);
                // RFC 7518 §6.2.1.2-3: each coordinate is exactly the curve's size.
                if x.len() != size || y.len() != size {
                    return Err(JweError::Key(format!(
                        "{crv}'s x and y have {size} bytes each, these {} and {}",
                        x.len(),
                        y.len()
                    )));
                }
                let mut sec1 = alloc::vec![4u8];
                sec1.extend(x);
                sec1.extend(y);
                let bad = |_| JweError::Key(format!("x and y are not a point on {crv}"));
                match crv {
                    "P-256" => p256::PublicKey::from_sec1_bytes(&sec1).map(EncryptionKey::P256).map_err(bad),
                    "P-384" => p384::PublicKey::from_sec1_bytes(&sec1).map(EncryptionKey::P384).map_err(bad),
                    "P-521" => p521::PublicKey::from_sec1_bytes(&sec1).map(EncryptionKey::P521).map_err(bad),
                    _ => Err(JweError::Unsupported(format!("the curve \"{crv}\""))),
                }
            }
            Some("OKP") if crv == "X25519" => {
                let x: [u8; 32] = bytes(&v, "x")?
                    .try_into()
                    .map_err(|_| JweError::Key(String::from("an X25519 \"x\" has 32 bytes")))?;
                Ok(EncryptionKey::X25519(x))
            }
            other => Err(JweError::Unsupported(format!("a JWK of kty {other:?}, crv \"{crv}\" for encryption"))),
        }
    }

    /// A password for PBES2 (its UTF-8 bytes).
    pub fn password(text: &str) -> EncryptionKey {
        EncryptionKey::Password(text.as_bytes().to_vec())
    }

    /// "shared secret", "password", "RSA public key", ...
    pub fn kind(&self) -> &'static str {
        match self {
            EncryptionKey::Secret(_) => "shared secret",
            EncryptionKey::Password(_) => "password",
            EncryptionKey::Rsa(_) => "RSA public key",
            EncryptionKey::P256(_) => "P-256 public key",
            EncryptionKey::P384(_) => "P-384 public key",
            EncryptionKey::P521(_) => "P-521 public key",
            EncryptionKey::X25519(_) => "X25519 public key",
        }
    }
}

/// What to make: the algorithms and the header members a test token may want.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Encrypt {
    /// Key management algorithm (`dir`, `A128KW`, `RSA-OAEP-256`, `ECDH-ES+A256KW`, `PBES2-HS256+A128KW`, ...).
    pub alg: String,
    /// Content encryption algorithm (`A256GCM`, `A128CBC-HS256`, ...).
    pub enc: String,
    /// Compress the plaintext first (`zip: "DEF"`).
    #[serde(default)]
    pub zip: bool,
    /// The `cty` header (`"JWT"` for a nested token).
    #[serde(default)]
    pub cty: Option<String>,
    /// The `kid` header.
    #[serde(default)]
    pub kid: Option<String>,
    /// PBES2 iterations (`p2c`); RFC 7518 §4.8.1.2 recommends at least 1000.
    #[serde(default = "default_p2c")]
    pub p2c: u64,
}

fn default_p2c() -> u64 {
    10_000
}

impl Encrypt {
    /// Encrypt with `alg` and `enc`, and nothing else in the header.
    pub fn new(alg: &str, enc: &str) -> Encrypt {
        Encrypt { alg: String::from(alg), enc: String::from(enc), zip: false, cty: None, kid: None, p2c: default_p2c() }
    }
}

fn b64(bytes: &[u8]) -> String {
    crate::b64::encode(bytes)
}

fn random(rng: &mut impl CryptoRngCore, n: usize) -> Vec<u8> {
    let mut out = alloc::vec![0u8; n];
    rng.fill_bytes(&mut out);
    out
}

fn wrap(kek: &[u8], cek: &[u8]) -> Result<Vec<u8>, JweError> {
    let out = match kek.len() {
        16 => aes_kw::KekAes128::try_from(kek).ok().and_then(|k| k.wrap_vec(cek).ok()),
        24 => aes_kw::KekAes192::try_from(kek).ok().and_then(|k| k.wrap_vec(cek).ok()),
        32 => aes_kw::KekAes256::try_from(kek).ok().and_then(|k| k.wrap_vec(cek).ok()),
        _ => None,
    };
    out.ok_or_else(|| JweError::Key(format!("AES key wrap needs a 16, 24 or 32-byte key, not {}", kek.len())))
}

fn wrong(alg: &str, key: &EncryptionKey) -> JweError {
    JweError::Key(format!("{alg} needs another kind of key than a {}", key.kind()))
}

/// The JWE (compact serialization) of `plaintext`, encrypted to `key` as `options` says.
///
/// ```
/// use jwtlens::jwe::{decrypt, encrypt, DecryptionKey, Encrypt, EncryptionKey};
/// # struct Counter(u8);
/// # impl rand_core::RngCore for Counter {
/// #     fn next_u32(&mut self) -> u32 { self.0 = self.0.wrapping_add(1); self.0.into() }
/// #     fn next_u64(&mut self) -> u64 { self.next_u32().into() }
/// #     fn fill_bytes(&mut self, d: &mut [u8]) { for b in d { *b = self.next_u32() as u8 } }
/// #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core::Error> { self.fill_bytes(d); Ok(()) }
/// # }
/// # impl rand_core::CryptoRng for Counter {}
/// let jwk = r#"{"kty":"oct","k":"GawgguFyGrWKav7AX4VKUg"}"#;
/// let jwe = encrypt(b"Live long and prosper.", &Encrypt::new("A128KW", "A128CBC-HS256"), &EncryptionKey::from_jwk(jwk).unwrap(), &mut Counter(0)).unwrap();
/// assert_eq!(jwe.split('.').count(), 5);
/// assert_eq!(decrypt(&jwe, &DecryptionKey::from_jwk(jwk).unwrap()).unwrap().plaintext, b"Live long and prosper.");
/// ```
pub fn encrypt(
    plaintext: &[u8],
    options: &Encrypt,
    key: &EncryptionKey,
    rng: &mut impl CryptoRngCore,
) -> Result<String, JweError> {
    let alg = options.alg.as_str();
    let enc = Enc::from_name(&options.enc).ok_or_else(|| {
        JweError::Unsupported(format!("the content encryption \"{}\" is not one jwtlens knows", options.enc))
    })?;
    if plaintext.len() > crate::token::MAX_BYTES {
        return Err(JweError::Format(String::from("the plaintext is larger than 256 KB")));
    }
    let mut header = Map::new();
    header.insert(String::from("alg"), Value::from(alg));
    header.insert(String::from("enc"), Value::from(options.enc.as_str()));
    if let Some(kid) = &options.kid {
        header.insert(String::from("kid"), Value::from(kid.as_str()));
    }
    if let Some(cty) = &options.cty {
        header.insert(String::from("cty"), Value::from(cty.as_str()));
    }
    if options.zip {
        header.insert(String::from("zip"), Value::from("DEF"));
    }
    let (cek, encrypted_key) = content_key(alg, enc, key, options, &mut header, rng)?;
    let protected = b64(serde_json::to_string(&header).map_err(|e| JweError::Format(e.to_string()))?.as_bytes());
    let body = if options.zip { miniz_oxide::deflate::compress_to_vec(plaintext, 6) } else { plaintext.to_vec() };
    let iv = random(rng, enc.iv_len());
    let (ciphertext, tag) = enc.encrypt(&cek, &iv, &body, protected.as_bytes())?;
    Ok(format!("{protected}.{}.{}.{}.{}", b64(&encrypted_key), b64(&iv), b64(&ciphertext), b64(&tag)))
}

/// RFC 7518 §4: the CEK and the JWE Encrypted Key for `alg`, adding its header parameters.
fn content_key(
    alg: &str,
    enc: Enc,
    key: &EncryptionKey,
    options: &Encrypt,
    header: &mut Map<String, Value>,
    rng: &mut impl CryptoRngCore,
) -> Result<(Vec<u8>, Vec<u8>), JweError> {
    use EncryptionKey as K;
    match (alg, key) {
        ("dir", K::Secret(k)) => {
            if k.len() != enc.key_len() {
                return Err(JweError::Key(format!(
                    "dir with {} needs a {}-byte key, this one has {}",
                    options.enc,
                    enc.key_len(),
                    k.len()
                )));
            }
            Ok((k.clone(), Vec::new()))
        }
        ("A128KW" | "A192KW" | "A256KW", K::Secret(k)) => {
            if Some(k.len()) != kw_len(alg) {
                return Err(JweError::Key(format!(
                    "{alg} needs a {}-byte key, this one has {}",
                    kw_len(alg).unwrap_or(0),
                    k.len()
                )));
            }
            let cek = random(rng, enc.key_len());
            let wrapped = wrap(k, &cek)?;
            Ok((cek, wrapped))
        }
        (a, K::Secret(k)) if gcmkw(a).is_some() => {
            let gcm = gcmkw(a).unwrap_or(Enc::A256Gcm);
            let want = gcm.key_len();
            if k.len() != want {
                return Err(JweError::Key(format!("{alg} needs a {want}-byte key, this one has {}", k.len())));
            }
            let cek = random(rng, enc.key_len());
            let iv = random(rng, 12);
            // RFC 7518 §4.7.1.1-2: the CEK encrypted with AES-GCM, its IV and tag in the header.
            let (wrapped, tag) = gcm.encrypt(k, &iv, &cek, &[])?;
            header.insert(String::from("iv"), Value::from(b64(&iv)));
            header.insert(String::from("tag"), Value::from(b64(&tag)));
            Ok((cek, wrapped))
        }
        ("RSA-OAEP" | "RSA-OAEP-256" | "RSA1_5", K::Rsa(k)) => {
            let cek = random(rng, enc.key_len());
            let out = match alg {
                "RSA-OAEP" => k.encrypt(rng, rsa::Oaep::new::<sha1::Sha1>(), &cek),
                "RSA-OAEP-256" => k.encrypt(rng, rsa::Oaep::new::<sha2::Sha256>(), &cek),
                _ => k.encrypt(rng, rsa::Pkcs1v15Encrypt, &cek),
            };
            let wrapped = out.map_err(|e| JweError::Key(format!("RSA encryption failed: {e}")))?;
            Ok((cek, wrapped))
        }
        (a, _) if a.starts_with("ECDH-ES") => ecdh_es(alg, enc, key, header, rng),
        ("PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW", K::Password(pw)) => {
            // RFC 7518 §4.8.1.1: "A Salt Input value containing 8 or more octets MUST be used".
            let p2s = random(rng, 16);
            let p2c = options.p2c;
            let kek = pbes2_kek(alg, pw, &p2s, p2c)?;
            header.insert(String::from("p2s"), Value::from(b64(&p2s)));
            header.insert(String::from("p2c"), Value::from(p2c));
            let cek = random(rng, enc.key_len());
            let wrapped = wrap(&kek, &cek)?;
            Ok((cek, wrapped))
        }
        // A known algorithm with the wrong kind of key (ECDH-ES's were handled above).
        (a, key) if super::KEY_MANAGEMENT.contains(&a) => Err(wrong(a, key)),
        (a, _) => Err(JweError::Unsupported(format!("the key management algorithm \"{a}\""))),
    }
}

/// RFC 7518 §4.6: an ephemeral key on the recipient's curve, ECDH, the Concat KDF;
/// then the derived key is the CEK (`ECDH-ES`) or wraps a random one (`ECDH-ES+A*KW`).
fn ecdh_es(
    alg: &str,
    enc: Enc,
    key: &EncryptionKey,
    header: &mut Map<String, Value>,
    rng: &mut impl CryptoRngCore,
) -> Result<(Vec<u8>, Vec<u8>), JweError> {
    let wrap_len = ecdh_wrap_len(alg)?;
    let ec = |crv: &str, point: &[u8]| -> Value {
        // An uncompressed SEC1 point: 0x04 || x || y, each half the rest.
        let (x, y) = point.get(1..).unwrap_or_default().split_at(point.len().saturating_sub(1) / 2);
        serde_json::json!({ "kty": "EC", "crv": crv, "x": b64(x), "y": b64(y) })
    };
    let (epk, z): (Value, Vec<u8>) = match key {
        EncryptionKey::P256(pk) => {
            let e = p256::ecdh::EphemeralSecret::random(rng);
            let point = p256::EncodedPoint::from(e.public_key());
            (ec("P-256", point.as_bytes()), e.diffie_hellman(pk).raw_secret_bytes().to_vec())
        }
        EncryptionKey::P384(pk) => {
            let e = p384::ecdh::EphemeralSecret::random(rng);
            let point = p384::EncodedPoint::from(e.public_key());
            (ec("P-384", point.as_bytes()), e.diffie_hellman(pk).raw_secret_bytes().to_vec())
        }
        EncryptionKey::P521(pk) => {
            let e = p521::ecdh::EphemeralSecret::random(rng);
            let point = p521::EncodedPoint::from(e.public_key());
            (ec("P-521", point.as_bytes()), e.diffie_hellman(pk).raw_secret_bytes().to_vec())
        }
        EncryptionKey::X25519(pk) => {
            let e = x25519_dalek::StaticSecret::random_from_rng(&mut *rng);
            let public = x25519_dalek::PublicKey::from(&e);
            let shared = e.diffie_hellman(&x25519_dalek::PublicKey::from(*pk));
            if !shared.was_contributory() {
                return Err(JweError::Key(String::from("the X25519 public key is a low-order point")));
            }
            (
                serde_json::json!({ "kty": "OKP", "crv": "X25519", "x": b64(public.as_bytes()) }),
                shared.as_bytes().to_vec(),
            )
        }
        other => return Err(wrong(alg, other)),
    };
    header.insert(String::from("epk"), epk);
    let derived = ecdh_derive(&z, alg, enc, wrap_len, &[], &[])?;
    match wrap_len {
        None => Ok((derived, Vec::new())),
        Some(_) => {
            let cek = random(rng, enc.key_len());
            let wrapped = wrap(&derived, &cek)?;
            Ok((cek, wrapped))
        }
    }
}
