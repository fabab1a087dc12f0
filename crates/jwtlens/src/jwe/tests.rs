use super::*;
use alloc::boxed::Box;
use alloc::vec;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2).unwrap(), 16).unwrap()).collect()
}

#[test]
fn rfc7518_appendix_b_known_answers_decrypt() {
    let v: Value =
        serde_json::from_str(include_str!("../../../../tests/vectors/jwe/rfc7518/B.aes_cbc_hmac_sha2.json")).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 3);
    for c in cases {
        let f = |n: &str| hex(c[n].as_str().unwrap());
        let p = content::kat(c["enc"].as_str().unwrap(), &f("K"), &f("IV"), &f("E"), &f("A"), &f("T")).unwrap();
        assert_eq!(p, f("P"), "{}", c["section"]);
        // One changed bit of the tag, the ciphertext or the AAD: the one opaque error.
        let mut t = f("T");
        t[0] ^= 1;
        assert_eq!(
            content::kat(c["enc"].as_str().unwrap(), &f("K"), &f("IV"), &f("E"), &f("A"), &t),
            Err(JweError::Decryption)
        );
        let mut a = f("A");
        a[0] ^= 1;
        assert_eq!(
            content::kat(c["enc"].as_str().unwrap(), &f("K"), &f("IV"), &f("E"), &a, &f("T")),
            Err(JweError::Decryption)
        );
    }
}

#[test]
fn rfc7518_appendix_c_ecdh_es_key_agreement() {
    let v: Value = serde_json::from_str(include_str!("../../../../tests/vectors/jwe/rfc7518/C.ecdh_es.json")).unwrap();
    let bob = DecryptionKey::from_jwk(&v["bob_key"].to_string()).unwrap();
    let DecryptionKey::P256(d) = bob else { panic!("P-256") };
    let alice = &v["alice_ephemeral_key"];
    let b = |n: &str| crate::b64::decode(alice[n].as_str().unwrap()).unwrap().bytes;
    let mut sec1 = alloc::vec![4u8];
    sec1.extend(b("x"));
    sec1.extend(b("y"));
    let pk = p256::PublicKey::from_sec1_bytes(&sec1).unwrap();
    let z = p256::ecdh::diffie_hellman(d.to_nonzero_scalar(), pk.as_affine());
    let derived = keys::concat_kdf(z.raw_secret_bytes(), "A128GCM", b"Alice", b"Bob", 16).unwrap();
    assert_eq!(crate::b64::encode(&derived), v["derived_key_b64u"].as_str().unwrap());
}

