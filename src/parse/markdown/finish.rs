//! The second half of the Markdown fold: a finished frame becomes a block or an inline of
//! the frame below it, and text that lands in the wrong place (a block flattened into inline
//! content) keeps its words.

use super::frame::{Container, Frame, InlineKind};
use super::{autolink, html, Fold};
use crate::ir::{slugify, Block, BlockKind, CalloutKind, Footnote, Image, Inline, Link, LinkTarget, ListItem, Span};

impl Fold<'_> {
    pub(super) fn finish_frame(&mut self, frame: Frame) {
        match frame {
            Frame::Flattened => {}
            Frame::Blocks { kind, span, blocks } => match kind {
                Container::Root => self.stack.push(Frame::Blocks { kind: Container::Root, span, blocks }),
                Container::Quote(None) => self.block(Block { span, kind: BlockKind::Quote { blocks } }),
                Container::Quote(Some(kind)) => {
                    self.block(Block { span, kind: BlockKind::Callout { kind, title: None, blocks } })
                }
                Container::Item { checked, loose } => {
                    if let Some(Frame::List { items, tight, .. }) = self.stack.last_mut() {
                        *tight &= !loose;
                        items.push(ListItem { checked, blocks });
                    }
                }
                Container::Footnote(label) => self.doc.footnotes.push(Footnote { label, span, blocks }),
                Container::Details { title } => {
                    self.block(Block { span, kind: BlockKind::Callout { kind: CalloutKind::Note, title, blocks } })
                }
            },
            Frame::Inlines { kind, span, inlines } => {
                let text_of_page =
                    !matches!(kind, InlineKind::Link { .. } | InlineKind::Image { .. } | InlineKind::Code);
                let in_link =
                    self.stack.iter().any(|f| matches!(f, Frame::Inlines { kind: InlineKind::Link { .. }, .. }));
                let inlines = if text_of_page && !in_link { autolink::autolink(inlines, span) } else { inlines };
                self.finish_inlines(kind, span, inlines)
            }
            Frame::List { start, tight, span, items } => {
                self.block(Block { span, kind: BlockKind::List { start, tight, items } })
            }
            Frame::Table { align, span, head, rows, .. } => {
                self.block(Block { span, kind: BlockKind::Table { align, head, rows } })
            }
            Frame::Code { lang, span, text } => self.block(Block { span, kind: BlockKind::CodeBlock { lang, text } }),
            Frame::Html { span, text } => self.html(&text, span, html::Context::Block),
        }
    }

    fn finish_inlines(&mut self, kind: InlineKind, span: Span, content: Vec<Inline>) {
        match kind {
            InlineKind::Paragraph { implicit } => {
                if !implicit {
                    if let Some(Frame::Blocks { kind: Container::Item { loose, .. }, .. }) = self.stack.last_mut() {
                        *loose = true;
                    }
                }
                if !content.is_empty() {
                    self.block(Block { span, kind: BlockKind::Paragraph { content } });
                }
            }
            InlineKind::Heading { level, id } => {
                let wanted = id.unwrap_or_else(|| slugify(&crate::ir::plain_text(&content)));
                let id = self.doc.unique_id(wanted);
                self.block(Block { span, kind: BlockKind::Heading { level, id, content } });
            }
            InlineKind::Emph => self.inline(Inline::Emph { content }, span),
            InlineKind::Strong => self.inline(Inline::Strong { content }, span),
            InlineKind::Strike => self.inline(Inline::Strike { content }, span),
            InlineKind::Link { href, title } => {
                let target = LinkTarget::Unresolved { href };
                self.inline(Inline::Link(Box::new(Link { target, title, content, span })), span);
            }
            InlineKind::Image { src, title } => {
                let alt = crate::ir::plain_text(&content);
                self.inline(Inline::Image(Box::new(Image { src, alt, title, span })), span);
            }
            InlineKind::Code => self.inline(Inline::Code { text: crate::ir::plain_text(&content) }, span),
            InlineKind::Summary => {
                let details = self.stack.iter_mut().rev().find_map(|f| match f {
                    Frame::Blocks { kind: Container::Details { title }, .. } => Some(title),
                    _ => None,
                });
                if let Some(title) = details {
                    title.get_or_insert_with(Vec::new).extend(content);
                }
            }
            InlineKind::Cell(cell_span) => {
                let mut content = content;
                trim_cell(&mut content);
                if let Some(Frame::Table { head, rows, in_head, grid, .. }) = self.stack.last_mut() {
                    let row = match (*in_head, rows.last_mut()) {
                        (false, Some(row)) => row,
                        _ => head,
                    };
                    grid.place(row, content, cell_span);
                }
            }
        }
    }

    /// Adds inline content to the innermost inline frame, opening an implicit paragraph in a
    /// block container (tight list items hold their text directly).
    pub(super) fn inline(&mut self, inline: Inline, span: Span) {
        let top = self.stack.iter().rposition(|f| !matches!(f, Frame::Flattened));
        match top.map(|i| &mut self.stack[i]) {
            Some(Frame::Inlines { inlines, .. }) => push_merged(inlines, inline),
            Some(Frame::Code { text, .. } | Frame::Html { text, .. }) => {
                text.push_str(&crate::ir::plain_text(std::slice::from_ref(&inline)))
            }
            _ => {
                let mut frame = Frame::inlines(InlineKind::Paragraph { implicit: true }, span);
                if let Frame::Inlines { inlines, .. } = &mut frame {
                    inlines.push(inline);
                }
                self.stack.push(frame);
            }
        }
    }

    pub(super) fn close_implicit_paragraph(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Inlines { kind: InlineKind::Paragraph { implicit: true }, .. })) {
            self.pop_and_finish();
        }
    }

    /// Adds a finished block to the innermost frame that holds blocks.
    pub(super) fn block(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            match frame {
                Frame::Blocks { blocks, .. } => return blocks.push(block),
                Frame::List { items, .. } => {
                    return match items.last_mut() {
                        Some(item) => item.blocks.push(block),
                        None => items.push(ListItem { checked: None, blocks: vec![block] }),
                    }
                }
                Frame::Inlines { inlines, .. } => {
                    // A block can only land here through flattening; keep its text.
                    let text = block_text(&block);
                    return push_merged(inlines, Inline::Text { text });
                }
                _ => {}
            }
        }
    }

    pub(super) fn finish(mut self) -> Vec<Block> {
        self.close_implicit_paragraph();
        while self.stack.len() > 1 {
            self.pop_and_finish();
        }
        match self.stack.pop() {
            Some(Frame::Blocks { blocks, .. }) => blocks,
            _ => Vec::new(),
        }
    }
}

