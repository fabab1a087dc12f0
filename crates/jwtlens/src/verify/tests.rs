use super::token::unusable;
use super::*;
use rsa::traits::PublicKeyParts;

#[test]
fn small_order_list_matches_dalek() {
    for y in ED25519_SMALL_ORDER_Y {
        for sign in [0, 0x80] {
            let mut enc = y;
            enc[31] |= sign;
            assert!(ed25519_small_order(&enc));
            // Either not a point at all, or one of small order: dalek rejects both in verify_strict.
            let weak = ed25519_dalek::VerifyingKey::from_bytes(&enc).map(|k| k.is_weak()).unwrap_or(true);
            assert!(weak, "{enc:02x?}");
            assert!(Ed25519Precomputed::new(&enc).is_none(), "{enc:02x?}");
        }
    }
    // Bytes that are no point, or not 32 bytes, are no key either.
    let off_curve = (2u8..).map(|y| [y; 32]).find(|e| ed25519_dalek::VerifyingKey::from_bytes(e).is_err()).unwrap();
    assert!(Ed25519Precomputed::new(&off_curve).is_none());
    assert!(Ed25519Precomputed::new(&[9; 31]).is_none());
    // Keys: the list agrees with `is_weak()` on real keys too.
    for seed in 0u8..32 {
        let k = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]).verifying_key();
        assert_eq!(ed25519_small_order(k.as_bytes()), k.is_weak());
    }
    // The base point is of large order.
    let mut b = [0x66; 32];
    b[0] = 0x58;
    assert!(!ed25519_small_order(&b));
    assert!(!ed25519_dalek::VerifyingKey::from_bytes(&b).unwrap().is_weak());
}

/// An Ed25519 verification key with no JWK metadata.
fn ed25519_key(vk: ed25519_dalek::VerifyingKey) -> Key {
    Key {
        material: crate::key::Material::Ed25519(crate::key::Ed25519Key::new(vk)),
        kid: None,
        alg: None,
        use_: None,
        key_ops: None,
        format: crate::key::KeyFormat::Jwk,
    }
}

/// A key, a message and its signature, from a seed.
fn ed25519_case(seed: u8, msg: &[u8]) -> (ed25519_dalek::VerifyingKey, [u8; 64]) {
    use ed25519_dalek::Signer;
    let sk = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]);
    (sk.verifying_key(), sk.sign(msg).to_bytes())
}

