//! Markdown to IR blocks with pulldown-cmark: GFM tables, task lists, strikethrough, footnotes,
//! heading ids and GitHub alerts. The event stream is folded with an explicit stack, so no depth
//! of nesting can overflow the call stack; containers nested deeper than [`MAX_DEPTH`] are
//! flattened into their parent with a warning.

use super::dialect::DialectWarning;
use crate::ir::{
    collapse_spaces, slugify, Align, Block, BlockKind, CalloutKind, Cell, Footnote, Image, Inline, Link, LinkTarget,
    ListItem, Span,
};
use pulldown_cmark::{Alignment, BlockQuoteKind, CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// Lists, quotes and emphasis nested deeper than this are flattened. The bound keeps the IR's
/// JSON within the nesting that JSON readers accept (serde_json's default is 128 levels; a list
/// level takes four), so an external backend can always read it.
pub const MAX_DEPTH: usize = 24;

/// The Markdown features folio reads.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// Collects what one document's Markdown segments produce.
#[derive(Default)]
pub struct DocumentBuilder {
    pub footnotes: Vec<Footnote>,
    pub warnings: Vec<DialectWarning>,
    heading_ids: HashMap<String, usize>,
    warned_depth: bool,
}

impl DocumentBuilder {
    /// Parses one Markdown segment whose first line is `first_line` of the source file.
    pub fn blocks(&mut self, text: &str, first_line: u32) -> Vec<Block> {
        let lines = LineIndex::new(text, first_line);
        let mut fold = Fold { doc: self, stack: vec![Frame::blocks(Container::Root, Span::default())], depth: 0 };
        for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
            // An end tag's offset is its start tag's, behind the text before it; it needs no
            // span, and asking for one would send the column count back to the line's start.
            let span = if matches!(event, Event::End(_)) { Span::default() } else { lines.span(range.start) };
            fold.event(event, span);
        }
        fold.finish()
    }

    /// Parses a single line of Markdown as inline content (a callout title).
    pub fn inlines(&mut self, text: &str, line: u32) -> Vec<Inline> {
        let blocks = self.blocks(text, line);
        match blocks.into_iter().next() {
            Some(Block { kind: BlockKind::Paragraph { content } | BlockKind::Heading { content, .. }, .. }) => content,
            _ => vec![Inline::Text { text: text.trim().to_string() }],
        }
    }

    fn unique_id(&mut self, wanted: String) -> String {
        let count = self.heading_ids.entry(wanted.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            wanted
        } else {
            let id = format!("{wanted}-{}", *count - 1);
            self.heading_ids.insert(id.clone(), 1);
            id
        }
    }
}

/// Byte offsets to 1-based line and column in the source file.
struct LineIndex<'a> {
    text: &'a str,
    first_line: u32,
    starts: Vec<usize>,
    /// The last offset asked for and its column: the next one on the same line counts on from
    /// there, so the nodes of one long line cost its length, not its length for every node.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str, first_line: u32) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, first_line, starts, last: std::cell::Cell::new((0, 1)) }
    }

    fn span(&self, offset: usize) -> Span {
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

enum Container {
    Root,
    Quote(Option<CalloutKind>),
    Item { checked: Option<bool>, loose: bool },
    Footnote(String),
}

enum InlineKind {
    Paragraph { implicit: bool },
    Heading { level: u8, id: Option<String> },
    Emph,
    Strong,
    Strike,
    Link { href: String, title: String },
    Image { src: String, title: String },
    Cell,
}

enum Frame {
    Blocks {
        kind: Container,
        span: Span,
        blocks: Vec<Block>,
    },
    Inlines {
        kind: InlineKind,
        span: Span,
        inlines: Vec<Inline>,
    },
    List {
        start: Option<u64>,
        tight: bool,
        span: Span,
        items: Vec<ListItem>,
    },
    Table {
        align: Vec<Align>,
        span: Span,
        head: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
        in_head: bool,
    },
    Code {
        lang: Option<String>,
        span: Span,
        text: String,
    },
    Html {
        span: Span,
        text: String,
    },
    /// A container beyond the depth limit: its content goes to the frame below.
    Flattened,
}

impl Frame {
    fn blocks(kind: Container, span: Span) -> Frame {
        Frame::Blocks { kind, span, blocks: Vec::new() }
    }
    fn inlines(kind: InlineKind, span: Span) -> Frame {
        Frame::Inlines { kind, span, inlines: Vec::new() }
    }
}

struct Fold<'d> {
    doc: &'d mut DocumentBuilder,
    stack: Vec<Frame>,
    depth: usize,
}

