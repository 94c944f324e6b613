//! Bitmap colour glyphs (CBDT/CBLC and sbix): the PNG of the face's largest strike, embedded
//! as an image ([`crate::pdf::image`]) and placed in the glyph's box, in font units, by a form.
//! Strikes of raw BGRA or greyscale masks are not drawn in colour.

use super::Form;
use crate::pdf::file::PdfFile;
use crate::pdf::image::xobject;
use pdf_writer::Content;
use read_fonts::types::GlyphId;
use skrifa::bitmap::{BitmapData, BitmapGlyph, BitmapStrikes, Origin};
use skrifa::instance::Size;
use std::io::{self, Write};

/// The largest PNG bitmap of `glyph`, if the face has one.
pub fn png<'a>(strikes: &BitmapStrikes<'a>, glyph: GlyphId) -> Option<(BitmapGlyph<'a>, &'a [u8])> {
    let bitmap = strikes.glyph_for_size(Size::unscaled(), glyph)?;
    match bitmap.data {
        BitmapData::Png(data) => Some((bitmap.clone(), data)),
        BitmapData::Bgra(_) | BitmapData::Mask(_) => None,
    }
}

/// A form that draws the bitmap of `glyph` in a face of `em` units to the em; `None` when its
/// PNG cannot be embedded.
pub fn form<W: Write>(
    file: &mut PdfFile<W>,
    strikes: &BitmapStrikes,
    glyph: GlyphId,
    (em, archive): (f32, bool),
) -> io::Result<Option<Form>> {
    let Some((bitmap, data)) = png(strikes, glyph) else { return Ok(None) };
    let Some(image) = xobject(file, data, archive)? else { return Ok(None) };
    let [x, y, w, h] = placement(&bitmap, em);
    let mut content = Content::new();
    content.save_state();
    content.transform([w, 0.0, 0.0, h, x, y]);
    content.x_object(pdf_writer::Name(b"Im"));
    content.restore_state();
    Ok(Some(Form { content: content.finish().into_vec(), xobjects: vec![("Im".into(), image)], ..Form::default() }))
}

/// Where a bitmap lies in font units: left, bottom, width and height. Its bearings are in
/// pixels of its strike, measured to its top edge in CBDT and its bottom edge in sbix.
fn placement(bitmap: &BitmapGlyph, em: f32) -> [f32; 4] {
    let (sx, sy) = (em / bitmap.ppem_x.max(1.0), em / bitmap.ppem_y.max(1.0));
    let (w, h) = (bitmap.width as f32 * sx, bitmap.height as f32 * sy);
    let x = bitmap.bearing_x + bitmap.inner_bearing_x * sx;
    let edge = bitmap.bearing_y + bitmap.inner_bearing_y * sy;
    let y = match bitmap.placement_origin {
        Origin::TopLeft => edge - h,
        Origin::BottomLeft => edge,
    };
    [x, y, w, h]
}
