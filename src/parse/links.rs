//! Link resolution: site-absolute (`/career-ladder/vp`), relative (`../vp.md`) and anchor
//! (`#key-skill-sets`) links become [`LinkTarget::Internal`]; the rest are external or, with a
//! warning, unresolved. A link to a scheme that runs code or reads the reader's files
//! (`javascript:`, `vbscript:`, `file:`, `data:`) is dropped for its text, with a warning,
//! unless `[build] allow_schemes` lets it through.

use super::tree::INDEX_PAGES;
use crate::config::UnsafeScheme;
use crate::diag::Diagnostic;
use crate::ir::walk::{query_blocks, walk_inline_lists};
use crate::ir::{BlockKind, Body, Document, Inline, LinkTarget, Span};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Extensions of links that name a page.
const PAGE_EXTENSIONS: [&str; 5] = ["md", "markdown", "mdx", "html", "htm"];

/// Everything link resolution needs to know about the collection.
pub struct LinkIndex {
    /// Page path (and aliases: a folder for its index page or else its first page, a
    /// permalink) to document id.
    paths: HashMap<String, String>,
    anchors: HashMap<String, HashSet<String>>,
    /// Unsafe schemes let through by `[build] allow_schemes`.
    allowed: Vec<UnsafeScheme>,
    /// The files of the tree that are not pages (images among them), from its root.
    files: HashSet<String>,
    /// The file names (without extension) of the documents in each folder, for hints.
    names: HashMap<String, Vec<String>>,
    /// The documents by file name (without extension, lower-cased), for hints.
    homes: HashMap<String, Vec<String>>,
}

impl LinkIndex {
    /// The index of `documents`, letting through links of the `allowed` unsafe schemes.
    pub fn new(documents: &[Document], allowed: &[UnsafeScheme]) -> Self {
        let mut paths = HashMap::new();
        // The heading ids of each document, read from the bodies in parallel.
        let ids: Vec<HashSet<String>> = documents
            .par_iter()
            .map(|doc| {
                let mut ids = HashSet::new();
                query_blocks(&doc.body().blocks, &mut |block| {
                    if let BlockKind::Heading { id, .. } = &block.kind {
                        ids.insert(id.clone());
                    }
                });
                ids
            })
            .collect();
        let mut anchors: HashMap<String, HashSet<String>> = HashMap::new();
        for doc in documents {
            paths.insert(doc.id.clone(), doc.id.clone());
            if let Some((folder, stem)) = doc.id.rsplit_once('/').or(Some(("", doc.id.as_str()))) {
                if INDEX_PAGES.iter().any(|i| i.eq_ignore_ascii_case(stem)) {
                    paths.entry(folder.to_string()).or_insert_with(|| doc.id.clone());
                }
            }
            if let Some(permalink) = &doc.meta.permalink {
                paths.entry(normalize(permalink.trim_matches('/'))).or_insert_with(|| doc.id.clone());
            }
            anchors.insert(doc.id.clone(), HashSet::new());
        }
        for (doc, ids) in documents.iter().zip(ids) {
            anchors.insert(doc.id.clone(), ids);
        }
        // A folder without an index page stands for its first page in reading order, as a
        // link to a folder of a GitHub tree shows what it holds; so does a path above
        // permalinks (`/competencies/` above `/competencies/junior/`).
        let (mut names, mut homes): (HashMap<String, Vec<String>>, HashMap<String, Vec<String>>) = Default::default();
        for doc in documents {
            let permalink = doc.meta.permalink.as_deref().map(|p| normalize(p.trim_matches('/')));
            for path in std::iter::once(doc.id.clone()).chain(permalink) {
                let mut folder = path.as_str();
                while let Some((parent, _)) = folder.rsplit_once('/') {
                    paths.entry(parent.to_string()).or_insert_with(|| doc.id.clone());
                    folder = parent;
                }
            }
            let (folder, name) = doc.id.rsplit_once('/').unwrap_or(("", &doc.id));
            names.entry(folder.to_string()).or_default().push(name.to_string());
            homes.entry(name.to_lowercase()).or_default().push(doc.id.clone());
        }
        LinkIndex { paths, anchors, allowed: allowed.to_vec(), files: HashSet::new(), names, homes }
    }

