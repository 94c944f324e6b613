//! The tables of a document, each with the heading it sits under, found anywhere in the body
//! (also inside lists, quotes and callouts), each cut to what a worksheet holds.

use super::limits::{MAX_COLUMNS, MAX_ROWS};
use crate::diag::Diagnostic;
use crate::ir::walk::query_blocks;
use crate::ir::{plain_text, Align, Block, BlockKind, Body, Cell};

/// One Markdown table and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTable<'a> {
    /// Text of the nearest heading before the table, if any.
    pub heading: Option<String>,
    /// Anchor id of that heading.
    pub anchor: Option<&'a str>,
    /// The page's source file, relative to the content root, and the table's line in it.
    pub source: &'a str,
    pub line: u32,
    pub align: &'a [Align],
    pub head: &'a [Cell],
    rows: &'a [Vec<Cell>],
    /// Columns kept of every row.
    columns: usize,
    /// What was cut to fit a worksheet, said as a warning when the table is written.
    pub cut: Option<String>,
}

impl<'a> SourceTable<'a> {
    fn new(source: &'a str, block: &'a Block, align: &'a [Align], head: &'a [Cell], rows: &'a [Vec<Cell>]) -> Self {
        let width = rows.iter().map(Vec::len).chain([head.len()]).max().unwrap_or(0);
        let mut table = SourceTable {
            heading: None,
            anchor: None,
            source,
            line: block.span.line,
            align,
            head: &head[..head.len().min(MAX_COLUMNS)],
            rows,
            columns: width.min(MAX_COLUMNS),
            cut: None,
        };
        let mut cuts = Vec::new();
        if width > MAX_COLUMNS {
            cuts.push(format!("columns {} to {width} are left out (Excel holds {MAX_COLUMNS})", MAX_COLUMNS + 1));
        }
        if let Some(cut) = table.keep_rows(MAX_ROWS as usize - 1) {
            cuts.push(format!("{cut} (Excel holds {MAX_ROWS} rows with the header)"));
        }
        table.cut = (!cuts.is_empty()).then(|| format!("the table is cut to fit its sheet: {}", cuts.join("; ")));
        table
    }

    /// Keeps the first `n` rows; says which rows were left out, if any.
    pub fn keep_rows(&mut self, n: usize) -> Option<String> {
        let total = self.rows.len();
        self.rows = &self.rows[..total.min(n)];
        (total > n).then(|| format!("rows {} to {total} are left out", n + 1))
    }

    /// The rows, each cut to the kept columns.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &'a [Cell]> + Clone + '_ {
        self.rows.iter().map(|row| &row[..row.len().min(self.columns)])
    }

    /// The number of rows below the header.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// A warning at the table's line.
    pub fn warning(&self, message: &str) -> Diagnostic {
        Diagnostic::warning(self.source, self.line, 0, message)
    }

    /// The Markdown alignment of a column (`None` beyond the delimiter row).
    pub fn align(&self, column: usize) -> Align {
        self.align.get(column).copied().unwrap_or(Align::None)
    }

    /// The number of columns: the widest of the header and every row, at most Excel's.
    pub fn width(&self) -> usize {
        self.columns
    }
}

/// Every table of a document's body in reading order; `source` is the page's source file.
pub fn tables<'a>(body: &'a Body, source: &'a str) -> Vec<SourceTable<'a>> {
    let mut found = Vec::new();
    let mut heading: Option<(String, &str)> = None;
    query_blocks(&body.blocks, &mut |block| match &block.kind {
        BlockKind::Heading { id, content, .. } => heading = Some((plain_text(content).trim().to_string(), id)),
        BlockKind::Table { align, head, rows } => found.push(SourceTable {
            heading: heading.as_ref().map(|(text, _)| text.clone()),
            anchor: heading.as_ref().map(|(_, id)| *id),
            ..SourceTable::new(source, block, align, head, rows)
        }),
        _ => {}
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Inline, Span};

    #[test]
    fn a_table_past_the_sheet_is_cut_and_says_so() {
        let cell = || vec![Inline::Text { text: "x".into() }];
        let head = vec![cell(); MAX_COLUMNS + 3];
        let rows = vec![vec![cell(); 2]; MAX_ROWS as usize + 1];
        let kind = BlockKind::Table { align: Vec::new(), head, rows };
        let body = Body {
            blocks: vec![Block { span: Span { line: 7, column: 1 }, kind }],
            footnotes: Vec::new(),
            ..Body::default()
        };
        let found = tables(&body, "big.md");
        let table = &found[0];
        assert_eq!(
            (table.width(), table.head.len(), table.row_count()),
            (MAX_COLUMNS, MAX_COLUMNS, MAX_ROWS as usize - 1)
        );
        assert_eq!(table.rows().map(<[Cell]>::len).max(), Some(2));
        let warning = table.warning(table.cut.as_deref().unwrap());
        assert_eq!(
            warning.to_string(),
            "warning: big.md:7: the table is cut to fit its sheet: columns 16385 to 16387 are left out (Excel holds \
             16384); rows 1048576 to 1048577 are left out (Excel holds 1048576 rows with the header)"
        );
    }
}
