//! The whole collection as one book: a cover, a table of contents with page numbers and dot
//! leaders, then every document as a chapter starting on a new page.

use super::guide::{chapter_pages, decoration, running_head, Geometry};
use super::PdfTheme;
use crate::diag::Diagnostic;
use crate::ir::{Align, Collection, Document};
use crate::layout::layout_lines;
use crate::layout::paginate;
use crate::layout::FontId;
use crate::layout::{dest_name, Assets, Glyph, Item, Laid, LinkDest, Page, Rgb, Role, Tag, TextRun, Tree};
use crate::layout::{Cx, Slab};
use crate::layout::{Span, Style};

/// The most chapters a book lists the sections of in its contents: beyond, a reader is better
/// served by a list of chapters (a 10,000-chapter book's sections would fill 2,000 pages).
pub const SECTIONS_UP_TO: usize = 250;

/// An entry of the contents: depth (0 chapter, 1 section), title, destination, page index.
struct Entry {
    depth: u8,
    title: String,
    doc: String,
    anchor: Option<String>,
    page: usize,
}

/// A book made a chapter at a time, so that one of thousands of pages is never held whole: the
/// caller lays out each chapter ([`chapter_pages`], the same pages as the document's guide),
/// shows it to [`Book::add_chapter`] in order and writes it out; then come the cover and contents,
/// which need the chapters' page numbers, and the headers and page numbers over every page.
pub struct Book<'a> {
    collection: &'a Collection,
    g: Geometry,
    entries: Vec<Entry>,
    /// The running head of every page, front matter included once it is made.
    heads: Vec<String>,
    /// The layout context of the front matter and decorations (the book's own text).
    cx: Cx,
}

impl<'a> Book<'a> {
    pub fn new(collection: &'a Collection, theme: &PdfTheme) -> Self {
        let g = Geometry::new(theme);
        let mut book = Document::default();
        book.title = collection.title.clone();
        let cx = g.cx(&book);
        Book { collection, g, entries: Vec::new(), heads: Vec::new(), cx }
    }

    /// The page geometry chapters are laid out in.
    pub fn geometry(&self) -> Geometry {
        self.g
    }

    /// Adds the next chapter, of which the book keeps `note`.
    pub fn add_chapter(&mut self, note: ChapterNote) {
        let offset = self.heads.len();
        self.entries.extend(note.entries.into_iter().map(|entry| Entry { page: entry.page + offset, ..entry }));
        self.heads.extend(note.heads);
    }

    /// The cover and the contents, which go in front of the chapters, and their structure;
    /// `date` goes on the cover. The contents list each chapter's sections too, unless the book
    /// has more chapters than [`SECTIONS_UP_TO`] (the outline still has them all).
    pub fn front_matter(&mut self, date: Option<&str>) -> (Vec<Page>, Tree) {
        if self.entries.iter().filter(|e| e.depth == 0).count() > SECTIONS_UP_TO {
            self.entries.retain(|e| e.depth == 0);
        }
        let (g, cx) = (&self.g, &mut self.cx);
        // Numbers are right-aligned in a fixed width, so the draft's page count is the final one.
        let before = 1 + contents(cx, g, &self.entries, 0).len();
        // The draft's structure goes with it.
        cx.tree = Tree::default();
        let mut front = vec![String::new()];
        let mut pages = vec![g.page(cover(cx, g, self.collection, date))];
        let toc = contents(cx, g, &self.entries, before);
        front.extend(toc.iter().map(|items| running_head(items, "Contents")));
        pages.extend(toc.into_iter().map(|items| g.page(items)));
        front.append(&mut self.heads);
        self.heads = front;
        (pages, std::mem::take(&mut cx.tree))
    }

    /// The number of pages, front matter included once it is made.
    pub fn page_count(&self) -> usize {
        self.heads.len()
    }

    /// The header and page number of each page in `range` (counted from the cover, which has
    /// neither), as pages to draw over them.
    pub fn decorations(&mut self, range: std::ops::Range<usize>) -> Vec<(usize, Page)> {
        let total = self.heads.len();
        let (g, cx) = (&self.g, &mut self.cx);
        range
            .filter(|&i| i > 0 && i < total)
            .map(|i| (i, g.page(decoration(cx, g, i, total, &self.heads[i]))))
            .collect()
    }

