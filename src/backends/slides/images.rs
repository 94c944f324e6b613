//! Images on slides: a paragraph that is only an image becomes an image item, its natural size
//! (96 pixels to the inch, from the file's header, or an SVG's own size) scaled down to fit the slide's body, so it
//! never lies outside the slide; pagination may shrink it further to share a slide with text.
//! A drawn diagram, whose type is 10.5 points at its natural size, grows to fill the body, up
//! to twice its size, where its type is about the slide's: a deck is read from across a room.
//! The Marp outline links to copies of the images written beside it.

use super::deck::{Item, Slide};
use super::layout::{BODY_BOX, PARAGRAPH_SPACE};
use crate::diagram::is_drawing;
use crate::ir::{asset_key, output_stem, Inline, Span};
use crate::layout::image::probe;
use crate::layout::image_svg as svg;
use crate::layout::Assets;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Pixels of an SVG's raster per point of the slide: 2, sharp on a 144 dpi screen.
const PIXELS_PER_POINT: f32 = 2.0;

/// The most a drawn diagram grows to fill a slide's body.
const DIAGRAM_GROWTH: f32 = 2.0;

/// The natural size in points of each image a deck can draw, by asset key; `None` for an
/// image file it cannot (not a PNG or JPEG folio embeds, nor an SVG usvg reads).
pub type ImageSizes = BTreeMap<String, Option<(f32, f32)>>;

/// The image files decks show: as in the content tree, and as drawn (an SVG as a PNG of it).
#[derive(Debug, Clone, Copy)]
pub struct ImageFiles<'a> {
    pub source: &'a Assets,
    pub drawn: &'a Assets,
}

/// The sizes of the images of `assets` that decks can draw (a diagram grown), and PNGs of the
/// SVG ones, each rasterised at the size it has when it fills a slide's body.
pub fn deck_images(assets: &Assets) -> (ImageSizes, Assets) {
    let (mut sizes, mut rasters) = (ImageSizes::new(), Assets::new());
    let found: Vec<_> = assets.par_iter().map(|(key, bytes)| (key, sized(bytes, is_drawing(key)))).collect();
    for (key, (size, png)) in found {
        sizes.insert(key.clone(), size);
        rasters.extend(png.map(|png| (key.clone(), png)));
    }
    (sizes, rasters)
}

/// The size in points of an image a deck can draw (natural, or grown if `grow`) and, for an
/// SVG, the PNG drawn of it.
fn sized(bytes: &[u8], grow: bool) -> (Option<(f32, f32)>, Option<Vec<u8>>) {
    if let Some(info) = probe(bytes) {
        return (Some(info.points()), None);
    }
    let Some(tree) = svg::is_svg(bytes).then(|| svg::parse(bytes)).flatten() else { return (None, None) };
    let natural = svg::size(&tree);
    let size = if grow { fitted(natural, DIAGRAM_GROWTH) } else { natural };
    match svg::rasterise(&tree, fitted(size, 1.0), PIXELS_PER_POINT) {
        Some(png) => (Some(size), Some(png)),
        None => (None, None),
    }
}

/// An image of `width` × `height` points scaled to fit the body box below the space above it,
/// growing to fill it up to `most` times its size (1: never beyond its own size).
fn fitted((width, height): (f32, f32), most: f32) -> (f32, f32) {
    let scale = (BODY_BOX.w / width).min((BODY_BOX.h - PARAGRAPH_SPACE) / height).min(most);
    (width * scale, height * scale)
}

/// The image item of a paragraph that is only an image of `sizes` (`folder` is the document's,
/// which its source is relative to), fitted into the body box, or why it cannot be drawn;
/// `None` for any other paragraph and for an image that is not there (which the loader
/// reports).
pub fn image_item(content: &[Inline], folder: &str, sizes: &ImageSizes) -> Option<Result<Item, (Span, String)>> {
    let mut images = content.iter().filter(|i| !matches!(i, Inline::SoftBreak | Inline::HardBreak));
    let (Some(Inline::Image(image)), None) = (images.next(), images.next()) else { return None };
    let key = asset_key(folder, &image.src)?;
    let Some(&size) = sizes.get(&key)?.as_ref() else {
        let why = format!("image `{}` is not a PNG, JPEG or SVG the deck can draw; its alt text is shown", image.src);
        return Some(Err((image.span, why)));
    };
    let alt = image.alt.trim();
    let alt = if alt.is_empty() { image.src.rsplit('/').next().unwrap_or(&image.src) } else { alt };
    let (width, height) = fitted(size, 1.0);
    Some(Ok(Item::Image { key, alt: alt.to_string(), width, height }))
}

