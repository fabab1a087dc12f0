//! Why a key could not be imported: [`KeyError`] (what was being read and
//! where) and [`KeyProblem`] (what was wrong), each cause a variant.

use alloc::string::String;
use core::fmt;

use serde::Serialize;

use super::{KeySource, MAX_RSA_BITS};

/// Why a key could not be imported. `Display` is the sentence every face shows.
///
/// Serialized, it is what every face reports: the stable `code` `bad_key`,
/// `format` (what was being read), `at`, `reason` (the [`KeyProblem`]'s
/// stable word) and `message` (the sentence).
///
/// ```
/// use jwtlens::key::{import_key, KeyInput, KeyProblem};
/// let e = import_key("{\"kty\":\"EC\"}", KeyInput::Jwk).unwrap_err();
/// assert_eq!(e.problem, KeyProblem::Missing { required_by: None });
/// assert_eq!(e.to_string(), "JWK (crv): missing");
/// let json = serde_json::to_value(&e).unwrap();
/// assert_eq!(json["code"], "bad_key");
/// assert_eq!(json["format"], "jwk");
/// assert_eq!(json["at"], "crv");
/// assert_eq!(json["reason"], "missing");
/// assert_eq!(json["message"], e.to_string());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct KeyError {
    /// What was being read (serialized as its code: `jwk_set`, `pem`, ...).
    pub format: KeySource,
    /// The JWK member, PEM label or position concerned.
    pub at: Option<String>,
    /// What was wrong.
    pub problem: KeyProblem,
}

impl KeyError {
    /// The code every face reports for a key that cannot be imported.
    pub const CODE: &'static str = "bad_key";
}

/// A [`KeyError`]: what was read, where, what was wrong.
pub(super) fn err(format: KeySource, at: Option<&str>, problem: KeyProblem) -> KeyError {
    KeyError { format, at: at.map(String::from), problem }
}

impl fmt::Display for KeyError {
    /// The sentence, with every character a terminal or a page would act on
    /// escaped: a member name, PEM label or detail can come from the key text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentence = match &self.at {
            Some(at) => alloc::format!("{} ({}): {}", self.format, at, self.problem),
            None => alloc::format!("{}: {}", self.format, self.problem),
        };
        f.write_str(&crate::text::escaped(&sentence))
    }
}

impl core::error::Error for KeyError {}

impl Serialize for KeyError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("KeyError", 5)?;
        s.serialize_field("code", Self::CODE)?;
        s.serialize_field("format", &self.format)?;
        s.serialize_field("at", &self.at)?;
        s.serialize_field("reason", self.problem.reason())?;
        s.serialize_field("message", &alloc::string::ToString::to_string(self))?;
        s.end()
    }
}

/// What was wrong with key text. `Display` is the part of the sentence after
/// "what (where): "; [`KeyProblem::reason`] is the stable word faces report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyProblem {
    /// Text with no sign of key material, where a key was asked for.
    NotKeyText,
    /// Text that looks like key material (`what` says why) but is no form jwtlens reads.
    UnreadableKeyText {
        /// What gave it away: "the text contains \"PUBLIC KEY\"".
        what: String,
    },
    /// Key material that automatic detection would otherwise have taken as an HMAC secret.
    KeyMaterialAsSecret {
        /// What it is.
        what: String,
    },
    /// An OpenSSH public key (`ssh-ed25519 AAAA...`).
    OpenSsh,
    /// No PEM block, or a broken one.
    NotPem {
        /// Why the block cannot be read; `None` when there is no `-----BEGIN` line.
        detail: Option<String>,
    },
    /// A private key where a public key was asked for.
    PrivateKey,
    /// A PEM label other than `PUBLIC KEY`, `RSA PUBLIC KEY` and `CERTIFICATE`.
    UnsupportedLabel,
    /// DER that is not the structure named (`what`), at the byte `detail` says.
    NotStructure {
        /// "a PKCS#1 RSA public key", "an X.509 certificate", "a SubjectPublicKeyInfo".
        what: &'static str,
        /// Where and why, from the DER reader.
        detail: String,
    },
    /// DER that is none of the structures a public key comes in.
    UnknownDer,
    /// A SubjectPublicKeyInfo whose key cannot be read.
    UnreadableKey {
        /// Why.
        detail: String,
    },
    /// An EC key without a named curve (RFC 5480 §2.1.1).
    NoNamedCurve,
    /// A curve jwtlens does not verify with.
    UnsupportedCurve {
        /// The key type: "EC" or "OKP".
        kty: &'static str,
        /// The curve named, when the text names it (`at` names its OID otherwise).
        crv: Option<String>,
    },
    /// A key algorithm other than RSA, EC and Ed25519.
    UnsupportedAlgorithm,
    /// A JWK `kty` other than oct, RSA, EC and OKP.
    UnsupportedKeyType {
        /// The `kty` given.
        kty: String,
    },
    /// An RSA modulus above [`MAX_RSA_BITS`].
    RsaTooLarge {
        /// The modulus's size.
        bits: usize,
    },
    /// An even RSA modulus.
    EvenModulus,
    /// An RSA public exponent below 3 or even.
    BadExponent {
        /// The exponent, in decimal.
        e: String,
    },
    /// An RSA public exponent not below the modulus.
    ExponentTooLarge,
    /// A public exponent above 2^33 − 1, which the `rsa` crate refuses (RFC 8017
    /// allows any odd e below n; no key in use has one this large).
    ExponentAboveLimit,
    /// An empty secret.
    EmptySecret,
    /// A secret that is not in its declared encoding.
    BadEncoding {
        /// What was expected there.
        expected: String,
        /// What was found.
        found: String,
    },
    /// Text that is not JSON.
    NotJson {
        /// What was expected there.
        expected: &'static str,
        /// What was found.
        found: String,
    },
    /// JSON that is not an object where a JWK was expected.
    NotObject,
    /// A member name twice in one object: two parsers could read two keys.
    DuplicateMember,
    /// A JWK Set with an empty `keys` array.
    NoKeys,
    /// A JWK Set whose `keys` is not an array.
    KeysNotArray,
    /// A member that must be a string.
    NotString {
        /// The JSON type found ("number", "object", ...).
        found: &'static str,
    },
    /// A required member is missing.
    Missing {
        /// The rule that requires it, when the message quotes it.
        required_by: Option<&'static str>,
    },
    /// A member that is not base64url.
    NotBase64Url {
        /// The character offset.
        offset: usize,
        /// What was expected there.
        expected: &'static str,
        /// What was found.
        found: String,
    },
    /// base64url with padding or other forgiven characters (RFC 7517 §6 forbids them).
    NotStrictBase64Url,
    /// A member or key of the wrong size.
    WrongLength {
        /// The size required, in bytes.
        expected: usize,
        /// For what, when it depends on the curve.
        curve: Option<String>,
        /// The size found.
        found: usize,
    },
    /// EC coordinates that are not a point on the curve.
    NotOnCurve {
        /// The curve.
        crv: String,
    },
    /// 32 bytes that are not an Ed25519 point.
    NotEd25519Point,
    /// A `key_ops` that is not an array of strings.
    KeyOpsNotArray,
}

