//! Verification keys: HMAC secrets, PEM public keys and certificates, JWKs and JWK Sets.
//!
//! Every import error says which format was tried, which member or line,
//! and what was wrong. Keys named inside a token (`jwk`, `jku`, `x5u`,
//! `x5c`) are never imported from there: a key comes only from the caller.
//!
//! # Example
//! ```
//! use jwtlens::key::{Key, KeyType, SecretEncoding};
//! let k = Key::import(r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow","kid":"hmac"}"#).unwrap();
//! assert_eq!(k.keys()[0].key_type(), KeyType::Oct);
//! assert_eq!(k.keys()[0].kid.as_deref(), Some("hmac"));
//! let s = Key::secret("your-256-bit-secret", SecretEncoding::Utf8).unwrap();
//! assert_eq!(s.bits(), 19 * 8);
//! assert!(Key::import("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").is_err());
//! ```

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use rsa::traits::PublicKeyParts;
use serde::Serialize;

use crate::b64;
use crate::json::{self, Json, Object};

mod detect;
pub use detect::normalise as normalise_key_text;
use detect::Found;

/// An HMAC secret, with the keyed SHA-2 states computed once at import
/// (RFC 2104 §4: "the intermediate results of the compression function on
/// the B-byte blocks (K XOR ipad) and (K XOR opad) can be precomputed only
/// once at the time of generation of the key"). Reads as its bytes.
#[derive(Clone)]
pub struct HmacKey {
    bytes: Vec<u8>,
    /// Boxed: the three states are about 1 KB, and a key set holds them once.
    states: alloc::boxed::Box<HmacStates>,
    /// The public key these bytes are (or contain), described: such a secret
    /// is never used to verify (see [`HmacKey::public_key`]).
    public_key: Option<String>,
}

#[derive(Clone)]
struct HmacStates {
    sha256: hmac::Hmac<sha2::Sha256>,
    sha384: hmac::Hmac<sha2::Sha384>,
    sha512: hmac::Hmac<sha2::Sha512>,
}

impl HmacKey {
    /// Prepare `bytes` as an HMAC key.
    pub fn new(bytes: Vec<u8>) -> HmacKey {
        use hmac::digest::KeyInit;
        // `Hmac` takes keys of every length (longer ones are hashed, RFC 2104 §2).
        let states = HmacStates {
            sha256: hmac::Hmac::new_from_slice(&bytes).unwrap_or_else(|_| unreachable!()),
            sha384: hmac::Hmac::new_from_slice(&bytes).unwrap_or_else(|_| unreachable!()),
            sha512: hmac::Hmac::new_from_slice(&bytes).unwrap_or_else(|_| unreachable!()),
        };
        let public_key = public_key_within(&bytes);
        HmacKey { bytes, states: alloc::boxed::Box::new(states), public_key }
    }

    /// When the secret's bytes are (or contain) a public key — a PEM block, a
    /// JWK, the DER of a SubjectPublicKeyInfo, PKCS#1 key or certificate, in
    /// any of the wrappers [`normalise_key_text`] removes — that key, described.
    /// Verification refuses such a secret: the attacker knows the public key,
    /// so MACs made with its text prove nothing (RFC 8725 §2.1, key confusion).
    ///
    /// ```
    /// use jwtlens::key::HmacKey;
    /// let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    /// assert_eq!(HmacKey::new(pem.as_bytes().to_vec()).public_key(), Some("Ed25519 public key, 256 bits (PEM public key)"));
    /// assert_eq!(HmacKey::new(b"your-256-bit-secret".to_vec()).public_key(), None);
    /// ```
    pub fn public_key(&self) -> Option<&str> {
        self.public_key.as_deref()
    }

    /// A MAC keyed with this secret, ready for data.
    pub(crate) fn sha256(&self) -> hmac::Hmac<sha2::Sha256> {
        self.states.sha256.clone()
    }
    pub(crate) fn sha384(&self) -> hmac::Hmac<sha2::Sha384> {
        self.states.sha384.clone()
    }
    pub(crate) fn sha512(&self) -> hmac::Hmac<sha2::Sha512> {
        self.states.sha512.clone()
    }
}

impl core::ops::Deref for HmacKey {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.bytes
    }
}

/// An RSA public key, with its ROCA fingerprint (CVE-2017-15361) tested once at import
/// and its Montgomery parameters computed at first use. Reads as the [`rsa::RsaPublicKey`].
pub struct RsaKey {
    key: rsa::RsaPublicKey,
    roca: bool,
    montgomery: once_cell::race::OnceBox<Option<crate::rsa_mont::Modulus>>,
}

/// The largest RSA modulus jwtlens accepts, as the `rsa` crate does: larger keys
/// cost quadratically more to check and no JWS issuer uses them.
pub const MAX_RSA_BITS: usize = 4096;

impl RsaKey {
    /// Wrap `key` after the checks every RSA public key must pass, and test its
    /// modulus for the ROCA fingerprint.
    ///
    /// RFC 8017 §3.1: "the RSA modulus n is a product of u distinct odd primes"
    /// (so n is odd) and "the RSA public exponent e is an integer between 3 and
    /// n - 1 satisfying GCD(e, \lambda(n)) = 1" (so e is odd: \lambda(n) is even).
    /// An exponent of 1 makes every signature its own message; 0 or an even
    /// one is no RSA key. Moduli up to [`MAX_RSA_BITS`]; the 2048-bit minimum
    /// of RFC 7518 §3.3 is checked when verifying, so a short key can still be
    /// imported and reported as too short.
    ///
    /// ```
    /// use jwtlens::key::RsaKey;
    /// use rsa::{BigUint, RsaPublicKey};
    /// let n = BigUint::from_bytes_be(&[0xc5; 256]);
    /// assert!(RsaKey::new(RsaPublicKey::new_unchecked(n.clone(), BigUint::from(65_537u32))).is_ok());
    /// for e in [0u32, 1, 2, 65_536] {
    ///     assert!(RsaKey::new(RsaPublicKey::new_unchecked(n.clone(), BigUint::from(e))).is_err(), "e = {e}");
    /// }
    /// let even_n = BigUint::from_bytes_be(&[0xc4; 256]);
    /// assert!(RsaKey::new(RsaPublicKey::new_unchecked(even_n, BigUint::from(65_537u32))).is_err());
    /// ```
    pub fn new(key: rsa::RsaPublicKey) -> Result<RsaKey, KeyError> {
        const F: KeySource = KeySource::RsaKey;
        let (n, e) = (key.n(), key.e());
        if n.bits() > MAX_RSA_BITS {
            return Err(err(
                F,
                Some("n"),
                format!("the modulus has {} bits; at most {MAX_RSA_BITS} are accepted", n.bits()),
            ));
        }
        let odd = |x: &rsa::BigUint| x.to_bytes_le().first().is_some_and(|b| b & 1 == 1);
        if !odd(n) {
            return Err(err(F, Some("n"), "the modulus is even, so it is not a product of odd primes"));
        }
        if e < &rsa::BigUint::from(3u32) || !odd(e) {
            return Err(err(F, Some("e"), format!("the public exponent {e} is not an odd number of at least 3")));
        }
        if e >= n {
            return Err(err(F, Some("e"), "the public exponent is not below the modulus"));
        }
        let roca = crate::verify::roca_fingerprint(n);
        Ok(RsaKey { key, roca, montgomery: once_cell::race::OnceBox::new() })
    }
    /// A key whose checks [`RsaKey::new`] made when its private key was read or generated.
    pub(crate) fn checked_elsewhere(key: rsa::RsaPublicKey) -> RsaKey {
        let roca = crate::verify::roca_fingerprint(key.n());
        RsaKey { key, roca, montgomery: once_cell::race::OnceBox::new() }
    }
    /// The modulus has the ROCA fingerprint: its private key can be computed.
    pub fn roca(&self) -> bool {
        self.roca
    }
    /// The Montgomery parameters for the core's own verification, when the modulus has a handled size.
    pub(crate) fn montgomery(&self) -> Option<&crate::rsa_mont::Modulus> {
        self.montgomery.get_or_init(|| alloc::boxed::Box::new(crate::rsa_mont::Modulus::new(&self.key))).as_ref()
    }
}

