//! The vertical flow: slabs (a line, a table row, a rule…) stacked by the paginator, the layout
//! context shared by the block layouts, and boxes drawn behind runs of slabs.

use super::fonts::FontId;
use super::script;
use super::shape::{self, Shaped};
use super::tag::{Role, Tag, Tree};
use super::{Glyph, Item, Rgb, TextRun};
use crate::diag::Diagnostic;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// An unbreakable strip of the flow, as wide as the text column. Items are relative to its top
/// left corner. `space_before` is dropped at the top of a page.
#[derive(Debug, Clone, Default)]
pub struct Slab {
    pub height: f32,
    pub space_before: f32,
    pub items: Vec<Item>,
    /// Put this slab on the same page as the next one when there is room for both.
    pub keep_with_next: bool,
    /// Start a new page before this slab.
    pub break_before: bool,
    /// Left out when it would open a page (a thematic break).
    pub droppable: bool,
    /// Drawn first on a new page that starts with this slab (a table's header row).
    pub header: Option<Rc<Slab>>,
}

impl Slab {
    pub fn new(height: f32, items: Vec<Item>) -> Slab {
        Slab { height, items, ..Slab::default() }
    }

    /// Moves the contents right by `dx`.
    pub fn indent(&mut self, dx: f32) {
        for item in &mut self.items {
            item.shift(dx, 0.0);
        }
    }
}

/// A box drawn behind a run of slabs: fill, a bar on the left, and padding.
pub struct Frame {
    pub fill: Option<Rgb>,
    pub bar: Option<(Rgb, f32)>,
    pub pad_x: f32,
    pub pad_y: f32,
}

impl Frame {
    /// Wraps slabs laid out at `width - 2 * pad_x` into a box `width` wide. The box is drawn slab by
    /// slab, so it continues across page breaks.
    pub fn wrap(&self, inner: Vec<Slab>, width: f32) -> Vec<Slab> {
        let mut out = Vec::with_capacity(inner.len() + 2);
        out.push(Slab { keep_with_next: true, ..Slab::new(self.pad_y, Vec::new()) });
        for (i, mut slab) in inner.into_iter().enumerate() {
            if i > 0 && slab.space_before > 0.0 {
                for item in &mut slab.items {
                    item.shift(0.0, slab.space_before);
                }
                slab.height += slab.space_before;
            }
            slab.space_before = 0.0;
            slab.indent(self.pad_x);
            out.push(slab);
        }
        if let Some(last) = out.last_mut() {
            last.keep_with_next = true;
        }
        out.push(Slab::new(self.pad_y, Vec::new()));
        for slab in &mut out {
            let mut behind = Vec::new();
            if let Some(fill) = self.fill {
                behind.push(Item::Rect { x: 0.0, y: 0.0, w: width, h: slab.height, color: fill });
            }
            if let Some((color, w)) = self.bar {
                behind.push(Item::Rect { x: 0.0, y: 0.0, w, h: slab.height, color });
            }
            slab.items.splice(0..0, behind);
        }
        out
    }
}

/// What the block layouts share while laying out one document.
pub struct Cx {
    /// Body text size in points.
    pub size: f32,
    pub accent: Rgb,
    pub numbering: bool,
    pub doc_id: String,
    /// The document's folder, against which image paths resolve.
    pub folder: String,
    /// The document's source path, for diagnostics.
    pub source: String,
    /// Source line of the block being laid out.
    pub line: u32,
    /// Colour of body text (grey inside quotes).
    pub text_color: Rgb,
    /// The level of the document's top headings, which count as level 1.
    pub top_level: u8,
    pub diagnostics: Vec<Diagnostic>,
    /// Images of the render context that can be drawn, by asset key, with their natural size
    /// in points.
    pub images: BTreeMap<String, (f32, f32)>,
    /// Images of the render context that [`super::image::natural_size`] does not read: a
    /// format or variant folio does not draw.
    pub unsupported: BTreeSet<String>,
    /// Height of the text column, which an image never exceeds.
    pub column_height: f32,
    /// The structure of what is laid out, and the node being filled (an artifact until one is
    /// opened with [`Cx::within`]).
    pub tree: Tree,
    current: Tag,
    /// The syntect theme code blocks are highlighted with.
    pub code_theme: &'static str,
    /// The CJK variant (`SC`, `TC`, `JP`, …) of the document's language, which Han falls back to.
    pub cjk: Option<&'static str>,
    /// Lines are only measured: [`super::layout_lines`] gives their heights and draws
    /// nothing (what paginates a slide deck before its pages are set).
    pub heights_only: bool,
    footnotes: BTreeMap<String, usize>,
    /// Scripts already warned about: one warning a page and script.
    reported: BTreeSet<&'static str>,
    counters: [u32; 6],
}

