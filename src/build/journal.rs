//! `.folio-journal`: each output recorded as it lands, so that the manifest can be made to match
//! the disk whenever a build is killed. A build appends one JSON line per output, before the
//! rename that puts it in place; the manifest, written at the end, makes the journal moot and
//! it is deleted. The next build in the folder folds a journal it finds into the manifest.

use super::manifest::{Input, Manifest, Output, MAX_MANIFEST_BYTES};
use super::plan::document_id;
use crate::backends::Scope;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// The journal's name in the output folder.
pub const JOURNAL_FILE: &str = ".folio-journal";

/// An input hash that matches no file: its document must be rendered again.
const INTERRUPTED: &str = "interrupted";

/// The journal's first line: what the build that wrote it was making.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    settings: String,
    inputs: Vec<Input>,
    /// The documents it rendered; `None`: all.
    documents: Option<Vec<String>>,
}

/// The journal of a running build.
#[derive(Debug)]
pub struct Journal {
    file: Mutex<std::fs::File>,
    path: std::path::PathBuf,
}

impl Journal {
    /// Starts the journal of a build of `inputs` with `settings`, rendering `scope`.
    pub fn start(out: &Path, settings: &str, inputs: &[Input], scope: &Scope) -> Result<Journal> {
        let path = out.join(JOURNAL_FILE);
        let documents = scope.documents.as_ref().map(|d| d.iter().cloned().collect());
        let header = Header { settings: settings.to_string(), inputs: inputs.to_vec(), documents };
        let file = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        let journal = Journal { file: Mutex::new(file), path };
        journal.append(&header)?;
        Ok(journal)
    }

    /// Records an output about to land.
    pub fn record(&self, output: &Output) -> Result<()> {
        self.append(output)
    }

    /// Writes one line in a single write, so a kill leaves whole lines (and at most a last
    /// part line, which is ignored).
    fn append(&self, value: &impl Serialize) -> Result<()> {
        let mut line = serde_json::to_vec(value).map_err(|e| Error::backend("journal", e.to_string()))?;
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        file.write_all(&line).map_err(|e| Error::io(&self.path, e))
    }

    /// The journal is folded into the manifest written: it goes.
    pub fn finish(self) -> Result<()> {
        std::fs::remove_file(&self.path).map_err(|e| Error::io(&self.path, e))
    }
}

/// The record of what the output folder `out` holds from earlier builds: the manifest, with a
/// journal a killed build left folded into it (and written back, the journal deleted). Only
/// outputs whose file has the hash the journal recorded are taken; the documents the killed
/// build was rendering are marked to render again.
pub fn recover(out: &Path) -> Result<Option<Manifest>> {
    let manifest = Manifest::read(out);
    let path = out.join(JOURNAL_FILE);
    let Ok(bytes) = crate::capped::read(&path, MAX_MANIFEST_BYTES) else { return Ok(manifest) };
    let text = String::from_utf8_lossy(&bytes);
    let mut lines = text.lines();
    let header = lines.next().and_then(|l| serde_json::from_str::<Header>(l).ok());
    let landed: Vec<Output> =
        lines.filter_map(|l| serde_json::from_str::<Output>(l).ok()).filter(|o| o.is_intact(out)).collect();
    let manifest = manifest.unwrap_or_default();
    let news = landed.iter().any(|o| !manifest.outputs.contains(o));
    // When nothing new landed (an error stopped the build early, or a `--force` rebuild was
    // killed), the manifest still describes the disk exactly and stays as it is.
    let manifest = if news { fold(manifest, header, landed) } else { manifest };
    if news {
        manifest.write(out)?;
    }
    std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
    Ok(Some(manifest).filter(|m| *m != Manifest::default()))
}

/// After an error stopped a build: folds its journal into the manifest now, or, if that fails
/// too (a full disk), leaves it for the next build to fold.
pub fn settle(out: &Path) {
    let _ = recover(out);
}

/// `manifest` with the outputs that landed, for the build `header` describes.
fn fold(mut manifest: Manifest, header: Option<Header>, landed: Vec<Output>) -> Manifest {
    for output in landed {
        manifest.outputs.retain(|o| o.path != output.path);
        manifest.outputs.push(output);
    }
    manifest.outputs.sort_by(|a, b| a.path.cmp(&b.path));
    let Some(header) = header.filter(|h| (&h.settings, &h.inputs) != (&manifest.settings, &manifest.inputs)) else {
        // The killed build made what the manifest already describes (`--force`, a repair).
        return manifest;
    };
    manifest.settings = header.settings;
    manifest.inputs = header.inputs;
    let rendering = |id: &str| header.documents.as_ref().is_none_or(|d| d.iter().any(|x| x == id));
    let mut marked = false;
    for input in &mut manifest.inputs {
        if document_id(&input.path).is_some_and(rendering) {
            input.blake3 = INTERRUPTED.to_string();
            marked = true;
        }
    }
    if !marked {
        // Only site-wide outputs were being made: nothing narrower says they are stale.
        manifest.settings = INTERRUPTED.to_string();
    }
    manifest
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn input(path: &str, blake3: &str) -> Input {
        Input { path: path.into(), blake3: blake3.into() }
    }

    #[test]
    fn a_killed_builds_journal_is_folded_by_hash_and_marks_what_it_was_rendering() {
        let out = tempfile::tempdir().unwrap();
        let out = out.path();
        std::fs::write(out.join("a.pdf"), "old a").unwrap();
        std::fs::write(out.join("b.pdf"), "old b").unwrap();
        let a = Output::new("a.pdf", "pdf", Some("a"), vec!["a.md".into()], b"old a");
        let old_b = Output::new("b.pdf", "pdf", Some("b"), vec!["b.md".into()], b"old b");
        let last = Manifest {
            settings: "s".into(),
            inputs: vec![input("a.md", "1"), input("b.md", "2")],
            outputs: vec![a.clone(), old_b],
            ..Manifest::default()
        };
        last.write(out).unwrap();
        // A build of a changed b.md is killed: b.pdf landed; c.pdf was recorded but not renamed
        // into place; the last line was being written.
        let scope = Scope { documents: Some(BTreeSet::from(["b".into(), "c".into()])), site: true };
        let journal = Journal::start(out, "s", &[input("a.md", "1"), input("b.md", "3")], &scope).unwrap();
        let new_b = Output::new("b.pdf", "pdf", Some("b"), vec!["b.md".into()], b"new b");
        journal.record(&new_b).unwrap();
        std::fs::write(out.join("b.pdf"), "new b").unwrap();
        journal.record(&Output::new("c.pdf", "pdf", Some("c"), vec!["c.md".into()], b"c")).unwrap();
        drop(journal);
        let mut file = std::fs::File::options().append(true).open(out.join(JOURNAL_FILE)).unwrap();
        file.write_all(b"{\"path\": \"d.pd").unwrap();

        let folded = recover(out).unwrap().unwrap();
        assert_eq!(folded.outputs, [a, new_b]);
        assert_eq!(folded.inputs, [input("a.md", "1"), input("b.md", INTERRUPTED)]);
        assert_eq!(Manifest::read(out).as_ref(), Some(&folded));
        assert!(!out.join(JOURNAL_FILE).exists());
        // Nothing left to fold: the manifest is read as it is.
        assert_eq!(recover(out).unwrap(), Some(folded));
    }
}
