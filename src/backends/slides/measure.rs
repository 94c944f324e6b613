//! Deck items set by the layout engine (harfrust shaping, its line breaking): the lines and
//! table rows the PDF deck draws, and, from the same code, the heights that paginate every
//! deck and place the shapes of the PPTX. What is measured is what the PDF deck shows, so no
//! slide overflows and nothing has to be shrunk or left out.

use super::deck::{Item, Link, Marker, Run, Table, Text};
use super::layout::{
    text_style, CALLOUT_BORDER, CALLOUT_PAD, CELL_MARGIN_X, CELL_MARGIN_Y, FOOTNOTE_SIZE, LINE_SPACING,
    PARAGRAPH_SPACE, TABLE_GAP,
};
use crate::highlight::code_lines;
use crate::ir::Align;
use crate::layout::{
    code_spans, layout_lines, measure, Cx, FontId, Item as Drawn, LinkDest, Rgb, Role, Slab, Span, Style,
};
use std::cell::RefCell;
use std::collections::HashMap;

/// The colours of a slide's text: body text, and headings, bullets and links.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    pub(crate) text: Rgb,
    pub(crate) accent: Rgb,
}

const BAND: Rgb = Rgb(0.933, 0.949, 0.969);
/// Width of the rule below each table row.
const TABLE_RULE: f32 = 0.75;
const RULE: Rgb = Rgb(0.788, 0.82, 0.863);
const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

/// Runs `f` with this thread's measuring context at the body size of [`super::pdf`]'s, so that
/// lines break alike.
pub(crate) fn measuring<T>(f: impl FnOnce(&mut Cx) -> T) -> T {
    crate::layout::measuring(super::layout::BODY_SIZE, f)
}

/// The height of slabs stacked with their spaces.
pub(crate) fn stacked(slabs: &[Slab]) -> f32 {
    slabs.iter().map(|s| s.space_before + s.height).sum()
}

/// Stacks slabs from (`x`, `y`) down, each after its space, into `items`; returns the bottom.
pub(crate) fn place(slabs: Vec<Slab>, x: f32, mut y: f32, items: &mut Vec<Drawn>) -> f32 {
    for slab in slabs {
        y += slab.space_before;
        items.extend(slab.items.into_iter().map(|mut item| {
            item.shift(x, y);
            item
        }));
        y += slab.height;
    }
    y
}

/// Runs as spans of the slide face at `size`, bold throughout if `bold`; links in the accent.
pub(crate) fn spans(runs: &[Run], size: f32, bold: bool, palette: Palette) -> Vec<Span> {
    runs.iter()
        .filter(|run| !run.text.is_empty())
        .map(|run| {
            let link = run.link.as_ref().map(|link| match link {
                Link::Url(url) => LinkDest::Uri(url.clone()),
                Link::Document { id, anchor } => LinkDest::Internal { doc: id.clone(), anchor: anchor.clone() },
            });
            let color = match (&link, run.color) {
                (Some(_), _) => palette.accent,
                (None, Some(color)) => Rgb::from(color),
                (None, None) => palette.text,
            };
            let style = Style {
                bold: run.bold || bold,
                italic: run.italic,
                code: run.code,
                strike: run.strike,
                link,
                ..Style::plain(FontId::SANS, size, color)
            };
            Span { text: run.text.clone(), style }
        })
        .collect()
}

/// The lines of runs in a column `width` wide.
pub(crate) fn text_lines(cx: &mut Cx, runs: &[Run], size: f32, width: f32, bold: bool, palette: Palette) -> Vec<Slab> {
    layout_lines(cx, &spans(runs, size, bold, palette), width, LINE_SPACING, Align::None)
}

/// The narrowest and widest the runs can be set at `size`: their widest word (a link counts
/// as one, as Office sets it) and their width on one line.
pub(crate) fn extent(cx: &mut Cx, runs: &[Run], size: f32, bold: bool) -> (f32, f32) {
    let palette = Palette { text: WHITE, accent: WHITE };
    let (mut narrowest, widest) = measure(cx, &spans(runs, size, bold, palette));
    for run in runs.iter().filter(|r| r.link.is_some()) {
        let one = Run { text: run.text.trim().to_string(), ..run.clone() };
        narrowest = narrowest.max(measure(cx, &spans(&[one], size, bold, palette)).1);
    }
    (narrowest, widest)
}

