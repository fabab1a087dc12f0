//! Typed views of the registered header parameters and claims.
//!
//! Members with the wrong JSON type are reported (by [`Header::from_object`]
//! and [`Claims::from_object`]) and left out of the typed view; the JSON
//! itself always keeps them.
//!
//! # Example
//! ```
//! use jwtlens::{claims::Claims, json};
//! let v = json::parse(br#"{"sub":"42","aud":"api","exp":1700000000.5}"#).unwrap();
//! let (claims, problems) = Claims::from_object(v.as_object().unwrap());
//! assert!(problems.is_empty());
//! assert_eq!(claims.aud.as_deref(), Some(&["api".into()][..]));
//! assert_eq!(claims.sub.as_deref(), Some("42"));
//! assert_eq!(claims.exp, jwtlens::time::NumericDate::new(1_700_000_000.5));
//! ```

use crate::json::Str;
use alloc::vec::Vec;

use serde::Serialize;

use crate::json::{Json, Member, Object};
use crate::time::NumericDate;

/// A registered member whose value has the wrong type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TypeProblem {
    /// The member name.
    pub name: Str,
    /// The member's span in the decoded JSON text.
    pub span: core::ops::Range<usize>,
    /// The type the RFC requires.
    pub expected: &'static str,
    /// The JSON type that was there.
    pub found: &'static str,
}

/// The lexically last member of each registered name, found in one pass over
/// the object (RFC 7515 §4 allows "a JSON parser that returns only the
/// lexically last duplicate member name"; [`Object::get`] answers the same).
/// `slot` numbers the names this reader knows, in its fields' order.
fn last_members<const N: usize>(obj: &Object, slot: fn(&str) -> Option<usize>) -> [Option<&Member>; N] {
    let mut last = [None; N];
    for m in obj.members() {
        if let Some(place) = slot(&m.name).and_then(|i| last.get_mut(i)) {
            *place = Some(m);
        }
    }
    last
}

struct Reader {
    problems: Vec<TypeProblem>,
}

impl Reader {
    fn problem(&mut self, m: &Member, expected: &'static str) {
        self.problems.push(TypeProblem {
            name: m.name.clone(),
            span: m.span.clone(),
            expected,
            found: m.value.type_name(),
        });
    }

    fn string(&mut self, m: Option<&Member>) -> Option<Str> {
        let m = m?;
        match &m.value {
            Json::String(s) => Some(s.clone()),
            _ => {
                self.problem(m, "a string");
                None
            }
        }
    }

    fn strings(&mut self, m: Option<&Member>, allow_single: bool) -> Option<Vec<Str>> {
        let m = m?;
        let expected = if allow_single { "a string or an array of strings" } else { "an array of strings" };
        match &m.value {
            Json::String(s) if allow_single => Some(alloc::vec![s.clone()]),
            Json::Array(items) => {
                let strings: Option<Vec<Str>> = items.iter().map(|v| v.as_str().map(Str::from)).collect();
                if strings.is_none() {
                    self.problem(m, expected);
                }
                strings
            }
            _ => {
                self.problem(m, expected);
                None
            }
        }
    }

    fn numeric_date(&mut self, m: Option<&Member>) -> Option<NumericDate> {
        let m = m?;
        match m.value.as_f64().and_then(NumericDate::new) {
            Some(v) => Some(v),
            _ => {
                self.problem(m, "a NumericDate (a JSON number of seconds since 1970)");
                None
            }
        }
    }

    fn boolean(&mut self, m: Option<&Member>) -> Option<bool> {
        let m = m?;
        let b = m.value.as_bool();
        if b.is_none() {
            self.problem(m, "a boolean");
        }
        b
    }

    fn object(&mut self, m: Option<&Member>) -> Option<Json> {
        let m = m?;
        if m.value.as_object().is_none() {
            self.problem(m, "a JSON object");
            return None;
        }
        Some(m.value.clone())
    }
}

