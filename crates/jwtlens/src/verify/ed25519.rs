//! Ed25519 (RFC 8037): canonical S, small-order points, and the precomputed-table path.

#[cfg(any(feature = "arithmetic", feature = "ed25519"))]
use super::*;

/// The order of the Ed25519 group, L = 2^252 + 27742317777372353535851937790883648493, little-endian.
pub(super) const ED25519_L: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// The y coordinates (sign bit cleared) of every encoding of a point of small
/// order on edwards25519, canonical or not: 0, 1, p-1, p, p+1 and the two
/// order-8 values (the list libsodium's `has_small_order` checks).
pub(super) const ED25519_SMALL_ORDER_Y: [[u8; 32]; 7] = {
    let mut p_minus_1 = [0xff; 32];
    p_minus_1[0] = 0xec;
    p_minus_1[31] = 0x7f;
    let mut p = p_minus_1;
    p[0] = 0xed;
    let mut p_plus_1 = p_minus_1;
    p_plus_1[0] = 0xee;
    let mut one = [0; 32];
    one[0] = 1;
    [
        [0; 32],
        one,
        p_minus_1,
        p,
        p_plus_1,
        [
            0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf,
            0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05,
        ],
        [
            0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20,
            0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
        ],
    ]
};

/// Whether a 32-byte little-endian number is below L (RFC 8032 §5.1.7: "If any of the
/// decodings fail (including S being out of range), the signature is invalid").
pub(super) fn ed25519_scalar_canonical(s: &[u8; 32]) -> bool {
    for (a, l) in s.iter().rev().zip(ED25519_L.iter().rev()) {
        if a != l {
            return a < l;
        }
    }
    false
}

/// The checks `verify_strict` makes on a signature before its arithmetic
/// (RFC 8032 §5.1.7): S below L, and R not of small order. Every Ed25519 path
/// makes them (the core's, before any backend, and [`Ed25519Precomputed`]).
pub(super) fn ed25519_signature_acceptable(sig: &ed25519_dalek::Signature) -> bool {
    ed25519_scalar_canonical(sig.s_bytes()) && !ed25519_small_order(sig.r_bytes())
}

/// Whether an encoded point is (any encoding of) a point of small order.
pub(super) fn ed25519_small_order(encoded: &[u8; 32]) -> bool {
    let mut y = *encoded;
    y[31] &= 0x7f;
    ED25519_SMALL_ORDER_Y.contains(&y)
}

/// RFC 8032 §5.1.7: "Compute SHA512(dom2(F, C) || R || A || PH(M)), and interpret
/// the 64-octet digest as a little-endian integer k. [...] It's sufficient, but not
/// required, to instead check [S]B = R + [k]A'." As `verify_strict` does, the
/// cofactorless equation, with `[S]B + [k](−A)` compared by its encoding to `R` (so a
/// non-canonical `R` fails); `S < L` and small orders were checked by the caller.
/// Both products come from radix-16 tables: `B`'s (static) and the key's `−A`.
#[cfg(any(feature = "arithmetic", feature = "ed25519"))]
pub(super) fn ed25519_with_table(
    minus_a: &curve25519_dalek::edwards::EdwardsBasepointTable,
    a: &[u8; 32],
    data: &[u8],
    sig: &ed25519_dalek::Signature,
) -> Result<(), VerifyError> {
    use curve25519_dalek::{constants::ED25519_BASEPOINT_TABLE, scalar::Scalar};
    use sha2::Digest;
    let s =
        Option::<Scalar>::from(Scalar::from_canonical_bytes(*sig.s_bytes())).ok_or(VerifyError::InvalidSignature)?;
    let digest = sha2::Sha512::new().chain_update(sig.r_bytes()).chain_update(a).chain_update(data).finalize();
    let k = Scalar::from_bytes_mod_order_wide(&digest.into());
    let r = ED25519_BASEPOINT_TABLE * &s + minus_a * &k;
    if r.compress().as_bytes() == sig.r_bytes() {
        Ok(())
    } else {
        Err(VerifyError::InvalidSignature)
    }
}

/// An Ed25519 public key with a table of its multiples, for a platform
/// backend that checks many signatures by one key: the npm package's in Node,
/// which builds one for a key that has verified 64 signatures and then checks
/// it here (75 µs in wasm) rather than in OpenSSL (105 µs).
///
/// It makes every check ed25519-dalek's `verify_strict` makes (RFC 8032
/// §5.1.7 with S below L, neither the key nor R of small order, R compared by
/// its encoding); the table costs 30 KB and about 2 ms to build, once.
///
/// ```
/// use ed25519_dalek::{Signer, SigningKey};
/// use jwtlens::verify::Ed25519Precomputed;
/// let sk = SigningKey::from_bytes(&[7; 32]);
/// let sig = sk.sign(b"a.b").to_bytes();
/// let key = Ed25519Precomputed::new(sk.verifying_key().as_bytes()).unwrap();
/// assert_eq!(key.verify(b"a.b", &sig), Some(true));
/// assert_eq!(key.verify(b"a.c", &sig), Some(false));
/// assert_eq!(key.verify(b"a.b", &sig[..63]), None);
/// // A point of small order (here the identity) is no key.
/// let mut identity = [0; 32];
/// identity[0] = 1;
/// assert!(Ed25519Precomputed::new(&identity).is_none());
/// ```
#[cfg(any(feature = "arithmetic", feature = "ed25519"))]
pub struct Ed25519Precomputed {
    key: [u8; 32],
    minus_a: curve25519_dalek::edwards::EdwardsBasepointTable,
}

#[cfg(any(feature = "arithmetic", feature = "ed25519"))]
impl Ed25519Precomputed {
    /// The table for a 32-byte public key (RFC 8032 §5.1.5's encoding), or
    /// `None` when the bytes are no point, or a point of small order.
    pub fn new(public_key: &[u8]) -> Option<Ed25519Precomputed> {
        use curve25519_dalek::traits::BasepointTable;
        let key: [u8; 32] = public_key.try_into().ok()?;
        if ed25519_small_order(&key) {
            return None;
        }
        let a = curve25519_dalek::edwards::CompressedEdwardsY(key).decompress()?;
        Some(Ed25519Precomputed { key, minus_a: curve25519_dalek::edwards::EdwardsBasepointTable::create(&-a) })
    }

    /// Whether `signature` (64 bytes, `R ‖ S`) signs `data` by this key;
    /// `None` when it is not 64 bytes long (nothing was checked).
    pub fn verify(&self, data: &[u8], signature: &[u8]) -> Option<bool> {
        let sig = ed25519_dalek::Signature::from_slice(signature).ok()?;
        if !ed25519_signature_acceptable(&sig) {
            return Some(false);
        }
        Some(ed25519_with_table(&self.minus_a, &self.key, data, &sig).is_ok())
    }
}

#[cfg(any(feature = "arithmetic", feature = "ed25519"))]
impl core::fmt::Debug for Ed25519Precomputed {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Ed25519Precomputed").field("key", &self.key).finish_non_exhaustive()
    }
}
