//! Layout: turns documents of the IR into pages of positioned items (points, y down from the top
//! of the page). Knows fonts, shaping, line breaking and pagination; knows nothing of PDF.
//!
//! [`guide`] lays out one document as a stand-alone guide, [`book`] the whole collection as a
//! book with cover and contents. Both give [`Page`]s of [`Item`]s that a backend maps one to one
//! onto its drawing operations.

mod blocks;
pub mod book;
mod flow;
pub mod fonts;
pub mod guide;
pub mod image;
pub mod image_check;
mod inline;
mod lines;
mod paginate;
mod shape;
pub mod snapshot;
mod table;
pub mod theme;

pub use flow::{Cx, Slab};
pub use fonts::FontId;
pub use inline::{Span, Style};
pub use lines::{layout_lines, measure};
pub use table::styled_table;
pub use theme::{Paper, PdfTheme};

/// A colour with components from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// A colour from `#rrggbb` or `rrggbb`.
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim_start_matches('#');
        let channel = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (hex.len(), channel(0), channel(2), channel(4)) {
            (6, Some(r), Some(g), Some(b)) => {
                Some(Rgb(f32::from(r) / 255.0, f32::from(g) / 255.0, f32::from(b) / 255.0))
            }
            _ => None,
        }
    }

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
    },
    /// A clickable area.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        dest: LinkDest,
    },
    /// A named place to jump to; with `outline` it is also a bookmark at that depth (0: title).
    Anchor {
        name: String,
        y: f32,
        outline: Option<(u8, String)>,
    },
}

impl Item {
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