#[test]
fn limits_and_located_errors() {
    let key = DecryptionKey::Secret(alloc::vec![0; 16]);
    assert!(decrypt("a.b.c", &key).unwrap_err().to_string().contains("5 parts"));
    let e = decrypt("eyJhbGciOiJSU0ExXzUiLCJlbmMiOiJBMTI4R0NNIn0.AAAA.AAAA.AAAA.AAAA", &key).unwrap_err();
    assert!(matches!(e, JweError::Key(_)), "{e}");
    // A PBES2 count over the limit is refused before any work.
    let header = crate::b64::encode(br#"{"alg":"PBES2-HS256+A128KW","enc":"A128GCM","p2s":"c2FsdA","p2c":100000000}"#);
    let e = decrypt(&format!("{header}.AAAA.AAAA.AAAA.AAAA"), &DecryptionKey::password("pw")).unwrap_err();
    assert!(e.to_string().contains("PBKDF2 iterations"), "{e}");
    assert!(matches!(
        decrypt(
            &format!("{}.AAAA.AAAA.AAAA.AAAA", crate::b64::encode(br#"{"alg":"A128KW","enc":"A128GCM","crit":["x"]}"#)),
            &key
        ),
        Err(JweError::Unsupported(_))
    ));
    // The key is never printed.
    assert_eq!(alloc::format!("{key:?}"), "shared secret");
}

/// RFC 7518 Appendix B: encryption gives the known ciphertext and tag, as decryption reads them.
#[test]
fn rfc7518_appendix_b_known_answers_encrypt() {
    let v: Value =
        serde_json::from_str(include_str!("../../../../tests/vectors/jwe/rfc7518/B.aes_cbc_hmac_sha2.json")).unwrap();
    for c in v["cases"].as_array().unwrap() {
        let f = |n: &str| hex(c[n].as_str().unwrap());
        let enc = content::Enc::from_name(c["enc"].as_str().unwrap()).unwrap();
        let (e, t) = enc.encrypt(&f("K"), &f("IV"), &f("P"), &f("A")).unwrap();
        assert_eq!((e, t), (f("E"), f("T")), "{}", c["section"]);
    }
}

/// Every key management algorithm with every content encryption: what `encrypt` makes,
/// `decrypt` opens, with the header parameters each needs; another key does not open it.
#[test]
fn every_algorithm_round_trips() {
    use rand_core::SeedableRng as _;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(21);
    let rsa = rsa::RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let p256 = p256::SecretKey::random(&mut rng);
    let p384 = p384::SecretKey::random(&mut rng);
    let p521 = p521::SecretKey::random(&mut rng);
    let x25519 = [9u8; 32];
    let x25519_public = *x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(x25519)).as_bytes();
    let secret = |n: usize| (EncryptionKey::Secret(vec![7; n]), DecryptionKey::Secret(vec![7; n]));
    let mut keys: Vec<(&str, EncryptionKey, DecryptionKey)> = vec![
        ("A128KW", secret(16).0, secret(16).1),
        ("A192KW", secret(24).0, secret(24).1),
        ("A256KW", secret(32).0, secret(32).1),
        ("A128GCMKW", secret(16).0, secret(16).1),
        ("A192GCMKW", secret(24).0, secret(24).1),
        ("A256GCMKW", secret(32).0, secret(32).1),
        ("PBES2-HS256+A128KW", EncryptionKey::password("correct horse"), DecryptionKey::password("correct horse")),
        ("PBES2-HS384+A192KW", EncryptionKey::password("correct horse"), DecryptionKey::password("correct horse")),
        ("PBES2-HS512+A256KW", EncryptionKey::password("correct horse"), DecryptionKey::password("correct horse")),
    ];
    for alg in ["RSA-OAEP", "RSA-OAEP-256", "RSA1_5"] {
        keys.push((alg, EncryptionKey::Rsa(Box::new(rsa.to_public_key())), DecryptionKey::Rsa(Box::new(rsa.clone()))));
    }
    for alg in ["ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW"] {
        keys.push((alg, EncryptionKey::P256(p256.public_key()), DecryptionKey::P256(p256.clone())));
        keys.push((alg, EncryptionKey::P384(p384.public_key()), DecryptionKey::P384(p384.clone())));
        keys.push((alg, EncryptionKey::P521(p521.public_key()), DecryptionKey::P521(p521.clone())));
        keys.push((alg, EncryptionKey::X25519(x25519_public), DecryptionKey::X25519(x25519)));
    }
    let plaintext = b"{\"sub\":\"ada\",\"note\":\"a JWE made by jwtlens\"}";
    let mut count = 0;
    for (alg, ek, dk) in &keys {
        for enc in ["A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512"] {
            let mut options = Encrypt::new(alg, enc);
            options.zip = count % 3 == 0;
            options.kid = Some(String::from("k1"));
            options.p2c = 1000;
            let jwe = encrypt(plaintext, &options, ek, &mut rng).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
            let d = decrypt(&jwe, dk).unwrap_or_else(|e| panic!("{alg} {enc}: {e}"));
            assert_eq!(d.plaintext, plaintext, "{alg} {enc}");
            assert_eq!((d.alg.as_str(), d.enc.as_str()), (&**alg, enc));
            assert_eq!(d.header.get("zip").is_some(), options.zip);
            // A changed ciphertext: the one opaque error.
            let parts: Vec<&str> = jwe.split('.').collect();
            let ct = parts[3];
            let flipped = format!("{}{}", if ct.starts_with('A') { 'B' } else { 'A' }, ct.get(1..).unwrap());
            let changed = format!("{}.{}.{}.{}.{}", parts[0], parts[1], parts[2], flipped, parts[4]);
            assert_eq!(decrypt(&changed, dk).unwrap_err(), JweError::Decryption, "{alg} {enc}");
            count += 1;
        }
    }
    assert_eq!(count, 28 * 6);
    // The wrong kind of key, a dir key of the wrong size: said, not encrypted.
    let e = encrypt(plaintext, &Encrypt::new("RSA-OAEP", "A256GCM"), &secret(32).0, &mut rng).unwrap_err();
    assert_eq!(e.code(), "key");
    let e = encrypt(plaintext, &Encrypt::new("dir", "A256GCM"), &secret(16).0, &mut rng).unwrap_err();
    assert_eq!(e.code(), "key");
    let d = encrypt(plaintext, &Encrypt::new("dir", "A128CBC-HS256"), &secret(32).0, &mut rng).unwrap();
    assert_eq!(decrypt(&d, &secret(32).1).unwrap().plaintext, plaintext);
    assert_eq!(
        encrypt(plaintext, &Encrypt::new("A128KW", "A64GCM"), &secret(16).0, &mut rng).unwrap_err().code(),
        "unsupported"
    );
}

/// The second review: RSA1_5 goes on with an unpredictable key (no fixed key opens a
/// forged JWE), `zip` only protected, PBES2 counts bounded, encryption keys checked.
#[test]
fn review_rsa1_5_implicit_rejection_zip_protected_pbes2_bound_and_key_checks() {
    use rand_core::SeedableRng as _;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(22);
    let b = |x: &[u8]| crate::b64::encode(x);
    // RSA1_5: the content encrypted under an all-zero key, the encrypted key random bytes.
    let rsa = rsa::RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let protected = b(br#"{"alg":"RSA1_5","enc":"A128GCM"}"#);
    let iv = [7u8; 12];
    let (ct, tag) =
        content::Enc::A128Gcm.encrypt(&[0u8; 16], &iv, b"chosen by the attacker", protected.as_bytes()).unwrap();
    for ek in [vec![0x42u8; 256], Vec::new()] {
        let jwe = format!("{protected}.{}.{}.{}.{}", b(&ek), b(&iv), b(&ct), b(&tag));
        assert_eq!(decrypt(&jwe, &DecryptionKey::Rsa(Box::new(rsa.clone()))).unwrap_err(), JweError::Decryption);
    }
    // A zip in an unprotected header is refused (a valid JWE otherwise).
    let kek = [3u8; 16];
    let cek = [5u8; 16];
    let wrapped = aes_kw::KekAes128::from(kek).wrap_vec(&cek).unwrap();
    let protected = b(br#"{"alg":"A128KW","enc":"A128GCM"}"#);
    let body = miniz_oxide::deflate::compress_to_vec(b"hello", 6);
    let (ct, tag) = content::Enc::A128Gcm.encrypt(&cek, &iv, &body, protected.as_bytes()).unwrap();
    let json = serde_json::json!({
        "protected": protected, "unprotected": { "zip": "DEF" }, "encrypted_key": b(&wrapped),
        "iv": b(&iv), "ciphertext": b(&ct), "tag": b(&tag),
    })
    .to_string();
    let e = decrypt(&json, &DecryptionKey::Secret(kek.to_vec())).unwrap_err();
    assert!(matches!(&e, JweError::Format(m) if m.contains("unprotected")), "{e}");
    // PBES2: more than MAX_PBES2_COUNT iterations is not run.
    let mut options = Encrypt::new("PBES2-HS256+A128KW", "A128GCM");
    options.p2c = MAX_PBES2_COUNT + 1;
    assert_eq!(encrypt(b"x", &options, &EncryptionKey::password("p"), &mut rng).unwrap_err().code(), "unsupported");
    // Encryption keys: RSA below 2048 bits, EC coordinates of the wrong size.
    let small = rsa::RsaPrivateKey::new(&mut rng, 1024).unwrap();
    let n = b(&rsa::traits::PublicKeyParts::n(&small).to_bytes_be());
    let e = EncryptionKey::from_jwk(&format!(r#"{{"kty":"RSA","n":"{n}","e":"AQAB"}}"#)).unwrap_err();
    assert!(e.to_string().contains("2048"), "{e}");
    let x = b(&[1u8; 33]);
    let y = b(&[1u8; 31]);
    let e = EncryptionKey::from_jwk(&format!(r#"{{"kty":"EC","crv":"P-256","x":"{x}","y":"{y}"}}"#)).unwrap_err();
    assert!(e.to_string().contains("32 bytes each"), "{e}");
}
