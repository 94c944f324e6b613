//! The driver: the only code that writes to disk. It decides whether anything changed since the
//! last build (the manifest's input key), runs the backends over the loaded collection, writes
//! their artifacts atomically, removes outputs it no longer makes and records the manifest.

mod assets;
mod check;
mod journal;
mod lock;
mod manifest;
mod plan;
mod sink;
mod write;

pub use assets::load_assets;
pub use check::{check, Checked};
pub use lock::Wait;
pub use manifest::{merge_manifests, Manifest, Output, MANIFEST_FILE, MAX_MANIFEST_BYTES};
pub use plan::Shard;
pub use write::{safe_relative, write_atomic};

use crate::backends::{self, Backend, RenderContext, SettingFiles};
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::layout::fontbook::FontBook;
use crate::parse::{self, Loaded};
use journal::Journal;
use plan::Plan;
use std::collections::{BTreeMap, HashSet};
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
    /// What to do when another build is writing to the output folder.
    pub wait: Wait<'a>,
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

/// Refuses an output folder that is the content root or holds it: the outputs would be mixed
/// in with the content, and a build could replace a page of the user's.
fn check_out_folder(root: &Path, out: &Path) -> Result<()> {
    // An output folder that does not exist yet cannot hold the content.
    let (Ok(root_path), Ok(out_path)) = (root.canonicalize(), out.canonicalize()) else { return Ok(()) };
    if root_path.starts_with(&out_path) {
        return Err(Error::Usage(format!(
            "the output folder {} is, or holds, the content folder {}; write the outputs to a folder of their own (`-o out` inside the content folder is fine)",
            out.display(),
            root.display()
        )));
    }
    Ok(())
}

