//! The `slides` backend: for every document a deck as editable PPTX (`slides/<id>.pptx`), as a
//! 16:9 PDF (`slides/<id>.pdf`) and as a Marp outline (`slides/<id>.md`, its images copied to
//! `slides/<id>-images/`), and the same for the whole site (`slides/<site-slug>.pptx`, `.pdf`,
//! `.md`, `slides/<site-slug>-images/`). The deck model comes first and knows
//! no file format.
//!
//! A document's slides are composed and set as PDF pages once: its own deck and the site deck
//! show the same slides (but for the opening one, a title slide in one and a divider in the
//! other). The site deck is written as the documents come, a batch at a time.

mod carry;
mod compose;
mod config;
mod deck;
mod footnotes;
mod images;
mod layout;
mod marp;
mod measure;
mod outline;
mod paginate;
mod pdf;
mod pptx;
mod runs;
mod site;
mod split;
mod tables;

pub use compose::{document_deck, site_deck};
pub use config::{LongProse, SlidesConfig};
pub use deck::{Deck, Item, Layout, Run, Slide, Table};
pub use layout::{body_height, boxes, text_height};
pub use pdf::deck_pages;

use super::batch::{batch_size, ordered};
use super::print_theme::PdfTheme;
use super::{Artifact, Backend, RenderContext, Sink};
use crate::backends::Civil;
use crate::config::{Config, Standards};
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{output_stem, slugify, Document};
use crate::layout::Assets;
use crate::layout::{Rgb, Tree};
use crate::pdf::{Info, Links, PdfWriter, SetPages};
use compose::{compose, deck_of};
use images::{copies_folder, deck_images, shown, ImageFiles, ImageSizes};
use pdf::{names_by_slide, slide_marks, slide_pages};
use runs::clean;
use site::{SiteLinks, SitePart, SiteWriter};
use std::borrow::Cow;
use std::io::{self, Write};

/// Writes slide decks.
pub struct Slides;

impl Backend for Slides {
    fn name(&self) -> &str {
        "slides"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let config = SlidesConfig::read(ctx.config)?;
        let date = ctx.date();
        let pptx_date = date.map(|d| d.iso());
        let (images, rasters) = deck_images(ctx.assets);
        let run = Job {
            ctx,
            sink,
            properties: pptx::Properties { author: ctx.config.site.author.as_deref(), date: pptx_date.as_deref() },
            pdf_date: date,
            standards: PdfTheme::read(ctx.config)?.standards,
            template: pptx::template(&config).map_err(slide_zip_error)?,
            images,
            drawn: match rasters.is_empty() {
                true => Cow::Borrowed(ctx.assets),
                false => Cow::Owned(ctx.assets.iter().map(|(k, v)| (k.clone(), v.clone())).chain(rasters).collect()),
            },
            config,
        };
        match ctx.scope.site {
            true => run.site(),
            false => run.decks(&ctx.documents_in_scope().collect::<Vec<_>>(), None),
        }
    }

    fn check(&self, config: &Config) -> Result<()> {
        SlidesConfig::read(config).map(drop)
    }
}

/// One run of the backend: what every deck needs.
struct Job<'a> {
    ctx: &'a RenderContext<'a>,
    sink: &'a dyn Sink,
    config: SlidesConfig,
    properties: pptx::Properties<'a>,
    pdf_date: Option<Civil>,
    /// `[pdf] standards`, which the PDF decks keep.
    standards: Standards,
    template: pptx::Template,
    /// The sizes of the images decks draw.
    images: ImageSizes,
    /// The images as the PPTX draws them: the assets, an SVG as a PNG of it (the PDF decks
    /// draw the SVG itself).
    drawn: Cow<'a, Assets>,
}

