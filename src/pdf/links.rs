//! Where links go. Each link's action is decided as its page is written: a web address, a named
//! place in this PDF, or a place in another document's PDF. The named places come at the end,
//! as a name tree in leaves of a few hundred, with an alias for every name a link asked for
//! that no page carries: such a link shows its document's title, as the book's links to a
//! heading that moved away do.

use super::file::PdfFile;
use crate::layout::{dest_name, LinkDest};
use pdf_writer::types::ActionType;
use pdf_writer::{Name, Null, Ref, Str, TextStr};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Where links between documents go.
pub enum Links<'a> {
    /// A stand-alone guide (or deck) of document `this`: other documents are sibling files.
    Guide { this: &'a str },
    /// The book (or site deck): every document is inside.
    Book,
}

/// What clicking a link does.
pub enum Action {
    Uri(String),
    /// A named place in this file.
    GoTo(String),
    /// Another document's PDF: its file and the place in it (`None`: its first page).
    GoToR {
        file: String,
        dest: Option<String>,
    },
}

impl Links<'_> {
    /// The action of a link to `dest`. A jump inside this file names its exact place; `wanted`
    /// keeps each such name with the document's own place to fall back on.
    pub fn action(&self, dest: &LinkDest, wanted: &mut BTreeMap<String, String>) -> Action {
        match dest {
            LinkDest::Uri(uri) => Action::Uri(uri.clone()),
            LinkDest::Internal { doc, anchor } => {
                let exact = dest_name(doc, anchor.as_deref());
                match self {
                    Links::Guide { this } if this != doc => Action::GoToR {
                        file: crate::ir::relative_output(this, doc, "pdf"),
                        dest: anchor.as_ref().map(|a| dest_name(crate::ir::own_id(doc), Some(a))),
                    },
                    _ => {
                        wanted.entry(exact.clone()).or_insert_with(|| dest_name(doc, None));
                        Action::GoTo(exact)
                    }
                }
            }
        }
    }
}

impl Action {
    pub fn write(&self, mut action: pdf_writer::writers::Action) {
        match self {
            Action::Uri(uri) => {
                action.action_type(ActionType::Uri).uri(Str(uri.as_bytes()));
            }
            Action::GoTo(name) => {
                action.action_type(ActionType::GoTo).pair(Name(b"D"), Str(name.as_bytes()));
            }
            Action::GoToR { file, dest } => {
                action.action_type(ActionType::RemoteGoTo).new_window(false);
                action.file_spec().path(Str(file.as_bytes())).unic_file(TextStr(file));
                match dest {
                    Some(name) => {
                        action.pair(Name(b"D"), Str(name.as_bytes()));
                    }
                    None => {
                        action.insert(Name(b"D")).array().item(0).item(Name(b"Fit"));
                    }
                }
            }
        }
    }
}

/// How many names a leaf of the destination tree holds.
const LEAF: usize = 512;