impl Clone for RsaKey {
    /// The clone computes its own Montgomery parameters when first used.
    fn clone(&self) -> RsaKey {
        RsaKey { key: self.key.clone(), roca: self.roca, montgomery: once_cell::race::OnceBox::new() }
    }
}

impl core::ops::Deref for RsaKey {
    type Target = rsa::RsaPublicKey;
    fn deref(&self) -> &rsa::RsaPublicKey {
        &self.key
    }
}

/// A public key that builds a precomputed table once it has verified
/// 64 (`comb::TABLE_AFTER`) signatures (see the private `comb` module); a one-off
/// verification never pays for the table. Reads as the key `K`; a clone starts
/// counting afresh and does not copy a built table.
pub struct TabledKey<K, T> {
    key: K,
    table: crate::comb::Lazy<T>,
}

/// How a key type builds its table.
pub trait BuildTable<T> {
    /// The table for this key.
    fn build_table(&self) -> T;
}

impl<K: BuildTable<T>, T> TabledKey<K, T> {
    /// Wrap `key`; no table yet.
    pub fn new(key: K) -> TabledKey<K, T> {
        TabledKey { key, table: crate::comb::Lazy::new() }
    }

    /// Build the table now (for a key about to verify many signatures).
    pub fn precompute(&self) {
        self.table.get_or_build(|| self.key.build_table());
    }

    /// Whether the table is built.
    pub fn precomputed(&self) -> bool {
        self.table.is_built()
    }

    /// Count one verification; the table once it exists or this use builds it.
    pub(crate) fn table_for_use(&self) -> Option<&T> {
        self.table.for_use(|| self.key.build_table())
    }
}

impl<K: Clone + BuildTable<T>, T> Clone for TabledKey<K, T> {
    fn clone(&self) -> TabledKey<K, T> {
        TabledKey::new(self.key.clone())
    }
}

impl<K, T> core::ops::Deref for TabledKey<K, T> {
    type Target = K;
    fn deref(&self) -> &K {
        &self.key
    }
}

/// An Ed25519 public key that speeds itself up when it is used often.
///
/// Verification checks `[S]B = R + [k]A` (RFC 8032 §5.1.7). The usual
/// double-scalar multiplication needs about 253 point doublings; once a key
/// has verified 64 (`comb::TABLE_AFTER`) signatures it builds a radix-16
/// table of multiples of `−A` (30 KB, about 3 ms in wasm, once), and every
/// later check is two table look-up multiplications, as signing does for `B`:
/// about 1.5× faster in wasm than ed25519-dalek's `verify_strict`, and faster
/// than Node's OpenSSL. Both paths give the same verdict on every input
/// (Wycheproof's Ed25519 set runs through each).
///
/// ```
/// use jwtlens::key::Ed25519Key;
/// let sk = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
/// let key = Ed25519Key::new(sk.verifying_key());
/// assert!(!key.precomputed());
/// key.precompute();
/// assert!(key.precomputed());
/// assert_eq!(key.as_bytes(), sk.verifying_key().as_bytes());
/// ```
pub type Ed25519Key = TabledKey<ed25519_dalek::VerifyingKey, curve25519_dalek::edwards::EdwardsBasepointTable>;

impl BuildTable<curve25519_dalek::edwards::EdwardsBasepointTable> for ed25519_dalek::VerifyingKey {
    fn build_table(&self) -> curve25519_dalek::edwards::EdwardsBasepointTable {
        use curve25519_dalek::traits::BasepointTable;
        curve25519_dalek::edwards::EdwardsBasepointTable::create(&-self.to_edwards())
    }
}

/// A P-256 public key that speeds itself up when it is used often without a
/// platform backend (in browsers): after 64 (`comb::TABLE_AFTER`)
/// verifications it builds a comb table of its multiples (37 KB, about 21 ms in
/// wasm, once) and ES256 checks take 0.22 ms instead of 1.03 ms in wasm (see
/// the private `comb` module). Wycheproof's P-256 set runs through both paths.
///
/// ```
/// use jwtlens::key::P256Key;
/// let sk = p256::ecdsa::SigningKey::from_slice(&[7; 32]).unwrap();
/// let key = P256Key::new(*sk.verifying_key());
/// assert!(!key.precomputed());
/// key.precompute();
/// assert!(key.precomputed());
/// ```
pub type P256Key = TabledKey<p256::ecdsa::VerifyingKey, crate::comb::P256Table>;

impl BuildTable<crate::comb::P256Table> for p256::ecdsa::VerifyingKey {
    fn build_table(&self) -> crate::comb::P256Table {
        crate::comb::P256Table::new(p256::ProjectivePoint::from(*self.as_affine()))
    }
}

