//! `[fonts]` of `folio.toml` and the font flags of the command line: where fonts are, which
//! family each role uses, the fallback order, and whether system fonts are looked at. One
//! setting for every format: the PDFs lay out with it, the PPTX theme and the XLSX default font
//! name the same families.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// `[fonts]`: every key is optional; the default is the bundled faces, then system fonts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FontsConfig {
    /// Font files or folders of them, relative to `folio.toml` (`--font-path` adds more).
    #[serde(default)]
    pub paths: Vec<PathBuf>,
    /// Family of body text (default: the bundled Noto Serif).
    pub body: Option<String>,
    /// Family of headings, tables' heads and labels (default: the bundled Noto Sans).
    pub heading: Option<String>,
    /// Family of code (default: the bundled DejaVu Sans Mono).
    pub mono: Option<String>,
    /// Families tried in order for characters the role's family lacks, before system fonts.
    #[serde(default)]
    pub fallback: Vec<String>,
    /// Look at the fonts installed on the machine for characters no other font has. The
    /// command line does unless this is `false` or `--no-system-fonts` is given; a library
    /// user who leaves it unset gets builds that depend on no font of the machine.
    pub system: Option<bool>,
}

impl FontsConfig {
    /// Whether system fonts are looked at.
    pub fn system(&self) -> bool {
        self.system.unwrap_or(false)
    }

    /// Makes the paths written relative to the folder `base` (the configuration file's) whole.
    pub fn resolve_paths(&mut self, base: &Path) {
        for path in &mut self.paths {
            if path.is_relative() {
                *path = base.join(&*path);
            }
        }
    }
}

/// Marks in a family's name that say it is for Chinese, Japanese or Korean.
const CJK_MARKS: [&str; 6] = ["CJK", "Han Sans", "Han Serif", "Gothic", "Mincho", "Hei"];

impl FontsConfig {
    /// The first fallback family for Chinese, Japanese or Korean, for an East Asian theme font
    /// (the PPTX `a:ea`); empty when there is none.
    pub fn east_asian(&self) -> &str {
        self.fallback.iter().find(|f| is_cjk(f)).map_or("", String::as_str)
    }

    /// The first other fallback family, for the complex-script theme font (the PPTX `a:cs`);
    /// empty when there is none.
    pub fn complex_script(&self) -> &str {
        self.fallback.iter().find(|f| !is_cjk(f)).map_or("", String::as_str)
    }
}

fn is_cjk(family: &str) -> bool {
    CJK_MARKS.iter().any(|mark| family.contains(mark))
}
