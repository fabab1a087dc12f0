//! Issue 9's seven holes, each tried through the core as an attacker would:
//! every token here has a correct MAC or signature for the key given, and
//! none may come out `valid` (the npm package and the CLI repeat these in
//! tests/npm/attacks.test.mjs and crates/jwtlens-cli/tests/cli.rs).

use hmac::{Mac, SimpleHmac};
use jwtlens::alg::Algorithm;
use jwtlens::findings::FindingCode;
use jwtlens::key::{import_key, Detected, KeyInput, KeySet, SecretEncoding};
use jwtlens::report::VerdictStatus;
use jwtlens::time::NumericDate;
use jwtlens::token::{Limits, Token};
use jwtlens::{inspect, Code, Options};
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng as _;
use rsa::pkcs1::EncodeRsaPublicKey;
use rsa::pkcs8::EncodePublicKey;

const NOW: NumericDate = NumericDate::from_secs(1_795_000_000);

fn b64(bytes: &[u8]) -> String {
    jwtlens::b64::encode(bytes)
}

/// A token MACed with `secret` over exactly these header and payload bytes: the forger's tool,
/// built on the hmac crate directly rather than on jwtlens.
fn hs256(secret: &[u8], header: &[u8], payload: &[u8]) -> String {
    let input = format!("{}.{}", b64(header), b64(payload));
    let mut mac = <SimpleHmac<sha2::Sha256> as Mac>::new_from_slice(secret).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", b64(&mac.finalize().into_bytes()))
}

fn status(token: &str, keys: &KeySet, now: Option<NumericDate>) -> (VerdictStatus, String) {
    let r = inspect(token, &Options { now, keys: Some(keys), ..Options::default() });
    // The verdict-only path must agree.
    let fast = jwtlens::report::verdict(&Token::parse(token), &Options { now, keys: Some(keys), ..Options::default() });
    assert_eq!(fast, r.verdict, "{token}");
    (r.verdict.status, r.verdict.message)
}

/// A 2048-bit RSA public key as SPKI and PKCS#1 DER, and a certificate (RFC 7517 Appendix B).
struct PublicText {
    spki_pem: String,
    pkcs1_pem: String,
    spki_der: Vec<u8>,
    certificate_pem: String,
    jwks: String,
}

fn public_text() -> PublicText {
    let signing = jwtlens::sign::generate(Algorithm::RS256, &mut ChaCha8Rng::seed_from_u64(11)).unwrap();
    let jwtlens::sign::SigningKey::Rsa(private) = &signing else { unreachable!() };
    let public = private.to_public_key();
    let spki_der = public.to_public_key_der().unwrap().as_bytes().to_vec();
    let pkcs1_der = public.to_pkcs1_der().unwrap().as_bytes().to_vec();
    let pem = |label, der: &[u8]| pem_rfc7468::encode_string(label, pem_rfc7468::LineEnding::LF, der).unwrap();
    let rfc7517_b: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/vectors/latchset-jose/tests/vectors/rfc7517_B.jwk")).unwrap();
    let cert_der = base64_std(rfc7517_b["x5c"][0].as_str().unwrap());
    let jwk = signing.public().to_jwk();
    PublicText {
        spki_pem: pem("PUBLIC KEY", &spki_der),
        pkcs1_pem: pem("RSA PUBLIC KEY", &pkcs1_der),
        certificate_pem: pem("CERTIFICATE", &cert_der),
        jwks: format!("{{\"keys\":[{jwk}]}}"),
        spki_der,
    }
}

fn base64_std(s: &str) -> Vec<u8> {
    jwtlens::b64::decode(s).unwrap().bytes
}

