//! P-384, P-521 and secp256k1 public points, checked to lie on their curve
//! without the curve crates' field arithmetic.
//!
//! Private arithmetic, for size: reading a point with `p384`/`p521` linked their
//! unrolled field multiplications into every module, about 65 KB of the JWT wasm,
//! though only the curve equation was checked there (the signature arithmetic is
//! the platform's, or `p384`/`p521` in builds with the `arithmetic` feature).
//! Here `crypto-bigint`'s Montgomery form checks the equation. secp256k1 followed:
//! reading its points with `k256` kept that crate's field arithmetic in the npm
//! JWT wasm, whose ES256K checks are a module of their own (about 2 KB gzip).
//! `tests/ec_differential.rs` holds it to `p384`, `p521` and `k256` on points,
//! compressed points, off-curve and out-of-range coordinates and mutations.

use alloc::boxed::Box;
use alloc::vec::Vec;

use crypto_bigint::modular::runtime_mod::{DynResidue, DynResidueParams};
use crypto_bigint::{Encoding, Limb, U256, U384, U640};

// Every curve's numbers are held in 640 bits, the nearest size to P-521's 521 that
// `crypto-bigint` computes with: one instantiation of its Montgomery arithmetic
// serves the three curves, where one per curve tripled it (2.6 KB gzip of the
// browsers' JWT wasm, 3.6 KB of the servers', 4 KB of the SD-JWT one, measured
// 2026-11-28). The wider numbers cost time only when a key is read, not per token.
const L: usize = U640::LIMBS;
type Wide = U640;
type Element = DynResidue<L>;

// The field primes: p = 2^384 − 2^128 − 2^96 + 2^32 − 1, p = 2^521 − 1 and
// p = 2^256 − 2^32 − 977 (SEC 2 §2.5.1, §2.6.1, §2.4.1), with their Montgomery
// parameters computed at compile time.
const P384_P: DynResidueParams<L> = DynResidueParams::new(
    &U384::from_be_hex(
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
    )
    .resize(),
);
const P521_P: DynResidueParams<L> = DynResidueParams::new(&U640::from_be_hex("000000000000000000000000000001ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"));
const K256_P: DynResidueParams<L> = DynResidueParams::new(
    &U256::from_be_hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f").resize(),
);
/// The curves' b coefficients (SEC 2 §2.5.1, §2.6.1; secp256k1's y² = x³ + 7, §2.4.1).
const P384_B: Wide = U384::from_be_hex(
    "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
)
.resize();
const P521_B: Wide = U640::from_be_hex("00000000000000000000000000000051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00");
const K256_B: Wide = U640::from_u8(7);

/// The curves whose points this module reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
    /// secp256k1 (SEC 2 §2.4.1), ES256K's curve (RFC 8812).
    Secp256k1,
}

impl Curve {
    /// The size of a coordinate in bytes (RFC 7518 §6.2.1.2).
    pub fn coordinate_len(self) -> usize {
        match self {
            Curve::P384 => 48,
            Curve::P521 => 66,
            Curve::Secp256k1 => 32,
        }
    }
}

/// A public point on P-384, P-521 or secp256k1, checked at construction: both
/// coordinates below the field prime and `y² = x³ + ax + b` (SEC 1 §3.2.2.1
/// steps 2–3; the curves have cofactor 1, so step 4 holds for every point on them).
///
/// ```
/// use jwtlens::key::{Curve, EcPoint};
/// // The P-384 generator (SEC 2 §2.5.1), compressed.
/// let g = "03aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7";
/// let bytes: Vec<u8> = (0..g.len()).step_by(2).map(|i| u8::from_str_radix(&g[i..i + 2], 16).unwrap()).collect();
/// let point = EcPoint::from_sec1(Curve::P384, &bytes).unwrap();
/// assert_eq!(point.sec1().len(), 97);
/// assert_eq!(point.x(), &bytes[1..]);
/// let mut off = point.sec1().to_vec();
/// off[96] ^= 1;
/// assert!(EcPoint::from_sec1(Curve::P384, &off).is_err());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct EcPoint {
    curve: Curve,
    /// SEC 1 §2.3.3 uncompressed: `0x04 ‖ x ‖ y`.
    sec1: Box<[u8]>,
}

impl core::fmt::Debug for EcPoint {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EcPoint").field("curve", &self.curve).finish_non_exhaustive()
    }
}