/// Builds `content` with `backends` into `out`, rendering only what changed since the last
/// build recorded there. One build at a time writes to an output folder.
pub fn run(
    content: &Path,
    config: &Config,
    backends: &[Box<dyn Backend>],
    out: &Path,
    options: BuildOptions,
) -> Result<Report> {
    let mut phases = Phases::start();
    let root = parse::content_root(content);
    check_out_folder(root, out)?;
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let _lock = lock::acquire(out, options.wait)?;
    // With the lock held, what a killed build left is ours to finish or discard.
    write::remove_temps(out);
    let recorded = journal::recover(out)?;
    // One listing, with the output folder left out wherever it lies, is hashed and loaded.
    let listing = parse::list(content, Some(out))?;
    let files = listing.files();
    // Read once: the date is a setting (a new one re-renders) and goes to every backend.
    let (date, date_warning) = crate::backends::source_date_epoch();
    use_fonts(config)?;
    let setting_files = read_setting_files(config, backends)?;
    // The fonts the last build used, as they are now: a changed one changes the settings.
    let fonts_before = manifest::hash_fonts(recorded.iter().flat_map(|m| m.fonts.iter().map(|f| f.path.clone())));
    let settings = settings_key(config, backends, options.shard, date, (&fonts_before, &setting_files))?;
    let inputs = manifest::hash_inputs(root, &files);
    let previous = recorded.as_ref().filter(|_| !options.force);
    let damaged = previous.map(|p| p.damaged(out)).unwrap_or_default();
    let (scope, incremental) = match plan::plan(previous, &settings, &inputs, options.shard, &damaged) {
        Plan::UpToDate => {
            let prev = previous.expect("up to date means there was a build");
            return Ok(up_to_date(prev, root, phases));
        }
        Plan::Render { scope, incremental } => (scope, incremental),
    };
    phases.lap("checking inputs");
    let journal = Journal::start(out, &settings, &inputs, &scope)?;
    let loaded = parse::load_listed(content, listing, config);
    phases.lap("loading");
    let (assets, mut diagnostics) = load_assets(&loaded);
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    diagnostics.extend(shortened_names(&loaded));
    diagnostics.extend(date_warning);
    let ctx = RenderContext::new(&loaded.collection, config, &assets).with_scope(&scope).with_root(&loaded.root);
    let ctx = ctx.with_date(date).with_files(&setting_files);
    let owned: HashSet<String> = recorded.iter().flat_map(|m| m.outputs.iter().map(|o| o.path.clone())).collect();
    let target = Target { out, owned: &owned, journal: &journal, files: &files, progress: options.progress };
    let rendered = render(backends, &ctx, &loaded, &target, &mut phases);
    let rendered = rendered.inspect_err(|_| journal::settle(out))?;
    let kept = previous.filter(|_| incremental).map(|p| (p, &scope));
    let fonts = fonts_used(kept.map(|(p, _)| p));
    let settings = settings_key(config, backends, options.shard, date, (&fonts, &setting_files))?;
    let manifest = Manifest {
        documents: loaded.collection.documents.len(),
        fonts,
        ..record(root, settings, inputs, rendered, diagnostics, kept)
    };
    let removed = recorded.map(|p| p.remove_stale(&manifest, out)).unwrap_or_default();
    manifest.write(out).inspect_err(|_| journal::settle(out))?;
    journal.finish()?;
    let rendered = manifest.outputs.iter().filter(|o| o.document.as_ref().is_none_or(|d| scope.includes(d))).count();
    let diagnostics = manifest.shown_diagnostics(root);
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

/// The manifest of a build of `inputs` with `settings`, its fonts yet to be added: the outputs and diagnostics rendered,
/// those of loading, and (`kept`) those of the last build for the documents out of this scope.
/// Files in diagnostics are recorded relative to the content root `root`.
fn record(
    root: &Path,
    settings: String,
    inputs: Vec<manifest::Input>,
    rendered: (Vec<Output>, Vec<sink::ByDocument>),
    diagnostics: Vec<Diagnostic>,
    kept: Option<(&Manifest, &backends::Scope)>,
) -> Manifest {
    let (mut outputs, rendered_diagnostics) = rendered;
    let mut render_diagnostics: Vec<sink::ByDocument> =
        rendered_diagnostics.into_iter().map(|(doc, d)| (doc, manifest::recorded(root, d))).collect();
    if let Some((prev, scope)) = kept {
        let kept = |doc: &Option<String>| doc.as_ref().is_some_and(|d| !scope.includes(d));
        outputs.extend(prev.outputs.iter().filter(|o| kept(&o.document)).cloned());
        render_diagnostics.extend(prev.render_diagnostics.iter().filter(|(doc, _)| kept(doc)).cloned());
    }
    outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let mut diagnostics: Vec<Diagnostic> = diagnostics.into_iter().map(|d| manifest::recorded(root, d)).collect();
    diagnostics.sort();
    diagnostics.dedup();
    render_diagnostics.sort();
    render_diagnostics.dedup();
    Manifest {
        folio_version: env!("CARGO_PKG_VERSION").to_string(),
        settings,
        inputs,
        outputs,
        diagnostics,
        render_diagnostics,
        fonts: Vec::new(),
        documents: 0,
    }
}

/// A warning for each page whose outputs get a shortened name, its own being too long.
fn shortened_names(loaded: &Loaded) -> Vec<Diagnostic> {
    let shortened = loaded.collection.documents.iter().filter_map(|d| {
        let stem = crate::ir::output_stem(&d.id);
        let message = format!("the file name is too long for the names of its outputs; they are named `{stem}` with their extension (`.pdf`, `.xlsx`, `.pptx`, `.md`)");
        (stem != d.id).then(|| Diagnostic::warning(parse::display_path(&loaded.root, &d.source), 0, 0, message))
    });
    shortened.collect()
}

/// The most bytes a file the settings name may have (a reference document): 64 MB.
const MAX_SETTING_FILE_BYTES: u64 = 64 << 20;

/// Reads the files the settings of `backends` name ([`Backend::setting_files`]); one that
/// cannot be read is an error at the key that names it.
pub fn read_setting_files(config: &Config, backends: &[Box<dyn Backend>]) -> Result<SettingFiles> {
    let mut files = SettingFiles::new();
    for backend in backends {
        for file in backend.setting_files(config)? {
            let bytes = crate::capped::read(&file.path, MAX_SETTING_FILE_BYTES)
                .map_err(|why| config.invalid(file.section, file.key, &format!("{}: {why}", file.path.display())))?;
            files.insert(file.path, bytes);
        }
    }
    Ok(files)
}

/// Sets up the fonts of `[fonts]` (and the font flags) for every layout that follows.
pub fn use_fonts(config: &Config) -> Result<()> {
    let book = FontBook::new(&config.fonts).map_err(|(key, message)| config.invalid("fonts", key, &message))?;
    crate::layout::fontbook::use_book(book);
    Ok(())
}

/// The font files the outputs are laid out with, hashed: those this process read and, in an
/// incremental build, those of the outputs `kept` from the last one.
fn fonts_used(kept: Option<&Manifest>) -> Vec<manifest::Input> {
    let read = crate::layout::fonts::registered_files().into_iter().map(|p| p.display().to_string());
    let paths: std::collections::BTreeSet<String> =
        read.chain(kept.into_iter().flat_map(|m| m.fonts.iter().map(|f| f.path.clone()))).collect();
    manifest::hash_fonts(paths)
}

/// The hash of what every output depends on besides the content: `fonts` are the font files
/// read with their hashes, `files` those the settings name.
fn settings_key(
    config: &Config,
    backends: &[Box<dyn Backend>],
    shard: Option<Shard>,
    epoch: Option<i64>,
    (fonts, files): (&[manifest::Input], &SettingFiles),
) -> Result<String> {
    let files: Vec<(&Path, String)> =
        files.iter().map(|(path, bytes)| (path.as_path(), manifest::hash(bytes))).collect();
    let names: Vec<&str> = backends.iter().map(|b| b.name()).collect();
    let shard = shard.map(|s| format!("{s:?}"));
    // Backends date their outputs from SOURCE_DATE_EPOCH (`epoch`), so it is a setting too; and
    // so is the build of folio (build.rs), which can change without its version number.
    let build = env!("FOLIO_BUILD_ID");
    let settings =
        serde_json::to_string(&(env!("CARGO_PKG_VERSION"), build, config, &names, shard, epoch, (fonts, files)))
            .map_err(|e| Error::backend("manifest", e.to_string()))?;
    Ok(manifest::hash(settings.as_bytes()))
}

/// The report of a build that found nothing to do: the last build's diagnostics again.
fn up_to_date(prev: &Manifest, root: &Path, phases: Phases) -> Report {
    let diagnostics = prev.shown_diagnostics(root);
    Report {
        documents: prev.documents,
        outputs: prev.outputs.len(),
        rendered: 0,
        cached: true,
        removed: Vec::new(),
        diagnostics,
        phases: phases.finish("checking inputs"),
    }
}

/// Where a build writes, and what it may replace there.
struct Target<'a> {
    out: &'a Path,
    /// Outputs earlier builds recorded: the only files in the output folder folio may replace.
    owned: &'a HashSet<String>,
    journal: &'a Journal,
    /// Every content file: the inputs of site-wide outputs.
    files: &'a [String],
    progress: Option<OnProgress<'a>>,
}

