//! A site's data files, which Jekyll's `{{ site.data.contact.slack.name }}` and Hugo's
//! `{{ .Site.Data.contact.slack.name }}` name: the YAML and JSON files of its `_data` (Jekyll)
//! and `data` (Hugo) folders, by file name and subfolder. A tag that names a value in them is
//! filled in rather than removed; without them the FT's FAQ read "the # slack channel".

use crate::capped;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The most bytes of data read from one file: the frontmatter's limit.
const MAX_BYTES: u64 = super::frontmatter::MAX_BYTES as u64;

/// The site's data files, read when a tag first names one, as one tree: `contact.slack.name`
/// for `_data/contact.yml`'s `slack.name`.
#[derive(Debug, Default)]
pub struct SiteData {
    root: PathBuf,
    /// The data files, relative to `root`, with the keys each is found under.
    files: Vec<(String, Vec<String>)>,
    tree: OnceLock<serde_json::Map<String, Value>>,
}

/// The ways a tag names the site's data, before the path into it.
const PREFIXES: [&str; 3] = ["site.data.", ".Site.Data.", "site.Data."];

impl SiteData {
    /// The data files among `others` (the files the listing found besides pages) below
    /// `root`, read when first asked.
    pub fn new(root: &Path, others: &[String]) -> SiteData {
        let files = others.iter().filter_map(|rel| Some((rel.clone(), data_path(rel)?))).collect();
        SiteData { root: root.to_path_buf(), files, tree: OnceLock::new() }
    }

    /// The files read into one tree. A file that does not read is passed over: its tags stay
    /// unresolved and warn. Where two data folders hold a file of one name, the first in name
    /// order is kept.
    fn tree(&self) -> &serde_json::Map<String, Value> {
        self.tree.get_or_init(|| {
            let mut data = serde_json::Map::new();
            for (rel, keys) in &self.files {
                if let Some(value) = read_value(&super::tree::on_disk(&self.root, rel), rel) {
                    insert(&mut data, keys, value);
                }
            }
            data
        })
    }

    /// The text of the value a tag's `name` (`site.data.contact.slack.name`) stands for, when
    /// it names a string, a number or a boolean of the data.
    pub fn lookup(&self, name: &str) -> Option<String> {
        let path = PREFIXES.iter().find_map(|p| name.strip_prefix(p))?;
        let mut keys = path.split('.');
        let mut value = self.tree().get(keys.next()?)?;
        for key in keys {
            value = match value {
                Value::Object(map) => map.get(key)?,
                Value::Array(items) => items.get(key.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        match value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// The keys a data file is found under (`_data/team/people.yml` gives `team`, `people`), if
/// `rel` is a YAML or JSON file inside a `_data` or `data` folder.
pub fn data_path(rel: &str) -> Option<Vec<String>> {
    let (stem, extension) = rel.rsplit_once('.')?;
    if !["yml", "yaml", "json"].contains(&extension.to_ascii_lowercase().as_str()) {
        return None;
    }
    let parts: Vec<&str> = stem.split('/').collect();
    let folder = parts[..parts.len() - 1].iter().rposition(|p| *p == "_data" || *p == "data")?;
    let keys: Vec<String> = parts[folder + 1..].iter().map(|k| k.to_string()).collect();
    (!keys.is_empty()).then_some(keys)
}

fn read_value(path: &Path, rel: &str) -> Option<Value> {
    let text = String::from_utf8(capped::read(path, MAX_BYTES).ok()?).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if rel.to_ascii_lowercase().ends_with(".json") {
        serde_json::from_str(text).ok()
    } else {
        serde_saphyr::from_str(text).ok()
    }
}

/// Puts `value` at `path` in `data`, unless a value is there already.
fn insert(data: &mut serde_json::Map<String, Value>, path: &[String], value: Value) {
    let Some((last, folders)) = path.split_last() else { return };
    let mut map = data;
    for folder in folders {
        let entry = map.entry(folder.clone()).or_insert_with(|| Value::Object(Default::default()));
        let Value::Object(inner) = entry else { return };
        map = inner;
    }
    map.entry(last.clone()).or_insert(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_values_of_the_data_files_by_file_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            ("site/_data/contact.yml", "slack:\n  name: eng-progression\n  url: https://x.slack.com/\nsize: 3\n"),
            ("data/team/people.json", r#"{"lead": {"name": "Ada"}, "names": ["Bo", "Cy"]}"#),
            ("notes/contact.yml", "slack:\n  name: elsewhere\n"),
            ("data/broken.yml", "a: [\n"),
        ];
        for (rel, text) in files {
            std::fs::create_dir_all(dir.path().join(rel).parent().unwrap()).unwrap();
            std::fs::write(dir.path().join(rel), text).unwrap();
        }
        let others: Vec<String> = files.iter().map(|(rel, _)| rel.to_string()).collect();
        let data = SiteData::new(dir.path(), &others);
        assert_eq!(data.lookup("site.data.contact.slack.name").as_deref(), Some("eng-progression"));
        assert_eq!(data.lookup(".Site.Data.contact.size").as_deref(), Some("3"));
        assert_eq!(data.lookup("site.Data.team.people.lead.name").as_deref(), Some("Ada"));
        assert_eq!(data.lookup("site.data.team.people.names.1").as_deref(), Some("Cy"));
        assert_eq!(data.lookup("site.data.contact.slack"), None, "a mapping is no text");
        assert_eq!(data.lookup("site.data.broken.a"), None, "a file that does not read gives nothing");
        assert_eq!(data.lookup("page.contact"), None);
    }
}
