//! Making SD-JWTs (RFC 9901 §4–§5): the issuer's side — which claims are
//! selectively disclosable, decoys, the holder's key in `cnf` — and the
//! holder's — which disclosures to present, and the Key Binding JWT.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use rand_core::CryptoRngCore;
use serde_json::{Map, Value};

use super::{quoted, Disclosure, SdAlg, SdJwt, SdJwtError};
use crate::alg::Algorithm;
use crate::sign::{sign, SigningKey};

/// What the issuer decides. Faces read it from JSON:
/// `{ disclosable: [names], decoys?, holderJwk?, typ? }`.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Issue {
    /// Top-level claims to make selectively disclosable (each gets a disclosure and a digest in `_sd`).
    pub disclosable: Vec<String>,
    /// Decoy digests to add to `_sd` (§4.2.5), so the number of hidden claims does not show.
    pub decoys: usize,
    /// The holder's public key, as a JWK, for `cnf` (§4.1.2): presentations can then carry a Key Binding JWT.
    pub holder_jwk: Option<Value>,
    /// The `typ` header; `None` for `dc+sd-jwt` (digital credentials, as in RFC 9901's examples).
    pub typ: Option<String>,
}

/// The most decoys [`issue`] adds.
pub const MAX_DECOYS: usize = 100;

/// An issued SD-JWT: the compact text (with every disclosure) and the
/// disclosures; serialized as `{sdJwt, disclosures}`.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Issued {
    /// `<Issuer-signed JWT>~<D1>~…~<DN>~`.
    pub sd_jwt: String,
    /// The disclosures, in the order they follow the JWT.
    pub disclosures: Vec<Disclosure>,
}

/// The salt: 128 bits from the generator, base64url (§9.3: "at least 128 bits").
fn salt(rng: &mut impl CryptoRngCore) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    crate::b64::encode(&bytes)
}

/// Issue an SD-JWT over `claims` (a JSON object), signed with `key` for `alg`.
///
/// ```
/// use jwtlens::{alg::Algorithm, sign::generate, sdjwt::{issue, present, verify, Issue, KeyBinding, SdStatus}};
/// use jwtlens::{key::KeySet, policy::Policy, time::NumericDate};
/// # struct Counter(u64);
/// # impl rand_core::RngCore for Counter {
/// #     fn next_u32(&mut self) -> u32 { self.next_u64() as u32 }
/// #     fn next_u64(&mut self) -> u64 { self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); self.0 }
/// #     fn fill_bytes(&mut self, d: &mut [u8]) { for b in d { *b = (self.next_u64() >> 33) as u8 } }
/// #     fn try_fill_bytes(&mut self, d: &mut [u8]) -> Result<(), rand_core::Error> { self.fill_bytes(d); Ok(()) }
/// # }
/// # impl rand_core::CryptoRng for Counter {}
/// let mut rng = Counter(7); // use a real CSPRNG, e.g. rand_core::OsRng
/// let issuer = generate(Algorithm::ES256, &mut rng).unwrap();
/// let claims = r#"{"iss":"https://issuer.example","given_name":"Ada","birthdate":"1815-12-10"}"#;
/// let opts = Issue { disclosable: vec!["given_name".into(), "birthdate".into()], decoys: 2, ..Issue::default() };
/// let issued = issue(Algorithm::ES256, claims, &opts, &issuer, &mut rng).unwrap();
/// // The holder shows the name only.
/// let shown = present(&issued.sd_jwt, &["given_name"], None, &mut rng).unwrap();
/// let now = NumericDate::from_secs(1_800_000_000);
/// let r = verify(&shown, &KeySet::single(issuer.public()), &Policy::default(), now, &KeyBinding::default());
/// assert_eq!(r.status, SdStatus::Valid, "{}", r.message);
/// let p = r.processed.unwrap();
/// assert_eq!(p.payload["given_name"], "Ada");
/// assert!(p.payload.get("birthdate").is_none());
/// assert_eq!(p.undisclosed_digests, 3, "the birthdate and two decoys, which cannot be told apart");
/// ```
pub fn issue(
    alg: Algorithm,
    claims: &str,
    options: &Issue,
    key: &SigningKey,
    rng: &mut impl CryptoRngCore,
) -> Result<Issued, SdJwtError> {
    let bad = |why: String| SdJwtError::Format(why);
    let Ok(Value::Object(mut payload)) = serde_json::from_str::<Value>(claims) else {
        return Err(bad(String::from("the claims must be a JSON object")));
    };
    if options.decoys > MAX_DECOYS {
        return Err(bad(format!("{} decoys; at most {MAX_DECOYS}", options.decoys)));
    }
    for reserved in ["_sd", "_sd_alg", "cnf"] {
        if payload.contains_key(reserved) && !(reserved == "cnf" && options.holder_jwk.is_none()) {
            return Err(bad(format!("the claims already have {}, which the SD-JWT sets", quoted(reserved))));
        }
    }
    let mut disclosures = Vec::new();
    let mut digests = Vec::new();
    for name in &options.disclosable {
        if ["_sd", "...", "_sd_alg"].contains(&name.as_str()) {
            return Err(bad(format!("{} is reserved and cannot be a disclosable claim", quoted(name))));
        }
        let Some(value) = payload.remove(name) else {
            return Err(bad(format!("there is no claim {} to make selectively disclosable", quoted(name))));
        };
        // §4.2.1: the JSON array [salt, claim name, value], base64url-encoded.
        let array = Value::Array(alloc::vec![Value::String(salt(rng)), Value::String(name.clone()), value]);
        let text = crate::b64::encode(array.to_string().as_bytes());
        let d = Disclosure::decode(&text, 0)?;
        digests.push(d.digest(SdAlg::Sha256));
        disclosures.push(d);
    }
    for _ in 0..options.decoys {
        // §4.2.5: "the digest over a random number", indistinguishable from a real one.
        let mut noise = [0u8; 32];
        rng.fill_bytes(&mut noise);
        digests.push(crate::b64::encode(&crate::alg::Hash::Sha256.digest(&noise)));
    }
    // §4.2.4.1: the order must not reveal the claims' original order: sorted.
    crate::sort::sort(&mut digests);
    let mut out = Map::new();
    out.insert(String::from("_sd"), Value::Array(digests.into_iter().map(Value::String).collect()));
    out.extend(payload);
    out.insert(String::from("_sd_alg"), Value::String(String::from(SdAlg::Sha256.name())));
    if let Some(jwk) = &options.holder_jwk {
        let jwk = jwk.clone();
        super::verify::holder_public_jwk(&jwk).map_err(|why| bad(format!("the holder key for cnf {why}")))?;
        crate::key::import_key(&jwk.to_string(), crate::key::KeyInput::Jwk)
            .map_err(|e| bad(format!("the holder key for cnf is not usable: {e}")))?;
        let mut cnf = Map::new();
        cnf.insert(String::from("jwk"), jwk);
        out.insert(String::from("cnf"), Value::Object(cnf));
    }
    let header = format!(r#"{{"typ":{}}}"#, quoted(options.typ.as_deref().unwrap_or("dc+sd-jwt")));
    let jwt = sign(alg, &header, &Value::Object(out).to_string(), key, rng)
        .map_err(|e| SdJwtError::Issuer(format!("signing failed: {e}")))?;
    let mut sd_jwt = jwt;
    sd_jwt.push('~');
    for d in &disclosures {
        sd_jwt.push_str(&d.text);
        sd_jwt.push('~');
    }
    Ok(Issued { sd_jwt, disclosures })
}

/// What a Key Binding JWT says (§4.3): signed by the holder's key for `alg`.
#[derive(Debug, Clone)]
pub struct Bind<'a> {
    /// The holder's private key (the one in `cnf`).
    pub key: &'a SigningKey,
    /// Its algorithm.
    pub alg: Algorithm,
    /// The verifier's nonce.
    pub nonce: &'a str,
    /// The verifier.
    pub audience: &'a str,
    /// When it is made (`iat`).
    pub iat: crate::time::NumericDate,
}

