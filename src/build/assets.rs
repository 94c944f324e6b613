//! Reading the images documents refer to, confined to the content root.

use crate::backends::Assets;
use crate::diag::Diagnostic;
use crate::ir::{Block, BlockKind, Document, Inline, Span};
use crate::layout::image_check::{check, MAX_FILE_BYTES};
use crate::parse::{display_path, Loaded};

/// Reads the images the documents refer to, keyed as [`crate::ir::asset_key`] names them.
/// Images outside the content root, missing or remote are warnings, never read or fetched;
/// one that is damaged or too large ([`check`]) is a warning and is left out like a missing one.
pub fn load_assets(loaded: &Loaded) -> (Assets, Vec<Diagnostic>) {
    let mut assets = Assets::new();
    let mut diagnostics = Vec::new();
    let root = loaded.root.canonicalize().unwrap_or_else(|_| loaded.root.clone());
    for doc in &loaded.collection.documents {
        let display = display_path(&loaded.root, &doc.source);
        for (src, span) in images(doc) {
            let Some(key) = crate::ir::asset_key(&doc.folder, &src) else {
                if !src.is_empty() {
                    let message = format!("image `{src}` is not a file in the content folder (folio never fetches from the network); not included");
                    diagnostics.push(Diagnostic::warning(&display, span.line, span.column, message));
                }
                continue;
            };
            if assets.contains_key(&key) {
                continue;
            }
            let inside = loaded.root.join(&key).canonicalize().ok().filter(|p| p.starts_with(&root) && p.is_file());
            let problem = match inside.map(|path| crate::capped::read(&path, MAX_FILE_BYTES)) {
                Some(Ok(bytes)) => match check(&bytes) {
                    Ok(()) => {
                        assets.insert(key, bytes);
                        continue;
                    }
                    Err(why) => format!("image `{src}` {why}; not included, its alt text is shown"),
                },
                Some(Err(refused)) => format!("image `{src}`: {refused}"),
                None => format!("image `{src}` is missing, not a file, or outside the content folder; not included"),
            };
            diagnostics.push(Diagnostic::warning(&display, span.line, span.column, problem));
        }
    }
    (assets, diagnostics)
}

/// Every image of a document with its position, in source order.
fn images(doc: &Document) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let body = doc.body();
    let mut blocks: Vec<&Block> = body.blocks.iter().chain(body.footnotes.iter().flat_map(|f| &f.blocks)).collect();
    let mut inlines: Vec<&Inline> = Vec::new();
    while let Some(block) = blocks.pop() {
        match &block.kind {
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => inlines.extend(content),
            BlockKind::Table { head, rows, .. } => inlines.extend(head.iter().chain(rows.iter().flatten()).flatten()),
            BlockKind::List { items, .. } => blocks.extend(items.iter().flat_map(|i| &i.blocks)),
            BlockKind::Quote { blocks: inner } | BlockKind::Callout { blocks: inner, .. } => blocks.extend(inner),
            BlockKind::CodeBlock { .. } | BlockKind::Rule | BlockKind::Raw { .. } => {}
        }
    }
    while let Some(inline) = inlines.pop() {
        match inline {
            Inline::Image(image) => out.push((image.src.clone(), image.span)),
            Inline::Emph { content } | Inline::Strong { content } | Inline::Strike { content } => {
                inlines.extend(content)
            }
            Inline::Link(link) => inlines.extend(&link.content),
            _ => {}
        }
    }
    out.sort_by_key(|(_, span)| *span);
    out
}
