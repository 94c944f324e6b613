//! Trimming a built document to the memory it needs: the parser grows its vectors and strings
//! an element at a time, leaving up to half of each unused; a large tree keeps them all.

use super::{Block, BlockKind, Document, Inline};

impl Document {
    /// Gives back the spare capacity of every vector and string in the document.
    pub fn shrink_to_fit(&mut self) {
        shrink_blocks(&mut self.blocks);
        for footnote in &mut self.footnotes {
            shrink_blocks(&mut footnote.blocks);
        }
        self.footnotes.shrink_to_fit();
    }
}

fn shrink_blocks(blocks: &mut Vec<Block>) {
    blocks.shrink_to_fit();
    for block in blocks {
        match &mut block.kind {
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => shrink_inlines(content),
            BlockKind::List { items, .. } => {
                items.shrink_to_fit();
                items.iter_mut().for_each(|item| shrink_blocks(&mut item.blocks));
            }
            BlockKind::Table { align, head, rows } => {
                align.shrink_to_fit();
                head.shrink_to_fit();
                head.iter_mut().for_each(shrink_inlines);
                rows.shrink_to_fit();
                for row in rows {
                    row.shrink_to_fit();
                    row.iter_mut().for_each(shrink_inlines);
                }
            }
            BlockKind::CodeBlock { text, .. } | BlockKind::Raw { text, .. } => text.shrink_to_fit(),
            BlockKind::Quote { blocks } => shrink_blocks(blocks),
            BlockKind::Callout { title, blocks, .. } => {
                title.iter_mut().for_each(shrink_inlines);
                shrink_blocks(blocks);
            }
            BlockKind::Rule => {}
        }
    }
}

fn shrink_inlines(inlines: &mut Vec<Inline>) {
    inlines.shrink_to_fit();
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } | Inline::Raw { text, .. } => text.shrink_to_fit(),
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => {
                shrink_inlines(content)
            }
            Inline::Link(link) => shrink_inlines(&mut link.content),
            Inline::Image(_) | Inline::FootnoteRef { .. } | Inline::SoftBreak | Inline::HardBreak => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinking_keeps_the_content_and_drops_spare_room() {
        let mut text = String::with_capacity(64);
        text.push_str("skill");
        let mut content = Vec::with_capacity(16);
        content.push(Inline::Text { text });
        let mut doc = Document::default();
        doc.blocks.push(Block { span: Default::default(), kind: BlockKind::Paragraph { content } });
        let before = doc.clone();
        doc.shrink_to_fit();
        assert_eq!(doc, before);
        let BlockKind::Paragraph { content } = &doc.blocks[0].kind else { panic!("a paragraph") };
        assert_eq!(content.capacity(), 1);
        let Inline::Text { text } = &content[0] else { panic!("text") };
        assert_eq!(text.capacity(), 5);
    }
}
