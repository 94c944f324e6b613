//! The command-line interface as clap definitions; completions and the man page come from here.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turns a folder of Markdown documentation into PDFs, XLSX skill matrices and slide decks.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about)]
pub struct Args {
    /// Configuration file (default: folio.toml at the content root, if there is one).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// How diagnostics are printed: for people on stderr, or one JSON object a line on stdout.
    #[arg(long, global = true, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    /// Treat warnings as errors (exit 1 when there are any).
    #[arg(long, global = true)]
    pub deny_warnings: bool,
    /// Warn about frontmatter keys folio does not know (a typo like `titel`), with the closest
    /// known key; also `warn_unknown_keys = true` under `[build]` in folio.toml.
    #[arg(long, global = true)]
    pub warn_unknown_keys: bool,
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// A font file or a folder of fonts to use besides those of `[fonts] paths`; may be given
    /// more than once.
    #[arg(long, global = true, value_name = "DIR")]
    pub font_path: Vec<PathBuf>,
    /// Use no font installed on the machine, only the bundled ones and those of the font paths
    /// (also `system = false` under `[fonts]`).
    #[arg(long, global = true)]
    pub no_system_fonts: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MessageFormat {
    Human,
    Json,
}

/// What a build reads, where it writes, and which formats it makes.
#[derive(Debug, clap::Args)]
pub struct Target {
    /// The content folder.
    #[arg(default_value = "content")]
    pub content: PathBuf,
    /// The output folder (default: `[build] out`, else `out`).
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Formats to build, comma-separated (default: `[build] formats`, else all built in).
    #[arg(short, long, value_delimiter = ',', value_name = "LIST")]
    pub format: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every format for a content tree (skipped when nothing changed since the last build).
    Build {
        #[command(flatten)]
        target: Target,
        /// Threads to render with (default: all cores). Outputs do not depend on it.
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Rebuild everything even if nothing changed.
        #[arg(long)]
        force: bool,
        /// Build part K of N of the per-document outputs (`K/N`), or only the site-wide ones
        /// (`site`), for splitting a huge tree over CI jobs.
        #[arg(long, value_name = "K/N|site")]
        shard: Option<folio::driver::Shard>,
        /// After the summary, print how long loading, each format and the manifest took.
        #[arg(long)]
        timings: bool,
        /// When another build is writing to the output folder, stop (exit 2) instead of waiting.
        #[arg(long)]
        no_wait: bool,
    },
    /// Join the manifests of shard builds into one `manifest.json`.
    MergeManifests {
        /// The manifests of the shards.
        #[arg(required = true)]
        manifests: Vec<PathBuf>,
        /// Where to write the joined manifest.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Write a commented default folio.toml into a content folder.
    Init {
        #[arg(default_value = "content")]
        dir: PathBuf,
    },
    /// Build, then rebuild what changed whenever a file of the content tree changes.
    #[cfg(feature = "watch")]
    Watch {
        #[command(flatten)]
        target: Target,
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
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff).
    #[cfg(feature = "man")]
    Man,
}
