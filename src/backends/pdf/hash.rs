//! A small, stable 128-bit FNV-1a hash for the document /ID and subset tags: the same bytes give
//! the same value in every process and on every platform.

/// FNV-1a over two 64-bit lanes with different offsets.
pub struct Hasher {
    a: u64,
    b: u64,
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher { a: 0xcbf2_9ce4_8422_2325, b: 0x6c62_272e_07bb_0142 }
    }
}

impl Hasher {
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.a = (self.a ^ u64::from(byte)).wrapping_mul(Self::PRIME);
            self.b = (self.b ^ u64::from(byte.rotate_left(3))).wrapping_mul(Self::PRIME);
        }
    }

    pub fn finish64(&self) -> u64 {
        self.a
    }

    /// All 16 bytes.
    pub fn finish(&self) -> [u8; 16] {
        let mut out = [0; 16];
        out[..8].copy_from_slice(&self.a.to_be_bytes());
        out[8..].copy_from_slice(&self.b.to_be_bytes());
        out
    }
}
