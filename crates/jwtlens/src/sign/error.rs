//! Why a token could not be signed or a key made or read: [`SignError`] (the
//! stage) and [`SignProblem`] (what was wrong), each cause a variant.

use alloc::string::String;
use core::fmt;

use serde::Serialize;

use crate::key::{KeyError, KeyType};

/// What signing was doing when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SignStage {
    /// Reading the header JSON.
    Header,
    /// Reading the claims JSON.
    Claims,
    /// Reading or making the private key.
    Key,
    /// Signing with it.
    Sign,
}

impl SignStage {
    /// The word every face shows: "header", "claims", "key", "sign".
    pub fn label(self) -> &'static str {
        match self {
            SignStage::Header => "header",
            SignStage::Claims => "claims",
            SignStage::Key => "key",
            SignStage::Sign => "sign",
        }
    }
}

/// Why a token could not be signed, or a key made or read. `Display` is the
/// sentence every face shows; serialized, it is `{code: "sign_error", stage,
/// reason, message}`: `stage` and `reason` (the [`SignProblem`]'s stable word)
/// codes, `message` the sentence.
///
/// ```
/// use jwtlens::{alg::Algorithm, sign::{import_signing_key, sign, SignProblem, SignStage}};
/// let key = import_signing_key("short").unwrap();
/// let e = sign(Algorithm::HS256, "{}", "{}", &key, &mut rand_core::OsRng).unwrap_err();
/// assert_eq!(e.stage, SignStage::Sign);
/// assert_eq!(e.problem, SignProblem::SecretTooShort { alg: "HS256", need: 32, found: 5 });
/// assert_eq!(e.to_string(), "sign: HS256 needs a secret of at least 32 bytes (RFC 7518 §3.2), found 5");
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!((json["code"].as_str(), json["reason"].as_str()), (Some("sign_error"), Some("secret_too_short")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignError {
    /// What was being done.
    pub stage: SignStage,
    /// What went wrong.
    pub problem: SignProblem,
}

impl SignError {
    /// The code every face reports for a token that cannot be signed or a key
    /// that cannot be made.
    pub const CODE: &'static str = "sign_error";
}

impl fmt::Display for SignError {
    /// The sentence, with every character a terminal or a page would act on escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentence = alloc::format!("{}: {}", self.stage.label(), self.problem);
        f.write_str(&crate::text::escaped(&sentence))
    }
}

impl core::error::Error for SignError {}

impl Serialize for SignError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("SignError", 4)?;
        s.serialize_field("code", Self::CODE)?;
        s.serialize_field("stage", &self.stage)?;
        s.serialize_field("reason", self.problem.reason())?;
        s.serialize_field("message", &alloc::string::ToString::to_string(self))?;
        s.end()
    }
}

/// A [`SignError`] at `stage`.
pub(super) fn err(stage: SignStage, problem: SignProblem) -> SignError {
    SignError { stage, problem }
}

/// What was wrong. `Display` is the part of the sentence after "stage: ";
/// [`SignProblem::reason`] is the stable word faces report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignProblem {
    /// Header or claims text that is not JSON.
    NotJson {
        /// Where and why, from the JSON reader.
        detail: String,
    },
    /// Header, claims or JWK that is JSON but not an object.
    NotObject {
        /// "the header", "the claims", "a JWK".
        what: &'static str,
    },
    /// `alg: "none"`: jwtlens makes no unsecured tokens and no keys for them.
    Unsecured,
    /// An empty key.
    EmptyKey,
    /// A broken PEM block.
    NotPem {
        /// Why, from the PEM reader.
        detail: String,
    },
    /// A PEM label that is no private key.
    NotPrivateLabel {
        /// The label.
        label: String,
    },
    /// Key bytes that are not the structure their label names.
    NotStructure {
        /// "PKCS#1 RSA private key", "SEC1 EC private key on P-256, P-384, P-521 or secp256k1", ...
        what: &'static str,
        /// Why, when the reader said.
        detail: Option<String>,
    },
    /// A JWK member that is missing.
    MissingMember {
        /// Its name.
        name: &'static str,
    },
    /// A JWK member that is not base64url.
    NotBase64Url {
        /// Its name.
        name: &'static str,
        /// The character offset.
        offset: usize,
    },
    /// A JWK member of the wrong size.
    WrongLength {
        /// Its name.
        name: &'static str,
        /// The size required, in bytes.
        expected: usize,
        /// The size found.
        found: usize,
    },
    /// A private JWK whose numbers the curve or RSA crate refuses.
    BadJwk {
        /// The crate's reason.
        detail: String,
    },
    /// A private JWK of a type or curve jwtlens does not sign with.
    UnsupportedJwk {
        /// Its `kty`.
        kty: String,
        /// Its `crv`.
        crv: String,
    },
    /// A private RSA key whose public half fails the checks every verification key passes.
    BadPublicHalf(KeyError),
    /// An algorithm that does not sign with this type of key.
    KeyMismatch {
        /// The algorithm.
        alg: &'static str,
        /// The key's type.
        key: KeyType,
    },
    /// An HMAC secret shorter than the hash (RFC 7518 §3.2).
    SecretTooShort {
        /// The algorithm.
        alg: &'static str,
        /// The bytes it needs.
        need: usize,
        /// The bytes given.
        found: usize,
    },
    /// An RSA key under 2048 bits (RFC 7518 §3.3).
    RsaTooShort {
        /// Its size.
        bits: usize,
    },
    /// The signing or key-generation arithmetic failed.
    Crypto {
        /// The crate's reason.
        detail: String,
    },
}

