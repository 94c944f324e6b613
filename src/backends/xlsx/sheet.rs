//! Markdown tables as worksheets: bold filled header, typed and rich cells, hyperlinks,
//! fitted widths, frozen header, autofilter, heat-map and print set-up; or many tables stacked
//! on one sheet written a row at a time.

use super::cells::{content, number, Content};
use super::config::XlsxConfig;
use super::limits::{clip, note_cut, MAX_ROWS};
use super::measure::Measured;
use super::source::SourceTable;
use super::style::{best_scale, end_rows, frame, heat_map, print_setup, Grid, Styles};
use crate::diag::Diagnostic;
use crate::ir::{plain_text, Align};
use rust_xlsxwriter::{Format, Url, Worksheet, XlsxError};

/// How rows get their heights: noted in a grid that sets them when the table is written, or
/// from column widths known beforehand, as a sheet written a row at a time needs.
enum Sizing<'a> {
    Fit(&'a mut Grid),
    Known(&'a [f64]),
}

/// The sheet being written, its styles and settings, and the warnings about what was cut.
pub struct Writer<'a> {
    pub styles: &'a Styles,
    pub config: &'a XlsxConfig,
    pub warnings: &'a mut Vec<Diagnostic>,
}

/// Writes `table` on `sheet` from the top-left corner.
pub fn write_table(sheet: &mut Worksheet, table: &SourceTable, out: &mut Writer) -> Result<(), XlsxError> {
    let config = out.config;
    let mut grid = Grid::default();
    if let Some(cut) = &table.cut {
        out.warnings.push(table.warning(cut));
    }
    let (last_row, _) = write_at(sheet, table, 0, &mut Sizing::Fit(&mut grid), out)?;
    grid.apply(sheet, config.max_column_width)?;
    frame(sheet, false, config.paper)?;
    sheet.autofilter(0, 0, last_row, table.width().max(1) as u16 - 1)?;
    Ok(())
}

/// Writes `tables` one under another on `sheet`, each under a bold row with its title and a
/// blank row after it, a row at a time: the sheet may be in constant-memory mode. Columns are
/// measured first, so that every row's height is known when it is written.
pub fn write_stacked(
    sheet: &mut Worksheet,
    name: &str,
    tables: &[(String, SourceTable)],
    out: &mut Writer,
) -> Result<(), XlsxError> {
    let config = out.config;
    let mut grid = Grid::default();
    for (_, table) in tables {
        for (column, text) in head_texts(table).iter().enumerate() {
            grid.measure(column, &Measured::text(text, true));
        }
        for row in table.rows() {
            for (column, cell) in row.iter().enumerate() {
                grid.measure(column, &Measured::content(&content(cell, config)));
            }
        }
    }
    let widths = grid.set_widths(sheet, config.max_column_width)?;
    print_setup(sheet, config.paper);
    let (mut top, mut end) = (0, None);
    for (title, table) in tables {
        let mut table = table.clone();
        // The title and the header take two rows; the rest of the sheet holds the rows.
        let Some(room) = MAX_ROWS.checked_sub(top + 2) else {
            out.warnings.push(table.warning(&format!("the table is left out: the sheet `{name}` is full")));
            continue;
        };
        let cuts =
            [table.cut.clone(), table.keep_rows(room as usize).map(|c| format!("{c}: the sheet `{name}` is full"))];
        if let Some(cut) = cuts.into_iter().flatten().reduce(|a, b| format!("{a}; {b}")) {
            out.warnings.push(table.warning(&cut));
        }
        sheet.write_string_with_format(top, 0, clip(title), &out.styles.title)?;
        let (last, tall) = write_at(sheet, &table, top + 1, &mut Sizing::Known(&widths), out)?;
        (top, end) = (last + 2, Some((last, tall)));
    }
    match end {
        Some((last, tall)) => end_rows(sheet, last, tall, out.styles),
        None => Ok(()),
    }
}

/// The header cells of `table` as text, one a column.
fn head_texts(table: &SourceTable) -> Vec<String> {
    let cells = (0..table.width().max(1)).map(|c| table.head.get(c).map(Vec::as_slice).unwrap_or_default());
    cells.map(|cell| plain_text(cell).trim().to_string()).collect()
}