    /// Lets site-absolute images be found below the folders of the pages that show them: the
    /// `files` of the tree (paths from its root) that are not pages.
    pub fn with_files(mut self, files: &[String]) -> Self {
        self.files = files.iter().cloned().collect();
        self
    }

    /// Resolves every link of `doc`, returning warnings for those that point nowhere, and
    /// finds its site-absolute images.
    pub fn resolve_document(&self, doc: &mut Document, display: &str) -> Vec<Diagnostic> {
        let mut body = doc.body();
        let warnings = self.resolve_body(&doc.id, &mut body, display);
        if !self.files.is_empty() {
            for blocks in body.block_trees_mut() {
                walk_inline_lists(blocks, &mut |inlines| self.find_images(&doc.folder, inlines));
            }
        }
        doc.set_body(&body);
        warnings
    }

    /// Points each site-absolute image of `inlines` (`/media/roles.png`) that is not at that
    /// path from the content root, but is from a folder above the page's (a site whose source
    /// is a subfolder, as Jekyll's `site/`), at the file found from the deepest such folder.
    fn find_images(&self, folder: &str, inlines: &mut [Inline]) {
        for inline in inlines {
            let Inline::Image(image) = inline else { continue };
            let Some(absolute) = image.src.strip_prefix('/').filter(|s| !s.starts_with('/')) else { continue };
            let Some(key) = crate::ir::asset_key("", absolute) else { continue };
            if self.files.contains(&key) {
                continue;
            }
            let mut base = folder;
            while !base.is_empty() {
                if self.files.contains(&format!("{base}/{key}")) {
                    image.src = format!("/{base}/{key}");
                    break;
                }
                base = base.rsplit_once('/').map_or("", |(parent, _)| parent);
            }
        }
    }

    /// Resolves every link of the body of document `here`.
    fn resolve_body(&self, here: &str, body: &mut Body, display: &str) -> Vec<Diagnostic> {
        let mut warnings = Vec::new();
        let mut visit = |target: &mut LinkTarget, span: Span| {
            let LinkTarget::Unresolved { href } = target else { return true };
            if let Some(message) = self.refused(href) {
                warnings.push(Diagnostic::warning(display, span.line, span.column, message));
                return false;
            }
            let (resolved, problem) = self.resolve(here, href);
            if let Some(message) = problem {
                warnings.push(Diagnostic::warning(display, span.line, span.column, message));
            }
            *target = resolved;
            true
        };
        for blocks in body.block_trees_mut() {
            walk_inline_lists(blocks, &mut |inlines| resolve_links(inlines, &mut visit));
        }
        warnings
    }

    /// Why a link to `href` is dropped, if its scheme is unsafe and not allowed.
    fn refused(&self, href: &str) -> Option<String> {
        let unsafe_scheme = UnsafeScheme::from_name(&scheme(href)?).filter(|s| !self.allowed.contains(s))?;
        let scheme = unsafe_scheme.name();
        let shown: String = href.chars().take(60).collect();
        let more = if shown.len() < href.len() { "…" } else { "" };
        Some(format!(
            "link to `{shown}{more}` dropped, its text kept: a `{scheme}:` link can run code or read the reader's \
             files (let it through with [build] allow_schemes = [\"{scheme}\"])"
        ))
    }

    /// Lets links name the pages `siblings` (paths, from the folder of a page read on its own,
    /// of pages beside it or in other folders), which are not loaded: such a link is to the
    /// sibling, whose headings are not known.
    pub fn with_siblings(mut self, siblings: &[String]) -> Self {
        for name in siblings {
            let id = normalize(&strip_page_extension(name));
            self.paths.entry(id.clone()).or_insert(id);
        }
        self
    }

