//! Page content streams: layout items to PDF drawing operators (`pdf-writer`'s content
//! builder), y flipped to PDF's upward axis. Glyphs are written as their ids in the whole face
//! (see [`super::fonts`]) with TJ adjustments that put each one where the shaper placed it.

use super::fonts::resource;
use crate::layout::{Item, Page, Rgb, TextRun};
use pdf_writer::{Content, Name, Str};

/// A coordinate rounded to thousandths of a point: finer than any device, and short to write.
fn r(value: f32) -> f32 {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

fn fill(content: &mut Content, c: Rgb) {
    content.set_fill_rgb(r(c.0), r(c.1), r(c.2));
}

/// The content stream of a page, uncompressed; `image_name` names the XObject of an image key.
pub fn page_content(page: &Page, image_name: impl Fn(&str) -> String) -> Vec<u8> {
    let mut content = Content::new();
    let h = page.height;
    for item in &page.items {
        match item {
            Item::Rect { x, y, w, h: rh, color } => {
                fill(&mut content, *color);
                content.rect(r(*x), r(h - y - rh), r(*w), r(*rh)).fill_nonzero();
            }
            Item::Rule { x1, y1, x2, y2, width, color } => {
                content.set_stroke_rgb(r(color.0), r(color.1), r(color.2));
                content.set_line_width(r(*width));
                content.move_to(r(*x1), r(h - y1)).line_to(r(*x2), r(h - y2)).stroke();
            }
            Item::Text(run) => text(&mut content, run, h),
            Item::Image { x, y, w, h: ih, key } => {
                let name = image_name(key);
                content.save_state();
                content.transform([r(*w), 0.0, 0.0, r(*ih), r(*x), r(h - y - ih)]);
                content.x_object(Name(name.as_bytes()));
                content.restore_state();
            }
            Item::Link { .. } | Item::Anchor { .. } => {}
        }
    }
    content.finish().into_vec()
}

fn text(content: &mut Content, run: &TextRun, page_height: f32) {
    let Some(first) = run.glyphs.first() else { return };
    let face = run.font.face();
    let to_milli = 1000.0 / face.units_per_em;
    fill(content, run.color);
    content.begin_text();
    content.set_font(Name(resource(run.font).as_bytes()), r(run.size));
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, r(run.x + first.x), r(page_height - run.y)]);
    {
        let mut shown = content.show_positioned();
        let mut items = shown.items();
        let mut pen = first.x;
        let mut pending: Vec<u8> = Vec::with_capacity(run.glyphs.len() * 2);
        for glyph in &run.glyphs {
            let adjust = (glyph.x - pen) * 1000.0 / run.size;
            if adjust.abs() >= 0.05 {
                if !pending.is_empty() {
                    items.show(Str(&pending));
                    pending.clear();
                }
                items.adjust(r(-adjust));
            }
            pending.extend_from_slice(&glyph.id.to_be_bytes());
            // The viewer advances by the /W width, which is rounded to whole thousandths of an em.
            pen = glyph.x + (face.advance(glyph.id) * to_milli).round() * run.size / 1000.0;
        }
        if !pending.is_empty() {
            items.show(Str(&pending));
        }
    }
    content.end_text();
}
