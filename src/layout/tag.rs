//! The logical structure of laid-out pages, for readers that read aloud or reflow them: each
//! text run, image and link area carries a [`Tag`], the node of a [`Tree`] of semantic
//! [`Role`]s it belongs to, or [`Tag::ARTIFACT`] when it is decoration (running headers, page
//! numbers, leaders, a table header repeated on a later page). Fills and rules are always
//! decoration. Free of any output format: the PDF writer maps the roles to its structure types.

use super::Item;

/// The node of a [`Tree`] a drawn item belongs to, or [`Tag::ARTIFACT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag(u32);

impl Tag {
    /// Decoration, not part of the document's content.
    pub const ARTIFACT: Tag = Tag(u32::MAX);

    /// The node at `index` of a tree.
    pub fn new(index: usize) -> Tag {
        Tag(u32::try_from(index).unwrap_or(u32::MAX - 1).min(u32::MAX - 1))
    }

    /// The node's index in its tree; `None` for an artifact.
    pub fn index(self) -> Option<usize> {
        (self != Tag::ARTIFACT).then_some(self.0 as usize)
    }
}

impl Default for Tag {
    fn default() -> Tag {
        Tag::ARTIFACT
    }
}

/// The part a node plays in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A chapter, or a slide.
    Sect,
    /// A heading of level 1 to 6.
    H(u8),
    P,
    /// A list, its items, an item's marker and its body.
    L,
    LI,
    Lbl,
    LBody,
    BlockQuote,
    Code,
    Table,
    THead,
    TBody,
    TR,
    /// A header cell, heading its column (Markdown tables have only column headers).
    TH,
    TD,
    /// An image, with its text alternative.
    Figure(Box<str>),
    Link,
    /// A footnote's text.
    Note,
    /// A grouping of blocks (a callout), and its title.
    Div,
    Caption,
    /// A table of contents and its entries.
    TOC,
    TOCI,
}

/// A node: its role and its parent (`None` at the top).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: Role,
    pub parent: Option<Tag>,
}

/// The structure of some pages: nodes in the order they were opened, which is reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    /// Adds a node playing `role` under `parent` (an artifact parent puts it at the top).
    pub fn add(&mut self, role: Role, parent: Tag) -> Tag {
        let tag = Tag::new(self.nodes.len());
        self.nodes.push(Node { role, parent: parent.index().map(|_| parent) });
        tag
    }

    /// The node of `tag`; `None` for an artifact.
    pub fn node(&self, tag: Tag) -> Option<&Node> {
        self.nodes.get(tag.index()?)
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Appends the nodes of `other` at the top of this tree, and moves the tags of `items`
    /// (laid out with `other`) to them.
    pub fn graft<'i>(&mut self, other: Tree, items: impl IntoIterator<Item = &'i mut Item>) {
        let offset = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        let moved = |tag: Tag| match tag.index() {
            Some(_) => Tag(tag.0.saturating_add(offset).min(u32::MAX - 1)),
            None => tag,
        };
        self.nodes.extend(other.nodes.into_iter().map(|node| Node { parent: node.parent.map(moved), ..node }));
        for item in items {
            if let Some(tag) = item.tag_mut() {
                *tag = moved(*tag);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::LinkDest;

    #[test]
    fn grafted_nodes_keep_their_parents_and_items_follow() {
        let mut tree = Tree::default();
        tree.add(Role::P, Tag::ARTIFACT);
        let mut other = Tree::default();
        let table = other.add(Role::Table, Tag::ARTIFACT);
        let row = other.add(Role::TR, table);
        let dest = LinkDest::Uri("https://example.com".into());
        let mut items = vec![Item::Link { x: 0.0, y: 0.0, w: 1.0, h: 1.0, dest, tag: row }];
        tree.graft(other, &mut items);
        assert_eq!(tree.node(Tag(2)).unwrap().parent, Some(Tag(1)));
        assert_eq!(tree.node(Tag(1)).unwrap().parent, None);
        assert!(matches!(items[0], Item::Link { tag: Tag(2), .. }));
        assert_eq!(tree.node(Tag::ARTIFACT), None);
    }
}
