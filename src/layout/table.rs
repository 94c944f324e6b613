//! Tables: column widths from the cells' narrowest and widest settings (as browsers' automatic
//! table layout does), wrapped cells, a styled header row repeated on every page, zebra rows,
//! tagged as a table with a head of column headers and a body.
//! A table too wide for the column shrinks its type down to a floor, then wraps inside words, but
//! a column never gets narrower than its longest token of up to [`super::tokens::KEEP`] characters (a number or
//! a code, and a short word where they fit; see [`super::tokens`]).
//! Rows are chained for the paginator: a table that fits a page is kept whole, and a longer one
//! keeps at least [`ALONE`] body rows on either side of a break.

use super::flow::{Cx, Slab};
use super::fonts::FontId;
use super::inline::{spans, Span, Style};
use super::lines::{layout_lines, measure};
use super::tag::Role;
use super::tokens::kept_widths;
use super::{Item, Rgb};
use crate::ir::{Align, Cell};
use std::rc::Rc;

/// A table's type size, as a fraction of the body size: where it starts, how much a step of
/// shrinking keeps, and the smallest it shrinks to.
const START: f32 = 0.9;
const SHRINK: f32 = 0.92;
const FLOOR: f32 = 0.72;
/// The fewest body rows left alone on either side of a page break.
pub const ALONE: usize = 3;
/// Width of the rule below each row.
const RULE: f32 = 0.4;
/// Line spacing in cells, as a multiple of the type size.
const LEADING: f32 = 1.3;

/// The number of columns of a table: its longest row's, the header's included.
fn column_count(head: &[Cell], rows: &[Vec<Cell>]) -> usize {
    rows.iter().map(Vec::len).chain([head.len()]).max().unwrap_or(0)
}

pub fn table(cx: &mut Cx, align: &[Align], head: &[Cell], rows: &[Vec<Cell>], width: f32, out: &mut Vec<Slab>) {
    let columns = column_count(head, rows);
    if columns == 0 {
        return;
    }
    let (_, size, grid) = fitted(cx, head, rows, columns, width);
    emit(cx, &grid, align, size, width, out);
}

/// The type sizes a table may be set at, as fractions of the body size, largest first: a table
/// starts a little smaller than the body text and shrinks a step at a time, down to `FLOOR`,
/// while its columns' longest words do not fit.
pub fn table_scales() -> Vec<f32> {
    std::iter::successors(Some(START), |scale| Some(scale * SHRINK)).take_while(|scale| *scale >= FLOOR).collect()
}

/// The step of [`table_scales`] a table of `columns` is set at `width` wide, its type size,
/// and its cells measured at that size.
fn fitted(cx: &mut Cx, head: &[Cell], rows: &[Vec<Cell>], columns: usize, width: f32) -> (usize, f32, Grid) {
    let scales = table_scales();
    let mut step = 0;
    loop {
        let size = cx.size * scales[step];
        let pad = padding(columns, size, width);
        let grid = Grid::new(cx, head, rows, columns, size);
        let min_total: f32 = grid.min.iter().sum();
        if min_total <= width - 2.0 * pad * columns as f32 || step + 1 == scales.len() {
            return (step, size, grid);
        }
        step += 1;
    }
}

/// The step of [`table_scales`] a table is set at `width` wide and the widths of its columns,
/// padding included, as the PDF sets them: for writers that set tables themselves (DOCX) at
/// the PDF's size and in its proportions, for a program that sets the text with its own
/// measure and perhaps another face. So each column is `room` points wider than its text
/// needs, and its longest word counts `spare` times wider where the table has room for it.
/// No widths for a table without columns.
pub fn column_widths(
    cx: &mut Cx,
    head: &[Cell],
    rows: &[Vec<Cell>],
    width: f32,
    (room, spare): (f32, f32),
) -> (usize, Vec<f32>) {
    let columns = column_count(head, rows);
    if columns == 0 {
        return (0, Vec::new());
    }
    let (step, size, mut grid) = fitted(cx, head, rows, columns, width);
    let pad = padding(columns, size, width);
    let spared: Vec<f32> = grid.min.iter().map(|m| m * spare).collect();
    if spared.iter().sum::<f32>() <= width - (2.0 * pad + room) * columns as f32 {
        grid.max = grid.max.iter().zip(&spared).map(|(max, min)| max.max(*min)).collect();
        grid.min = spared;
    }
    let inner = widths(&grid, width - (2.0 * pad + room) * columns as f32);
    (step, inner.into_iter().map(|w| w + 2.0 * pad + room).collect())
}