proptest::proptest! {
    /// The table path and ed25519-dalek's `verify_strict` agree on valid signatures
    /// and on every one-byte change of signature, message or (non-canonical) R;
    /// so does the public `Ed25519Precomputed` alone, without the caller's checks.
    #[test]
    fn ed25519_table_agrees_with_verify_strict(
        seed in proptest::prelude::any::<u8>(),
        msg in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
        at in 0usize..64,
        flip in proptest::prelude::any::<u8>(),
        non_canonical_r in proptest::prelude::any::<bool>(),
    ) {
        let (vk, good) = ed25519_case(seed, &msg);
        let key = crate::key::Ed25519Key::new(vk);
        key.precompute();
        let table = key.table_for_use().unwrap();
        let mut bad = good;
        if let Some(b) = bad.get_mut(at) {
            *b ^= flip;
        }
        if non_canonical_r {
            // An R of y ≥ p: p + 2 (y = 2 in another spelling).
            bad[..32].copy_from_slice(&[0xef, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
        }
        let alone = Ed25519Precomputed::new(vk.as_bytes()).unwrap();
        for sig in [good, bad] {
            proptest::prop_assert_eq!(alone.verify(&msg, &sig), Some(vk.verify_strict(&msg, &ed25519_dalek::Signature::from_bytes(&sig)).is_ok()));
            let s = ed25519_dalek::Signature::from_bytes(&sig);
            let strict = vk.verify_strict(&msg, &s).is_ok();
            // The caller's checks come first, as in `verify_signature_with`.
            let pre = ed25519_signature_acceptable(&s);
            let table = pre && ed25519_with_table(table, vk.as_bytes(), &msg, &s).is_ok();
            proptest::prop_assert_eq!(strict, table);
        }
    }
}

#[test]
fn ed25519_key_builds_its_table_after_enough_uses() {
    let msg = b"eyJhbGciOiJFZERTQSJ9.e30";
    let (vk, sig) = ed25519_case(9, msg);
    let key = ed25519_key(vk);
    let crate::key::Material::Ed25519(k) = &key.material else { unreachable!() };
    let mut tampered = sig;
    tampered[40] ^= 1;
    // Valid and tampered signatures alike count as uses; the verdicts never change.
    for n in 1..=crate::comb::TABLE_AFTER + 4 {
        assert_eq!(k.precomputed(), n > crate::comb::TABLE_AFTER, "before use {n}");
        if n % 2 == 0 {
            assert_eq!(verify_signature(Algorithm::EdDSA, &key, msg, &sig), Ok(()));
        } else {
            assert_eq!(verify_signature(Algorithm::EdDSA, &key, msg, &tampered), Err(VerifyError::InvalidSignature));
        }
    }
    // A clone starts without the table.
    let crate::key::Material::Ed25519(c) = &key.clone().material else { unreachable!() };
    assert!(!c.precomputed());
}

/// The core's Montgomery RSA path and the `rsa` crate's agree on every RS*/PS*
/// signature of one key, altered or not. (Wycheproof's RSA sets run through the
/// Montgomery path in tests/wycheproof.rs; this holds the fallback to the same answers.)
#[test]
fn rsa_montgomery_agrees_with_the_rsa_crate() {
    let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(7);
    let signing = crate::sign::generate(Algorithm::RS256, &mut rng).unwrap();
    let public = signing.public();
    let Material::Rsa(k) = &public.material else { unreachable!() };
    let m = k.montgomery().expect("a 2048-bit modulus is handled");
    for alg in
        [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512, Algorithm::PS256, Algorithm::PS384, Algorithm::PS512]
    {
        let token = crate::sign::sign(alg, "{}", r#"{"sub":"ada"}"#, &signing, &mut rng).unwrap();
        let (input, sig) = token.rsplit_once('.').unwrap();
        let sig = crate::b64::decode(sig).unwrap().bytes;
        let hash = alg.hash().unwrap();
        let pss = alg.family() == Family::RsaPss;
        let mut cases = alloc::vec![(input.as_bytes().to_vec(), sig.clone())];
        for at in [0, 1, 100, 255] {
            let mut bad = sig.clone();
            bad[at] ^= 0x40;
            cases.push((input.as_bytes().to_vec(), bad));
        }
        cases.push((b"other".to_vec(), sig.clone()));
        // A signature representative at or above n is out of range for both.
        cases.push((input.as_bytes().to_vec(), alloc::vec![0xff; sig.len()]));
        for (i, (data, sig)) in cases.iter().enumerate() {
            let fast = m.verify(hash, pss, k.n().bits(), data, sig);
            let reference = verify_rsa(alg, k, data, sig).is_ok();
            assert_eq!(fast, reference, "{alg:?} case {i}");
            assert_eq!(fast, i == 0, "{alg:?} case {i}");
        }
    }
}

/// `verify_signature` on its own (without `check_token`'s choice of key) still
/// refuses `none`, keys of another family, and says how short a key is.
#[test]
fn the_primitive_refuses_what_does_not_fit() {
    let secret = crate::key::Key::secret("0123456789abcdef0123456789abcdef", crate::key::SecretEncoding::Utf8).unwrap();
    let tag = hmac(Algorithm::HS256, b"0123456789abcdef0123456789abcdef", b"a.b");
    assert_eq!(verify_signature(Algorithm::HS256, &secret, b"a.b", &tag), Ok(()));
    assert_eq!(verify_signature(Algorithm::None, &secret, b"a.b", &tag), Err(VerifyError::Unsecured));
    for alg in [Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::EdDSA] {
        assert!(
            matches!(verify_signature(alg, &secret, b"a.b", &tag), Err(VerifyError::KeyMismatch { .. })),
            "{alg:?}"
        );
    }
    let short = crate::key::Key::secret("0123456789abcdef", crate::key::SecretEncoding::Utf8).unwrap();
    assert_eq!(
        verify_signature(Algorithm::HS256, &short, b"a.b", &tag),
        Err(VerifyError::KeyTooShort { bits: 128, min: 256 })
    );
    let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(5);
    let rsa = crate::sign::generate(Algorithm::RS256, &mut rng).unwrap().public();
    let es_token = crate::sign::sign(
        Algorithm::ES256,
        "{}",
        "{}",
        &crate::sign::generate(Algorithm::ES256, &mut rng).unwrap(),
        &mut rng,
    )
    .unwrap();
    let (input, sig) = es_token.rsplit_once('.').unwrap();
    let sig = crate::b64::decode(sig).unwrap().bytes;
    for alg in [Algorithm::ES256, Algorithm::HS256, Algorithm::EdDSA] {
        assert!(
            matches!(verify_signature(alg, &rsa, input.as_bytes(), &sig), Err(VerifyError::KeyMismatch { .. })),
            "{alg:?}"
        );
    }
}

/// A small-order public key (here the identity) makes `[S]B = R + [k]A` true for
/// R = [S]B and any message: anyone could forge. The key is refused before any
/// arithmetic, on every path — `verify_strict`, the table built after 64 uses,
/// and a backend (OpenSSL does not test the key's order).
#[test]
fn small_order_ed25519_keys_never_verify_on_any_path() {
    let identity = {
        let mut b = [0u8; 32];
        b[0] = 1;
        b
    };
    let vk = ed25519_dalek::VerifyingKey::from_bytes(&identity).unwrap();
    let key = ed25519_key(vk);
    // R = [1]B (the base point's encoding), S = 1.
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(curve25519_dalek::constants::ED25519_BASEPOINT_COMPRESSED.as_bytes());
    sig[32] = 1;
    #[derive(Debug)]
    struct Accepts;
    impl Backend for Accepts {
        fn verify(&self, _: Algorithm, _: KeyRef, _: &Key, _: &[u8], _: &[u8]) -> Option<bool> {
            Some(true)
        }
    }
    // A proper key: a non-canonical S or a small-order R is refused before any backend is asked.
    let (good_vk, good) = ed25519_case(3, b"m");
    let proper = ed25519_key(good_vk);
    let mut s_plus_l = good;
    let mut carry = 0u16;
    for (b, l) in s_plus_l[32..].iter_mut().zip(ED25519_L) {
        let v = u16::from(*b) + u16::from(l) + carry;
        *b = v as u8;
        carry = v >> 8;
    }
    let mut small_r = good;
    small_r[..32].copy_from_slice(&identity);
    for bad in [s_plus_l, small_r] {
        assert_eq!(
            verify_signature_with(Algorithm::EdDSA, &proper, b"m", &bad, Some((&Accepts, 0))),
            Err(VerifyError::InvalidSignature)
        );
    }
    for n in 0..crate::comb::TABLE_AFTER + 8 {
        let msg = alloc::format!("message {n}");
        assert_eq!(verify_signature(Algorithm::EdDSA, &key, msg.as_bytes(), &sig), Err(VerifyError::InvalidSignature));
        assert_eq!(
            verify_signature_with(Algorithm::EdDSA, &key, msg.as_bytes(), &sig, Some((&Accepts, 0))),
            Err(VerifyError::InvalidSignature)
        );
    }
}

#[test]
fn a_public_key_offered_for_hmac_is_named_key_confusion() {
    let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(6);
    let es = crate::sign::generate(Algorithm::ES256, &mut rng).unwrap().public();
    let secret = crate::key::Key::secret("0123456789abcdef0123456789abcdef", crate::key::SecretEncoding::Utf8).unwrap();
    let why = unusable(&es, Algorithm::HS256, None).unwrap();
    assert!(why.ends_with("using a public key as an HMAC secret is the key-confusion attack"), "{why}");
    let why = unusable(&secret, Algorithm::ES256, None).unwrap();
    assert_eq!(why, "an HMAC secret cannot verify ES256");
    let why = unusable(&es, Algorithm::RS256, None).unwrap();
    assert_eq!(why, "an EC P-256 public key cannot verify RS256");
}

/// With several usable keys, the first that verifies decides, the rest are not
/// tried, and the sentences say so; a set where every key fails is invalid.
#[test]
fn the_first_key_that_verifies_decides() {
    let mut rng = <rand_chacha::ChaCha8Rng as rand_core::SeedableRng>::seed_from_u64(8);
    let a = crate::sign::generate(Algorithm::HS256, &mut rng).unwrap();
    let b = crate::sign::generate(Algorithm::HS256, &mut rng).unwrap();
    let token = crate::sign::sign(Algorithm::HS256, "{}", r#"{"sub":"x"}"#, &a, &mut rng).unwrap();
    let t = crate::token::Token::parse(&token);
    let set = crate::key::KeySet::from_keys(alloc::vec![a.public(), b.public()]);
    let v = verify_token(&t, Some(&set));
    assert_eq!(v.status, SignatureStatus::Verified);
    assert!(v.message.starts_with("Signature verified with the HMAC secret"), "{}", v.message);
    assert_eq!(v.candidates[1].reason, "not tried: another key already verified the token");
    let set = crate::key::KeySet::from_keys(alloc::vec![b.public(), a.public()]);
    let v = verify_token(&t, Some(&set));
    assert_eq!(v.status, SignatureStatus::Verified, "a failing key first does not stop the right one");
    // The key that verified is named once: the explained verdict's `key` and the
    // sentence (the same in the verdict-only path, which leaves `key` empty).
    let described = a.public().describe();
    assert_eq!(v.key.as_deref(), Some(described.as_str()));
    assert_eq!(v.message, alloc::format!("Signature verified with the {described}."));
    let brief = verify_token_brief(&t, Some(&set), None);
    assert_eq!((brief.key, brief.message), (None, v.message));
    let set = crate::key::KeySet::from_keys(alloc::vec![b.public(), b.public()]);
    let v = verify_token(&t, Some(&set));
    assert_eq!(v.status, SignatureStatus::Invalid);
    assert_eq!(v.message, "Invalid signature: the signature does not match.");
    // The verdict-only path decides the same.
    assert_eq!(verify_token_brief(&t, Some(&set), None).status, SignatureStatus::Invalid);
}

#[test]
fn scalar_bound_is_l() {
    let mut below = ED25519_L;
    below[0] -= 1;
    assert!(ed25519_scalar_canonical(&below));
    assert!(!ed25519_scalar_canonical(&ED25519_L));
    assert!(!ed25519_scalar_canonical(&[0xff; 32]));
    assert!(ed25519_scalar_canonical(&[0; 32]));
}

#[test]
fn roca_groups_cover_every_prime() {
    // 65537^k mod every prime: a modulus equal to 65537 itself has the fingerprint.
    assert!(roca_fingerprint(&rsa::BigUint::from(65_537u32)));
    assert!(!roca_fingerprint(&rsa::BigUint::from(2u32)));
    // 167 is the last prime; 65537 + 167·(something) changes only that residue class pattern.
    let n = rsa::BigUint::from(65_537u32) * rsa::BigUint::from(65_537u32);
    assert!(roca_fingerprint(&n));
}
