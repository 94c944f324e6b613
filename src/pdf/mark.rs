//! Named places on pages: the destinations links jump to and the outline's bookmarks, as the
//! set pages carry them and the writer places them.

use pdf_writer::Ref;

/// A named place on a page, and its bookmark if it has one.
#[derive(Clone)]
pub struct Mark {
    pub name: String,
    /// Height on the page to show from, in PDF's upward units.
    pub top: f32,
    pub outline: Option<(u8, String)>,
}

/// A mark on a page written.
pub struct Anchor {
    pub page: Ref,
    pub mark: Mark,
}
