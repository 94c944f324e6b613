//! Reading a file the user named, bounded: a pipe, socket or device (`/dev/zero`, a FIFO that
//! never ends) is refused before it is opened, and a regular file past its limit is refused
//! from its size, and read through `take(limit + 1)` in case it grows while read.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    NotAFile,
    /// Past `limit`: `bytes` long, or `None` for a file that grew past it while read.
    TooLarge {
        bytes: Option<u64>,
        limit: u64,
    },
    Io(std::io::Error),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::NotAFile => write!(f, "not a regular file (a pipe, socket or device); not read"),
            Refused::TooLarge { bytes: Some(bytes), limit } => {
                write!(f, "{bytes} bytes, over the limit of {limit} bytes; not read")
            }
            Refused::TooLarge { bytes: None, limit } => write!(f, "grew past the limit of {limit} bytes; not read"),
            Refused::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

/// The bytes of the regular file at `path` (symbolic links followed), at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    check(&std::fs::metadata(path).map_err(Refused::Io)?, limit)?;
    let file = std::fs::File::open(path).map_err(Refused::Io)?;
    // The name may have been pointed elsewhere between the two looks: look at what is open.
    check(&file.metadata().map_err(Refused::Io)?, limit)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(Refused::Io)?;
    match bytes.len() as u64 > limit {
        true => Err(Refused::TooLarge { bytes: None, limit }),
        false => Ok(bytes),
    }
}

fn check(meta: &std::fs::Metadata, limit: u64) -> Result<(), Refused> {
    if !meta.is_file() {
        return Err(Refused::NotAFile);
    }
    match meta.len() > limit {
        true => Err(Refused::TooLarge { bytes: Some(meta.len()), limit }),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_files_past_the_limit_are_refused() {
        assert!(matches!(read(Path::new("/dev/zero"), 10), Err(Refused::NotAFile)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read(&path, 10).unwrap(), b"0123456789");
        let refused = read(&path, 9).unwrap_err();
        assert_eq!(refused.to_string(), "10 bytes, over the limit of 9 bytes; not read");
    }
}
