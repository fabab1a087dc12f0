//! What a key holds: HMAC secrets with their precomputed states, RSA keys checked at
//! construction, curve points with precomputed tables, and their types.

use alloc::string::String;
use alloc::string::ToString;
use alloc::vec::Vec;

use rsa::traits::PublicKeyParts;

use super::*;

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
    pub(super) public_key: Option<String>,
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
    #[cfg_attr(not(feature = "arithmetic"), allow(dead_code))]
    montgomery: once_cell::race::OnceBox<Option<crate::rsa_mont::Modulus>>,
}

/// The largest RSA modulus jwtlens accepts, as the `rsa` crate does: larger keys
/// cost quadratically more to check and no JWS issuer uses them.
pub const MAX_RSA_BITS: usize = 4096;

/// RFC 8017 §3.1's conditions on `n` and `e` (see [`RsaKey::new`]).
fn checks(n: &rsa::BigUint, e: &rsa::BigUint) -> Result<(), KeyError> {
    const F: KeySource = KeySource::RsaKey;
    if n.bits() > MAX_RSA_BITS {
        return Err(err(F, Some("n"), KeyProblem::RsaTooLarge { bits: n.bits() }));
    }
    let odd = |x: &rsa::BigUint| x.to_bytes_le().first().is_some_and(|b| b & 1 == 1);
    if !odd(n) {
        return Err(err(F, Some("n"), KeyProblem::EvenModulus));
    }
    if e < &rsa::BigUint::from(3u32) || !odd(e) {
        // In decimal only when short: writing out a number takes time quadratic in its
        // length, and key text can bring an exponent of megabytes.
        let e = if e.bits() <= 64 { e.to_string() } else { alloc::format!("of {} bits", e.bits()) };
        return Err(err(F, Some("e"), KeyProblem::BadExponent { e }));
    }
    if e >= n {
        return Err(err(F, Some("e"), KeyProblem::ExponentTooLarge));
    }
    Ok(())
}

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
        checks(key.n(), key.e())?;
        Ok(RsaKey::checked_elsewhere(key))
    }

    /// A key from its modulus and public exponent (unsigned big-endian): the
    /// checks of [`RsaKey::new`], then the `rsa` crate's, of which only its
    /// limit on `e` is left to fail. Its errors are never displayed: their
    /// text would link the `der` crate's error tables into every module.
    pub(super) fn from_numbers(n: &[u8], e: &[u8]) -> Result<RsaKey, KeyError> {
        let (n, e) = (rsa::BigUint::from_bytes_be(n), rsa::BigUint::from_bytes_be(e));
        checks(&n, &e)?;
        let key = rsa::RsaPublicKey::new(n, e)
            .map_err(|_| err(KeySource::RsaKey, Some("e"), KeyProblem::ExponentAboveLimit))?;
        Ok(RsaKey::checked_elsewhere(key))
    }
    /// A key whose checks [`RsaKey::new`] made when its private key was read or generated.
    pub(crate) fn checked_elsewhere(key: rsa::RsaPublicKey) -> RsaKey {
        let roca = super::roca_fingerprint(key.n());
        RsaKey { key, roca, montgomery: once_cell::race::OnceBox::new() }
    }
    /// The modulus has the ROCA fingerprint: its private key can be computed.
    pub fn roca(&self) -> bool {
        self.roca
    }
    /// The Montgomery parameters for the core's own verification, when the modulus has a handled size.
    #[cfg(feature = "arithmetic")]
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
/// counting afresh and does not copy a built table. Private: the public key
/// types ([`Ed25519Key`], [`P256Key`]) wrap it, so the table's type and its
/// counting are no part of the API.
pub(crate) struct TabledKey<K, T> {
    key: K,
    table: crate::comb::Lazy<T>,
}

/// How a key type builds its table.
pub(crate) trait BuildTable<T> {
    /// The table for this key.
    fn build_table(&self) -> T;
}

impl<K: BuildTable<T>, T> TabledKey<K, T> {
    /// Wrap `key`; no table yet.
    pub(crate) fn new(key: K) -> TabledKey<K, T> {
        TabledKey { key, table: crate::comb::Lazy::new() }
    }

