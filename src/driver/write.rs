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

/// Whether a file name is one of folio's temporary files.
fn is_temp(name: &str) -> bool {
    let pid = name.strip_prefix(TEMP_PREFIX).filter(|_| name.ends_with(".tmp")).and_then(|rest| rest.split_once('-'));
    pid.is_some_and(|(pid, _)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes every temporary file of folio below `out`: left by a killed build, as the caller
/// holds the output folder's lock and no other build can be writing there. Other files stay.
/// Returns the paths removed.
pub fn remove_temps(out: &Path) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let mut pending = vec![out.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file()
                && is_temp(&entry.file_name().to_string_lossy())
                && std::fs::remove_file(&path).is_ok()
            {
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

/// [`write_atomic_with`] into a folder that exists.
pub fn write_atomic_in(path: &Path, write: &mut WriteFn) -> Result<Written> {
    let staged = stage(path, write)?;
    let written = staged.written.clone();
    staged.land(path)?;
    Ok(written)
}

/// A file written whole under a temporary name beside where it goes, not yet in place.
pub struct Staged {
    temp: tempfile::NamedTempFile,
    pub written: Written,
}

impl Staged {
    /// Renames the file into place at `path`.
    pub fn land(self, path: &Path) -> Result<()> {
        // No fsync: the rename alone means a killed build leaves the old file or the new one,
        // and syncing every output of a large tree would cost more than the rendering.
        self.temp.persist(path).map(|_| ()).map_err(|e| Error::io(path, e.error))
    }
}

/// Writes what `write` makes to a temporary file in the folder of `path` (which exists). When
/// writing to the file fails (a full disk), that failure is the error, whatever `write` made of
/// it; otherwise `write`'s error is.
pub fn stage(path: &Path, write: &mut WriteFn) -> Result<Staged> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    // The process id in the name tells which build wrote it.
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    builder.prefix(&prefix).suffix(".tmp");
    // Temporary files are private (0600); outputs are ordinary files others may read.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    let written = {
        // The hash is taken of the buffer's large writes, not of the writer's many small
        // ones: BLAKE3 hashes whole chunks side by side (SIMD) only when it gets them at once.
        let hashing = Hashing { inner: temp.as_file_mut(), hasher: blake3::Hasher::new(), size: 0, failed: None };
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, hashing);
        let outcome = write(&mut buffered).and_then(|()| buffered.flush().map_err(|e| Error::io(path, e)));
        let (hashing, _) = buffered.into_parts();
        if let Err(e) = outcome {
            return Err(hashing.failed.map_or(e, |cause| Error::io(path, cause)));
        }
        Written { size: hashing.size, blake3: hashing.hasher.finalize().to_hex().to_string() }
    };
    Ok(Staged { temp, written })
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
    fn temporary_files_of_folio_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("pdf");
        std::fs::create_dir_all(&nested).unwrap();
        let left = nested.join(".folio-4242-abc123.tmp");
        let foreign = [dir.path().join(".folio-notes.tmp"), dir.path().join("folio-1-a.tmp"), dir.path().join("a.pdf")];
        for path in foreign.iter().chain([&left]) {
            std::fs::write(path, b"x").unwrap();
        }
        assert_eq!(remove_temps(dir.path()), std::slice::from_ref(&left));
        assert!(!left.exists() && foreign.iter().all(|f| f.exists()));
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
