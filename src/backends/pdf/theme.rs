//! The `[pdf]` section of `folio.toml`: paper, margins, type size, accent colour, numbering.

use crate::layout::Rgb;
use serde::Deserialize;

/// Paper sizes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Settings of the PDF output. Every key is optional.
///
/// ```toml
/// [pdf]
/// paper = "letter"     # a4 (default) or letter
/// margins = 20         # millimetres on every side
/// font_size = 10.5     # body text in points
/// accent = "#1d4e89"   # headings, rules, table headers
/// numbering = true     # number headings 1, 1.1, 1.1.1
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PdfTheme {
    pub paper: Paper,
    pub margins: f32,
    pub font_size: f32,
    pub accent: String,
    pub numbering: bool,
}

impl Default for PdfTheme {
    fn default() -> Self {
        PdfTheme { paper: Paper::A4, margins: 20.0, font_size: 10.0, accent: "#1d4e89".into(), numbering: false }
    }
}

impl PdfTheme {
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
        self.accent_rgb().map(|_| ()).map_err(|message| ("accent", message))
    }

    /// The margin in points.
    pub fn margin_pt(&self) -> f32 {
        self.margins * 72.0 / 25.4
    }

    /// The accent colour, from `#rrggbb` or `rrggbb`.
    pub fn accent_rgb(&self) -> Result<Rgb, String> {
        Rgb::from_hex(&self.accent).ok_or_else(|| format!("\"{}\" is not a colour like \"#1d4e89\"", self.accent))
    }
}
