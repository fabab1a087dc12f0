use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use rsa::PublicKey;
use sha2::Sha256;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct RsaVerifier {
    pkcs1: rsa::pkcs1v15::VerifyingKey<Sha256>,
    pss: rsa::pss::VerifyingKey<Sha256>,
}

#[wasm_bindgen]
impl RsaVerifier {
    #[wasm_bindgen(constructor)]
    pub fn new(spki_der: &[u8]) -> Result<RsaVerifier, JsError> {
        let key = PublicKey::from_public_key_der(spki_der)
            .map_err(|e| JsError::new(&format!("spki: {e}")))?;
        Ok(RsaVerifier {
            pkcs1: rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key.clone()),
            // salt length = hash length (32), as RFC 7518 requires for PS256
            pss: rsa::pss::VerifyingKey::<Sha256>::new(key),
        })
    }

    pub fn verify_rs256(&self, msg: &[u8], sig: &[u8]) -> bool {
        match rsa::pkcs1v15::Signature::try_from(sig) {
            Ok(s) => self.pkcs1.verify(msg, &s).is_ok(),
            Err(_) => false,
        }
    }

    pub fn verify_ps256(&self, msg: &[u8], sig: &[u8]) -> bool {
        match rsa::pss::Signature::try_from(sig) {
            Ok(s) => self.pss.verify(msg, &s).is_ok(),
            Err(_) => false,
        }
    }
}

// ---- Arithmetic-only probes (not part of the rsa 0.10 verify API) ----
#[cfg(feature = "probes")]
use rsa::traits::PublicKeyParts;

#[cfg(feature = "probes")]
#[wasm_bindgen]
impl RsaVerifier {
    /// s^e mod n exactly as rsa 0.10's verify does it (rsa::hazmat::rsa_encrypt:
    /// crypto-bigint 0.7 BoxedMontyForm::pow_bounded_exp, constant-time 4-bit window).
    pub fn pow_rsa(&self, sig: &[u8]) -> Vec<u8> {
        let key: &rsa::PublicKey = self.pkcs1.as_ref();
        let s = rsa::BoxedUint::from_be_slice(sig, key.n_bits_precision()).unwrap();
        rsa::hazmat::rsa_encrypt(key, &s).unwrap().to_be_bytes().into_vec()
    }

    /// s^e mod n with the same crypto-bigint 0.7 Montgomery type but plain
    /// left-to-right square-and-multiply (16 squarings + 1 mul for e = 65537).
    pub fn pow_sqmul(&self, sig: &[u8]) -> Vec<u8> {
        use crypto_bigint::modular::BoxedMontyForm;
        let key: &rsa::PublicKey = self.pkcs1.as_ref();
        let s = rsa::BoxedUint::from_be_slice(sig, key.n_bits_precision()).unwrap();
        let base = BoxedMontyForm::new(s, key.n_params());
        let e = key.e();
        let bits = e.bit_width_vartime();
        let mut z = base.clone();
        for i in (0..bits - 1).rev() {
            z = z.square();
            if e.bit_vartime(i) {
                z = &z * &base;
            }
        }
        z.retrieve().to_be_bytes().into_vec()
    }
}
