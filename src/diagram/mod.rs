//! Mermaid code blocks drawn as pictures: a ` ```mermaid ` block is drawn as SVG (mermaid-svg,
//! pure Rust, no browser) when the driver reads the assets, and every format that shows
//! images shows the drawing in the block's place, as an image whose alt text is the
//! diagram's labels. The IR keeps the code block, so the JSON keeps the diagram's source; a
//! block that cannot be drawn stays code, with a warning.
//!
//! Only the kinds of diagram whose size follows from what they show are drawn ([`DRAWN`]).
//! Gantt charts and packet diagrams are not: their size follows from the numbers they hold,
//! and fuzzing found a Gantt chart of 60 bytes (a task of a hundred million days) and a
//! packet diagram of 12 (a field at bit 99,999,999) that made the renderer ask for gigabytes,
//! which no guard inside the process can catch. A Gantt chart also marks today's date, read
//! from the clock, so its drawing would change from one day's build to the next. Every kind
//! drawn was fuzzed with a limit on each allocation, and drawn twice to the same bytes
//! (BENCHMARKS.md, run 24). A drawing whose labels run past its edge is given the room they
//! take (`frame.rs`), so no word of a diagram is cut off.

mod alt;
mod frame;
mod lift;
mod settle;

use crate::ir::{Image, Span};
use alt::alt;
use mermaid_svg::Diagram;

/// The folder of the drawings' asset keys; no page's image is read from it.
const FOLDER: &str = "folio-diagrams";

/// The kinds of diagram drawn, by the word that starts them (with Mermaid's other names for
/// them).
pub const DRAWN: [&str; 35] = [
    "flowchart",
    "graph",
    "flowchart-elk",
    "sequenceDiagram",
    "zenuml",
    "classDiagram",
    "classDiagram-v2",
    "stateDiagram",
    "stateDiagram-v2",
    "erDiagram",
    "pie",
    "mindmap",
    "timeline",
    "journey",
    "gitGraph",
    "quadrantChart",
    "xychart-beta",
    "xychart",
    "radar-beta",
    "radar",
    "sankey-beta",
    "sankey",
    "treemap-beta",
    "treemap",
    "kanban",
    "block-beta",
    "block",
    "requirementDiagram",
    "C4Context",
    "C4Container",
    "C4Component",
    "C4Dynamic",
    "C4Deployment",
    "architecture-beta",
    "architecture",
];

/// The kinds of diagram not drawn, as their size follows from the numbers they hold.
const SCALED: [&str; 3] = ["gantt", "packet-beta", "packet"];

/// The longest diagram drawn, in bytes: a page's diagram is a few hundred.
const MAX_BYTES: usize = 32 * 1024;

/// The most links a diagram laid out in layers may have. Laying them out takes time that grows
/// with the square of the links between two layers: fuzzing found a flowchart of 679 bytes
/// whose `&` groups make 7,404 links among 25 boxes, a second to draw, and 1,200 links among
/// 400 boxes take half a second; 400 take a few hundredths. No one reads 500 links.
const MAX_LINKS: usize = 500;

/// The asset key of the drawing of a code block in language `lang` holding `text`, if it is a
/// diagram folio draws.
pub fn key(lang: Option<&str>, text: &str) -> Option<String> {
    let lang = lang?.trim();
    lang.eq_ignore_ascii_case("mermaid").then(|| {
        let hash = blake3::hash(text.as_bytes()).to_hex();
        format!("{FOLDER}/{}.svg", &hash[..24])
    })
}

/// Whether the asset `key` is a drawing of a diagram, not a file of the content tree.
pub fn is_drawing(key: &str) -> bool {
    key.strip_prefix(FOLDER).is_some_and(|rest| rest.starts_with('/'))
}

/// Draws a Mermaid diagram as SVG; the error says why it cannot be.
pub fn draw(text: &str) -> Result<Vec<u8>, String> {
    if text.len() > MAX_BYTES {
        return Err(format!("it is longer than {} KB", MAX_BYTES / 1024));
    }
    match kind(text) {
        Some(kind) if DRAWN.contains(&kind) => {}
        Some(kind) if SCALED.contains(&kind) => {
            return Err(format!("folio does not draw `{kind}` diagrams, whose size follows from the numbers they hold"))
        }
        Some(kind) => {
            let hint = crate::diag::did_you_mean(kind, DRAWN).map(|k| format!(" (did you mean `{k}`?)"));
            return Err(format!("`{kind}` is no kind of diagram folio draws{}", hint.unwrap_or_default()));
        }
        None => return Err("it names no kind of diagram".into()),
    }
    let drawn = crate::panic_guard::catch(|| {
        // Read once to count its links, then drawn as read with its theme (which only the
        // renderer's own reading takes from the source).
        let diagram = mermaid_svg::parse(text).map_err(|e| e.to_string())?;
        match links(&diagram) {
            many if many > MAX_LINKS => Err(format!("it has {many} links, more than the {MAX_LINKS} folio lays out")),
            _ => match (mermaid_svg::render(text), &diagram) {
                (Ok(svg), Diagram::Sequence(_)) => Ok(frame::framed(lift::lifted(&settle::settled(&svg)))),
                (drawn, _) => drawn.map(frame::framed).map_err(|e| e.to_string()),
            },
        }
    })
    .map_err(|panic| format!("the renderer stopped: {panic}"))?;
    drawn.map(String::into_bytes)
}

