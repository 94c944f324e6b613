//! Whole decks: a document's deck (title slide, then its sections) and the site deck (title,
//! contents, then a section divider and the slides of every document).

use super::config::LongProse;
use super::deck::{plain, Deck, Item, Layout, Link, Marker, Run, Slide, Text};
use super::images::{copies_folder, ImageSizes};
use super::layout::{boxes, BODY_BOX};
use super::measure::item_height;
use super::outline::{outline, Entry, Options, Section};
use super::paginate::{fit_title, paginate, slides, Page};
use super::runs::clean;
use crate::diag::Diagnostic;
use crate::ir::Document;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// A document's slides, composed once for its own deck and for the site deck: the opening
/// slide in both layouts (a title slide in its deck, a divider in the site's), then the rest.
#[derive(Debug, Clone)]
pub struct Composed {
    /// The opening slide as its own deck shows it.
    pub title: Slide,
    /// The opening slide as the site deck shows it.
    pub section: Slide,
    pub rest: Vec<Slide>,
    /// The slide (1-based, the opening is 1) that shows the document (`id`) or each of its
    /// headings (`id#anchor`).
    pub anchors: BTreeMap<String, usize>,
    /// What had to give to make the content fit, naming the document's source.
    pub diagnostics: Vec<Diagnostic>,
}

impl Composed {
    /// The number of slides.
    pub fn count(&self) -> usize {
        1 + self.rest.len()
    }
}

/// Composes the slides of `doc` as `options` say.
pub fn compose(doc: &Document, options: Options) -> Composed {
    let outline = outline(doc, options);
    let mut under = Vec::new();
    if doc.label() != doc.title {
        under.push(vec![Run { text: clean(doc.label()), bold: true, ..Run::default() }]);
    }
    let mut more: Vec<Text> =
        outline.lead.clone().or_else(|| doc.meta.description.as_deref().map(text)).into_iter().collect();
    let mut notes = Vec::new();
    let mut sections = outline.sections.as_slice();
    // Short paragraphs before the first heading join the lead on the opening slide.
    if let Some(first) = sections.first().filter(|s| s.anchor.is_none() && s.groups.is_empty()) {
        if first.intro.iter().all(|e| matches!(e, Entry::Note(_) | Entry::Item(Item::Paragraph(_)))) {
            for entry in &first.intro {
                match entry {
                    Entry::Item(Item::Paragraph(p)) => more.push(p.clone()),
                    Entry::Note(n) => notes.push(n.clone()),
                    _ => {}
                }
            }
            sections = &sections[1..];
        }
    }
    let title = clean(&doc.title);
    let [mut opening, mut section] =
        [Layout::Title, Layout::Section].map(|layout| cover(layout, &title, under.clone(), more.clone()));
    // The title slide shows the leading H1's emphasis, code and links, unless its title was cut.
    if opening.title == title {
        opening.title_runs = outline.title.clone().unwrap_or_default();
    }
    opening.notes.extend(notes.iter().cloned());
    section.notes.extend(notes);
    let mut anchors = BTreeMap::from([(doc.id.clone(), 1)]);
    let mut rest = Vec::new();
    // Slide numbers count the opening slide.
    let next = |rest: &Vec<Slide>| rest.len() + 2;
    // A heading with nothing under it titles the next section with it: "Inputs: who-to-greet".
    let mut pending: Option<String> = None;
    let mut pending_anchors = Vec::new();
    for section in sections {
        pending_anchors.extend(section.anchor.iter().chain(section.groups.iter().map(|g| &g.anchor)));
        let title = match pending.take() {
            Some(before) if !before.is_empty() && !section.title.is_empty() => format!("{before}: {}", section.title),
            Some(before) if section.title.is_empty() => before,
            _ => section.title.clone(),
        };
        if section.intro.is_empty() && section.groups.is_empty() {
            pending = Some(title);
            continue;
        }
        for anchor in pending_anchors.drain(..) {
            anchors.entry(format!("{}#{anchor}", doc.id)).or_insert(next(&rest));
        }
        rest.extend(section_slides(&Section { title, ..section.clone() }));
    }
    if let Some(title) = pending {
        for anchor in pending_anchors.drain(..) {
            anchors.entry(format!("{}#{anchor}", doc.id)).or_insert(next(&rest));
        }
        rest.extend(slides(&title, Layout::Content, vec![Page::default()]));
    }
    let diagnostics = outline
        .warnings
        .into_iter()
        .map(|(span, message)| Diagnostic::warning(&doc.source, span.line, span.column, message))
        .collect();
    Composed { title: opening, section, rest, anchors, diagnostics }
}

