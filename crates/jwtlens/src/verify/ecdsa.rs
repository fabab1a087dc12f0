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
