//! `out/manifest.json`: what the last build made from what. It lets a rebuild with nothing
//! changed skip all work, and lets a rebuild remove the outputs it made before and no longer
//! makes, without ever touching a file it did not make.

use crate::diag::Diagnostic;
use crate::error::{Error, Result};
use crate::parse::display_path;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The manifest's file name in the output folder.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The largest manifest (or journal) read: 256 MB, far past a 100,000-page tree's; a larger
/// one, a pipe or a device in its place is not read.
pub const MAX_MANIFEST_BYTES: u64 = 256 << 20;

/// A record of one build.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub folio_version: String,
    /// Hash of what every output depends on besides the content: folio's version, the
    /// configuration, the formats and the shard. A change rebuilds everything.
    pub settings: String,
    pub inputs: Vec<Input>,
    pub outputs: Vec<Output>,
    /// Diagnostics of loading the content, repeated when a later run finds it up to date.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics of rendering, by the document they are about (`None`: the site).
    pub render_diagnostics: Vec<(Option<String>, Diagnostic)>,
    /// The font files (not bundled) the outputs were laid out with, by their whole path, with
    /// their hash: part of `settings`, so a changed font rebuilds everything.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fonts: Vec<Input>,
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
    /// The document it was made from; `None` for site-wide outputs, made from every input.
    pub document: Option<String>,
    /// The content files it was made from, relative to the content root.
    pub inputs: Vec<String>,
    pub size: u64,
    pub blake3: String,
}

impl Output {
    #[cfg(test)]
    pub fn new(path: &str, format: &str, document: Option<&str>, inputs: Vec<String>, bytes: &[u8]) -> Output {
        Output {
            path: path.to_string(),
            format: format.to_string(),
            document: document.map(str::to_string),
            inputs,
            size: bytes.len() as u64,
            blake3: hash(bytes),
        }
    }

    /// Whether the file on disk still has the size folio wrote (cheap: no reading).
    fn has_size(&self, out: &Path) -> bool {
        std::fs::metadata(out.join(&self.path)).is_ok_and(|m| m.len() == self.size)
    }

