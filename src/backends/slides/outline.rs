//! The first step from a document to a deck: its blocks sorted into the lead, sections (one
//! per heading at the slide level) and their groups (the headings one level below), each a
//! list of slide items and speaker notes. `paginate` then fits them onto slides.

use super::deck::{plain, Item, Marker, Run, Text};
use super::layout::BODY_BOX;
use super::runs::{clean, runs, trim};
use super::tables::fit;
use crate::ir::{plain_text, Align, Block, BlockKind, Cell, Document, Inline, ListItem, Span};

/// Paragraphs longer than this many characters are prose for the speaker notes.
const SHORT_PARAGRAPH: usize = 240;
/// Code blocks up to this many lines (and this many columns) stay on the slide.
const SHORT_CODE: (usize, usize) = (10, 72);

/// A document sorted for slides.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The opening paragraph, for the title slide.
    pub lead: Option<Text>,
    pub sections: Vec<Section>,
    /// Where content had to be cut to fit a slide, and how.
    pub warnings: Vec<(Span, String)>,
}

/// The material of one heading at the slide level (or, first, of what precedes any).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    /// The heading's anchor id (`None` for material before any heading).
    pub anchor: Option<String>,
    pub intro: Vec<Entry>,
    pub groups: Vec<Group>,
}

/// The material under a heading one level below the slide level.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub title: Text,
    pub anchor: String,
    pub entries: Vec<Entry>,
}

/// One thing for a slide, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// Something on the slide (a table already laid out for the body).
    Item(Item),
    Note(String),
}

impl Section {
    /// Every entry of the section with group titles as sub-headings, in reading order.
    pub fn entries(&self) -> Vec<Entry> {
        let mut all = self.intro.clone();
        for group in &self.groups {
            all.extend(group.with_heading());
        }
        all
    }
}

impl Group {
    /// The group's entries under its title as a sub-heading (left out when notes, and nothing
    /// else, follow it; a heading with nothing under it is kept, so that its text is shown).
    pub fn with_heading(&self) -> Vec<Entry> {
        let mut entries = Vec::with_capacity(self.entries.len() + 1);
        if self.entries.is_empty() || self.entries.iter().any(|e| !matches!(e, Entry::Note(_))) {
            entries.push(Entry::Item(Item::Heading(self.title.clone())));
        }
        entries.extend(self.entries.iter().cloned());
        entries
    }
}

/// Sorts `doc` into sections at heading level `level`, or at its shallowest heading level
/// when it has no heading that high.
pub fn outline(doc: &Document, level: u8) -> Outline {
    let body = doc.body();
    let shallowest = body.blocks.iter().filter_map(heading_level).min();
    let level = match shallowest {
        Some(s) if s > level => s,
        _ => level,
    };
    let mut lead = None;
    let mut sections: Vec<Section> = Vec::new();
    let mut warnings = Vec::new();
    for block in &body.blocks {
        match &block.kind {
            BlockKind::Heading { level: l, content, id } if *l <= level => {
                sections.push(Section {
                    title: clean(&plain_text(content)).trim().to_string(),
                    anchor: Some(id.clone()),
                    intro: vec![],
                    groups: vec![],
                });
            }
            BlockKind::Heading { level: l, content, id } if *l == level + 1 => {
                let section = current(&mut sections, doc);
                section.groups.push(Group { title: trim(runs(content)), anchor: id.clone(), entries: Vec::new() });
            }
            BlockKind::Paragraph { content } if sections.is_empty() && lead.is_none() => {
                let text = trim(runs(content));
                if plain(&text).chars().count() <= 2 * SHORT_PARAGRAPH {
                    lead = Some(text);
                } else {
                    convert(block, &mut current(&mut sections, doc).intro, &mut warnings);
                }
            }
            _ => {
                let section = current(&mut sections, doc);
                let entries = match section.groups.last_mut() {
                    Some(group) => &mut group.entries,
                    None => &mut section.intro,
                };
                convert(block, entries, &mut warnings);
            }
        }
    }
    Outline { lead, sections, warnings }
}

fn heading_level(block: &Block) -> Option<u8> {
    match block.kind {
        BlockKind::Heading { level, .. } => Some(level),
        _ => None,
    }
}

/// The section being filled; material before the first heading goes to one titled as the
/// document.
fn current<'a>(sections: &'a mut Vec<Section>, doc: &Document) -> &'a mut Section {
    if sections.is_empty() {
        sections.push(Section { title: clean(&doc.title), anchor: None, intro: Vec::new(), groups: Vec::new() });
    }
    sections.last_mut().expect("a section exists")
}

