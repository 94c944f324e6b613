//! Excel's limits on a sheet and a cell, and what is done with text or tables past them: a
//! table is cut to fit its sheet and a long cell keeps what it can, the rest in a cell note,
//! so that one page never stops a workbook (the sheets say each cut in a warning).

use rust_xlsxwriter::{Note, Worksheet, XlsxError};

/// Rows of a worksheet.
pub const MAX_ROWS: u32 = 1_048_576;
/// Columns of a worksheet.
pub const MAX_COLUMNS: usize = 16_384;
/// UTF-16 code units a cell holds.
pub const MAX_CELL_UNITS: usize = 32_767;
/// UTF-16 code units a cell note holds (rust_xlsxwriter keeps 54 for an author's name).
pub const MAX_NOTE_UNITS: usize = MAX_CELL_UNITS - 54;

/// `text` split after at most `units` UTF-16 code units, on a character boundary.
pub fn split_units(text: &str, units: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > units {
            return text.split_at(at);
        }
    }
    (text, "")
}

/// `text` cut to what a cell holds, silently: for text folio makes itself (titles, names).
pub fn clip(text: &str) -> &str {
    split_units(text, MAX_CELL_UNITS).0
}

/// A cell's text fitted to a cell: what the cell shows, what its note holds (the text cut from
/// the cell, as much as a note takes), and a warning when anything was cut.
pub struct Fitted<'a> {
    pub cell: &'a str,
    pub note: Option<&'a str>,
    pub warning: Option<String>,
}

/// Fits `text` to a cell.
pub fn fit_cell(text: &str) -> Fitted<'_> {
    let (cell, rest) = split_units(text, MAX_CELL_UNITS);
    if rest.is_empty() {
        return Fitted { cell, note: None, warning: None };
    }
    let (note, lost) = split_units(rest, MAX_NOTE_UNITS);
    let total = text.chars().count();
    let shown = cell.chars().count();
    let mut warning = format!(
        "{total} characters, more than the 32,767 Excel holds: the cell holds the first {shown} and its note the next {}",
        note.chars().count()
    );
    if !lost.is_empty() {
        warning.push_str(&format!("; the last {} characters are left out (a note holds 32,713)", lost.chars().count()));
    }
    Fitted { cell, note: Some(note), warning: Some(warning) }
}

/// `text` fitted to the cell at `at`, the text cut from it put in the cell's note; returns
/// the cell's text and a warning saying the cut, if any.
pub fn note_cut<'t>(sheet: &mut Worksheet, at: (u32, u16), text: &'t str) -> Result<Fitted<'t>, XlsxError> {
    let fitted = fit_cell(text);
    if let Some(note) = fitted.note {
        sheet.insert_note(at.0, at.1, &Note::new(note).add_author_prefix(false))?;
    }
    Ok(fitted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_in_utf16_units_and_the_rest_goes_to_the_note() {
        let emoji = "😀".repeat(20_000);
        let fitted = fit_cell(&emoji);
        assert_eq!(fitted.cell.chars().count(), 16_383, "two units each");
        assert_eq!(fitted.note.map(|n| n.chars().count()), Some(3_617));
        assert!(fitted.warning.unwrap().contains("20000 characters"));
        let long = "a".repeat(70_000);
        let fitted = fit_cell(&long);
        assert_eq!((fitted.cell.len(), fitted.note.map(str::len)), (32_767, Some(32_713)));
        assert!(fitted.warning.unwrap().ends_with("the last 4520 characters are left out (a note holds 32,713)"));
        assert!(fit_cell("short").warning.is_none());
    }
}
