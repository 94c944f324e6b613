//! What each command does; the definitions are in [`args`], the printing in [`report`].

mod args;
#[cfg(feature = "man")]
mod man;
#[cfg(feature = "progress")]
mod progress;
mod report;
#[cfg(feature = "watch")]
mod watch;

pub use args::Args;

use args::{Command, Target};
use clap::CommandFactory;
use folio::backends::{self, Backend};
use folio::config::Config;
use folio::driver::{self, BuildOptions};
use folio::error::{Error, Result};
use folio::parse::{self, Loaded};
use report::{counts, Reporter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Threads per core `--jobs` may ask for: more only adds switching (10,000 took 37 s on one page).
const JOBS_PER_CORE: usize = 4;

/// The threads of a build: `--jobs`, at most [`JOBS_PER_CORE`] × the cores with a note; 0
/// (rayon's default, one a core) when not given.
fn thread_count(jobs: Option<usize>, reporter: &Reporter) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = JOBS_PER_CORE * cores;
    match jobs {
        Some(asked) if asked > most => {
            reporter.summary(&format!(
                "note: --jobs {asked} is more than {JOBS_PER_CORE} × the {cores} cores; using {most}"
            ));
            most
        }
        asked => asked.unwrap_or(0),
    }
}

/// Runs a parsed command line.
pub fn run(args: Args) -> Result<ExitCode> {
    let reporter =
        Reporter { format: args.message_format, deny_warnings: args.deny_warnings, quiet: args.quiet, timings: false };
    let config_file = ConfigSource {
        file: args.config.as_deref(),
        warn_unknown_keys: args.warn_unknown_keys,
        formats: &[],
        font_paths: &args.font_path,
        no_system_fonts: args.no_system_fonts,
    };
    match args.command {
        Command::Build { target, jobs, force, shard, timings, no_wait } => {
            let Prepared { config, out, backends } = prepare(&target, config_file)?;
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(thread_count(jobs, &reporter))
                .build()
                .map_err(|e| Error::Usage(format!("--jobs: {e}")))?;
            let tell = waiting(&out, &reporter);
            let wait = if no_wait { driver::Wait::Fail } else { driver::Wait::Telling(&tell) };
            let options = BuildOptions { force, shard, progress: None, wait };
            let reporter = Reporter { timings, ..reporter };
            pool.install(|| build_once(&target.content, &config, &backends, &out, options, &reporter))
        }
        #[cfg(feature = "watch")]
        Command::Watch { target } => {
            let Prepared { out, backends, .. } = prepare(&target, config_file)?;
            let config_file = ConfigSource { formats: &target.format, ..config_file };
            let tell = waiting(&out, &reporter);
            let options = BuildOptions { wait: driver::Wait::Telling(&tell), ..BuildOptions::default() };
            let rebuild = || -> Result<ExitCode> {
                // The configuration may have changed too.
                let config = load_config(&target.content, config_file)?;
                build_once(&target.content, &config, &backends, &out, options, &reporter)
            };
            watch::watch(&target.content, &out, rebuild)
        }
        Command::Convert { file, output } => convert(&file, &output, config_file, &reporter),
        Command::Ir { path } => {
            let loaded = load(&path, config_file)?;
            reporter.diagnostics(&loaded.diagnostics);
            let json =
                serde_json::to_string_pretty(&loaded.collection).map_err(|e| Error::backend("json", e.to_string()))?;
            println!("{json}");
            Ok(reporter.exit_code(&loaded.diagnostics))
        }
        Command::List { dir } => {
            let loaded = load(&dir, config_file)?;
            print!("{}", listing(&loaded));
            Ok(reporter.exit_code(&loaded.diagnostics))
        }
        Command::Check { target } => {
            let Prepared { config, out, backends } = prepare(&target, config_file)?;
            let checked = driver::check(&target.content, &config, &backends, &out)?;
            reporter.diagnostics(&checked.diagnostics);
            reporter.summary(&format!("{} documents, {}", checked.documents, counts(&checked.diagnostics)));
            Ok(reporter.exit_code(&checked.diagnostics))
        }
        Command::MergeManifests { manifests, output } => {
            let parts = manifests
                .iter()
                .map(|path| {
                    let bytes = folio::capped::read(path, driver::MAX_MANIFEST_BYTES)
                        .map_err(|r| Error::Usage(format!("{}: {r}", path.display())))?;
                    serde_json::from_slice(&bytes)
                        .map_err(|e| Error::Usage(format!("{}: not a folio manifest: {e}", path.display())))
                })
                .collect::<Result<Vec<driver::Manifest>>>()?;
            let merged = driver::merge_manifests(&parts)?;
            let mut bytes =
                serde_json::to_vec_pretty(&merged).map_err(|e| Error::backend("manifest", e.to_string()))?;
            bytes.push(b'\n');
            driver::write_atomic(&output, &bytes)?;
            reporter.summary(&format!("joined {} manifests: {} outputs", parts.len(), merged.outputs.len()));
            Ok(reporter.exit_code(&merged.diagnostics))
        }
        Command::Init { dir } => {
            let path = dir.join(folio::config::CONFIG_FILE);
            if path.exists() {
                return Err(Error::Usage(format!("{} exists already; not overwritten", path.display())));
            }
            driver::write_atomic(&path, folio::config::DEFAULT_CONFIG.as_bytes())?;
            reporter.summary(&format!("wrote {}", path.display()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Args::command(), "folio", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "man")]
        Command::Man => {
            man::render(&mut std::io::stdout()).map_err(|e| Error::io("stdout", e))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What a build runs with.
struct Prepared {
    config: Config,
    out: PathBuf,
    backends: Vec<Box<dyn Backend>>,
}

/// The configuration, output folder and backends of a build: flags first, then `folio.toml`.
fn prepare(target: &Target, config_file: ConfigSource) -> Result<Prepared> {
    let config = load_config(&target.content, ConfigSource { formats: &target.format, ..config_file })?;
    let out = target.out.clone().unwrap_or_else(|| default_out(&config));
    let formats = if target.format.is_empty() { config.build.formats.clone() } else { target.format.clone() };
    let backends = select_backends(&formats)?;
    Ok(Prepared { config, out, backends })
}

/// What a build says when another build holds its output folder.
fn waiting(out: &Path, reporter: &Reporter) -> impl Fn() + Sync {
    let message = (!reporter.quiet).then(|| format!("waiting for another folio build in {} to finish", out.display()));
    move || message.iter().for_each(|m| eprintln!("{m}"))
}

/// One build, reported: diagnostics, then a summary line.
fn build_once(
    content: &Path,
    config: &Config,
    backends: &[Box<dyn Backend>],
    out: &Path,
    options: BuildOptions,
    reporter: &Reporter,
) -> Result<ExitCode> {
    let started = Instant::now();
    let report = with_progress(reporter.for_people(), |progress| {
        driver::run(content, config, backends, out, BuildOptions { progress, ..options })
    })?;
    reporter.diagnostics(&report.diagnostics);
    let what = if report.cached { "up to date, nothing rendered" } else { "built" };
    reporter.summary(&format!(
        "{what}: {} documents, {} outputs in {} ({} rendered, {} cached, {} removed as stale), {}, {:.0?}",
        report.documents,
        report.outputs,
        out.display(),
        report.rendered,
        report.outputs - report.rendered,
        report.removed.len(),
        counts(&report.diagnostics),
        started.elapsed()
    ));
    if reporter.timings {
        let phases: Vec<String> = report.phases.iter().map(|(what, took)| format!("{what} {took:.2?}")).collect();
        reporter.summary(&format!("timings: {}", phases.join(" · ")));
    }
    Ok(reporter.exit_code(&report.diagnostics))
}

/// Runs a build without a progress display (the `progress` feature is off).
#[cfg(not(feature = "progress"))]
fn with_progress<T>(_wanted: bool, build: impl FnOnce(Option<driver::OnProgress>) -> T) -> T {
    build(None)
}

#[cfg(feature = "progress")]
use progress::with_progress;

/// Where the configuration comes from, and what the command line sets in it.
#[derive(Debug, Clone, Copy)]
struct ConfigSource<'a> {
    file: Option<&'a Path>,
    warn_unknown_keys: bool,
    /// The formats asked for on the command line, whose sections `folio.toml` may hold.
    formats: &'a [String],
    /// `--font-path`, added to `[fonts] paths`.
    font_paths: &'a [PathBuf],
    /// `--no-system-fonts`.
    no_system_fonts: bool,
}

fn load_config(path: &Path, source: ConfigSource) -> Result<Config> {
    if !path.exists() {
        return Err(Error::Usage(format!("{}: no such file or folder", path.display())));
    }
    let mut config = Config::discover(source.file, parse::content_root(path))?;
    backends::check_config(&config, source.formats)?;
    config.build.warn_unknown_keys |= source.warn_unknown_keys;
    config.fonts.paths.extend(source.font_paths.iter().map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone())));
    config.fonts.system = Some(config.fonts.system.unwrap_or(true) && !source.no_system_fonts);
    Ok(config)
}

/// The output folder when `-o` is not given: `[build] out`, else `out`.
fn default_out(config: &Config) -> PathBuf {
    config.build.out.clone().unwrap_or_else(|| PathBuf::from("out"))
}

/// Loads a content tree as a build would, leaving out the output folder a build would write.
fn load(path: &Path, explicit: ConfigSource) -> Result<Loaded> {
    let config = load_config(path, explicit)?;
    let listing = parse::list(path, Some(&default_out(&config)))?;
    Ok(parse::load_listed(path, listing, &config))
}

/// The backends of the formats named, each once however often it is named.
fn select_backends(formats: &[String]) -> Result<Vec<Box<dyn Backend>>> {
    if formats.is_empty() {
        return Ok(backends::builtin());
    }
    let mut named: Vec<&str> = Vec::new();
    for format in formats.iter().map(|f| f.trim()) {
        if !named.contains(&format) {
            named.push(format);
        }
    }
    named.into_iter().map(backends::lookup).collect()
}

/// The extensions `convert` writes, with the format that writes each.
const CONVERT_EXTENSIONS: [(&str, &str); 5] =
    [("pdf", "pdf"), ("docx", "docx"), ("xlsx", "xlsx"), ("pptx", "slides"), ("json", "json")];

/// The format that writes files with this extension.
fn format_for_extension(ext: &str) -> Option<&'static str> {
    CONVERT_EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(_, format)| *format)
}

