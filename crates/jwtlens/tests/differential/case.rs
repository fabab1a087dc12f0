//! One differential case: a token built from structured choices (signed
//! correctly with fixed keys, then mutated), judged by jwtlens and by an
//! oracle that shares no code with it.
//!
//! The oracle is the `jsonwebtoken` crate (ring) for the signature, the
//! algorithm, strict base64url and JSON, plus the rules jsonwebtoken leaves to
//! its caller, written here from the RFCs on `serde_json` and `base64`: the
//! header and claims are objects with no name twice in any object, within the
//! documented limits (depth 64, 10,000 values); registered header parameters
//! and claims have their types; `crit` (RFC 7515 §4.1.11) and `b64` (RFC 7797
//! §6); no `cty: JWT`; exp/nbf/iat against the time with a 60 s leeway; the
//! policy's issuer and audience. The property: jwtlens says valid ⇔ the oracle
//! says valid. Shared by `tests/differential.rs` (proptest, in CI) and the fuzz
//! target `fuzz/fuzz_targets/differential.rs` (libFuzzer, outside CI).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::sync::OnceLock;

use base64::Engine as _;
use jwtlens::alg::Algorithm;
use jwtlens::key::{import_key, KeyInput, KeySet};
use jwtlens::policy::Policy;
use jwtlens::report::VerdictStatus;
use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};

/// The time every case is judged at, and the default leeway.
pub const NOW: f64 = 1_795_000_000.0;
const LEEWAY: f64 = 60.0;
const ISSUER: &str = "https://issuer.example";
const AUDIENCE: &str = "api";

/// Reads choices from bytes; zeros once they run out, so any input is a case.
pub struct Chooser<'a> {
    bytes: &'a [u8],
}

impl<'a> Chooser<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Chooser { bytes }
    }
    /// A number below `n`.
    pub fn pick(&mut self, n: usize) -> usize {
        let (b, rest) = self.bytes.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.bytes = rest;
        usize::from(b) % n.max(1)
    }
    /// True with probability about `percent` / 100, and when the bytes have run out.
    pub fn usually(&mut self, percent: usize) -> bool {
        self.pick(100) < percent
    }
    /// True with probability about `percent` / 100, but not when the bytes have run out.
    pub fn rarely(&mut self, percent: usize) -> bool {
        self.pick(100) >= 100 - percent
    }
    pub fn one<'s, T>(&mut self, items: &'s [T]) -> &'s T {
        &items[self.pick(items.len())]
    }
}

/// The fixed keys: private halves to sign with, jwtlens key sets and
/// jsonwebtoken decoding keys made from the same public JWKs.
pub struct Fixture {
    hmac: Vec<u8>,
    rsa: rsa::RsaPrivateKey,
    p256: p256::ecdsa::SigningKey,
    ed25519: ed25519_dalek::SigningKey,
    jwks: Vec<(KeySet, jsonwebtoken::DecodingKey)>,
}

fn jwk_member(jwk: &str, name: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(jwk).unwrap();
    v[name].as_str().unwrap().to_owned()
}

pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let hmac: Vec<u8> = (0u8..64).map(|i| i.wrapping_mul(37).wrapping_add(11)).collect();
        let rsa_key = jwtlens::sign::generate(
            Algorithm::RS256,
            &mut <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(9),
        )
        .unwrap();
        let jwtlens::sign::SigningKey::Rsa(rsa) = rsa_key else { unreachable!() };
        let p256 = p256::ecdsa::SigningKey::from_slice(&[0x5a; 32]).unwrap();
        let ed25519 = ed25519_dalek::SigningKey::from_bytes(&[0x3c; 32]);
        let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
        use rsa::traits::PublicKeyParts;
        let point = p256.verifying_key().to_encoded_point(false);
        let jwks = [
            format!(r#"{{"kty":"oct","k":"{}"}}"#, b64(&hmac)),
            format!(r#"{{"kty":"RSA","n":"{}","e":"{}"}}"#, b64(&rsa.n().to_bytes_be()), b64(&rsa.e().to_bytes_be())),
            format!(
                r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}"#,
                b64(point.x().unwrap()),
                b64(point.y().unwrap())
            ),
            format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{}"}}"#, b64(ed25519.verifying_key().as_bytes())),
        ];
        let decoding = [
            jsonwebtoken::DecodingKey::from_secret(&hmac),
            jsonwebtoken::DecodingKey::from_rsa_components(&jwk_member(&jwks[1], "n"), &jwk_member(&jwks[1], "e"))
                .unwrap(),
            jsonwebtoken::DecodingKey::from_ec_components(&jwk_member(&jwks[2], "x"), &jwk_member(&jwks[2], "y"))
                .unwrap(),
            jsonwebtoken::DecodingKey::from_ed_components(&jwk_member(&jwks[3], "x")).unwrap(),
        ];
        let jwks = jwks.iter().zip(decoding).map(|(j, d)| (import_key(j, KeyInput::Jwk).unwrap().0, d)).collect();
        Fixture { hmac, rsa, p256, ed25519, jwks }
    })
}

