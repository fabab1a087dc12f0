//! One function per claim check, each with the RFC section it implements, in
//! the order [`CHECKS`](super::CHECKS) runs them.

use alloc::format;
use alloc::string::String;

use super::*;
use crate::time::Seconds;

/// " (leeway 1 min)", or nothing without a leeway.
pub(super) fn leeway_note(leeway: f64) -> String {
    if leeway > 0.0 {
        format!(" (leeway {})", humanize(leeway))
    } else {
        String::new()
    }
}

pub(super) fn iso(t: NumericDate) -> String {
    t.iso().unwrap_or_else(|| format!("{t}"))
}

pub(super) fn no_clock() -> String {
    String::from("No current time was given.")
}

/// RFC 8725 §3.1: "libraries MUST enable the caller to specify a supported set of algorithms".
pub(super) fn check_alg(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, header, .. } = *x;
    let alg = header.and_then(|h| h.alg.as_deref());
    if policy.algorithms.is_empty() {
        c.add(CheckName::Alg, Outcome::Skipped, || {
            (None, alg.map(String::from), String::from("No algorithm allow-list was set."))
        });
    } else {
        let ok = alg.is_some_and(|a| policy.algorithms.iter().any(|x| x.name() == a));
        c.add(CheckName::Alg, pass_fail(ok), || {
            let allowed: Vec<&str> = policy.algorithms.iter().map(|a| a.name()).collect();
            let msg = if ok {
                format!("{} is allowed.", alg.unwrap_or(""))
            } else {
                format!("{} is not in the allowed algorithms {}.", alg.unwrap_or("(no alg)"), list(&allowed))
            };
            (Some(list(&allowed)), alg.map(String::from), msg)
        });
    }
}

/// RFC 8725 §3.11: explicit typing.
pub(super) fn check_typ(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, header, .. } = *x;
    let typ = header.and_then(|h| h.typ.as_deref());
    match &policy.typ {
        None => c.add(CheckName::Typ, Outcome::Skipped, || {
            (None, typ.map(String::from), String::from("No type was required."))
        }),
        Some(want) => {
            // RFC 7515 §4.1.9: the "application/" prefix may be omitted; media types are case-insensitive.
            let norm = |s: &str| {
                let l = s.to_ascii_lowercase();
                l.strip_prefix("application/").map(String::from).unwrap_or(l)
            };
            let ok = typ.is_some_and(|t| norm(t) == norm(want));
            c.add(CheckName::Typ, pass_fail(ok), || {
                let msg = if ok {
                    format!("The type is \"{want}\".")
                } else {
                    format!(
                        "The type must be \"{want}\", found {}.",
                        typ.map(|t| format!("\"{t}\"")).unwrap_or_else(|| String::from("none"))
                    )
                };
                (Some(want.clone()), typ.map(String::from), msg)
            });
        }
    }
}

/// RFC 7519 §4.1.1 and RFC 8725 §3.8: the issuer.
pub(super) fn check_iss(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, claims, .. } = *x;
    let iss = claims.and_then(|c| c.iss.as_deref());
    if policy.issuers.is_empty() {
        c.add(CheckName::Iss, Outcome::Skipped, || {
            (None, iss.map(String::from), String::from("No issuer was required."))
        });
    } else {
        let ok = iss.is_some_and(|i| policy.issuers.iter().any(|x| x == i));
        c.add(CheckName::Iss, pass_fail(ok), || {
            let msg = match iss {
                Some(i) if ok => format!("The issuer \"{i}\" is accepted."),
                Some(i) => format!("The issuer \"{i}\" is not one of {}.", list(&policy.issuers)),
                None => format!("The token has no iss; expected one of {}.", list(&policy.issuers)),
            };
            (Some(list(&policy.issuers)), iss.map(String::from), msg)
        });
    }
}

/// RFC 7519 §4.1.3: "If the principal processing the claim does not identify itself
/// with a value in the "aud" claim when this claim is present, then the JWT MUST be rejected."
pub(super) fn check_aud(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, claims, .. } = *x;
    let aud = claims.and_then(|c| c.aud.as_deref());
    if policy.audiences.is_empty() {
        c.add(CheckName::Aud, Outcome::Skipped, || (None, aud.map(list), String::from("No audience was required.")));
    } else {
        let ok = aud.is_some_and(|a| a.iter().any(|x| policy.audiences.iter().any(|p| p == x)));
        c.add(CheckName::Aud, pass_fail(ok), || {
            let msg = match aud {
                Some(a) if ok => format!("The audience {} includes an accepted one.", list(a)),
                Some(a) => {
                    format!("The audience is {}, which does not include any of {}.", list(a), list(&policy.audiences))
                }
                None => format!("The token has no aud; expected one of {}.", list(&policy.audiences)),
            };
            (Some(list(&policy.audiences)), aud.map(list), msg)
        });
    }
}

