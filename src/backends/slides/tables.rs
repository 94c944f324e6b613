//! Fitting a table to the slide body: a type size, column widths from the measured text, and
//! rows too tall for any slide shortened (their full text goes to the notes).

use super::deck::{plain, shows_head, Run, Table, Text};
use super::layout::{line_height, CELL_MARGIN_X, CELL_MARGIN_Y, TABLE_GAP, TABLE_SIZES};
use super::measure::{extent, measuring, row_height, spans, Palette};
use crate::ir::Align;
use crate::layout::{kept_widths, Rgb};

/// A table without rows, to measure rows at these widths and this size.
fn probe(widths: &[f32], size: f32) -> Table {
    Table { align: Vec::new(), head: Vec::new(), rows: Vec::new(), widths: widths.to_vec(), size, heights: Vec::new() }
}

/// Lays out a table for a body `width` × `height` points: the largest type size at which
/// every word fits its column and the header with the tallest row fits the body. Returns the
/// table and, for each row that had to be shortened, its number (1-based) and full text.
pub(crate) fn fit(
    align: Vec<Align>,
    head: Vec<Text>,
    rows: Vec<Vec<Text>>,
    width: f32,
    height: f32,
) -> (Table, Vec<(usize, String)>) {
    let smallest = TABLE_SIZES[TABLE_SIZES.len() - 1];
    let fitting = TABLE_SIZES.into_iter().find_map(|size| {
        let sized = Sized::new(&head, &rows, size, widths(&natural(&head, &rows, size), width)?);
        let tallest = sized.rows.iter().copied().fold(0.0, f32::max);
        (TABLE_GAP + sized.head + tallest <= height).then_some(sized)
    });
    let sized = fitting.unwrap_or_else(|| {
        let natural = natural(&head, &rows, smallest);
        let widths = widths(&natural, width).unwrap_or_else(|| kept(&head, &rows, smallest, (&natural.0, width)));
        Sized::new(&head, &rows, smallest, widths)
    });
    let probe = probe(&sized.widths, sized.size);
    let limit = height - TABLE_GAP - sized.head;
    let mut table = Table { align, head, rows, widths: sized.widths, size: sized.size, heights: vec![sized.head] };
    let mut notes = Vec::new();
    for (i, (row, mut height)) in table.rows.iter_mut().zip(sized.rows).enumerate() {
        if height > limit {
            notes.push((i + 1, row.iter().map(|c| plain(c)).collect::<Vec<_>>().join(" | ")));
            height = shorten(row, &probe, limit);
        }
        table.heights.push(height);
    }
    (table, notes)
}

/// A table measured at one type size and its column widths: the heights of its header and
/// rows, each measured once for choosing the size and for fitting the rows.
struct Sized {
    size: f32,
    widths: Vec<f32>,
    head: f32,
    rows: Vec<f32>,
}

impl Sized {
    fn new(head: &[Text], rows: &[Vec<Text>], size: f32, widths: Vec<f32>) -> Sized {
        let probe = probe(&widths, size);
        let head = if shows_head(head) { row_height(head, &probe, true) } else { 0.0 };
        let rows = rows.iter().map(|r| row_height(r, &probe, false)).collect();
        Sized { size, widths, head, rows }
    }
}

/// The widest single-line text and the widest unbreakable word of each column, margins
/// included.
fn natural(head: &[Text], rows: &[Vec<Text>], size: f32) -> (Vec<f32>, Vec<f32>) {
    let columns = head.len();
    let mut line = vec![0.0f32; columns];
    let mut word = vec![0.0f32; columns];
    let cells = head
        .iter()
        .enumerate()
        .map(|c| (c, true))
        .chain(rows.iter().flat_map(|r| r.iter().enumerate().map(|c| (c, false))));
    measuring(|cx| {
        for ((i, cell), is_head) in cells {
            let (narrowest, widest) = extent(cx, cell, size, is_head);
            line[i] = line[i].max(widest + 2.0 * CELL_MARGIN_X);
            word[i] = word[i].max(narrowest + 2.0 * CELL_MARGIN_X);
        }
    });
    (line, word)
}

/// Column widths that add up to `width` and give every column room for its widest word, or
/// `None` when the words cannot all fit; from the columns' `natural` widths at one size.
fn widths((line, word): &(Vec<f32>, Vec<f32>), width: f32) -> Option<Vec<f32>> {
    (word.iter().sum::<f32>() <= width).then(|| at_least(shares(line, width), word))
}

