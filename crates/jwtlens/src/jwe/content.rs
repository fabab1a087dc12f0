//! Content encryption (RFC 7518 §5): AES-GCM and AES-CBC with HMAC-SHA-2.

use alloc::vec::Vec;

use super::JweError;

/// A content encryption algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Enc {
    A128Gcm,
    A192Gcm,
    A256Gcm,
    A128CbcHs256,
    A192CbcHs384,
    A256CbcHs512,
}

impl Enc {
    pub(super) fn from_name(name: &str) -> Option<Enc> {
        Some(match name {
            "A128GCM" => Enc::A128Gcm,
            "A192GCM" => Enc::A192Gcm,
            "A256GCM" => Enc::A256Gcm,
            "A128CBC-HS256" => Enc::A128CbcHs256,
            "A192CBC-HS384" => Enc::A192CbcHs384,
            "A256CBC-HS512" => Enc::A256CbcHs512,
            _ => return None,
        })
    }

    /// The registered name (RFC 7518 §5.1).
    pub(super) fn name(self) -> &'static str {
        match self {
            Enc::A128Gcm => "A128GCM",
            Enc::A192Gcm => "A192GCM",
            Enc::A256Gcm => "A256GCM",
            Enc::A128CbcHs256 => "A128CBC-HS256",
            Enc::A192CbcHs384 => "A192CBC-HS384",
            Enc::A256CbcHs512 => "A256CBC-HS512",
        }
    }

    /// The CEK's length in bytes.
    pub(super) fn key_len(self) -> usize {
        match self {
            Enc::A128Gcm => 16,
            Enc::A192Gcm => 24,
            Enc::A256Gcm | Enc::A128CbcHs256 => 32,
            Enc::A192CbcHs384 => 48,
            Enc::A256CbcHs512 => 64,
        }
    }

    pub(super) fn decrypt(
        self,
        cek: &[u8],
        iv: &[u8],
        ciphertext: &[u8],
        aad: &[u8],
        tag: &[u8],
    ) -> Result<Vec<u8>, JweError> {
        if cek.len() != self.key_len() {
            return Err(JweError::Decryption);
        }
        match self {
            Enc::A128Gcm => gcm::<aes_gcm::Aes128Gcm>(cek, iv, ciphertext, aad, tag),
            Enc::A192Gcm => {
                gcm::<aes_gcm::AesGcm<aes::Aes192, aes_gcm::aead::consts::U12>>(cek, iv, ciphertext, aad, tag)
            }
            Enc::A256Gcm => gcm::<aes_gcm::Aes256Gcm>(cek, iv, ciphertext, aad, tag),
            Enc::A128CbcHs256 => cbc_hs::<aes::Aes128, hmac::Hmac<sha2::Sha256>>(cek, iv, ciphertext, aad, tag),
            Enc::A192CbcHs384 => cbc_hs::<aes::Aes192, hmac::Hmac<sha2::Sha384>>(cek, iv, ciphertext, aad, tag),
            Enc::A256CbcHs512 => cbc_hs::<aes::Aes256, hmac::Hmac<sha2::Sha512>>(cek, iv, ciphertext, aad, tag),
        }
    }
}

/// RFC 7518 §5.3: AES GCM with a 96-bit IV and a 128-bit tag (the tag checked in constant time by `aes-gcm`).
fn gcm<A>(key: &[u8], iv: &[u8], ciphertext: &[u8], aad: &[u8], tag: &[u8]) -> Result<Vec<u8>, JweError>
where
    A: aes_gcm::aead::Aead + aes_gcm::aead::KeyInit,
{
    use aes_gcm::aead::Payload;
    if iv.len() != 12 || tag.len() != 16 {
        return Err(JweError::Decryption);
    }
    let cipher = A::new_from_slice(key).map_err(|_| JweError::Decryption)?;
    let mut msg = Vec::with_capacity(ciphertext.len() + 16);
    msg.extend_from_slice(ciphertext);
    msg.extend_from_slice(tag);
    // aes-gcm 0.10's nonce type is generic-array 0.14's, whose from_slice is marked deprecated
    // in favour of generic-array 1.x, which aes-gcm 0.10 does not use.
    #[allow(deprecated)]
    let nonce = aes_gcm::aead::generic_array::GenericArray::from_slice(iv);
    cipher.decrypt(nonce, Payload { msg: &msg, aad }).map_err(|_| JweError::Decryption)
}

/// RFC 7518 §5.2.2.2: "The integrity and authenticity of A and E are checked by
/// computing an HMAC with the inputs as in Step 5 of Section 5.2.2.1. The value T,
/// from the previous step, is compared to the first MAC_KEY length bits of the HMAC
/// output. If those values are the same, then A and E are considered valid, and
/// processing is continued. Otherwise, all of the data used in the MAC validation
/// are discarded, and the authenticated decryption operation returns an indication
/// that it failed".
fn cbc_hs<C, M>(cek: &[u8], iv: &[u8], ciphertext: &[u8], aad: &[u8], tag: &[u8]) -> Result<Vec<u8>, JweError>
where
    C: aes::cipher::BlockDecryptMut + aes::cipher::BlockCipher + aes::cipher::KeyInit,
    M: hmac::Mac + hmac::digest::KeyInit,
{
    use aes::cipher::{block_padding::Pkcs7, BlockDecryptMut as _, KeyIvInit as _};
    let half = cek.len() / 2;
    let (mac_key, enc_key) = cek.split_at(half);
    if iv.len() != 16 || tag.len() != half {
        return Err(JweError::Decryption);
    }
    let mut mac = <M as hmac::digest::KeyInit>::new_from_slice(mac_key).map_err(|_| JweError::Decryption)?;
    mac.update(aad);
    mac.update(iv);
    mac.update(ciphertext);
    mac.update(&((aad.len() as u64) * 8).to_be_bytes());
    // Constant time, on the leftmost bytes (T is the first half of the HMAC output).
    mac.verify_truncated_left(tag).map_err(|_| JweError::Decryption)?;
    let dec = cbc::Decryptor::<C>::new_from_slices(enc_key, iv).map_err(|_| JweError::Decryption)?;
    let mut buf = ciphertext.to_vec();
    let n = dec.decrypt_padded_mut::<Pkcs7>(&mut buf).map_err(|_| JweError::Decryption)?.len();
    buf.truncate(n);
    Ok(buf)
}