impl Job<'_> {
    /// The site deck in its three forms, with the documents' decks.
    fn site(&self) -> Result<Vec<Diagnostic>> {
        let (run, ctx, sink) = (self, self.ctx, self.sink);
        let all: Vec<&Document> = ctx.collection.documents.iter().collect();
        let title = &ctx.collection.title;
        let slug = site_slug(title, &all);
        let base = format!("slides/{slug}");
        let paths = ["pptx", "pdf", "md"].map(|extension| format!("{base}.{extension}"));
        let (diagnostics, copies) = put_three(sink, &paths, |outputs| {
            let mut links = match all.len() <= run.config.site_deck_limit {
                true => SiteLinks::new(title, &all, run.config.options(&run.images)),
                false => SiteLinks::dividers(title, &all),
            };
            links.deck.copies = format!("{slug}-images");
            links.deck.lang = ctx.lang(None);
            let accent = run.config.accent.to_string();
            let mut site = SiteWriter::new(outputs, (title, &accent), &run.template, ctx.assets, run.standards)?;
            site.add(SitePart::front(&links, &run.config)?)?;
            // The site deck shows the documents' slides again: their warnings are reported once,
            // with the documents' own decks.
            let diagnostics = run.decks(&all, Some((&links, &mut site)))?;
            let info = run.info(&clean(title), ctx.lang(None));
            let copies = site.finish(&clean(title), run.properties, &info)?;
            Ok((diagnostics, copies))
        })?;
        // The images the site deck shows, copied beside its outline, each once.
        for key in copies {
            let bytes = ctx.assets.get(&key).cloned().unwrap_or_default();
            sink.put(Artifact::for_site(format!("{base}-images/{key}"), bytes))?;
        }
        Ok(diagnostics)
    }

    /// Composes and sets the slides of each of `docs`, writing the decks of those in scope
    /// and, given the site deck, adding to it their part; a batch at a time.
    fn decks(&self, docs: &[&Document], mut site: Option<(&SiteLinks, &mut SiteWriter)>) -> Result<Vec<Diagnostic>> {
        let index: std::collections::HashMap<&str, usize> =
            self.ctx.collection.documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let links = site.as_ref().map(|(links, _)| *links);
        let mut diagnostics = Vec::new();
        let make = |doc: &&Document| {
            let first = links.and_then(|l| Some((l, *l.first.get(*index.get(doc.id.as_str())?)?)));
            self.deck(doc, first)
        };
        ordered(docs, batch_size(), make, |result| {
            let (mut found, part) = result?;
            diagnostics.append(&mut found);
            match (site.as_mut(), part) {
                (Some((_, writer)), Some(part)) => writer.add(part),
                _ => Ok(()),
            }
        })?;
        Ok(diagnostics)
    }

    /// The slides of `doc`: its own deck written if in scope, and its part of the site deck
    /// (from slide `first` on: its divider, and its slides if the deck is full) if asked for.
    /// The slides after the title are set only if one of the two shows them.
    fn deck(&self, doc: &Document, site: Option<(&SiteLinks, usize)>) -> Result<(Vec<Diagnostic>, Option<SitePart>)> {
        let cached = site.and_then(|(links, _)| links.composed.get(&doc.id));
        let composed = cached.cloned().unwrap_or_else(|| compose(doc, self.config.options(&self.images)));
        let section = composed.section.clone();
        let in_scope = self.ctx.scope.includes(&doc.id);
        let site_shows_slides = site.is_some_and(|(links, _)| links.full);
        let (rest_pages, rest_diagnostics) = match in_scope || site_shows_slides {
            true => {
                let rest = slide_pages(&composed.rest, 2, self.look(), &doc.id, &doc.source);
                (SetPages::new(&rest.pages, rest.tree), rest.diagnostics)
            }
            false => (SetPages::new(&[], Tree::default()), Vec::new()),
        };
        let deck = deck_of(doc, composed, self.ctx.lang(Some(doc)));
        let (mut diagnostics, mut shown) = (Vec::new(), None);
        if in_scope {
            let (found, pptx) = self.write_deck(doc, &deck, &rest_pages)?;
            diagnostics = found;
            diagnostics.extend(rest_diagnostics);
            shown = Some(pptx);
        }
        let part = match site {
            Some((links, first)) => {
                let (rest, rest_pages) = match links.full {
                    true => (&deck.slides[1..], rest_pages),
                    false => (&[][..], SetPages::new(&[], Tree::default())),
                };
                let look = (&self.config, self.files());
                Some(SitePart::document(links, &section, (rest, rest_pages), first, look, shown.as_ref())?)
            }
            None => None,
        };
        Ok((diagnostics, part))
    }

    /// Writes `doc`'s deck as PPTX, PDF and Marp; `rest` holds the pages of all its slides
    /// but the first. Returns the deck's warnings and its PPTX as written.
    fn write_deck(&self, doc: &Document, deck: &Deck, rest: &SetPages) -> Result<(Vec<Diagnostic>, pptx::Written)> {
        let lang = self.ctx.lang(Some(doc));
        let (source, doc) = (doc.source.as_str(), doc.id.as_str());
        let accent = self.config.accent.to_string();
        let pptx = pptx::write(
            deck,
            &self.template,
            self.properties,
            pptx::Look { accent: &accent, code_theme: self.config.code_theme },
            self.files(),
        )
        .map_err(slide_zip_error)?;
        let title = slide_pages(&deck.slides[..1], 1, self.look(), doc, source);
        let mut pdf = PdfWriter::new(Vec::new(), self.ctx.assets, Links::Guide { this: doc }, self.standards)
            .map_err(slide_pdf_error)?;
        pdf.add(&SetPages::new(&title.pages, title.tree)).map_err(slide_pdf_error)?;
        pdf.add(rest).map_err(slide_pdf_error)?;
        let names = names_by_slide(&deck.anchors);
        for (i, slide) in deck.slides.iter().enumerate() {
            for mark in slide_marks(i + 1, &slide.title, names.get(&(i + 1)).map_or(&[][..], Vec::as_slice)) {
                pdf.mark(i, mark);
            }
        }
        let pdf = pdf.finish(&self.info(&deck.title, lang)).map_err(slide_pdf_error)?;
        let outline = marp::outline(deck, &self.config.accent.to_string()).into_bytes();
        for (extension, bytes) in [("pptx", pptx.pptx.clone()), ("pdf", pdf), ("md", outline)] {
            self.sink.put(Artifact::for_document(doc, format!("slides/{}.{extension}", output_stem(doc)), bytes))?;
        }
        for key in shown(&deck.slides) {
            let bytes = self.ctx.assets.get(key).cloned().unwrap_or_default();
            self.sink.put(Artifact::for_document(doc, format!("slides/{}/{key}", copies_folder(doc)), bytes))?;
        }
        let mut diagnostics = deck.diagnostics.clone();
        diagnostics.extend(title.diagnostics);
        Ok((diagnostics, pptx))
    }

    /// The accent and the code theme the PDF decks are set in.
    fn look(&self) -> (Rgb, &'static str) {
        (Rgb::from(self.config.accent), self.config.code_theme)
    }

    /// The image files decks show.
    fn files(&self) -> ImageFiles<'_> {
        ImageFiles { source: self.ctx.assets, drawn: &self.drawn }
    }

    /// The PDF information of a deck titled `title` in language `lang`.
    fn info(&self, title: &str, lang: Option<String>) -> Info {
        Info {
            title: title.to_string(),
            author: self.properties.author.map(str::to_string),
            date: self.pdf_date,
            lang,
            ..Info::default()
        }
    }
}

