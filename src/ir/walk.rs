//! One walk over the IR, after pandoc's `Walk` (pandoc-types): the `query_*` functions call a
//! function on every node of a kind, in reading order, each node before the nodes it holds;
//! [`walk_inline_lists`] changes every list of inlines in place, the innermost first (bottom-up,
//! as pandoc's `walk`). Every recursion over blocks and inlines outside the loader goes through
//! here, so a new kind of node is taught to this file and nowhere else.
//!
//! The walk recurses plainly, and cannot overflow the stack: the loader flattens containers
//! nested deeper than [`crate::parse::MAX_DEPTH`] (24 levels), and only the loader makes bodies.

use super::{Block, BlockKind, Body, Inline};

impl Body {
    /// The trees of blocks the body holds: the title's heading, the page's blocks, then each
    /// footnote's.
    pub fn block_trees(&self) -> impl Iterator<Item = &[Block]> {
        [&self.heading[..], &self.blocks[..]].into_iter().chain(self.footnotes.iter().map(|f| &f.blocks[..]))
    }

    /// [`Body::block_trees`], to be changed.
    pub fn block_trees_mut(&mut self) -> impl Iterator<Item = &mut [Block]> {
        [&mut self.heading[..], &mut self.blocks[..]]
            .into_iter()
            .chain(self.footnotes.iter_mut().map(|f| &mut f.blocks[..]))
    }

    /// The inlines of the leading H1 that gave the page its title, if one did.
    pub fn title_inlines(&self) -> Option<&[Inline]> {
        self.heading.iter().find_map(|b| match &b.kind {
            BlockKind::Heading { content, .. } => Some(&content[..]),
            _ => None,
        })
    }
}

/// Calls `f` on every block of `blocks` and on every block inside them (list items, quotes,
/// callouts), in reading order, each block before the blocks it holds.
pub fn query_blocks<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a Block)) {
    for block in blocks {
        f(block);
        match &block.kind {
            BlockKind::List { items, .. } => items.iter().for_each(|item| query_blocks(&item.blocks, f)),
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => query_blocks(blocks, f),
            _ => {}
        }
    }
}

/// Calls `f` on every inline of `inlines` and on every inline inside them (emphasis, link
/// text), in reading order, each inline before the inlines it holds.
pub fn query_inlines<'a>(inlines: &'a [Inline], f: &mut impl FnMut(&'a Inline)) {
    query_inlines_in(inlines, &(), &mut |inline, _| f(inline));
}

/// [`query_inlines`] with a context handed down: `f` gets each inline and its parent's context,
/// and gives the context of the inlines it holds (the style of emphasis, the target of a link).
pub fn query_inlines_in<'a, C>(inlines: &'a [Inline], context: &C, f: &mut impl FnMut(&'a Inline, &C) -> C) {
    for inline in inlines {
        let inner = f(inline, context);
        if let Some(content) = children(inline) {
            query_inlines_in(content, &inner, f);
        }
    }
}

/// Calls `f` on every inline of `blocks`, at any depth of blocks and inlines: paragraphs,
/// headings, callout titles and table cells, in reading order.
pub fn query_block_inlines<'a>(blocks: &'a [Block], f: &mut impl FnMut(&'a Inline)) {
    query_blocks(blocks, &mut |block| match &block.kind {
        BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => query_inlines(content, f),
        BlockKind::Callout { title: Some(title), .. } => query_inlines(title, f),
        BlockKind::Table { head, rows, .. } => {
            head.iter().chain(rows.iter().flatten()).for_each(|c| query_inlines(c, f))
        }
        _ => {}
    });
}

/// Applies `f` to every list of inlines in `blocks`, at any depth: the content of a link or an
/// emphasis before the list that holds it, so `f` sees its children already changed.
pub fn walk_inline_lists(blocks: &mut [Block], f: &mut impl FnMut(&mut Vec<Inline>)) {
    for block in blocks {
        match &mut block.kind {
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => walk_list(content, f),
            BlockKind::Table { head, rows, .. } => {
                head.iter_mut().chain(rows.iter_mut().flatten()).for_each(|cell| walk_list(cell, f))
            }
            BlockKind::Callout { title, blocks, .. } => {
                title.iter_mut().for_each(|title| walk_list(title, f));
                walk_inline_lists(blocks, f);
            }
            BlockKind::Quote { blocks } => walk_inline_lists(blocks, f),
            BlockKind::List { items, .. } => items.iter_mut().for_each(|item| walk_inline_lists(&mut item.blocks, f)),
            BlockKind::CodeBlock { .. } | BlockKind::Rule | BlockKind::Raw { .. } => {}
        }
    }
}

fn walk_list(inlines: &mut Vec<Inline>, f: &mut impl FnMut(&mut Vec<Inline>)) {
    for inline in inlines.iter_mut() {
        match inline {
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => walk_list(content, f),
            Inline::Link(link) => walk_list(&mut link.content, f),
            _ => {}
        }
    }
    f(inlines);
}

/// The inlines an inline holds: the content of an emphasis or a link.
fn children(inline: &Inline) -> Option<&[Inline]> {
    match inline {
        Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => Some(content),
        Inline::Link(link) => Some(&link.content),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{CalloutKind, ListItem, Span};

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn block(kind: BlockKind) -> Block {
        Block { span: Span::default(), kind }
    }

    /// A callout titled "t" holding a list whose item holds a paragraph "a *b*".
    fn nested() -> Vec<Block> {
        let paragraph =
            block(BlockKind::Paragraph { content: vec![text("a"), Inline::Emph { content: vec![text("b")] }] });
        let list = block(BlockKind::List {
            start: None,
            tight: true,
            items: vec![ListItem { checked: None, blocks: vec![paragraph] }],
        });
        vec![block(BlockKind::Callout { kind: CalloutKind::Note, title: Some(vec![text("t")]), blocks: vec![list] })]
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        let mut seen = Vec::new();
        query_block_inlines(blocks, &mut |inline| {
            if let Inline::Text { text } = inline {
                seen.push(text.as_str());
            }
        });
        seen
    }

    #[test]
    fn queries_reach_every_depth_in_reading_order() {
        let blocks = nested();
        let mut kinds = Vec::new();
        query_blocks(&blocks, &mut |b| kinds.push(std::mem::discriminant(&b.kind)));
        assert_eq!(kinds.len(), 3);
        assert_eq!(texts(&blocks), ["t", "a", "b"]);
    }

    #[test]
    fn walks_change_inner_lists_before_outer_ones() {
        let mut blocks = nested();
        let mut lengths = Vec::new();
        walk_inline_lists(&mut blocks, &mut |list| {
            lengths.push(list.len());
            list.push(text("!"));
        });
        assert_eq!(lengths, [1, 1, 2], "title, emphasis, then the paragraph that holds it");
        assert_eq!(texts(&blocks), ["t", "!", "a", "b", "!", "!"]);
    }
}
