//! Key management (RFC 7518 §4): determining the Content Encryption Key.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value};

use super::content::Enc;
use super::{JweError, MAX_PBES2_COUNT};

/// A key that decrypts: a shared secret (JWK `oct`), a password (PBES2), or a private key.
#[derive(Clone)]
#[non_exhaustive]
pub enum DecryptionKey {
    /// A symmetric key (`dir`, `A*KW`, `A*GCMKW`).
    Secret(Vec<u8>),
    /// A password for `PBES2-*`.
    Password(Vec<u8>),
    /// An RSA private key (`RSA-OAEP`, `RSA-OAEP-256`, `RSA1_5`).
    Rsa(alloc::boxed::Box<rsa::RsaPrivateKey>),
    /// A P-256 private key (`ECDH-ES*`).
    P256(p256::SecretKey),
    /// A P-384 private key.
    P384(p384::SecretKey),
    /// A P-521 private key.
    P521(p521::SecretKey),
    /// An X25519 private key (RFC 8037 §3.2).
    X25519([u8; 32]),
}

impl core::fmt::Debug for DecryptionKey {
    /// Names the kind only: never the key.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.kind())
    }
}

/// A JWK member's base64url bytes.
pub(super) fn bytes(v: &Map<String, Value>, name: &str) -> Result<Vec<u8>, JweError> {
    let s = v.get(name).and_then(Value::as_str).ok_or_else(|| JweError::Key(format!("the JWK has no \"{name}\"")))?;
    crate::b64::decode(s).map(|d| d.bytes).map_err(|_| JweError::Key(format!("the JWK's \"{name}\" is not base64url")))
}

impl DecryptionKey {
    /// Read a private JWK: `oct`, RSA, EC (P-256/384/521) or OKP X25519.
    pub fn from_jwk(text: &str) -> Result<DecryptionKey, JweError> {
        let Ok(Value::Object(v)) = serde_json::from_str::<Value>(text) else {
            return Err(JweError::Key(String::from("not a JWK (a JSON object)")));
        };
        let crv = v.get("crv").and_then(Value::as_str).unwrap_or_default();
        match v.get("kty").and_then(Value::as_str) {
            Some("oct") => Ok(DecryptionKey::Secret(bytes(&v, "k")?)),
            Some("RSA") => match crate::sign::import_signing_key(text) {
                Ok(crate::sign::SigningKey::Rsa(k)) => Ok(DecryptionKey::Rsa(alloc::boxed::Box::new(k))),
                Ok(_) => Err(JweError::Key(String::from("not an RSA private key"))),
                Err(e) => Err(JweError::Key(e.to_string())),
            },
            Some("EC") => {
                let d = bytes(&v, "d")?;
                let bad = |_| JweError::Key(format!("\"d\" is not a {crv} private key"));
                match crv {
                    "P-256" => p256::SecretKey::from_slice(&d).map(DecryptionKey::P256).map_err(bad),
                    "P-384" => p384::SecretKey::from_slice(&d).map(DecryptionKey::P384).map_err(bad),
                    "P-521" => p521::SecretKey::from_slice(&d).map(DecryptionKey::P521).map_err(bad),
                    _ => Err(JweError::Unsupported(format!("the curve \"{crv}\""))),
                }
            }
            Some("OKP") if crv == "X25519" => {
                let d: [u8; 32] = bytes(&v, "d")?
                    .try_into()
                    .map_err(|_| JweError::Key(String::from("an X25519 \"d\" has 32 bytes")))?;
                Ok(DecryptionKey::X25519(d))
            }
            other => Err(JweError::Unsupported(format!("a JWK of kty {other:?}, crv \"{crv}\" for decryption"))),
        }
    }

    /// A password for PBES2 (its UTF-8 bytes).
    pub fn password(text: &str) -> DecryptionKey {
        DecryptionKey::Password(text.as_bytes().to_vec())
    }

