//! The tables of a document, each with the heading it sits under, found anywhere in the body
//! (also inside lists, quotes and callouts).

use crate::ir::{plain_text, Align, Block, BlockKind, Body, Cell};

/// One Markdown table and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceTable<'a> {
    /// Text of the nearest heading before the table, if any.
    pub heading: Option<String>,
    /// Anchor id of that heading.
    pub anchor: Option<&'a str>,
    pub align: &'a [Align],
    pub head: &'a [Cell],
    pub rows: &'a [Vec<Cell>],
}

impl SourceTable<'_> {
    /// The Markdown alignment of a column (`None` beyond the delimiter row).
    pub fn align(&self, column: usize) -> Align {
        self.align.get(column).copied().unwrap_or(Align::None)
    }

    /// The number of columns: the widest of the header and every row.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).chain([self.head.len()]).max().unwrap_or(0)
    }
}

/// Every table of a document's body in reading order.
pub fn tables(body: &Body) -> Vec<SourceTable<'_>> {
    let mut found = Vec::new();
    let mut heading = None;
    visit(&body.blocks, &mut heading, &mut found);
    found
}

fn visit<'a>(blocks: &'a [Block], heading: &mut Option<(String, &'a str)>, found: &mut Vec<SourceTable<'a>>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { id, content, .. } => *heading = Some((plain_text(content).trim().to_string(), id)),
            BlockKind::Table { align, head, rows } => found.push(SourceTable {
                heading: heading.as_ref().map(|(text, _)| text.clone()),
                anchor: heading.as_ref().map(|(_, id)| *id),
                align,
                head,
                rows,
            }),
            BlockKind::List { items, .. } => {
                for item in items {
                    visit(&item.blocks, heading, found);
                }
            }
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => visit(blocks, heading, found),
            BlockKind::Paragraph { .. } | BlockKind::CodeBlock { .. } | BlockKind::Rule | BlockKind::Raw { .. } => {}
        }
    }
}
