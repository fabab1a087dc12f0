//! RFC 9901 §7: verifying an SD-JWT — the issuer's signature and claims, the
//! disclosures, and the Key Binding JWT — into one report whose status is
//! `valid` only when every step passed.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::Serialize;
use serde_json::Value;

use super::{process, quoted, Form, Processed, SdJwt, SdJwtError};
use crate::key::{import_key, KeyInput, KeySet};
use crate::policy::Policy;
use crate::report::{verdict, Options, Verdict, VerdictStatus};
use crate::time::NumericDate;
use crate::token::Token;
use crate::verify::{Backend, Foreign};

/// What the verifier expects of the Key Binding JWT (RFC 9901 §7.3). Faces
/// read it from JSON: `{ required?, forbidden?, nonce?, audience?, maxAge? }`.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct KeyBinding {
    /// Refuse an SD-JWT without a KB-JWT: the presentation must prove the holder has the key in `cnf`.
    pub required: bool,
    /// Refuse any KB-JWT: a holder checking what the issuer sent (§7.2: "the Holder MUST [...] ensure that [...] no Key Binding JWT" is attached).
    pub forbidden: bool,
    /// The nonce the verifier gave the holder; the KB-JWT's `nonce` must equal it.
    pub nonce: Option<String>,
    /// The verifier's own identifier; the KB-JWT's `aud` must be it.
    pub audience: Option<String>,
    /// How old the KB-JWT's `iat` may be, in seconds.
    pub max_age: f64,
}

impl Default for KeyBinding {
    /// Not required; if present, fresh within 5 minutes (no nonce or audience given: a KB-JWT then fails).
    fn default() -> KeyBinding {
        KeyBinding { required: false, forbidden: false, nonce: None, audience: None, max_age: 300.0 }
    }
}

/// The verdict on an SD-JWT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SdStatus {
    /// The issuer's signature and claims, every disclosure and the key binding (as required) passed.
    Valid,
    /// Read, but refused (see the error).
    Invalid,
    /// Not an SD-JWT that can be read.
    Malformed,
}

/// What was checked of the Key Binding JWT.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KeyBindingReport {
    /// The verdict on the KB-JWT as a JWT: signature with the `cnf` key, `typ`, `aud`, times.
    pub verdict: Verdict,
    /// The holder's key from `cnf`, described.
    pub key: Option<String>,
    /// `sd_hash` as computed over the presentation.
    pub sd_hash: String,
}

/// Everything [`verify`] found: the parts, each step's outcome and the one verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SdJwtReport {
    /// `valid` only when every step passed.
    pub status: SdStatus,
    /// One sentence.
    pub message: String,
    /// Why it is not valid.
    pub error: Option<SdJwtError>,
    /// The form, when the text could be read.
    pub form: Option<Form>,
    /// The disclosures, decoded, with their digests.
    pub disclosures: Vec<DisclosureReport>,
    /// The issuer-signed JWT's verdict.
    pub issuer: Option<Verdict>,
    /// The processed payload (§7.1), when the disclosures fit.
    pub processed: Option<Processed>,
    /// The Key Binding JWT's checks, when there is one.
    pub key_binding: Option<KeyBindingReport>,
    /// Advice that does not change the verdict.
    pub findings: Vec<String>,
}

/// One disclosure as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisclosureReport {
    /// The disclosure.
    #[serde(flatten)]
    pub disclosure: super::Disclosure,
    /// Its digest with the SD-JWT's `_sd_alg` (sha-256 when that is unknown).
    pub digest: String,
    /// Where it was placed in the processed payload (a JSON Pointer), when processing got that far.
    pub placed_at: Option<String>,
}

/// Verify `text` (an SD-JWT or SD-JWT+KB) at `now`: the issuer-signed JWT with
/// `keys` under `policy` — the same checks and "valid" invariants as every
/// token — then the disclosures (§7.1), then the key binding (§7.3) as `kb` asks.
pub fn verify(text: &str, keys: &KeySet, policy: &Policy, now: NumericDate, kb: &KeyBinding) -> SdJwtReport {
    verify_with(text, keys, policy, now, kb, None)
}

