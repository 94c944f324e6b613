//! Assembles a PDF as it goes: pages and their content, embedded fonts, link annotations with
//! no border, named destinations, a nested outline, document information and a content-derived
//! /ID. Objects are serialised by `pdf-writer` and written out at once through [`PdfFile`].
//!
//! Why not printpdf: printpdf 0.12.8 without its heavy `text_layout` feature embeds whole font
//! programs (no subsetting, no subset tag) and maps text to glyphs itself; its bookmarks are
//! flat, its /ID and dates are not reproducible, and it holds the whole document in memory.
//! `pdf-writer` (typst's) writes exactly the objects asked for, one at a time.
//!
//! Pages are first [`SetPages`]: their content made and compressed once, in parallel. The same
//! set pages can then go into several PDFs: a chapter of the book is its document's guide.

use super::content::page_content;
use super::file::PdfFile;
use super::fonts::{embed, record, resource, Used};
use super::image::{placeholder, xobject};
use super::outline::write_outline;
use crate::layout::guide::Assets;
use crate::layout::{dest_name, Item, LinkDest, Page};
use flate2::{Compress, Compression, FlushCompress, Status};
use pdf_writer::types::{ActionType, AnnotationType, PageMode};
use pdf_writer::writers::{Annotation, Catalog, DocumentInfo};
use pdf_writer::{Filter, Name, Null, Rect, Ref, Str, TextStr};
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// Where links between documents go.
pub enum Links<'a> {
    /// A stand-alone guide of document `this`: other documents are sibling PDF files.
    Guide { this: &'a str },
    /// The book: every document is inside.
    Book,
}

/// Document information from the frontmatter.
#[derive(Debug, Default)]
pub struct Info {
    pub title: String,
    pub author: Option<String>,
    pub subject: Option<String>,
    pub keywords: Option<String>,
    /// `D:YYYYMMDDHHmmSSZ`, only when `SOURCE_DATE_EPOCH` is set.
    pub date: Option<String>,
}

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

/// A named place on a page, and its bookmark if it has one.
#[derive(Clone)]
pub struct Mark {
    pub name: String,
    /// Height on the page to show from, in PDF's upward units.
    pub top: f32,
    pub outline: Option<(u8, String)>,
}

/// A mark on a page written.
pub struct Anchor {
    pub page: Ref,
    pub mark: Mark,
}

/// A page ready to go into a PDF: its content stream compressed, and what its dictionary, the
/// destinations and the outline need.
pub struct SetPage {
    width: f32,
    height: f32,
    content: Packed,
    links: Vec<(Rect, LinkDest)>,
    marks: Vec<Mark>,
}

/// Pages set for PDF, with the glyphs and images they draw.
pub struct SetPages {
    pages: Vec<SetPage>,
    used: Used,
    images: BTreeSet<String>,
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

/// A page written so far: its content streams and what its dictionary needs at the end.
struct Placed {
    id: Ref,
    width: f32,
    height: f32,
    contents: Vec<Ref>,
    links: Vec<(Rect, LinkDest)>,
}

/// A PDF being written to `W` page by page: each page's content is written as it is added and
/// only what the last steps need (glyphs used, links, anchors) is kept.
pub struct PdfWriter<'a, W: Write> {
    file: PdfFile<W>,
    assets: &'a Assets,
    used: Used,
    /// The image XObjects written, by asset key.
    images: BTreeMap<String, Ref>,
    placed: Vec<Placed>,
    anchors: Vec<Anchor>,
    resources: Ref,
    tree: Ref,
    hasher: blake3::Hasher,
}

impl<'a, W: Write> PdfWriter<'a, W> {
    pub fn new(out: W, assets: &'a Assets) -> io::Result<Self> {
        let mut file = PdfFile::new(out)?;
        let (resources, tree) = (file.alloc(), file.alloc());
        Ok(PdfWriter {
            file,
            assets,
            used: Used::new(),
            images: BTreeMap::new(),
            placed: Vec::new(),
            anchors: Vec::new(),
            resources,
            tree,
            hasher: blake3::Hasher::new(),
        })
    }

    /// Adds `pages` after those added before.
    pub fn add(&mut self, pages: &SetPages) -> io::Result<()> {
        self.take(pages)?;
        for page in &pages.pages {
            let id = self.file.alloc();
            let content = self.stream(&page.content)?;
            self.anchors.extend(page.marks.iter().map(|mark| Anchor { page: id, mark: mark.clone() }));
            let (width, height, links) = (page.width, page.height, page.links.clone());
            self.placed.push(Placed { id, width, height, contents: vec![content], links });
        }
        Ok(())
    }

