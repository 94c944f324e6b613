//! Markdown to IR blocks with pulldown-cmark: GFM tables, task lists, strikethrough, footnotes,
//! heading ids and GitHub alerts. The event stream is folded with an explicit stack, so no depth
//! of nesting can overflow the call stack; containers nested deeper than [`MAX_DEPTH`] are
//! flattened into their parent with a warning.

mod autolink;
mod definitions;
mod delimiter;
mod finish;
mod frame;
mod grid;
mod html;
mod lines;

use super::dialect::DialectWarning;
use crate::ir::{collapse_spaces, Align, Block, BlockKind, CalloutKind, Footnote, Inline, Span};
pub use definitions::Definitions;
use frame::{frame_span, Container, Frame, InlineKind};
use grid::{CellSpan, SpanGrid};
use lines::LineIndex;
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
    /// What the page's segments define, and how many segments were parsed so far.
    pub definitions: Definitions,
    segments: usize,
    heading_ids: HashMap<String, usize>,
    warned_depth: bool,
    warned_markup: bool,
}

impl DocumentBuilder {
    /// Parses the page's next Markdown segment, whose first line is `first_line` of the source
    /// file, with the footnotes and link definitions of the other segments in reach.
    pub fn segment(&mut self, text: &str, first_line: u32) -> Vec<Block> {
        let (suffix, stubs) = self.definitions.suffix(self.segments);
        self.segments += 1;
        if suffix.is_empty() {
            return self.blocks(text, first_line);
        }
        let before = self.footnotes.len();
        let blocks = self.blocks(&format!("{text}{suffix}"), first_line);
        let added: Vec<Footnote> = self.footnotes.drain(before..).filter(|n| !stubs.contains(&n.label)).collect();
        self.footnotes.extend(added);
        blocks
    }

    /// Parses Markdown whose first line is `first_line` of the source file.
    pub fn blocks(&mut self, text: &str, first_line: u32) -> Vec<Block> {
        let lines = LineIndex::new(text, first_line);
        let mut fold = Fold {
            doc: self,
            stack: vec![Frame::blocks(Container::Root, Span::default())],
            depth: 0,
            html_open: Vec::new(),
            spans: Vec::new(),
        };
        let text = delimiter::spaced_delimiter_rows(text);
        for (event, range) in Parser::new_ext(&text, options()).into_offset_iter() {
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

    /// An anchor for a heading that wants `wanted`, unique in the document: GitHub's `-1`, `-2`.
    pub(super) fn unique_id(&mut self, wanted: String) -> String {
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

struct Fold<'d> {
    doc: &'d mut DocumentBuilder,
    stack: Vec<Frame>,
    depth: usize,
    /// The frames that HTML tags opened: their index in `stack` (ascending) and element.
    html_open: Vec<(usize, html::Element)>,
    /// For each open `<span>`, the styled text its `style` opened (bold, italic), if any.
    spans: Vec<Option<html::Element>>,
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
                _ => self.html(&html, span, html::Context::Block),
            },
            Event::InlineHtml(html) => self.html(&html, span, html::Context::Inline),
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
                if let Some(lang) = &lang {
                    crate::highlight::prepare(lang);
                }
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
                grid: SpanGrid::default(),
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
            Tag::TableCell => Frame::inlines(InlineKind::Cell(CellSpan::ONE), span),
            Tag::Emphasis => self.nested(Frame::inlines(InlineKind::Emph, span)),
            Tag::Strong => self.nested(Frame::inlines(InlineKind::Strong, span)),
            Tag::Strikethrough => self.nested(Frame::inlines(InlineKind::Strike, span)),
            Tag::Link { link_type, dest_url, title, .. } => {
                let href = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                self.nested(Frame::inlines(InlineKind::Link { href, title: title.into_string() }, span))
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
        // What HTML opened inside a Markdown container closes with it.
        self.close_html_while(|_| true);
        if matches!(end, TagEnd::TableHead) {
            if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                *in_head = false;
            }
            return;
        }
        if matches!(end, TagEnd::TableRow) {
            return;
        }
        self.pop_and_finish();
    }

    /// Pops the top frame, keeping the depth count and the record of HTML frames, and adds
    /// what it made to the frame below.
    fn pop_and_finish(&mut self) {
        let Some(frame) = self.stack.pop() else { return };
        let nests = matches!(frame, Frame::Blocks { kind: Container::Quote(_) | Container::Details { .. }, .. })
            || matches!(frame, Frame::List { .. })
            || matches!(
                frame,
                Frame::Inlines {
                    kind: InlineKind::Emph | InlineKind::Strong | InlineKind::Strike | InlineKind::Link { .. },
                    ..
                }
            );
        if nests {
            self.depth -= 1;
        }
        while self.html_open.last().is_some_and(|(index, _)| *index >= self.stack.len()) {
            self.html_open.pop();
        }
        self.finish_frame(frame);
    }
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