fn convert(file: &Path, output: &Path, explicit: ConfigSource, reporter: &Reporter) -> Result<ExitCode> {
    let ext = output.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let format = format_for_extension(&ext).ok_or_else(|| {
        let accepted: Vec<String> = CONVERT_EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect();
        Error::Usage(format!(
            "cannot tell the format from the extension `.{ext}` of {}; convert writes {}",
            output.display(),
            accepted.join(", ")
        ))
    })?;
    let config = load_config(file, explicit)?;
    driver::use_fonts(&config)?;
    let loaded = parse::load(file, &config)?;
    let (assets, mut diagnostics) = driver::load_assets(&loaded);
    let (date, date_warning) = backends::source_date_epoch();
    diagnostics.extend(date_warning);
    let backend = backends::lookup(format)?;
    let files = driver::read_setting_files(&config, std::slice::from_ref(&backend))?;
    let ctx =
        backends::RenderContext::new(&loaded.collection, &config, &assets).with_root(&loaded.root).with_date(date);
    let rendered = backend.render(&ctx.with_files(&files))?;
    let own = loaded.collection.documents.first().map(|d| format!("{}.{ext}", d.id));
    let artifact = rendered
        .artifacts
        .iter()
        .find(|a| own.as_ref().is_some_and(|s| a.path.ends_with(s.as_str())))
        .or_else(|| rendered.artifacts.iter().find(|a| a.path.ends_with(&format!(".{ext}"))))
        .ok_or_else(|| Error::backend(format, "made no file of that kind"))?;
    driver::write_atomic(output, &artifact.bytes)?;
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    diagnostics.extend(rendered.diagnostics);
    diagnostics.sort();
    reporter.diagnostics(&diagnostics);
    Ok(reporter.exit_code(&diagnostics))
}

/// The ordered tree, one line a folder or document: title, then order/weight and source.
fn listing(loaded: &Loaded) -> String {
    let mut out = String::new();
    let mut shown = std::collections::HashSet::new();
    for doc in &loaded.collection.documents {
        for folder in &loaded.collection.folders {
            let inside = doc.folder == folder.id || doc.folder.starts_with(&format!("{}/", folder.id));
            if !folder.id.is_empty() && inside && shown.insert(folder.id.clone()) {
                let depth = folder.id.matches('/').count();
                out.push_str(&format!("{}{}/{}\n", "  ".repeat(depth), folder.title, ordering(&folder.meta)));
            }
        }
        let depth = if doc.folder.is_empty() { 0 } else { doc.folder.matches('/').count() + 1 };
        out.push_str(&format!("{}{}{}  ({})\n", "  ".repeat(depth), doc.title, ordering(&doc.meta), doc.source));
    }
    out
}

fn ordering(meta: &folio::ir::Meta) -> String {
    match (meta.order, meta.weight) {
        (Some(o), _) => format!("  [order {o}]"),
        (None, Some(w)) => format!("  [weight {w}]"),
        (None, None) => String::new(),
    }
}
