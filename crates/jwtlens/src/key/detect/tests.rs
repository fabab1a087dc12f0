//! Each detector's own contract (the end-to-end tests mask one another).

use super::scan::*;
use super::*;

#[test]
fn der_lengths_short_and_long() {
    assert_eq!(der_header(&[0x30, 0x05]), Some((2, 5)));
    assert_eq!(der_header(&[0x30, 0x7f]), Some((2, 127)));
    assert_eq!(der_header(&[0x30, 0x80]), None, "indefinite length");
    assert_eq!(der_header(&[0x30, 0x81, 0xff]), Some((3, 255)));
    assert_eq!(der_header(&[0x30, 0x82, 0x01, 0x02]), Some((4, 258)));
    assert_eq!(der_header(&[0x30, 0x83, 0x01, 0x00, 0x00]), Some((5, 65_536)));
    assert_eq!(der_header(&[0x30, 0x84, 0x01, 0x00, 0x00, 0x00]), None);
    assert_eq!(der_header(&[0x30, 0x85, 0x01, 0x00, 0x00, 0x00, 0x00]), None);
    assert_eq!(der_header(&[0x30, 0x82, 0x01]), None, "truncated");
    assert_eq!(der_header(&[0x30]), None);
}

/// `depth` SEQUENCEs, one inside the other, around an INTEGER.
fn nested(depth: usize) -> Vec<u8> {
    let mut der = alloc::vec![0x02, 0x01, 0x05];
    for _ in 0..depth {
        let mut outer = alloc::vec![0x30, der.len() as u8];
        outer.extend(der);
        der = outer;
    }
    der
}

#[test]
fn asn1_shape_rules() {
    assert!(asn1_shaped(&nested(1)));
    assert!(asn1_shaped(&nested(7)), "seven levels: deeper than any key");
    assert!(!asn1_shaped(&nested(8)), "eight levels: not a key's shape");
    // The outer element must be a SEQUENCE, even with an INTEGER inside.
    assert!(!asn1_shaped(&[0x31, 0x03, 0x02, 0x01, 0x05]));
    // An INTEGER or OID somewhere is required; a tag no key uses is refused.
    assert!(!asn1_shaped(&[0x30, 0x03, 0x04, 0x01, 0x05]));
    assert!(asn1_shaped(&[0x30, 0x03, 0x06, 0x01, 0x2a]));
    assert!(!asn1_shaped(&[0x30, 0x06, 0x02, 0x01, 0x05, 0x42, 0x01, 0x00]));
    // Trailing bytes inside the SEQUENCE's content are not a list of TLVs.
    assert!(!asn1_shaped(&[0x30, 0x04, 0x02, 0x01, 0x05, 0x00]));
    assert!(asn1_shaped(&p256_key().0));
}

#[test]
fn tlv_lists() {
    assert_eq!(tlv_list(&[0x02, 0x01, 0x05, 0x04, 0x00]), 2);
    assert_eq!(tlv_list(&[0x00, 0x00]), 0, "tag 0 is not used");
    assert_eq!(tlv_list(&[0x9f, 0x01, 0x00]), 0, "high tag numbers are not used");
    assert_eq!(tlv_list(&[0x1f, 0x01, 0x00]), 0);
    assert_eq!(tlv_list(&[0x02, 0x05, 0x00]), 0, "runs past the end");
    assert_eq!(tlv_list(&[]), 0);
}

#[test]
fn der_inside_finds_key_shaped_sequences_only() {
    let spki = p256_key().0;
    let described = super::super::der_key(&spki).unwrap().describe();
    let mut prefixed = alloc::vec![0x00, 0x13, 0x37];
    prefixed.extend(&spki);
    prefixed.extend([0xff, 0xfe]);
    assert_eq!(der_inside(&prefixed), Some(described.clone()));
    assert_eq!(der_inside(&spki), Some(described));
    // Shaped, but one element only.
    let mut one = alloc::vec![0x30, 42, 0x02, 40];
    one.extend([0x5a; 40]);
    assert_eq!(der_inside(&one), None);
    // Two elements, but no INTEGER or OID.
    let mut two = alloc::vec![0x30, 44, 0x04, 20];
    two.extend([0x5a; 20]);
    two.extend([0x04, 20]);
    two.extend([0x5a; 20]);
    assert_eq!(der_inside(&two), None);
    // Shaped, two elements, but shorter than 30 bytes.
    assert_eq!(der_inside(&[0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x06]), None);
    // A shaped structure that is not a key is still reported.
    let mut other = alloc::vec![0x30, 44, 0x02, 20];
    other.extend([0x5a; 20]);
    other.extend([0x02, 20]);
    other.extend([0x5a; 20]);
    assert_eq!(der_inside(&other).as_deref(), Some("the DER of a key, certificate or other ASN.1 structure"));
}