impl SignProblem {
    /// The stable word every face reports (`JwtlensError.reason` in the npm package).
    pub fn reason(&self) -> &'static str {
        match self {
            SignProblem::NotJson { .. } => "not_json",
            SignProblem::NotObject { .. } => "not_object",
            SignProblem::Unsecured => "unsecured",
            SignProblem::EmptyKey => "empty_key",
            SignProblem::NotPem { .. } => "not_pem",
            SignProblem::NotPrivateLabel { .. } => "not_private_label",
            SignProblem::NotStructure { .. } => "not_structure",
            SignProblem::MissingMember { .. } => "missing_member",
            SignProblem::NotBase64Url { .. } => "not_base64url",
            SignProblem::WrongLength { .. } => "wrong_length",
            SignProblem::BadJwk { .. } => "bad_jwk",
            SignProblem::UnsupportedJwk { .. } => "unsupported_jwk",
            SignProblem::BadPublicHalf(_) => "bad_public_half",
            SignProblem::KeyMismatch { .. } => "key_mismatch",
            SignProblem::SecretTooShort { .. } => "secret_too_short",
            SignProblem::RsaTooShort { .. } => "rsa_too_short",
            SignProblem::Crypto { .. } => "crypto",
        }
    }
}

impl fmt::Display for SignProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::text::quoted;
        match self {
            SignProblem::NotJson { detail } => write!(f, "not JSON: {detail}"),
            SignProblem::NotObject { what } => write!(f, "{what} must be a JSON object"),
            SignProblem::Unsecured => f.write_str("alg \"none\" is not signed; jwtlens does not make unsecured tokens"),
            SignProblem::EmptyKey => f.write_str("the key is empty"),
            SignProblem::NotPem { detail } => write!(f, "not a valid PEM block: {detail}"),
            SignProblem::NotPrivateLabel { label } => write!(
                f,
                "PEM label {} is not a private key (PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY)",
                quoted(label)
            ),
            SignProblem::NotStructure { what, detail: Some(d) } => write!(f, "not a {what}: {d}"),
            SignProblem::NotStructure { what, detail: None } => write!(f, "not a {what}"),
            SignProblem::MissingMember { name } => write!(f, "JWK member \"{name}\" is missing"),
            SignProblem::NotBase64Url { name, offset } => {
                write!(f, "JWK member \"{name}\" is not base64url at character {offset}")
            }
            SignProblem::WrongLength { name, expected, found } => {
                write!(f, "JWK member \"{name}\" must be {expected} bytes, found {found}")
            }
            SignProblem::BadJwk { detail } => write!(f, "JWK: {detail}"),
            SignProblem::UnsupportedJwk { kty, crv } => {
                write!(f, "unsupported private JWK (kty {}, crv {})", quoted(kty), quoted(crv))
            }
            SignProblem::BadPublicHalf(e) => fmt::Display::fmt(e, f),
            SignProblem::KeyMismatch { alg, key } => write!(f, "{alg} cannot sign with an {} (private)", key.label()),
            SignProblem::SecretTooShort { alg, need, found } => {
                write!(f, "{alg} needs a secret of at least {need} bytes (RFC 7518 §3.2), found {found}")
            }
            SignProblem::RsaTooShort { bits } => {
                write!(f, "RSA keys must have at least 2048 bits (RFC 7518 §3.3), found {bits}")
            }
            SignProblem::Crypto { detail } => f.write_str(detail),
        }
    }
}
