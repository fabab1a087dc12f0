//! [`UnknownWord`]: a word that names none of the values a face may give.

use alloc::string::String;
use core::fmt;

/// A word no face uses for one of the core's settings: a key format, a
/// secret encoding, a simulation's strategy. `Display` is the sentence, with
/// the words that are known; `found` and `known` are there to build another.
///
/// ```
/// use jwtlens::key::{KeyInput, SecretEncoding};
/// let e = KeyInput::from_words("x509", SecretEncoding::Utf8).unwrap_err();
/// assert_eq!(e.to_string(), "unknown key format \"x509\" (auto, jwk, pem, secret)");
/// assert_eq!(e.found, "x509");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnknownWord {
    /// What the word names: "key format", "secret encoding", "strategy".
    pub what: &'static str,
    /// The word given.
    pub found: String,
    /// The words that are known.
    pub known: &'static [&'static str],
}

impl UnknownWord {
    /// The code every face reports for an argument it cannot use: an
    /// unknown word, or (the faces' own checks) a value of the wrong type.
    pub const CODE: &'static str = "invalid_argument";

    /// `found`, which is none of `known`, the words for `what`.
    pub fn new(what: &'static str, found: &str, known: &'static [&'static str]) -> UnknownWord {
        UnknownWord { what, found: String::from(found), known }
    }

    /// What a face reports, with its sentence (which names where the word
    /// was given): `{code: "invalid_argument", message, found}`.
    ///
    /// ```
    /// use jwtlens::key::SecretEncoding;
    /// let e = "base32".parse::<SecretEncoding>().unwrap_err();
    /// let json = serde_json::to_value(e.reported(format!("options.encoding: {e}"))).unwrap();
    /// assert_eq!(json["code"], "invalid_argument");
    /// assert_eq!(json["found"], "base32");
    /// assert!(json["message"].as_str().unwrap().starts_with("options.encoding: unknown secret encoding"));
    /// ```
    pub fn reported(&self, message: String) -> ReportedUnknownWord {
        ReportedUnknownWord { code: UnknownWord::CODE, message, found: self.found.clone() }
    }
}

/// An [`UnknownWord`] as a face reports it, with the face's sentence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportedUnknownWord {
    /// [`UnknownWord::CODE`].
    code: &'static str,
    /// The sentence.
    message: String,
    /// The word given.
    found: String,
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {} ({})", self.what, crate::text::quoted(&self.found), self.known.join(", "))
    }
}

impl core::error::Error for UnknownWord {}
