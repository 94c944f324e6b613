//! The driver: the only code that writes to disk. It decides whether anything changed since the
//! last build (the manifest's input key), runs the backends over the loaded collection, writes
//! their artifacts atomically, removes outputs it no longer makes and records the manifest.

mod assets;
mod manifest;
mod write;

pub use assets::load_assets;
pub use manifest::{Manifest, Output, MANIFEST_FILE};
pub use write::{safe_relative, write_atomic};

use crate::backends::{Backend, RenderContext, Rendered};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::parse;
use rayon::prelude::*;
use std::path::Path;

/// How a build behaves beyond its inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Render everything even if nothing changed since the last build.
    pub force: bool,
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    pub documents: usize,
    /// Outputs written (or found up to date).
    pub outputs: usize,
    /// Nothing had changed: no rendering was done.
    pub cached: bool,
    /// Outputs of the previous build that this build no longer makes, removed.
    pub removed: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// `path` relative to `root` (`/`-separated) if it lies inside it.
fn relative_inside(root: &Path, path: &Path) -> Option<String> {
    let root = root.canonicalize().ok()?;
    std::fs::create_dir_all(path).ok()?;
    let path = path.canonicalize().ok()?;
    let rel = path.strip_prefix(&root).ok()?;
    Some(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
}

/// Builds `content` with `backends` into `out`.
pub fn run(
    content: &Path,
    config: &Config,
    backends: &[Box<dyn Backend>],
    out: &Path,
    options: BuildOptions,
) -> Result<Report> {
    let root = parse::content_root(content);
    let mut files = parse::content_files(content)?;
    // An output folder inside the content tree is not an input of the build.
    if let Some(inside) = relative_inside(root, out) {
        files.retain(|f| !(f == &inside || f.starts_with(&format!("{inside}/"))));
    }
    let names: Vec<&str> = backends.iter().map(|b| b.name()).collect();
    let settings = serde_json::to_string(&(config, &names)).map_err(|e| Error::backend("manifest", e.to_string()))?;
    let (key, inputs) = manifest::input_key(root, &files, &settings)?;
    let previous = Manifest::read(out);
    if let Some(prev) = previous.as_ref().filter(|p| !options.force && p.key == key && p.outputs_intact(out)) {
        return Ok(Report {
            documents: files.iter().filter(|f| parse::is_page(f)).count(),
            outputs: prev.outputs.len(),
            cached: true,
            removed: Vec::new(),
            diagnostics: prev.diagnostics.clone(),
        });
    }

    let loaded = parse::load(content, config)?;
    let (assets, mut diagnostics) = load_assets(&loaded);
    let ctx = RenderContext::new(&loaded.collection, config, &assets);
    let rendered: Vec<Result<Rendered>> = backends.par_iter().map(|b| b.render(&ctx)).collect();
    let mut outputs = Vec::new();
    for (backend, result) in backends.iter().zip(rendered) {
        let rendered = result?;
        for artifact in &rendered.artifacts {
            let rel = safe_relative(&artifact.path)?;
            if artifact.path == MANIFEST_FILE || outputs.iter().any(|o: &Output| o.path == artifact.path) {
                return Err(Error::backend(backend.name(), format!("two outputs named `{}`", artifact.path)));
            }
            write_atomic(&out.join(rel), &artifact.bytes)?;
            outputs.push(Output::new(&artifact.path, backend.name(), &artifact.bytes));
        }
        diagnostics.extend(rendered.diagnostics);
    }
    diagnostics.extend(loaded.diagnostics);
    diagnostics.sort();
    diagnostics.dedup();
    let manifest = Manifest {
        folio_version: env!("CARGO_PKG_VERSION").to_string(),
        key,
        inputs,
        outputs,
        diagnostics: diagnostics.clone(),
    };
    let removed = previous.map(|p| p.remove_stale(&manifest, out)).unwrap_or_default();
    manifest.write(out)?;
    Ok(Report {
        documents: loaded.collection.documents.len(),
        outputs: manifest.outputs.len(),
        cached: false,
        removed,
        diagnostics,
    })
}
