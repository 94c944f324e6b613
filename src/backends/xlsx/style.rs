//! The look of every sheet: cell formats, fitted column widths, frozen header, printing
//! (landscape, one page wide, header repeated) and the proficiency heat-map.

use super::config::Paper;
use super::measure::Measured;
use crate::ir::runs::Style;
use crate::ir::Align;
use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, ConditionalFormatText, ConditionalFormatTextRule, Format,
    FormatAlign, FormatBorder, FormatUnderline, Worksheet, XlsxError,
};
use std::collections::BTreeMap;

const HEADER_FILL: u32 = 0xD9E2F3;
const HEADER_BORDER: u32 = 0x8EA9DB;
const LINK_BLUE: u32 = 0x0563C1;
/// The heat-map runs from the lowest level's colour to the highest's.
const HEAT_LOW: (u32, u32, u32) = (0xF2, 0xF2, 0xF2);
const HEAT_HIGH: (u32, u32, u32) = (0x2E, 0x7D, 0x32);
/// Narrowest fitted column, in characters.
const MIN_WIDTH: f64 = 6.0;
/// Room beside a column's longest line, in units of column width: a unit for Excel's margins
/// (see [`Measured::lines`]) and half a unit of air.
const PADDING: f64 = 1.5;
/// Height of one line of 11-point text, in points.
const LINE_HEIGHT: f64 = 15.0;

/// The base formats of a workbook.
pub struct Styles {
    /// The title above a table stacked with others on one sheet.
    pub title: Format,
    pub header: Format,
    pub text: Format,
    pub link: Format,
}

impl Default for Styles {
    fn default() -> Self {
        let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        Styles {
            title: Format::new().set_bold().set_font_size(12),
            header: text
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_border_bottom(FormatBorder::Thin)
                .set_border_bottom_color(Color::RGB(HEADER_BORDER)),
            link: text.clone().set_font_color(Color::RGB(LINK_BLUE)).set_underline(FormatUnderline::Single),
            text,
        }
    }
}

impl Styles {
    /// `base` with a Markdown column alignment.
    pub fn aligned(base: &Format, align: Align) -> Format {
        match align {
            Align::None => base.clone(),
            Align::Left => base.clone().set_align(FormatAlign::Left),
            Align::Center => base.clone().set_align(FormatAlign::Center),
            Align::Right => base.clone().set_align(FormatAlign::Right),
        }
    }

    /// The cell format `base` with a run's font style.
    pub fn with_style(base: &Format, style: &Style) -> Format {
        let mut format = base.clone();
        if style.bold {
            format = format.set_bold();
        }
        if style.italic {
            format = format.set_italic();
        }
        if style.strike {
            format = format.set_font_strikethrough();
        }
        if style.code {
            format = format.set_font_name("Consolas");
        }
        format
    }
}

/// Fitted column widths and row heights: each column as wide as its longest line, padded,
/// between a minimum and a maximum beyond which text wraps; each row as tall as its most
/// wrapped cell. Text is measured as Excel sets it ([`Measured`]).
#[derive(Debug, Default)]
pub struct Grid {
    widths: Vec<f64>,
    /// Columns whose width is set, not fitted.
    fixed: Vec<(usize, f64)>,
    /// Cells that may wrap: row, column, text.
    cells: Vec<(u32, usize, Measured)>,
}

impl Grid {
    /// Notes that `text` sits in the cell at `row`, `column`.
    pub fn fit(&mut self, row: u32, column: usize, text: Measured) {
        if self.measure(column, &text) > MIN_WIDTH || text.lines(f64::INFINITY) > 1.0 {
            self.cells.push((row, column, text));
        }
    }

    /// Widens `column` to fit `text`, keeping nothing of it: for sheets written a row at a time,
    /// whose rows get their heights from [`Grid::size_row`]. Returns the longest line's width.
    pub fn measure(&mut self, column: usize, text: &Measured) -> f64 {
        if self.widths.len() <= column {
            self.widths.resize(column + 1, MIN_WIDTH);
        }
        let longest = text.longest();
        self.widths[column] = self.widths[column].max(longest + PADDING);
        longest
    }

    /// Gives `column` the width `width` whatever its content.
    pub fn fix(&mut self, column: usize, width: f64) {
        self.fixed.push((column, width));
    }

    /// Sets the column widths, none wider than `max`; returns them.
    pub fn set_widths(&self, sheet: &mut Worksheet, max: f64) -> Result<Vec<f64>, XlsxError> {
        let mut widths: Vec<f64> = self.widths.iter().map(|w| w.min(max.max(MIN_WIDTH))).collect();
        for &(column, width) in &self.fixed {
            if widths.len() <= column {
                widths.resize(column + 1, MIN_WIDTH);
            }
            widths[column] = width;
        }
        for (column, width) in widths.iter().enumerate() {
            sheet.set_column_width(column as u16, *width)?;
        }
        Ok(widths)
    }

    /// Sets the widths, none wider than `max`, and the heights of rows with wrapped text.
    pub fn apply(&self, sheet: &mut Worksheet, max: f64) -> Result<(), XlsxError> {
        let widths = self.set_widths(sheet, max)?;
        let mut heights: BTreeMap<u32, f64> = BTreeMap::new();
        for (row, column, text) in &self.cells {
            let height = heights.entry(*row).or_insert(1.0);
            *height = height.max(lines_in(&widths, *column, text));
        }
        for (row, lines) in heights {
            if lines > 1.0 {
                sheet.set_row_height(row, LINE_HEIGHT * lines + 2.0)?;
            }
        }
        Ok(())
    }