/// The holder's presentation (§5): the issued SD-JWT with only the
/// disclosures of the `keep` claims (top-level claims), and a Key Binding JWT
/// when `bind` is given.
pub fn present(
    issued: &str,
    keep: &[&str],
    bind: Option<&Bind<'_>>,
    rng: &mut impl CryptoRngCore,
) -> Result<String, SdJwtError> {
    let sd = SdJwt::parse(issued)?;
    if sd.kb_jwt.is_some() {
        return Err(SdJwtError::Format(String::from(
            "present from the issued SD-JWT, not from a presentation with a Key Binding JWT",
        )));
    }
    for name in keep {
        if !sd.disclosures.iter().any(|d| d.name.as_deref() == Some(*name)) {
            return Err(SdJwtError::Format(format!("there is no disclosure of {}", quoted(name))));
        }
    }
    let mut out = sd.jwt.clone();
    out.push('~');
    for d in sd.disclosures.iter().filter(|d| d.name.as_deref().is_some_and(|n| keep.contains(&n))) {
        out.push_str(&d.text);
        out.push('~');
    }
    let Some(b) = bind else { return Ok(out) };
    // §4.3.1: sd_hash over the presentation up to and including the last '~', with the SD-JWT's _sd_alg.
    let payload: Option<Value> =
        crate::token::Token::parse(&sd.jwt).payload_bytes().and_then(|p| serde_json::from_slice(p).ok());
    let sd_alg = payload
        .as_ref()
        .and_then(|p| p.get("_sd_alg"))
        .and_then(Value::as_str)
        .map_or(Some(SdAlg::Sha256), SdAlg::from_name)
        .ok_or_else(|| SdJwtError::SdAlg(String::from("the SD-JWT's _sd_alg is not one jwtlens computes")))?;
    let sd_hash = crate::b64::encode(&sd_alg.hash().digest(out.as_bytes()));
    let mut claims = Map::new();
    claims.insert(String::from("nonce"), Value::String(b.nonce.to_string()));
    claims.insert(String::from("aud"), Value::String(b.audience.to_string()));
    claims.insert(String::from("iat"), serde_json::json!(b.iat.seconds() as i64));
    claims.insert(String::from("sd_hash"), Value::String(sd_hash));
    let kb = sign(b.alg, r#"{"typ":"kb+jwt"}"#, &Value::Object(claims).to_string(), b.key, rng)
        .map_err(|e| SdJwtError::KeyBinding(format!("signing the Key Binding JWT failed: {e}")))?;
    out.push_str(&kb);
    Ok(out)
}
