//! Images on slides: a paragraph that is only an image becomes an image item, its natural size
//! (96 pixels to the inch, from the file's header) scaled down to fit the slide's body, so it
//! never lies outside the slide; pagination may shrink it further to share a slide with text.
//! The Marp outline links to copies of the images written beside it.

use super::deck::{Item, Slide};
use super::layout::{BODY_BOX, PARAGRAPH_SPACE};
use crate::ir::{asset_key, output_stem, Inline};
use crate::layout::image::probe;
use crate::layout::Assets;
use std::collections::BTreeMap;

/// The natural size in points of each image a deck can draw, by asset key.
pub type ImageSizes = BTreeMap<String, (f32, f32)>;

/// The sizes of the images of `assets` that can be drawn.
pub fn image_sizes(assets: &Assets) -> ImageSizes {
    assets
        .iter()
        .filter_map(|(key, bytes)| {
            let info = probe(bytes)?;
            Some((key.clone(), (info.width as f32 * 0.75, info.height as f32 * 0.75)))
        })
        .collect()
}

/// The image item of a paragraph that is only an image of `sizes` (`folder` is the document's,
/// which its source is relative to), fitted into the body box; `None` for any other paragraph.
pub fn image_item(content: &[Inline], folder: &str, sizes: &ImageSizes) -> Option<Item> {
    let mut images = content.iter().filter(|i| !matches!(i, Inline::SoftBreak | Inline::HardBreak));
    let (Some(Inline::Image(image)), None) = (images.next(), images.next()) else { return None };
    let key = asset_key(folder, &image.src)?;
    let &(width, height) = sizes.get(&key)?;
    let alt = image.alt.trim();
    let alt = if alt.is_empty() { image.src.rsplit('/').next().unwrap_or(&image.src) } else { alt };
    let scale = (BODY_BOX.w / width).min((BODY_BOX.h - PARAGRAPH_SPACE) / height).min(1.0);
    Some(Item::Image { key, alt: alt.to_string(), width: width * scale, height: height * scale })
}

/// The folder beside a document's outline that holds copies of its images, relative to the
/// decks' root: `<stem>-images`, each image at its path in the content tree below it.
pub fn copies_folder(document: &str) -> String {
    format!("{}-images", output_stem(document))
}

/// The asset keys of the images `slides` show, each once, in order.
pub fn shown(slides: &[Slide]) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    for item in slides.iter().flat_map(|s| &s.body) {
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