    /// "shared secret", "password", "RSA private key", ...
    pub fn kind(&self) -> &'static str {
        match self {
            DecryptionKey::Secret(_) => "shared secret",
            DecryptionKey::Password(_) => "password",
            DecryptionKey::Rsa(_) => "RSA private key",
            DecryptionKey::P256(_) => "P-256 private key",
            DecryptionKey::P384(_) => "P-384 private key",
            DecryptionKey::P521(_) => "P-521 private key",
            DecryptionKey::X25519(_) => "X25519 private key",
        }
    }
}

fn wrong(alg: &str, key: &DecryptionKey) -> JweError {
    JweError::Key(format!("{alg} needs another kind of key than a {}", key.kind()))
}

/// RFC 3394 key unwrap (`A128KW`, `A192KW`, `A256KW`).
fn unwrap(kek: &[u8], wrapped: &[u8]) -> Result<Vec<u8>, JweError> {
    let out = match kek.len() {
        16 => aes_kw::KekAes128::try_from(kek).ok().and_then(|k| k.unwrap_vec(wrapped).ok()),
        24 => aes_kw::KekAes192::try_from(kek).ok().and_then(|k| k.unwrap_vec(wrapped).ok()),
        32 => aes_kw::KekAes256::try_from(kek).ok().and_then(|k| k.unwrap_vec(wrapped).ok()),
        _ => None,
    };
    out.ok_or(JweError::Decryption)
}

pub(super) fn kw_len(alg: &str) -> Option<usize> {
    Some(match alg.rsplit_once('+').map_or(alg, |(_, kw)| kw) {
        "A128KW" => 16,
        "A192KW" => 24,
        "A256KW" => 32,
        _ => return None,
    })
}

fn header_b64(header: &Map<String, Value>, name: &str) -> Result<Vec<u8>, JweError> {
    let s = header
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| JweError::Format(format!("the header has no \"{name}\"")))?;
    crate::b64::decode(s)
        .map(|d| d.bytes)
        .map_err(|_| JweError::Format(format!("the header's \"{name}\" is not base64url")))
}

/// The AES-GCM of `A128GCMKW`/`A192GCMKW`/`A256GCMKW` (RFC 7518 §4.7); its key length is the KEK's.
pub(super) fn gcmkw(alg: &str) -> Option<Enc> {
    Some(match alg {
        "A128GCMKW" => Enc::A128Gcm,
        "A192GCMKW" => Enc::A192Gcm,
        "A256GCMKW" => Enc::A256Gcm,
        _ => return None,
    })
}

/// RFC 7518 §4.8.1.1: the key-wrapping key `PBES2-HS*+A*KW` derives from `password` with
/// PBKDF2 over "(UTF8(Alg) || 0x00 || Salt Input)", `p2c` iterations (1 to [`MAX_PBES2_COUNT`]).
pub(super) fn pbes2_kek(alg: &str, password: &[u8], p2s: &[u8], p2c: u64) -> Result<Vec<u8>, JweError> {
    let (hash, want) = match alg {
        "PBES2-HS256+A128KW" => (256, 16),
        "PBES2-HS384+A192KW" => (384, 24),
        "PBES2-HS512+A256KW" => (512, 32),
        _ => return Err(JweError::Unsupported(format!("the algorithm \"{alg}\""))),
    };
    if p2c == 0 || p2c > MAX_PBES2_COUNT {
        return Err(JweError::Unsupported(format!(
            "p2c is {p2c}; jwtlens runs 1 to {MAX_PBES2_COUNT} PBKDF2 iterations"
        )));
    }
    let mut salt = alg.as_bytes().to_vec();
    salt.push(0);
    salt.extend_from_slice(p2s);
    let mut kek = alloc::vec![0u8; want];
    let rounds = p2c as u32;
    match hash {
        256 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, &salt, rounds, &mut kek),
        384 => pbkdf2::pbkdf2_hmac::<sha2::Sha384>(password, &salt, rounds, &mut kek),
        _ => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(password, &salt, rounds, &mut kek),
    }
    Ok(kek)
}