/// The key material jwtlens can verify with.
#[derive(Clone)]
pub enum Material {
    /// An HMAC secret.
    Hmac(HmacKey),
    /// An RSA public key.
    Rsa(RsaKey),
    /// A P-256 public key.
    P256(P256Key),
    /// A P-384 public key.
    P384(p384::ecdsa::VerifyingKey),
    /// A P-521 public key.
    P521(p521::ecdsa::VerifyingKey),
    /// A secp256k1 public key.
    K256(k256::ecdsa::VerifyingKey),
    /// An Ed25519 public key.
    Ed25519(Ed25519Key),
}

/// The JWK `kty` (with the curve for EC keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyType {
    /// A symmetric secret (`oct`).
    Oct,
    /// RSA.
    Rsa,
    /// EC on P-256.
    P256,
    /// EC on P-384.
    P384,
    /// EC on P-521.
    P521,
    /// EC on secp256k1.
    Secp256k1,
    /// OKP Ed25519.
    Ed25519,
}

impl KeyType {
    /// A short human name: "HMAC secret", "RSA public key", "EC P-256 public key", ...
    pub fn label(self) -> &'static str {
        match self {
            KeyType::Oct => "HMAC secret",
            KeyType::Rsa => "RSA public key",
            KeyType::P256 => "EC P-256 public key",
            KeyType::P384 => "EC P-384 public key",
            KeyType::P521 => "EC P-521 public key",
            KeyType::Secp256k1 => "EC secp256k1 public key",
            KeyType::Ed25519 => "Ed25519 public key",
        }
    }
}

/// Where a key came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyFormat {
    /// A secret typed as text or in an encoding.
    Secret,
    /// A JSON Web Key.
    Jwk,
    /// PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    PemSpki,
    /// PEM `RSA PUBLIC KEY` (PKCS#1).
    PemPkcs1,
    /// PEM `CERTIFICATE` (the key inside an X.509 certificate).
    PemCertificate,
}

/// One verification key with the JWK metadata that selects it.
#[derive(Clone)]
pub struct Key {
    /// The key itself.
    pub material: Material,
    /// `kid`
    pub kid: Option<String>,
    /// `alg` the key is meant for.
    pub alg: Option<String>,
    /// `use` (`sig` or `enc`).
    pub use_: Option<String>,
    /// `key_ops`.
    pub key_ops: Option<Vec<String>>,
    /// How it was given.
    pub format: KeyFormat,
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print secret material.
        f.debug_struct("Key")
            .field("type", &self.key_type())
            .field("bits", &self.bits())
            .field("kid", &self.kid)
            .finish()
    }
}

/// How an HMAC secret is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretEncoding {
    /// The UTF-8 bytes of the text, as jwt.io and most libraries take it.
    Utf8,
    /// Standard base64 (padding optional).
    Base64,
    /// base64url (padding optional).
    Base64Url,
    /// Hexadecimal.
    Hex,
}

/// What was being read when a key could not be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

impl core::str::FromStr for SecretEncoding {
    type Err = String;

    /// The words every face uses: `utf8`, `base64`, `base64url`, `hex`.
    ///
    /// ```
    /// use jwtlens::key::SecretEncoding;
    /// assert_eq!("base64url".parse(), Ok(SecretEncoding::Base64Url));
    /// assert!("b64".parse::<SecretEncoding>().unwrap_err().contains("utf8, base64, base64url, hex"));
    /// ```
    fn from_str(s: &str) -> Result<SecretEncoding, String> {
        match s {
            "utf8" => Ok(SecretEncoding::Utf8),
            "base64" => Ok(SecretEncoding::Base64),
            "base64url" => Ok(SecretEncoding::Base64Url),
            "hex" => Ok(SecretEncoding::Hex),
            other => Err(format!("unknown secret encoding {other:?} (utf8, base64, base64url, hex)")),
        }
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
    pub fn from_words(format: &str, encoding: SecretEncoding) -> Result<KeyInput, String> {
        match format {
            "auto" => Ok(KeyInput::Auto),
            "jwk" => Ok(KeyInput::Jwk),
            "pem" => Ok(KeyInput::Pem),
            "secret" => Ok(KeyInput::Secret(encoding)),
            other => Err(format!("unknown key format {other:?} (auto, jwk, pem, secret)")),
        }
    }
}

/// Why a key could not be imported. `Display` is the sentence every face shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyError {
    /// What was being read (serialized as its code: `jwk_set`, `pem`, ...).
    pub format: KeySource,
    /// The JWK member, PEM label or position concerned.
    pub at: Option<String>,
    /// What was wrong.
    pub message: String,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{} ({}): {}", self.format, at, self.message),
            None => write!(f, "{}: {}", self.format, self.message),
        }
    }
}

impl core::error::Error for KeyError {}

fn err(format: KeySource, at: Option<&str>, message: impl Into<String>) -> KeyError {
    KeyError { format, at: at.map(String::from), message: message.into() }
}

/// One key, or a JWK Set, as imported.
#[derive(Debug, Clone)]
pub struct KeySet {
    keys: Vec<Key>,
    /// The `kid` of every entry of the set, imported or skipped.
    kids: Vec<String>,
    /// Entries of the set with a `kty` other than "oct", imported or skipped.
    public_entries: usize,
    /// Keys of a JWK Set that could not be imported, with why (they are skipped, not fatal).
    pub skipped: Vec<KeyError>,
}

impl KeySet {
    /// The imported keys.
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }
    /// A set of these keys (their `kid`s as given).
    pub fn from_keys(keys: Vec<Key>) -> KeySet {
        let public_entries = keys.iter().filter(|k| k.key_type() != KeyType::Oct).count();
        KeySet { kids: keys.iter().filter_map(|k| k.kid.clone()).collect(), keys, skipped: Vec::new(), public_entries }
    }
    /// A set of one key.
    pub fn single(key: Key) -> KeySet {
        KeySet::from_keys(alloc::vec![key])
    }
    /// Whether the set mixes shared secrets with public keys, counting entries
    /// that could not be imported: a verifier must not accept both kinds.
    pub fn mixes_secrets_and_public_keys(&self) -> bool {
        self.keys.iter().any(|k| k.key_type() == KeyType::Oct) && self.public_entries > 0
    }
    /// How many entries of the set (imported or skipped) carry `kid`.
    pub fn count_kid(&self, kid: &str) -> usize {
        self.kids.iter().filter(|k| k.as_str() == kid).count()
    }
}

impl Key {
    /// The key's type.
    pub fn key_type(&self) -> KeyType {
        match &self.material {
            Material::Hmac(_) => KeyType::Oct,
            Material::Rsa(_) => KeyType::Rsa,
            Material::P256(_) => KeyType::P256,
            Material::P384(_) => KeyType::P384,
            Material::P521(_) => KeyType::P521,
            Material::K256(_) => KeyType::Secp256k1,
            Material::Ed25519(_) => KeyType::Ed25519,
        }
    }

