//! SVG images: read with usvg into a tree whose text is laid out in the bundled faces (never
//! the machine's fonts, so the same SVG gives the same drawing everywhere), with no file read
//! from an `<image href>` (only `data:` images inside the SVG), the size it asks for, and a PNG
//! of it drawn by resvg. The PDF writer draws the tree as vectors; decks' PPTX keep the PNG as
//! the fallback of the SVG, and the PDF falls back on it when the tree holds what it cannot draw.

use super::fonts::FontId;
use std::sync::{Arc, OnceLock};
use usvg::fontdb::{Database, Source, ID};
use usvg::{ImageHrefResolver, Options, Tree};

/// Whether `bytes` look like an SVG file (an `<svg` element near the start).
pub fn is_svg(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.windows(4).any(|w| w == b"<svg")
}

/// The bundled faces as usvg's font database, with the face of each of its ids.
struct Faces {
    db: Arc<Database>,
    ids: Vec<(ID, FontId)>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        let mut db = Database::new();
        let mut ids = Vec::new();
        for font in FontId::BUNDLED {
            let loaded = db.load_font_source(Source::Binary(Arc::new(font.bytes())));
            ids.extend(loaded.into_iter().map(|id| (id, font)));
        }
        db.set_serif_family("Noto Serif");
        db.set_sans_serif_family("Noto Sans");
        db.set_monospace_family("DejaVu Sans Mono");
        Faces { db: Arc::new(db), ids }
    })
}

/// The bundled face usvg's font `id` is; `None` for another.
pub fn bundled_face(id: ID) -> Option<FontId> {
    faces().ids.iter().find(|(i, _)| *i == id).map(|(_, font)| *font)
}

/// An SVG file parsed; `None` for one usvg cannot read. Text without a family the bundled
/// faces have is set in Noto Sans.
pub fn parse(bytes: &[u8]) -> Option<Tree> {
    let options = Options {
        font_family: "Noto Sans".into(),
        fontdb: faces().db.clone(),
        image_href_resolver: no_files(),
        ..Options::default()
    };
    Tree::from_data(bytes, &options).ok()
}

/// The size an SVG file asks for, in points, read without laying out its text; `None` for
/// one usvg cannot read.
pub fn size_of(bytes: &[u8]) -> Option<(f32, f32)> {
    let options = Options { image_href_resolver: no_files(), ..Options::default() };
    Tree::from_data(bytes, &options).ok().map(|tree| size(&tree))
}

/// Resolves `data:` images only: an SVG never reads a file.
fn no_files() -> ImageHrefResolver<'static> {
    ImageHrefResolver { resolve_string: Box::new(|_, _| None), ..ImageHrefResolver::default() }
}

/// The size `tree` asks for, in points (96 SVG pixels to the inch).
pub fn size(tree: &Tree) -> (f32, f32) {
    (tree.size().width() * 0.75, tree.size().height() * 0.75)
}

/// A PNG of `tree` drawn `width` × `height` points at `pixels_per_point`; `None` if it would
/// be empty.
pub fn rasterise(tree: &Tree, (width, height): (f32, f32), pixels_per_point: f32) -> Option<Vec<u8>> {
    let pixels = |points: f32| (points * pixels_per_point).round().max(1.0) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pixels(width), pixels(height))?;
    let scale_x = pixmap.width() as f32 / tree.size().width();
    let scale_y = pixmap.height() as f32 / tree.size().height();
    resvg::render(tree, resvg::tiny_skia::Transform::from_scale(scale_x, scale_y), &mut pixmap.as_mut());
    encode_png(pixmap)
}

/// A PNG of `pixmap`, at `png`'s fast level: a third of the time of tiny-skia's own writer
/// for a file a few percent larger. Its premultiplied colours are divided by their alpha
/// first, as PNG keeps them straight.
fn encode_png(pixmap: resvg::tiny_skia::Pixmap) -> Option<Vec<u8>> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut data = pixmap.take();
    for pixel in data.chunks_exact_mut(4) {
        let alpha = u16::from(pixel[3]);
        if alpha != 0 && alpha != 255 {
            for channel in &mut pixel[..3] {
                *channel = ((u16::from(*channel) * 255 + alpha / 2) / alpha).min(255) as u8;
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&data).ok()?;
    writer.finish().ok()?;
    Some(out)
}
