//! Unit tests of parsing: segments, decoding, diagnostics and their locations.

use super::*;

const JWT: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

#[test]
fn decodes_the_classic_example() {
    let t = Token::parse(JWT);
    assert_eq!(t.kind(), Kind::Jws);
    assert!(t.errors().is_empty() && t.notices().is_empty());
    assert_eq!(t.claims().unwrap().iat, Some(crate::time::NumericDate::from_secs(1_516_239_022)));
    assert_eq!(t.signature().unwrap().len(), 32);
    assert_eq!(t.segments().len(), 3);
    assert_eq!(t.segments()[1].start, 37);
    assert!(t.signing_input().unwrap().ends_with("MjM5MDIyfQ"));
}

#[test]
fn strips_what_is_pasted_along() {
    let input = alloc::format!("  Authorization: Bearer {JWT}\n");
    let t = Token::parse(&input);
    assert!(t.errors().is_empty());
    let codes: Vec<_> = t.notices().iter().map(|n| n.code).collect();
    assert_eq!(codes, [Code::WhitespaceTrimmed, Code::BearerPrefixStripped]);
    assert_eq!(t.span().start, 24);
    assert_eq!(t.text(), JWT);
    let quoted = alloc::format!("\"{JWT}\"");
    assert_eq!(Token::parse(&quoted).notices()[0].code, Code::QuotesStripped);
    // "bearerish.x.y" is not a Bearer prefix
    assert!(Token::parse("bearerish.x.y").notices().is_empty());
}

#[test]
fn damaged_signature_still_shows_claims() {
    let broken = alloc::format!("{}!!", JWT);
    let t = Token::parse(&broken);
    assert_eq!(t.claims().unwrap().sub.as_deref(), Some("1234567890"));
    let e = &t.errors()[0];
    assert_eq!((e.code, e.part, e.offset), (Code::BadBase64url, Part::Signature, JWT.len()));
    assert_eq!(e.found.as_deref(), Some("'!'"));
}

#[test]
fn truncated_token_shows_what_is_there() {
    let cut = &JWT[..52];
    let t = Token::parse(cut);
    assert_eq!(t.header().unwrap().alg.as_deref(), Some("HS256"));
    let codes: Vec<_> = t.errors().iter().map(|e| e.code).collect();
    assert!(codes.contains(&Code::WrongSegmentCount));
    assert!(codes.contains(&Code::PayloadNotJson));
    assert_eq!(t.errors()[0].offset, 52);
}

#[test]
fn empty_and_dotless() {
    assert_eq!(Token::parse("").errors()[0].code, Code::Empty);
    assert_eq!(Token::parse("  \n").errors()[0].code, Code::Empty);
    assert_eq!(Token::parse("Bearer ").errors()[0].code, Code::Empty);
    let t = Token::parse("hello");
    assert_eq!(t.errors()[0].code, Code::WrongSegmentCount);
    let t = Token::parse("a.b.c.d");
    assert_eq!((t.errors()[0].offset, t.kind()), (5, Kind::Unknown));
}

