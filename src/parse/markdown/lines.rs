//! Byte offsets of a Markdown segment to line and column in its source file.

use crate::ir::Span;

/// Byte offsets to 1-based line and column in the source file.
pub(super) struct LineIndex<'a> {
    text: &'a str,
    first_line: u32,
    starts: Vec<usize>,
    /// The last offset asked for and its column: the next one on the same line counts on from
    /// there, so the nodes of one long line cost its length, not its length for every node.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(text: &'a str, first_line: u32) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, first_line, starts, last: std::cell::Cell::new((0, 1)) }
    }

    pub(super) fn span(&self, offset: usize) -> Span {
        let index = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts[index];
        let (last, last_column) = self.last.get();
        let (from, from_column) = if (start..=offset).contains(&last) { (last, last_column) } else { (start, 1) };
        let column = match self.text.get(from..offset) {
            Some(between) => {
                let column = from_column + between.chars().count();
                self.last.set((offset, column));
                column
            }
            None => 1,
        };
        Span { line: self.first_line + index as u32, column: column as u32 }
    }
}
