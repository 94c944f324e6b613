//! Errors that stop a command, as opposed to diagnostics about the content.

use std::path::PathBuf;

/// A failure that ends a folio command. Content problems are [`crate::diag::Diagnostic`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
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
