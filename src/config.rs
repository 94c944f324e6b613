//! `folio.toml`: site-wide settings and one section per backend, each read by its own backend.
//!
//! ```toml
//! [site]
//! title = "Engineering Career Ladder"
//!
//! [build]
//! formats = ["pdf", "xlsx", "slides", "json"]
//! out = "out"
//!
//! [fonts]        # one font setting for every format
//! fallback = ["Noto Sans CJK SC"]
//!
//! [pdf]          # read by the PDF backend, and so on for every backend
//! paper = "a4"
//! ```

mod color;
mod fonts;
mod keys;
mod paper;
mod scheme;
mod standards;

pub use crate::ir::Lang;
pub use color::Color;
pub use fonts::FontsConfig;
pub use paper::Paper;
pub use scheme::UnsafeScheme;
pub use standards::{PdfA, Standards};

use crate::error::{Error, Result};
use keys::Placed;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What `folio init` writes: every setting with its default, commented out.
pub const DEFAULT_CONFIG: &str = include_str!("default_config.toml");

/// The largest configuration file read: 1 MB (the full default file is under 10 KB).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The name of the configuration file looked for at the content root.
pub const CONFIG_FILE: &str = "folio.toml";

/// The whole configuration. Backend sections stay as TOML tables until the backend reads them
/// with [`Config::section`], so a new backend (or an external one) brings its own settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Config {
    #[serde(default)]
    pub site: SiteConfig,
    #[serde(default)]
    pub build: BuildConfig,
    #[serde(default)]
    pub fonts: FontsConfig,
    /// `[pdf]`, `[xlsx]`, `[slides]`, … as written.
    #[serde(flatten)]
    #[schemars(with = "BTreeMap<String, serde_json::Value>")]
    pub sections: BTreeMap<String, toml::Value>,
    /// Where the configuration came from, for error messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// The text it was read from, to point errors at their line and column.
    #[serde(skip)]
    text: Option<String>,
}

/// `[site]`: facts about the whole content tree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Title of the book, the site workbook and the site deck.
    pub title: Option<String>,
    /// Author written into document metadata.
    pub author: Option<String>,
    /// Language of the text, as a BCP 47 tag (`en` when not set), declared in tagged PDFs.
    pub lang: Option<Lang>,
}

/// `[build]`: what `folio build` makes by default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildConfig {
    /// Formats to build; all built-in formats when empty.
    #[serde(default)]
    pub formats: Vec<String>,
    /// Output folder, relative to the current directory.
    pub out: Option<PathBuf>,
    /// Warn about frontmatter keys folio does not know.
    #[serde(default)]
    pub warn_unknown_keys: bool,
    /// Link schemes kept although they can run code or read local files (`javascript`,
    /// `vbscript`, `file`, `data`); links to them are dropped otherwise.
    #[serde(default)]
    pub allow_schemes: Vec<UnsafeScheme>,
}