/// [`verify`], handing the final public-key arithmetic to `backend` when one is
/// given (see [`Backend`]): the issuer's keys by their index in `keys`, the
/// holder's `cnf` key as [`crate::verify::KeyRef::Foreign`].
pub fn verify_with(
    text: &str,
    keys: &KeySet,
    policy: &Policy,
    now: NumericDate,
    kb: &KeyBinding,
    backend: Option<&dyn Backend>,
) -> SdJwtReport {
    let mut report = SdJwtReport {
        status: SdStatus::Malformed,
        message: String::new(),
        error: None,
        form: None,
        disclosures: Vec::new(),
        issuer: None,
        processed: None,
        key_binding: None,
        findings: Vec::new(),
    };
    let sd = match SdJwt::parse(text) {
        Ok(sd) => sd,
        Err(e) => return report.refused(SdStatus::Malformed, e),
    };
    report.form = Some(sd.form);
    let token = Token::parse(&sd.jwt);
    let payload: Option<Value> = token.payload_bytes().and_then(|p| super::strict_json(p).ok());
    let sd_alg = payload
        .as_ref()
        .and_then(|p| p.get("_sd_alg"))
        .and_then(Value::as_str)
        .and_then(super::SdAlg::from_name)
        .unwrap_or(super::SdAlg::Sha256);
    report.disclosures = sd
        .disclosures
        .iter()
        .map(|d| DisclosureReport { disclosure: d.clone(), digest: d.digest(sd_alg), placed_at: None })
        .collect();
    report.findings = findings(&sd, kb, payload.as_ref());
    // §7.1 step 2: the issuer's signature and claims, as for every JWT.
    let options = Options::at(now).with_keys(keys).with_policy(policy).with_backend(backend);
    let issuer = verdict(&token, &options);
    report.issuer = Some(issuer.clone());
    if issuer.status != VerdictStatus::Valid {
        return report.refused(SdStatus::Invalid, SdJwtError::Issuer(issuer.message));
    }
    for (i, more) in sd.more_signatures.iter().enumerate() {
        let v = verdict(&Token::parse(more), &options);
        if v.status != VerdictStatus::Valid {
            let why = format!("its signature {} of {}: {}", i + 2, sd.more_signatures.len() + 1, v.message);
            return report.refused(SdStatus::Invalid, SdJwtError::Issuer(why));
        }
    }
    let Some(payload) = payload else {
        let e = SdJwtError::Processing(String::from("the issuer-signed payload is not JSON"));
        return report.refused(SdStatus::Invalid, e);
    };
    let processed = match process(&payload, &sd.disclosures) {
        Ok(p) => p,
        Err(e) => return report.refused(SdStatus::Invalid, e),
    };
    for (d, at) in report.disclosures.iter_mut().zip(&processed.placed_at) {
        d.placed_at = Some(at.clone());
    }
    // The policy judged the claims the issuer left visible; a time claim revealed by a
    // disclosure is judged here too, or a holder could keep an expired credential alive
    // by withholding (or presenting) its exp.
    if let Err(e) = disclosed_times(&processed, now, policy) {
        report.processed = Some(processed);
        return report.refused(SdStatus::Invalid, e);
    }
    let cnf = processed.payload.get("cnf").cloned();
    let sd_alg = processed.sd_alg;
    report.processed = Some(processed);
    // §7.3: the key binding.
    match (&sd.kb_jwt, kb.required, kb.forbidden) {
        (Some(_), _, true) => {
            let e = SdJwtError::KeyBinding(String::from(
                "a Key Binding JWT is attached, but an issuance carries none (RFC 9901 §7.2)",
            ));
            return report.refused(SdStatus::Invalid, e);
        }
        (None, true, _) => {
            let e = SdJwtError::KeyBinding(String::from(
                "this verifier requires a Key Binding JWT, and none is attached: whoever holds this SD-JWT could present it",
            ));
            return report.refused(SdStatus::Invalid, e);
        }
        (None, false, _) => {}
        (Some(kb_jwt), _, false) => {
            let sd_hash = crate::b64::encode(&sd_alg.hash().digest(sd.presentation.as_bytes()));
            match key_binding(kb_jwt, cnf.as_ref(), &sd_hash, policy, now, kb, backend) {
                Ok(r) => report.key_binding = Some(r),
                Err((r, e)) => {
                    report.key_binding = r;
                    return report.refused(SdStatus::Invalid, e);
                }
            }
        }
    }
    report.status = SdStatus::Valid;
    let disclosed = report.disclosures.len();
    report.message = format!(
        "The issuer's signature verified, {disclosed} disclosure{} fit the payload{}.",
        if disclosed == 1 { "" } else { "s" },
        if report.key_binding.is_some() { ", and the holder's key binding checked out" } else { "" }
    );
    report
}

