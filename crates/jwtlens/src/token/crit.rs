//! The header's `crit` and `b64` (RFC 7515 §4.1.11, RFC 7797 §6): a JWS whose
//! header gets them wrong "MUST be rejected", before its signature is checked.

use alloc::format;
use alloc::string::String;

use super::Token;

/// RFC 7515 §4.1.11 and RFC 7797 §6: what is wrong with the header's `crit`
/// and `b64`, if anything. A JWS with such a header "MUST be rejected", so
/// the signature is not even checked (the signature verdict and the verdict both ask).
///
/// "If any of the listed extension Header Parameters are not understood and
/// supported by the recipient, then the JWS is invalid. Producers MUST NOT
/// use the empty list "[]" as the "crit" value. [...] Producers MUST NOT
/// include Header Parameter names defined by this specification or [JWA] for
/// use with JWS, duplicate names, or names that do not occur as Header
/// Parameter names within the JOSE Header in the "crit" list."
/// RFC 7797 §6: "the "crit" Header Parameter MUST be included with "b64" in
/// its set of values" when "b64" is used.
pub(crate) fn header_problem(token: &Token<'_>) -> Option<String> {
    /// The extensions jwtlens understands.
    const UNDERSTOOD: [&str; 1] = ["b64"];
    let obj = token.header_json()?;
    let header = token.header()?;
    if obj.contains("crit") {
        let Some(crit) = &header.crit else {
            return Some(String::from("\"crit\" must be a list of header parameter names (RFC 7515 §4.1.11)."));
        };
        if crit.is_empty() {
            return Some(String::from(
                "\"crit\" is an empty list, which RFC 7515 §4.1.11 forbids, so the token must be rejected.",
            ));
        }
        for (i, name) in crit.iter().enumerate() {
            if !UNDERSTOOD.contains(&name.as_str()) {
                return Some(format!("The header marks \"{name}\" as critical (crit), and jwtlens does not understand it, so the token must be rejected (RFC 7515 §4.1.11)."));
            }
            if crit.get(..i).is_some_and(|before| before.contains(name)) {
                return Some(format!(
                    "\"crit\" lists \"{name}\" twice (RFC 7515 §4.1.11), so the token must be rejected."
                ));
            }
            if !obj.contains(name) {
                return Some(format!("\"crit\" lists \"{name}\", but the header has no \"{name}\" (RFC 7515 §4.1.11), so the token must be rejected."));
            }
        }
    }
    if obj.contains("b64") && !header.crit.as_ref().is_some_and(|c| c.iter().any(|n| n == "b64")) {
        return Some(String::from(
            "\"b64\" is present but \"crit\" does not name it (RFC 7797 §6), so the token must be rejected.",
        ));
    }
    None
}
