//! The document outline (bookmarks): nested as the headings are, from the anchors that carry an
//! outline level, in page order; a book's chapters nested a level deeper per folder.

use super::file::PdfFile;
use super::id::FileId;
use super::mark::{Anchor, Mark};
use super::set::SetPages;
use pdf_writer::{Name, Ref, TextStr};
use std::io::{self, Write};

struct Node<'a> {
    level: u8,
    anchor: &'a Anchor,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Writes the outline and returns its root, or `None` when there are no headings. The titles
/// go into the file identifier `id`.
pub fn write_outline<W: Write>(file: &mut PdfFile<W>, anchors: &[Anchor], id: &mut FileId) -> io::Result<Option<Ref>> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for anchor in anchors {
        let Some((level, title)) = &anchor.mark.outline else { continue };
        while stack.last().is_some_and(|&top| nodes[top].level >= *level) {
            stack.pop();
        }
        let index = nodes.len();
        let parent = stack.last().copied();
        match parent {
            Some(p) => nodes[p].children.push(index),
            None => roots.push(index),
        }
        id.update(title.as_bytes());
        nodes.push(Node { level: *level, anchor, parent, children: Vec::new() });
        stack.push(index);
    }
    let (Some(&first), Some(&last)) = (roots.first(), roots.last()) else { return Ok(None) };
    let root = file.alloc();
    let ids: Vec<Ref> = nodes.iter().map(|_| file.alloc()).collect();
    // Each node's place among its siblings, for its previous and next links.
    let mut place = vec![0; nodes.len()];
    for siblings in std::iter::once(&roots).chain(nodes.iter().map(|n| &n.children)) {
        for (at, &node) in siblings.iter().enumerate() {
            place[node] = at;
        }
    }
    for (i, node) in nodes.iter().enumerate() {
        let siblings = node.parent.map_or(&roots, |p| &nodes[p].children);
        let at = place[i];
        let title = node.anchor.mark.outline.as_ref().map_or("", |(_, t)| t.as_str());
        let (page, top) = (node.anchor.page, node.anchor.mark.top);
        file.object(ids[i], |c| {
            let mut item = c.outline_item(ids[i]);
            item.title(TextStr(title)).parent(node.parent.map_or(root, |p| ids[p]));
            item.insert(Name(b"Dest"))
                .array()
                .item(page)
                .item(Name(b"XYZ"))
                .item(pdf_writer::Null)
                .item(top)
                .item(pdf_writer::Null);
            if at > 0 {
                item.prev(ids[siblings[at - 1]]);
            }
            if let Some(&next) = siblings.get(at + 1) {
                item.next(ids[next]);
            }
            if let (Some(&first), Some(&last)) = (node.children.first(), node.children.last()) {
                item.first(ids[first]).last(ids[last]).count(descendants(&nodes, i) as i32);
            }
        })?;
    }
    file.object(root, |c| {
        c.outline(root).first(ids[first]).last(ids[last]).count(nodes.len() as i32);
    })?;
    Ok(Some(root))
}

/// Nests the bookmarks of `set` (a book's chapter) `depth` levels deeper, under `folders`:
/// bookmarks, at the levels given, of the folders the chapter opens, placed where its first
/// bookmark is.
pub fn nest_outline(set: &mut SetPages, depth: u8, folders: &[(u8, String, String)]) {
    let mut marks = set.pages.iter_mut().flat_map(|p| &mut p.marks).filter(|m| m.outline.is_some()).peekable();
    let top = marks.peek().map_or(0.0, |m| m.top);
    for mark in marks {
        if let Some((level, _)) = &mut mark.outline {
            *level = level.saturating_add(depth);
        }
    }
    let Some(first) = set.pages.iter_mut().find(|p| p.marks.iter().any(|m| m.outline.is_some())) else { return };
    let above = folders.iter().map(|(level, name, title)| Mark {
        name: name.clone(),
        top,
        outline: Some((*level, title.clone())),
    });
    first.marks.splice(0..0, above);
}

fn descendants(nodes: &[Node], i: usize) -> usize {
    nodes[i].children.iter().map(|&c| 1 + descendants(nodes, c)).sum()
}
