//! The alt text of a drawn diagram, read from its source: the words the drawing shows (titles,
//! sections, axes, node and edge labels, messages, tasks, flows), so that a reader who cannot
//! see the picture, and a search of the PDF, loses none of them. Mermaid's kinds write their
//! labels in a few ways, and each way is read here once, whatever the kind.

use super::Source;

/// Statements whose rest of line is shown as a label: titles and sections (timelines,
/// journeys, charts), axes and quadrants, git branches, sequence participants.
const LABELLING: [&str; 13] = [
    "title",
    "section",
    "accTitle",
    "x-axis",
    "y-axis",
    "quadrant-1",
    "quadrant-2",
    "quadrant-3",
    "quadrant-4",
    "branch",
    "participant",
    "actor",
    "accDescr",
];

/// The kinds whose plain lines are labels, indented into an outline.
const OUTLINES: [&str; 2] = ["mindmap", "kanban"];

/// Statements before a colon that are syntax, not a label: `commit id: "feat"`,
/// `Note right of A: text`, `click A call back()`.
const STATEMENTS: [&str; 8] = ["commit", "note", "click", "style", "classdef", "linkstyle", "merge", "cherry-pick"];

/// `Diagram: ` and the labels of the diagram written in `source`, each once, in the order
/// written; `Diagram` when it has none.
pub(super) fn alt(source: &Source) -> String {
    let mut labels = Labels::default();
    // Mermaid's front matter: only its title is shown.
    for line in &source.front_matter {
        if let Some(title) = line.strip_prefix("title:") {
            labels.push(title);
        }
    }
    // The line naming the kind can go on with a statement: `pie title Time spent`.
    let (kind, rest) = source.kind().unwrap_or_default();
    labels.line(rest);
    // A mind map's or a kanban board's lines are its labels, in an outline.
    let outline = OUTLINES.contains(&kind);
    for line in &source.body {
        match outline && !line.contains(['[', '(', '{', '"', ':']) {
            true => labels.push(line),
            false => labels.line(line),
        }
    }
    match labels.0.is_empty() {
        true => "Diagram".to_string(),
        false => format!("Diagram: {}", labels.0.join(", ")),
    }
}

/// Labels found so far, each once.
#[derive(Default)]
struct Labels(Vec<String>);

impl Labels {
    /// Adds `label` without its quotes and brackets, if it has a letter: values and
    /// coordinates (`40`, `0.3, 0.6`) are not words to read out.
    fn push(&mut self, label: &str) {
        if label.chars().any(char::is_alphabetic) {
            self.push_shown(label);
        }
    }

    /// Adds `label` without its quotes and brackets, whatever it holds (a timeline's `2019`).
    fn push_shown(&mut self, label: &str) {
        let label = label.trim_matches(|c: char| "[](){}\"'".contains(c) || c.is_whitespace());
        if !label.is_empty() && !self.0.iter().any(|l| l == label) {
            self.0.push(label.to_string());
        }
    }

    /// The labels of one line of a diagram.
    fn line(&mut self, line: &str) {
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        if LABELLING.contains(&word.trim_end_matches(':')) && !rest.contains(['"', '[']) {
            // `participant A as Alice` shows Alice; an axis `Low --> High` both its ends.
            let shown = rest.rsplit_once(" as ").map_or(rest, |(_, alias)| alias);
            shown.split("-->").for_each(|part| self.push(part));
            return;
        }
        self.enclosed(line);
        self.around_colons(line);
        self.flow(line);
    }

    /// What `line` writes in brackets, braces, parentheses, quotes or between bars (node and
    /// edge labels, slices); in quotes only, where the brackets hold quoted arguments
    /// (`Person(user, "User", "A user")`).
    fn enclosed(&mut self, line: &str) {
        let mut rest = line;
        while let Some(open) = rest.find(['[', '(', '{', '|', '"']) {
            let close = match rest.as_bytes()[open] {
                b'[' => ']',
                b'(' => ')',
                b'{' => '}',
                b'|' => '|',
                _ => '"',
            };
            let inner = &rest[open + 1..];
            let Some(end) = inner.find(close) else { break };
            let label = &inner[..end];
            match close != '"' && label.contains('"') {
                true => self.enclosed(label),
                false => self.push(label),
            }
            rest = &inner[end + 1..];
        }
    }

