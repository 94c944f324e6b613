//! Page content streams: layout items to PDF drawing operators (`pdf-writer`'s content
//! builder), y flipped to PDF's upward axis. Glyphs are written as their ids in the whole face
//! (see [`super::fonts`]) with TJ adjustments that put each one where the shaper placed it.
//! Each stretch of items of one structure node is marked content with an MCID, named by the
//! node's structure type; decoration is marked as an artifact.

use super::colour::ColourFace;
use super::fonts::resource;
use super::tags::struct_role;
use crate::layout::{Glyph, Item, Page, Rgb, Tag, TextRun, Tree};
use pdf_writer::types::TextRenderingMode;
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

/// The content stream of a page tagged with `tree`, uncompressed, and the node of each of its
/// MCIDs in order; `image_name` names the XObject of an image key.
pub fn page_content(page: &Page, tree: &Tree, image_name: impl Fn(&str) -> String) -> (Vec<u8>, Vec<Tag>) {
    let mut content = Content::new();
    let mut mcids = Vec::new();
    let mut open: Option<Tag> = None;
    let h = page.height;
    for item in &page.items {
        let tag = match item {
            Item::Link { .. } | Item::Anchor { .. } => continue,
            Item::Rect { .. } | Item::Rule { .. } => Tag::ARTIFACT,
            Item::Text(run) => run.tag,
            Item::Image { tag, .. } => *tag,
        };
        if open != Some(tag) {
            if open.is_some() {
                content.end_marked_content();
            }
            mark(&mut content, tree, tag, &mut mcids);
            open = Some(tag);
        }
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
            Item::Image { x, y, w, h: ih, key, .. } => {
                let name = image_name(key);
                content.save_state();
                content.transform([r(*w), 0.0, 0.0, r(*ih), r(*x), r(h - y - ih)]);
                content.x_object(Name(name.as_bytes()));
                content.restore_state();
            }
            Item::Link { .. } | Item::Anchor { .. } => {}
        }
    }
    if open.is_some() {
        content.end_marked_content();
    }
    (content.finish().into_vec(), mcids)
}

/// Begins the marked content of node `tag` of `tree` (the next MCID, recorded in `mcids`), or an
/// artifact.
fn mark(content: &mut Content, tree: &Tree, tag: Tag, mcids: &mut Vec<Tag>) {
    match tree.node(tag) {
        Some(node) => {
            let mcid = i32::try_from(mcids.len()).unwrap_or(i32::MAX);
            content.begin_marked_content_with_properties(struct_role(&node.role).to_name()).properties().identify(mcid);
            mcids.push(tag);
        }
        None => {
            content.begin_marked_content(Name(b"Artifact"));
        }
    }
}

/// Shows `run`. A run in a face with colour glyphs (see [`super::colour`]) shows the text of
/// those glyphs invisible, for copy and search, and paints each over it.
fn text(content: &mut Content, run: &TextRun, page_height: f32) {
    let Some(first) = run.glyphs.first() else { return };
    let colour = ColourFace::of(run.font);
    fill(content, run.color);
    if colour.is_some() {
        // Restores the rendering mode after the text.
        content.save_state();
    }
    content.begin_text();
    content.set_font(Name(resource(run.font).as_bytes()), r(run.size));
    content.set_text_matrix([1.0, 0.0, 0.0, 1.0, r(run.x + first.x), r(page_height - run.y)]);
    let baseline = page_height - run.y;
    match &colour {
        None => {
            show(content, run, &run.glyphs, first.x);
        }
        Some(face) => {
            let mut pen = first.x;
            for stretch in run.glyphs.chunk_by(|a, b| face.hides(a.id) == face.hides(b.id)) {
                let mode =
                    if face.hides(stretch[0].id) { TextRenderingMode::Invisible } else { TextRenderingMode::Fill };
                content.set_text_rendering_mode(mode);
                pen = show(content, run, stretch, pen);
            }
        }
    }
    content.end_text();
    if let Some(face) = colour {
        content.restore_state();
        for glyph in &run.glyphs {
            face.paint(content, glyph.id, (r(run.x + glyph.x), r(baseline)), r(run.size));
        }
    }
}

/// Shows `glyphs` of `run` in one TJ, the pen at `pen` (from the run's left end) before the
/// first; returns where the pen is after the last.
fn show(content: &mut Content, run: &TextRun, glyphs: &[Glyph], mut pen: f32) -> f32 {
    let face = run.font.face();
    let to_milli = 1000.0 / face.units_per_em;
    let mut shown = content.show_positioned();
    let mut items = shown.items();
    let mut pending: Vec<u8> = Vec::with_capacity(glyphs.len() * 2);
    for glyph in glyphs {
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
    pen
}