#[cfg(test)]
pub(super) fn kat(enc: &str, k: &[u8], iv: &[u8], e: &[u8], a: &[u8], t: &[u8]) -> Result<Vec<u8>, JweError> {
    Enc::from_name(enc).ok_or(JweError::Decryption)?.decrypt(k, iv, e, a, t)
}

impl Enc {
    /// The IV length RFC 7518 gives each algorithm (§5.2.2.1: 128 bits; §5.3: 96 bits).
    pub(super) fn iv_len(self) -> usize {
        match self {
            Enc::A128Gcm | Enc::A192Gcm | Enc::A256Gcm => 12,
            _ => 16,
        }
    }

    /// Encrypt `plaintext` under `cek` and `iv` with `aad`: `(ciphertext, tag)`.
    pub(super) fn encrypt(
        self,
        cek: &[u8],
        iv: &[u8],
        plaintext: &[u8],
        aad: &[u8],
    ) -> Result<(Vec<u8>, Vec<u8>), JweError> {
        let bad = || JweError::Key(alloc::format!("a {}-byte content key and a {}-byte IV", cek.len(), iv.len()));
        if cek.len() != self.key_len() || iv.len() != self.iv_len() {
            return Err(bad());
        }
        match self {
            Enc::A128Gcm => gcm_seal::<aes_gcm::Aes128Gcm>(cek, iv, plaintext, aad),
            Enc::A192Gcm => {
                gcm_seal::<aes_gcm::AesGcm<aes::Aes192, aes_gcm::aead::consts::U12>>(cek, iv, plaintext, aad)
            }
            Enc::A256Gcm => gcm_seal::<aes_gcm::Aes256Gcm>(cek, iv, plaintext, aad),
            Enc::A128CbcHs256 => Ok(cbc_hs_seal::<aes::Aes128, hmac::Hmac<sha2::Sha256>>(cek, iv, plaintext, aad)),
            Enc::A192CbcHs384 => Ok(cbc_hs_seal::<aes::Aes192, hmac::Hmac<sha2::Sha384>>(cek, iv, plaintext, aad)),
            Enc::A256CbcHs512 => Ok(cbc_hs_seal::<aes::Aes256, hmac::Hmac<sha2::Sha512>>(cek, iv, plaintext, aad)),
        }
    }
}

/// RFC 7518 §5.3.1: the ciphertext and a 128-bit tag.
fn gcm_seal<A>(key: &[u8], iv: &[u8], plaintext: &[u8], aad: &[u8]) -> Result<(Vec<u8>, Vec<u8>), JweError>
where
    A: aes_gcm::aead::Aead + aes_gcm::aead::KeyInit,
{
    use aes_gcm::aead::Payload;
    let cipher = A::new_from_slice(key)
        .map_err(|_| JweError::Key(alloc::string::String::from("an AES key of the wrong size")))?;
    #[allow(deprecated)]
    let nonce = aes_gcm::aead::generic_array::GenericArray::from_slice(iv);
    let mut out = cipher
        .encrypt(nonce, Payload { msg: plaintext, aad })
        .map_err(|_| JweError::Unsupported(alloc::string::String::from("a plaintext AES-GCM cannot encrypt")))?;
    let tag = out.split_off(out.len() - 16);
    Ok((out, tag))
}

/// RFC 7518 §5.2.2.1: "E = CBC-PKCS7-ENC(ENC_KEY, P)", then "M = MAC(MAC_KEY, A || IV || E || AL)"
/// and "T = the first T_LEN octets of M".
fn cbc_hs_seal<C, M>(cek: &[u8], iv: &[u8], plaintext: &[u8], aad: &[u8]) -> (Vec<u8>, Vec<u8>)
where
    C: aes::cipher::BlockEncryptMut + aes::cipher::BlockCipher + aes::cipher::KeyInit,
    M: hmac::Mac + hmac::digest::KeyInit,
{
    use aes::cipher::{block_padding::Pkcs7, BlockEncryptMut as _, KeyIvInit as _};
    let half = cek.len() / 2;
    let (mac_key, enc_key) = cek.split_at(half);
    // The lengths were checked by the caller, so neither constructor can fail.
    let Ok(cipher) = cbc::Encryptor::<C>::new_from_slices(enc_key, iv) else { return (Vec::new(), Vec::new()) };
    let ciphertext = cipher.encrypt_padded_vec_mut::<Pkcs7>(plaintext);
    let Ok(mut mac) = <M as hmac::digest::KeyInit>::new_from_slice(mac_key) else { return (Vec::new(), Vec::new()) };
    mac.update(aad);
    mac.update(iv);
    mac.update(&ciphertext);
    mac.update(&((aad.len() as u64) * 8).to_be_bytes());
    let mut tag = mac.finalize().into_bytes().to_vec();
    tag.truncate(half);
    (ciphertext, tag)
}