fn slide_zip_error(e: zip::result::ZipError) -> Error {
    Error::backend("slides", e.to_string())
}

fn slide_pdf_error(e: io::Error) -> Error {
    Error::backend("slides", e.to_string())
}

/// Runs `body` with the three site deck files open for writing, and puts them when it is done.
fn put_three<T>(
    sink: &dyn Sink,
    paths: &[String; 3],
    body: impl FnOnce([&mut (dyn Write + Send); 3]) -> Result<T>,
) -> Result<T> {
    let mut body = Some(body);
    let mut outcome: Option<T> = None;
    sink.put_with(&paths[0], None, &mut |a| {
        sink.put_with(&paths[1], None, &mut |b| {
            sink.put_with(&paths[2], None, &mut |c| {
                let body = body.take().ok_or_else(|| Error::backend("slides", "the site deck was written twice"))?;
                outcome = Some(body([&mut *a, &mut *b, c])?);
                Ok(())
            })
        })
    })?;
    outcome.ok_or_else(|| Error::backend("slides", "the site deck was not written"))
}

/// The file name of the site deck: the slug of the site title (`site` if it has none), made
/// different from every document id.
fn site_slug(title: &str, docs: &[&Document]) -> String {
    let slug = slugify(title);
    let slug = if slug.is_empty() { "site".to_string() } else { slug };
    if docs.iter().any(|d| d.id == slug) {
        format!("{slug}-site")
    } else {
        slug
    }
}