    /// Key size in bits (HMAC: secret length; RSA: modulus; EC: field size).
    pub fn bits(&self) -> usize {
        match &self.material {
            Material::Hmac(k) => k.len() * 8,
            Material::Rsa(k) => k.n().bits(),
            Material::P256(_) | Material::K256(_) | Material::Ed25519(_) => 256,
            Material::P384(_) => 384,
            Material::P521(_) => 521,
        }
    }

    /// A one-line description: "RSA public key, 2048 bits, kid \"k1\" (JWK)".
    pub fn describe(&self) -> String {
        let from = match self.format {
            KeyFormat::Secret => "secret",
            KeyFormat::Jwk => "JWK",
            KeyFormat::PemSpki => "PEM public key",
            KeyFormat::PemPkcs1 => "PEM PKCS#1",
            KeyFormat::PemCertificate => "X.509 certificate",
        };
        // Built by hand rather than with format!: it runs for every verification.
        let label = self.key_type().label();
        let kid = self.kid.as_deref();
        let mut out = String::with_capacity(label.len() + from.len() + kid.map_or(0, str::len) + 24);
        out.push_str(label);
        out.push_str(", ");
        crate::text::push_decimal(&mut out, self.bits() as u64, 0);
        out.push_str(" bits");
        if let Some(k) = kid {
            out.push_str(", kid \"");
            out.push_str(k);
            out.push('"');
        }
        out.push_str(" (");
        out.push_str(from);
        out.push(')');
        out
    }

