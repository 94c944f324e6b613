//! Assembles a PDF as it goes: pages and their content, embedded fonts, link annotations with
//! no border, named destinations, a nested outline, the structure tree of a tagged PDF
//! ([`super::tags`]), document information ([`super::info`]) with its XMP metadata ([`super::xmp`]) and a
//! content-derived /ID, and for PDF/A the output intent with its sRGB profile ([`super::icc`]).
//! Objects are serialised by `pdf-writer` and written out at once through [`PdfFile`]; what
//! stays until the end is a few numbers a page and the named places.
//!
//! Why not printpdf: printpdf 0.12.8 without its heavy `text_layout` feature embeds whole font
//! programs (no subsetting, no subset tag) and maps text to glyphs itself; its bookmarks are
//! flat, its /ID and dates are not reproducible, and it holds the whole document in memory.
//! `pdf-writer` (typst's) writes exactly the objects asked for, one at a time.

use super::colour::write_forms;
use super::file::PdfFile;
use super::fonts::{embed, merge, resource, Used};
use super::icc::{write_profile, DESCRIPTION};
use super::id::FileId;
use super::image::{placeholder, xobject};
use super::info::{info_dict, Info};
use super::links::{write_dests, Links};
use super::mark::{Anchor, Mark};
use super::outline::write_outline;
use super::pack::Packed;
use super::set::{image_name, SetLink, SetPages};
use super::svg::form_xobject;
use super::tags::{Part, Structure};
use super::xmp;
use crate::config::Standards;
use crate::layout::{Assets, LinkDest};
use pdf_writer::types::{AnnotationFlags, AnnotationType, OutputIntentSubtype, PageMode, TabOrder};
use pdf_writer::writers::{Catalog, DocumentInfo};
use pdf_writer::{Name, Rect, Ref, TextStr};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// A page written so far: what its dictionary needs at the end.
struct Placed {
    id: Ref,
    width: f32,
    height: f32,
    contents: Vec<Ref>,
    annotations: Vec<Ref>,
    /// The page's key in the parent tree, if it has tagged content.
    key: Option<i32>,
}

/// A PDF being written to `W` page by page: each page's content and link annotations are
/// written as it is added.
pub struct PdfWriter<'a, W: Write> {
    file: PdfFile<W>,
    assets: &'a Assets,
    links: Links<'a>,
    used: Used,
    /// The image XObjects written, by asset key.
    images: BTreeMap<String, Ref>,
    placed: Vec<Placed>,
    anchors: Vec<Anchor>,
    /// Every place in this file a link jumps to, with the one it falls back on.
    wanted: BTreeMap<String, String>,
    resources: Ref,
    /// The font dictionary of the pages' resources and of SVG images' forms.
    fonts: Ref,
    tree: Ref,
    structure: Structure,
    file_id: FileId,
    standards: Standards,
}

impl<'a, W: Write> PdfWriter<'a, W> {
    /// Starts a PDF whose links between documents go as `links` says, that keeps `standards`.
    pub fn new(out: W, assets: &'a Assets, links: Links<'a>, standards: Standards) -> io::Result<Self> {
        let mut file = PdfFile::new(out)?;
        let (resources, fonts, tree) = (file.alloc(), file.alloc(), file.alloc());
        let structure = Structure::new(&mut file);
        Ok(PdfWriter {
            file,
            assets,
            links,
            used: Used::new(),
            images: BTreeMap::new(),
            placed: Vec::new(),
            anchors: Vec::new(),
            wanted: BTreeMap::new(),
            resources,
            fonts,
            tree,
            structure,
            file_id: FileId::new(),
            standards,
        })
    }

    /// Adds `pages` after those added before, with their structure.
    pub fn add(&mut self, pages: &SetPages) -> io::Result<()> {
        self.take(pages)?;
        let mut part = self.structure.part(&pages.tree);
        for page in &pages.pages {
            let id = self.file.alloc();
            let content = self.stream(&page.content)?;
            let key = part.page(&mut self.file, &mut self.structure, id, &page.mcids)?;
            self.anchors.extend(page.marks.iter().map(|mark| Anchor { page: id, mark: mark.clone() }));
            let mut annotations = Vec::with_capacity(page.links.len());
            for link in &page.links {
                annotations.push(self.annotation(&mut part, id, link)?);
            }
            let (width, height) = (page.width, page.height);
            self.placed.push(Placed { id, width, height, contents: vec![content], annotations, key });
        }
        part.finish(&mut self.file, &self.structure)
    }

    /// Writes the annotation of `link` on page `page`, a child of its link element.
    fn annotation(&mut self, part: &mut Part, page: Ref, link: &SetLink) -> io::Result<Ref> {
        let action = self.links.action(&link.dest, &mut self.wanted);
        let annotation = self.file.alloc();
        let key = part.link(&mut self.file, &mut self.structure, (page, annotation), link.tag);
        let contents = match (&link.dest, link.text.is_empty()) {
            (_, false) => link.text.clone(),
            (LinkDest::Uri(uri), true) => uri.clone(),
            (LinkDest::Internal { doc, anchor }, true) => format!("Go to {}", anchor.as_deref().unwrap_or(doc)),
        };
        self.file.object(annotation, |c| {
            let mut annot = c.annotation(annotation);
            annot.subtype(AnnotationType::Link).rect(link.rect).border(0.0, 0.0, 0.0, None);
            annot.contents(TextStr(&contents));
            if self.standards.archive.is_some() {
                annot.flags(AnnotationFlags::PRINT);
            }
            if let Some(key) = key {
                annot.struct_parent(key);
            }
            action.write(annot.action());
        })?;
        Ok(annotation)
    }