    /// What was found wrong in the book's own text (characters no font has).
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.cx.diagnostics
    }
}

/// What the book needs of a chapter once its pages are written: its entries in the contents
/// and each page's running head. Made from the pages, in parallel with other chapters.
pub struct ChapterNote {
    entries: Vec<Entry>,
    heads: Vec<String>,
}

impl ChapterNote {
    /// The note of document `doc`'s chapter, laid out as `pages`.
    pub fn new(doc: &Document, pages: &[Page]) -> ChapterNote {
        let heads = pages.iter().map(|page| running_head(&page.items, &doc.title)).collect();
        ChapterNote { entries: chapter_entries(doc, pages), heads }
    }
}

/// Lays out the book in memory. `date` goes on the cover when given.
pub fn layout_book(collection: &Collection, theme: &PdfTheme, date: Option<&str>, assets: &Assets) -> Laid {
    let mut book = Book::new(collection, theme);
    let (mut pages, mut diagnostics, mut tree) = (Vec::new(), Vec::new(), Tree::default());
    for doc in &collection.documents {
        let mut laid = chapter_pages(doc, collection, &book.geometry(), assets);
        book.add_chapter(ChapterNote::new(doc, &laid.pages));
        tree.graft(laid.tree, laid.pages.iter_mut().flat_map(|p| &mut p.items));
        pages.extend(laid.pages);
        diagnostics.extend(laid.diagnostics);
    }
    let (mut front, front_tree) = book.front_matter(date);
    tree.graft(front_tree, front.iter_mut().flat_map(|p| &mut p.items));
    pages.splice(0..0, front);
    for (i, overlay) in book.decorations(0..pages.len()) {
        pages[i].items.extend(overlay.items);
    }
    diagnostics.extend(book.into_diagnostics());
    Laid { pages, tree, diagnostics }
}

/// The chapter and its top-level sections, with the page (of the chapter) each starts on.
fn chapter_entries(doc: &Document, pages: &[Page]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for item in &page.items {
            if let Item::Anchor { name, outline: Some((depth @ 0..=1, title)), .. } = item {
                let anchor = name.strip_prefix(&format!("{}#", doc.id)).map(str::to_string);
                let (doc, title) = (doc.id.clone(), title.clone());
                entries.push(Entry { depth: *depth, title, doc, anchor, page: i });
            }
        }
    }
    entries
}

fn cover(cx: &mut Cx, g: &Geometry, collection: &Collection, date: Option<&str>) -> Vec<Item> {
    let title = collection.title.as_str();
    let column = g.column();
    let mut style = Style::plain(FontId::SANS, g.size * 3.2, Rgb(0.08, 0.09, 0.13));
    style.bold = true;
    let mut items = vec![Item::Rect { x: 0.0, y: 0.0, w: g.width, h: g.height * 0.06, color: g.accent }];
    let mut y = g.height * 0.3;
    let spans = [Span { text: title.to_string(), style }];
    for line in cx.within(Role::H(1), |cx| layout_lines(cx, &spans, column.w, 1.15, Align::None)).0 {
        items.extend(line.items.into_iter().map(|mut item| {
            item.shift(column.x, y);
            item
        }));
        y += line.height;
    }
    let rule_y = y + g.size;
    items.push(Item::Rule {
        x1: column.x,
        y1: rule_y,
        x2: column.x + column.w * 0.4,
        y2: rule_y,
        width: 2.0,
        color: g.accent,
    });
    let count = collection.documents.len();
    let mut line = format!("{count} guide{}", if count == 1 { "" } else { "s" });
    if let Some(date) = date {
        line.push_str(" · ");
        line.push_str(date);
    }
    let grey = Rgb(0.4, 0.4, 0.45);
    let ((runs, _), _) =
        cx.within(Role::P, |cx| cx.text(&line, FontId::SANS, g.size * 1.2, grey, column.x, rule_y + g.size * 3.0));
    items.extend(runs);
    items.push(Item::Anchor { name: "cover".into(), y: 0.0, outline: None });
    items
}

