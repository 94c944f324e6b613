//! MkDocs Material admonitions: `!!! kind "Title"` with a body indented four spaces below it,
//! and the collapsible `??? kind` and `???+ kind`, which print open. The body is dedented and
//! cut on its own, so admonitions, fences and code nest inside it as at the top of a page.

use super::{segment_nested, Cutter, Segment};
use crate::ir::CalloutKind;

/// The indentation of an admonition's body.
const BODY_INDENT: usize = 4;

/// What an admonition's first line says.
#[derive(Debug, PartialEq)]
struct Opener {
    kind: CalloutKind,
    title: Option<String>,
}

impl Cutter<'_> {
    /// Takes an admonition that starts at `lines[0]` (byte `offset` of the text being cut) with
    /// its indented body, and says how many lines it took; `None` if the line opens none.
    pub(super) fn admonition(&mut self, lines: &[&str], line_no: u32, offset: usize) -> Option<usize> {
        let first = lines[0].trim_end_matches(['\n', '\r']);
        let indent = first.len() - first.trim_start().len();
        if self.notes.is_some() || indent >= BODY_INDENT || self.code.contains(offset + indent) {
            return None;
        }
        let opener = opener(first.trim())?;
        let body_len = body_len(&lines[1..]);
        // `!!! kind` whose indented lines a bare `!!!` closes is Retype's callout.
        let closed_by_bangs =
            lines[1 + body_len..].iter().find(|l| !l.trim().is_empty()).map(|l| l.trim()) == Some("!!!");
        let bangs = first.trim_start().starts_with("!!!");
        if bangs {
            self.warn_ambiguous(lines, (line_no, offset), body_len, closed_by_bangs);
        }
        if body_len == 0 || (bangs && closed_by_bangs) || self.too_deep(line_no) {
            return None;
        }
        let body: String = lines[1..=body_len].iter().map(|line| dedent(line)).collect();
        let depth = self.depth + self.stack.len();
        let (segments, mut warnings) = segment_nested(&body, line_no + 1, self.values, depth);
        self.warnings.append(&mut warnings);
        let callout = Segment::Callout { kind: opener.kind, title: opener.title, line: line_no, body: segments };
        self.current().push(callout);
        Some(1 + body_len)
    }
}

impl Cutter<'_> {
    /// Warns where `!!! kind` (at `lines[0]`, line and byte offset `at`, its indented body
    /// `body_len` lines) reads one way in Retype and another in MkDocs Material, saying which
    /// reading was taken: an indented body closed by a bare `!!!` (Retype's), a quoted title with
    /// no indented body that a bare `!!!` later closes (Retype's), or an indented body with a
    /// bare `!!!` further on (MkDocs's).
    fn warn_ambiguous(&mut self, lines: &[&str], (line_no, offset): (u32, usize), body_len: usize, closed: bool) {
        let Some(close) = self.next_bare_bangs(lines, offset, 1 + body_len) else { return };
        let first = lines[0].trim();
        let close_line = line_no + close as u32;
        let message = if closed && body_len > 0 {
            format!(
                "`{first}` is read as a Retype callout closed by the `!!!` on line {close_line}; MkDocs Material \
                 would read an admonition of the indented lines and the `!!!` as text"
            )
        } else if body_len == 0 && first.contains('"') {
            format!(
                "`{first}` is read as a Retype callout closed by the `!!!` on line {close_line}; MkDocs Material \
                 would read an admonition with only a title"
            )
        } else if body_len > 0 && self.innermost() != super::Fence::Bangs {
            format!(
                "`{first}` is read as a MkDocs Material admonition of the indented lines {}-{}; Retype would read \
                 a callout running to the `!!!` on line {close_line}",
                line_no + 1,
                line_no + body_len as u32
            )
        } else {
            return;
        };
        let column = (lines[0].len() - lines[0].trim_start().len()) as u32 + 1;
        self.warn(line_no, column, message);
    }

    /// The index of the first line from `lines[from]` on, outside code, that starts with `!!!`,
    /// if that line is a bare `!!!` (which closes a Retype callout).
    fn next_bare_bangs(&self, lines: &[&str], offset: usize, from: usize) -> Option<usize> {
        let mut at = offset + lines[..from].iter().map(|l| l.len()).sum::<usize>();
        for (i, line) in lines.iter().enumerate().skip(from) {
            let indent = line.len() - line.trim_start().len();
            if line.trim().starts_with("!!!") && !self.code.contains(at + indent) {
                return (line.trim() == "!!!").then_some(i);
            }
            at += line.len();
        }
        None
    }
}

