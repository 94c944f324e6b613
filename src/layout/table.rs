//! Tables: column widths from the cells' narrowest and widest settings (as browsers' automatic
//! table layout does), wrapped cells, a styled header row repeated on every page, zebra rows.
//! A table too wide for the column shrinks its type down to a floor, then wraps inside words.

use super::flow::{Cx, Slab};
use super::fonts::FontId;
use super::inline::{spans, Span, Style};
use super::lines::{layout_lines, measure};
use super::{Item, Rgb};
use crate::ir::{Align, Cell};
use std::rc::Rc;

/// Smallest type a table shrinks to, as a fraction of the body size.
const FLOOR: f32 = 0.72;

pub fn table(cx: &mut Cx, align: &[Align], head: &[Cell], rows: &[Vec<Cell>], width: f32, out: &mut Vec<Slab>) {
    let columns = rows.iter().map(Vec::len).chain([head.len()]).max().unwrap_or(0);
    if columns == 0 {
        return;
    }
    let mut size = cx.size * 0.9;
    loop {
        let pad = padding(columns, size, width);
        let grid = Grid::new(cx, head, rows, columns, size);
        let avail = width - 2.0 * pad * columns as f32;
        let min_total: f32 = grid.min.iter().sum();
        if min_total > avail && size * 0.92 >= cx.size * FLOOR {
            size *= 0.92;
            continue;
        }
        emit(cx, &grid, align, size, width, out);
        return;
    }
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

/// The cells as spans, with their narrowest and widest widths per column.
struct Grid {
    has_head: bool,
    cells: Vec<Vec<Vec<Span>>>,
    min: Vec<f32>,
    max: Vec<f32>,
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
        for row in &cells {
            for (c, cell) in row.iter().enumerate().take(columns) {
                let (lo, hi) = measure(cx, cell);
                min[c] = min[c].max(lo);
                max[c] = max[c].max(hi);
            }
        }
        Grid { has_head, cells, min, max }
    }
}

/// Column widths that fill `avail`: widest settings when they fit, else the narrowest plus a
/// share of the rest in proportion to what each column would like more, else the narrowest
/// scaled down.
fn column_widths(min: &[f32], max: &[f32], avail: f32) -> Vec<f32> {
    let (min_total, max_total): (f32, f32) = (min.iter().sum(), max.iter().sum());
    if max_total <= avail {
        let extra = (avail - max_total) / max.len() as f32;
        return max.iter().map(|m| m + extra).collect();
    }
    if min_total >= avail || max_total <= min_total {
        return min.iter().map(|m| m * avail / min_total.max(0.01)).collect();
    }
    let share = (avail - min_total) / (max_total - min_total);
    min.iter().zip(max).map(|(lo, hi)| lo + (hi - lo) * share).collect()
}

/// The rows of a measured grid as slabs, its columns sized to fill `width`.
fn emit(cx: &mut Cx, grid: &Grid, align: &[Align], size: f32, width: f32, out: &mut Vec<Slab>) {
    let pad = padding(grid.min.len(), size, width);
    let widths = column_widths(&grid.min, &grid.max, width - 2.0 * pad * grid.min.len() as f32);
    let mut header: Option<Rc<Slab>> = None;
    let pad_y = size * 0.4;
    let border = Rgb(0.82, 0.83, 0.86);
    for (r, row) in grid.cells.iter().enumerate() {
        let is_head = r == 0 && grid.has_head;
        let body_index = if grid.has_head { r.wrapping_sub(1) } else { r };
        let mut cells = Vec::new();
        let mut height: f32 = 0.0;
        let mut x = 0.0;
        for (c, cell) in row.iter().enumerate() {
            let a = align.get(c).copied().unwrap_or(Align::None);
            let lines = layout_lines(cx, cell, widths[c], 1.3, a);
            let mut y = pad_y;
            for line in lines {
                for mut item in line.items {
                    item.shift(x + pad, y);
                    cells.push(item);
                }
                y += line.height;
            }
            height = height.max(y + pad_y);
            x += widths[c] + 2.0 * pad;
        }
        let total: f32 = x;
        let fill = if is_head {
            Some(cx.accent)
        } else if body_index % 2 == 1 {
            Some(Rgb(0.955, 0.96, 0.97))
        } else {
            None
        };
        let mut items = Vec::new();
        if let Some(color) = fill {
            items.push(Item::Rect { x: 0.0, y: 0.0, w: total.min(width), h: height, color });
        }
        items.extend(cells);
        items.push(Item::Rule { x1: 0.0, y1: height, x2: total.min(width), y2: height, width: 0.4, color: border });
        let mut slab = Slab::new(height, items);
        if is_head {
            slab.keep_with_next = true;
            slab.space_before = cx.size * 0.8;
            header = Some(Rc::new(slab.clone()));
        } else {
            slab.header = header.clone();
        }
        out.push(slab);
    }
}
