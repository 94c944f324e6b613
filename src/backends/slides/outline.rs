//! The first step from a document to a deck: its blocks sorted into the lead, sections (one
//! per heading at the slide level) and their groups (the headings one level below), each a
//! list of slide items, footnotes and speaker notes. Everything stays on the slides but what
//! the author marked as notes (`<!-- notes: … -->`, `::: notes`), and long prose when
//! `[slides] long_prose = "notes"` asks for it. `paginate` then fits them onto slides.

use super::config::LongProse;
use super::deck::{plain, Item, Marker, Run, Text};
use super::footnotes::Footnotes;
use super::images::{image_item, ImageSizes};
use super::layout::BODY_BOX;
use super::runs::{clean, runs, trim};
use super::tables::fit;
use crate::ir::walk::query_inlines;
use crate::ir::{plain_text, Align, Block, BlockKind, Cell, Document, Inline, ListItem, Span};

/// Paragraphs longer than this many characters are long prose (see [`LongProse`]), and an
/// opening paragraph up to twice as long is the lead of the title slide.
const SHORT_PARAGRAPH: usize = 240;

/// How a document is sorted for slides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options<'a> {
    /// Headings at this level (and above) start a slide.
    pub level: u8,
    pub long_prose: LongProse,
    /// The images the deck can draw; others show their alt text.
    pub images: &'a ImageSizes,
}

/// A document sorted for slides.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// The leading H1 that titles the page, when it has emphasis, code or links.
    pub title: Option<Text>,
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
    /// A footnote of the item before, for the foot of the slide it ends on.
    Footnote(Text),
    /// A speaker note.
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

/// Sorts `doc` into sections at heading level `options.level`, or at its shallowest heading
/// level when it has no heading that high.
pub fn outline(doc: &Document, options: Options) -> Outline {
    let body = doc.body();
    let shallowest = body.blocks.iter().filter_map(heading_level).min();
    let level = match shallowest {
        Some(s) if s > options.level => s,
        _ => options.level,
    };
    let mut sorter = Sorter {
        long_prose: options.long_prose,
        footnotes: Footnotes::new(&body.footnotes),
        warnings: Vec::new(),
        images: options.images,
        folder: &doc.folder,
    };
    let mut lead = None;
    let mut sections: Vec<Section> = Vec::new();
    for (i, block) in body.blocks.iter().enumerate() {
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
                let mut entries = Vec::new();
                let title = sorter.text(content, &mut entries);
                section.groups.push(Group { title, anchor: id.clone(), entries });
            }
            BlockKind::Paragraph { content }
                if sections.is_empty()
                    && lead.is_none()
                    && !sorter.footnotes.any(content)
                    && !sorter.image(content) =>
            {
                let text = trim(runs(content));
                // One that ends in a colon leads into what follows it, and stays with it.
                let leads_on = plain(&text).trim_end().ends_with(':');
                if plain(&text).chars().count() <= 2 * SHORT_PARAGRAPH && !leads_on {
                    lead = Some(text);
                } else {
                    sorter.convert(block, &mut current(&mut sections, doc).intro);
                }
            }
            _ => {
                let section = current(&mut sections, doc);
                let entries = match section.groups.last_mut() {
                    Some(group) => &mut group.entries,
                    None => &mut section.intro,
                };
                match &block.kind {
                    BlockKind::Paragraph { content } => {
                        let next = body.blocks.get(i + 1);
                        let last = next.is_none_or(|b| heading_level(b).is_some_and(|l| l <= level + 1));
                        sorter.paragraph(content, last, entries);
                    }
                    _ => sorter.convert(block, entries),
                }
            }
        }
    }
    let title = body.title_inlines().map(|inlines| trim(runs(inlines))).filter(|t| t.iter().any(Run::is_styled));
    Outline { title, lead, sections, warnings: sorter.warnings }
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

/// What sorting a document's blocks needs besides the blocks.
struct Sorter<'a> {
    long_prose: LongProse,
    footnotes: Footnotes<'a>,
    /// Where content had to be cut to fit a slide, and how.
    warnings: Vec<(Span, String)>,
    images: &'a ImageSizes,
    /// The document's folder, which its images' sources are relative to.
    folder: &'a str,
}