/// The text of a block that lands inside inline content (a box opened in a table cell), its
/// parts (at any depth, through the IR's walk) joined by spaces.
fn block_text(block: &Block) -> String {
    let plain = crate::ir::plain_text;
    let mut parts: Vec<String> = Vec::new();
    crate::ir::walk::query_blocks(std::slice::from_ref(block), &mut |b| match &b.kind {
        BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => parts.push(plain(content)),
        BlockKind::CodeBlock { text, .. } | BlockKind::Raw { text, .. } => parts.push(text.clone()),
        BlockKind::Callout { title: Some(title), .. } => parts.push(plain(title)),
        BlockKind::Table { head, rows, .. } => parts.extend(head.iter().chain(rows.iter().flatten()).map(|c| plain(c))),
        // What lists, quotes and callouts hold is visited in turn.
        BlockKind::List { .. } | BlockKind::Quote { .. } | BlockKind::Callout { .. } | BlockKind::Rule => {}
    });
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// A cell's content as a browser shows it: no white space at its edges or around its line
/// breaks (an HTML cell is often written over several indented lines).
fn trim_cell(content: &mut Vec<Inline>) {
    let breaks = |inline: Option<&Inline>| inline.is_none_or(|i| matches!(i, Inline::HardBreak | Inline::SoftBreak));
    for i in 0..content.len() {
        let (after, before) = (breaks(i.checked_sub(1).and_then(|p| content.get(p))), breaks(content.get(i + 1)));
        if let Inline::Text { text } = &mut content[i] {
            let trimmed = match (after, before) {
                (true, true) => text.trim(),
                (true, false) => text.trim_start(),
                (false, true) => text.trim_end(),
                (false, false) => continue,
            };
            if trimmed.len() < text.len() {
                *text = trimmed.to_string();
            }
        }
    }
    content.retain(|inline| !matches!(inline, Inline::Text { text } if text.is_empty()));
}

/// Appends an inline, joining adjacent text runs (pulldown-cmark splits text at special
/// characters); white space collapsed in each run stays one space where two runs meet.
fn push_merged(inlines: &mut Vec<Inline>, inline: Inline) {
    if let (Some(Inline::Text { text: last }), Inline::Text { text }) = (inlines.last_mut(), &inline) {
        let text = if last.ends_with(' ') { text.strip_prefix(' ').unwrap_or(text) } else { text };
        last.push_str(text);
        return;
    }
    inlines.push(inline);
}
