//! The reading order and navigation titles a site's generator states outside the pages: mdBook
//! `SUMMARY.md` (beside a `book.toml`), the `nav` of MkDocs' `mkdocs.yml`, and Docusaurus'
//! `_category_.json` (a folder's label and position) and `sidebar_position` (a page's).

use super::site_title::{read_config, yaml};
use super::tree::Listing;
use crate::diag::Diagnostic;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The navigation read from a site's generator files.
#[derive(Debug, Default)]
pub struct SiteNav {
    /// Pages (source paths) in the order a `SUMMARY.md` or `nav` lists them.
    rank: HashMap<String, usize>,
    /// The navigation title a `SUMMARY.md` or `nav` gives a page.
    pub titles: HashMap<String, String>,
    /// Folders' `_category_.json`: id to label and position.
    categories: HashMap<String, Category>,
}

/// A Docusaurus `_category_.json` (or `.yml`).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Category {
    pub label: Option<String>,
    pub position: Option<f64>,
}

/// The names of a Docusaurus folder's category file.
const CATEGORY_FILES: [&str; 3] = ["_category_.json", "_category_.yml", "_category_.yaml"];

impl SiteNav {
    /// Reads the navigation of the site in `root`. An mdBook `SUMMARY.md` is taken out of the
    /// listing's pages: it is the book's contents, not a chapter.
    pub fn read(root: &Path, listing: &mut Listing, diagnostics: &mut Vec<Diagnostic>) -> SiteNav {
        let mut nav = SiteNav::default();
        let summary = listing.pages.iter().position(|p| p == "SUMMARY.md");
        if let Some(at) = summary.filter(|_| beside_or_above(root, "book.toml")) {
            let rel = listing.pages.remove(at);
            listing.others.push(rel.clone());
            if let Some(text) = read_config(&root.join(&rel)) {
                nav.list(summary_links(&text));
            }
        } else if let Some(entries) = mkdocs_nav(root, diagnostics) {
            nav.list(entries);
        }
        for rel in &listing.others {
            let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
            if CATEGORY_FILES.contains(&name) {
                let category = read_config(&root.join(rel)).and_then(|t| yaml::<Category>(&t));
                nav.categories.insert(folder.to_string(), category.unwrap_or_default());
            }
        }
        nav
    }

    fn list(&mut self, entries: Vec<(String, Option<String>)>) {
        for (path, title) in entries {
            let next = self.rank.len();
            self.rank.entry(path.clone()).or_insert(next);
            if let Some(title) = title.filter(|t| !t.trim().is_empty()) {
                self.titles.entry(path).or_insert(title);
            }
        }
    }

    /// Where a page (by source path) comes in the listed order.
    pub fn rank(&self, source: &str) -> Option<usize> {
        self.rank.get(source).copied()
    }

    /// A folder's Docusaurus category, if it has one.
    pub fn category(&self, folder: &str) -> Option<&Category> {
        self.categories.get(folder)
    }
}

/// A page's Docusaurus `sidebar_position`.
pub fn sidebar_position(meta: &crate::ir::Meta) -> Option<f64> {
    meta.extra.get("sidebar_position").and_then(Value::as_f64)
}

/// Whether `name` is a file in `root` or the folder above it.
fn beside_or_above(root: &Path, name: &str) -> bool {
    root.join(name).is_file()
        || root.canonicalize().ok().and_then(|p| p.parent().map(|p| p.join(name).is_file())) == Some(true)
}

/// The links of an mdBook `SUMMARY.md`, in order, with their text.
fn summary_links(text: &str) -> Vec<(String, Option<String>)> {
    let mut links = Vec::new();
    let mut open: Option<(String, String)> = None;
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => open = Some((dest_url.to_string(), String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, title)) = open.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, title)) = open.take() {
                    links.extend(normalize(&dest, "").map(|path| (path, Some(title))));
                }
            }
            _ => {}
        }
    }
    links
}

#[derive(Deserialize)]
struct MkDocs {
    docs_dir: Option<String>,
    nav: Option<Value>,
}

/// The pages the `nav` of an `mkdocs.yml` in `root` or the folder above lists, as source paths
/// relative to `root`, with their titles.
fn mkdocs_nav(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Vec<(String, Option<String>)>> {
    let canonical = root.canonicalize().ok()?;
    let (folder, text) = std::iter::once(canonical.clone())
        .chain(canonical.parent().map(Path::to_path_buf))
        .find_map(|f| ["mkdocs.yml", "mkdocs.yaml"].iter().find_map(|n| read_config(&f.join(n))).map(|t| (f, t)))?;
    let Some(config) = yaml::<MkDocs>(&text) else {
        let message = "mkdocs.yml does not parse; its nav is not read";
        diagnostics.push(Diagnostic::warning(folder.join("mkdocs.yml").display().to_string(), 0, 0, message));
        return None;
    };
    let docs = folder.join(config.docs_dir.as_deref().unwrap_or("docs"));
    let prefix = match docs.canonicalize().ok()?.strip_prefix(&canonical) {
        Ok(inside) if inside.as_os_str().is_empty() => String::new(),
        Ok(inside) => format!("{}/", inside.to_string_lossy().replace('\\', "/")),
        Err(_) => return None,
    };
    let mut entries = Vec::new();
    nav_entries(config.nav.as_ref()?, None, &prefix, &mut entries);
    Some(entries)
}

/// Walks a `nav` value: a page path, `{Title: path}`, or `{Section: [entries]}`.
fn nav_entries(value: &Value, title: Option<&str>, prefix: &str, out: &mut Vec<(String, Option<String>)>) {
    match value {
        Value::String(path) => out.extend(normalize(path, prefix).map(|p| (p, title.map(str::to_string)))),
        Value::Array(items) => items.iter().for_each(|item| nav_entries(item, None, prefix, out)),
        Value::Object(map) => map.iter().for_each(|(key, item)| nav_entries(item, Some(key), prefix, out)),
        _ => {}
    }
}

/// A link to a local Markdown page as a source path below the root: `./a/b.md` is `a/b.md`.
/// Remote links and anything that is not a page give nothing.
fn normalize(dest: &str, prefix: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next()?;
    if path.contains("://") || !super::tree::is_page(path) {
        return None;
    }
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    Some(format!("{prefix}{}", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_links_come_in_order_with_their_titles() {
        let text = "# Summary\n\n[Intro](./intro.md)\n\n- [One](ch/one.md)\n  - [Two `x`](ch/two.md#a)\n- [Web](https://x.org)\n";
        let links = summary_links(text);
        let expected = [("intro.md", "Intro"), ("ch/one.md", "One"), ("ch/two.md", "Two x")];
        assert_eq!(links, expected.map(|(p, t)| (p.to_string(), Some(t.to_string()))));
    }

    #[test]
    fn nav_entries_read_pages_titles_and_sections() {
        let nav: Value = serde_json::json!(["index.md", {"Guide": [{"Start": "guide/start.md"}, "guide/more.md"]}, {"Site": "https://x.org"}]);
        let mut out = Vec::new();
        nav_entries(&nav, None, "docs/", &mut out);
        let expected = [("docs/index.md", None), ("docs/guide/start.md", Some("Start")), ("docs/guide/more.md", None)];
        assert_eq!(out, expected.map(|(p, t)| (p.to_string(), t.map(str::to_string))));
    }
}
