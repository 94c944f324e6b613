//! folio turns a folder of Markdown documentation into print-ready PDFs, XLSX skill matrices
//! and slide decks, in one deterministic batch run.
//!
//! The pipeline: [`parse`] loads a content tree into the [`ir`]; [`backends`] render it into
//! files as bytes, the paged formats through the [`layout`] engine and the one [`pdf`] writer;
//! [`driver`] writes them to the output folder.

pub mod backends;
pub mod capped;
pub mod config;
pub mod diag;
pub mod driver;
pub mod error;
pub mod ir;
pub mod layout;
pub mod panic_guard;
pub mod parse;
pub mod pdf;
