//! Layout: turns documents of the IR into pages of positioned items (points, y down from the top
//! of the page). Knows fonts, shaping, line breaking and pagination; knows nothing of PDF.
//!
//! This is the engine only: the page designs that use it (guides, the book, slide decks) live
//! with their backends, and each gives it the sizes and colours to use ([`Cx::new`]). Its
//! [`Page`]s of [`Item`]s are what a writer maps one to one onto its drawing operations.

mod blocks;
mod flow;
pub mod fontbook;
pub mod fonts;
pub mod image;
pub(crate) mod image_check;
pub(crate) mod image_decode;
pub mod image_svg;
mod inline;
mod lines;
mod list;
mod paginate;
mod script;
mod shape;
pub(crate) mod snapshot;
mod table;
mod tag;
mod tokens;

pub use blocks::{code_spans, footnotes, layout_blocks};
pub use flow::{measuring, Cx, Slab};
pub use fonts::FontId;
pub use inline::{spans, Span, Style, CODE_SIZE};
pub use lines::{direction_runs, layout_lines, measure, rtl_paragraph, word_widths, WordWidth};
pub use paginate::{paginate, Column};
pub use script::cjk_variant;
pub use table::{column_widths, styled_table, table_scales, ALONE};
pub use tag::{Node, Role, Tag, Tree};
pub use tokens::{kept_widths, Kept, KEEP};

use crate::diag::Diagnostic;
use std::collections::BTreeMap;

/// Image files by their key (path relative to the content root), as the render context has them.
pub type Assets = BTreeMap<String, Vec<u8>>;

/// Pages of a layout, the structure their items are tagged with, and what was found wrong on
/// the way (characters no font has).
#[derive(Debug, Default)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub tree: Tree,
    pub diagnostics: Vec<Diagnostic>,
}

/// A colour with components from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

/// A colour setting, as the layout draws it.
impl From<crate::config::Color> for Rgb {
    fn from(color: crate::config::Color) -> Rgb {
        let unit = |channel: u8| f32::from(channel) / 255.0;
        Rgb(unit(color.r), unit(color.g), unit(color.b))
    }
}

/// A colour as red, green and blue from 0 to 255 (a highlighted code run's).
impl From<[u8; 3]> for Rgb {
    fn from([r, g, b]: [u8; 3]) -> Rgb {
        Rgb::from(crate::config::Color { r, g, b })
    }
}

impl Rgb {
    /// Mixes this colour with white: `amount` 0 keeps it, 1 gives white.
    pub fn tint(self, amount: f32) -> Rgb {
        let mix = |c: f32| c + (1.0 - c) * amount;
        Rgb(mix(self.0), mix(self.1), mix(self.2))
    }
}

/// One page: its size and what is drawn on it, in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
}

/// A glyph of a shaped run: its id in the font, its pen position from the run's origin, and
/// how many bytes of the run's text it stands for (a cluster's text goes to its first glyph, the
/// others of the cluster stand for none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub id: u16,
    pub x: f32,
    pub len: u32,
}

/// A run of shaped glyphs in one font, size and colour, with the text it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left end of the run and its baseline.
    pub x: f32,
    pub y: f32,
    pub font: FontId,
    pub size: f32,
    pub color: Rgb,
    pub glyphs: Vec<Glyph>,
    /// The text the glyphs show, for copy and search; one string per run rather than per glyph
    /// keeps a laid-out book small.
    pub text: String,
    /// Advance width of the whole run.
    pub width: f32,
    /// The structure node the run belongs to.
    pub tag: Tag,
}

impl TextRun {
    /// Each glyph with the text it stands for.
    pub fn glyph_texts(&self) -> impl Iterator<Item = (&Glyph, &str)> {
        let mut at = 0;
        self.glyphs.iter().map(move |glyph| {
            let end = at + glyph.len as usize;
            let text = self.text.get(at..end).unwrap_or_default();
            at = end;
            (glyph, text)
        })
    }
}

/// Where a link goes, before a backend decides how to reach it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkDest {
    Uri(String),
    /// A document of the collection and optionally a heading in it.
    Internal {
        doc: String,
        anchor: Option<String>,
    },
}

/// The name of the destination at the top of document `doc`, or at heading `anchor` in it.
pub fn dest_name(doc: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(anchor) => format!("{doc}#{anchor}"),
        None => doc.to_string(),
    }
}

/// A positioned thing on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    /// A straight line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle; `y` is its top.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// An image file of the render context's assets (by key), drawn into the box.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        key: String,
        tag: Tag,
    },
    /// A clickable area, belonging to the link node `tag`.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        dest: LinkDest,
        tag: Tag,
    },
    /// A named place to jump to; with `outline` it is also a bookmark at that depth (0: title).
    Anchor {
        name: String,
        y: f32,
        outline: Option<(u8, String)>,
    },
}

impl Item {
    /// The structure node of a run, an image or a link area; fills and rules have none (they
    /// are decoration), nor do anchors.
    pub fn tag(&self) -> Option<Tag> {
        match self {
            Item::Text(run) => Some(run.tag),
            Item::Image { tag, .. } | Item::Link { tag, .. } => Some(*tag),
            Item::Rule { .. } | Item::Rect { .. } | Item::Anchor { .. } => None,
        }
    }

    /// The structure node of a run, an image or a link area, to change.
    pub fn tag_mut(&mut self) -> Option<&mut Tag> {
        match self {
            Item::Text(run) => Some(&mut run.tag),
            Item::Image { tag, .. } | Item::Link { tag, .. } => Some(tag),
            Item::Rule { .. } | Item::Rect { .. } | Item::Anchor { .. } => None,
        }
    }

    /// Moves the item by `dx`, `dy`.
    pub fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text(run) => {
                run.x += dx;
                run.y += dy;
            }
            Item::Rule { x1, y1, x2, y2, .. } => {
                *x1 += dx;
                *x2 += dx;
                *y1 += dy;
                *y2 += dy;
            }
            Item::Rect { x, y, .. } | Item::Link { x, y, .. } | Item::Image { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Anchor { y, .. } => *y += dy,
        }
    }

    /// The box the item covers: left, top, right, bottom. Text covers its ascent and descent.
    pub fn bounds(&self) -> [f32; 4] {
        match self {
            Item::Text(run) => {
                let face = run.font.face();
                let up = face.ascender / face.units_per_em * run.size;
                let down = -face.descender / face.units_per_em * run.size;
                [run.x, run.y - up, run.x + run.width, run.y + down]
            }
            Item::Rule { x1, y1, x2, y2, width, .. } => [
                x1.min(*x2) - width / 2.0,
                y1.min(*y2) - width / 2.0,
                x1.max(*x2) + width / 2.0,
                y1.max(*y2) + width / 2.0,
            ],
            Item::Rect { x, y, w, h, .. } | Item::Link { x, y, w, h, .. } | Item::Image { x, y, w, h, .. } => {
                [*x, *y, x + w, y + h]
            }
            Item::Anchor { y, .. } => [0.0, *y, 0.0, *y],
        }
    }
}
