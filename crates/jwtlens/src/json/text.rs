//! [`Str`]: the string type of the JSON tree and of the typed claim views.

use core::fmt;
use core::ops::Deref;

use compact_str::CompactString;
use serde::{Serialize, Serializer};

/// A string read from a token: unescaped, and up to 24 bytes without an
/// allocation (member names, `alg`, `kid`, `iss` and `sub` almost always
/// fit). It reads as a `&str` wherever one is wanted.
///
/// ```
/// use jwtlens::json::{parse, Json, Str};
/// let v = parse(br#"{"iss":"https://issuer.example"}"#).unwrap();
/// let Some(Json::String(iss)) = v.as_object().unwrap().get("iss") else { panic!() };
/// assert_eq!(iss, "https://issuer.example");
/// assert!(iss.starts_with("https://"));
/// assert_eq!(Str::from("a").as_str(), "a");
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(CompactString);

impl Str {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub(crate) fn from_compact(s: CompactString) -> Str {
        Str(s)
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl core::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str(CompactString::from(s))
    }
}

impl From<alloc::string::String> for Str {
    fn from(s: alloc::string::String) -> Str {
        Str(CompactString::from(s))
    }
}

impl From<Str> for alloc::string::String {
    fn from(s: Str) -> alloc::string::String {
        s.0.into_string()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, other: &Str) -> bool {
        self == other.0.as_str()
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, other: &Str) -> bool {
        *self == other.0.as_str()
    }
}

impl PartialEq<alloc::string::String> for Str {
    fn eq(&self, other: &alloc::string::String) -> bool {
        self.0.as_str() == other.as_str()
    }
}

impl PartialEq<Str> for alloc::string::String {
    fn eq(&self, other: &Str) -> bool {
        self.as_str() == other.0.as_str()
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}
