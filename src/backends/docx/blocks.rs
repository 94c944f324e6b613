//! A document's blocks as WordprocessingML paragraphs: headings in the Heading styles (with a
//! bookmark each), paragraphs, quotes, callouts, code and rules. Lists, tables, runs and
//! footnotes are in their own files; all of them write into one [`Part`].

use super::ids::{bookmark, Refs};
use super::styles::CALLOUT_BOX;
use super::Env;
use crate::backends::ooxml::esc;
use crate::highlight;
use crate::ir::{plain_text, Block, BlockKind, Body, CalloutKind, Document, Inline};
use crate::layout::{rtl_paragraph, Cx, Rgb};
use std::collections::BTreeMap;

/// Where blocks are being written: the paragraph style of their container (a quote, a callout,
/// a footnote; `None` for the body) and the list nesting depth.
#[derive(Debug, Clone, Copy, Default)]
pub struct Frame {
    pub style: Option<&'static str>,
    pub depth: usize,
}

/// Twips (twentieths of a point) a list level indents.
pub const LEVEL_INDENT: u32 = 360;
/// The deepest indent, in list levels: Word's nine, which keeps text in the narrowest column.
const MAX_INDENT_LEVELS: usize = 8;

/// One document being written: its body's XML and what the XML refers to.
pub struct Part<'a> {
    pub env: &'a Env<'a>,
    pub doc: &'a Document,
    pub body: Body,
    pub xml: String,
    pub refs: Refs,
    /// The level of the document's highest heading, which is written as Heading 1 (Heading 2
    /// in the book, under the chapter's title).
    top_level: u8,
    /// The layout context that measures table columns and numbers headings, made when first
    /// needed.
    cx: Option<Cx>,
    /// Whether a footnote is being written (a footnote in a footnote is left as its mark).
    pub in_note: bool,
    /// The index in the body's footnotes of each label.
    pub note_index: BTreeMap<String, usize>,
    /// Whether each of the body's footnotes has been referenced.
    pub noted: Vec<bool>,
}

