//! The policy as every face gives it: one JSON shape (camelCase names, as
//! JavaScript writes them), read here and nowhere else, with typed errors
//! whose text is the sentence every face shows.
//!
//! ```
//! use jwtlens::{alg::Algorithm, policy::{Policy, PolicyError, PolicyField}};
//! let p = Policy::from_json(r#"{"algorithms":["RS256"],"issuer":"https://issuer.example","audience":["api","web"],"maxAge":3600}"#).unwrap();
//! assert_eq!(p.algorithms, vec![Algorithm::RS256]);
//! assert_eq!(p.audiences, vec!["api", "web"]);
//! assert_eq!(p.max_age, Some(3600.0));
//!
//! // A name jose or jsonwebtoken uses says which one jwtlens reads.
//! let e = Policy::from_json(r#"{"clockTolerance":30}"#).unwrap_err();
//! assert_eq!(e, PolicyError::Synonym { name: "clockTolerance".into(), use_instead: PolicyField::Leeway });
//! assert_eq!(e.at("options.policy."), "options.policy.clockTolerance is not a jwtlens option: use options.policy.leeway");
//! // An empty allow-list would read as "no check": refused.
//! assert_eq!(Policy::from_json(r#"{"audience":[]}"#).unwrap_err().to_string(), "audience is an empty list: give at least one value, or leave it out");
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use crate::json::{self, Json, Object};
use crate::time::Seconds;
use serde::Serialize;

use super::Policy;

/// A member of the policy, by its name in the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicyField {
    /// `algorithms`: the allow-list.
    Algorithms,
    /// `issuer`: one issuer or a list.
    Issuer,
    /// `audience`: one audience or a list.
    Audience,
    /// `subject`.
    Subject,
    /// `typ`, the header's type.
    Typ,
    /// `required`: claims that must be present.
    Required,
    /// `maxAge`: seconds since `iat`.
    MaxAge,
    /// `leeway`: seconds of clock skew.
    Leeway,
}

impl PolicyField {
    /// Every field, in the order the contract lists them.
    pub const ALL: [PolicyField; 8] = [
        PolicyField::Algorithms,
        PolicyField::Issuer,
        PolicyField::Audience,
        PolicyField::Subject,
        PolicyField::Typ,
        PolicyField::Required,
        PolicyField::MaxAge,
        PolicyField::Leeway,
    ];

    /// The member's name in the JSON contract (`"maxAge"`).
    pub fn name(self) -> &'static str {
        match self {
            PolicyField::Algorithms => "algorithms",
            PolicyField::Issuer => "issuer",
            PolicyField::Audience => "audience",
            PolicyField::Subject => "subject",
            PolicyField::Typ => "typ",
            PolicyField::Required => "required",
            PolicyField::MaxAge => "maxAge",
            PolicyField::Leeway => "leeway",
        }
    }

    fn named(name: &str) -> Option<PolicyField> {
        PolicyField::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the member holds, for "must be ..." sentences.
    fn shape(self) -> &'static str {
        match self {
            PolicyField::Algorithms | PolicyField::Required => "a list of strings",
            PolicyField::Issuer | PolicyField::Audience => "a string or a list of strings",
            PolicyField::Subject | PolicyField::Typ => "a string",
            PolicyField::MaxAge | PolicyField::Leeway => "a finite number of seconds",
        }
    }
}

impl fmt::Display for PolicyField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Names people write for a policy member (jose's `jwtVerify` options,
/// jsonwebtoken's, fast-jwt's, the claim names) and the member jwtlens reads.
const SYNONYMS: [(&str, PolicyField); 15] = [
    ("allowedAlgorithms", PolicyField::Algorithms),
    ("issuers", PolicyField::Issuer),
    ("iss", PolicyField::Issuer),
    ("audiences", PolicyField::Audience),
    ("aud", PolicyField::Audience),
    ("sub", PolicyField::Subject),
    ("alg", PolicyField::Algorithms),
    ("algorithm", PolicyField::Algorithms),
    ("clockTolerance", PolicyField::Leeway),
    ("clockSkew", PolicyField::Leeway),
    ("maxTokenAge", PolicyField::MaxAge),
    ("max_age", PolicyField::MaxAge),
    ("requiredClaims", PolicyField::Required),
    ("requiredSpecClaims", PolicyField::Required),
    ("type", PolicyField::Typ),
];

/// Names of the time, which is given beside the policy, not in it.
const TIME_NAMES: [&str; 3] = ["now", "currentDate", "clockTimestamp"];

/// Where an option belongs: in the policy, as one of its members, or beside
/// it, as the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The policy member.
    Policy(PolicyField),
    /// `now`, the time a verdict is judged at.
    Now,
}

