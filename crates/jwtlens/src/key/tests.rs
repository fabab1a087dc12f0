use super::*;
use alloc::string::ToString;

#[test]
fn hex_secrets_every_way_they_are_written() {
    // Upper and lower case, a 0x prefix, colons and spaces between bytes (openssl's dumps).
    assert_eq!(hex_decode("0xDEADbeef09"), Ok(alloc::vec![0xde, 0xad, 0xbe, 0xef, 0x09]));
    assert_eq!(hex_decode("de:ad be\tef"), Ok(alloc::vec![0xde, 0xad, 0xbe, 0xef]));
    let bad = |expected: &str, found: &str| KeyProblem::BadEncoding {
        expected: String::from(expected),
        found: String::from(found),
    };
    assert_eq!(hex_decode("de-add"), Err((2, bad("a hex digit", "\"-\""))));
    assert_eq!(hex_decode("de:AD be\nF0"), Ok(alloc::vec![0xde, 0xad, 0xbe, 0xf0]));
    assert_eq!(hex_decode("ab"), Ok(alloc::vec![0xab]));
    assert_eq!(hex_decode("abc"), Err((3, bad("an even number of hex digits", "an odd number"))));
    assert_eq!(hex_decode("a"), Err((1, bad("an even number of hex digits", "an odd number"))));
    assert_eq!(hex_decode("zz").unwrap_err().0, 0);
    // A character beyond ASCII is not the hex digit its low byte would be ('š' is U+0161, 'İ' U+0130).
    assert_eq!(hex_decode("dešd"), Err((2, bad("a hex digit", "\"š\""))));
    assert_eq!(hex_decode("İ0"), Err((0, bad("a hex digit", "\"İ\""))));
    let e = Key::secret("de ad š", SecretEncoding::Hex).unwrap_err();
    assert_eq!(e.to_string(), "hex secret (character 6): expected a hex digit, found \"š\"");
    // A control character is escaped, never written raw (ESC would start a terminal command).
    let e = Key::secret("ab\u{1b}[2J", SecretEncoding::Hex).unwrap_err();
    assert_eq!(e.to_string(), "hex secret (character 2): expected a hex digit, found \"\\u001b\"");
    assert_eq!(e.problem.reason(), "bad_encoding");
}

