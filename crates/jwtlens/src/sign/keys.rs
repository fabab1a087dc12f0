//! Private keys: generated (RFC 7638 thumbprints for the faces) or read from
//! a PEM (PKCS#8, PKCS#1, SEC1), a private JWK, or a secret.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::*;

/// A generated key as every face hands it out:
/// `{"alg","privateJwk","publicJwk","thumbprint"}` (the thumbprint is RFC 7638's,
/// of the public key; a secret's "public" JWK is the secret itself).
///
/// ```
/// use jwtlens::{alg::Algorithm, sign::{generate, GeneratedKey}};
/// let mut rng = rand_core::OsRng;
/// let key = generate(Algorithm::EdDSA, &mut rng).unwrap();
/// let out = GeneratedKey::new(Algorithm::EdDSA, &key);
/// assert_eq!(out.public_jwk["crv"], "Ed25519");
/// assert!(serde_json::to_string(&out).unwrap().starts_with(r#"{"alg":"EdDSA","privateJwk":{"#));
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GeneratedKey {
    /// The algorithm it was made for.
    pub alg: &'static str,
    /// The private key (or secret) as a JWK.
    pub private_jwk: serde_json::Value,
    /// The public key as a JWK.
    pub public_jwk: serde_json::Value,
    /// The public key's RFC 7638 thumbprint.
    pub thumbprint: String,
}

impl GeneratedKey {
    /// The key's JWKs and thumbprint.
    pub fn new(alg: Algorithm, key: &SigningKey) -> GeneratedKey {
        let public = key.public();
        let jwk = |text: String| serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
        GeneratedKey {
            alg: alg.name(),
            private_jwk: jwk(key.to_jwk()),
            public_jwk: jwk(public.to_jwk()),
            thumbprint: public.thumbprint(),
        }
    }
}

/// Generate a new key for `alg`: a random secret as long as the hash for
/// HS*, RSA 2048 for RS*/PS*, the algorithm's curve for ES*, Ed25519 for EdDSA.
pub fn generate(alg: Algorithm, rng: &mut impl CryptoRngCore) -> Result<SigningKey, SignError> {
    Ok(match alg {
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => {
            let mut secret = alloc::vec![0u8; alg.hash().map_or(32, Hash::output_len)];
            rng.fill_bytes(&mut secret);
            SigningKey::Hmac(secret)
        }
        Algorithm::RS256
        | Algorithm::RS384
        | Algorithm::RS512
        | Algorithm::PS256
        | Algorithm::PS384
        | Algorithm::PS512 => {
            let key = rsa::RsaPrivateKey::new(rng, 2048)
                .map_err(|e| err(SignStage::Key, SignProblem::Crypto { detail: e.to_string() }))?;
            SigningKey::Rsa(key)
        }
        Algorithm::ES256 => SigningKey::P256(p256::ecdsa::SigningKey::random(rng)),
        Algorithm::ES384 => SigningKey::P384(p384::ecdsa::SigningKey::random(rng)),
        Algorithm::ES512 => SigningKey::P521(p521::ecdsa::SigningKey::random(rng)),
        Algorithm::ES256K => SigningKey::K256(k256::ecdsa::SigningKey::random(rng)),
        Algorithm::EdDSA => {
            let mut seed = [0u8; 32];
            rng.fill_bytes(&mut seed);
            SigningKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed))
        }
        Algorithm::None => return Err(err(SignStage::Key, SignProblem::Unsecured)),
    })
}

/// Read a private key: PEM (`PRIVATE KEY` PKCS#8, `RSA PRIVATE KEY` PKCS#1,
/// `EC PRIVATE KEY` SEC1), a private JWK, or (for HS*) a secret given as text.
pub fn import_signing_key(text: &str) -> Result<SigningKey, SignError> {
    let t = text.trim();
    let key = if t.starts_with("-----BEGIN") {
        private_pem(t)
    } else if t.starts_with('{') {
        private_jwk(t)
    } else {
        return secret_key(text, t);
    }?;
    // The public half must pass the checks every RSA verification key passes (odd n, odd e ≥ 3).
    if let SigningKey::Rsa(k) = &key {
        crate::key::RsaKey::new(k.to_public_key()).map_err(|e| err(SignStage::Key, SignProblem::BadPublicHalf(e)))?;
    }
    Ok(key)
}

pub(super) fn secret_key(text: &str, t: &str) -> Result<SigningKey, SignError> {
    if t.is_empty() {
        Err(err(SignStage::Key, SignProblem::EmptyKey))
    } else {
        Ok(SigningKey::Hmac(text.as_bytes().to_vec()))
    }
}

