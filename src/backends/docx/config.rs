//! `[docx]` in `folio.toml`: a reference document whose styles the Word files take.

use crate::config::Config;
use crate::error::Result;
use serde::Deserialize;
use std::path::PathBuf;

/// The settings of the DOCX backend.
///
/// ```toml
/// [docx]
/// reference = "brand.docx"   # its styles, theme and font table, relative to this file
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DocxConfig {
    /// A Word document whose styles (by style id), default formatting, theme and font table
    /// replace folio's in every DOCX, as pandoc's `--reference-doc` does; folio's styles that
    /// it lacks are kept.
    pub reference: Option<PathBuf>,
}

impl DocxConfig {
    /// `[docx]` of `config`, the reference's path made whole from the configuration file's folder.
    pub fn read(config: &Config) -> Result<DocxConfig> {
        let mut read: DocxConfig = config.section("docx")?;
        let base = config.path.as_deref().and_then(|p| p.parent()).map(PathBuf::from).unwrap_or_default();
        read.reference = read.reference.map(|path| base.join(path));
        Ok(read)
    }
}
