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
//! [pdf]          # read by the PDF backend, and so on for every backend
//! paper = "a4"
//! ```

use crate::error::{Error, Result};
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub site: SiteConfig,
    #[serde(default)]
    pub build: BuildConfig,
    /// `[pdf]`, `[xlsx]`, `[slides]`, … as written.
    #[serde(flatten)]
    pub sections: BTreeMap<String, toml::Value>,
    /// Where the configuration came from, for error messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// `[site]`: facts about the whole content tree.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Title of the book, the site workbook and the site deck.
    pub title: Option<String>,
    /// Author written into document metadata.
    pub author: Option<String>,
}

/// `[build]`: what `folio build` makes by default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
}

impl Config {
    /// Reads `path`, reporting the line and column of any TOML error. A file past
    /// [`MAX_CONFIG_BYTES`], or a pipe or device, is refused unread.
    pub fn load(path: &Path) -> Result<Config> {
        let refused = |why: String| Error::Usage(format!("{}: {why}", path.display()));
        let bytes = crate::capped::read(path, MAX_CONFIG_BYTES).map_err(|r| refused(r.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|_| refused("not valid UTF-8".into()))?;
        let mut config: Config = toml::from_str(&text)
            .map_err(|e| Error::Config { path: path.to_path_buf(), message: e.to_string().trim_end().to_string() })?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// The explicit file if given, else `folio.toml` at the content root if it exists,
    /// else the defaults.
    pub fn discover(explicit: Option<&Path>, content_root: &Path) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        let candidate = content_root.join(CONFIG_FILE);
        if candidate.is_file() {
            Config::load(&candidate)
        } else {
            Ok(Config::default())
        }
    }

    /// Reads a backend's section into its settings type; a missing section gives the defaults.
    pub fn section<T: DeserializeOwned + Default>(&self, name: &str) -> Result<T> {
        match self.sections.get(name) {
            None => Ok(T::default()),
            Some(value) => value.clone().try_into().map_err(|e: toml::de::Error| Error::Config {
                path: self.path.clone().unwrap_or_else(|| PathBuf::from(CONFIG_FILE)),
                message: format!("[{name}]: {}", e.to_string().trim_end()),
            }),
        }
    }
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
    fn a_bad_section_is_a_config_error() {
        let config: Config = toml::from_str("[pdf]\npaperr = 1\n").unwrap();
        let err = config.section::<Demo>("pdf").unwrap_err();
        assert!(err.is_usage());
        assert!(err.to_string().contains("paperr"), "{err}");
    }
}
