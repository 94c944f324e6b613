//! A sequence diagram's message of several lines (`A->>B: first<br/>second`) set above its
//! arrow. mermaid-svg centres the lines on the place of a one-line message, just above the
//! arrow, so the second line is drawn through the arrow; lifted, the last line stands where a
//! one-line message does and the others above it.

use super::attribute;

/// The height of the arrow an element draws: a `<line>` across, with its two ends level.
fn arrow_height(element: &str) -> Option<f64> {
    let line = element.strip_prefix("<line ")?;
    let (y1, y2) = (attribute(line, "y1")?, attribute(line, "y2")?);
    (y1 == y2).then(|| y1.parse().ok()).flatten()
}

/// `svg` with each message of several lines ending just above its arrow.
pub(super) fn lifted(svg: &str) -> String {
    let elements: Vec<&str> = svg.split_inclusive('>').collect();
    let mut out = String::with_capacity(svg.len());
    for (at, element) in elements.iter().enumerate() {
        let first_line = at >= 2 && element.starts_with("<tspan ") && elements[at - 1].starts_with("<text ");
        let lift = first_line.then(|| lift(&elements[at - 2..])).flatten();
        match lift.and_then(|dy| Some((dy, attribute(element, "dy")?))) {
            Some((dy, old)) => out.push_str(&element.replacen(&format!(" dy=\"{old}\""), &format!(" dy=\"{dy}\""), 1)),
            None => out.push_str(element),
        }
    }
    out
}

/// The `dy` that puts the first line of a message's text where its last line ends just above
/// its arrow: `elements` start with the arrow's `<line>`, then the `<text>` above it and its
/// `<tspan>` lines. `None` for anything else, or a message of one line.
fn lift(elements: &[&str]) -> Option<String> {
    let arrow = arrow_height(elements[0])?;
    let text: f64 = attribute(elements[1], "y")?.parse().ok()?;
    let lines: Vec<&str> = elements[2..]
        .iter()
        .take_while(|e| !e.starts_with("</text"))
        .filter(|e| e.starts_with("<tspan "))
        .copied()
        .collect();
    let step: f64 = attribute(lines.get(1)?, "dy")?.parse().ok()?;
    (text < arrow && step > 0.0).then(|| format!("{}", -step * (lines.len() - 1) as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARROW: &str = r##"<line x1="239" y1="169" x2="400" y2="169" stroke="#333"/>"##;

    #[test]
    fn a_message_of_two_lines_ends_above_its_arrow_and_one_line_stays() {
        let two = format!(
            "<svg>{ARROW}<text x=\"319.5\" y=\"163\" font-size=\"12\">\
             <tspan x=\"319.5\" dy=\"-9\">Presents the case</tspan><tspan x=\"319.5\" dy=\"18\">with evidence</tspan>\
             </text></svg>"
        );
        let lifted = lifted(&two);
        assert_eq!(lifted, two.replacen("dy=\"-9\"", "dy=\"-18\"", 1));
        let three = two.replace("</tspan></text>", "</tspan><tspan x=\"319.5\" dy=\"18\">and peers</tspan></text>");
        assert!(super::lifted(&three).contains("dy=\"-36\">Presents"), "{}", super::lifted(&three));
        let one = format!("<svg>{ARROW}<text x=\"319.5\" y=\"163\">Short</text></svg>");
        assert_eq!(super::lifted(&one), one);
        // A note's lines inside its box, after no arrow, stay.
        let note = two.replace(ARROW, "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\"/>");
        assert_eq!(super::lifted(&note), note);
    }
}