    /// Gives row `row` the height its `texts` (one a column) take when any wraps in columns
    /// `widths` wide; returns whether one did.
    pub fn size_row(sheet: &mut Worksheet, row: u32, widths: &[f64], texts: &[Measured]) -> Result<bool, XlsxError> {
        let lines = texts.iter().enumerate().map(|(column, text)| lines_in(widths, column, text)).fold(1.0, f64::max);
        if lines > 1.0 {
            sheet.set_row_height(row, LINE_HEIGHT * lines + 2.0)?;
        }
        Ok(lines > 1.0)
    }
}

/// Ends a sheet written a row at a time (constant memory) whose last row, `last`, was given a
/// height if `tall`. rust_xlsxwriter 0.102 writes such a row twice when it is still the row
/// being written at save (a second, empty `<row>` of the same number, which Excel repairs); a
/// blank cell in the text style on the row below, outside the table and its filter, shows
/// nothing and finishes the row before the save.
pub fn end_rows(sheet: &mut Worksheet, last: u32, tall: bool, styles: &Styles) -> Result<(), XlsxError> {
    if tall {
        sheet.write_blank(last + 1, 0, &styles.text)?;
    }
    Ok(())
}

/// The lines `text` takes in `column` of `widths`.
fn lines_in(widths: &[f64], column: usize, text: &Measured) -> f64 {
    text.lines(widths.get(column).copied().unwrap_or(MIN_WIDTH))
}

/// The frame of a sheet whose first row is a header: the header frozen (and the first column if
/// `freeze_first_column`); printed landscape on `paper`, one page wide, the header on every page,
/// the sheet's name atop and page numbers below.
pub fn frame(sheet: &mut Worksheet, freeze_first_column: bool, paper: Paper) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, u16::from(freeze_first_column))?;
    sheet.set_repeat_rows(0, 0)?;
    print_setup(sheet, paper);
    Ok(())
}

/// Landscape on `paper`, one page wide, the sheet's name above and page numbers below.
pub fn print_setup(sheet: &mut Worksheet, paper: Paper) {
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_paper_size(paper.excel_code());
    sheet.set_header("&L&A");
    sheet.set_footer("&RPage &P of &N");
}

/// Colours each cell of the range that holds a level of `scale` (lowest first, see
/// [`holds_level`]), from pale grey for the lowest level to dark green for the highest. Excel
/// compares text ignoring case.
pub fn heat_map(
    sheet: &mut Worksheet,
    (first_row, first_col): (u32, u16),
    (last_row, last_col): (u32, u16),
    scale: &[String],
) -> Result<(), XlsxError> {
    let steps = scale.len().saturating_sub(1).max(1) as f64;
    for (i, level) in scale.iter().enumerate() {
        let t = i as f64 / steps;
        let mix = |low: u32, high: u32| (low as f64 + (high as f64 - low as f64) * t).round() as u32;
        let fill =
            (mix(HEAT_LOW.0, HEAT_HIGH.0) << 16) | (mix(HEAT_LOW.1, HEAT_HIGH.1) << 8) | mix(HEAT_LOW.2, HEAT_HIGH.2);
        let font = if t > 0.55 { 0xFFFFFF } else { 0x000000 };
        let format = Format::new().set_background_color(Color::RGB(fill)).set_font_color(Color::RGB(font));
        let equal = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(level.as_str()))
            .set_format(&format);
        sheet.add_conditional_format(first_row, first_col, last_row, last_col, &equal)?;
        let starting = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(format!("{level} ")))
            .set_format(format);
        sheet.add_conditional_format(first_row, first_col, last_row, last_col, &starting)?;
    }
    Ok(())
}

/// Whether a cell's `text` is `level` (ignoring case) or starts with it and a space, as the
/// FT's "Working knowledge" is the level "Working".
pub fn holds_level(level: &str, text: &str) -> bool {
    let (level, text) = (level.trim(), text.trim());
    let head = text.get(..level.len()).filter(|head| head.eq_ignore_ascii_case(level));
    !level.is_empty() && head.is_some() && text[level.len()..].chars().next().is_none_or(|c| c == ' ')
}

/// The scale whose levels make up most of the non-empty `texts` (see [`holds_level`]), if one
/// does: a column that only mentions a level in passing gets no heat-map.
pub fn best_scale<'a, 'b>(scales: &'a [Vec<String>], texts: impl Iterator<Item = &'b str>) -> Option<&'a [String]> {
    let texts: Vec<&str> = texts.map(str::trim).filter(|t| !t.is_empty()).collect();
    let hits = |scale: &Vec<String>| texts.iter().filter(|t| scale.iter().any(|l| holds_level(l, t))).count();
    let (best, count) =
        scales.iter().map(|s| (s, hits(s))).fold(
            (None, 0),
            |(best, most), (s, n)| {
                if n > most {
                    (Some(s), n)
                } else {
                    (best, most)
                }
            },
        );
    best.filter(|_| count > 0 && count * 2 >= texts.len()).map(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::xlsx::config::XlsxConfig;

    #[test]
    fn a_scale_must_fill_most_of_a_column() {
        let scales = XlsxConfig::default().scales;
        let best = |texts: &[&str]| best_scale(&scales, texts.iter().copied()).map(|s| s[0].clone());
        assert_eq!(best(&["Working", "expert", "", "Awareness"]).as_deref(), Some("Awareness"));
        assert_eq!(best(&["Working knowledge", "Working knowledge", "Note"]).as_deref(), Some("Awareness"));
        assert_eq!(best(&["Workings", "Expertise", "Nonetheless"]), None, "a level must end at a word");
        assert_eq!(best(&["None", "Learning", "Expert"]).as_deref(), Some("None"));
        assert_eq!(best(&["Learning", "Testing", "Operations"]), None, "one level in passing");
        assert_eq!(best(&[]), None);
    }
}
