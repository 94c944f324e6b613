//! One build at a time per output folder: an advisory lock on a file in the folder, held for
//! the whole build, so two builds never interleave their writes or their manifests.

use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::path::Path;

/// The lock file's name in the output folder; the loader skips a folder that holds one.
pub const LOCK_FILE: &str = crate::parse::OUTPUT_FOLDER_MARK;

/// What to do when another build holds the output folder.
#[derive(Clone, Copy, Default)]
pub enum Wait<'a> {
    /// Wait for it quietly.
    #[default]
    Block,
    /// Wait for it, and call this first (to tell the user why nothing happens).
    Telling(&'a (dyn Fn() + Sync)),
    /// Stop with a usage error.
    Fail,
}

/// The held lock; released when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct OutputLock {
    _file: File,
}

/// Takes the lock of the output folder `out` (which exists), waiting for another build as
/// `wait` says.
pub fn acquire(out: &Path, wait: Wait) -> Result<OutputLock> {
    let path = out.join(LOCK_FILE);
    let file = File::options().create(true).truncate(false).write(true).open(&path).map_err(|e| Error::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => return Ok(OutputLock { _file: file }),
        Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        Err(TryLockError::WouldBlock) => {}
    }
    match wait {
        Wait::Fail => {
            return Err(Error::Usage(format!(
                "another folio build is writing to {}; not waiting (--no-wait)",
                out.display()
            )))
        }
        Wait::Telling(tell) => tell(),
        Wait::Block => {}
    }
    file.lock().map_err(|e| Error::io(&path, e))?;
    Ok(OutputLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_of_one_folder_is_refused_until_the_first_is_dropped() {
        let out = tempfile::tempdir().unwrap();
        let first = acquire(out.path(), Wait::Fail).unwrap();
        let second = acquire(out.path(), Wait::Fail).unwrap_err();
        assert!(second.is_usage() && second.to_string().contains("another folio build"), "{second}");
        drop(first);
        assert!(acquire(out.path(), Wait::Fail).is_ok());
    }
}
