//! The `pdf` backend: a guide per document (`pdf/<doc id>.pdf`) and the whole collection as a
//! book (`<site slug>.pdf`). Layout comes from [`crate::layout`]; this module only writes PDF.

mod content;
mod fonts;
mod hash;
mod image;
mod outline;
mod writer;

use super::{Artifact, Backend, RenderContext, Sink};
use crate::backends::Civil;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{slugify, Document};
use crate::layout::book::layout_book_into;
use crate::layout::guide::layout_guide;
use crate::layout::PdfTheme;
use rayon::prelude::*;
use std::collections::BTreeSet;
pub use writer::{write_pdf, Info, Links, PdfWriter};

/// Writes print-ready PDFs.
pub struct Pdf;

impl Backend for Pdf {
    fn name(&self) -> &str {
        "pdf"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let theme: PdfTheme = ctx.config.section("pdf")?;
        theme.validate().map_err(|message| Error::Config {
            path: ctx.config.path.clone().unwrap_or_else(|| crate::config::CONFIG_FILE.into()),
            message: format!("[pdf]: {message}"),
        })?;
        let date = Civil::from_env();
        let author = ctx.config.site.author.clone();
        let collection = ctx.collection;
        let fail = |e: String| Error::backend(self.name(), e);
        let wanted: Vec<&Document> = ctx.documents_in_scope().collect();
        let guides = || -> Result<Vec<Vec<Diagnostic>>> {
            wanted
                .par_iter()
                .map(|doc| {
                    let laid = layout_guide(doc, collection, &theme, ctx.assets);
                    let info = doc_info(doc, author.as_deref(), date.as_ref());
                    let bytes =
                        write_pdf(&laid.pages, &info, ctx.assets, Links::Guide { this: &doc.id }).map_err(fail)?;
                    sink.put(Artifact::for_document(&doc.id, format!("pdf/{}.pdf", doc.id), bytes))?;
                    Ok(laid.diagnostics)
                })
                .collect()
        };
        let book = || -> Result<Vec<Diagnostic>> {
            if !ctx.scope.site || collection.documents.is_empty() {
                return Ok(Vec::new());
            }
            let mut writer = PdfWriter::new(ctx.assets);
            let day = date.map(|d| d.date());
            let diagnostics = layout_book_into(collection, &theme, day.as_deref(), ctx.assets, &mut writer);
            let title = collection.title.clone();
            let info = Info { title, author: author.clone(), date: date.as_ref().map(Civil::pdf), ..Info::default() };
            let slug = Some(slugify(&collection.title)).filter(|s| !s.is_empty()).unwrap_or_else(|| "book".into());
            let bytes = writer.finish(&info, Links::Book).map_err(fail)?;
            sink.put(Artifact::for_site(format!("{slug}.pdf"), bytes))?;
            Ok(diagnostics)
        };
        let (guides, book) = rayon::join(guides, book);
        let diagnostics: BTreeSet<Diagnostic> = guides?.into_iter().flatten().chain(book?).collect();
        Ok(diagnostics.into_iter().collect())
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
