//! The `pdf` backend: a guide per document (`pdf/<doc id>.pdf`) and the whole collection as a
//! book (`<site slug>.pdf`). The page designs are this backend's own: [`guide`] and [`book`],
//! sized and coloured by the `[pdf]` [`PdfTheme`]; the typesetting comes from the engine,
//! [`crate::layout`], and the PDF from the one writer, [`crate::pdf`].
//!
//! A document's guide and its chapter of the book are the same pages under different headers
//! and footers, so each chapter is laid out and compressed once and goes into both: the book is
//! written to its file as the chapters come, a batch at a time, and each guide on the way.

pub(crate) mod book;
mod folders;
pub(crate) mod guide;

use super::batch::{batch_size, ordered};
pub use super::print_theme::PdfTheme;
use super::{Backend, RenderContext, Sink};
use crate::backends::Civil;
use crate::config::{Config, Standards};
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{output_stem, slugify, Document};
use crate::layout::{Page, Tree};
use crate::pdf::{nest_outline, Info, Links, PdfWriter, SetPages};
use book::{Book, ChapterNote};
use folders::OutlineFolders;
use guide::{chapter_pages, guide_overlays, Geometry};
use std::collections::BTreeSet;
use std::io::Write;

/// Writes print-ready PDFs.
pub struct Pdf;

impl Backend for Pdf {
    fn name(&self) -> &str {
        "pdf"
    }

    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>> {
        let theme = PdfTheme::read(ctx.config)?;
        let run = Run {
            ctx,
            sink,
            g: Geometry::new(&theme),
            date: ctx.date(),
            author: ctx.config.site.author.as_deref(),
            standards: theme.standards,
        };
        let collection = ctx.collection;
        let diagnostics = if ctx.scope.site && !collection.documents.is_empty() {
            let slug = Some(slugify(&collection.title)).filter(|s| !s.is_empty()).unwrap_or_else(|| "book".into());
            let mut diagnostics = Vec::new();
            sink.put_with(&format!("{slug}.pdf"), None, &mut |out| {
                diagnostics = run.book(&theme, out)?;
                Ok(())
            })?;
            diagnostics
        } else {
            let docs: Vec<&Document> = ctx.documents_in_scope().collect();
            run.chapters(&docs, |_| Ok(()))?
        };
        let diagnostics: BTreeSet<Diagnostic> = diagnostics.into_iter().collect();
        Ok(diagnostics.into_iter().collect())
    }

    fn check(&self, config: &Config) -> Result<()> {
        PdfTheme::read(config).map(drop)
    }
}

/// One run of the backend: what every chapter and guide needs.
struct Run<'a> {
    ctx: &'a RenderContext<'a>,
    sink: &'a dyn Sink,
    g: Geometry,
    date: Option<Civil>,
    author: Option<&'a str>,
    standards: Standards,
}

