//! The namespaces of PresentationML; the escaping and relationships are the shared
//! [`crate::backends::ooxml`]'s.

pub use crate::backends::ooxml::{esc, push_esc, put, relationships, DECLARATION};

/// The namespace declarations of a PresentationML part (`a:`, `r:` and `p:`).
pub const NS: &str = concat!(
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
);
