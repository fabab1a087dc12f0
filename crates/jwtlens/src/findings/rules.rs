//! The rules, one function each, in the order [`RULES`](super::RULES) runs them.

use alloc::format;

use super::clues::*;
use super::*;

pub(super) fn encrypted(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.token.kind() == Kind::Jwe {
        c.push(
            FindingCode::Encrypted,
            Severity::Info,
            Part::Header,
            String::from("An encrypted token (JWE): its claims are hidden without the recipient's key."),
        );
    }
}

/// RFC 8725 §3.1.
pub(super) fn alg_none(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.alg.is_some_and(|a| a.eq_ignore_ascii_case("none")) {
        c.push_member(FindingCode::AlgNone, Severity::Critical, Part::Header, "alg", String::from("alg is \"none\": the token carries no signature, so anyone can make one; a verifier must never accept it (RFC 8725 §3.1)."));
    }
}

/// Each offered key: well-known or short secrets, weak RSA keys, key confusion.
pub(super) fn offered_keys(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(keys) = i.keys else { return };
    let hmac_alg = i.alg.is_some_and(|a| a.starts_with("HS"));
    // Only read where `hmac_alg`: the token's own word for its HMAC algorithm.
    let alg_name = i.alg.unwrap_or_default();
    for key in keys.keys() {
        match &key.material {
            Material::Hmac(secret) => {
                if is_common_secret(secret) {
                    c.push(FindingCode::WeakSecret, Severity::Critical, Part::Signature, String::from("The HMAC secret is a well-known one (from documentation, examples or leaked lists): anyone can forge tokens with it."));
                }
                // RFC 7518 §3.2; HS256's 32 bytes when the token names no HMAC algorithm.
                let hmac = i.algorithm.filter(|a| a.family() == crate::alg::Family::Hmac).unwrap_or(Algorithm::HS256);
                let need = hmac.min_hmac_key_len().unwrap_or(32);
                if secret.len() < need {
                    c.push(FindingCode::ShortHmacKey, Severity::High, Part::Signature, format!("The HMAC secret has {} bits; RFC 7518 §3.2 requires at least {} for {}, and short secrets can be brute-forced offline from one token.", secret.len() * 8, need * 8, hmac.name()));
                }
            }
            Material::Rsa(_) if key.bits() < crate::verify::MIN_RSA_BITS => {
                c.push(
                    FindingCode::WeakRsaKey,
                    Severity::High,
                    Part::Signature,
                    format!("The RSA key has {} bits; RFC 7518 §3.3 requires at least 2048.", key.bits()),
                );
            }
            _ => {}
        }
        if let (true, Material::Hmac(secret)) = (hmac_alg, &key.material) {
            if let Some(public) = secret.public_key() {
                c.push_member(FindingCode::KeyConfusion, Severity::Critical, Part::Header, "alg", format!("The token says {alg_name} (a shared secret) and the secret offered is the text of a public key — {public} — so anyone who has the public key can make tokens that verify with it (key confusion, RFC 8725 §2.1). jwtlens refuses such a secret; configure the verifier with the public key and an RS/PS/ES/EdDSA algorithm."));
            }
        }
        if hmac_alg && key.key_type() != KeyType::Oct {
            c.push_member(FindingCode::KeyConfusion, Severity::Critical, Part::Header, "alg", format!("The token says {alg_name} (a shared secret) but the key offered is an {}: a verifier that used the public key as the HMAC secret would accept tokens anyone can make (key confusion).", key.key_type().label()));
        }
    }
}

/// RFC 8725 §3.10: keys and key locations the token names itself.
pub(super) fn header_keys_and_urls(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(h) = i.token.header() else { return };
    let never = "jwtlens never fetches or trusts it; a verifier must use its own configured keys (RFC 8725 §3.10).";
    if let Some(u) = &h.jku {
        c.push_member(
            FindingCode::JkuHeader,
            Severity::Medium,
            Part::Header,
            "jku",
            format!("The header names a key set URL ({u}); {never}"),
        );
    }
    if let Some(u) = &h.x5u {
        c.push_member(
            FindingCode::X5uHeader,
            Severity::Medium,
            Part::Header,
            "x5u",
            format!("The header names a certificate URL ({u}); {never}"),
        );
    }
    if h.jwk.is_some() {
        c.push_member(
            FindingCode::JwkHeader,
            Severity::High,
            Part::Header,
            "jwk",
            format!(
                "The header embeds its own public key; trusting it lets anyone sign tokens with their own key. {never}"
            ),
        );
    }
    if h.x5c.is_some() {
        c.push_member(FindingCode::X5cHeader, Severity::Medium, Part::Header, "x5c", format!("The header embeds a certificate chain; it proves nothing unless validated against a trusted root. {never}"));
    }
}

pub(super) fn suspicious_kid_header(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if let Some(what) = i.token.header().and_then(|h| h.kid.as_deref()).and_then(suspicious_kid) {
        c.push_member(
            FindingCode::SuspiciousKid,
            Severity::High,
            Part::Header,
            "kid",
            format!("The kid looks like {what}: a key lookup that uses it as a path, URL or query can be injected."),
        );
    }
}

