//! The PPTX writer: a deck as an editable Office Open XML presentation, byte for byte the same
//! for the same deck (fixed part order, fixed zip entry times, dates only from the caller).
//!
//! A presentation is written as its slides come ([`PptxWriter`]): the parts every deck has,
//! then the slides, made and compressed ahead ([`prepare`], in parallel), and at the end the
//! parts that list the slides (`presentation.xml`, the properties, `[Content_Types].xml`). So a
//! site deck of a large tree is never held whole; the zip is written in streaming mode.

mod masters;
mod package;
mod picture;
mod shown;
mod slide;
mod table;
mod text;
mod theme;
mod xml;

use super::config::SlidesConfig;
use super::deck::{Deck, Slide};
use crate::backends::ooxml::CoreProperties;
use crate::backends::slides::images::ImageFiles;
use masters::{notes_master, slide_layout, slide_master, LAYOUTS};
use package::{app, content_type, content_types, core, presentation, root_rels, settings, zip_options};
use shown::Shown;
pub use shown::Written;
use slide::slide_parts;
use std::collections::HashSet;
use std::io::{Cursor, Seek, Write};
pub use text::Look;
use zip::result::{ZipError, ZipResult};
use zip::write::StreamWriter;
use zip::{ZipArchive, ZipWriter};

/// What goes into the document properties besides the deck.
#[derive(Debug, Clone, Copy, Default)]
pub struct Properties<'a> {
    pub author: Option<&'a str>,
    /// Creation date as W3CDTF (`2026-01-31T00:00:00Z`); omitted when `None`.
    pub date: Option<&'a str>,
}

/// The `.pptx` of `deck`, with the deck-independent parts of `template` and the images of
/// `files` it shows, its slides zipped straight into it, in `look`.
pub fn write(
    deck: &Deck,
    template: &Template,
    properties: Properties,
    look: Look,
    files: ImageFiles,
) -> ZipResult<Written> {
    let mut writer = PptxWriter::new(Vec::new(), template)?;
    let numbered = deck.slides.iter().enumerate().map(|(i, slide)| (i + 1, slide, None));
    let slides = zip_slides(&mut writer.zip, deck, numbered, (look, files), &mut Shown::open(None)?)?;
    writer.count(&slides.numbers)?;
    writer.parts.extend(slides.media);
    let pptx = writer.finish((&deck.title, deck.lang.as_deref()), properties)?;
    // The template holds no slides: one part that is not a slide for each of its entries.
    Ok(Written { pptx, first: template.parts.len(), texts: slides.texts, alone: slides.alone })
}

/// The folder of the package's media parts.
const MEDIA: &str = "ppt/media/";

/// Parts zipped ahead in memory, to be copied into presentations as they are: slides made in
/// parallel are compressed where they are made, and the parts every deck has only once.
pub struct Zipped {
    zip: Vec<u8>,
    /// The parts that are not slides, with their content types (empty for relationships).
    parts: Vec<(String, String)>,
    slides: Numbers,
}

/// The number of each slide, and whether it has notes.
type Numbers = Vec<(usize, bool)>;

/// The parts every deck of a run has: theme, masters, layouts, settings.
pub type Template = Zipped;

