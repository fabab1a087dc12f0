//! How a key is given and why it could not be read: encodings, readings, errors.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::UnknownWord;

/// How an HMAC secret is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum SecretEncoding {
    /// The UTF-8 bytes of the text, as jwt.io and most libraries take it.
    Utf8,
    /// Standard base64 (padding optional).
    Base64,
    /// base64url (padding optional).
    #[serde(rename = "base64url")]
    Base64Url,
    /// Hexadecimal.
    Hex,
}

/// What was being read when a key could not be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum KeySource {
    /// Key text of a form not yet known.
    Key,
    /// A JWK.
    Jwk,
    /// A JWK Set.
    JwkSet,
    /// A PEM block.
    Pem,
    /// DER of a key.
    Der,
    /// A SubjectPublicKeyInfo.
    Spki,
    /// An X.509 certificate.
    Certificate,
    /// An RSA key's numbers.
    RsaKey,
    /// An OpenSSH public key.
    OpenSsh,
    /// A secret as text.
    Secret,
    /// A secret in base64 or base64url.
    Base64Secret,
    /// A secret in hex.
    HexSecret,
}

impl KeySource {
    /// The words every face shows: "JWK Set", "X.509 certificate".
    pub fn label(self) -> &'static str {
        match self {
            KeySource::Key => "key",
            KeySource::Jwk => "JWK",
            KeySource::JwkSet => "JWK Set",
            KeySource::Pem => "PEM",
            KeySource::Der => "DER",
            KeySource::Spki => "SubjectPublicKeyInfo",
            KeySource::Certificate => "X.509 certificate",
            KeySource::RsaKey => "RSA key",
            KeySource::OpenSsh => "OpenSSH public key",
            KeySource::Secret => "secret",
            KeySource::Base64Secret => "base64 secret",
            KeySource::HexSecret => "hex secret",
        }
    }
}

impl fmt::Display for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl SecretEncoding {
    /// Every encoding, in the order faces list them.
    pub const ALL: [SecretEncoding; 4] =
        [SecretEncoding::Utf8, SecretEncoding::Base64, SecretEncoding::Base64Url, SecretEncoding::Hex];

    /// What a person reads: "UTF-8 text", "base64", "base64url", "hex".
    pub fn label(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "UTF-8 text",
            other => other.word(),
        }
    }

    /// Every encoding's [`SecretEncoding::word`], in [`SecretEncoding::ALL`]'s order.
    // Evaluated at compile time: an index out of range fails the build, it cannot panic.
    #[allow(clippy::indexing_slicing)]
    pub const WORDS: [&'static str; 4] = {
        let mut words = [""; 4];
        let mut i = 0;
        while i < words.len() {
            words[i] = SecretEncoding::ALL[i].word();
            i += 1;
        }
        words
    };

    /// The word every face uses (and serialization writes): `utf8`, `base64`, `base64url`, `hex`.
    pub const fn word(self) -> &'static str {
        match self {
            SecretEncoding::Utf8 => "utf8",
            SecretEncoding::Base64 => "base64",
            SecretEncoding::Base64Url => "base64url",
            SecretEncoding::Hex => "hex",
        }
    }
}

impl core::str::FromStr for SecretEncoding {
    type Err = UnknownWord;

    /// The words every face uses: `utf8`, `base64`, `base64url`, `hex`.
    ///
    /// ```
    /// use jwtlens::key::SecretEncoding;
    /// assert_eq!("base64url".parse(), Ok(SecretEncoding::Base64Url));
    /// assert!("b64".parse::<SecretEncoding>().unwrap_err().to_string().contains("utf8, base64, base64url, hex"));
    /// for e in SecretEncoding::ALL {
    ///     assert_eq!(e.word().parse(), Ok(e));
    ///     assert_eq!(serde_json::to_value(e).unwrap(), e.word());
    /// }
    /// ```
    fn from_str(s: &str) -> Result<SecretEncoding, UnknownWord> {
        SecretEncoding::ALL
            .into_iter()
            .find(|e| e.word() == s)
            .ok_or_else(|| UnknownWord::new("secret encoding", s, &SecretEncoding::WORDS))
    }
}

impl KeyInput {
    /// The reading named by the words every face uses: `auto`, `jwk`, `pem` or
    /// `secret` (with the secret's encoding).
    ///
    /// ```
    /// use jwtlens::key::{KeyInput, SecretEncoding};
    /// assert_eq!(KeyInput::from_words("secret", SecretEncoding::Hex), Ok(KeyInput::Secret(SecretEncoding::Hex)));
    /// assert!(KeyInput::from_words("x509", SecretEncoding::Utf8).is_err());
    /// ```
    pub fn from_words(format: &str, encoding: SecretEncoding) -> Result<KeyInput, UnknownWord> {
        match format {
            "auto" => Ok(KeyInput::Auto),
            "jwk" => Ok(KeyInput::Jwk),
            "pem" => Ok(KeyInput::Pem),
            "secret" => Ok(KeyInput::Secret(encoding)),
            other => Err(UnknownWord::new("key format", other, &["auto", "jwk", "pem", "secret"])),
        }
    }
}

/// How the caller says a key is written. Serialized as the faces exchange it
/// (`"auto"`, `"jwk"`, `{"secret":"base64url"}`), and read back the same way.
///
/// ```
/// use jwtlens::key::{KeyInput, SecretEncoding};
/// let mode = KeyInput::Secret(SecretEncoding::Hex);
/// let text = serde_json::to_string(&mode).unwrap();
/// assert_eq!(serde_json::from_str::<KeyInput>(&text).unwrap(), mode);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum KeyInput {
    /// Detect, as [`KeyInput::Key`] does; text that cannot be mistaken for key
    /// material (see [`import_key`](super::import_key)) is an HMAC secret, its UTF-8 bytes exactly as given.
    Auto,
    /// Detect a public key, certificate, JWK or JWK Set, whatever wraps it; never a secret.
    Key,
    /// A JWK or JWK Set.
    Jwk,
    /// A PEM block.
    Pem,
    /// An HMAC secret in the given encoding.
    Secret(SecretEncoding),
}

/// What [`import_key`](super::import_key) found the text to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
#[non_exhaustive]
pub enum Detected {
    /// A JWK or JWK Set.
    Jwk,
    /// A PEM block.
    Pem,
    /// The DER of a public key or certificate, written in base64 or hex.
    Der,
    /// An HMAC secret.
    Secret,
}

impl Detected {
    /// What the key text was read as, in words every face shows: "JWK", "PEM",
    /// "DER (base64 or hex)", "HMAC secret".
    pub fn label(self) -> &'static str {
        match self {
            Detected::Jwk => "JWK",
            Detected::Pem => "PEM",
            Detected::Der => "DER (base64 or hex)",
            Detected::Secret => "HMAC secret",
        }
    }
}
