//! The driver: the only code that writes to disk. It decides whether anything changed since the
//! last build (the manifest's input key), runs the backends over the loaded collection, writes
//! their artifacts atomically, removes outputs it no longer makes and records the manifest.

mod assets;
mod manifest;
mod plan;
mod sink;
mod write;

pub use assets::load_assets;
pub use manifest::{Manifest, Output, MANIFEST_FILE};
pub use plan::Shard;
pub use write::{safe_relative, write_atomic};

use crate::backends::{Backend, RenderContext};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::parse::{self, Loaded};
use plan::Plan;
use std::collections::BTreeMap;
use std::path::Path;

/// What a build tells while it runs, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress<'a> {
    /// The backend of this format starts rendering.
    Format(&'a str),
    /// An output was written (its path in the output folder).
    Wrote(&'a str),
}

/// Receives [`Progress`] from any thread.
pub type OnProgress<'a> = &'a (dyn Fn(Progress) + Sync);

/// How a build behaves beyond its inputs.
#[derive(Clone, Copy, Default)]
pub struct BuildOptions<'a> {
    /// Render everything even if nothing changed since the last build.
    pub force: bool,
    /// Build only this part of the outputs.
    pub shard: Option<Shard>,
    /// Told what the build is doing; nothing it does depends on it.
    pub progress: Option<OnProgress<'a>>,
}

/// What a build did.
#[derive(Debug)]
pub struct Report {
    pub documents: usize,
    /// Outputs the output folder now holds from this build (rendered or kept).
    pub outputs: usize,
    /// Outputs rendered by this run.
    pub rendered: usize,
    /// Nothing had changed: no rendering was done.
    pub cached: bool,
    /// Outputs of the previous build that this build no longer makes, removed.
    pub removed: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// How long each part took: loading, each format, the manifest.
    pub phases: Vec<(String, std::time::Duration)>,
}

