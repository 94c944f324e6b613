//! The loader: a content folder (or one file) to a [`Collection`] and its diagnostics.
//!
//! Pages are read and parsed in parallel; the result never depends on the thread count or on
//! the order in which the file system lists a folder.

mod code;
mod dialect;
mod frontmatter;
mod generator;
mod job_family;
mod linked;
mod links;
mod markdown;
mod mdx;
mod nav;
mod page;
mod redirect;
mod site_data;
mod site_title;
mod tree;

pub use markdown::MAX_DEPTH;
pub use tree::{is_page, ladder_order, on_disk, Listing, OUTPUT_FOLDER_MARK};

use crate::capped;
use crate::config::Config;
use crate::diag::{cap_per_file, Diagnostic, SourceText};
use crate::error::{Error, Result};
use crate::ir::{Collection, Document, Folder, Meta, IR_VERSION};
use page::{parse_page, title_from_stem, PageSource};
use rayon::prelude::*;
use site_data::SiteData;
use std::path::{Path, PathBuf};

/// Pages larger than this are refused with an error.
pub const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// A loaded content tree.
#[derive(Debug)]
pub struct Loaded {
    pub collection: Collection,
    pub diagnostics: Vec<Diagnostic>,
    /// The folder the collection was read from.
    pub root: PathBuf,
}

/// Loads a content folder, or a single Markdown file as a collection of one.
pub fn load(path: &Path, config: &Config) -> Result<Loaded> {
    let mut listing = list(path, None)?;
    if !path.is_dir() {
        listing.siblings = tree::pages_beside(path);
        listing.siblings.extend(linked::pages_linked(path));
    }
    Ok(load_listed(path, listing, config))
}

/// Lists what a content folder (or single Markdown file) holds, leaving out everything inside
/// `exclude`, the output folder (see `tree::walk`).
pub fn list(path: &Path, exclude: Option<&Path>) -> Result<Listing> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        let exclude = exclude.and_then(|e| e.canonicalize().ok());
        return tree::walk(path, exclude.as_deref());
    }
    let listing = Listing::single(path);
    if !tree::is_page(&listing.pages[0]) {
        return Err(Error::Usage(format!("{}: not a Markdown file (.md, .markdown or .mdx)", path.display())));
    }
    Ok(listing)
}

/// Loads what [`list`] found in `path`: the build lists once, hashes the files and loads them.
pub fn load_listed(path: &Path, listing: Listing, config: &Config) -> Loaded {
    load_listing(content_root(path), listing, config, &Pages::Disk)
}

/// The folder a content path is read relative to: itself, or a file's folder.
pub fn content_root(path: &Path) -> &Path {
    if path.is_dir() {
        path
    } else {
        path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
    }
}

/// Loads one page held in memory as a collection of one: for standard input, tests and
/// fuzzing. `name` is the page's file name, used for its id and in diagnostics.
pub fn load_bytes(name: &str, bytes: &[u8], config: &Config) -> Loaded {
    let listing = tree::Listing { pages: vec![name.to_string()], folders: vec![String::new()], ..Default::default() };
    let pages = Pages::Memory(bytes);
    load_listing(Path::new("."), listing, config, &pages)
}

/// Where page bytes come from.
enum Pages<'a> {
    Disk,
    Memory(&'a [u8]),
}

