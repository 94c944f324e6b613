//! MDX pages (Docusaurus's `.mdx`) read as Markdown: what is JavaScript (`import` and `export`
//! blocks, `{/* comments */}`) is left out, the lines inside a component (`<Tabs>` …
//! `</Tabs>`) are dedented, since MDX has no indented code and Docusaurus indents them, and a
//! component's `label` or `title` (a tab's name) is kept as a bold line before its content. A
//! tag written over several lines is read as one; an `<Admonition type="tip" title="…">` is
//! the callout `:::tip[…]` it stands for; `{frontMatter.key}` shows the page's value of `key`.
//! The text keeps its lines, so positions in diagnostics stay those of the file.

use super::dialect::html_escaped;
use crate::ir::Meta;

/// The most lines one tag may span: past this, the lines are left as they are.
const MAX_TAG_LINES: usize = 40;

/// The Markdown an MDX body stands for, line for line; `front` is the page's frontmatter.
pub fn to_markdown(body: &str, front: &Meta) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<String> = None;
    let mut in_esm = false;
    let mut at_block_start = true;
    let mut comment = false;
    // The open components: the indentation of their first content line, once seen.
    let mut open: Vec<Option<usize>> = Vec::new();
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
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
        let (mut kept, still) = without_comments(text, comment);
        comment = still;
        // A tag over several lines is read on its first line; its other lines are left empty.
        let rest = (component_start(kept.trim_start()) && tag_end(kept.trim_start()).is_none())
            .then(|| continued_tag(kept.trim_start(), &lines[i..]))
            .flatten();
        let mut spanned = 0;
        if let Some((joined, count)) = rest {
            (kept, spanned) = (joined, count);
        }
        if let Some(marker) = fence_marker(kept.trim_start()) {
            fence = Some(marker);
        }
        // A component's tags start their lines: indented, they would continue a list above.
        let tag = kept.trim_start();
        let line = match component(tag) {
            Some(Tag::Open(name, label)) if name == "Admonition" => {
                open.push(None);
                admonition(tag, label)
            }
            Some(Tag::Open(_, label)) => {
                open.push(None);
                labelled(tag, label)
            }
            Some(Tag::Close(name)) => {
                open.pop();
                if name == "Admonition" {
                    ":::".to_string()
                } else {
                    tag.to_string()
                }
            }
            Some(Tag::Alone(label)) => labelled(tag, label),
            None => front_matter_values(&dedent(&kept, &mut open), front),
        };
        out.push_str(&line);
        out.push_str(end);
        for joined in &lines[i..i + spanned] {
            out.push_str(if joined.ends_with('\n') { "\n" } else { "" });
        }
        i += spanned;
    }
    out
}

/// Whether `trimmed` begins a component's opening tag: `<` and a capital letter.
fn component_start(trimmed: &str) -> bool {
    trimmed.strip_prefix('<').is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Where the tag that `tag` begins with ends: the byte after its `>`, one inside quotes or an
/// attribute's `{…}` not counting.
fn tag_end(tag: &str) -> Option<usize> {
    let (mut quote, mut depth) = (None, 0usize);
    for (at, c) in tag.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => depth = depth.saturating_sub(1),
            (None, '>') if depth == 0 => return Some(at + 1),
            _ => {}
        }
    }
    None
}

/// The tag begun by `first` and continued on the `next` lines, on one line, and how many of
/// `next` it takes; `None` when no line before a blank one, or the last allowed, ends it.
fn continued_tag(first: &str, next: &[&str]) -> Option<(String, usize)> {
    let mut joined = first.trim_end().to_string();
    for (taken, line) in next.iter().take(MAX_TAG_LINES).enumerate() {
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        joined.push(' ');
        joined.push_str(line);
        if tag_end(&joined).is_some() {
            return Some((joined, taken + 1));
        }
    }
    None
}