    /// Build the table now (for a key about to verify many signatures).
    pub(crate) fn precompute(&self) {
        self.table.get_or_build(|| self.key.build_table());
    }

    /// Whether the table is built.
    pub(crate) fn precomputed(&self) -> bool {
        self.table.is_built()
    }

    /// Count one verification; the table once it exists or this use builds it.
    #[cfg(feature = "arithmetic")]
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

/// The public face of a [`TabledKey`]: made from the verifying key, read as
/// it, told to build its table now or asked whether it has.
macro_rules! tabled_key {
    ($name:ident, $key:ty, $table:ty) => {
        impl $name {
            /// Wrap `key`; no table yet.
            pub fn new(key: $key) -> $name {
                $name(TabledKey::new(key))
            }

            /// Build the table now (for a key about to verify many signatures).
            pub fn precompute(&self) {
                self.0.precompute()
            }

            /// Whether the table is built.
            pub fn precomputed(&self) -> bool {
                self.0.precomputed()
            }

            /// Count one verification; the table once it exists or this use builds it.
            #[cfg(feature = "arithmetic")]
            pub(crate) fn table_for_use(&self) -> Option<&$table> {
                self.0.table_for_use()
            }
        }

        impl core::ops::Deref for $name {
            type Target = $key;
            fn deref(&self) -> &$key {
                &self.0
            }
        }
    };
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
#[derive(Clone)]
pub struct Ed25519Key(TabledKey<ed25519_dalek::VerifyingKey, curve25519_dalek::edwards::EdwardsBasepointTable>);
tabled_key!(Ed25519Key, ed25519_dalek::VerifyingKey, curve25519_dalek::edwards::EdwardsBasepointTable);

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
/// assert_eq!(key.to_encoded_point(false).as_bytes()[0], 4);
/// ```
#[derive(Clone)]
pub struct P256Key(TabledKey<p256::ecdsa::VerifyingKey, crate::comb::P256Table>);
tabled_key!(P256Key, p256::ecdsa::VerifyingKey, crate::comb::P256Table);

impl BuildTable<crate::comb::P256Table> for p256::ecdsa::VerifyingKey {
    fn build_table(&self) -> crate::comb::P256Table {
        crate::comb::P256Table::new(p256::ProjectivePoint::from(*self.as_affine()))
    }
}

/// The key material jwtlens can verify with.
#[derive(Clone)]
#[non_exhaustive]
pub enum Material {
    /// An HMAC secret.
    Hmac(HmacKey),
    /// An RSA public key.
    Rsa(RsaKey),
    /// A P-256 public key.
    P256(P256Key),
    /// A P-384 public key.
    P384(EcPoint),
    /// A P-521 public key.
    P521(EcPoint),
    /// A secp256k1 public key.
    K256(EcPoint),
    /// An Ed25519 public key.
    Ed25519(Ed25519Key),
}

impl Material {
    /// An EC public key on the curve JWK names `crv` ("P-256", "P-384", "P-521",
    /// "secp256k1"), from its SEC 1 encoding (§2.3.4): a point on the curve, not
    /// the identity. The one place a JWK's `x`/`y` and a SubjectPublicKeyInfo's
    /// point become a key.
    pub(super) fn ec(crv: &str, sec1: &[u8]) -> Result<Material, &'static str> {
        const NOT_A_POINT: &str = "not a point on the curve in SEC 1 form";
        Ok(match crv {
            "P-256" => {
                Material::P256(P256Key::new(p256::ecdsa::VerifyingKey::from_sec1_bytes(sec1).map_err(|_| NOT_A_POINT)?))
            }
            "P-384" => Material::P384(EcPoint::from_sec1(Curve::P384, sec1)?),
            "P-521" => Material::P521(EcPoint::from_sec1(Curve::P521, sec1)?),
            "secp256k1" => Material::K256(EcPoint::from_sec1(Curve::Secp256k1, sec1)?),
            _ => return Err("an unsupported curve (P-256, P-384, P-521, secp256k1)"),
        })
    }
}
