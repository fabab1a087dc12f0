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
