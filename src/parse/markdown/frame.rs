//! The frames of the Markdown fold's stack: a container, inline run, list, table, code or
//! HTML block being read, and what each holds so far.

use super::grid::{CellSpan, SpanGrid};
use crate::ir::{Align, Block, CalloutKind, Cell, Inline, ListItem, Span};

pub(super) enum Container {
    Root,
    Quote(Option<CalloutKind>),
    Item {
        checked: Option<bool>,
        loose: bool,
    },
    Footnote(String),
    /// An HTML `<details>` box, titled by its `<summary>`.
    Details {
        title: Option<Vec<Inline>>,
    },
}

pub(super) enum InlineKind {
    Paragraph {
        implicit: bool,
    },
    Heading {
        level: u8,
        id: Option<String>,
    },
    Emph,
    Strong,
    Strike,
    Link {
        href: String,
        title: String,
    },
    Image {
        src: String,
        title: String,
    },
    /// A table cell, spanning rows and columns (only in HTML).
    Cell(CellSpan),
    /// HTML `<code>`, `<kbd>`: its text becomes one code span.
    Code,
    /// HTML `<summary>`: the title of the `<details>` box it is in.
    Summary,
}

pub(super) enum Frame {
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
        /// The places that cells spanning rows cover (only in HTML).
        grid: SpanGrid,
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
    pub(super) fn blocks(kind: Container, span: Span) -> Frame {
        Frame::Blocks { kind, span, blocks: Vec::new() }
    }
    pub(super) fn inlines(kind: InlineKind, span: Span) -> Frame {
        Frame::Inlines { kind, span, inlines: Vec::new() }
    }
}

pub(super) fn frame_span(frame: &Frame) -> Span {
    match frame {
        Frame::Blocks { span, .. }
        | Frame::Inlines { span, .. }
        | Frame::List { span, .. }
        | Frame::Table { span, .. } => *span,
        Frame::Code { span, .. } | Frame::Html { span, .. } => *span,
        Frame::Flattened => Span::default(),
    }
}