/// The contents pages; `before` is the number of pages ahead of the first chapter (cover and
/// contents), which page numbers count from.
fn contents(cx: &mut Cx, g: &Geometry, entries: &[Entry], before: usize) -> Vec<Vec<Item>> {
    let column = g.column();
    let mut slabs = Vec::new();
    let mut style = Style::plain(FontId::SANS, g.size * 2.0, Rgb(0.08, 0.09, 0.13));
    style.bold = true;
    let spans = [Span { text: "Contents".into(), style }];
    slabs.extend(cx.within(Role::H(1), |cx| layout_lines(cx, &spans, column.w, 1.6, Align::None)).0);
    let (entries, _) = cx.within(Role::TOC, |cx| {
        let mut slabs = Vec::new();
        for entry in entries {
            cx.within(Role::TOCI, |cx| cx.within(Role::Link, |cx| slabs.extend(toc_entry(cx, g, entry, before))));
        }
        slabs
    });
    slabs.extend(entries);
    if let Some(first) = slabs.first_mut() {
        let outline = Some((0, "Contents".to_string()));
        first.items.insert(0, Item::Anchor { name: dest_name("contents", None), y: 0.0, outline });
        first.break_before = true;
    }
    if let Some(Slab { keep_with_next, .. }) = slabs.last_mut() {
        *keep_with_next = false;
    }
    paginate(slabs, column)
}

/// The lines of an entry of the contents, in the current node (its link): title, dot leaders,
/// page number, all one link to the place.
fn toc_entry(cx: &mut Cx, g: &Geometry, entry: &Entry, before: usize) -> Vec<Slab> {
    let column = g.column();
    let number_w = g.size * 3.0;
    let pitch = g.size * 0.55;
    let indent = f32::from(entry.depth) * g.size * 1.6;
    let mut style = Style::plain(FontId::SERIF, g.size, Rgb(0.12, 0.12, 0.14));
    style.bold = entry.depth == 0;
    let number = (before + entry.page + 1).to_string();
    let spans = [Span { text: entry.title.clone(), style }];
    let mut lines = layout_lines(cx, &spans, column.w - indent - number_w - g.size, 1.5, Align::Left);
    let last = lines.len() - 1;
    for line in &mut lines {
        line.indent(indent);
    }
    let line = &mut lines[last];
    let (baseline, text_end) = line.items.iter().fold((g.size, indent), |(b, e), item| match item {
        Item::Text(run) => (run.y, e.max(run.x + run.width)),
        _ => (b, e),
    });
    let font = if entry.depth == 0 { FontId::SERIF_BOLD } else { FontId::SERIF };
    let (mut runs, w) = cx.text(&number, font, g.size, Rgb(0.12, 0.12, 0.14), 0.0, baseline);
    for run in &mut runs {
        run.shift(column.w - w, 0.0);
    }
    line.items.extend(leaders(cx, text_end + g.size * 0.4, column.w - number_w * 0.8, baseline, g.size, pitch));
    line.items.extend(runs);
    let dest = LinkDest::Internal { doc: entry.doc.clone(), anchor: entry.anchor.clone() };
    let height: f32 = lines.iter().map(|l| l.height).sum();
    lines[0].items.push(Item::Link { x: indent, y: 0.0, w: column.w - indent, h: height, dest, tag: cx.tag() });
    lines[0].space_before = if entry.depth == 0 { g.size * 0.7 } else { 0.0 };
    if entry.depth == 0 {
        lines.iter_mut().for_each(|l| l.keep_with_next = true);
    }
    lines
}

/// Dots from `from` to `to` on a grid of `pitch`, so the leaders of all lines line up; decoration.
fn leaders(cx: &mut Cx, from: f32, to: f32, baseline: f32, size: f32, pitch: f32) -> Option<Item> {
    let dot = cx.shape(".", FontId::SERIF);
    let piece = dot.pieces.first()?;
    let (font, id) = (piece.font, piece.glyphs.first()?.id);
    let start = (from / pitch).ceil() as i32;
    let end = (to / pitch).floor() as i32;
    if end <= start {
        return None;
    }
    let x0 = start as f32 * pitch;
    let glyphs: Vec<Glyph> = (start..end).map(|k| Glyph { id, x: k as f32 * pitch - x0, len: 1 }).collect();
    let text = ".".repeat(glyphs.len());
    let width = (end - start) as f32 * pitch;
    let color = Rgb(0.55, 0.55, 0.6);
    let tag = Tag::ARTIFACT;
    Some(Item::Text(TextRun { x: x0, y: baseline, font, size, color, glyphs, text, width, tag }))
}
