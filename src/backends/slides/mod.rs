//! The `slides` backend: for every document a deck as editable PPTX (`slides/<id>.pptx`), as a
//! 16:9 PDF (`slides/<id>.pdf`) and as a Marp outline (`slides/<id>.md`), and the same for the
//! whole site (`slides/<site-slug>.pptx`, `.pdf`, `.md`). The deck model comes first and knows
//! no file format.

mod compose;
mod config;
mod deck;
mod layout;
mod marp;
mod measure;
mod outline;
mod paginate;
mod pdf;
mod pptx;
mod runs;
mod tables;

pub use compose::{document_deck, site_deck};
pub use config::SlidesConfig;
pub use deck::{Deck, Item, Layout, Run, Slide, Table};
pub use layout::{body_height, boxes, text_height};
pub use pdf::deck_pages;
use pdf::deck_pages_in;

use super::pdf::{Info, Links, PdfWriter, SetPages};
use super::{Artifact, Backend, RenderContext, Sink};
use crate::backends::Civil;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{slugify, Document};
use crate::layout::Rgb;
use rayon::prelude::*;

/// Writes slide decks.
pub struct Slides;

impl Backend for Slides {
    fn name(&self) -> &str {
        "slides"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let config = SlidesConfig::read(ctx.config)?;
        let date = Civil::from_env().map(|d| d.iso());
        let properties = pptx::Properties { author: ctx.config.site.author.as_deref(), date: date.as_deref() };
        let accent = Rgb::from_hex(&config.accent).unwrap_or(Rgb(0.0, 0.0, 0.0));
        let pdf_date = Civil::from_env().map(|d| d.pdf());
        let write = |deck: Deck, source: &str| -> Result<Written> {
            let pptx = pptx::write(&deck, &config, properties).map_err(|e| Error::backend("slides", e.to_string()))?;
            let fail = |e: std::io::Error| Error::backend("slides", e.to_string());
            let mut pdf = PdfWriter::new(Vec::new(), ctx.assets).map_err(fail)?;
            let mut diagnostics = deck.diagnostics.clone();
            // A part of the deck at a time: a site deck can have thousands of slides.
            for start in (0..deck.slides.len()).step_by(512) {
                let laid = deck_pages_in(&deck, accent, source, start..(start + 512).min(deck.slides.len()));
                pdf.add(&SetPages::new(&laid.pages)).map_err(fail)?;
                diagnostics.extend(laid.diagnostics);
            }
            let info = Info {
                title: deck.title.clone(),
                author: properties.author.map(str::to_string),
                date: pdf_date.clone(),
                ..Info::default()
            };
            let links = match &deck.document {
                Some(this) => Links::Guide { this },
                None => Links::Book,
            };
            let pdf = pdf.finish(&info, links).map_err(fail)?;
            Ok(Written { pptx, pdf, outline: marp::outline(&deck, &config.accent).into_bytes(), diagnostics })
        };
        let docs: Vec<&Document> = ctx.documents_in_scope().collect();
        let all: Vec<&Document> = ctx.collection.documents.iter().collect();
        let put = |deck: Written, base: String, document: Option<&str>| -> Result<Vec<Diagnostic>> {
            for (extension, bytes) in [("pptx", deck.pptx), ("pdf", deck.pdf), ("md", deck.outline)] {
                let path = format!("{base}.{extension}");
                sink.put(Artifact { path, bytes, document: document.map(str::to_string) })?;
            }
            Ok(deck.diagnostics)
        };
        let (decks, site) = rayon::join(
            || -> Result<Vec<Vec<Diagnostic>>> {
                docs.par_iter()
                    .map(|doc| {
                        let deck = write(document_deck(doc, config.heading_level), &doc.source)?;
                        put(deck, format!("slides/{}", doc.id), Some(&doc.id))
                    })
                    .collect()
            },
            || -> Result<()> {
                if ctx.scope.site {
                    let deck = write(site_deck(&ctx.collection.title, &all, config.heading_level), "")?;
                    // The site deck shows the documents' slides again: their warnings are reported
                    // once, with the documents' own decks.
                    put(deck, format!("slides/{}", site_slug(&ctx.collection.title, &all)), None)?;
                }
                Ok(())
            },
        );
        site?;
        Ok(decks?.into_iter().flatten().collect())
    }
}

/// A deck in every form, with what was found on the way.
struct Written {
    pptx: Vec<u8>,
    pdf: Vec<u8>,
    outline: Vec<u8>,
    diagnostics: Vec<Diagnostic>,
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
