//! Walking a content folder: which files are pages, which hold folder metadata, and the reading
//! order of siblings (the site's navigation, Docusaurus positions, Retype `order` descending,
//! Hugo `weight` ascending, then title).

use super::nav::{sidebar_position, SiteNav};
use crate::error::{Error, Result};
use crate::ir::{Document, Folder, Meta};
use std::cmp::Ordering;
use std::path::{Path, PathBuf};

/// Names of files that are a folder's own page.
pub const INDEX_PAGES: [&str; 3] = ["index", "_index", "README"];
/// Names of YAML files that hold a folder's metadata (Retype).
pub const FOLDER_META_FILES: [&str; 2] = ["index.yml", "index.yaml"];
/// The file every output folder of folio holds (its build lock, `driver::LOCK_FILE`): a folder
/// with it is another build's outputs, never content.
pub const OUTPUT_FOLDER_MARK: &str = ".folio-lock";

/// Folder names never read.
const SKIPPED_FOLDERS: [&str; 3] = ["node_modules", "_site", "target"];

/// The files of a content tree, relative to its root, `/`-separated, sorted by name.
#[derive(Debug, Default)]
pub struct Listing {
    pub pages: Vec<String>,
    pub folder_meta: Vec<String>,
    pub folders: Vec<String>,
    /// Every other file (images, `folio.toml`, data), which a build may depend on.
    pub others: Vec<String>,
    /// Entries passed over, with the reason: links that leave the root, loop or dangle.
    pub skipped: Vec<(String, String)>,
    /// Entries whose name is not UTF-8, listed under their lossy name (`�` for each bad byte);
    /// [`on_disk`] finds them.
    pub not_utf8: Vec<String>,
    /// Pages beside a single page read on its own, which are not loaded but which its links
    /// may name (`folio convert` links to their outputs).
    pub siblings: Vec<String>,
}

impl Listing {
    /// The listing of one page, the file at `path` (when it is not read from a folder).
    pub fn single(path: &Path) -> Listing {
        let raw = path.file_name().unwrap_or_default();
        let name = raw.to_string_lossy().into_owned();
        let not_utf8 = if raw.to_str().is_none() { vec![name.clone()] } else { Vec::new() };
        Listing { pages: vec![name], folders: vec![String::new()], not_utf8, ..Listing::default() }
    }
}

/// Why a FIFO, socket or device is skipped: reading one could wait forever.
const NOT_A_FILE: &str = "not a regular file (a pipe, socket or device)";

impl Listing {
    /// Every file a build depends on (pages, folder metadata, others), sorted.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = self.pages.iter().chain(&self.folder_meta).chain(&self.others).cloned().collect();
        files.sort();
        files
    }
}

