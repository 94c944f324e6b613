//! Setting a line: its words' parts positioned as text runs (merged per style), code shading,
//! strike lines and link areas.

use super::super::flow::Slab;
use super::super::fonts::FontId;
use super::super::inline::Span;
use super::super::tag::Tag;
use super::super::{Glyph, Item, TextRun};
use super::words::Word;
use crate::ir::Align;

/// Positions the words of one line: text runs (merged per style), code shading, strike lines,
/// link areas.
pub fn line_slab(
    (spans, tags): (&[Span], &[Tag]),
    line: &[Word],
    base: f32,
    leading: f32,
    width: f32,
    align: Align,
) -> Slab {
    let size = line.iter().flat_map(|w| &w.parts).map(|p| spans[p.span].style.size).fold(base, f32::max);
    let height = size * leading;
    let face = FontId::SERIF.face();
    let (asc, desc) = (face.ascender / face.units_per_em, -face.descender / face.units_per_em);
    let baseline = (height - size * (asc + desc)) / 2.0 + size * asc;
    let used = line.iter().map(|w| w.full).sum::<f32>() - line.last().map_or(0.0, |w| w.full - w.width);
    let mut x = match align {
        Align::Right => (width - used).max(0.0),
        Align::Center => ((width - used) / 2.0).max(0.0),
        Align::None | Align::Left => 0.0,
    };
    let mut runs: Vec<TextRun> = Vec::new();
    let mut extras: Vec<Item> = Vec::new();
    let mut backs: Vec<Item> = Vec::new();
    for (w, word) in line.iter().enumerate() {
        for (p, part) in word.parts.iter().enumerate() {
            let style = &spans[part.span].style;
            let tag = tags[part.span];
            let fs = style.font_size();
            let y = baseline - style.rise;
            let mut px = x;
            for piece in &part.shaped.pieces {
                let glyphs = piece.glyphs.iter().map(|g| Glyph { x: px + g.x * fs, ..*g });
                match runs.last_mut() {
                    Some(run)
                        if run.font == piece.font
                            && run.size == fs
                            && run.color == style.color
                            && run.y == y
                            && run.tag == tag =>
                    {
                        let base_x = run.x;
                        run.glyphs.extend(glyphs.map(|g| Glyph { x: g.x - base_x, ..g }));
                        run.text.push_str(&piece.text);
                        run.width = px + piece.width * fs - base_x;
                    }
                    _ => runs.push(TextRun {
                        x: px,
                        y,
                        font: piece.font,
                        size: fs,
                        color: style.color,
                        glyphs: glyphs.map(|g| Glyph { x: g.x - px, ..g }).collect(),
                        text: piece.text.clone(),
                        width: piece.width * fs,
                        tag,
                    }),
                }
                px += piece.width * fs;
            }
            let last_of_line = w + 1 == line.len() && p + 1 == word.parts.len();
            let ink = if last_of_line { part.ink } else { part.width };
            if style.code {
                backs.push(Item::Rect {
                    x: x - 1.0,
                    y: baseline - style.size * 0.8,
                    w: part.ink + 2.0,
                    h: style.size * 1.05,
                    color: super::super::Rgb(0.93, 0.94, 0.95),
                });
            }
            if style.strike {
                let y = baseline - style.size * 0.3;
                extras.push(Item::Rule { x1: x, y1: y, x2: x + ink, y2: y, width: 0.6, color: style.color });
            }
            if let Some(dest) = &style.link {
                let (top, h) = (baseline - style.size * 0.9, style.size * 1.2);
                match extras.last_mut() {
                    Some(Item::Link { x: lx, w: lw, dest: d, .. }) if d == dest && (*lx + *lw - x).abs() < 0.5 => {
                        *lw = x + ink - *lx;
                    }
                    _ => extras.push(Item::Link { x, y: top, w: ink, h, dest: dest.clone(), tag }),
                }
            }
            x += part.width;
        }
    }
    let mut items = backs;
    items.extend(runs.into_iter().map(Item::Text));
    items.extend(extras);
    Slab::new(height, items)
}