const ALGS: [Algorithm; 9] = [
    Algorithm::HS256,
    Algorithm::HS384,
    Algorithm::HS512,
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::PS256,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::EdDSA,
];

fn key_index(alg: Algorithm) -> usize {
    match alg.name().as_bytes()[0] {
        b'H' => 0,
        b'R' | b'P' => 1,
        b'E' if alg == Algorithm::EdDSA => 3,
        _ => 2,
    }
}

fn jsonwebtoken_alg(alg: Algorithm) -> jsonwebtoken::Algorithm {
    alg.name().parse().unwrap()
}

/// A built case.
#[derive(Debug, Clone)]
pub struct Case {
    pub token: String,
    /// The algorithm both verifiers allow (the one the key signed with).
    pub alg: Algorithm,
    /// Check iss and aud too.
    pub strict_policy: bool,
    /// What was done, for failure messages.
    pub story: Vec<String>,
}

fn b64u(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn sign(alg: Algorithm, input: &[u8], ch: &mut Chooser) -> Vec<u8> {
    use core::cell::RefCell;
    use std::collections::HashMap;
    type Cache = HashMap<(Algorithm, usize, Vec<u8>), Vec<u8>>;
    thread_local! {
        /// RSA signatures by (algorithm, seed, input): a private-key operation costs about a
        /// millisecond, and fuzzing revisits the same header and payload with other mutations.
        static RSA_CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
    }
    let seed = ch.pick(256);
    if !matches!(alg.name().as_bytes()[0], b'R' | b'P') {
        return sign_now(alg, input, seed);
    }
    let key = (alg, seed, input.to_vec());
    if let Some(sig) = RSA_CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return sig;
    }
    let sig = sign_now(alg, input, seed);
    RSA_CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 200_000 {
            c.clear();
        }
        c.insert(key, sig.clone());
    });
    sig
}

fn sign_now(alg: Algorithm, input: &[u8], seed: usize) -> Vec<u8> {
    use rsa::signature::{RandomizedSigner, SignatureEncoding, Signer};
    let f = fixture();
    let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(seed as u64);
    match alg {
        Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => {
            use hmac::Mac;
            macro_rules! mac {
                ($h:ty) => {{
                    let mut m = <hmac::SimpleHmac<$h> as Mac>::new_from_slice(&f.hmac).unwrap();
                    m.update(input);
                    m.finalize().into_bytes().to_vec()
                }};
            }
            match alg {
                Algorithm::HS256 => mac!(sha2::Sha256),
                Algorithm::HS384 => mac!(sha2::Sha384),
                _ => mac!(sha2::Sha512),
            }
        }
        Algorithm::RS256 => rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(f.rsa.clone()).sign(input).to_vec(),
        Algorithm::RS384 => rsa::pkcs1v15::SigningKey::<sha2::Sha384>::new(f.rsa.clone()).sign(input).to_vec(),
        Algorithm::PS256 => {
            rsa::pss::SigningKey::<sha2::Sha256>::new(f.rsa.clone()).sign_with_rng(&mut rng, input).to_vec()
        }
        Algorithm::PS512 => {
            rsa::pss::SigningKey::<sha2::Sha512>::new(f.rsa.clone()).sign_with_rng(&mut rng, input).to_vec()
        }
        Algorithm::ES256 => {
            let s: p256::ecdsa::Signature = f.p256.sign(input);
            s.to_bytes().to_vec()
        }
        _ => {
            use ed25519_dalek::Signer as _;
            f.ed25519.sign(input).to_bytes().to_vec()
        }
    }
}

