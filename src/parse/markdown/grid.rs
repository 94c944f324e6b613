//! The places of an HTML table's cells when some span several rows or columns: folio's tables
//! have no merged cells, so a spanning cell takes its first place and the places it covers are
//! empty cells. Every later cell then stands in its own column, as a browser shows it, rather
//! than slipping left under the cell that spans.

use crate::ir::Cell;

/// How many rows and columns a cell spans (`rowspan`, `colspan`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CellSpan {
    pub rows: u32,
    pub cols: u32,
}

impl CellSpan {
    pub const ONE: CellSpan = CellSpan { rows: 1, cols: 1 };
}

/// The most columns one cell spans: a wider span (HTML allows 1,000) would only add empty cells.
pub(super) const MOST_COLUMNS: u32 = 64;

/// The columns that cells of rows above cover in the rows still to come.
#[derive(Debug, Default)]
pub(super) struct SpanGrid {
    /// For each column, how many rows after the current one a cell above still covers.
    below: Vec<u32>,
    /// The columns of the current row that a cell above covers.
    covered: Vec<bool>,
}

impl SpanGrid {
    /// Moves on to the next row.
    pub fn next_row(&mut self) {
        self.covered = self.below.iter().map(|&n| n > 0).collect();
        self.below.iter_mut().for_each(|n| *n = n.saturating_sub(1));
    }

    /// Adds `cell`, spanning `span`, to `row` at its first place not covered from above.
    pub fn place(&mut self, row: &mut Vec<Cell>, cell: Cell, span: CellSpan) {
        while self.covered.get(row.len()).copied().unwrap_or(false) {
            row.push(Vec::new());
        }
        let at = row.len();
        let cols = span.cols.clamp(1, MOST_COLUMNS) as usize;
        row.push(cell);
        row.resize_with(at + cols, Vec::new);
        if span.rows > 1 {
            if self.below.len() < at + cols {
                self.below.resize(at + cols, 0);
            }
            self.below[at..at + cols].iter_mut().for_each(|n| *n = (*n).max(span.rows - 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Inline;

    fn cell(text: &str) -> Cell {
        vec![Inline::Text { text: text.into() }]
    }

    fn texts(row: &[Cell]) -> Vec<String> {
        row.iter().map(|c| crate::ir::plain_text(c)).collect()
    }

    #[test]
    fn cells_beside_a_spanning_cell_keep_their_columns() {
        let mut grid = SpanGrid::default();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let table: [&[(&str, CellSpan)]; 4] = [
            &[("Split", CellSpan { rows: 3, cols: 1 }), ("Core", CellSpan::ONE)],
            &[("Management", CellSpan::ONE)],
            &[("Wide", CellSpan { rows: 1, cols: 2 }), ("Last", CellSpan::ONE)],
            &[("Tenure", CellSpan::ONE), ("Years", CellSpan::ONE)],
        ];
        for cells in table {
            grid.next_row();
            let mut row = Vec::new();
            for (text, span) in cells {
                grid.place(&mut row, cell(text), *span);
            }
            rows.push(row);
        }
        let rows: Vec<Vec<String>> = rows.iter().map(|r| texts(r)).collect();
        assert_eq!(rows[0], ["Split", "Core"]);
        assert_eq!(rows[1], ["", "Management"]);
        assert_eq!(rows[2], ["", "Wide", "", "Last"]);
        assert_eq!(rows[3], ["Tenure", "Years"]);
    }

    #[test]
    fn a_span_wider_than_the_most_columns_is_cut_there() {
        let mut grid = SpanGrid::default();
        grid.next_row();
        let mut row = Vec::new();
        grid.place(&mut row, cell("x"), CellSpan { rows: 1, cols: 1_000 });
        assert_eq!(row.len(), MOST_COLUMNS as usize);
    }
}
