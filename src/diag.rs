//! Diagnostics: warnings and errors that name a file, line and column and show the line.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How bad a diagnostic is. Errors make `folio check` and `folio build` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// One message about the input, pointing at the place it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file as the user named it (content root joined with the relative path).
    pub file: String,
    /// 1-based; 0 when the message is about the whole file.
    pub line: u32,
    /// 1-based, in characters; 0 when unknown.
    pub column: u32,
    pub severity: Severity,
    pub message: String,
    /// The text of the offending line, shown under the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Error, file.into(), line, column, message.into())
    }

    pub fn warning(file: impl Into<String>, line: u32, column: u32, message: impl Into<String>) -> Self {
        Diagnostic::new(Severity::Warning, file.into(), line, column, message.into())
    }

    fn new(severity: Severity, file: String, line: u32, column: u32, message: String) -> Self {
        Diagnostic { file, line, column, severity, message, source_line: None }
    }

    /// Attaches the offending line, taken from the file's text.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text.lines().nth(self.line as usize - 1).map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (self.line, self.column) {
            (0, _) => write!(f, "{kind}: {}: {}", self.file, self.message)?,
            (line, 0) => write!(f, "{kind}: {}:{line}: {}", self.file, self.message)?,
            (line, col) => write!(f, "{kind}: {}:{line}:{col}: {}", self.file, self.message)?,
        }
        if let Some(source) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            write!(f, "\n{pad} |\n{number} | {source}")?;
            if self.column > 0 {
                let indent: String =
                    source.chars().take(self.column as usize - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                write!(f, "\n{pad} | {indent}^")?;
            }
        }
        Ok(())
    }
}

/// Counts errors in a list of diagnostics.
pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_place_and_points_at_column() {
        let d = Diagnostic::error("c/vp.md", 2, 7, "bad value").with_source("---\norder: [1\n---\n");
        assert_eq!(d.to_string(), "error: c/vp.md:2:7: bad value\n  |\n2 | order: [1\n  |       ^");
    }
}
