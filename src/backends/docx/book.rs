//! The book: a cover (site title, author, date), a contents field filled with the chapters
//! and their sections (so it reads right before Word updates it), and every document as a
//! chapter starting on a new page, its title in Heading 1. Links between chapters go to their
//! bookmarks. Chapters are written one after another into one package.

use super::blocks::{heading_number, heading_style_level, layout_context, styled, Part};
use super::ids::{bookmark, Refs};
use super::package::DocxWriter;
use super::section::page_break;
use super::{book_path, failed, Env};
use crate::backends::ooxml::{esc, CoreProperties};
use crate::backends::{Artifact, Sink};
use crate::error::Result;
use crate::ir::{plain_text, walk::query_blocks, BlockKind, Document};

/// The most chapters whose sections the contents list, as the PDF book's does.
const SECTIONS_UP_TO: usize = 250;

/// Writes the book of `env`'s collection.
pub fn write(env: &Env, language: Option<&str>, sink: &dyn Sink) -> Result<()> {
    let collection = env.collection;
    let mut writer = DocxWriter::new().map_err(failed)?;
    let mut front = styled("Title", &collection.title);
    for line in [env.author, env.date.map(|d| &d[..10])].into_iter().flatten() {
        front.push_str(&styled("Subtitle", line));
    }
    front.push_str(&page_break());
    front.push_str(&styled("TOCHeading", "Contents"));
    front.push_str(&contents(env, &collection.documents));
    writer.body(&front).map_err(failed)?;
    let mut refs = Refs::default();
    for doc in &collection.documents {
        let mut part = Part::new(env, doc, refs);
        part.title_block();
        part.body();
        writer.body(&part.take_xml()).map_err(failed)?;
        refs = part.into_refs();
    }
    let properties =
        CoreProperties { title: &collection.title, author: env.author, date: env.date, language, ..Default::default() };
    let bytes = writer.finish(refs, env, &properties).map_err(failed)?;
    sink.put(Artifact::for_site(book_path(collection), bytes))
}

/// The contents: a `TOC \o "1-2" \h` field whose result is already the chapters (and, up to
/// [`SECTIONS_UP_TO`] chapters, their top-level sections, as the PDF book lists them), each
/// linked to its bookmark.
fn contents(env: &Env, docs: &[Document]) -> String {
    let mut entries: Vec<(u8, String, String)> = Vec::new();
    for doc in docs {
        entries.push((1, doc.title.clone(), bookmark(&doc.id, None)));
        if docs.len() > SECTIONS_UP_TO {
            continue;
        }
        let body = doc.body();
        let top = body.blocks.iter().filter_map(|b| match b.kind {
            BlockKind::Heading { level, .. } => Some(level),
            _ => None,
        });
        let top = top.min().unwrap_or(1);
        let mut cx = layout_context(env.theme.font_size, doc);
        query_blocks(&body.blocks, &mut |block| {
            if let BlockKind::Heading { level, id, content } = &block.kind {
                let number = if env.theme.numbering { heading_number(&mut cx, *level, top) } else { String::new() };
                let style_level = heading_style_level(*level, top, true);
                if style_level <= 2 {
                    entries.push((style_level, number + &plain_text(content), bookmark(&doc.id, Some(id))));
                }
            }
        });
    }
    let begin = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
                 <w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-2\" \\h \\z \\u </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
    let mut out = String::new();
    for (i, (level, title, mark)) in entries.iter().enumerate() {
        let field = if i == 0 { begin } else { "" };
        out.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC{level}\"/></w:pPr>{field}<w:hyperlink w:anchor=\"{mark}\" w:history=\"1\">\
             <w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink></w:p>",
            esc(title)
        ));
    }
    let open = if entries.is_empty() { begin } else { "" };
    out.push_str(&format!("<w:p>{open}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"));
    out
}
