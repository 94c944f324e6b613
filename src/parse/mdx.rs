//! MDX pages (Docusaurus's `.mdx`) read as Markdown: what is JavaScript (`import` and `export`
//! blocks, `{/* comments */}`) is left out, the lines inside a component (`<Tabs>` …
//! `</Tabs>`) are dedented, since MDX has no indented code and Docusaurus indents them, and a
//! component's `label` or `title` (a tab's name) is kept as a bold line. The text keeps its
//! lines, so positions in diagnostics stay those of the file.

use super::dialect::html_escaped;

/// The Markdown an MDX body stands for, line for line.
pub fn to_markdown(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<String> = None;
    let mut in_esm = false;
    let mut at_block_start = true;
    let mut comment = false;
    // The open components: the indentation of their first content line, once seen.
    let mut open: Vec<Option<usize>> = Vec::new();
    for line in body.split_inclusive('\n') {
        let (text, end) = line.strip_suffix('\n').map_or((line, ""), |t| (t, "\n"));
        let trimmed = text.trim_start();
        let blank = trimmed.is_empty();
        if let Some(marker) = &fence {
            if trimmed.starts_with(marker.as_str())
                && trimmed.trim_end().chars().all(|c| c == marker.as_bytes()[0] as char)
            {
                fence = None;
            }
            out.push_str(&dedent(text, &mut open));
            out.push_str(end);
            continue;
        }
        if in_esm || (at_block_start && (trimmed.starts_with("import ") || trimmed.starts_with("export "))) {
            in_esm = !blank;
            at_block_start = blank;
            out.push_str(end);
            continue;
        }
        at_block_start = blank;
        let (kept, still) = without_comments(text, comment);
        comment = still;
        if let Some(marker) = fence_marker(kept.trim_start()) {
            fence = Some(marker);
        }
        let line = match component(kept.trim_start()) {
            Some(Tag::Open(label)) => {
                open.push(None);
                labelled(kept, label)
            }
            Some(Tag::Close) => {
                open.pop();
                kept
            }
            Some(Tag::Alone(label)) => labelled(kept, label),
            None => dedent(&kept, &mut open),
        };
        out.push_str(&line);
        out.push_str(end);
    }
    out
}

/// A component's tag line followed by its label, if it has one, as a bold paragraph.
fn labelled(tag: String, label: Option<String>) -> String {
    match label {
        Some(label) => format!("{tag}<p><strong>{label}</strong></p>"),
        None => tag,
    }
}

/// A line that opens or closes a component (a tag whose name starts with a capital), with the
/// label it shows.
enum Tag {
    Open(Option<String>),
    Close,
    Alone(Option<String>),
}

fn component(trimmed: &str) -> Option<Tag> {
    if let Some(rest) = trimmed.strip_prefix("</") {
        return rest.starts_with(|c: char| c.is_ascii_uppercase()).then_some(Tag::Close);
    }
    let rest = trimmed.strip_prefix('<')?;
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || !trimmed.trim_end().ends_with('>') {
        return None;
    }
    let label = ["label", "title"].iter().find_map(|key| quoted(rest, key)).map(|l| html_escaped(&l));
    let closes_here = trimmed.trim_end().ends_with("/>") || trimmed.contains(&format!("</{name}>"));
    Some(if closes_here { Tag::Alone(label) } else { Tag::Open(label) })
}

/// The value of `key="…"` in a tag.
fn quoted(tag: &str, key: &str) -> Option<String> {
    let at = tag.find(&format!(" {key}=\""))? + key.len() + 3;
    tag[at..].split('"').next().map(str::to_string)
}

/// `text` without the indentation its innermost open component gives its content (that of
/// the component's first content line).
fn dedent(text: &str, open: &mut [Option<usize>]) -> String {
    let Some(base) = open.last_mut() else { return text.to_string() };
    let indent = text.len() - text.trim_start_matches([' ', '\t']).len();
    if text.trim().is_empty() {
        return text.to_string();
    }
    let base = *base.get_or_insert(indent);
    text[indent.min(base)..].to_string()
}

/// The fence a line opens: three or more backticks or tildes.
fn fence_marker(trimmed: &str) -> Option<String> {
    let c = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let run: String = trimmed.chars().take_while(|x| *x == c).collect();
    (run.len() >= 3).then_some(run)
}

/// `text` without its `{/* … */}` comments, and whether a comment is still open at its end
/// (`comment`: one was open at its start).
fn without_comments(text: &str, comment: bool) -> (String, bool) {
    let mut out = String::new();
    let mut rest = text;
    if comment {
        match rest.find("*/}") {
            Some(end) => rest = &rest[end + 3..],
            None => return (out, true),
        }
    }
    while let Some(start) = rest.find("{/*") {
        out.push_str(&rest[..start]);
        match rest[start + 3..].find("*/}") {
            Some(end) => rest = &rest[start + 3 + end + 3..],
            None => return (out, true),
        }
    }
    out.push_str(rest);
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn javascript_goes_and_lines_stay() {
        let body = "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Title\n\n\
                    export const Box = ({children}) => (\n  <div>{children}</div>\n);\n\nText {/* hidden */} shown.\n";
        let out = to_markdown(body);
        assert_eq!(out, "\n\n\n# Title\n\n\n\n\n\nText  shown.\n");
        assert_eq!(out.lines().count(), body.lines().count());
    }

    #[test]
    fn components_are_dedented_and_their_labels_kept() {
        let body = "<Tabs>\n  <TabItem value=\"ic\" label=\"Individual & contributor\" default>\n\n    Writes **code**.\n\n    - a\n      - b\n  </TabItem>\n</Tabs>\n";
        let out = to_markdown(body);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "  <TabItem value=\"ic\" label=\"Individual & contributor\" default><p><strong>Individual &amp; contributor</strong></p>");
        assert_eq!(&lines[3..7], ["Writes **code**.", "", "- a", "  - b"]);
    }

    #[test]
    fn code_is_left_alone() {
        let body = "```js\nimport x from 'y';\n{/* kept */}\n```\n";
        assert_eq!(to_markdown(body), body);
    }

    #[test]
    fn odd_input_keeps_its_lines() {
        let pieces = [
            "<A",
            "</",
            "{/*",
            "*/}",
            "```",
            "~~~~",
            "import x",
            "export",
            "<A label=\"",
            "\t\t<B>",
            " x",
            "</B>",
            "é",
            "\n",
            "\n\n",
        ];
        let mut seed = 7u32;
        for _ in 0..2000 {
            let mut body = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                body.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            assert_eq!(to_markdown(&body).matches('\n').count(), body.matches('\n').count(), "{body:?}");
        }
    }

    #[test]
    fn a_comment_over_lines_is_left_out() {
        assert_eq!(to_markdown("a {/* one\ntwo\nthree */} b\nc\n"), "a \n\n b\nc\n");
    }
}