/// `path` relative to `root` (`/`-separated) if it lies inside it.
fn relative_inside(root: &Path, path: &Path) -> Option<String> {
    // An output folder that does not exist yet holds no files to leave out.
    let root = root.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    let rel = path.strip_prefix(&root).ok()?;
    Some(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
}

/// Builds `content` with `backends` into `out`, rendering only what changed since the last
/// build recorded there.
pub fn run(
    content: &Path,
    config: &Config,
    backends: &[Box<dyn Backend>],
    out: &Path,
    options: BuildOptions,
) -> Result<Report> {
    let mut phases = Phases::start();
    let root = parse::content_root(content);
    let mut files = parse::content_files(content)?;
    // An output folder inside the content tree is not an input of the build.
    if let Some(inside) = relative_inside(root, out) {
        files.retain(|f| !(f == &inside || f.starts_with(&format!("{inside}/"))));
    }
    let names: Vec<&str> = backends.iter().map(|b| b.name()).collect();
    let shard = options.shard.map(|s| format!("{s:?}"));
    // Backends date their outputs from SOURCE_DATE_EPOCH, so it is a setting too; and so is the
    // build of folio (build.rs), which can change without its version number during development.
    let epoch = crate::backends::source_date_epoch().0;
    let build = env!("FOLIO_BUILD_ID");
    let settings = serde_json::to_string(&(env!("CARGO_PKG_VERSION"), build, config, &names, shard, epoch))
        .map_err(|e| Error::backend("manifest", e.to_string()))?;
    let settings = manifest::hash(settings.as_bytes());
    let inputs = manifest::hash_inputs(root, &files);
    let previous = Manifest::read(out).filter(|p| !options.force && p.outputs_intact(out));
    let (scope, incremental) = match plan::plan(previous.as_ref(), &settings, &inputs, options.shard) {
        Plan::UpToDate => {
            let prev = previous.expect("up to date means there was a build");
            let mut diagnostics = prev.diagnostics.clone();
            diagnostics.extend(prev.render_diagnostics.iter().map(|(_, d)| d.clone()));
            diagnostics.sort();
            return Ok(Report {
                documents: files.iter().filter(|f| parse::is_page(f)).count(),
                outputs: prev.outputs.len(),
                rendered: 0,
                cached: true,
                removed: Vec::new(),
                diagnostics,
                phases: phases.finish("checking inputs"),
            });
        }
        Plan::Render { scope, incremental } => (scope, incremental),
    };

    phases.lap("checking inputs");
    write::remove_stale_temps(out);
    let loaded = parse::load(content, config)?;
    phases.lap("loading");
    let (assets, mut diagnostics) = load_assets(&loaded);
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    let (date, date_warning) = crate::backends::source_date_epoch();
    diagnostics.extend(date_warning);
    let ctx = RenderContext::new(&loaded.collection, config, &assets).with_scope(&scope).with_root(&loaded.root);
    let ctx = ctx.with_date(date);
    let sources = source_files(&loaded);
    let written = sink::Written::default();
    // One backend after another: each renders its documents in parallel, and the memory of a
    // large tree's book or site deck is needed once at a time rather than all together.
    let rendered: Vec<Result<Vec<Diagnostic>>> = backends
        .iter()
        .map(|b| {
            if let Some(progress) = options.progress {
                progress(Progress::Format(b.name()));
            }
            let sink = sink::DiskSink {
                out,
                format: b.name(),
                sources: &sources,
                files: &files,
                written: &written,
                progress: options.progress,
            };
            let rendered = b.render_to(&ctx, &sink);
            phases.lap(b.name());
            rendered
        })
        .collect();
    let mut outputs = written.into_outputs();
    let mut render_diagnostics = Vec::new();
    for result in rendered {
        for mut d in result? {
            // Backends name files relative to the content root; show them as the user named them.
            let document =
                sources.iter().find(|(_, s)| d.file == **s || d.file == parse::display_path(&loaded.root, s));
            if let Some((_, source)) = document {
                d.file = parse::display_path(&loaded.root, source);
            }
            render_diagnostics.push((document.map(|(id, _)| id.clone()), d));
        }
    }
    if let (true, Some(prev)) = (incremental, &previous) {
        // Keep what the last build made for documents this run did not render.
        let kept = |doc: &Option<String>| doc.as_ref().is_some_and(|d| !scope.includes(d));
        outputs.extend(prev.outputs.iter().filter(|o| kept(&o.document)).cloned());
        render_diagnostics.extend(prev.render_diagnostics.iter().filter(|(doc, _)| kept(doc)).cloned());
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    diagnostics.sort();
    diagnostics.dedup();
    render_diagnostics.sort();
    render_diagnostics.dedup();
    let manifest = Manifest {
        folio_version: env!("CARGO_PKG_VERSION").to_string(),
        settings,
        inputs,
        outputs,
        diagnostics: diagnostics.clone(),
        render_diagnostics,
    };
    let removed = previous.map(|p| p.remove_stale(&manifest, out)).unwrap_or_default();
    manifest.write(out)?;
    let rendered = manifest.outputs.iter().filter(|o| o.document.as_ref().is_none_or(|d| scope.includes(d))).count();
    diagnostics.extend(manifest.render_diagnostics.iter().map(|(_, d)| d.clone()));
    diagnostics.sort();
    diagnostics.dedup();
    Ok(Report {
        documents: loaded.collection.documents.len(),
        outputs: manifest.outputs.len(),
        rendered,
        cached: false,
        removed,
        diagnostics,
        phases: phases.finish("manifest"),
    })
}

/// How long the parts of a build take, one after another.
struct Phases {
    last: std::time::Instant,
    done: Vec<(String, std::time::Duration)>,
}

impl Phases {
    fn start() -> Phases {
        Phases { last: std::time::Instant::now(), done: Vec::new() }
    }

    /// Ends the part called `what`.
    fn lap(&mut self, what: &str) {
        let now = std::time::Instant::now();
        self.done.push((what.to_string(), now - self.last));
        self.last = now;
    }

    /// Ends the last part, `what`; returns every part.
    fn finish(mut self, what: &str) -> Vec<(String, std::time::Duration)> {
        self.lap(what);
        self.done
    }
}

/// Document id to its source file, relative to the content root.
fn source_files(loaded: &Loaded) -> BTreeMap<String, String> {
    loaded.collection.documents.iter().map(|d| (d.id.clone(), d.source.clone())).collect()
}

/// Joins the manifests of shard builds (whose outputs were gathered in one folder) into one.
pub fn merge_manifests(parts: &[Manifest]) -> Result<Manifest> {
    let first = parts.first().ok_or_else(|| Error::Usage("merge-manifests needs at least one manifest".into()))?;
    let mut merged = Manifest { folio_version: first.folio_version.clone(), ..Manifest::default() };
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        if part.inputs != first.inputs {
            return Err(Error::Usage("the manifests were built from different content".into()));
        }
        hasher.update(part.settings.as_bytes());
        for output in &part.outputs {
            if merged.outputs.iter().any(|o| o.path == output.path) {
                return Err(Error::Usage(format!("two shards made `{}`", output.path)));
            }
            merged.outputs.push(output.clone());
        }
        merged.diagnostics.extend(part.diagnostics.iter().cloned());
        merged.render_diagnostics.extend(part.render_diagnostics.iter().cloned());
    }
    merged.settings = hasher.finalize().to_hex().to_string();
    merged.inputs = first.inputs.clone();
    merged.outputs.sort_by(|a, b| a.path.cmp(&b.path));
    merged.diagnostics.sort();
    merged.diagnostics.dedup();
    merged.render_diagnostics.sort();
    merged.render_diagnostics.dedup();
    Ok(merged)
}