/// RFC 7515 §4.1.11.
pub(super) fn unknown_crit(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(crit) = i.token.header().and_then(|h| h.crit.as_ref()) else { return };
    for name in crit.iter().filter(|n| n.as_str() != "b64") {
        c.push_member(FindingCode::UnknownCrit, Severity::High, Part::Header, "crit", format!("crit lists \"{name}\", an extension jwtlens does not understand; RFC 7515 §4.1.11 requires rejecting the token."));
    }
}

/// RFC 7797.
pub(super) fn unencoded_payload(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.token.header().is_some_and(|h| h.b64 == Some(false)) {
        c.push_member(FindingCode::UnencodedPayload, Severity::Medium, Part::Header, "b64", String::from("b64 is false: the payload is signed as raw bytes (RFC 7797); verifiers that ignore crit will read it wrongly."));
    }
}

/// What the parser noticed and forgave: duplicate names, non-canonical base64url.
pub(super) fn parser_notices(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    for n in i.token.notices() {
        let (code, severity, message) = match n.code {
            Code::DuplicateMember => (FindingCode::DuplicateMember, Severity::Medium, "A member name occurs twice; parsers disagree on which one counts, so different systems may read different claims."),
            Code::NonCanonicalBase64url | Code::Base64Padding | Code::Base64StandardAlphabet => (FindingCode::NonCanonicalBase64url, Severity::Low, "A segment is not canonical base64url: different spellings of the same token can slip past deny-lists and caches."),
            _ => continue,
        };
        c.out.push(Finding {
            code,
            severity,
            part: n.part,
            offset: n.offset,
            end: n.end,
            message: String::from(message),
        });
    }
}

/// CVE-2022-21449: r or s zero in a signature of the JWS size (RFC 7518 §3.4).
pub(super) fn ecdsa_zero_scalar(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let size = i.algorithm.and_then(Algorithm::ecdsa_scalar_len);
    let (Some(size), Some(sig)) = (size, i.token.signature()) else { return };
    if sig.len() == 2 * size {
        let (r, s) = sig.split_at(size);
        if r.iter().all(|b| *b == 0) || s.iter().all(|b| *b == 0) {
            c.push(FindingCode::EcdsaZeroScalar, Severity::Critical, Part::Signature, String::from("The ECDSA signature has r or s equal to zero: the \"psychic signature\" forgery (CVE-2022-21449) that broken verifiers accept for any message."));
        }
    }
}

/// No exp, or a long one (RFC 8725 §3.10's advice on lifetimes).
pub(super) fn lifetime(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(claims) = i.token.claims() else { return };
    if claims.exp.is_none() && i.token.kind() == Kind::Jws {
        c.push(
            FindingCode::MissingExp,
            Severity::Medium,
            Part::Payload,
            String::from("There is no exp: the token never expires, so a stolen copy works forever unless revoked."),
        );
    }
    if let (Some(e), Some(iat)) = (claims.exp, claims.iat) {
        if e - iat > 86_400.0 {
            c.push_member(
                FindingCode::LongLifetime,
                Severity::Low,
                Part::Payload,
                "exp",
                format!(
                    "The token lives {} (exp − iat); access tokens usually live minutes, so theft matters longer.",
                    humanize(e - iat)
                ),
            );
        }
    }
}

pub(super) fn iat_in_future(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    if i.time.is_some_and(|t| t.issued_in_future) {
        c.push_member(
            FindingCode::IatInFuture,
            Severity::Medium,
            Part::Payload,
            "iat",
            String::from("iat is in the future: the issuer's clock is wrong, or the token was made by someone else."),
        );
    }
}

pub(super) fn time_status(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(t) = i.time else { return };
    match t.status {
        TimeStatus::Expired => {
            c.push_member(FindingCode::Expired, Severity::Info, Part::Payload, "exp", t.summary.clone())
        }
        TimeStatus::NotYetValid => {
            c.push_member(FindingCode::NotYetValid, Severity::Info, Part::Payload, "nbf", t.summary.clone())
        }
        _ => {}
    }
}

/// RFC 7519 §12 (Privacy Considerations): a JWS payload is readable by whoever holds the token.
pub(super) fn sensitive_claims(i: &Input<'_, '_>, c: &mut Collector<'_, '_>) {
    let Some(obj) = i.token.claims_json() else { return };
    for m in obj.members() {
        let lower = m.name.to_ascii_lowercase();
        let reason = if SENSITIVE_NAMES.contains(&lower.as_str()) {
            Some(format!("The claim \"{}\" looks sensitive", m.name))
        } else {
            match &m.value {
                Json::String(v) if looks_like_card(v) => {
                    Some(format!("The claim \"{}\" looks like a card number", m.name))
                }
                Json::String(v) if looks_like_email(v) && lower != "email" => {
                    Some(format!("The claim \"{}\" holds an email address", m.name))
                }
                _ => None,
            }
        };
        if let Some(r) = reason {
            // The member itself, not a search by name: many members must not cost n².
            c.push_span(
                FindingCode::SensitiveClaim,
                Severity::Medium,
                Part::Payload,
                m.span.clone(),
                format!("{r}: a JWT payload is encoded, not encrypted, and anyone holding the token can read it."),
            );
        }
    }
}