/// The SPKI DER of a fixed P-256 key, and its uncompressed point.
fn p256_key() -> (Vec<u8>, Vec<u8>) {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    use p256::pkcs8::EncodePublicKey;
    let public = p256::SecretKey::from_slice(&[7u8; 32]).unwrap().public_key();
    (public.to_public_key_der().unwrap().as_bytes().to_vec(), public.to_encoded_point(false).as_bytes().to_vec())
}

#[test]
fn raw_points_on_every_curve() {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let p384 = p384::SecretKey::from_slice(&[7u8; 48]).unwrap().public_key().to_encoded_point(false);
    let mut scalar = [7u8; 66];
    scalar[0] = 1;
    let p521 = p521::SecretKey::from_slice(&scalar).unwrap().public_key().to_encoded_point(false);
    let k256 = k256::SecretKey::from_slice(&[7u8; 32]).unwrap().public_key().to_encoded_point(false);
    for point in [p256_key().1, p384.as_bytes().to_vec(), p521.as_bytes().to_vec(), k256.as_bytes().to_vec()] {
        assert!(raw_point(&point).is_some(), "{} bytes", point.len());
        let mut off = point.clone();
        if let Some(last) = off.last_mut() {
            *last ^= 1;
        }
        assert_eq!(raw_point(&off), None, "off the curve, {} bytes", point.len());
    }
    assert_eq!(raw_point(&[4u8; 97]), None);
}

#[test]
fn each_marker_alone() {
    for text in [
        "---- BEGIN SSH2 PUBLIC KEY ----",
        "-----end certificate-----",
        "--- begin pkcs7 ---",
        "-----BEGIN PRIVATE KEY-----",
        "Public-Key: (2048 bit)",
        "Subject Public Key Info:",
        "Modulus:\n 00:c5\nExponent: 65537",
        "Modulus=C5F1",
        "<RSAKeyValue><Exponent>AQAB</Exponent></RSAKeyValue>",
        "<Modulus>xGH</Modulus>",
        "ssh-ed25519",
        "ecdsa-sha2-nistp256",
        "sk-ecdsa-sha2",
        "ssh-dss",
        "sk-ssh-ed25519",
        "xAAAAB3NzaC1y",
        "AAAAC3NzaC1lZDI1",
        "AAAAE2VjZHNhLXNo",
        "{\"kty\":\"EC\"}",
    ] {
        assert!(marker(text).is_some(), "{text:?}");
    }
    for text in [
        "-----BEGIN MESSAGE-----",
        "BEGIN PUBLIC KEY",
        "--- public key ---",
        "modulus: 5",
        "aaaab3nzac1yc2e",
        "my-ssh-password",
        "sky:blue",
    ] {
        assert_eq!(marker(text), None, "{text:?}");
    }
}

#[test]
fn kty_only_as_a_member_name() {
    for yes in ["\"kty\":\"RSA\"", "kty = RSA", "<kty>RSA</kty>", "'kty' : 1", "\\\"kty\\\":1"] {
        assert!(kty_member(yes), "{yes:?}");
    }
    for no in ["_kty:1", "skty:1", "kty is RSA", "kty"] {
        assert!(!kty_member(no), "{no:?}");
    }
}