impl KeyProblem {
    /// The stable word every face reports (`JwtlensError.reason` in the npm
    /// package), one per variant.
    ///
    /// ```
    /// use jwtlens::key::{import_key, KeyInput};
    /// let reason = |text: &str| import_key(text, KeyInput::Auto).unwrap_err().problem.reason();
    /// assert_eq!(reason("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"), "private_key");
    /// assert_eq!(reason(r#"{"kty":"OKP","crv":"X25519","x":"AA"}"#), "unsupported_curve");
    /// assert_eq!(reason("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEnH ada@host"), "openssh");
    /// ```
    pub fn reason(&self) -> &'static str {
        match self {
            KeyProblem::NotKeyText => "not_key_text",
            KeyProblem::UnreadableKeyText { .. } => "unreadable_key_text",
            KeyProblem::KeyMaterialAsSecret { .. } => "key_material_as_secret",
            KeyProblem::OpenSsh => "openssh",
            KeyProblem::NotPem { .. } => "not_pem",
            KeyProblem::PrivateKey => "private_key",
            KeyProblem::UnsupportedLabel => "unsupported_label",
            KeyProblem::NotStructure { .. } => "not_structure",
            KeyProblem::UnknownDer => "unknown_der",
            KeyProblem::UnreadableKey { .. } => "unreadable_key",
            KeyProblem::NoNamedCurve => "no_named_curve",
            KeyProblem::UnsupportedCurve { .. } => "unsupported_curve",
            KeyProblem::UnsupportedAlgorithm => "unsupported_algorithm",
            KeyProblem::UnsupportedKeyType { .. } => "unsupported_key_type",
            KeyProblem::RsaTooLarge { .. } => "rsa_too_large",
            KeyProblem::EvenModulus => "even_modulus",
            KeyProblem::BadExponent { .. } => "bad_exponent",
            KeyProblem::ExponentTooLarge => "exponent_too_large",
            KeyProblem::ExponentAboveLimit => "exponent_above_limit",
            KeyProblem::EmptySecret => "empty_secret",
            KeyProblem::BadEncoding { .. } => "bad_encoding",
            KeyProblem::NotJson { .. } => "not_json",
            KeyProblem::NotObject => "not_object",
            KeyProblem::DuplicateMember => "duplicate_member",
            KeyProblem::NoKeys => "no_keys",
            KeyProblem::KeysNotArray => "keys_not_array",
            KeyProblem::NotString { .. } => "not_string",
            KeyProblem::Missing { .. } => "missing",
            KeyProblem::NotBase64Url { .. } => "not_base64url",
            KeyProblem::NotStrictBase64Url => "not_strict_base64url",
            KeyProblem::WrongLength { .. } => "wrong_length",
            KeyProblem::NotOnCurve { .. } => "not_on_curve",
            KeyProblem::NotEd25519Point => "not_ed25519_point",
            KeyProblem::KeyOpsNotArray => "key_ops_not_array",
        }
    }
}

/// Said after every refusal of key material as a secret.
const SAY_SECRET: &str =
    "key material is never taken as an HMAC secret (if this really is a shared secret, say so: the secret format)";