    /// The key as a JWK with only its required members, in lexicographic
    /// order (RFC 7638 §3.2), so the text is also the thumbprint input.
    /// For an HMAC key this includes the secret.
    pub fn to_jwk(&self) -> String {
        let e = |b: &[u8]| b64::encode(b);
        let ec = |crv: &str, point: &[u8]| {
            let coords = point.get(1..).unwrap_or_default();
            let (x, y) = coords.split_at(coords.len() / 2);
            format!(r#"{{"crv":"{crv}","kty":"EC","x":"{}","y":"{}"}}"#, e(x), e(y))
        };
        match &self.material {
            Material::Hmac(k) => format!(r#"{{"k":"{}","kty":"oct"}}"#, e(k)),
            Material::Rsa(k) => {
                format!(r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#, e(&k.e().to_bytes_be()), e(&k.n().to_bytes_be()))
            }
            Material::P256(k) => ec("P-256", k.to_encoded_point(false).as_bytes()),
            Material::P384(k) => ec("P-384", k.to_encoded_point(false).as_bytes()),
            Material::P521(k) => ec("P-521", k.to_encoded_point(false).as_bytes()),
            Material::K256(k) => ec("secp256k1", k.to_encoded_point(false).as_bytes()),
            Material::Ed25519(k) => format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{}"}}"#, e(k.as_bytes())),
        }
    }

    /// The RFC 7638 JWK thumbprint: base64url(SHA-256(required members, sorted, no whitespace)).
    ///
    /// ```
    /// // RFC 7638 §3.1
    /// let k = jwtlens::key::Key::import(r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#).unwrap();
    /// assert_eq!(k.keys()[0].thumbprint(), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    /// ```
    pub fn thumbprint(&self) -> String {
        use sha2::Digest;
        b64::encode(&sha2::Sha256::digest(self.to_jwk().as_bytes()))
    }

    fn plain(material: Material, format: KeyFormat) -> Key {
        Key { material, kid: None, alg: None, use_: None, key_ops: None, format }
    }

    /// An HMAC secret written in `encoding`.
    pub fn secret(text: &str, encoding: SecretEncoding) -> Result<Key, KeyError> {
        let bytes = match encoding {
            SecretEncoding::Utf8 => text.as_bytes().to_vec(),
            SecretEncoding::Base64 | SecretEncoding::Base64Url => {
                let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                let url: String = t
                    .chars()
                    .map(|c| {
                        if c == '+' {
                            '-'
                        } else if c == '/' {
                            '_'
                        } else {
                            c
                        }
                    })
                    .collect();
                b64::decode(&url).map(|d| d.bytes).map_err(|e| {
                    err(
                        KeySource::Base64Secret,
                        Some(&format!("character {}", e.offset)),
                        format!("expected {}, found {}", e.expected, e.found),
                    )
                })?
            }
            SecretEncoding::Hex => hex_decode(text.trim())
                .map_err(|(at, m)| err(KeySource::HexSecret, Some(&format!("character {at}")), m))?,
        };
        if bytes.is_empty() {
            return Err(err(KeySource::Secret, None, "the secret is empty"));
        }
        let mut key = HmacKey::new(bytes);
        if key.public_key.is_none() && encoding != SecretEncoding::Utf8 {
            // The text as given may carry the key where its decoding does not (hex of a PEM read as base64).
            key.public_key = detect::key_material(text.as_bytes());
        }
        Ok(Key::plain(Material::Hmac(key), KeyFormat::Secret))
    }

    /// Import a public key, certificate, JWK or JWK Set from text, detecting
    /// the format (see [`KeyInput::Key`]). Never an HMAC secret: use
    /// [`Key::secret`] for that, so a mistyped PEM never silently becomes one.
    pub fn import(text: &str) -> Result<KeySet, KeyError> {
        import_key(text, KeyInput::Key).map(|(set, _)| set)
    }
}

/// How the caller says a key is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyInput {
    /// Detect, as [`KeyInput::Key`] does; text that cannot be mistaken for key
    /// material (see [`import_key`]) is an HMAC secret, its UTF-8 bytes exactly as given.
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

/// What [`import_key`] found the text to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// Import `text` as `input` says.
///
/// For [`KeyInput::Auto`] and [`KeyInput::Key`], what people paste is
/// normalised first ([`normalise_key_text`]: a byte-order mark, CRLF,
/// surrounding quotes, JSON string escapes, `\n` escapes) and then read as
/// the first of: a PEM block anywhere in the text (an `openssl` preamble before
/// it is skipped), a JWK or JWK Set (also after a word, as in `JWKS={...}`), the
/// bare base64 or hex body of a DER SubjectPublicKeyInfo, PKCS#1 key or
/// certificate. Text that looks like any of these but cannot be imported is an
/// error that says why — never a secret. [`KeyInput::Auto`] takes the text as
/// an HMAC secret only when it has no sign of key material at all (no PEM
/// armour, no `"kty"`, no OpenSSH key, no DER in base64 or hex, none of the
/// words "PUBLIC KEY", "PRIVATE KEY", "CERTIFICATE").
///
/// ```
/// use jwtlens::key::{import_key, KeyInput, Detected};
/// let (set, found) = import_key("my-secret", KeyInput::Auto).unwrap();
/// assert_eq!(found, Detected::Secret);
/// assert_eq!(set.keys()[0].bits(), 72);
/// // The body of a PEM public key, pasted without its armour, is that key, not a secret.
/// let body = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";
/// assert_eq!(import_key(body, KeyInput::Auto).unwrap().1, Detected::Der);
/// // Damaged key text is an error, never a secret.
/// assert!(import_key("\u{feff}-----BEGIN PUBLIC KEY-----\nAAAA\n", KeyInput::Auto).is_err());
/// ```
pub fn import_key(text: &str, input: KeyInput) -> Result<(KeySet, Detected), KeyError> {
    match input {
        KeyInput::Secret(enc) => Key::secret(text, enc).map(|k| (KeySet::single(k), Detected::Secret)),
        KeyInput::Jwk => jwk_or_set(&normalise_key_text(text)).map(|k| (k, Detected::Jwk)),
        KeyInput::Pem => match detect::classify(&normalise_key_text(text)) {
            Found::Pem(block) => pem(block).map(|k| (KeySet::single(k), Detected::Pem)),
            _ => Err(err(KeySource::Pem, None, "no \"-----BEGIN ...-----\" line: not a PEM block")),
        },
        KeyInput::Auto | KeyInput::Key => {
            let t = normalise_key_text(text);
            match detect::classify(&t) {
                Found::Pem(block) => pem(block).map(|k| (KeySet::single(k), Detected::Pem)),
                Found::Json(json) => jwk_or_set(&json).map(|k| (k, Detected::Jwk)),
                Found::Der(der) => der_key(&der).map(|k| (KeySet::single(k), Detected::Der)),
                Found::OpenSsh => Err(err(
                    KeySource::OpenSsh,
                    None,
                    "JWS keys are not written this way; convert it with `ssh-keygen -e -m PKCS8 -f key.pub` and paste the PEM",
                )),
                Found::Suspect(what) => Err(err(
                    KeySource::Key,
                    None,
                    format!("{what}, but it is not a PEM block, JWK, JWK Set or DER key jwtlens can read; key material is never taken as an HMAC secret (if this really is a shared secret, say so: the secret format)"),
                )),
                Found::Plain if input == KeyInput::Auto => {
                    let key = Key::secret(text, SecretEncoding::Utf8)?;
                    // The secret's own bytes, as given (not normalised), are judged once more:
                    // auto-detection never returns a secret verification would refuse.
                    if let Material::Hmac(h) = &key.material {
                        if let Some(what) = h.public_key() {
                            return Err(err(
                                KeySource::Key,
                                None,
                                format!("{what}: key material is never taken as an HMAC secret (if this really is a shared secret, say so: the secret format)"),
                            ));
                        }
                    }
                    Ok((KeySet::single(key), Detected::Secret))
                }
                Found::Plain => Err(err(
                    KeySource::Key,
                    None,
                    "expected a PEM block (-----BEGIN ...), a JWK or JWK Set (a JSON object), or the base64 of a DER key; for an HMAC secret choose a secret encoding",
                )),
            }
        }
    }
}

/// The public key that `bytes` are or contain, described; see [`HmacKey::public_key`].
fn public_key_within(bytes: &[u8]) -> Option<String> {
    let found = detect::key_material(bytes)?;
    // When the text is a key jwtlens reads, say which one.
    let described = core::str::from_utf8(bytes)
        .ok()
        .and_then(|text| import_key(text, KeyInput::Key).ok())
        .and_then(|(set, _)| set.keys().iter().find(|k| k.key_type() != KeyType::Oct).map(Key::describe));
    Some(described.unwrap_or(found))
}

fn hex_decode(s: &str) -> Result<Vec<u8>, (usize, String)> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    let digits: Vec<(usize, u8)> =
        s.char_indices().filter(|(_, c)| !c.is_whitespace() && *c != ':').map(|(i, c)| (i, c as u8)).collect();
    if digits.len() % 2 == 1 {
        return Err((s.len(), String::from("an even number of hex digits")));
    }
    digits
        .chunks(2)
        .map(|pair| {
            let val = |(i, c): (usize, u8)| match c {
                b'0'..=b'9' => Ok(c - b'0'),
                b'a'..=b'f' => Ok(c - b'a' + 10),
                b'A'..=b'F' => Ok(c - b'A' + 10),
                _ => Err((i, format!("expected a hex digit, found '{}'", c as char))),
            };
            match pair {
                [a, b] => Ok(val(*a)? << 4 | val(*b)?),
                _ => Err((s.len(), String::from("an even number of hex digits"))),
            }
        })
        .collect()
}

// ---------------------------------------------------------------- JWK

fn jwk_or_set(text: &str) -> Result<KeySet, KeyError> {
    let v = json::parse(text.as_bytes()).map_err(|e| {
        err(
            KeySource::Jwk,
            Some(&format!("byte {}", e.offset)),
            format!("not JSON: expected {}, found {}", e.expected, e.found),
        )
    })?;
    let Json::Object(obj) = v else {
        return Err(err(KeySource::Jwk, None, "not a JSON object"));
    };
    if let Some(name) = obj.duplicate_anywhere() {
        // Two parsers could read two different keys out of it.
        return Err(err(KeySource::Jwk, Some(name), "occurs twice in one object; a key must be unambiguous"));
    }
    match obj.get("keys") {
        Some(Json::Array(items)) => {
            let mut keys = Vec::new();
            let mut skipped = Vec::new();
            let kids = items.iter().filter_map(|i| i.as_object()?.get("kid")?.as_str().map(String::from)).collect();
            let public_entries = items
                .iter()
                .filter(|i| i.as_object().and_then(|o| o.get("kty")).and_then(Json::as_str) != Some("oct"))
                .count();
            for (i, item) in items.iter().enumerate() {
                match item
                    .as_object()
                    .ok_or_else(|| err(KeySource::JwkSet, Some(&format!("keys[{i}]")), "not a JSON object"))
                    .and_then(jwk)
                {
                    Ok(k) => keys.push(k),
                    Err(mut e) => {
                        e.at = Some(format!("keys[{i}]{}", e.at.map(|a| format!(".{a}")).unwrap_or_default()));
                        skipped.push(e);
                    }
                }
            }
            if keys.is_empty() {
                return Err(match skipped.into_iter().next() {
                    Some(e) => e,
                    None => err(KeySource::JwkSet, Some("keys"), "the set has no keys"),
                });
            }
            Ok(KeySet { keys, kids, skipped, public_entries })
        }
        Some(_) => Err(err(KeySource::JwkSet, Some("keys"), "\"keys\" must be an array")),
        None => jwk(&obj).map(KeySet::single),
    }
}

fn member_str<'a>(obj: &'a Object, name: &str, format: KeySource) -> Result<Option<&'a str>, KeyError> {
    match obj.get(name) {
        None => Ok(None),
        Some(Json::String(s)) => Ok(Some(s)),
        Some(other) => Err(err(format, Some(name), format!("must be a string, found a JSON {}", other.type_name()))),
    }
}