    /// Draws each page of `pages` over the page added at the same place of `indices`. Overlays
    /// are decoration (running headers, page numbers): their items must all be artifacts.
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
        self.structure.move_to_front(&front);
        let (first, rest): (Vec<Anchor>, Vec<Anchor>) =
            std::mem::take(&mut self.anchors).into_iter().partition(|a| front.contains(&a.page));
        self.anchors = first.into_iter().chain(rest).collect();
    }

    /// Records the glyphs of `pages` and writes the images they draw that are not written yet.
    fn take(&mut self, pages: &SetPages) -> io::Result<()> {
        merge(&mut self.used, &pages.used);
        for key in &pages.images {
            if !self.images.contains_key(key) {
                let bytes = self.assets.get(key).map(Vec::as_slice).unwrap_or_default();
                let archive = self.standards.archive.is_some();
                let id = match xobject(&mut self.file, bytes, archive)? {
                    Some(id) => id,
                    None => match form_xobject(&mut self.file, bytes, (&mut self.used, self.fonts), archive)? {
                        Some(id) => id,
                        // Drawn by name in the content already: something must answer to it.
                        None => placeholder(&mut self.file)?,
                    },
                };
                self.images.insert(key.clone(), id);
            }
        }
        Ok(())
    }

    /// Writes a content stream.
    fn stream(&mut self, content: &Packed) -> io::Result<Ref> {
        self.file_id.update(content.bytes());
        let id = self.file.alloc();
        self.file.object(id, |c| {
            content.stream(c, id);
        })?;
        Ok(id)
    }

    /// Writes what only the end can write: fonts, pages, destinations, outline, information.
    pub fn finish(mut self, info: &Info) -> io::Result<W> {
        let fonts = embed(&mut self.file, &self.used, self.standards.archive)?;
        let colour_glyphs = write_forms(&mut self.file, &self.used, self.standards.archive.is_some())?;
        let (resources, images, font_dict) = (self.resources, &self.images, self.fonts);
        self.file.object(font_dict, |c| {
            let mut dict = c.indirect(font_dict).dict();
            for (&font, &id) in &fonts {
                dict.pair(Name(resource(font).as_bytes()), id);
            }
        })?;
        self.file.object(resources, |c| {
            let mut dict = c.indirect(resources).dict();
            dict.pair(Name(b"Font"), font_dict);
            let mut xobjects = dict.insert(Name(b"XObject")).dict();
            for (key, &id) in images {
                xobjects.pair(Name(image_name(key).as_bytes()), id);
            }
            for (name, id) in &colour_glyphs {
                xobjects.pair(Name(name.as_bytes()), *id);
            }
        })?;
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
                if !placed.annotations.is_empty() {
                    page.annotations(placed.annotations.iter().copied());
                    page.tab_order(TabOrder::StructureOrder);
                }
                if let Some(key) = placed.key {
                    page.struct_parents(key);
                }
            })?;
        }
        let tree = self.tree;
        let kids: Vec<Ref> = self.placed.iter().map(|p| p.id).collect();
        self.file.object(tree, |c| {
            c.pages(tree).kids(kids.iter().copied()).count(kids.len() as i32);
        })?;
        let places: Vec<(&str, Ref, f32)> =
            self.anchors.iter().map(|a| (a.mark.name.as_str(), a.page, a.mark.top)).collect();
        let first = self.placed.first().map(|p| (p.id, p.height));
        let dests = write_dests(&mut self.file, &places, &self.wanted, first)?;
        drop(places);
        let outline = write_outline(&mut self.file, &self.anchors, &mut self.file_id)?;
        self.structure.finish(&mut self.file)?;
        let metadata = self.file.alloc();
        let xmp = xmp::metadata(info, self.standards);
        self.file.object(metadata, |c| {
            c.metadata(metadata, xmp.as_bytes());
        })?;
        let profile = match self.standards.archive {
            Some(_) => Some(write_profile(&mut self.file)?),
            None => None,
        };
        let catalog = self.file.alloc();
        let lang = info.lang.as_deref().unwrap_or("en");
        self.file.object(catalog, |c| {
            let mut cat = c.indirect(catalog).start::<Catalog>();
            cat.pages(tree).lang(TextStr(lang)).metadata(metadata);
            cat.pair(Name(b"StructTreeRoot"), self.structure.root());
            cat.mark_info().marked(true);
            cat.viewer_preferences().display_doc_title(true);
            if let Some(profile) = profile {
                let mut intents = cat.output_intents();
                let mut intent = intents.push();
                intent.subtype(OutputIntentSubtype::PDFA).dest_output_profile(profile);
                intent.output_condition_identifier(TextStr(DESCRIPTION)).info(TextStr(DESCRIPTION));
            }
            if let Some(outline) = outline {
                cat.outlines(outline).page_mode(PageMode::UseOutlines);
            }
            if let Some(dests) = dests {
                cat.names().pair(Name(b"Dests"), dests);
            }
        })?;
        let info_id = self.file.alloc();
        let mut id = self.file_id;
        self.file.object(info_id, |c| info_dict(c.indirect(info_id).start::<DocumentInfo>(), info, &mut id))?;
        let id = id.finish();
        self.file.finish(catalog, info_id, id)
    }
}
