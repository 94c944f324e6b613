//! One order for what mermaid-svg draws in the order of a hash map. A sequence diagram's
//! activations left open at its end (`A->>+B: …`, never closed) are drawn by walking a
//! `HashMap`, whose order changes from run to run: the same diagram gave other bytes in the
//! next build, which the `diagram` fuzz target found by drawing each input twice. Those bands
//! are consecutive rectangles of one style that reach down to the lifelines' foot; put in
//! order of their place, they draw the same picture every time.

/// A rectangle as mermaid-svg writes one: `<rect x=".." y=".." width=".." height=".." …/>`.
#[derive(Debug, PartialEq)]
struct Rect<'a> {
    x: f64,
    y: f64,
    width: &'a str,
    height: f64,
    /// The rest of its attributes: its style.
    style: &'a str,
}

impl<'a> Rect<'a> {
    fn read(element: &'a str) -> Option<Rect<'a>> {
        let rest = element.strip_prefix("<rect x=\"")?.strip_suffix("/>")?;
        let (x, rest) = rest.split_once("\" y=\"")?;
        let (y, rest) = rest.split_once("\" width=\"")?;
        let (width, rest) = rest.split_once("\" height=\"")?;
        let (height, style) = rest.split_once('"')?;
        Some(Rect { x: x.parse().ok()?, y: y.parse().ok()?, width, height: height.parse().ok()?, style })
    }

    /// Whether `other` is drawn alike and reaches as far down: one of the same run.
    fn alike(&self, other: &Rect) -> bool {
        self.width == other.width && self.style == other.style && self.y + self.height == other.y + other.height
    }
}

/// `svg` with each run of two or more consecutive rectangles that share their style, width
/// and foot put in order of their place: left to right, then top to bottom.
pub(super) fn settled(svg: &str) -> String {
    let elements: Vec<&str> = svg.split_inclusive('>').collect();
    let mut out = String::with_capacity(svg.len());
    let mut at = 0;
    while at < elements.len() {
        let Some(first) = Rect::read(elements[at]) else {
            out.push_str(elements[at]);
            at += 1;
            continue;
        };
        let mut run = vec![(first, elements[at])];
        while let Some(next) = elements.get(at + run.len()).and_then(|e| Some((Rect::read(e)?, *e))) {
            if !run[0].0.alike(&next.0) {
                break;
            }
            run.push(next);
        }
        at += run.len();
        run.sort_by(|(a, _), (b, _)| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
        run.iter().for_each(|(_, element)| out.push_str(element));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_activations_are_put_in_order_of_place_and_nothing_else_moves() {
        let band = |x: u32, y: u32, h: u32| {
            format!("<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"{h}\" fill=\"#ECECFF\" stroke=\"#9370DB\" stroke-width=\"1\"/>")
        };
        let actor = "<rect x=\"24\" y=\"24\" width=\"110\" height=\"40\" fill=\"#ECECFF\" rx=\"4\"/>";
        let text = "<text x=\"5\">A &gt; B</text>";
        // Two bands reaching the foot (274), in either order; a closed band above them stays.
        let closed = band(300, 100, 50);
        let (a, b) = (band(556, 169, 105), band(74, 219, 55));
        let one = format!("<svg>{actor}{closed}{a}{b}{text}</svg>");
        let other = format!("<svg>{actor}{closed}{b}{a}{text}</svg>");
        assert_eq!(settled(&one), settled(&other));
        assert_eq!(settled(&one), format!("<svg>{actor}{closed}{b}{a}{text}</svg>"));
        assert_eq!(Rect::read(actor).map(|r| r.style), Some(" fill=\"#ECECFF\" rx=\"4\""));
    }
}