/// Deep nesting: `depth` arrays around a number.
fn nest(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

/// Build a case from choices.
pub fn build(ch: &mut Chooser) -> Case {
    let mut story = Vec::new();
    // Weighted towards HMAC, whose cases cost microseconds: the verdict logic after the
    // signature is the same for every algorithm, and an RSA signature costs a millisecond.
    let alg = match ch.pick(256) {
        r @ 0..=199 => ALGS[r % 3],
        200..=225 => Algorithm::EdDSA,
        226..=247 => Algorithm::ES256,
        // Under libFuzzer, whose corpus soon fills with the rarer branches, an RSA
        // private-key operation per case would cap it near a thousand cases a second;
        // RSA signatures are judged by the proptest, tests/rsa_padding.rs and Wycheproof.
        _ if cfg!(fuzzing) => Algorithm::ES256,
        r => ALGS[3 + r % 4],
    };
    story.push(format!("signed {}", alg.name()));

    // ---- header
    let alg_text = if ch.usually(85) {
        format!("\"{}\"", alg.name())
    } else {
        let other =
            *ch.one(&["\"none\"", "\"HS256\"", "\"RS256\"", "\"ES256\"", "\"EdDSA\"", "\"hs256\"", "\"PS256\"", "7"]);
        String::from(other)
    };
    let mut header: Vec<String> = vec![format!("\"alg\":{alg_text}")];
    const HEADER_EXTRAS: [&str; 25] = [
        r#""cty":"application/JWT""#,
        r#""typ":"JWT""#,
        r#""typ":5"#,
        r#""cty":"JWT""#,
        r#""cty":"jwt""#,
        r#""cty":"json""#,
        r#""kid":"k1""#,
        r#""kid":7"#,
        r#""crit":[]"#,
        r#""crit":["b64"]"#,
        r#""crit":["b64"],"b64":true"#,
        r#""b64":true"#,
        r#""crit":["b64"],"b64":false"#,
        r#""crit":["exp"],"exp":1"#,
        r#""crit":["b64","b64"],"b64":true"#,
        r#""crit":"b64","b64":true"#,
        r#""jku":"https://attacker.example/jwks""#,
        r#""x5u":1"#,
        r#""x5c":["AAAA"]"#,
        r#""x5c":"AAAA""#,
        r#""enc":3"#,
        r#""alg":"HS256""#,
        r#""ext":{"a":1,"a":2}"#,
        r#""ext":{"a":{"b":[1,{"c":2}]}}"#,
        r#""x5t":"abc""#,
    ];
    for _ in 0..ch.pick(4) {
        let extra = *ch.one(&HEADER_EXTRAS);
        story.push(format!("header +{extra}"));
        header.push(String::from(extra));
    }
    if ch.rarely(15) {
        header.reverse();
    }
    let mut header_text = format!("{{{}}}", header.join(","));
    if ch.rarely(3) {
        header_text = format!("\u{feff}{header_text}");
        story.push(String::from("header BOM"));
    }
    if ch.rarely(5) {
        header_text = format!(" {header_text}\n");
    }

    // ---- payload
    let mut claims: Vec<String> = Vec::new();
    let mut claim = |ch: &mut Chooser, name: &str, options: &[String]| {
        if ch.usually(60) {
            claims.push(format!("\"{name}\":{}", ch.one(options)));
        }
    };
    let n = |v: f64| format!("{v}");
    claim(
        ch,
        "sub",
        &[String::from("\"ada\""), String::from("12"), String::from("\"\\ud800\""), String::from("\"\\ud83d\\ude00\"")],
    );
    claim(ch, "iss", &[format!("\"{ISSUER}\""), String::from("\"https://evil.example\""), String::from("1")]);
    claim(
        ch,
        "aud",
        &[
            format!("\"{AUDIENCE}\""),
            format!("[\"web\",\"{AUDIENCE}\"]"),
            String::from("[\"web\"]"),
            String::from("[1]"),
            String::from("1"),
            String::from("[]"),
        ],
    );
    claim(
        ch,
        "exp",
        &[
            n(NOW + 3600.0),
            n(NOW - 30.0),
            n(NOW - 60.0),
            n(NOW - 90.0),
            n(NOW + 0.5),
            String::from("\"1795003600\""),
            String::from("1e400"),
            String::from("-1"),
            String::from("null"),
            String::from("1795003600.25"),
        ],
    );
    claim(ch, "nbf", &[n(NOW - 10.0), n(NOW + 30.0), n(NOW + 60.0), n(NOW + 120.0), String::from("\"x\"")]);
    claim(ch, "iat", &[n(NOW - 100.0), n(NOW + 30.0), n(NOW + 120.0), String::from("true")]);
    claim(ch, "jti", &[String::from("\"id-1\""), String::from("5")]);
    const PAYLOAD_EXTRAS: [&str; 8] = [
        r#""roles":{"admin":false,"admin":true}"#,
        r#""sub":"admin""#,
        r#""n":12345678901234567890123"#,
        r#""e":"\u00e9\u0000""#,
        r#""nested":{"a":[{"b":{"c":null}}]}"#,
        r#""s":"\udfff""#,
        r#""big":1e308"#,
        r#""t":"line\nbreak""#,
    ];
    for _ in 0..ch.pick(3) {
        let extra = *ch.one(&PAYLOAD_EXTRAS);
        story.push(format!("payload +{extra}"));
        claims.push(String::from(extra));
    }
    if ch.rarely(8) {
        let depth = *ch.one(&[62usize, 63, 64, 65, 80]);
        story.push(format!("nesting {depth}"));
        claims.push(format!("\"deep\":{}", nest(depth)));
    }
    if ch.rarely(3) {
        let count = *ch.one(&[9_990usize, 9_999, 10_000, 10_001]);
        story.push(format!("{count} elements"));
        claims.push(format!("\"many\":[{}0]", "0,".repeat(count - 1)));
    }
    let object = format!("{{{}}}", claims.join(","));
    let payload_text = match ch.pick(20) {
        15 => {
            story.push(String::from("payload array"));
            format!("[{object}]")
        }
        16 => {
            story.push(String::from("payload string"));
            String::from("\"hello\"")
        }
        17 => {
            story.push(String::from("payload BOM"));
            format!("\u{feff}{object}")
        }
        18 => {
            story.push(String::from("payload trailing"));
            format!("{object} x")
        }
        19 => {
            story.push(String::from("payload number"));
            String::from("5")
        }
        _ => object,
    };

    // ---- signature
    let input = format!("{}.{}", b64u(header_text.as_bytes()), b64u(payload_text.as_bytes()));
    let mut sig = sign(alg, input.as_bytes(), ch);
    match ch.pick(12) {
        6 => {
            let at = ch.pick(sig.len());
            sig[at] ^= 1 << ch.pick(8);
            story.push(String::from("signature bit flipped"));
        }
        7 => {
            sig.pop();
            story.push(String::from("signature truncated"));
        }
        8 => {
            sig.clear();
            story.push(String::from("signature empty"));
        }
        9 if alg == Algorithm::ES256 => {
            // s → n − s: the same signature in its other (high-S) form.
            use p256::elliptic_curve::ops::Neg;
            let s = p256::ecdsa::Signature::from_slice(&sig).unwrap();
            let (r, s) = s.split_scalars();
            let high = p256::ecdsa::Signature::from_scalars(r, (*s).neg()).unwrap();
            sig = high.to_bytes().to_vec();
            story.push(String::from("ECDSA high S"));
        }
        10 if alg == Algorithm::ES256 => {
            sig[..32].fill(0);
            story.push(String::from("ECDSA r = 0"));
        }
        11 => {
            sig = sign(alg, b"another message", ch);
            story.push(String::from("signature of another message"));
        }
        _ => {}
    }
    let token = format!("{input}.{}", b64u(&sig));
    let strict_policy = ch.rarely(30);
    if strict_policy {
        story.push(String::from("policy iss+aud"));
    }
    Case { token, alg, strict_policy, story }
}

/// jwtlens's verdict on a case.
pub fn jwtlens_status(case: &Case) -> VerdictStatus {
    let (set, _) = &fixture().jwks[key_index(case.alg)];
    let policy = Policy {
        algorithms: vec![case.alg],
        issuers: if case.strict_policy { vec![String::from(ISSUER)] } else { vec![] },
        audiences: if case.strict_policy { vec![String::from(AUDIENCE)] } else { vec![] },
        ..Policy::default()
    };
    let options = jwtlens::Options {
        now: jwtlens::time::NumericDate::new(NOW),
        keys: Some(set),
        policy: Some(&policy),
        ..Default::default()
    };
    let full = jwtlens::inspect(&case.token, &options).verdict;
    let fast = jwtlens::report::verdict(&jwtlens::Token::parse(&case.token), &options);
    assert_eq!(full, fast, "the fast verdict is the report's: {case:?}");
    full.status
}

// ---------------------------------------------------------------- the oracle

/// A JSON value read strictly: an object with a name twice anywhere is an error.
#[derive(Debug, Clone, PartialEq)]
enum V {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<V>),
    Obj(Vec<(String, V)>),
}

