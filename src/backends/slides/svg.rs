//! SVG images on slides, read and rasterised with resvg (pure Rust): the size an SVG asks for,
//! and a PNG of it sized for the slide, which the PDF deck draws and the PPTX keeps as the
//! fallback of its `asvg:svgBlip` (as PowerPoint writes SVG pictures).

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{Options, Tree};

/// Pixels of a raster per point of the slide: 2, sharp on a 144 dpi screen.
const PIXELS_PER_POINT: f32 = 2.0;

/// Whether `bytes` look like an SVG file (an `<svg` element near the start).
pub fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.windows(4).any(|w| w == b"<svg")
}

/// An SVG file parsed; `None` for one resvg cannot read.
pub fn parse(bytes: &[u8]) -> Option<Tree> {
    Tree::from_data(bytes, &Options::default()).ok()
}

/// The size `tree` asks for, in points (96 SVG pixels to the inch).
pub fn size(tree: &Tree) -> (f32, f32) {
    (tree.size().width() * 0.75, tree.size().height() * 0.75)
}

/// A PNG of `tree` drawn `width` × `height` points; `None` if it would be empty.
pub fn rasterise(tree: &Tree, (width, height): (f32, f32)) -> Option<Vec<u8>> {
    let pixels = |points: f32| (points * PIXELS_PER_POINT).round().max(1.0) as u32;
    let mut pixmap = Pixmap::new(pixels(width), pixels(height))?;
    let scale_x = pixmap.width() as f32 / tree.size().width();
    let scale_y = pixmap.height() as f32 / tree.size().height();
    resvg::render(tree, Transform::from_scale(scale_x, scale_y), &mut pixmap.as_mut());
    pixmap.encode_png().ok()
}
