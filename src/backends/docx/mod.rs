//! The `docx` backend: an editable Word document per page (`docx/<doc id>.docx`) and the
//! whole collection as a book (`<site slug>.docx`), with real Word structure: named styles tied
//! to outline levels, numbering definitions, tables with repeating header rows, footnotes,
//! bookmarks and hyperlinks, embedded images, and in the book a cover and a contents field.
//!
//! The OOXML parts are written here by hand with the zip and XML helpers the PPTX writer shares
//! ([`super::ooxml`]): the same bytes for the same input, fixed entry order and times, dates
//! only from `SOURCE_DATE_EPOCH`. Paper, margins, type size, accent and heading numbering come
//! from `[pdf]` ([`PdfTheme`]), so the Word documents print like the PDFs.

mod blocks;
mod book;
mod config;
mod ids;
mod lists;
mod notes;
mod package;
mod reference;
mod runs;
mod section;
mod styles;
mod table;

use super::ooxml::CoreProperties;
use super::print_theme::PdfTheme;
use super::{Artifact, Backend, RenderContext, SettingFile, Sink};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{output_stem, slugify, Collection, Document};
use crate::layout::image_svg as svg;
use crate::layout::Assets;
use blocks::Part;
use config::DocxConfig;
use ids::Refs;
use package::DocxWriter;
use rayon::prelude::*;
use reference::Reference;
use styles::Families;

/// Writes Word documents.
pub struct Docx;

impl Backend for Docx {
    fn name(&self) -> &str {
        "docx"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let theme = PdfTheme::read(ctx.config)?;
        let families = Families::new(&ctx.config.fonts);
        let reference = reference(ctx)?;
        let drawn = drawn_svgs(ctx.assets, &theme);
        let date = ctx.date().map(|d| d.iso());
        let env = Env {
            collection: ctx.collection,
            assets: ctx.assets,
            drawn: &drawn,
            theme: &theme,
            families: &families,
            author: ctx.config.site.author.as_deref(),
            date: date.as_deref(),
            reference: reference.as_ref(),
            book: false,
        };
        let docs: Vec<&Document> = ctx.documents_in_scope().collect();
        let (book, pages) = rayon::join(
            || match ctx.scope.site && !ctx.collection.documents.is_empty() {
                true => book::write(&Env { book: true, ..env }, ctx.lang(None).as_deref(), sink),
                false => Ok(()),
            },
            || docs.par_iter().try_for_each(|doc| page(&env, doc, ctx.lang(Some(doc)).as_deref(), sink)),
        );
        book.and(pages)?;
        Ok(Vec::new())
    }

    fn check(&self, config: &Config) -> Result<()> {
        PdfTheme::read(config)?;
        DocxConfig::read(config).map(drop)
    }

    fn setting_files(&self, config: &Config) -> Result<Vec<SettingFile>> {
        let reference = DocxConfig::read(config)?.reference;
        Ok(reference.into_iter().map(|path| SettingFile { path, section: "docx", key: "reference" }).collect())
    }
}

/// The reference document of `[docx] reference`, if one is set: an error at that key when the
/// driver did not read it or it is no Word document.
fn reference(ctx: &RenderContext) -> Result<Option<Reference>> {
    let Some(path) = DocxConfig::read(ctx.config)?.reference else { return Ok(None) };
    let invalid = |why: &str| ctx.config.invalid("docx", "reference", &format!("{}: {why}", path.display()));
    let bytes = ctx
        .files
        .get(&path)
        .ok_or_else(|| invalid("not read (a library caller reads it with `driver::read_setting_files`)"))?;
    Reference::read(bytes).map(Some).map_err(|why| invalid(&why))
}

/// What every part of a run reads: the collection, the images, the theme and properties, and
/// whether the documents are written as chapters of the book.
#[derive(Clone, Copy)]
pub(super) struct Env<'a> {
    pub collection: &'a Collection,
    pub assets: &'a Assets,
    /// The SVG images as PNGs drawn of them, by asset key: Word shows an SVG only from 2016
    /// and LibreOffice not every one, so each is written as a picture of it.
    pub drawn: &'a Assets,
    pub theme: &'a PdfTheme,
    pub families: &'a Families,
    pub author: Option<&'a str>,
    /// The build date as W3CDTF, when there is one.
    pub date: Option<&'a str>,
    /// The reference document whose styles the files take, if `[docx] reference` names one.
    pub reference: Option<&'a Reference>,
    pub book: bool,
}

impl Env<'_> {
    /// The width and height of the text column, in points.
    pub fn column(&self) -> (f32, f32) {
        text_column(self.theme)
    }
}

/// The width and height of the text column of pages set in `theme`, in points.
fn text_column(theme: &PdfTheme) -> (f32, f32) {
    let (width, height) = theme.paper.size();
    let margin = theme.margin_pt();
    (width - 2.0 * margin, height - 2.0 * margin)
}

/// The pixels of an SVG's picture per point: 2, sharp on screen and in print at its size.
const PIXELS_PER_POINT: f32 = 2.0;

/// A PNG of each SVG of `assets`, at its natural size or the text column's width if narrower.
fn drawn_svgs(assets: &Assets, theme: &PdfTheme) -> Assets {
    let (column, _) = text_column(theme);
    let svgs: Vec<(&String, &Vec<u8>)> = assets.iter().filter(|(_, bytes)| svg::is_svg(bytes)).collect();
    let drawn = svgs.par_iter().filter_map(|(key, bytes)| {
        let tree = svg::parse(bytes)?;
        let (w, h) = svg::size(&tree);
        let scale = (column / w).min(1.0);
        Some(((*key).clone(), svg::rasterise(&tree, (w * scale, h * scale), PIXELS_PER_POINT)?))
    });
    drawn.collect()
}

/// The file name of the book: the slug of the site title, `book` if it has none.
fn book_path(collection: &Collection) -> String {
    let slug = slugify(&collection.title);
    format!("{}.docx", if slug.is_empty() { "book" } else { &slug })
}

/// A zip error as this backend's error.
fn failed(error: zip::result::ZipError) -> Error {
    Error::backend("docx", error.to_string())
}

/// Writes the Word document of `doc`, whose text is in `language`.
fn page(env: &Env, doc: &Document, language: Option<&str>, sink: &dyn Sink) -> Result<()> {
    let mut part = Part::new(env, doc, Refs::default());
    let mut writer = DocxWriter::new().map_err(failed)?;
    part.title_block();
    part.body();
    writer.body(&part.take_xml()).map_err(failed)?;
    let tags = doc.meta.tags.join(", ");
    let authors = doc.meta.authors.join(", ");
    let properties = CoreProperties {
        title: &doc.title,
        subject: doc.meta.description.as_deref(),
        keywords: Some(tags.as_str()).filter(|t| !t.is_empty()),
        author: Some(authors.as_str()).filter(|a| !a.is_empty()).or(env.author),
        date: env.date,
        language,
    };
    let bytes = writer.finish(part.into_refs(), env, &properties).map_err(failed)?;
    sink.put(Artifact::for_document(&doc.id, format!("docx/{}.docx", output_stem(&doc.id)), bytes))
}