/// Widths for a table whose words cannot all fit: each column at least as wide as its longest
/// token of up to [`crate::layout::KEEP`] characters, which is never broken (of any kind, else
/// numbers and codes), where those fit; the rest shared by the columns' widest single-line
/// text, `line`.
fn kept(head: &[Text], rows: &[Vec<Text>], size: f32, (line, width): (&[f32], f32)) -> Vec<f32> {
    let columns = head.len();
    let (mut all, mut firm) = (vec![0.0f32; columns], vec![0.0f32; columns]);
    let cells = head.iter().enumerate().map(|c| (c, true));
    let cells = cells.chain(rows.iter().flat_map(|r| r.iter().enumerate().map(|c| (c, false))));
    // Colours do not change widths.
    let palette = Palette { text: Rgb(0.0, 0.0, 0.0), accent: Rgb(0.0, 0.0, 0.0) };
    measuring(|cx| {
        for ((i, cell), is_head) in cells {
            let kept = kept_widths(cx, &spans(cell, size, is_head, palette));
            all[i] = all[i].max(kept.all + 2.0 * CELL_MARGIN_X);
            firm[i] = firm[i].max(kept.firm + 2.0 * CELL_MARGIN_X);
        }
    });
    let shares = shares(line, width);
    match [all, firm].into_iter().find(|floor| floor.iter().sum::<f32>() <= width) {
        Some(floor) => at_least(shares, &floor),
        None => shares,
    }
}

/// `widths` raised to at least `word` each, taking from the columns wider than theirs.
fn at_least(mut widths: Vec<f32>, word: &[f32]) -> Vec<f32> {
    for _ in 0..widths.len() {
        let short: f32 = widths.iter().zip(word).map(|(w, min)| (min - w).max(0.0)).sum();
        if short <= 0.01 {
            break;
        }
        let spare: f32 = widths.iter().zip(word).map(|(w, min)| (w - min).max(0.0)).sum();
        for (w, min) in widths.iter_mut().zip(word) {
            *w = if *w < *min { *min } else { *w - (*w - min) * short / spare };
        }
    }
    widths
}

/// Widths in proportion to the columns' text (`line`, their widest single-line text): as
/// measured when the whole table fits on one line a row, else by the square root of it so
/// that short columns keep a fair share.
fn shares(line: &[f32], width: f32) -> Vec<f32> {
    let total: f32 = line.iter().sum();
    let weights: Vec<f32> = if total <= width { line.to_vec() } else { line.iter().map(|w| w.sqrt()).collect() };
    let sum: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
    weights.iter().map(|w| width * w / sum).collect()
}

/// Cuts the longest cell of `row` until the row, in a table like `probe`, is no taller than
/// `limit`; returns its height.
fn shorten(row: &mut [Text], probe: &Table, limit: f32) -> f32 {
    let floor = line_height(probe.size) + 2.0 * CELL_MARGIN_Y;
    loop {
        let height = row_height(row, probe, false);
        if height <= limit.max(floor) {
            return height;
        }
        let Some((i, _)) = row.iter().enumerate().max_by_key(|(_, c)| plain(c).chars().count()) else { return height };
        let text = plain(&row[i]);
        let keep = text.chars().count() * 3 / 4;
        row[i] = vec![Run {
            text: format!("{}…", text.chars().take(keep).collect::<String>().trim_end()),
            ..Run::default()
        }];
        if keep == 0 {
            return row_height(row, probe, false);
        }
    }
}

/// How many rows, of heights `rows`, fit in `room` points under the gap and a header row
/// `head` high.
pub(crate) fn rows_fitting(head: f32, rows: &[f32], room: f32) -> usize {
    let mut used = TABLE_GAP + head;
    let mut count = 0;
    for row in rows {
        used += row;
        if used > room {
            break;
        }
        count += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> Text {
        vec![Run { text: s.into(), ..Run::default() }]
    }

    #[test]
    fn widths_add_up_and_favour_long_columns() {
        let head = vec![cell("Category"), cell("Skills")];
        let rows = vec![vec![cell("People"), cell(&"hiring coaching feedback ".repeat(6))]];
        let (table, notes) = fit(vec![Align::None; 2], head, rows, 800.0, 360.0);
        assert!(notes.is_empty());
        assert!((table.widths.iter().sum::<f32>() - 800.0).abs() < 0.5);
        assert!(table.widths[1] > table.widths[0]);
        assert_eq!(table.size, TABLE_SIZES[0]);
    }

    #[test]
    fn a_row_too_tall_for_any_slide_is_shortened_into_the_notes() {
        let head = vec![cell("A"), cell("B")];
        let rows = vec![vec![cell("x"), cell(&"very long text ".repeat(400))]];
        let (table, notes) = fit(vec![Align::None; 2], head, rows, 800.0, 360.0);
        assert_eq!(notes.len(), 1);
        let height = crate::backends::slides::measure::item_height(&crate::backends::slides::Item::Table(table), 800.0);
        assert!(height <= 360.0, "{height}");
    }
}
