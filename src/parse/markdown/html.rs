//! Raw HTML read into IR nodes where it maps, with the html5gum tokenizer: `<img>` an image,
//! `<a href>` a link, `<b>`, `<i>`, `<s>`, `<code>`, `<kbd>` and a `<span>` whose `style` sets
//! bold or italic type styled text, `<br>` a break, `<hr>` a rule, `<h1>`…`<h6>` a heading,
//! `<pre>` a code block, `<ul>`/`<ol>` a list, `<blockquote>` a quote, `<details>` a callout
//! titled by its `<summary>`, a `<table>` a table (cells spanning rows or columns placed as
//! [`grid`](super::grid) says), and `<p>`, `<div>`, `<center>` their content. Everything else
//! keeps its text, with one warning a page; comments are dropped silently, but for
//! `<!-- notes: … -->`, a raw block of format `notes` (speaker notes for slides).
//!
//! pulldown-cmark hands inline HTML over a tag at a time and block HTML a block at a time, with
//! Markdown in between (`<details>` … blank line … Markdown … `</details>`), so an element is a
//! frame on the fold's stack, opened by its start tag and closed by its end tag, or implicitly
//! by the Markdown container it was opened in.

use super::grid::{CellSpan, SpanGrid};
use super::{Container, Fold, Frame, InlineKind};
use crate::ir::{collapse_spaces, Block, BlockKind, Image, Inline, Span};
use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};
pub(super) use tags::Element;
use tags::{hides_content, meaning, styled, Meaning};

mod tags;

/// Where a piece of HTML stands: a block of its own, or a tag inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    Block,
    Inline,
}

