//! The site's title as its generator's own configuration states it, for a site whose
//! `folio.toml` names none: Retype `branding.title`, MkDocs `site_name`, Hugo `title`, mdBook
//! `[book] title`, Docusaurus `title:` (read as text, never executed). Like the generator, the
//! configuration is looked for in the content root and the folder above it.

use crate::capped;
use serde::Deserialize;
use std::path::Path;

/// The most of a configuration file read: 1 MB, far past any real one.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The title the generator configuration in `root` or its parent gives, if any.
pub fn from_generator_config(root: &Path) -> Option<String> {
    let parent = root.canonicalize().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    std::iter::once(root.to_path_buf()).chain(parent).find_map(|folder| in_folder(&folder))
}

/// Reads a text file of a generator's configuration, or nothing when it is absent or too big.
pub fn read_config(path: &Path) -> Option<String> {
    let bytes = capped::read(path, MAX_CONFIG_BYTES).ok()?;
    String::from_utf8(bytes).ok()
}

fn in_folder(folder: &Path) -> Option<String> {
    let read = |name: &str| read_config(&folder.join(name)).map(|text| (name.to_string(), text));
    let files = [
        "retype.yml",
        "retype.yaml",
        "mkdocs.yml",
        "mkdocs.yaml",
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "config.toml",
        "config.yaml",
        "config.yml",
        "book.toml",
        "docusaurus.config.js",
        "docusaurus.config.ts",
    ];
    files.into_iter().filter_map(read).find_map(|(name, text)| title_in(&name, &text))
}

/// The title a configuration file of the given name holds.
fn title_in(name: &str, text: &str) -> Option<String> {
    let title = match name {
        "retype.yml" | "retype.yaml" => yaml::<Retype>(text)?.branding?.title,
        "mkdocs.yml" | "mkdocs.yaml" => yaml::<MkDocs>(text)?.site_name,
        "book.toml" => toml::from_str::<MdBook>(text).ok()?.book?.title,
        name if name.ends_with(".toml") => toml::from_str::<Titled>(text).ok()?.title,
        name if name.ends_with(".js") || name.ends_with(".ts") => docusaurus_title(text),
        _ => yaml::<Titled>(text)?.title,
    };
    title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty())
}

/// Reads YAML into `T`; a file that does not parse gives nothing.
pub fn yaml<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_saphyr::from_str(text).ok()
}

#[derive(Deserialize)]
struct Retype {
    branding: Option<Titled>,
}

#[derive(Deserialize)]
struct MkDocs {
    site_name: Option<String>,
}

#[derive(Deserialize)]
struct MdBook {
    book: Option<Titled>,
}

#[derive(Deserialize)]
struct Titled {
    title: Option<String>,
}

/// The first `title:` of a Docusaurus configuration followed by a quoted string: the site's,
/// which comes before the navbar's and the footer's.
fn docusaurus_title(text: &str) -> Option<String> {
    text.match_indices("title").find_map(|(at, _)| {
        let word_start = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let rest = text[at + "title".len()..].trim_start().strip_prefix(':')?.trim_start();
        let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\'' | '`'))?;
        let value = &rest[1..];
        word_start.then(|| value.find(quote).map(|end| value[..end].to_string()))?
    })
}

/// `career-ladder` becomes `Career Ladder`: the last resort for a site's title.
pub fn title_case(name: &str) -> String {
    name.replace(['-', '_'], " ")
        .split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_generator_names_its_title_in_its_own_way() {
        assert_eq!(title_in("retype.yml", "branding:\n  title: Ladder\n").as_deref(), Some("Ladder"));
        let mkdocs = "site_name: Docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n";
        assert_eq!(title_in("mkdocs.yml", mkdocs).as_deref(), Some("Docs"));
        assert_eq!(title_in("hugo.toml", "title = 'Hugo site'\n").as_deref(), Some("Hugo site"));
        assert_eq!(title_in("config.yaml", "title: Hugo YAML\n").as_deref(), Some("Hugo YAML"));
        assert_eq!(title_in("book.toml", "[book]\ntitle = \"The Book\"\n").as_deref(), Some("The Book"));
        let js = "const subtitle: 'x';\nconst config = {\n  title: 'My Site',\n  navbar: { title: 'Nav' },\n};\n";
        assert_eq!(title_in("docusaurus.config.js", js).as_deref(), Some("My Site"));
        assert_eq!(title_in("retype.yml", "input: .\n"), None);
    }

    #[test]
    fn a_folder_name_is_put_in_title_case() {
        assert_eq!(title_case("career-ladder"), "Career Ladder");
        assert_eq!(title_case("my_docs site"), "My Docs Site");
    }
}
