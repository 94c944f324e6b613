//! A Markdown table as a worksheet: bold filled header, typed and rich cells, hyperlinks,
//! fitted widths, frozen header, autofilter, heat-map and print set-up.

use super::cells::{content, number, Content};
use super::config::XlsxConfig;
use super::source::SourceTable;
use super::style::{best_scale, frame, heat_map, Grid, Styles};
use crate::ir::{plain_text, Align};
use rust_xlsxwriter::{Format, Url, Worksheet, XlsxError};

/// The longest text an Excel cell holds.
const MAX_CELL_CHARS: usize = 32_767;

/// Writes `table` on `sheet` from the top-left corner.
pub fn write_table(
    sheet: &mut Worksheet,
    table: &SourceTable,
    styles: &Styles,
    config: &XlsxConfig,
) -> Result<(), XlsxError> {
    let width = table.width().max(1);
    let mut grid = Grid::default();
    for column in 0..width {
        let cell = table.head.get(column).map(Vec::as_slice).unwrap_or_default();
        let text = clip(&plain_text(cell)).trim().to_string();
        sheet.write_string_with_format(
            0,
            column as u16,
            &text,
            &Styles::aligned(&styles.header, table.align(column)),
        )?;
        grid.fit(0, column, &text, true);
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (column, cell) in row.iter().enumerate() {
            let content = content(cell, config);
            grid.fit(r, column, &content.text(), false);
            write_cell(sheet, (r, column as u16), &content, styles, table.align(column))?;
        }
    }
    let last_row = table.rows.len() as u32;
    let last_col = width as u16 - 1;
    grid.apply(sheet, config.max_column_width)?;
    frame(sheet, false, config.paper)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    for column in 0..width {
        let texts: Vec<String> = table.rows.iter().filter_map(|r| r.get(column)).map(|c| plain_text(c)).collect();
        if let (Some(scale), true) = (best_scale(&config.scales, texts.iter().map(String::as_str)), last_row > 0) {
            heat_map(sheet, (1, column as u16), (last_row, column as u16), scale)?;
        }
    }
    Ok(())
}

/// Writes one cell: a number if the whole text (not code) reads as one, a hyperlink if the cell links
/// somewhere, rich text if its styles vary, else a string. Text is never a formula.
fn write_cell(
    sheet: &mut Worksheet,
    at: (u32, u16),
    content: &Content,
    styles: &Styles,
    align: Align,
) -> Result<(), XlsxError> {
    let (row, col) = at;
    let text = clip(&content.text()).to_string();
    if text.is_empty() {
        return Ok(());
    }
    let first = content.runs.first().cloned().unwrap_or_default();
    if let Some(url) = &content.link {
        let format = Styles::with_run(&Styles::aligned(&styles.link, align), &first);
        // An address Excel cannot take (an unknown scheme, too long) leaves the text unlinked.
        if sheet.write_url_with_format(row, col, Url::new(url.as_str()).set_text(text.as_str()), &format).is_ok() {
            return Ok(());
        }
    }
    if content.is_uniform() || text.chars().count() < content.text().chars().count() {
        let format = Styles::with_run(&Styles::aligned(&styles.text, align), &first);
        match number(&text).filter(|_| !content.has_code()) {
            Some(n) => {
                let format = n.format.map_or(format.clone(), |f| format.set_num_format(f));
                sheet.write_number_with_format(row, col, n.value, &format)?
            }
            None => sheet.write_string_with_format(row, col, &text, &format)?,
        };
        return Ok(());
    }
    let formats: Vec<Format> = content.runs.iter().map(|r| Styles::with_run(&Format::new(), r)).collect();
    let segments: Vec<(&Format, &str)> = formats.iter().zip(&content.runs).map(|(f, r)| (f, r.text.as_str())).collect();
    sheet.write_rich_string_with_format(row, col, &segments, &Styles::aligned(&styles.text, align))?;
    Ok(())
}

/// `text` cut to what a cell holds.
fn clip(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}