impl Fold<'_> {
    /// Reads one piece of raw HTML that starts at `span`.
    pub(super) fn html(&mut self, html: &str, span: Span, context: Context) {
        let mut emitter = DefaultEmitter::<usize>::new_with_span();
        emitter.naively_switch_states(true);
        let mut hidden: Option<Vec<u8>> = None;
        let mut positions = Positions { html, offset: 0, at: span };
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            match token {
                Token::StartTag(tag) if hidden.is_none() => {
                    let at = positions.at(tag.span.start);
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    if hides_content(&name) && !tag.self_closing {
                        self.dropped(&name, at);
                        hidden = Some(tag.name.to_vec());
                    } else {
                        self.start_tag(&name, &tag, at, context);
                    }
                }
                Token::EndTag(tag) => match &hidden {
                    Some(name) if name.eq_ignore_ascii_case(&tag.name) => hidden = None,
                    Some(_) => {}
                    None => self.end_tag(&String::from_utf8_lossy(&tag.name).to_ascii_lowercase(), context),
                },
                Token::String(text) if hidden.is_none() => {
                    self.html_text(&String::from_utf8_lossy(&text), positions.at(text.span.start))
                }
                Token::Comment(text) if hidden.is_none() => {
                    self.notes_comment(&String::from_utf8_lossy(&text), positions.at(text.span.start), context)
                }
                _ => {}
            }
        }
        if context == Context::Block {
            // Only a `<details>` box or a `<blockquote>` stays open for the Markdown that follows.
            self.close_html_while(|e| !matches!(e, Element::Details | Element::Quote));
        }
    }

    /// A comment `<!-- notes: … -->` (the form pandoc and Marp read) becomes raw material of
    /// format `notes`, for the speaker notes of slides: a block between blocks, an inline
    /// inside a paragraph. Other comments are dropped.
    fn notes_comment(&mut self, text: &str, span: Span, context: Context) {
        let Some(notes) = text.trim_start().strip_prefix("notes:") else { return };
        let (format, text) = ("notes".to_string(), notes.trim().to_string());
        match context {
            Context::Block => {
                self.boundary();
                self.block(Block { span, kind: BlockKind::Raw { format, text } });
            }
            Context::Inline => self.inline(Inline::Raw { format, text }, span),
        }
    }

    fn start_tag(&mut self, name: &str, tag: &StartTag<usize>, span: Span, context: Context) {
        let block = context == Context::Block;
        match meaning(name) {
            Meaning::Opens(element) => self.open(element, tag, span, context),
            Meaning::Image => {
                let image = Image { src: attr(tag, "src"), alt: attr(tag, "alt"), title: attr(tag, "title"), span };
                self.inline(Inline::Image(Box::new(image)), span);
            }
            Meaning::Break => self.inline(Inline::HardBreak, span),
            Meaning::Rule if block => {
                self.boundary();
                self.block(Block { span, kind: BlockKind::Rule });
            }
            Meaning::Boundary if block => self.boundary(),
            Meaning::Row if block && self.reach(Element::Table) => self.start_row(),
            Meaning::RowGroup { head } if block && self.reach(Element::Table) => {
                if let Some(Frame::Table { head: cells, in_head, .. }) = self.stack.last_mut() {
                    *in_head = head && cells.is_empty();
                }
            }
            Meaning::Span => {
                let opened = self.html_open.len();
                if let Some(element) = styled(&attr(tag, "style")) {
                    self.open(element, tag, span, context);
                }
                let element = self.html_open.get(opened).map(|(_, e)| *e);
                self.spans.push(element);
            }
            Meaning::Transparent | Meaning::Boundary | Meaning::RowGroup { .. } => {}
            Meaning::Dropped { block: true } if block => {
                self.boundary();
                self.dropped(name, span);
            }
            Meaning::Dropped { .. } | Meaning::Rule | Meaning::Row => self.dropped(name, span),
        }
    }

    fn open(&mut self, element: Element, tag: &StartTag<usize>, span: Span, context: Context) {
        let block = context == Context::Block;
        if matches!(self.stack.last(), Some(Frame::Code { .. })) {
            return; // Inside `<pre>` the text is kept as written.
        }
        let frame = match element {
            Element::Strong => self.nested(Frame::inlines(InlineKind::Strong, span)),
            Element::Emph => self.nested(Frame::inlines(InlineKind::Emph, span)),
            Element::Strike => self.nested(Frame::inlines(InlineKind::Strike, span)),
            Element::Link => match tag.attributes.get(b"href".as_slice()).filter(|h| !h.is_empty()) {
                Some(href) => {
                    let href = String::from_utf8_lossy(href).into_owned();
                    self.nested(Frame::inlines(InlineKind::Link { href, title: attr(tag, "title") }, span))
                }
                None => return,
            },
            Element::Code if self.html_chain().any(|(_, e)| e == Some(Element::Code)) => return,
            Element::Code => Frame::inlines(InlineKind::Code, span),
            Element::Details if block => {
                self.boundary();
                self.nested(Frame::blocks(Container::Details { title: None }, span))
            }
            Element::Summary if block && self.top_element() == Some(Element::Details) => {
                Frame::inlines(InlineKind::Summary, span)
            }
            Element::Table if block && !self.html_chain().any(|(_, e)| e == Some(Element::Table)) => {
                self.boundary();
                let (head, rows, grid) = (Vec::new(), Vec::new(), SpanGrid::default());
                Frame::Table { align: Vec::new(), span, head, rows, in_head: false, grid }
            }
            Element::Cell if block && self.reach(Element::Table) => {
                let count = |name: &str| attr(tag, name).trim().parse().ok().filter(|&n: &u32| n > 0).unwrap_or(1);
                let cell_span = CellSpan { rows: count("rowspan"), cols: count("colspan") };
                self.start_cell(html_name(tag).eq_ignore_ascii_case("th"));
                Frame::inlines(InlineKind::Cell(cell_span), span)
            }
            Element::Heading if block => {
                self.boundary();
                let level = html_name(tag).get(1..).and_then(|digit| digit.parse().ok()).unwrap_or(1);
                let id = Some(attr(tag, "id")).filter(|id| !id.is_empty());
                Frame::inlines(InlineKind::Heading { level, id }, span)
            }
            Element::Pre if block => {
                self.boundary();
                Frame::Code { lang: None, span, text: String::new() }
            }
            Element::List if block => {
                self.boundary();
                let ordered = html_name(tag).eq_ignore_ascii_case("ol");
                let start = ordered.then(|| attr(tag, "start").trim().parse().unwrap_or(1));
                self.nested(Frame::List { start, tight: true, span, items: Vec::new() })
            }
            Element::Item if block && self.reach(Element::List) => {
                Frame::blocks(Container::Item { checked: None, loose: false }, span)
            }
            Element::Quote if block => {
                self.boundary();
                self.nested(Frame::blocks(Container::Quote(None), span))
            }
            Element::Details
            | Element::Summary
            | Element::Table
            | Element::Cell
            | Element::Heading
            | Element::Pre
            | Element::List
            | Element::Item
            | Element::Quote => {
                return self.dropped(html_name(tag), span);
            }
        };
        if matches!(frame, Frame::Flattened) {
            return;
        }
        if matches!(frame, Frame::Inlines { .. }) && element.is_inline() {
            self.open_paragraph(span);
        }
        self.html_open.push((self.stack.len(), element));
        self.stack.push(frame);
    }

    fn end_tag(&mut self, name: &str, context: Context) {
        let element = match meaning(name) {
            Meaning::Opens(element) => element,
            Meaning::Span => match self.spans.pop().flatten() {
                Some(element) => element,
                None => return,
            },
            Meaning::Row if context == Context::Block => {
                self.reach(Element::Table);
                return;
            }
            Meaning::Boundary | Meaning::Dropped { block: true } if context == Context::Block => {
                return self.boundary();
            }
            _ => return,
        };
        let open = self.html_chain().find(|(_, e)| *e == Some(element));
        if let Some((index, _)) = open {
            while self.stack.len() > index {
                self.pop_and_finish();
            }
        }
    }

    fn html_text(&mut self, text: &str, span: Span) {
        if let Some(Frame::Code { text: code, .. }) = self.stack.last_mut() {
            // A `<pre>` keeps its white space; a line end just after the tag is not content.
            code.push_str(if code.is_empty() { text.strip_prefix('\n').unwrap_or(text) } else { text });
            return;
        }
        let in_text = matches!(self.top_frame(), Some(Frame::Inlines { .. } | Frame::Code { .. }));
        if !in_text && text.trim().is_empty() {
            return;
        }
        let text = collapse_spaces(text);
        let text = if in_text { text.as_str() } else { text.trim_start() };
        self.inline(Inline::Text { text: text.to_string() }, span);
    }

    /// Closes, from the top, implicit paragraphs and the HTML frames that `closes` accepts.
    pub(super) fn close_html_while(&mut self, closes: impl Fn(Element) -> bool) {
        loop {
            let Some((index, element)) = self.html_chain().next() else { break };
            if element.is_some_and(|e| !closes(e)) {
                break;
            }
            while self.stack.len() > index {
                self.pop_and_finish();
            }
        }
    }

    /// Ends the paragraph that block HTML text or styled text was in.
    fn boundary(&mut self) {
        self.close_html_while(Element::is_inline);
    }

    /// Closes what lies above the innermost open HTML `element` (a table, a list); says whether
    /// there is one.
    fn reach(&mut self, element: Element) -> bool {
        let open = self.html_chain().find(|(_, e)| *e == Some(element));
        let Some((index, _)) = open else { return false };
        while self.stack.len() > index + 1 {
            self.pop_and_finish();
        }
        true
    }

    /// A new row of the table on top; in `<thead>` its first row is the table's head.
    fn start_row(&mut self) {
        if let Some(Frame::Table { head, rows, in_head, grid, .. }) = self.stack.last_mut() {
            *in_head &= head.is_empty();
            if !*in_head {
                rows.push(Vec::new());
            }
            grid.next_row();
        }
    }

    /// Makes room for a cell of the table on top: a row if none is open, and the head for
    /// `<th>` cells that open the table.
    fn start_cell(&mut self, header: bool) {
        let Some(Frame::Table { head, rows, in_head, .. }) = self.stack.last_mut() else { return };
        if header && head.is_empty() && rows.len() == 1 && rows[0].is_empty() {
            rows.clear();
            *in_head = true;
        }
        if !*in_head && rows.is_empty() {
            rows.push(Vec::new());
        }
    }

    /// Opens an implicit paragraph for styled text that block HTML starts outside one.
    fn open_paragraph(&mut self, span: Span) {
        if !matches!(self.top_frame(), Some(Frame::Inlines { .. } | Frame::Code { .. })) {
            self.stack.push(Frame::inlines(InlineKind::Paragraph { implicit: true }, span));
        }
    }

    fn top_frame(&self) -> Option<&Frame> {
        self.stack.iter().rev().find(|f| !matches!(f, Frame::Flattened))
    }

    fn top_element(&self) -> Option<Element> {
        self.html_open.last().filter(|(index, _)| index + 1 == self.stack.len()).map(|(_, e)| *e)
    }

    /// The frames on top of the stack that HTML opened (with their element) or that are
    /// implicit paragraphs (`None`), from the top down, as far as they run unbroken.
    fn html_chain(&self) -> impl Iterator<Item = (usize, Option<Element>)> + '_ {
        (0..self.stack.len()).rev().map_while(|index| {
            let element = self.html_open.iter().rev().find(|(i, _)| *i == index).map(|(_, e)| *e);
            let implicit =
                matches!(self.stack[index], Frame::Inlines { kind: InlineKind::Paragraph { implicit: true }, .. });
            (element.is_some() || implicit).then_some((index, element))
        })
    }

    /// Warns, once a page, that markup was dropped.
    fn dropped(&mut self, name: &str, span: Span) {
        if !self.doc.warned_markup {
            self.doc.warned_markup = true;
            self.doc.warnings.push(crate::parse::dialect::DialectWarning {
                line: span.line,
                column: span.column,
                message: format!(
                    "HTML `<{name}>` (and any later markup on this page that folio cannot show) is dropped; its text is kept"
                ),
            });
        }
    }
}

fn html_name(tag: &StartTag<usize>) -> &str {
    std::str::from_utf8(&tag.name).unwrap_or("?")
}

/// An attribute's value, or the empty string.
fn attr(tag: &StartTag<usize>, name: &str) -> String {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(v).into_owned()).unwrap_or_default()
}

/// Source positions of the bytes of an HTML piece that starts at `start`, asked for in
/// increasing order, so that a piece of many tags is walked once. Lines after the first count
/// columns from the line's start (a quote's `>` is not counted).
struct Positions<'a> {
    html: &'a str,
    offset: usize,
    at: Span,
}

impl Positions<'_> {
    fn at(&mut self, offset: usize) -> Span {
        let Some(between) = self.html.get(self.offset..offset) else { return self.at };
        for c in between.chars() {
            if c == '\n' {
                self.at = Span { line: self.at.line + 1, column: 1 };
            } else {
                self.at.column += 1;
            }
        }
        self.offset = offset;
        self.at
    }
}