impl Cx {
    pub fn new(size: f32, accent: Rgb, numbering: bool, doc_id: &str, source: &str) -> Cx {
        Cx {
            size,
            accent,
            numbering,
            doc_id: doc_id.to_string(),
            folder: String::new(),
            source: source.to_string(),
            line: 0,
            text_color: Rgb(0.12, 0.12, 0.14),
            top_level: 1,
            diagnostics: Vec::new(),
            images: BTreeMap::new(),
            unsupported: BTreeSet::new(),
            column_height: f32::INFINITY,
            tree: Tree::default(),
            current: Tag::ARTIFACT,
            code_theme: crate::highlight::DEFAULT_THEME,
            cjk: None,
            heights_only: false,
            footnotes: BTreeMap::new(),
            reported: BTreeSet::new(),
            counters: [0; 6],
        }
    }

    /// The node what is laid out now belongs to.
    pub fn tag(&self) -> Tag {
        self.current
    }

    /// Runs `f` with a new node playing `role` open under the current one; returns its result
    /// and the node.
    pub fn within<T>(&mut self, role: Role, f: impl FnOnce(&mut Cx) -> T) -> (T, Tag) {
        let outer = self.current;
        self.current = self.tree.add(role, outer);
        let tag = self.current;
        let result = f(self);
        self.current = outer;
        (result, tag)
    }

    /// Shapes text, reporting characters no font has: once a page and script, at the first.
    pub fn shape(&mut self, text: &str, font: FontId) -> Rc<Shaped> {
        self.shape_in(text, font, None)
    }

    /// Shapes text right to left (`Some(true)`), left to right, or in the direction of its
    /// script (`None`), reporting characters no font has as [`Cx::shape`] does.
    pub fn shape_in(&mut self, text: &str, font: FontId, rtl: Option<bool>) -> Rc<Shaped> {
        let shaped = shape::shape(text, font, self.cjk, rtl);
        for &c in &shaped.missing {
            let name = script::name(c);
            if self.reported.insert(name) {
                let message = format!(
                    "no font covers {name} ({c:?}, U+{:04X}, drawn as a box): install {} or add a font to [fonts] fallback",
                    c as u32,
                    script::package(c)
                );
                self.diagnostics.push(Diagnostic::warning(&self.source, self.line, 0, message));
            }
        }
        shaped
    }

    /// Text on one line at (`x`, baseline `y`), in the current node: its runs (several when a
    /// fallback face is needed) and its width.
    pub fn text(&mut self, text: &str, font: FontId, size: f32, color: Rgb, x: f32, y: f32) -> (Vec<Item>, f32) {
        let shaped = self.shape(text, font);
        let mut items = Vec::new();
        let mut pen = x;
        let tag = self.current;
        for piece in &shaped.pieces {
            let glyphs = piece.glyphs.iter().map(|g| Glyph { x: g.x * size, ..*g }).collect();
            let width = piece.width * size;
            let text = piece.text.clone();
            items.push(Item::Text(TextRun { x: pen, y, font: piece.font, size, color, glyphs, text, width, tag }));
            pen += width;
        }
        (items, pen - x)
    }

    /// The number of a footnote, numbering them in order of first mention.
    pub fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    /// The next heading number at `level` (relative to the document's top level, 1-based), as
    /// `"2.1"`.
    pub fn heading_number(&mut self, level: usize) -> String {
        let level = level.clamp(1, 6);
        self.counters[level - 1] += 1;
        self.counters[level..].iter_mut().for_each(|c| *c = 0);
        self.counters[..level].iter().map(|c| c.to_string()).collect::<Vec<_>>().join(".")
    }
}

thread_local! {
    /// The context text is measured in (see [`measuring`]).
    static MEASURING: RefCell<Cx> = RefCell::new({
        let mut cx = Cx::new(0.0, Rgb(0.0, 0.0, 0.0), false, "", "");
        cx.heights_only = true;
        cx
    });
}

/// Runs `f` with this thread's context for measuring text of body size `size`, which lays out
/// lines for their heights only (drawing them is a third of the work). Characters no font has
/// are reported where the text is drawn, with their line; here they are only measured.
pub fn measuring<T>(size: f32, f: impl FnOnce(&mut Cx) -> T) -> T {
    MEASURING.with(|cx| {
        let mut cx = cx.borrow_mut();
        cx.size = size;
        let out = f(&mut cx);
        cx.diagnostics.clear();
        cx.tree = Tree::default();
        out
    })
}
