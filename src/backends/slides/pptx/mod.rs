//! The PPTX writer: a deck as an editable Office Open XML presentation, byte for byte the same
//! for the same deck (fixed part order, fixed zip entry times, dates only from the caller).

mod masters;
mod package;
mod slide;
mod table;
mod text;
mod theme;
mod xml;

use super::config::SlidesConfig;
use super::deck::Deck;
use masters::{notes_master, slide_layout, slide_master, LAYOUTS};
use package::{app, core, presentation, root_rels, settings, Package};
use rayon::prelude::*;
use slide::slide_parts;

/// The part names of slide `n` and its notes.
struct SlideNames {
    slide: String,
    rels: String,
    notes: String,
    notes_rels: String,
}

/// What goes into the document properties besides the deck.
#[derive(Debug, Clone, Copy, Default)]
pub struct Properties<'a> {
    pub author: Option<&'a str>,
    /// Creation date as W3CDTF (`2026-01-31T00:00:00Z`); omitted when `None`.
    pub date: Option<&'a str>,
}

/// The `.pptx` bytes of `deck`.
pub fn write(deck: &Deck, config: &SlidesConfig, properties: Properties) -> zip::result::ZipResult<Vec<u8>> {
    let mut package = Package::default();
    package.add_rels("_rels/.rels", root_rels());
    let notes = deck.slides.iter().filter(|s| !s.notes.is_empty()).count();
    package.add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", {
        core(&deck.title, properties.author, properties.date)
    });
    package.add("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", {
        app(deck.slides.len(), notes)
    });
    let (xml, rels) = presentation(deck.slides.len());
    package.add("ppt/presentation.xml", "presentation.main", xml);
    package.add_rels("ppt/_rels/presentation.xml.rels", rels);
    for (name, kind, xml) in settings() {
        package.add(name, kind, xml);
    }
    let theme_type = "application/vnd.openxmlformats-officedocument.theme+xml";
    package.add("ppt/theme/theme1.xml", theme_type, theme::theme(config));
    package.add("ppt/theme/theme2.xml", theme_type, theme::theme(config));
    let (xml, rels) = slide_master();
    package.add("ppt/slideMasters/slideMaster1.xml", "slideMaster", xml);
    package.add_rels("ppt/slideMasters/_rels/slideMaster1.xml.rels", rels);
    for n in 1..=LAYOUTS {
        let (xml, rels) = slide_layout(n);
        package.add(format!("ppt/slideLayouts/slideLayout{n}.xml"), "slideLayout", xml);
        package.add_rels(format!("ppt/slideLayouts/_rels/slideLayout{n}.xml.rels"), rels);
    }
    let (xml, rels) = notes_master();
    package.add("ppt/notesMasters/notesMaster1.xml", "notesMaster", xml);
    package.add_rels("ppt/notesMasters/_rels/notesMaster1.xml.rels", rels);
    let names = |n: usize| SlideNames {
        slide: format!("ppt/slides/slide{n}.xml"),
        rels: format!("ppt/slides/_rels/slide{n}.xml.rels"),
        notes: format!("ppt/notesSlides/notesSlide{n}.xml"),
        notes_rels: format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
    };
    for (n, slide) in (1..).zip(&deck.slides) {
        let names = names(n);
        package.declare(names.slide, "slide");
        if !slide.notes.is_empty() {
            package.declare(names.notes, "notesSlide");
        }
    }
    let mut zip = package.start()?;
    // Slides are made in parallel and zipped in order, a batch at a time: a site deck can have
    // thousands, and only one batch of their XML is held.
    for start in (1..=deck.slides.len()).step_by(256) {
        let batch: Vec<_> = (start..(start + 256).min(deck.slides.len() + 1))
            .into_par_iter()
            .map(|n| (names(n), slide_parts(deck, n, &config.accent)))
            .collect();
        for (names, parts) in batch {
            zip.write(&names.slide, &parts.xml)?;
            zip.write(&names.rels, &parts.rels)?;
            if let Some((xml, rels)) = parts.notes {
                zip.write(&names.notes, &xml)?;
                zip.write(&names.notes_rels, &rels)?;
            }
        }
    }
    zip.finish()
}