#[test]
fn header_errors_are_located() {
    // {"alg":"HS256",} -> trailing comma at decoded byte 15
    let h = b64::encode(br#"{"alg":"HS256",}"#);
    let tok = alloc::format!("{h}.e30.");
    let t = Token::parse(&tok);
    let e = &t.errors()[0];
    assert_eq!((e.code, e.decoded_offset, e.offset), (Code::HeaderNotJson, Some(15), 20));
    let tok = alloc::format!("{}.e30.", b64::encode(b"[1]"));
    assert_eq!(Token::parse(&tok).errors()[0].code, Code::HeaderNotObject);
    let tok = alloc::format!("{}.e30.", b64::encode(b"{}"));
    assert_eq!(Token::parse(&tok).errors()[0].code, Code::MissingAlg);
}

#[test]
fn whitespace_inside_a_segment_suggests_line_wrapping() {
    const HINT: &str = "wrapped across lines";
    for (input, hinted) in [
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig nature", true),
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\tnature", true),
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig*nature", false),
    ] {
        let t = Token::parse(input);
        let e = t.errors().first().unwrap_or_else(|| panic!("{input:?} has no error"));
        assert_eq!(e.message.contains(HINT), hinted, "{input:?}: {}", e.message);
    }
}

#[test]
fn jwe_is_recognised() {
    let h = b64::encode(br#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#);
    let tok = alloc::format!("{h}.a2V5.aXY.Y2lwaGVy.dGFn");
    let t = Token::parse(&tok);
    assert_eq!(t.kind(), Kind::Jwe);
    assert!(t.errors().is_empty());
    assert_eq!(t.notices()[0].code, Code::Encrypted);
    assert_eq!(t.header().unwrap().enc.as_deref(), Some("A256GCM"));
    assert!(t.payload().is_none());
}

#[test]
fn duplicates_and_alg_none() {
    let h = b64::encode(br#"{"alg":"none","alg":"none"}"#);
    let p = b64::encode(br#"{"sub":"a","sub":"b"}"#);
    let tok = alloc::format!("{h}.{p}.");
    let t = Token::parse(&tok);
    let codes: Vec<_> = t.notices().iter().map(|n| n.code).collect();
    assert_eq!(codes, [Code::DuplicateMember, Code::Unsecured, Code::DuplicateMember]);
    assert_eq!(t.claims().unwrap().sub.as_deref(), Some("b"));
}

#[test]
fn unencoded_payload() {
    let h = b64::encode(br#"{"alg":"HS256","b64":false,"crit":["b64"]}"#);
    let tok = alloc::format!("{h}.$hi.");
    let t = Token::parse(&tok);
    assert!(t.notices().iter().any(|n| n.code == Code::UnencodedPayload));
    assert_eq!(t.payload_bytes(), Some(&b"$hi"[..]));
    assert_eq!(t.payload(), Some(&Payload::Text(String::from("$hi"))));
}

#[test]
fn the_payload_is_text_exactly_when_its_bytes_are_utf8() {
    let h = b64::encode(br#"{"alg":"none"}"#);
    for (payload, text) in [
        (&b"{\"sub\":\"\xc3\xa9\"}"[..], true),
        (&b"{\"sub\":\"\xff\"}"[..], false),
        (&b"plain text"[..], true),
        (&b"\x80\x81"[..], false),
    ] {
        let tok = alloc::format!("{h}.{}.", b64::encode(payload));
        let t = Token::parse(&tok);
        assert_eq!(t.payload_bytes(), Some(payload), "{payload:?}");
        assert_eq!(t.payload_text().is_some(), text, "{payload:?}");
        assert_eq!(t.payload_text().map(str::as_bytes), text.then_some(payload), "{payload:?}");
    }
    // A header that is not UTF-8: its text is the lossy reading, the error located in it.
    let bad = b64::encode(b"{\"alg\":\"\xff\"}");
    let tok = alloc::format!("{bad}.{}.", b64::encode(b"{}"));
    let t = Token::parse(&tok);
    assert_eq!(t.header_text(), Some("{\"alg\":\"\u{FFFD}\"}"));
    assert!(t.errors().iter().any(|e| e.code == Code::HeaderNotJson), "{:?}", t.errors());
}

#[test]
fn an_sd_jwt_is_its_issuer_signed_jwt_with_a_notice_and_never_valid() {
    let presentation = include_str!("../../../../tests/vectors/sd-jwt/rfc9901/simple/presentation.txt").trim();
    let t = Token::parse(presentation);
    assert_eq!(t.kind(), Kind::Jws);
    assert!(t.errors().is_empty(), "{:?}", t.errors());
    let tilde = presentation.find('~').unwrap();
    assert_eq!(t.span(), 0..tilde);
    let n = t.notices().iter().find(|n| n.code == Code::SdJwt).expect("an sd_jwt notice");
    assert_eq!(n.offset, tilde);
    assert!(n.message.contains("and a Key Binding JWT"), "{}", n.message);
    // With the issuer's key the signature verifies, and still the verdict is not valid.
    let key = include_str!("../../../../tests/vectors/sd-jwt/keys/issuer.public.jwk.json");
    let (keys, _) = crate::key::import_key(key, crate::key::KeyInput::Jwk).unwrap();
    let options = crate::Options::at(crate::time::NumericDate::from_secs(1_748_537_243)).with_keys(&keys);
    let r = crate::inspect(presentation, &options);
    assert_eq!(r.verification.status, crate::verify::SignatureStatus::Verified);
    assert_eq!(r.verdict.status, crate::report::VerdictStatus::Malformed);
    assert!(r.verdict.message.contains("SD-JWT"), "{}", r.verdict.message);
    // Not an SD-JWT: a `~` where the part before it is no compact JWS.
    assert!(Token::parse("abc~def").notices().iter().all(|n| n.code != Code::SdJwt));
}