/// Every wrapper issue 9 lists (and a few more) around public key text.
fn wrapped_public_texts(p: &PublicText) -> Vec<(&'static str, String)> {
    let body: String = p.spki_pem.lines().filter(|l| !l.starts_with("-----")).collect();
    vec![
        ("PEM with a byte-order mark", format!("\u{feff}{}", p.spki_pem)),
        ("PEM after an openssl subject= line", format!("subject=CN = api.example\n{}", p.spki_pem)),
        ("PEM inside JSON quotes", serde_json::to_string(&p.spki_pem).unwrap()),
        ("PEM with \\n escapes on one line", p.spki_pem.replace('\n', "\\n")),
        ("bare base64 body of the SPKI", body.clone()),
        ("bare base64 body on one line with spaces", format!("  {body}  ")),
        ("PKCS#1 PEM with CRLF and a BOM", format!("\u{feff}{}", p.pkcs1_pem.replace('\n', "\r\n"))),
        (
            "certificate PEM after openssl x509 -subject output",
            format!("subject=CN=Example\nissuer=CN=Example\n{}", p.certificate_pem),
        ),
        ("JWKS with a BOM", format!("\u{feff}{}", p.jwks)),
        ("JWKS with a word before it", format!("jwks: {}", p.jwks)),
        ("JWKS assigned in a shell", format!("JWKS='{}'", p.jwks)),
        ("SPKI DER in hex", p.spki_der.iter().map(|b| format!("{b:02x}")).collect()),
        ("PEM in single quotes with trailing newline", format!("'{}'\n", p.spki_pem)),
    ]
}

