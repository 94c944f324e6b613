//! Assembles a PDF with lopdf: pages and their content, embedded fonts, link annotations with no
//! border, named destinations, a nested outline, document information and a content-derived /ID.
//!
//! Why lopdf and not printpdf: printpdf 0.12.8 without its heavy `text_layout` feature embeds
//! whole font programs (no subsetting, no subset tag) and maps text to glyphs itself; its
//! bookmarks are flat and its /ID and dates are not reproducible. Every one of those objects
//! would have to be rewritten in a lopdf pass anyway, so they are written with lopdf directly.

use super::content::page_content;
use super::fonts::{embed, record, resource, text_string, Used};
use super::hash::Hasher;
use super::image::xobject;
use super::outline::write_outline;
use crate::layout::book::PageSink;
use crate::layout::guide::Assets;
use crate::layout::{dest_name, Item, LinkDest, Page};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};
use rayon::prelude::*;
use std::collections::BTreeMap;

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

/// Writes pages into PDF bytes.
pub fn write_pdf(pages: &[Page], info: &Info, assets: &Assets, links: Links) -> Result<Vec<u8>, String> {
    let mut writer = PdfWriter::new(assets);
    writer.add(pages);
    writer.finish(info, links)
}

/// A named place on a page, and its bookmark if it has one.
pub struct Anchor {
    pub page: ObjectId,
    /// Height on the page to show from, in PDF's upward units.
    pub top: f32,
    pub name: String,
    pub outline: Option<(u8, String)>,
}

/// A page written so far: its content streams and what its dictionary needs at the end.
struct Placed {
    id: ObjectId,
    width: f32,
    height: f32,
    contents: Vec<ObjectId>,
    links: Vec<([f32; 4], LinkDest)>,
}

/// A PDF assembled page by page: each page's content is compressed as it is added and only
/// what the last steps need (glyphs used, links, anchors) is kept, so a book of thousands of
/// pages is never held as laid-out pages.
pub struct PdfWriter<'a> {
    doc: Document,
    assets: &'a Assets,
    used: Used,
    /// Resource name of each image key drawn, and the image objects by name.
    images: BTreeMap<String, String>,
    image_resources: Dictionary,
    placed: Vec<Placed>,
    anchors: Vec<Anchor>,
    resources: ObjectId,
    tree: ObjectId,
    hasher: Hasher,
}

impl<'a> PdfWriter<'a> {
    pub fn new(assets: &'a Assets) -> Self {
        let mut doc = Document::with_version("1.7");
        let (resources, tree) = (doc.new_object_id(), doc.new_object_id());
        PdfWriter {
            doc,
            assets,
            used: Used::new(),
            images: BTreeMap::new(),
            image_resources: Dictionary::new(),
            placed: Vec::new(),
            anchors: Vec::new(),
            resources,
            tree,
            hasher: Hasher::default(),
        }
    }

    /// Adds `pages` after those added before.
    pub fn add(&mut self, pages: &[Page]) {
        let streams = self.streams(pages);
        for (page, content) in pages.iter().zip(streams) {
            let id = self.doc.new_object_id();
            let mut links = Vec::new();
            for item in &page.items {
                match item {
                    Item::Link { x, y, w, h, dest } => {
                        links.push(([*x, page.height - y - h, x + w, page.height - y], dest.clone()))
                    }
                    Item::Anchor { name, y, outline } => {
                        let (name, outline) = (name.clone(), outline.clone());
                        self.anchors.push(Anchor { page: id, top: page.height - y + 4.0, name, outline });
                    }
                    _ => {}
                }
            }
            let (width, height) = (page.width, page.height);
            self.placed.push(Placed { id, width, height, contents: vec![content], links });
        }
    }