#[test]
fn size_and_debug_never_show_a_secret() {
    let key = Key::secret("a-secret-of-thirty-two-bytes-yes", SecretEncoding::Utf8).unwrap();
    assert_eq!(key.bits(), 256);
    let debug = alloc::format!("{key:?}");
    assert_eq!(debug, r#"Key { type: Oct, bits: 256, kid: None }"#);
    assert!(!debug.contains("a-secret"));
}

#[test]
fn secrets_in_every_encoding() {
    let want = b"hello".to_vec();
    for (text, enc) in [
        ("hello", SecretEncoding::Utf8),
        ("aGVsbG8=", SecretEncoding::Base64),
        ("aGVsbG8", SecretEncoding::Base64Url),
        ("68656c6c6f", SecretEncoding::Hex),
    ] {
        match Key::secret(text, enc).unwrap().material {
            Material::Hmac(k) => assert_eq!(&*k, want, "{enc:?}"),
            _ => panic!("not hmac"),
        }
    }
    let e = Key::secret("68656x", SecretEncoding::Hex).unwrap_err();
    assert_eq!(e.at.as_deref(), Some("character 5"));
    assert!(Key::secret("", SecretEncoding::Utf8).is_err());
}

/// What the import paths say and read, one by one (kills the mutants
/// `cargo mutants` found surviving in import_key, pem, der_key, jwk, secret).
#[test]
fn every_import_path_reads_and_says_what_it_should() {
    const ED_PEM: &str =
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    // The PEM format, explicitly.
    let (set, found) = import_key(ED_PEM, KeyInput::Pem).unwrap();
    assert_eq!((found, set.keys()[0].key_type()), (Detected::Pem, KeyType::Ed25519));
    assert!(import_key("{\"kty\":\"oct\",\"k\":\"AAAA\"}", KeyInput::Pem).is_err());
    // A secret that is a PEM says which key it is.
    let secret = Key::secret(ED_PEM, SecretEncoding::Utf8).unwrap();
    let Material::Hmac(h) = &secret.material else { unreachable!() };
    assert_eq!(h.public_key(), Some("Ed25519 public key, 256 bits (PEM public key)"));
    // The hex of a PEM given as a base64 secret: its decoding is noise, but the text is the key.
    let hex: String = ED_PEM.bytes().map(|b| format!("{b:02x}")).collect();
    let secret = Key::secret(&hex, SecretEncoding::Base64).unwrap();
    let Material::Hmac(h) = &secret.material else { unreachable!() };
    assert!(h.public_key().is_some());
    // An ordinary base64 secret stays ordinary.
    let secret = Key::secret("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==", SecretEncoding::Base64).unwrap();
    let Material::Hmac(h) = &secret.material else { unreachable!() };
    assert_eq!(h.public_key(), None);
    // P-384 from a JWK (RFC 7520 §3.1's key is P-521; this one is RFC 7517 A.1's shape on P-384).
    let p384 = p384::ecdsa::SigningKey::from_slice(&[7; 48]).unwrap();
    let pt = p384.verifying_key().to_encoded_point(false);
    let jwk = format!(
        r#"{{"kty":"EC","crv":"P-384","x":"{}","y":"{}"}}"#,
        b64::encode(pt.x().unwrap()),
        b64::encode(pt.y().unwrap())
    );
    assert_eq!(Key::import(&jwk).unwrap().keys()[0].key_type(), KeyType::P384);
    // A private key PEM says so.
    let e = Key::import("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH\n-----END PRIVATE KEY-----").unwrap_err();
    assert_eq!(e.problem, KeyProblem::PrivateKey, "{e}");
    assert!(e.to_string().starts_with("PEM (PRIVATE KEY): a private key"), "{e}");
    let e = Key::import("-----BEGIN FOO-----\nAAAA\n-----END FOO-----").unwrap_err();
    assert_eq!((e.problem.reason(), e.at.as_deref()), ("unsupported_label", Some("FOO")), "{e}");
    assert!(e.to_string().contains("unsupported PEM label"), "{e}");
    // A certificate that is not one: the certificate's error, named as the PEM's.
    let e = Key::import("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----").unwrap_err();
    assert_eq!((e.format, e.at.as_deref()), (KeySource::Pem, Some("CERTIFICATE")));
    // DER that is a SEQUENCE but no key: the reason names the SubjectPublicKeyInfo reading's failure.
    let e = import_key("MAwCAQACAQACAQACAQA=MAwCAQACAQACAQACAQA", KeyInput::Key).unwrap_err();
    assert_eq!(e.format, KeySource::Key, "{e}");
    assert!(matches!(e.problem, KeyProblem::NotKeyText | KeyProblem::UnreadableKeyText { .. }), "{e}");
    // Two INTEGERs read as a PKCS#1 key, refused for its numbers; three are no key structure at all.
    let e = der_key(&[0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]).unwrap_err();
    assert_eq!((e.at.as_deref(), e.problem), (Some("PKCS#1"), KeyProblem::EvenModulus));
    let e = der_key(&[0x30, 0x09, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]).unwrap_err();
    assert_eq!(e.problem, KeyProblem::UnknownDer);
    assert_eq!(
        e.to_string(),
        "DER: it is a DER structure, but not a SubjectPublicKeyInfo, a PKCS#1 RSA public key or an X.509 certificate"
    );
    // An X25519 SubjectPublicKeyInfo reads as one, with an algorithm jwtlens does not verify with.
    let mut x25519 = alloc::vec![0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00];
    x25519.extend_from_slice(&[9; 32]);
    let e = der_key(&x25519).unwrap_err();
    assert_eq!((e.problem, e.at.as_deref()), (KeyProblem::UnsupportedAlgorithm, Some("1.3.101.110")));
    // A PKCS#8 private key given as DER says so.
    let pkcs8 = b64::decode("MC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH").unwrap().bytes;
    assert_eq!(der_key(&pkcs8).unwrap_err().problem, KeyProblem::PrivateKey);
}

#[test]
fn a_set_mixing_secrets_and_public_keys_is_known_as_one() {
    let oct =
        r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#;
    let ed = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
    let broken_rsa = r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#;
    let set = |members: &[&str]| jwk_or_set(&format!(r#"{{"keys":[{}]}}"#, members.join(","))).unwrap();
    assert!(set(&[oct, ed]).mixes_secrets_and_public_keys());
    // A public key that could not be imported still makes the set mixed.
    assert!(set(&[oct, broken_rsa]).mixes_secrets_and_public_keys());
    assert!(!set(&[oct, oct]).mixes_secrets_and_public_keys());
    assert!(!set(&[ed, broken_rsa]).mixes_secrets_and_public_keys());
}

#[test]
fn wrapped_jwks_import() {
    let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"a\nb"}"#;
    // JSON escapes inside a JWK's strings are the JWK's own: not line breaks to undo.
    assert_eq!(import_key(jwk, KeyInput::Auto).unwrap().0.keys()[0].kid.as_deref(), Some("a\nb"));
    // A JWK written as a JSON string (quoted, its quotes escaped) is unescaped first.
    let quoted = serde_json::to_string(jwk).unwrap();
    assert_eq!(import_key(&quoted, KeyInput::Auto).unwrap().1, Detected::Jwk);
    // In single quotes it is taken as it stands.
    assert_eq!(import_key(&format!("'{jwk}'"), KeyInput::Auto).unwrap().1, Detected::Jwk);
}

#[test]
fn jwk_errors_name_the_member() {
    let e = Key::import(r#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#).unwrap_err();
    assert_eq!(e.at.as_deref(), Some("x"));
    assert_eq!(e.problem, KeyProblem::WrongLength { expected: 32, curve: Some(String::from("P-256")), found: 3 });
    assert_eq!(e.problem.to_string(), "must be 32 bytes for P-256, found 3");
    // A point off the curve: the pair is named, whichever coordinate is wrong (here y = p).
    let p256_p = "_____wAAAAEAAAAAAAAAAAAAAAD_______________8";
    let off = format!(r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{p256_p}"}}"#, "A".repeat(43));
    let e = Key::import(&off).unwrap_err();
    assert_eq!(
        (e.at.as_deref(), e.to_string().as_str()),
        (Some("x, y"), "JWK (x, y): the point (x, y) is not on P-256")
    );
    let e = Key::import(r#"{"kty":"RSA","n":"AQAB"}"#).unwrap_err();
    assert_eq!(e.at.as_deref(), Some("e"));
    let e = Key::import(r#"{"kty":"XYZ"}"#).unwrap_err();
    assert_eq!(e.at.as_deref(), Some("kty"));
    assert_eq!(e.to_string(), "JWK (kty): unsupported key type \"XYZ\" (oct, RSA, EC, OKP)");
    // A control character in a name given back is escaped, never written raw.
    let e = Key::import("{\"kty\":\"X\\u001b[2J\"}").unwrap_err();
    assert_eq!(e.to_string(), "JWK (kty): unsupported key type \"X\\u001b[2J\" (oct, RSA, EC, OKP)");
    let e = Key::import(r#"{"keys":[{"kty":"oct"}]}"#).unwrap_err();
    assert_eq!(e.at.as_deref(), Some("keys[0].k"));
    assert!(Key::import("not a key").is_err());
}

#[test]
fn der_errors_count_bytes_from_the_start_of_the_input() {
    // An Ed25519 SubjectPublicKeyInfo whose key claims 1 unused bit: byte 11.
    let mut ed = alloc::vec![0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x01];
    ed.extend_from_slice(&[9; 32]);
    let e = spki(&ed, KeyFormat::PemSpki).unwrap_err();
    assert_eq!(e.problem.to_string(), "cannot read the key: subjectPublicKey: a key with 1 unused bits");
    // A negative RSA modulus inside the BIT STRING: the error names its byte in the whole input.
    let mut modulus = alloc::vec![0x80];
    modulus.extend_from_slice(&[0x11; 255]);
    let mut rsa_key = alloc::vec![0x30, 0x82, 0x01, 0x09, 0x02, 0x82, 0x01, 0x00];
    rsa_key.extend_from_slice(&modulus);
    rsa_key.extend_from_slice(&[0x02, 0x03, 0x01, 0x00, 0x01]);
    let mut bits = alloc::vec![0x03, 0x82, 0x01, 0x0e, 0x00];
    bits.extend_from_slice(&rsa_key);
    let alg = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
    let mut der = alloc::vec![0x30, 0x82, 0x01, 0x21];
    der.extend_from_slice(&alg);
    der.extend_from_slice(&bits);
    assert_eq!(der.len(), 4 + 0x121);
    let e = spki(&der, KeyFormat::PemSpki).unwrap_err();
    // 4 (outer header) + 15 (algorithm) + 5 (BIT STRING header, unused bits) + 4 (SEQUENCE) + 4 (INTEGER header) = 32.
    assert_eq!(e.problem.to_string(), "cannot read the key: modulus: a negative INTEGER (at byte 32)");
    // The same key as PKCS#1: the modulus starts at byte 8.
    assert!(pkcs1(&rsa_key).unwrap_err().to_string().ends_with("modulus: a negative INTEGER (at byte 8)"));
}

#[test]
fn rsa_numbers_are_judged_before_the_rsa_crate_sees_them() {
    // A modulus of `bits` bits ending in `last`, as base64url.
    let n = |bits: usize, last: u8| {
        let mut bytes = alloc::vec![0xc5u8; bits.div_ceil(8)];
        bytes[0] = 0xff >> (bytes.len() * 8 - bits);
        *bytes.last_mut().unwrap() = last;
        b64::encode(&bytes)
    };
    let jwk = |n: &str, e: &[u8]| format!(r#"{{"kty":"RSA","n":"{n}","e":"{}"}}"#, b64::encode(e));
    let problem = |text: &str| {
        let e = Key::import(text).unwrap_err();
        (e.at.unwrap_or_default(), e.problem)
    };
    assert_eq!(problem(&jwk(&n(4104, 0xc5), &[1, 0, 1])), ("n".into(), KeyProblem::RsaTooLarge { bits: 4104 }));
    assert_eq!(problem(&jwk(&n(2048, 0xc4), &[1, 0, 1])), ("n".into(), KeyProblem::EvenModulus));
    assert_eq!(problem(&jwk(&n(2048, 0xc5), &[4])), ("e".into(), KeyProblem::BadExponent { e: "4".into() }));
    assert_eq!(problem(&jwk(&n(2048, 0xc5), &[1])), ("e".into(), KeyProblem::BadExponent { e: "1".into() }));
    // An even exponent of a megabyte is refused without being written out in decimal.
    let mut huge = alloc::vec![0x5a; 1 << 20];
    *huge.last_mut().unwrap() = 0;
    let e = problem(&jwk(&n(2048, 0xc5), &huge));
    assert_eq!(e, ("e".into(), KeyProblem::BadExponent { e: alloc::format!("of {} bits", (1 << 23) - 1) }));
    assert_eq!(problem(&jwk("Cw", &[13])), ("e".into(), KeyProblem::ExponentTooLarge));
    // 2^33 + 1: odd, below n, above what the rsa crate accepts.
    let e = problem(&jwk(&n(2048, 0xc5), &[2, 0, 0, 0, 1]));
    assert_eq!(e, ("e".into(), KeyProblem::ExponentAboveLimit));
    assert_eq!(e.1.reason(), "exponent_above_limit");
    // The largest exponent the crate takes, 2^33 − 1, is a key.
    assert!(Key::import(&jwk(&n(2048, 0xc5), &[1, 0xff, 0xff, 0xff, 0xff])).is_ok());
    // PKCS#1 and SubjectPublicKeyInfo go the same way.
    let rsa_public_key = [0x30, 0x06, 0x02, 0x01, 0x0b, 0x02, 0x01, 0x0d];
    assert_eq!(pkcs1(&rsa_public_key).unwrap_err(), KeyProblem::ExponentTooLarge);
    // Given as bare DER, the PKCS#1 reading's refusal is the one reported, not "unknown DER".
    let e = der_key(&rsa_public_key).unwrap_err();
    assert_eq!((e.format, e.at.as_deref(), e.problem), (KeySource::Der, Some("PKCS#1"), KeyProblem::ExponentTooLarge));
}

#[test]
fn names_and_labels_from_key_text_are_escaped_in_messages() {
    // A member name given twice, and a PEM label, come from the text: an ESC or a
    // right-to-left override in them is escaped, not written to a terminal or a page.
    let e = Key::import("{\"kty\":\"oct\",\"\\u001b[2J\":1,\"\\u001b[2J\":2}").unwrap_err();
    assert_eq!(e.problem, KeyProblem::DuplicateMember);
    assert_eq!(e.to_string(), "JWK (\\u001b[2J): occurs twice in one object; a key must be unambiguous");
    let e = Key::import("-----BEGIN PUB\u{202e}LIC KEY-----\nAAAA\n-----END PUB\u{202e}LIC KEY-----").unwrap_err();
    assert!(e.to_string().contains("PUB\\u202eLIC KEY"), "{e}");
    assert!(!e.to_string().contains('\u{202e}'), "{e}");
}
