//! Never a lost word: every word of a page as its reader sees it (title, text, lists, tables,
//! code, callout titles, footnotes) is in its PDF guide, in the book and in its DOCX, for
//! content/, the seed and the corpus. The decks are checked the same way in `deck_text`.

use crate::ooxml::{parse, unzip};
use crate::pdf::page_text;
use crate::util::{load, real_trees};
use folio::backends::{Artifact, Assets, Backend, Docx, Pdf, RenderContext};
use folio::config::Config;
use folio::ir::walk::{query_blocks, query_inlines};
use folio::ir::{plain_text, Block, BlockKind, Collection, Document, Inline};
use std::collections::BTreeSet;
use std::path::Path;

/// The words of a text: runs of letters and digits, lower-cased; superscript footnote marks
/// and the hyphens lines are broken at are no part of them.
pub fn words(text: &str) -> BTreeSet<String> {
    let joined = text.replace("-\n", "");
    joined
        .split(|c: char| !c.is_alphanumeric() || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text of blocks as a reader of the page sees it, and apart the speaker notes.
fn block_text(blocks: &[Block], text: &mut String, notes: &mut String) {
    query_blocks(blocks, &mut |block| {
        match &block.kind {
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => {
                text.push_str(&plain_text(content));
                query_inlines(content, &mut |inline| {
                    if let Inline::Raw { format, text: raw } = inline {
                        if format == "notes" {
                            notes.push_str(&format!("{raw}\n"));
                        }
                    }
                });
            }
            BlockKind::CodeBlock { text: code, .. } => text.push_str(code),
            BlockKind::Callout { title: Some(title), .. } => text.push_str(&plain_text(title)),
            BlockKind::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    text.push_str(&plain_text(cell));
                    text.push(' ');
                }
            }
            BlockKind::Raw { format, text: raw } if format == "notes" => notes.push_str(&format!("{raw}\n")),
            _ => {}
        }
        text.push('\n');
    });
}

/// The words of a page, and those of its speaker notes.
pub fn page_words(doc: &Document) -> (BTreeSet<String>, BTreeSet<String>) {
    let body = doc.body();
    let (mut text, mut notes) = (doc.title.clone() + "\n", String::new());
    block_text(&body.blocks, &mut text, &mut notes);
    for footnote in &body.footnotes {
        block_text(&footnote.blocks, &mut text, &mut notes);
    }
    (words(&text), words(&notes))
}

/// The text a reader of a DOCX sees: the runs of its body and its footnotes, a line a
/// paragraph, a space for a tab or a break.
fn docx_text(bytes: &[u8]) -> String {
    let entries = unzip(bytes);
    let mut text = String::new();
    for part in ["word/document.xml", "word/footnotes.xml"] {
        let Some(xml) = entries.get(part) else { continue };
        for (_, name, attributes) in parse(xml) {
            match name.as_str() {
                "#text" => text.push_str(&attributes[0].1),
                "w:p" => text.push('\n'),
                "w:tab" | "w:br" => text.push(' '),
                _ => {}
            }
        }
    }
    text
}

fn render(backend: &dyn Backend, collection: &Collection) -> Vec<Artifact> {
    let (config, assets) = (Config::default(), Assets::new());
    backend.render(&RenderContext::new(collection, &config, &assets)).expect("renders").artifacts
}

/// The words of `expected` that `found` lacks.
fn lacking<'a>(expected: &'a BTreeSet<String>, found: &BTreeSet<String>) -> Vec<&'a String> {
    expected.iter().filter(|w| !found.contains(*w)).collect()
}

/// Asserts that every word of every page of the tree at `path` is in its guide, its DOCX and
/// the book. Speaker notes are for the decks alone.
fn check_tree(path: &Path) {
    let loaded = load(path);
    let pdf = render(&Pdf, &loaded.collection);
    let docx = render(&Docx, &loaded.collection);
    let find = |artifacts: &[Artifact], path: &str| -> Vec<u8> {
        artifacts.iter().find(|a| a.path == path).unwrap_or_else(|| panic!("{path} is made")).bytes.to_vec()
    };
    let pdf_words = |bytes: &[u8]| words(&page_text(&lopdf::Document::load_mem(bytes).expect("the PDF loads")));
    let books: Vec<BTreeSet<String>> =
        pdf.iter().filter(|a| !a.path.starts_with("pdf/")).map(|a| pdf_words(&a.bytes)).collect();
    assert_eq!(books.len(), 1, "{}: one book", path.display());
    for doc in &loaded.collection.documents {
        let (page, _) = page_words(doc);
        let guide = pdf_words(&find(&pdf, &format!("pdf/{}.pdf", doc.id)));
        let word = words(&docx_text(&find(&docx, &format!("docx/{}.docx", doc.id))));
        for (format, found) in [("PDF guide", &guide), ("book", &books[0]), ("DOCX", &word)] {
            let missing = lacking(&page, found);
            assert!(missing.is_empty(), "{}: the {format} lacks {missing:?}", doc.source);
        }
    }
}

#[test]
fn every_word_of_content_the_seed_and_the_corpus_is_in_its_guide_the_book_and_its_docx() {
    for folder in real_trees() {
        check_tree(&folder);
    }
}