impl<'a> Part<'a> {
    /// Starts writing `doc`, with the references made so far.
    pub fn new(env: &'a Env<'a>, doc: &'a Document, refs: Refs) -> Self {
        let body = doc.body();
        let top_level = body
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Heading { level, .. } => Some(level),
                _ => None,
            })
            .min()
            .unwrap_or(1);
        let note_index = body.footnotes.iter().enumerate().map(|(i, n)| (n.label.clone(), i)).collect();
        let noted = vec![false; body.footnotes.len()];
        Part { env, doc, body, xml: String::new(), refs, top_level, cx: None, in_note: false, note_index, noted }
    }

    /// The layout context of this document (its diagnostics are the PDF's to report).
    pub fn cx(&mut self) -> &mut Cx {
        let (size, doc) = (self.env.theme.font_size, self.doc);
        let cx = self.cx.get_or_insert_with(|| layout_context(size, doc));
        cx.diagnostics.clear();
        cx
    }

    /// The XML written so far, taken out.
    pub fn take_xml(&mut self) -> String {
        std::mem::take(&mut self.xml)
    }

    /// The references, once the document is written.
    pub fn into_refs(self) -> Refs {
        self.refs
    }

    /// The document's title (Title, or Heading 1 on a new page in the book) with its
    /// bookmark, and its description (Subtitle).
    pub fn title_block(&mut self) {
        let (style, extra) = if self.env.book { ("Heading1", "<w:pageBreakBefore/>") } else { ("Title", "") };
        let mark = self.bookmark(None);
        let text = run(&self.doc.title, "");
        self.xml.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{extra}</w:pPr>{mark}{text}</w:p>"));
        if let Some(description) = self.doc.meta.description.as_deref().filter(|d| !d.trim().is_empty()) {
            self.xml.push_str(&styled("Subtitle", description));
        }
    }

    /// The document's blocks (in the reference document's style of body text, if it has
    /// one), then the footnotes nothing refers to.
    pub fn body(&mut self) {
        let blocks = std::mem::take(&mut self.body.blocks);
        let style = self.env.reference.and_then(|reference| reference.body_style);
        self.blocks_opening(&blocks, Frame { style, ..Frame::default() }, true);
        self.body.blocks = blocks;
        self.unreferenced_notes();
    }

    /// A bookmark around nothing at heading `anchor` of this document (its title for `None`).
    fn bookmark(&mut self, anchor: Option<&str>) -> String {
        let id = self.refs.next();
        let name = bookmark(&self.doc.id, anchor);
        format!("<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/><w:bookmarkEnd w:id=\"{id}\"/>")
    }

    pub fn blocks(&mut self, blocks: &[Block], frame: Frame) {
        self.blocks_opening(blocks, frame, false);
    }

    /// `blocks`, the first of which opens the document if `opening`: that paragraph, and each
    /// after a heading, is in the reference's style of a first paragraph, if it has one.
    fn blocks_opening(&mut self, blocks: &[Block], frame: Frame, mut opening: bool) {
        let first = self.env.reference.and_then(|r| r.first_style.filter(|_| frame.style == r.body_style));
        for block in blocks {
            let first_frame = Frame { style: first.or(frame.style), ..frame };
            match &block.kind {
                BlockKind::Paragraph { content } => self.paragraph(content, if opening { first_frame } else { frame }),
                BlockKind::Heading { level, id, content } => self.heading(*level, id, content),
                BlockKind::List { start, items, .. } => self.list(*start, items, frame),
                BlockKind::Table { align, head, rows } => self.table(align, head, rows, frame),
                BlockKind::CodeBlock { lang, text } => {
                    let drawn = |key: &str| self.env.drawn.contains_key(key);
                    match crate::diagram::image(lang.as_deref(), text, block.span, drawn) {
                        Some(drawing) => self.figure(&[Inline::Image(Box::new(drawing))], frame, false),
                        None => self.code(lang.as_deref(), text, frame),
                    }
                }
                BlockKind::Quote { blocks } => self.blocks(blocks, Frame { style: Some("Quote"), ..frame }),
                BlockKind::Callout { kind, title, blocks } => self.callout(*kind, title.as_deref(), blocks, frame),
                BlockKind::Rule => self.xml.push_str(&format!(
                    "<w:p><w:pPr>{}<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"BFBFC7\"/></w:pBdr>{}</w:pPr></w:p>",
                    style_of(frame),
                    indent(frame)
                )),
                BlockKind::Raw { .. } => {}
            }
            opening = matches!(block.kind, BlockKind::Heading { .. });
        }
    }

    /// A paragraph; one that is only an image is centred, with the alt text as its caption.
    fn paragraph(&mut self, content: &[Inline], frame: Frame) {
        self.figure(content, frame, true);
    }

    /// A paragraph, centred when it is only an image that is drawn, followed then by its alt
    /// text as a caption if `caption` (a diagram's alt text is its own labels: none).
    fn figure(&mut self, content: &[Inline], frame: Frame, caption: bool) {
        let runs = self.runs(content);
        let mut images = content.iter().filter(|i| !matches!(i, Inline::SoftBreak | Inline::HardBreak));
        if let (Some(Inline::Image(image)), None) = (images.next(), images.next()) {
            if runs.contains("<w:drawing>") {
                // Kept with its caption, if it has one: a picture kept with whatever follows
                // makes a chain of headings and pictures that no page break can honour.
                let captioned = caption && !image.alt.trim().is_empty();
                let keep = if captioned { "<w:keepNext/>" } else { "" };
                let centred =
                    format!("<w:pPr>{}{keep}{}<w:jc w:val=\"center\"/></w:pPr>", style_of(frame), indent(frame));
                self.xml.push_str(&format!("<w:p>{centred}{runs}</w:p>"));
                if captioned {
                    self.xml.push_str(&styled("Caption", &image.alt));
                }
                return;
            }
        }
        let ppr = style_of(frame) + bidi(content) + &indent(frame);
        let ppr = if ppr.is_empty() { ppr } else { format!("<w:pPr>{ppr}</w:pPr>") };
        self.xml.push_str(&format!("<w:p>{ppr}{runs}</w:p>"));
    }

    /// A heading in the Heading style of its level below the document's top (one deeper in
    /// the book), with its bookmark.
    fn heading(&mut self, level: u8, id: &str, content: &[Inline]) {
        let number = match self.env.theme.numbering {
            true => {
                let top = self.top_level;
                run(&heading_number(self.cx(), level, top), "")
            }
            false => String::new(),
        };
        let level = heading_style_level(level, self.top_level, self.env.book);
        let mark = self.bookmark(Some(id));
        let runs = self.runs(content);
        self.xml.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Heading{level}\"/>{}</w:pPr>{mark}{number}{runs}</w:p>",
            bidi(content)
        ));
    }

    /// A code block: one paragraph in the Code style, a line break between its lines.
    /// A code block in the Code style, one paragraph with a break a line; highlighted in the
    /// colours of `[pdf] code_theme` when its language is one syntect knows, as in the PDF.
    fn code(&mut self, lang: Option<&str>, text: &str, frame: Frame) {
        let theme = self.env.theme.code_theme();
        let lines: Vec<String> = highlight::code_lines(text.trim_end_matches('\n'), lang, theme)
            .iter()
            .map(|line| line.runs().map(|(text, color)| code_run(text, color)).collect())
            .collect();
        let runs = lines.join("<w:r><w:br/></w:r>");
        self.xml.push_str(&format!("<w:p><w:pPr><w:pStyle w:val=\"Code\"/>{}</w:pPr>{runs}</w:p>", indent(frame)));
    }

    /// A callout: its kind and title in bold in the kind's colour, then its blocks, all in
    /// the Callout style (shaded, bordered).
    fn callout(&mut self, kind: CalloutKind, title: Option<&[Inline]>, blocks: &[Block], frame: Frame) {
        let color = callout_color(kind);
        let rpr = format!("<w:b/><w:color w:val=\"{color}\"/>");
        let mut heading = run(kind.display_name(), &rpr);
        if let Some(title) = title.filter(|t| !plain_text(t).trim().eq_ignore_ascii_case(kind.display_name())) {
            if !plain_text(title).trim().is_empty() {
                heading.push_str(&run(" · ", &rpr));
                heading.push_str(&self.runs(title));
            }
        }
        self.xml.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Callout\"/><w:keepNext/>{}</w:pPr>{heading}</w:p>",
            indent(frame)
        ));
        self.blocks(blocks, Frame { style: Some("Callout"), ..frame });
    }
}

