//! Footnotes on slides: a reference becomes a superscript number (in order of first mention),
//! and the footnote's text goes to the foot of the slide that shows it first.

use super::deck::{Run, Text};
use super::runs::{runs, trim};
use crate::ir::walk::{query_blocks, query_inlines, walk_inline_lists};
use crate::ir::{Block, BlockKind, Footnote, Inline, Span};
use std::borrow::Cow;
use std::collections::HashMap;

/// A document's footnotes and the numbers given so far.
pub struct Footnotes<'a> {
    definitions: HashMap<&'a str, &'a Footnote>,
    numbers: HashMap<String, usize>,
}

impl<'a> Footnotes<'a> {
    pub fn new(footnotes: &'a [Footnote]) -> Footnotes<'a> {
        Footnotes { definitions: footnotes.iter().map(|f| (f.label.as_str(), f)).collect(), numbers: HashMap::new() }
    }

    /// Whether `inlines` refer to a footnote that has a definition.
    pub fn any(&self, inlines: &[Inline]) -> bool {
        let mut found = false;
        query_inlines(inlines, &mut |inline| {
            found |= matches!(inline, Inline::FootnoteRef { label } if self.definitions.contains_key(label.as_str()))
        });
        found
    }

    /// `inlines` with every reference to a defined footnote as its number in superscript, and
    /// the text of the footnotes first mentioned there.
    pub fn mark<'i>(&mut self, inlines: &'i [Inline]) -> (Cow<'i, [Inline]>, Vec<Text>) {
        if !self.any(inlines) {
            return (Cow::Borrowed(inlines), Vec::new());
        }
        let (definitions, numbers) = (&self.definitions, &mut self.numbers);
        let mut first = Vec::new();
        query_inlines(inlines, &mut |inline| {
            if let Some((label, definition)) = defined(definitions, inline) {
                let next = numbers.len() + 1;
                if *numbers.entry(label.to_string()).or_insert(next) == next {
                    first.push(note_text(next, definition));
                }
            }
        });
        let paragraph = BlockKind::Paragraph { content: inlines.to_vec() };
        let mut blocks = [Block { span: Span::default(), kind: paragraph }];
        walk_inline_lists(&mut blocks, &mut |list| {
            for inline in list.iter_mut() {
                if let Some(&n) = defined(definitions, inline).and_then(|(label, _)| numbers.get(label)) {
                    *inline = Inline::Text { text: superscript(n) };
                }
            }
        });
        let [Block { kind: BlockKind::Paragraph { content }, .. }] = blocks else { unreachable!("one paragraph") };
        (Cow::Owned(content), first)
    }
}

/// The label and definition of a reference to a defined footnote.
fn defined<'d>(definitions: &HashMap<&str, &'d Footnote>, inline: &Inline) -> Option<(&'d str, &'d Footnote)> {
    match inline {
        Inline::FootnoteRef { label } => definitions.get(label.as_str()).map(|d| (d.label.as_str(), *d)),
        _ => None,
    }
}

/// `n` in superscript digits.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string().bytes().map(|b| DIGITS[usize::from(b - b'0')]).collect()
}

/// The text of footnote number `n`: its number, then its blocks' text on one line.
fn note_text(n: usize, footnote: &Footnote) -> Text {
    let mut text = vec![Run { text: superscript(n), ..Run::default() }];
    let mut add = |more: Text| {
        if !more.is_empty() {
            text.push(Run { text: " ".into(), ..Run::default() });
            text.extend(more);
        }
    };
    query_blocks(&footnote.blocks, &mut |block| match &block.kind {
        BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => add(trim(runs(content))),
        BlockKind::CodeBlock { text, .. } => {
            add(vec![Run { text: text.trim_end().replace('\n', " "), code: true, ..Run::default() }])
        }
        BlockKind::Table { head, rows, .. } => {
            head.iter().chain(rows.iter().flatten()).for_each(|c| add(trim(runs(c))))
        }
        _ => {}
    });
    trim(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backends::slides::deck::plain;

    #[test]
    fn references_become_numbers_and_first_mentions_bring_the_text() {
        let note = |label: &str, text: &str| Footnote {
            label: label.into(),
            span: Default::default(),
            blocks: vec![Block {
                span: Default::default(),
                kind: BlockKind::Paragraph { content: vec![Inline::Text { text: text.into() }] },
            }],
        };
        let definitions = [note("a", "First note."), note("b", "Second.")];
        let mut notes = Footnotes::new(&definitions);
        let r = |label: &str| Inline::FootnoteRef { label: label.into() };
        let inlines = [Inline::Text { text: "x".into() }, r("b"), r("a"), r("zz")];
        let (marked, first) = notes.mark(&inlines);
        assert_eq!(plain(&runs(&marked)), "x¹²");
        assert_eq!(first.iter().map(|t| plain(t)).collect::<Vec<_>>(), ["¹ Second.", "² First note."]);
        let again = [r("a")];
        let (_, again) = notes.mark(&again);
        assert!(again.is_empty());
    }
}