/// The folder beside a document's outline that holds copies of its images, relative to the
/// decks' root: `<stem>-images`, each image at its path in the content tree below it.
pub fn copies_folder(document: &str) -> String {
    format!("{}-images", output_stem(document))
}

/// The asset keys of the images `slides` show, each once, in order.
pub fn shown<'a>(slides: impl IntoIterator<Item = &'a Slide>) -> Vec<&'a str> {
    let mut keys: Vec<&str> = Vec::new();
    for item in slides.into_iter().flat_map(|s| &s.body) {
        if let Item::Image { key, .. } = item {
            if !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
    }
    keys
}

/// The smallest an image is shrunk to share a slide with text: 40 % of the body's height, or
/// its own height if less.
pub fn smallest_shared(height: f32) -> f32 {
    height.min(BODY_BOX.h * 0.4)
}

/// `item` (an image) shrunk to be at most `room` high, keeping its proportions.
pub fn shrunk(item: Item, room: f32) -> Item {
    match item {
        Item::Image { key, alt, width, height } if height > room => {
            Item::Image { key, alt, width: width * room / height, height: room }
        }
        item => item,
    }
}

#[cfg(test)]
mod tests {
    use super::super::deck::Run;
    use super::super::outline::Entry;
    use super::super::paginate::paginate;
    use super::*;

    fn image(height: f32) -> Entry {
        Entry::Item(Item::Image { key: "k.png".into(), alt: "A".into(), width: height * 2.0, height })
    }

    fn text(words: usize) -> Entry {
        Entry::Item(Item::Paragraph(vec![Run { text: "word ".repeat(words), ..Run::default() }]))
    }

    /// The height of each image on each page.
    fn image_heights(entries: &[Entry]) -> Vec<Vec<f32>> {
        let pages = paginate(entries, BODY_BOX);
        let heights = |items: &[Item]| {
            items.iter().filter_map(|i| if let Item::Image { height, .. } = i { Some(*height) } else { None }).collect()
        };
        pages.iter().map(|p| heights(&p.items)).collect()
    }

    #[test]
    fn a_drawn_diagram_grows_to_fill_the_body_up_to_twice_and_an_svg_image_keeps_its_size() {
        let svg = |w: u32, h: u32| {
            format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\"><rect width=\"{w}\" height=\"{h}\"/></svg>")
                .into_bytes()
        };
        let assets: Assets = [
            ("folio-diagrams/small.svg".to_string(), svg(200, 100)),
            ("folio-diagrams/wide.svg".to_string(), svg(800, 100)),
            ("img/small.svg".to_string(), svg(200, 100)),
        ]
        .into();
        let (sizes, rasters) = deck_images(&assets);
        let size = |key: &str| sizes[key].unwrap();
        assert_eq!(size("folio-diagrams/small.svg"), (300.0, 150.0), "twice its 150 × 75 points");
        let (w, h) = size("folio-diagrams/wide.svg");
        assert!((w - BODY_BOX.w).abs() < 0.01 && (h - BODY_BOX.w / 8.0).abs() < 0.01, "as wide as the body: {w} × {h}");
        assert_eq!(size("img/small.svg"), (150.0, 75.0), "an image of the page keeps its size");
        assert_eq!(rasters.len(), 3);
    }

    #[test]
    fn an_image_shrinks_to_share_a_slide_down_to_40_percent_else_starts_the_next() {
        let tall = BODY_BOX.h - PARAGRAPH_SPACE;
        let shared = image_heights(&[text(5), image(tall)]);
        assert_eq!(shared.len(), 1, "{shared:?}");
        assert!(shared[0][0] < tall && shared[0][0] >= BODY_BOX.h * 0.4, "{shared:?}");
        let moved = image_heights(&[text(400), image(tall)]);
        assert_eq!(moved.last(), Some(&vec![tall]), "below a long paragraph it takes a slide of its own, whole");
        assert!(moved[..moved.len() - 1].iter().all(Vec::is_empty), "{moved:?}");
    }
}
