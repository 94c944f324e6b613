//! Reading the images documents refer to, confined to the content root, and drawing their
//! diagrams ([`crate::diagram`]).

use crate::backends::Assets;
use crate::diag::Diagnostic;
use crate::ir::walk::{query_block_inlines, query_blocks};
use crate::ir::{BlockKind, Body, Inline, Span};
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
        let body = doc.body();
        for (src, span) in images(&body) {
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
                    Err(why) => format!("image `{src}` {why}; not included, its alt text is shown in a box"),
                },
                Some(Err(refused)) => format!("image `{src}`: {refused}"),
                None => format!("image `{src}` is missing, not a file, or outside the content folder; not included"),
            };
            diagnostics.push(Diagnostic::warning(&display, span.line, span.column, problem));
        }
        draw_diagrams(&body, &display, &mut assets, &mut diagnostics);
    }
    (assets, diagnostics)
}

/// Draws the diagrams of a document's `body` into `assets`, each once; one that cannot be drawn is a
/// warning, and its block stays code.
fn draw_diagrams(body: &Body, display: &str, assets: &mut Assets, diagnostics: &mut Vec<Diagnostic>) {
    for blocks in body.block_trees() {
        query_blocks(blocks, &mut |block| {
            let BlockKind::CodeBlock { lang, text } = &block.kind else { return };
            let Some(key) = crate::diagram::key(lang.as_deref(), text) else { return };
            if assets.contains_key(&key) {
                return;
            }
            match crate::diagram::draw(text).and_then(|svg| check(&svg).map(|()| svg)) {
                Ok(svg) => drop(assets.insert(key, svg)),
                Err(why) => {
                    let message = format!("this Mermaid diagram cannot be drawn ({why}); it is shown as code");
                    diagnostics.push(Diagnostic::warning(display, block.span.line, block.span.column, message));
                }
            }
        });
    }
}

/// Every image of a document's `body` with its position, in source order (footnotes are
/// defined anywhere in the source).
fn images(body: &Body) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for blocks in body.block_trees() {
        query_block_inlines(blocks, &mut |inline| {
            if let Inline::Image(image) = inline {
                out.push((image.src.clone(), image.span));
            }
        });
    }
    out.sort_by_key(|(_, span)| *span);
    out
}
