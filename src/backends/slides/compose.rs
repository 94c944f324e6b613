//! Whole decks: a document's deck (title slide, then its sections) and the site deck (title,
//! contents, then a section divider and the slides of every document).

use super::deck::{plain, Deck, Item, Layout, Marker, Run, Slide, Text};
use super::layout::{body_height, boxes, BODY_BOX};
use super::outline::{outline, Entry, Section};
use super::paginate::{fit_title, paginate, slides};
use crate::ir::Document;

/// The deck of one document, with slides at heading level `level`.
pub fn document_deck(doc: &Document, level: u8) -> Deck {
    let mut slides = Vec::new();
    document_slides(doc, level, Layout::Title, &mut slides);
    Deck { title: doc.title.clone(), slides }
}

/// The deck of a whole site: a title slide, the contents, and each document after a divider.
pub fn site_deck(title: &str, docs: &[&Document], level: u8) -> Deck {
    let count = match docs.len() {
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    };
    let mut deck = vec![cover(Layout::Title, title, vec![text(&count)], Vec::new())];
    let contents: Vec<Entry> = docs
        .iter()
        .map(|d| Entry::Item(Item::Bullet { level: 1, marker: Marker::Bullet, text: text(&d.title) }))
        .collect();
    if !contents.is_empty() {
        deck.extend(slides("Contents", Layout::Content, paginate(&contents, BODY_BOX)));
    }
    for doc in docs {
        document_slides(doc, level, Layout::Section, &mut deck);
    }
    Deck { title: title.to_string(), slides: deck }
}

fn text(s: &str) -> Text {
    vec![Run { text: s.to_string(), ..Run::default() }]
}

/// A document's opening slide (title or divider) followed by its content slides.
fn document_slides(doc: &Document, level: u8, layout: Layout, out: &mut Vec<Slide>) {
    let outline = outline(doc, level);
    let mut under = Vec::new();
    if doc.label() != doc.title {
        under.push(vec![Run { text: doc.label().to_string(), bold: true, ..Run::default() }]);
    }
    let lead = outline.lead.clone().or_else(|| doc.meta.description.as_deref().map(text));
    out.push(cover(layout, &doc.title, under, lead.into_iter().collect()));
    for section in &outline.sections {
        out.extend(section_slides(section));
    }
}

/// A title or section slide: the title, then lines under it; those that do not fit go to the
/// notes.
fn cover(layout: Layout, title: &str, under: Vec<Text>, more: Vec<Text>) -> Slide {
    let (title, title_size) = fit_title(title, layout);
    let (_, area) = boxes(layout);
    let mut slide = Slide { layout, title, title_size, body: Vec::new(), notes: Vec::new() };
    for line in under.into_iter().chain(more) {
        slide.body.push(Item::Paragraph(line));
        if body_height(&slide.body, area.w) > area.h {
            if let Some(Item::Paragraph(line)) = slide.body.pop() {
                slide.notes.push(plain(&line));
            }
        }
    }
    slide
}

/// The slides of a section: one slide (or continuation slides) with its groups as
/// sub-headings, or, when that takes more than one slide, its own slides for each group.
fn section_slides(section: &Section) -> Vec<Slide> {
    let pages = paginate(&section.entries(), BODY_BOX);
    if pages.len() == 1 || section.groups.is_empty() {
        return slides(&section.title, Layout::Content, pages);
    }
    let mut out = Vec::new();
    let mut carried = Vec::new();
    if section.intro.iter().any(|e| !matches!(e, Entry::Note(_))) {
        out.extend(slides(&section.title, Layout::Content, paginate(&section.intro, BODY_BOX)));
    } else {
        carried = section.intro.clone();
    }
    for group in &section.groups {
        let mut entries = std::mem::take(&mut carried);
        entries.extend(group.entries.iter().cloned());
        let title = format!("{}: {}", section.title, plain(&group.title));
        out.extend(slides(&title, Layout::Content, paginate(&entries, BODY_BOX)));
    }
    out
}
