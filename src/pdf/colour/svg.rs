//! SVG-in-OpenType glyphs: the glyph's element (`glyph<id>`) of its SVG document, rasterised
//! by resvg at [`PIXELS_PER_EM`] and embedded as a PNG in the glyph's box. The document is in
//! font units with y downwards from the baseline; a gzipped one is inflated first.

use super::Form;
use crate::layout::image_svg::parse;
use crate::pdf::file::PdfFile;
use crate::pdf::image::xobject;
use pdf_writer::{Content, Name};
use read_fonts::tables::svg::Svg;
use read_fonts::types::GlyphId;
use resvg::tiny_skia::{Pixmap, Transform};
use std::io::{self, Read, Write};

/// Pixels of the raster to the em: about 1,000 dpi at 12 points, sharp in print.
const PIXELS_PER_EM: f32 = 160.0;
/// The most a document may inflate to, and the largest side of a raster.
const MOST_BYTES: u64 = 16 << 20;
const MOST_PIXELS: f32 = 2048.0;

/// A form drawing the SVG glyph `glyph` of a face of `em` units to the em; `None` when its
/// document does not parse or draws nothing.
pub fn form<W: Write>(
    file: &mut PdfFile<W>,
    svg: Option<&Svg>,
    glyph: GlyphId,
    (em, archive): (f32, bool),
) -> io::Result<Option<Form>> {
    let Some((png, [x, y, w, h])) = svg.and_then(|svg| svg.glyph_data(glyph)).and_then(|doc| raster(doc, glyph, em))
    else {
        return Ok(None);
    };
    let Some(image) = xobject(file, &png, archive)? else { return Ok(None) };
    let mut content = Content::new();
    content.save_state();
    content.transform([w, 0.0, 0.0, h, x, y]);
    content.x_object(Name(b"Im"));
    content.restore_state();
    Ok(Some(Form { content: content.finish().into_vec(), xobjects: vec![("Im".into(), image)], ..Form::default() }))
}

/// A PNG of the glyph's element and where it lies in font units (left, bottom, width, height).
fn raster(document: &[u8], glyph: GlyphId, em: f32) -> Option<(Vec<u8>, [f32; 4])> {
    let mut inflated = Vec::new();
    let document = if document.starts_with(&[0x1f, 0x8b]) {
        flate2::read::GzDecoder::new(document).take(MOST_BYTES).read_to_end(&mut inflated).ok()?;
        &inflated[..]
    } else {
        document
    };
    // Read as SVG images are: no file read from an `<image href>`, text in the bundled faces.
    let tree = parse(document)?;
    let node = tree.node_by_id(&format!("glyph{}", glyph.to_u32()))?;
    let bounds = node.abs_layer_bounding_box()?;
    let scale = (PIXELS_PER_EM / em).min(MOST_PIXELS / bounds.width().max(bounds.height()));
    let pixels = |units: f32| (units * scale).ceil().max(1.0) as u32;
    let mut pixmap = Pixmap::new(pixels(bounds.width()), pixels(bounds.height()))?;
    resvg::render_node(node, Transform::from_scale(scale, scale), &mut pixmap.as_mut())?;
    let place = [bounds.x(), -bounds.bottom(), bounds.width(), bounds.height()];
    Some((pixmap.encode_png().ok()?, place))
}
