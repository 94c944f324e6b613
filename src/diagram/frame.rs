//! A drawing's frame widened to hold everything it draws. mermaid-svg sizes a diagram from its
//! own guess of how wide its labels are, and a label wider than the guess runs past the
//! drawing's edge, where every format cuts it off: a long message of a sequence diagram
//! between its first two participants lost its first words at the left. The drawing is read
//! as the formats read it, its text set in the bundled faces, and its view box grown to take
//! in all it draws, with a little room around.

use super::attribute;
use crate::layout::image_svg;

/// Room left around what ran past the frame, in the drawing's units (its pixels).
const MARGIN: f32 = 4.0;

/// How far past the frame a shape may reach before the frame grows: a box drawn on the edge,
/// or a glyph's overhang, is not text cut off.
const SLACK: f32 = 1.0;

/// `svg` with its view box (and the largest width it asks for) grown to hold all it draws;
/// unchanged when it already does, or when it cannot be read.
pub(super) fn framed(svg: String) -> String {
    let Some((old, view)) = view_box(&svg) else { return svg };
    let Some(tree) = image_svg::parse(svg.as_bytes()) else { return svg };
    let (size, drawn) = (tree.size(), tree.root().abs_bounding_box());
    // What is drawn, from the canvas usvg draws on to the view box's units: left, top,
    // right, bottom.
    let (sx, sy) = (view[2] / size.width(), view[3] / size.height());
    let ink = [
        view[0] + drawn.left() * sx,
        view[1] + drawn.top() * sy,
        view[0] + drawn.right() * sx,
        view[1] + drawn.bottom() * sy,
    ];
    let frame = [view[0], view[1], view[0] + view[2], view[1] + view[3]];
    // Each side moves out only where something reaches past it.
    let out = |past: bool, to: f32, side: f32| if past { to } else { side };
    let left = out(ink[0] < frame[0] - SLACK, ink[0] - MARGIN, frame[0]);
    let top = out(ink[1] < frame[1] - SLACK, ink[1] - MARGIN, frame[1]);
    let right = out(ink[2] > frame[2] + SLACK, ink[2] + MARGIN, frame[2]);
    let bottom = out(ink[3] > frame[3] + SLACK, ink[3] + MARGIN, frame[3]);
    if [left, top, right, bottom] == frame {
        return svg;
    }
    let [x, y, w, h] = [left, top, right - left, bottom - top].map(|v| (v * 10.0).round() / 10.0);
    svg.replacen(&format!(" viewBox=\"{old}\""), &format!(" viewBox=\"{x} {y} {w} {h}\""), 1).replacen(
        &format!("max-width: {}px", view[2]),
        &format!("max-width: {w}px"),
        1,
    )
}

/// The root element's `viewBox` as written, and its four numbers.
fn view_box(svg: &str) -> Option<(&str, [f32; 4])> {
    let root = svg.find("<svg").and_then(|at| svg[at..].find('>').map(|end| &svg[at..at + end]))?;
    let written = attribute(root, "viewBox")?;
    let numbers: Vec<f32> = written.split([' ', ',']).filter_map(|n| n.parse().ok()).collect();
    match numbers[..] {
        [x, y, w, h] if w > 0.0 && h > 0.0 => Some((written, [x, y, w, h])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A drawing laid out as mermaid-svg lays one out, with a label centred on x = 40 that is
    /// far wider than the 80 units on its left.
    const CUT: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 200 60" style="max-width: 200px;" font-family="sans-serif" font-size="14"><line x1="40" y1="0" x2="40" y2="60" stroke="#333"/><text x="40" y="30" text-anchor="middle" font-size="12">Asks for a promotion review with a written case</text></svg>"##;

    #[test]
    fn a_label_past_the_edge_widens_the_view_box_to_hold_it() {
        let framed = framed(CUT.to_string());
        let (_, [x, y, w, h]) = view_box(&framed).expect("a view box");
        assert!(x < -50.0, "the frame reaches left of the label's start: {x}");
        assert!(x + w > 130.0 && w > 200.0, "and to its end: {x} + {w}");
        assert_eq!((y, h), (0.0, 60.0), "nothing ran past the top or bottom");
        assert!(framed.contains(&format!("max-width: {w}px")));
        assert!(
            framed.ends_with("</svg>") && framed.contains(">Asks for a promotion review with a written case</text>")
        );
    }

    #[test]
    fn a_drawing_within_its_frame_is_left_as_it_is() {
        let inside = CUT.replace("Asks for a promotion review with a written case", "Asks");
        assert_eq!(framed(inside.clone()), inside);
        assert_eq!(framed("not a drawing".to_string()), "not a drawing");
    }
}
