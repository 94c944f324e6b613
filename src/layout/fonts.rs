//! The bundled fonts, compiled into the binary: faces by role, their metrics and glyph coverage.

use harfrust::font::Font;
use harfrust::GlyphId;
use std::sync::OnceLock;

/// One of the bundled faces. The order is the order of [`FontId::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontId {
    Serif,
    SerifBold,
    SerifItalic,
    SerifBoldItalic,
    Sans,
    SansBold,
    Mono,
    /// DejaVu Sans: symbols the Noto faces lack (→ ✓ ☐ U+FFFD).
    Fallback,
    SansItalic,
    SansBoldItalic,
}

impl FontId {
    pub const ALL: [FontId; 10] = [
        FontId::Serif,
        FontId::SerifBold,
        FontId::SerifItalic,
        FontId::SerifBoldItalic,
        FontId::Sans,
        FontId::SansBold,
        FontId::Mono,
        FontId::Fallback,
        FontId::SansItalic,
        FontId::SansBoldItalic,
    ];

    /// The font program as shipped in `fonts/`.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontId::Serif => include_bytes!("../../fonts/NotoSerif-Regular.ttf"),
            FontId::SerifBold => include_bytes!("../../fonts/NotoSerif-Bold.ttf"),
            FontId::SerifItalic => include_bytes!("../../fonts/NotoSerif-Italic.ttf"),
            FontId::SerifBoldItalic => include_bytes!("../../fonts/NotoSerif-BoldItalic.ttf"),
            FontId::Sans => include_bytes!("../../fonts/NotoSans-Regular.ttf"),
            FontId::SansBold => include_bytes!("../../fonts/NotoSans-Bold.ttf"),
            FontId::Mono => include_bytes!("../../fonts/DejaVuSansMono.ttf"),
            FontId::Fallback => include_bytes!("../../fonts/DejaVuSans.ttf"),
            FontId::SansItalic => include_bytes!("../../fonts/NotoSans-Italic.ttf"),
            FontId::SansBoldItalic => include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"),
        }
    }

    /// The PostScript-style name a writer embeds the font under (before the subset tag).
    pub fn postscript_name(self) -> &'static str {
        match self {
            FontId::Serif => "NotoSerif-Regular",
            FontId::SerifBold => "NotoSerif-Bold",
            FontId::SerifItalic => "NotoSerif-Italic",
            FontId::SerifBoldItalic => "NotoSerif-BoldItalic",
            FontId::Sans => "NotoSans-Regular",
            FontId::SansBold => "NotoSans-Bold",
            FontId::Mono => "DejaVuSansMono",
            FontId::Fallback => "DejaVuSans",
            FontId::SansItalic => "NotoSans-Italic",
            FontId::SansBoldItalic => "NotoSans-BoldItalic",
        }
    }

    /// The same family with bold and/or italic added; faces without such a variant stay as they are.
    pub fn styled(self, bold: bool, italic: bool) -> FontId {
        match self {
            FontId::Serif | FontId::SerifBold | FontId::SerifItalic | FontId::SerifBoldItalic => match (bold, italic) {
                (false, false) => self,
                (true, false) if self == FontId::SerifItalic => FontId::SerifBoldItalic,
                (true, false) => FontId::SerifBold,
                (false, true) if self == FontId::SerifBold => FontId::SerifBoldItalic,
                (false, true) => FontId::SerifItalic,
                (true, true) => FontId::SerifBoldItalic,
            },
            FontId::Sans | FontId::SansBold | FontId::SansItalic | FontId::SansBoldItalic => {
                let bold = bold || matches!(self, FontId::SansBold | FontId::SansBoldItalic);
                let italic = italic || matches!(self, FontId::SansItalic | FontId::SansBoldItalic);
                match (bold, italic) {
                    (false, false) => FontId::Sans,
                    (true, false) => FontId::SansBold,
                    (false, true) => FontId::SansItalic,
                    (true, true) => FontId::SansBoldItalic,
                }
            }
            other => other,
        }
    }

    /// The parsed face with its metrics.
    pub fn face(self) -> &'static Face {
        static FACES: OnceLock<Vec<Face>> = OnceLock::new();
        let faces = FACES.get_or_init(|| FontId::ALL.iter().map(|id| Face::load(id.bytes())).collect());
        &faces[self as usize]
    }
}

/// A parsed face and the measurements layout and font embedding need, in font units.
pub struct Face {
    pub font: Font,
    pub units_per_em: f32,
    pub ascender: f32,
    pub descender: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
    pub italic_angle: f32,
    /// Advance widths by glyph id, read once: content streams ask for one a glyph.
    advances: Vec<f32>,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        let font = Font::new(bytes, 0).expect("bundled fonts are valid");
        let metrics = font.metrics();
        let line = metrics.typo_line.or(metrics.hhea_line).expect("bundled fonts have line metrics");
        let b = metrics.bounds;
        let ascender = line.ascender.to_f32();
        Face {
            units_per_em: f32::from(metrics.units_per_em),
            ascender,
            descender: line.descender.to_f32(),
            cap_height: metrics.cap_height.map_or(ascender * 0.7, |c| c.to_f32()),
            bbox: [b.x_min.to_f32(), b.y_min.to_f32(), b.x_max.to_f32(), b.y_max.to_f32()],
            italic_angle: font.style_metrics().italic_angle.map_or(0.0, |a| a.to_f32()),
            advances: {
                let glyphs = font.glyph_metrics();
                (0..font.num_glyphs()).map(|g| glyphs.h_advance(GlyphId::new(g))).collect()
            },
            font,
        }
    }

    /// The glyph for a character, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.font.charmap().map_unicode(c).filter(|g| g.to_u32() != 0).map(|g| g.to_u32() as u16)
    }

    /// The advance width of a glyph in font units.
    pub fn advance(&self, glyph: u16) -> f32 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or_default()
    }
}
