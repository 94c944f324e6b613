//! Which site generator a tree was written for, so that template tags (`{{ … }}`, `{% … %}`)
//! are read only where the site's dialect uses them: Jekyll, Hugo and Retype fill them in, and
//! a plain GitHub-flavoured tree shows them as text.

use crate::ir::Meta;
use std::path::Path;

/// A site generator whose pages may hold template tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Jekyll,
    Hugo,
    Retype,
}

/// The generator whose configuration sits in the content root or the folder above it (Hugo
/// keeps pages in `content/` beside its configuration, Jekyll sites often in `pages/`).
pub fn of_site(root: &Path) -> Option<Generator> {
    let parent = root.canonicalize().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    std::iter::once(root.to_path_buf()).chain(parent).find_map(|folder| of_folder(&folder))
}

fn of_folder(folder: &Path) -> Option<Generator> {
    let has = |name: &str| folder.join(name).is_file();
    if ["retype.yml", "retype.yaml", "retype.json"].into_iter().any(has) {
        return Some(Generator::Retype);
    }
    if ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"].into_iter().any(has) {
        return Some(Generator::Hugo);
    }
    if ["_config.yml", "_config.yaml"].into_iter().any(has) {
        return Some(Generator::Jekyll);
    }
    let hugo_config = ["config.toml", "config.yaml", "config.yml"].into_iter().any(|name| {
        let path = folder.join(name);
        path.is_file() && names_base_url(&path)
    });
    hugo_config.then_some(Generator::Hugo)
}

/// Whether a `config.*` file names Hugo's `baseURL` (read no further than its first 64 kB).
fn names_base_url(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    read.is_ok() && String::from_utf8_lossy(&head).lines().any(|l| l.trim_start().to_lowercase().starts_with("baseurl"))
}

/// The generator a page's frontmatter shows: Retype `order`, `label`, `icon`, `expanded`;
/// Hugo `weight`, `linktitle`, `draft`; Jekyll `layout`, `permalink`.
pub fn of_page(meta: &Meta) -> Option<Generator> {
    if meta.order.is_some() || meta.label.is_some() || meta.icon.is_some() || meta.expanded.is_some() {
        Some(Generator::Retype)
    } else if meta.weight.is_some() || meta.linktitle.is_some() || meta.draft.is_some() {
        Some(Generator::Hugo)
    } else if meta.layout.is_some() || meta.permalink.is_some() {
        Some(Generator::Jekyll)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configuration_files_name_the_generator() {
        let dir = tempfile::tempdir().unwrap();
        let pages = dir.path().join("content");
        std::fs::create_dir(&pages).unwrap();
        assert_eq!(of_site(&pages), None);
        std::fs::write(dir.path().join("config.toml"), "title = 'x'\n").unwrap();
        assert_eq!(of_site(&pages), None, "a config.toml without baseURL is not Hugo's");
        std::fs::write(dir.path().join("config.toml"), "baseURL = 'https://x.org/'\n").unwrap();
        assert_eq!(of_site(&pages), Some(Generator::Hugo));
        std::fs::write(pages.join("_config.yml"), "title: x\n").unwrap();
        assert_eq!(of_site(&pages), Some(Generator::Jekyll));
    }

    #[test]
    fn frontmatter_keys_name_the_generator() {
        let meta = |yaml: &str| super::super::frontmatter::parse(yaml).unwrap().meta;
        assert_eq!(of_page(&meta("order: 3\n")), Some(Generator::Retype));
        assert_eq!(of_page(&meta("weight: 3\n")), Some(Generator::Hugo));
        assert_eq!(of_page(&meta("permalink: /x/\n")), Some(Generator::Jekyll));
        assert_eq!(of_page(&meta("title: x\ntags: [a]\n")), None);
    }
}
