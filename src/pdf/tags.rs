//! The structure tree of a tagged PDF (PDF/UA-1), written as the pages come: each set of pages
//! brings its own tree of nodes ([`crate::layout::Tree`]); an element is made for a node when
//! its first content is written, so elements come in reading order and nodes with no content
//! leave none; a set's elements are written once its pages are. What stays until the end is
//! one reference a top-level element and one parent-tree entry a page and a link.

use super::file::PdfFile;
use crate::layout::{Role, Tag, Tree};
use pdf_writer::types::{StructRole, TableHeaderScope};
use pdf_writer::writers::{StructElement, StructTreeRoot};
use pdf_writer::{Ref, Str, TextStr};
use std::collections::BTreeSet;
use std::io::{self, Write};

/// The structure of a whole PDF being written: the Document element's children, with the page
/// each starts on, and the parent tree's entries.
pub struct Structure {
    root: Ref,
    document: Ref,
    top: Vec<(Ref, Ref)>,
    parents: Vec<(i32, Ref)>,
}

/// A child of an element: an element, marked content on a page, or an annotation.
enum Kid {
    Element(Ref),
    Content { page: Ref, mcid: i32 },
    Annotation { page: Ref, annotation: Ref },
}

/// The elements of one set of pages being written: the element of each node once it has content
/// and the page it starts on, and the children of all, each with its node's index, in the order
/// they came (twelve bytes a child: a page of 10 MB has millions).
pub struct Part<'t> {
    tree: &'t Tree,
    elements: Vec<Option<(Ref, Ref)>>,
    kids: Vec<(u32, Kid)>,
}

impl Structure {
    pub fn new<W: Write>(file: &mut PdfFile<W>) -> Structure {
        Structure { root: file.alloc(), document: file.alloc(), top: Vec::new(), parents: Vec::new() }
    }

    /// The structure tree root, for the catalog.
    pub fn root(&self) -> Ref {
        self.root
    }

    /// Starts writing the elements of pages tagged with `tree`.
    pub fn part<'t>(&self, tree: &'t Tree) -> Part<'t> {
        Part { tree, elements: vec![None; tree.len()], kids: Vec::new() }
    }

    /// The next key of the parent tree, for what `element` is the parent of.
    fn key(&mut self, element: Ref) -> i32 {
        let key = i32::try_from(self.parents.len()).unwrap_or(i32::MAX);
        self.parents.push((key, element));
        key
    }

    /// Puts first the top-level elements that start on the pages in `front`.
    pub fn move_to_front(&mut self, front: &BTreeSet<Ref>) {
        let (first, rest): (Vec<_>, Vec<_>) =
            std::mem::take(&mut self.top).into_iter().partition(|t| front.contains(&t.0));
        self.top = first.into_iter().chain(rest).collect();
    }

    /// Writes the Document element and the structure tree root with its parent tree.
    pub fn finish<W: Write>(&self, file: &mut PdfFile<W>) -> io::Result<()> {
        let (root, document) = (self.root, self.document);
        file.object(document, |c| {
            let mut element = c.indirect(document).start::<StructElement>();
            element.kind(StructRole::Document).parent(root);
            element.children().items(self.top.iter().map(|t| t.1));
        })?;
        file.object(root, |c| {
            let mut tree = c.indirect(root).start::<StructTreeRoot>();
            tree.child(document);
            let mut parent_tree = tree.parent_tree();
            let mut nums = parent_tree.nums();
            for &(key, parent) in &self.parents {
                nums.insert(key, parent);
            }
            drop(nums);
            drop(parent_tree);
            tree.parent_tree_next_key(i32::try_from(self.parents.len()).unwrap_or(i32::MAX));
        })
    }
}

