//! The `pdf` backend: a guide per document (`pdf/<doc id>.pdf`) and the whole collection as a
//! book (`<site slug>.pdf`). Layout comes from [`crate::layout`]; this module only writes PDF.

mod content;
mod fonts;
mod hash;
mod image;
mod outline;
mod writer;

use super::{Artifact, Backend, RenderContext, Rendered};
use crate::backends::Civil;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{slugify, Document};
use crate::layout::book::layout_book;
use crate::layout::guide::layout_guide;
use crate::layout::PdfTheme;
use rayon::prelude::*;
use std::collections::BTreeSet;
pub use writer::{write_pdf, Info, Links};

/// A PDF made, with the diagnostics found while laying it out, or why it could not be written.
type Made = std::result::Result<(Artifact, Vec<Diagnostic>), String>;

/// Writes print-ready PDFs.
pub struct Pdf;

impl Backend for Pdf {
    fn name(&self) -> &str {
        "pdf"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Rendered> {
        let theme: PdfTheme = ctx.config.section("pdf")?;
        theme.validate().map_err(|message| Error::Config {
            path: ctx.config.path.clone().unwrap_or_else(|| crate::config::CONFIG_FILE.into()),
            message: format!("[pdf]: {message}"),
        })?;
        let date = Civil::from_env();
        let author = ctx.config.site.author.clone();
        let collection = ctx.collection;
        let wanted: Vec<&Document> = ctx.documents_in_scope().collect();
        let guides = || -> Vec<Made> {
            wanted
                .par_iter()
                .map(|doc| {
                    let laid = layout_guide(doc, collection, &theme, ctx.assets);
                    let info = doc_info(doc, author.as_deref(), date.as_ref());
                    let bytes = write_pdf(&laid.pages, &info, ctx.assets, Links::Guide { this: &doc.id })?;
                    Ok((Artifact::for_document(&doc.id, format!("pdf/{}.pdf", doc.id), bytes), laid.diagnostics))
                })
                .collect()
        };
        let book = || -> Option<Made> {
            if !ctx.scope.site || collection.documents.is_empty() {
                return None;
            }
            let laid = layout_book(collection, &theme, date.map(|d| d.date()).as_deref(), ctx.assets);
            let title = collection.title.clone();
            let info = Info { title, author: author.clone(), date: date.as_ref().map(Civil::pdf), ..Info::default() };
            let slug = Some(slugify(&collection.title)).filter(|s| !s.is_empty()).unwrap_or_else(|| "book".into());
            let made = write_pdf(&laid.pages, &info, ctx.assets, Links::Book);
            Some(made.map(|bytes| (Artifact::for_site(format!("{slug}.pdf"), bytes), laid.diagnostics)))
        };
        let (guides, book) = rayon::join(guides, book);
        let mut rendered = Rendered::default();
        let mut diagnostics = BTreeSet::new();
        for made in guides.into_iter().chain(book) {
            let (artifact, found) = made.map_err(|e| Error::backend(self.name(), e))?;
            rendered.artifacts.push(artifact);
            diagnostics.extend(found);
        }
        rendered.diagnostics = diagnostics.into_iter().collect();
        Ok(rendered)
    }
}

fn doc_info(doc: &Document, site_author: Option<&str>, date: Option<&Civil>) -> Info {
    let author =
        if doc.meta.authors.is_empty() { site_author.map(str::to_string) } else { Some(doc.meta.authors.join(", ")) };
    Info {
        title: doc.title.clone(),
        author,
        subject: doc.meta.description.clone(),
        keywords: (!doc.meta.tags.is_empty()).then(|| doc.meta.tags.join(", ")),
        date: date.map(Civil::pdf),
    }
}
