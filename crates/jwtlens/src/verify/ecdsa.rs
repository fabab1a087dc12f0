//! ECDSA: RFC 7518 §3.4's R ‖ S signatures, checked for length and range first.

use p256::ecdsa::signature;

use super::*;

/// RFC 7518 §3.4: the JWS signature is R ‖ S, each exactly the size of the
/// curve's order; anything else (DER, a short R) is rejected.
pub(super) fn ecdsa_sig<S>(
    sig: &[u8],
    size: usize,
    parse: impl Fn(&[u8]) -> Result<S, signature::Error>,
) -> Result<S, VerifyError> {
    if sig.len() != 2 * size {
        return Err(VerifyError::SignatureLength { expected: 2 * size, found: sig.len() });
    }
    parse(sig).map_err(|_| VerifyError::ScalarOutOfRange)
}

/// secp256k1's group order n (SEC 2 §2.4.1), big-endian.
const SECP256K1_ORDER: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae, 0xdc,
    0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
];

/// [`ecdsa_sig`] for ES256K without the `k256` crate (the npm JWT wasm has no
/// secp256k1): RFC 8812 §3.2's 64-byte R ‖ S, and SEC 1 §4.1.4 step 1, "If r
/// and s are not both integers in the interval [1, n − 1], output 'invalid'".
/// `tests::es256k_ranges_are_k256s` holds it to `k256::ecdsa::Signature::from_slice`.
pub(super) fn es256k_sig(sig: &[u8]) -> Result<(), VerifyError> {
    // Equal-length big-endian byte strings compare as the numbers they write.
    let in_range = |x: &[u8]| x.iter().any(|&b| b != 0) && x < &SECP256K1_ORDER[..];
    ecdsa_sig(sig, 32, |sig| {
        let (r, s) = sig.split_at(32);
        (in_range(r) && in_range(s)).then_some(()).ok_or_else(signature::Error::new)
    })
}

#[cfg(test)]
mod range_tests {
    use super::*;

    fn k256_accepts(sig: &[u8]) -> bool {
        k256::ecdsa::Signature::from_slice(sig).is_ok()
    }

    #[test]
    fn es256k_ranges_are_k256s() {
        let n = SECP256K1_ORDER;
        let mut minus_one = n;
        minus_one[31] -= 1;
        let mut plus_one = n;
        plus_one[31] += 1;
        let mut one = [0u8; 32];
        one[31] = 1;
        let edges = [[0u8; 32], one, minus_one, n, plus_one, [0xff; 32], [0x7f; 32]];
        for r in &edges {
            for s in &edges {
                let sig = [&r[..], &s[..]].concat();
                assert_eq!(es256k_sig(&sig).is_ok(), k256_accepts(&sig), "{r:02x?} {s:02x?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn es256k_ranges_match_k256_on_random_and_near_order(
            sig in proptest::collection::vec(proptest::prelude::any::<u8>(), 64),
            near in proptest::prelude::any::<bool>(),
            flip in 0usize..64,
        ) {
            let mut sig = sig;
            if near {
                // Within the top bytes' reach of n, where the comparison decides.
                sig[..28].copy_from_slice(&SECP256K1_ORDER[..28]);
                sig[flip % 32] = SECP256K1_ORDER[flip % 32];
            }
            proptest::prop_assert_eq!(es256k_sig(&sig).is_ok(), k256_accepts(&sig));
        }
    }
}
