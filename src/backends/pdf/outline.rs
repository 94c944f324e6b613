//! The document outline (bookmarks): nested as the headings are, from the anchors that carry an
//! outline level, in page order.

use super::fonts::text_string;
use super::hash::Hasher;
use super::writer::{xyz, Anchor};
use lopdf::{Dictionary, Document, Object, ObjectId};

struct Node {
    level: u8,
    title: String,
    dest: Object,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// Writes the outline and returns its root, or `None` when there are no headings.
pub fn write_outline(doc: &mut Document, anchors: &[Anchor], hasher: &mut Hasher) -> Option<ObjectId> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut roots = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for anchor in anchors {
        let Some((level, title)) = &anchor.outline else { continue };
        while stack.last().is_some_and(|&top| nodes[top].level >= *level) {
            stack.pop();
        }
        let index = nodes.len();
        let parent = stack.last().copied();
        match parent {
            Some(p) => nodes[p].children.push(index),
            None => roots.push(index),
        }
        hasher.write(title.as_bytes());
        let dest = xyz(anchor.page, anchor.top);
        nodes.push(Node { level: *level, title: title.clone(), dest, parent, children: Vec::new() });
        stack.push(index);
    }
    if nodes.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| doc.new_object_id()).collect();
    for (i, node) in nodes.iter().enumerate() {
        let siblings = match node.parent {
            Some(p) => &nodes[p].children,
            None => &roots,
        };
        let at = siblings.iter().position(|&s| s == i).expect("a node is among its parent's children");
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&node.title));
        dict.set("Parent", node.parent.map_or(root, |p| ids[p]));
        dict.set("Dest", node.dest.clone());
        if at > 0 {
            dict.set("Prev", ids[siblings[at - 1]]);
        }
        if let Some(&next) = siblings.get(at + 1) {
            dict.set("Next", ids[next]);
        }
        if let (Some(&first), Some(&last)) = (node.children.first(), node.children.last()) {
            dict.set("First", ids[first]);
            dict.set("Last", ids[last]);
            dict.set("Count", descendants(&nodes, i) as i64);
        }
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    let mut dict = Dictionary::new();
    dict.set("Type", "Outlines");
    dict.set("First", ids[roots[0]]);
    dict.set("Last", ids[*roots.last().expect("roots are not empty")]);
    dict.set("Count", nodes.len() as i64);
    doc.objects.insert(root, Object::Dictionary(dict));
    Some(root)
}

fn descendants(nodes: &[Node], i: usize) -> usize {
    nodes[i].children.iter().map(|&c| 1 + descendants(nodes, c)).sum()
}