/// Where an option named `name` belongs, when it is a policy member's name,
/// a name people write for one (jose's, jsonwebtoken's, fast-jwt's, a
/// claim's), or a name of the time: how a face tells a caller who put
/// `issuer` beside the policy, or `currentDate` in it, where it goes.
///
/// ```
/// use jwtlens::policy::{place_of, Place, PolicyField};
/// assert_eq!(place_of("clockTolerance"), Some(Place::Policy(PolicyField::Leeway)));
/// assert_eq!(place_of("maxAge"), Some(Place::Policy(PolicyField::MaxAge)));
/// assert_eq!(place_of("currentDate"), Some(Place::Now));
/// assert_eq!(place_of("color"), None);
/// ```
pub fn place_of(name: &str) -> Option<Place> {
    if let Some(field) = PolicyField::named(name) {
        return Some(Place::Policy(field));
    }
    if let Some((_, field)) = SYNONYMS.iter().find(|(synonym, _)| *synonym == name) {
        return Some(Place::Policy(*field));
    }
    TIME_NAMES.contains(&name).then_some(Place::Now)
}

impl fmt::Display for Place {
    /// The option's path from the options object: `policy.leeway`, `now`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Policy(field) => write!(f, "policy.{field}"),
            Place::Now => f.write_str("now"),
        }
    }
}

/// A name in a [`PolicyError`]'s sentence, which [`PolicyError::render`]
/// lets a face write its own way: one of the policy's members, or a name the
/// caller gave that is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named<'a> {
    /// A member of the policy.
    Field(PolicyField),
    /// A name from the caller's policy that is no member of it.
    Given(&'a str),
}

impl fmt::Display for Named<'_> {
    /// The name as the contract spells it, or as it was given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Named::Field(field) => f.write_str(field.name()),
            Named::Given(name) => f.write_str(name),
        }
    }
}

/// Why a policy cannot be used. [`fmt::Display`] is the sentence with member
/// names as the contract spells them; [`PolicyError::at`] puts a face's path
/// (`options.policy.`) before every member it names. Serialized, it is what
/// every face reports: the stable `code` `bad_policy`, the `reason` (the
/// variant in snake_case), the `field` when there is one, and the `message`.
///
/// ```
/// use jwtlens::policy::{Policy, PolicyError};
/// let e = Policy::from_json(r#"{"algorithms":["HS999"]}"#).unwrap_err();
/// assert_eq!(e.reason(), "unknown_algorithm");
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json["code"], PolicyError::CODE);
/// assert_eq!(json["reason"], "unknown_algorithm");
/// assert_eq!(json["field"], "algorithms");
/// assert_eq!(json["message"], e.to_string());
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PolicyError {
    /// Not a JSON object.
    NotAnObject {
        /// The JSON reader's message, or what was found.
        found: String,
    },
    /// A member the policy does not have.
    Unknown {
        /// The name given.
        name: String,
    },
    /// A name from another library for a member the policy has.
    Synonym {
        /// The name given.
        name: String,
        /// The member jwtlens reads.
        use_instead: PolicyField,
    },
    /// A member given twice: which one counts would depend on the reader.
    Duplicate {
        /// The name given twice.
        name: String,
    },
    /// The time, which is not part of the policy.
    TimeInPolicy {
        /// The name given (`now`, `currentDate`, ...).
        name: String,
    },
    /// `null`, which must not read as "no check".
    Null {
        /// The member.
        field: PolicyField,
    },
    /// An empty allow-list, which would accept nothing or read as "no check".
    EmptyList {
        /// The member.
        field: PolicyField,
    },
    /// A value of the wrong JSON type.
    WrongType {
        /// The member.
        field: PolicyField,
        /// The position in the list, for a list element.
        index: Option<usize>,
        /// The JSON type found.
        found: &'static str,
    },
    /// An algorithm name that is not a JWS algorithm.
    UnknownAlgorithm {
        /// Its position in `algorithms`.
        index: usize,
        /// The name given.
        found: String,
    },
    /// A duration typed as text that is not a number.
    NotANumber {
        /// The member.
        field: PolicyField,
        /// The text given.
        found: String,
    },
    /// A duration that is NaN or infinite.
    NotFinite {
        /// The member.
        field: PolicyField,
    },
    /// A negative duration.
    Negative {
        /// The member.
        field: PolicyField,
        /// The value given.
        found: f64,
    },
    /// A duration above the largest accepted.
    TooLong {
        /// The member.
        field: PolicyField,
        /// The largest accepted, in seconds.
        max: f64,
        /// The value given.
        found: f64,
    },
}

