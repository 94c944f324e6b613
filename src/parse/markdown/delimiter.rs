//! Tabs in table delimiter rows. GitHub reads `|---<TAB>|---|` as the delimiter row of a table,
//! as it reads tabs as white space anywhere in one; pulldown-cmark 0.13 reads no table at all
//! and shows its rows as text. Such rows are given spaces for their tabs before parsing: a tab
//! and a space are one byte each, so every offset, line and column stays where it was.

use std::borrow::Cow;

/// `text` with the tabs of its table delimiter rows as spaces; rows inside fenced code are
/// left as they are.
pub fn spaced_delimiter_rows(text: &str) -> Cow<'_, str> {
    if !text.contains('\t') {
        return Cow::Borrowed(text);
    }
    let mut fence: Option<(char, usize)> = None;
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        if let Some(opened) = fence_of(trimmed) {
            fence = match fence {
                None => Some(opened),
                Some((c, n)) if opened.0 == c && opened.1 >= n && closes(trimmed) => None,
                open => open,
            };
        }
        if fence.is_none() && line.contains('\t') && is_delimiter_row(line) {
            out.push_str(&line.replace('\t', " "));
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The character and length of the code fence a line (its indent removed) opens or closes.
fn fence_of(line: &str) -> Option<(char, usize)> {
    let c = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = line.chars().take_while(|&x| x == c).count();
    (n >= 3).then_some((c, n))
}

/// Whether a fence line can close a block: nothing but white space after the fence.
fn closes(line: &str) -> bool {
    line.trim_start_matches(['`', '~']).trim().is_empty()
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