#[test]
fn json_keys_anywhere_and_only_to_the_layer_limit() {
    assert_eq!(json_key(r#"{"a":{"kty":"RSA"}}"#, 0).as_deref(), Some("a JWK (kty \"RSA\")"));
    assert_eq!(json_key(r#"[1,{"kty":"OKP"}]"#, 0).as_deref(), Some("a JWK (kty \"OKP\")"));
    assert_eq!(json_key(r#"{"kty":"oct","k":"c2VjcmV0"}"#, 0), None);
    assert_eq!(json_key("no json here", 0), None);
    // Key material in a long string value (an x5c certificate, a PEM in a config).
    let pem = "-----BEGIN PUBLIC KEY-----MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE-----END PUBLIC KEY-----";
    let config = alloc::format!(r#"{{"settings":{{"verifier":"{pem}"}}}}"#);
    assert!(json_key(&config, 0).is_some());
    assert!(json_key(&config, MAX_LAYERS - 1).is_some());
    assert_eq!(json_key(&config, MAX_LAYERS), None, "no deeper than MAX_LAYERS");
    // Short strings are not scanned.
    assert_eq!(json_key(r#"{"a":"ssh-rsa AAAA"}"#, 0), None);
    // A value's encodings count as a layer: base64 DER in a string at the last layer is not opened.
    let b64 = crate::b64::encode(&p256_key().0);
    let x5c = alloc::format!(r#"{{"x5c":["{b64}"]}}"#);
    assert!(json_key(&x5c, 0).is_some());
    assert_eq!(json_key(&x5c, MAX_LAYERS - 1), None);
}

#[test]
fn layers_are_counted() {
    let der = p256_key().0;
    let mut text = crate::b64::encode(&der);
    for _ in 0..MAX_LAYERS - 1 {
        text = crate::b64::encode(text.as_bytes());
    }
    assert!(key_material(text.as_bytes()).is_some(), "{MAX_LAYERS} layers are looked through");
    let deeper = crate::b64::encode(text.as_bytes());
    assert_eq!(key_material(deeper.as_bytes()), None, "a known limit: not more than {MAX_LAYERS}");
}

#[test]
fn decodings_whole_by_word_by_run() {
    let der = p256_key().0;
    let b64 = crate::b64::encode(&der);
    // Whitespace inside the base64 is dropped (no word or run is long enough alone).
    let spaced: String =
        b64.as_bytes().chunks(12).map(|c| core::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(" ");
    assert!(decodings(&spaced).contains(&der));
    // Words shorter than 40 are not decoded alone, nor runs shorter than 40 in all.
    let short = "aGVsbG8gd29ybGQgaGVsbG8gd29y"; // 28 characters
    assert!(decodings(&alloc::format!("key={short} other")).iter().all(|d| d != b"hello world hello wor"));
    assert!(decodings("ab|aGVsbG8gd29ybGQh|aGVsbG8gd29ybGQh").is_empty());
    // Runs of a split body are joined (each of the 4 lines at least 16 long).
    assert_eq!(b64.len(), 122);
    let quoted: String =
        b64.as_bytes().chunks(31).map(|c| alloc::format!("\"{}\",", core::str::from_utf8(c).unwrap())).collect();
    assert!(decodings(&quoted).contains(&der));
}

#[test]
fn byte_lists_hex_decimal_and_escapes() {
    assert_eq!(byte_list(&"\\x30".repeat(30)), Some(alloc::vec![0x30; 30]));
    assert_eq!(byte_list(&"0x82, ".repeat(30)), Some(alloc::vec![0x82; 30]));
    assert_eq!(byte_list(&"-126,".repeat(30)), Some(alloc::vec![130; 30]));
    assert_eq!(byte_list(&"48,".repeat(29)), None);
    assert_eq!(byte_list(&"300,".repeat(30)), None);
}

#[test]
fn base64_or_hex_either() {
    assert_eq!(base64_or_hex(&"ab".repeat(16)), Some(alloc::vec![0xab; 16]));
    assert_eq!(base64_or_hex(&alloc::format!("0x{}", "0a:".repeat(16))), Some(alloc::vec![0x0a; 16]));
    let b64 = crate::b64::encode(&[0xfbu8; 33]);
    assert_eq!(b64.len(), 44);
    assert_eq!(base64_or_hex(&b64), Some(alloc::vec![0xfb; 33]));
    assert_eq!(base64_or_hex("short"), None);
    // Valid base64 shorter than 24 characters is too short to be a key.
    assert_eq!(base64_or_hex("aGVsbG8gd29ybGQ="), None);
}

#[test]
fn percent_decoding() {
    assert_eq!(percent_decode("%30%82ab%2F"), Some(alloc::vec![0x30, 0x82, b'a', b'b', b'/']));
    assert_eq!(percent_decode("%zz"), None);
    assert_eq!(percent_decode("%3"), None);
    assert_eq!(percent_decode("plain"), Some(b"plain".to_vec()));
}

#[test]
fn quotes_come_off_only_in_pairs() {
    assert_eq!(unquote("\"\""), Some(String::new()));
    assert_eq!(unquote("''"), Some(String::new()));
    assert_eq!(unquote("\""), None);
    assert_eq!(unquote("'a"), None);
    assert_eq!(unquote("a"), None);
}

#[test]
fn json_that_is_not_a_key_is_json_and_a_number_is_a_secret() {
    // An object or array is read as JSON (and then refused as "not a JWK"), never a secret.
    assert_eq!(classify(r#"{"alg":"HS256"}"#), Found::Json(String::from(r#"{"alg":"HS256"}"#)));
    assert_eq!(classify("[1,2]"), Found::Json(String::from("[1,2]")));
    // Other JSON values are ordinary secrets.
    assert_eq!(classify("12345678901234567890"), Found::Plain);
    assert_eq!(classify("\"just-a-secret\""), Found::Plain);
}

#[test]
fn der_without_a_key_shape_is_not_key_material() {
    // SEQUENCE { OCTET STRING (40 bytes) }: a DER sequence, but no INTEGER or OID as every key has.
    let mut der = alloc::vec![0x30, 42, 0x04, 40];
    der.extend([0x5a; 40]);
    assert!(is_der_sequence(&der) && !asn1_shaped(&der));
    let b64 = crate::b64::encode(&der);
    assert_eq!(classify(&b64), Found::Plain, "{b64}");
    assert_eq!(der_word(&alloc::format!("secret={b64}")), None);
    // The same length with a key's shape is found, alone or as a word.
    let mut key = alloc::vec![0x30, 42, 0x02, 40];
    key.extend([0x5a; 40]);
    let b64 = crate::b64::encode(&key);
    assert_eq!(classify(&b64), Found::Der(key.clone()));
    assert_eq!(der_word(&alloc::format!("secret={b64}")), Some(key));
}

#[test]
fn wrappers_come_off() {
    let pem = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----";
    for wrapped in [
        alloc::format!("\u{feff}{pem}"),
        pem.replace('\n', "\r\n"),
        alloc::format!("\"{}\"", pem.replace('\n', "\\n")),
        alloc::format!("'{pem}'"),
        alloc::format!("  \u{200b}{pem}\n\n"),
        alloc::format!("\"'{pem}'\""),
        pem.replace('\n', "\\n"),
    ] {
        assert_eq!(normalise(&wrapped), pem, "{wrapped:?}");
    }
    assert_eq!(normalise("  secret "), "secret");
}

#[test]
fn pem_blocks_are_found_inside_text() {
    let text = "subject=CN = example\nissuer=CN = example\n-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n";
    assert_eq!(classify(text), Found::Pem(Ok((String::from("CERTIFICATE"), alloc::vec![0x30, 0]))));
    let one_line = "-----BEGIN PUBLIC KEY----- MAA= -----END PUBLIC KEY-----";
    assert!(matches!(classify(one_line), Found::Pem(Ok(_))));
    assert!(matches!(classify("-----BEGIN PUBLIC KEY-----\nMAA=\n-----END RSA PUBLIC KEY-----"), Found::Pem(Err(_))));
    assert!(matches!(classify("-----BEGIN PUBLIC KEY-----\nM!A=\n-----END PUBLIC KEY-----"), Found::Pem(Err(_))));
}

/// Found by the key_import fuzz target: DER-shaped bytes among control characters,
/// which normalising (CR → LF) changed. Auto-detection and the secret's own check
/// must agree, so auto refuses it.
#[test]
fn auto_never_returns_a_secret_the_verifier_refuses() {
    let text = "dd\t0A0dddd\t0\0\0\0\0\0\0\0'A00A\u{2}\u{2}\u{2}\u{2}\u{2};\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2})\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\0\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{2}\u{fffd}\u{fffd}\u{fffd}\r---\n/BEGININo---\n";
    match super::super::import_key(text, super::super::KeyInput::Auto) {
        Ok((set, found)) => {
            assert_ne!(found, super::super::Detected::Secret);
            assert!(!matches!(set.keys()[0].material, super::super::Material::Hmac(_)));
        }
        Err(e) => assert!(!e.problem.to_string().is_empty()),
    }
}

#[test]
fn utf16_and_damaged_text_is_read() {
    let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    let utf16: alloc::vec::Vec<u8> =
        [0xff, 0xfe].into_iter().chain(pem.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert!(key_material(&utf16).is_some());
    let damaged: alloc::vec::Vec<u8> = pem.bytes().chain([0xff]).collect();
    assert!(key_material(&damaged).is_some());
    assert_eq!(text_of(b"plain"), "plain");
    assert_eq!(text_of(b"p\0l\0a\0i\0n\0"), "plain");
}

#[test]
fn der_sequences() {
    // Two-byte lengths, as every RSA key has.
    let mut two = alloc::vec![0x30, 0x82, 0x01, 0x00];
    two.extend_from_slice(&[0; 256]);
    assert!(is_der_sequence(&two));
    two.push(0);
    assert!(!is_der_sequence(&two));
    // Indefinite length (0x80) is not DER; lengths of up to four bytes are read.
    let mut indefinite = alloc::vec![0x30, 0x80];
    indefinite.extend_from_slice(&[0; 128]);
    assert!(!is_der_sequence(&indefinite));
    let mut long = alloc::vec![0x30, 0x84, 0, 0, 0, 3];
    long.extend_from_slice(&[5, 0, 0]);
    assert!(is_der_sequence(&long));
    assert!(!is_der_sequence(&[0x30, 0x85, 0, 0, 0, 0, 0]));
    // An empty PEM block says so.
    assert_eq!(
        classify("-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----"),
        Found::Pem(Err(String::from("the block is empty")))
    );
    assert!(is_der_sequence(&[0x30, 0]));
    assert!(is_der_sequence(&[0x30, 0x81, 1, 5]));
    assert!(!is_der_sequence(&[0x30, 2, 5]));
    assert!(!is_der_sequence(&[0x31, 0]));
    assert!(!is_der_sequence(&[0x30, 0x85, 0, 0, 0, 0, 0]));
    assert!(!is_der_sequence(&[]));
}

#[test]
fn plain_secrets_stay_plain() {
    for s in ["your-256-bit-secret", "MAGIC_secret_key_2024_abcdefghijkl", "correct horse battery staple", "0123"] {
        assert_eq!(classify(s), Found::Plain, "{s}");
    }
    assert_eq!(classify("ssh-ed25519 AAAAC3Nza me@host"), Found::OpenSsh);
    assert_eq!(classify("from=\"10.0.0.1\" ssh-rsa AAAAB3Nza me@host"), Found::OpenSsh);
    let word = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";
    let der = crate::b64::decode(word).unwrap().bytes;
    assert_eq!(classify(&alloc::format!("publicKey={word}")), Found::Der(der));
    assert_eq!(classify("jwks: {\"keys\":[]}"), Found::Json(String::from("{\"keys\":[]}")));
    assert!(matches!(classify("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA PUBLIC KEY"), Found::Suspect(_)));
}

#[test]
fn binary_with_a_bare_kty_colon_is_not_a_jwk() {
    // Found by the property test: these random bytes (a hex secret) read "kty:" then NULs.
    let mut bytes = b"kty:".to_vec();
    bytes.resize(32, 0);
    assert_eq!(scan_bytes(&bytes, 0), None);
    // A JWK in UTF-16 is still one.
    let utf16: Vec<u8> = r#"{"kty":"RSA","n":"x","e":"AQAB"}"#.bytes().flat_map(|b| [b, 0]).collect();
    assert!(scan_bytes(&utf16, 0).is_some());
    // And the YAML form in text is still a clue.
    assert!(marker("kty: RSA").is_some());
}

#[test]
fn the_property_test_s_secret_stays_a_secret() {
    let text = alloc::format!("6b74793a{}", "00".repeat(28));
    let (set, _) =
        crate::key::import_key(&text, crate::key::KeyInput::Secret(crate::key::SecretEncoding::Hex)).unwrap();
    let crate::key::Material::Hmac(h) = &set.keys()[0].material else { panic!() };
    assert_eq!(h.public_key(), None);
}

#[test]
fn a_long_label_and_many_near_misses_stay_linear() {
    // 500 END lines that each match the 20,000-character label but its last
    // character, and runs of dashes: `find` of the END line compares past
    // "-----END " only where it stands and never past the next "-----", so this
    // is about 10 MB of comparisons, not 500 × 20,000 × the dashes.
    let label = "X".repeat(20_000);
    let mut text = alloc::format!("-----BEGIN {label}-----\nAAAA\n");
    for _ in 0..500 {
        text.push_str(&alloc::format!("-----END {}Y-----{}", &label[1..], "-".repeat(100)));
    }
    let end_line = alloc::format!("-----END {label}-----");
    assert!(matches!(pem_block(&text), Some(Err(e)) if e.starts_with("no \"-----END XXX")));
    text.push('\n');
    text.push_str(&end_line);
    // Found where `str::find` finds it (the near misses are the block's body).
    let body = &text[text.find('\n').unwrap() + 1..text.find(&end_line).unwrap()];
    let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(Ok((found, der))) = pem_block(&text) else { panic!("the END line was not found") };
    assert_eq!((found, der), (label, crate::b64::decode(&compact).unwrap().bytes));
}