impl PolicyError {
    /// The code every face reports for a policy that cannot be used.
    pub const CODE: &'static str = "bad_policy";

    /// What is wrong, as a stable word: the variant in snake_case
    /// (`unknown`, `negative`, `unknown_algorithm`, ...).
    pub fn reason(&self) -> &'static str {
        match self {
            PolicyError::NotAnObject { .. } => "not_an_object",
            PolicyError::Unknown { .. } => "unknown",
            PolicyError::Synonym { .. } => "synonym",
            PolicyError::Duplicate { .. } => "duplicate",
            PolicyError::TimeInPolicy { .. } => "time_in_policy",
            PolicyError::Null { .. } => "null",
            PolicyError::EmptyList { .. } => "empty_list",
            PolicyError::WrongType { .. } => "wrong_type",
            PolicyError::UnknownAlgorithm { .. } => "unknown_algorithm",
            PolicyError::NotANumber { .. } => "not_a_number",
            PolicyError::NotFinite { .. } => "not_finite",
            PolicyError::Negative { .. } => "negative",
            PolicyError::TooLong { .. } => "too_long",
        }
    }

    /// What a face reports, with its own sentence (a face that names members
    /// its own way: [`PolicyError::at`], [`PolicyError::render`]).
    pub fn reported(&self, message: String) -> ReportedPolicyError {
        ReportedPolicyError { code: PolicyError::CODE, reason: self.reason(), field: self.field(), message }
    }

    /// The member the error is about, when it is one of the policy's.
    pub fn field(&self) -> Option<PolicyField> {
        match self {
            PolicyError::Null { field }
            | PolicyError::EmptyList { field }
            | PolicyError::WrongType { field, .. }
            | PolicyError::NotFinite { field }
            | PolicyError::NotANumber { field, .. }
            | PolicyError::Negative { field, .. }
            | PolicyError::TooLong { field, .. } => Some(*field),
            PolicyError::UnknownAlgorithm { .. } => Some(PolicyField::Algorithms),
            PolicyError::Synonym { use_instead, .. } => Some(*use_instead),
            PolicyError::NotAnObject { .. }
            | PolicyError::Unknown { .. }
            | PolicyError::Duplicate { .. }
            | PolicyError::TimeInPolicy { .. } => None,
        }
    }

    /// The sentence with `path` before every member named:
    /// `at("options.policy.")` → "options.policy.leeway must be ...".
    pub fn at(&self, path: &str) -> String {
        self.render(&|name| format!("{path}{name}"))
    }

    /// The sentence with each name written by `name`: a CLI shows `--max-age`
    /// where JSON has `maxAge`.
    ///
    /// ```
    /// use jwtlens::policy::{seconds, Named, PolicyField};
    /// let e = seconds(PolicyField::MaxAge, "-5").unwrap_err();
    /// let flag = |name: Named<'_>| match name {
    ///     Named::Field(PolicyField::MaxAge) => String::from("--max-age"),
    ///     other => format!("--{other}"),
    /// };
    /// assert_eq!(e.render(&flag), "--max-age must not be negative, found -5");
    /// ```
    pub fn render(&self, name: &dyn Fn(Named<'_>) -> String) -> String {
        // A member name the caller gave may hold characters a terminal or a page would act on.
        crate::text::escaped_string(self.render_raw(name))
    }

    fn render_raw(&self, name: &dyn Fn(Named<'_>) -> String) -> String {
        let field = |f: &PolicyField| name(Named::Field(*f));
        match self {
            PolicyError::NotAnObject { found } => format!("the policy must be a JSON object: {found}"),
            PolicyError::Unknown { name: given } => {
                let fields: Vec<String> = PolicyField::ALL.iter().map(field).collect();
                format!("{} is not a policy field (the policy has {})", name(Named::Given(given)), fields.join(", "))
            }
            PolicyError::Synonym { name: given, use_instead } => {
                format!("{} is not a jwtlens option: use {}", name(Named::Given(given)), field(use_instead))
            }
            PolicyError::Duplicate { name: given } => {
                format!("{} is given twice: give it once", name(Named::Given(given)))
            }
            PolicyError::TimeInPolicy { name: given } => {
                format!(
                    "{} is not a policy field: the time is given beside the policy, as now",
                    name(Named::Given(given))
                )
            }
            PolicyError::Null { field: f } => format!("{} is null: give a value, or leave it out", field(f)),
            PolicyError::EmptyList { field: f } => {
                format!("{} is an empty list: give at least one value, or leave it out", field(f))
            }
            PolicyError::WrongType { field: f, index: Some(i), found } => {
                format!("{}[{i}] must be a string, found {found}", field(f))
            }
            PolicyError::WrongType { field: f, index: None, found } => {
                format!("{} must be {}, found {found}", field(f), f.shape())
            }
            PolicyError::UnknownAlgorithm { index, found } => {
                format!(
                    "{}[{index}]: {} is not a JWS algorithm",
                    field(&PolicyField::Algorithms),
                    crate::text::quoted(found)
                )
            }
            PolicyError::NotANumber { field: f, found } => {
                format!("{} must be a number of seconds, found {}", field(f), crate::text::quoted(found))
            }
            PolicyError::NotFinite { field: f } => format!("{} must be a finite number of seconds", field(f)),
            PolicyError::Negative { field: f, found } => {
                format!("{} must not be negative, found {}", field(f), Seconds(*found))
            }
            PolicyError::TooLong { field: f, max, found } => {
                format!("{} must be at most {} seconds, found {}", field(f), Seconds(*max), Seconds(*found))
            }
        }
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.at(""))
    }
}

