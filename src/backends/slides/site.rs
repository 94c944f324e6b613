//! The site deck, written as its documents come: the title and contents first, then each
//! document's divider and slides, into the PPTX, the PDF and the Marp outline at once. Its
//! links are known before the first slide is written ([`SiteLinks`]), so nothing waits for the
//! end but the parts that count the slides.

use super::compose::{compose, site_front, site_links, Composed};
use super::config::SlidesConfig;
use super::deck::{Deck, Slide};
use super::images::{self, ImageFiles};
use super::outline::Options;
use super::pdf::{names_by_slide, slide_marks, slide_pages};
use super::pptx::{prepare, Look, PptxWriter, Properties, Template, Written, Zipped};
use super::{marp, slide_pdf_error, slide_zip_error};
use crate::config::Standards;
use crate::error::Result;
use crate::ir::Document;
use crate::layout::Assets;
use crate::layout::Rgb;
use crate::pdf::{Info, Links, Mark, PdfWriter, SetPages};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

/// What the site deck's slides link to, and where each document's slides start.
pub struct SiteLinks {
    /// The deck without slides: its title and the slide of every document and heading.
    pub deck: Deck,
    /// The names of the places on each slide.
    names: BTreeMap<usize, Vec<String>>,
    /// The title and contents slides.
    pub front: Vec<Slide>,
    /// The number of the first slide of each document, in collection order.
    pub first: Vec<usize>,
    /// Whether the deck shows each document's slides after its divider (else the divider only).
    pub full: bool,
    /// The documents' slides as composed to count them (for a full deck), by document id, so
    /// that they are composed once.
    pub composed: HashMap<String, Composed>,
}

impl SiteLinks {
    /// The links of the full site deck: every document composed once to count its slides and
    /// find its headings.
    pub fn new(title: &str, docs: &[&Document], options: Options) -> SiteLinks {
        let composed: Vec<Composed> = docs.par_iter().map(|doc| compose(doc, options)).collect();
        let counts = composed.iter().map(|c| (c.anchors.clone(), c.count())).collect();
        let mut links = SiteLinks::of(title, docs, counts, true);
        links.composed = docs.iter().map(|d| d.id.clone()).zip(composed).collect();
        links
    }

    /// The links of a site deck of dividers: one slide a document.
    pub fn dividers(title: &str, docs: &[&Document]) -> SiteLinks {
        let counts = docs.iter().map(|doc| (BTreeMap::from([(doc.id.clone(), 1)]), 1)).collect();
        SiteLinks::of(title, docs, counts, false)
    }

    fn of(title: &str, docs: &[&Document], counts: Vec<(BTreeMap<String, usize>, usize)>, full: bool) -> SiteLinks {
        let front = site_front(title, docs);
        let parts: Vec<(&BTreeMap<String, usize>, usize)> = counts.iter().map(|(a, c)| (a, *c)).collect();
        let deck = site_links(title, front.len(), &parts);
        let mut first = Vec::with_capacity(counts.len());
        let mut next = front.len() + 1;
        for (_, count) in &counts {
            first.push(next);
            next += count;
        }
        let names = names_by_slide(&deck.anchors);
        SiteLinks { deck, names, front, first, full, composed: HashMap::new() }
    }

    fn marks(&self, n: usize, title: &str) -> Vec<Mark> {
        slide_marks(n, title, self.names.get(&n).map_or(&[][..], Vec::as_slice))
    }
}

/// A run of the site deck's slides made ready to write: zipped PPTX parts, PDF pages with
/// their marks, Marp text.
pub struct SitePart {
    pptx: Zipped,
    pages: Vec<SetPages>,
    marks: Vec<Vec<Mark>>,
    marp: String,
    /// The images its slides show, by asset key.
    images: Vec<String>,
}

impl SitePart {
    /// The front slides (title and contents).
    pub fn front(links: &SiteLinks, config: &SlidesConfig) -> Result<SitePart> {
        let laid = slide_pages(&links.front, 1, (Rgb::from(config.accent), config.code_theme), "", "");
        let slides: Vec<&Slide> = links.front.iter().collect();
        // The front slides show no images.
        let none = Assets::new();
        let files = ImageFiles { source: &none, drawn: &none };
        SitePart::new(links, &slides, 1, vec![SetPages::new(&laid.pages, laid.tree)], (config, files), None)
    }

