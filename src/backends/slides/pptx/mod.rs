//! The PPTX writer: a deck as an editable Office Open XML presentation, byte for byte the same
//! for the same deck (fixed part order, fixed zip entry times, dates only from the caller).
//!
//! A presentation is written as its slides come ([`PptxWriter`]): the parts every deck has,
//! then each slide, made and compressed ahead ([`prepare`], in parallel), and at the end the
//! parts that list the slides (`presentation.xml`, the properties, `[Content_Types].xml`). So a
//! site deck of a large tree is never held whole; the zip is written in streaming mode.

mod masters;
mod package;
mod slide;
mod table;
mod text;
mod theme;
mod xml;

use super::config::SlidesConfig;
use super::deck::{Deck, Slide};
use masters::{notes_master, slide_layout, slide_master, LAYOUTS};
use package::{app, content_type, content_types, core, presentation, root_rels, settings, zip_options};
use rayon::prelude::*;
use slide::slide_parts;
use std::io::Write;
use zip::result::{ZipError, ZipResult};
use zip::write::{PreparedZipFile, StreamWriter, ZipFileBuilder};
use zip::ZipWriter;

/// What goes into the document properties besides the deck.
#[derive(Debug, Clone, Copy, Default)]
pub struct Properties<'a> {
    pub author: Option<&'a str>,
    /// Creation date as W3CDTF (`2026-01-31T00:00:00Z`); omitted when `None`.
    pub date: Option<&'a str>,
}

/// The `.pptx` bytes of `deck`.
pub fn write(deck: &Deck, config: &SlidesConfig, properties: Properties) -> ZipResult<Vec<u8>> {
    let mut writer = PptxWriter::new(Vec::new(), config)?;
    let slides: Vec<ZipResult<PreparedSlide>> =
        deck.slides.par_iter().enumerate().map(|(i, slide)| prepare(deck, slide, i + 1, &config.accent)).collect();
    for slide in slides {
        writer.add(slide?)?;
    }
    writer.finish(&deck.title, properties)
}

/// A slide's parts (the slide, its relationships, its notes), compressed and ready to write.
pub struct PreparedSlide {
    n: usize,
    files: Vec<PreparedZipFile>,
    notes: bool,
}

/// Makes and compresses the parts of `slide`, number `n` (1-based) of the deck whose links
/// `deck` resolves; `accent` is the RGB hex of sub-headings.
pub fn prepare(deck: &Deck, slide: &Slide, n: usize, accent: &str) -> ZipResult<PreparedSlide> {
    let parts = slide_parts(deck, slide, n, accent);
    let mut named = vec![
        (format!("ppt/slides/slide{n}.xml"), parts.xml),
        (format!("ppt/slides/_rels/slide{n}.xml.rels"), parts.rels),
    ];
    let notes = parts.notes.is_some();
    if let Some((xml, rels)) = parts.notes {
        named.push((format!("ppt/notesSlides/notesSlide{n}.xml"), xml));
        named.push((format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"), rels));
    }
    let files = named.into_iter().map(|(name, xml)| compress(&name, &xml)).collect::<ZipResult<_>>()?;
    Ok(PreparedSlide { n, files, notes })
}

fn compress(name: &str, xml: &str) -> ZipResult<PreparedZipFile> {
    let mut builder = ZipFileBuilder::new(name, zip_options())?;
    builder.write_all(xml.as_bytes())?;
    builder.finish()
}

/// A presentation being written into `W`.
pub struct PptxWriter<W: Write> {
    zip: ZipWriter<StreamWriter<W>>,
    /// The parts written so far that are not slides, with their content types.
    parts: Vec<(String, String)>,
    slides: usize,
    /// The numbers of the slides that have notes.
    notes: Vec<usize>,
}

impl<W: Write> PptxWriter<W> {
    /// Starts a presentation: writes the theme, masters and layouts.
    pub fn new(out: W, config: &SlidesConfig) -> ZipResult<Self> {
        let mut writer =
            PptxWriter { zip: ZipWriter::new_stream(out), parts: Vec::new(), slides: 0, notes: Vec::new() };
        writer.part("_rels/.rels", "", &root_rels())?;
        for (name, kind, xml) in settings() {
            writer.part(name, kind, &xml)?;
        }
        let theme_type = "application/vnd.openxmlformats-officedocument.theme+xml";
        writer.part("ppt/theme/theme1.xml", theme_type, &theme::theme(config))?;
        writer.part("ppt/theme/theme2.xml", theme_type, &theme::theme(config))?;
        let (xml, rels) = slide_master();
        writer.part("ppt/slideMasters/slideMaster1.xml", "slideMaster", &xml)?;
        writer.part("ppt/slideMasters/_rels/slideMaster1.xml.rels", "", &rels)?;
        for n in 1..=LAYOUTS {
            let (xml, rels) = slide_layout(n);
            writer.part(&format!("ppt/slideLayouts/slideLayout{n}.xml"), "slideLayout", &xml)?;
            writer.part(&format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"), "", &rels)?;
        }
        let (xml, rels) = notes_master();
        writer.part("ppt/notesMasters/notesMaster1.xml", "notesMaster", &xml)?;
        writer.part("ppt/notesMasters/_rels/notesMaster1.xml.rels", "", &rels)?;
        Ok(writer)
    }

    /// Writes part `name` of kind `kind` (empty for relationships).
    fn part(&mut self, name: &str, kind: &str, xml: &str) -> ZipResult<()> {
        self.zip.add_prepared_file(compress(name, xml)?)?;
        self.parts.push((name.to_string(), if kind.is_empty() { String::new() } else { content_type(kind) }));
        Ok(())
    }

    /// Writes the next slide.
    pub fn add(&mut self, slide: PreparedSlide) -> ZipResult<()> {
        if slide.n != self.slides + 1 {
            return Err(ZipError::Io(std::io::Error::other(format!(
                "slide {} written after {}",
                slide.n, self.slides
            ))));
        }
        self.slides += 1;
        if slide.notes {
            self.notes.push(slide.n);
        }
        self.zip.add_prepared_files(slide.files)
    }

    /// Writes the parts that list the slides and the document properties; returns the writer.
    pub fn finish(mut self, title: &str, properties: Properties) -> ZipResult<W> {
        let (xml, rels) = presentation(self.slides);
        self.part("ppt/presentation.xml", "presentation.main", &xml)?;
        self.part("ppt/_rels/presentation.xml.rels", "", &rels)?;
        let core_type = "application/vnd.openxmlformats-package.core-properties+xml";
        self.part("docProps/core.xml", core_type, &core(title, properties.author, properties.date))?;
        let app_type = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
        self.part("docProps/app.xml", app_type, &app(self.slides, self.notes.len()))?;
        let slides: Vec<String> = (1..=self.slides).map(|n| format!("ppt/slides/slide{n}.xml")).collect();
        let notes: Vec<String> = self.notes.iter().map(|n| format!("ppt/notesSlides/notesSlide{n}.xml")).collect();
        let types = content_types(
            self.parts
                .iter()
                .map(|(name, kind)| (name.as_str(), kind.clone()))
                .chain(slides.iter().map(|name| (name.as_str(), content_type("slide"))))
                .chain(notes.iter().map(|name| (name.as_str(), content_type("notesSlide")))),
        );
        self.zip.add_prepared_file(compress("[Content_Types].xml", &types)?)?;
        Ok(self.zip.finish()?.into_inner())
    }
}