/// Runs the backends one after another, writing as they go; a backend that
/// [runs beside the others](Backend::runs_beside) does so on a thread of its own. Returns the
/// outputs written and the diagnostics of rendering, by document, in the backends' order.
fn render(
    backends: &[Box<dyn Backend>],
    ctx: &RenderContext,
    loaded: &Loaded,
    target: &Target,
    phases: &mut Phases,
) -> Result<(Vec<Output>, Vec<sink::ByDocument>)> {
    let sources = source_files(loaded);
    let written = sink::Written::default();
    let render_one = |b: &dyn Backend| {
        if let Some(progress) = target.progress {
            progress(Progress::Format(b.name()));
        }
        let sink =
            sink::DiskSink { target, root: &loaded.root, format: b.name(), sources: &sources, written: &written };
        b.render_to(ctx, &sink)
    };
    let (beside, in_turn): (Vec<_>, Vec<_>) = backends.iter().enumerate().partition(|(_, b)| b.runs_beside());
    // Each backend in turn renders its documents in parallel, and the memory of a large tree's
    // book or site deck is needed once at a time rather than all together.
    let mut rendered: Vec<(usize, Result<Vec<Diagnostic>>)> = std::thread::scope(|scope| {
        let side = scope.spawn(|| {
            let start = std::time::Instant::now();
            let done: Vec<_> = beside.iter().map(|&(i, b)| (i, render_one(b.as_ref()))).collect();
            (done, start.elapsed())
        });
        let mut done: Vec<_> = in_turn
            .iter()
            .map(|&(i, b)| {
                let rendered = render_one(b.as_ref());
                phases.lap(b.name());
                (i, rendered)
            })
            .collect();
        let (side, took) = side.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if !beside.is_empty() {
            let names: Vec<&str> = beside.iter().map(|(_, b)| b.name()).collect();
            phases.lap(&format!("waiting for {}", names.join(", ")));
            phases.beside(&names.join(", "), took);
        }
        done.extend(side);
        done
    });
    rendered.sort_by_key(|(i, _)| *i);
    let (outputs, refused) = written.into_parts();
    let mut render_diagnostics = refused;
    for (_, result) in rendered {
        render_diagnostics.extend(result?.into_iter().map(|d| by_document(d, &sources, &loaded.root)));
    }
    Ok((outputs, render_diagnostics))
}

/// A diagnostic of rendering with the document it is about. Backends name files relative to
/// the content root; the diagnostic shows them as the user named them.
fn by_document(mut d: Diagnostic, sources: &BTreeMap<String, String>, root: &Path) -> sink::ByDocument {
    let document = sources.iter().find(|(_, s)| d.file == **s || d.file == parse::display_path(root, s));
    if let Some((_, source)) = document {
        d.file = parse::display_path(root, source);
    }
    (document.map(|(id, _)| id.clone()), d)
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

    /// Records `what`, which ran beside the parts in turn and took `took`.
    fn beside(&mut self, what: &str, took: std::time::Duration) {
        self.done.push((format!("{what} (beside)"), took));
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
