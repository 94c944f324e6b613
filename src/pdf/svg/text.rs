//! The text of an SVG kept as text: each glyph usvg laid out is written again, invisible
//! (render mode 3), in the same bundled face, at the same place and size as its outline is
//! drawn, so a reader selects, copies and searches the words it shows. Its glyphs join those
//! of the page's text in the font's subset, with their text in the ToUnicode map.

use super::super::fonts::{record_glyph, resource, Used};
use super::matrix;
use crate::layout::image_svg::bundled_face;
use crate::layout::FontId;
use pdf_writer::types::TextRenderingMode;
use pdf_writer::{Content, Name, Str};
use usvg::{Text, Transform};

/// Writes the glyphs of `text` as invisible text, in its user space; glyphs of faces that
/// are not bundled ones, and missing glyphs, are left out.
pub fn invisible(text: &Text, c: &mut Content, used: &mut Used) {
    let glyphs: Vec<_> = text
        .layouted()
        .iter()
        .filter(|span| span.visible)
        .flat_map(|span| &span.positioned_glyphs)
        .filter_map(|glyph| Some((bundled_face(glyph.font)?, u16::try_from(glyph.id.0).ok()?, glyph)))
        .filter(|(_, id, _)| *id != 0)
        .collect();
    if glyphs.is_empty() {
        return;
    }
    c.begin_text();
    c.set_text_rendering_mode(TextRenderingMode::Invisible);
    let mut current: Option<FontId> = None;
    for (font, id, glyph) in glyphs {
        if current != Some(font) {
            // A size of 1: the text matrix holds the glyph's size.
            c.set_font(Name(resource(font).as_bytes()), 1.0);
            current = Some(font);
        }
        record_glyph(used, font, id, &glyph.text);
        // The outline transform maps font units (y up) into user space; one em is one unit of
        // text space at size 1.
        let em = font.face().units_per_em;
        c.set_text_matrix(matrix(glyph.outline_transform().pre_concat(Transform::from_scale(em, em))));
        c.show(Str(&id.to_be_bytes()));
    }
    c.end_text();
}
