//! Pages made ready for PDF: each page's content stream made and compressed, in parallel, with
//! what its dictionary, the destinations and the outline will need. The same set pages can go
//! into several PDFs: a chapter of the book is also its document's guide.

use super::content::page_content;
use super::fonts::{record, Used};
use super::mark::Mark;
use super::pack::Packed;
use crate::layout::{Item, LinkDest, Page};
use pdf_writer::Rect;
use rayon::prelude::*;
use std::collections::BTreeSet;

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