impl Fold<'_> {
    fn event(&mut self, event: Event, span: Span) {
        match event {
            Event::Start(tag) => self.start(tag, span),
            Event::End(end) => self.end(end),
            Event::Text(text) => match self.stack.last_mut() {
                Some(Frame::Code { text: code, .. } | Frame::Html { text: code, .. }) => code.push_str(&text),
                _ => self.inline(Inline::Text { text: collapse_spaces(&text) }, span),
            },
            Event::Code(text) => self.inline(Inline::Code { text: text.into_string() }, span),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline(Inline::Code { text: text.into_string() }, span)
            }
            Event::Html(html) => match self.stack.last_mut() {
                Some(Frame::Html { text, .. }) => text.push_str(&html),
                _ => {
                    self.block(Block { span, kind: BlockKind::Raw { format: "html".into(), text: html.into_string() } })
                }
            },
            Event::InlineHtml(html) => self.inline_html(&html, span),
            Event::FootnoteReference(label) => self.inline(Inline::FootnoteRef { label: label.into_string() }, span),
            Event::SoftBreak => self.inline(Inline::SoftBreak, span),
            Event::HardBreak => self.inline(Inline::HardBreak, span),
            Event::Rule => self.block(Block { span, kind: BlockKind::Rule }),
            Event::TaskListMarker(done) => {
                // In a loose list the marker comes inside the item's first paragraph.
                let item = self
                    .stack
                    .iter_mut()
                    .rev()
                    .find(|f| !matches!(f, Frame::Inlines { inlines, .. } if inlines.is_empty()));
                if let Some(Frame::Blocks { kind: Container::Item { checked, .. }, .. }) = item {
                    *checked = Some(done);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag, span: Span) {
        let is_block = matches!(
            tag,
            Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::List(_)
                | Tag::Item
                | Tag::FootnoteDefinition(_)
                | Tag::Table(_)
        );
        if is_block {
            self.close_implicit_paragraph();
        }
        let frame = match tag {
            Tag::Paragraph => Frame::inlines(InlineKind::Paragraph { implicit: false }, span),
            Tag::Heading { level, id, .. } => {
                Frame::inlines(InlineKind::Heading { level: level as u8, id: id.map(|i| i.into_string()) }, span)
            }
            Tag::BlockQuote(kind) => self.nested(Frame::blocks(Container::Quote(kind.map(alert_kind)), span)),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
                    CodeBlockKind::Indented => None,
                };
                Frame::Code { lang, span, text: String::new() }
            }
            Tag::HtmlBlock => Frame::Html { span, text: String::new() },
            Tag::List(start) => self.nested(Frame::List { start, tight: true, span, items: Vec::new() }),
            Tag::Item => match self.stack.last() {
                Some(Frame::List { .. }) => Frame::blocks(Container::Item { checked: None, loose: false }, span),
                _ => Frame::Flattened,
            },
            Tag::FootnoteDefinition(label) => Frame::blocks(Container::Footnote(label.into_string()), span),
            Tag::Table(align) => Frame::Table {
                align: align.into_iter().map(convert_align).collect(),
                span,
                head: Vec::new(),
                rows: Vec::new(),
                in_head: false,
            },
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                return;
            }
            Tag::TableRow => {
                if let Some(Frame::Table { rows, .. }) = self.stack.last_mut() {
                    rows.push(Vec::new());
                }
                return;
            }
            Tag::TableCell => Frame::inlines(InlineKind::Cell, span),
            Tag::Emphasis => self.nested(Frame::inlines(InlineKind::Emph, span)),
            Tag::Strong => self.nested(Frame::inlines(InlineKind::Strong, span)),
            Tag::Strikethrough => self.nested(Frame::inlines(InlineKind::Strike, span)),
            Tag::Link { link_type, dest_url, title, .. } => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                Frame::inlines(InlineKind::Link { href, title: title.into_string() }, span)
            }
            Tag::Image { dest_url, title, .. } => {
                Frame::inlines(InlineKind::Image { src: dest_url.into_string(), title: title.into_string() }, span)
            }
            Tag::Superscript
            | Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => Frame::Flattened,
        };
        self.stack.push(frame);
    }

    /// Counts a nesting container; beyond the limit it is flattened.
    fn nested(&mut self, frame: Frame) -> Frame {
        if self.depth >= MAX_DEPTH {
            if !self.doc.warned_depth {
                self.doc.warned_depth = true;
                let span = frame_span(&frame);
                self.doc.warnings.push(DialectWarning {
                    line: span.line,
                    column: span.column,
                    message: format!("content nested more than {MAX_DEPTH} levels deep is flattened"),
                });
            }
            return Frame::Flattened;
        }
        self.depth += 1;
        frame
    }

    fn end(&mut self, end: TagEnd) {
        if !matches!(end, TagEnd::Paragraph) {
            self.close_implicit_paragraph();
        }
        if matches!(end, TagEnd::TableHead) {
            if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                *in_head = false;
            }
            return;
        }
        if matches!(end, TagEnd::TableRow) {
            return;
        }
        let Some(frame) = self.stack.pop() else { return };
        if matches!(frame, Frame::Blocks { kind: Container::Quote(_), .. } | Frame::List { .. })
            || matches!(frame, Frame::Inlines { kind: InlineKind::Emph | InlineKind::Strong | InlineKind::Strike, .. })
        {
            self.depth -= 1;
        }
        self.finish_frame(frame);
    }

    fn finish_frame(&mut self, frame: Frame) {
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
            },
            Frame::Inlines { kind, span, inlines } => self.finish_inlines(kind, span, inlines),
            Frame::List { start, tight, span, items } => {
                self.block(Block { span, kind: BlockKind::List { start, tight, items } })
            }
            Frame::Table { align, span, head, rows, .. } => {
                self.block(Block { span, kind: BlockKind::Table { align, head, rows } })
            }
            Frame::Code { lang, span, text } => self.block(Block { span, kind: BlockKind::CodeBlock { lang, text } }),
            Frame::Html { span, text } => {
                let text = strip_comments(&text);
                if !text.trim().is_empty() {
                    self.block(Block { span, kind: BlockKind::Raw { format: "html".into(), text } });
                }
            }
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
            InlineKind::Cell => {
                if let Some(Frame::Table { head, rows, in_head, .. }) = self.stack.last_mut() {
                    match (*in_head, rows.last_mut()) {
                        (false, Some(row)) => row.push(content),
                        _ => head.push(content),
                    }
                }
            }
        }
    }

    fn inline_html(&mut self, html: &str, span: Span) {
        let lower = html.trim().to_ascii_lowercase();
        if lower.starts_with("<!--") {
            return;
        }
        if matches!(lower.as_str(), "<br>" | "<br/>" | "<br />") {
            self.inline(Inline::HardBreak, span);
        } else {
            self.inline(Inline::Raw { format: "html".into(), text: html.to_string() }, span);
        }
    }

    /// Adds inline content to the innermost inline frame, opening an implicit paragraph in a
    /// block container (tight list items hold their text directly).
    fn inline(&mut self, inline: Inline, span: Span) {
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

    fn close_implicit_paragraph(&mut self) {
        if matches!(self.stack.last(), Some(Frame::Inlines { kind: InlineKind::Paragraph { implicit: true }, .. })) {
            if let Some(frame) = self.stack.pop() {
                self.finish_frame(frame);
            }
        }
    }

    /// Adds a finished block to the innermost frame that holds blocks.
    fn block(&mut self, block: Block) {
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

    fn finish(mut self) -> Vec<Block> {
        self.close_implicit_paragraph();
        while self.stack.len() > 1 {
            if let Some(frame) = self.stack.pop() {
                self.finish_frame(frame);
            }
        }
        match self.stack.pop() {
            Some(Frame::Blocks { blocks, .. }) => blocks,
            _ => Vec::new(),
        }
    }
}

fn frame_span(frame: &Frame) -> Span {
    match frame {
        Frame::Blocks { span, .. }
        | Frame::Inlines { span, .. }
        | Frame::List { span, .. }
        | Frame::Table { span, .. } => *span,
        Frame::Code { span, .. } | Frame::Html { span, .. } => *span,
        Frame::Flattened => Span::default(),
    }
}

fn block_text(block: &Block) -> String {
    match &block.kind {
        BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => crate::ir::plain_text(content),
        BlockKind::CodeBlock { text, .. } => text.clone(),
        _ => String::new(),
    }
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

fn alert_kind(kind: BlockQuoteKind) -> CalloutKind {
    match kind {
        BlockQuoteKind::Note => CalloutKind::Note,
        BlockQuoteKind::Tip => CalloutKind::Tip,
        BlockQuoteKind::Important => CalloutKind::Important,
        BlockQuoteKind::Warning => CalloutKind::Warning,
        BlockQuoteKind::Caution => CalloutKind::Caution,
    }
}

fn convert_align(align: Alignment) -> Align {
    match align {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

/// Removes `<!-- … -->` comments from HTML text; an unclosed comment runs to the end.
fn strip_comments(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}