impl fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyProblem::NotKeyText => f.write_str(
                "expected a PEM block (-----BEGIN ...), a JWK or JWK Set (a JSON object), or the base64 of a DER key; for an HMAC secret choose a secret encoding",
            ),
            KeyProblem::UnreadableKeyText { what } => write!(
                f,
                "{what}, but it is not a PEM block, JWK, JWK Set or DER key jwtlens can read; {SAY_SECRET}"
            ),
            KeyProblem::KeyMaterialAsSecret { what } => write!(f, "{what}: {SAY_SECRET}"),
            KeyProblem::OpenSsh => f.write_str(
                "JWS keys are not written this way; convert it with `ssh-keygen -e -m PKCS8 -f key.pub` and paste the PEM",
            ),
            KeyProblem::NotPem { detail: None } => f.write_str("no \"-----BEGIN ...-----\" line: not a PEM block"),
            KeyProblem::NotPem { detail: Some(d) } => write!(f, "not a valid PEM block: {d}"),
            KeyProblem::PrivateKey => {
                f.write_str("a private key: to verify, paste the public key (PUBLIC KEY) or a certificate")
            }
            KeyProblem::UnsupportedLabel => {
                f.write_str("unsupported PEM label (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE)")
            }
            KeyProblem::NotStructure { what, detail } => write!(f, "not {what}: {detail}"),
            KeyProblem::UnknownDer => f.write_str(
                "it is a DER structure, but not a SubjectPublicKeyInfo, a PKCS#1 RSA public key or an X.509 certificate",
            ),
            KeyProblem::UnreadableKey { detail } => write!(f, "cannot read the key: {detail}"),
            KeyProblem::NoNamedCurve => f.write_str("no named curve (RFC 5480 §2.1.1)"),
            KeyProblem::UnsupportedCurve { kty: "OKP", crv } => {
                write!(f, "unsupported OKP curve {} (Ed25519)", crate::text::quoted(crv.as_deref().unwrap_or("")))
            }
            KeyProblem::UnsupportedCurve { crv, .. } => match crv {
                Some(crv) => {
                    write!(f, "unsupported curve {} (P-256, P-384, P-521, secp256k1)", crate::text::quoted(crv))
                }
                None => f.write_str("unsupported EC curve (P-256, P-384, P-521, secp256k1)"),
            },
            KeyProblem::UnsupportedAlgorithm => f.write_str("unsupported key algorithm (RSA, EC, Ed25519)"),
            KeyProblem::UnsupportedKeyType { kty } => {
                write!(f, "unsupported key type {} (oct, RSA, EC, OKP)", crate::text::quoted(kty))
            }
            KeyProblem::RsaTooLarge { bits } => {
                write!(f, "the modulus has {bits} bits; at most {MAX_RSA_BITS} are accepted")
            }
            KeyProblem::EvenModulus => f.write_str("the modulus is even, so it is not a product of odd primes"),
            KeyProblem::BadExponent { e } => write!(f, "the public exponent {e} is not an odd number of at least 3"),
            KeyProblem::ExponentTooLarge => f.write_str("the public exponent is not below the modulus"),
            KeyProblem::ExponentAboveLimit => {
                f.write_str("the public exponent is above 2^33 − 1, the largest the rsa crate verifies with")
            }
            KeyProblem::EmptySecret => f.write_str("the secret is empty"),
            KeyProblem::BadEncoding { expected, found } => write!(f, "expected {expected}, found {found}"),
            KeyProblem::NotJson { expected, found } => write!(f, "not JSON: expected {expected}, found {found}"),
            KeyProblem::NotObject => f.write_str("not a JSON object"),
            KeyProblem::DuplicateMember => f.write_str("occurs twice in one object; a key must be unambiguous"),
            KeyProblem::NoKeys => f.write_str("the set has no keys"),
            KeyProblem::KeysNotArray => f.write_str("\"keys\" must be an array"),
            KeyProblem::NotString { found } => write!(f, "must be a string, found a JSON {found}"),
            KeyProblem::Missing { required_by: None } => f.write_str("missing"),
            KeyProblem::Missing { required_by: Some(rule) } => write!(f, "missing ({rule})"),
            KeyProblem::NotBase64Url { offset, expected, found } => {
                write!(f, "not base64url at character {offset}: expected {expected}, found {found}")
            }
            KeyProblem::NotStrictBase64Url => {
                f.write_str("not strict base64url (RFC 7517 §6 requires base64url without padding)")
            }
            KeyProblem::WrongLength { expected, curve: Some(crv), found } => {
                write!(f, "must be {expected} bytes for {crv}, found {found}")
            }
            KeyProblem::WrongLength { expected, curve: None, found } => {
                write!(f, "must be {expected} bytes, found {found}")
            }
            KeyProblem::NotOnCurve { crv } => write!(f, "the point (x, y) is not on {crv}"),
            KeyProblem::NotEd25519Point => f.write_str("not a valid Ed25519 point"),
            KeyProblem::KeyOpsNotArray => f.write_str("must be an array of strings"),
        }
    }
}