#[test]
fn hole_1_public_key_text_never_becomes_an_hmac_secret() {
    let p = public_text();
    let payload = br#"{"sub":"admin","exp":1795003600}"#;
    for (what, text) in wrapped_public_texts(&p) {
        // Auto-detection reads the key it is, or refuses; never a secret.
        match import_key(&text, KeyInput::Auto) {
            Ok((set, found)) => {
                assert_ne!(found, Detected::Secret, "{what}");
                assert_ne!(set.keys()[0].key_type(), jwtlens::key::KeyType::Oct, "{what}");
            }
            Err(e) => assert!(!e.to_string().is_empty(), "{what}"),
        }
        let forged = hs256(text.as_bytes(), br#"{"alg":"HS256"}"#, payload);
        if let Ok((set, _)) = import_key(&text, KeyInput::Auto) {
            assert_ne!(status(&forged, &set, Some(NOW)).0, VerdictStatus::Valid, "{what}: auto");
        }
        // Even when the caller insists the text is a secret, a public key's text is refused.
        let (set, _) = import_key(&text, KeyInput::Secret(SecretEncoding::Utf8)).unwrap();
        let (s, message) = status(&forged, &set, Some(NOW));
        assert_eq!(s, VerdictStatus::InvalidSignature, "{what}: explicit secret");
        assert!(message.contains("key confusion"), "{what}: {message}");
        let r = inspect(&forged, &Options { now: Some(NOW), keys: Some(&set), ..Options::default() });
        assert_eq!(r.findings[0].code, FindingCode::KeyConfusion, "{what}");
    }
    // The DER itself as a base64 secret: the bytes are a public key.
    let body: String = p.spki_pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let (set, _) = import_key(&body, KeyInput::Secret(SecretEncoding::Base64)).unwrap();
    let forged = hs256(&p.spki_der, br#"{"alg":"HS256"}"#, payload);
    assert_eq!(status(&forged, &set, Some(NOW)).0, VerdictStatus::InvalidSignature);
    // Damaged key text is an error naming the problem, not a secret.
    for damaged in [
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1L\n",
        "\u{feff}-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----",
        "{\"kty\":\"RSA\",\"n\":\"AQAB\"",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host",
        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA PUBLIC KEY",
    ] {
        let e = import_key(damaged, KeyInput::Auto).unwrap_err();
        assert!(!e.to_string().is_empty(), "{damaged:?}");
    }
    // An ordinary secret is still a secret, and still verifies.
    let (set, found) = import_key("a-long-and-random-shared-secret-0123456789", KeyInput::Auto).unwrap();
    assert_eq!(found, Detected::Secret);
    let good = hs256(b"a-long-and-random-shared-secret-0123456789", br#"{"alg":"HS256"}"#, payload);
    assert_eq!(status(&good, &set, Some(NOW)).0, VerdictStatus::Valid);
}

#[test]
fn hole_2_a_payload_the_core_cannot_read_is_never_valid() {
    let secret = b"a-long-and-random-shared-secret-0123456789";
    let (set, _) = import_key(core::str::from_utf8(secret).unwrap(), KeyInput::Auto).unwrap();
    let expired = r#"{"sub":"x","exp":978307200"#; // 2001, never closed below on purpose
    let deep = format!("{{\"exp\":978307200,\"a\":{}1{}}}", "[".repeat(200), "]".repeat(200));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("a lone surrogate escape", br#"{"sub":"\ud800","exp":978307200}"#.to_vec(), "{\"alg\":\"HS256\"}"),
        ("deep nesting in a claim", deep.into_bytes(), "{\"alg\":\"HS256\"}"),
        (
            "a BOM before the payload JSON",
            [&b"\xef\xbb\xbf"[..], br#"{"exp":978307200}"#].concat(),
            "{\"alg\":\"HS256\"}",
        ),
        ("an array payload", br#"[{"exp":978307200}]"#.to_vec(), "{\"alg\":\"HS256\"}"),
        ("a string payload", br#""hello""#.to_vec(), "{\"alg\":\"HS256\"}"),
        ("text that is not JSON", format!("{expired} trailing").into_bytes(), "{\"alg\":\"HS256\"}"),
        ("cty JWT over ordinary claims", br#"{"sub":"x"}"#.to_vec(), "{\"alg\":\"HS256\",\"cty\":\"JWT\"}"),
        ("a duplicate claim", br#"{"sub":"user","sub":"admin"}"#.to_vec(), "{\"alg\":\"HS256\"}"),
        ("a duplicate header member", br#"{"sub":"user"}"#.to_vec(), "{\"alg\":\"HS256\",\"alg\":\"HS256\"}"),
        ("exp of the wrong type", br#"{"exp":"978307200"}"#.to_vec(), "{\"alg\":\"HS256\"}"),
        ("aud a number", br#"{"aud":1}"#.to_vec(), "{\"alg\":\"HS256\"}"),
        ("exp beyond f64", br#"{"exp":1e400}"#.to_vec(), "{\"alg\":\"HS256\"}"),
    ];
    for (what, payload, header) in cases {
        let token = hs256(secret, header.as_bytes(), &payload);
        let (s, message) = status(&token, &set, Some(NOW));
        assert_ne!(s, VerdictStatus::Valid, "{what}: {message}");
        if what.starts_with("cty") {
            assert_eq!(s, VerdictStatus::Nested, "{what}");
        } else {
            assert_eq!(s, VerdictStatus::Malformed, "{what}: {message}");
            assert!(
                message.starts_with("The signature verified, but") || message.contains("not checked"),
                "{what}: {message}"
            );
        }
    }
}

#[test]
fn hole_3_crit_and_b64_are_checked_as_rfc_7515_and_7797_say() {
    let secret = b"a-long-and-random-shared-secret-0123456789";
    let (set, _) = import_key(core::str::from_utf8(secret).unwrap(), KeyInput::Auto).unwrap();
    for (header, valid) in [
        (r#"{"alg":"HS256","crit":[]}"#, false),
        (r#"{"alg":"HS256","crit":["b64"]}"#, false),
        (r#"{"alg":"HS256","crit":["b64","b64"],"b64":true}"#, false),
        (r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, false),
        (r#"{"alg":"HS256","crit":"b64","b64":true}"#, false),
        (r#"{"alg":"HS256","b64":true}"#, false),
        (r#"{"alg":"HS256","crit":["b64"],"b64":true}"#, true),
    ] {
        let token = hs256(secret, header.as_bytes(), br#"{"sub":"x"}"#);
        let (s, message) = status(&token, &set, Some(NOW));
        assert_eq!(s == VerdictStatus::Valid, valid, "{header}: {message}");
    }
    // b64: false without crit: the payload would be read unencoded; refused.
    let input = format!("{}.{}", b64(br#"{"alg":"HS256","b64":false}"#), r#"{"sub":"x"}"#);
    let mut mac = <SimpleHmac<sha2::Sha256> as Mac>::new_from_slice(secret).unwrap();
    mac.update(input.as_bytes());
    let token = format!("{input}.{}", b64(&mac.finalize().into_bytes()));
    assert_ne!(status(&token, &set, Some(NOW)).0, VerdictStatus::Valid);
}

#[test]
fn hole_4_the_backend_checks_the_key_the_core_chose() {
    use std::sync::Mutex;
    #[derive(Debug, Default)]
    struct Recorder(Mutex<Vec<(jwtlens::verify::KeyRef, String)>>);
    impl jwtlens::verify::Backend for Recorder {
        fn verify(
            &self,
            _: Algorithm,
            index: jwtlens::verify::KeyRef,
            key: &jwtlens::key::Key,
            _: &[u8],
            _: &[u8],
        ) -> Option<bool> {
            self.0.lock().unwrap().push((index, key.kid.clone().unwrap_or_default()));
            None
        }
    }
    let mut rng = ChaCha8Rng::seed_from_u64(4);
    let a = jwtlens::sign::generate(Algorithm::ES256, &mut rng).unwrap();
    let b = jwtlens::sign::generate(Algorithm::ES256, &mut rng).unwrap();
    let with_kid = |k: &jwtlens::sign::SigningKey, kid: &str| {
        format!("{},\"kid\":\"{kid}\"}}", k.public().to_jwk().trim_end_matches('}'))
    };
    let (set, _) =
        import_key(&format!("{{\"keys\":[{},{}]}}", with_kid(&a, "A"), with_kid(&b, "B")), KeyInput::Jwk).unwrap();
    let by_a_claiming_b =
        jwtlens::sign::sign(Algorithm::ES256, r#"{"kid":"B"}"#, r#"{"sub":"x"}"#, &a, &mut rng).unwrap();
    let by_b = jwtlens::sign::sign(Algorithm::ES256, r#"{"kid":"B"}"#, r#"{"sub":"x"}"#, &b, &mut rng).unwrap();
    let recorder = Recorder::default();
    let opts = Options { now: Some(NOW), keys: Some(&set), backend: Some(&recorder), ..Options::default() };
    assert_eq!(inspect(&by_a_claiming_b, &opts).verdict.status, VerdictStatus::InvalidSignature);
    assert_eq!(inspect(&by_b, &opts).verdict.status, VerdictStatus::Valid);
    // Both times the backend was asked about key B, at B's place in the set.
    assert_eq!(
        *recorder.0.lock().unwrap(),
        [
            (jwtlens::verify::KeyRef::InSet(1), String::from("B")),
            (jwtlens::verify::KeyRef::InSet(1), String::from("B"))
        ]
    );
}

#[test]
fn hole_5_no_clock_no_valid_verdict() {
    let secret = "a-long-and-random-shared-secret-0123456789";
    let (set, _) = import_key(secret, KeyInput::Auto).unwrap();
    let token = hs256(secret.as_bytes(), br#"{"alg":"HS256"}"#, br#"{"sub":"x","exp":978307200}"#);
    let at = |now, skip| {
        inspect(&token, &Options { now, skip_time_checks: skip, keys: Some(&set), ..Options::default() }).verdict
    };
    assert_eq!(at(None, false).status, VerdictStatus::ClaimsFail);
    assert!(at(None, false).message.contains("no current time"));
    assert_eq!(at(Some(NOW), false).status, VerdictStatus::ClaimsFail);
    // NaN is no time: the type cannot hold it, so a face that gets one has no clock.
    assert_eq!(at(NumericDate::new(f64::NAN), false).status, VerdictStatus::ClaimsFail);
    // Asked for explicitly, and said so.
    let skipped = at(None, true);
    assert_eq!(skipped.status, VerdictStatus::Valid);
    assert!(skipped.message.contains("skipped"), "{}", skipped.message);
    // A time given is always used, whatever the flag says.
    assert_eq!(at(Some(NOW), true).status, VerdictStatus::ClaimsFail);
}

#[test]
fn hole_6_parse_work_is_bounded_and_refused_with_a_located_error() {
    // 20,000 members all called "a": the worst case for duplicate detection, under the length limit.
    let payload = format!("{{{}\"a\":0}}", "\"a\":0,".repeat(19_999));
    let token = format!("{}.{}.c2ln", b64(br#"{"alg":"HS256"}"#), b64(payload.as_bytes()));
    let t = Token::parse(&token);
    let e = &t.errors()[0];
    assert_eq!((e.code, e.part), (Code::TooComplex, jwtlens::Part::Payload));
    assert!(e.message.contains("more than 10000 values"), "{}", e.message);
    // Raised, it reads; duplicates among many members are found (in O(n log n)).
    let members: Vec<String> = (0..20_000).map(|i| format!("\"c{i}\":{i}")).collect();
    let dup = format!("{{{},\"c5\":0}}", members.join(","));
    let token = format!("{}.{}.c2ln", b64(br#"{"alg":"HS256"}"#), b64(dup.as_bytes()));
    let roomy = Limits { max_values: 30_000, max_bytes: 1 << 20, ..Limits::default() };
    let t = Token::parse_with(&token, &roomy);
    assert!(t.errors().is_empty());
    assert_eq!(t.notices().iter().filter(|n| n.code == Code::DuplicateMember).count(), 1);
    // The input length bound comes first.
    let huge = "a".repeat(jwtlens::token::MAX_BYTES + 1);
    assert_eq!(Token::parse(&huge).errors()[0].code, Code::TooLarge);
}

#[test]
fn hole_7_one_leeway_whatever_the_options_shape() {
    let secret = "a-long-and-random-shared-secret-0123456789";
    let (set, _) = import_key(secret, KeyInput::Auto).unwrap();
    // Expired 30 s ago: within the default leeway (60 s), with or without a policy.
    let token = hs256(secret.as_bytes(), br#"{"alg":"HS256"}"#, br#"{"exp":1794999970}"#);
    let default = jwtlens::policy::Policy::default();
    let none = inspect(&token, &Options { now: Some(NOW), keys: Some(&set), ..Options::default() });
    let empty =
        inspect(&token, &Options { now: Some(NOW), keys: Some(&set), policy: Some(&default), ..Options::default() });
    assert_eq!(none.verdict.status, VerdictStatus::Valid);
    assert_eq!(none.verdict, empty.verdict);
    assert_eq!(none.checks, empty.checks);
    // 90 s ago: outside it, both ways.
    let token = hs256(secret.as_bytes(), br#"{"alg":"HS256"}"#, br#"{"exp":1794999910}"#);
    let none = inspect(&token, &Options { now: Some(NOW), keys: Some(&set), ..Options::default() });
    assert_eq!(none.verdict.status, VerdictStatus::ClaimsFail);
    // A "now" that can only be milliseconds is refused with the reason.
    let e = NumericDate::now(1_795_000_000_000.0).unwrap_err();
    assert!(e.to_string().contains("milliseconds"));
}

#[test]
fn rsa_keys_with_a_forgeable_exponent_are_refused_at_import() {
    let p = public_text();
    let (set, _) = import_key(&p.spki_pem, KeyInput::Auto).unwrap();
    let n = set.keys()[0].to_jwk();
    let n: serde_json::Value = serde_json::from_str(&n).unwrap();
    for e in ["AA", "AQ", "Ag", "AAE", "AQAA"] {
        let jwk = format!(r#"{{"kty":"RSA","n":"{}","e":"{e}"}}"#, n["n"].as_str().unwrap());
        assert!(import_key(&jwk, KeyInput::Jwk).is_err(), "e = {e}");
    }
    let jwk = format!(r#"{{"kty":"RSA","n":"{}","e":"Aw"}}"#, n["n"].as_str().unwrap());
    assert!(import_key(&jwk, KeyInput::Jwk).is_ok(), "e = 3 is a valid exponent");
}

// ---- a second review: key material in forms operators configure, and ordinary secrets left alone

fn public_key_in_secret(text: &str) -> Option<String> {
    let (set, _) = import_key(text, KeyInput::Secret(SecretEncoding::Utf8)).ok()?;
    match &set.keys()[0].material {
        jwtlens::key::Material::Hmac(h) => h.public_key().map(String::from),
        _ => None,
    }
}

#[test]
fn key_material_in_operator_formats_is_never_a_secret() {
    let p = public_text();
    let signing = jwtlens::sign::generate(Algorithm::RS256, &mut ChaCha8Rng::seed_from_u64(11)).unwrap();
    let jwk: serde_json::Value = serde_json::from_str(&signing.public().to_jwk()).unwrap();
    let n = jwtlens::b64::decode(jwk["n"].as_str().unwrap()).unwrap().bytes;
    let b64std = |b: &[u8]| {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(b)
    };
    let ec = p256::ecdsa::SigningKey::from_slice(&[5; 32]).unwrap();
    let point = ec.verifying_key().to_encoded_point(false);
    let ec_pem = {
        use p256::pkcs8::EncodePublicKey;
        ec.verifying_key().to_public_key_pem(p256::pkcs8::LineEnding::LF).unwrap()
    };
    let body_lines: Vec<&str> = ec_pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    let forms: Vec<(&str, String)> = vec![
        (
            ".NET RSA.ToXmlString(false)",
            format!("<RSAKeyValue><Modulus>{}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>", b64std(&n)),
        ),
        ("openssl rsa -modulus", format!("Modulus={}", hex(&n).to_uppercase())),
        ("KEY=<standard base64 DER>", format!("JWT_PUBLIC_KEY={}", b64std(&p.spki_der))),
        ("a raw P-256 point in hex", hex(point.as_bytes())),
        ("Node Buffer JSON of the DER", format!("{{\"type\":\"Buffer\",\"data\":{:?}}}", p.spki_der)),
        ("a JWK with escaped quotes (.env)", signing.public().to_jwk().replace('"', "\\\"")),
        ("a PEM missing its BEGIN line", ec_pem.lines().skip(1).collect::<Vec<_>>().join("\n")),
        ("PEM body lines as a JSON array", serde_json::to_string(&body_lines).unwrap()),
        ("PEM body lines quoted with '> '", body_lines.iter().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n")),
        ("70 KB of text, then a PEM", format!("{}\n{}", "#".repeat(70_000), p.spki_pem)),
        ("a JWK's kty written as XML", "<jwk><kty>RSA</kty><n>AQAB</n></jwk>".to_string()),
        ("decimal bytes of the DER", p.spki_der.iter().map(u8::to_string).collect::<Vec<_>>().join(",")),
        (
            "Java signed bytes of the DER",
            p.spki_der.iter().map(|b| (*b as i8).to_string()).collect::<Vec<_>>().join(", "),
        ),
    ];
    for (what, text) in forms {
        assert!(public_key_in_secret(&text).is_some(), "{what} was taken as an ordinary secret");
        if let Ok((_, found)) = import_key(&text, KeyInput::Auto) {
            assert_ne!(found, Detected::Secret, "{what} (auto)");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 3_000, failure_persistence: None, ..Default::default() })]

    /// Ordinary secrets stay secrets: random bytes as hex or base64 (32–128 bytes), random
    /// printable passwords, UUID-like and prefixed API secrets, in auto mode and explicitly.
    #[test]
    fn ordinary_secrets_are_not_mistaken_for_keys(
        bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 32..128),
        password in "[ -~]{32,80}",
        form in 0usize..4,
    ) {
        use base64::Engine as _;
        let (text, encoding) = match form {
            0 => (bytes.iter().map(|x| format!("{x:02x}")).collect::<String>(), SecretEncoding::Hex),
            1 => (base64::engine::general_purpose::STANDARD.encode(&bytes), SecretEncoding::Base64),
            2 => (base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes), SecretEncoding::Base64Url),
            _ => (password.clone(), SecretEncoding::Utf8),
        };
        let (set, _) = import_key(&text, KeyInput::Secret(encoding)).unwrap();
        let jwtlens::key::Material::Hmac(h) = &set.keys()[0].material else { unreachable!() };
        proptest::prop_assert_eq!(h.public_key(), None, "{}", text);
        // Passwords that do not look like JSON are secrets in auto mode too.
        if form == 3 && !password.trim_start().starts_with(['{', '[', '"', '\'']) {
            let found = import_key(&password, KeyInput::Auto).map(|(_, f)| f);
            proptest::prop_assert!(matches!(found, Ok(Detected::Secret)), "{} -> {:?}", password, found);
        }
    }
}