fn member_b64(obj: &Object, name: &str, format: KeySource) -> Result<Vec<u8>, KeyError> {
    let s = member_str(obj, name, format)?.ok_or_else(|| err(format, Some(name), "missing"))?;
    let d = b64::decode(s).map_err(|e| {
        err(
            format,
            Some(name),
            format!("not base64url at character {}: expected {}, found {}", e.offset, e.expected, e.found),
        )
    })?;
    if !d.forgiven.is_empty() {
        return Err(err(format, Some(name), "not strict base64url (RFC 7517 §6 requires base64url without padding)"));
    }
    Ok(d.bytes)
}

/// RFC 7517 §4 (common members) and RFC 7518 §6 (key types).
fn jwk(obj: &Object) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Jwk;
    let kty = member_str(obj, "kty", F)?
        .ok_or_else(|| err(F, Some("kty"), "missing (RFC 7517 §4.1: \"kty\" MUST be present)"))?;
    let material = match kty {
        "oct" => {
            let k = member_b64(obj, "k", F)?;
            if k.is_empty() {
                return Err(err(F, Some("k"), "the secret is empty"));
            }
            Material::Hmac(HmacKey::new(k))
        }
        "RSA" => {
            // RFC 7518 §6.3.1: "n" and "e", unsigned big-endian base64url.
            let n = member_b64(obj, "n", F)?;
            let e = member_b64(obj, "e", F)?;
            let key = rsa::RsaPublicKey::new(rsa::BigUint::from_bytes_be(&n), rsa::BigUint::from_bytes_be(&e))
                .map_err(|e| err(F, Some("n"), format!("not a usable RSA public key: {e}")))?;
            Material::Rsa(RsaKey::new(key).map_err(|e| err(F, e.at.as_deref(), e.message))?)
        }
        "EC" => {
            // RFC 7518 §6.2.1.2: "The length of this octet string MUST be the full size of a coordinate for the curve".
            let crv = member_str(obj, "crv", F)?.ok_or_else(|| err(F, Some("crv"), "missing"))?;
            let size = match crv {
                "P-256" | "secp256k1" => 32,
                "P-384" => 48,
                "P-521" => 66,
                other => {
                    return Err(err(
                        F,
                        Some("crv"),
                        format!("unsupported curve \"{other}\" (P-256, P-384, P-521, secp256k1)"),
                    ))
                }
            };
            let x = member_b64(obj, "x", F)?;
            let y = member_b64(obj, "y", F)?;
            for (name, v) in [("x", &x), ("y", &y)] {
                if v.len() != size {
                    return Err(err(F, Some(name), format!("must be {size} bytes for {crv}, found {}", v.len())));
                }
            }
            let mut sec1 = Vec::with_capacity(1 + 2 * size);
            sec1.push(0x04);
            sec1.extend_from_slice(&x);
            sec1.extend_from_slice(&y);
            let bad = |_| err(F, Some("x"), format!("the point (x, y) is not on {crv}"));
            match crv {
                "P-256" => {
                    Material::P256(P256Key::new(p256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1).map_err(bad)?))
                }
                "P-384" => Material::P384(p384::ecdsa::VerifyingKey::from_sec1_bytes(&sec1).map_err(bad)?),
                "P-521" => Material::P521(p521::ecdsa::VerifyingKey::from_sec1_bytes(&sec1).map_err(bad)?),
                _ => Material::K256(k256::ecdsa::VerifyingKey::from_sec1_bytes(&sec1).map_err(bad)?),
            }
        }
        "OKP" => {
            let crv = member_str(obj, "crv", F)?.ok_or_else(|| err(F, Some("crv"), "missing"))?;
            if crv != "Ed25519" {
                return Err(err(F, Some("crv"), format!("unsupported OKP curve \"{crv}\" (Ed25519)")));
            }
            let x = member_b64(obj, "x", F)?;
            let bytes: [u8; 32] = x
                .as_slice()
                .try_into()
                .map_err(|_| err(F, Some("x"), format!("must be 32 bytes, found {}", x.len())))?;
            Material::Ed25519(Ed25519Key::new(
                ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                    .map_err(|_| err(F, Some("x"), "not a valid Ed25519 point"))?,
            ))
        }
        other => return Err(err(F, Some("kty"), format!("unsupported key type \"{other}\" (oct, RSA, EC, OKP)"))),
    };
    let key_ops = match obj.get("key_ops") {
        None => None,
        Some(Json::Array(a)) => Some(a.iter().filter_map(|v| v.as_str().map(String::from)).collect()),
        Some(_) => return Err(err(F, Some("key_ops"), "must be an array of strings")),
    };
    Ok(Key {
        material,
        kid: member_str(obj, "kid", F)?.map(String::from),
        alg: member_str(obj, "alg", F)?.map(String::from),
        use_: member_str(obj, "use", F)?.map(String::from),
        key_ops,
        format: KeyFormat::Jwk,
    })
}

// ---------------------------------------------------------------- PEM

const OID_RSA: &str = "1.2.840.113549.1.1.1";
const OID_EC: &str = "1.2.840.10045.2.1";
const OID_ED25519: &str = "1.3.101.112";
const OID_P256: &str = "1.2.840.10045.3.1.7";
const OID_P384: &str = "1.3.132.0.34";
const OID_P521: &str = "1.3.132.0.35";
const OID_K256: &str = "1.3.132.0.10";

/// RFC 7468 textual encoding: `PUBLIC KEY`, `RSA PUBLIC KEY` or `CERTIFICATE`.
fn pem(block: Result<(String, Vec<u8>), String>) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Pem;
    let (label, der) = block.map_err(|e| err(F, None, format!("not a valid PEM block: {e}")))?;
    let label = label.as_str();
    match label {
        "PUBLIC KEY" => spki(&der, KeyFormat::PemSpki),
        "RSA PUBLIC KEY" => pkcs1(&der).map_err(|e| err(F, Some(label), e)),
        "CERTIFICATE" => {
            certificate(&der).map_err(|e| if e.format == KeySource::Spki { e } else { err(F, Some(label), e.message) })
        }
        l if l.contains("PRIVATE KEY") => {
            Err(err(F, Some(l), "a private key: to verify, paste the public key (PUBLIC KEY) or a certificate"))
        }
        l => Err(err(F, Some(l), "unsupported PEM label (PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE)")),
    }
}

