//! The build's [`Sink`]: writes each output atomically as a backend hands it over, so no build
//! holds all its outputs in memory, and records it in the journal and for the manifest.

use super::manifest::{Output, MANIFEST_FILE};
use super::write::{folder_of, safe_relative, stage};
use super::Target;
use crate::backends::{Sink, WriteFn};
use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::parse::display_path;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// A diagnostic about the outputs of a document (`None`: the site).
pub type ByDocument = (Option<String>, Diagnostic);

/// What every backend's sink of one build shares: the names taken and the outputs written.
#[derive(Debug, Default)]
pub struct Written {
    names: Mutex<HashSet<String>>,
    /// Folders of the output made so far, each created once.
    folders: Mutex<HashSet<std::path::PathBuf>>,
    outputs: Mutex<Vec<Output>>,
    /// Outputs not written because a file folio did not make is in their place.
    refused: Mutex<Vec<ByDocument>>,
}

impl Written {
    /// The outputs written, in no particular order, and the errors of outputs refused.
    pub fn into_parts(self) -> (Vec<Output>, Vec<ByDocument>) {
        (into_inner(self.outputs), into_inner(self.refused))
    }
}

/// Writes one backend's outputs into the output folder.
pub struct DiskSink<'a> {
    pub target: &'a Target<'a>,
    /// The content root, to name documents as the user does.
    pub root: &'a Path,
    pub format: &'a str,
    /// Document id to its source file, the input of its outputs.
    pub sources: &'a BTreeMap<String, String>,
    pub written: &'a Written,
}

fn into_inner<T>(mutex: Mutex<T>) -> T {
    mutex.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl DiskSink<'_> {
    /// The error for an output whose place is taken by a file folio did not make: about the
    /// page it was made from, or about the file for a site-wide output.
    fn foreign(&self, path: &str, target: &Path, document: Option<&str>) -> ByDocument {
        let source = document.and_then(|d| self.sources.get(d));
        let (file, of) = match source {
            Some(source) => (display_path(self.root, source), "this page"),
            None => (target.display().to_string(), "the whole site"),
        };
        let message = format!(
            "the {} output `{path}` of {of} would replace {}, a file folio did not make; that file is left as it is and the output is not written",
            self.format,
            target.display()
        );
        (document.map(str::to_string), Diagnostic::error(file, 0, 0, message))
    }

    /// Creates the folder of an output, once per build.
    fn make_folder(&self, folder: &Path) -> Result<()> {
        let mut folders = lock(&self.written.folders);
        if !folders.contains(folder) {
            std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
            folders.insert(folder.to_path_buf());
        }
        Ok(())
    }
}

impl Sink for DiskSink<'_> {
    fn put_with(&self, path: &str, document: Option<&str>, write: &mut WriteFn) -> Result<()> {
        let rel = safe_relative(path)?;
        if path == MANIFEST_FILE || !lock(&self.written.names).insert(path.to_string()) {
            return Err(Error::backend(self.format, format!("two outputs named `{path}`")));
        }
        let target = self.target.out.join(rel);
        if std::fs::symlink_metadata(&target).is_ok() && !self.target.owned.contains(path) {
            lock(&self.written.refused).push(self.foreign(path, &target, document));
            return Ok(());
        }
        self.make_folder(folder_of(&target))?;
        let staged = stage(&target, write)?;
        let inputs = match document.and_then(|d| self.sources.get(d)) {
            Some(source) => vec![source.clone()],
            None => self.target.files.to_vec(),
        };
        let output = Output {
            path: path.to_string(),
            format: self.format.to_string(),
            document: document.map(str::to_string),
            inputs,
            size: staged.written.size,
            blake3: staged.written.blake3.clone(),
        };
        // Recorded before it lands: a kill between the two leaves a record the next build
        // checks against the file's hash, never a file of ours that no record names.
        self.target.journal.record(&output)?;
        staged.land(&target)?;
        lock(&self.written.outputs).push(output);
        if let Some(progress) = self.target.progress {
            progress(super::Progress::Wrote(path));
        }
        Ok(())
    }
}