fn load_listing(root: &Path, mut listing: tree::Listing, config: &Config, pages: &Pages) -> Loaded {
    let mut diagnostics: Vec<Diagnostic> = listing
        .skipped
        .iter()
        .map(|(rel, why)| Diagnostic::warning(display_path(root, rel), 0, 0, format!("skipped: {why}")))
        .collect();
    for rel in &listing.not_utf8 {
        let message = "the name is not UTF-8; read, and named with `\u{fffd}` for each byte that is not";
        diagnostics.push(Diagnostic::warning(display_path(root, rel), 0, 0, message));
    }
    let nav = match pages {
        Pages::Disk => nav::SiteNav::read(root, &mut listing, &mut diagnostics),
        Pages::Memory(_) => nav::SiteNav::default(),
    };
    let root_name = match pages {
        Pages::Disk => root.canonicalize().ok().and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())),
        Pages::Memory(_) => None,
    }
    .unwrap_or_else(|| "site".to_string());
    let folder_metas: Vec<(String, Meta)> = listing
        .folder_meta
        .iter()
        .filter_map(|rel| {
            let folder = rel.rsplit_once('/').map_or("", |(f, _)| f).to_string();
            read_folder_meta((root, rel, &tree::on_disk(root, rel)), &mut diagnostics).map(|m| (folder, m))
        })
        .collect();
    let root_meta = folder_metas.iter().find(|(f, _)| f.is_empty()).map(|(_, m)| m);
    let configured_title = config
        .site
        .title
        .clone()
        .or_else(|| matches!(pages, Pages::Disk).then(|| site_title::from_generator_config(root)).flatten())
        .or_else(|| root_meta.and_then(|m| m.title.clone().or_else(|| m.label.clone())));
    let folder_title = site_title::title_case(&root_name);
    // Template tags (`{{ site.title }}`) are filled in before the root index page is read.
    let template_title = configured_title.clone().unwrap_or_else(|| folder_title.clone());
    let site_generator = match pages {
        Pages::Disk => generator::of_site(root),
        Pages::Memory(_) => None,
    };
    let site_data = match pages {
        Pages::Disk => SiteData::new(root, &listing.others),
        Pages::Memory(_) => SiteData::default(),
    };

    let mut results: Vec<(Option<Document>, Vec<Diagnostic>)> = listing
        .pages
        .par_iter()
        .map(|rel| {
            read_page(
                (root, rel, &tree::on_disk(root, rel)),
                (&template_title, &site_data),
                pages,
                config.build.warn_unknown_keys,
                site_generator,
            )
        })
        .collect();
    if let Pages::Disk = pages {
        // Job families kept as data become documents after the pages, in name order.
        results.par_extend(listing.others.par_iter().filter(|rel| job_family::is_candidate(rel)).map(|rel| {
            let display = display_path(root, rel);
            job_family::read((rel, &display, &tree::on_disk(root, rel)))
        }));
    }
    let mut documents: Vec<Document> = Vec::new();
    let mut ids = std::collections::HashMap::new();
    for (doc, mut diags) in results {
        diagnostics.append(&mut diags);
        let Some(doc) = doc.filter(|d| d.meta.draft != Some(true)) else { continue };
        // Two pages with one id (`a.md`, `a.markdown`) would write the same outputs; ids that
        // differ only in case would on case-insensitive file systems.
        match ids.entry(doc.id.to_lowercase()) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let message = format!("maps to the same output names as `{}`; skipped", first.get());
                diagnostics.push(Diagnostic::error(display_path(root, &doc.source), 0, 0, message));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(doc.source.clone());
                documents.push(doc);
            }
        }
    }

    let site_title = configured_title.or_else(|| root_index_title(&documents)).unwrap_or(folder_title);
    for doc in documents.iter_mut().filter(|d| d.meta.label.is_none()) {
        doc.meta.label = nav.titles.get(&doc.source).cloned();
    }
    let folders = build_folders((&listing.folders, &folder_metas, &nav), &documents, &site_title);
    let mut documents = tree::order_documents(&folders, documents, &nav);
    let index = links::LinkIndex::new(&documents, &config.build.allow_schemes)
        .with_siblings(&listing.siblings)
        .with_files(&listing.others);
    let warnings: Vec<Vec<Diagnostic>> = documents
        .par_iter_mut()
        .map(|doc| {
            let display = display_path(root, &doc.source);
            index.resolve_document(doc, &display)
        })
        .collect();
    diagnostics.extend(warnings.into_iter().flatten());
    let mut diagnostics = cap_per_file(diagnostics);
    attach_source_lines(root, &mut diagnostics, pages);
    diagnostics.sort();
    let title = folders.first().map_or(site_title, |f| f.title.clone());
    let collection = Collection { ir_version: IR_VERSION, title, folders, documents };
    Loaded { collection, diagnostics, root: root.to_path_buf() }
}