    /// Draws each page of `pages` over the page added at the same place of `indices`.
    pub fn overlay(&mut self, indices: &[usize], pages: &SetPages) -> io::Result<()> {
        self.take(pages)?;
        for (&index, page) in indices.iter().zip(&pages.pages) {
            let content = self.stream(&page.content)?;
            if let Some(placed) = self.placed.get_mut(index) {
                placed.contents.push(content);
            }
        }
        Ok(())
    }

    /// Names a place on the page added at `index`.
    pub fn mark(&mut self, index: usize, mark: Mark) {
        if let Some(placed) = self.placed.get(index) {
            self.anchors.push(Anchor { page: placed.id, mark });
        }
    }

    /// The number of pages added so far.
    pub fn page_count(&self) -> usize {
        self.placed.len()
    }

    /// Moves the last `count` pages to the front.
    pub fn move_to_front(&mut self, count: usize) {
        let count = count.min(self.placed.len());
        self.placed.rotate_right(count);
        let front: BTreeSet<Ref> = self.placed[..count].iter().map(|p| p.id).collect();
        let (first, rest): (Vec<Anchor>, Vec<Anchor>) =
            std::mem::take(&mut self.anchors).into_iter().partition(|a| front.contains(&a.page));
        self.anchors = first.into_iter().chain(rest).collect();
    }

    /// Records the glyphs of `pages` and writes the images they draw that are not written yet.
    fn take(&mut self, pages: &SetPages) -> io::Result<()> {
        super::fonts::merge(&mut self.used, &pages.used);
        for key in &pages.images {
            if !self.images.contains_key(key) {
                let bytes = self.assets.get(key).map(Vec::as_slice).unwrap_or_default();
                let id = match xobject(&mut self.file, bytes)? {
                    Some(id) => id,
                    // Drawn by name in the content already: something must answer to it.
                    None => placeholder(&mut self.file)?,
                };
                self.images.insert(key.clone(), id);
            }
        }
        Ok(())
    }

    /// Writes a content stream.
    fn stream(&mut self, content: &Packed) -> io::Result<Ref> {
        self.hasher.update(&content.bytes);
        let id = self.file.alloc();
        self.file.object(id, |c| {
            content.stream(c, id);
        })?;
        Ok(id)
    }

    /// Writes what only the end can write: fonts, pages, destinations, outline, information.
    pub fn finish(mut self, info: &Info, links: Links) -> io::Result<W> {
        let fonts = embed(&mut self.file, &self.used)?;
        let (resources, images) = (self.resources, &self.images);
        self.file.object(resources, |c| {
            let mut dict = c.indirect(resources).dict();
            {
                let mut font_dict = dict.insert(Name(b"Font")).dict();
                for (&font, &id) in &fonts {
                    font_dict.pair(Name(resource(font).as_bytes()), id);
                }
            }
            let mut xobjects = dict.insert(Name(b"XObject")).dict();
            for (key, &id) in images {
                xobjects.pair(Name(image_name(key).as_bytes()), id);
            }
        })?;
        let mut dests: BTreeMap<&str, (Ref, f32)> = BTreeMap::new();
        for anchor in &self.anchors {
            dests.entry(anchor.mark.name.as_str()).or_insert((anchor.page, anchor.mark.top));
        }
        for placed in &self.placed {
            self.file.object(placed.id, |c| {
                let mut page = c.page(placed.id);
                page.parent(self.tree)
                    .media_box(Rect::new(0.0, 0.0, placed.width, placed.height))
                    .pair(Name(b"Resources"), resources);
                match placed.contents.as_slice() {
                    [one] => page.contents(*one),
                    many => page.contents_array(many.iter().copied()),
                };
                let actions: Vec<(Rect, Action)> = placed
                    .links
                    .iter()
                    .filter_map(|(rect, dest)| Some((*rect, action(&dests, &links, dest)?)))
                    .collect();
                if !actions.is_empty() {
                    let mut annots = page.insert(Name(b"Annots")).array();
                    for (rect, action) in &actions {
                        let mut annot = annots.push().start::<Annotation>();
                        annot.subtype(AnnotationType::Link).rect(*rect).border(0.0, 0.0, 0.0, None);
                        action.write(annot.action());
                    }
                }
            })?;
        }
        let tree = self.tree;
        let kids: Vec<Ref> = self.placed.iter().map(|p| p.id).collect();
        self.file.object(tree, |c| {
            c.pages(tree).kids(kids.iter().copied()).count(kids.len() as i32);
        })?;
        let outline = write_outline(&mut self.file, &self.anchors, &mut self.hasher)?;
        let catalog = self.file.alloc();
        self.file.object(catalog, |c| {
            let mut cat = c.indirect(catalog).start::<Catalog>();
            cat.pages(tree);
            if let Some(outline) = outline {
                cat.outlines(outline).page_mode(PageMode::UseOutlines);
            }
            if !dests.is_empty() {
                let mut names = cat.names();
                let mut tree = names.insert(Name(b"Dests")).dict();
                let mut entries = tree.insert(Name(b"Names")).array();
                for (name, (page, top)) in &dests {
                    entries.item(Str(name.as_bytes()));
                    entries.push().array().item(*page).item(Name(b"XYZ")).item(Null).item(*top).item(Null);
                }
            }
        })?;
        let info_id = self.file.alloc();
        let mut hasher = self.hasher;
        self.file.object(info_id, |c| info_dict(c.indirect(info_id).start::<DocumentInfo>(), info, &mut hasher))?;
        let id: [u8; 16] = hasher.finalize().as_bytes()[..16].try_into().unwrap_or_default();
        self.file.finish(catalog, info_id, id)
    }
}

