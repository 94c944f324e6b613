//! The deck model: slides with titles, bullets, short text, tables and speaker notes, in
//! points on a 16:9 slide. Made from the IR by `outline` and `paginate`; read by the PPTX and
//! Marp writers. Nothing here knows a file format.

use crate::ir::Align;

/// A whole presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub title: String,
    pub slides: Vec<Slide>,
}

/// Which arrangement a slide uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The opening slide: title, then label and lead paragraph in the subtitle box.
    Title,
    /// A divider before each document in the site deck.
    Section,
    /// A title over a body of bullets, text and tables.
    Content,
}

/// One slide. `body` fits its box (the subtitle box for title and section slides).
#[derive(Debug, Clone, PartialEq)]
pub struct Slide {
    pub layout: Layout,
    pub title: String,
    /// The type size of the title in points, shrunk for long titles.
    pub title_size: f32,
    pub body: Vec<Item>,
    /// Speaker notes, one paragraph each.
    pub notes: Vec<String>,
}

/// Styled text: a sequence of runs.
pub type Text = Vec<Run>;

/// A run of text in one style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub strike: bool,
    /// An external URL this run links to.
    pub link: Option<String>,
}

/// The text of runs without styling.
pub fn plain(text: &[Run]) -> String {
    text.iter().map(|r| r.text.as_str()).collect()
}

/// A bullet's marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Bullet,
    Number(u64),
}

/// Something in a slide's body, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A sub-heading (an H3 group's title, or a paragraph that is all bold).
    Heading(Text),
    /// A short paragraph.
    Paragraph(Text),
    /// A list item at level 1 or 2.
    Bullet {
        level: u8,
        marker: Marker,
        text: Text,
    },
    /// A short block of code, lines kept.
    Code(String),
    Table(Table),
}

/// A table with its column widths and type size decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub align: Vec<Align>,
    pub head: Vec<Text>,
    pub rows: Vec<Vec<Text>>,
    /// Column widths in points; they add up to the body width.
    pub widths: Vec<f32>,
    /// Type size in points.
    pub size: f32,
}