/// RFC 7519 §4.1.4/§4.1.5 for `exp` and `nbf` that a disclosure revealed at the top level.
fn disclosed_times(processed: &Processed, now: NumericDate, policy: &Policy) -> Result<(), SdJwtError> {
    let leeway = if policy.leeway.is_finite() { policy.leeway.clamp(0.0, crate::policy::MAX_LEEWAY) } else { 0.0 };
    let revealed = |name: &str| {
        let pointer = format!("/{name}");
        processed.claims.iter().any(|c| c.disclosed && c.pointer == pointer)
    };
    let time = |name: &str| processed.payload.get(name).and_then(Value::as_f64).and_then(NumericDate::new);
    if revealed("exp") {
        match time("exp") {
            Some(exp) if now.seconds() < exp.seconds() + leeway => {}
            Some(_) => return Err(SdJwtError::Processing(String::from("the disclosed exp has passed"))),
            None => return Err(SdJwtError::Processing(String::from("the disclosed exp is not a NumericDate"))),
        }
    }
    if revealed("iat") {
        // RFC 7519 §4.1.6 as check_iat applies it: not issued in the future beyond the leeway.
        match time("iat") {
            Some(iat) if iat.seconds() <= now.seconds() + leeway => {}
            Some(_) => return Err(SdJwtError::Processing(String::from("the disclosed iat is in the future"))),
            None => return Err(SdJwtError::Processing(String::from("the disclosed iat is not a NumericDate"))),
        }
    }
    if revealed("nbf") {
        match time("nbf") {
            Some(nbf) if now.seconds() + leeway >= nbf.seconds() => {}
            Some(_) => return Err(SdJwtError::Processing(String::from("the disclosed nbf is still in the future"))),
            None => return Err(SdJwtError::Processing(String::from("the disclosed nbf is not a NumericDate"))),
        }
    }
    Ok(())
}

impl SdJwtReport {
    fn refused(mut self, status: SdStatus, e: SdJwtError) -> SdJwtReport {
        self.status = status;
        self.message = e.to_string();
        self.error = Some(e);
        self
    }
}

type KbResult = Result<KeyBindingReport, (Option<KeyBindingReport>, SdJwtError)>;

/// RFC 9901 §7.3 step 5: "Determine the public key for the Holder from the SD-JWT
/// [...]. Ensure that a signing algorithm was used that was deemed secure [...].
/// Validate the signature over the Key Binding JWT [...]. Check that the typ of the
/// Key Binding JWT is kb+jwt [...]. Check that the creation time of the Key Binding
/// JWT, as determined by the iat claim, is within an acceptable window. Determine
/// that the Key Binding JWT is bound to the current transaction and was created for
/// this Verifier (replay protection) by validating nonce and aud claims. Calculate
/// the digest over the Issuer-signed JWT and Disclosures [...] and verify that it
/// matches the value of the sd_hash claim in the Key Binding JWT."
fn key_binding(
    kb_jwt: &str,
    cnf: Option<&Value>,
    sd_hash: &str,
    policy: &Policy,
    now: NumericDate,
    kb: &KeyBinding,
    backend: Option<&dyn Backend>,
) -> KbResult {
    let fail = |why: String| Err((None, SdJwtError::KeyBinding(why)));
    let Some(cnf) = cnf else {
        return fail(String::from(
            "the SD-JWT has no cnf claim, so there is no holder key to check the Key Binding JWT with",
        ));
    };
    let Some(jwk) = cnf.get("jwk") else {
        let how = cnf.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>().join(", ")).unwrap_or_default();
        return fail(format!("cnf gives the holder key as {how}; jwtlens reads it only from cnf.jwk"));
    };
    if let Err(why) = holder_public_jwk(jwk) {
        return fail(format!("cnf.jwk {why}"));
    }
    let keys = match import_key(&jwk.to_string(), KeyInput::Jwk) {
        Ok((keys, _)) => keys,
        Err(e) => return fail(format!("cnf.jwk is not a usable key: {e}")),
    };
    if !(kb.max_age.is_finite() && kb.max_age >= 0.0) {
        return fail(format!("the maximum age {} is not a number of seconds", kb.max_age));
    }
    let (Some(nonce), Some(audience)) =
        (kb.nonce.as_ref().filter(|n| !n.is_empty()), kb.audience.as_ref().filter(|a| !a.is_empty()))
    else {
        return fail(String::from(
            "no expected nonce and audience were given, and a Key Binding JWT proves nothing without them (replay protection, §7.3)",
        ));
    };
    let kb_policy = Policy {
        typ: Some(String::from("kb+jwt")),
        audiences: alloc::vec![audience.clone()],
        required: ["iat", "aud", "nonce", "sd_hash"].map(String::from).to_vec(),
        max_age: Some(kb.max_age),
        leeway: policy.leeway,
        ..Policy::default()
    };
    let token = Token::parse(kb_jwt);
    let foreign = backend.map(Foreign);
    let options = Options::at(now).with_keys(&keys).with_policy(&kb_policy);
    let v = verdict(&token, &options.with_backend(foreign.as_ref().map(|f| f as &dyn Backend)));
    let described = keys.keys().first().map(crate::key::Key::describe);
    let report = KeyBindingReport { verdict: v.clone(), key: described, sd_hash: String::from(sd_hash) };
    if v.status != VerdictStatus::Valid {
        let why = format!("the Key Binding JWT: {}", v.message.trim_end_matches('.'));
        return Err((Some(report), SdJwtError::KeyBinding(why)));
    }
    let claims: Option<Value> = token.payload_bytes().and_then(|p| serde_json::from_slice(p).ok());
    let claim = |name: &str| claims.as_ref().and_then(|c| c.get(name)).and_then(Value::as_str).map(String::from);
    if claim("nonce").as_deref() != Some(nonce.as_str()) {
        let found = claim("nonce").map(|n| quoted(&n)).unwrap_or_else(|| String::from("none"));
        let e = format!("its nonce is {found}, not the {} this verifier gave", quoted(nonce));
        return Err((Some(report), SdJwtError::KeyBinding(e)));
    }
    if claim("sd_hash").as_deref() != Some(sd_hash) {
        let e = format!(
            "its sd_hash does not match the SD-JWT it came with ({} computed): disclosures were added, removed or reordered",
            quoted(sd_hash)
        );
        return Err((Some(report), SdJwtError::KeyBinding(e)));
    }
    Ok(report)
}