/// An `<Admonition type="…" title="…">` line as the callout fence it stands for.
fn admonition(tag: &str, title: Option<String>) -> String {
    let kind = quoted(tag, "type").filter(|k| k.chars().all(|c| c.is_ascii_alphabetic()) && !k.is_empty());
    let kind = kind.unwrap_or_else(|| "note".to_string());
    match title {
        Some(title) => format!(":::{kind}[{}]", title.replace(['[', ']'], "")),
        None => format!(":::{kind}"),
    }
}

/// `text` with each `{frontMatter.key}` outside code replaced by the page's value of `key`
/// (a list's items joined with commas), Markdown's punctuation escaped; one with no value is
/// left as it is.
fn front_matter_values(text: &str, front: &Meta) -> String {
    const OPEN: &str = "{frontMatter.";
    if !text.contains(OPEN) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let in_code = out.matches('`').count() % 2 == 1;
        let key_end = after[OPEN.len()..].find('}').map(|e| OPEN.len() + e);
        let value = key_end.filter(|_| !in_code).and_then(|e| front_value(front, &after[OPEN.len()..e]));
        match (value, key_end) {
            (Some(value), Some(e)) => {
                out.push_str(&escaped(&value));
                rest = &after[e + 1..];
            }
            _ => {
                out.push_str(OPEN);
                rest = &after[OPEN.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The page's frontmatter value of `key` as text: a typed key's or another one's, if it is a
/// string, a number, a truth value or a list of those.
fn front_value(front: &Meta, key: &str) -> Option<String> {
    use serde_json::Value;
    let typed = serde_json::to_value(front).ok()?;
    let value = typed.get(key).filter(|_| key != "extra").or_else(|| front.extra.get(key))?;
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match value {
        Value::Array(items) => items.iter().map(text).collect::<Option<Vec<_>>>().map(|v| v.join(", ")),
        other => text(other),
    }
}

/// `text` with the marks that mean something in Markdown backslash-escaped, so it shows as
/// written.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#+-!|~&".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A component's tag line with its label, if it has one, as a bold paragraph just after the
/// opening tag, before any content on the same line.
fn labelled(line: &str, label: Option<String>) -> String {
    match (label, tag_end(line)) {
        (Some(label), Some(end)) => {
            let (tag, content) = line.split_at(end);
            format!("{tag}<p><strong>{label}</strong></p>{content}")
        }
        _ => line.to_string(),
    }
}

/// A line that opens or closes a component (a tag whose name starts with a capital), with the
/// name of the component and the label it shows.
enum Tag {
    Open(String, Option<String>),
    Close(String),
    Alone(Option<String>),
}

fn component(trimmed: &str) -> Option<Tag> {
    let name_of = |rest: &str| rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '.').collect::<String>();
    if let Some(rest) = trimmed.strip_prefix("</") {
        return rest.starts_with(|c: char| c.is_ascii_uppercase()).then(|| Tag::Close(name_of(rest)));
    }
    let rest = trimmed.strip_prefix('<')?;
    let name = name_of(rest);
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) || !trimmed.trim_end().ends_with('>') {
        return None;
    }
    let label = ["label", "title"].iter().find_map(|key| quoted(rest, key)).map(|l| html_escaped(&l));
    let closes_here = trimmed.trim_end().ends_with("/>") || trimmed.contains(&format!("</{name}>"));
    Some(if closes_here { Tag::Alone(label) } else { Tag::Open(name, label) })
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
    use crate::ir::Meta;

    fn none() -> Meta {
        Meta::default()
    }

    #[test]
    fn javascript_goes_and_lines_stay() {
        let body = "import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n# Title\n\n\
                    export const Box = ({children}) => (\n  <div>{children}</div>\n);\n\nText {/* hidden */} shown.\n";
        let out = to_markdown(body, &none());
        assert_eq!(out, "\n\n\n# Title\n\n\n\n\n\nText  shown.\n");
        assert_eq!(out.lines().count(), body.lines().count());
    }

    #[test]
    fn components_are_dedented_and_their_labels_kept() {
        let body = "<Tabs>\n  <TabItem value=\"ic\" label=\"Individual & contributor\" default>\n\n    Writes **code**.\n\n    - a\n      - b\n  </TabItem>\n</Tabs>\n";
        let out = to_markdown(body, &none());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "<TabItem value=\"ic\" label=\"Individual & contributor\" default><p><strong>Individual &amp; contributor</strong></p>");
        assert_eq!(&lines[3..7], ["Writes **code**.", "", "- a", "  - b"]);
    }

    #[test]
    fn code_is_left_alone() {
        let body = "```js\nimport x from 'y';\n{/* kept */}\n```\n";
        assert_eq!(to_markdown(body, &none()), body);
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
            "<Admonition type=\"",
            " title=\"é>\"",
            "{frontMatter.",
            "{{a > b}}",
            "}",
            "/>",
            ">",
        ];
        let mut seed = 7u32;
        for _ in 0..5000 {
            let mut body = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                body.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let front = Meta { title: Some("t".into()), ..Meta::default() };
            assert_eq!(to_markdown(&body, &front).matches('\n').count(), body.matches('\n').count(), "{body:?}");
        }
    }

    #[test]
    fn a_comment_over_lines_is_left_out() {
        assert_eq!(to_markdown("a {/* one\ntwo\nthree */} b\nc\n", &none()), "a \n\n b\nc\n");
    }

    #[test]
    fn a_tag_over_lines_is_read_as_one_and_its_label_comes_first() {
        let body = "<Tabs\n  groupId=\"track\">\n  <TabItem\n    value=\"ic\"\n    label=\"IC\">\n\n    Leads.\n\n  </TabItem>\n  \
                    <TabItem value=\"m\" label=\"Manager\">Runs a team.</TabItem>\n</Tabs>\n";
        let out = to_markdown(body, &none());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), body.lines().count());
        assert_eq!(
            lines[..5],
            ["<Tabs groupId=\"track\">", "", "<TabItem value=\"ic\" label=\"IC\"><p><strong>IC</strong></p>", "", ""]
        );
        assert_eq!(lines[6], "Leads.", "dedented, not code");
        assert_eq!(
            lines[9],
            "<TabItem value=\"m\" label=\"Manager\"><p><strong>Manager</strong></p>Runs a team.</TabItem>"
        );
        // A `>` inside quotes or braces does not end a tag; a tag never ended is left alone.
        let odd = "<Card\n  note=\"a > b\"\n  style={{a: 1 > 0}}\n  title=\"T\">\nx\n</Card>\n<Box\n\ny\n";
        let out = to_markdown(odd, &none());
        assert!(out.starts_with("<Card note=\"a > b\" style={{a: 1 > 0}} title=\"T\"><p><strong>T</strong></p>\n\n\n\nx\n</Card>\n<Box\n\ny\n"), "{out}");
    }

    #[test]
    fn an_admonition_component_is_a_callout() {
        let body = "<Admonition type=\"warning\" title=\"Mind [this]\">\n  Careful.\n</Admonition>\n<Admonition>\nPlain.\n</Admonition>\n";
        assert_eq!(to_markdown(body, &none()), ":::warning[Mind this]\nCareful.\n:::\n:::note\nPlain.\n:::\n");
    }

    #[test]
    fn front_matter_values_are_shown() {
        let front = Meta {
            title: Some("Staff *Engineer*".into()),
            tags: vec!["ic".into(), "senior".into()],
            extra: [("level".to_string(), serde_json::json!(5))].into(),
            ..Meta::default()
        };
        let body = "# {frontMatter.title}\nLevel {frontMatter.level}, {frontMatter.tags}; {frontMatter.nothing} `{frontMatter.title}`\n";
        assert_eq!(
            to_markdown(body, &front),
            "# Staff \\*Engineer\\*\nLevel 5, ic, senior; {frontMatter.nothing} `{frontMatter.title}`\n"
        );
    }
}