/// The value of attribute `name` of an element as mermaid-svg writes one (`name="value"`,
/// after a space), which the mends of its drawings read.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    element[start..].split('"').next()
}

/// The links between the boxes of a diagram laid out in layers (flowcharts, class, ER,
/// state, requirement and architecture diagrams), a link between groups counting once for
/// each pair (`a & b --> c & d` is four); none for the other kinds.
fn links(diagram: &Diagram) -> usize {
    match diagram {
        Diagram::Flowchart(flow) => flow.edges.len(),
        Diagram::Class(class) => class.relations.len(),
        Diagram::Er(er) => er.relations.len(),
        Diagram::State(state) => state.transitions.len(),
        Diagram::Requirement(requirement) => requirement.relations.len(),
        Diagram::Architecture(architecture) => architecture.edges.len(),
        _ => 0,
    }
}

/// A diagram's source as Mermaid reads it, without blank lines, `%%` comments and
/// `%%{init: …}%%` directives: its `---` front matter, the line naming its kind, and the rest.
struct Source<'a> {
    front_matter: Vec<&'a str>,
    /// The line naming the kind (`pie title Time spent`), if there is one.
    head: Option<&'a str>,
    body: Vec<&'a str>,
}

impl<'a> Source<'a> {
    fn read(text: &'a str) -> Source<'a> {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("%%")).peekable();
        let mut front_matter = Vec::new();
        if lines.next_if_eq(&"---").is_some() {
            front_matter = lines.by_ref().take_while(|l| *l != "---").collect();
        }
        Source { front_matter, head: lines.next(), body: lines.collect() }
    }

    /// The word the diagram starts with (`flowchart`, `sequenceDiagram`, …), and the rest of
    /// its line.
    fn kind(&self) -> Option<(&'a str, &'a str)> {
        let head = self.head?;
        let end = head.find(|c: char| c.is_whitespace() || c == ';').unwrap_or(head.len());
        Some((head[..end].trim_end_matches(':'), head[end..].trim_start_matches(';').trim()))
    }
}

/// The word a diagram starts with, past its front matter, comments and directives.
fn kind(text: &str) -> Option<&str> {
    Source::read(text).kind().map(|(kind, _)| kind)
}