impl<'de> Deserialize<'de> for V {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<V, D::Error> {
        struct Strict;
        impl<'de> Visitor<'de> for Strict {
            type Value = V;
            fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<V, E> {
                Ok(V::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<V, E> {
                Ok(V::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<V, E> {
                Ok(V::Num(n as f64))
            }
            fn visit_u64<E>(self, n: u64) -> Result<V, E> {
                Ok(V::Num(n as f64))
            }
            fn visit_f64<E>(self, n: f64) -> Result<V, E> {
                Ok(V::Num(n))
            }
            fn visit_str<E>(self, s: &str) -> Result<V, E> {
                Ok(V::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<V, E> {
                Ok(V::Str(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<V, A::Error> {
                let mut items = Vec::new();
                while let Some(v) = seq.next_element()? {
                    items.push(v);
                }
                Ok(V::Arr(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<V, A::Error> {
                let mut members: Vec<(String, V)> = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    if members.iter().any(|(n, _)| *n == name) {
                        return Err(A::Error::custom(format!("duplicate member {name:?}")));
                    }
                    let value = map.next_value()?;
                    members.push((name, value));
                }
                Ok(V::Obj(members))
            }
        }
        d.deserialize_any(Strict)
    }
}

impl V {
    fn get(&self, name: &str) -> Option<&V> {
        match self {
            V::Obj(m) => m.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }
    /// Nesting depth: a scalar 0, a container 1 + its deepest child.
    fn depth(&self) -> usize {
        match self {
            V::Arr(a) => 1 + a.iter().map(V::depth).max().unwrap_or(0),
            V::Obj(m) => 1 + m.iter().map(|(_, v)| v.depth()).max().unwrap_or(0),
            _ => 0,
        }
    }
    /// Members and elements at any depth.
    fn values(&self) -> usize {
        match self {
            V::Arr(a) => a.len() + a.iter().map(V::values).sum::<usize>(),
            V::Obj(m) => m.len() + m.iter().map(|(_, v)| v.values()).sum::<usize>(),
            _ => 0,
        }
    }
    fn is_str(&self) -> bool {
        matches!(self, V::Str(_))
    }
    fn is_strs(&self) -> bool {
        matches!(self, V::Arr(a) if a.iter().all(V::is_str))
    }
}

/// Read JSON strictly, within the documented limits (RFC 8259 with unique names).
fn strict_object(bytes: &[u8], what: &str) -> Result<V, String> {
    let v: V = serde_json::from_slice(bytes).map_err(|e| format!("{what} not strict JSON: {e}"))?;
    if !matches!(v, V::Obj(_)) {
        return Err(format!("{what} not an object"));
    }
    if v.depth() > 64 {
        return Err(format!("{what} nests deeper than 64"));
    }
    if v.values() > 10_000 {
        return Err(format!("{what} has more than 10,000 values"));
    }
    Ok(v)
}

/// The oracle: `Ok(())` when the token must be valid, or why not.
pub fn oracle(case: &Case) -> Result<(), String> {
    let f = fixture();
    // 1. jsonwebtoken: base64url, JSON, alg allowed for this key, the signature.
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken_alg(case.alg));
    validation.algorithms = vec![jsonwebtoken_alg(case.alg)];
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    validation.leeway = 0;
    let (_, decoding) = &f.jwks[key_index(case.alg)];
    jsonwebtoken::decode::<serde_json::Value>(&case.token, decoding, &validation)
        .map_err(|e| format!("jsonwebtoken: {e}"))?;

    // 2. What jsonwebtoken leaves to its caller.
    let mut parts = case.token.split('.');
    let (h, p) = (parts.next().unwrap(), parts.next().unwrap());
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let header = strict_object(&engine.decode(h).unwrap(), "header")?;
    // RFC 7515 §4.1 and RFC 7797 §3: the registered parameters' types.
    for name in ["alg", "typ", "cty", "kid", "jku", "x5u", "x5t", "x5t#S256", "enc"] {
        if header.get(name).is_some_and(|v| !v.is_str()) {
            return Err(format!("header {name} not a string"));
        }
    }
    if header.get("x5c").is_some_and(|v| !v.is_strs()) {
        return Err(String::from("header x5c not a list of strings"));
    }
    if header.get("jwk").is_some_and(|v| !matches!(v, V::Obj(_))) {
        return Err(String::from("header jwk not an object"));
    }
    if header.get("b64").is_some_and(|v| !matches!(v, V::Bool(_))) {
        return Err(String::from("header b64 not a boolean"));
    }
    // RFC 7515 §4.1.11: crit non-empty, understood (only b64), no repeats, each present.
    let crit_names: Vec<String> = match header.get("crit") {
        None => vec![],
        Some(V::Arr(items)) => {
            let names: Vec<String> = items
                .iter()
                .map(|v| match v {
                    V::Str(s) => Ok(s.clone()),
                    _ => Err(String::from("crit entry not a string")),
                })
                .collect::<Result<_, _>>()?;
            if names.is_empty() {
                return Err(String::from("crit empty"));
            }
            for (i, n) in names.iter().enumerate() {
                if n != "b64" || names[..i].contains(n) || header.get(n).is_none() {
                    return Err(format!("crit {n:?} not acceptable"));
                }
            }
            names
        }
        Some(_) => return Err(String::from("crit not a list")),
    };
    // RFC 7797 §6: b64 only with crit naming it.
    if header.get("b64").is_some() && !crit_names.iter().any(|n| n == "b64") {
        return Err(String::from("b64 without crit"));
    }
    if let Some(V::Str(cty)) = header.get("cty") {
        // RFC 7515 §4.1.10: "application/" may be left out; media types ignore case.
        let cty = cty.to_ascii_lowercase();
        if cty.strip_prefix("application/").unwrap_or(&cty) == "jwt" {
            return Err(String::from("nested JWT"));
        }
    }
    // RFC 7519 §7.1: a JWT's payload is base64url-encoded; b64: false makes a JWS only.
    if header.get("b64") == Some(&V::Bool(false)) {
        return Err(String::from("unencoded payload"));
    }
    let payload_bytes = engine.decode(p).unwrap();
    let claims = strict_object(&payload_bytes, "payload")?;
    // RFC 7519 §4.1: the registered claims' types.
    for name in ["iss", "sub", "jti"] {
        if claims.get(name).is_some_and(|v| !v.is_str()) {
            return Err(format!("{name} not a string"));
        }
    }
    if claims.get("aud").is_some_and(|v| !v.is_str() && !v.is_strs()) {
        return Err(String::from("aud not a string or list of strings"));
    }
    let time = |name: &str| -> Result<Option<f64>, String> {
        match claims.get(name) {
            None => Ok(None),
            Some(V::Num(n)) if n.is_finite() => Ok(Some(*n)),
            Some(_) => Err(format!("{name} not a NumericDate")),
        }
    };
    let (exp, nbf, iat) = (time("exp")?, time("nbf")?, time("iat")?);
    // RFC 7519 §4.1.4–4.1.6 with the leeway.
    if exp.is_some_and(|e| NOW >= e + LEEWAY) {
        return Err(String::from("expired"));
    }
    if nbf.is_some_and(|b| NOW + LEEWAY < b) {
        return Err(String::from("not yet valid"));
    }
    if iat.is_some_and(|i| i > NOW + LEEWAY) {
        return Err(String::from("issued in the future"));
    }
    if case.strict_policy {
        if claims.get("iss") != Some(&V::Str(String::from(ISSUER))) {
            return Err(String::from("issuer"));
        }
        let aud_ok = match claims.get("aud") {
            Some(V::Str(a)) => a == AUDIENCE,
            Some(V::Arr(items)) => items.contains(&V::Str(String::from(AUDIENCE))),
            _ => false,
        };
        if !aud_ok {
            return Err(String::from("audience"));
        }
    }
    Ok(())
}

/// Build a case from `data`, judge it both ways, and panic on disagreement.
/// Returns whether the case was valid (for coverage counts).
pub fn check(data: &[u8]) -> bool {
    let case = build(&mut Chooser::new(data));
    let ours = jwtlens_status(&case);
    let theirs = oracle(&case);
    assert_eq!(
        ours == VerdictStatus::Valid,
        theirs.is_ok(),
        "jwtlens says {ours:?}, the oracle says {theirs:?}\ncase: {:?}\ntoken: {}",
        case.story,
        case.token.get(..400).unwrap_or(&case.token)
    );
    theirs.is_ok()
}