/// A table of cells already styled (the first row is the header when `has_head`), set `width`
/// wide at type `size` with the same column widths, padding, header fill and zebra rows as
/// `table`; one slab a row.
pub fn styled_table(
    cx: &mut Cx,
    cells: Vec<Vec<Vec<Span>>>,
    has_head: bool,
    align: &[Align],
    size: f32,
    width: f32,
) -> Vec<Slab> {
    let mut out = Vec::new();
    if cells.first().is_some_and(|row| !row.is_empty()) {
        let grid = Grid::measured(cx, cells, has_head);
        emit(cx, &grid, align, size, width, &mut out);
    }
    out
}

/// Horizontal cell padding at type `size`: thin when the columns are narrow, so that cells
/// keep some room.
fn padding(columns: usize, size: f32, width: f32) -> f32 {
    if width / columns as f32 > size * 4.0 {
        size * 0.55
    } else {
        size * 0.1
    }
}

/// The cells as spans, with their narrowest and widest widths per column, and the width of each
/// column's longest token that is never broken.
struct Grid {
    has_head: bool,
    cells: Vec<Vec<Vec<Span>>>,
    min: Vec<f32>,
    max: Vec<f32>,
    /// The widest tokens kept whole per column: of any kind, and numbers and codes.
    keep: Vec<f32>,
    firm: Vec<f32>,
}

impl Grid {
    fn new(cx: &mut Cx, head: &[Cell], rows: &[Vec<Cell>], columns: usize, size: f32) -> Grid {
        let mut head_style = Style::plain(FontId::SANS, size, Rgb(1.0, 1.0, 1.0));
        head_style.bold = true;
        let body_style = Style::plain(FontId::SERIF, size, cx.text_color);
        let head_row = (!head.is_empty()).then_some((head, &head_style));
        let all = head_row.into_iter().chain(rows.iter().map(|r| (r.as_slice(), &body_style)));
        let cells = all
            .map(|(row, style)| {
                (0..columns).map(|c| spans(cx, row.get(c).map_or(&[][..], Vec::as_slice), style)).collect()
            })
            .collect();
        Grid::measured(cx, cells, !head.is_empty())
    }

    /// A grid of styled cells (rows of equal length), with each column's narrowest and widest
    /// settings.
    fn measured(cx: &mut Cx, cells: Vec<Vec<Vec<Span>>>, has_head: bool) -> Grid {
        let columns = cells.first().map_or(0, Vec::len);
        let (mut min, mut max) = (vec![0.0f32; columns], vec![0.0f32; columns]);
        let (mut keep, mut firm) = (vec![0.0f32; columns], vec![0.0f32; columns]);
        for row in &cells {
            for (c, cell) in row.iter().enumerate().take(columns) {
                let (lo, hi) = measure(cx, cell);
                min[c] = min[c].max(lo);
                max[c] = max[c].max(hi);
                let kept = kept_widths(cx, cell);
                keep[c] = keep[c].max(kept.all.min(lo));
                firm[c] = firm[c].max(kept.firm.min(lo));
            }
        }
        Grid { has_head, cells, min, max, keep, firm }
    }
}

/// Column widths that fill `avail`: widest settings when they fit, else the narrowest plus a
/// share of the rest in proportion to what each column would like more, else the widths of the
/// tokens kept whole (all, else numbers and codes) plus a share of the rest, else the numbers'
/// and codes' widths scaled down.
fn widths(grid: &Grid, avail: f32) -> Vec<f32> {
    let (min, max) = (&grid.min, &grid.max);
    let (min_total, max_total): (f32, f32) = (min.iter().sum(), max.iter().sum());
    if max_total <= avail {
        let extra = (avail - max_total) / max.len() as f32;
        return max.iter().map(|m| m + extra).collect();
    }
    if min_total < avail && max_total > min_total {
        let share = (avail - min_total) / (max_total - min_total);
        return min.iter().zip(max).map(|(lo, hi)| lo + (hi - lo) * share).collect();
    }
    for floor in [&grid.keep, &grid.firm] {
        let total: f32 = floor.iter().sum();
        if total < avail && min_total > total {
            let share = (avail - total) / (min_total - total);
            return floor.iter().zip(min).map(|(keep, lo)| keep + (lo - keep) * share).collect();
        }
    }
    let total: f32 = grid.firm.iter().sum();
    grid.firm.iter().map(|m| m * avail / total.max(0.01)).collect()
}

