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
    /// For each slide, the entries (counted as `texts` are) of its part and relationships when
    /// they are the same in any deck ([`Slide::stands_alone`](crate::backends::slides::Slide)).
    pub(super) alone: Vec<Option<[usize; 2]>>,
}

/// The slide parts of a written deck, found by their text. Both decks hold the parts of a
/// slide in the same order, so the search goes on from the last part found.
pub(super) struct Shown<'z> {
    archive: Option<ZipArchive<Cursor<&'z [u8]>>>,
    first: usize,
    texts: &'z [String],
    alone: &'z [Option<[usize; 2]>],
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
            alone: written.map_or(&[], |w| w.alone.as_slice()),
            next: 0,
        })
    }

    /// The entries of the part and relationships of slide `index` (0-based) of the written deck,
    /// if they are the same in any deck: copied as they are, they need not be made again.
    pub(super) fn alone(&self, index: usize) -> Option<[usize; 2]> {
        self.alone.get(index).copied().flatten()
    }

    /// The entry `index` (counted as the texts are), the search for texts going on after it.
    pub(super) fn entry(&mut self, index: usize) -> ZipResult<Option<ZipFile<'_, Cursor<&'z [u8]>>>> {
        let Some(archive) = self.archive.as_mut() else { return Ok(None) };
        self.next = self.next.max(index + 1);
        archive.by_index_raw(self.first + index).map(Some)
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
