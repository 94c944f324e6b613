//! The book's outline gets a level per folder (the two tracks of a career ladder): as the
//! chapters come in order, which folder bookmarks each one opens and how much deeper its own
//! bookmarks go. Folders that hold every chapter add no level; a folder's index page stands for
//! the folder itself.

use crate::ir::{Collection, Document};

/// The folders open in the outline as the book's chapters come in order.
pub struct OutlineFolders<'a> {
    collection: &'a Collection,
    /// Leading folder names every chapter shares, which add no level.
    common: usize,
    /// Ids of the folders open, outermost first.
    open: Vec<String>,
}

/// A folder bookmark: its level, destination name and title.
pub type FolderMark = (u8, String, String);

impl<'a> OutlineFolders<'a> {
    pub fn new(collection: &'a Collection) -> Self {
        let mut docs = collection.documents.iter().map(|d| parts(&d.folder));
        let first: Vec<&str> = docs.next().unwrap_or_default();
        let common =
            docs.fold(first.len(), |n, parts| n.min(first.iter().zip(&parts).take_while(|(a, b)| a == b).count()));
        OutlineFolders { collection, common, open: Vec::new() }
    }

    /// How many levels deeper `doc`'s bookmarks go, and the folder bookmarks to put above its
    /// chapter; call for each chapter in book order.
    pub fn enter(&mut self, doc: &Document) -> (u8, Vec<FolderMark>) {
        let ids: Vec<String> = {
            let parts = parts(&doc.folder);
            (self.common + 1..=parts.len()).map(|n| parts[..n].join("/")).collect()
        };
        let shared = self.open.iter().zip(&ids).take_while(|(a, b)| a == b).count();
        self.open.truncate(shared);
        // The index page of a folder it opens is that folder's bookmark.
        let stands_for_folder =
            ids.len() > shared && ids.last().is_some_and(|id| self.folder_index(id) == Some(doc.id.as_str()));
        let mut marks = Vec::new();
        for (level, id) in ids.iter().enumerate().skip(shared) {
            if !(stands_for_folder && level + 1 == ids.len()) {
                marks.push((depth(level), format!("folder:{id}"), self.title(id)));
            }
            self.open.push(id.clone());
        }
        (depth(ids.len() - usize::from(stands_for_folder)), marks)
    }

    /// The document that is folder `id`'s own page, if it has one.
    fn folder_index(&self, id: &str) -> Option<&str> {
        self.collection.folders.iter().find(|f| f.id == id).and_then(|f| f.index.as_deref())
    }

    /// The folder's title, else its name.
    fn title(&self, id: &str) -> String {
        let folder = self.collection.folders.iter().find(|f| f.id == id);
        folder.map_or_else(|| id.rsplit('/').next().unwrap_or(id).to_string(), |f| f.title.clone())
    }
}

/// The names of a `/`-separated folder path.
fn parts(folder: &str) -> Vec<&str> {
    folder.split('/').filter(|p| !p.is_empty()).collect()
}

/// An outline level, capped at what a bookmark level holds.
fn depth(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}