/// The template of decks with the theme of `config`.
pub fn template(config: &SlidesConfig) -> ZipResult<Template> {
    let theme_type = "application/vnd.openxmlformats-officedocument.theme+xml";
    let mut parts: Vec<(String, &str, String)> = vec![("_rels/.rels".into(), "", root_rels())];
    parts.extend(settings().map(|(name, kind, xml)| (name.to_string(), kind, xml)));
    parts.push(("ppt/theme/theme1.xml".into(), theme_type, theme::theme(config)));
    parts.push(("ppt/theme/theme2.xml".into(), theme_type, theme::theme(config)));
    let (xml, rels) = slide_master();
    parts.push(("ppt/slideMasters/slideMaster1.xml".into(), "slideMaster", xml));
    parts.push(("ppt/slideMasters/_rels/slideMaster1.xml.rels".into(), "", rels));
    for n in 1..=LAYOUTS {
        let (xml, rels) = slide_layout(n);
        parts.push((format!("ppt/slideLayouts/slideLayout{n}.xml"), "slideLayout", xml));
        parts.push((format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"), "", rels));
    }
    let (xml, rels) = notes_master();
    parts.push(("ppt/notesMasters/notesMaster1.xml".into(), "notesMaster", xml));
    parts.push(("ppt/notesMasters/_rels/notesMaster1.xml.rels".into(), "", rels));
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, _, xml) in &parts {
        zip.start_file(name.as_str(), zip_options(xml.len()))?;
        zip.write_all(xml.as_bytes())?;
    }
    let parts = parts
        .into_iter()
        .map(|(name, kind, _)| (name, if kind.is_empty() { String::new() } else { content_type(kind) }))
        .collect();
    Ok(Zipped { zip: zip.finish()?.into_inner(), parts, slides: Vec::new() })
}

/// Makes and zips the parts of `slides` (each with its 1-based number, and the index of the
/// same slide in `shown` if it is there) of the deck whose links `deck` resolves, in `look`,
/// `files` the images they show. The site deck shows every document's slides again, mostly
/// with the same parts, so these are copied compressed from `shown` (the document's own deck):
/// without being made again for a slide whose parts are the same in any deck, else where
/// the text made is the text there.
pub fn prepare<'s>(
    deck: &Deck,
    slides: impl IntoIterator<Item = (usize, &'s Slide, Option<usize>)>,
    look: Look,
    files: ImageFiles,
    shown: Option<&Written>,
) -> ZipResult<Zipped> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let slides = zip_slides(&mut zip, deck, slides, (look, files), &mut Shown::open(shown)?)?;
    Ok(Zipped { zip: zip.finish()?.into_inner(), parts: slides.media, slides: slides.numbers })
}

/// What [`zip_slides`] zipped: the number of each slide and whether it has notes, the text of
/// each entry in order (empty for an image or a part copied unmade), the image parts with
/// their content types, and for each slide the entries of its part and relationships if they
/// are the same in any deck.
struct ZippedSlides {
    numbers: Numbers,
    texts: Vec<String>,
    media: Vec<(String, String)>,
    alone: Vec<Option<[usize; 2]>>,
}