/// RFC 8017 Appendix A.1.1 RSAPublicKey (PKCS#1).
fn pkcs1(der: &[u8]) -> Result<Key, String> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    let k = rsa::RsaPublicKey::from_pkcs1_der(der).map_err(|e| format!("not a PKCS#1 RSA public key: {e}"))?;
    let k = RsaKey::new(k).map_err(|e| e.message)?;
    Ok(Key::plain(Material::Rsa(k), KeyFormat::PemPkcs1))
}

/// RFC 5280 §4.1: the subject public key of an X.509 certificate.
fn certificate(der: &[u8]) -> Result<Key, KeyError> {
    use x509_cert::der::{Decode, Encode};
    const F: KeySource = KeySource::Certificate;
    let cert =
        x509_cert::Certificate::from_der(der).map_err(|e| err(F, None, format!("not an X.509 certificate: {e}")))?;
    let spki_der = cert
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|e| err(F, None, format!("cannot read the certificate's key: {e}")))?;
    spki(&spki_der, KeyFormat::PemCertificate)
}

/// A DER structure given without PEM armour: a SubjectPublicKeyInfo, a PKCS#1
/// RSAPublicKey or a certificate, tried in that order.
fn der_key(der: &[u8]) -> Result<Key, KeyError> {
    const F: KeySource = KeySource::Der;
    if let Ok(k) = spki(der, KeyFormat::PemSpki) {
        return Ok(k);
    }
    if let Ok(k) = pkcs1(der) {
        return Ok(k);
    }
    if let Ok(k) = certificate(der) {
        return Ok(k);
    }
    if pkcs8::PrivateKeyInfo::try_from(der).is_ok() {
        return Err(err(F, None, "a private key (PKCS#8): to verify, paste the public key or a certificate"));
    }
    // Say why the most likely reading failed.
    let why = match spki(der, KeyFormat::PemSpki) {
        Err(e) if !e.message.starts_with("not a SubjectPublicKeyInfo") => e.message,
        _ => String::from(
            "it is a DER structure, but not a SubjectPublicKeyInfo, a PKCS#1 RSA public key or an X.509 certificate",
        ),
    };
    Err(err(F, None, why))
}