/// The image shown in place of a code block in `lang` holding `text`, when it is a diagram
/// that was drawn (`drawn` says whether an asset key is among the images).
pub fn image(lang: Option<&str>, text: &str, span: Span, drawn: impl Fn(&str) -> bool) -> Option<Image> {
    let key = key(lang, text).filter(|key| drawn(key))?;
    Some(Image { src: format!("/{key}"), alt: alt(&Source::read(text)), title: String::new(), span })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_mermaid_blocks_are_drawn_and_their_key_follows_their_text() {
        assert!(key(Some("rust"), "fn main() {}").is_none() && key(None, "graph LR").is_none());
        let a = key(Some("mermaid"), "graph LR\n A --> B").unwrap();
        assert!(a.starts_with("folio-diagrams/") && a.ends_with(".svg"));
        assert_eq!(key(Some(" Mermaid"), "graph LR\n A --> B"), Some(a.clone()));
        assert!(is_drawing(&a) && !is_drawing("img/flow.svg") && !is_drawing("folio-diagrams.svg"));
        assert_ne!(key(Some("mermaid"), "graph LR\n A --> C"), Some(a));
    }

    #[test]
    fn a_flowchart_is_drawn_with_its_labels_and_nonsense_is_refused() {
        let source = "flowchart LR\n  A[Self review] --> B{Manager agrees?}\n  B -->|yes| C[Calibration]\n";
        let svg = String::from_utf8(draw(source).unwrap()).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("Self review") && svg.contains("Calibration"), "{svg}");
        assert_eq!(alt(&Source::read(source)), "Diagram: Self review, Manager agrees?, yes, Calibration");
        assert_eq!(alt(&Source::read("sequenceDiagram\n  A->>B: Packet sent\n")), "Diagram: Packet sent");
        assert!(draw("this is not a diagram").is_err());
    }

    #[test]
    fn a_sequence_diagram_with_activations_left_open_is_drawn_to_the_same_bytes_every_time() {
        // What fuzzing found: two activations never closed, drawn in a hash map's order.
        let open = "sequenceDiagram\n  A->>+B: Pack\n  C->>+D: Reply\n";
        let first = draw(open).unwrap();
        for _ in 0..24 {
            assert!(draw(open).unwrap() == first, "another order of the open activations");
        }
    }

    /// The canvas and the boxes of the text of a drawing, as the formats set it.
    fn text_boxes(svg: &[u8]) -> (usvg::Size, Vec<usvg::Rect>) {
        fn walk(group: &usvg::Group, boxes: &mut Vec<usvg::Rect>) {
            for node in group.children() {
                match node {
                    usvg::Node::Group(group) => walk(group, boxes),
                    usvg::Node::Text(text) => boxes.push(text.abs_bounding_box()),
                    _ => {}
                }
            }
        }
        let tree = crate::layout::image_svg::parse(svg).expect("a drawing");
        let mut boxes = Vec::new();
        walk(tree.root(), &mut boxes);
        (tree.size(), boxes)
    }

    #[test]
    fn a_long_message_between_the_first_two_participants_is_drawn_whole() {
        // mermaid-svg centres it between their lifelines and cut off its first words at the left.
        let source = "sequenceDiagram\n  participant E as Engineer\n  participant M as Manager\n  \
                      E->>M: Asks for a promotion review with a written case and three peer references\n  \
                      M-->>E: Shares the outcome\n";
        let (canvas, boxes) = text_boxes(&draw(source).unwrap());
        assert_eq!(boxes.len(), 6, "two participants drawn twice, two messages");
        for b in boxes {
            let inside =
                b.left() >= 0.0 && b.top() >= 0.0 && b.right() <= canvas.width() && b.bottom() <= canvas.height();
            assert!(inside, "{b:?} is cut off by the drawing's edge, {canvas:?}");
        }
    }

    #[test]
    fn a_message_of_two_lines_is_drawn_above_its_arrow_not_through_it() {
        let source = "sequenceDiagram\n  participant M as Manager\n  participant C as Committee\n  \
                      M->>C: Presents the case<br/>with evidence\n";
        let svg = draw(source).unwrap();
        // The message's arrow: the one line across, level, between the lifelines.
        let text = String::from_utf8(svg.clone()).unwrap();
        let arrow: Vec<f32> = text
            .split('<')
            .filter(|e| e.starts_with("line ") && e.contains("marker-end"))
            .filter_map(|e| e.split("y1=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        let (_, boxes) = text_boxes(&svg);
        // The message: the one text near the arrow (the participants' names are far off),
        // two lines tall.
        let near = |b: &&usvg::Rect| {
            arrow.first().is_some_and(|y| (b.top() + b.bottom()) / 2.0 - y < 30.0 && y - b.top() < 40.0)
        };
        let message: Vec<&usvg::Rect> = boxes.iter().filter(near).collect();
        assert_eq!((arrow.len(), message.len()), (1, 1), "one arrow, one message: {arrow:?} {boxes:?}");
        assert!(message[0].height() > 25.0, "two lines: {:?}", message[0]);
        assert!(message[0].bottom() <= arrow[0], "{:?} is drawn through the arrow at {}", message[0], arrow[0]);
    }

    #[test]
    fn diagrams_sized_by_their_numbers_are_not_drawn_and_the_others_are() {
        assert_eq!(kind("---\ntitle: Flow\n---\n%% a note\n\ngraph TD;A-->B"), Some("graph"));
        assert!(draw("%%{init: {}}%%\nsequenceDiagram\n  A->>B: hi\n").is_ok());
        // The input fuzzing found: a Gantt task of a hundred million days.
        let gantt = "gantt\n  title<!--  Pl !--  Pl :, 2024 202450999d-01-030999~~";
        assert!(draw(gantt).unwrap_err().contains("does not draw `gantt` diagrams"), "{:?}", draw(gantt));
        // And one of a packet diagram: a field at bit 99,999,999.
        assert!(draw("packet-beta\n99999999::i").unwrap_err().contains("does not draw `packet-beta`"));
        assert!(draw("flowchar LR\n  A --> B").unwrap_err().contains("(did you mean `flowchart`?)"));
        // Kinds a ladder's pages use are drawn (a timeline, a radar of skills, a quadrant), and a
        // kind written with Mermaid's colon.
        let quadrant = "quadrantChart\n  x-axis Low --> High\n  Mentoring: [0.3, 0.6]";
        for kind in [
            "timeline\n  2019 : Engineer I",
            "radar-beta\n  axis a, b, c\n  curve x{1, 2, 3}",
            quadrant,
            "gitGraph:\n  commit",
        ] {
            assert!(draw(kind).is_ok(), "{kind}: {:?}", draw(kind));
        }
        assert!(draw(&format!("graph LR\n{}", "A --> B\n".repeat(5000))).unwrap_err().contains("longer than 32 KB"));
        // What fuzzing found: `&` groups of 679 bytes that make 7,404 links among 25 boxes.
        let groups = (0..30).map(|i| format!("N{i}")).collect::<Vec<_>>().join(" & ");
        let knot = format!("flowchart LR\n{groups} --> {groups}\n");
        assert!(draw(&knot).unwrap_err().contains("it has 900 links, more than the 500"), "{:?}", draw(&knot));
        assert!(draw(&format!("flowchart LR\n{}", "A --> B\n".repeat(500))).is_ok());
    }
}