/// Lists pages and folder metadata below `root`. Symbolic links to folders are not followed
/// (no loops, no escapes); hidden files and folders are skipped, and so are pipes, sockets and
/// devices. Nothing inside `exclude` (the output folder, canonical) is listed, whether it lies
/// in the tree or a symbolic link leads into it, and no folder holding [`OUTPUT_FOLDER_MARK`]
/// (another build's outputs): folio never reads its outputs as content.
pub fn walk(root: &Path, exclude: Option<&Path>) -> Result<Listing> {
    let mut listing = Listing { folders: vec![String::new()], ..Listing::default() };
    let canonical_root = root.canonicalize().map_err(|e| Error::io(root, e))?;
    let excluded_folder = exclude.and_then(|e| e.strip_prefix(&canonical_root).ok());
    let is_output = |target: &Path| exclude.is_some_and(|e| target.starts_with(e));
    // Folders still to read: as listed, and where they are.
    let mut pending = vec![(String::new(), root.to_path_buf())];
    while let Some((rel, dir)) = pending.pop() {
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let (name, lossy) = match entry.file_name().into_string() {
                Ok(name) => (name, false),
                Err(raw) => (raw.to_string_lossy().into_owned(), true),
            };
            if name.starts_with('.') {
                continue;
            }
            let file_type = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
            entries.push((name, file_type, entry.path(), lossy));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, file_type, path, lossy) in entries {
            let child = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
            if lossy {
                listing.not_utf8.push(child.clone());
            }
            if file_type.is_symlink() {
                match path.canonicalize() {
                    Err(e) => listing.skipped.push((child, format!("a symbolic link that cannot be followed ({e})"))),
                    Ok(target) if is_output(&target) => {}
                    Ok(target) if !target.starts_with(&canonical_root) => {
                        listing.skipped.push((child, "a symbolic link out of the content folder".to_string()))
                    }
                    Ok(target) if target.is_dir() => {
                        listing.skipped.push((child, "a symbolic link to a folder (not followed)".to_string()))
                    }
                    Ok(target) if !target.is_file() => listing.skipped.push((child, NOT_A_FILE.to_string())),
                    Ok(_) if is_page(&name) => listing.pages.push(child),
                    Ok(_) => listing.others.push(child),
                }
            } else if file_type.is_dir() {
                let output = excluded_folder.is_some_and(|e| e == Path::new(&child));
                if !output && path.join(OUTPUT_FOLDER_MARK).exists() {
                    listing.skipped.push((child, "the output folder of another folio build".to_string()));
                } else if !output && !SKIPPED_FOLDERS.contains(&name.as_str()) {
                    listing.folders.push(child.clone());
                    pending.push((child, path));
                }
            } else if !file_type.is_file() {
                listing.skipped.push((child, NOT_A_FILE.to_string()));
            } else if is_page(&name) {
                listing.pages.push(child);
            } else if FOLDER_META_FILES.contains(&name.as_str()) {
                listing.folder_meta.push(child);
            } else {
                listing.others.push(child);
            }
        }
    }
    listing.pages.sort();
    listing.folders.sort();
    listing.folder_meta.sort();
    listing.others.sort();
    Ok(listing)
}

/// The names of the pages in the folder of the page at `path`, but for itself, sorted.
pub fn pages_beside(path: &Path) -> Vec<String> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let own = path.file_name().and_then(|n| n.to_str());
    let entries = std::fs::read_dir(folder).into_iter().flatten().flatten();
    let files = entries.filter(|e| e.file_type().is_ok_and(|t| t.is_file()));
    let mut names: Vec<String> = files
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| is_page(name) && !name.starts_with('.') && Some(name.as_str()) != own)
        .collect();
    names.sort();
    names
}

/// Where the file listed as `rel` below `root` is on disk, for a reader that has only the
/// listed name: a name with `\u{fffd}` may stand for one that is not UTF-8, found by looking
/// for the entry whose lossy name it is.
pub fn on_disk(root: &Path, rel: &str) -> PathBuf {
    if !rel.contains('\u{fffd}') {
        return root.join(rel);
    }
    let mut path = root.to_path_buf();
    for part in rel.split('/') {
        let found = std::fs::read_dir(&path)
            .ok()
            .and_then(|entries| entries.flatten().map(|e| e.file_name()).find(|name| name.to_string_lossy() == part));
        path.push(found.unwrap_or_else(|| part.into()));
    }
    path
}

/// Whether a file name is a Markdown page (an MDX page among them).
pub fn is_page(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown") || lower.ends_with(".mdx")
}

/// Whether a document is its folder's own page.
pub fn is_index(doc: &Document) -> bool {
    let stem = doc.id.rsplit('/').next().unwrap_or(&doc.id);
    INDEX_PAGES.iter().any(|i| i.eq_ignore_ascii_case(stem))
}

/// Compares siblings in ladder order.
pub fn ladder_order(a: (&Meta, &str, &str), b: (&Meta, &str, &str)) -> Ordering {
    let (meta_a, title_a, id_a) = a;
    let (meta_b, title_b, id_b) = b;
    let order = meta_b.order.unwrap_or(0).cmp(&meta_a.order.unwrap_or(0));
    let weight = match (meta_a.weight, meta_b.weight) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    order.then(weight).then_with(|| title_a.to_lowercase().cmp(&title_b.to_lowercase())).then_with(|| id_a.cmp(id_b))
}

/// Puts documents in reading order: depth first, a folder's own page first, siblings
/// (pages and subfolders together) in the order the site's navigation lists them, then by
/// Docusaurus position, then in ladder order.
pub fn order_documents(folders: &[Folder], documents: Vec<Document>, nav: &SiteNav) -> Vec<Document> {
    let mut slots: Vec<Option<Document>> = documents.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    visit((folders, nav), "", &mut slots, &mut out);
    // Documents in folders that were not listed (cannot happen for walked trees) keep their place.
    out.extend(slots.into_iter().flatten());
    out
}

