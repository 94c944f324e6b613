//! Errors that stop a command, as opposed to diagnostics about the content.

use std::path::PathBuf;

/// A failure that ends a folio command. Content problems are [`crate::diag::Diagnostic`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The path is printed with its control characters escaped: a newline in a file name does
    /// not split the error's line.
    #[error("{}: {source}", crate::diag::printable(&path.to_string_lossy()))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
    /// `place` is the configuration file, with `:line:column` where the problem is known.
    #[error("{place}: invalid configuration: {message}")]
    Config { place: String, message: String },
    #[error("backend `{backend}` failed: {message}")]
    Backend { backend: String, message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    pub fn backend(backend: &str, message: impl Into<String>) -> Self {
        Error::Backend { backend: backend.to_string(), message: message.into() }
    }

    /// Whether this is the user's mistake in how folio was called or configured (exit code 2).
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::Usage(_) | Error::Config { .. })
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newline_in_a_path_does_not_split_the_error_line() {
        let e = Error::io("bad\nname\u{1b}[31m.md", std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(e.to_string().lines().count(), 1);
        assert!(e.to_string().starts_with("bad\\nname\\u{1b}[31m.md: "), "{e}");
    }
}
