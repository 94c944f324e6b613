//! Writing outputs: paths confined to the output folder, atomic replacement of every file.

use crate::backends::WriteFn;
use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// An artifact path as a relative path with no `..`, root or prefix.
pub fn safe_relative(path: &str) -> Result<PathBuf> {
    let rel = Path::new(path);
    let ok = !path.is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(rel.to_path_buf())
    } else {
        Err(Error::Usage(format!("refusing to write `{path}`: outputs must stay inside the output folder")))
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader sees the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_with(path, &mut |w| w.write_all(bytes).map_err(|e| Error::io(path, e))).map(|_| ())
}

/// How temporary files of folio start: `.folio-<pid>-<random>.tmp`.
const TEMP_PREFIX: &str = ".folio-";

/// Removes temporary files below `out` left by folio processes that no longer run (a killed
/// build); a running build's files and every other file are left alone. Only where running
/// processes can be told (`/proc`); elsewhere nothing is removed. Returns the paths removed.
pub fn remove_stale_temps(out: &Path) -> Vec<PathBuf> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return Vec::new();
    }
    let mut removed = Vec::new();
    let mut pending = vec![out.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                pending.push(path);
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name.strip_prefix(TEMP_PREFIX).filter(|_| name.ends_with(".tmp")).and_then(|rest| {
                let (pid, _) = rest.split_once('-')?;
                pid.parse::<u32>().ok()
            });
            let gone = pid.is_some_and(|pid| !proc.join(pid.to_string()).exists());
            if kind.is_file() && gone && std::fs::remove_file(&path).is_ok() {
                removed.push(path);
            }
        }
    }
    removed
}

/// What was written to a file: its size and BLAKE3 hash (hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub size: u64,
    pub blake3: String,
}

/// The folder a file at `path` goes into.
pub fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Like [`write_atomic`], with the bytes written by `write` as they are made; returns their
/// size and hash.
pub fn write_atomic_with(path: &Path, write: &mut WriteFn) -> Result<Written> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    write_atomic_in(path, write)
}

/// [`write_atomic_with`] into a folder that exists. When writing to the file fails (a full
/// disk), that failure is the error, whatever `write` made of it; otherwise `write`'s error is.
pub fn write_atomic_in(path: &Path, write: &mut WriteFn) -> Result<Written> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    // The process id in the name tells a later build whether the writer is gone (killed).
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(".tmp");
    // Temporary files are private (0600); outputs are ordinary files others may read.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    let written = {
        let inner = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        let mut hashing = Hashing { inner, hasher: blake3::Hasher::new(), size: 0, failed: None };
        let outcome = write(&mut hashing).and_then(|()| hashing.inner.flush().map_err(|e| Error::io(path, e)));
        if let Err(e) = outcome {
            return Err(hashing.failed.map_or(e, |cause| Error::io(path, cause)));
        }
        Written { size: hashing.size, blake3: hashing.hasher.finalize().to_hex().to_string() }
    };
    // No fsync: the rename alone means a killed build leaves the old file or the new one, and
    // syncing every output of a large tree would cost more than the rendering.
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(written)
}

/// A writer that hashes and counts what passes through it, and keeps its first failure.
struct Hashing<W: Write> {
    inner: W,
    hasher: blake3::Hasher,
    size: u64,
    failed: Option<std::io::Error>,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf).inspect_err(|e| keep_first(&mut self.failed, e))?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().inspect_err(|e| keep_first(&mut self.failed, e))
    }
}

/// Keeps a copy of `error` in `failed` unless it holds one already (or the call was only
/// interrupted, and is retried).
fn keep_first(failed: &mut Option<std::io::Error>, error: &std::io::Error) {
    if failed.is_none() && error.kind() != std::io::ErrorKind::Interrupted {
        *failed = Some(std::io::Error::new(error.kind(), error.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_output_are_refused() {
        assert!(safe_relative("pdf/vp.pdf").is_ok());
        for bad in ["../x", "/etc/passwd", "a/../../b", ""] {
            assert!(safe_relative(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn temporary_files_of_dead_processes_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("pdf");
        std::fs::create_dir_all(&nested).unwrap();
        // No process has the largest pid; this one is alive.
        let dead = nested.join(format!(".folio-{}-abc123.tmp", u32::MAX));
        let alive = dir.path().join(format!(".folio-{}-abc123.tmp", std::process::id()));
        let foreign = dir.path().join(".folio-notes.tmp");
        for path in [&dead, &alive, &foreign] {
            std::fs::write(path, b"x").unwrap();
        }
        let removed = remove_stale_temps(dir.path());
        if Path::new("/proc/self").exists() {
            assert_eq!(removed, std::slice::from_ref(&dead));
            assert!(!dead.exists());
        }
        assert!(alive.exists() && foreign.exists());
    }

    #[test]
    fn atomic_write_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }
}
