//! Printing diagnostics and summaries, for people (stderr) or tools (JSON lines on stdout).

use super::args::MessageFormat;
use folio::diag::{error_count, printable, Diagnostic};
use std::process::ExitCode;

/// Where and how a command talks to its caller.
#[derive(Debug, Clone, Copy)]
pub struct Reporter {
    pub format: MessageFormat,
    pub deny_warnings: bool,
    pub quiet: bool,
    /// Print how long each part of a build took (`build --timings`).
    pub timings: bool,
}

impl Reporter {
    /// Prints diagnostics in the chosen format; `--quiet` keeps only errors.
    pub fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| !self.quiet || self.counts_as_error(d)) {
            match self.format {
                MessageFormat::Human => eprintln!("{d}"),
                MessageFormat::Json => println!("{}", serde_json::to_string(d).unwrap_or_default()),
            }
        }
    }

    /// A closing line for people; tools get the diagnostics alone.
    pub fn summary(&self, line: &str) {
        if self.for_people() {
            eprintln!("{}", printable(line));
        }
    }

    /// Whether people are the audience (not tools, not `--quiet`): summaries and progress.
    pub fn for_people(&self) -> bool {
        !self.quiet && self.format == MessageFormat::Human
    }

    fn counts_as_error(&self, d: &Diagnostic) -> bool {
        d.is_error() || self.deny_warnings
    }

    /// 1 if any diagnostic counts as an error, else 0.
    pub fn exit_code(&self, diagnostics: &[Diagnostic]) -> ExitCode {
        if diagnostics.iter().any(|d| self.counts_as_error(d)) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// "3 errors, 2 warnings".
pub fn counts(diagnostics: &[Diagnostic]) -> String {
    let errors = error_count(diagnostics);
    format!("{errors} errors, {} warnings", diagnostics.len() - errors)
}
