//! Setting a line: its words' parts positioned as text runs (merged per style), code shading,
//! strike lines and link areas.

use super::super::flow::Slab;
use super::super::fonts::FontId;
use super::super::inline::Span;
use super::super::tag::Tag;
use super::super::{Glyph, Item, TextRun};
use super::bidi::visual_order;
use super::words::{Part, Word};
use crate::ir::Align;

/// The largest type size on a line, at least `base`: its height is this times the leading.
pub fn line_size(spans: &[Span], line: &[Word], base: f32) -> f32 {
    line.iter().flat_map(|w| &w.parts).map(|p| spans[p.span].style.size).fold(base, f32::max)
}

/// Positions the words of one line: text runs (merged per style), code shading, strike lines,
/// link areas. With a bidi `paragraph` level, the parts go in visual order, and a right-to-left
/// paragraph of no alignment of its own (`Align::None`: body text, headings, table cells of no
/// set alignment) is aligned right; `Align::Left` keeps code and contents entries at the left.
pub fn line_slab(
    (spans, tags): (&[Span], &[Tag]),
    line: &[Word],
    (base, leading): (f32, f32),
    (width, align): (f32, Align),
    paragraph: Option<u8>,
) -> Slab {
    let size = line_size(spans, line, base);
    let height = size * leading;
    let face = FontId::SERIF.face();
    let (asc, desc) = (face.ascender / face.units_per_em, -face.descender / face.units_per_em);
    let baseline = (height - size * (asc + desc)) / 2.0 + size * asc;
    let parts: Vec<&Part> = line.iter().flat_map(|w| &w.parts).collect();
    let trailing = paragraph.map_or(0, |_| parts.iter().rev().take_while(|p| p.text.trim().is_empty()).count());
    let used = match paragraph {
        None => line.iter().map(|w| w.full).sum::<f32>() - line.last().map_or(0.0, |w| w.full - w.width),
        Some(_) => parts[..parts.len() - trailing].iter().map(|p| p.width).sum(),
    };
    let align = match (align, paragraph) {
        (Align::None, Some(level)) if level % 2 == 1 => Align::Right,
        (align, _) => align,
    };
    let start = match align {
        Align::Right => (width - used).max(0.0),
        Align::Center => ((width - used) / 2.0).max(0.0),
        Align::None | Align::Left => 0.0,
    };
    let places = places(&parts, (paragraph, trailing), start);
    let mut runs: Vec<TextRun> = Vec::new();
    let mut extras: Vec<Item> = Vec::new();
    let mut backs: Vec<Item> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let Some(x) = places[i] else { continue };
        let style = &spans[part.span].style;
        let tag = tags[part.span];
        let fs = style.font_size();
        let y = baseline - style.rise;
        let rtl = part.level.is_some_and(|l| l % 2 == 1);
        let mut px = if rtl { x + part.width } else { x };
        for piece in &part.shaped.pieces {
            if rtl {
                px -= piece.width * fs;
            }
            let glyphs = piece.glyphs.iter().map(|g| Glyph { x: px + g.x * fs, ..*g });
            match runs.last_mut() {
                Some(run)
                    if (run.x + run.width - px).abs() < 0.01
                        && run.font == piece.font
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
            if !rtl {
                px += piece.width * fs;
            }
        }
        let last_of_line = i + 1 == parts.len();
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
    }
    let mut items = backs;
    items.extend(runs.into_iter().map(Item::Text));
    items.extend(extras);
    Slab::new(height, items)
}

/// The left end of each part, from `start`: in logical order, or with a bidi paragraph level in
/// visual order, leaving out the `trailing` white space at the line's end.
fn places(parts: &[&Part], (paragraph, trailing): (Option<u8>, usize), start: f32) -> Vec<Option<f32>> {
    let mut places = vec![None; parts.len()];
    let order: Vec<usize> = match paragraph {
        None => (0..parts.len()).collect(),
        Some(level) => {
            let levels: Vec<u8> = parts.iter().map(|p| p.level.unwrap_or(level)).collect();
            visual_order(&levels, trailing, level).into_iter().filter(|&i| i < parts.len() - trailing).collect()
        }
    };
    let mut x = start;
    for i in order {
        places[i] = Some(x);
        x += parts[i].width;
    }
    places
}