/// Writes `table`'s header at row `top` and its rows below, with heat maps; returns the last
/// row written and whether it was given a height as it was written (by [`Sizing::Known`]).
fn write_at(
    sheet: &mut Worksheet,
    table: &SourceTable,
    top: u32,
    sizing: &mut Sizing,
    out: &mut Writer,
) -> Result<(u32, bool), XlsxError> {
    let (styles, config) = (out.styles, out.config);
    let head = head_texts(table);
    let measured: Vec<Measured> = head.iter().map(|text| Measured::text(text, true)).collect();
    let mut tall = match sizing {
        Sizing::Known(widths) => Grid::size_row(sheet, top, widths, &measured)?,
        Sizing::Fit(grid) => {
            measured.into_iter().enumerate().for_each(|(column, text)| grid.fit(top, column, text));
            false
        }
    };
    for (column, text) in head.iter().enumerate() {
        let format = Styles::aligned(&styles.header, table.align(column));
        let text = fitted(sheet, (top, column as u16), text, (table, 0), out.warnings)?;
        sheet.write_string_with_format(top, column as u16, text, &format)?;
    }
    for (r, row) in table.rows().enumerate() {
        let r = top + r as u32 + 1;
        let contents: Vec<Content> = row.iter().map(|cell| content(cell, config)).collect();
        let texts: Vec<String> = contents.iter().map(Content::text).collect();
        let measured = contents.iter().map(Measured::content);
        match sizing {
            Sizing::Fit(grid) => measured.enumerate().for_each(|(column, text)| grid.fit(r, column, text)),
            Sizing::Known(widths) => tall = Grid::size_row(sheet, r, widths, &measured.collect::<Vec<_>>())?,
        }
        for (column, (content, text)) in contents.iter().zip(&texts).enumerate() {
            let text = fitted(sheet, (r, column as u16), text, (table, r - top), out.warnings)?;
            write_cell(sheet, (r, column as u16), content, &text, styles, table.align(column))?;
        }
    }
    let last_row = top + table.row_count() as u32;
    for column in 0..table.width().max(1) {
        let texts: Vec<String> = table.rows().filter_map(|r| r.get(column)).map(|c| plain_text(c)).collect();
        if let (Some(scale), true) = (best_scale(&config.scales, texts.iter().map(String::as_str)), last_row > top) {
            heat_map(sheet, (top + 1, column as u16), (last_row, column as u16), scale)?;
        }
    }
    Ok((last_row, tall))
}

/// `text` fitted to the cell at `at`, the text cut from it kept in the cell's note, with a
/// warning at the table's line naming the cell (`row` of the table, 0 for the header).
fn fitted(
    sheet: &mut Worksheet,
    at: (u32, u16),
    text: &str,
    (table, row): (&SourceTable, u32),
    warnings: &mut Vec<Diagnostic>,
) -> Result<String, XlsxError> {
    let fitted = note_cut(sheet, at, text)?;
    if let Some(warning) = fitted.warning {
        let place = match row {
            0 => format!("header, column {}", at.1 + 1),
            row => format!("row {row}, column {}", at.1 + 1),
        };
        warnings.push(table.warning(&format!("a cell ({place}) of {warning}")));
    }
    Ok(fitted.cell.to_string())
}

/// Writes one cell, `text` being its text fitted to a cell: a number if the whole text (not
/// code) reads as one, a hyperlink if the cell links somewhere, rich text if its styles vary,
/// else a string. Text is never a formula.
fn write_cell(
    sheet: &mut Worksheet,
    at: (u32, u16),
    content: &Content,
    text: &str,
    styles: &Styles,
    align: Align,
) -> Result<(), XlsxError> {
    let (row, col) = at;
    if text.is_empty() {
        return Ok(());
    }
    let first = content.runs.first().map(|r| r.style).unwrap_or_default();
    if let Some(url) = &content.link {
        let format = Styles::with_style(&Styles::aligned(&styles.link, align), &first);
        // An address Excel cannot take (an unknown scheme, too long) leaves the text unlinked.
        if sheet.write_url_with_format(row, col, Url::new(url.as_str()).set_text(text), &format).is_ok() {
            return Ok(());
        }
    }
    if content.is_uniform() || text.chars().count() < content.text().chars().count() {
        let format = Styles::with_style(&Styles::aligned(&styles.text, align), &first);
        match number(text).filter(|_| !content.has_code()) {
            Some(n) => {
                let format = n.format.map_or(format.clone(), |f| format.set_num_format(f));
                sheet.write_number_with_format(row, col, n.value, &format)?
            }
            None => sheet.write_string_with_format(row, col, text, &format)?,
        };
        return Ok(());
    }
    let formats: Vec<Format> = content.runs.iter().map(|r| Styles::with_style(&Format::new(), &r.style)).collect();
    let segments: Vec<(&Format, &str)> = formats.iter().zip(&content.runs).map(|(f, r)| (f, r.text.as_str())).collect();
    sheet.write_rich_string_with_format(row, col, &segments, &Styles::aligned(&styles.text, align))?;
    Ok(())
}
