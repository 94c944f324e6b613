//! `out/manifest.json`: what the last build made from what. It lets a rebuild with nothing
//! changed skip all work, and lets a rebuild remove the outputs it made before and no longer
//! makes, without ever touching a file it did not make.

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The manifest's file name in the output folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// A record of one build.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub folio_version: String,
    /// Hash of every input file, the configuration, the formats and the folio version.
    pub key: String,
    pub inputs: Vec<Input>,
    pub outputs: Vec<Output>,
    /// The diagnostics of the build, repeated when a later run finds it up to date.
    pub diagnostics: Vec<Diagnostic>,
}

/// An input file, relative to the content root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    pub path: String,
    pub blake3: String,
}

/// An output file, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub path: String,
    pub format: String,
    pub size: u64,
    pub blake3: String,
}

impl Output {
    pub fn new(path: &str, format: &str, bytes: &[u8]) -> Output {
        Output { path: path.to_string(), format: format.to_string(), size: bytes.len() as u64, blake3: hash(bytes) }
    }

    /// Whether the file on disk is still exactly what folio wrote.
    fn is_intact(&self, out: &Path) -> bool {
        let path = out.join(&self.path);
        match std::fs::metadata(&path) {
            Ok(m) if m.len() == self.size => std::fs::read(&path).is_ok_and(|b| hash(&b) == self.blake3),
            _ => false,
        }
    }
}

impl Manifest {
    /// The manifest of the last build in `out`, if there is a readable one.
    pub fn read(out: &Path) -> Option<Manifest> {
        let bytes = std::fs::read(out.join(MANIFEST_FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn write(&self, out: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| Error::backend("manifest", e.to_string()))?;
        bytes.push(b'\n');
        super::write::write_atomic(&out.join(MANIFEST_FILE), &bytes)
    }

    /// Whether every output recorded is on disk as written.
    pub fn outputs_intact(&self, out: &Path) -> bool {
        self.outputs.iter().all(|o| o.is_intact(out))
    }

    /// Removes the outputs of `self` (an older build) that `newer` no longer makes, if they are
    /// unchanged since folio wrote them. Returns the paths removed.
    pub fn remove_stale(&self, newer: &Manifest, out: &Path) -> Vec<String> {
        let mut removed = Vec::new();
        for old in &self.outputs {
            if newer.outputs.iter().any(|n| n.path == old.path) || !old.is_intact(out) {
                continue;
            }
            let path = out.join(&old.path);
            if std::fs::remove_file(&path).is_ok() {
                removed.push(old.path.clone());
                remove_empty_parents(out, &path);
            }
        }
        removed
    }
}

/// Removes folders left empty by a removal, up to (not including) the output folder.
fn remove_empty_parents(out: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == out || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// The hex BLAKE3 hash of bytes.
pub fn hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Hashes the input files (relative to `root`) and everything else a build depends on.
pub fn input_key(root: &Path, files: &[String], settings: &str) -> Result<(String, Vec<Input>)> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(&[0]);
    hasher.update(settings.as_bytes());
    let mut inputs = Vec::with_capacity(files.len());
    for rel in files {
        let path = root.join(rel);
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let digest = hash(&bytes);
        for part in [rel.as_bytes(), &[0], digest.as_bytes(), &[0]] {
            hasher.update(part);
        }
        inputs.push(Input { path: rel.clone(), blake3: digest });
    }
    Ok((hasher.finalize().to_hex().to_string(), inputs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_outputs_go_and_foreign_or_edited_files_stay() {
        let out = tempfile::tempdir().unwrap();
        let write = |p: &str, b: &[u8]| {
            std::fs::create_dir_all(out.path().join(p).parent().unwrap()).unwrap();
            std::fs::write(out.path().join(p), b).unwrap();
        };
        write("pdf/old.pdf", b"old");
        write("pdf/edited.pdf", b"edited by hand");
        write("foreign.txt", b"mine");
        write("keep.json", b"k");
        let old = Manifest {
            outputs: vec![
                Output::new("pdf/old.pdf", "pdf", b"old"),
                Output::new("pdf/edited.pdf", "pdf", b"as written"),
                Output::new("keep.json", "json", b"k"),
            ],
            ..Manifest::default()
        };
        let new = Manifest { outputs: vec![Output::new("keep.json", "json", b"k")], ..Manifest::default() };
        assert_eq!(old.remove_stale(&new, out.path()), ["pdf/old.pdf"]);
        assert!(out.path().join("pdf/edited.pdf").exists());
        assert!(out.path().join("foreign.txt").exists());
        assert!(new.outputs_intact(out.path()));
    }
}
