//! Footnotes on slides: a reference becomes a superscript number (in order of first mention),
//! and the footnote's text goes to the foot of the slide that shows it first.

use super::deck::{Run, Text};
use super::runs::{runs, trim};
use crate::ir::{Block, BlockKind, Footnote, Inline};
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
        visit(inlines, &mut |label| found |= self.definitions.contains_key(label));
        found
    }

    /// `inlines` with every reference to a defined footnote as its number in superscript, and
    /// the text of the footnotes first mentioned there.
    pub fn mark<'i>(&mut self, inlines: &'i [Inline]) -> (Cow<'i, [Inline]>, Vec<Text>) {
        if !self.any(inlines) {
            return (Cow::Borrowed(inlines), Vec::new());
        }
        let mut first = Vec::new();
        let marked = self.marked(inlines, &mut first);
        (Cow::Owned(marked), first)
    }

    fn marked(&mut self, inlines: &[Inline], first: &mut Vec<Text>) -> Vec<Inline> {
        let nested = |this: &mut Self, content: &[Inline], first: &mut Vec<Text>| this.marked(content, first);
        inlines
            .iter()
            .map(|inline| match inline {
                Inline::FootnoteRef { label } => match self.definitions.get(label.as_str()).copied() {
                    Some(definition) => {
                        let next = self.numbers.len() + 1;
                        let number = *self.numbers.entry(label.clone()).or_insert(next);
                        if number == next {
                            first.push(note_text(number, definition));
                        }
                        Inline::Text { text: superscript(number) }
                    }
                    None => inline.clone(),
                },
                Inline::Emph { content } => Inline::Emph { content: nested(self, content, first) },
                Inline::Strong { content } => Inline::Strong { content: nested(self, content, first) },
                Inline::Strike { content } => Inline::Strike { content: nested(self, content, first) },
                Inline::Link(link) => {
                    let content = nested(self, &link.content, first);
                    Inline::Link(Box::new(crate::ir::Link { content, ..(**link).clone() }))
                }
                other => other.clone(),
            })
            .collect()
    }
}

/// Calls `found` with the label of every footnote reference in `inlines`.
fn visit(inlines: &[Inline], found: &mut impl FnMut(&str)) {
    for inline in inlines {
        match inline {
            Inline::FootnoteRef { label } => found(label),
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => visit(content, found),
            Inline::Link(link) => visit(&link.content, found),
            _ => {}
        }
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
    footnote.blocks.iter().for_each(|block| block_text(block, &mut text));
    trim(text)
}

fn block_text(block: &Block, out: &mut Text) {
    let mut add = |mut more: Text| {
        if !more.is_empty() {
            out.push(Run { text: " ".into(), ..Run::default() });
            out.append(&mut more);
        }
    };
    match &block.kind {
        BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => add(trim(runs(content))),
        BlockKind::CodeBlock { text, .. } => {
            add(vec![Run { text: text.trim_end().replace('\n', " "), code: true, ..Run::default() }])
        }
        BlockKind::Table { head, rows, .. } => {
            head.iter().chain(rows.iter().flatten()).for_each(|c| add(trim(runs(c))))
        }
        BlockKind::List { items, .. } => items.iter().flat_map(|i| &i.blocks).for_each(|b| block_text(b, out)),
        BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => {
            blocks.iter().for_each(|b| block_text(b, out))
        }
        BlockKind::Rule | BlockKind::Raw { .. } => {}
    }
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