/// Writes the named destinations of `places` (name, page, height to show from; the first place
/// of a name wins) and the aliases of `wanted`; returns the root of the name tree, if any. A
/// wanted name whose fallback is missing too shows `first` (a page and its top).
pub fn write_dests<W: Write>(
    file: &mut PdfFile<W>,
    places: &[(&str, Ref, f32)],
    wanted: &BTreeMap<String, String>,
    first: Option<(Ref, f32)>,
) -> io::Result<Option<Ref>> {
    let mut dests: BTreeMap<&str, (Ref, f32)> = BTreeMap::new();
    for &(name, page, top) in places {
        dests.entry(name).or_insert((page, top));
    }
    for (name, fallback) in wanted {
        if !dests.contains_key(name.as_str()) {
            if let Some(place) = dests.get(fallback.as_str()).copied().or(first) {
                dests.insert(name, place);
            }
        }
    }
    if dests.is_empty() {
        return Ok(None);
    }
    let entries: Vec<(&str, (Ref, f32))> = dests.into_iter().collect();
    let leaves: Vec<&[(&str, (Ref, f32))]> = entries.chunks(LEAF).collect();
    let root = file.alloc();
    let write_names = |dict: &mut pdf_writer::Dict, leaf: &[(&str, (Ref, f32))]| {
        let mut names = dict.insert(Name(b"Names")).array();
        for (name, (page, top)) in leaf {
            names.item(Str(name.as_bytes()));
            names.push().array().item(*page).item(Name(b"XYZ")).item(Null).item(*top).item(Null);
        }
    };
    if let [only] = leaves.as_slice() {
        file.object(root, |c| write_names(&mut c.indirect(root).dict(), only))?;
        return Ok(Some(root));
    }
    let mut kids = Vec::with_capacity(leaves.len());
    for leaf in &leaves {
        let id = file.alloc();
        file.object(id, |c| {
            let mut dict = c.indirect(id).dict();
            let (low, high) = (leaf[0].0, leaf[leaf.len() - 1].0);
            dict.insert(Name(b"Limits")).array().item(Str(low.as_bytes())).item(Str(high.as_bytes()));
            write_names(&mut dict, leaf);
        })?;
        kids.push(id);
    }
    file.object(root, |c| {
        c.indirect(root).dict().insert(Name(b"Kids")).array().items(kids.iter().copied());
    })?;
    Ok(Some(root))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Document, Object};

    /// Every name of the name tree at `id`, in order, after checking each leaf's limits.
    fn names(pdf: &Document, id: lopdf::ObjectId) -> Vec<String> {
        let node = pdf.get_dictionary(id).unwrap();
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            return kids.iter().flat_map(|kid| names(pdf, kid.as_reference().unwrap())).collect();
        }
        let entries = node.get(b"Names").and_then(Object::as_array).unwrap();
        let found: Vec<String> =
            entries.chunks(2).map(|pair| String::from_utf8(pair[0].as_str().unwrap().to_vec()).unwrap()).collect();
        if let Ok(limits) = node.get(b"Limits").and_then(Object::as_array) {
            assert_eq!(limits[0].as_str().unwrap(), found[0].as_bytes());
            assert_eq!(limits[1].as_str().unwrap(), found.last().unwrap().as_bytes());
        }
        found
    }

    #[test]
    fn many_places_go_in_leaves_and_a_missing_one_falls_back() {
        let mut file = PdfFile::new(Vec::new()).unwrap();
        let (catalog, pages, page, info) = (file.alloc(), file.alloc(), file.alloc(), file.alloc());
        let owned: Vec<String> = (0..1200).map(|i| format!("doc#h{i:04}")).chain(["doc".to_string()]).collect();
        let places: Vec<(&str, Ref, f32)> = owned.iter().map(|n| (n.as_str(), page, 700.0)).collect();
        let mut wanted = BTreeMap::new();
        let link = LinkDest::Internal { doc: "doc".into(), anchor: Some("gone".into()) };
        assert!(matches!(Links::Book.action(&link, &mut wanted), Action::GoTo(name) if name == "doc#gone"));
        let root = write_dests(&mut file, &places, &wanted, Some((page, 842.0))).unwrap().unwrap();
        file.object(page, |c| {
            c.page(page).parent(pages).media_box(pdf_writer::Rect::new(0.0, 0.0, 595.0, 842.0));
        })
        .unwrap();
        file.object(pages, |c| {
            c.pages(pages).kids([page]).count(1);
        })
        .unwrap();
        file.object(catalog, |c| {
            let mut cat = c.indirect(catalog).start::<pdf_writer::writers::Catalog>();
            cat.pages(pages).names().pair(Name(b"Dests"), root);
        })
        .unwrap();
        file.object(info, |c| {
            c.indirect(info).start::<pdf_writer::writers::DocumentInfo>();
        })
        .unwrap();
        let pdf = Document::load_mem(&file.finish(catalog, info, [0; 16]).unwrap()).unwrap();
        let all = names(&pdf, (root.get() as u32, 0));
        assert_eq!(all.len(), 1202, "every place and the alias");
        assert!(all.windows(2).all(|w| w[0] < w[1]), "in order");
        assert!(all.contains(&"doc#gone".to_string()));
        let tree = pdf.get_dictionary((root.get() as u32, 0)).unwrap();
        assert_eq!(tree.get(b"Kids").and_then(Object::as_array).unwrap().len(), 3, "leaves of 512");
    }
}
