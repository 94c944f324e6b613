//! Output formats behind one small trait. A backend is a pure function from the IR to files as
//! bytes, handed to a [`Sink`] as each is made; only the driver's sink touches the disk. Unknown format names run an external `folio-NAME`
//! program that reads the [`RenderContext`] as JSON on stdin (as mdBook's renderers do).

mod batch;
mod context;
mod date;
mod docx;
mod external;
mod json;
mod ooxml;
pub(crate) mod pdf;
mod print_theme;
pub mod slides;
mod xlsx;

pub use crate::civil::Civil;
pub use context::{Assets, RenderContext, Scope, SettingFile, SettingFiles};
pub use date::{source_date_epoch, SOURCE_DATE_ORIGIN};
pub use docx::Docx;
pub use external::External;
pub use json::Json;
pub use pdf::Pdf;
pub use slides::Slides;
pub use xlsx::{Xlsx, XlsxConfig};

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::Result;
use std::io::Write;
use std::sync::Mutex;

/// One output file: where it goes, relative to the output folder (`/`-separated), its bytes,
/// and the document it belongs to (`None` for site-wide outputs made from all documents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    pub path: String,
    pub bytes: Vec<u8>,
    pub document: Option<String>,
}

impl Artifact {
    /// An output made from one document.
    pub fn for_document(document: &str, path: String, bytes: Vec<u8>) -> Artifact {
        Artifact { path, bytes, document: Some(document.to_string()) }
    }

    /// An output made from the whole collection.
    pub fn for_site(path: String, bytes: Vec<u8>) -> Artifact {
        Artifact { path, bytes, document: None }
    }
}

/// What a backend made: its files, and diagnostics about the content it met on the way.
#[derive(Debug, Default)]
pub struct Rendered {
    pub artifacts: Vec<Artifact>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What writes a file's bytes into the writer it is given.
pub type WriteFn<'a> = dyn FnMut(&mut (dyn Write + Send)) -> Result<()> + 'a;

/// Where a backend puts each file as soon as it has made it, so that a build of a large tree
/// never holds all its outputs at once. Called from any thread, in any order.
pub trait Sink: Sync {
    /// Takes the output file at `path` (see [`Artifact`]), whose bytes `write` writes out:
    /// a file too large to hold in memory (the IR of a big tree) is written as it is made.
    fn put_with(&self, path: &str, document: Option<&str>, write: &mut WriteFn) -> Result<()>;

    /// Takes one output file made in memory.
    fn put(&self, artifact: Artifact) -> Result<()> {
        let path = &artifact.path;
        self.put_with(path, artifact.document.as_deref(), &mut |w| {
            w.write_all(&artifact.bytes).map_err(|e| crate::error::Error::io(path, e))
        })
    }
}

/// A sink that keeps every file in memory, for tests and tools that want the bytes.
#[derive(Debug, Default)]
pub struct Collect(Mutex<Vec<Artifact>>);

impl Collect {
    /// The files put, sorted by path.
    pub fn into_artifacts(self) -> Vec<Artifact> {
        let mut artifacts = self.0.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        artifacts.sort_by(|a, b| a.path.cmp(&b.path));
        artifacts
    }
}

impl Sink for Collect {
    fn put_with(&self, path: &str, document: Option<&str>, write: &mut WriteFn) -> Result<()> {
        let mut bytes = Vec::new();
        write(&mut bytes)?;
        let artifact = Artifact { path: path.to_string(), bytes, document: document.map(str::to_string) };
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(artifact);
        Ok(())
    }

    fn put(&self, artifact: Artifact) -> Result<()> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(artifact);
        Ok(())
    }
}

/// An output format.
pub trait Backend: Send + Sync {
    /// The format name used on the command line and in `folio.toml` (`pdf`, `xlsx`, …).
    fn name(&self) -> &str;

    /// Renders the whole collection, putting each file into `sink` as it is made, and returns
    /// the diagnostics found. Must not touch the disk or depend on the time or thread.
    fn render_to(&self, ctx: &RenderContext, sink: &dyn Sink) -> Result<Vec<Diagnostic>>;

    /// Checks this backend's settings in `config` (its section), so that a bad one is an error
    /// before anything is built, whichever formats are built.
    fn check(&self, _config: &Config) -> Result<()> {
        Ok(())
    }

    /// The files this backend's settings name (a reference document), which the driver reads
    /// into [`RenderContext::files`] and hashes with the settings, so that a change to one
    /// renders again.
    fn setting_files(&self, _config: &Config) -> Result<Vec<SettingFile>> {
        Ok(Vec::new())
    }

    /// Whether the build runs this backend on a thread of its own beside the others rather than
    /// in turn: for one that writes a single file on one thread with little memory (the JSON),
    /// which then fills the time a core would wait in the others (their site-wide files).
    fn runs_beside(&self) -> bool {
        false
    }

    /// Renders into memory: every file (sorted by path) and the diagnostics.
    fn render(&self, ctx: &RenderContext) -> Result<Rendered> {
        let sink = Collect::default();
        let diagnostics = self.render_to(ctx, &sink)?;
        Ok(Rendered { artifacts: sink.into_artifacts(), diagnostics })
    }
}

/// The built-in backends, in the order `folio build` runs them by default.
pub fn builtin() -> Vec<Box<dyn Backend>> {
    vec![Box::new(Json), Box::new(Pdf), Box::new(Xlsx), Box::new(Slides), Box::new(Docx)]
}

/// Checks `config` before anything is built: every section is `[site]`, `[build]`, a built-in
/// backend's or that of a format in `[build] formats` or `formats` (an external backend's), and
/// every built-in backend's settings are good. Errors point at their place in `folio.toml`.
pub fn check_config(config: &Config, formats: &[String]) -> Result<()> {
    let builtin = builtin();
    let asked = config.build.formats.iter().chain(formats).map(|f| f.trim());
    let known: Vec<&str> =
        ["site", "build", "fonts"].into_iter().chain(builtin.iter().map(|b| b.name())).chain(asked).collect();
    config.check_sections(&known)?;
    builtin.iter().try_for_each(|backend| backend.check(config))
}

/// The backend for a format name: a built-in one, or an external `folio-NAME` program (a usage
/// error for a name that is not a plain one).
pub fn lookup(name: &str) -> Result<Box<dyn Backend>> {
    match builtin().into_iter().find(|b| b.name() == name) {
        Some(backend) => Ok(backend),
        None => Ok(Box::new(External::new(name)?)),
    }
}