impl Sorter<'_> {
    /// Whether `content` is an image the deck draws, or warns about.
    fn image(&self, content: &[Inline]) -> bool {
        image_item(content, self.folder, self.images).is_some()
    }

    /// The runs of `content`, footnote references as marks; the footnotes they mention
    /// first, and the speaker notes written inside it (`<!-- notes: … -->`), go to `notes`.
    fn text(&mut self, content: &[Inline], notes: &mut Vec<Entry>) -> Text {
        let (marked, found) = self.footnotes.mark(content);
        notes.extend(found.into_iter().map(Entry::Footnote));
        query_inlines(content, &mut |inline| match inline {
            Inline::Raw { format, text } if format == "notes" => notes.push(Entry::Note(clean(text.trim()))),
            _ => {}
        });
        trim(runs(&marked))
    }

    /// An item of `content`'s runs, followed by the footnotes it mentions first.
    fn item(&mut self, content: &[Inline], make: impl FnOnce(Text) -> Item, out: &mut Vec<Entry>) {
        let mut notes = Vec::new();
        let text = self.text(content, &mut notes);
        out.push(Entry::Item(make(text)));
        out.append(&mut notes);
    }

    /// The entries for one block.
    fn convert(&mut self, block: &Block, out: &mut Vec<Entry>) {
        match &block.kind {
            BlockKind::Paragraph { content } => self.paragraph(content, false, out),
            BlockKind::Heading { content, .. } => self.item(content, Item::Heading, out),
            BlockKind::List { start, items, .. } => self.list(items, *start, 1, out),
            BlockKind::Table { align, head, rows } => self.table(align, head, rows, block.span, out),
            BlockKind::CodeBlock { lang, text } => {
                let drawn = |key: &str| self.images.get(key).is_some_and(Option::is_some);
                match crate::diagram::image(lang.as_deref(), text, block.span, drawn) {
                    Some(drawing) => self.paragraph(&[Inline::Image(Box::new(drawing))], false, out),
                    None => out.push(Entry::Item(Item::Code { text: clean(text.trim_end()), lang: lang.clone() })),
                }
            }
            BlockKind::Quote { blocks } => blocks.iter().for_each(|b| self.convert(b, out)),
            BlockKind::Callout { kind, title, blocks } => {
                let title = title.as_ref().map_or_else(|| kind.display_name().to_string(), |t| clean(&plain_text(t)));
                let label = Run { text: title.trim().to_string(), bold: true, ..Run::default() };
                self.callout(label, blocks, out);
            }
            BlockKind::Raw { format, text } if format == "notes" => out.push(Entry::Note(clean(text.trim()))),
            BlockKind::Rule | BlockKind::Raw { .. } => {}
        }
    }

    /// A callout as a box of its text, under its label; what a box cannot hold (tables, notes,
    /// boxes inside it) follows the box.
    fn callout(&mut self, label: Run, blocks: &[Block], out: &mut Vec<Entry>) {
        let mut inner = Vec::new();
        blocks.iter().for_each(|b| self.convert(b, &mut inner));
        let mut boxed = vec![Item::Paragraph(vec![label])];
        let mut after = Vec::new();
        for entry in inner {
            match entry {
                Entry::Item(
                    item @ (Item::Heading(_) | Item::Paragraph(_) | Item::Bullet { .. } | Item::Code { .. }),
                ) => boxed.push(item),
                other => after.push(other),
            }
        }
        out.push(Entry::Item(Item::Callout(boxed)));
        out.extend(after);
    }

    /// A paragraph: an all-bold line is a sub-heading of what follows it, unless it is the
    /// `last` of its section or group (a closing statement such as "**Experience: five
    /// years.**", which stays bold text); long prose goes to the notes if the settings ask for
    /// it; anything else is text on the slide.
    fn paragraph(&mut self, content: &[Inline], last: bool, out: &mut Vec<Entry>) {
        match image_item(content, self.folder, self.images) {
            Some(Ok(image)) => return out.push(Entry::Item(image)),
            Some(Err(warning)) => self.warnings.push(warning),
            None => {}
        }
        let mut notes = Vec::new();
        let text = self.text(content, &mut notes);
        let plain = plain(&text);
        if plain.is_empty() {
            return out.append(&mut notes);
        }
        if self.long_prose == LongProse::Notes && plain.chars().count() > SHORT_PARAGRAPH {
            out.push(Entry::Note(plain));
        } else if !last && text.iter().all(|r| r.bold) {
            out.push(Entry::Item(Item::Heading(text)));
        } else {
            out.push(Entry::Item(Item::Paragraph(text)));
        }
        out.append(&mut notes);
    }

    /// Bullets for a list; lists nested deeper than two levels join the second level.
    fn list(&mut self, items: &[ListItem], start: Option<u64>, level: u8, out: &mut Vec<Entry>) {
        for (i, item) in items.iter().enumerate() {
            let marker = start.map_or(Marker::Bullet, |s| Marker::Number(s.saturating_add(i as u64)));
            let mut text: Text = match item.checked {
                Some(true) => vec![Run { text: "☑ ".into(), ..Run::default() }],
                Some(false) => vec![Run { text: "☐ ".into(), ..Run::default() }],
                None => Vec::new(),
            };
            let (mut notes, mut after) = (Vec::new(), Vec::new());
            for block in &item.blocks {
                match &block.kind {
                    BlockKind::Paragraph { content } => {
                        if !text.is_empty() && !plain(&text).ends_with(' ') {
                            text.push(Run { text: " ".into(), ..Run::default() });
                        }
                        let more = self.text(content, &mut notes);
                        text.extend(more);
                    }
                    BlockKind::List { start, items, .. } => self.list(items, *start, (level + 1).min(2), &mut after),
                    _ => self.convert(block, &mut after),
                }
            }
            // An empty item ("* " closing a list) shows no bare bullet; what it holds still shows.
            let text = trim(text);
            if !plain(&text).trim().is_empty() {
                out.push(Entry::Item(Item::Bullet { level, marker, text }));
            }
            out.append(&mut notes);
            out.extend(after);
        }
    }

    /// A table laid out for the slide body; rows too tall for any slide are shortened, given
    /// in full in the notes, and reported.
    fn table(&mut self, align: &[Align], head: &[Cell], rows: &[Vec<Cell>], span: Span, out: &mut Vec<Entry>) {
        let columns = head.len().max(rows.iter().map(Vec::len).max().unwrap_or(0));
        let mut notes = Vec::new();
        let mut cells = |row: &[Cell]| -> Vec<Text> {
            (0..columns).map(|i| row.get(i).map_or_else(Vec::new, |c| self.text(c, &mut notes))).collect()
        };
        let head = cells(head);
        let rows = rows.iter().map(|r| cells(r)).collect();
        let align = (0..columns).map(|i| align.get(i).copied().unwrap_or(Align::None)).collect();
        let (table, shortened) = fit(align, head, rows, BODY_BOX.w, BODY_BOX.h);
        out.push(Entry::Item(Item::Table(table)));
        out.append(&mut notes);
        for (row, text) in shortened {
            self.warnings.push((
                span,
                format!("table row {row} is too long for a slide; shortened there, in full in the notes"),
            ));
            out.push(Entry::Note(text));
        }
    }
}
