use super::*;

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
