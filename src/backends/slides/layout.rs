//! Slide geometry in points (a 16:9 slide is 960 × 540 pt), type sizes, and the height of what
//! goes on a slide as [`super::measure`] sets it. Pagination and the writers share these
//! numbers, so what was measured is what is placed.

use super::deck::{Item, Layout, Run};
use super::measure::{item_height, measuring, stacked, text_lines, Palette};
use crate::layout::Rgb;

/// Points to EMU (English Metric Units) for OOXML.
pub const EMU_PER_POINT: f32 = 12700.0;
pub const SLIDE_WIDTH: f32 = 960.0;
pub const SLIDE_HEIGHT: f32 = 540.0;

/// A box on the slide, in points from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// The title of a content slide.
pub const TITLE_BOX: Rect = Rect { x: 48.0, y: 28.0, w: 864.0, h: 84.0 };
/// Where the accent rule under the title of a content slide is drawn.
pub const TITLE_RULE_Y: f32 = 116.0;
/// Bullets, text and tables of a content slide.
pub const BODY_BOX: Rect = Rect { x: 48.0, y: 124.0, w: 864.0, h: 372.0 };
/// The big title of a title or section slide.
pub const COVER_TITLE_BOX: Rect = Rect { x: 72.0, y: 56.0, w: 816.0, h: 158.0 };
/// Label and lead paragraph under it.
pub const COVER_BODY_BOX: Rect = Rect { x: 72.0, y: 238.0, w: 816.0, h: 262.0 };
/// Where the accent rule between them is drawn.
pub const COVER_RULE_Y: f32 = 224.0;

/// Title type sizes to try, largest first.
pub const TITLE_SIZES: [f32; 3] = [32.0, 26.0, 22.0];
pub const COVER_TITLE_SIZES: [f32; 3] = [44.0, 36.0, 30.0];
pub const BODY_SIZE: f32 = 20.0;
pub const LEVEL2_SIZE: f32 = 18.0;
pub const HEADING_SIZE: f32 = 22.0;
pub const CODE_SIZE: f32 = 14.0;
/// Table type sizes to try, largest first.
pub const TABLE_SIZES: [f32; 4] = [16.0, 14.0, 12.0, 10.0];
/// Line pitch as a multiple of the type size; the writers set exactly this spacing.
pub const LINE_SPACING: f32 = 1.2;
/// Space above every paragraph of body text.
pub const PARAGRAPH_SPACE: f32 = 6.0;
/// Space above a table.
pub const TABLE_GAP: f32 = 12.0;
/// Inner margin and border width of a callout's box.
pub const CALLOUT_PAD: f32 = 10.0;
pub const CALLOUT_BORDER: f32 = 1.5;
/// Type size of a slide's footnotes, set at the foot of its body.
pub const FOOTNOTE_SIZE: f32 = 12.0;
/// Inner margins of a table cell.
pub const CELL_MARGIN_X: f32 = 6.0;
pub const CELL_MARGIN_Y: f32 = 4.0;

/// The boxes of title and body for a layout.
pub fn boxes(layout: Layout) -> (Rect, Rect) {
    match layout {
        Layout::Content => (TITLE_BOX, BODY_BOX),
        Layout::Title | Layout::Section => (COVER_TITLE_BOX, COVER_BODY_BOX),
    }
}

/// Title sizes to try for a layout.
pub(crate) fn title_sizes(layout: Layout) -> &'static [f32; 3] {
    match layout {
        Layout::Content => &TITLE_SIZES,
        Layout::Title | Layout::Section => &COVER_TITLE_SIZES,
    }
}

/// How a text item is set: type size and left indent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    pub size: f32,
    pub indent: f32,
}

/// The style of a text item (`None` for tables, callouts and images).
pub(crate) fn text_style(item: &Item) -> Option<TextStyle> {
    Some(match item {
        Item::Heading(_) => TextStyle { size: HEADING_SIZE, indent: 0.0 },
        Item::Paragraph(_) => TextStyle { size: BODY_SIZE, indent: 0.0 },
        Item::Bullet { level: 1, .. } => TextStyle { size: BODY_SIZE, indent: 27.0 },
        Item::Bullet { .. } => TextStyle { size: LEVEL2_SIZE, indent: 54.0 },
        Item::Code { .. } => TextStyle { size: CODE_SIZE, indent: 0.0 },
        Item::Table(_) | Item::Callout(_) | Item::Image { .. } => return None,
    })
}

/// The height of one line of type of `size` points.
pub(crate) fn line_height(size: f32) -> f32 {
    size * LINE_SPACING
}

/// The height of plain text set at `size` (bold if `bold`) in a column `width` points wide.
pub fn text_height(text: &str, size: f32, width: f32, bold: bool) -> f32 {
    let runs = [Run { text: text.to_string(), ..Run::default() }];
    let palette = Palette { text: Rgb(0.0, 0.0, 0.0), accent: Rgb(0.0, 0.0, 0.0) };
    measuring(|cx| stacked(&text_lines(cx, &runs, size, width, bold, palette)))
}

/// The height of a slide body.
pub fn body_height(items: &[Item], width: f32) -> f32 {
    items.iter().map(|i| item_height(i, width)).sum()
}