    /// Resolves one link written in document `from`; the second value explains a failure.
    pub fn resolve(&self, from: &str, href: &str) -> (LinkTarget, Option<String>) {
        let unresolved = |message: String| (LinkTarget::Unresolved { href: href.to_string() }, Some(message));
        if href.is_empty() || has_scheme(href) || href.starts_with("//") {
            return (LinkTarget::External { url: href.to_string() }, None);
        }
        let (path, anchor) = match href.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (href, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        let doc = if path.is_empty() {
            Some(from.to_string())
        } else if !is_page_path(path) {
            return (LinkTarget::External { url: href.to_string() }, None);
        } else {
            self.find_page(from, path)
        };
        let Some(doc) = doc else {
            let near = self.closest(from, path).or_else(|| self.elsewhere(from, path));
            let hint = near.map(|c| format!(" (did you mean `{c}`?)")).unwrap_or_default();
            return unresolved(format!("link `{href}` points to no page of this collection{hint}"));
        };
        let anchor = anchor.filter(|a| !a.is_empty()).map(str::to_string);
        if let Some(a) = &anchor {
            if self.anchors.get(&doc).is_some_and(|ids| !ids.contains(a)) {
                let message = format!("link `{href}`: `{doc}` has no heading with id `{a}`");
                return (LinkTarget::Internal { doc, anchor: None, href: href.to_string() }, Some(message));
            }
        }
        (LinkTarget::Internal { doc, anchor, href: href.to_string() }, None)
    }

    /// The link `path` as it would be written to the page of its folder whose file name it
    /// most likely misspells, by an edit or two (`./engineer.md` for `./engineers.md`,
    /// `/roles/engineer` for `/roles/engineers`).
    fn closest(&self, from: &str, path: &str) -> Option<String> {
        let from_folder = from.rsplit_once('/').map_or("", |(f, _)| f);
        let (written_folder, file) = path.trim_end_matches('/').rsplit_once('/').unwrap_or(("", path));
        let joined = match written_folder.strip_prefix('/') {
            // Below a base path (`/docs/…`), as `find_page` reads it.
            Some(absolute) => {
                let segments: Vec<&str> = absolute.split('/').collect();
                let mut folders = (0..=segments.len()).map(|skip| segments[skip..].join("/"));
                folders.find(|folder| self.names.contains_key(&normalize(folder)))?
            }
            None if path.starts_with('/') || from_folder.is_empty() => written_folder.to_string(),
            None => format!("{from_folder}/{written_folder}"),
        };
        let (stem, extension) = page_extension(file);
        let names = self.names.get(&normalize(&joined))?;
        // A typo is an edit or two (so the lengths differ by two at most); a name further off
        // is more likely another page.
        let length = stem.chars().count();
        let near_in_length = names.iter().map(String::as_str).filter(|n| n.chars().count().abs_diff(length) <= 2);
        let near = crate::diag::did_you_mean(stem, near_in_length)
            .filter(|near| strsim::osa_distance(&stem.to_lowercase(), near) <= 2)?;
        let folder = match path.starts_with('/') || !written_folder.is_empty() {
            true => format!("{written_folder}/"),
            false => String::new(),
        };
        Some(with_extension(format!("{folder}{near}"), extension))
    }

    /// The link `path` as it would be written to the one page of another folder that has the
    /// file name it names: a page that moved (`../managers/director.md` for `director.md`,
    /// `/managers/director` for `/director`). `None` when no page or several have it.
    fn elsewhere(&self, from: &str, path: &str) -> Option<String> {
        let file = path.trim_end_matches('/').rsplit('/').next().unwrap_or(path);
        let (stem, extension) = page_extension(file);
        let [target] = self.homes.get(&stem.to_lowercase())?.as_slice() else { return None };
        let from_folder = from.rsplit_once('/').map_or("", |(f, _)| f);
        let written = match path.starts_with('/') {
            true => format!("/{target}"),
            false => relative_path(from_folder, target),
        };
        Some(with_extension(written, extension))
    }

    fn find_page(&self, from: &str, path: &str) -> Option<String> {
        let from_folder = from.rsplit_once('/').map_or("", |(f, _)| f);
        if let Some(absolute) = path.strip_prefix('/') {
            let wanted = normalize(&strip_page_extension(absolute.trim_end_matches('/')));
            // A site may live below a base path (`/docs/…`): try ever shorter suffixes.
            let segments: Vec<&str> = wanted.split('/').collect();
            return (0..segments.len()).find_map(|skip| self.paths.get(&segments[skip..].join("/")).cloned());
        }
        let relative = strip_page_extension(path.trim_end_matches('/'));
        // Relative to the page's folder, then (Hugo's pretty URLs) to the page itself; a path
        // above the root names a sibling outside it, else is read from the root.
        [from_folder, from].iter().find_map(|base| {
            let joined = if base.is_empty() { relative.clone() } else { format!("{base}/{relative}") };
            let path = normalize(&joined);
            self.paths.get(&path).or_else(|| self.paths.get(path.trim_start_matches("../"))).cloned()
        })
    }
}

/// Applies `f` to the target of every link in `inlines` (whose own lists were walked before);
/// a link for which it answers `false` is replaced by its content.
fn resolve_links(inlines: &mut Vec<Inline>, f: &mut impl FnMut(&mut LinkTarget, Span) -> bool) {
    let mut i = 0;
    while i < inlines.len() {
        let Inline::Link(link) = &mut inlines[i] else {
            i += 1;
            continue;
        };
        if f(&mut link.target, link.span) {
            i += 1;
            continue;
        }
        // The link's content, already walked, takes its place.
        let content = std::mem::take(&mut link.content);
        let len = content.len();
        inlines.splice(i..=i, content);
        i += len;
    }
}

fn has_scheme(href: &str) -> bool {
    scheme(href).is_some()
}

/// The scheme of `href` in lower case, read as a browser does: leading spaces and control
/// characters, and tabs and line breaks anywhere, do not count.
fn scheme(href: &str) -> Option<String> {
    let cleaned: String =
        href.trim_start_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let valid = !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// The path of `target` (from the root, `/`-separated) as written from a page in `folder`.
fn relative_path(folder: &str, target: &str) -> String {
    let from: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let to: Vec<&str> = target.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

/// A file name's stem and its page extension (`md`, …), if it has one.
fn page_extension(file: &str) -> (&str, Option<&str>) {
    match file.rsplit_once('.') {
        Some((stem, e)) if PAGE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()) => (stem, Some(e)),
        _ => (file, None),
    }
}

/// `path` with `extension` after a dot, if there is one.
fn with_extension(path: String, extension: Option<&str>) -> String {
    match extension {
        Some(extension) => format!("{path}.{extension}"),
        None => path,
    }
}

/// Whether a local link names a page (no extension, or a page extension) rather than a file.
fn is_page_path(path: &str) -> bool {
    let name = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    name.rsplit_once('.').is_none() || page_extension(name).1.is_some()
}

fn strip_page_extension(path: &str) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if PAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) && !stem.ends_with('/') => {
            stem.to_string()
        }
        _ => path.to_string(),
    }
}

