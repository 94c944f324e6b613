//! A document's own deck as written, kept so that the site deck, which shows the same slides
//! again, copies their parts compressed instead of compressing them a second time.

use crate::backends::ooxml::deflated;
use std::io::Cursor;
use zip::read::ZipFile;
use zip::result::ZipResult;
use zip::ZipArchive;

/// A deck as written: its `.pptx` bytes and the text of each of its slide parts.
pub struct Written {
    pub pptx: Vec<u8>,
    /// The entry of the first slide part (the template's parts come before).
    pub(super) first: usize,
    /// The text of each slide part, in the order of the entries.
    pub(super) texts: Vec<String>,
}

/// The slide parts of a written deck, found by their text. Both decks hold the parts of a
/// slide in the same order, so the search goes on from the last part found.
pub(super) struct Shown<'z> {
    archive: Option<ZipArchive<Cursor<&'z [u8]>>>,
    first: usize,
    texts: &'z [String],
    next: usize,
}

impl<'z> Shown<'z> {
    /// The parts of `written`; none for `None`.
    pub(super) fn open(written: Option<&'z Written>) -> ZipResult<Shown<'z>> {
        let archive = written.map(|w| ZipArchive::new(Cursor::new(w.pptx.as_slice()))).transpose()?;
        Ok(Shown {
            archive,
            first: written.map_or(0, |w| w.first),
            texts: written.map_or(&[], |w| w.texts.as_slice()),
            next: 0,
        })
    }

    /// The compressed entry whose text is `text`, if there is one and `text` is compressed at
    /// all (a stored part costs as much to copy as to write).
    pub(super) fn find(&mut self, text: &str) -> ZipResult<Option<ZipFile<'_, Cursor<&'z [u8]>>>> {
        let (Some(archive), true) = (self.archive.as_mut(), deflated(text.len())) else {
            return Ok(None);
        };
        match self.texts[self.next..].iter().position(|t| t == text) {
            Some(i) => {
                self.next += i + 1;
                archive.by_index_raw(self.first + self.next - 1).map(Some)
            }
            None => Ok(None),
        }
    }
}