/// `ECDH-ES`: `None` (the derived key is the CEK); `ECDH-ES+A*KW`: the wrapping key's length.
pub(super) fn ecdh_wrap_len(alg: &str) -> Result<Option<usize>, JweError> {
    match alg {
        "ECDH-ES" => Ok(None),
        "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW" => Ok(kw_len(alg)),
        _ => Err(JweError::Unsupported(format!("the key management algorithm \"{alg}\""))),
    }
}

/// RFC 7518 §4.6.2: the Concat KDF of the shared secret `z`, AlgorithmID "enc" for Direct
/// Key Agreement (`wrap` `None`, keydatalen the CEK's) else "alg" (keydatalen the KEK's).
pub(super) fn ecdh_derive(
    z: &[u8],
    alg: &str,
    enc: Enc,
    wrap: Option<usize>,
    apu: &[u8],
    apv: &[u8],
) -> Result<Vec<u8>, JweError> {
    let (algorithm_id, keydatalen) = match wrap {
        None => (enc.name(), enc.key_len()),
        Some(n) => (alg, n),
    };
    concat_kdf(z, algorithm_id, apu, apv, keydatalen)
}

/// The CEK for `alg`, with a step for the report.
pub(super) fn content_key(
    alg: &str,
    enc: Enc,
    header: &Map<String, Value>,
    encrypted_key: &[u8],
    key: &DecryptionKey,
    steps: &mut Vec<String>,
    findings: &mut Vec<String>,
) -> Result<Vec<u8>, JweError> {
    use DecryptionKey as K;
    match (alg, key) {
        ("dir", K::Secret(k)) => {
            if !encrypted_key.is_empty() {
                return Err(JweError::Format(String::from("dir has an empty encrypted key, and this one is not")));
            }
            steps.push(format!("dir: the {}-byte shared key is the content key.", k.len()));
            Ok(k.clone())
        }
        ("A128KW" | "A192KW" | "A256KW", K::Secret(k)) => {
            if Some(k.len()) != kw_len(alg) {
                return Err(JweError::Key(format!(
                    "{alg} needs a {}-byte key, this one has {}",
                    kw_len(alg).unwrap_or(0),
                    k.len()
                )));
            }
            let cek = unwrap(k, encrypted_key)?;
            steps.push(format!(
                "{alg}: unwrapped the {}-byte encrypted key (RFC 3394) into a {}-byte content key.",
                encrypted_key.len(),
                cek.len()
            ));
            Ok(cek)
        }
        (a, K::Secret(k)) if gcmkw(a).is_some() => {
            let gcm = gcmkw(a).unwrap_or(Enc::A256Gcm);
            let want = gcm.key_len();
            if k.len() != want {
                return Err(JweError::Key(format!("{alg} needs a {want}-byte key, this one has {}", k.len())));
            }
            let (iv, tag) = (header_b64(header, "iv")?, header_b64(header, "tag")?);
            let cek = gcm.decrypt(k, &iv, encrypted_key, &[], &tag)?;
            steps.push(format!("{alg}: decrypted the encrypted key with AES-GCM (iv and tag from the header)."));
            Ok(cek)
        }
        ("RSA-OAEP" | "RSA-OAEP-256" | "RSA1_5", K::Rsa(k)) => {
            let out = match alg {
                "RSA-OAEP" => k.decrypt(rsa::Oaep::new::<sha1::Sha1>(), encrypted_key),
                "RSA-OAEP-256" => k.decrypt(rsa::Oaep::new::<sha2::Sha256>(), encrypted_key),
                _ => {
                    findings.push(String::from(
                        "RSA1_5 (RSAES-PKCS1-v1_5) is open to Bleichenbacher's padding-oracle attack; RFC 8725 §3.2 recommends RSA-OAEP instead.",
                    ));
                    k.decrypt(rsa::Pkcs1v15Encrypt, encrypted_key)
                }
            };
            let cek = match out {
                Ok(cek) if alg != "RSA1_5" || cek.len() == enc.key_len() => cek,
                // RFC 7516 §11.5: for RSA1_5 a failure must look like a wrong tag later, not an
                // early error — and go on with a key the sender cannot predict ("implicit
                // rejection", as OpenSSL does): a fixed key would let an attacker who encrypts
                // under it tell padding failures from successes (Bleichenbacher's oracle).
                _ if alg == "RSA1_5" => implicit_rejection_key(k, encrypted_key, enc.key_len()),
                _ => return Err(JweError::Decryption),
            };
            steps.push(format!(
                "{alg}: decrypted the {}-byte encrypted key with the RSA private key.",
                encrypted_key.len()
            ));
            Ok(cek)
        }
        (a, _) if a.starts_with("ECDH-ES") => ecdh_es(alg, enc, header, encrypted_key, key, steps),
        ("PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW", K::Password(pw)) => {
            let p2s = header_b64(header, "p2s")?;
            let p2c = header
                .get("p2c")
                .and_then(Value::as_u64)
                .ok_or_else(|| JweError::Format(String::from("the header's \"p2c\" is not a count")))?;
            let kek = pbes2_kek(alg, pw, &p2s, p2c)?;
            if p2c < 1000 {
                findings.push(format!("p2c is {p2c}: RFC 7518 §4.8.1.2 recommends at least 1000 iterations."));
            }
            let cek = unwrap(&kek, encrypted_key)?;
            steps.push(format!(
                "{alg}: derived the key-wrapping key with PBKDF2 ({p2c} iterations), then unwrapped the content key."
            ));
            Ok(cek)
        }
        // A known algorithm with the wrong kind of key (ECDH-ES's were handled above).
        (a, key) if super::KEY_MANAGEMENT.contains(&a) => Err(wrong(a, key)),
        (a, _) => Err(JweError::Unsupported(format!("the key management algorithm \"{a}\""))),
    }
}