enum Child<'a> {
    Page(usize),
    Folder(&'a Folder),
}

/// What siblings are sorted by: the navigation's rank, the Docusaurus position, then the
/// ladder order's metadata, label and id.
struct SortKey {
    rank: Option<usize>,
    position: Option<f64>,
    meta: Meta,
    label: String,
    id: String,
}

impl SortKey {
    fn cmp(&self, other: &SortKey) -> Ordering {
        let first_given = |a: Option<Ordering>, b: bool, c: bool| match (b, c) {
            (true, true) => a.unwrap_or(Ordering::Equal),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => Ordering::Equal,
        };
        let rank =
            first_given(self.rank.zip(other.rank).map(|(a, b)| a.cmp(&b)), self.rank.is_some(), other.rank.is_some());
        let position = self.position.zip(other.position).and_then(|(a, b)| a.partial_cmp(&b));
        let position = first_given(position, self.position.is_some(), other.position.is_some());
        let ladder = ladder_order((&self.meta, &self.label, &self.id), (&other.meta, &other.label, &other.id));
        rank.then(position).then(ladder)
    }
}

fn visit(site: (&[Folder], &SiteNav), folder_id: &str, slots: &mut [Option<Document>], out: &mut Vec<Document>) {
    let (folders, nav) = site;
    let index = slots.iter().position(|d| d.as_ref().is_some_and(|d| d.folder == folder_id && is_index(d)));
    if let Some(i) = index {
        out.extend(slots[i].take());
    }
    let mut children: Vec<Child> = slots
        .iter()
        .enumerate()
        .filter(|(_, d)| d.as_ref().is_some_and(|d| d.folder == folder_id))
        .map(|(i, _)| Child::Page(i))
        .collect();
    children.extend(folders.iter().filter(|f| parent_of(&f.id) == Some(folder_id)).map(Child::Folder));
    let key = |c: &Child| -> SortKey {
        match c {
            Child::Page(i) => {
                let d = slots[*i].as_ref().expect("listed pages are present");
                let (rank, position) = (nav.rank(&d.source), sidebar_position(&d.meta));
                SortKey { rank, position, meta: d.meta.clone(), label: d.label().to_string(), id: d.id.clone() }
            }
            Child::Folder(f) => {
                let prefix = format!("{}/", f.id);
                let within = |d: &Document| d.folder == f.id || d.folder.starts_with(&prefix);
                let rank = slots.iter().flatten().filter(|d| within(d)).filter_map(|d| nav.rank(&d.source)).min();
                let position = nav.category(&f.id).and_then(|c| c.position);
                SortKey { rank, position, meta: f.meta.clone(), label: f.title.clone(), id: f.id.clone() }
            }
        }
    };
    let mut keyed: Vec<_> = children.into_iter().map(|c| (key(&c), c)).collect();
    keyed.sort_by(|(a, _), (b, _)| a.cmp(b));
    for (_, child) in keyed {
        match child {
            Child::Page(i) => out.extend(slots[i].take()),
            Child::Folder(f) => visit(site, &f.id, slots, out),
        }
    }
}

/// The parent folder id of a folder id; `None` for the root.
pub fn parent_of(id: &str) -> Option<&str> {
    if id.is_empty() {
        None
    } else {
        Some(id.rsplit_once('/').map_or("", |(parent, _)| parent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(order: Option<i64>, weight: Option<i64>) -> Meta {
        Meta { order, weight, ..Meta::default() }
    }

    #[test]
    fn retype_order_is_descending_and_hugo_weight_ascending() {
        let (a, b) = (meta(Some(2005), None), meta(Some(2001), None));
        assert_eq!(ladder_order((&a, "IC", "a"), (&b, "VP", "b")), Ordering::Less);
        let (c, d) = (meta(None, Some(1)), meta(None, Some(2)));
        assert_eq!(ladder_order((&c, "Z", "c"), (&d, "A", "d")), Ordering::Less);
        let (e, f) = (meta(None, None), meta(None, None));
        assert_eq!(ladder_order((&e, "alpha", "e"), (&f, "Beta", "f")), Ordering::Less);
    }
}