impl Part<'_> {
    /// The element of node `tag`, made (with its ancestors) if it has none yet: the content on
    /// `page` is its first. `None` for an artifact.
    fn element<W: Write>(
        &mut self,
        file: &mut PdfFile<W>,
        structure: &mut Structure,
        tag: Tag,
        page: Ref,
    ) -> Option<Ref> {
        let index = tag.index().filter(|&i| i < self.elements.len())?;
        if let Some((element, _)) = self.elements[index] {
            return Some(element);
        }
        // The chain of nodes up to the first with an element, made top down.
        let mut chain = vec![index];
        let mut parent = self.tree.node(tag)?.parent;
        while let Some(index) = parent.and_then(Tag::index).filter(|&i| i < self.elements.len()) {
            if self.elements[index].is_some() {
                break;
            }
            chain.push(index);
            parent = self.tree.node(parent?)?.parent;
        }
        for &index in chain.iter().rev() {
            let element = file.alloc();
            self.elements[index] = Some((element, page));
            match self.tree.node(Tag::new(index)).and_then(|n| n.parent).and_then(Tag::index) {
                Some(parent) => self.kid(parent, Kid::Element(element)),
                None => structure.top.push((page, element)),
            }
        }
        self.elements[index].map(|(element, _)| element)
    }

    /// Gives the node at `index` its next child.
    fn kid(&mut self, index: usize, kid: Kid) {
        self.kids.push((u32::try_from(index).unwrap_or(u32::MAX), kid));
    }

    /// The children of each node in order, as ranges of `order`, which lists the children by
    /// node (a counting sort: linear, and stable).
    fn by_node(&self) -> (Vec<u32>, Vec<u32>) {
        let mut starts = vec![0u32; self.elements.len() + 1];
        for &(node, _) in &self.kids {
            starts[node as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut order = vec![0u32; self.kids.len()];
        for (k, &(node, _)) in self.kids.iter().enumerate() {
            order[next[node as usize] as usize] = k as u32;
            next[node as usize] += 1;
        }
        (starts, order)
    }

    /// Records the marked content of `page`, the node of each MCID in order, and writes the
    /// page's entry of the parent tree; returns its key, none for a page with no content.
    pub fn page<W: Write>(
        &mut self,
        file: &mut PdfFile<W>,
        structure: &mut Structure,
        page: Ref,
        mcids: &[Tag],
    ) -> io::Result<Option<i32>> {
        if mcids.is_empty() {
            return Ok(None);
        }
        let mut parents = Vec::with_capacity(mcids.len());
        for (mcid, &tag) in mcids.iter().enumerate() {
            let element = self.element(file, structure, tag, page).unwrap_or(structure.document);
            if let Some(index) = tag.index().filter(|&i| i < self.elements.len()) {
                self.kid(index, Kid::Content { page, mcid: i32::try_from(mcid).unwrap_or(i32::MAX) });
            }
            parents.push(element);
        }
        let array = file.alloc();
        file.object(array, |c| {
            c.indirect(array).array().items(parents);
        })?;
        Ok(Some(structure.key(array)))
    }

    /// Records link annotation `annotation` on `page` as a child of node `tag`; returns its key
    /// in the parent tree, none for an untagged link.
    pub fn link<W: Write>(
        &mut self,
        file: &mut PdfFile<W>,
        structure: &mut Structure,
        (page, annotation): (Ref, Ref),
        tag: Tag,
    ) -> Option<i32> {
        let element = self.element(file, structure, tag, page)?;
        self.kid(tag.index()?, Kid::Annotation { page, annotation });
        Some(structure.key(element))
    }

    /// Writes the elements made, a megabyte at a time.
    pub fn finish<W: Write>(self, file: &mut PdfFile<W>, structure: &Structure) -> io::Result<()> {
        let mut chunk = PdfFile::<W>::chunk();
        let mut objects = Vec::new();
        let (starts, order) = self.by_node();
        for (index, slot) in self.elements.iter().enumerate() {
            let kids =
                order[starts[index] as usize..starts[index + 1] as usize].iter().map(|&k| &self.kids[k as usize].1);
            let (Some((id, page)), Some(node)) = (slot, self.tree.node(Tag::new(index))) else { continue };
            let parent =
                node.parent.and_then(Tag::index).and_then(|p| self.elements[p]).map_or(structure.document, |e| e.0);
            if chunk.len() > 1 << 20 {
                file.put_all(&chunk, &objects)?;
                (chunk, objects) = (PdfFile::<W>::chunk(), Vec::new());
            }
            objects.push((*id, chunk.len()));
            let mut element = chunk.indirect(*id).start::<StructElement>();
            element.kind(struct_role(&node.role)).parent(parent).page(*page);
            match &node.role {
                Role::Figure(alt) => {
                    element.alt(TextStr(alt));
                }
                // PDF/UA-1 wants an ID on every note, unique in the file.
                Role::Note => {
                    element.id(Str(format!("note-{}", id.get()).as_bytes()));
                }
                Role::TH => {
                    element.attributes().push().table().scope(TableHeaderScope::Column);
                }
                _ => {}
            }
            write_kids(element.children(), kids, *page);
        }
        file.put_all(&chunk, &objects)
    }
}

fn write_kids<'k>(
    mut children: pdf_writer::writers::StructChildren,
    kids: impl Iterator<Item = &'k Kid>,
    first_page: Ref,
) {
    for kid in kids {
        match *kid {
            Kid::Element(element) => {
                children.struct_element(element);
            }
            Kid::Content { page, mcid } if page == first_page => {
                children.marked_content_id(mcid);
            }
            Kid::Content { page, mcid } => {
                children.marked_content_ref().page(page).marked_content_id(mcid);
            }
            Kid::Annotation { page, annotation } => {
                children.object_ref().page(page).object(annotation);
            }
        }
    }
}

/// The standard structure type of a role.
pub fn struct_role(role: &Role) -> StructRole {
    match role {
        Role::Sect => StructRole::Sect,
        Role::H(level) => {
            [StructRole::H1, StructRole::H2, StructRole::H3, StructRole::H4, StructRole::H5, StructRole::H6]
                [usize::from(level.clamp(&1, &6) - 1)]
        }
        Role::P => StructRole::P,
        Role::L => StructRole::L,
        Role::LI => StructRole::LI,
        Role::Lbl => StructRole::Lbl,
        Role::LBody => StructRole::LBody,
        Role::BlockQuote => StructRole::BlockQuote,
        Role::Code => StructRole::Code,
        Role::Table => StructRole::Table,
        Role::THead => StructRole::THead,
        Role::TBody => StructRole::TBody,
        Role::TR => StructRole::TR,
        Role::TH => StructRole::TH,
        Role::TD => StructRole::TD,
        Role::Figure(_) => StructRole::Figure,
        Role::Link => StructRole::Link,
        Role::Note => StructRole::Note,
        Role::Div => StructRole::Div,
        Role::Caption => StructRole::Caption,
        Role::TOC => StructRole::TOC,
        Role::TOCI => StructRole::TOCI,
    }
}