impl EcPoint {
    /// SEC 1 §2.3.4: a point in uncompressed (`04 ‖ x ‖ y`), compressed
    /// (`02`/`03 ‖ x`) or compact (`05 ‖ x`) form; not the point at infinity.
    pub fn from_sec1(curve: Curve, bytes: &[u8]) -> Result<EcPoint, &'static str> {
        let n = curve.coordinate_len();
        let x = bytes.get(1..1 + n).unwrap_or_default();
        let y = match (bytes.first(), bytes.len()) {
            (Some(4), len) if len == 1 + 2 * n => {
                let y = bytes.get(1 + n..).unwrap_or_default();
                if !on_curve(curve, x, y) {
                    return Err("the point is not on the curve");
                }
                y.to_vec()
            }
            // Compressed: the root of that parity. The compact form (draft-jivsov-ecc-compact
            // §4.1, read by the curve crates too): x alone, and y the smaller of the two roots
            // (`p384`, `p521`), or for secp256k1 the even one, as `k256` reads it.
            // A root found is on the curve by construction.
            (Some(tag @ (2 | 3 | 5)), len) if len == 1 + n => {
                let pick = match (tag, curve) {
                    (2, _) | (5, Curve::Secp256k1) => Root::Even,
                    (3, _) => Root::Odd,
                    _ => Root::Smaller,
                };
                decompress(curve, x, pick).ok_or("no point has this x")?
            }
            (Some(0), 1) => return Err("the point at infinity is no public key"),
            _ => return Err("not a SEC 1 point of this curve's size"),
        };
        let mut sec1 = Vec::with_capacity(1 + 2 * n);
        sec1.push(4);
        sec1.extend_from_slice(x);
        sec1.extend_from_slice(&y);
        Ok(EcPoint { curve, sec1: sec1.into_boxed_slice() })
    }

    /// The public point of a private key the caller holds (its arithmetic made it).
    pub(crate) fn derived(curve: Curve, sec1: &[u8]) -> EcPoint {
        EcPoint { curve, sec1: sec1.into() }
    }

    /// The curve.
    pub fn curve(&self) -> Curve {
        self.curve
    }
    /// SEC 1 uncompressed form, `04 ‖ x ‖ y`.
    pub fn sec1(&self) -> &[u8] {
        &self.sec1
    }
    /// The x coordinate, big-endian, full size.
    pub fn x(&self) -> &[u8] {
        let n = self.curve.coordinate_len();
        self.sec1.get(1..1 + n).unwrap_or_default()
    }
    /// The y coordinate, big-endian, full size.
    pub fn y(&self) -> &[u8] {
        let n = self.curve.coordinate_len();
        self.sec1.get(1 + n..).unwrap_or_default()
    }
}

fn on_curve(curve: Curve, x: &[u8], y: &[u8]) -> bool {
    let field = curve.field();
    match (field.element(x), field.element(y)) {
        (Some(x), Some(y)) => y.square() == field.rhs(&x),
        _ => false,
    }
}

/// Which of the two square roots `y` and `p − y` a compressed form names.
#[derive(Clone, Copy)]
enum Root {
    Even,
    Odd,
    Smaller,
}

/// SEC 1 §2.3.4 step 2.4.2: the y that `pick` names, from x. `p ≡ 3 (mod 4)` for
/// the three curves, so `y = (x³ + ax + b)^((p+1)/4)` when a root exists.
fn decompress(curve: Curve, x: &[u8], pick: Root) -> Option<Vec<u8>> {
    let field = curve.field();
    let y = field.root(&field.element(x)?, pick)?.to_be_bytes();
    y.get(y.len() - curve.coordinate_len()..).map(<[u8]>::to_vec)
}

/// A curve's field and equation `y² = x³ + ax + b`, a being −3 for the NIST
/// curves and 0 for secp256k1.
struct Field {
    p: DynResidueParams<L>,
    b: Wide,
    a_is_minus_three: bool,
}

impl Curve {
    fn field(self) -> Field {
        match self {
            Curve::P384 => Field { p: P384_P, b: P384_B, a_is_minus_three: true },
            Curve::P521 => Field { p: P521_P, b: P521_B, a_is_minus_three: true },
            Curve::Secp256k1 => Field { p: K256_P, b: K256_B, a_is_minus_three: false },
        }
    }
}

impl Field {
    /// A big-endian coordinate as a field element, if it is a number below the prime.
    fn element(&self, bytes: &[u8]) -> Option<Element> {
        let mut padded = [0u8; L * Limb::BYTES];
        let start = padded.len().checked_sub(bytes.len())?;
        padded.get_mut(start..)?.copy_from_slice(bytes);
        let v = Wide::from_be_slice(&padded);
        (v < *self.p.modulus()).then(|| Element::new(&v, self.p))
    }

    /// `x³ + ax + b`.
    fn rhs(&self, x: &Element) -> Element {
        let cube_plus_b = x.square().mul(x).add(&Element::new(&self.b, self.p));
        if self.a_is_minus_three {
            cube_plus_b.sub(&Element::new(&Wide::from_u8(3), self.p).mul(x))
        } else {
            cube_plus_b
        }
    }

    /// The square root of `x³ + ax + b` that `pick` names, if there is one.
    fn root(&self, x: &Element, pick: Root) -> Option<Wide> {
        let rhs = self.rhs(x);
        let modulus = self.p.modulus();
        let exponent = modulus.wrapping_add(&Wide::ONE).shr_vartime(2);
        let y = rhs.pow_bounded_exp(&exponent, exponent.bits_vartime());
        if y.square() != rhs {
            return None;
        }
        let y = y.retrieve();
        if y == Wide::ZERO {
            // y = 0 has no twin: its compressed form with 03 names no point.
            return (!matches!(pick, Root::Odd)).then_some(y);
        }
        let twin = modulus.wrapping_sub(&y);
        let y_odd = y.as_words().first().is_some_and(|w| w & 1 == 1);
        Some(match pick {
            Root::Even if y_odd => twin,
            Root::Odd if !y_odd => twin,
            Root::Smaller => y.min(twin),
            _ => y,
        })
    }
}