/// The rows of a measured grid as slabs, its columns sized to fill `width`: the header row in
/// the table's head, the others in its body.
fn emit(cx: &mut Cx, grid: &Grid, align: &[Align], size: f32, width: f32, out: &mut Vec<Slab>) {
    let pad = padding(grid.min.len(), size, width);
    let widths = widths(grid, width - 2.0 * pad * grid.min.len() as f32);
    let set = RowSet { align, widths, pad, pad_y: size * 0.4, width, size };
    let mut rows = grid.cells.iter();
    let mut header: Option<Rc<Slab>> = None;
    if grid.has_head {
        if let Some(row) = rows.next() {
            let ((mut slab, _), _) = cx.within(Role::THead, |cx| cx.within(Role::TR, |cx| set.row(cx, row, true)));
            slab.items.splice(0..0, set.fill(Some(cx.accent), 0.0, slab.height));
            slab.keep_with_next = true;
            slab.space_before = cx.size * 0.8;
            header = Some(Rc::new(slab.clone()));
            out.push(slab);
        }
    }
    let start = out.len();
    cx.within(Role::TBody, |cx| {
        for (i, row) in rows.enumerate() {
            let (mut slab, _) = cx.within(Role::TR, |cx| set.row(cx, row, false));
            let zebra = (i % 2 == 1).then_some(Rgb(0.955, 0.96, 0.97));
            // Below the rule above, which a fill from the top would half cover.
            slab.items.splice(0..0, set.fill(zebra, RULE / 2.0, slab.height));
            slab.header = header.clone();
            out.push(slab);
        }
    });
    let whole: f32 = header.map_or(0.0, |h| h.height) + out[start..].iter().map(|s| s.height).sum::<f32>();
    chain_rows(&mut out[start..], whole <= cx.column_height);
}

/// Chains a table's body rows for the paginator: all of them when the table fits a page (it then
/// moves whole), else the first and the last [`ALONE`] (a break leaves at least that many on
/// either side).
fn chain_rows(rows: &mut [Slab], fits: bool) {
    let n = rows.len();
    for (i, row) in rows.iter_mut().enumerate().take(n.saturating_sub(1)) {
        row.keep_with_next = fits || i + 1 < ALONE || i + ALONE >= n;
    }
}

/// How the rows of a grid are set: its column widths and cell padding.
struct RowSet<'a> {
    align: &'a [Align],
    widths: Vec<f32>,
    pad: f32,
    pad_y: f32,
    width: f32,
    size: f32,
}

impl RowSet<'_> {
    /// The full width of the rows, within the column.
    fn total(&self) -> f32 {
        let total: f32 = self.widths.iter().map(|w| w + 2.0 * self.pad).sum();
        total.min(self.width)
    }

    /// A row's cells, each a header cell (`head`) or a data cell, with the rule below it.
    fn row(&self, cx: &mut Cx, row: &[Vec<Span>], head: bool) -> Slab {
        let mut items = Vec::new();
        // An empty cell adds no height: the row is at least one line of the table's type tall.
        let mut height: f32 = self.size * LEADING + 2.0 * self.pad_y;
        let mut x = 0.0;
        let role = if head { Role::TH } else { Role::TD };
        for (c, cell) in row.iter().enumerate() {
            let a = self.align.get(c).copied().unwrap_or(Align::None);
            let width = self.widths[c];
            if cell.iter().all(|span| span.text.trim().is_empty()) {
                x += width + 2.0 * self.pad;
                continue;
            }
            let (lines, _) = cx.within(role.clone(), |cx| layout_lines(cx, cell, width, LEADING, a));
            let mut y = self.pad_y;
            for line in lines {
                for mut item in line.items {
                    item.shift(x + self.pad, y);
                    items.push(item);
                }
                y += line.height;
            }
            height = height.max(y + self.pad_y);
            x += width + 2.0 * self.pad;
        }
        let total = self.total();
        let border = Rgb(0.82, 0.83, 0.86);
        items.push(Item::Rule { x1: 0.0, y1: height, x2: total, y2: height, width: RULE, color: border });
        Slab::new(height, items)
    }

    /// The fill behind a row `height` tall, if it has one, from `top` down.
    fn fill(&self, color: Option<Rgb>, top: f32, height: f32) -> Option<Item> {
        color.map(|color| Item::Rect { x: 0.0, y: top, w: self.total(), h: height - top, color })
    }
}
