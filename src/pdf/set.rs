//! Pages made ready for PDF: each page's content stream made and compressed, in parallel, with
//! what its dictionary, the destinations, the outline and the structure tree will need. The same
//! set pages can go into several PDFs: a chapter of the book is also its document's guide.

use super::content::page_content;
use super::fonts::{record, Used};
use super::mark::Mark;
use super::pack::Packed;
use crate::layout::{Item, LinkDest, Page, Tag, Tree};
use pdf_writer::Rect;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// A page ready to go into a PDF: its content stream compressed, and what its dictionary, the
/// destinations and the outline need.
pub struct SetPage {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) content: Packed,
    /// The structure node of each MCID of the content, in order.
    pub(super) mcids: Vec<Tag>,
    pub(super) links: Vec<SetLink>,
    pub(super) marks: Vec<Mark>,
}

/// A link area of a page: where it is, where it goes, its link node and the text it shows.
pub struct SetLink {
    pub(super) rect: Rect,
    pub(super) dest: LinkDest,
    pub(super) tag: Tag,
    pub(super) text: String,
}

/// Pages set for PDF, with the glyphs and images they draw and the structure they are tagged with.
pub struct SetPages {
    pub(super) pages: Vec<SetPage>,
    pub(super) tree: Tree,
    pub(super) used: Used,
    pub(super) images: BTreeSet<String>,
}

impl SetPages {
    /// Makes and compresses the content of `pages`, tagged with `tree`, in parallel.
    pub fn new(pages: &[Page], tree: Tree) -> SetPages {
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
        let pages = pages.par_iter().map(|page| set_page(page, &tree)).collect();
        SetPages { pages, tree, used, images }
    }
}

fn set_page(page: &Page, tree: &Tree) -> SetPage {
    let mut links = Vec::new();
    let mut marks = Vec::new();
    for item in &page.items {
        match item {
            Item::Link { x, y, w, h, dest, tag } => {
                let rect = Rect::new(*x, page.height - y - h, x + w, page.height - y);
                links.push(SetLink { rect, dest: dest.clone(), tag: *tag, text: String::new() });
            }
            Item::Anchor { name, y, outline } => {
                marks.push(Mark { name: name.clone(), top: page.height - y + 4.0, outline: outline.clone() })
            }
            _ => {}
        }
    }
    link_texts(page, &mut links);
    let (content, mcids) = page_content(page, tree, image_name);
    let content = Packed::new(content);
    SetPage { width: page.width, height: page.height, content, mcids, links, marks }
}

/// Gives each link of a page the text its node shows there, for the annotation's description.
fn link_texts(page: &Page, links: &mut [SetLink]) {
    let mut texts: BTreeMap<Tag, String> = links.iter().map(|link| (link.tag, String::new())).collect();
    for item in &page.items {
        if let Item::Text(run) = item {
            if let Some(text) = texts.get_mut(&run.tag).filter(|_| run.tag != Tag::ARTIFACT) {
                text.push_str(&run.text);
            }
        }
    }
    for link in links {
        link.text = texts.get(&link.tag).map(|t| t.trim().to_string()).unwrap_or_default();
    }
}

/// The resource name of the image with asset key `key`: the same in every PDF, so that a set
/// page can go into any of them.
pub fn image_name(key: &str) -> String {
    let hash = blake3::hash(key.as_bytes());
    let hex: String = hash.as_bytes()[..6].iter().map(|b| format!("{b:02x}")).collect();
    format!("Im{hex}")
}
