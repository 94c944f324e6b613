//! Command definitions (clap derive) and what each command does.

use clap::{Parser, Subcommand};
use folio::backends::{self, Backend};
use folio::build::{self, BuildOutcome};
use folio::config::Config;
use folio::diag::{error_count, Diagnostic};
use folio::error::{Error, Result};
use folio::parse::{self, Loaded};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turns a folder of Markdown documentation into PDFs, XLSX skill matrices and slide decks.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about)]
pub struct Args {
    /// Configuration file (default: folio.toml at the content root, if there is one).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build every format for a content tree.
    Build {
        /// The content folder.
        #[arg(default_value = "content")]
        content: PathBuf,
        /// The output folder (default: `[build] out`, else `out`).
        #[arg(short, long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Formats to build, comma-separated (default: `[build] formats`, else all built in).
        #[arg(short, long, value_delimiter = ',', value_name = "LIST")]
        format: Vec<String>,
    },
    /// Convert one Markdown file; the format comes from the output's extension.
    Convert {
        file: PathBuf,
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Print the IR of a file or folder as JSON.
    Ir { path: PathBuf },
    /// Show a content tree in reading order with titles and orders.
    List {
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
    /// Report every diagnostic of a content tree; exit 1 if there are errors.
    Check {
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
}

/// Runs a parsed command line.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Build { content, out, format } => {
            let (config, loaded) = load(&content, args.config.as_deref())?;
            let out = out.or_else(|| config.build.out.clone()).unwrap_or_else(|| PathBuf::from("out"));
            let formats = if format.is_empty() { config.build.formats.clone() } else { format };
            let backends = select_backends(&formats);
            let outcome = build::build(&loaded, &config, &backends, &out)?;
            finish(&loaded, outcome)
        }
        Command::Convert { file, output } => convert(&file, &output, args.config.as_deref()),
        Command::Ir { path } => {
            let (_, loaded) = load(&path, args.config.as_deref())?;
            report(&loaded.diagnostics);
            let json =
                serde_json::to_string_pretty(&loaded.collection).map_err(|e| Error::backend("json", e.to_string()))?;
            println!("{json}");
            Ok(exit_for(&loaded.diagnostics))
        }
        Command::List { dir } => {
            let (_, loaded) = load(&dir, args.config.as_deref())?;
            print!("{}", listing(&loaded));
            Ok(exit_for(&loaded.diagnostics))
        }
        Command::Check { dir } => {
            let (_, loaded) = load(&dir, args.config.as_deref())?;
            let (_, mut diagnostics) = build::load_assets(&loaded);
            diagnostics.extend(loaded.diagnostics.iter().cloned());
            diagnostics.sort();
            report(&diagnostics);
            let errors = error_count(&diagnostics);
            eprintln!(
                "{} documents, {} errors, {} warnings",
                loaded.collection.documents.len(),
                errors,
                diagnostics.len() - errors
            );
            Ok(exit_for(&diagnostics))
        }
    }
}

fn load(path: &Path, config: Option<&Path>) -> Result<(Config, Loaded)> {
    if !path.exists() {
        return Err(Error::Usage(format!("{}: no such file or folder", path.display())));
    }
    let root = if path.is_dir() { path } else { path.parent().unwrap_or(Path::new(".")) };
    let config = Config::discover(config, root)?;
    let loaded = parse::load(path, &config)?;
    Ok((config, loaded))
}

fn select_backends(formats: &[String]) -> Vec<Box<dyn Backend>> {
    if formats.is_empty() {
        backends::builtin()
    } else {
        formats.iter().map(|f| backends::lookup(f.trim())).collect()
    }
}

fn convert(file: &Path, output: &Path, config: Option<&Path>) -> Result<ExitCode> {
    let ext = output.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    let format = match ext.as_str() {
        "json" => "json",
        other => {
            return Err(Error::Usage(format!(
                "cannot tell the format from the extension `.{other}` of {}",
                output.display()
            )))
        }
    };
    let (config, loaded) = load(file, config)?;
    let (assets, mut diagnostics) = build::load_assets(&loaded);
    let ctx = backends::RenderContext::new(&loaded.collection, &config, &assets);
    let rendered = backends::lookup(format).render(&ctx)?;
    let wanted_suffix = loaded.collection.documents.first().map(|d| format!("{}.{ext}", d.id));
    let artifact = rendered
        .artifacts
        .iter()
        .find(|a| wanted_suffix.as_ref().is_some_and(|s| a.path.ends_with(s.as_str())))
        .or_else(|| rendered.artifacts.iter().find(|a| a.path.ends_with(&format!(".{ext}"))))
        .ok_or_else(|| Error::backend(format, "made no file of that kind"))?;
    build::write_atomic(output, &artifact.bytes)?;
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    diagnostics.extend(rendered.diagnostics);
    diagnostics.sort();
    report(&diagnostics);
    Ok(exit_for(&diagnostics))
}

fn finish(loaded: &Loaded, outcome: BuildOutcome) -> Result<ExitCode> {
    let mut diagnostics = loaded.diagnostics.clone();
    diagnostics.extend(outcome.diagnostics);
    diagnostics.sort();
    diagnostics.dedup();
    report(&diagnostics);
    let errors = error_count(&diagnostics);
    eprintln!(
        "built {} documents into {} files ({} errors, {} warnings)",
        loaded.collection.documents.len(),
        outcome.written.len(),
        errors,
        diagnostics.len() - errors
    );
    Ok(exit_for(&diagnostics))
}

/// The ordered tree, one line a folder or document: title, then order/weight and id.
fn listing(loaded: &Loaded) -> String {
    let mut out = String::new();
    let mut shown_folders = std::collections::HashSet::new();
    for doc in &loaded.collection.documents {
        for folder in &loaded.collection.folders {
            let inside = doc.folder == folder.id || doc.folder.starts_with(&format!("{}/", folder.id));
            if !folder.id.is_empty() && inside && shown_folders.insert(folder.id.clone()) {
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

fn report(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{d}");
    }
}

fn exit_for(diagnostics: &[Diagnostic]) -> ExitCode {
    if error_count(diagnostics) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