impl Serialize for PolicyError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.reported(alloc::string::ToString::to_string(self)).serialize(serializer)
    }
}

/// A [`PolicyError`] as a face reports it: `{code: "bad_policy", reason,
/// field, message}`, with the face's sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportedPolicyError {
    /// [`PolicyError::CODE`].
    code: &'static str,
    /// [`PolicyError::reason`].
    reason: &'static str,
    /// [`PolicyError::field`].
    field: Option<PolicyField>,
    /// The sentence.
    message: String,
}

impl ReportedPolicyError {
    /// The sentence.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl core::error::Error for PolicyError {}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

fn strings(field: PolicyField, v: &Json, one_allowed: bool) -> Result<Vec<String>, PolicyError> {
    match v {
        Json::String(s) if one_allowed => Ok(alloc::vec![String::from(s.as_str())]),
        Json::Array(items) => {
            if items.is_empty() && field != PolicyField::Required {
                return Err(PolicyError::EmptyList { field });
            }
            items
                .iter()
                .enumerate()
                .map(|(i, item)| match item {
                    Json::String(s) => Ok(String::from(s.as_str())),
                    other => Err(PolicyError::WrongType { field, index: Some(i), found: type_name(other) }),
                })
                .collect()
        }
        other => Err(PolicyError::WrongType { field, index: None, found: type_name(other) }),
    }
}

fn string(field: PolicyField, v: &Json) -> Result<String, PolicyError> {
    match v {
        Json::String(s) => Ok(String::from(s.as_str())),
        other => Err(PolicyError::WrongType { field, index: None, found: type_name(other) }),
    }
}

fn seconds(field: PolicyField, v: &Json) -> Result<f64, PolicyError> {
    v.as_f64().ok_or_else(|| PolicyError::WrongType { field, index: None, found: type_name(v) })
}

impl Policy {
    /// Read a policy from its JSON contract: an object with any of
    /// `algorithms`, `issuer`, `audience` (each a string or a list), `subject`,
    /// `typ`, `required`, `maxAge` and `leeway` (seconds; 60 when absent).
    /// Unknown names, names from other libraries, `null`, empty allow-lists
    /// and unusable durations are refused, so that no policy fails open.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        // The core's strict reader, which keeps duplicate names (serde_json's map would keep the last).
        let value = json::parse(text.as_bytes()).map_err(|e| PolicyError::NotAnObject { found: e.to_string() })?;
        match value {
            Json::Object(map) => Policy::from_object(&map),
            other => Err(PolicyError::NotAnObject { found: String::from(type_name(&other)) }),
        }
    }

