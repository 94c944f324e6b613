//! Diagnostics: warnings and errors that name a file, line and column and show the line.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
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
    /// The file as the user named it (content root joined with the relative path). What is in
    /// no file names a pseudo-origin instead: `environment: SOURCE_DATE_EPOCH` for the
    /// environment variable, `program: folio-X` for an external backend's own messages.
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

/// How the pseudo-origins of [`Diagnostic::file`] begin.
const PSEUDO_ORIGINS: [&str; 2] = ["environment: ", "program: "];

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
    pub fn with_source(mut self, source: &SourceText) -> Self {
        self.source_line = source.line(self.line).map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether `file` names a file rather than a pseudo-origin (`environment: …`, `program: …`),
    /// which is shown as it is, never joined to a folder.
    pub fn names_a_file(&self) -> bool {
        !PSEUDO_ORIGINS.iter().any(|p| self.file.starts_with(p))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let (file, message) = (printable(&self.file), printable(&self.message));
        match (self.line, self.column) {
            (0, _) => write!(f, "{kind}: {file}: {message}")?,
            (line, 0) => write!(f, "{kind}: {file}:{line}: {message}")?,
            (line, col) => write!(f, "{kind}: {file}:{line}:{col}: {message}")?,
        }
        if let Some(source) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, column) = excerpt(source, self.column as usize);
            write!(f, "\n{pad} |\n{number} | {shown}")?;
            if column > 0 {
                let indent: String =
                    shown.chars().take(column - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
                write!(f, "\n{pad} | {indent}^")?;
            }
        }
        Ok(())
    }
}

/// A file's text with the start of every line, so that many diagnostics can show their line
/// without scanning the file each time.
pub struct SourceText<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        SourceText { text, starts }
    }

    /// The text of 1-based line `n`, without its line end.
    pub fn line(&self, n: u32) -> Option<&'a str> {
        let start = *self.starts.get((n as usize).checked_sub(1)?)?;
        let end = self.starts.get(n as usize).map_or(self.text.len(), |e| e - 1);
        self.text.get(start..end)
    }
}

/// Diagnostics kept per file; the rest are counted in one closing diagnostic.
pub const MAX_PER_FILE: usize = 50;

/// Keeps the first [`MAX_PER_FILE`] diagnostics of each file (sorted), replacing the rest with
/// one that says how many were left out (an error if any of them was).
pub fn cap_per_file(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort();
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len().min(1024));
    let mut iter = diagnostics.into_iter().peekable();
    while let Some(first) = iter.next() {
        let file = first.file.clone();
        let mut group = vec![first];
        while let Some(next) = iter.next_if(|d| d.file == file) {
            group.push(next);
        }
        if group.len() > MAX_PER_FILE {
            let rest = group.split_off(MAX_PER_FILE);
            let severity = rest.iter().map(|d| d.severity).max().unwrap_or(Severity::Warning);
            let message = format!("{} more diagnostics in this file are not shown", rest.len());
            group.push(Diagnostic::new(severity, file, 0, 0, message));
        }
        out.extend(group);
    }
    out
}

/// Characters of a source line shown at most; longer lines are cut around the column.
const EXCERPT_CHARS: usize = 100;

/// The part of a long line around `column`, control characters made visible, and the column
/// within that part.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }).collect();
    if chars.len() <= EXCERPT_CHARS {
        return (chars.into_iter().collect(), column);
    }
    let start = column.saturating_sub(EXCERPT_CHARS / 2).min(chars.len() - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let mut shown: String = if start > 0 { "…".into() } else { String::new() };
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let column = if column == 0 { 0 } else { column - start + usize::from(start > 0) };
    (shown, column)
}

/// `text` with its control characters escaped as Rust writes them (`\n`, `\u{1b}`), so that a
/// name or message printed to a terminal can neither split its line nor send it escape codes.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let escaped = text.chars().map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() });
    Cow::Owned(escaped.collect())
}

/// Counts errors in a list of diagnostics.
pub fn error_count(diagnostics: &[Diagnostic]) -> usize {
    diagnostics.iter().filter(|d| d.is_error()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_diagnostics_of_a_file_are_capped_but_errors_still_count() {
        let mut diagnostics: Vec<Diagnostic> = (1..=60).map(|l| Diagnostic::warning("a.md", l, 1, "w")).collect();
        diagnostics.push(Diagnostic::error("a.md", 99, 1, "e"));
        diagnostics.push(Diagnostic::warning("b.md", 1, 1, "w"));
        let capped = cap_per_file(diagnostics);
        assert_eq!(capped.len(), MAX_PER_FILE + 2);
        assert!(capped[MAX_PER_FILE].is_error() && capped[MAX_PER_FILE].message.starts_with("11 more"));
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::warning("f.md", 1, 501, "here").with_source(&SourceText::new(&line));
        let text = d.to_string();
        let shown = text.lines().nth(2).unwrap();
        let caret = text.lines().nth(3).unwrap();
        assert!(shown.chars().count() < 120, "{shown}");
        assert_eq!(shown.chars().position(|c| c == 'X'), caret.chars().position(|c| c == '^'));
    }

    #[test]
    fn control_characters_in_names_and_messages_are_escaped() {
        let d = Diagnostic::warning("a\nb\x1b[31m.md", 1, 0, "image `x\x07`");
        assert_eq!(d.to_string(), "warning: a\\nb\\u{1b}[31m.md:1: image `x\\u{7}`");
    }

    #[test]
    fn display_names_place_and_points_at_column() {
        let d = Diagnostic::error("c/vp.md", 2, 7, "bad value").with_source(&SourceText::new("---\norder: [1\n---\n"));
        assert_eq!(d.to_string(), "error: c/vp.md:2:7: bad value\n  |\n2 | order: [1\n  |       ^");
    }
}
