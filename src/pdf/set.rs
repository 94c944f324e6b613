//! Pages made ready for PDF: each page's content stream made and compressed, in parallel, with
//! what its dictionary, the destinations and the outline will need. The same set pages can go
//! into several PDFs: a chapter of the book is also its document's guide.

use super::content::page_content;
use super::fonts::{record, Used};
use super::writer::Mark;
use crate::layout::{Item, LinkDest, Page};
use flate2::{Compress, Compression, FlushCompress, Status};
use pdf_writer::{Filter, Rect, Ref};
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeSet;

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

    /// Starts stream object `id` in `chunk` with this data and its filter.
    pub fn stream<'c>(&'c self, chunk: &'c mut pdf_writer::Chunk, id: Ref) -> pdf_writer::Stream<'c> {
        let mut stream = chunk.stream(id, &self.bytes);
        if self.deflated {
            stream.filter(Filter::FlateDecode);
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

/// A page ready to go into a PDF: its content stream compressed, and what its dictionary, the
/// destinations and the outline need.
pub struct SetPage {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) content: Packed,
    pub(super) links: Vec<(Rect, LinkDest)>,
    pub(super) marks: Vec<Mark>,
}

/// Pages set for PDF, with the glyphs and images they draw.
pub struct SetPages {
    pub(super) pages: Vec<SetPage>,
    pub(super) used: Used,
    pub(super) images: BTreeSet<String>,
}

impl SetPages {
    /// Makes and compresses the content of `pages`, in parallel.
    pub fn new(pages: &[Page]) -> SetPages {
        let mut used = Used::new();
        let mut images = BTreeSet::new();
        for item in pages.iter().flat_map(|p| &p.items) {
            match item {
                Item::Text(run) => record(&mut used, run),
                Item::Image { key, .. } => {
                    images.insert(key.clone());
                }
                _ => {}
            }
        }
        let pages = pages.par_iter().map(set_page).collect();
        SetPages { pages, used, images }
    }
}

fn set_page(page: &Page) -> SetPage {
    let mut links = Vec::new();
    let mut marks = Vec::new();
    for item in &page.items {
        match item {
            Item::Link { x, y, w, h, dest } => {
                links.push((Rect::new(*x, page.height - y - h, x + w, page.height - y), dest.clone()));
            }
            Item::Anchor { name, y, outline } => {
                marks.push(Mark { name: name.clone(), top: page.height - y + 4.0, outline: outline.clone() })
            }
            _ => {}
        }
    }
    let content = Packed::new(page_content(page, image_name));
    SetPage { width: page.width, height: page.height, content, links, marks }
}

/// The resource name of the image with asset key `key`: the same in every PDF, so that a set
/// page can go into any of them.
pub fn image_name(key: &str) -> String {
    let hash = blake3::hash(key.as_bytes());
    let hex: String = hash.as_bytes()[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("Im{hex}")
}
