use super::*;
use serde_json::json;

fn b64(s: &str) -> String {
    crate::b64::encode(s.as_bytes())
}

#[test]
fn the_parts_and_their_places() {
    let d1 = b64(r#"["salt-salt-salt-salt-salt", "given_name", "John"]"#);
    let d2 = b64(r#"["salt-salt-salt-salt-salt", "FR"]"#);
    let text = format!("a.b.c~{d1}~{d2}~x.y.z");
    let sd = SdJwt::parse(&text).unwrap();
    assert_eq!(sd.form, Form::SdJwtKb);
    assert_eq!(sd.kb_jwt.as_deref(), Some("x.y.z"));
    assert_eq!(sd.presentation, format!("a.b.c~{d1}~{d2}~"));
    assert_eq!(sd.disclosures[0].span, 6..6 + d1.len());
    assert_eq!(sd.disclosures[1].name, None);
    // Located errors.
    let e = SdJwt::parse(&format!("a.b.c~{d1}~!!~")).unwrap_err();
    assert!(matches!(e, SdJwtError::Disclosure { at, .. } if at == 7 + d1.len()), "{e}");
    assert!(SdJwt::parse(&format!("a.b.c~{d1}")).unwrap_err().to_string().contains("must end with '~'"));
    assert!(SdJwt::parse("a.b~").is_err());
    assert!(matches!(SdJwt::parse("a.b.c~~"), Err(SdJwtError::Disclosure { .. })));
    let four = b64(r#"["s", "n", "v", "extra"]"#);
    assert!(SdJwt::parse(&format!("a.b.c~{four}~")).unwrap_err().to_string().contains("4 elements"));
}

#[test]
fn processing_follows_section_7_1() {
    let d = |s: &str| Disclosure::decode(&b64(s), 0).unwrap();
    let name = d(r#"["salt-salt-salt-salt-salt", "name", "Ada"]"#);
    let elem = d(r#"["salt-salt-salt-salt-salt", "FR"]"#);
    let nested = d(r#"["salt-salt-salt-salt-salt", "street", "Main St"]"#);
    let addr = Disclosure::decode(
        &b64(&format!(
            r#"["salt-salt-salt-salt-sal2", "address", {{"_sd": ["{}"], "country": "DE"}}]"#,
            nested.digest(SdAlg::Sha256)
        )),
        0,
    )
    .unwrap();
    let h = |x: &Disclosure| x.digest(SdAlg::Sha256);
    let payload =
        json!({"_sd": [h(&name), h(&addr), "decoy"], "nat": [{"...": h(&elem)}, {"...": "decoy2"}, "DE"], "iss": "i"});
    let p = process(&payload, &[name.clone(), elem.clone(), addr.clone(), nested.clone()]).unwrap();
    assert_eq!(
        p.payload,
        json!({"iss": "i", "nat": ["FR", "DE"], "name": "Ada", "address": {"country": "DE", "street": "Main St"}})
    );
    assert_eq!(p.undisclosed_digests, 2);
    assert_eq!(p.placed_at, ["/name", "/nat/0", "/address", "/address/street"]);
    assert!(p.claims.contains(&ClaimSource { pointer: String::from("/iss"), disclosed: false }));
    assert!(p.claims.contains(&ClaimSource { pointer: String::from("/address/country"), disclosed: true }));
    // The nested disclosure without its parent is not referenced.
    assert!(process(&payload, core::slice::from_ref(&nested)).unwrap_err().to_string().contains("not referenced"));
    // A digest twice, a claim that exists, a reserved name, the wrong shape, a bad _sd_alg.
    let twice = json!({"_sd": [h(&name)], "x": {"_sd": [h(&name)]}});
    assert!(process(&twice, core::slice::from_ref(&name)).unwrap_err().to_string().contains("more than once"));
    let exists = json!({"_sd": [h(&name)], "name": "Eve"});
    assert!(process(&exists, core::slice::from_ref(&name)).unwrap_err().to_string().contains("already exists"));
    let reserved = d(r#"["salt-salt-salt-salt-salt", "_sd", 1]"#);
    assert!(process(&json!({"_sd": [h(&reserved)]}), core::slice::from_ref(&reserved))
        .unwrap_err()
        .to_string()
        .contains("reserved"));
    assert!(process(&json!({"_sd": [h(&elem)]}), core::slice::from_ref(&elem))
        .unwrap_err()
        .to_string()
        .contains("needs a claim"));
    assert!(process(&json!({"a": [{"...": h(&name)}]}), core::slice::from_ref(&name))
        .unwrap_err()
        .to_string()
        .contains("needs 2 elements"));
    assert!(matches!(process(&json!({"_sd_alg": "md5"}), &[]), Err(SdJwtError::SdAlg(_))));
    assert!(matches!(process(&json!({"a": {"_sd_alg": "sha-256"}}), &[]), Err(SdJwtError::SdAlg(_))));
    // JSON Pointer escapes (RFC 6901).
    let p = process(&json!({"a/b": {"c~d": 1}}), &[]).unwrap();
    assert_eq!(p.claims[1].pointer, "/a~1b/c~0d");
}

#[test]
fn a_disclosed_exp_is_judged_like_a_visible_one() {
    use crate::key::{import_key, KeyInput};
    let secret = "a-long-and-random-shared-secret-0123456789";
    let (keys, _) = import_key(secret, KeyInput::Auto).unwrap();
    let exp = Disclosure::decode(&b64(r#"["salt-salt-salt-salt-salt", "exp", 1000]"#), 0).unwrap();
    let payload = format!(r#"{{"_sd":["{}"],"iss":"i"}}"#, exp.digest(SdAlg::Sha256));
    let jwt = crate::sign::sign(
        crate::alg::Algorithm::HS256,
        r#"{"typ":"example+sd-jwt"}"#,
        &payload,
        &crate::sign::SigningKey::Hmac(secret.as_bytes().to_vec()),
        &mut rand_core::OsRng,
    )
    .unwrap();
    let policy = crate::policy::Policy::default();
    let at = |t: i64| crate::time::NumericDate::from_secs(t);
    let kb = KeyBinding::default();
    let hidden = verify(&format!("{jwt}~"), &keys, &policy, at(5000), &kb);
    assert_eq!(hidden.status, SdStatus::Valid, "{}", hidden.message);
    let shown = verify(&format!("{jwt}~{}~", exp.text), &keys, &policy, at(5000), &kb);
    assert_eq!(shown.status, SdStatus::Invalid);
    assert!(shown.message.contains("disclosed exp has passed"), "{}", shown.message);
    assert!(shown.findings.iter().any(|f| f.contains("selectively disclosable")));
    assert_eq!(verify(&format!("{jwt}~{}~", exp.text), &keys, &policy, at(900), &kb).status, SdStatus::Valid);
}

#[test]
fn issue_present_and_bind_round_trip() {
    use crate::alg::Algorithm;
    use crate::key::KeySet;
    use rand_core::SeedableRng;
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    let issuer = crate::sign::generate(Algorithm::ES256, &mut rng).unwrap();
    let holder = crate::sign::generate(Algorithm::EdDSA, &mut rng).unwrap();
    let holder_jwk: serde_json::Value = serde_json::from_str(&holder.public().to_jwk()).unwrap();
    let claims = r#"{"iss":"https://issuer.example","sub":"ada","email":"ada@example.com","age_over_18":true}"#;
    let opts = Issue {
        disclosable: alloc::vec![String::from("email"), String::from("age_over_18")],
        decoys: 1,
        holder_jwk: Some(holder_jwk),
        typ: None,
    };
    let issued = issue(Algorithm::ES256, claims, &opts, &issuer, &mut rng).unwrap();
    assert_eq!(issued.disclosures.len(), 2);
    assert!(issued.disclosures.iter().all(|d| d.salt.len() >= 22), "128-bit salts");
    let now = crate::time::NumericDate::from_secs(1_800_000_000);
    let bind = Bind {
        key: &holder,
        alg: Algorithm::EdDSA,
        nonce: "n-0S6_WzA2Mj",
        audience: "https://verifier.example",
        iat: now,
    };
    let shown = present(&issued.sd_jwt, &["age_over_18"], Some(&bind), &mut rng).unwrap();
    let keys = KeySet::single(issuer.public());
    let policy = crate::policy::Policy::default();
    let expect = KeyBinding {
        required: true,
        nonce: Some(String::from("n-0S6_WzA2Mj")),
        audience: Some(String::from("https://verifier.example")),
        ..KeyBinding::default()
    };
    let r = verify(&shown, &keys, &policy, now, &expect);
    assert_eq!(r.status, SdStatus::Valid, "{}", r.message);
    let p = r.processed.as_ref().unwrap();
    assert_eq!(p.payload["age_over_18"], true);
    assert!(p.payload.get("email").is_none());
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // Another verifier's nonce, or the same KB-JWT with the email added, is refused.
    let other = KeyBinding { nonce: Some(String::from("other")), ..expect.clone() };
    assert!(matches!(verify(&shown, &keys, &policy, now, &other).error, Some(SdJwtError::KeyBinding(_))));
    let (front, kb) = shown.rsplit_once('~').unwrap();
    let email = &issued.disclosures.iter().find(|d| d.name.as_deref() == Some("email")).unwrap().text;
    let padded = format!("{front}~{email}~{kb}");
    let r = verify(&padded, &keys, &policy, now, &expect);
    assert!(r.message.contains("sd_hash"), "{}", r.message);
    // Without KB where it is required; an unknown claim to keep; a private holder key for cnf.
    let bare = present(&issued.sd_jwt, &["email"], None, &mut rng).unwrap();
    assert_eq!(verify(&bare, &keys, &policy, now, &expect).status, SdStatus::Invalid);
    assert!(present(&issued.sd_jwt, &["phone"], None, &mut rng).is_err());
    let private: serde_json::Value = serde_json::from_str(&holder.to_jwk()).unwrap();
    let bad = Issue { holder_jwk: Some(private), ..opts.clone() };
    assert!(issue(Algorithm::ES256, claims, &bad, &issuer, &mut rng).is_err());
}

#[test]
fn the_report_serializes() {
    let text = include_str!("../../../../tests/vectors/sd-jwt/rfc9901/simple/presentation.txt");
    let key = include_str!("../../../../tests/vectors/sd-jwt/keys/issuer.public.jwk.json");
    let (keys, _) = crate::key::import_key(key, crate::key::KeyInput::Jwk).unwrap();
    let kb = KeyBinding {
        nonce: Some(String::from("another")),
        audience: Some(String::from("https://verifier.example.org")),
        ..KeyBinding::default()
    };
    let r =
        verify(text, &keys, &crate::policy::Policy::default(), crate::time::NumericDate::from_secs(1_748_537_243), &kb);
    assert_eq!(r.status, SdStatus::Invalid);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["error"]["code"], "key_binding");
    assert_eq!(json["disclosures"][3]["placedAt"], "/nationalities/0");
}

#[test]
fn the_attack_review_s_inputs_are_refused() {
    let h = |d: &Disclosure| d.digest(SdAlg::Sha256);
    // 1. Disclosures nested inside disclosures, each a level deeper: a bounded depth, not a stack overflow.
    let mut chain: Vec<Disclosure> = Vec::new();
    let mut inner = json!("end");
    for i in 0..80 {
        let d = Disclosure::decode(&b64(&json!(["salt-salt-salt-salt-salt", format!("c{i}"), inner]).to_string()), 0)
            .unwrap();
        inner = json!({"_sd": [h(&d)]});
        chain.push(d);
    }
    let e = process(&inner, &chain).unwrap_err().to_string();
    assert!(e.contains("nest more than"), "{e}");
    // 3. A shared secret, a JWK Set or a private key as the holder's cnf key.
    for jwk in [
        json!({"kty": "oct", "k": "c2VjcmV0"}),
        json!({"keys": []}),
        json!({"kty": "EC", "crv": "P-256", "x": "a", "y": "b", "d": "c"}),
    ] {
        assert!(verify::holder_public_jwk(&jwk).is_err(), "{jwk}");
    }
    // 4–6. The JSON serialization: duplicate members, disclosures after the first signature,
    // General and Flattened mixed, the same signature twice.
    let dup = r#"{"payload":"e30","protected":"e30","signature":"c2ln","payload":"eyJhIjoxfQ"}"#;
    assert!(SdJwt::parse(dup).unwrap_err().to_string().contains("occurs twice"));
    let late = r#"{"payload":"e30","signatures":[{"protected":"e30","signature":"YQ"},{"protected":"e30","signature":"Yg","header":{"disclosures":[]}}]}"#;
    assert!(SdJwt::parse(late).unwrap_err().to_string().contains("after the first"));
    let mixed = r#"{"payload":"e30","protected":"e30","signature":"YQ","signatures":[]}"#;
    assert!(SdJwt::parse(mixed).is_err());
    let twice =
        r#"{"payload":"e30","signatures":[{"protected":"e30","signature":"YQ"},{"protected":"e30","signature":"YQ"}]}"#;
    assert!(SdJwt::parse(twice).unwrap_err().to_string().contains("twice"));
    // 7. A disclosure whose value repeats a member name.
    let e = Disclosure::decode(&b64(r#"["salt-salt-salt-salt-salt","addr",{"c":"DE","c":"FR"}]"#), 0).unwrap_err();
    assert!(e.to_string().contains("occurs twice"), "{e}");
    // 8. A disclosure named _sd_alg.
    let alg = Disclosure::decode(&b64(r#"["salt-salt-salt-salt-salt","_sd_alg","sha-512"]"#), 0).unwrap();
    assert!(process(&json!({"_sd": [h(&alg)]}), core::slice::from_ref(&alg))
        .unwrap_err()
        .to_string()
        .contains("reserved"));
    // Too many disclosures, too much text.
    let many = format!("a.b.c~{}", "WyJzIiwxXQ~".repeat(MAX_DISCLOSURES + 1));
    assert!(SdJwt::parse(&many).unwrap_err().to_string().contains("at most"));
    assert!(SdJwt::parse(&"a".repeat(MAX_BYTES + 1)).is_err());
}

#[test]
fn personal_data_left_always_visible_is_a_finding() {
    use crate::key::{import_key, KeyInput};
    let secret = "a-long-and-random-shared-secret-0123456789";
    let (keys, _) = import_key(secret, KeyInput::Auto).unwrap();
    let d = Disclosure::decode(&b64(r#"["salt-salt-salt-salt-salt", "age_over_18", true]"#), 0).unwrap();
    let sign = |payload: &str| {
        crate::sign::sign(
            crate::alg::Algorithm::HS256,
            r#"{"typ":"example+sd-jwt"}"#,
            payload,
            &crate::sign::SigningKey::Hmac(secret.as_bytes().to_vec()),
            &mut rand_core::OsRng,
        )
        .unwrap()
    };
    let now = crate::time::NumericDate::from_secs(1000);
    let (policy, kb) = (crate::policy::Policy::default(), KeyBinding::default());
    let leaky = sign(&format!(
        r#"{{"_sd":["{}"],"email":"ada@example.com","birthdate":"1815-12-10"}}"#,
        d.digest(SdAlg::Sha256)
    ));
    let r = verify(&format!("{leaky}~{}~", d.text), &keys, &policy, now, &kb);
    let f = r.findings.iter().find(|f| f.starts_with("Personal data always visible")).expect("a finding");
    assert!(f.contains("email, birthdate are"), "{f}");
    // Everything personal disclosable (or no selective disclosure at all): no such finding.
    let tidy = sign(&format!(r#"{{"_sd":["{}"],"iss":"i"}}"#, d.digest(SdAlg::Sha256)));
    let r = verify(&format!("{tidy}~{}~", d.text), &keys, &policy, now, &kb);
    assert!(r.findings.iter().all(|f| !f.starts_with("Personal data")), "{:?}", r.findings);
}
