//! The pages a page read on its own (`folio convert`) links to in other folders (`../b/other.md`)
//! whose files exist: they are its siblings too, so those links go to their outputs of the same
//! format, as links to the pages beside it do.

use super::tree::is_page;
use std::path::Path;

/// The relative paths, as the page at `path` writes them (without `#anchor` or `?query`), of
/// the Markdown pages in other folders it links to that exist on disk, sorted and once each.
pub fn pages_linked(path: &Path) -> Vec<String> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let too_big = std::fs::metadata(path).map_or(true, |m| m.len() > super::MAX_PAGE_BYTES);
    let Some(text) = (!too_big).then(|| std::fs::read_to_string(path).ok()).flatten() else { return Vec::new() };
    let mut found: Vec<String> = pulldown_cmark::Parser::new(&text)
        .filter_map(|event| match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => Some(dest_url),
            _ => None,
        })
        .filter_map(|url| {
            let target = url.split(['#', '?']).next().unwrap_or("").replace("%20", " ");
            let elsewhere = target.contains('/') && !target.starts_with('/') && !target.contains(':');
            (elsewhere && is_page(&target) && folder.join(&target).is_file()).then_some(target)
        })
        .collect();
    found.sort();
    found.dedup();
    found
}
