//! Writing outputs: paths confined to the output folder, atomic replacement of every file.

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
    write_atomic_with(path, &mut |w| w.write_all(bytes)).map(|_| ())
}

/// What was written to a file: its size and BLAKE3 hash (hex).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub size: u64,
    pub blake3: String,
}

/// Like [`write_atomic`], with the bytes written by `write` as they are made; returns their
/// size and hash.
pub fn write_atomic_with(path: &Path, write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>) -> Result<Written> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-").suffix(".tmp");
    // Temporary files are private (0600); outputs are ordinary files others may read.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(dir).map_err(|e| Error::io(dir, e))?;
    let written = {
        let inner = std::io::BufWriter::with_capacity(1 << 16, temp.as_file_mut());
        let mut hashing = Hashing { inner, hasher: blake3::Hasher::new(), size: 0 };
        write(&mut hashing).and_then(|()| hashing.inner.flush()).map_err(|e| Error::io(path, e))?;
        Written { size: hashing.size, blake3: hashing.hasher.finalize().to_hex().to_string() }
    };
    // No fsync: the rename alone means a killed build leaves the old file or the new one, and
    // syncing every output of a large tree would cost more than the rendering.
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(written)
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W: Write> {
    inner: W,
    hasher: blake3::Hasher,
    size: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
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
