//! Lists: each item's blocks indented under its marker (a bullet, a number or a check box)
//! hanging at the left, or at the right for an item in a right-to-left script.

use super::blocks::{layout_blocks, nest, LEADING};
use super::flow::{Cx, Slab};
use super::fonts::FontId;
use super::lines::rtl_paragraph;
use super::tag::Role;
use super::Item;
use crate::ir::{plain_text, BlockKind, ListItem};

/// A list (numbered from `start`, `tight` or not) of `items` in `width`, at nesting `depth`.
pub fn list(
    cx: &mut Cx,
    start: Option<u64>,
    tight: bool,
    items: &[ListItem],
    width: f32,
    depth: usize,
    out: &mut Vec<Slab>,
) {
    let indent = if start.is_some() { cx.size * 2.0 } else { cx.size * 1.5 };
    let indent = nest(cx, indent, width);
    for (i, item) in items.iter().enumerate() {
        let marker = match (item.checked, start) {
            (Some(true), _) => "☑".to_string(),
            (Some(false), _) => "☐".to_string(),
            (None, Some(n)) => format!("{}.", n + i as u64),
            (None, None) => ["•", "◦", "▪"][depth % 3].to_string(),
        };
        let first = i == 0;
        let (inner, _) = cx.within(Role::LI, |cx| list_item(cx, item, &marker, (indent, width), (first, tight), depth));
        out.extend(inner);
    }
}

/// One item of a list (the `first` of a `tight` list or not): its body indented by `indent` in
/// `width`, its `marker` hanging before the first line.
fn list_item(
    cx: &mut Cx,
    item: &ListItem,
    marker: &str,
    (indent, width): (f32, f32),
    (first, tight): (bool, bool),
    depth: usize,
) -> Vec<Slab> {
    let (mut inner, _) = cx.within(Role::LBody, |cx| {
        let mut inner = Vec::new();
        layout_blocks(cx, &item.blocks, width - indent, depth + 1, &mut inner);
        inner
    });
    if inner.is_empty() {
        inner.push(Slab::new(cx.size * LEADING, Vec::new()));
    }
    let gap = if tight { cx.size * 0.15 } else { cx.size * 0.45 };
    inner[0].space_before = if first { cx.size * 0.6 } else { gap };
    // A right-to-left item hangs its marker at the right.
    let rtl = rtl_item(item);
    for slab in inner.iter_mut() {
        if !rtl {
            slab.indent(indent);
        }
        if tight && slab.space_before > 0.0 {
            slab.space_before = slab.space_before.min(gap);
        }
    }
    let baseline = inner[0].items.iter().find_map(|item| match item {
        Item::Text(run) => Some(run.y),
        _ => None,
    });
    let y = baseline.unwrap_or(cx.size * 1.1);
    let font = if item.checked.is_none() { FontId::SERIF } else { FontId::FALLBACK };
    let size = if item.checked.is_some() { cx.size * 1.1 } else { cx.size };
    let color = if item.checked.is_some() { cx.accent } else { cx.text_color };
    let ((mut runs, w), _) = cx.within(Role::Lbl, |cx| cx.text(marker, font, size, color, 0.0, y));
    let x = if rtl { width - indent + cx.size * 0.45 } else { indent - cx.size * 0.45 - w };
    for run in &mut runs {
        run.shift(x, 0.0);
    }
    inner[0].items.splice(0..0, runs);
    inner
}

/// Whether a list item's first paragraph runs right to left.
fn rtl_item(item: &ListItem) -> bool {
    match item.blocks.first().map(|b| &b.kind) {
        Some(BlockKind::Paragraph { content }) => rtl_paragraph([plain_text(content).as_str()]),
        _ => false,
    }
}