    /// Whether the file on disk is still exactly what folio wrote.
    pub(super) fn is_intact(&self, out: &Path) -> bool {
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
        let bytes = crate::capped::read(&out.join(MANIFEST_FILE), MAX_MANIFEST_BYTES).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn write(&self, out: &Path) -> Result<()> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| Error::backend("manifest", e.to_string()))?;
        bytes.push(b'\n');
        super::write::write_atomic(&out.join(MANIFEST_FILE), &bytes)
    }

    /// The documents (`None`: the site) of the outputs recorded that are not on disk with the
    /// size they were written with; they render again. (Sizes, not hashes, so that a no-change
    /// rebuild of a huge tree reads no outputs; `--force` is there for an output edited by hand
    /// to the same size.)
    pub fn damaged(&self, out: &Path) -> Vec<Option<String>> {
        self.outputs.iter().filter(|o| !o.has_size(out)).map(|o| o.document.clone()).collect()
    }

    /// Every diagnostic of the build, of loading and rendering, with files as the user named
    /// them (the content root being `root`), sorted.
    pub fn shown_diagnostics(&self, root: &Path) -> Vec<Diagnostic> {
        let all = self.diagnostics.iter().chain(self.render_diagnostics.iter().map(|(_, d)| d));
        let mut diagnostics: Vec<Diagnostic> = all.map(|d| shown(root, d.clone())).collect();
        diagnostics.sort();
        diagnostics.dedup();
        diagnostics
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

/// A diagnostic as the manifest records it: its file relative to the content root `root` if it
/// lies there, else absolute, so that `build ./content` and `build /abs/content` record the same.
pub fn recorded(root: &Path, mut diagnostic: Diagnostic) -> Diagnostic {
    if !diagnostic.names_a_file() {
        return diagnostic;
    }
    let prefix = display_path(root, "");
    match diagnostic.file.strip_prefix(&prefix) {
        Some(rel) if !rel.is_empty() && !Path::new(rel).is_absolute() => diagnostic.file = rel.to_string(),
        _ => {
            if let Ok(absolute) = std::path::absolute(&diagnostic.file) {
                diagnostic.file = absolute.display().to_string();
            }
        }
    }
    diagnostic
}

/// A recorded diagnostic as the user named its file: the reverse of [`recorded`].
pub fn shown(root: &Path, mut diagnostic: Diagnostic) -> Diagnostic {
    if diagnostic.names_a_file() {
        diagnostic.file = display_path(root, &diagnostic.file);
    }
    diagnostic
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

/// The BLAKE3 hash (hex) of the file at `path`, read a buffer at a time.
fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(std::fs::File::open(path)?)?;
    Ok(hasher.finalize().to_hex().to_string())
}

/// Hashes the input files, relative to `root`, in parallel. A file that cannot be read (one
/// deleted since it was listed) is recorded as unreadable, which matches no hash, so the next
/// build renders again; the loader, reading the tree after this, reports what it finds.
pub fn hash_inputs(root: &Path, files: &[String]) -> Vec<Input> {
    use rayon::prelude::*;
    files
        .par_iter()
        .map(|rel| {
            let blake3 =
                hash_file(&crate::parse::on_disk(root, rel)).unwrap_or_else(|e| format!("unreadable: {}", e.kind()));
            Input { path: rel.clone(), blake3 }
        })
        .collect()
}

/// The hashes of the font files at `paths`, in the order given.
pub fn hash_fonts(paths: impl IntoIterator<Item = String>) -> Vec<Input> {
    paths
        .into_iter()
        .map(|path| {
            let blake3 = hash_file(Path::new(&path)).unwrap_or_else(|e| format!("unreadable: {}", e.kind()));
            Input { path, blake3 }
        })
        .collect()
}

/// Joins the manifests of shard builds (whose outputs were gathered in one folder) into one.
pub fn merge_manifests(parts: &[Manifest]) -> Result<Manifest> {
    let first = parts.first().ok_or_else(|| Error::Usage("merge-manifests needs at least one manifest".into()))?;
    let mut merged = Manifest { folio_version: first.folio_version.clone(), ..Manifest::default() };
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        if part.inputs != first.inputs {
            return Err(Error::Usage("the manifests were built from different content".into()));
        }
        hasher.update(part.settings.as_bytes());
        for output in &part.outputs {
            if merged.outputs.iter().any(|o| o.path == output.path) {
                return Err(Error::Usage(format!("two shards made `{}`", output.path)));
            }
            merged.outputs.push(output.clone());
        }
        merged.diagnostics.extend(part.diagnostics.iter().cloned());
        merged.render_diagnostics.extend(part.render_diagnostics.iter().cloned());
    }
    merged.settings = hasher.finalize().to_hex().to_string();
    merged.inputs = first.inputs.clone();
    merged.outputs.sort_by(|a, b| a.path.cmp(&b.path));
    merged.diagnostics.sort();
    merged.diagnostics.dedup();
    merged.render_diagnostics.sort();
    merged.render_diagnostics.dedup();
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_input_that_is_gone_is_recorded_as_unreadable() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("here.md"), "# Here\n").unwrap();
        let inputs = hash_inputs(dir.path(), &["gone.md".into(), "here.md".into()]);
        assert_eq!(inputs[0].blake3, "unreadable: entity not found");
        assert_eq!(inputs[1].blake3, hash(b"# Here\n"));
    }

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
                Output::new("pdf/old.pdf", "pdf", None, vec![], b"old"),
                Output::new("pdf/edited.pdf", "pdf", None, vec![], b"as written"),
                Output::new("keep.json", "json", None, vec![], b"k"),
            ],
            ..Manifest::default()
        };
        let new =
            Manifest { outputs: vec![Output::new("keep.json", "json", None, vec![], b"k")], ..Manifest::default() };
        assert_eq!(old.remove_stale(&new, out.path()), ["pdf/old.pdf"]);
        assert!(out.path().join("pdf/edited.pdf").exists());
        assert!(out.path().join("foreign.txt").exists());
        assert!(new.damaged(out.path()).is_empty());
    }
}