    /// Content stream objects of `pages`, made and compressed in parallel, added in order.
    fn streams(&mut self, pages: &[Page]) -> Vec<ObjectId> {
        for item in pages.iter().flat_map(|p| &p.items) {
            match item {
                Item::Text(run) => record(&mut self.used, run),
                Item::Image { key, .. } if !self.images.contains_key(key) => {
                    let object = self.assets.get(key).and_then(|bytes| xobject(&mut self.doc, bytes));
                    if let Some(object) = object {
                        let name = format!("Im{}", self.images.len() + 1);
                        self.image_resources.set(name.as_bytes(), object);
                        self.images.insert(key.clone(), name);
                    }
                }
                _ => {}
            }
        }
        let images = &self.images;
        let streams: Vec<Stream> =
            pages.par_iter().map(|page| deflated(dictionary! {}, page_content(page, images))).collect();
        streams
            .into_iter()
            .map(|stream| {
                self.hasher.write(&stream.content);
                self.doc.add_object(stream)
            })
            .collect()
    }

    /// The PDF's bytes.
    pub fn finish(mut self, info: &Info, links: Links) -> Result<Vec<u8>, String> {
        let fonts = embed(&mut self.doc, &self.used)?;
        let mut font_resources = Dictionary::new();
        for (&font, &object) in &fonts {
            font_resources.set(resource(font).as_bytes(), object);
        }
        let image_resources = std::mem::take(&mut self.image_resources);
        let resources = dictionary! { "Font" => font_resources, "XObject" => image_resources };
        self.doc.objects.insert(self.resources, Object::Dictionary(resources));
        let mut dests = BTreeMap::new();
        for anchor in &self.anchors {
            dests.entry(anchor.name.clone()).or_insert_with(|| xyz(anchor.page, anchor.top));
        }
        for placed in &self.placed {
            let annots: Vec<Object> = placed
                .links
                .iter()
                .filter_map(|(rect, dest)| {
                    link(&dests, &links, dest).map(|action| {
                        Object::Dictionary(dictionary! {
                            "Type" => "Annot",
                            "Subtype" => "Link",
                            "Rect" => rect.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
                            "Border" => vec![0.into(), 0.into(), 0.into()],
                            "A" => action,
                        })
                    })
                })
                .collect();
            let contents: Object = match placed.contents.as_slice() {
                [one] => (*one).into(),
                many => many.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>().into(),
            };
            let mut dict = dictionary! {
                "Type" => "Page",
                "Parent" => self.tree,
                "MediaBox" => vec![0.into(), 0.into(), Object::Real(placed.width), Object::Real(placed.height)],
                "Resources" => self.resources,
                "Contents" => contents,
            };
            if !annots.is_empty() {
                dict.set("Annots", annots);
            }
            self.doc.objects.insert(placed.id, Object::Dictionary(dict));
        }
        self.doc.objects.insert(
            self.tree,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => self.placed.iter().map(|p| Object::Reference(p.id)).collect::<Vec<_>>(),
                "Count" => self.placed.len() as i64,
            }),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => self.tree };
        let names: Vec<Object> = dests.iter().flat_map(|(name, d)| [text_string(name), d.clone()]).collect();
        if !names.is_empty() {
            catalog.set("Names", dictionary! { "Dests" => dictionary! { "Names" => names } });
        }
        if let Some(outline) = write_outline(&mut self.doc, &self.anchors, &mut self.hasher) {
            catalog.set("Outlines", outline);
            catalog.set("PageMode", "UseOutlines");
        }
        let catalog = self.doc.add_object(catalog);
        let info = info_dict(info, &mut self.hasher);
        let info = self.doc.add_object(info);
        self.doc.trailer.set("Root", catalog);
        self.doc.trailer.set("Info", info);
        let id = Object::String(self.hasher.finish().to_vec(), StringFormat::Hexadecimal);
        self.doc.trailer.set("ID", vec![id.clone(), id]);
        let mut bytes = Vec::new();
        self.doc.save_to(&mut bytes).map_err(|e| e.to_string())?;
        Ok(bytes)
    }
}

