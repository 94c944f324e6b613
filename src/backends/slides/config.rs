//! `[slides]` in `folio.toml`: the heading level that starts a slide, the theme's fonts and
//! accent colour. Code takes the colours of `[pdf] code_theme`, as in the guides and the
//! Word documents.
//!
//! ```toml
//! [slides]
//! heading_level = 2        # 1–6: headings at this level (and above) start a slide
//! font = "Noto Sans"       # body text
//! heading_font = "Noto Sans"
//! accent = "1F5F99"        # RGB hex: title rule, bullets, table header
//! site_deck_limit = 250    # a larger site's deck holds a divider slide per document
//! long_prose = "slides"    # or "notes": paragraphs over 240 characters go to the speaker notes
//! ```

use super::images::ImageSizes;
use super::outline::Options;
use crate::backends::print_theme::PdfTheme;
use crate::config::{Color, Config};
use crate::error::Result;
use serde::Deserialize;

/// The settings of the slides backend.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SlidesConfig {
    pub heading_level: u8,
    pub font: String,
    pub heading_font: String,
    pub accent: Color,
    /// The most documents the site deck shows in full; a site of more gets a site deck of the
    /// title, the contents and each document's divider, its slides being in its own deck.
    pub site_deck_limit: usize,
    /// Where paragraphs of more than 240 characters go.
    pub long_prose: LongProse,
    /// The theme's East Asian and complex-script fonts, from `[fonts] fallback`.
    #[serde(skip)]
    pub east_asian_font: String,
    #[serde(skip)]
    pub complex_script_font: String,
    /// The syntect theme of code, `[pdf] code_theme`: a deck shows code as its guide does.
    #[serde(skip)]
    pub code_theme: &'static str,
}

/// Where long paragraphs go: on the slides (the default) or into the speaker notes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LongProse {
    #[default]
    Slides,
    Notes,
}

impl Default for SlidesConfig {
    fn default() -> Self {
        SlidesConfig {
            heading_level: 2,
            font: "Noto Sans".to_string(),
            heading_font: "Noto Sans".to_string(),
            accent: Color { r: 0x1f, g: 0x5f, b: 0x99 },
            site_deck_limit: 250,
            long_prose: LongProse::Slides,
            east_asian_font: String::new(),
            complex_script_font: String::new(),
            code_theme: crate::highlight::DEFAULT_THEME,
        }
    }
}

impl SlidesConfig {
    /// How documents are sorted for slides, drawing the images of `images`.
    pub fn options<'a>(&self, images: &'a ImageSizes) -> Options<'a> {
        Options { level: self.heading_level, long_prose: self.long_prose, images }
    }

    /// Reads and checks `[slides]`.
    pub fn read(config: &Config) -> Result<SlidesConfig> {
        let mut slides: SlidesConfig = config.section("slides")?;
        // `[fonts] heading` draws the deck's text in the PDF deck; the theme names it too,
        // unless `[slides]` names its own.
        let written = |key: &str| config.sections.get("slides").and_then(|s| s.get(key)).is_some();
        if let Some(heading) = &config.fonts.heading {
            for (key, font) in [("font", &mut slides.font), ("heading_font", &mut slides.heading_font)] {
                if !written(key) {
                    font.clone_from(heading);
                }
            }
        }
        slides.east_asian_font = config.fonts.east_asian().to_string();
        slides.complex_script_font = config.fonts.complex_script().to_string();
        slides.code_theme = PdfTheme::read(config)?.code_theme();
        let bad = |key: &str, message: String| config.invalid("slides", key, &message);
        if !(1..=6).contains(&slides.heading_level) {
            return Err(bad("heading_level", format!("must be 1 to 6, not {}", slides.heading_level)));
        }
        for (key, font) in [("font", &slides.font), ("heading_font", &slides.heading_font)] {
            if font.trim().is_empty() {
                return Err(bad(key, "a font name must not be empty".to_string()));
            }
        }
        Ok(slides)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_checks() {
        let config: Config = toml::from_str("[slides]\naccent = \"#aa00cc\"\n").unwrap();
        let slides = SlidesConfig::read(&config).unwrap();
        assert_eq!(slides.accent.to_string(), "AA00CC");
        assert_eq!(slides.heading_level, 2);
        assert_eq!(slides.long_prose, LongProse::Slides);
        let notes: Config = toml::from_str("[slides]\nlong_prose = \"notes\"\n").unwrap();
        assert_eq!(SlidesConfig::read(&notes).unwrap().long_prose, LongProse::Notes);
        for bad in [
            "[slides]\naccent = \"blue\"\n",
            "[slides]\nheading_level = 9\n",
            "[slides]\ncolour = 1\n",
            "[slides]\nlong_prose = \"x\"\n",
        ] {
            let config: Config = toml::from_str(bad).unwrap();
            assert!(SlidesConfig::read(&config).unwrap_err().is_usage(), "{bad}");
        }
    }
}