/// Shows the offending line under diagnostics that were made without the file's text at hand.
/// Each file is read and indexed once, however many diagnostics it has, and dropped before the
/// next is read: a large tree with warnings in every page never holds all its text again.
fn attach_source_lines(root: &Path, diagnostics: &mut [Diagnostic], pages: &Pages) {
    let mut wanting: Vec<&mut Diagnostic> =
        diagnostics.iter_mut().filter(|d| d.line > 0 && d.source_line.is_none()).collect();
    wanting.sort_by(|a, b| a.file.cmp(&b.file));
    for group in wanting.chunk_by_mut(|a, b| a.file == b.file) {
        let text = match pages {
            Pages::Memory(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
            Pages::Disk => {
                let path = Path::new(&group[0].file);
                let path = if path.exists() { path.to_path_buf() } else { root.join(&group[0].file) };
                std::fs::read_to_string(path).ok()
            }
        };
        let Some(text) = text else { continue };
        let source = SourceText::new(&text);
        for d in group.iter_mut() {
            **d = d.clone().with_source(&source);
        }
    }
}

/// The path shown in diagnostics for a file of the collection.
pub fn display_path(root: &Path, rel: &str) -> String {
    if root == Path::new(".") {
        rel.to_string()
    } else {
        root.join(rel).display().to_string()
    }
}

/// Reads and parses the page listed as `rel` below `root`, found at `path`.
fn read_page(
    (root, rel, path): (&Path, &str, &Path),
    (site_title, site_data): (&str, &SiteData),
    pages: &Pages,
    warn_unknown_keys: bool,
    site_generator: Option<generator::Generator>,
) -> (Option<Document>, Vec<Diagnostic>) {
    let display = display_path(root, rel);
    if let Pages::Memory(bytes) = pages {
        let result = parse_page(&PageSource {
            rel,
            display: &display,
            bytes,
            site_title,
            site_data,
            warn_unknown_keys,
            site_generator,
        });
        return (result.document, result.diagnostics);
    }
    // Listed as a file, but perhaps replaced since by a pipe, which could be waited on for ever.
    let bytes = match capped::read(path, MAX_PAGE_BYTES) {
        Ok(bytes) => bytes,
        Err(refused) => return (None, vec![Diagnostic::error(display, 0, 0, refused.to_string())]),
    };
    let result = parse_page(&PageSource {
        rel,
        display: &display,
        bytes: &bytes,
        site_title,
        site_data,
        warn_unknown_keys,
        site_generator,
    });
    (result.document, result.diagnostics)
}

fn read_folder_meta((root, rel, path): (&Path, &str, &Path), diagnostics: &mut Vec<Diagnostic>) -> Option<Meta> {
    let display = display_path(root, rel);
    let bytes = capped::read(path, frontmatter::MAX_BYTES as u64).map_err(|r| r.to_string());
    let text = match bytes.and_then(|b| String::from_utf8(b).map_err(|_| "not valid UTF-8".to_string())) {
        Ok(text) => text,
        Err(why) => {
            diagnostics.push(Diagnostic::error(display, 0, 0, why));
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match frontmatter::parse(text) {
        Ok(parsed) => Some(parsed.meta),
        Err(e) => {
            let message = format!("invalid folder metadata: {}", e.message);
            diagnostics.push(Diagnostic::error(display, e.line, e.column, message).with_source(&SourceText::new(text)));
            None
        }
    }
}

/// The title or label of the root folder's own page, or the title its first heading gives it
/// (not one made from its file name, `README`).
fn root_index_title(documents: &[Document]) -> Option<String> {
    let index = documents.iter().find(|d| d.folder.is_empty() && tree::is_index(d))?;
    // Compared without case: a title made from a file name may keep an acronym's capitals.
    let from_heading =
        (index.title.to_lowercase() != title_from_stem(&index.id).to_lowercase()).then(|| index.title.clone());
    index.meta.title.clone().or_else(|| index.meta.label.clone()).or(from_heading)
}

/// Folders that hold documents (directly or below), the root first, each before its children.
fn build_folders(
    (ids, metas, nav): (&[String], &[(String, Meta)], &nav::SiteNav),
    documents: &[Document],
    site_title: &str,
) -> Vec<Folder> {
    let mut folders = Vec::new();
    for id in ids {
        let prefix = format!("{id}/");
        if !id.is_empty() && !documents.iter().any(|d| d.folder == *id || d.folder.starts_with(&prefix)) {
            continue;
        }
        let index = documents.iter().find(|d| d.folder == *id && tree::is_index(d));
        let meta = metas
            .iter()
            .find(|(f, _)| f == id)
            .map(|(_, m)| m.clone())
            .or_else(|| index.map(|d| d.meta.clone()))
            .unwrap_or_default();
        let name = id.rsplit('/').next().unwrap_or(id);
        let title = if id.is_empty() {
            site_title.to_string()
        } else {
            meta.title
                .clone()
                .or_else(|| meta.label.clone())
                .or_else(|| nav.category(id).and_then(|c| c.label.clone()))
                .or_else(|| index.map(|d| d.title.clone()))
                .unwrap_or_else(|| title_from_stem(name))
        };
        folders.push(Folder { id: id.clone(), title, meta, index: index.map(|d| d.id.clone()) });
    }
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_deleted_between_listing_and_reading_is_an_error_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("kept.md"), "# Kept\n").unwrap();
        std::fs::write(dir.path().join("gone.md"), "# Gone\n").unwrap();
        let listing = tree::walk(dir.path(), None).unwrap();
        std::fs::remove_file(dir.path().join("gone.md")).unwrap();
        let loaded = load_listing(dir.path(), listing, &Config::default(), &Pages::Disk);
        let ids: Vec<&str> = loaded.collection.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["kept"]);
        let error = loaded.diagnostics.iter().find(|d| d.is_error()).expect("an error for the vanished page");
        assert!(error.file.ends_with("gone.md") && error.message.contains("cannot read"), "{error}");
    }
}