/// Folds `.` and `..` segments and percent-encoded spaces; `..` above the root is kept.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/").replace("%20", " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Block, Meta};

    fn doc(id: &str, heading: &str) -> Document {
        let heading =
            Block { span: Span::default(), kind: BlockKind::Heading { level: 2, id: heading.into(), content: vec![] } };
        let body = Body { blocks: vec![heading], footnotes: Vec::new(), ..Body::default() };
        Document::new(id.into(), String::new(), String::new(), String::new(), Meta::default(), &body)
    }

    fn internal<'a>(doc: &'a str, anchor: Option<&str>) -> impl Fn(&LinkTarget) -> bool + 'a {
        let anchor = anchor.map(str::to_string);
        move |t| matches!(t, LinkTarget::Internal { doc: d, anchor: a, .. } if d == doc && *a == anchor)
    }

    #[test]
    fn resolves_every_form() {
        let docs =
            vec![doc("ladder/ic/staff", "key-skill-sets"), doc("ladder/mgmt/vp", "scope"), doc("ladder/index", "x")];
        let index = LinkIndex::new(&docs, &[]);
        let from = "ladder/mgmt/vp";
        let check = |href: &str, want: &dyn Fn(&LinkTarget) -> bool| {
            let (target, problem) = index.resolve(from, href);
            assert!(want(&target) && problem.is_none(), "{href}: {target:?} {problem:?}");
        };
        check("/ladder/ic/staff", &internal("ladder/ic/staff", None));
        check("/base/path/ladder/ic/staff/", &internal("ladder/ic/staff", None));
        check("../ic/staff.md#key-skill-sets", &internal("ladder/ic/staff", Some("key-skill-sets")));
        check("#scope", &internal("ladder/mgmt/vp", Some("scope")));
        check("/ladder", &internal("ladder/index", None));
        check("../ic", &internal("ladder/ic/staff", None));
        check("/ladder/mgmt/", &internal("ladder/mgmt/vp", None));
        let mut junior = doc("pages/levels/junior", "x");
        junior.meta.permalink = Some("/competencies/junior/".into());
        let index = LinkIndex::new(&[junior], &[]);
        let (target, problem) = index.resolve("pages/levels/junior", "/competencies/");
        assert!(internal("pages/levels/junior", None)(&target) && problem.is_none(), "{target:?} {problem:?}");
        check("https://example.com/x", &|t| matches!(t, LinkTarget::External { .. }));
        check("../image.png", &|t| matches!(t, LinkTarget::External { .. }));
    }

    #[test]
    fn unknown_pages_and_anchors_are_reported() {
        let docs = vec![doc("a", "one")];
        let index = LinkIndex::new(&docs, &[]);
        let (target, problem) = index.resolve("a", "missing.md");
        assert!(matches!(target, LinkTarget::Unresolved { .. }));
        assert!(problem.unwrap().contains("missing.md"));
        let docs = vec![doc("roles/engineers", "one"), doc("roles/managers", "one")];
        let index = LinkIndex::new(&docs, &[]);
        let (_, problem) = index.resolve("roles/managers", "./engineer.md");
        assert!(problem.unwrap().ends_with("(did you mean `./engineers.md`?)"));
        let (_, problem) = index.resolve("roles/managers", "../roles/enginers#x");
        assert!(problem.unwrap().ends_with("(did you mean `../roles/engineers`?)"));
        let (_, problem) = index.resolve("roles/managers", "directors.md");
        assert!(!problem.unwrap().contains("did you mean"), "no page is near");
        let docs = vec![doc("ladder/ic/staff", "x"), doc("ladder/mgmt/directors", "x"), doc("ladder/mgmt/vp", "x")];
        let index = LinkIndex::new(&docs, &[]);
        let (_, problem) = index.resolve("ladder/ic/staff", "directors.md#scope");
        assert!(problem.unwrap().ends_with("(did you mean `../mgmt/directors.md`?)"), "a page that moved");
        let (_, problem) = index.resolve("ladder/index", "mgmt/Staff");
        assert!(problem.unwrap().ends_with("(did you mean `ic/staff`?)"));
        let (_, problem) = index.resolve("ladder/ic/staff", "/ladder/mgmt/director");
        assert!(problem.unwrap().ends_with("(did you mean `/ladder/mgmt/directors`?)"), "site-absolute");
        let (_, problem) = index.resolve("ladder/ic/staff", "/docs/ladder/mgmt/director");
        assert!(problem.unwrap().ends_with("(did you mean `/docs/ladder/mgmt/directors`?)"), "below a base path");
        let (_, problem) = index.resolve("ladder/ic/staff", "/directors.md");
        assert!(problem.unwrap().ends_with("(did you mean `/ladder/mgmt/directors.md`?)"), "moved, site-absolute");
        let docs = vec![doc("a/readme", "x"), doc("b/readme", "x"), doc("c/page", "x")];
        let (_, problem) = LinkIndex::new(&docs, &[]).resolve("c/page", "readme.md");
        assert!(!problem.unwrap().contains("did you mean"), "two folders have it");
        let docs = vec![doc("a", "one")];
        let index = LinkIndex::new(&docs, &[]);
        let (target, problem) = index.resolve("a", "#two");
        assert!(matches!(target, LinkTarget::Internal { anchor: None, .. }));
        assert!(problem.unwrap().contains("`two`"));
    }
}
