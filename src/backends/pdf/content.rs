//! Page content streams: layout items to PDF drawing operators, y flipped to PDF's upward axis.
//! Glyphs are written as their ids in the whole face (see [`super::fonts`]) with TJ adjustments that put each one where the
//! shaper placed it.

use super::fonts::resource;
use crate::layout::{Item, Page, Rgb, TextRun};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A number with at most three decimals and no trailing zeros.
pub fn num(value: f32) -> String {
    let rounded = (f64::from(value) * 1000.0).round() / 1000.0;
    let mut s = format!("{rounded:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    if s == "-0" {
        s = "0".into();
    }
    s
}

fn color(out: &mut String, c: Rgb, op: &str) {
    let _ = writeln!(out, "{} {} {} {op}", num(c.0), num(c.1), num(c.2));
}

/// The content stream of a page; `images` names the XObject of each image key.
pub fn page_content(page: &Page, images: &BTreeMap<String, String>) -> Vec<u8> {
    let mut out = String::new();
    let h = page.height;
    for item in &page.items {
        match item {
            Item::Rect { x, y, w, h: rh, color: c } => {
                color(&mut out, *c, "rg");
                let _ = writeln!(out, "{} {} {} {} re f", num(*x), num(h - y - rh), num(*w), num(*rh));
            }
            Item::Rule { x1, y1, x2, y2, width, color: c } => {
                color(&mut out, *c, "RG");
                let _ =
                    writeln!(out, "{} w {} {} m {} {} l S", num(*width), num(*x1), num(h - y1), num(*x2), num(h - y2));
            }
            Item::Text(run) => text(&mut out, run, h),
            Item::Image { x, y, w, h: ih, key } => {
                if let Some(name) = images.get(key) {
                    let _ =
                        writeln!(out, "q {} 0 0 {} {} {} cm /{name} Do Q", num(*w), num(*ih), num(*x), num(h - y - ih));
                }
            }
            Item::Link { .. } | Item::Anchor { .. } => {}
        }
    }
    out.into_bytes()
}

fn text(out: &mut String, run: &TextRun, page_height: f32) {
    let Some(first) = run.glyphs.first() else { return };
    let face = run.font.face();
    let to_milli = 1000.0 / face.units_per_em;
    color(out, run.color, "rg");
    let _ = write!(
        out,
        "BT /{} {} Tf 1 0 0 1 {} {} Tm [<",
        resource(run.font),
        num(run.size),
        num(run.x + first.x),
        num(page_height - run.y)
    );
    let mut pen = first.x;
    for glyph in &run.glyphs {
        let adjust = (glyph.x - pen) * 1000.0 / run.size;
        if adjust.abs() >= 0.05 {
            let _ = write!(out, "> {} <", num(-adjust));
        }
        let _ = write!(out, "{:04X}", glyph.id);
        // The viewer advances by the /W width, which is rounded to whole thousandths of an em.
        pen = glyph.x + (face.advance(glyph.id) * to_milli).round() * run.size / 1000.0;
    }
    out.push_str(">] TJ ET\n");
}