pub(super) fn private_pem(text: &str) -> Result<SigningKey, SignError> {
    use pkcs8::DecodePrivateKey;
    let (label, der) = pem_rfc7468::decode_vec(text.as_bytes())
        .map_err(|e| err(SignStage::Key, SignProblem::NotPem { detail: e.to_string() }))?;
    let not =
        |what: &'static str, detail: Option<String>| err(SignStage::Key, SignProblem::NotStructure { what, detail });
    let bad = |what: &'static str, e: &dyn fmt::Display| not(what, Some(e.to_string()));
    match label {
        "RSA PRIVATE KEY" => {
            use rsa::pkcs1::DecodeRsaPrivateKey;
            rsa::RsaPrivateKey::from_pkcs1_der(&der).map(SigningKey::Rsa).map_err(|e| bad("PKCS#1 RSA private key", &e))
        }
        "EC PRIVATE KEY" => None
            .or_else(|| p256::SecretKey::from_sec1_der(&der).ok().map(|k| SigningKey::P256(k.into())))
            .or_else(|| p384::SecretKey::from_sec1_der(&der).ok().map(|k| SigningKey::P384(k.into())))
            .or_else(|| {
                let k = p521::SecretKey::from_sec1_der(&der).ok()?;
                p521::ecdsa::SigningKey::from_bytes(&k.to_bytes()).ok().map(SigningKey::P521)
            })
            .or_else(|| k256::SecretKey::from_sec1_der(&der).ok().map(|k| SigningKey::K256(k.into())))
            .ok_or_else(|| not("SEC1 EC private key on P-256, P-384, P-521 or secp256k1", None)),
        "PRIVATE KEY" => None
            .or_else(|| rsa::RsaPrivateKey::from_pkcs8_der(&der).ok().map(SigningKey::Rsa))
            .or_else(|| p256::ecdsa::SigningKey::from_pkcs8_der(&der).ok().map(SigningKey::P256))
            .or_else(|| p384::ecdsa::SigningKey::from_pkcs8_der(&der).ok().map(SigningKey::P384))
            .or_else(|| {
                let k = p521::SecretKey::from_pkcs8_der(&der).ok()?;
                p521::ecdsa::SigningKey::from_bytes(&k.to_bytes()).ok().map(SigningKey::P521)
            })
            .or_else(|| k256::ecdsa::SigningKey::from_pkcs8_der(&der).ok().map(SigningKey::K256))
            .or_else(|| ed25519_dalek::SigningKey::from_pkcs8_der(&der).ok().map(SigningKey::Ed25519))
            .ok_or_else(|| not("PKCS#8 private key for RSA, EC (P-256, P-384, P-521, secp256k1) or Ed25519", None)),
        l => Err(err(SignStage::Key, SignProblem::NotPrivateLabel { label: String::from(l) })),
    }
}

pub(super) fn private_jwk(text: &str) -> Result<SigningKey, SignError> {
    let key_err = |problem| err(SignStage::Key, problem);
    let v = json::parse(text.as_bytes()).map_err(|e| key_err(SignProblem::NotJson { detail: e.to_string() }))?;
    let obj = v.as_object().ok_or_else(|| key_err(SignProblem::NotObject { what: "a JWK" }))?;
    let get = |name: &'static str| -> Result<Vec<u8>, SignError> {
        let s = obj.get(name).and_then(Json::as_str).ok_or_else(|| key_err(SignProblem::MissingMember { name }))?;
        b64::decode(s).map(|d| d.bytes).map_err(|e| key_err(SignProblem::NotBase64Url { name, offset: e.offset }))
    };
    let kty = obj.get("kty").and_then(Json::as_str).unwrap_or("");
    let crv = obj.get("crv").and_then(Json::as_str).unwrap_or("");
    let bad = |e: &dyn fmt::Display| key_err(SignProblem::BadJwk { detail: e.to_string() });
    match (kty, crv) {
        ("oct", _) => Ok(SigningKey::Hmac(get("k")?)),
        ("RSA", _) => {
            let big = |n: &'static str| get(n).map(|b| rsa::BigUint::from_bytes_be(&b));
            let primes = alloc::vec![big("p")?, big("q")?];
            rsa::RsaPrivateKey::from_components(big("n")?, big("e")?, big("d")?, primes)
                .map(SigningKey::Rsa)
                .map_err(|e| bad(&e))
        }
        ("EC", "P-256") => p256::ecdsa::SigningKey::from_slice(&get("d")?).map(SigningKey::P256).map_err(|e| bad(&e)),
        ("EC", "P-384") => p384::ecdsa::SigningKey::from_slice(&get("d")?).map(SigningKey::P384).map_err(|e| bad(&e)),
        ("EC", "P-521") => p521::ecdsa::SigningKey::from_slice(&get("d")?).map(SigningKey::P521).map_err(|e| bad(&e)),
        ("EC", "secp256k1") => {
            k256::ecdsa::SigningKey::from_slice(&get("d")?).map(SigningKey::K256).map_err(|e| bad(&e))
        }
        ("OKP", "Ed25519") => {
            let d = get("d")?;
            let bytes: [u8; 32] = d
                .as_slice()
                .try_into()
                .map_err(|_| key_err(SignProblem::WrongLength { name: "d", expected: 32, found: d.len() }))?;
            Ok(SigningKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&bytes)))
        }
        _ => Err(key_err(SignProblem::UnsupportedJwk { kty: String::from(kty), crv: String::from(crv) })),
    }
}
