//! jwtlens checks P-384, P-521 and secp256k1 points with its own small arithmetic
//! (`key/ec.rs`); this holds it to the `p384`, `p521` and `k256` crates: the same
//! inputs accepted, the same point read. Inputs: public keys of seeded random
//! private keys, uncompressed and compressed, each byte of them changed;
//! compressed points from random x coordinates (about half have no point);
//! coordinates at and above the field prime; the other SEC 1 tags.

use jwtlens::key::{Curve, EcPoint};
use p384::elliptic_curve::sec1::ToEncodedPoint;
use rand_chacha::rand_core::{RngCore, SeedableRng};

fn ours(curve: Curve, bytes: &[u8]) -> Option<Vec<u8>> {
    EcPoint::from_sec1(curve, bytes).ok().map(|p| p.sec1().to_vec())
}

fn theirs(curve: Curve, bytes: &[u8]) -> Option<Vec<u8>> {
    match curve {
        Curve::P384 => {
            p384::PublicKey::from_sec1_bytes(bytes).ok().map(|k| k.to_encoded_point(false).as_bytes().to_vec())
        }
        Curve::P521 => {
            p521::PublicKey::from_sec1_bytes(bytes).ok().map(|k| k.to_encoded_point(false).as_bytes().to_vec())
        }
        Curve::Secp256k1 => {
            k256::PublicKey::from_sec1_bytes(bytes).ok().map(|k| k.to_encoded_point(false).as_bytes().to_vec())
        }
    }
}

fn public_point(curve: Curve, rng: &mut rand_chacha::ChaCha8Rng, compress: bool) -> Vec<u8> {
    match curve {
        Curve::P384 => p384::SecretKey::random(rng).public_key().to_encoded_point(compress).as_bytes().to_vec(),
        Curve::P521 => p521::SecretKey::random(rng).public_key().to_encoded_point(compress).as_bytes().to_vec(),
        Curve::Secp256k1 => k256::SecretKey::random(rng).public_key().to_encoded_point(compress).as_bytes().to_vec(),
    }
}

fn prime(curve: Curve) -> Vec<u8> {
    let hex = match curve {
        Curve::P384 => "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        Curve::Secp256k1 => "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
        _ => "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    };
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

fn add_one(bytes: &mut [u8]) {
    for b in bytes.iter_mut().rev() {
        let (v, carry) = b.overflowing_add(1);
        *b = v;
        if !carry {
            break;
        }
    }
}

#[test]
fn points_read_as_the_curve_crates_read_them() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(384_521);
    for curve in [Curve::P384, Curve::P521, Curve::Secp256k1] {
        let n = curve.coordinate_len();
        let mut inputs: Vec<Vec<u8>> = Vec::new();
        for i in 0..40 {
            let point = public_point(curve, &mut rng, i % 2 == 1);
            for pos in 0..point.len() {
                for flip in [0x01, 0x80] {
                    let mut m = point.clone();
                    m[pos] ^= flip;
                    inputs.push(m);
                }
            }
            inputs.push(point[..point.len() - 1].to_vec());
            inputs.push([point.as_slice(), &[0]].concat());
            inputs.push(point);
        }
        for _ in 0..400 {
            let mut x = vec![0u8; n];
            rng.fill_bytes(&mut x);
            if curve == Curve::P521 {
                x[0] &= 0x01;
            }
            inputs.push([&[2u8][..], &x].concat());
            inputs.push([&[3u8][..], &x].concat());
        }
        // Coordinates p, p + 1 and all ones: never field elements.
        let p = prime(curve);
        let mut p1 = p.clone();
        add_one(&mut p1);
        let valid = public_point(curve, &mut rng, false);
        for big in [p.clone(), p1, vec![0xff; n]] {
            inputs.push([&[2u8][..], &big].concat());
            inputs.push([&[4u8][..], &big, &valid[1 + n..]].concat());
            inputs.push([&valid[..1 + n], &big].concat());
        }
        // Coordinates plus p: the same residue, never a field element. P-521 has room for
        // x + p and y + p of any point; P-384's p is within 2^129 of 2^384, so small x.
        let add = |a: &[u8], b: &[u8]| -> Option<Vec<u8>> {
            let mut out = vec![0u8; n];
            let mut carry = 0u16;
            for i in (0..n).rev() {
                let v = a[i] as u16 + b[i] as u16 + carry;
                out[i] = v as u8;
                carry = v >> 8;
            }
            (carry == 0).then_some(out)
        };
        for i in 0..40 {
            let point = public_point(curve, &mut rng, false);
            let (x, y) = (&point[1..1 + n], &point[1 + n..]);
            let mut small_x = vec![0u8; n];
            small_x[n - 1] = i as u8;
            for (x, y) in [(x.to_vec(), y.to_vec()), (small_x.clone(), y.to_vec())] {
                if let Some(xp) = add(&x, &p) {
                    inputs.push([&[2u8][..], &xp].concat());
                    inputs.push([&[3u8][..], &xp].concat());
                    // With x's own y, when x has a point.
                    if let Some(real) = theirs(curve, &[&[2u8][..], &x].concat()) {
                        inputs.push([&[4u8][..], &xp, &real[1 + n..]].concat());
                    }
                }
                if let Some(yp) = add(&y, &p) {
                    inputs.push([&[4u8][..], &x, &yp].concat());
                }
            }
            // The compact form: the smaller root (secp256k1: the even one) must be chosen.
            inputs.push([&[5u8][..], x].concat());
        }
        // The other tags: identity, compact, hybrid.
        inputs.push(vec![0]);
        for tag in [0u8, 1, 5, 6, 7] {
            inputs.push([&[tag][..], &valid[1..]].concat());
            inputs.push([&[tag][..], &valid[1..1 + n]].concat());
        }
        inputs.push(Vec::new());

        let (mut accepted, mut failures) = (0, 0);
        for input in &inputs {
            let (a, b) = (ours(curve, input), theirs(curve, input));
            if a != b {
                failures += 1;
                eprintln!("{curve:?}: jwtlens {:?}, crate {:?} for {input:02x?}", a.is_some(), b.is_some());
            }
            accepted += usize::from(a.is_some());
        }
        println!("{curve:?}: {} inputs, {accepted} points accepted by both, {failures} disagreements", inputs.len());
        assert!(accepted > 200, "the corpus has valid points");
        assert_eq!(failures, 0);
    }
}
