//! What each HTML tag name means to folio: an element that holds a frame, a node of its own,
//! a block boundary, nothing a reader would miss, or markup it cannot show.

/// An HTML element that holds a frame on the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::parse::markdown) enum Element {
    Strong,
    Emph,
    Strike,
    Link,
    Code,
    Summary,
    Details,
    Table,
    Cell,
    Heading,
    Pre,
    List,
    Item,
    Quote,
}

impl Element {
    /// Styled text, which a block boundary (`<p>`, `<div>`) closes.
    pub(super) fn is_inline(self) -> bool {
        matches!(self, Element::Strong | Element::Emph | Element::Strike | Element::Link | Element::Code)
    }
}

/// What a tag name means to folio.
pub(super) enum Meaning {
    Opens(Element),
    Image,
    Break,
    Rule,
    Row,
    /// `<thead>` (true), `<tbody>` or `<tfoot>` (false).
    RowGroup {
        head: bool,
    },
    /// Separates blocks and is otherwise its content: `<p>`, `<div>`, `<center>`.
    Boundary,
    /// `<span>`: its content, styled if its `style` sets bold or italic type.
    Span,
    /// Its content, with nothing a reader would miss: `<a name>`, `<sup>`, and
    /// elements a browser does not show (`<meta>`).
    Transparent,
    /// Markup folio cannot show: its text is kept, with a warning.
    Dropped {
        block: bool,
    },
}

pub(super) fn meaning(name: &str) -> Meaning {
    match name {
        "b" | "strong" => Meaning::Opens(Element::Strong),
        "i" | "em" => Meaning::Opens(Element::Emph),
        "s" | "del" | "strike" => Meaning::Opens(Element::Strike),
        "a" => Meaning::Opens(Element::Link),
        "code" | "kbd" | "samp" | "tt" => Meaning::Opens(Element::Code),
        "summary" => Meaning::Opens(Element::Summary),
        "details" => Meaning::Opens(Element::Details),
        "table" => Meaning::Opens(Element::Table),
        "td" | "th" => Meaning::Opens(Element::Cell),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Meaning::Opens(Element::Heading),
        "pre" | "listing" => Meaning::Opens(Element::Pre),
        "ul" | "ol" => Meaning::Opens(Element::List),
        "li" => Meaning::Opens(Element::Item),
        "blockquote" => Meaning::Opens(Element::Quote),
        "tr" => Meaning::Row,
        "thead" => Meaning::RowGroup { head: true },
        "tbody" | "tfoot" => Meaning::RowGroup { head: false },
        "img" => Meaning::Image,
        "br" => Meaning::Break,
        "hr" => Meaning::Rule,
        "p" | "div" | "center" | "section" | "article" | "header" | "footer" | "main" | "nav" | "aside" | "figure"
        | "figcaption" | "address" | "hgroup" | "picture" => Meaning::Boundary,
        "span" => Meaning::Span,
        "sup" | "sub" | "u" | "ins" | "mark" | "small" | "big" | "abbr" | "cite" | "q" | "dfn" | "time" | "var"
        | "font" | "bdi" | "bdo" | "wbr" | "source" | "meta" | "link" | "base" | "col" | "colgroup" => {
            Meaning::Transparent
        }
        "dl" | "dt" | "dd" | "caption" | "form" | "fieldset" => Meaning::Dropped { block: true },
        _ => Meaning::Dropped { block: false },
    }
}

/// The styled text an inline `style` attribute asks for: bold (`font-weight: bold`, or 600 and
/// heavier) before italic (`font-style: italic` or `oblique`).
pub(super) fn styled(style: &str) -> Option<Element> {
    let declarations = style.split(';').filter_map(|d| d.split_once(':'));
    let mut found = None;
    for (property, value) in declarations {
        let value = value.trim().trim_end_matches("!important").trim().to_ascii_lowercase();
        match property.trim().to_ascii_lowercase().as_str() {
            "font-weight"
                if matches!(value.as_str(), "bold" | "bolder") || value.parse().is_ok_and(|w: u16| w >= 600) =>
            {
                return Some(Element::Strong);
            }
            "font-style" if matches!(value.as_str(), "italic" | "oblique") => found = Some(Element::Emph),
            _ => {}
        }
    }
    found
}

/// Elements whose content a browser does not show.
pub(super) fn hides_content(name: &str) -> bool {
    matches!(name, "script" | "style" | "template")
}
