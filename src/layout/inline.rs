//! Inline content to styled spans: emphasis, code, links and footnote marks resolved to faces,
//! sizes and colours, ready for line breaking.

use super::flow::Cx;
use super::fonts::FontId;
use super::{LinkDest, Rgb};
use crate::ir::{Inline, LinkTarget};

/// How a span of text is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// The family's regular face: Serif, Sans or Mono.
    pub family: FontId,
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub strike: bool,
    pub size: f32,
    pub color: Rgb,
    /// Raise above the baseline, in points (footnote marks).
    pub rise: f32,
    pub link: Option<LinkDest>,
}

impl Style {
    /// Plain text in `family` at `size`.
    pub fn plain(family: FontId, size: f32, color: Rgb) -> Style {
        Style { family, bold: false, italic: false, code: false, strike: false, size, color, rise: 0.0, link: None }
    }

    /// The face this style draws with.
    pub fn font(&self) -> FontId {
        if self.code {
            FontId::Mono
        } else {
            self.family.styled(self.bold, self.italic)
        }
    }

    /// The size the face is drawn at (code a little smaller to match the x-height of the text).
    pub fn font_size(&self) -> f32 {
        if self.code {
            self.size * 0.88
        } else {
            self.size
        }
    }
}

/// A stretch of text in one style. A `"\n"` span is a forced line break.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

/// Flattens inlines into spans, starting from `base`.
pub fn spans(cx: &mut Cx, inlines: &[Inline], base: &Style) -> Vec<Span> {
    let mut out = Vec::new();
    push(cx, inlines, base, &mut out);
    out
}

fn push(cx: &mut Cx, inlines: &[Inline], style: &Style, out: &mut Vec<Span>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push(Span { text: text.clone(), style: style.clone() }),
            Inline::Emph { content } => push(cx, content, &Style { italic: true, ..style.clone() }, out),
            Inline::Strong { content } => push(cx, content, &Style { bold: true, ..style.clone() }, out),
            Inline::Strike { content } => push(cx, content, &Style { strike: true, ..style.clone() }, out),
            Inline::Code { text } => {
                out.push(Span { text: text.clone(), style: Style { code: true, ..style.clone() } })
            }
            Inline::Link(link) => {
                let content = &link.content;
                let link = match &link.target {
                    LinkTarget::External { url } => Some(LinkDest::Uri(url.clone())),
                    LinkTarget::Internal { doc, anchor, .. } => {
                        Some(LinkDest::Internal { doc: doc.clone(), anchor: anchor.clone() })
                    }
                    LinkTarget::Unresolved { .. } => None,
                };
                let color = if link.is_some() { cx.accent } else { style.color };
                push(cx, content, &Style { link, color, ..style.clone() }, out);
            }
            Inline::Image(image) => {
                let alt = &image.alt;
                let text = if alt.is_empty() { "[image]".to_string() } else { format!("[{alt}]") };
                out.push(Span { text, style: Style { italic: true, ..style.clone() } });
            }
            Inline::FootnoteRef { label } => {
                let number = cx.footnote_number(label);
                let link = Some(LinkDest::Internal { doc: cx.doc_id.clone(), anchor: Some(footnote_anchor(label)) });
                let mark = Style { size: style.size * 0.68, rise: style.size * 0.35, link, ..style.clone() };
                out.push(Span { text: number.to_string(), style: mark });
            }
            Inline::SoftBreak => out.push(Span { text: " ".into(), style: style.clone() }),
            Inline::HardBreak => out.push(Span { text: "\n".into(), style: style.clone() }),
            Inline::Raw { .. } => {}
        }
    }
}

/// The anchor of a footnote's text at the end of its document.
pub fn footnote_anchor(label: &str) -> String {
    format!("fn-{label}")
}