/// The lines of a text item (not a table or a callout) in a body `width` wide, its bullet
/// hanging in the indent; the first with the space above the item.
fn item_lines(cx: &mut Cx, item: &Item, width: f32, palette: Palette) -> Vec<Slab> {
    let Some(style) = text_style(item) else { return Vec::new() };
    let (size, column) = (style.size, width - style.indent);
    let mut lines = match item {
        Item::Heading(text) => text_lines(cx, text, size, column, true, Palette { text: palette.accent, ..palette }),
        Item::Paragraph(text) => text_lines(cx, text, size, column, false, palette),
        Item::Bullet { marker, text, .. } => {
            let (mut lines, _) = cx.within(Role::LBody, |cx| text_lines(cx, text, size, column, false, palette));
            for line in &mut lines {
                line.indent(style.indent);
            }
            let mark = match marker {
                Marker::Bullet => "•".to_string(),
                Marker::Number(n) => format!("{n}."),
            };
            let baseline = lines[0].items.iter().find_map(|i| if let Drawn::Text(r) = i { Some(r.y) } else { None });
            let x = style.indent - style.indent.min(24.0);
            let y = baseline.unwrap_or(size);
            let ((runs, _), _) = cx.within(Role::Lbl, |cx| cx.text(&mark, FontId::SANS, size, palette.accent, x, y));
            lines[0].items.extend(runs);
            lines
        }
        Item::Code { text, lang } => {
            let style = Style::plain(FontId::MONO, size, palette.text);
            code_lines(text, lang.as_deref(), cx.code_theme)
                .iter()
                .flat_map(|line| layout_lines(cx, &code_spans(line, &style), column, LINE_SPACING, Align::Left))
                .collect()
        }
        Item::Table(_) | Item::Callout(_) | Item::Image { .. } => Vec::new(),
    };
    if let Some(first) = lines.first_mut() {
        first.space_before = PARAGRAPH_SPACE;
    }
    lines
}

/// The slabs of any item in a body `width` wide, the first with the space above the item; an
/// image is centred, tagged as a figure with its alt text.
pub(crate) fn item_slabs(cx: &mut Cx, item: &Item, width: f32, palette: Palette) -> Vec<Slab> {
    match item {
        Item::Table(table) => table_rows(cx, table, palette),
        Item::Callout(items) => vec![callout(cx, items, width, palette)],
        Item::Image { key, alt, width: w, height: h } => {
            let tag = cx.tree.add(Role::Figure(alt.as_str().into()), cx.tag());
            let image = Drawn::Image { x: (width - w) / 2.0, y: 0.0, w: *w, h: *h, key: key.clone(), tag };
            vec![Slab { space_before: PARAGRAPH_SPACE, ..Slab::new(*h, vec![image]) }]
        }
        _ => item_lines(cx, item, width, palette),
    }
}

thread_local! {
    /// Heights measured on this thread, by width and item (written out with `Debug`, which
    /// shows every field), and the bytes of their keys. Paginating asks for an item's height
    /// again and again (composing, placing it, carrying a heading over): for the 200-page
    /// benchmark tree, 6,361 of 8,742 asks were repeats.
    static HEIGHTS: RefCell<(HashMap<String, f32>, usize)> = RefCell::new((HashMap::new(), 0));
}

/// The heights kept are forgotten once their keys hold this many bytes.
const KEPT_KEY_BYTES: usize = 4 << 20;

/// The height of an item in a body `width` wide, with the space above it.
pub(crate) fn item_height(item: &Item, width: f32) -> f32 {
    let key = format!("{}|{item:?}", width.to_bits());
    if let Some(height) = HEIGHTS.with_borrow(|(kept, _)| kept.get(&key).copied()) {
        return height;
    }
    let palette = Palette { text: WHITE, accent: WHITE };
    let height = measuring(|cx| stacked(&item_slabs(cx, item, width, palette)));
    HEIGHTS.with_borrow_mut(|(kept, bytes)| {
        if *bytes + key.len() > KEPT_KEY_BYTES {
            kept.clear();
            *bytes = 0;
        }
        *bytes += key.len();
        kept.insert(key, height);
    });
    height
}

/// A callout: its text items inside a box tinted with the accent and bordered by it.
fn callout(cx: &mut Cx, items: &[Item], width: f32, palette: Palette) -> Slab {
    let mut inner = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let role = if i == 0 { Role::Caption } else { Role::P };
        inner.extend(cx.within(role, |cx| item_lines(cx, item, width - 2.0 * CALLOUT_PAD, palette)).0);
    }
    // The padding stands above the first line in place of its space.
    if let Some(first) = inner.first_mut() {
        first.space_before = 0.0;
    }
    let mut drawn = Vec::new();
    let height = place(inner, CALLOUT_PAD, CALLOUT_PAD, &mut drawn) + CALLOUT_PAD;
    let (fill, line) = (palette.accent.tint(0.9), palette.accent);
    let mut items = vec![Drawn::Rect { x: 0.0, y: 0.0, w: width, h: height, color: fill }];
    for [x1, y1, x2, y2] in
        [[0.0, 0.0, width, 0.0], [width, 0.0, width, height], [width, height, 0.0, height], [0.0, height, 0.0, 0.0]]
    {
        items.push(Drawn::Rule { x1, y1, x2, y2, width: CALLOUT_BORDER, color: line });
    }
    items.append(&mut drawn);
    Slab { space_before: TABLE_GAP, ..Slab::new(height, items) }
}

