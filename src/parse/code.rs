//! Where a page's code is, as pulldown-cmark itself parses it: the byte ranges of code blocks
//! (indented or fenced, at any depth, in quotes and list items) and code spans (of any number of
//! backticks). The dialect layer reads these so that it never rewrites inside code.

use super::markdown::options;
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;

/// Sorted, non-overlapping byte ranges of code in one text.
#[derive(Debug, Default)]
pub struct CodeRanges {
    ranges: Vec<Range<usize>>,
}

impl CodeRanges {
    /// The code of `text`, parsed as folio parses Markdown.
    pub fn of(text: &str) -> CodeRanges {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
            if matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)) {
                // A code block's start event spans the whole block; nothing nests inside it.
                if ranges.last().is_none_or(|last| last.end <= range.start) {
                    ranges.push(range);
                }
            }
        }
        CodeRanges { ranges }
    }

    /// Whether the byte at `offset` is code.
    pub fn contains(&self, offset: usize) -> bool {
        let index = self.ranges.partition_point(|r| r.start <= offset);
        index > 0 && self.ranges[index - 1].end > offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(text: &str) -> String {
        let code = CodeRanges::of(text);
        text.char_indices().map(|(i, c)| if code.contains(i) { c } else { '.' }).collect()
    }

    #[test]
    fn blocks_and_spans_of_every_kind_are_code() {
        assert_eq!(code_of("a\n\n    x {{ y }}\n    z\n"), ".......x {{ y }}\n    z\n");
        assert_eq!(code_of("> ```\n> z\n> ```\n"), "..```\n> z\n> ```.");
        assert_eq!(code_of("a ``b ` c`` d"), "..``b ` c``..");
        assert_eq!(code_of("- item\n\n  ```\n  k\n  ```\n"), "..........```\n  k\n  ```.");
    }
}
