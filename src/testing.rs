//! What folio's own integration tests reach inside the crate: layout without a PDF around it, a
//! page's items as text, the image check. Not part of the library's API; it may change at any
//! time.

pub use crate::backends::pdf::book::layout_book;
pub use crate::backends::pdf::guide::layout_guide;
pub use crate::backends::pdf::PdfTheme;
pub use crate::layout::image_check::check as check_image;
pub use crate::layout::snapshot::snapshot;
