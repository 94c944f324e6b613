//! The one PDF writer, for the guides, the book and the slide decks: it takes pages of the
//! layout's items ([`crate::layout::Page`]), sets them ([`SetPages`]: content streams made and
//! compressed) and writes them into a PDF as they come ([`PdfWriter`]), with the document
//! information ([`Info`]) and how links between documents go ([`Links`]) given by the caller.
//! The PDF is tagged (PDF/UA-1): the structure the layout gives its items becomes the structure
//! tree, and everything else is marked as an artifact.
//! It knows no backend and no page design.

mod cff;
mod colour;
mod colour_line;
mod content;
mod file;
mod fonts;
mod icc;
mod id;
mod image;
mod info;
mod links;
mod mark;
mod outline;
mod pack;
mod png_rows;
mod set;
mod svg;
mod tags;
mod writer;
mod xmp;

pub use info::Info;
pub use links::Links;
pub use mark::Mark;
pub use outline::nest_outline;
pub use set::SetPages;
pub use writer::PdfWriter;