impl Run<'_> {
    /// Lays out, compresses and hands to `take` (in order) the chapter of each of `docs`,
    /// writing the guide of each in scope on the way, a batch at a time; returns the
    /// diagnostics.
    fn chapters(
        &self,
        docs: &[&Document],
        mut take: impl FnMut(Chapter) -> Result<()> + Send,
    ) -> Result<Vec<Diagnostic>> {
        let mut diagnostics = Vec::new();
        ordered(
            docs,
            batch_size(),
            |doc| self.chapter(doc),
            |chapter| {
                let mut chapter = chapter?;
                diagnostics.append(&mut chapter.diagnostics);
                take(chapter)
            },
        )?;
        Ok(diagnostics)
    }

    /// The chapter of `doc`, and its guide written if it is in scope.
    fn chapter(&self, doc: &Document) -> Result<Chapter> {
        let laid = chapter_pages(doc, self.ctx.collection, &self.g, self.ctx.assets);
        let set = SetPages::new(&laid.pages, laid.tree);
        if self.ctx.scope.includes(&doc.id) {
            self.guide(doc, &laid.pages, &set)?;
        }
        // The pages go once set: the book keeps what it needs of them.
        let note = ChapterNote::new(doc, &laid.pages);
        Ok(Chapter { note, set, diagnostics: laid.diagnostics })
    }

    /// Writes the guide of `doc`, whose body is `pages`, set as `set`.
    fn guide(&self, doc: &Document, pages: &[Page], set: &SetPages) -> Result<()> {
        let fail = |e: std::io::Error| Error::backend("pdf", e.to_string());
        let overlays = guide_overlays(doc, &self.g, pages);
        let overlays = SetPages::new(&overlays.pages, overlays.tree);
        let indices: Vec<usize> = (0..pages.len()).collect();
        let info = Info { lang: self.ctx.lang(Some(doc)), ..doc_info(doc, self.author, self.date.as_ref()) };
        // Streamed into the file: the guide of one huge page can be tens of megabytes.
        self.sink.put_with(&format!("pdf/{}.pdf", output_stem(&doc.id)), Some(&doc.id), &mut |out| {
            let mut writer =
                PdfWriter::new(out, self.ctx.assets, Links::Guide { this: &doc.id }, self.standards).map_err(fail)?;
            writer.add(set).map_err(fail)?;
            writer.overlay(&indices, &overlays).map_err(fail)?;
            writer.finish(&info).map_err(fail)?;
            Ok(())
        })
    }

    /// Writes the book into `out`, and the guides in scope on the way; returns the diagnostics.
    fn book(&self, theme: &PdfTheme, out: &mut (dyn Write + Send)) -> Result<Vec<Diagnostic>> {
        let fail = |e: std::io::Error| Error::backend("pdf", e.to_string());
        let collection = self.ctx.collection;
        let mut book = Book::new(collection, theme);
        let mut writer = PdfWriter::new(out, self.ctx.assets, Links::Book, theme.standards).map_err(fail)?;
        let all: Vec<&Document> = collection.documents.iter().collect();
        let (mut folders, mut docs) = (OutlineFolders::new(collection), all.iter());
        let mut diagnostics = self.chapters(&all, |mut chapter| {
            if let Some(doc) = docs.next() {
                let (depth, above) = folders.enter(doc);
                nest_outline(&mut chapter.set, depth, &above);
            }
            book.add_chapter(chapter.note);
            writer.add(&chapter.set).map_err(fail)
        })?;
        let day = self.date.map(|d| d.date());
        let (front, tree) = book.front_matter(day.as_deref());
        writer.add(&SetPages::new(&front, tree)).map_err(fail)?;
        writer.move_to_front(front.len());
        for start in (0..book.page_count()).step_by(1024) {
            let (indices, pages): (Vec<usize>, Vec<Page>) = book.decorations(start..start + 1024).into_iter().unzip();
            writer.overlay(&indices, &SetPages::new(&pages, Tree::default())).map_err(fail)?;
        }
        diagnostics.extend(book.into_diagnostics());
        let info = Info {
            title: collection.title.clone(),
            author: self.author.map(str::to_string),
            date: self.date,
            lang: self.ctx.lang(None),
            ..Info::default()
        };
        writer.finish(&info).map_err(fail)?;
        Ok(diagnostics)
    }
}

/// A chapter laid out and set: what the book keeps of its pages, and their PDF content, made
/// once for the guide and the book.
struct Chapter {
    note: ChapterNote,
    set: SetPages,
    diagnostics: Vec<Diagnostic>,
}

fn doc_info(doc: &Document, site_author: Option<&str>, date: Option<&Civil>) -> Info {
    let author =
        if doc.meta.authors.is_empty() { site_author.map(str::to_string) } else { Some(doc.meta.authors.join(", ")) };
    Info {
        title: doc.title.clone(),
        author,
        subject: doc.meta.description.clone(),
        keywords: (!doc.meta.tags.is_empty()).then(|| doc.meta.tags.join(", ")),
        date: date.copied(),
        lang: None,
    }
}
