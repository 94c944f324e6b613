//! Tables as Word tables: type size and column widths from the cells' text as the PDF sets
//! it ([`crate::layout::column_widths`]: a wide table's type is smaller), a header row in the accent colour that Word repeats on
//! every page (`w:tblHeader`), and rows that do not split across pages when they are short.

use super::blocks::{indent_twips, Frame, Part};
use super::styles::table_style;
use crate::ir::{plain_text, Align, Cell};
use crate::layout::column_widths;

/// A row whose text is longer than this may break across pages: a row taller than a page
/// could not be printed whole.
const SHORT_ROW: usize = 1200;

/// Points every column gets beyond the width the PDF measures for it. A column as narrow as
/// its longest word (a bold row header) has no room to spare, and Word and LibreOffice, which
/// round and space text their own way, broke that word inside it ("Reliabilit|y").
const SLACK: f32 = 2.0;

/// How much wider than in the bundled faces a column's longest word is allowed for, where the
/// table has the room: a reader without Noto Sans gets another face, and LibreOffice's usual
/// one, DejaVu Sans, sets bold words 10–13 % wider ("Proficienc|y"). Arial and Calibri, Word's
/// usual ones, are narrower.
const SUBSTITUTE: f32 = 1.15;

impl Part<'_> {
    /// A table, followed by an empty paragraph so that two tables in a row stay apart.
    pub fn table(&mut self, align: &[Align], head: &[Cell], rows: &[Vec<Cell>], frame: Frame) {
        let (column_width, _) = self.env.column();
        let indent = indent_twips(frame);
        let width = column_width - indent as f32 / 20.0;
        let cx = self.cx();
        let (step, widths) = column_widths(cx, head, rows, width, (SLACK, SUBSTITUTE));
        let widths: Vec<u32> = widths.iter().map(|w| (w * 20.0).round() as u32).collect();
        cx.diagnostics.clear();
        if widths.is_empty() {
            return;
        }
        let total: u32 = widths.iter().sum();
        let grid: String = widths.iter().map(|w| format!("<w:gridCol w:w=\"{w}\"/>")).collect();
        self.xml.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
             <w:tblInd w:w=\"{indent}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>\
             <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" \
             w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
        ));
        if !head.is_empty() {
            self.row(head, align, &widths, (true, step));
        }
        for row in rows {
            self.row(row, align, &widths, (false, step));
        }
        self.xml.push_str("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"TableEnd\"/></w:pPr></w:p>");
    }

    /// One row, as wide as `widths` (missing cells are empty): the header if `head`, its type
    /// at `step` of the table sizes.
    fn row(&mut self, cells: &[Cell], align: &[Align], widths: &[u32], (head, step): (bool, usize)) {
        let length: usize = cells.iter().map(|c| plain_text(c).len()).sum();
        let keep = if length <= SHORT_ROW { "<w:cantSplit/>" } else { "" };
        let repeat = if head { "<w:tblHeader/>" } else { "" };
        self.xml.push_str(&format!("<w:tr><w:trPr>{keep}{repeat}</w:trPr>"));
        let accent = self.env.theme.accent;
        for (c, width) in widths.iter().enumerate() {
            let runs = cells.get(c).map(|cell| self.runs(cell)).unwrap_or_default();
            let shade = if head {
                format!("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{accent}\"/>")
            } else {
                String::new()
            };
            let (style, _) = table_style(head, step);
            let jc = match align.get(c) {
                Some(Align::Center) => "<w:jc w:val=\"center\"/>",
                Some(Align::Right) => "<w:jc w:val=\"right\"/>",
                _ => "",
            };
            self.xml.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{shade}</w:tcPr>\
                 <w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{jc}</w:pPr>{runs}</w:p></w:tc>"
            ));
        }
        self.xml.push_str("</w:tr>");
    }
}