/// The deck of one document, with slides at heading level `level`, in the page's own language,
/// and warnings about content that had to be cut to fit.
pub fn document_deck(doc: &Document, level: u8) -> Deck {
    let composed = compose(doc, Options { level, long_prose: LongProse::Slides, images: &ImageSizes::new() });
    deck_of(doc, composed, doc.meta.lang.as_ref().map(|lang| lang.as_str().to_string()))
}

/// The deck of `doc` from its `composed` slides, in `lang`, its images copied to
/// [`copies_folder`].
pub fn deck_of(doc: &Document, composed: Composed, lang: Option<String>) -> Deck {
    let copies = copies_folder(&doc.id);
    Deck {
        title: clean(&doc.title),
        document: Some(doc.id.clone()),
        folder: doc.folder.clone(),
        slides: std::iter::once(composed.title).chain(composed.rest).collect(),
        copies: copies.rsplit('/').next().unwrap_or(&copies).to_string(),
        anchors: composed.anchors,
        diagnostics: composed.diagnostics,
        lang,
    }
}

/// The slides the site deck opens with: a title slide and the contents.
pub fn site_front(title: &str, docs: &[&Document]) -> Vec<Slide> {
    let count = match docs.len() {
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    };
    let mut front = vec![cover(Layout::Title, &clean(title), vec![text(&count)], Vec::new())];
    let contents: Vec<Entry> = docs
        .iter()
        .map(|d| {
            let link = Some(Link::Document { id: d.id.clone(), anchor: None });
            let text = vec![Run { text: clean(&d.title), link, ..Run::default() }];
            Entry::Item(Item::Bullet { level: 1, marker: Marker::Bullet, text })
        })
        .collect();
    if !contents.is_empty() {
        front.extend(slides("Contents", Layout::Content, paginate(&contents, BODY_BOX)));
    }
    front
}

/// The site deck without its slides: title and, for links, the slide of every document and
/// heading, the documents' slides following `front` slides in order.
pub fn site_links(title: &str, front: usize, parts: &[(&BTreeMap<String, usize>, usize)]) -> Deck {
    let mut anchors = BTreeMap::new();
    let mut offset = front;
    for (local, count) in parts {
        anchors.extend(local.iter().map(|(name, n)| (name.clone(), n + offset)));
        offset += count;
    }
    Deck {
        title: clean(title),
        document: None,
        folder: String::new(),
        slides: Vec::new(),
        copies: String::new(),
        anchors,
        diagnostics: Vec::new(),
        lang: None,
    }
}

/// The deck of a whole site in memory: a title slide, the contents, and each document after a
/// divider.
pub fn site_deck(title: &str, docs: &[&Document], level: u8) -> Deck {
    let front = site_front(title, docs);
    let images = ImageSizes::new();
    let options = Options { level, long_prose: LongProse::Slides, images: &images };
    let composed: Vec<Composed> = docs.par_iter().map(|doc| compose(doc, options)).collect();
    let parts: Vec<_> = composed.iter().map(|c| (&c.anchors, c.count())).collect();
    let mut deck = site_links(title, front.len(), &parts);
    deck.slides = front;
    for c in composed {
        deck.slides.push(c.section);
        deck.slides.extend(c.rest);
    }
    deck
}

/// Plain text as one unstyled run.
pub(crate) fn text(s: &str) -> Text {
    vec![Run { text: clean(s), ..Run::default() }]
}

/// A title or section slide: the title, then lines under it; those that do not fit go to the
/// notes.
fn cover(layout: Layout, title: &str, under: Vec<Text>, more: Vec<Text>) -> Slide {
    let (title, title_size) = fit_title(title, layout);
    let (_, area) = boxes(layout);
    let mut slide = Slide {
        layout,
        title,
        title_size,
        body: vec![],
        heights: vec![],
        footnotes: vec![],
        notes: vec![],
        title_runs: vec![],
    };
    for line in under.into_iter().chain(more) {
        let text = plain(&line);
        let item = Item::Paragraph(line);
        let height = item_height(&item, area.w);
        if slide.heights.iter().sum::<f32>() + height > area.h {
            slide.notes.push(text);
        } else {
            slide.body.push(item);
            slide.heights.push(height);
        }
    }
    slide
}

/// The slides of a section: its entries, groups under their titles, filling each slide.
fn section_slides(section: &Section) -> Vec<Slide> {
    slides(&section.title, Layout::Content, paginate(&section.entries(), BODY_BOX))
}