/// Makes the parts of `slides` (with the images of `files` they show) and zips them into `zip`,
/// copying those `shown` has.
fn zip_slides<'s, W: Write + Seek>(
    zip: &mut ZipWriter<W>,
    deck: &Deck,
    slides: impl IntoIterator<Item = (usize, &'s Slide, Option<usize>)>,
    (look, files): (Look, ImageFiles),
    shown: &mut Shown,
) -> ZipResult<ZippedSlides> {
    let mut out = ZippedSlides { numbers: Vec::new(), texts: Vec::new(), media: Vec::new(), alone: Vec::new() };
    for (n, slide, same) in slides {
        let names = [format!("ppt/slides/slide{n}.xml"), format!("ppt/slides/_rels/slide{n}.xml.rels")];
        if let Some(entries) = same.and_then(|i| shown.alone(i)) {
            for (entry, name) in entries.into_iter().zip(names) {
                let file = shown.entry(entry)?.ok_or(ZipError::FileNotFound)?;
                zip.raw_copy_file_rename(file, name)?;
                out.texts.push(String::new());
            }
            out.numbers.push((n, false));
            out.alone.push(None);
            continue;
        }
        let parts = slide_parts(deck, slide, n, look, files);
        let [xml_name, rels_name] = names;
        out.alone.push(slide.stands_alone().then(|| [out.texts.len(), out.texts.len() + 1]));
        let mut named = vec![(xml_name, parts.xml), (rels_name, parts.rels)];
        out.numbers.push((n, parts.notes.is_some()));
        if let Some((xml, rels)) = parts.notes {
            named.push((format!("ppt/notesSlides/notesSlide{n}.xml"), xml));
            named.push((format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"), rels));
        }
        for (name, xml) in named {
            match shown.find(&xml)? {
                Some(file) => zip.raw_copy_file_rename(file, name)?,
                None => {
                    zip.start_file(name, zip_options(xml.len()))?;
                    zip.write_all(xml.as_bytes())?;
                }
            }
            out.texts.push(xml);
        }
        for part in parts.media {
            // An image shown on an earlier slide is in the package already.
            if out.media.iter().any(|(name, _)| *name == part.name) {
                continue;
            }
            // Images are compressed already: stored. No part's text is empty, so the empty
            // text keeps the entries in step without ever being found.
            zip.start_file(part.name.as_str(), zip_options(0))?;
            zip.write_all(&part.bytes)?;
            out.texts.push(String::new());
            out.media.push((part.name.clone(), part.content_type.to_string()));
        }
    }
    Ok(out)
}

/// A presentation being written into `W`.
pub struct PptxWriter<W: Write> {
    zip: ZipWriter<StreamWriter<Quiet<W>>>,
    /// The parts written so far that are not slides, with their content types.
    parts: Vec<(String, String)>,
    slides: usize,
    /// The numbers of the slides that have notes.
    notes: Vec<usize>,
    /// The media parts written, each once however many runs of slides show it.
    media: HashSet<String>,
}

impl<W: Write> PptxWriter<W> {
    /// Starts a presentation with the parts of `template`.
    pub fn new(out: W, template: &Template) -> ZipResult<Self> {
        let mut writer = PptxWriter {
            zip: ZipWriter::new_stream(Quiet { out, failed: false }),
            parts: Vec::new(),
            slides: 0,
            notes: Vec::new(),
            media: HashSet::new(),
        };
        writer.copy(template)?;
        Ok(writer)
    }

    /// Copies every entry of `zipped` in, but a media part written before.
    fn copy(&mut self, zipped: &Zipped) -> ZipResult<()> {
        let mut archive = ZipArchive::new(Cursor::new(zipped.zip.as_slice()))?;
        let known: HashSet<&str> = zipped
            .parts
            .iter()
            .filter(|(name, _)| name.starts_with(MEDIA) && !self.media.insert(name.clone()))
            .map(|(name, _)| name.as_str())
            .collect();
        for i in 0..archive.len() {
            let entry = archive.by_index_raw(i)?;
            if !known.is_empty() && known.contains(entry.name()?.as_ref()) {
                continue;
            }
            self.zip.raw_copy_file(entry)?;
        }
        self.parts.extend(zipped.parts.iter().filter(|(name, _)| !known.contains(name.as_str())).cloned());
        Ok(())
    }

    /// Writes part `name` of kind `kind` (empty for relationships).
    fn part(&mut self, name: &str, kind: &str, xml: &str) -> ZipResult<()> {
        self.zip.start_file(name, zip_options(xml.len()))?;
        self.zip.write_all(xml.as_bytes())?;
        self.parts.push((name.to_string(), if kind.is_empty() { String::new() } else { content_type(kind) }));
        Ok(())
    }

    /// Writes the next slides.
    pub fn add(&mut self, slides: &Zipped) -> ZipResult<()> {
        self.count(&slides.slides)?;
        self.copy(slides)
    }

    /// Counts the slides numbered in `slides` (with whether each has notes) as written next.
    fn count(&mut self, slides: &[(usize, bool)]) -> ZipResult<()> {
        for &(n, notes) in slides {
            if n != self.slides + 1 {
                return Err(ZipError::Io(std::io::Error::other(format!("slide {n} written after {}", self.slides))));
            }
            self.slides = n;
            if notes {
                self.notes.push(n);
            }
        }
        Ok(())
    }

    /// Writes the parts that list the slides and the document properties (the deck's title
    /// and language); returns the writer.
    pub fn finish(mut self, (title, language): (&str, Option<&str>), properties: Properties) -> ZipResult<W> {
        let (xml, rels) = presentation(self.slides);
        self.part("ppt/presentation.xml", "presentation.main", &xml)?;
        self.part("ppt/_rels/presentation.xml.rels", "", &rels)?;
        let core_type = "application/vnd.openxmlformats-package.core-properties+xml";
        let core_properties =
            CoreProperties { title, author: properties.author, date: properties.date, language, ..Default::default() };
        self.part("docProps/core.xml", core_type, &core(&core_properties))?;
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
        self.zip.start_file("[Content_Types].xml", zip_options(types.len()))?;
        self.zip.write_all(types.as_bytes())?;
        let quiet = self.zip.finish()?.into_inner();
        match quiet.failed {
            true => Err(ZipError::Io(std::io::Error::other("an earlier write failed"))),
            false => Ok(quiet.out),
        }
    }
}

/// The output of a [`PptxWriter`]: after a write fails, it drops what follows, so a presentation
/// abandoned on an error (whose first error has been returned) is dropped without the zip writer
/// trying, and failing again, to finish it.
struct Quiet<W> {
    out: W,
    failed: bool,
}

impl<W: Write> Write for Quiet<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed {
            return Ok(buf.len());
        }
        self.out.write(buf).inspect_err(|e| self.failed = failed(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.failed {
            true => Ok(()),
            false => self.out.flush().inspect_err(|e| self.failed = failed(e)),
        }
    }
}

/// Whether `error` ends the output (an interrupted call is retried).
fn failed(error: &std::io::Error) -> bool {
    error.kind() != std::io::ErrorKind::Interrupted
}
