//! What a document's body refers to outside itself, gathered as it is written: the numbers of
//! bookmarks, footnotes, drawings and lists (one counter, so they never clash), the
//! relationships of hyperlinks and images (one of each target), the footnotes' XML and the
//! ordered lists that need a numbering instance of their own. A page has one; the book carries
//! one through its chapters.

use std::collections::BTreeMap;

/// The numbering instance of every bullet list; ordered lists get their own from 2 up.
pub const BULLETS: u32 = 1;

/// An image part of the package.
#[derive(Debug, Clone)]
pub struct Media {
    pub rel: String,
    /// The part name under `word/`, `media/image3.png`.
    pub name: String,
}

/// The references of one package.
#[derive(Debug)]
pub struct Refs {
    next: u32,
    /// Relationship id of each hyperlink target.
    pub links: BTreeMap<String, String>,
    /// The image of each asset key.
    pub media: BTreeMap<String, Media>,
    /// Each `<w:footnote>`, in order.
    pub notes: String,
    /// The numbering instance, nesting level and first number of each ordered list.
    pub ordered: Vec<(u32, usize, u64)>,
}

impl Default for Refs {
    fn default() -> Self {
        Refs {
            next: BULLETS + 1,
            links: BTreeMap::new(),
            media: BTreeMap::new(),
            notes: String::new(),
            ordered: Vec::new(),
        }
    }
}

impl Refs {
    /// A number not used before in this package.
    pub fn next(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    /// The relationship id of a hyperlink to `target`.
    pub fn link(&mut self, target: &str) -> String {
        let next = self.links.len() + 1;
        self.links.entry(target.to_string()).or_insert_with(|| format!("link{next}")).clone()
    }

    /// The image part of asset `key`, a file of extension `ext`.
    pub fn media(&mut self, key: &str, ext: &str) -> Media {
        let next = self.media.len() + 1;
        let make = || Media { rel: format!("image{next}"), name: format!("media/image{next}.{ext}") };
        self.media.entry(key.to_string()).or_insert_with(make).clone()
    }
}

/// The bookmark at heading `anchor` of document `doc` (at its title for `None`): a name Word
/// takes (a letter, then letters and digits, at most 40), the same wherever it is made, so a
/// page's link finds the bookmark in its sibling's document and in the book.
pub fn bookmark(doc: &str, anchor: Option<&str>) -> String {
    let key = match anchor {
        Some(anchor) => format!("{doc}#{anchor}"),
        None => doc.to_string(),
    };
    format!("h{}", &blake3::hash(key.as_bytes()).to_hex()[..20])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_targets_share_one_relationship() {
        let mut refs = Refs::default();
        assert_eq!((refs.next(), refs.next()), (2, 3));
        assert_eq!(refs.link("https://a.org"), refs.link("https://a.org"));
        assert_ne!(refs.link("https://a.org"), refs.link("https://b.org"));
        assert_eq!(refs.media("a.png", "png").name, "media/image1.png");
        assert_eq!(refs.media("a.png", "png").rel, "image1");
        let mark = bookmark("ladder/vp", Some("skills"));
        assert!(mark.len() <= 40 && mark.starts_with('h') && mark.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(mark, bookmark("ladder/vp", None));
    }
}
