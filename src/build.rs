//! The driver: the only code that writes to disk. It runs backends over a loaded collection and
//! writes their artifacts atomically (a temporary file in the same folder, then a rename).

use crate::backends::{Assets, Backend, RenderContext, Rendered};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::ir::{BlockKind, Document, Inline};
use crate::parse::{display_path, Loaded};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Runs each backend over the collection, in the order given.
pub fn render(backends: &[Box<dyn Backend>], ctx: &RenderContext) -> Result<Vec<Rendered>> {
    backends.iter().map(|b| b.render(ctx)).collect()
}

/// Writes artifacts below `out`, refusing any path that would leave it.
pub fn write_artifacts(out: &Path, rendered: &[Rendered]) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for artifact in rendered.iter().flat_map(|r| &r.artifacts) {
        let rel = safe_relative(&artifact.path)?;
        let path = out.join(rel);
        write_atomic(&path, &artifact.bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// An artifact path as a relative path with no `..`, root or prefix.
pub fn safe_relative(path: &str) -> Result<PathBuf> {
    let rel = Path::new(path);
    let ok = !path.is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(rel.to_path_buf())
    } else {
        Err(Error::Usage(format!("refusing to write `{path}`: outputs must stay inside the output folder")))
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader sees the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut temp =
        tempfile::Builder::new().prefix(".folio-").suffix(".tmp").tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    temp.write_all(bytes).map_err(|e| Error::io(temp.path(), e))?;
    temp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// Reads the images the documents refer to, keyed as [`crate::ir::asset_key`] names them.
/// Images outside the content root or missing are warnings, never read.
pub fn load_assets(loaded: &Loaded) -> (Assets, Vec<Diagnostic>) {
    let mut assets = Assets::new();
    let mut diagnostics = Vec::new();
    let root = loaded.root.canonicalize().unwrap_or_else(|_| loaded.root.clone());
    for doc in &loaded.collection.documents {
        let mut images = Vec::new();
        collect_images(doc, &mut images);
        for (src, span) in images {
            let Some(key) = crate::ir::asset_key(&doc.folder, &src) else { continue };
            if assets.contains_key(&key) {
                continue;
            }
            let display = display_path(&loaded.root, &doc.source);
            let inside = loaded.root.join(&key).canonicalize().ok().filter(|p| p.starts_with(&root));
            match inside.map(|p| std::fs::read(&p)) {
                Some(Ok(bytes)) => {
                    assets.insert(key, bytes);
                }
                Some(Err(e)) => diagnostics.push(Diagnostic::warning(
                    display,
                    span.line,
                    span.column,
                    format!("image `{src}`: {e}"),
                )),
                None => diagnostics.push(Diagnostic::warning(
                    display,
                    span.line,
                    span.column,
                    format!("image `{src}` is missing or outside the content folder; not included"),
                )),
            }
        }
    }
    (assets, diagnostics)
}

fn collect_images(doc: &Document, out: &mut Vec<(String, crate::ir::Span)>) {
    let mut stack: Vec<&crate::ir::Block> =
        doc.blocks.iter().chain(doc.footnotes.iter().flat_map(|f| &f.blocks)).collect();
    let mut inline_stack: Vec<&Inline> = Vec::new();
    while let Some(block) = stack.pop() {
        match &block.kind {
            BlockKind::Paragraph { content } | BlockKind::Heading { content, .. } => inline_stack.extend(content),
            BlockKind::Table { head, rows, .. } => {
                inline_stack.extend(head.iter().chain(rows.iter().flatten()).flatten())
            }
            BlockKind::List { items, .. } => stack.extend(items.iter().flat_map(|i| &i.blocks)),
            BlockKind::Quote { blocks } | BlockKind::Callout { blocks, .. } => stack.extend(blocks),
            BlockKind::CodeBlock { .. } | BlockKind::Rule | BlockKind::Raw { .. } => {}
        }
    }
    while let Some(inline) = inline_stack.pop() {
        match inline {
            Inline::Image { src, span, .. } => out.push((src.clone(), *span)),
            Inline::Emph { content }
            | Inline::Strong { content }
            | Inline::Strike { content }
            | Inline::Link { content, .. } => inline_stack.extend(content),
            _ => {}
        }
    }
    out.sort();
}

/// What a build wrote, and everything it had to say about the content.
pub struct BuildOutcome {
    pub written: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Renders a loaded collection with the given backends and writes the results below `out`.
pub fn build(loaded: &Loaded, config: &Config, backends: &[Box<dyn Backend>], out: &Path) -> Result<BuildOutcome> {
    let (assets, mut diagnostics) = load_assets(loaded);
    let ctx = RenderContext::new(&loaded.collection, config, &assets);
    let rendered = render(backends, &ctx)?;
    let written = write_artifacts(out, &rendered)?;
    diagnostics.extend(rendered.into_iter().flat_map(|r| r.diagnostics));
    diagnostics.sort();
    diagnostics.dedup();
    Ok(BuildOutcome { written, diagnostics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_output_are_refused() {
        assert!(safe_relative("pdf/vp.pdf").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../b", ""] {
            assert!(safe_relative(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn atomic_write_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }
}
