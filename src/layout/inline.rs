//! Inline content to styled spans: emphasis, code, links and footnote marks resolved to faces,
//! sizes and colours, ready for line breaking; and the structure node each span's text goes to.

use super::flow::Cx;
use super::fonts::FontId;
use super::tag::{Role, Tag};
use super::{LinkDest, Rgb};
use crate::ir::runs::{styled_runs, Dest, Piece, StyledRun};
use crate::ir::Inline;

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

/// The size of code against that of the text around it: the monospaced face's x-height is
/// larger.
pub const CODE_SIZE: f32 = 0.88;

impl Style {
    /// Plain text in `family` at `size`.
    pub fn plain(family: FontId, size: f32, color: Rgb) -> Style {
        Style { family, bold: false, italic: false, code: false, strike: false, size, color, rise: 0.0, link: None }
    }

    /// The face this style draws with.
    pub fn font(&self) -> FontId {
        if self.code {
            FontId::MONO
        } else {
            self.family.styled(self.bold, self.italic)
        }
    }

    /// The size the face is drawn at (code a little smaller, [`CODE_SIZE`]).
    pub fn font_size(&self) -> f32 {
        if self.code {
            self.size * CODE_SIZE
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
    styled_runs(inlines).into_iter().map(|run| span(cx, run, base)).collect()
}

/// The span of one run: its emphasis added to `base`, a link in the accent colour.
fn span(cx: &mut Cx, run: StyledRun, base: &Style) -> Span {
    let marks = run.style;
    let link = marks.link.map(|to| match to {
        Dest::Url(url) => LinkDest::Uri(url.to_string()),
        Dest::Page { doc, anchor } => LinkDest::Internal { doc: doc.to_string(), anchor: anchor.map(str::to_string) },
    });
    let style = Style {
        bold: base.bold || marks.bold,
        italic: base.italic || marks.italic,
        code: base.code || marks.code,
        strike: base.strike || marks.strike,
        color: if link.is_some() { cx.accent } else { base.color },
        link: link.or_else(|| base.link.clone()),
        ..base.clone()
    };
    match run.piece {
        Piece::Text(text) => Span { text: text.to_string(), style },
        Piece::Image(image) => {
            let alt = &image.alt;
            let text = if alt.is_empty() { "[image]".to_string() } else { format!("[{alt}]") };
            Span { text, style: Style { italic: true, ..style } }
        }
        Piece::Note(label) => {
            let number = cx.footnote_number(label);
            let link = Some(LinkDest::Internal { doc: cx.doc_id.clone(), anchor: Some(footnote_anchor(label)) });
            let mark = Style { size: style.size * 0.68, rise: style.size * 0.35, link, ..style };
            Span { text: number.to_string(), style: mark }
        }
        Piece::Break { hard } => Span { text: if hard { "\n" } else { " " }.to_string(), style },
    }
}

/// The anchor of a footnote's text at the end of its document.
pub fn footnote_anchor(label: &str) -> String {
    format!("fn-{label}")
}

/// The structure node of each span: the current one, or for a link a link node under it, one
/// for each run of spans going to the same place.
pub fn span_tags(cx: &mut Cx, spans: &[Span]) -> Vec<Tag> {
    let mut tags: Vec<Tag> = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let tag = match &span.style.link {
            None => cx.tag(),
            Some(dest) if i > 0 && spans[i - 1].style.link.as_ref() == Some(dest) => tags[i - 1],
            Some(_) => {
                let current = cx.tag();
                cx.tree.add(Role::Link, current)
            }
        };
        tags.push(tag);
    }
    tags
}