/// The entries for one block; `warnings` gets what had to be cut.
fn convert(block: &Block, out: &mut Vec<Entry>, warnings: &mut Vec<(Span, String)>) {
    match &block.kind {
        BlockKind::Paragraph { content } => paragraph(content, out),
        BlockKind::Heading { content, .. } => out.push(Entry::Item(Item::Heading(trim(runs(content))))),
        BlockKind::List { start, items, .. } => list(items, *start, 1, out, warnings),
        BlockKind::Table { align, head, rows } => table(align, head, rows, block.span, out, warnings),
        BlockKind::CodeBlock { text, .. } => {
            let text = clean(text.trim_end());
            let text = text.as_str();
            let (lines, columns) = SHORT_CODE;
            if text.lines().count() <= lines && text.lines().all(|l| l.chars().count() <= columns) {
                out.push(Entry::Item(Item::Code(text.to_string())));
            } else {
                out.push(Entry::Note(text.to_string()));
            }
        }
        BlockKind::Quote { blocks } => blocks.iter().for_each(|b| convert(b, out, warnings)),
        BlockKind::Callout { kind, title, blocks } => {
            let title = title.as_ref().map_or_else(|| kind.display_name().to_string(), |t| clean(&plain_text(t)));
            let label = Run { text: format!("{}: ", title.trim()), bold: true, ..Run::default() };
            // A callout is a point the author wants seen: its first paragraph stays on the
            // slide even when it is twice as long as other text there.
            if let Some(BlockKind::Paragraph { content }) = blocks.first().map(|b| &b.kind) {
                let text = trim(runs(content));
                if plain(&text).chars().count() <= 2 * SHORT_PARAGRAPH {
                    out.push(Entry::Item(Item::Paragraph(std::iter::once(label).chain(text).collect())));
                    blocks[1..].iter().for_each(|b| convert(b, out, warnings));
                    return;
                }
            }
            let mut inner = Vec::new();
            blocks.iter().for_each(|b| convert(b, &mut inner, warnings));
            match inner.first_mut() {
                Some(Entry::Item(Item::Paragraph(text))) => text.insert(0, label),
                Some(Entry::Note(note)) => *note = format!("{}{note}", label.text),
                _ => inner.insert(0, Entry::Item(Item::Paragraph(vec![label]))),
            }
            out.extend(inner);
        }
        BlockKind::Rule | BlockKind::Raw { .. } => {}
    }
}

/// A paragraph: an italic "Example:" or long prose goes to the notes, an all-bold line is a
/// sub-heading, anything else is text on the slide.
fn paragraph(content: &[Inline], out: &mut Vec<Entry>) {
    let text = trim(runs(content));
    let plain = plain(&text);
    if plain.is_empty() {
        return;
    }
    let is_example = text.iter().all(|r| r.italic) && plain.starts_with("Example");
    if is_example || plain.chars().count() > SHORT_PARAGRAPH {
        out.push(Entry::Note(plain));
    } else if text.iter().all(|r| r.bold) {
        out.push(Entry::Item(Item::Heading(text)));
    } else {
        out.push(Entry::Item(Item::Paragraph(text)));
    }
}

/// Bullets for a list; lists nested deeper than two levels join the second level.
fn list(items: &[ListItem], start: Option<u64>, level: u8, out: &mut Vec<Entry>, warnings: &mut Vec<(Span, String)>) {
    for (i, item) in items.iter().enumerate() {
        let marker = start.map_or(Marker::Bullet, |s| Marker::Number(s.saturating_add(i as u64)));
        let mut text: Text = match item.checked {
            Some(true) => vec![Run { text: "☑ ".into(), ..Run::default() }],
            Some(false) => vec![Run { text: "☐ ".into(), ..Run::default() }],
            None => Vec::new(),
        };
        let mut after = Vec::new();
        for block in &item.blocks {
            match &block.kind {
                BlockKind::Paragraph { content } => {
                    if !text.is_empty() && !plain(&text).ends_with(' ') {
                        text.push(Run { text: " ".into(), ..Run::default() });
                    }
                    text.extend(trim(runs(content)));
                }
                BlockKind::List { start, items, .. } => list(items, *start, (level + 1).min(2), &mut after, warnings),
                _ => convert(block, &mut after, warnings),
            }
        }
        out.push(Entry::Item(Item::Bullet { level, marker, text: trim(text) }));
        out.extend(after);
    }
}

/// A table laid out for the slide body; rows too tall for any slide are shortened, given in
/// full in the notes, and reported.
fn table(
    align: &[Align],
    head: &[Cell],
    rows: &[Vec<Cell>],
    span: Span,
    out: &mut Vec<Entry>,
    warnings: &mut Vec<(Span, String)>,
) {
    let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let cells = |row: &[Cell]| -> Vec<Text> {
        (0..columns).map(|i| row.get(i).map_or_else(Vec::new, |c| trim(runs(c)))).collect()
    };
    let align = (0..columns).map(|i| align.get(i).copied().unwrap_or(Align::None)).collect();
    let rows = rows.iter().map(|r| cells(r)).collect();
    let (table, shortened) = fit(align, cells(head), rows, BODY_BOX.w, BODY_BOX.h);
    out.push(Entry::Item(Item::Table(table)));
    for (row, text) in shortened {
        warnings
            .push((span, format!("table row {row} is too long for a slide; shortened there, in full in the notes")));
        out.push(Entry::Note(text));
    }
}
