//! `Policy` through serde and `FromStr`: the same JSON contract as
//! [`Policy::from_json`], so a policy read from a configuration file (any
//! serde format) is refused or accepted exactly as the faces' JSON is, and a
//! policy written out reads back the same.
//!
//! ```
//! use jwtlens::{alg::Algorithm, policy::Policy};
//! let p: Policy = r#"{"algorithms":["ES256"],"issuer":"https://issuer.example","maxAge":300}"#.parse().unwrap();
//! assert_eq!(p.algorithms, vec![Algorithm::ES256]);
//! let text = serde_json::to_string(&p).unwrap();
//! assert_eq!(text, r#"{"algorithms":["ES256"],"issuer":["https://issuer.example"],"maxAge":300.0,"leeway":60.0}"#);
//! assert_eq!(serde_json::from_str::<Policy>(&text).unwrap(), p);
//! // Serde's JSON reader keeps the last of two equal names; the contract refuses them.
//! assert!(serde_json::from_str::<Policy>(r#"{"leeway":1,"leeway":600}"#).is_err());
//! ```

use alloc::string::String;
use core::fmt;
use core::str::FromStr;

use serde::de::{Error as _, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Policy, PolicyError};

impl FromStr for Policy {
    type Err = PolicyError;

    /// [`Policy::from_json`].
    fn from_str(text: &str) -> Result<Policy, PolicyError> {
        Policy::from_json(text)
    }
}

/// The contract's members with values: empty lists and absent values are
/// left out (the contract refuses `[]` and `null`, which would read as "no
/// check"); `leeway` is always written.
impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if !self.algorithms.is_empty() {
            let names: alloc::vec::Vec<&str> = self.algorithms.iter().map(|a| a.name()).collect();
            map.serialize_entry("algorithms", &names)?;
        }
        if !self.issuers.is_empty() {
            map.serialize_entry("issuer", &self.issuers)?;
        }
        if !self.audiences.is_empty() {
            map.serialize_entry("audience", &self.audiences)?;
        }
        if let Some(subject) = &self.subject {
            map.serialize_entry("subject", subject)?;
        }
        if let Some(typ) = &self.typ {
            map.serialize_entry("typ", typ)?;
        }
        if !self.required.is_empty() {
            map.serialize_entry("required", &self.required)?;
        }
        if let Some(max_age) = self.max_age {
            map.serialize_entry("maxAge", &max_age)?;
        }
        map.serialize_entry("leeway", &self.leeway)?;
        map.end()
    }
}

/// A map read member by member, two equal names refused, then judged by
/// [`Policy::from_json`] (every rule, every error sentence, the same).
impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Policy, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Policy;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a jwtlens policy (an object)")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Policy, A::Error> {
                let mut members = serde_json::Map::new();
                while let Some(name) = access.next_key::<String>()? {
                    let value: serde_json::Value = access.next_value()?;
                    if members.contains_key(&name) {
                        return Err(A::Error::custom(PolicyError::Duplicate { name }));
                    }
                    members.insert(name, value);
                }
                let text = serde_json::to_string(&serde_json::Value::Object(members)).map_err(A::Error::custom)?;
                Policy::from_json(&text).map_err(A::Error::custom)
            }
        }
        deserializer.deserialize_map(Members)
    }
}
