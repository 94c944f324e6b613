//! The deck model: slides with titles, bullets, text, code, tables, callouts, images, footnotes
//! and speaker notes, in points on a 16:9 slide. Made from the IR by `outline` and `paginate`,
//! measured by the layout engine (`measure`); read by the PPTX, PDF and Marp writers. Nothing
//! here knows a file format.

use crate::diag::Diagnostic;
use crate::ir::{output_stem, Align};
use std::collections::BTreeMap;

/// A whole presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub title: String,
    /// The document this deck is made of (`None` for the site deck).
    pub document: Option<String>,
    /// The folder of the deck's files relative to the decks' root, `/`-separated.
    pub folder: String,
    pub slides: Vec<Slide>,
    /// The folder beside the Marp outline that holds copies of the images the deck shows.
    pub copies: String,
    /// The first slide (1-based) that shows a document (`id`) or one of its headings
    /// (`id#anchor`).
    pub anchors: BTreeMap<String, usize>,
    /// What had to give to make the content fit (per-document decks only).
    pub diagnostics: Vec<Diagnostic>,
    /// The language of the deck's text, a BCP 47 tag, when the page or site says.
    pub lang: Option<String>,
}

impl Deck {
    /// Where `link` points from this deck: a slide of this deck (a document or heading it
    /// shows), the URL, or the path of the other document's deck file (with `extension`)
    /// relative to this one; `None` for what this deck does not show of its own document.
    pub fn link_target(&self, link: &Link, extension: &str) -> Option<Target> {
        match link {
            Link::Url(url) => Some(Target::Url(url.clone())),
            Link::Document { id, anchor } => {
                let heading = anchor.as_ref().and_then(|a| self.anchors.get(&format!("{id}#{a}")));
                match heading.or_else(|| self.anchors.get(id)) {
                    Some(&slide) => Some(Target::Slide(slide)),
                    None if self.document.as_deref() == Some(id.as_str()) => None,
                    None => Some(Target::Url(format!("{}.{extension}", relative(&self.folder, &output_stem(id))))),
                }
            }
        }
    }
}

/// Where a link goes in a written deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A URL or a relative path to another file.
    Url(String),
    /// A slide of the same deck, 1-based.
    Slide(usize),
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
    /// A document of the collection (by id), and a heading in it: a slide of this deck when
    /// it shows them, else the document's own deck.
    Document { id: String, anchor: Option<String> },
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
    /// The measured height of each item of the body, with the space above it.
    pub heights: Vec<f32>,
    /// Footnotes of what the slide shows, set small at its foot.
    pub footnotes: Vec<Text>,
    /// Speaker notes, one paragraph each.
    pub notes: Vec<String>,
    /// The title as styled runs, when it shows more than plain text (a title slide whose page's
    /// leading H1 has emphasis, code or links); empty otherwise.
    pub title_runs: Text,
}

impl Slide {
    /// Whether the slide's parts are the same in every deck that shows it: it has no notes
    /// (whose part is named by the slide's number), no image (whose part a deck writes once) and
    /// no link to a document (which a document's deck points at that document's own deck, and
    /// the site deck at a slide of its own).
    pub fn stands_alone(&self) -> bool {
        fn links_a_document(text: &Text) -> bool {
            text.iter().any(|run| matches!(run.link, Some(Link::Document { .. })))
        }
        fn depends_on_deck(item: &Item) -> bool {
            match item {
                Item::Heading(text) | Item::Paragraph(text) | Item::Bullet { text, .. } => links_a_document(text),
                Item::Table(table) => table.head.iter().chain(table.rows.iter().flatten()).any(links_a_document),
                Item::Callout(items) => items.iter().any(depends_on_deck),
                Item::Image { .. } => true,
                Item::Code { .. } => false,
            }
        }
        self.notes.is_empty()
            && !links_a_document(&self.title_runs)
            && !self.footnotes.iter().any(links_a_document)
            && !self.body.iter().any(depends_on_deck)
    }

    /// The title as runs: the styled ones if any, else the plain title.
    pub fn title_text(&self) -> Text {
        if self.title_runs.is_empty() {
            vec![Run { text: self.title.clone(), ..Run::default() }]
        } else {
            self.title_runs.clone()
        }
    }
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
    /// The colour of highlighted code, which the deck's own colours do not replace.
    pub color: Option<[u8; 3]>,
}

impl Run {
    /// Whether the run shows more than plain text: emphasis, code, strike or a link.
    pub fn is_styled(&self) -> bool {
        self.bold || self.italic || self.code || self.strike || self.link.is_some()
    }
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
    /// Code, lines kept, and the language its fence names.
    Code {
        text: String,
        lang: Option<String>,
    },
    Table(Table),
    /// A callout: a box holding text items (the first its label).
    Callout(Vec<Item>),
    /// An image file of the render context (by asset key) with its alt text, drawn `width` ×
    /// `height` points, centred in the body.
    Image {
        key: String,
        alt: String,
        width: f32,
        height: f32,
    },
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
    /// The measured height of the header row (0 when it is not shown), then of each row.
    pub heights: Vec<f32>,
}

/// Whether a table's header row (`head`) shows any text: a table without one (an HTML table
/// of `<td>` cells only) shows no header row.
pub fn shows_head(head: &[Text]) -> bool {
    head.iter().any(|cell| cell.iter().any(|run| !run.text.trim().is_empty()))
}

impl Table {
    /// Whether the header row is shown: whether it has any text.
    pub fn has_head(&self) -> bool {
        shows_head(&self.head)
    }

    /// The table with only rows `rows` (a slide's share of a long table), the rest copied once
    /// for the part rather than the whole table.
    pub fn part(&self, rows: std::ops::Range<usize>) -> Table {
        Table {
            align: self.align.clone(),
            head: self.head.clone(),
            rows: self.rows[rows.clone()].to_vec(),
            widths: self.widths.clone(),
            size: self.size,
            heights: std::iter::once(self.heights[0])
                .chain(self.heights[rows.start + 1..rows.end + 1].iter().copied())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_go_to_slides_of_this_deck_or_to_the_other_deck() {
        let doc = |id: &str, anchor: Option<&str>| Link::Document { id: id.into(), anchor: anchor.map(Into::into) };
        let deck = Deck {
            title: "T".into(),
            document: Some("a/b/c".into()),
            folder: "a/b".into(),
            slides: vec![],
            copies: "c-images".into(),
            anchors: [("a/b/c".to_string(), 1), ("a/b/c#part".to_string(), 4)].into_iter().collect(),
            diagnostics: vec![],
            lang: None,
        };
        assert_eq!(deck.link_target(&doc("a/x/y", None), "pptx"), Some(Target::Url("../x/y.pptx".into())));
        assert_eq!(deck.link_target(&doc("a/b/d", Some("part")), "md"), Some(Target::Url("d.md".into())));
        assert_eq!(deck.link_target(&doc("a/b/c", Some("part")), "md"), Some(Target::Slide(4)));
        assert_eq!(deck.link_target(&doc("a/b/c", Some("gone")), "md"), Some(Target::Slide(1)));
        let site = Deck { document: None, folder: String::new(), anchors: BTreeMap::new(), ..deck };
        assert_eq!(site.link_target(&doc("a/b/c", None), "pptx"), Some(Target::Url("a/b/c.pptx".into())));
    }
}
