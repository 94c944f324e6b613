//! The file identifier (/ID) of a PDF: a hash of what the file shows (its page contents, outline
//! titles and document information), so the same input gives the same identifier. The content
//! comes a page stream at a time, a few KB each; BLAKE3 hashes whole chunks side by side only
//! when it is handed many at once, so the pieces are gathered first.

/// The identifier's hash being made.
pub struct FileId {
    hasher: blake3::Hasher,
    pending: Vec<u8>,
}

/// How much is gathered before it is hashed.
const GATHER: usize = 1 << 16;

impl FileId {
    pub fn new() -> FileId {
        FileId { hasher: blake3::Hasher::new(), pending: Vec::with_capacity(GATHER) }
    }

    /// Adds `bytes` to what the identifier is made of.
    pub fn update(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= GATHER {
            self.hasher.update(&self.pending);
            self.pending.clear();
        }
    }

    /// The identifier: the first 16 bytes of the hash.
    pub fn finish(mut self) -> [u8; 16] {
        self.hasher.update(&self.pending);
        let hash = self.hasher.finalize();
        let mut id = [0; 16];
        id.copy_from_slice(&hash.as_bytes()[..16]);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_is_the_hash_of_all_the_pieces_however_they_come() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut id = FileId::new();
        for piece in data.chunks(1_500) {
            id.update(piece);
        }
        assert_eq!(id.finish()[..], blake3::hash(&data).as_bytes()[..16]);
    }
}
