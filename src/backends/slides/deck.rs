//! The deck model: slides with titles, bullets, short text, tables and speaker notes, in
//! points on a 16:9 slide. Made from the IR by `outline` and `paginate`; read by the PPTX and
//! Marp writers. Nothing here knows a file format.

use crate::diag::Diagnostic;
use crate::ir::Align;

/// A whole presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub title: String,
    /// The document this deck is made of (`None` for the site deck).
    pub document: Option<String>,
    /// The folder of the deck's files relative to the decks' root, `/`-separated.
    pub folder: String,
    pub slides: Vec<Slide>,
    /// What had to give to make the content fit (per-document decks only).
    pub diagnostics: Vec<Diagnostic>,
}

impl Deck {
    /// Where `link` points from this deck: the URL, or the path of the other document's deck
    /// file (with `extension`) relative to this one; `None` for links into this very deck.
    pub fn link_target(&self, link: &Link, extension: &str) -> Option<String> {
        match link {
            Link::Url(url) => Some(url.clone()),
            Link::Document(id) if self.document.as_deref() == Some(id.as_str()) => None,
            Link::Document(id) => Some(format!("{}.{extension}", relative(&self.folder, id))),
        }
    }
}

/// The path of `target` relative to folder `from` (both `/`-separated, from the same root).
fn relative(from: &str, target: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = target.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count().min(to.len() - 1);
    let mut parts = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

/// Where a run links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A URL outside the collection.
    Url(String),
    /// Another document of the collection (by id), whose deck the link opens.
    Document(String),
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
    pub link: Option<Link>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_other_documents_are_relative_paths_to_their_decks() {
        let deck = Deck {
            title: "T".into(),
            document: Some("a/b/c".into()),
            folder: "a/b".into(),
            slides: vec![],
            diagnostics: vec![],
        };
        assert_eq!(deck.link_target(&Link::Document("a/x/y".into()), "pptx").as_deref(), Some("../x/y.pptx"));
        assert_eq!(deck.link_target(&Link::Document("a/b/d".into()), "md").as_deref(), Some("d.md"));
        assert_eq!(deck.link_target(&Link::Document("a/b/c".into()), "md"), None);
        let site = Deck { document: None, folder: String::new(), ..deck };
        assert_eq!(site.link_target(&Link::Document("a/b/c".into()), "pptx").as_deref(), Some("a/b/c.pptx"));
    }
}
