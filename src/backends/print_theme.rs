//! The `[pdf]` section of `folio.toml`: paper, margins, type size, accent colour, numbering,
//! the theme of highlighted code, the standards the PDFs keep.
//! The printed documents read it: the PDF guides and book, and the DOCX pages and book, so
//! both print on the same paper with the same margins.

use crate::config::{Color, Config, Paper, Standards};
use crate::error::Result;
use crate::highlight;
use serde::Deserialize;

/// Settings of the PDF output. Every key is optional.
///
/// ```toml
/// [pdf]
/// paper = "letter"     # a4 (default) or letter
/// margins = 20         # millimetres on every side
/// font_size = 10.5     # body text in points
/// accent = "#1d4e89"   # headings, rules, table headers
/// numbering = true     # number headings 1, 1.1, 1.1.1
/// code_theme = "InspiredGitHub"   # syntect theme of highlighted code
/// standards = ["a-2b", "ua-1"]     # ua-1 (default), a-2b, a-2u, a-2a or a-3b
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PdfTheme {
    pub paper: Paper,
    pub margins: f32,
    pub font_size: f32,
    pub accent: Color,
    pub numbering: bool,
    pub code_theme: String,
    pub standards: Standards,
}

impl Default for PdfTheme {
    fn default() -> Self {
        PdfTheme {
            paper: Paper::A4,
            margins: 20.0,
            font_size: 10.0,
            accent: Color { r: 0x1d, g: 0x4e, b: 0x89 },
            numbering: false,
            code_theme: highlight::DEFAULT_THEME.to_string(),
            standards: Standards::default(),
        }
    }
}

impl PdfTheme {
    /// Reads and checks `[pdf]` of `config`.
    pub fn read(config: &Config) -> Result<PdfTheme> {
        let theme: PdfTheme = config.section("pdf")?;
        theme.validate().map_err(|(key, message)| config.invalid("pdf", key, &message))?;
        Ok(theme)
    }

    /// Checks the values, giving a message naming the key at fault.
    pub fn validate(&self) -> Result<(), (&'static str, String)> {
        let (w, h) = self.paper.size();
        let margin = self.margin_pt();
        if !(5.0..=60.0).contains(&self.margins) || w - 2.0 * margin < 200.0 || h - 2.0 * margin < 300.0 {
            return Err(("margins", format!("{} is not between 5 and 60 millimetres", self.margins)));
        }
        if !(6.0..=24.0).contains(&self.font_size) {
            return Err(("font_size", format!("{} is not between 6 and 24 points", self.font_size)));
        }
        if highlight::theme_name(&self.code_theme).is_none() {
            let known = highlight::theme_names().join("`, `");
            return Err(("code_theme", format!("no theme `{}`; known: `{known}`", self.code_theme)));
        }
        Ok(())
    }

    /// The syntect theme of highlighted code, as `validate` checked it.
    pub fn code_theme(&self) -> &'static str {
        highlight::theme_name(&self.code_theme).unwrap_or(highlight::DEFAULT_THEME)
    }

    /// The margin in points.
    pub fn margin_pt(&self) -> f32 {
        self.margins * 72.0 / 25.4
    }
}
