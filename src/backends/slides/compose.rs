//! Whole decks: a document's deck (title slide, then its sections) and the site deck (title,
//! contents, then a section divider and the slides of every document).

use super::deck::{plain, Deck, Item, Layout, Link, Marker, Run, Slide, Text};
use super::layout::{body_height, boxes, BODY_BOX};
use super::outline::{outline, Entry, Section};
use super::paginate::{fit_title, fits, paginate, slides, Page};
use super::runs::clean;
use crate::diag::Diagnostic;
use crate::ir::{Document, Span};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The deck of one document, with slides at heading level `level`, and warnings about content
/// that had to be cut to fit.
pub fn document_deck(doc: &Document, level: u8) -> Deck {
    let mut slides = Vec::new();
    let mut anchors = BTreeMap::new();
    let warnings = document_slides(doc, level, Layout::Title, &mut slides, &mut anchors);
    let diagnostics = warnings
        .into_iter()
        .map(|(span, message)| Diagnostic::warning(&doc.source, span.line, span.column, message))
        .collect();
    Deck {
        title: clean(&doc.title),
        document: Some(doc.id.clone()),
        folder: doc.folder.clone(),
        slides,
        anchors,
        diagnostics,
    }
}

/// The deck of a whole site: a title slide, the contents, and each document after a divider.
pub fn site_deck(title: &str, docs: &[&Document], level: u8) -> Deck {
    let count = match docs.len() {
        1 => "1 document".to_string(),
        n => format!("{n} documents"),
    };
    let mut deck = vec![cover(Layout::Title, &clean(title), vec![text(&count)], Vec::new())];
    let contents: Vec<Entry> = docs
        .iter()
        .map(|d| {
            let link = Some(Link::Document { id: d.id.clone(), anchor: None });
            let text = vec![Run { text: clean(&d.title), link, ..Run::default() }];
            Entry::Item(Item::Bullet { level: 1, marker: Marker::Bullet, text })
        })
        .collect();
    if !contents.is_empty() {
        deck.extend(slides("Contents", Layout::Content, paginate(&contents, BODY_BOX)));
    }
    // Each document's slides are made in parallel, then joined in order.
    let parts: Vec<(Vec<Slide>, BTreeMap<String, usize>)> = docs
        .par_iter()
        .map(|doc| {
            let (mut slides, mut anchors) = (Vec::new(), BTreeMap::new());
            document_slides(doc, level, Layout::Section, &mut slides, &mut anchors);
            (slides, anchors)
        })
        .collect();
    let mut anchors = BTreeMap::new();
    for (slides, local) in parts {
        let offset = deck.len();
        anchors.extend(local.into_iter().map(|(name, n)| (name, n + offset)));
        deck.extend(slides);
    }
    Deck { title: clean(title), document: None, folder: String::new(), slides: deck, anchors, diagnostics: Vec::new() }
}

fn text(s: &str) -> Text {
    vec![Run { text: clean(s), ..Run::default() }]
}

/// A document's opening slide (title or divider) followed by its content slides; `anchors`
/// gets the first slide of the document and of each of its headings. Returns the outline's
/// warnings.
fn document_slides(
    doc: &Document,
    level: u8,
    layout: Layout,
    out: &mut Vec<Slide>,
    anchors: &mut BTreeMap<String, usize>,
) -> Vec<(Span, String)> {
    let outline = outline(doc, level);
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
    let mut opening = cover(layout, &clean(&doc.title), under, more);
    opening.notes.extend(notes);
    out.push(opening);
    anchors.insert(doc.id.clone(), out.len());
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
            anchors.entry(format!("{}#{anchor}", doc.id)).or_insert(out.len() + 1);
        }
        out.extend(section_slides(&Section { title, ..section.clone() }));
    }
    if let Some(title) = pending {
        for anchor in pending_anchors.drain(..) {
            anchors.entry(format!("{}#{anchor}", doc.id)).or_insert(out.len() + 1);
        }
        out.extend(slides(&title, Layout::Content, vec![Page::default()]));
    }
    outline.warnings
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
/// sub-headings, or, when that takes more than one slide, whole groups packed onto slides
/// under the section's title, and a group too long for one slide on its own slides.
fn section_slides(section: &Section) -> Vec<Slide> {
    if section.groups.is_empty() || fits_one(&section.entries()) {
        return slides(&section.title, Layout::Content, paginate(&section.entries(), BODY_BOX));
    }
    let mut out = Vec::new();
    let mut shared = 0;
    let mut chunk = section.intro.clone();
    for group in &section.groups {
        let entries = group.with_heading();
        let joined: Vec<Entry> = chunk.iter().chain(&entries).cloned().collect();
        if fits_one(&joined) {
            chunk = joined;
        } else if fits_one(&entries) {
            flush(&mut out, section, &mut shared, std::mem::replace(&mut chunk, entries));
        } else {
            flush(&mut out, section, &mut shared, std::mem::take(&mut chunk));
            let title = format!("{}: {}", section.title, plain(&group.title));
            out.extend(slides(&title, Layout::Content, paginate(&group.entries, BODY_BOX)));
        }
    }
    flush(&mut out, section, &mut shared, chunk);
    out
}

fn fits_one(entries: &[Entry]) -> bool {
    fits(entries, BODY_BOX)
}

/// Adds the slide of a chunk of groups under the section's title ("… (cont.)" after the
/// first); a chunk of notes alone joins the last slide.
fn flush(out: &mut Vec<Slide>, section: &Section, shared: &mut usize, chunk: Vec<Entry>) {
    if chunk.iter().all(|e| matches!(e, Entry::Note(_))) {
        let notes = chunk.into_iter().filter_map(|e| if let Entry::Note(n) = e { Some(n) } else { None });
        match out.last_mut() {
            Some(last) => last.notes.extend(notes),
            None => out.extend(slides(
                &section.title,
                Layout::Content,
                vec![Page { items: vec![], notes: notes.collect() }],
            )),
        }
        return;
    }
    let title = if *shared == 0 { section.title.clone() } else { format!("{} (cont.)", section.title) };
    *shared += 1;
    out.extend(slides(&title, Layout::Content, paginate(&chunk, BODY_BOX)));
}
