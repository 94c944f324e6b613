//! Tabs in table delimiter rows. GitHub reads `|---<TAB>|---|` as the delimiter row of a table,
//! as it reads tabs as white space anywhere in one; pulldown-cmark 0.13 reads no table at all
//! and shows its rows as text. Such rows are given spaces for their tabs before parsing: a tab
//! and a space are one byte each, so every offset, line and column stays where it was.

use super::super::code::CodeRanges;
use std::borrow::Cow;

/// `text` with the tabs of its table delimiter rows as spaces; rows that are code (fenced or
/// indented, as pulldown-cmark reads it) are left as they are.
pub fn spaced_delimiter_rows(text: &str) -> Cow<'_, str> {
    let tabbed = |line: &str| line.contains('\t') && is_delimiter_row(line);
    if !text.lines().any(tabbed) {
        return Cow::Borrowed(text);
    }
    let code = CodeRanges::of(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        match tabbed(line) && !code.contains(at) {
            true => out.push_str(&line.replace('\t', " ")),
            false => out.push_str(line),
        }
        at += line.len();
    }
    Cow::Owned(out)
}

/// Whether `line` is a table delimiter row: pipes, dashes, colons and white space only, with
/// at least one pipe and one dash.
fn is_delimiter_row(line: &str) -> bool {
    let row = line.trim();
    row.contains('|') && row.contains('-') && row.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_rows_lose_their_tabs_and_nothing_else_does() {
        let text = "| A\t| B\t|\t\n|---\t|:--:\t|\t\n| 1\t| 2\t|\n";
        let spaced = spaced_delimiter_rows(text);
        assert_eq!(spaced, "| A\t| B\t|\t\n|--- |:--: | \n| 1\t| 2\t|\n");
        assert_eq!(spaced.len(), text.len(), "offsets stay");
        let fenced = "```\n|---\t|---|\n```\n";
        assert_eq!(spaced_delimiter_rows(fenced), fenced, "code keeps its tabs");
        let after = "```\ncode\n```\n|---\t|---|\n";
        assert_eq!(spaced_delimiter_rows(after), "```\ncode\n```\n|--- |---|\n");
        assert!(matches!(spaced_delimiter_rows("no tabs | here\n"), Cow::Borrowed(_)));
    }
}