impl Config {
    /// Reads `path`, reporting the line and column of any TOML error. A file past
    /// [`MAX_CONFIG_BYTES`], or a pipe or device, is refused unread.
    pub fn load(path: &Path) -> Result<Config> {
        let refused = |why: String| Error::Usage(format!("{}: {why}", path.display()));
        let bytes = crate::capped::read(path, MAX_CONFIG_BYTES).map_err(|r| refused(r.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|_| refused("not valid UTF-8".into()))?;
        let mut config = Config { path: Some(path.to_path_buf()), text: Some(text), ..Config::default() };
        config.check_keys::<SiteConfig>("site")?;
        config.check_keys::<BuildConfig>("build")?;
        config.check_keys::<FontsConfig>("fonts")?;
        let text = config.text.as_deref().unwrap_or_default();
        let parsed: Config = toml::from_str(text).map_err(|e| {
            let named = e.span().and_then(|span| config.named_at(span.start)).unwrap_or_default();
            config.error_at(e.span(), &format!("{named}{}", e.message().trim_end()))
        })?;
        let mut parsed = Config { path: config.path.take(), text: config.text.take(), ..parsed };
        parsed.fonts.resolve_paths(path.parent().unwrap_or(Path::new("")));
        Ok(parsed)
    }

    /// The explicit file if given, else `folio.toml` at the content root if it exists,
    /// else the defaults.
    pub fn discover(explicit: Option<&Path>, content_root: &Path) -> Result<Config> {
        if let Some(path) = explicit {
            if !path.exists() {
                let message = format!("--config {}: no such file; give the path of a folio.toml", path.display());
                return Err(Error::Usage(message));
            }
            return Config::load(path);
        }
        let candidate = content_root.join(CONFIG_FILE);
        if candidate.is_file() {
            Config::load(&candidate)
        } else {
            Ok(Config::default())
        }
    }

    /// Checks that every section is one of `known`: an unknown one is an error at its place
    /// naming the closest known one.
    pub fn check_sections(&self, known: &[&str]) -> Result<()> {
        let written = match self.text.as_deref() {
            Some(text) => placed_names(toml::de::DeTable::parse(text).ok().map(|t| t.into_inner()).as_ref()),
            None => self.sections.keys().map(|name| (name.clone(), None)).collect(),
        };
        match keys::first_unknown(written, known, "section", |name| format!("[{name}]")) {
            Some((span, message)) => Err(self.error_at(span, &message)),
            None => Ok(()),
        }
    }

    /// Checks that every key of `[section]` is one that `T` reads: an unknown one is an error
    /// at its place naming the closest known one.
    fn check_keys<T: DeserializeOwned>(&self, section: &str) -> Result<()> {
        let written = match self.text.as_deref() {
            Some(text) => section_value(text, section).map_or_else(Vec::new, |value| match value.into_inner() {
                toml::de::DeValue::Table(table) => placed_names(Some(&table)),
                _ => Vec::new(),
            }),
            None => match self.sections.get(section) {
                Some(toml::Value::Table(table)) => table.keys().map(|key| (key.clone(), None)).collect(),
                _ => Vec::new(),
            },
        };
        let quoted = |key: &str| format!("`{key}`");
        match keys::first_unknown(written, keys::fields::<T>(), "key", quoted) {
            Some((span, message)) => Err(self.error_at(span, &format!("[{section}] {message}"))),
            None => Ok(()),
        }
    }

    /// Reads a backend's section into its settings type; a missing section gives the defaults.
    /// An error points at the offending key or value in the file.
    pub fn section<T: DeserializeOwned + Default>(&self, name: &str) -> Result<T> {
        let Some(value) = self.sections.get(name) else { return Ok(T::default()) };
        self.check_keys::<T>(name)?;
        value.clone().try_into().map_err(|e: toml::de::Error| {
            // Read again from the text, which knows where each value is, for the place.
            let placed = self
                .text
                .as_deref()
                .and_then(|text| section_value(text, name))
                .and_then(|value| T::deserialize(toml::de::ValueDeserializer::from(value)).err());
            let e = placed.unwrap_or(e);
            let named = e.span().and_then(|span| self.named_at(span.start));
            let message = e.message().trim_end().replace('\n', " ");
            self.error_at(e.span(), &format!("{}{message}", named.unwrap_or_else(|| format!("[{name}] "))))
        })
    }

    /// `[section] key: ` of the value that holds byte `at` of the file, for an error's message.
    fn named_at(&self, at: usize) -> Option<String> {
        let root = toml::de::DeTable::parse(self.text.as_deref()?).ok()?.into_inner();
        root.iter().find_map(|(section, value)| {
            let toml::de::DeValue::Table(table) = value.get_ref() else { return None };
            let (key, _) = table.iter().find(|(_, value)| value.span().contains(&at))?;
            Some(format!("[{}] {}: ", section.get_ref(), key.get_ref()))
        })
    }

    /// An error about the value of `key` in `[section]`, pointing at it when the file has it.
    pub fn invalid(&self, section: &str, key: &str, message: &str) -> Error {
        let value = self.text.as_deref().and_then(|text| section_value(text, section));
        let span = value.and_then(|v| v.get_ref().get(key).map(toml::Spanned::span));
        self.error_at(span, &format!("[{section}] {key}: {message}"))
    }

    /// A configuration error at byte range `span` of the file, when known.
    fn error_at(&self, span: Option<std::ops::Range<usize>>, message: &str) -> Error {
        let path = self.path.as_deref().unwrap_or(Path::new(CONFIG_FILE)).display().to_string();
        let place = match (span, self.text.as_deref()) {
            (Some(span), Some(text)) => {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
                format!("{path}:{line}:{column}")
            }
            _ => path,
        };
        Error::Config { place, message: message.to_string() }
    }
}

/// The names of a table, with their places.
fn placed_names(table: Option<&toml::de::DeTable>) -> Vec<Placed> {
    table.into_iter().flatten().map(|(key, _)| (key.get_ref().to_string(), Some(key.span()))).collect()
}

/// The value of `[name]` in a TOML text, with the place of everything in it.
fn section_value<'t>(text: &'t str, name: &str) -> Option<toml::Spanned<toml::de::DeValue<'t>>> {
    let root = toml::de::DeTable::parse(text).ok()?.into_inner();
    root.into_iter().find(|(key, _)| key.get_ref() == name).map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Demo {
        paper: Option<String>,
    }

    #[test]
    fn sections_are_read_by_their_owner() {
        let config: Config = toml::from_str("[site]\ntitle = \"T\"\n[pdf]\npaper = \"letter\"\n").unwrap();
        assert_eq!(config.site.title.as_deref(), Some("T"));
        let demo: Demo = config.section("pdf").unwrap();
        assert_eq!(demo.paper.as_deref(), Some("letter"));
        assert_eq!(config.section::<Demo>("xlsx").unwrap(), Demo::default());
    }

    #[test]
    fn the_default_file_parses_and_every_section_is_read_by_a_backend() {
        let config: Config = toml::from_str(DEFAULT_CONFIG).unwrap();
        assert_eq!(config.site, SiteConfig::default());
        let names: Vec<String> = crate::backends::builtin().iter().map(|b| b.name().to_string()).collect();
        for section in config.sections.keys() {
            assert!(names.contains(section), "[{section}] belongs to no backend");
        }
    }

    #[test]
    fn every_key_the_default_file_shows_is_known_and_its_default_is_good() {
        let uncommented: String = DEFAULT_CONFIG
            .lines()
            .map(|line| match line.strip_prefix("# ") {
                Some(setting) if setting.split_once(" = ").is_some_and(|(key, _)| !key.contains(' ')) => setting,
                _ => line,
            })
            .flat_map(|line| [line, "\n"])
            .collect();
        let config: Config = toml::from_str(&uncommented).unwrap();
        assert_eq!(config.site.title.as_deref(), Some("Engineering Career Ladder"), "the keys were uncommented");
        crate::backends::check_config(&config, &[]).unwrap();
    }

    #[test]
    fn a_bad_section_is_a_config_error() {
        let config: Config = toml::from_str("[pdf]\npaperr = 1\n").unwrap();
        let err = config.section::<Demo>("pdf").unwrap_err();
        assert!(err.is_usage());
        assert!(err.to_string().contains("paperr"), "{err}");
    }
}