    /// A document's slides from `first` on: its divider (`section`) and the rest of its slides,
    /// whose pages are set already (`rest_pages`), showing images of `look`'s files, and whose
    /// PPTX parts are copied from `shown` (the document's own deck) where they are the same.
    pub fn document(
        links: &SiteLinks,
        section: &Slide,
        (rest, rest_pages): (&[Slide], SetPages),
        first: usize,
        look: (&SlidesConfig, ImageFiles),
        shown: Option<&Written>,
    ) -> Result<SitePart> {
        let config = look.0;
        let divider =
            slide_pages(std::slice::from_ref(section), first, (Rgb::from(config.accent), config.code_theme), "", "");
        let slides: Vec<&Slide> = std::iter::once(section).chain(rest).collect();
        let pages = vec![SetPages::new(&divider.pages, divider.tree), rest_pages];
        SitePart::new(links, &slides, first, pages, look, shown)
    }

    fn new(
        links: &SiteLinks,
        slides: &[&Slide],
        first: usize,
        pages: Vec<SetPages>,
        (config, files): (&SlidesConfig, ImageFiles),
        shown: Option<&Written>,
    ) -> Result<SitePart> {
        let numbered = || slides.iter().enumerate().map(|(i, slide)| (first + i, *slide));
        let accent = config.accent.to_string();
        let look = Look { accent: &accent, code_theme: config.code_theme };
        // After a document's divider come its own deck's slides from the second on, in order.
        let same = |i: usize| (shown.is_some() && i > 0).then_some(i);
        let slides_shown = numbered().enumerate().map(|(i, (n, slide))| (n, slide, same(i)));
        let pptx = prepare(&links.deck, slides_shown, look, files, shown).map_err(slide_zip_error)?;
        let marks = numbered().map(|(n, slide)| links.marks(n, &slide.title)).collect();
        let marp = numbered()
            .map(|(n, slide)| marp::slide_text(&links.deck, slide, n == 1, &config.accent.to_string()))
            .collect();
        let images = images::shown(slides.iter().copied()).into_iter().map(str::to_string).collect();
        Ok(SitePart { pptx, pages, marks, marp, images })
    }
}

/// The three files of the site deck being written.
pub struct SiteWriter<'a, 'w> {
    pptx: PptxWriter<&'w mut (dyn Write + Send)>,
    pdf: PdfWriter<'a, &'w mut (dyn Write + Send)>,
    marp: &'w mut (dyn Write + Send),
    images: BTreeSet<String>,
}

impl<'a, 'w> SiteWriter<'a, 'w> {
    /// Starts the deck titled `title` in the PPTX, PDF and Marp `outputs`, its outline's
    /// sub-headings in `accent` (RGB hex).
    pub fn new(
        outputs: [&'w mut (dyn Write + Send); 3],
        (title, accent): (&str, &str),
        template: &Template,
        assets: &'a Assets,
        standards: Standards,
    ) -> Result<SiteWriter<'a, 'w>> {
        let [pptx, pdf, marp] = outputs;
        let pptx = PptxWriter::new(pptx, template).map_err(slide_zip_error)?;
        let pdf = PdfWriter::new(pdf, assets, Links::Book, standards).map_err(slide_pdf_error)?;
        marp.write_all(marp::header(title, accent).as_bytes()).map_err(slide_pdf_error)?;
        Ok(SiteWriter { pptx, pdf, marp, images: BTreeSet::new() })
    }

    /// Writes the next slides.
    pub fn add(&mut self, part: SitePart) -> Result<()> {
        self.pptx.add(&part.pptx).map_err(slide_zip_error)?;
        let start = self.pdf.page_count();
        for pages in &part.pages {
            self.pdf.add(pages).map_err(slide_pdf_error)?;
        }
        for (i, marks) in part.marks.into_iter().enumerate() {
            for mark in marks {
                self.pdf.mark(start + i, mark);
            }
        }
        self.images.extend(part.images);
        self.marp.write_all(part.marp.as_bytes()).map_err(slide_pdf_error)
    }

    /// Writes what only the end can write; returns the images the deck showed, for their
    /// copies beside the outline.
    pub fn finish(self, title: &str, properties: Properties, info: &Info) -> Result<BTreeSet<String>> {
        self.pptx.finish((title, info.lang.as_deref()), properties).map_err(slide_zip_error)?;
        self.pdf.finish(info).map_err(slide_pdf_error)?;
        Ok(self.images)
    }
}
