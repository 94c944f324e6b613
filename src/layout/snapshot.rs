//! A text form of laid-out pages, one line per item (text with its face, size and colour), for
//! golden tests and debugging.

use super::{Item, LinkDest, Page, Rgb};
use std::fmt::Write;

/// Describes pages one item a line, positions rounded to a tenth of a point.
pub fn snapshot(pages: &[Page]) -> String {
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        let _ = writeln!(out, "page {} {:.1}x{:.1}", n + 1, page.width, page.height);
        for item in &page.items {
            let line = match item {
                Item::Text(run) => format!(
                    "  text {:.1},{:.1} {} {:.1} {} {:?}",
                    run.x,
                    run.y,
                    run.font.postscript_name(),
                    run.size,
                    hex(run.color),
                    run.text
                ),
                Item::Rule { x1, y1, x2, y2, width, .. } => {
                    format!("  rule {x1:.1},{y1:.1} {x2:.1},{y2:.1} w{width:.1}")
                }
                Item::Rect { x, y, w, h, .. } => format!("  rect {x:.1},{y:.1} {w:.1}x{h:.1}"),
                Item::Image { x, y, w, h, key, .. } => format!("  image {x:.1},{y:.1} {w:.1}x{h:.1} {key}"),
                Item::Link { x, y, w, h, dest, .. } => {
                    let to = match dest {
                        LinkDest::Uri(uri) => uri.clone(),
                        LinkDest::Internal { doc, anchor } => super::dest_name(doc, anchor.as_deref()),
                    };
                    format!("  link {x:.1},{y:.1} {w:.1}x{h:.1} -> {to}")
                }
                Item::Anchor { name, y, outline } => match outline {
                    Some((level, title)) => format!("  anchor {y:.1} {name} outline {level} {title:?}"),
                    None => format!("  anchor {y:.1} {name}"),
                },
            };
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A colour as `#rrggbb`.
fn hex(Rgb(r, g, b): Rgb) -> String {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b))
}