/// What clicking a link does.
enum Action {
    Uri(String),
    /// A named destination in this file.
    GoTo(String),
    /// Another document's PDF: its file and the destination in it (`None`: its first page).
    GoToR {
        file: String,
        dest: Option<String>,
    },
}

impl Action {
    fn write(&self, mut action: pdf_writer::writers::Action) {
        match self {
            Action::Uri(uri) => {
                action.action_type(ActionType::Uri).uri(Str(uri.as_bytes()));
            }
            Action::GoTo(name) => {
                action.action_type(ActionType::GoTo).pair(Name(b"D"), Str(name.as_bytes()));
            }
            Action::GoToR { file, dest } => {
                action.action_type(ActionType::RemoteGoTo).new_window(false);
                action.file_spec().path(Str(file.as_bytes())).unic_file(TextStr(file));
                match dest {
                    Some(name) => {
                        action.pair(Name(b"D"), Str(name.as_bytes()));
                    }
                    None => {
                        action.insert(Name(b"D")).array().item(0).item(Name(b"Fit"));
                    }
                }
            }
        }
    }
}

/// The action of a link, or `None` when it goes nowhere.
fn action(dests: &BTreeMap<&str, (Ref, f32)>, links: &Links, dest: &LinkDest) -> Option<Action> {
    match dest {
        LinkDest::Uri(uri) => Some(Action::Uri(uri.clone())),
        LinkDest::Internal { doc, anchor } => {
            let here = match links {
                Links::Book => true,
                Links::Guide { this } => this == doc,
            };
            let exact = dest_name(doc, anchor.as_deref());
            if here {
                let name = [exact, dest_name(doc, None)].into_iter().find(|n| dests.contains_key(n.as_str()))?;
                return Some(Action::GoTo(name));
            }
            let Links::Guide { this } = links else { return None };
            Some(Action::GoToR { file: relative_pdf(this, doc), dest: anchor.as_ref().map(|_| exact) })
        }
    }
}

/// The path of document `to`'s PDF relative to the folder of document `from`'s PDF.
fn relative_pdf(from: &str, to: &str) -> String {
    let from_dir: Vec<&str> = from.split('/').collect::<Vec<_>>()[..from.matches('/').count()].to_vec();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dir.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from_dir.len() - common];
    parts.extend(&to_parts[common..]);
    format!("{}.pdf", parts.join("/"))
}

fn info_dict(mut dict: DocumentInfo, info: &Info, hasher: &mut blake3::Hasher) {
    dict.title(TextStr(&info.title))
        .creator(TextStr("folio"))
        .producer(TextStr(concat!("folio ", env!("CARGO_PKG_VERSION"))));
    hasher.update(info.title.as_bytes());
    let optional = [(&b"Author"[..], &info.author), (b"Subject", &info.subject), (b"Keywords", &info.keywords)];
    for (key, value) in optional {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            hasher.update(value.as_bytes());
            dict.pair(Name(key), TextStr(value));
        }
    }
    if let Some(date) = &info.date {
        hasher.update(date.as_bytes());
        dict.pair(Name(b"CreationDate"), Str(date.as_bytes()));
        dict.pair(Name(b"ModDate"), Str(date.as_bytes()));
    }
}

#[cfg(test)]
mod tests {
    use super::relative_pdf;

    #[test]
    fn sibling_pdfs_are_found_relative_to_each_other() {
        assert_eq!(relative_pdf("ladder/management/vp", "ladder/management/cto"), "cto.pdf");
        assert_eq!(relative_pdf("ladder/management/vp", "ladder/overview"), "../overview.pdf");
        assert_eq!(relative_pdf("top", "ladder/ic/senior"), "ladder/ic/senior.pdf");
    }
}