/// RFC 5280 §4.1.2.7 SubjectPublicKeyInfo, dispatched on its algorithm OID.
fn spki(der: &[u8], format: KeyFormat) -> Result<Key, KeyError> {
    use spki::DecodePublicKey;
    const F: KeySource = KeySource::Spki;
    let info = spki::SubjectPublicKeyInfoRef::try_from(der)
        .map_err(|e| err(F, None, format!("not a SubjectPublicKeyInfo: {e}")))?;
    let oid = info.algorithm.oid.to_string();
    let bad = |e: spki::Error| err(F, Some(&oid), format!("cannot read the key: {e}"));
    let material = match oid.as_str() {
        OID_RSA => Material::Rsa(
            RsaKey::new(rsa::RsaPublicKey::from_public_key_der(der).map_err(bad)?)
                .map_err(|e| err(F, Some(&oid), e.message))?,
        ),
        OID_EC => {
            let curve = info
                .algorithm
                .parameters_oid()
                .map(|o| o.to_string())
                .map_err(|e| err(F, Some("parameters"), format!("no named curve: {e}")))?;
            match curve.as_str() {
                OID_P256 => {
                    Material::P256(P256Key::new(p256::ecdsa::VerifyingKey::from_public_key_der(der).map_err(bad)?))
                }
                OID_P384 => Material::P384(p384::ecdsa::VerifyingKey::from_public_key_der(der).map_err(bad)?),
                OID_P521 => {
                    let pk = p521::PublicKey::from_public_key_der(der).map_err(bad)?;
                    Material::P521(
                        p521::ecdsa::VerifyingKey::from_affine(*pk.as_affine())
                            .map_err(|_| err(F, Some(&curve), "not a valid P-521 point"))?,
                    )
                }
                OID_K256 => Material::K256(k256::ecdsa::VerifyingKey::from_public_key_der(der).map_err(bad)?),
                other => return Err(err(F, Some(other), "unsupported EC curve (P-256, P-384, P-521, secp256k1)")),
            }
        }
        OID_ED25519 => {
            Material::Ed25519(Ed25519Key::new(ed25519_dalek::VerifyingKey::from_public_key_der(der).map_err(bad)?))
        }
        other => return Err(err(F, Some(other), "unsupported key algorithm (RSA, EC, Ed25519)")),
    };
    Ok(Key::plain(material, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_secrets_every_way_they_are_written() {
        // Upper and lower case, a 0x prefix, colons and spaces between bytes (openssl's dumps).
        assert_eq!(hex_decode("0xDEADbeef09"), Ok(alloc::vec![0xde, 0xad, 0xbe, 0xef, 0x09]));
        assert_eq!(hex_decode("de:ad be\tef"), Ok(alloc::vec![0xde, 0xad, 0xbe, 0xef]));
        assert_eq!(hex_decode("de-add"), Err((2, String::from("expected a hex digit, found '-'"))));
        assert_eq!(hex_decode("de:AD be\nF0"), Ok(alloc::vec![0xde, 0xad, 0xbe, 0xf0]));
        assert_eq!(hex_decode("ab"), Ok(alloc::vec![0xab]));
        assert_eq!(hex_decode("abc"), Err((3, String::from("an even number of hex digits"))));
        assert_eq!(hex_decode("a"), Err((1, String::from("an even number of hex digits"))));
        assert_eq!(hex_decode("zz").unwrap_err().0, 0);
    }

    #[test]
    fn size_and_debug_never_show_a_secret() {
        let key = Key::secret("a-secret-of-thirty-two-bytes-yes", SecretEncoding::Utf8).unwrap();
        assert_eq!(key.bits(), 256);
        let debug = alloc::format!("{key:?}");
        assert_eq!(debug, r#"Key { type: Oct, bits: 256, kid: None }"#);
        assert!(!debug.contains("a-secret"));
    }

    #[test]
    fn secrets_in_every_encoding() {
        let want = b"hello".to_vec();
        for (text, enc) in [
            ("hello", SecretEncoding::Utf8),
            ("aGVsbG8=", SecretEncoding::Base64),
            ("aGVsbG8", SecretEncoding::Base64Url),
            ("68656c6c6f", SecretEncoding::Hex),
        ] {
            match Key::secret(text, enc).unwrap().material {
                Material::Hmac(k) => assert_eq!(&*k, want, "{enc:?}"),
                _ => panic!("not hmac"),
            }
        }
        let e = Key::secret("68656x", SecretEncoding::Hex).unwrap_err();
        assert_eq!(e.at.as_deref(), Some("character 5"));
        assert!(Key::secret("", SecretEncoding::Utf8).is_err());
    }

    /// What the import paths say and read, one by one (kills the mutants
    /// `cargo mutants` found surviving in import_key, pem, der_key, jwk, secret).
    #[test]
    fn every_import_path_reads_and_says_what_it_should() {
        const ED_PEM: &str =
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
        // The PEM format, explicitly.
        let (set, found) = import_key(ED_PEM, KeyInput::Pem).unwrap();
        assert_eq!((found, set.keys()[0].key_type()), (Detected::Pem, KeyType::Ed25519));
        assert!(import_key("{\"kty\":\"oct\",\"k\":\"AAAA\"}", KeyInput::Pem).is_err());
        // A secret that is a PEM says which key it is.
        let secret = Key::secret(ED_PEM, SecretEncoding::Utf8).unwrap();
        let Material::Hmac(h) = &secret.material else { unreachable!() };
        assert_eq!(h.public_key(), Some("Ed25519 public key, 256 bits (PEM public key)"));
        // The hex of a PEM given as a base64 secret: its decoding is noise, but the text is the key.
        let hex: String = ED_PEM.bytes().map(|b| format!("{b:02x}")).collect();
        let secret = Key::secret(&hex, SecretEncoding::Base64).unwrap();
        let Material::Hmac(h) = &secret.material else { unreachable!() };
        assert!(h.public_key().is_some());
        // An ordinary base64 secret stays ordinary.
        let secret = Key::secret("c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==", SecretEncoding::Base64).unwrap();
        let Material::Hmac(h) = &secret.material else { unreachable!() };
        assert_eq!(h.public_key(), None);
        // P-384 from a JWK (RFC 7520 §3.1's key is P-521; this one is RFC 7517 A.1's shape on P-384).
        let p384 = p384::ecdsa::SigningKey::from_slice(&[7; 48]).unwrap();
        let pt = p384.verifying_key().to_encoded_point(false);
        let jwk = format!(
            r#"{{"kty":"EC","crv":"P-384","x":"{}","y":"{}"}}"#,
            b64::encode(pt.x().unwrap()),
            b64::encode(pt.y().unwrap())
        );
        assert_eq!(Key::import(&jwk).unwrap().keys()[0].key_type(), KeyType::P384);
        // A private key PEM says so.
        let e = Key::import("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH\n-----END PRIVATE KEY-----").unwrap_err();
        assert!(e.message.starts_with("a private key"), "{e}");
        let e = Key::import("-----BEGIN FOO-----\nAAAA\n-----END FOO-----").unwrap_err();
        assert!(e.message.starts_with("unsupported PEM label"), "{e}");
        // A certificate that is not one: the certificate's error, named as the PEM's.
        let e = Key::import("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----").unwrap_err();
        assert_eq!((e.format, e.at.as_deref()), (KeySource::Pem, Some("CERTIFICATE")));
        // DER that is a SEQUENCE but no key: the reason names the SubjectPublicKeyInfo reading's failure.
        let e = import_key("MAwCAQACAQACAQACAQA=MAwCAQACAQACAQACAQA", KeyInput::Key).unwrap_err();
        assert!(!e.message.is_empty());
        let e = der_key(&[0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]).unwrap_err();
        assert_eq!(
            e.message,
            "it is a DER structure, but not a SubjectPublicKeyInfo, a PKCS#1 RSA public key or an X.509 certificate"
        );
        // An X25519 SubjectPublicKeyInfo reads as one, with an algorithm jwtlens does not verify with.
        let mut x25519 = alloc::vec![0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00];
        x25519.extend_from_slice(&[9; 32]);
        assert_eq!(der_key(&x25519).unwrap_err().message, "unsupported key algorithm (RSA, EC, Ed25519)");
    }

    #[test]
    fn a_set_mixing_secrets_and_public_keys_is_known_as_one() {
        let oct = r#"{"kty":"oct","k":"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}"#;
        let ed = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
        let broken_rsa = r#"{"kty":"RSA","n":"AQAB","e":"AQAB"}"#;
        let set = |members: &[&str]| jwk_or_set(&format!(r#"{{"keys":[{}]}}"#, members.join(","))).unwrap();
        assert!(set(&[oct, ed]).mixes_secrets_and_public_keys());
        // A public key that could not be imported still makes the set mixed.
        assert!(set(&[oct, broken_rsa]).mixes_secrets_and_public_keys());
        assert!(!set(&[oct, oct]).mixes_secrets_and_public_keys());
        assert!(!set(&[ed, broken_rsa]).mixes_secrets_and_public_keys());
    }

    #[test]
    fn wrapped_jwks_import() {
        let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"a\nb"}"#;
        // JSON escapes inside a JWK's strings are the JWK's own: not line breaks to undo.
        assert_eq!(import_key(jwk, KeyInput::Auto).unwrap().0.keys()[0].kid.as_deref(), Some("a\nb"));
        // A JWK written as a JSON string (quoted, its quotes escaped) is unescaped first.
        let quoted = serde_json::to_string(jwk).unwrap();
        assert_eq!(import_key(&quoted, KeyInput::Auto).unwrap().1, Detected::Jwk);
        // In single quotes it is taken as it stands.
        assert_eq!(import_key(&format!("'{jwk}'"), KeyInput::Auto).unwrap().1, Detected::Jwk);
    }

    #[test]
    fn jwk_errors_name_the_member() {
        let e = Key::import(r#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#).unwrap_err();
        assert_eq!((e.at.as_deref(), e.message.as_str()), (Some("x"), "must be 32 bytes for P-256, found 3"));
        let e = Key::import(r#"{"kty":"RSA","n":"AQAB"}"#).unwrap_err();
        assert_eq!(e.at.as_deref(), Some("e"));
        let e = Key::import(r#"{"kty":"XYZ"}"#).unwrap_err();
        assert_eq!(e.at.as_deref(), Some("kty"));
        let e = Key::import(r#"{"keys":[{"kty":"oct"}]}"#).unwrap_err();
        assert_eq!(e.at.as_deref(), Some("keys[0].k"));
        assert!(Key::import("not a key").is_err());
    }
}
