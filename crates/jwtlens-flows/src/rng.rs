//! The simulation's randomness: SHA-256 in counter mode over a seed, so a
//! run is the same on every machine and in every face.

use rand_core::RngCore;
use sha2::{Digest, Sha256};

/// A deterministic generator: block `i` is SHA-256(seed ‖ i).
///
/// It stands in for a server's CSPRNG so that runs can be replayed and
/// tested; it is not a source of secrets, so it is not a `CryptoRng`: the
/// simulation signs its HS256 tokens with `jwtlens::sign::sign_hmac`, which
/// draws no randomness.
#[derive(Debug, Clone)]
pub(crate) struct SimRng {
    seed: u64,
    counter: u64,
    block: [u8; 32],
    used: usize,
}

impl SimRng {
    /// A generator for `seed`.
    pub(crate) fn new(seed: u64) -> SimRng {
        SimRng { seed, counter: 0, block: [0; 32], used: 32 }
    }
}

impl RngCore for SimRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for byte in dest {
            if self.used == self.block.len() {
                let mut h = Sha256::new();
                h.update(self.seed.to_le_bytes());
                h.update(self.counter.to_le_bytes());
                self.block = h.finalize().into();
                self.counter += 1;
                self.used = 0;
            }
            *byte = self.block.get(self.used).copied().unwrap_or(0);
            self.used += 1;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::SimRng;
    use rand_core::RngCore;

    #[test]
    fn same_seed_same_stream_other_seed_other_stream() {
        let (mut a, mut b) = (SimRng::new(7), SimRng::new(7));
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(a.next_u64(), SimRng::new(8).next_u64());
    }
}
