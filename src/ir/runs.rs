//! Inlines as styled runs: the one reading of emphasis, code and links that the PDF layout, the
//! slides and the XLSX cells share. Each maps a run's [`Style`] and [`Piece`] to its own
//! rendering (faces and colours, deck runs, rich-text cells); nothing here knows a format.

use super::walk::query_inlines_in;
use super::{Image, Inline, LinkTarget};

/// How a run is marked up: the emphasis around it, and the link it sits in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style<'a> {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    /// The innermost resolved link around the run; a link that points nowhere leaves the
    /// style as it was.
    pub link: Option<Dest<'a>>,
}

impl Style<'_> {
    /// The same emphasis outside any link, for a renderer that keeps links apart from its
    /// runs (an XLSX cell holds one hyperlink for the whole cell).
    pub fn without_link(&self) -> Style<'static> {
        Style { bold: self.bold, italic: self.italic, strike: self.strike, code: self.code, link: None }
    }
}

/// Where a resolved link goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dest<'a> {
    /// A URL outside the collection.
    Url(&'a str),
    /// A document of the collection by id, and optionally a heading in it.
    Page { doc: &'a str, anchor: Option<&'a str> },
}

/// What a run holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Piece<'a> {
    /// Text, or code when the style says so; possibly empty.
    Text(&'a str),
    /// A line break: soft (a space when the text is reflowed) or hard.
    Break {
        hard: bool,
    },
    Image(&'a Image),
    /// A footnote reference, by label.
    Note(&'a str),
}

/// One leaf of the inline tree with the style it inherits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StyledRun<'a> {
    pub piece: Piece<'a>,
    pub style: Style<'a>,
}

/// The runs of `inlines` in reading order, one per leaf (neighbours of one style are not
/// merged: that is the renderer's choice). Raw material gives no run.
pub fn styled_runs(inlines: &[Inline]) -> Vec<StyledRun<'_>> {
    let mut out = Vec::new();
    query_inlines_in(inlines, &Style::default(), &mut |inline, &style| {
        let (piece, style_of_piece) = match inline {
            Inline::Text { text } => (Piece::Text(text), style),
            Inline::Code { text } => (Piece::Text(text), Style { code: true, ..style }),
            Inline::Image(image) => (Piece::Image(image), style),
            Inline::FootnoteRef { label } => (Piece::Note(label), style),
            Inline::SoftBreak => (Piece::Break { hard: false }, style),
            Inline::HardBreak => (Piece::Break { hard: true }, style),
            Inline::Emph { .. } => return Style { italic: true, ..style },
            Inline::Strong { .. } => return Style { bold: true, ..style },
            Inline::Strike { .. } => return Style { strike: true, ..style },
            Inline::Link(link) => return Style { link: dest(&link.target).or(style.link), ..style },
            Inline::Raw { .. } => return style,
        };
        out.push(StyledRun { piece, style: style_of_piece });
        style
    });
    out
}

fn dest(target: &LinkTarget) -> Option<Dest<'_>> {
    match target {
        LinkTarget::External { url } => Some(Dest::Url(url)),
        LinkTarget::Internal { doc, anchor, .. } => Some(Dest::Page { doc, anchor: anchor.as_deref() }),
        LinkTarget::Unresolved { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Link;

    fn text(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn link(target: LinkTarget, content: Vec<Inline>) -> Inline {
        Inline::Link(Box::new(Link { target, title: String::new(), content, span: Default::default() }))
    }

    #[test]
    fn styles_nest_and_links_name_their_destination() {
        let url = LinkTarget::External { url: "https://x.org".into() };
        let nowhere = LinkTarget::Unresolved { href: "gone.md".into() };
        let inlines = vec![
            Inline::Strong {
                content: vec![Inline::Emph { content: vec![text("a")] }, Inline::Code { text: "c".into() }],
            },
            Inline::SoftBreak,
            link(url, vec![text("x"), link(nowhere, vec![text("y")])]),
            Inline::Raw { format: "html".into(), text: "<br>".into() },
        ];
        let runs = styled_runs(&inlines);
        let styles: Vec<_> = runs.iter().map(|r| (r.style.bold, r.style.italic, r.style.code)).collect();
        assert_eq!(
            styles,
            [
                (true, true, false),
                (true, false, true),
                (false, false, false),
                (false, false, false),
                (false, false, false)
            ]
        );
        assert_eq!(runs[2].piece, Piece::Break { hard: false });
        assert_eq!(runs[3].style.link, Some(Dest::Url("https://x.org")));
        assert_eq!(runs[4].style.link, Some(Dest::Url("https://x.org")), "a link to nowhere keeps the one around it");
        assert_eq!(runs.len(), 5, "raw material gives no run");
    }
}