/// The Heading style level (1–6) of a heading at `level` in a document whose highest is
/// `top`: one deeper in the book, whose Heading 1 is the chapter title.
pub fn heading_style_level(level: u8, top: u8, book: bool) -> u8 {
    (level.saturating_sub(top) + 1 + u8::from(book)).min(6)
}

/// A layout context for document `doc` at body size `size`, as the PDF's.
pub fn layout_context(size: f32, doc: &Document) -> Cx {
    Cx::new(size, Rgb(0.0, 0.0, 0.0), false, &doc.id, &doc.source)
}

/// The number a heading at `level` gets with `[pdf] numbering` ("2.1  "), counted by `cx` as
/// the PDF counts them, below the document's highest level `top`.
pub fn heading_number(cx: &mut Cx, level: u8, top: u8) -> String {
    format!("{}  ", cx.heading_number(usize::from(level.saturating_sub(top)) + 1))
}

/// The `w:pStyle` of paragraphs in `frame` (none for Normal).
pub fn style_of(frame: Frame) -> String {
    frame.style.map(|style| format!("<w:pStyle w:val=\"{style}\"/>")).unwrap_or_default()
}

/// `w:bidi` for a paragraph of `content` that runs right to left (its first strong character).
pub fn bidi(content: &[Inline]) -> &'static str {
    if rtl_paragraph([plain_text(content).as_str()]) {
        "<w:bidi/>"
    } else {
        ""
    }
}

/// The box of a callout around list items in one (other paragraphs have it from their style).
pub fn boxed(frame: Frame) -> &'static str {
    match frame.style {
        Some("Callout") => CALLOUT_BOX,
        _ => "",
    }
}

/// The `w:ind` of paragraphs in `frame`: under the text of their list item.
pub fn indent(frame: Frame) -> String {
    match indent_twips(frame) {
        0 => String::new(),
        twips => format!("<w:ind w:left=\"{twips}\"/>"),
    }
}

/// How far blocks in `frame` are indented, in twips.
pub fn indent_twips(frame: Frame) -> u32 {
    LEVEL_INDENT * frame.depth.min(MAX_INDENT_LEVELS) as u32
}

/// A run of plain `text` with run properties `rpr`.
pub fn run(text: &str, rpr: &str) -> String {
    let rpr = if rpr.is_empty() { String::new() } else { format!("<w:rPr>{rpr}</w:rPr>") };
    format!("<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text))
}

/// A paragraph of `text` in `style`.
pub fn styled(style: &str, text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>", run(text, ""))
}

/// The colour of a callout kind, as the PDF draws it.
fn callout_color(kind: CalloutKind) -> &'static str {
    match kind {
        CalloutKind::Note | CalloutKind::Info => "1C6BBF",
        CalloutKind::Tip | CalloutKind::Success => "218C4D",
        CalloutKind::Important => "7340B3",
        CalloutKind::Warning | CalloutKind::Caution => "CC800D",
        CalloutKind::Danger => "CC2E2E",
    }
}

/// A run of code: its text (tabs as four spaces) in `color`, or the Code style's own colour.
fn code_run(text: &str, color: Option<highlight::Rgb8>) -> String {
    let rpr =
        color.map_or(String::new(), |[r, g, b]| format!("<w:rPr><w:color w:val=\"{r:02X}{g:02X}{b:02X}\"/></w:rPr>"));
    format!(
        "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(&text.trim_end_matches('\r').replace('\t', "    "))
    )
}