    fn from_object(map: &Object) -> Result<Policy, PolicyError> {
        if let Some(m) = map.duplicate_members().next() {
            return Err(PolicyError::Duplicate { name: String::from(m.name.as_str()) });
        }
        let mut p = Policy::default();
        for (name, v) in map.members().iter().map(|m| (m.name.as_str(), &m.value)) {
            let field = match place_of(name) {
                Some(Place::Policy(field)) if field.name() == name => field,
                Some(Place::Policy(right)) => {
                    return Err(PolicyError::Synonym { name: String::from(name), use_instead: right })
                }
                Some(Place::Now) => return Err(PolicyError::TimeInPolicy { name: String::from(name) }),
                None => return Err(PolicyError::Unknown { name: String::from(name) }),
            };
            if matches!(v, Json::Null) {
                return Err(PolicyError::Null { field });
            }
            match field {
                PolicyField::Algorithms => {
                    p.algorithms = strings(field, v, false)?
                        .into_iter()
                        .enumerate()
                        .map(|(index, a)| a.parse().map_err(|_| PolicyError::UnknownAlgorithm { index, found: a }))
                        .collect::<Result<_, _>>()?;
                }
                PolicyField::Issuer => p.issuers = strings(field, v, true)?,
                PolicyField::Audience => p.audiences = strings(field, v, true)?,
                PolicyField::Subject => p.subject = Some(string(field, v)?),
                PolicyField::Typ => p.typ = Some(string(field, v)?),
                PolicyField::Required => p.required = strings(field, v, false)?,
                PolicyField::MaxAge => p.max_age = Some(seconds(field, v)?),
                PolicyField::Leeway => p.leeway = seconds(field, v)?,
            }
        }
        p.validate()?;
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alg::Algorithm;

    #[test]
    fn every_member_read() {
        let p = Policy::from_json(
            r#"{"algorithms":["ES256","EdDSA"],"issuer":["a","b"],"audience":"api","subject":"ada","typ":"at+jwt","required":[],"maxAge":60.5,"leeway":0}"#,
        )
        .unwrap();
        assert_eq!(
            p,
            Policy {
                algorithms: alloc::vec![Algorithm::ES256, Algorithm::EdDSA],
                issuers: alloc::vec!["a".into(), "b".into()],
                audiences: alloc::vec!["api".into()],
                subject: Some("ada".into()),
                typ: Some("at+jwt".into()),
                required: alloc::vec![],
                max_age: Some(60.5),
                leeway: 0.0,
            }
        );
        assert_eq!(Policy::from_json("{}").unwrap(), Policy::default());
    }

    #[test]
    fn nothing_fails_open() {
        let refused = [
            (r#"{"audience":[]}"#, "audience is an empty list: give at least one value, or leave it out"),
            (r#"{"issuer":[]}"#, "issuer is an empty list: give at least one value, or leave it out"),
            (r#"{"algorithms":[]}"#, "algorithms is an empty list: give at least one value, or leave it out"),
            (r#"{"issuer":null}"#, "issuer is null: give a value, or leave it out"),
            // A reader keeping the first and one keeping the last would apply different policies.
            (r#"{"audience":"api","audience":"other"}"#, "audience is given twice: give it once"),
            (r#"{"leeway":0,"leeway":600}"#, "leeway is given twice: give it once"),
            (r#"{"audience":[1]}"#, "audience[0] must be a string, found a number"),
            (r#"{"audience":{"a":1}}"#, "audience must be a string or a list of strings, found an object"),
            (r#"{"algorithms":"RS256"}"#, "algorithms must be a list of strings, found a string"),
            (r#"{"algorithms":["HS999"]}"#, "algorithms[0]: \"HS999\" is not a JWS algorithm"),
            (r#"{"leeway":"60"}"#, "leeway must be a finite number of seconds, found a string"),
            (r#"{"leeway":-1}"#, "leeway must not be negative, found -1"),
            (r#"{"leeway":3600}"#, "leeway must be at most 600 seconds, found 3600"),
            (r#"{"maxAge":-5}"#, "maxAge must not be negative, found -5"),
            (r#"{"iss":"x"}"#, "iss is not a jwtlens option: use issuer"),
            (r#"{"now":1}"#, "now is not a policy field: the time is given beside the policy, as now"),
            (
                r#"{"colour":"red"}"#,
                "colour is not a policy field (the policy has algorithms, issuer, audience, subject, typ, required, maxAge, leeway)",
            ),
            ("[]", "the policy must be a JSON object: a list"),
        ];
        for (text, message) in refused {
            assert_eq!(Policy::from_json(text).unwrap_err().to_string(), message, "{text}");
        }
        assert_eq!(
            Policy::from_json(r#"{"leeway":-1}"#).unwrap_err().at("options.policy."),
            "options.policy.leeway must not be negative, found -1"
        );
        let flag = |name: Named<'_>| match name {
            Named::Field(PolicyField::MaxAge) => String::from("--max-age"),
            other => format!("--{other}"),
        };
        // A name the caller gave reaches the face as given, not as a member.
        let names = |name: Named<'_>| format!("{name:?}");
        assert_eq!(
            Policy::from_json(r#"{"clockTolerance":1}"#).unwrap_err().render(&names),
            "Given(\"clockTolerance\") is not a jwtlens option: use Field(Leeway)"
        );
        for (name, place) in [
            ("issuer", Some(Place::Policy(PolicyField::Issuer))),
            ("allowedAlgorithms", Some(Place::Policy(PolicyField::Algorithms))),
            ("clockTimestamp", Some(Place::Now)),
            ("now", Some(Place::Now)),
            ("constructor", None),
            ("Issuer", None),
        ] {
            assert_eq!(place_of(name), place, "{name}");
        }
        assert_eq!(Place::Policy(PolicyField::MaxAge).to_string(), "policy.maxAge");
        assert_eq!(
            Policy::from_json(r#"{"maxAge":-5}"#).unwrap_err().render(&flag),
            "--max-age must not be negative, found -5"
        );
    }

    #[test]
    fn errors_serialize_with_a_code() {
        let e = Policy::from_json(r#"{"maxTokenAge":5}"#).unwrap_err();
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"bad_policy","reason":"synonym","field":"maxAge","message":"maxTokenAge is not a jwtlens option: use maxAge"}"#
        );
        // Every reason is a distinct snake_case word.
        let errors = [
            r#"[]"#,
            r#"{"colour":1}"#,
            r#"{"maxTokenAge":5}"#,
            r#"{"leeway":1,"leeway":2}"#,
            r#"{"now":1}"#,
            r#"{"issuer":null}"#,
            r#"{"issuer":[]}"#,
            r#"{"issuer":5}"#,
            r#"{"algorithms":["HS999"]}"#,
            r#"{"leeway":-1}"#,
            r#"{"leeway":1e300}"#,
        ];
        let reasons: alloc::collections::BTreeSet<&str> =
            errors.iter().map(|text| Policy::from_json(text).unwrap_err().reason()).collect();
        assert_eq!(reasons.len(), errors.len(), "{reasons:?}");
        assert!(reasons.iter().all(|r| r.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
        assert_eq!(e.field(), Some(PolicyField::MaxAge));
    }
}