impl PageSink for PdfWriter<'_> {
    fn append(&mut self, pages: Vec<Page>) {
        self.add(&pages);
    }

    fn move_to_front(&mut self, count: usize) {
        let count = count.min(self.placed.len());
        self.placed.rotate_right(count);
        let ids: Vec<ObjectId> = self.placed[..count].iter().map(|p| p.id).collect();
        let (front, rest): (Vec<Anchor>, Vec<Anchor>) =
            std::mem::take(&mut self.anchors).into_iter().partition(|a| ids.contains(&a.page));
        self.anchors = front.into_iter().chain(rest).collect();
    }

    fn overlay(&mut self, overlays: Vec<(usize, Page)>) {
        let (indices, pages): (Vec<usize>, Vec<Page>) = overlays.into_iter().unzip();
        let streams = self.streams(&pages);
        for (index, content) in indices.into_iter().zip(streams) {
            if let Some(placed) = self.placed.get_mut(index) {
                placed.contents.push(content);
            }
        }
    }
}

/// A stream compressed with Flate. Level 2 costs a fifth less time than level 6 for files about
/// 7 % larger (measured on the 1,000-page benchmark tree); compression is a large part of the
/// writing time.
pub fn deflated(mut dict: Dictionary, bytes: Vec<u8>) -> Stream {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
    let packed = std::io::Write::write_all(&mut encoder, &bytes).and_then(|()| encoder.finish());
    match packed {
        Ok(packed) => {
            dict.set("Filter", "FlateDecode");
            Stream::new(dict, packed).with_compression(false)
        }
        Err(_) => Stream::new(dict, bytes),
    }
}

/// A destination showing `page` from height `top`.
pub fn xyz(page: ObjectId, top: f32) -> Object {
    Object::Array(vec![page.into(), "XYZ".into(), Object::Null, Object::Real(top.min(100_000.0)), Object::Null])
}

/// The action of a link, or `None` when it goes nowhere.
fn link(dests: &BTreeMap<String, Object>, links: &Links, dest: &LinkDest) -> Option<Dictionary> {
    match dest {
        LinkDest::Uri(uri) => {
            Some(dictionary! { "S" => "URI", "URI" => Object::String(uri.as_bytes().to_vec(), StringFormat::Literal) })
        }
        LinkDest::Internal { doc, anchor } => {
            let here = match links {
                Links::Book => true,
                Links::Guide { this } => this == doc,
            };
            let exact = dest_name(doc, anchor.as_deref());
            if here {
                let name = [exact, dest_name(doc, None)].into_iter().find(|n| dests.contains_key(n))?;
                return Some(dictionary! { "S" => "GoTo", "D" => text_string(&name) });
            }
            let Links::Guide { this } = links else { return None };
            let file = relative_pdf(this, doc);
            let target = match anchor {
                Some(_) => text_string(&exact),
                None => Object::Array(vec![0.into(), "Fit".into()]),
            };
            Some(dictionary! {
                "S" => "GoToR",
                "F" => dictionary! { "Type" => "Filespec", "F" => text_string(&file), "UF" => text_string(&file) },
                "D" => target,
                "NewWindow" => false,
            })
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

fn info_dict(info: &Info, hasher: &mut Hasher) -> Dictionary {
    let mut dict = dictionary! {
        "Title" => text_string(&info.title),
        "Creator" => text_string("folio"),
        "Producer" => text_string(concat!("folio ", env!("CARGO_PKG_VERSION"))),
    };
    hasher.write(info.title.as_bytes());
    let optional = [("Author", &info.author), ("Subject", &info.subject), ("Keywords", &info.keywords)];
    for (key, value) in optional {
        if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
            hasher.write(value.as_bytes());
            dict.set(key, text_string(value));
        }
    }
    if let Some(date) = &info.date {
        hasher.write(date.as_bytes());
        dict.set("CreationDate", Object::string_literal(date.as_str()));
        dict.set("ModDate", Object::string_literal(date.as_str()));
    }
    dict
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