/// RFC 9901 §4.1.2 binds the SD-JWT to the holder's *public* key: exactly one JWK,
/// asymmetric, with no private part. A shared secret there would let every verifier that
/// has seen one presentation make Key Binding JWTs for any nonce.
pub(crate) fn holder_public_jwk(jwk: &Value) -> Result<(), String> {
    let Value::Object(o) = jwk else { return Err(String::from("is not a JSON object")) };
    if o.contains_key("keys") {
        return Err(String::from("is a JWK Set; the holder has one key"));
    }
    if o.get("kty").and_then(Value::as_str) == Some("oct") {
        return Err(String::from("is a shared secret (kty \"oct\"), which every verifier would then know"));
    }
    for private in ["d", "p", "q", "dp", "dq", "qi", "k", "oth"] {
        if o.contains_key(private) {
            return Err(format!("has the private member {}", quoted(private)));
        }
    }
    Ok(())
}

/// Advice: short salts, and presentations anyone could replay.
/// Personal data among the OpenID Connect standard claims (OpenID Connect Core §5.1) and
/// RFC 9901's examples: when an SD-JWT makes some claims selectively disclosable, one
/// of these left always visible is shown to every verifier.
const PERSONAL_CLAIMS: [&str; 16] = [
    "name",
    "given_name",
    "family_name",
    "middle_name",
    "nickname",
    "email",
    "phone_number",
    "address",
    "birthdate",
    "gender",
    "picture",
    "nationalities",
    "place_of_birth",
    "birth_family_name",
    "ssn",
    "national_id",
];

fn findings(sd: &SdJwt, kb: &KeyBinding, payload: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    // RFC 9901 §10.1 (privacy): selective disclosure protects only what is disclosable.
    if let Some(p) = payload.and_then(Value::as_object).filter(|p| p.contains_key("_sd")) {
        let visible: Vec<&str> = PERSONAL_CLAIMS.iter().copied().filter(|c| p.contains_key(*c)).collect();
        if !visible.is_empty() {
            out.push(format!(
                "Personal data always visible: {} {} in the issuer-signed payload itself, so every verifier sees {} although this SD-JWT discloses other claims selectively.",
                visible.join(", "),
                if visible.len() == 1 { "is" } else { "are" },
                if visible.len() == 1 { "it" } else { "them" }
            ));
        }
    }
    for (i, d) in sd.disclosures.iter().enumerate() {
        // A base64url salt carries 6 bits a character; §9.3: "128 bits [...] of entropy".
        let bits = d.salt.len() * 6;
        if bits < 128 {
            out.push(format!(
                "Disclosure {}: its salt has at most {bits} bits (RFC 9901 §9.3 recommends at least 128), so its value may be guessed from the digest.",
                i + 1
            ));
        }
    }
    if sd.disclosures.iter().any(|d| matches!(d.name.as_deref(), Some("exp" | "nbf" | "iat" | "iss" | "aud" | "cnf"))) {
        out.push(String::from(
            "A registered claim (exp, nbf, iat, iss, aud or cnf) is selectively disclosable: a holder can withhold it, so a verifier cannot rely on it being present.",
        ));
    }
    if sd.kb_jwt.is_none() && !kb.forbidden && !kb.required {
        out.push(String::from(
            "No Key Binding JWT: whoever holds this SD-JWT can present it; a verifier that needs proof of possession requires one.",
        ));
    }
    out
}