/// The registered JOSE header parameters (RFC 7515 §4.1, RFC 7797 §3).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Header {
    /// `alg`: the signing algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alg: Option<Str>,
    /// `typ`: media type of the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typ: Option<Str>,
    /// `cty`: media type of the payload.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cty: Option<Str>,
    /// `kid`: key ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<Str>,
    /// `jku`: JWK Set URL (never fetched).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jku: Option<Str>,
    /// `jwk`: embedded public key (never trusted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwk: Option<Json>,
    /// `x5u`: certificate URL (never fetched).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x5u: Option<Str>,
    /// `x5c`: certificate chain, base64 DER.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x5c: Option<Vec<Str>>,
    /// `x5t`: SHA-1 certificate thumbprint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x5t: Option<Str>,
    /// `x5t#S256`: SHA-256 certificate thumbprint.
    #[serde(rename = "x5t#S256", skip_serializing_if = "Option::is_none")]
    pub x5t_s256: Option<Str>,
    /// `crit`: extensions that must be understood.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crit: Option<Vec<Str>>,
    /// `b64`: false for an unencoded payload (RFC 7797).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b64: Option<bool>,
    /// `enc`: JWE content encryption algorithm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enc: Option<Str>,
}

impl Header {
    /// Whether `cty` says the payload is a nested JWT. RFC 7519 §5.2: "the "cty"
    /// value "JWT" [...]"; RFC 7515 §4.1.10: the "application/" prefix may be
    /// omitted and media types are compared without case.
    ///
    /// ```
    /// let nested = |cty: &str| {
    ///     let mut header = jwtlens::claims::Header::default();
    ///     header.cty = Some(cty.into());
    ///     header.nested()
    /// };
    /// assert!(nested("JWT") && nested("jwt") && nested("application/JWT"));
    /// assert!(!nested("json") && !nested("application/jwt+json"));
    /// ```
    pub fn nested(&self) -> bool {
        self.cty.as_deref().is_some_and(|c| {
            let l = c.to_ascii_lowercase();
            l.strip_prefix("application/").unwrap_or(&l) == "jwt"
        })
    }

    /// Read the registered parameters from a header object.
    pub fn from_object(obj: &Object) -> (Header, Vec<TypeProblem>) {
        let [alg, typ, cty, kid, jku, jwk, x5u, x5c, x5t, x5t_s256, crit, b64, enc] = last_members(obj, |name| {
            let slot = match name {
                "alg" => 0,
                "typ" => 1,
                "cty" => 2,
                "kid" => 3,
                "jku" => 4,
                "jwk" => 5,
                "x5u" => 6,
                "x5c" => 7,
                "x5t" => 8,
                "x5t#S256" => 9,
                "crit" => 10,
                "b64" => 11,
                "enc" => 12,
                _ => return None,
            };
            Some(slot)
        });
        let mut r = Reader { problems: Vec::new() };
        let h = Header {
            alg: r.string(alg),
            typ: r.string(typ),
            cty: r.string(cty),
            kid: r.string(kid),
            jku: r.string(jku),
            jwk: r.object(jwk),
            x5u: r.string(x5u),
            x5c: r.strings(x5c, false),
            x5t: r.string(x5t),
            x5t_s256: r.string(x5t_s256),
            crit: r.strings(crit, false),
            b64: r.boolean(b64),
            enc: r.string(enc),
        };
        (h, r.problems)
    }
}

/// The registered claims of a JWT claims set (RFC 7519 §4.1).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Claims {
    /// `iss`: issuer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iss: Option<Str>,
    /// `sub`: subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sub: Option<Str>,
    /// `aud`: audiences; a single string becomes a one-element list
    /// (RFC 7519 §4.1.3: "In the special case when the JWT has one audience,
    /// the "aud" value MAY be a single case-sensitive string").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aud: Option<Vec<Str>>,
    /// `exp`: expiration time, NumericDate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<NumericDate>,
    /// `nbf`: not-before time, NumericDate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nbf: Option<NumericDate>,
    /// `iat`: issued-at time, NumericDate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iat: Option<NumericDate>,
    /// `jti`: token ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jti: Option<Str>,
}