    /// The parts of a line a colon divides: messages, transitions, tasks and their actors
    /// (`Write packet: 3: Engineer`), a timeline's period and events (`2019 : Engineer I`);
    /// the part before the first colon unless it is syntax (`A->>B`, `commit id`).
    fn around_colons(&mut self, line: &str) {
        let mut parts = line.split(':');
        let (Some(first), Some(second)) = (parts.next(), parts.next()) else { return };
        let statement =
            first.split_whitespace().next().is_some_and(|w| STATEMENTS.contains(&w.to_lowercase().as_str()));
        let syntax =
            first.contains(['<', '>', '|', '{', '}', '[', '(', '"']) || first.contains("--") || first.contains("..");
        if !statement && !syntax {
            self.push_shown(first);
        }
        // Not what is syntax itself: a URL's rest, an architecture diagram's `L -- R`.
        for part in std::iter::once(second).chain(parts).filter(|p| !p.starts_with("//") && !p.contains("--")) {
            self.push(part);
        }
    }

    /// The two ends of a flow written as comma-separated values (`Engineer,Senior,10`, a
    /// Sankey diagram's line).
    fn flow(&mut self, line: &str) {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if let [from, to, value] = fields[..] {
            if value.parse::<f64>().is_ok() && !line.contains(':') {
                self.push(from);
                self.push(to);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{alt, Source};

    fn alt_of(text: &str) -> String {
        alt(&Source::read(text))
    }

    #[test]
    fn every_kind_writes_its_labels_into_the_alt_text() {
        let cases = [
            (
                "flowchart LR\n  A[Self review] --> B{Manager agrees?}\n  B -->|yes| C[Calibration]\n",
                "Self review, Manager agrees?, yes, Calibration",
            ),
            (
                "sequenceDiagram\n  participant E as Engineer\n  participant Manager\n  E->>Manager: Packet sent\n  Note right of E: Waits\n",
                "Engineer, Manager, Packet sent, Waits",
            ),
            ("pie title Time spent\n  \"Coding\" : 40\n  \"Mentoring\" : 60\n", "Time spent, Coding, Mentoring"),
            (
                "timeline\n  title Career path\n  section Early\n    2019 : Engineer I : Onboarding\n",
                "Career path, Early, 2019, Engineer I, Onboarding",
            ),
            ("journey\n  section Prepare\n    Write packet: 3: Engineer, Manager\n", "Prepare, Write packet, Engineer, Manager"),
            (
                "quadrantChart\n  x-axis Low effort --> High effort\n  quadrant-1 Plan\n  Mentoring: [0.3, 0.6]\n",
                "Low effort, High effort, Plan, Mentoring",
            ),
            (
                "radar-beta\n  axis t[\"Technical\"], l[\"Leadership\"]\n  curve a[\"Senior\"]{4, 3}\n  max 5\n",
                "Technical, Leadership, Senior",
            ),
            ("sankey-beta\nEngineer,Senior,10\nSenior,Staff,4\n", "Engineer, Senior, Staff"),
            ("gitGraph\n  commit id: \"feat\"\n  branch develop\n", "feat, develop"),
            ("C4Context\n  Person(user, \"User\", \"A reader\")\n", "User, A reader"),
            ("xychart-beta\n  title \"Hires\"\n  x-axis [jan, feb]\n  bar [5, 10]\n", "Hires, jan, feb"),
            ("---\ntitle: Promotion\nconfig:\n  theme: dark\n---\nerDiagram\n  A ||--o{ B : places\n", "Promotion, places"),
        ];
        for (source, labels) in cases {
            assert_eq!(alt_of(source), format!("Diagram: {labels}"), "{source}");
        }
        assert_eq!(alt_of("graph TD\n  A --> B\n"), "Diagram");
        let outlines = [
            (
                "mindmap\n  root((Ladder))\n    Engineer\n      Senior\n    Manager\n",
                "Ladder, Engineer, Senior, Manager",
            ),
            ("kanban\n  Todo\n    [Write ladder]\n  Done\n    id3[Publish]\n", "Todo, Write ladder, Done, Publish"),
            (
                "architecture-beta\n  service db(database)[Database]\n  db:L -- R:server\n",
                "database, Database, db, server",
            ),
        ];
        for (source, labels) in outlines {
            assert_eq!(alt_of(source), format!("Diagram: {labels}"), "{source}");
        }
    }
}