/// Reads `!!! kind "Title"`, `??? kind`, `???+ kind inline end "Title"`. A kind folio does not
/// know is a note titled with the kind's name, as MkDocs titles it; `""` is no title.
fn opener(line: &str) -> Option<Opener> {
    let rest = ["???+", "???", "!!!"].into_iter().find_map(|marker| line.strip_prefix(marker))?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let (words, title) = match rest.split_once('"') {
        Some((words, quoted)) => (words, Some(quoted.strip_suffix('"')?)),
        None => (rest, None),
    };
    let mut words = words.split_whitespace();
    let kind_name = words.next()?;
    let well_formed = kind_name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        && words.all(|modifier| matches!(modifier, "inline" | "end"));
    if !well_formed {
        return None;
    }
    let kind = CalloutKind::from_name(kind_name);
    let title = match (title, kind) {
        (Some(title), _) => Some(title.trim().to_string()).filter(|t| !t.is_empty()),
        (None, Some(_)) => None,
        (None, None) => Some(super::super::site_title::title_case(kind_name)),
    };
    Some(Opener { kind: kind.unwrap_or(CalloutKind::Note), title })
}

/// How many of `lines` make an admonition's body: blank lines and lines indented at least
/// [`BODY_INDENT`], up to the first line that is neither, without the blank lines at its end.
fn body_len(lines: &[&str]) -> usize {
    let is_blank = |line: &str| line.trim().is_empty();
    let taken = lines.iter().take_while(|line| is_blank(line) || indent_width(line) >= BODY_INDENT).count();
    taken - lines[..taken].iter().rev().take_while(|line| is_blank(line)).count()
}

/// The width of a line's leading white space, a tab reaching the next multiple of four.
fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += BODY_INDENT - width % BODY_INDENT,
            _ => break,
        }
    }
    width
}

/// A body line without its first [`BODY_INDENT`] columns of indentation.
fn dedent(line: &str) -> &str {
    let mut width = 0;
    for (at, c) in line.char_indices() {
        if width >= BODY_INDENT || !matches!(c, ' ' | '\t') {
            return &line[at..];
        }
        width += if c == '\t' { BODY_INDENT - width % BODY_INDENT } else { 1 };
    }
    line.trim_start_matches([' ', '\t'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_of_every_form_are_read() {
        let read = |line: &str| opener(line).map(|o| (o.kind, o.title));
        assert_eq!(read("!!! note \"Look\""), Some((CalloutKind::Note, Some("Look".into()))));
        assert_eq!(read("???+ warning"), Some((CalloutKind::Warning, None)));
        assert_eq!(read("??? tip inline end \"Side\""), Some((CalloutKind::Tip, Some("Side".into()))));
        assert_eq!(read("!!! example"), Some((CalloutKind::Note, Some("Example".into()))));
        assert_eq!(read("!!! danger \"\""), Some((CalloutKind::Danger, None)));
        assert_eq!(read("!!!note"), None, "Retype's form");
        assert_eq!(read("!!! A title of words"), None, "Retype's form with a title");
    }

    #[test]
    fn the_body_ends_at_the_first_line_indented_less() {
        assert_eq!(body_len(&["    a\n", "\n", "\tb\n", "\n", "c\n"]), 3);
        assert_eq!(body_len(&["text\n"]), 0);
        assert_eq!(dedent("      x"), "  x");
        assert_eq!(dedent("\tx"), "x");
    }
}