impl Claims {
    /// Read the registered claims from a claims-set object.
    pub fn from_object(obj: &Object) -> (Claims, Vec<TypeProblem>) {
        let [iss, sub, aud, exp, nbf, iat, jti] = last_members(obj, |name| {
            let slot = match name {
                "iss" => 0,
                "sub" => 1,
                "aud" => 2,
                "exp" => 3,
                "nbf" => 4,
                "iat" => 5,
                "jti" => 6,
                _ => return None,
            };
            Some(slot)
        });
        let mut r = Reader { problems: Vec::new() };
        let c = Claims {
            iss: r.string(iss),
            sub: r.string(sub),
            aud: r.strings(aud, true),
            exp: r.numeric_date(exp),
            nbf: r.numeric_date(nbf),
            iat: r.numeric_date(iat),
            jti: r.string(jti),
        };
        (c, r.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use alloc::string::String;

    #[test]
    fn wrong_types_are_reported_not_guessed() {
        let v = parse(br#"{"exp":"1700000000","aud":["a",1],"iss":"me","b64":"no"}"#).unwrap();
        let (c, p) = Claims::from_object(v.as_object().unwrap());
        assert_eq!(c.exp, None);
        assert_eq!(c.aud, None);
        assert_eq!(c.iss.as_deref(), Some("me"));
        let names: Vec<_> = p.iter().map(|p| (p.name.as_str(), p.found)).collect();
        assert_eq!(names, [("aud", "array"), ("exp", "string")]);
        let (h, p) = Header::from_object(v.as_object().unwrap());
        assert_eq!(h.b64, None);
        assert_eq!(p[0].expected, "a boolean");
    }

    proptest::proptest! {
        /// The one-pass reading answers what looking each name up (the last
        /// member of that name, `Object::get`) answers, duplicates included.
        #[test]
        fn one_pass_reads_the_last_member_of_each_name(
            members in proptest::collection::vec((0usize..16, 0usize..3), 0..20)
        ) {
            const NAMES: [&str; 16] = [
                "iss", "sub", "exp", "jti", "alg", "kid", "typ", "x5t#S256", "other", "aud", "nbf", "iat", "crit", "b64",
                "jwk", "\\u0061lg",
            ];
            const VALUES: [&str; 3] = ["\"v\"", "7", "true"];
            let body: Vec<String> = members
                .iter()
                .enumerate()
                .map(|(i, &(n, v))| alloc::format!("\"{}\":{}", NAMES[n], if v == 0 { alloc::format!("\"v{i}\"") } else { VALUES[v].into() }))
                .collect();
            let text = alloc::format!("{{{}}}", body.join(","));
            let v = parse(text.as_bytes()).unwrap();
            let obj = v.as_object().unwrap();
            let text_of = |name: &str| obj.get(name).and_then(Json::as_str).map(Str::from);
            let (c, cp) = Claims::from_object(obj);
            let (h, hp) = Header::from_object(obj);
            proptest::prop_assert_eq!(c.iss, text_of("iss"));
            proptest::prop_assert_eq!(c.sub, text_of("sub"));
            proptest::prop_assert_eq!(c.jti, text_of("jti"));
            let date = |name: &str| obj.get(name).and_then(Json::as_f64).and_then(NumericDate::new);
            proptest::prop_assert_eq!(c.exp, date("exp"));
            proptest::prop_assert_eq!(c.nbf, date("nbf"));
            proptest::prop_assert_eq!(c.iat, date("iat"));
            proptest::prop_assert_eq!(c.aud, text_of("aud").map(|a| alloc::vec![a]));
            proptest::prop_assert_eq!(h.b64, obj.get("b64").and_then(Json::as_bool));
            proptest::prop_assert_eq!(h.alg, text_of("alg"));
            proptest::prop_assert_eq!(h.kid, text_of("kid"));
            proptest::prop_assert_eq!(h.typ, text_of("typ"));
            proptest::prop_assert_eq!(h.x5t_s256, text_of("x5t#S256"));
            // A problem for each registered name whose last member has the wrong type, in field order.
            let wrong = |names: &[&str], ok: fn(&Json) -> bool| -> Vec<String> {
                names.iter().filter(|n| obj.get(n).is_some_and(|v| !ok(v))).map(|n| String::from(*n)).collect()
            };
            let is_str: fn(&Json) -> bool = |v| v.as_str().is_some();
            let is_number: fn(&Json) -> bool = |v| v.as_f64().is_some();
            let mut want = wrong(&["iss", "sub", "aud"], is_str);
            want.extend(wrong(&["exp", "nbf", "iat"], is_number));
            want.extend(wrong(&["jti"], is_str));
            let got: Vec<String> = cp.iter().map(|p| String::from(p.name.as_str())).collect();
            proptest::prop_assert_eq!(got, want);
            let got: Vec<String> = hp.iter().map(|p| String::from(p.name.as_str())).collect();
            // Neither a JSON object (jwk) nor an array of names (crit) is among the values made here.
            let mut want = wrong(&["alg", "typ", "kid"], is_str);
            want.extend(wrong(&["jwk"], |_| false));
            want.extend(wrong(&["x5t#S256"], is_str));
            want.extend(wrong(&["crit"], |_| false));
            want.extend(wrong(&["b64"], |v| v.as_bool().is_some()));
            proptest::prop_assert_eq!(got, want);
        }
    }
}