/// One row of a table with the deck's column widths: cells inside their margins, the header
/// filled with the accent, every second body row banded, a rule below.
fn row(cx: &mut Cx, cells: &[Text], table: &Table, band: Option<bool>, palette: Palette) -> Slab {
    let head = band.is_none();
    let text = Palette { text: if head { WHITE } else { palette.text }, ..palette };
    let mut items = Vec::new();
    // An empty cell adds no height: a row is at least one line of the table's type tall.
    let (mut x, mut height) = (0.0, table.size * LINE_SPACING + 2.0 * CELL_MARGIN_Y);
    for (c, width) in table.widths.iter().enumerate() {
        let runs = cells.get(c).map_or(&[][..], Vec::as_slice);
        let align = table.align.get(c).copied().unwrap_or(Align::None);
        let spans = spans(runs, table.size, head, text);
        if spans.iter().all(|span| span.text.trim().is_empty()) {
            x += width;
            continue;
        }
        let mut y = CELL_MARGIN_Y;
        let role = if head { Role::TH } else { Role::TD };
        let (lines, _) =
            cx.within(role, |cx| layout_lines(cx, &spans, width - 2.0 * CELL_MARGIN_X, LINE_SPACING, align));
        for line in lines {
            items.extend(line.items.into_iter().map(|mut item| {
                item.shift(x + CELL_MARGIN_X, y);
                item
            }));
            y += line.height;
        }
        height = height.max(y + CELL_MARGIN_Y);
        x += width;
    }
    let fill = match band {
        None => Some(palette.accent),
        Some(true) => Some(BAND),
        Some(false) => None,
    };
    // A banded row's fill starts below the rule above it, which it would otherwise half cover.
    let top = if band.is_some() { TABLE_RULE / 2.0 } else { 0.0 };
    let mut drawn: Vec<Drawn> =
        fill.map(|color| Drawn::Rect { x: 0.0, y: top, w: x, h: height - top, color }).into_iter().collect();
    drawn.append(&mut items);
    drawn.push(Drawn::Rule { x1: 0.0, y1: height, x2: x, y2: height, width: TABLE_RULE, color: RULE });
    Slab::new(height, drawn)
}

/// The rows of a table, the header first (if shown), the first with the gap above the table.
fn table_rows(cx: &mut Cx, table: &Table, palette: Palette) -> Vec<Slab> {
    let mut rows = Vec::with_capacity(table.rows.len() + 1);
    if table.has_head() {
        rows.push(cx.within(Role::TR, |cx| row(cx, &table.head, table, None, palette)).0);
    }
    for (i, cells) in table.rows.iter().enumerate() {
        rows.push(cx.within(Role::TR, |cx| row(cx, cells, table, Some(i % 2 == 1), palette)).0);
    }
    if let Some(first) = rows.first_mut() {
        first.space_before = TABLE_GAP;
    }
    rows
}

/// The height of a row of `table`: the header if `head`.
pub(crate) fn row_height(cells: &[Text], table: &Table, head: bool) -> f32 {
    let palette = Palette { text: WHITE, accent: WHITE };
    measuring(|cx| row(cx, cells, table, (!head).then_some(false), palette).height)
}

/// The height of a footnote set at the foot of a body `width` wide.
pub(crate) fn footnote_height(note: &[Run], width: f32) -> f32 {
    let palette = Palette { text: WHITE, accent: WHITE };
    measuring(|cx| stacked(&text_lines(cx, note, FOOTNOTE_SIZE, width, false, palette)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::slides::compose::text;
    use crate::backends::slides::tables::fit;

    /// Measuring gives the heights of the slabs the PDF deck draws: pagination and the deck agree.
    #[test]
    fn measured_heights_are_those_of_the_drawn_items() {
        let long = "a line of words that wraps more than once in a narrow column ".repeat(4);
        let (table, _) =
            fit(vec![Align::None; 2], vec![text("A"), text("B")], vec![vec![text("x"), text(&long)]], 400.0, 360.0);
        let items = [
            Item::Heading(text(&long)),
            Item::Paragraph(text(&long)),
            Item::Bullet { level: 2, marker: Marker::Number(3), text: text(&long) },
            Item::Code { text: format!("{long}\nfn main() {{}}\n"), lang: Some("rust".into()) },
            Item::Callout(vec![Item::Paragraph(text("Note")), Item::Paragraph(text(&long))]),
            Item::Table(table),
        ];
        let palette = Palette { text: RULE, accent: BAND };
        for item in &items {
            let mut cx = Cx::new(super::super::layout::BODY_SIZE, BAND, false, "", "");
            let drawn = item_slabs(&mut cx, item, 400.0, palette);
            assert!(drawn.iter().any(|slab| !slab.items.is_empty()));
            assert_eq!(item_height(item, 400.0), stacked(&drawn), "{item:?}");
        }
    }
}