/// RFC 7519 §4.1.2: the subject.
pub(super) fn check_sub(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, claims, .. } = *x;
    let sub = claims.and_then(|c| c.sub.as_deref());
    match &policy.subject {
        None => c.add(CheckName::Sub, Outcome::Skipped, || {
            (None, sub.map(String::from), String::from("No subject was required."))
        }),
        Some(want) => {
            let ok = sub == Some(want.as_str());
            c.add(CheckName::Sub, pass_fail(ok), || {
                let msg =
                    if ok { format!("The subject is \"{want}\".") } else { format!("The subject must be \"{want}\".") };
                (Some(want.clone()), sub.map(String::from), msg)
            });
        }
    }
}

/// Claims the policy requires to be present.
pub(super) fn check_required(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { token, policy, .. } = *x;
    if !policy.required.is_empty() {
        let present = |name: &str| token.claims_json().is_some_and(|o| o.contains(name));
        let missing: Vec<&String> = policy.required.iter().filter(|n| !present(n)).collect();
        c.add(CheckName::Required, pass_fail(missing.is_empty()), || {
            let msg = if missing.is_empty() {
                format!("All required claims {} are present.", list(&policy.required))
            } else {
                format!("Missing required claims {}.", list(&missing))
            };
            (Some(list(&policy.required)), Some(list(&missing)), msg)
        });
    }
}

/// RFC 7519 §4.1.4: "the current date/time MUST be before the expiration date/time".
pub(super) fn check_exp(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { now, leeway, claims, .. } = *x;
    let exp = claims.and_then(|c| c.exp);
    match (exp, now) {
        (None, _) => c.add(CheckName::Exp, Outcome::Skipped, || {
            (None, None, String::from("The token has no exp: it never expires."))
        }),
        (Some(e), None) => c.add(CheckName::Exp, Outcome::Skipped, || (None, Some(iso(e)), no_clock())),
        (Some(e), Some(n)) => {
            let ok = n.seconds() < e.seconds() + leeway;
            c.add(CheckName::Exp, pass_fail(ok), || {
                let msg = if ok {
                    format!("Not expired{}.", leeway_note(leeway))
                } else {
                    format!("Expired {} ago{}.", humanize(n - e), leeway_note(leeway))
                };
                (Some(format!("now < exp + {} s", Seconds(leeway))), Some(iso(e)), msg)
            });
        }
    }
}

/// RFC 7519 §4.1.5: "the current date/time MUST be after or equal to the not-before date/time".
pub(super) fn check_nbf(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { now, leeway, claims, .. } = *x;
    let nbf = claims.and_then(|c| c.nbf);
    match (nbf, now) {
        (None, _) => c.add(CheckName::Nbf, Outcome::Skipped, || (None, None, String::from("The token has no nbf."))),
        (Some(b), None) => c.add(CheckName::Nbf, Outcome::Skipped, || (None, Some(iso(b)), no_clock())),
        (Some(b), Some(n)) => {
            let ok = n.seconds() + leeway >= b.seconds();
            c.add(CheckName::Nbf, pass_fail(ok), || {
                let msg = if ok {
                    format!("Already valid{}.", leeway_note(leeway))
                } else {
                    format!("Not valid for another {}{}.", humanize(b - n), leeway_note(leeway))
                };
                (Some(format!("now >= nbf - {} s", Seconds(leeway))), Some(iso(b)), msg)
            });
        }
    }
}

/// RFC 7519 §4.1.6: an iat in the future (beyond the leeway) is refused.
pub(super) fn check_iat(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { now, leeway, claims, .. } = *x;
    let iat = claims.and_then(|c| c.iat);
    match (iat, now) {
        (None, _) => c.add(CheckName::Iat, Outcome::Skipped, || (None, None, String::from("The token has no iat."))),
        (Some(i), None) => c.add(CheckName::Iat, Outcome::Skipped, || (None, Some(iso(i)), no_clock())),
        (Some(i), Some(n)) => {
            let ok = i.seconds() <= n.seconds() + leeway;
            c.add(CheckName::Iat, pass_fail(ok), || {
                let msg = if ok {
                    String::from("Issued in the past.")
                } else {
                    format!("Issued {} in the future{}.", humanize(i - n), leeway_note(leeway))
                };
                (Some(format!("iat <= now + {} s", Seconds(leeway))), Some(iso(i)), msg)
            });
        }
    }
}

/// The policy's maximum age since iat.
pub(super) fn check_max_age(x: &Ctx<'_, '_>, c: &mut Checks) {
    let Ctx { policy, now, leeway, claims, .. } = *x;
    let iat = claims.and_then(|c| c.iat);
    if let Some(max) = policy.max_age {
        match (iat, now) {
            (Some(i), Some(n)) => {
                let age = n - i;
                let ok = age <= max + leeway;
                c.add(CheckName::MaxAge, pass_fail(ok), || {
                    let msg = if ok {
                        format!("{} old, within the maximum {}.", humanize(age), humanize(max))
                    } else {
                        format!("{} old, over the maximum {}{}.", humanize(age), humanize(max), leeway_note(leeway))
                    };
                    (Some(humanize(max)), Some(humanize(age)), msg)
                });
            }
            (None, _) => c.add(CheckName::MaxAge, Outcome::Failed, || {
                (Some(humanize(max)), None, String::from("A maximum age is set but the token has no iat."))
            }),
            (_, None) => c.add(CheckName::MaxAge, Outcome::Skipped, || (Some(humanize(max)), None, no_clock())),
        }
    }
}
