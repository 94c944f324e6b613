//! Assembles a PDF with lopdf: pages and their content, embedded fonts, link annotations with no
//! border, named destinations, a nested outline, document information and a content-derived /ID.
//!
//! Why lopdf and not printpdf: printpdf 0.12.8 without its heavy `text_layout` feature embeds
//! whole font programs (no subsetting, no subset tag) and maps text to glyphs itself; its
//! bookmarks are flat and its /ID and dates are not reproducible. Every one of those objects
//! would have to be rewritten in a lopdf pass anyway, so they are written with lopdf directly.

use super::content::page_content;
use super::fonts::{embed, text_string};
use super::hash::Hasher;
use super::image::embed_images;
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
    let mut doc = Document::with_version("1.7");
    let mut hasher = Hasher::default();
    let fonts = embed(&mut doc, pages)?;
    let mut font_resources = Dictionary::new();
    for font in fonts.values() {
        font_resources.set(font.resource.as_bytes(), font.object);
    }
    let images = embed_images(&mut doc, pages, assets);
    let mut image_resources = Dictionary::new();
    for (name, id) in images.values() {
        image_resources.set(name.as_bytes(), *id);
    }
    let image_names: BTreeMap<String, String> = images.into_iter().map(|(key, (name, _))| (key, name)).collect();
    let resources = doc.add_object(dictionary! { "Font" => font_resources, "XObject" => image_resources });
    let pages_id = doc.new_object_id();
    let page_ids: Vec<ObjectId> = pages.iter().map(|_| doc.new_object_id()).collect();
    let dests = destinations(pages, &page_ids);
    // Content streams are the bulk of the work on a long document: made in parallel, added in order.
    let contents: Vec<Stream> =
        pages.par_iter().map(|page| deflated(dictionary! {}, page_content(page, &fonts, &image_names))).collect();
    for ((page, &id), content) in pages.iter().zip(&page_ids).zip(contents) {
        hasher.write(&content.content);
        let content = doc.add_object(content);
        let annots: Vec<Object> = page
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Link { x, y, w, h, dest } => link(&dests, &links, dest).map(|action| {
                    let rect = [*x, page.height - y - h, x + w, page.height - y];
                    Object::Dictionary(dictionary! {
                        "Type" => "Annot",
                        "Subtype" => "Link",
                        "Rect" => rect.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
                        "Border" => vec![0.into(), 0.into(), 0.into()],
                        "A" => action,
                    })
                }),
                _ => None,
            })
            .collect();
        let mut dict = dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(page.width), Object::Real(page.height)],
            "Resources" => resources,
            "Contents" => content,
        };
        if !annots.is_empty() {
            dict.set("Annots", annots);
        }
        doc.objects.insert(id, Object::Dictionary(dict));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => page_ids.iter().map(|&id| Object::Reference(id)).collect::<Vec<_>>(),
            "Count" => page_ids.len() as i64,
        }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    let names: Vec<Object> = dests.iter().flat_map(|(name, d)| [text_string(name), d.clone()]).collect();
    if !names.is_empty() {
        catalog.set("Names", dictionary! { "Dests" => dictionary! { "Names" => names } });
    }
    if let Some(outline) = super::outline::write_outline(&mut doc, pages, &page_ids, &mut hasher) {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    let catalog = doc.add_object(catalog);
    let info = info_dict(info, &mut hasher);
    let info = doc.add_object(info);
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let id = Object::String(hasher.finish().to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes)
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

/// Every anchor as a named destination (the first of equal names wins), sorted by name.
fn destinations(pages: &[Page], page_ids: &[ObjectId]) -> BTreeMap<String, Object> {
    let mut dests = BTreeMap::new();
    for (page, &id) in pages.iter().zip(page_ids) {
        for item in &page.items {
            if let Item::Anchor { name, y, .. } = item {
                dests.entry(name.clone()).or_insert_with(|| xyz(id, page.height - y + 4.0));
            }
        }
    }
    dests
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