/// The content key RSA1_5 goes on with when the encrypted key does not decrypt to one:
/// HMAC-SHA-256, keyed with a hash of the private exponent (secret), of the encrypted
/// key — the same for the same input, unpredictable without the private key.
fn implicit_rejection_key(k: &rsa::RsaPrivateKey, encrypted_key: &[u8], len: usize) -> Vec<u8> {
    use hmac::Mac as _;
    use rsa::traits::PrivateKeyParts as _;
    use sha2::Digest as _;
    let secret = sha2::Sha256::new()
        .chain_update(b"jwtlens RSA1_5 implicit rejection")
        .chain_update(k.d().to_bytes_be())
        .finalize();
    let mut out = Vec::with_capacity(len + 32);
    let mut counter = 0u8;
    while out.len() < len {
        let Ok(mut mac) = <hmac::Hmac<sha2::Sha256> as hmac::digest::KeyInit>::new_from_slice(&secret) else { break };
        mac.update(&[counter]);
        mac.update(encrypted_key);
        out.extend_from_slice(&mac.finalize().into_bytes());
        counter = counter.wrapping_add(1);
    }
    out.truncate(len);
    out
}

/// RFC 7518 §4.6: ECDH-ES key agreement, then the Concat KDF (NIST SP 800-56A §5.8.1).
fn ecdh_es(
    alg: &str,
    enc: Enc,
    header: &Map<String, Value>,
    encrypted_key: &[u8],
    key: &DecryptionKey,
    steps: &mut Vec<String>,
) -> Result<Vec<u8>, JweError> {
    let wrap = ecdh_wrap_len(alg)?;
    let Some(Value::Object(epk)) = header.get("epk") else {
        return Err(JweError::Format(String::from("the header has no \"epk\" (the sender's ephemeral public key)")));
    };
    let epk_crv = epk.get("crv").and_then(Value::as_str).unwrap_or_default();
    let point = |name: &str| -> Result<Vec<u8>, JweError> {
        let s =
            epk.get(name).and_then(Value::as_str).ok_or_else(|| JweError::Format(format!("epk has no \"{name}\"")))?;
        crate::b64::decode(s)
            .map(|d| d.bytes)
            .map_err(|_| JweError::Format(format!("epk's \"{name}\" is not base64url")))
    };
    let sec1 = || -> Result<Vec<u8>, JweError> {
        let mut p = alloc::vec![4u8];
        p.extend(point("x")?);
        p.extend(point("y")?);
        Ok(p)
    };
    // The epk must be a point on the key's own curve: `from_sec1_bytes` checks the curve
    // equation (an invalid-curve point would leak the private key, RFC 7518 §4.6 / §8.7).
    let off_curve = || JweError::Format(String::from("epk is not a point on the key's curve"));
    let z: Vec<u8> = match (key, epk_crv) {
        (DecryptionKey::P256(d), "P-256") => {
            let pk = p256::PublicKey::from_sec1_bytes(&sec1()?).map_err(|_| off_curve())?;
            p256::ecdh::diffie_hellman(d.to_nonzero_scalar(), pk.as_affine()).raw_secret_bytes().to_vec()
        }
        (DecryptionKey::P384(d), "P-384") => {
            let pk = p384::PublicKey::from_sec1_bytes(&sec1()?).map_err(|_| off_curve())?;
            p384::ecdh::diffie_hellman(d.to_nonzero_scalar(), pk.as_affine()).raw_secret_bytes().to_vec()
        }
        (DecryptionKey::P521(d), "P-521") => {
            let pk = p521::PublicKey::from_sec1_bytes(&sec1()?).map_err(|_| off_curve())?;
            p521::ecdh::diffie_hellman(d.to_nonzero_scalar(), pk.as_affine()).raw_secret_bytes().to_vec()
        }
        (DecryptionKey::X25519(d), "X25519") => {
            let x: [u8; 32] = point("x")?.try_into().map_err(|_| off_curve())?;
            let shared = x25519_dalek::StaticSecret::from(*d).diffie_hellman(&x25519_dalek::PublicKey::from(x));
            if !shared.was_contributory() {
                return Err(JweError::Format(String::from("epk is a low-order X25519 point")));
            }
            shared.as_bytes().to_vec()
        }
        (k, crv) => return Err(JweError::Key(format!("epk is on \"{crv}\", and the key is a {}", k.kind()))),
    };
    let apu = if header.contains_key("apu") { super::keys::header_b64(header, "apu")? } else { Vec::new() };
    let apv = if header.contains_key("apv") { super::keys::header_b64(header, "apv")? } else { Vec::new() };
    let derived = ecdh_derive(&z, alg, enc, wrap, &apu, &apv)?;
    steps.push(format!(
        "{alg}: ECDH on {epk_crv} with the header's ephemeral key, then the Concat KDF ({} bytes).",
        derived.len()
    ));
    match wrap {
        None => {
            if !encrypted_key.is_empty() {
                return Err(JweError::Format(String::from(
                    "ECDH-ES (direct) has an empty encrypted key, and this one is not",
                )));
            }
            Ok(derived)
        }
        Some(_) => unwrap(&derived, encrypted_key),
    }
}

/// `OtherInfo = AlgorithmID || PartyUInfo || PartyVInfo || SuppPubInfo`, each of the first
/// three a 32-bit big-endian length then the bytes; SuppPubInfo the key length in bits.
pub(super) fn concat_kdf(
    z: &[u8],
    algorithm_id: &str,
    apu: &[u8],
    apv: &[u8],
    len: usize,
) -> Result<Vec<u8>, JweError> {
    let mut info = Vec::new();
    for part in [algorithm_id.as_bytes(), apu, apv] {
        info.extend_from_slice(&(part.len() as u32).to_be_bytes());
        info.extend_from_slice(part);
    }
    info.extend_from_slice(&((len * 8) as u32).to_be_bytes());
    let mut out = alloc::vec![0u8; len];
    concat_kdf::derive_key_into::<sha2::Sha256>(z, &info, &mut out).map_err(|_| JweError::Decryption)?;
    Ok(out)
}
